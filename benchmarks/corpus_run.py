"""Run the whole pipeline over every real text in ../shared and report crashes and times.

Usage: python benchmarks/corpus_run.py [--top N]

Sets: 10kGNAD (test split), WikiNews train and dev, KRAUTS (both development
files, text as the scorer reconstructs it), GermEval 2014 dev (sentences), the seeds.
Reports failures (with ids and reasons), the time per document and per 1,000 words
(median, p99, max) and the slowest documents; exits 1 on any failure or any
document slower than 100 ms per 1,000 words.
"""

from __future__ import annotations

import argparse
import glob
import html
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Iterator

from lagebild.model import Record
from lagebild.pipeline import Pipeline
from lagebild.readers import ReaderOptions, read_inputs

SHARED = Path(__file__).resolve().parents[2] / "shared"
LIMIT_MS_PER_1000 = 100.0


def timeml_text(path: str) -> tuple[str, str | None]:
    raw = open(path, encoding="utf-8").read()
    dct = re.search(r'<DCT>.*?value="([^"]*)"', raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", body.group(1) if body else raw)), dct.group(1) if dct else None


def germeval(path: Path) -> Iterator[Record]:
    toks: list[str] = []
    n = 0
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        if not line.strip():
            if toks:
                yield Record(id=f"germeval-{n:05d}", text=" ".join(toks))
                n += 1
            toks = []
        else:
            toks.append(line.split("\t")[1])


def corpora() -> Iterator[tuple[str, Record]]:
    c = SHARED / "corpora"
    for r in read_inputs([str(c / "10kgnad" / "test.jsonl")], ReaderOptions()):
        if isinstance(r, Record):
            yield "10kgnad", r
    for split in ("train", "dev"):
        for p in sorted((c / "wikinews-quotes" / split).glob("*.json")):
            g = json.loads(p.read_text(encoding="utf-8"))
            m = re.search(r"\((\d{4}-\d\d-\d\d)\)\s*$", g["documentName"])
            yield f"wikinews-{split}", Record(id=g["documentName"], text=g["originalText"],
                                              meta={"published": m.group(1) if m else None})
    for name in ("KRAUTS_DieZeit", "KRAUTS_Dolomiten-100"):
        for p in sorted(glob.glob(str(c / "krauts" / name / "*.tml"))):
            text, dct = timeml_text(p)
            yield name, Record(id=Path(p).stem, text=text, meta={"published": dct})
    for r in germeval(c / "germeval2014" / "NER-de-dev.tsv"):
        yield "germeval-dev", r
    for r in read_inputs([str(SHARED / "seeds")], ReaderOptions()):
        if isinstance(r, Record):
            yield "seeds", r


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=10, help="how many of the slowest documents to list")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"development data not found: {SHARED}", file=sys.stderr)
        return 2
    pipeline = Pipeline()
    pipeline.warm_up()  # resources load before the first document is timed
    rows, failures, per_set = [], [], {}
    for name, rec in corpora():
        words = max(1, len(rec.text.split()))
        t0 = time.perf_counter()
        outcome = pipeline.analyze(rec)
        ms = 1000 * (time.perf_counter() - t0)
        per_set[name] = per_set.get(name, 0) + 1
        if not outcome.ok:
            failures.append((name, rec.id, outcome.error))
        rows.append((ms / words * 1000, ms, words, name, rec.id))
    print("documents per set: " + ", ".join(f"{k} {v}" for k, v in per_set.items()) + f"; total {len(rows)}")
    print(f"failures: {len(failures)}")
    for f in failures[:20]:
        print(f"  {f[0]} {f[1]}: {f[2]}")
    per_doc = sorted(r[1] for r in rows)
    per_k = sorted(r[0] for r in rows if r[2] >= 50)  # per-1,000-word rates of very short texts are noise
    q = lambda xs, p: xs[min(len(xs) - 1, int(p * len(xs)))]  # noqa: E731
    print(f"ms per document: median {statistics.median(per_doc):.2f}, p99 {q(per_doc, .99):.2f}, max {per_doc[-1]:.2f}")
    print(f"ms per 1,000 words (documents of 50+ words): median {statistics.median(per_k):.1f}, "
          f"p99 {q(per_k, .99):.1f}, max {per_k[-1]:.1f}")
    print(f"slowest documents (ms per 1,000 words):")
    for rate, ms, words, name, did in sorted(rows, reverse=True)[: args.top]:
        print(f"  {rate:8.1f}  {ms:8.1f} ms  {words:6} words  {name}  {did[:70]}")
    slow = [r for r in rows if r[2] >= 50 and r[0] > LIMIT_MS_PER_1000]
    print(f"documents over {LIMIT_MS_PER_1000:.0f} ms per 1,000 words: {len(slow)}")
    return 1 if failures or slow else 0


if __name__ == "__main__":
    sys.exit(main())
