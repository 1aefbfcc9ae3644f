"""The command line: output contract, exit codes, messages, stdin."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from lagebild.cli import main

from conftest import EXAMPLES

CONTRACT_KEYS = {"id", "title", "source", "url", "published", "published_inferred", "language", "text",
                 "boilerplate", "sentences", "timexes", "entities", "quotes", "events"}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_analyze_examples_writes_the_contract(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    code, _, err = run("analyze", str(EXAMPLES), "--out", str(target), "--progress", "off")
    assert code == 0, err
    docs = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 5
    for doc in docs:
        assert CONTRACT_KEYS <= doc.keys()
        for s in doc["sentences"]:
            assert doc["text"][s["start"]:s["end"]].strip() == doc["text"][s["start"]:s["end"]]
    english = next(d for d in docs if d["id"] == "example-summit-2024-en")
    assert english["language"] == "en"


def test_failed_documents_give_exit_1_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Ein guter Text.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "zz.txt").write_text("Noch ein guter Text.", encoding="utf-8")
    code, out, err = run("analyze", str(tmp_path), "--progress", "off")
    assert code == 1
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["good", "zz"]
    assert "empty: no text" in err and "Traceback" not in err
    assert "1 of 3 document(s) failed" in err


def test_usage_errors_give_exit_2() -> None:
    assert run("analyze")[0] == 2
    assert run("frobnicate")[0] == 2
    code, _, err = run("analyze", str(EXAMPLES), "--field", "nonsense=x")
    assert code == 2 and "--field" in err
    code, _, err = run("analyze", str(EXAMPLES), "--stages", "segment,nope")
    assert code == 2 and "unknown stage" in err


def test_help_explains_the_formats() -> None:
    code, out, _ = run("analyze", "--help")
    assert code == 0 and ".jsonl" in out and "Exit status" in out


def test_stdin_and_no_progress_when_not_a_terminal() -> None:
    proc = subprocess.run([sys.executable, "-m", "lagebild", "analyze", "-"], input="Ein Satz. Noch einer.",
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["id"] == "stdin" and len(doc["sentences"]) == 2
    assert proc.stderr == ""


def test_tokens_on_request() -> None:
    code, out, _ = run("analyze", str(EXAMPLES / "articles.jsonl"), "--tokens")
    assert code == 0
    doc = json.loads(out.splitlines()[0])
    assert doc["text"][doc["tokens"][0]["start"]:doc["tokens"][0]["end"]] == "Die"
