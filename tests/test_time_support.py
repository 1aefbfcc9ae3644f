"""Shared helpers of the time-stage tests."""

from __future__ import annotations

from typing import Any

from lagebild.model import Document
from lagebild.pipeline import Pipeline
from lagebild.timex import tag_document

_PREP = Pipeline(["segment", "language"])


def analyse(text: str, published: str | None = "2024-12-06", lang: str = "de") -> Document:
    """Segment ``text`` and run the time stage on it."""
    doc = Document(id="t", text=text, published=published, language=lang)
    _PREP(doc)
    tag_document(doc)
    return doc


def find(doc: Document, surface: str) -> dict[str, Any] | None:
    """The timex whose text is ``surface`` (the first one)."""
    for tx in doc.timexes:
        if doc.text[tx["start"]:tx["end"]] == surface:
            return tx
    return None


def check_example(lang: str, ex: dict[str, Any]) -> None:
    """Assert that a rule example of the data files is found with its value and mod."""
    text = ex.get("sentence") or ex["text"]
    doc = analyse(text, ex.get("dct", "2024-12-06"), lang)
    tx = find(doc, ex["text"])
    found = [(doc.text[t["start"]:t["end"]], t["value"], t["mod"]) for t in doc.timexes]
    assert tx is not None, f"{ex['text']!r} not found in {text!r}: {found}"
    assert tx["value"] == ex["value"], (ex, found)
    if "mod" in ex:
        assert tx["mod"] == ex["mod"], (ex, found)


def locate(text: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give gold items given by text their offsets: the n-th item with a text is its n-th occurrence."""
    seen: dict[str, int] = {}
    out = []
    for it in items:
        n = seen.get(it["text"], 0)
        idx = -1
        for _ in range(n + 1):
            idx = text.find(it["text"], idx + 1)
        seen[it["text"]] = n + 1
        if idx >= 0:
            out.append({**it, "start": idx, "end": idx + len(it["text"])})
    return out


def score(pairs: list[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]]) -> dict[str, float]:
    """Strict, relaxed and value F1 over (text, gold, system) triples, as the shared scorer counts.

    Gold items may have ``alt`` values, ``alt_text`` extents and ``optional``.
    """
    tot = dict(gold=0, sys=0, strict=0, relaxed=0, value=0)
    for text, gold, system in pairs:
        opt = [g for g in gold if g.get("optional")]
        gold = [g for g in gold if not g.get("optional")]
        system = [s for s in system if not any(s["start"] < o["end"] and o["start"] < s["end"] for o in opt)]
        tot["gold"] += len(gold)
        tot["sys"] += len(system)
        used: set[int] = set()
        for g in gold:
            best = None
            for i, s in enumerate(system):
                if i in used or not (s["start"] < g["end"] and g["start"] < s["end"]):
                    continue
                exact = text[s["start"]:s["end"]] in [g["text"]] + g.get("alt_text", [])
                if best is None or (exact and not best[1]):
                    best = (i, exact)
            if best is None:
                continue
            used.add(best[0])
            s = system[best[0]]
            tot["relaxed"] += 1
            tot["strict"] += int(best[1])
            ok_mod = not g.get("mod") or s.get("mod") == g["mod"]
            tot["value"] += int(s["value"] in [g["value"]] + g.get("alt", []) and ok_mod)

    def f1(k: str) -> float:
        p = tot[k] / tot["sys"] if tot["sys"] else 0.0
        r = tot[k] / tot["gold"] if tot["gold"] else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    return {k: f1(k) for k in ("strict", "relaxed", "value")}
