"""Engines: the same output on every engine, resumable Dask runs, bulk ingest of parts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lagebild.engines.cli import read_parts
from lagebild.engines.partitions import plan

from conftest import EXAMPLES, shared_path
from test_store import consistent_counts, corpus, run


def analyse(inputs: list[str], out: Path, *engine: str) -> dict[str, dict]:
    code, _, err = run("analyze", *inputs, "--out", str(out), *engine)
    assert code == 0, err
    if out.is_dir():
        rows = list(read_parts(str(out)))
        return {r["id"]: json.loads(r["doc"]) for r in rows}
    return {d["id"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


def wikinews_dev_jsonl(tmp: Path) -> Path:
    out = tmp / "wikinews-dev.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for p in sorted(shared_path("corpora", "wikinews-quotes", "dev").glob("*.json")):
            g = json.loads(p.read_text(encoding="utf-8"))
            fh.write(json.dumps({"id": g["documentName"], "text": g["originalText"]}, ensure_ascii=False) + "\n")
    return out


def test_partitions_cover_every_line_once(tmp_path: Path) -> None:
    path = corpus(tmp_path / "c.jsonl", 23)
    parts = plan([str(path), str(EXAMPLES)], size=5)
    assert [p.kind for p in parts] == ["jsonl"] * 6 + ["files"]  # c.jsonl, articles.jsonl, 3 files
    assert parts[0].start == 0 and parts[4].end == path.stat().st_size
    assert all(a.end == b.start for a, b in zip(parts[:4], parts[1:5]))


@pytest.mark.parametrize("dataset", ["seeds", "wikinews-dev", "10kgnad"])
def test_every_engine_gives_the_same_documents(tmp_path: Path, dataset: str) -> None:
    if dataset == "seeds":
        inputs = [str(shared_path("seeds"))]
    elif dataset == "wikinews-dev":
        inputs = [str(wikinews_dev_jsonl(tmp_path))]
    else:
        inputs = [str(shared_path("corpora", "10kgnad", "test.jsonl"))]
    local = analyse(inputs, tmp_path / "local.jsonl")
    size = ["--partition-size", "100"]
    dask = analyse(inputs, tmp_path / "parts", "--engine", "dask", "--workers", "2", *size)
    assert dask == local
    if dataset != "10kgnad":
        assert analyse(inputs, tmp_path / "proc.jsonl", "--engine", "processes", "--workers", "2", *size) == local


def test_a_dask_run_resumes_without_redoing_parts(tmp_path: Path) -> None:
    src = corpus(tmp_path / "c.jsonl", 60)
    parts = tmp_path / "parts"
    engine = ["--engine", "dask", "--workers", "2", "--partition-size", "10", "--stages", "segment,language"]
    first = analyse([str(src)], parts, *engine)
    stamps = {p.name: p.stat().st_mtime_ns for p in parts.iterdir()}
    (parts / "part-00003.parquet").unlink()
    code, _, err = run("analyze", str(src), "--out", str(parts), *engine)
    assert code == 0 and "6 partitions" in err and "(5 already there)" in err
    assert analyse([str(src)], parts, *engine) == first
    assert all(p.stat().st_mtime_ns == stamps[p.name] for p in parts.iterdir() if p.name != "part-00003.parquet")


def test_ingest_on_dask_killed_midway_completes_without_duplicates(tmp_path: Path) -> None:
    src = corpus(tmp_path / "c.jsonl", 200)
    local_db = tmp_path / "local.duckdb"
    assert run("ingest", str(src), "--db", str(local_db))[0] == 0
    expected = consistent_counts(local_db)
    db = tmp_path / "dask.duckdb"
    cmd = [sys.executable, "-m", "lagebild", "ingest", str(src), "--db", str(db), "--engine", "dask",
           "--workers", "2", "--partition-size", "10", "--progress", "off"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    parts = Path(str(db) + ".parts")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(parts.glob("part-*.parquet"))) < 5:
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = {p.name: p.stat().st_mtime_ns for p in parts.glob("part-*.parquet")}
    assert 5 <= len(done_before) < 20
    subprocess.run(cmd, check=True, capture_output=True)
    assert all(parts.joinpath(n).stat().st_mtime_ns == t for n, t in done_before.items())
    assert consistent_counts(db) == expected
