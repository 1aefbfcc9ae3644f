"""Word tables of the time stage (``resources/<lang>/time/lexicon.yaml``).

A table maps a surface form to a value (a month number, a TIMEX3 code, an
offset). Rules refer to a table by its upper-case name (``{MONTHS}``), which
expands to a regex alternation of its keys; normalisers look matched words up
with :func:`lookup`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

from lagebild.resources import load_yaml



@lru_cache(maxsize=None)
def tables(lang: str) -> dict[str, dict[str, Any]]:
    """All tables of ``lang``, keys lower-cased, number compounds added."""
    raw = load_yaml(f"{lang}/time/lexicon.yaml") or {}
    out: dict[str, dict[str, Any]] = {}
    for name, spec in raw.items():
        out[name] = {str(k).lower(): v for k, v in (spec.get("entries") or {}).items()}
    if lang == "de" and "numbers" in out:
        _add_german_compounds(out["numbers"])
    return out


def _add_german_compounds(numbers: dict[str, Any]) -> None:
    """Add 21..99 as German writes them: unit + 'und' + ten ("einundzwanzig")."""
    units = {w: v for w, v in numbers.items() if isinstance(v, int) and 1 <= v <= 9
             and w in ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")}
    tens = {w: v for w, v in numbers.items() if isinstance(v, int) and v in range(20, 100, 10)}
    for uw, uv in units.items():
        for tw, tv in tens.items():
            numbers[f"{uw}und{tw}"] = tv + uv


@lru_cache(maxsize=None)
def abbreviations(lang: str, table: str) -> frozenset[str]:
    """Keys of ``table`` that may take a trailing period ("Jan.", "Sept.")."""
    spec = (load_yaml(f"{lang}/time/lexicon.yaml") or {}).get(table) or {}
    return frozenset(str(a).lower() for a in spec.get("abbreviations") or ())


def examples(lang: str) -> list[tuple[str, str, Any]]:
    """``(table, surface, value)`` for every example of every table (for the tests)."""
    raw = load_yaml(f"{lang}/time/lexicon.yaml") or {}
    return [(name, str(s), v) for name, spec in raw.items() for s, v in spec.get("examples", [])]


def lookup(lang: str, table: str, word: str) -> Any:
    """The value of ``word`` in ``table`` (case- and whitespace-insensitive), or None."""
    key = " ".join(word.lower().split())
    tab = tables(lang).get(table, {})
    if key in tab:
        return tab[key]
    return tab.get(key.rstrip("."))


@lru_cache(maxsize=None)
def alternation(lang: str, table: str) -> str:
    """A regex matching any key of ``table``, longest first, spaces flexible.

    The keys are compiled as a character trie ("ja(?:hr(?:en?)?|nuar)"), not as a
    flat list of alternatives: the regex engine then tests each character once
    instead of once per key, which keeps the one big grammar regex fast.
    """
    keys = tables(lang).get(table, {})
    return trie_regex(keys, abbreviations(lang, table)) if keys else "(?!)"


def trie_regex(words: Iterable[str], abbrevs: frozenset[str] = frozenset()) -> str:
    """A regex for a set of words, as a trie; words in ``abbrevs`` may take a period."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in " ".join(w.split()):
            node = node.setdefault(ch, {})
        node[""] = "abbr" if w in abbrevs else True

    def build(node: dict[str, Any]) -> str:
        end = node.get("")
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch != ""]
        if end == "abbr":
            # an abbreviation needs its period: "Jan." is a month, "Jan" a name
            branches.append(r"\.")
            end = None
        if not branches:
            return ""
        if len(branches) == 1 and not end:
            return branches[0]
        alt = "(?:" + "|".join(branches) + ")"
        return alt + "?" if end else alt

    return "(?:" + build(root) + ")"


def number(lang: str, word: str | None) -> float | None:
    """The numeric value of a digit string or number word, or None."""
    if not word:
        return None
    w = word.strip().replace("\u00a0", " ")
    digits = w.replace(" ", "").replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        pass
    v = lookup(lang, "numbers", w)
    return float(v) if isinstance(v, (int, float)) else None


def fmt_number(value: float) -> str:
    """A number as TIMEX3 writes it in a duration: 3 -> '3', 1.5 -> '1.5'."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
