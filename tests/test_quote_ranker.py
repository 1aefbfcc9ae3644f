"""The speaker ranker: learnt weights shipped as data, and what they change."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from conftest import shared_path

from lagebild.model import Record
from lagebild.pipeline import Pipeline
from lagebild.quotes import ranker
from lagebild.quotes.extract import Extractor

ROOT = Path(__file__).resolve().parents[1]


def _quotes(text: str, rank: bool) -> list[tuple[str, str | None]]:
    doc = Pipeline(["segment", "language", "time", "entities"]).analyze(Record(id="t", text=text, meta={})).document
    out = Extractor(doc, rank=rank).run()
    return [(text[q["start"]:q["end"]], q["speaker"] and text[q["speaker"]["start"]:q["speaker"]["end"]])
            for q in out]


def test_ranker_adds_right_speakers_on_the_development_split() -> None:
    gold = shared_path("corpora", "wikinews-quotes", "dev")
    sys.path.insert(0, str(shared_path("scorecard")))
    import score  # the independent scorer beside the gold

    pipeline = Pipeline(["segment", "language", "time", "entities"])
    docs: dict[bool, dict[str, dict]] = {False: {}, True: {}}
    for path in sorted(gold.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        for rank in (False, True):
            doc = pipeline.analyze(Record(id="t", text=g["originalText"], meta={})).document
            docs[rank][g["documentName"]] = {"text": doc.text, "quotes": Extractor(doc, rank=rank).run()}
    rules, ranked = (score.score_wikinews(str(gold), docs[r])["speaker"] for r in (False, True))
    # it fills in speakers the rules left open and replaces wrong ones
    assert ranked["r"] > rules["r"] and ranked["f1"] >= rules["f1"] + 0.01


def test_ranker_keeps_the_rules_speaker_where_they_agree() -> None:
    text = "Der Minister sagte, die Lage sei ernst."
    assert _quotes(text, rank=True) == _quotes(text, rank=False) == [("die Lage sei ernst", "Der Minister")]


def test_weights_are_data_for_german_only() -> None:
    w = ranker.weights("de")
    assert len(w) > 1000 and "rule" in w and w["rule"] > 0
    assert ranker.weights("en") == {}  # English: the rules decide alone


def test_training_prefers_the_right_option() -> None:
    spec = importlib.util.spec_from_file_location("train_speakers", ROOT / "scripts" / "train_speakers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = [[["near", "subject"], ["none"], ["far"]]] * 20 + [[["none"], ["far"]]] * 5
    w = module.train(data, epochs=5)
    assert ranker.score(w, ["near", "subject"]) > ranker.score(w, ["none"]) > ranker.score(w, ["far"])
