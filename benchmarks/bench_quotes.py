"""Speed of the quotes stage alone, in words per second.

Usage: python benchmarks/bench_quotes.py [CORPUS.jsonl] [--repeat N]

Segments every document once, then times only the quotes stage over the corpus
(the best of ``--repeat`` runs, after one warm-up run that loads the word lists
and the lemma table; the cold first run is reported too). Words are the
whitespace-separated words of the input text. The default corpus is 10kGNAD's
test split in ../shared.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lagebild.model import Document, Record
from lagebild.quotes import quotes_stage
from lagebild.readers import ReaderOptions, read_inputs
from lagebild.segment import segment_document

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "10kgnad" / "test.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    records = [r for r in read_inputs([args.corpus], ReaderOptions()) if isinstance(r, Record)]
    docs = []
    for rec in records:
        doc = Document.from_record(rec)
        doc.language = doc.language or "de"
        segment_document(doc)
        docs.append(doc)
    words = sum(len(d.text.split()) for d in docs)
    runs = []
    for _ in range(args.repeat + 1):
        t0 = time.perf_counter()
        n = 0
        for doc in docs:
            doc.entities = []
            quotes_stage(doc)
            n += len(doc.quotes)
        runs.append(time.perf_counter() - t0)
    best = min(runs[1:]) if len(runs) > 1 else runs[0]
    print(f"{len(docs)} documents, {words} words, {n} quotes")
    print(f"quotes stage: {words / best:,.0f} words/s (best of {args.repeat}); "
          f"cold first run {words / runs[0]:,.0f} words/s")


if __name__ == "__main__":
    main()
