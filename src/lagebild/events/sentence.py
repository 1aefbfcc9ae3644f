"""A working view of one sentence: its tokens, clauses and entity mentions.

Built only for sentences that contain a trigger, so the cost of this module is paid
on a small share of the text.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from lagebild.events.lexicon import Lexicon
from lagebild.model import Span

# a parenthesis does not end a clause: "hat die Marine ein Schiff (mit 16 Aktivisten) geentert"
_CLAUSE_PUNCT = frozenset({",", ";", ":", "–", "—"})
_HARD_PUNCT = frozenset({";", ":", "–", "—"})
_QUOTES = frozenset('"„“”«»‚‘’\'')


@dataclass
class Mention:
    """An entity mention inside the sentence, with what stands before it."""

    start: int
    end: int
    entity: str
    kind: str                # name | demonym | metonym | pronoun | anaphor | surface
    etype: str
    tok: int                 # index of its first token in the sentence
    last: int                # index of its last token
    marker: str | None = None    # preposition or case cue ("dat", "gen") before it
    group: int = -1              # coordination group ("die USA, Russland und ...")
    attribute_of: int | None = None  # token index of the noun a demonym modifies
    surface: str = ""
    territory: bool = False          # a demonym before "Territorium", "Boden": the country as a place
    in_timex: bool = False           # inside a temporal expression ("Wednesday"): never an argument
    role_attr: bool = False          # "Brandenburgs Wirtschaftsminister Ulrich Junghanns": the state of an office
    acts_as: bool = False            # a demonym standing for its state's body ("die syrische Regierung")


@dataclass
class SentenceView:
    """Tokens and clause segments of a sentence plus the mentions that fall in it."""

    span: Span
    tokens: list[Span]
    words: list[str]            # lower-cased token texts
    raw: list[str]              # token texts as written
    clause_of: list[int]        # clause index of each token
    clauses: list[tuple[int, int]]  # token ranges [a, b)
    mentions: list[Mention] = field(default_factory=list)

    def tok_at(self, offset: int) -> int:
        """Index of the token that contains (or starts after) a character offset."""
        i = bisect_left([t.end for t in self.tokens], offset + 1)
        return min(i, len(self.tokens) - 1)


def build_view(text: str, sent: Span, tokens: list[Span], lex: Lexicon) -> SentenceView:
    """Split a sentence into clause segments.

    A comma opens a new clause only before a clause opener ("dass", a relative
    pronoun, "in deren"); a comma between two names is coordination and never
    splits, so "die USA, Russland und Großbritannien" stays one noun phrase.
    """
    raw = [text[t.start:t.end] for t in tokens]
    words = [w.lower() for w in raw]
    openers = lex.words_of("clause_openers")
    aux = lex.words_of("passive_aux") | lex.words_of("perfect_aux")
    articles = lex.words_of("articles")
    reporting = lex.words_of("reporting") | {"berichtet", "berichten", "mitteilte", "meldet", "meldete"}
    sources = lex.words_of("source_openers")
    preps = set(lex.cues.get("markers", {}))
    clause_of: list[int] = []
    clauses: list[tuple[int, int]] = []
    start = 0
    cur = 0
    n = len(words)
    for i, w in enumerate(words):
        split = False
        if i > 0 and words[i - 1] in _CLAUSE_PUNCT:
            if words[i - 1] in _HARD_PUNCT or w in openers and not (i + 1 < n and words[i + 1][:1].isdigit()):
                split = True   # but ", den 09.04.2005," is a date in apposition
            elif w in preps and i + 1 < n and words[i + 1] in openers:
                split = True   # ", in deren Rahmen", ", with which"
            elif words[i - 1] == "," and _opens_infinitive(words, i):
                split = True   # ", russische Atomwaffen nach Weißrussland zu verlegen"
            elif words[i - 1] == "," and n - i <= 14 and any(x in reporting for x in words[i:]):
                split = True   # "..., a Jordanian official confirmed."
            elif words[i - 1] == "," and words[start] in sources and any(x in reporting for x in words[start:i]):
                split = True   # "Wie BBC berichtet, wurden ..."
        elif i > 0 and words[i - 1] in ("und", "oder", "and", "but", "aber") and w in ("dass", "daß", "that"):
            split = True
        elif i > 1 and w in ("if", "unless") and words[i - 1] not in ("as", "even", "only"):
            split = True   # "threatened to ban voting ... if Hamas ran": the condition is another clause
        elif i > 1 and w in ("und", "aber") and words[i - 1] in aux and i + 1 < n and words[i + 1] in articles:
            split = True   # "eingetroffen sei und die Systeme ... sollen": a new clause
        if split and i > start:
            clauses.append((start, i))
            start = i
            cur += 1
        clause_of.append(cur)
    clauses.append((start, n))
    return SentenceView(sent, tokens, words, raw, clause_of, clauses)


def _opens_infinitive(words: list[str], i: int) -> bool:
    """Whether the stretch after a comma is a zu-infinitive clause ("..., X zu tun,")."""
    for j in range(i, min(len(words), i + 14)):
        if words[j] in (",", ";", ":", ".", "!", "?"):
            return False
        if words[j] in ("zu", "to") and j + 1 < len(words) and words[j + 1][:1].isalpha() and j > i:
            return words[j] == "zu"
        if "zu" in words[j][2:5] and words[j].endswith("en") and j > i:
            return True    # "beizutreten", "einzuladen"
    return False


def attach_mentions(view: SentenceView, text: str, mentions: list[tuple[int, int, str, str, str]],
                    lex: Lexicon) -> None:
    """Place entity mentions on the sentence's tokens and find their markers.

    The marker is the preposition that governs the mention (looking left over
    articles, adjectives and nouns: "in seinem Nachbarland Belarus" -> "in"), or a
    case cue from the article ("dem Unionsstaat" -> dat, "der Ukraine" after a noun
    -> gen). Coordinated mentions share a group and the first one's marker.
    """
    preps = lex.cues.get("markers", {})
    inner = lex.words_of("np_inner")
    territory = lex.words_of("territory_nouns")
    actor_nouns = lex.words_of("actor_nouns")
    role_suffixes = tuple(lex.cues.get("role_suffixes", ()))
    out: list[Mention] = []
    # longest first, so nested mentions (a demonym inside an organisation) are dropped
    for start, end, ent, kind, etype in sorted(mentions, key=lambda m: (m[0], -(m[1] - m[0]))):
        if out and start < out[-1].end:
            continue
        a = view.tok_at(start)
        b = view.tok_at(max(start, end - 1))
        m = Mention(start, end, ent, kind, etype, a, b, surface=text[start:end])
        out.append(m)
    view.mentions = out
    group = 0
    for idx, m in enumerate(out):
        m.marker = _marker(view, m, preps, inner)
        if m.kind == "demonym" and m.last + 1 < len(view.words) and view.words[m.last + 1] in territory:
            m.territory = True
        if m.kind == "demonym" and m.last + 1 < len(view.words) and view.words[m.last + 1] in actor_nouns:
            m.attribute_of = m.last + 1    # "Russian aircraft", "die syrische Regierung"
        elif m.kind == "demonym":
            nxt = m.last + 1
            # "russische taktische Atomwaffen": the demonym modifies the next noun
            while nxt < len(view.words) and view.raw[nxt][:1].islower() and view.words[nxt] not in preps \
                    and view.words[nxt] not in (",", "und", "and") and nxt - m.last <= 2:
                nxt += 1
            if nxt < len(view.words) and view.words[nxt] not in territory and view.raw[nxt][:1].isupper():
                m.attribute_of = nxt
        if m.attribute_of is not None and m.attribute_of < len(view.words):
            noun = view.words[m.attribute_of]
            person_next = any(o.etype == "PERSON" and 0 < o.tok - m.attribute_of <= 2 for o in out)
            m.acts_as = noun in actor_nouns and not person_next
        nxt = m.last + 1
        if nxt < len(view.words) and view.raw[nxt][:1].isupper() and view.words[nxt].endswith(role_suffixes) \
                and any(o.etype == "PERSON" and 0 < o.tok - nxt <= 2 for o in out):
            m.role_attr = True
        prev = out[idx - 1] if idx else None
        if prev is not None and prev.last + 1 < m.tok and \
                all(w in (",", "und", "oder", "and", "or", "sowie") or w in inner
                    for w in view.words[prev.last + 1:m.tok]) and \
                any(w in (",", "und", "oder", "and", "or", "sowie") for w in view.words[prev.last + 1:m.tok]):
            m.group = prev.group
            if m.marker is None or m.marker in ("und", "oder"):
                m.marker = prev.marker
        else:
            group += 1
            m.group = group


_DETERMINERS = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres",
    "dessen", "deren", "diese", "diesen", "diesem", "dieser", "dieses", "the", "a", "an", "its", "their",
    "his", "her", "our", "this", "these", "those"})


def _marker(view: SentenceView, m: Mention, preps: dict[str, str], inner: frozenset[str]) -> str | None:
    """The preposition or case cue in front of a mention (None: a bare noun phrase).

    Looks left over adjectives and nouns ("in seinem Nachbarland Belarus"); an
    article ends the noun phrase, so only a preposition right before it counts
    ("im Budapester Memorandum die USA": the USA are bare).
    """
    words, raw = view.words, view.raw
    lex_en = "the" in inner
    lo = view.clauses[view.clause_of[m.tok]][0]
    i = m.tok - 1
    steps = 0
    # a name's genitive -s after a consonant ("Russlands", not "Belarus", "Paris")
    if i >= lo and not lex_en and m.kind == "name" and m.etype != "PERSON" and m.surface.endswith("s") \
            and len(m.surface) > 2 \
            and m.surface[-2] not in "aeiouy" and raw[i][:1].isupper() \
            and words[i] not in inner and raw[i].isalpha():
        return "gen"   # "der Vorschlag Schwedens", "der Aufmarsch Russlands"
    while i >= lo and steps < 5:
        w = words[i]
        left = words[i - 1] if i - 1 >= lo else ""
        if w in preps and not (w == "to" and left == "up"):   # "up to 100 ethnic Albanians"
            return w
        if w in inner and w not in _DETERMINERS and w.isalpha() and steps < 3:
            i -= 1            # "für das ehemalige Jugoslawien": an adjective, go on
            steps += 1
            continue
        if w in ("dem", "einem", "des", "eines", "der", "the", "a", "an") or w in inner:
            if left in preps:
                return left
            if w in ("dem", "einem"):
                return "dat"
            if w in ("des", "eines"):
                return "gen"
            if w == "der" and i - 1 >= lo and raw[i - 1][:1].isupper() and left not in inner:
                return "gen"       # "Souveränität der Ukraine"
            return None
        if w == "of":
            return "of"
        if w in _QUOTES:
            i -= 1
            continue
        if w[:1].isdigit() and steps < 3:
            i -= 1
            steps += 1
            continue
        english_adj = lex_en and raw[i][:1].islower() and steps < 2 and w.isalpha() and len(w) > 3
        if raw[i][:1].isupper() or english_adj or (raw[i][:1].islower() and w.endswith(("e", "en", "em", "er", "es"))
                                                   and steps < 2 and w not in ("haben", "werden", "sollen")):
            i -= 1
            steps += 1
            continue
        break
    return None


def clause_span(view: SentenceView, idx: int) -> Span:
    """Character span of clause ``idx``."""
    a, b = view.clauses[idx]
    return Span(view.tokens[a].start, view.tokens[b - 1].end)
