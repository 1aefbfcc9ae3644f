"""Rows for the store's tables from one document in the JSON contract."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any

from lagebild.store.dedup import simhash


def content_hash(doc: dict[str, Any]) -> str:
    """Hash of what makes a document's content as read: its text and given metadata.

    An inferred publication date is the analysis's, not the input's, so it is left
    out: a record and its analysed document hash alike.
    """
    published = None if doc.get("published_inferred") else doc.get("published")
    key = json.dumps([doc.get("text"), doc.get("title"), doc.get("source"), doc.get("url"), published],
                     ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def _surface(text: str, span: dict[str, Any] | None) -> str | None:
    if not span or span.get("start") is None:
        return None
    return text[span["start"]:span["end"]]


def document_rows(doc: dict[str, Any], digest: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """All rows of ``doc`` (a contract dict), by table name."""
    did, text = str(doc["id"]), doc["text"]
    rows: dict[str, list[dict[str, Any]]] = {}
    rows["documents"] = [{
        "id": did, "content_hash": digest or content_hash(doc), "title": doc.get("title"),
        "source": doc.get("source"), "url": doc.get("url"), "published": doc.get("published"),
        "published_inferred": bool(doc.get("published_inferred")), "language": doc.get("language"),
        # a JSON string of the whole contract: encoding one long string is faster
        # than nested objects, in Python and in DuckDB's reader alike
        "n_words": len(text.split()), "simhash": simhash(text), "text": text,
        "doc": json.dumps(doc, ensure_ascii=False),
        "ingested_at": datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0),
    }]
    rows["sentences"] = [{"sid": f"{did}#{i}", "doc_id": did, "idx": i, "start_char": s["start"],
                          "end_char": s["end"], "text": text[s["start"]:s["end"]]}
                         for i, s in enumerate(doc.get("sentences", []))]
    rows["mentions"] = [{"doc_id": did, "entity_id": e["id"], "name": e.get("name"), "type": e.get("type"),
                         "role": e.get("role"), "start_char": m["start"], "end_char": m["end"],
                         "kind": m.get("kind", "name"), "surface": text[m["start"]:m["end"]]}
                        for e in doc.get("entities", []) for m in e.get("mentions", [])]
    rows["timexes"] = [{"doc_id": did, "idx": i, "start_char": t["start"], "end_char": t["end"],
                        "type": t.get("type"), "value": t.get("value"), "mod": t.get("mod"),
                        "surface": text[t["start"]:t["end"]]}
                       for i, t in enumerate(doc.get("timexes", []))]
    rows["quotes"] = [_quote_row(did, text, i, q) for i, q in enumerate(doc.get("quotes", []))]
    rows["events"] = [_event_row(did, text, i, e) for i, e in enumerate(doc.get("events", []))]
    rows["relations"] = [_relation_row(did, text, i, r) for i, r in enumerate(doc.get("relations", []))]
    return rows


def _relation_row(did: str, text: str, i: int, r: dict[str, Any]) -> dict[str, Any]:
    ev = r.get("evidence") or {}
    return {"doc_id": did, "idx": i, "type": r.get("type"), "subject": r.get("subject"), "object": r.get("object"),
            "role": r.get("role"), "location": r.get("location"), "date": r.get("date"), "status": r.get("status"),
            "evidence_start": ev.get("start"), "evidence_end": ev.get("end"), "evidence": _surface(text, ev)}


def _quote_row(did: str, text: str, i: int, q: dict[str, Any]) -> dict[str, Any]:
    spans = q.get("spans") or [[q["start"], q["end"]]]
    speaker = q.get("speaker") or {}
    return {"doc_id": did, "idx": i, "start_char": q["start"], "end_char": q["end"], "kind": q.get("kind"),
            "text": " … ".join(text[a:b] for a, b in spans), "speaker_entity": speaker.get("entity"),
            "speaker_text": _surface(text, speaker), "cue_text": _surface(text, q.get("cue"))}


def _event_row(did: str, text: str, i: int, e: dict[str, Any]) -> dict[str, Any]:
    ev = e.get("evidence") or {}
    obj = e.get("object")
    return {"doc_id": did, "idx": i, "type": e.get("type"), "mode": e.get("mode"), "actor": e.get("actor"),
            "target": e.get("target"), "object": obj if isinstance(obj, str) or obj is None else json.dumps(obj),
            "date": e.get("date"), "location": e.get("location"), "status": e.get("status"),
            "evidence_start": ev.get("start"), "evidence_end": ev.get("end"), "evidence": _surface(text, ev)}
