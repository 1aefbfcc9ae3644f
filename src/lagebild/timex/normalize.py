"""Normalisers: from a rule's matched groups to a TIMEX3 (type, value, mod).

Each rule of ``rules.yaml`` names one of the functions registered here (they
live in ``dates``, ``relative`` and ``quantities``). A normaliser returns
``(type, value, mod)``, or None to reject the match (a context check failed).
Where the reference date is too coarse for the value, the value is left
underspecified ("XXXX-12-06", "XXXX-WXX-7") rather than guessed; a normaliser
never raises for a document's content.
"""

from __future__ import annotations

from typing import Callable

from lagebild.timex.context import Context
from lagebild.timex.grammar import Rule
from lagebild.timex.lexicon import lookup

Result = tuple[str, str, "str | None"]
Normaliser = Callable[[dict[str, str], Rule, Context], "Result | None"]
NORMALISERS: dict[str, Normaliser] = {}


def normaliser(name: str) -> Callable[[Normaliser], Normaliser]:
    """Decorator that registers ``fn`` as the normaliser ``name`` of the rules."""
    def wrap(fn: Normaliser) -> Normaliser:
        NORMALISERS[name] = fn
        return fn
    return wrap


def unit_code(ctx: Context, word: str) -> str | None:
    """The TIMEX3 unit code of a unit word ("Jahren" -> "Y")."""
    return lookup(ctx.lang, "units", word)


def day_anchor(ctx: Context) -> str:
    """The day a time of day is on: the day last named (two sentences back at most), else the reference day."""
    if ctx.last_day and ctx.sentence_index - ctx.last_day[1] <= 2:
        return ctx.last_day[0].isoformat()
    if ctx.dct_date:
        return ctx.dct_date.isoformat()
    return "XXXX-XX-XX"


def normalise(rule: Rule, g: dict[str, str], ctx: Context) -> Result | None:
    """Apply the rule's normaliser; a failure gives an underspecified value, never an exception."""
    fn = NORMALISERS.get(rule.norm)
    if fn is None:
        return None
    try:
        return fn(g, rule, ctx)
    except (ValueError, TypeError, KeyError, OverflowError, AttributeError, IndexError):
        return rule.type, "XXXX-XX-XX" if rule.type in ("DATE", "TIME") else "PX", None


# the normaliser modules register themselves on import
from lagebild.timex import dates, quantities, relative  # noqa: E402,F401
