"""Running the pipeline over gold sets (or taking a saved analysis) and scoring it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, TextIO

from lagebild.evaluate.germeval import load_germeval, score_germeval
from lagebild.evaluate.goldset import GoldSet
from lagebild.evaluate.seeds import load_seeds, score_seeds
from lagebild.evaluate.timeml import load_timeml, score_timeml
from lagebild.evaluate.wikinews import load_wikinews, score_wikinews
from lagebild.pipeline import Pipeline

Scorer = Callable[[GoldSet, Mapping[str, dict[str, Any]]], dict[str, Any]]
SCORERS: dict[str, Scorer] = {
    "timeml": score_timeml,
    "wikinews": score_wikinews,
    "seeds": score_seeds,
    "germeval": score_germeval,
}


@dataclass
class SetResult:
    """The figures for one gold set, and which of its documents had no analysis."""

    gold: GoldSet
    scores: dict[str, Any]
    failed: list[tuple[str, str]] = field(default_factory=list)  # (id, reason): analysis failed
    missing: list[str] = field(default_factory=list)  # ids absent from a given system output

    def to_json(self) -> dict[str, Any]:
        """The result as a JSON-ready object."""
        return {"kind": self.gold.kind, "gold": self.gold.path, "documents": len(self.gold.records),
                "failed": [{"id": i, "error": e} for i, e in self.failed],
                "missing": self.missing, "scores": self.scores}


def load_gold(kind: str, path: str, text_dir: str | None = None) -> GoldSet:
    """Read a gold set of the given kind (``timeml``, ``wikinews``, ``seeds``, ``germeval``)."""
    if kind == "timeml":
        return load_timeml(path)
    if kind == "wikinews":
        return load_wikinews(path)
    if kind == "seeds":
        return load_seeds(path, text_dir)
    if kind == "germeval":
        return load_germeval(path)
    raise ValueError(f"unknown gold kind {kind!r}")


def analyse(gold: GoldSet, pipeline: Pipeline,
            save: TextIO | None = None) -> tuple[dict[str, dict[str, Any]], list[tuple[str, str]]]:
    """Run ``pipeline`` over the set's records: their JSON documents by id, and the failures.

    The documents are ``Document.to_json()``, exactly what ``lagebild analyze``
    writes; with ``save`` they are also written there as JSON lines.
    """
    docs: dict[str, dict[str, Any]] = {}
    failed: list[tuple[str, str]] = []
    for outcome in pipeline.pipe(gold.records):
        if outcome.document is None:
            failed.append((outcome.id, outcome.error or "unknown error"))
            continue
        doc = outcome.document.to_json()
        docs[doc["id"]] = doc
        if save is not None:
            save.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return docs, failed


def evaluate(gold: GoldSet, system: Mapping[str, dict[str, Any]] | None = None,
             pipeline: Pipeline | None = None, save: TextIO | None = None) -> SetResult:
    """Score one gold set: against ``system`` (documents by id) where given, else
    against a fresh analysis of the gold texts by ``pipeline`` (default: all stages)."""
    if system is None:
        docs, failed = analyse(gold, pipeline or Pipeline(), save)
        return SetResult(gold, SCORERS[gold.kind](gold, docs), failed=failed)
    missing = [r.id for r in gold.records if r.id not in system]
    return SetResult(gold, SCORERS[gold.kind](gold, system), missing=missing)
