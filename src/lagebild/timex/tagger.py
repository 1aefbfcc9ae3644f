"""Finding and normalising the temporal expressions of a document.

Two passes: the grammar's single regex finds candidates sentence by sentence
and their extents are completed (a preceding article, "Anfang"/"Ende", "mehr
als"); then, with the reference date known (given or inferred from the
candidates), each is normalised in text order so that expressions referring
back see the dates named before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from lagebild.model import Document, Span
from lagebild.timex.calendar import Partial
from lagebild.timex.context import FUTURE, Context, tense_of
from lagebild.timex.grammar import Grammar, Rule, grammar, groups_of
from lagebild.timex.lexicon import alternation, lookup
from lagebild.timex.normalize import normalise
from lagebild.timex.reference import Mention, header_date, infer

_PREV_WORD = re.compile(r"([\w.()/,]+|[(/,])\s*$")
_AHEAD = re.compile(r"(?:nächst|kommend|erst|folgend)\w*\s", re.IGNORECASE)
_TARGET_WORDS = frozenset({"bis", "ab", "für", "spätestens", "frühestens", "until", "by", "from"})
_DAILY = re.compile(r"\b(?:gestern|vorgestern|übermorgen|yesterday|tomorrow)\b", re.IGNORECASE)
# how far back the extent completion looks, and how far around an anchor rules are tried
_LOOKBACK = 40
_WINDOW_BACK = 30
_WORD_START = re.compile(r"(?<!\w)\w")


@dataclass
class Candidate:
    """A match of a rule, before normalisation."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str]
    sentence: int
    before: str
    mod: str | None = None


