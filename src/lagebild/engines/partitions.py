"""Splitting inputs into partitions that a worker can read on its own.

JSON Lines files are cut at line boundaries by byte offset (a worker seeks and
reads only its range); Parquet files by row ranges; every other input is grouped by
file. A partition's number is its place in this plan, so a rerun with the same
inputs and size finds the same partitions (and can skip those already written).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lagebild.model import Record
from lagebild.pipeline import Outcome
from lagebild.readers import ReaderOptions, expand_inputs, read_json_text, read_source, record_from_mapping

DEFAULT_SIZE = 1000


@dataclass(frozen=True)
class Partition:
    """A piece of the input: a byte range of a JSONL file, rows of a Parquet file, or files."""

    index: int
    kind: str  # "jsonl" | "parquet" | "files"
    paths: tuple[str, ...]
    start: int = 0
    end: int = 0
    first_line: int = 0  # lines of the file before ``start`` (JSONL), for fallback record ids


def plan(inputs: list[str], size: int = DEFAULT_SIZE) -> list[Partition]:
    """The partitions of ``inputs`` with about ``size`` records each."""
    parts: list[Partition] = []
    files: list[str] = []
    for item in expand_inputs(inputs):
        if isinstance(item, Outcome) or item == "-":
            raise ValueError(f"cannot partition {getattr(item, 'id', item)!r}: give files or directories")
        suffix = Path(item).suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            for a, b, line in _line_ranges(item, size):
                parts.append(Partition(len(parts), "jsonl", (item,), a, b, line))
        elif suffix == ".parquet":
            import pyarrow.parquet as pq

            rows = pq.ParquetFile(item).metadata.num_rows
            for a in range(0, rows, size):
                parts.append(Partition(len(parts), "parquet", (item,), a, min(rows, a + size)))
        else:
            files.append(item)
    for a in range(0, len(files), size):
        parts.append(Partition(len(parts), "files", tuple(files[a:a + size])))
    return parts


def _line_ranges(path: str, size: int) -> Iterator[tuple[int, int, int]]:
    """Byte ranges of ``size`` lines each, with the number of lines before each."""
    start = pos = n = lines = 0
    with open(path, "rb") as fh:
        for line in fh:
            pos += len(line)
            n += 1
            if n == size:
                yield start, pos, lines
                lines += n
                start, n = pos, 0
    if pos > start:
        yield start, pos, lines


def read_partition(part: Partition, options: ReaderOptions) -> Iterator[Record | Outcome]:
    """The records of one partition."""
    if part.kind == "jsonl":
        with open(part.paths[0], "rb") as fh:
            fh.seek(part.start)
            data = fh.read(part.end - part.start)
        name = Path(part.paths[0]).stem
        # record ids without an id field must not depend on the partitioning; the
        # line count comes from the plan, since counting here would read the whole
        # file before this range and make a worker's memory grow with the corpus
        for item in read_json_text(data.decode("utf-8", errors="replace"), name, options):
            yield _renumber(item, name, part.first_line)
    elif part.kind == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(part.paths[0]).slice(part.start, part.end - part.start)
        for i, row in enumerate(table.to_pylist()):
            yield record_from_mapping(row, f"{Path(part.paths[0]).stem}-{part.start + i + 1}", options, None)
    else:
        for path in part.paths:
            yield from read_source(path, options)


def _renumber(item: Record | Outcome, name: str, first_line: int) -> Record | Outcome:
    """Shift ``name-N`` / ``name:N`` fallback ids from partition lines to file lines."""
    for sep in ("-", ":"):
        prefix = name + sep
        if item.id.startswith(prefix) and item.id[len(prefix):].isdigit():
            item.id = f"{prefix}{int(item.id[len(prefix):]) + first_line}"
    return item
