"""English news: common patterns, and a small gold set written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from test_time_support import analyse, find, locate, score

GOLD = Path(__file__).parent / "data" / "time" / "english_gold.json"


def test_english_gold_set() -> None:
    docs = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
    pairs = []
    for d in docs:
        doc = analyse(d["text"], d["published"], "en")
        pairs.append((d["text"], locate(d["text"], d["timexes"]), doc.timexes))
    figures = score(pairs)
    assert sum(len(d["timexes"]) for d in docs) >= 40
    assert figures["strict"] >= 0.95, figures
    assert figures["value"] >= 0.95, figures


def test_english_tense_places_weekdays() -> None:
    doc = analyse("The minister said on Sunday that talks had failed. The summit will open on Monday.",
                  "2024-12-06", "en")
    assert find(doc, "Sunday")["value"] == "2024-12-01"
    assert find(doc, "Monday")["value"] == "2024-12-09"


def test_english_refers_back_for_the_end_of_the_year() -> None:
    doc = analyse("In June 2023 he said the work would be done by the end of the year.", "2024-12", "en")
    tx = find(doc, "the end of the year")
    assert (tx["value"], tx["mod"]) == ("2023", "END")
