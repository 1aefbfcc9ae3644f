"""The seed gold format (``shared/gold/FORMAT.md``): one JSON file per text document.

Gold spans are given by surface text, not offsets: the n-th gold item with a given
text is the n-th occurrence of that text in the document. Texts are read as
``lagebild analyze`` reads a ``.txt`` file (header lines become metadata), from
``../../seeds`` beside the gold directory unless a text directory is given.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any, Mapping

from lagebild.errors import InputError
from lagebild.evaluate.goldset import GoldSet, require_dir, gold_files
from lagebild.evaluate.seedscore import locate, score_entities, score_events, score_quotes
from lagebild.evaluate.timexes import score_timexes
from lagebild.model import Record
from lagebild.readers import ReaderOptions, read_source

# one leading word that a gold extent leaves out ("am 6. Dezember" is "6. Dezember")
LEADING_WORDS = frozenset({"am", "im", "an", "in", "bis", "seit", "vom", "zum", "zur", "ab", "um",
                           "gegen", "anfang", "der", "die", "das", "dem", "den", "des"})


@dataclass
class SeedDoc:
    """Gold of one seed document and the text of its file."""

    gold: dict[str, Any]
    file_text: str


def document_id(document: str) -> str:
    """The id of the gold's ``document``: the file name without ``.txt``."""
    return document[:-4] if document.endswith(".txt") else document


def load_seeds(gold_dir: str, text_dir: str | None = None) -> GoldSet:
    """Records and gold of every ``*.json`` file in ``gold_dir``."""
    files = gold_files(gold_dir, ".json", "--seeds", ".json gold files")
    if text_dir is not None:
        require_dir(text_dir, "--texts")
    base = text_dir if text_dir is not None else os.path.join(gold_dir, "..", "..", "seeds")
    gold = GoldSet("seeds", gold_dir)
    for path in files:
        with open(path, encoding="utf-8") as fh:
            try:
                g = json.load(fh)
                document = g["document"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"{path}: not a seed gold file ({exc})") from None
        text_path = os.path.join(base, document)
        if not os.path.isfile(text_path):
            raise InputError(f"{path}: its text {text_path} does not exist (give the texts' "
                             "directory with --texts)")
        record = next(iter(read_source(text_path, ReaderOptions())))
        if not isinstance(record, Record):
            raise InputError(f"{text_path}: {record.error}")
        record.id = document_id(document)
        gold.records.append(record)
        gold.gold[record.id] = SeedDoc(gold=g, file_text=record.text)
    return gold


def seed_strict(gold: dict[str, Any], system: dict[str, Any], text: str) -> bool:
    """The seed strict rule: the system's extent is the gold text or an ``alt_text``,
    once surrounding whitespace and one leading preposition or article are dropped."""
    right = [gold["text"], *gold.get("alt_text", [])]
    got = text[system["start"]:system["end"]].strip()
    words = got.split(None, 1)
    without_lead = words[1] if len(words) == 2 and words[0].lower() in LEADING_WORDS else got
    return got in right or without_lead in right


def _gold_timexes(text: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item, where in zip(items, locate(text, [t["text"] for t in items])):
        start, end = where if where else (None, None)
        out.append({**item, "start": start, "end": end})
    return out


def score_seeds(gold: GoldSet, system: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """Timexes, quotes with speakers, entity mentions with linking, and events.

    Gold spans are located in the system's text where it has one (so that
    offsets agree with it), else in the text file.
    """
    timex_docs: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    by_id: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    for did, doc in gold.gold.items():
        g = doc.gold
        sys_doc = system.get(did) or system.get(g["document"]) or {}
        text = sys_doc.get("text")
        text = text if text is not None else doc.file_text
        by_id[did] = sys_doc
        timex_docs[did] = (text, _gold_timexes(text, g.get("timexes") or []))
        for part in (score_quotes(g, sys_doc, text), score_entities(g, sys_doc, text),
                     score_events(g, sys_doc, text)):
            for key, value in part.items():
                counts[key] = counts.get(key, 0) + value
    return {
        "timexes": score_timexes(timex_docs, by_id, strict=seed_strict),
        "quotes": {"gold": counts.get("quotes", 0), "found": counts.get("quotes_found", 0),
                   "speaker_right": counts.get("speaker_right", 0)},
        "entities": {"gold_mentions": counts.get("mentions", 0), "found": counts.get("mentions_found", 0),
                     "linked_right": counts.get("linked_right", 0)},
        "events": _event_figures(counts),
    }


def _event_figures(n: dict[str, int]) -> dict[str, Any]:
    gold, system, found = n.get("events", 0), n.get("events_system", 0), n.get("events_found", 0)
    # P and R are rounded first and F1 taken from the rounded values: the
    # scorecard's convention for this layer, kept so the two agree to the digit
    p = round(n.get("events_system_matched", 0) / system, 4) if system else 0.0
    r = round(found / gold, 4) if gold else 0.0
    f = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return {"gold": gold, "found": found, "system": system,
            "system_matched": n.get("events_system_matched", 0), "dated": n.get("events_dated", 0),
            "date_right": n.get("events_date_right", 0), "p": p, "r": r, "f1": f}