@lru_cache(maxsize=None)
def _prefixes(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Regexes for an article, a point modifier and a quantity modifier ending at a match."""
    articles = r"der|die|das|den|dem|des" if lang != "en" else r"the"
    art = re.compile(r"(?:^|(?<=[\s(„\"»]))(?:" + articles + r")\s+$", re.IGNORECASE)
    point = re.compile(r"(?:^|(?<=[\s(„\"»]))(?P<w>" + alternation(lang, "point_mods") + r")(?:\s+|-)(?:(?:"
                       + articles + r"|of(?:\s+the)?)\s+)?$", re.IGNORECASE)
    qty = re.compile(r"(?:^|(?<=[\s(„\"»]))(?P<w>" + alternation(lang, "quantity_mods") + r")\s+$",
                     re.IGNORECASE)
    return art, point, qty


def _complete(text: str, cand: Candidate, floor: int, lang: str) -> None:
    """Extend a candidate's start over modifiers and an article that belong to it."""
    art, point, qty = _prefixes(lang)
    rtype = cand.rule.type

    def try_article() -> None:
        # "in den nächsten zwei Jahren" is annotated without its article, "in den
        # vergangenen Jahren" with it: a look ahead is a phrase of its own
        if cand.rule.article and not (cand.rule.norm in ("duration", "vague", "ref")
                                      and _AHEAD.match(text, cand.start)):
            m = art.search(text, max(floor, cand.start - 8), cand.start)
            if m:
                cand.start = m.start()

    try_article()
    if rtype in ("DATE", "TIME") and cand.rule.norm not in ("ref", "anaphor") and "pm" not in cand.groups:
        m = point.search(text, max(floor, cand.start - _LOOKBACK), cand.start)
        if m:
            cand.start = m.start()
            cand.mod = lookup(lang, "point_mods", m.group("w")) or None
    elif rtype in ("DURATION", "SET") and cand.rule.norm == "duration" and cand.groups.get("num") \
            and text.startswith(cand.groups["num"], cand.start):
        # "mehr als zehn Jahre": a modifier goes with a number, not with "over the past decade"
        m = qty.search(text, max(floor, cand.start - _LOOKBACK), cand.start)
        if m:
            cand.start = m.start()
            cand.mod = lookup(lang, "quantity_mods", m.group("w")) or None
            try_article()


def _windows(lower: str, sent: Span, anchors: re.Pattern[str]) -> list[list[int]]:
    """Merged ranges where an expression may start: a few words before each anchor up to its end.

    ``lower`` is the lower-cased text (with the same offsets).
    """
    wins: list[list[int]] = []
    for a in anchors.finditer(lower, sent.start, sent.end):
        ws, we = max(sent.start, a.start() - _WINDOW_BACK), a.end()
        if wins and ws <= wins[-1][1]:
            wins[-1][1] = max(wins[-1][1], we)
        else:
            wins.append([ws, we])
    return wins


def _matches(text: str, lower: str, sent: Span, regex: re.Pattern[str],
             anchors: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Rule matches in a sentence, tried only at the word starts near its anchors.

    A match may run on past its window (to the sentence end); the next one is
    looked for after it.
    """
    pos = sent.start
    end = sent.end
    match = regex.match
    for ws, we in _windows(lower, sent, anchors):
        for w in _WORD_START.finditer(text, max(ws, pos), we):
            s = w.start()
            if s < pos:
                continue
            m = match(text, s, end)
            if m is not None:
                pos = m.end()
                yield m


def extract(doc: Document, gram: Grammar) -> list[Candidate]:
    """All candidates of the document, in text order."""
    text = doc.text
    regex = gram.regex
    by_key = gram.by_key
    anchors = gram.anchors
    lower = text.lower()
    if len(lower) != len(text):  # a few characters lower-case to two ("İ"): keep offsets exact
        lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    out: list[Candidate] = []
    for i, sent in enumerate(doc.sentences):
        for m in _matches(text, lower, sent, regex, anchors):
            rule = by_key[m.lastgroup]  # type: ignore[index]
            pw = _PREV_WORD.search(text, max(sent.start, m.start() - 30), m.start())
            before = pw.group(1).lower() if pw else ""
            after = rule.args.get("after")
            if after and before not in after:
                continue
            not_after = rule.args.get("not_after")
            if not_after and before in not_after:
                continue
            cand = Candidate(m.start(), m.end(), rule, groups_of(m, rule), i, before)
            _complete(text, cand, sent.start, gram.lang)
            out.append(cand)
    return out


def _mentions(doc: Document, cands: list[Candidate], lang: str) -> list[Mention]:
    """The calendar dates among the candidates, for inferring a publication date."""
    out = []
    tenses: dict[int, int] = {}
    for c in cands:
        if c.rule.norm != "date":
            continue
        g = c.groups
        y = g.get("year") or g.get("year2")
        year = int(y) if y and len(y) == 4 else None
        month = lookup(lang, "months", g["month"]) if g.get("month") else (
            int(g["monthnum"]) if g.get("monthnum") else None)
        day = int(g["day"]) if g.get("day") else None
        if year is None and month is None:
            continue
        if c.sentence not in tenses:
            s = doc.sentences[c.sentence]
            tenses[c.sentence] = tense_of(doc.text[s.start:s.end], lang)
        # "bis 2030", "ab 2025": a deadline or a start may lie after the text was written
        ahead = tenses[c.sentence] == FUTURE or c.before in _TARGET_WORDS
        out.append(Mention(year, month, day, year is not None, ahead))
    return out


def tag(doc: Document, debug: bool = False) -> list[dict[str, Any]]:
    """The timexes of ``doc``; sets ``doc.published`` (inferred) where it was missing.

    ``debug`` adds the name of the rule that found each expression (key ``rule``).
    """
    lang = doc.language if doc.language in ("de", "en") else "de"
    gram = grammar(lang)
    cands = extract(doc, gram)
    header = header_date(doc.text)
    if header is not None:
        # the header's date is metadata, not an expression of the article
        cands = [c for c in cands if c.start >= header[1]]
    if not doc.published and header is not None:
        doc.published, doc.published_inferred = header[0], True
    if not doc.published:
        guess = infer(doc, _mentions(doc, cands, lang))
        if guess:
            doc.published = guess
            doc.published_inferred = True
    ctx = Context(lang, Partial.parse(doc.published), doc.text)
    ctx.daily = _DAILY.search(doc.text) is not None
    out: list[dict[str, Any]] = []
    sents = doc.sentences
    for c in cands:
        ctx.sentence_index = c.sentence
        s: Span = sents[c.sentence]
        ctx.sentence = (s.start, s.end)
        ctx.before = c.before
        ctx.surface = doc.text[c.start:c.end]
        ctx.position = c.start
        res = normalise(c.rule, c.groups, ctx)
        if res is None:
            continue
        ctx.previous_rule, ctx.previous_sentence, ctx.previous_value = c.rule.name, c.sentence, res[1]
        typ, value, mod = res
        out.append({"start": c.start, "end": c.end, "type": typ, "value": value,
                    "mod": mod or c.mod or None})
        if debug:
            out[-1]["rule"] = c.rule.name
    out.sort(key=lambda t: t["start"])
    return out
