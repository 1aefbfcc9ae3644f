"""The extraction grammar: the rules of ``rules.yaml`` compiled into one regex.

All rules of a language are joined into a single alternation with one named
group per rule, so that a text is scanned once by the regex engine instead of
once per rule; a rule's own groups are renamed ``r<index>_<name>`` to keep
names unique. The rule that matched is ``match.lastgroup`` (the outermost
group closes last).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lagebild.resources import load_yaml
from lagebild.timex.lexicon import alternation, tables, trie_regex

_MACRO = re.compile(r"\{([A-Z][A-Z_0-9]*)\}")
_GROUP = re.compile(r"\(\?P([<=])([a-z_][a-z0-9_]*)(>?)")


@dataclass(frozen=True)
class Rule:
    """One extraction rule as read from the data file."""

    index: int
    name: str
    norm: str
    type: str
    pattern: str
    args: dict[str, Any] = field(default_factory=dict)
    article: bool = False
    groups: tuple[str, ...] = ()
    examples: tuple[dict[str, Any], ...] = ()

    @property
    def key(self) -> str:
        return f"r{self.index}"


@dataclass(frozen=True)
class Grammar:
    """The compiled rules of one language."""

    lang: str
    rules: tuple[Rule, ...]
    regex: re.Pattern[str]
    by_key: dict[str, Rule]
    anchors: re.Pattern[str]


def expand(lang: str, pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    """Replace ``{NAME}`` by its macro or by the alternation of lexicon table ``name``."""
    if depth > 8:
        raise ValueError(f"macro recursion in {pattern!r}")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in macros:
            return "(?:" + expand(lang, macros[name], macros, depth + 1) + ")"
        table = name.lower()
        if table in tables(lang):
            return alternation(lang, table)
        raise ValueError(f"unknown macro {{{name}}} in {pattern!r}")

    return _MACRO.sub(sub, pattern)


def _rename(pattern: str, key: str) -> tuple[str, tuple[str, ...]]:
    """Prefix every named group (and back-reference) of ``pattern`` with ``key``."""
    names: list[str] = []

    def sub(m: re.Match[str]) -> str:
        if m.group(1) == "<" and m.group(2) not in names:
            names.append(m.group(2))
        return f"(?P{m.group(1)}{key}_{m.group(2)}{m.group(3)}"

    return _GROUP.sub(sub, pattern), tuple(names)


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """The compiled grammar of ``lang`` (German rules for an unknown language)."""
    if lang not in ("de", "en"):
        lang = "de"
    data = load_yaml(f"{lang}/time/rules.yaml") or {}
    macros = data.get("macros") or {}
    rules: list[Rule] = []
    parts: list[str] = []
    for i, spec in enumerate(data.get("rules") or []):
        key = f"r{i}"
        body = expand(lang, spec["pattern"], macros)
        body, names = _rename(body, key)
        re.compile(body, re.IGNORECASE)  # a broken rule fails here, with its own message
        rules.append(Rule(i, spec["name"], spec["norm"], spec.get("type", "DATE"), spec["pattern"],
                          dict(spec.get("args") or {}), bool(spec.get("article")), names,
                          tuple(spec.get("examples") or ())))
        parts.append(f"(?P<{key}>{body})")
    # one word-start check for all rules: alternatives are tried only where a word begins
    regex = re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")", re.IGNORECASE)
    return Grammar(lang, tuple(rules), regex, {r.key: r for r in rules}, _anchors(lang, data))


def _anchors(lang: str, data: dict[str, Any]) -> re.Pattern[str]:
    """The regex of anchor words (word beginnings) and digits."""
    spec = data.get("anchors") or {}
    words: set[str] = {str(w).lower() for w in spec.get("words") or ()}
    for table in spec.get("tables") or ():
        words |= set(tables(lang).get(table, {}))
    extra = "".join("|" + p for p in spec.get("patterns") or ())
    # matched against the lower-cased text: a case-sensitive scan is much faster
    return re.compile(r"(?<![\w])(?:\d|" + trie_regex(words) + extra.lower() + ")")


def groups_of(m: re.Match[str], rule: Rule) -> dict[str, str]:
    """The rule's own named groups that took part in match ``m``."""
    out = {}
    for name in rule.groups:
        v = m.group(f"{rule.key}_{name}")
        if v is not None:
            out[name] = v
    return out
