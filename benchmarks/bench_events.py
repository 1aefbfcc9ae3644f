"""Speed of the events stage on 10kGNAD, and its quality on PLOVER's examples.

Usage: python benchmarks/bench_events.py [CORPUS.jsonl] [--repeat N] [--no-plover]

The earlier stages (segment, language, time, entities, quotes) run once per
document outside the clock; the events stage alone is timed, best of ``--repeat``
runs, and reported as words/s (whitespace-separated words of the input texts) on
one core. In the same run the sentence segmentation stage is timed as the peer
figure, so the ratio shows what the event coder costs relative to splitting the
text. Then PLOVER's gold-standard English examples are scored (type, actor and
target accuracy; arguments by the surface fallback, see ``events/scoring.py``).
"""

from __future__ import annotations

import argparse
import copy
import time
from pathlib import Path

from lagebild.events.stage import code_events
from lagebild.model import Document, Record
from lagebild.pipeline import Pipeline, available_stages
from lagebild.readers import ReaderOptions, read_inputs

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT = SHARED / "corpora" / "10kgnad" / "test.jsonl"
PLOVER = SHARED / "corpora" / "plover" / "PLOVER_GSR_CAMEO.txt"


def prepare(path: Path) -> tuple[list[Document], int, float]:
    """Documents with every stage before ``events`` done, their word count, and the
    seconds the segment stage took on them (the peer figure)."""
    records = [r for r in read_inputs([str(path)], ReaderOptions()) if isinstance(r, Record)]
    stages = [s for s in available_stages() if s != "events"]
    pipe = Pipeline(stages)
    seg = next(s for s in pipe.stages if s.name == "segment")
    docs, seg_time = [], 0.0
    for rec in records:
        doc = Document.from_record(rec)
        for stage in pipe.stages:
            t0 = time.perf_counter()
            stage.func(doc)
            if stage is seg:
                seg_time += time.perf_counter() - t0
        docs.append(doc)
    words = sum(len(d.text.split()) for d in docs)
    return docs, words, seg_time


def time_events(docs: list[Document], repeat: int) -> tuple[float, int]:
    best, n_events = float("inf"), 0
    for _ in range(repeat):
        work = [copy.copy(d) for d in docs]
        t0 = time.perf_counter()
        n_events = sum(len(code_events(d)) for d in work)
        best = min(best, time.perf_counter() - t0)
    return best, n_events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-plover", action="store_true")
    args = ap.parse_args()
    docs, words, seg_time = prepare(args.corpus)
    secs, n_events = time_events(docs, args.repeat)
    print(f"{len(docs)} documents, {words} words, {n_events} events")
    print(f"events stage: {secs:.2f} s = {words / secs:,.0f} words/s (one core, best of {args.repeat})")
    print(f"segment stage (peer, same documents): {words / seg_time:,.0f} words/s; "
          f"events is {seg_time / secs:.1f}x its speed")
    if not args.no_plover and PLOVER.exists():
        from lagebild.events.scoring import score_plover
        print("PLOVER examples:", score_plover(PLOVER))


if __name__ == "__main__":
    main()
