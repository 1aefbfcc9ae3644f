"""Store benchmark: documents stored per second and the time of every query.

Usage: python benchmarks/bench_store.py [--db PATH]

Analyses 10kGNAD's test split and the WikiNews train and dev splits from ../shared
(about 1,900 documents), then times the store alone: writing the analysed documents
in batches, rebuilding the derived tables and the search index, and each query.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from lagebild.model import Record
from lagebild.pipeline import Pipeline
from lagebild.readers import ReaderOptions, read_inputs
from lagebild.store import Store
from lagebild.store.compare import compare
from lagebild.store.db import batched
from lagebild.store.ingest import record_hash
from lagebild.store.queries import Filters, actor, quotes, search, timeline

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def records() -> list[Record]:
    out = [r for r in read_inputs([str(SHARED / "10kgnad" / "test.jsonl")], ReaderOptions())
           if isinstance(r, Record)]
    for split in ("train", "dev"):
        for path in sorted((SHARED / "wikinews-quotes" / split).glob("*.json")):
            g = json.loads(path.read_text(encoding="utf-8"))
            out.append(Record(id=g["documentName"], text=g["originalText"], meta={"source": "WikiNews"}))
    return out


def timed(label: str, fn, *args) -> object:  # noqa: ANN001
    t0 = time.perf_counter()
    result = fn(*args)
    print(f"  {label:<34} {1000 * (time.perf_counter() - t0):8.1f} ms")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="store file (default: a temporary one)")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"development data not found: {SHARED}", file=sys.stderr)
        return 2
    recs = records()
    pipeline = Pipeline()
    docs = []
    for r in recs:
        outcome = pipeline.analyze(r)
        if outcome.document is not None:
            docs.append((record_hash(r), outcome.document.to_json()))
    print(f"{len(docs)} documents analysed")
    with tempfile.TemporaryDirectory() as tmp:
        with Store(args.db or Path(tmp) / "bench.duckdb") as store:
            t0 = time.perf_counter()
            for batch in batched(docs):
                store.write_batch(batch)
            write = time.perf_counter() - t0
            print(f"  stored {len(docs) / write:,.0f} documents/s ({write:.2f} s)")
            timed("derive (actors, clusters, index)", store.derive)
            f = Filters()
            timed("timeline", timeline, store, f)
            top = store.query("SELECT name FROM actors ORDER BY n_mentions DESC LIMIT 1")
            name = top[0]["name"] if top else "Russland"
            timed(f"actor {name}", actor, store, name, f)
            timed("quotes", quotes, store, None, f)
            timed("quotes --speaker", quotes, store, name, f)
            timed("compare", compare, store, f)
            timed("search Regierung", search, store, "Regierung", f)
            timed("timeline --since 2010 --source", timeline, store, Filters("2010", None, "WikiNews"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
