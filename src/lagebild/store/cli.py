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
from lagebild.store.ingest import ingest, ingest_documents
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
    p.add_argument("--parts", metavar="DIR", help="with --engine dask: where the Parquet parts go "
                   "(default: the store's path + .parts; a rerun skips parts already there)")
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


def add_output_parsers(sub: Any) -> None:
    """Register ``report``, ``export`` and ``serve``."""
    v = sub.add_parser("serve", help="browse the store in a local web view",
                       description="Serve the web view of the store (timeline, actor graph, actor pages, quotes, "
                                   "source comparison, search) at http://HOST:PORT/. Read-only; bound to "
                                   "127.0.0.1 unless --host says otherwise.")
    _common(v)
    v.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s, this machine only)")
    v.add_argument("--port", type=int, default=8765, help="port (default: %(default)s)")
    v.add_argument("--log", action="store_true", help="log each request on stderr")
    from lagebild.store.export import FORMATS

    r = sub.add_parser("report", help="a readable situation report (Markdown or HTML)",
                       description="Actors, alliances and treaties, the timeline, quotes by speaker and "
                                   "the source comparison, each statement with its evidence.")
    r.add_argument("--format", choices=("md", "html"), default="md")
    r.add_argument("--out", "-o", metavar="FILE", help="write here instead of standard output")
    _filters(r)
    e = sub.add_parser("export", help="export the store (" + ", ".join(FORMATS) + ")",
                       description="jsonl: the document contract; plover: PLOVER-style event JSONL; "
                                   "gdelt: GDELT-like event TSV; jsonld: schema.org NewsArticle/Quotation "
                                   "with W3C Web Annotation evidence; graphml: the actor graph; timeml: one "
                                   "TimeML file per document (OUT is a directory); csv, parquet: every "
                                   "table (OUT is a directory).")
    e.add_argument("format", choices=sorted(FORMATS))
    e.add_argument("out", metavar="OUT", help="output file (directory for timeml, csv, parquet)")
    _common(e)


def run_serve(args: argparse.Namespace, stdout: TextIO) -> int:
    """The ``serve`` command: runs until interrupted."""
    from lagebild.web.server import make_server

    server = make_server(args.db, args.host, args.port, quiet=not args.log)
    stdout.write(f"Lagebild web view of {args.db} at http://{args.host}:{server.server_port}/ (Ctrl-C ends)\n")
    stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def run_output(args: argparse.Namespace, stdout: TextIO) -> int:
    """The ``report`` and ``export`` commands; returns the exit status."""
    from pathlib import Path

    from lagebild.store.export import export
    from lagebild.store.report import build_report, markdown_to_html

    with Store(args.db, read_only=True) as store:
        if args.command == "export":
            n = export(store, args.format, Path(args.out))
            stdout.write(f"wrote {n} {'tables' if args.format in ('csv', 'parquet') else 'items'} to {args.out}\n")
            return 0
        text = build_report(store, Filters(args.since, args.until, args.source))
    if args.format == "html":
        text = markdown_to_html(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        stdout.write(text)
    return 0


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
        if args.engine == "local":
            stats = ingest(store, read_inputs(args.inputs, options), pipeline, seen,
                           batch_size=args.batch_size, force=args.force)
        else:
            from lagebild.engines.cli import analysed_documents

            docs = analysed_documents(args, options.fields, args.parts or args.db + ".parts")
            stats = ingest_documents(store, docs, seen, batch_size=args.batch_size, force=args.force)
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
