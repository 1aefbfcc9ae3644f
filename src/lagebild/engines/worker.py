"""What a worker does with one partition: read it, analyse every record, return JSON.

Module state is only a cache of pipelines that any process can rebuild from the
stage names, so the same code runs in this process, in a process pool, or on a
Dask worker.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any, Iterator

from lagebild.engines.partitions import Partition, read_partition
from lagebild.pipeline import Outcome, Pipeline
from lagebild.readers import ReaderOptions


TIME_LIMIT = 60.0
# documents per Parquet row group written by a worker
GROUP = 100


@lru_cache(maxsize=4)
def pipeline_for(stages: tuple[str, ...] | None, time_limit: float | None = TIME_LIMIT,
                 actors: str | None = None) -> Pipeline:
    """The pipeline of this process for ``stages`` and the user's actor file (built once per process)."""
    from lagebild.actors import load_user_base

    load_user_base(actors)
    return Pipeline(list(stages) if stages is not None else None, time_limit=time_limit)


def outcome_row(outcome: Outcome, with_tokens: bool = False) -> dict[str, Any]:
    """An outcome as a flat row: id, error and the document JSON (a string)."""
    doc = outcome.document
    return {"id": outcome.id, "error": outcome.error,
            "doc": json.dumps(doc.to_json(with_tokens), ensure_ascii=False) if doc is not None else None}


def iter_rows(part: Partition, options: ReaderOptions, stages: tuple[str, ...] | None,
              with_tokens: bool = False, actors: str | None = None) -> Iterator[dict[str, Any]]:
    """Rows for every record of ``part``, in input order, one at a time."""
    pipeline = pipeline_for(stages, TIME_LIMIT, actors)
    for item in read_partition(part, options):
        outcome = item if isinstance(item, Outcome) else pipeline.analyze(item)
        yield outcome_row(outcome, with_tokens)


def analyse_partition(part: Partition, options: ReaderOptions, stages: tuple[str, ...] | None,
                      with_tokens: bool = False, actors: str | None = None) -> list[dict[str, Any]]:
    """Rows for every record of ``part``, in input order."""
    return list(iter_rows(part, options, stages, with_tokens, actors))


def write_partition(part: Partition, out_dir: str, options: ReaderOptions, stages: tuple[str, ...] | None,
                    with_tokens: bool = False, actors: str | None = None) -> dict[str, Any]:
    """Analyse ``part`` and write ``part-NNNNN.parquet`` in ``out_dir``; skip it if already there.

    The file appears under its final name only when complete (written to a
    temporary name, then renamed), so a killed run leaves no half-written part.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = os.path.join(out_dir, f"part-{part.index:05d}.parquet")
    if os.path.exists(target):
        return {"index": part.index, "skipped": True}
    schema = pa.schema([("id", pa.string()), ("error", pa.string()), ("doc", pa.string())])
    tmp = f"{target}.tmp-{os.getpid()}"
    n = failed = 0
    batch: list[dict[str, Any]] = []
    # rows go out in row groups of GROUP documents, so that what a worker holds at once
    # is bounded by the group, not by the partition or by the largest documents in it
    with pq.ParquetWriter(tmp, schema) as writer:
        for row in iter_rows(part, options, stages, with_tokens, actors):
            n += 1
            failed += row["error"] is not None
            batch.append(row)
            if len(batch) >= GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    os.replace(tmp, target)
    del batch
    _give_back_memory()
    return {"index": part.index, "skipped": False, "documents": n, "failed": failed, "rss_mb": _rss_mb()}


def _give_back_memory() -> None:
    """Return freed memory to the system after a partition (Arrow's pool, the C heap),
    so that a long-running worker's footprint does not creep up with the corpus."""
    import ctypes
    import gc

    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


def _rss_mb() -> float:
    """Peak resident memory of this process in MB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
