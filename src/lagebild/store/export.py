"""Exports of the store in the formats the field uses."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Callable
from xml.sax.saxutils import escape, quoteattr

from lagebild.store.db import Store, StoreError
from lagebild.store.schema import DOC_TABLES

TABLES = list(DOC_TABLES) + ["actors", "event_clusters", "event_members", "duplicates"]


def export_jsonl(store: Store, out: Path) -> int:
    """The analysed documents in the JSON contract, one per line."""
    rows = store.con.execute("SELECT doc FROM documents ORDER BY id").fetchall()
    with open(out, "w", encoding="utf-8") as fh:
        for (doc,) in rows:
            fh.write(doc + "\n")
    return len(rows)


def export_plover(store: Store, out: Path) -> int:
    """Events as PLOVER-style JSONL records (one per report, with its cluster)."""
    rows = store.query("""
        SELECT e.doc_id || '#' || e.idx AS id, m.cluster_id AS event_cluster, e.date AS event_date,
               d.published AS story_date, e.type AS event_type, e.mode, e.actor, e.target, e.object,
               e.location, e.status, e.evidence AS text, d.source, d.url
        FROM events e JOIN documents d ON d.id = e.doc_id
        LEFT JOIN event_members m ON m.doc_id = e.doc_id AND m.idx = e.idx ORDER BY e.doc_id, e.idx""")
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    return len(rows)


def export_gdelt(store: Store, out: Path) -> int:
    """A GDELT-like tab-separated event table (one row per report)."""
    rows = store.query("""
        SELECT e.doc_id || '#' || e.idx AS GlobalEventID, replace(coalesce(e.date, d.published, ''), '-', '') AS Day,
               e.actor AS Actor1Code, a1.name AS Actor1Name, e.target AS Actor2Code, a2.name AS Actor2Name,
               e.type AS EventRootCode, e.mode AS EventCode, e.status AS Status, e.location AS ActionGeo,
               d.published AS DATEADDED, coalesce(d.url, d.id) AS SOURCEURL
        FROM events e JOIN documents d ON d.id = e.doc_id
        LEFT JOIN actors a1 ON a1.id = e.actor LEFT JOIN actors a2 ON a2.id = e.target ORDER BY e.doc_id, e.idx""")
    return _write_csv(out, rows, delimiter="\t")


def export_jsonld(store: Store, out: Path) -> int:
    """schema.org NewsArticle and Quotation, evidence as W3C Web Annotation TextQuoteSelectors."""
    docs = store.query("SELECT id, title, source, url, published, language, text FROM documents ORDER BY id")
    graph: list[dict[str, Any]] = []
    for d in docs:
        graph.append({"@type": "NewsArticle", "@id": f"urn:lagebild:doc:{d['id']}", "headline": d["title"],
                      "publisher": d["source"], "url": d["url"], "datePublished": d["published"],
                      "inLanguage": d["language"]})
    for q in store.query("SELECT q.*, a.name AS speaker_name FROM quotes q "
                         "LEFT JOIN actors a ON a.id = q.speaker_entity ORDER BY doc_id, idx"):
        graph.append({"@type": "Quotation", "@id": f"urn:lagebild:quote:{q['doc_id']}#{q['idx']}",
                      "text": q["text"], "spokenByCharacter": q["speaker_name"] or q["speaker_text"],
                      "isPartOf": f"urn:lagebild:doc:{q['doc_id']}"})
    texts = {d["id"]: d["text"] for d in docs}
    for e in store.query("SELECT * FROM events WHERE evidence_start IS NOT NULL ORDER BY doc_id, idx"):
        text = texts[e["doc_id"]]
        a, b = e["evidence_start"], e["evidence_end"]
        graph.append({"@type": "Annotation", "@id": f"urn:lagebild:event:{e['doc_id']}#{e['idx']}",
                      "motivation": "describing",
                      "body": {"eventType": e["type"], "mode": e["mode"], "actor": e["actor"],
                               "target": e["target"], "date": e["date"], "status": e["status"]},
                      "target": {"source": f"urn:lagebild:doc:{e['doc_id']}",
                                 "selector": {"type": "TextQuoteSelector", "exact": text[a:b],
                                              "prefix": text[max(0, a - 32):a], "suffix": text[b:b + 32]}}})
    doc = {"@context": ["https://schema.org/", "http://www.w3.org/ns/anno.jsonld"], "@graph": graph}
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(graph)


def export_graphml(store: Store, out: Path) -> int:
    """The actor graph: actors as nodes, events between them as edges."""
    nodes = store.query("SELECT id, name, type, n_mentions FROM actors ORDER BY id")
    edges = store.query("SELECT actor, target, type, mode, date, status, n_reports FROM event_clusters "
                        "WHERE target IS NOT NULL AND actor IS NOT NULL ORDER BY actor, target")
    ids = {n["id"] for n in nodes}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    for key, on in (("name", "node"), ("type", "node"), ("mentions", "node"), ("event", "edge"),
                    ("mode", "edge"), ("date", "edge"), ("status", "edge"), ("reports", "edge")):
        lines.append(f'<key id="{key}" for="{on}" attr.name="{key}" attr.type="string"/>')
    lines.append('<graph edgedefault="directed">')
    for n in nodes:
        lines.append(f"<node id={quoteattr(n['id'])}>" + _data(name=n["name"], type=n["type"],
                                                               mentions=n["n_mentions"]) + "</node>")
    for e in edges:
        if e["actor"] in ids and e["target"] in ids:
            lines.append(f"<edge source={quoteattr(e['actor'])} target={quoteattr(e['target'])}>"
                         + _data(event=e["type"], mode=e["mode"], date=e["date"], status=e["status"],
                                 reports=e["n_reports"]) + "</edge>")
    lines += ["</graph>", "</graphml>"]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(nodes)


def _data(**values: Any) -> str:
    return "".join(f'<data key="{k}">{escape(str(v))}</data>' for k, v in values.items() if v is not None)


def export_tables(store: Store, out: Path, fmt: str) -> int:
    """Every table as CSV or Parquet files in the directory ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        target = str(out / f"{table}.{fmt}").replace("'", "''")
        option = "(FORMAT parquet)" if fmt == "parquet" else "(HEADER, DELIMITER ',')"
        store.con.execute(f"COPY {table} TO '{target}' {option}")
    return len(TABLES)


