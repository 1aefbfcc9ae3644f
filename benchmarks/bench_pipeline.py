"""Speed of the pipeline, stage by stage, against SoMaJo in the same run.

Usage: python benchmarks/bench_pipeline.py [CORPUS.jsonl] [--repeat N]

Reports words/s (whitespace-separated words of the input text) for reading, for
each stage and for the whole pipeline, and the speed of SoMaJo's tokenizer and
sentence splitter alone on the same paragraphs, as a ratio. Needs ``somajo``
(``pip install -e .[bench]``). The default corpus is 10kGNAD's test split in ../shared.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from lagebild.model import Document, Record
from lagebild.pipeline import Pipeline
from lagebild.readers import ReaderOptions, read_inputs

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "10kgnad" / "test.jsonl"


def load(path: Path) -> list[Record]:
    t0 = time.perf_counter()
    records = [r for r in read_inputs([str(path)], ReaderOptions()) if isinstance(r, Record)]
    print(f"read {len(records)} records in {time.perf_counter() - t0:.2f} s")
    return records


def time_stages(records: list[Record], repeat: int) -> dict[str, float]:
    """Seconds per stage over the corpus, the best of ``repeat`` runs for each."""
    pipeline = Pipeline()
    best = {s.name: float("inf") for s in pipeline.stages}
    for _ in range(repeat):
        spent = dict.fromkeys(best, 0.0)
        for rec in records:
            doc = Document.from_record(rec)
            for stage in pipeline.stages:
                t0 = time.perf_counter()
                stage.func(doc)
                spent[stage.name] += time.perf_counter() - t0
        best = {k: min(best[k], spent[k]) for k in best}
    return best


def time_somajo(records: list[Record], repeat: int) -> float:
    from somajo import SoMaJo

    tokenizer = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for rec in records:
            paragraphs = [p for p in rec.text.split("\n") if p.strip()]
            for _sentence in tokenizer.tokenize_text(paragraphs):
                pass
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best of each counts")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    records = load(args.corpus)
    words = sum(len(r.text.split()) for r in records)
    print(f"{words:,} words")
    spent = time_stages(records, args.repeat)
    total = sum(spent.values())
    for name, seconds in spent.items():
        print(f"  stage {name:<10} {words / seconds:>12,.0f} words/s")
    print(f"  pipeline         {words / total:>12,.0f} words/s, {len(records) / total:,.0f} documents/s")
    somajo = time_somajo(records, args.repeat)
    print(f"  SoMaJo alone     {words / somajo:>12,.0f} words/s (tokenizer + sentence splitter)")
    print(f"segment stage vs SoMaJo: {somajo / spent['segment']:.1f}x as fast")
    return 0


if __name__ == "__main__":
    sys.exit(main())
