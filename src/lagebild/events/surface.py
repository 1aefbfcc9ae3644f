"""Noun phrases as stand-in arguments where no entity stage knows the actors.

Used only when asked for (``code_events(doc, surface_fallback=True)``), to score
event typing and argument positions on text such as PLOVER's English examples,
whose actors ("Sri Lankan army", "Nigerian authorities") are outside any entity
list. A stand-in is a run of capitalised words, a nationality adjective, or a
noun for a group of people (police, rebels, government), with the words around it
that belong to the same noun phrase.
"""

from __future__ import annotations

from lagebild.events.lexicon import Lexicon
from lagebild.events.sentence import SentenceView

MentionRow = tuple[int, int, str, str, str]


def surface_rows(view: SentenceView, known: list[MentionRow], lex: Lexicon) -> list[MentionRow]:
    """Pseudo-mentions (kind ``surface``) for noun phrases no entity covers."""
    groups = lex.words_of("group_nouns")
    skip = lex.words_of("np_inner") | lex.words_of("surface_stop")
    covered = [(r[0], r[1]) for r in known]
    out: list[MentionRow] = []
    i, n = 0, len(view.words)
    while i < n:
        w, raw = view.words[i], view.raw[i].split("'")[0].split("’")[0]
        cap = raw[:1].isupper() and w not in skip and raw.isalpha() or raw[:1].isupper() and "-" in raw or \
            (raw.isupper() and len(raw) > 1)
        if cap or w in groups:
            j = i
            while j + 1 < n and (view.raw[j + 1][:1].isupper() and view.words[j + 1] not in skip
                                 or view.words[j + 1] in groups or view.words[j + 1] in ("of", "'s", "-")
                                 and j + 2 < n and view.raw[j + 2][:1].isupper()):
                j += 1
            a, b = view.tokens[i].start, view.tokens[j].end
            if not any(x < b and a < y for x, y in covered):
                surface = " ".join(view.words[i:j + 1])
                out.append((a, b, "~" + surface, "surface", "GROUP"))
            i = j + 1
            continue
        i += 1
    return out
