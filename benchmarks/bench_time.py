"""Speed of the time stage alone on 10kGNAD, beside the segment stage.

Usage: python benchmarks/bench_time.py [CORPUS.jsonl] [--repeat N] [--limit N]

Each document is segmented (and its language set) first, untimed; then only the
time stage is timed. Prints words/s (whitespace-separated words of the text) of
the time stage and of the segment stage in the same run, and their ratio.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lagebild.model import Document, Record
from lagebild.pipeline import Pipeline
from lagebild.readers import ReaderOptions, read_inputs
from lagebild.timex import tag_document

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "10kgnad" / "test.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = ap.parse_args()
    records = [r for r in read_inputs([args.corpus], ReaderOptions()) if isinstance(r, Record)]
    if args.limit:
        records = records[:args.limit]
    words = sum(len(r.text.split()) for r in records)
    prep = Pipeline(["segment", "language"])
    segment = prep.stages[0].func
    best_seg = best_time = float("inf")
    n_timex = 0
    tag_document(Document(id="warm-up", text="Am 6. Dezember 2024."))  # compile the grammar once
    for _ in range(args.repeat):
        seg = tim = 0.0
        n_timex = 0
        for rec in records:
            doc = Document.from_record(rec)
            t0 = time.perf_counter()
            segment(doc)
            seg += time.perf_counter() - t0
            prep.stages[1].func(doc)
            t0 = time.perf_counter()
            tag_document(doc)
            tim += time.perf_counter() - t0
            n_timex += len(doc.timexes)
        best_seg, best_time = min(best_seg, seg), min(best_time, tim)
    print(f"{len(records)} documents, {words} words, {n_timex} timexes")
    print(f"time stage:    {words / best_time:12,.0f} words/s  ({best_time:.2f} s)")
    print(f"segment stage: {words / best_seg:12,.0f} words/s  ({best_seg:.2f} s)")
    print(f"time stage is {best_seg / best_time:.2f}x the speed of segment")


if __name__ == "__main__":
    main()
