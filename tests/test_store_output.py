"""Merging, report and exports of the store."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from xml.etree import ElementTree

import duckdb

from lagebild.store.merge import cluster_events, compatible

from test_store import run
from conftest import EXAMPLES


def _ev(doc: str, idx: int, date: str | None, status: str = "asserted", target: str | None = "belarus",
        obj: str | None = "nukes", source: str = "A") -> dict:
    return {"doc_id": doc, "idx": idx, "type": "MOBILIZE", "mode": "deploy", "actor": "russia", "target": target,
            "object": obj, "date": date, "location": None, "status": status, "source": source}


def test_dates_compatible() -> None:
    assert compatible("2023-06", "2023-06-15") and compatible("2023", "2023-06")
    assert not compatible("2023-06", "2023-07") and not compatible(None, "2023")


def test_reports_merge_into_happenings_and_a_storyline() -> None:
    events = [_ev("a", 0, "2023-03", "announced"), _ev("b", 0, "2023-03-25", "announced", source="B"),
              _ev("a", 1, "2023-06", "asserted", target=None), _ev("b", 1, "2023-12", "planned", obj=None),
              {**_ev("c", 0, "2024-12-06"), "type": "AGREE", "mode": "sign", "object": "treaty"}]
    clusters, members = cluster_events(events)
    assert len(clusters) == 4 and len(members) == 5
    march = next(c for c in clusters if c["date"] == "2023-03-25")
    assert march["n_reports"] == 2 and march["n_sources"] == 2
    deploy = {c["storyline"] for c in clusters if c["mode"] == "deploy"}
    assert len(deploy) == 1
    assert next(c for c in clusters if c["mode"] == "sign")["storyline"] not in deploy


def test_report_and_every_export(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    assert run("ingest", str(EXAMPLES), "--db", str(db))[0] == 0
    code, md, err = run("report", "--db", str(db))
    assert code == 0, err
    assert md.startswith("# Lagebild") and "## Timeline" in md and "## Quotes by speaker" in md
    html_file = tmp_path / "r.html"
    assert run("report", "--db", str(db), "--format", "html", "--out", str(html_file))[0] == 0
    page = html_file.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h2>Timeline</h2>" in page and "http" not in page.split("<body>")[0]
    for fmt in ("jsonl", "plover", "gdelt", "jsonld", "graphml", "timeml", "csv", "parquet"):
        out = tmp_path / f"out-{fmt}"
        code, _, err = run("export", fmt, str(out), "--db", str(db))
        assert code == 0, (fmt, err)
    docs = [json.loads(x) for x in (tmp_path / "out-jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 5 and all("sentences" in d for d in docs)
    assert json.loads((tmp_path / "out-jsonld").read_text(encoding="utf-8"))["@graph"][0]["@type"] == "NewsArticle"
    ElementTree.parse(tmp_path / "out-graphml")
    timeml = sorted((tmp_path / "out-timeml").glob("*.tml"))
    assert len(timeml) == 5 and "<TIMEX3" in timeml[0].read_text(encoding="utf-8")
    with open(tmp_path / "out-csv" / "documents.csv", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 5
    assert duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'out-parquet' / 'sentences.parquet'}'").fetchone()[0] > 20
    code, _, err = run("export", "nonsense", str(tmp_path / "x"), "--db", str(db))
    assert code == 2
