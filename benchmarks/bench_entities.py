"""Speed of the entities stage alone, and the load time of the actor knowledge base.

Usage: python benchmarks/bench_entities.py [CORPUS.jsonl] [--repeat N]

Documents are segmented first (not timed); then only the ``entities`` stage is
timed over the corpus, on one core.  Reported as words/s (whitespace-separated
words of the text), with the best of ``--repeat`` runs.  The knowledge base is
loaded cold in a fresh interpreter to measure its start-up cost honestly.
The default corpus is 10kGNAD's test split in ../shared.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from lagebild.model import Document
from lagebild.pipeline import Pipeline

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "10kgnad" / "test.jsonl"
_LOAD = ("import time; t=time.perf_counter(); from lagebild.actors.stage import _current; "
         "kb, idx, _ = _current(); print(time.perf_counter()-t, len(kb), len(idx.by_first))")


def load_time() -> tuple[float, int, int]:
    """Seconds to import and build the base and its index in a fresh process."""
    out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    secs, n_actors, n_keys = load_time()
    print(f"knowledge base: {n_actors} actors, {n_keys} index keys, loaded in {secs:.3f} s (fresh process)")
    path = Path(args.corpus)
    if not path.exists():
        sys.exit(f"corpus not found: {path}")
    seg = Pipeline(["segment", "language"])
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        docs.append(seg(Document(id=rec["id"], text=rec["text"])))
    words = sum(len(d.text.split()) for d in docs)
    from lagebild.actors.stage import recognize, reset_memory
    recognize(docs[0])  # warm caches
    best = best_cpu = float("inf")
    for _ in range(args.repeat):
        reset_memory()
        t0, c0 = time.perf_counter(), time.process_time()
        for d in docs:
            recognize(d)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    mentions = sum(len(e["mentions"]) for d in docs for e in d.entities)
    # CPU time as well as wall time: on a shared machine the wall clock counts other processes' turns
    print(f"entities stage: {len(docs)} documents, {words} words, {mentions} mentions in {best:.2f} s "
          f"= {words / best:,.0f} words/s wall, {words / best_cpu:,.0f} words/s per CPU second "
          f"(one core, best of {args.repeat})")


if __name__ == "__main__":
    main()
