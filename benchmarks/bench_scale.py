"""Scale benchmark: the Dask engine on 1 and 2 workers over a large corpus built from 10kGNAD.

Usage: python benchmarks/bench_scale.py [--docs 100000] [--small 10000] [--stages S] [--workdir DIR]

Builds a JSONL corpus of --docs copies of 10kGNAD's test articles (new ids), then
measures: a plain loop in this process (the per-document cost without any engine),
and ``--engine dask`` with 1 and 2 workers on the whole corpus and on its first
--small documents. Reports words/s, documents/s, the speed-up of 2 workers over 1,
the engine's cost over the plain loop, and peak RSS per worker for the small and the
large run (flat memory: the peak must not grow with the corpus).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from lagebild.engines.run import parquet_with_dask
from lagebild.engines.worker import TIME_LIMIT, analyse_partition, pipeline_for
from lagebild.engines.partitions import plan
from lagebild.readers import ReaderOptions

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "10kgnad" / "test.jsonl"


def build(path: Path, n: int) -> int:
    """Write ``n`` documents (copies with new ids); return their word count."""
    base = [json.loads(line) for line in SOURCE.open(encoding="utf-8")]
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(base[i % len(base)], id=f"scale-{i:07d}")
            words += len(rec["text"].split())
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return words


def dask_run(src: Path, out: Path, workers: int, stages: tuple[str, ...] | None, size: int) -> tuple[float, float]:
    shutil.rmtree(out, ignore_errors=True)
    done: list[float] = []  # peak RSS of the worker that wrote each partition, in completion order
    t0 = time.perf_counter()
    parts = parquet_with_dask([str(src)], str(out), ReaderOptions(), stages, workers=workers, size=size,
                              on_part=lambda p: done.append(p.get("rss_mb", 0)))
    wall = time.perf_counter() - t0
    tenth = max(1, len(done) // 10)
    print(f"  peak RSS when the first tenth of partitions was done: {max(done[:tenth]):,.0f} MB; "
          f"at the end: {max(done):,.0f} MB")
    return wall, max(p.get("rss_mb", 0) for p in parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--stages", help="comma-separated stages (default: all)")
    parser.add_argument("--partition-size", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, default=Path("scale-bench"))
    parser.add_argument("--workers", default="1,2",
                        help="worker counts to run, comma-separated (default 1,2; 0: only the plain loop)")
    args = parser.parse_args()
    if not SOURCE.exists():
        print(f"corpus not found: {SOURCE}", file=sys.stderr)
        return 2
    stages = tuple(args.stages.split(",")) if args.stages else None
    args.workdir.mkdir(parents=True, exist_ok=True)
    big, small = args.workdir / "big.jsonl", args.workdir / "small.jsonl"
    words_big, words_small = build(big, args.docs), build(small, args.small)
    print(f"corpus: {args.docs:,} documents, {words_big:,} words; small: {args.small:,} documents")

    part = plan([str(small)], 2000)[0]
    pipeline_for(stages, TIME_LIMIT, None)  # built and warmed up once per process, as in a worker: not timed
    t0 = time.perf_counter()
    rows = analyse_partition(part, ReaderOptions(), stages)
    loop = time.perf_counter() - t0
    loop_words = sum(len(json.loads(r["doc"])["text"].split()) for r in rows if r["doc"])
    per_doc = loop / len(rows)
    print(f"plain loop, this process: {loop_words / loop:,.0f} words/s, {len(rows) / loop:,.1f} documents/s "
          f"({1000 * per_doc:.2f} ms per document)")

    results = {}
    counts = [int(w) for w in args.workers.split(",") if w.strip()]  # "" or "0": the plain loop only
    counts = [w for w in counts if w > 0]
    if not counts:
        return 0
    for workers in counts:
        for name, src, n, words in (("small", small, args.small, words_small), ("big", big, args.docs, words_big)):
            wall, rss = dask_run(src, args.workdir / f"parts-{name}-{workers}", workers, stages, args.partition_size)
            results[(workers, name)] = (wall, rss)
            print(f"dask, {workers} worker(s), {n:,} documents: {wall:,.1f} s, {words / wall:,.0f} words/s, "
                  f"{n / wall:,.1f} documents/s, peak RSS per worker {rss:,.0f} MB")
    if 1 in counts and 2 in counts:
        one, two = results[(1, "big")][0], results[(2, "big")][0]
        print(f"speed-up of 2 workers over 1: {one / two:.2f}x")
        print(f"engine cost over the plain loop (1 worker): {100 * (one / args.docs / per_doc - 1):+.1f} %")
    one = results[(counts[0], "big")][0] * counts[0]  # core-seconds per corpus
    for w in counts:
        print(f"peak RSS per worker, {w} worker(s): {results[(w, 'small')][1]:,.0f} MB at {args.small:,} documents, "
              f"{results[(w, 'big')][1]:,.0f} MB at {args.docs:,}")
    cluster_hours = one / args.docs * 10_000_000 / 32 / 3600  # one worker is one core
    print(f"on paper: 10 million articles on 32 cores at this per-document cost: {cluster_hours:,.1f} hours")
    return 0


if __name__ == "__main__":
    sys.exit(main())
