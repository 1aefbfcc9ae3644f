"""GermEval 2014 NER (tab-separated tokens with BIO labels): each sentence a document.

Tokens are joined with ordinary spacing (no space before closing punctuation, none
after an opening bracket or low quote). Named-entity mentions of the system are
mapped to GermEval classes by their entity's type; strict outer spans are scored
for PER, LOC, ORG, LOCderiv (demonyms of places) and ALL (the first three).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Mapping

from lagebild.errors import InputError
from lagebild.evaluate.goldset import GoldSet, check_texts, make_record, require_file
from lagebild.evaluate.metrics import overlaps, prf

CLASSES = ("PER", "LOC", "ORG", "LOCderiv")
NO_SPACE_BEFORE = frozenset(",.;:!?)]}“”'\"%")
NO_SPACE_AFTER = frozenset("([{„")
# the contract's entity types as GermEval classes; other types are not scored
TYPE_TO_CLASS = {
    "PERSON": "PER",
    "COUNTRY": "LOC", "CITY": "LOC", "REGION": "LOC", "LOCATION": "LOC", "PLACE": "LOC",
    "ORGANIZATION": "ORG", "ALLIANCE": "ORG", "PARTY": "ORG", "COMPANY": "ORG", "MEDIA": "ORG",
    "GOVERNMENT": "ORG", "INSTITUTION": "ORG",
}


@dataclass
class Sentence:
    """Gold of one GermEval sentence."""

    text: str
    spans: set[tuple[str, int, int]]  # (class, start, end) of the scored classes
    ignored: list[tuple[int, int]]  # OTH, -part and other -deriv spans: not counted either way


def sentences(path: str) -> Iterator[tuple[str | None, list[str], list[str]]]:
    """(date, tokens, outer labels) of each sentence; the date is from the ``#`` line."""
    date: str | None = None
    tokens: list[str] = []
    labels: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                fields = line.split("\t")
                date = fields[2].strip("[]") if len(fields) > 2 else None
            elif not line.strip():
                if tokens:
                    yield date, tokens, labels
                tokens, labels = [], []
            else:
                cols = line.split("\t")
                if len(cols) < 3:
                    raise InputError(f"{path}: not GermEval TSV (expected: number, token, label): {line!r}")
                tokens.append(cols[1])
                labels.append(cols[2])
    if tokens:
        yield date, tokens, labels


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence text and each token's offsets in it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    for i, tok in enumerate(tokens):
        if i and tok not in NO_SPACE_BEFORE and tokens[i - 1] not in NO_SPACE_AFTER:
            parts.append(" ")
            length += 1
        offsets.append((length, length + len(tok)))
        parts.append(tok)
        length += len(tok)
    return "".join(parts), offsets


def label_spans(labels: list[str], offsets: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(class, start, end) of each labelled chunk; an I- of a new class starts a chunk."""
    chunks: list[list[Any]] = []
    current: list[Any] | None = None
    for label, (start, end) in zip(labels, offsets):
        prefix, cls = label[:2], label[2:]
        if prefix == "I-" and current is not None and current[0] == cls:
            current[2] = end
        elif prefix in ("B-", "I-"):
            current = [cls, start, end]
            chunks.append(current)
        else:
            current = None
    return [(c[0], c[1], c[2]) for c in chunks]


def load_germeval(path: str) -> GoldSet:
    """Records and gold spans of every sentence, with ids ``germeval-00000`` on."""
    require_file(path, "--germeval")
    gold = GoldSet("germeval", path)
    for n, (date, tokens, labels) in enumerate(sentences(path)):
        did = f"germeval-{n:05d}"
        text, offsets = detokenize(tokens)
        spans = label_spans(labels, offsets)
        gold.records.append(make_record(did, text, published=date))
        gold.gold[did] = Sentence(text, {s for s in spans if s[0] in CLASSES},
                                  [(a, b) for c, a, b in spans if c not in CLASSES])
    if not gold.records:
        raise InputError(f"--germeval: {path}: no sentences")
    return gold


def system_spans(doc: dict[str, Any], ignored: list[tuple[int, int]]) -> set[tuple[str, int, int]]:
    """(class, start, end) of the system's name, demonym and metonym mentions.

    Pronouns and anaphors are not names; a demonym counts as LOCderiv when its
    entity is a place and is not scored otherwise; mentions touching an ignored
    gold span are left out.
    """
    out = set()
    for entity in doc.get("entities") or []:
        cls = TYPE_TO_CLASS.get((entity.get("type") or "").upper())
        if cls is None:
            continue
        for m in entity.get("mentions") or []:
            kind = m.get("kind", "name")
            if kind in ("pronoun", "anaphor"):
                continue
            if kind == "demonym":
                if cls != "LOC":
                    continue
                label = "LOCderiv"
            else:
                label = cls
            if any(overlaps(m["start"], m["end"], a, b) for a, b in ignored):
                continue
            out.add((label, m["start"], m["end"]))
    return out


def score_germeval(gold: GoldSet, system: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """Strict span P/R/F1 per class, and over PER+LOC+ORG as ALL (micro, summed over sentences)."""
    check_texts(((did, s.text) for did, s in gold.gold.items()), system)
    keys = (*CLASSES, "ALL")
    tp = dict.fromkeys(keys, 0)
    n_sys = dict.fromkeys(keys, 0)
    n_gold = dict.fromkeys(keys, 0)
    for did, sent in gold.gold.items():
        found = system_spans(system.get(did) or {}, sent.ignored)
        for cls in keys:
            # ALL pools the three name classes; LOCderiv (adjectives) stands apart
            g = {x for x in sent.spans if x[0] == cls or (cls == "ALL" and x[0] != "LOCderiv")}
            s = {x for x in found if x[0] == cls or (cls == "ALL" and x[0] != "LOCderiv")}
            tp[cls] += len(g & s)
            n_gold[cls] += len(g)
            n_sys[cls] += len(s)
    return {cls: {**prf(tp[cls], n_sys[cls], n_gold[cls]), "gold": n_gold[cls]} for cls in keys}
