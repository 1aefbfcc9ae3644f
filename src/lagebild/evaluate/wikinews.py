"""The German WikiNews quotation corpus (GermEval 2023 SpkAtt data): quotes and sentences.

Each JSON file holds one document: ``originalText``, ``documentName`` ("ID - Title
(YYYY-MM-DD)"), its ``tokens`` and ``sentences`` with character offsets, and
``annotations``, one per quotation with the token ids of its quote, speaker and cue.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from lagebild.evaluate.goldset import GoldSet, check_texts, make_record, gold_files
from lagebild.evaluate.metrics import macro_prf, prf, spans_of
from lagebild.errors import InputError

ROLES = ("quote", "speaker", "cue")
_DATE = re.compile(r"\((\d{4}-\d\d-\d\d)\)\s*$")
_TITLE_NOISE = re.compile(r"^\d+ - | \(\d{4}-\d\d-\d\d\)\s*$")
_WORD = re.compile(r"\w")


@dataclass
class WikiNewsDoc:
    """Gold of one WikiNews document."""

    text: str
    tokens: list[tuple[int, int, int]]  # (id, charBegin, charEnd)
    quotes: list[dict[str, set[int]]]  # role -> token ids, per annotation
    sentences: list[tuple[int, int]] = field(default_factory=list)


def published_and_title(name: str) -> tuple[str | None, str]:
    """The date at the end of a document name and the name without number and date."""
    m = _DATE.search(name)
    return (m.group(1) if m else None), _TITLE_NOISE.sub("", name)


def load_wikinews(directory: str) -> GoldSet:
    """Records and gold quotes and sentences of every ``*.json`` file in ``directory``."""
    files = gold_files(directory, ".json", "--wikinews", ".json files")
    gold = GoldSet("wikinews", directory)
    for path in files:
        with open(path, encoding="utf-8") as fh:
            try:
                g = json.load(fh)
                name, text = g["documentName"], g["originalText"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"{path}: not a WikiNews quotation file ({exc})") from None
        published, title = published_and_title(name)
        gold.records.append(make_record(name, text, published=published, title=title))
        gold.gold[name] = WikiNewsDoc(
            text=text,
            tokens=[(t["id"], t["charBegin"], t["charEnd"]) for t in g.get("tokens", [])],
            quotes=[{r: set((a.get(r) or {}).get("tokenIds", [])) for r in ROLES}
                    for a in g.get("annotations", [])],
            sentences=[(s["charBegin"], s["charEnd"]) for s in g.get("sentences", [])])
    return gold


def _token_ids(spans: list[tuple[int, int]], tokens: list[tuple[int, int, int]]) -> set[int]:
    """Ids of the gold tokens that any of ``spans`` touches."""
    return {tid for tid, b, e in tokens if any(b < end and start < e for start, end in spans)}


def _pairs(system: list[dict[str, set[int]]], gold: list[dict[str, set[int]]]) -> list[tuple[int, int]]:
    """One-to-one (system, gold) quote pairs, greedily by shared quote tokens.

    Ties go to the later system quote, then the later gold quote, so that the
    result is fixed by the input order.
    """
    ranked = sorted(((len(s["quote"] & g["quote"]), i, j)
                     for i, s in enumerate(system) for j, g in enumerate(gold)
                     if s["quote"] & g["quote"]), reverse=True)
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in ranked:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def score_quotes(gold: GoldSet, system: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """SpkAtt-style macro token P/R/F1 for quote, speaker and cue.

    System and gold quotes are paired one-to-one by quote-token overlap; an
    unpaired quote is paired with nothing. For every pair and role, precision is
    the share of the system's tokens that the gold has (where the system has any)
    and recall the share of the gold's tokens the system has (where the gold has
    any); P and R are the means over all such pairs in the set.
    """
    p_scores: dict[str, list[float]] = {r: [] for r in ROLES}
    r_scores: dict[str, list[float]] = {r: [] for r in ROLES}
    n_gold = n_sys = 0
    empty: dict[str, set[int]] = {r: set() for r in ROLES}
    for did, doc in gold.gold.items():
        sys_quotes = []
        for q in (system.get(did) or {}).get("quotes") or []:
            sys_quotes.append({"quote": _token_ids(spans_of(q), doc.tokens),
                               "speaker": _token_ids(spans_of(q.get("speaker")), doc.tokens),
                               "cue": _token_ids(spans_of(q.get("cue")), doc.tokens)})
        n_gold += len(doc.quotes)
        n_sys += len(sys_quotes)
        pairs = _pairs(sys_quotes, doc.quotes)
        paired_s = {i for i, _ in pairs}
        paired_g = {j for _, j in pairs}
        groups = [(sys_quotes[i], doc.quotes[j]) for i, j in pairs]
        groups += [(s, empty) for i, s in enumerate(sys_quotes) if i not in paired_s]
        groups += [(empty, g) for j, g in enumerate(doc.quotes) if j not in paired_g]
        for s, g in groups:
            for role in ROLES:
                shared = len(s[role] & g[role])
                if s[role]:
                    p_scores[role].append(shared / len(s[role]))
                if g[role]:
                    r_scores[role].append(shared / len(g[role]))
    out: dict[str, Any] = {"gold_quotes": n_gold, "system_quotes": n_sys}
    for role in ROLES:
        out[role] = macro_prf(p_scores[role], r_scores[role])
    return out


def boundaries(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Sentence boundaries of a document: where each sentence's first word starts.

    A span without a word character (a stray quotation mark the gold tokenizer made
    a sentence of) has none, and the document start is not a boundary; so two
    segmentations agree exactly when they split before the same words.
    """
    starts = set()
    for a, b in spans:
        m = _WORD.search(text, a, b)
        if m:
            starts.add(m.start())
    if starts:
        starts.discard(min(starts))
    return starts


def score_sentences(gold: GoldSet, system: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """Micro P/R/F1 of sentence boundaries (see ``boundaries``) over the set."""
    tp = n_sys = n_gold = 0
    for did, doc in gold.gold.items():
        g = boundaries(doc.text, doc.sentences)
        s_spans = [(s["start"], s["end"]) for s in (system.get(did) or {}).get("sentences") or []]
        s = boundaries(doc.text, s_spans)
        tp += len(g & s)
        n_sys += len(s)
        n_gold += len(g)
    return {"gold": n_gold, "system": n_sys, **prf(tp, n_sys, n_gold)}


def score_wikinews(gold: GoldSet, system: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """Quote figures plus sentence boundaries of ``system`` on a WikiNews set."""
    check_texts(((did, d.text) for did, d in gold.gold.items()), system)
    out = score_quotes(gold, system)
    out["sentences"] = score_sentences(gold, system)
    return out
