"""The ``lagebild eval`` command (placeholder until the scorers land)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO


def add_eval_parser(sub: Any) -> None:
    sub.add_parser("eval", help="score the analysis against gold annotations")


def run_eval(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    stderr.write("lagebild: eval is not available yet\n")
    return 2
