"""The events stage against gold: the seed articles, PLOVER's own English examples and
our German WikiNews set. Texts are read from ../shared at run time (skipped without)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any


from conftest import shared_path
from lagebild.events import code_events
from lagebild.events.scoring import load_goldset, score_goldset, score_plover
from lagebild.model import Document, Record
from lagebild.pipeline import Pipeline

DATA = Path(__file__).parent / "data" / "events_de.jsonl"
KINDS = {"mentions": "name", "demonym_mentions": "demonym", "metonym_mentions": "metonym",
         "pronoun_mentions": "pronoun", "anaphor_mentions": "anaphor"}


def _locate(text: str, surface: str, nth: int) -> int | None:
    """Start of the n-th whole-word occurrence of ``surface`` ("russische", not in "russischen")."""
    found = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text)]
    return found[nth] if nth < len(found) else None


def oracle_document(gold: dict[str, Any], text: str) -> Document:
    """The seed text with the gold entities and timexes filled in (as FORMAT.md locates
    them: the n-th item with a text is its n-th occurrence), so that the events stage
    is measured on its own, whatever the other stages do."""
    doc = Document.from_record(Record(gold["document"][:-4], text, {"language": "de",
                                                                   "published": gold.get("published")}))
    Pipeline(["segment"])(doc)
    taken: list[tuple[int, int]] = []
    seen: dict[str, int] = {}

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in taken)

    # longest surfaces first, so that "Putin" is not found inside "Wladimir Putin"
    items = [(ent["id"], kind, surface) for ent in gold["entities"] for key, kind in KINDS.items()
             for surface in ent.get(key, [])]
    found: dict[str, list[dict[str, Any]]] = {}
    for eid, kind, surface in sorted(items, key=lambda x: -len(x[2])):
        n = seen.get(surface, 0)
        start = _locate(text, surface, n)
        while start is not None and not free(start, start + len(surface)):
            n += 1
            start = _locate(text, surface, n)
        seen[surface] = n + 1
        if start is not None:
            taken.append((start, start + len(surface)))
            found.setdefault(eid, []).append({"start": start, "end": start + len(surface), "kind": kind})
    for ent in gold["entities"]:
        mentions = sorted(found.get(ent["id"], []), key=lambda m: m["start"])
        doc.entities.append({"id": ent["id"], "name": ent["name"], "type": ent["type"], "mentions": mentions})
    for tx in gold.get("timexes", []):
        start = _locate(text, tx["text"], 0)
        if start is not None:
            doc.timexes.append({"start": start, "end": start + len(tx["text"]), "type": tx["type"],
                                "value": tx["value"], "mod": tx.get("mod")})
    return doc


def _match(ge: dict[str, Any], se: dict[str, Any]) -> bool:
    return se["type"] in {ge["type"], *ge.get("alt_type", [])} and se["actor"] == ge["actor"] \
        and (not ge.get("target") or se.get("target") == ge["target"])


def score_oracle() -> dict[str, int]:
    gold_dir = shared_path("gold", "seeds")
    out = {"gold": 0, "found": 0, "dated": 0, "date_right": 0, "system": 0, "unmatched": 0}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (gold_dir.parent.parent / "seeds" / gold["document"]).read_text(encoding="utf-8")
        events = code_events(oracle_document(gold, text))
        out["system"] += len(events)
        out["unmatched"] += sum(1 for se in events if not any(_match(ge, se) for ge in gold["events"]))
        for ge in gold["events"]:
            if ge.get("optional"):
                continue
            out["gold"] += 1
            hits = [se for se in events if _match(ge, se)]
            out["found"] += bool(hits)
            if hits and ge.get("date"):
                out["dated"] += 1
                g = ge["date"]
                out["date_right"] += any(se["date"] == g or (se["date"] and len(se["date"]) >= 7
                                                             and g.startswith(se["date"])) for se in hits)
    return out


def test_seed_events_with_gold_entities() -> None:
    res = score_oracle()
    assert res["found"] == res["gold"], res
    assert res["date_right"] == res["dated"], res
    assert res["unmatched"] <= 3, res   # the issue allows 6


def test_seed_events_full_pipeline_produces_linked_events() -> None:
    seeds = shared_path("seeds")
    pipe = Pipeline()
    for path in sorted(seeds.glob("*.txt")):
        doc = pipe(Document.from_record(Record(path.stem, path.read_text(encoding="utf-8"))))
        ids = {e["id"] for e in doc.entities}
        assert doc.events, path.name
        for ev in doc.events:
            assert ev["actor"] in ids and (ev["target"] is None or ev["target"] in ids)
            assert ev["status"] in ("asserted", "announced", "planned", "hypothetical", "negated", "reported")
            assert 0 <= ev["evidence"]["start"] < ev["evidence"]["end"] <= len(doc.text)


def test_plover_examples() -> None:
    res = score_plover(shared_path("corpora", "plover", "PLOVER_GSR_CAMEO.txt"))
    # floors: only move up (figures in the README)
    assert res["type"] >= 0.83, res
    assert res["actor"] >= 0.85, res
    assert res["target"] >= 0.62, res


def test_german_wikinews_set() -> None:
    corpus = shared_path("corpora", "wikinews-quotes", "train")
    items = load_goldset(DATA)
    assert len(items) >= 60
    for item in items:   # the set stores offsets and our annotation, never the text
        assert set(item) == {"document", "start", "end", "events"}
    res = score_goldset(items, corpus)
    # strict: type, actor and target (targets are often unnamed groups no entity covers)
    assert res["precision"] >= 0.45 and res["recall"] >= 0.25 and res["type_recall"] >= 0.50, res
    # type and actor, target not required
    assert res["type_actor_precision"] >= 0.90 and res["type_actor_recall"] >= 0.50, res
