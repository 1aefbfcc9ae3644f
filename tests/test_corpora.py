"""Every real development text goes through the whole pipeline without a failure."""

from __future__ import annotations

import json

import pytest

from lagebild.model import Record
from lagebild.pipeline import Pipeline
from lagebild.readers import ReaderOptions, read_inputs

from conftest import shared_path


def _check_all(records: list[Record]) -> None:
    pipeline = Pipeline()
    failures = []
    for outcome in pipeline.pipe(records):
        if not outcome.ok:
            failures.append((outcome.id, outcome.error))
            continue
        doc = outcome.document
        assert doc is not None
        n = len(doc.text)
        for layer in (doc.boilerplate, doc.paragraphs, doc.sentences, doc.tokens):
            assert all(0 <= s.start < s.end <= n for s in layer), doc.id
        assert doc.sentences == sorted(doc.sentences), doc.id
    assert failures == []


def _records(*inputs: str) -> list[Record]:
    out = list(read_inputs(list(inputs), ReaderOptions()))
    assert all(isinstance(r, Record) for r in out), [r for r in out if not isinstance(r, Record)][:3]
    return out  # type: ignore[return-value]


def test_10kgnad() -> None:
    _check_all(_records(str(shared_path("corpora", "10kgnad", "test.jsonl"))))


@pytest.mark.parametrize("split", ["train", "dev"])
def test_wikinews(split: str) -> None:
    directory = shared_path("corpora", "wikinews-quotes", split)
    records = []
    for path in sorted(directory.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        records.append(Record(id=gold["documentName"], text=gold["originalText"]))
    _check_all(records)


@pytest.mark.parametrize("name", ["KRAUTS_DieZeit", "KRAUTS_Dolomiten-100"])
def test_krauts_files_as_users_would_feed_them(name: str) -> None:
    directory = shared_path("corpora", "krauts", name)
    _check_all(_records(str(directory / "*.tml")))


def test_seeds() -> None:
    _check_all(_records(str(shared_path("seeds"))))
