"""The issue's acceptance checks on the two seed articles and on GermEval 2014 (dev).

Gold mentions are located by surface text (``../shared/gold/FORMAT.md``).  The
scorecard's locator takes the n-th *substring* occurrence, which lands on the
"Russland" inside "Russlands" and on the "Lukaschenko" inside "Alexander
Lukaschenko"; this test locates the n-th whole-word occurrence that is not part of
a longer mention of the same entity, as the gold files mean it, and prints the
scorecard's figure beside it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from lagebild.model import Document
from lagebild.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = ["000_4b6b8be258251114", "003_fba5388a89c07daf"]
GERMEVAL_FLOOR = 0.72   # strict F1, PER+LOC+ORG, development split; a floor only moves up


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"development data not present: {path} (tests that read ../shared are skipped)")
    return path


def _analyse_seeds() -> dict[str, Document]:
    pipe = Pipeline(["segment", "language", "entities"])
    out = {}
    for name in SEEDS:
        text = _need(SHARED / "seeds" / f"{name}.txt").read_text(encoding="utf-8")
        out[name] = pipe(Document(id=name, text=text))
    return out


def _locate(text: str, entity: dict) -> list[tuple[int, int]]:
    """Whole-word occurrences of each gold mention, skipping those inside a longer one of the entity."""
    longer = [(m.start(), m.end()) for s in set(entity["mentions"])
              for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
    out, used = [], {}
    for s in entity["mentions"]:
        occ = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text)
               if not any(a <= m.start() and m.end() <= b and (b - a) > len(s) for a, b in longer)]
        k = used.get(s, 0)
        used[s] = k + 1
        if k < len(occ):
            out.append(occ[k])
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def seed_figures(docs: dict[str, Document]) -> tuple[int, int, int]:
    gold_n = found = linked = 0
    for name, doc in docs.items():
        gold = json.loads(_need(SHARED / "gold" / "seeds" / f"{name}.json").read_text(encoding="utf-8"))
        by_span = {(m["start"], m["end"]): e for e in doc.entities for m in e["mentions"]}
        for ge in gold["entities"]:
            if ge.get("optional"):
                continue
            gnames = {_norm(ge["name"])} | {_norm(x) for x in ge["mentions"]}
            for span in _locate(doc.text, ge):
                gold_n += 1
                se = by_span.get(span)
                if se is None:
                    continue
                found += 1
                names = {_norm(se["name"])} | {_norm(doc.text[m["start"]:m["end"]]) for m in se["mentions"]}
                linked += bool(names & gnames)
    return gold_n, found, linked


def test_seed_mentions_found_and_linked() -> None:
    docs = _analyse_seeds()
    gold_n, found, linked = seed_figures(docs)
    print(f"\nseeds: {gold_n} gold mentions, {found} found ({found / gold_n:.1%}), "
          f"{linked} linked right ({linked / gold_n:.1%})")
    scorer = SHARED / "scorecard" / "score.py"
    if scorer.exists():  # the scorecard's own figure, for comparison
        sys.path.insert(0, str(scorer.parent))
        import score  # type: ignore[import-not-found]
        res = score.score_seeds(str(SHARED / "gold" / "seeds"), {k: d.to_json() for k, d in docs.items()})
        print(f"scorecard locator: {res['entities']}")
    assert found / gold_n >= 0.95
    assert linked / gold_n >= 0.95


def test_one_node_per_state_and_putin_er() -> None:
    docs = _analyse_seeds()
    want = {"belarus": {"Belarus", "Weißrussland", "Weißrusslands", "belarussische", "weißrussische",
                        "Republik", "Minsk"},
            "russia": {"Russland", "Russischen Föderation", "Moskau", "russische", "Russlands"}}
    for eid, surfaces in want.items():
        seen = set()
        for doc in docs.values():
            for e in doc.entities:
                for m in e["mentions"]:
                    s = doc.text[m["start"]:m["end"]]
                    if s in surfaces and not (s in ("Minsk", "Moskau") and m["kind"] == "name"):
                        assert e["id"] == eid, (s, e["id"])
                        seen.add(s)
        assert seen == surfaces, (eid, surfaces - seen)
    doc = docs["003_fba5388a89c07daf"]
    putin = next(e for e in doc.entities if e["id"] == "vladimir-putin")
    ers = [m for m in putin["mentions"] if m["kind"] == "pronoun"]
    assert len(ers) == 2 and all(doc.text[m["start"]:m["end"]] == "er" for m in ers)


def test_germeval_floor() -> None:
    path = _need(SHARED / "corpora" / "germeval2014" / "NER-de-dev.tsv")
    sys.path.insert(0, str(SHARED / "scorecard"))
    import score  # type: ignore[import-not-found]
    pipe = Pipeline(["segment", "language", "entities"])
    docs = {}
    for did, date, toks, _labs in score.read_germeval(str(path)):
        text, _offs = score.detok(toks)
        docs[did] = pipe(Document(id=did, text=text, published=date)).to_json()
    res = score.score_germeval(str(path), docs)
    print("\nGermEval dev: " + ", ".join(f"{k} F1 {v['f1']:.3f}" for k, v in res.items()))
    assert res["ALL"]["f1"] >= GERMEVAL_FLOOR
