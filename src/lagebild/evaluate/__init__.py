"""Scoring the analysis against gold annotations in public formats (``lagebild eval``).

Each gold format has a module that reads it into input records plus gold
annotations (a ``GoldSet``) and scores a system's document JSON against it:
``timeml`` (TIMEX3), ``wikinews`` (quotes and sentence boundaries), ``seeds`` (the
project's seed gold, with ``seedscore``) and ``germeval`` (named entities). The
definitions are those of the independent scorecard, ``shared/scorecard/score.py``,
so that both give the same figures on the same output; ``runner`` ties reading,
analysing and scoring together, ``report`` prints the table, ``cli`` the command.

>>> from lagebild.evaluate import load_gold, evaluate
>>> result = evaluate(load_gold("wikinews", "../shared/corpora/wikinews-quotes/dev"))  # doctest: +SKIP
>>> result.scores["sentences"]["f1"]  # doctest: +SKIP
0.9818
"""

from lagebild.evaluate.goldset import GoldSet, load_system
from lagebild.evaluate.runner import SetResult, evaluate, load_gold

__all__ = ["GoldSet", "SetResult", "evaluate", "load_gold", "load_system"]
