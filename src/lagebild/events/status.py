"""Whether an event happened, and when: status cues and the event's own date.

The status is read from cue words in the trigger's clause and, for modal or
reporting frames that govern it ("Den Plan, ... zu stationieren, hatte Putin
angekündigt"), in the clauses next to it. The date is the sentence's own TIMEX3
nearest in structure, not the article date: the trigger's clause first, then the
clause that governs it, then a relative clause hanging on a nominal trigger
("seine Invasion der Ukraine, die am 24. Februar 2022 begonnen hat").
"""

from __future__ import annotations

from typing import Any

from lagebild.events.arguments import Trigger
from lagebild.events.lexicon import Lexicon
from lagebild.events.sentence import SentenceView

# the order in which cues win when several occur
_ORDER = ("negated", "hypothetical", "announced", "planned")
_DATE_TYPES = frozenset({"DATE", "TIME"})


def _clause_words(view: SentenceView, idx: int) -> list[str]:
    a, b = view.clauses[idx]
    return view.words[a:b]


def status_of(view: SentenceView, trig: Trigger, lex: Lexicon) -> str:
    """asserted, announced, planned, hypothetical or negated (``reported`` is set by
    the caller for events inside a direct quotation)."""
    cues = lex.cues.get("status", {})
    clause = view.clause_of[trig.tok]
    local = _clause_words(view, clause)
    # negation counts only near the trigger in its own clause: "die nicht ..." in
    # another clause says nothing about this event
    a, _ = view.clauses[clause]
    lo, hi = max(a, trig.tok - 6), trig.tok + 4
    near = view.words[lo:hi]
    if any(w in cues.get("negated", ()) for w in near) or any(w.startswith(("kein", "never")) for w in near):
        return "negated"
    if lex.lang == "en" and any(w in lex.cues.get("intent", ()) for w in view.words[max(a, trig.tok - 5):trig.tok]):
        return "planned"   # "will withdraw", "is willing to forgive", "would allow"
    around = list(local)
    for j in ((clause - 1, clause + 1) if trig.infinitive else (clause - 1,) if trig.nominal else ()):
        if 0 <= j < len(view.clauses):
            around += _clause_words(view, j)
    for key in _ORDER[1:]:
        words = set(cues.get(key, ()))
        pool = local if key == "hypothetical" and lex.lang == "de" else around
        if lex.lang == "en" and key in ("planned", "hypothetical"):
            pool = view.words[a:trig.tok]   # "cancelled a planned visit": the cue must come first
        if key == "announced" and lex.lang == "de":
            # "kündigte ... an" needs its particle; the participle does not
            if any(w in words and (not w.startswith(("kündig",)) or "an" in pool) for w in pool):
                return key
            continue
        if key == "planned" and lex.lang == "de" and ("haben" in pool or "worden" in pool) and \
                not any(w in words and not w.startswith("soll") for w in pool):
            continue   # "soll ... bedroht haben": hearsay, not a plan
        if any(w in words for w in pool):
            return key
    return "asserted"


def _timexes_in(view: SentenceView, timexes: list[dict[str, Any]], clause: int) -> list[dict[str, Any]]:
    a, b = view.clauses[clause]
    lo, hi = view.tokens[a].start, view.tokens[b - 1].end
    return [t for t in timexes if lo <= t["start"] < hi and t.get("type") in _DATE_TYPES and t.get("value")]


def date_of(view: SentenceView, trig: Trigger, timexes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The TIMEX3 that dates the event in its own sentence, or None."""
    clause = view.clause_of[trig.tok]
    tpos = view.tokens[trig.tok].start
    local = _timexes_in(view, timexes, clause)
    if local:
        # in a verb-final clause the date comes before the verb; prefer that one
        before = [t for t in local if t["start"] < tpos]
        pool = before or local
        return min(pool, key=lambda t: abs(t["start"] - tpos))
    a, b = view.clauses[clause]
    nxt = clause + 1
    if trig.nominal and nxt < len(view.clauses) and b - trig.tok <= 4 and \
            view.words[view.clauses[nxt][0]] in ("die", "der", "das", "which", "that"):
        found = _timexes_in(view, timexes, nxt)
        if found:
            return found[0]
    # another clause lends its date only if it governs this one (the clause before,
    # the main clause, or the clause after a fronted infinitive), and never a vague
    # "bald" or "derzeit" that belongs to its own verb
    for j in ((clause - 1, clause + 1, 0) if trig.infinitive else (clause - 1, 0)):
        if 0 <= j < len(view.clauses) and j != clause:
            found = [t for t in _timexes_in(view, timexes, j) if trig.infinitive or not t["value"].endswith("_REF")]
            if found:
                return found[0]
    return None
