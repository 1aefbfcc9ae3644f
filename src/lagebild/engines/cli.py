"""The engine options of ``analyze`` and ``ingest``."""

from __future__ import annotations

import argparse
import json
import os
from typing import Any, Iterator, TextIO

from lagebild.errors import UsageError
from lagebild.pipeline import Outcome
from lagebild.readers import ReaderOptions


def _stages(args: argparse.Namespace) -> tuple[str, ...] | None:
    return tuple(args.stages.split(",")) if args.stages else None


def _actors(args: argparse.Namespace) -> str | None:
    # workers may run elsewhere: give them an absolute path
    return os.path.abspath(args.actors) if args.actors else None


def _options(args: argparse.Namespace, fields: dict[str, str]) -> ReaderOptions:
    return ReaderOptions(fields=fields, max_chars=args.max_chars)


def run_analyze_engine(args: argparse.Namespace, fields: dict[str, str], stdout: TextIO, stderr: TextIO) -> int:
    """``analyze --engine processes|dask``."""
    from lagebild.engines.run import parquet_with_dask, rows_with_processes

    options = _options(args, fields)
    if args.engine == "dask":
        if not args.out:
            raise UsageError("--engine dask writes Parquet parts: give a directory with --out")
        parts = parquet_with_dask(args.inputs, args.out, options, _stages(args), args.workers, args.scheduler,
                                  args.partition_size, args.tokens, actors=_actors(args))
        done = [p for p in parts if not p["skipped"]]
        failed = sum(p.get("failed", 0) for p in done)
        stderr.write(f"lagebild: {len(parts)} partitions in {args.out} ({len(parts) - len(done)} already there); "
                     f"{sum(p.get('documents', 0) for p in done)} documents analysed, {failed} failed\n")
        return 1 if failed else 0
    failed = 0
    out = open(args.out, "w", encoding="utf-8") if args.out else stdout
    try:
        for row in rows_with_processes(args.inputs, options, _stages(args), args.workers, args.partition_size,
                                       args.tokens, _actors(args)):
            if row["error"]:
                failed += 1
                stderr.write(f"lagebild: {row['id']}: {row['error']}\n")
            else:
                out.write(row["doc"] + "\n")
    finally:
        if args.out:
            out.close()
    return 1 if failed else 0


def analysed_documents(args: argparse.Namespace, fields: dict[str, str],
                       parts_dir: str) -> Iterator[dict[str, Any] | Outcome]:
    """Documents analysed on the chosen engine, for ``ingest``."""
    from lagebild.engines.run import parquet_with_dask, rows_with_processes

    options = _options(args, fields)
    if args.engine == "processes":
        rows = rows_with_processes(args.inputs, options, _stages(args), args.workers, args.partition_size,
                                   actors=_actors(args))
    else:
        parquet_with_dask(args.inputs, parts_dir, options, _stages(args), args.workers, args.scheduler,
                          args.partition_size, actors=_actors(args))
        rows = read_parts(parts_dir)
    for row in rows:
        yield Outcome(row["id"], error=row["error"]) if row["error"] else json.loads(row["doc"])


def read_parts(parts_dir: str) -> Iterator[dict[str, Any]]:
    """Rows of the Parquet parts in ``parts_dir``, part by part (one part in memory at a time)."""
    import glob
    import os

    import pyarrow.parquet as pq

    for path in sorted(glob.glob(os.path.join(parts_dir, "part-*.parquet"))):
        yield from pq.read_table(path).to_pylist()
