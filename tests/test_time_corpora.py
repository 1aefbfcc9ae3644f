"""The time stage on the development data in ../shared: the seeds, KRAUTS, and a
no-crash run over German news. Skipped, with a message, where the data is absent."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from conftest import shared_path
from lagebild.model import Document
from lagebild.pipeline import Pipeline
from test_time_support import analyse, score

PIPE = Pipeline(["segment", "language", "time"])
# the level reached (see the report of the time stage); a drop below fails the test
KRAUTS_FLOORS = {"KRAUTS_DieZeit": (0.88, 0.915, 0.85), "KRAUTS_Dolomiten-100": (0.87, 0.92, 0.845)}


def read_timeml(path: Path) -> dict:
    """Text, DCT and timexes of a TimeML file (tags stripped, entities decoded)."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="([^"]*)"', raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    text, timexes, pos, n = [], [], 0, 0
    for m in re.finditer(r"<TIMEX3([^>]*?)(/>|>(.*?)</TIMEX3>)", body, re.S):
        before = unescape(re.sub(r"<[^>]+>", "", body[pos:m.start()]))
        text.append(before)
        n += len(before)
        inner = unescape(re.sub(r"<[^>]+>", "", m.group(3) or ""))
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        if inner.strip():
            timexes.append({"start": n, "end": n + len(inner), "text": inner, "value": attrs.get("value"),
                            "mod": attrs.get("mod")})
        text.append(inner)
        n += len(inner)
        pos = m.end()
    text.append(unescape(re.sub(r"<[^>]+>", "", body[pos:])))
    return {"text": "".join(text), "published": dct.group(1) if dct else None, "timexes": timexes}


@pytest.mark.parametrize("corpus", sorted(KRAUTS_FLOORS))
def test_krauts_floor(corpus: str) -> None:
    pairs = []
    for path in sorted(shared_path("corpora", "krauts", corpus).glob("*.tml")):
        g = read_timeml(path)
        doc = PIPE(Document(id=path.stem, text=g["text"], published=g["published"]))
        # the shared scorer counts strict matches by offsets, so the gold text is its own alt_text
        pairs.append((g["text"], g["timexes"], doc.timexes))
    figures = score(pairs)
    strict, relaxed, value = KRAUTS_FLOORS[corpus]
    assert figures["strict"] >= strict and figures["relaxed"] >= relaxed and figures["value"] >= value, figures


def _seed(name: str) -> tuple[dict, Document]:
    gold = json.loads(shared_path("gold", "seeds", f"{name}.json").read_text(encoding="utf-8"))
    text = shared_path("seeds", gold["document"]).read_text(encoding="utf-8")
    return gold, analyse(text, None)


@pytest.mark.parametrize("name", ["000_4b6b8be258251114", "003_fba5388a89c07daf"])
def test_seed_timexes(name: str) -> None:
    gold, doc = _seed(name)
    got = {}
    for t in doc.timexes:
        got.setdefault(doc.text[t["start"]:t["end"]], []).append(t)
    for g in gold["timexes"]:
        if g.get("optional"):
            continue
        cands = [t for s in [g["text"]] + g.get("alt_text", []) for t in got.get(s, [])]
        assert cands, f"{g['text']!r} not found"
        ok = [t for t in cands if t["value"] in [g["value"]] + g.get("alt", [])
              and (not g.get("mod") or t["mod"] == g["mod"])]
        assert ok, (g, cands)


def test_seed_without_date_gets_it_inferred() -> None:
    _, doc = _seed("003_fba5388a89c07daf")
    assert (doc.published, doc.published_inferred) == ("2024-12", True)
    values = {doc.text[t["start"]:t["end"]]: (t["value"], t["mod"]) for t in doc.timexes}
    assert values["6. Dezember"] == ("2024-12-06", None)
    assert values["19. November"] == ("2024-11-19", None)
    assert values["Ende des Jahres"] == ("2023", "END")


def test_no_crash_on_german_news() -> None:
    lines = shared_path("corpora", "10kgnad", "test.jsonl").read_text(encoding="utf-8").splitlines()[:300]
    wiki = sorted(shared_path("corpora", "wikinews-quotes", "dev").glob("*.json"))[:60]
    texts = [(json.loads(line)["text"], None) for line in lines]
    for p in wiki:
        d = json.loads(p.read_text(encoding="utf-8"))
        m = re.search(r"\((\d{4}-\d\d-\d\d)\)\s*$", d["documentName"])
        texts.append((d["originalText"], m.group(1) if m else None))
    for text, pub in texts:
        doc = PIPE(Document(id="x", text=text, published=pub))
        for t in doc.timexes:
            assert 0 <= t["start"] < t["end"] <= len(text)
            assert t["value"]
