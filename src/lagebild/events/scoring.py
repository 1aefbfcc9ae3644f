"""Scoring the event coder: PLOVER's own English examples and our German gold set.

Both read their texts from the development data at run time (``../shared``); no
corpus text is stored in the project. The German gold set stores only document
names, character offsets and our annotation.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable

from lagebild.events.stage import code_events
from lagebild.model import Document, Record
from lagebild.pipeline import Pipeline

_STOP = frozenset({"the", "a", "an", "of", "in", "and", "'s", "s", "to", "for", "on", "its", "their"})
_PRE_STAGES = ("segment", "language", "time", "entities", "quotes")


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w.-]+", text.lower().replace("’", "'")) if w not in _STOP and len(w) > 1}


def _names(doc: Document, eid: str | None, text: str | None) -> set[str]:
    """Content words of an argument: the entity's name and its mentions, or its surface text."""
    words: set[str] = set()
    if text:
        words |= _content(text)
    for ent in doc.entities:
        if ent.get("id") == eid:
            words |= _content(ent.get("name") or "")
            for m in ent.get("mentions", []):
                words |= _content(doc.text[m["start"]:m["end"]])
    return words


def _pre_pipeline() -> Pipeline:
    from lagebild.pipeline import available_stages
    return Pipeline([s for s in _PRE_STAGES if s in available_stages()])


def primary_event(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The sentence's main event: the earliest trigger (PLOVER codes one per example)."""
    evs = [e for e in events if not e.get("mirrored")]
    return min(evs, key=lambda e: e["trigger"]["start"]) if evs else None


def score_plover(path: Path) -> dict[str, Any]:
    """Type, actor and target accuracy on PLOVER's gold-standard English examples.

    Arguments are compared by content words: the system's actor (entity name and
    mentions, or the noun phrase taken by the surface fallback) is right when it
    shares a word with one of the gold source actor texts.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    pipe = _pre_pipeline()
    n = type_ok = actor_ok = target_ok = both_ok = 0
    for ex in data:
        if not ex.get("text") or ex.get("event") == "DOCUMENT":
            continue
        n += 1
        doc = pipe(Document.from_record(Record(ex["id"], ex["text"], {"language": "en"})))
        code_events(doc, surface_fallback=True)
        ev = primary_event(doc.events)
        if ev is None:
            continue
        if ev["type"] == ex["event"]:
            type_ok += 1
        src = [s.get("actorText", "") for s in ex.get("source") or [] if isinstance(s, dict)]
        tgt = [s.get("actorText", "") for s in ex.get("target") or [] if isinstance(s, dict)]
        a_words = _names(doc, ev.get("actor"), ev.get("actor_text"))
        t_words = _names(doc, ev.get("target"), ev.get("target_text"))
        a_ok = any(a_words & _content(s) for s in src)
        # "(SRC/TAR: Jordan) and (SRC/TAR: Britain)": each source is also a target
        t_ok = (not tgt and not t_words) or any(t_words & _content(s) for s in tgt) or \
            (not tgt and len(src) >= 2 and any(t_words & _content(s) for s in src))
        actor_ok += a_ok
        target_ok += t_ok
        both_ok += a_ok and t_ok and ev["type"] == ex["event"]
    return {"examples": n, "type": round(type_ok / n, 4), "actor": round(actor_ok / n, 4),
            "target": round(target_ok / n, 4), "type_actor_target": round(both_ok / n, 4)}


def load_goldset(path: Path) -> list[dict[str, Any]]:
    """Our German gold annotations, one JSON object per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_goldset(items: Iterable[dict[str, Any]], corpus: Path) -> dict[str, Any]:
    """Precision and recall of events on annotated WikiNews sentences.

    Each item names a document of the corpus and the offsets of one sentence; its
    ``events`` list our annotation (type, actor and target as surface words, date,
    status). The whole document is analysed, and the system's events whose trigger
    lies in the sentence are compared: a match needs the type and, where the gold
    gives them, actor and target sharing a content word.
    """
    pipe = _pre_pipeline()
    cache: dict[str, Document] = {}
    gold_n = sys_n = tp_sys = tp_gold = typed = actor_ok = tp_sys_lenient = 0
    n_items = 0
    for item in items:
        n_items += 1
        doc = cache.get(item["document"])
        if doc is None:
            raw = json.loads((corpus / item["document"]).read_text(encoding="utf-8"))
            m = re.search(r"\((\d{4}-\d\d-\d\d)\)", raw["documentName"])
            rec = Record(item["document"], raw["originalText"], {"published": m.group(1) if m else None,
                                                                "language": "de"})
            doc = pipe(Document.from_record(rec))
            code_events(doc)
            cache[item["document"]] = doc
        a, b = item["start"], item["end"]
        sys_evs = [e for e in doc.events if a <= e["trigger"]["start"] < b and not e.get("mirrored")]
        gold = item["events"]
        gold_n += len(gold)
        sys_n += len(sys_evs)

        def match(g: dict[str, Any], e: dict[str, Any], need_args: bool = True, need_target: bool = True) -> bool:
            if e["type"] != g["type"] and e["type"] not in g.get("alt_type", []):
                return False
            if not need_args:
                return True
            ok_a = not g.get("actor") or bool(_names(doc, e["actor"], None) & _content(g["actor"]))
            ok_t = not need_target or not g.get("target") or \
                bool(_names(doc, e.get("target"), None) & _content(g["target"]))
            return ok_a and ok_t
        tp_gold += sum(1 for g in gold if any(match(g, e) for e in sys_evs))
        tp_sys += sum(1 for e in sys_evs if any(match(g, e) for g in gold))
        tp_sys_lenient += sum(1 for e in sys_evs if any(match(g, e, True, False) for g in gold))
        typed += sum(1 for g in gold if any(match(g, e, False) for e in sys_evs))
        actor_ok += sum(1 for g in gold if any(match(g, e, True, False) for e in sys_evs))
    p = tp_sys / sys_n if sys_n else 0.0
    r = tp_gold / gold_n if gold_n else 0.0
    return {"sentences": n_items, "gold": gold_n, "system": sys_n,
            "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "type_recall": round(typed / gold_n, 4) if gold_n else 0.0,
            "type_actor_recall": round(actor_ok / gold_n, 4) if gold_n else 0.0,
            "type_actor_precision": round(tp_sys_lenient / sys_n, 4) if sys_n else 0.0}
