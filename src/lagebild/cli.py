"""The ``lagebild`` command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import Sequence, TextIO

from lagebild import __version__
from lagebild.errors import LagebildError, UsageError
from lagebild.pipeline import Pipeline, available_stages
from lagebild.progress import Progress
from lagebild.readers import DEFAULT_MAX_CHARS, FIELDS, ReaderOptions, read_inputs

QUERIES = ("timeline", "actor", "quotes", "compare", "search")
ENGINES = ("local", "processes", "dask")
DEFAULT_SIZE = 1000

DESCRIPTION = """\
Lagebild turns news reports into a situation picture: who the actors are, when
things happened, who said what and what happened, with the sentence each fact
rests on.

Commands:
  analyze   analyse news files and write one JSON document per line
  ingest    analyse news and add it to the store (an embedded DuckDB file)
  timeline, actor, quotes, compare, search
            ask the store: events in date order, one actor, who said what,
            how the sources differ, full-text search
  report    a readable situation report (Markdown or HTML)
  serve     browse the store in a local web view
  export    the store as JSONL, PLOVER, GDELT-like TSV, JSON-LD, GraphML,
            TimeML, CSV or Parquet
  eval      score the analysis against gold annotations (P/R/F1 per layer)
  stages    list the analysis stages

Examples:
  lagebild analyze examples/*.txt --out picture.jsonl
  lagebild ingest examples/ && lagebild report --format html --out lagebild.html
  lagebild actor Lukaschenko
  lagebild analyze archive/ crawl.jsonl --field text=body --field published=date
  cat article.txt | lagebild analyze -
  lagebild eval --wikinews ../shared/corpora/wikinews-quotes/dev
"""

ANALYZE_HELP = """\
INPUT is any mix of files, directories (read recursively), glob patterns and '-'
for standard input. Formats by extension:
  .txt        the whole file is the text; leading header lines 'date 2023-05',
              'source ...', 'url ...', 'title ...' are metadata
  .jsonl/.json records with 'text' and optional 'id', 'published', 'title',
              'source', 'url' (rename with --field)
  .csv/.tsv   the same fields as columns of a table with a header row
  .html       main text and metadata extracted with trafilatura

Exit status: 0 when every document was analysed, 1 when some failed (each is
listed on stderr with its id and reason), 2 for a usage error.
"""


def _parse_fields(items: Sequence[str]) -> dict[str, str]:
    fields = {}
    for item in items:
        name, sep, column = item.partition("=")
        if not sep or name not in FIELDS or not column:
            raise UsageError(f"--field expects NAME=COLUMN with NAME one of {', '.join(FIELDS)}; got {item!r}")
        fields[name] = column
    return fields


def add_reader_options(p: argparse.ArgumentParser) -> None:
    """Options of the commands that read and analyse news (analyze, ingest)."""
    p.add_argument("--field", action="append", default=[], metavar="NAME=COLUMN",
                   help="read field NAME (id, text, published, title, source, url, language) "
                        "from COLUMN of JSON/CSV records; repeatable")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help="largest document accepted, in characters (default %(default)s)")
    p.add_argument("--stages", help="comma-separated stages to run (default: all; see 'lagebild stages')")
    p.add_argument("--actors", metavar="FILE.yaml",
                   help="extend the actor knowledge base with a YAML file "
                        "(actors: [{id, type, name, de, en, adj, gender, ...}])")
    p.add_argument("--time-limit", type=float, default=60.0, metavar="SECONDS",
                   help="time one document may take before it is reported as failed (default %(default)s)")
    p.add_argument("--progress", choices=("auto", "on", "off"), default="auto",
                   help="progress line on stderr (auto: only on a terminal)")
    p.add_argument("--engine", choices=ENGINES, default="local",
                   help="where the analysis runs: this process (local), all cores of this machine "
                        "(processes), or a Dask cluster (dask: writes one Parquet file per partition)")
    p.add_argument("--workers", type=int, help="worker processes (default: the number of cores)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="address of a running Dask scheduler "
                   "(default: start a local cluster)")
    p.add_argument("--partition-size", type=int, default=DEFAULT_SIZE,
                   help="records per partition for the processes and dask engines (default %(default)s)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lagebild", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"lagebild {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    an = sub.add_parser("analyze", help="analyse news and write document JSON lines",
                        description=ANALYZE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    an.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, globs or '-'")
    an.add_argument("--out", "-o", metavar="FILE.jsonl", help="write here instead of standard output "
                    "(with --engine dask: a directory for the Parquet parts)")
    add_reader_options(an)
    an.add_argument("--tokens", action="store_true", help="also write token spans")

    from lagebild.evaluate.cli import add_eval_parser
    add_eval_parser(sub)
    from lagebild.store.cli import add_output_parsers, add_store_parsers
    add_store_parsers(sub, add_reader_options)
    add_output_parsers(sub)

    sub.add_parser("stages", help="list the analysis stages")
    return parser


def use_actors(path: str | None) -> None:
    """Load the user's actor file (validated: every problem is reported) or the bundled base."""
    from lagebild.actors import load_user_base

    load_user_base(path)


def _setup(args: argparse.Namespace, stderr: TextIO) -> tuple[ReaderOptions, Pipeline, Progress]:
    """Reader options, pipeline and progress line from the reading commands' options."""
    options = ReaderOptions(fields=_parse_fields(args.field), max_chars=args.max_chars)
    use_actors(args.actors)
    pipeline = Pipeline(args.stages.split(",") if args.stages else None, time_limit=args.time_limit)
    enabled = {"auto": None, "on": True, "off": False}[args.progress]
    return options, pipeline, Progress(enabled, stderr)


def run_analyze(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """The ``analyze`` command; returns the exit status."""
    if args.engine != "local":
        from lagebild.engines.cli import run_analyze_engine
        return run_analyze_engine(args, _parse_fields(args.field), stdout, stderr)
    options, pipeline, progress = _setup(args, stderr)
    failed: list[tuple[str, str]] = []
    out = open(args.out, "w", encoding="utf-8") if args.out else stdout
    try:
        for outcome in pipeline.pipe(read_inputs(args.inputs, options)):
            if outcome.document is None:
                failed.append((outcome.id, outcome.error or "unknown error"))
                stderr.write(f"lagebild: {outcome.id}: {outcome.error}\n")
                progress.update(False)
                continue
            doc = outcome.document
            for warning in doc.warnings:
                stderr.write(f"lagebild: {doc.id}: warning: {warning}\n")
            out.write(json.dumps(doc.to_json(with_tokens=args.tokens), ensure_ascii=False) + "\n")
            progress.update(True, len(doc.tokens))
    finally:
        progress.close()
        if args.out:
            out.close()
    if failed:
        stderr.write(f"lagebild: {len(failed)} of {progress.done} document(s) failed:\n")
        for did, reason in failed:
            stderr.write(f"  {did}: {reason}\n")
        return 1
    return 0


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Entry point of the ``lagebild`` command; returns the exit status."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        if args.command == "analyze":
            return run_analyze(args, stdout, stderr)
        if args.command == "eval":
            from lagebild.evaluate.cli import run_eval
            return run_eval(args, stdout, stderr)
        if args.command == "ingest":
            from lagebild.store.cli import run_ingest
            return run_ingest(args, *_setup(args, stderr), stdout, stderr)
        if args.command == "serve":
            from lagebild.store.cli import run_serve
            return run_serve(args, stdout)
        if args.command in ("report", "export"):
            from lagebild.store.cli import run_output
            return run_output(args, stdout)
        if args.command in QUERIES:
            from lagebild.store.cli import run_query
            return run_query(args, stdout)
        if args.command == "stages":
            for name in available_stages():
                stdout.write(name + "\n")
            return 0
        parser.print_help(stdout)
        return 2
    except UsageError as exc:
        stderr.write(f"lagebild: error: {exc}\n")
        return 2
    except LagebildError as exc:
        stderr.write(f"lagebild: error: {exc}\n")
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        stderr.write("lagebild: interrupted\n")
        return 130