def export_timeml(store: Store, out: Path) -> int:
    """One TimeML file per document (inline TIMEX3 and its DCT) in the directory ``out``."""
    from lagebild.model import Document
    from lagebild.timex.timeml import to_timeml

    out.mkdir(parents=True, exist_ok=True)
    rows = store.con.execute("SELECT id, doc FROM documents ORDER BY id").fetchall()
    for did, raw in rows:
        d = json.loads(raw)
        doc = Document(id=did, text=d["text"], published=d.get("published"),
                       published_inferred=bool(d.get("published_inferred")), timexes=d.get("timexes", []))
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in did)
        (out / f"{safe}.tml").write_text(to_timeml(doc), encoding="utf-8")
    return len(rows)


def _write_csv(out: Path, rows: list[dict[str, Any]], delimiter: str = ",") -> int:
    with open(out, "w", encoding="utf-8", newline="") as fh:
        if rows:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=delimiter)
            w.writeheader()
            w.writerows(rows)
    return len(rows)


FORMATS: dict[str, Callable[[Store, Path], int]] = {
    "jsonl": export_jsonl, "plover": export_plover, "gdelt": export_gdelt, "jsonld": export_jsonld,
    "graphml": export_graphml, "timeml": export_timeml,
    "csv": lambda s, p: export_tables(s, p, "csv"), "parquet": lambda s, p: export_tables(s, p, "parquet"),
}


def export(store: Store, fmt: str, out: Path) -> int:
    """Write the store in format ``fmt`` to ``out``; return the number of items written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    return FORMATS[fmt](store, out)
