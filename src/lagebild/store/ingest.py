"""Ingest: analyse records that are new or changed and store them, batch by batch."""

from __future__ import annotations

from typing import Any, Callable, Iterable

from lagebild.model import Record
from lagebild.pipeline import Outcome, Pipeline
from lagebild.store.db import BATCH, IngestStats, Store, batched
from lagebild.store.rows import content_hash

Report = Callable[[Outcome], None]


def record_hash(record: Record) -> str:
    """The content hash of a record as read (before analysis)."""
    meta = record.meta
    return content_hash({"text": record.text, "title": meta.get("title"), "source": meta.get("source"),
                         "url": meta.get("url"), "published": meta.get("published")})


def ingest(store: Store, items: Iterable[Record | Outcome], pipeline: Pipeline | None = None,
           on_outcome: Report | None = None, batch_size: int = BATCH, force: bool = False) -> IngestStats:
    """Analyse and store records; a document already stored with the same content is skipped.

    Each batch is written in one transaction, so an interrupted ingest leaves only
    whole documents behind and a rerun completes it without duplicates.
    """
    pipeline = pipeline or Pipeline()
    stats = IngestStats()
    for batch in batched(items, batch_size):
        records = [r for r in batch if isinstance(r, Record)]
        known = store.known_hashes([r.id for r in records])
        to_write = []
        for item in batch:
            if isinstance(item, Outcome):  # a reader error
                stats.failed += 1
                _report(on_outcome, item)
                continue
            digest = record_hash(item)
            if not force and known.get(item.id) == digest:
                stats.unchanged += 1
                continue
            outcome = pipeline.analyze(item)
            _report(on_outcome, outcome)
            if outcome.document is None:
                stats.failed += 1
                continue
            if item.id in known:
                stats.replaced += 1
            else:
                stats.added += 1
            to_write.append((digest, outcome.document.to_json()))
        store.write_batch(_last_per_id(to_write))
    store.derive()
    return stats


def ingest_documents(store: Store, docs: Iterable[dict[str, Any] | Outcome], on_outcome: Report | None = None,
                     batch_size: int = BATCH, force: bool = False) -> IngestStats:
    """Store documents analysed elsewhere (contract dicts, e.g. from an engine's Parquet parts)."""
    stats = IngestStats()
    for batch in batched(docs, batch_size):
        ready = [d for d in batch if isinstance(d, dict)]
        known = store.known_hashes([str(d["id"]) for d in ready])
        to_write = []
        for item in batch:
            if isinstance(item, Outcome):
                stats.failed += 1
                _report(on_outcome, item)
                continue
            digest = content_hash(item)
            if not force and known.get(str(item["id"])) == digest:
                stats.unchanged += 1
                continue
            stats.replaced += str(item["id"]) in known
            stats.added += str(item["id"]) not in known
            _report(on_outcome, Outcome(str(item["id"])))
            to_write.append((digest, item))
        store.write_batch(_last_per_id(to_write))
    store.derive()
    return stats


def _last_per_id(docs: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """Keep the last of several documents with one id in a batch (the later input wins)."""
    return list({str(d["id"]): (h, d) for h, d in docs}.values())


def _report(callback: Report | None, outcome: Outcome) -> None:
    if callback is not None:
        callback(outcome)
