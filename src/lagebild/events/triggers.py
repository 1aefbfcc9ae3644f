"""Finding trigger words in a sentence and deciding what form they take.

A candidate from the lexicon's regular expression becomes a trigger unless it is
part of a name, a separable verb without its particle, or a participle used as
an adjective ("die stationierten Waffen"). The trigger records whether it is a
nominalisation, a passive participle or a zu-infinitive, which decides how its
arguments are read.
"""

from __future__ import annotations

import re

from lagebild.events.arguments import Trigger
from lagebild.events.lexicon import Lexicon, Pattern
from lagebild.events.sentence import SentenceView


def _particle_later(view: SentenceView, ti: int, particle: str) -> bool:
    """A separated particle closes the clause: "lädt andere Länder ein," (not "an der Grenze")."""
    a, b = view.clauses[view.clause_of[ti]]
    for j in range(ti + 1, b):
        if view.words[j] == particle:
            nxt = view.words[j + 1] if j + 1 < len(view.words) else "."
            if not nxt[:1].isalnum() or nxt in ("und", "oder", "aber", "sowie", "weil", "dass"):
                return True
    return False


def find_triggers(view: SentenceView, hits: list[re.Match[str]], lex: Lexicon) -> list[Trigger]:
    """Triggers among the lexicon's matches in this sentence, in text order."""
    out: list[Trigger] = []
    aux = lex.words_of("passive_aux")
    not_triggers = lex.words_of("not_triggers")
    for m in hits:
        word = " ".join(m.group(0).lower().split())
        ti = view.tok_at(m.start())
        if view.tokens[ti].start != m.start():
            continue
        if lex.lang == "en" and ti > 0 and view.raw[ti][:1].isupper():
            continue   # "Asia-Pacific Economic Cooperation": part of a name
        if word in not_triggers or any(mt.start <= m.start() < mt.end for mt in view.mentions):
            continue   # "Organisation für Sicherheit und Zusammenarbeit": inside a name
        if lex.lang == "de" and _attributive(view, ti, word):
            continue   # "die auf ihrem Boden stationierten Atomwaffen": a modifier, not an event
        for pat, stem in lex.lookup(word):
            if (stem, pat.lemma) in lex.split and not _particle_later(view, ti, pat.particle or ""):
                continue
            if pat.needs and not _has_object(view, lex, pat.needs):
                continue
            out.append(_make_trigger(view, ti, word, pat, lex, aux))
            break
    # a light verb ("gave", "sent") yields to a fuller trigger in its clause ("gave ... a warm welcome")
    full = {view.clause_of[t.tok] for t in out if not t.pattern.light}
    return [t for t in out if not (t.pattern.light and view.clause_of[t.tok] in full)]


_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
                       "seine", "ihre", "ihren", "seinen", "seiner", "ihrer"})
_PREPOSITIONS = frozenset({"an", "auf", "aus", "bei", "durch", "für", "gegen", "in", "im", "mit", "nach", "seit",
                           "über", "um", "unter", "von", "vor", "zu", "zum", "zur", "zwischen", "am", "vom"})


_VERBISH = frozenset({"haben", "hatten", "sind", "waren", "werden", "wurden", "worden", "sollen", "wollen",
                      "können", "müssen", "dürfen", "sie", "die", "wie", "ihre", "seine"})


def _attributive(view: SentenceView, ti: int, word: str) -> bool:
    """A participle used as an adjective: lower case, inflected, after an article."""
    if not view.raw[ti][:1].islower() or not word.endswith(("ten", "tem", "ter", "tes", "te", "ene", "enen",
                                                           "enem", "ener")):
        return False
    if ti + 1 >= len(view.words) or not view.raw[ti + 1][:1].isalnum():
        return False
    nxt = view.raw[ti + 1]
    if not (nxt[:1].isupper() or nxt[:1].isdigit() or nxt.endswith(("e", "en", "er", "es", "em"))) or \
            view.words[ti + 1] in _PREPOSITIONS:
        return False
    prev = view.raw[ti - 1] if ti else ""
    if nxt[:1].isupper() and prev[:1].islower() and prev.isalpha() and prev.endswith(("en", "e", "er", "em")) \
            and view.words[ti - 1] not in _VERBISH:
        return True    # "von dutzenden getöteten Soldaten"
    # an article before it with no noun of its own in between, except inside a
    # prepositional phrase: "die auf ihrem Boden stationierten Atomwaffen"
    in_pp = False
    for j in range(ti - 1, max(-1, ti - 6), -1):
        w = view.words[j]
        if w in _ARTICLES:
            between = view.words[j + 1:ti]
            in_pp = False
            for k, x in enumerate(between):
                if x in _PREPOSITIONS:
                    in_pp = True
                elif view.raw[j + 1 + k][:1].isupper() and not in_pp:
                    return False
            return True
    return False


def _has_object(view: SentenceView, lex: Lexicon, kinds: tuple[str, ...]) -> bool:
    return any(lex.object_kind(w) in kinds for w in view.words if len(w) > 3)


def _make_trigger(view: SentenceView, ti: int, word: str, pat: Pattern, lex: Lexicon,
                  aux: frozenset[str]) -> Trigger:
    prev = view.words[ti - 1] if ti else ""
    if lex.lang == "de":
        # a capital word is a noun, also first in the sentence unless a verb-first
        # question or imperative follows ("Treten Sie bei")
        after = view.words[ti + 1] if ti + 1 < len(view.words) else ""
        nominal = view.raw[ti][:1].isupper() and not pat.support and \
            (ti > 0 and prev not in ('"', "„", "»") or after not in ("sie", "wir", "ihr", "du", "er", "es", "man"))
        infinitive = prev == "zu" or bool(pat.particle and word.startswith(pat.particle + "zu"))
        a, b = view.clauses[view.clause_of[ti]]
        window = view.words[a:min(b, ti + 4)]   # the auxiliary stands second, the participle last
        participle = word.endswith("t") or word.startswith("ge") or \
            ("ge" in word[1:7] and word.endswith("en")) or word.endswith("ffen")
        past = lex.words_of("past_passive")
        passive = not nominal and (participle and any(w in aux for w in window)
                                   or word.endswith("en") and any(w in past for w in window))
    else:
        nominal = prev in ("a", "an", "the", "its", "their", "his", "her", "of") or \
            word.endswith(("ion", "ions", "ment", "ments"))
        infinitive = prev == "to"
        window = view.words[max(0, ti - 3):ti]
        passive = not nominal and any(w in aux for w in window) and word.endswith(("ed", "en", "wn"))
    return Trigger(ti, pat, nominal, passive, infinitive)
