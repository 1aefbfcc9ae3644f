"""Running the analysis on an engine."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterator

from lagebild.engines.partitions import DEFAULT_SIZE, plan
from lagebild.engines.worker import analyse_partition, write_partition
from lagebild.errors import UsageError
from lagebild.readers import ReaderOptions


def rows_with_processes(inputs: list[str], options: ReaderOptions, stages: tuple[str, ...] | None,
                        workers: int | None = None, size: int = DEFAULT_SIZE,
                        with_tokens: bool = False, actors: str | None = None) -> Iterator[dict[str, Any]]:
    """Rows of every record, in input order, analysed on ``workers`` processes of this machine."""
    parts = plan(inputs, size)
    workers = workers or os.cpu_count() or 1
    with ProcessPoolExecutor(workers) as pool:
        futures = [pool.submit(analyse_partition, p, options, stages, with_tokens, actors) for p in parts]
        for fut in futures:  # in order; each partition holds at most ``size`` documents in memory
            yield from fut.result()


def parquet_with_dask(inputs: list[str], out_dir: str, options: ReaderOptions, stages: tuple[str, ...] | None,
                      workers: int | None = None, scheduler: str | None = None, size: int = DEFAULT_SIZE,
                      with_tokens: bool = False, on_part: Callable[[dict[str, Any]], None] | None = None,
                      actors: str | None = None) -> list[dict[str, Any]]:
    """Analyse on a Dask cluster, one Parquet file per partition in ``out_dir``.

    Partitions already written (by an interrupted run with the same inputs and
    partition size) are skipped. ``scheduler`` is the address of a running cluster;
    without it a LocalCluster with ``workers`` single-threaded worker processes runs.
    """
    try:
        import dask
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise UsageError("the dask engine needs dask: pip install 'lagebild[scale]'") from exc
    os.makedirs(out_dir, exist_ok=True)
    parts = plan(inputs, size)
    todo = [p for p in parts if not os.path.exists(os.path.join(out_dir, f"part-{p.index:05d}.parquet"))]
    results: list[dict[str, Any]] = [{"index": p.index, "skipped": True} for p in parts if p not in todo]
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # Dask's statistical profiler keeps a history of sampled call stacks that grows
        # with every distinct code path for up to an hour: measured, it made a worker's
        # memory creep up with the corpus (356 -> 389 MB over 25 partitions; off: flat)
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(write_partition, todo, out_dir=out_dir, options=options, stages=stages,
                             with_tokens=with_tokens, actors=actors, pure=False)
        for fut in as_completed(futures):
            res = fut.result()
            results.append(res)
            if on_part:
                on_part(res)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return sorted(results, key=lambda r: r["index"])
