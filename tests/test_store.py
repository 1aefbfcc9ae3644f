"""The store: idempotent ingest, replacement, one writer, crash safety, queries."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lagebild.cli import main
from lagebild.store import Store, StoreLockedError
from lagebild.store.schema import DOC_TABLES

from conftest import EXAMPLES

BASE = (EXAMPLES / "finnland-nato-2023.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]


def corpus(path: Path, n: int) -> Path:
    """``n`` distinct news-like records built from a shipped example."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = BASE.replace("31. Mitglied", f"{i}. Mitglied") + f"\n\nMeldung Nummer {i}."
            fh.write(json.dumps({"id": f"doc-{i:04d}", "text": text, "published": "2023-04-04",
                                 "source": ["A", "B"][i % 2]}, ensure_ascii=False) + "\n")
    return path


def run(*argv: str) -> tuple[int, str, str]:
    import io
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def consistent_counts(db: Path) -> dict[str, int]:
    """Open the store, check every document is whole and no row is orphaned; return counts."""
    with Store(db) as store:
        for table in DOC_TABLES:
            if table == "documents":
                continue
            orphans = store.query(f"SELECT count(*) AS n FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)")
            assert orphans[0]["n"] == 0, table
        missing = store.query("SELECT count(*) AS n FROM documents d WHERE NOT EXISTS "
                              "(SELECT 1 FROM sentences s WHERE s.doc_id = d.id)")
        assert missing[0]["n"] == 0
        dupes = store.query("SELECT count(*) - count(DISTINCT id) AS n FROM documents")
        assert dupes[0]["n"] == 0
        return {k: v for k, v in store.counts().items()}


def test_ingest_is_idempotent_and_replaces_changed_documents(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    docs = corpus(tmp_path / "c.jsonl", 30)
    assert run("ingest", str(docs), str(EXAMPLES), "--db", str(db))[0] == 0
    first = consistent_counts(db)
    code, out, _ = run("ingest", str(docs), str(EXAMPLES), "--db", str(db))
    assert code == 0 and "0 added, 0 replaced, 35 unchanged" in out
    assert consistent_counts(db) == first
    lines = docs.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[3])
    rec["text"] += " Ein neuer Satz."
    lines[3] = json.dumps(rec, ensure_ascii=False)
    docs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run("ingest", str(docs), "--db", str(db))
    assert "0 added, 1 replaced, 29 unchanged" in out
    after = consistent_counts(db)
    assert after["documents"] == first["documents"] and after["sentences"] == first["sentences"] + 1


def test_a_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from lagebild.store import Store; "
                               f"s = Store({str(db)!r}); print('open', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreLockedError, match="another process"):
            Store(db)
        code, _, err = run("ingest", str(EXAMPLES), "--db", str(db))
        assert code == 1 and "only one writer at a time" in err and "Traceback" not in err
    finally:
        holder.kill()
        holder.wait()


def test_killed_ingests_leave_a_consistent_store_and_a_rerun_completes_it(tmp_path: Path) -> None:
    docs = corpus(tmp_path / "c.jsonl", 300)
    cmd = [sys.executable, "-m", "lagebild", "ingest", str(docs), "--batch-size", "20", "--progress", "off"]
    clean = tmp_path / "clean.duckdb"
    subprocess.run(cmd + ["--db", str(clean)], check=True, capture_output=True)
    expected = consistent_counts(clean)
    start = time.monotonic()
    subprocess.run(cmd + ["--db", str(tmp_path / "timing.duckdb")], check=True, capture_output=True)
    full = time.monotonic() - start
    db = tmp_path / "killed.duckdb"
    rng = random.Random(7)
    for _ in range(5):  # five kill points at random moments of a run
        proc = subprocess.Popen(cmd + ["--db", str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 0.9) * full)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        consistent_counts(db)
    subprocess.run(cmd + ["--db", str(db)], check=True, capture_output=True)
    assert consistent_counts(db) == expected


def test_queries_on_the_examples(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    assert run("ingest", str(EXAMPLES), "--db", str(db))[0] == 0
    code, out, _ = run("search", "Beitrittsurkunden", "--db", str(db), "--json")
    hits = json.loads(out)
    assert code == 0 and hits and all("Beitrittsurkunde" in h["text"] for h in hits)
    code, out, _ = run("search", "Gipfel", "--db", str(db), "--source", "Example News", "--json")
    assert json.loads(out) == []
    for command in ("timeline", "quotes", "compare"):
        code, out, err = run(command, "--db", str(db))
        assert code == 0, err
        code, out, err = run(command, "--db", str(db), "--json", "--since", "2024", "--until", "2024-12")
        assert code == 0, err
        json.loads(out)
    code, _, err = run("actor", "Niemand Bekanntes", "--db", str(db))
    assert code == 1 and "no actor called" in err


def test_queries_on_a_missing_store_explain_what_to_do(tmp_path: Path) -> None:
    code, _, err = run("timeline", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and "lagebild ingest" in err
