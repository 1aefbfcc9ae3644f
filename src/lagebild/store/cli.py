"""Command-line front of the store: ``ingest`` and the query commands."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from lagebild.pipeline import Outcome, Pipeline
from lagebild.progress import Progress
from lagebild.readers import ReaderOptions, read_inputs
from lagebild.store.compare import compare
from lagebild.store.db import BATCH, DEFAULT_DB, Store
from lagebild.store.ingest import ingest
from lagebild.store.queries import Filters, actor, quotes, search, timeline

def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, help="store file (default: %(default)s in the working directory)")


def _filters(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("--since", metavar="DATE", help="only from this date on (2023, 2023-06, 2023-06-15)")
    p.add_argument("--until", metavar="DATE", help="only up to this date (inclusive)")
    p.add_argument("--source", help="only documents of this source")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def add_store_parsers(sub: Any, add_reader_options: Any) -> None:
    """Register ``ingest`` and the query commands on the CLI's subparsers."""
    p = sub.add_parser("ingest", help="analyse news and add it to the store",
                       description="Analyse INPUT (as 'analyze' reads it) and store the result in an embedded "
                                   "DuckDB database. Documents already stored with the same content are "
                                   "skipped; changed ones are replaced. Safe to rerun after an interruption.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    _common(p)
    add_reader_options(p)
    p.add_argument("--force", action="store_true", help="re-analyse documents even if unchanged")
    p.add_argument("--batch-size", type=int, default=BATCH,
                   help="documents per transaction (default %(default)s)")
    for name, text in (("timeline", "events in date order with status, sources and evidence"),
                       ("actor", "names, roles, events and quotes of one actor"),
                       ("quotes", "who said what"),
                       ("compare", "how the sources differ"),
                       ("search", "full-text search with German stemming")):
        q = sub.add_parser(name, help=text, description=text)
        if name == "actor":
            q.add_argument("name", help="id, canonical name or any name used for the actor")
        if name == "search":
            q.add_argument("text", help="words to search for")
        if name == "quotes":
            q.add_argument("--speaker", help="only this speaker (id or any name)")
        _filters(q)


def run_ingest(args: argparse.Namespace, options: ReaderOptions, pipeline: Pipeline, progress: Progress,
               stdout: TextIO, stderr: TextIO) -> int:
    """The ``ingest`` command; returns the exit status."""
    failed: list[Outcome] = []

    def seen(outcome: Outcome) -> None:
        progress.update(outcome.ok)
        if not outcome.ok:
            failed.append(outcome)
            stderr.write(f"lagebild: {outcome.id}: {outcome.error}\n")

    with Store(args.db) as store:
        stats = ingest(store, read_inputs(args.inputs, options), pipeline, seen,
                       batch_size=args.batch_size, force=args.force)
        counts = store.counts()
    progress.close()
    stdout.write(f"{stats.added} added, {stats.replaced} replaced, {stats.unchanged} unchanged, "
                 f"{stats.failed} failed; the store {args.db} holds {counts['documents']} documents, "
                 f"{counts['actors']} actors, {counts['event_clusters']} events\n")
    return 1 if failed else 0


def run_query(args: argparse.Namespace, stdout: TextIO) -> int:
    """A query command (timeline, actor, quotes, compare, search); returns the exit status."""
    f = Filters(args.since, args.until, args.source)
    with Store(args.db, read_only=True) as store:
        if args.command == "timeline":
            result: Any = timeline(store, f)
        elif args.command == "actor":
            result = actor(store, args.name, f)
        elif args.command == "quotes":
            result = quotes(store, args.speaker, f)
        elif args.command == "compare":
            result = compare(store, f)
        else:
            result = search(store, args.text, f)
    if args.json:
        stdout.write(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        from lagebild.store.show import show
        stdout.write(show(args.command, result))
    return 0
