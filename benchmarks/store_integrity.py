"""Store integrity on real data: ingest twice, and kill an ingest midway then rerun.

Usage: python benchmarks/store_integrity.py [--kills 3]

Writes 10kGNAD's test split and the WikiNews train and dev splits (about 1,900
documents) as one JSONL file in a temporary directory, then checks with the CLI that
(1) a second ingest changes nothing, and (2) ingests killed at random moments,
followed by a rerun, end with exactly the counts of the uninterrupted run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lagebild.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def corpus(path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for line in (SHARED / "10kgnad" / "test.jsonl").open(encoding="utf-8"):
            out.write(line.rstrip("\n") + "\n")
            n += 1
        for split in ("train", "dev"):
            for p in sorted((SHARED / "wikinews-quotes" / split).glob("*.json")):
                g = json.loads(p.read_text(encoding="utf-8"))
                out.write(json.dumps({"id": g["documentName"], "text": g["originalText"], "source": "WikiNews"},
                                     ensure_ascii=False) + "\n")
                n += 1
    return n


def counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return store.counts()


def ingest(src: Path, db: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lagebild", "ingest", str(src), "--db", str(db), "--progress", "off",
                    "--batch-size", "100"], check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        print(f"{corpus(src)} documents")
        clean = Path(tmp) / "clean.duckdb"
        full = ingest(src, clean)
        first = counts(clean)
        ingest(src, clean)
        second = counts(clean)
        print(f"uninterrupted ingest: {full:.0f} s; counts {first}")
        print(f"second ingest changes nothing: {first == second}")
        db = Path(tmp) / "killed.duckdb"
        rng = random.Random(11)
        for k in range(args.kills):
            proc = subprocess.Popen([sys.executable, "-m", "lagebild", "ingest", str(src), "--db", str(db),
                                     "--progress", "off", "--batch-size", "100"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.2, 0.8) * full)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            print(f"killed run {k + 1}: {counts(db)['documents']} documents stored")
        ingest(src, db)
        final = counts(db)
        print(f"after the rerun: counts equal to the uninterrupted run: {final == first}")
        return 0 if final == first and first == second else 1


if __name__ == "__main__":
    sys.exit(main())
