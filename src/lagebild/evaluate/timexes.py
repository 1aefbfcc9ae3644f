"""Scoring temporal expressions (TIMEX3) against gold: strict, relaxed, value, type.

Shared by the TimeML sets and the seed gold, which differ only in what counts as a
strict (exact-extent) match.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping

from lagebild.evaluate.metrics import overlaps, prf

# (gold timex, system timex, document text) -> is the system extent strictly right?
StrictRule = Callable[[dict[str, Any], dict[str, Any], str], bool]

_CLOCK_DOT = re.compile(r"T(\d\d)\.(\d\d)")


def same_offsets(gold: dict[str, Any], system: dict[str, Any], text: str) -> bool:
    """The TimeML strict rule: the very same character range."""
    return (system["start"], system["end"]) == (gold["start"], gold["end"])


def normalize_value(value: str | None) -> str | None:
    """A TIMEX3 value in comparable form: trimmed, ``T14.30`` written ``T14:30``.

    Some German gold writes clock times with a dot; the value means the same.
    """
    if value is None:
        return None
    return _CLOCK_DOT.sub(r"T\1:\2", value.strip())


def _located(t: dict[str, Any]) -> bool:
    return t.get("start") is not None and t.get("end") is not None


def _best_match(gold: dict[str, Any], candidates: list[dict[str, Any]], used: set[int],
                text: str, strict: StrictRule) -> tuple[int, bool] | None:
    """The system timex that ``gold`` pairs with: the first overlapping one, unless
    a later overlapping one is strictly right, then the first strictly right one."""
    best: tuple[int, bool] | None = None
    for i, sx in enumerate(candidates):
        if i in used or not overlaps(sx["start"], sx["end"], gold["start"], gold["end"]):
            continue
        exact = strict(gold, sx, text)
        if exact:
            return i, True
        if best is None:
            best = (i, False)
    return best


def score_timexes(gold_docs: Mapping[str, tuple[str, list[dict[str, Any]]]],
                  system: Mapping[str, dict[str, Any]],
                  strict: StrictRule = same_offsets) -> dict[str, Any]:
    """P/R/F1 of system timexes against gold, summed over documents.

    ``gold_docs`` maps a document id to its text and gold timexes (``start``,
    ``end``, ``type``, ``value``, optional ``mod``, ``alt``, ``optional``).
    Each gold timex is paired one-to-one, in order, with an overlapping system
    timex (relaxed); strict, value and type are judged on these pairs. System
    timexes that overlap an optional gold timex count neither way. Value is right
    when it equals the gold value or an ``alt`` and, where the gold has a ``mod``,
    the mod agrees; type compares case-insensitively.
    """
    n = {"gold": 0, "system": 0, "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    for doc_id, (text, gold_timexes) in gold_docs.items():
        required = [t for t in gold_timexes if not t.get("optional")]
        optional = [t for t in gold_timexes if t.get("optional") and _located(t)]
        candidates = [sx for sx in (system.get(doc_id) or {}).get("timexes") or []
                      if not any(overlaps(sx["start"], sx["end"], o["start"], o["end"]) for o in optional)]
        n["gold"] += len(required)
        n["system"] += len(candidates)
        used: set[int] = set()
        for gx in required:
            if not _located(gx):
                continue  # a gold text not found in the document can only be missed
            found = _best_match(gx, candidates, used, text, strict)
            if found is None:
                continue
            i, exact = found
            used.add(i)
            sx = candidates[i]
            n["relaxed"] += 1
            n["strict"] += int(exact)
            right_values = {normalize_value(gx.get("value"))}
            right_values.update(normalize_value(a) for a in gx.get("alt") or [])
            mod_ok = not gx.get("mod") or sx.get("mod") == gx.get("mod")
            n["value"] += int(mod_ok and normalize_value(sx.get("value")) in right_values)
            n["type"] += int((sx.get("type") or "").upper() == (gx.get("type") or "").upper())
    out: dict[str, Any] = {"gold": n["gold"], "system": n["system"]}
    for key in ("strict", "relaxed", "value", "type"):
        out[key] = prf(n[key], n["system"], n["gold"])
    out["value_accuracy_on_relaxed"] = round(n["value"] / n["relaxed"], 4) if n["relaxed"] else 0.0
    return out
