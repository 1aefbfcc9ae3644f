"""Coverage-guided fuzzing of the readers and the whole pipeline with atheris.

Usage (outside CI; needs ``pip install atheris``):
    python fuzz/fuzz_pipeline.py -max_total_time=1800 fuzz/corpus

The input bytes are read as a file of a kind chosen by the first byte (txt,
jsonl, csv, html) and every resulting record is analysed. Any exception escaping
``read_inputs`` or ``Pipeline.analyze`` is a crash; reproduce one with
``python fuzz/fuzz_pipeline.py CRASH_FILE`` and turn it into a regression test in
``tests/test_fuzz_regressions.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    from lagebild.model import Record
    from lagebild.pipeline import Pipeline
    from lagebild.readers import ReaderOptions, read_inputs

    # building the pipeline imports every stage module: inside the block, so that the
    # stages are instrumented too, not only the readers
    PIPELINE = Pipeline()
KINDS = (".txt", ".jsonl", ".csv", ".html")
TMP = tempfile.mkdtemp(prefix="lagebild-fuzz-")


def test_one(data: bytes) -> None:
    if not data:
        return
    path = os.path.join(TMP, "input" + KINDS[data[0] % len(KINDS)])
    with open(path, "wb") as fh:
        fh.write(data[1:])
    for item in read_inputs([path], ReaderOptions(max_chars=200_000)):
        if isinstance(item, Record):
            PIPELINE.analyze(item)  # returns an Outcome; only an escaping exception is a crash


def main() -> None:
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
