"""Precision, recall and F1 as every scorer of ``lagebild eval`` reports them.

Figures are rounded to four places, the precision the independent scorecard
prints, so that the two can be compared for equality rather than closeness.
"""

from __future__ import annotations

from typing import Any

PLACES = 4


def f1(p: float, r: float) -> float:
    """The harmonic mean of ``p`` and ``r`` (0 where both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def ratio(part: float, whole: float) -> float:
    """``part / whole``, or 0 for an empty whole (nothing to find counts as nothing found)."""
    return part / whole if whole else 0.0


def prf(tp: int, n_system: int, n_gold: int) -> dict[str, float]:
    """Micro P/R/F1 from counts; F1 is taken from the unrounded P and R."""
    p, r = ratio(tp, n_system), ratio(tp, n_gold)
    return {"p": round(p, PLACES), "r": round(r, PLACES), "f1": round(f1(p, r), PLACES)}


def macro_prf(p_scores: list[float], r_scores: list[float]) -> dict[str, float]:
    """P and R as means of per-item scores (SpkAtt style), F1 from the unrounded means."""
    p = sum(p_scores) / len(p_scores) if p_scores else 0.0
    r = sum(r_scores) / len(r_scores) if r_scores else 0.0
    return {"p": round(p, PLACES), "r": round(r, PLACES), "f1": round(f1(p, r), PLACES)}


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True where the half-open ranges share at least one character."""
    return a_start < b_end and b_start < a_end


def spans_of(obj: dict[str, Any] | None) -> list[tuple[int, int]]:
    """The character ranges of a system quote, speaker or cue.

    A quote split by an inserted "sagte er" lists its parts in ``spans``; otherwise
    ``start``/``end`` is the one range. ``None`` or an offset-less object has none.
    """
    if not obj:
        return []
    if obj.get("spans"):
        return [(int(a), int(b)) for a, b in obj["spans"]]
    if obj.get("start") is None:
        return []
    return [(int(obj["start"]), int(obj["end"]))]
