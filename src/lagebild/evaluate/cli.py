"""The ``lagebild eval`` command: score the analysis against gold annotations."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from lagebild.errors import LagebildError, UsageError
from lagebild.evaluate.goldset import load_system, require_dir
from lagebild.evaluate.report import format_table
from lagebild.evaluate.runner import SetResult, evaluate, load_gold
from lagebild.pipeline import Pipeline

EVAL_HELP = """\
Analyse the texts of one or more gold sets and print precision (P), recall (R)
and F1 per layer. Give at least one gold set; each option may be repeated.

Gold formats:
  --timeml DIR      TimeML files (*.tml, inline TIMEX3, DCT as publication date),
                    e.g. the KRAUTS corpus: temporal expressions, scored strict
                    (same offsets), relaxed (overlapping), value and type
  --wikinews DIR    German WikiNews quotation JSON (GermEval 2023 SpkAtt data):
                    token P/R/F1 of quote, speaker and cue (SpkAtt-style macro
                    average), and sentence boundaries
  --seeds DIR       the project's seed gold (shared/gold/FORMAT.md); the texts
                    are read from ../../seeds beside DIR, or from --texts DIR
  --germeval FILE   GermEval 2014 NER TSV: every sentence a document; strict
                    spans of PER, LOC, ORG, LOCderiv (place adjectives) and ALL

Sentence boundaries: a sentence's boundary is the offset of its first word
character; the boundaries of a document except the first are compared, so a
boundary is identified by the word that opens the next sentence (punctuation-
only sentences and white space do not count). Micro P/R/F1 over the set.

The figures agree with the independent scorecard (shared/scorecard/score.py)
on the same analysis. With --system the analysis is read from a file that
'lagebild analyze' wrote instead of being run now.

Exit status: 0 when scored, 1 when a gold file is malformed or some documents
could not be analysed (they count as empty; listed on stderr), 2 for a usage
error such as a missing path.

Examples:
  lagebild eval --wikinews ../shared/corpora/wikinews-quotes/dev
  lagebild eval --timeml ../shared/corpora/krauts/KRAUTS_DieZeit --json
  lagebild eval --seeds ../shared/gold/seeds --system picture.jsonl
"""


def add_eval_parser(sub: Any) -> None:
    """Register the ``eval`` command on the subparsers object of the main parser."""
    ev = sub.add_parser("eval", help="score the analysis against gold annotations (P/R/F1 per layer)",
                        description=EVAL_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    gold = ev.add_argument_group("gold sets (at least one; each repeatable)")
    gold.add_argument("--timeml", action="append", default=[], metavar="DIR",
                      help="directory of TimeML .tml files (temporal expressions)")
    gold.add_argument("--wikinews", action="append", default=[], metavar="DIR",
                      help="directory of WikiNews quotation .json files (quotes, sentences)")
    gold.add_argument("--seeds", action="append", default=[], metavar="DIR",
                      help="directory of seed gold .json files (all layers)")
    gold.add_argument("--texts", metavar="DIR",
                      help="where the texts of --seeds are (default: ../../seeds beside the gold)")
    gold.add_argument("--germeval", action="append", default=[], metavar="FILE.tsv",
                      help="GermEval 2014 NER file (named entities)")
    ev.add_argument("--system", metavar="FILE.jsonl",
                    help="score this output of 'lagebild analyze' instead of analysing the texts now")
    ev.add_argument("--save", metavar="FILE.jsonl",
                    help="also write the analysis that was scored (not with --system)")
    ev.add_argument("--stages", help="comma-separated stages to run (default: all; see 'lagebild stages')")
    ev.add_argument("--json", action="store_true",
                    help="print one JSON object with all figures instead of a table")


def _gold_options(args: argparse.Namespace) -> list[tuple[str, str]]:
    """(kind, path) of every gold set asked for, in the order of the kinds."""
    wanted = [(kind, path) for kind in ("timeml", "wikinews", "seeds", "germeval")
              for path in getattr(args, kind, None) or []]
    if not wanted:
        raise UsageError("give at least one gold set: --timeml DIR, --wikinews DIR, --seeds DIR "
                         "or --germeval FILE.tsv (see 'lagebild eval --help')")
    if getattr(args, "texts", None) and not args.seeds:
        raise UsageError("--texts only applies to --seeds")
    if getattr(args, "texts", None):
        require_dir(args.texts, "--texts")
    if getattr(args, "system", None) and (getattr(args, "save", None) or getattr(args, "stages", None)):
        raise UsageError("--save and --stages run the analysis; they cannot be used with --system")
    return wanted


def _run(args: argparse.Namespace) -> list[SetResult]:
    wanted = _gold_options(args)
    # read every gold set first, so that a wrong path fails before any analysis runs
    gold_sets = [load_gold(kind, path, getattr(args, "texts", None)) for kind, path in wanted]
    system = load_system(args.system) if getattr(args, "system", None) else None
    stages = args.stages.split(",") if getattr(args, "stages", None) else None
    pipeline = Pipeline(stages) if system is None else None
    save = open(args.save, "w", encoding="utf-8") if getattr(args, "save", None) else None
    try:
        return [evaluate(g, system=system, pipeline=pipeline, save=save) for g in gold_sets]
    finally:
        if save is not None:
            save.close()


def _by_name(results: list[SetResult]) -> dict[str, Any]:
    """Results keyed by set name; a name given twice gets ``#2``, ``#3``..."""
    out: dict[str, Any] = {}
    for res in results:
        key, n = res.gold.name, 1
        while key in out:
            n += 1
            key = f"{res.gold.name}#{n}"
        out[key] = res.to_json()
    return out


def run_eval(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """The ``eval`` command; returns the exit status (0 ok, 1 failures, 2 usage error)."""
    try:
        results = _run(args)
    except UsageError as exc:
        stderr.write(f"lagebild eval: error: {exc}\n")
        return 2
    except (LagebildError, OSError) as exc:
        stderr.write(f"lagebild eval: error: {exc}\n")
        return 1
    status = 0
    for res in results:
        for did, reason in res.failed:
            stderr.write(f"lagebild eval: {res.gold.name}: {did}: analysis failed: {reason}\n")
            status = 1
        if res.missing:
            shown = ", ".join(res.missing[:5]) + (", ..." if len(res.missing) > 5 else "")
            stderr.write(f"lagebild eval: {res.gold.name}: warning: {len(res.missing)} document(s) "
                         f"not in the system output, scored as empty: {shown}\n")
    if getattr(args, "json", False):
        stdout.write(json.dumps(_by_name(results), ensure_ascii=False) + "\n")
    else:
        stdout.write(format_table(results))
    return status
