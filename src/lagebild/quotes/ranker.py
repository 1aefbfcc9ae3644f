"""Choosing a quote's speaker among the noun phrases around it.

The rules propose one speaker phrase per quote; where they go wrong it is mostly
in choosing which phrase near the cue is the source, not in finding phrases. So
every phrase in the quote's sentence and the sentences around it is a candidate,
together with "no speaker", and a linear model scores them from plain
observations: where the phrase stands relative to the quote and its cue, the words
just before and after it, what it is (pronoun, title, entity type), and whether the
rules chose it. The weights are data (``resources/de/quotes/speaker_weights.tsv``),
learnt from the German WikiNews quotation corpus's training split by
``scripts/train_speakers.py``; the option with the highest score wins.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from lagebild.errors import ResourceError
from lagebild.quotes.lexicon import Lexicon
from lagebild.quotes.phrases import phrase_after
from lagebild.quotes.sentence import Sent
from lagebild.resources import load_rows

# sentences before and after the quote's first sentence whose phrases are candidates
BEFORE, AFTER = 1, 0
# tokens that separate a phrase from its cue: punctuation (quoted words count as well)
_BREAKS = frozenset(",;:()–")
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")
_PASSIVE = frozenset("wird wurde wurden werden worden".split())


@dataclass(frozen=True)
class Candidate:
    """A phrase (tokens ``start`` to ``end`` of sentence ``sent``) that may be a quote's speaker."""

    sent: int
    start: int
    end: int


@dataclass
class Phrase:
    """A candidate with what can be said of it without a quote (token positions global)."""

    cand: Candidate
    start: int
    end: int
    shape: str
    prev: str
    entity: str
    static: list[str]
    static_score: float | None = None  # the weights' sum over ``static``, once known


@dataclass
class Context:
    """What the features of one quote's candidates look at (token positions global)."""

    quote_sent: int
    quote_tokens: tuple[int, int]
    kind: str
    cue_tokens: tuple[int, int] | None
    cue_sent: int
    rule: Candidate | None
    cue_words: tuple[str, ...] = ()  # the cue's words, lower case


class Pool:
    """The candidate phrases of one document, found once per sentence."""

    def __init__(self, sents: list[Sent], lex: Lexicon, entity_types: dict[int, str]) -> None:
        self.sents = sents
        self.lex = lex
        self.types = entity_types
        self.offset = [0] * (len(sents) + 1)  # global position of each sentence's first token
        for i, s in enumerate(sents):
            self.offset[i + 1] = self.offset[i] + len(s)
        self.breaks = [w in _BREAKS or q for s in sents for w, q in zip(s.words, s.quoted)]
        self._cache: dict[int, list[Phrase]] = {}

    def near(self, quote_sent: int) -> list[Phrase]:
        """Every phrase outside quotation marks near sentence ``quote_sent``."""
        out: list[Phrase] = []
        for i in range(max(0, quote_sent - BEFORE), min(len(self.sents), quote_sent + AFTER + 1)):
            if i not in self._cache:
                self._cache[i] = self._phrases(self.sents[i])
            out.extend(self._cache[i])
        return out

    def _phrases(self, s: Sent) -> list[Phrase]:
        out, seen = [], set()
        lex = self.lex
        for k in range(len(s)):
            w, low = s.words[k], s.low[k]
            if s.quoted[k] or not w[:1].isalnum() or w[:1].islower() and low not in lex.determiners \
                    and low not in lex.pronouns and not low.endswith(_ADJ_ENDINGS) and "-" not in w:
                continue  # no phrase opens with punctuation or (most) lower-case words
            span = phrase_after(s, k, len(s), lex)
            if span is not None and span[0] == k and span not in seen:
                seen.add(span)
                out.append(self._phrase(s, Candidate(s.index, span[0], span[1])))
        return out

    def _phrase(self, s: Sent, c: Candidate) -> Phrase:
        lex = self.lex
        prev = s.low[c.start - 1] if c.start > 0 else "<s>"
        nxt = s.low[c.end] if c.end < len(s) else "</s>"
        first = s.low[c.start]
        shape = "pron" if first in lex.pronouns else "det" if first in lex.determiners else "cap"
        entity = next((self.types[s.toks[k].start] for k in range(c.start, c.end)
                       if s.toks[k].start in self.types), "none")
        static = [f"prev={prev}", f"next={nxt}", f"shape={shape}", f"len={_bucket(c.end - c.start)}",
                  f"first={first}" if shape != "cap" else "first=cap", f"start={c.start == 0}",
                  f"next_verb={nxt in lex.verbs}", f"prev_verb={prev in lex.verbs}", f"entity={entity}"]
        if any(s.low[k] in lex.titles for k in range(c.start, c.end)):
            static.append("title")
        g = self.offset[s.index]
        return Phrase(c, g + c.start, g + c.end, shape, prev, entity, static)

    def broken(self, a: int, b: int) -> bool:
        """Whether punctuation or quoted words stand between global tokens ``a`` and ``b``."""
        return any(self.breaks[a:b])


def _bucket(n: int) -> str:
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-12" if n <= 12 else "13+"


def none_features(ctx: Context) -> list[str]:
    """The observations about the option "no speaker"."""
    return ["none", f"none|kind={ctx.kind}", f"none|rule={ctx.rule is not None}",
            f"none|cue={ctx.cue_tokens is not None}"]


def features(ctx: Context, p: Phrase, pool: Pool) -> list[str]:
    """The observations about phrase ``p`` as the speaker of the quote in ``ctx``."""
    return p.static + relative_features(ctx, p, pool)


def relative_features(ctx: Context, p: Phrase, pool: Pool) -> list[str]:
    """The observations that depend on the quote: where ``p`` stands relative to it and its cue."""
    kind, c = ctx.kind, p.cand
    qa, qb = ctx.quote_tokens
    where = "before" if p.end <= qa else "after" if p.start >= qb else "inside"
    d = c.sent - ctx.quote_sent
    f = [f"d={d}", f"d={d}|kind={kind}", f"where={where}", f"where={where}|kind={kind}",
                    f"where={where}|d={d}", f"prev={p.prev}|kind={kind}", f"prev={p.prev}|where={where}",
                    f"start={c.start == 0}|d={d}", f"shape={p.shape}|where={where}|d={d}",
                    f"entity={p.entity}|where={where}"]
    if -1 <= d <= 0:
        gap = qa - p.end if where == "before" else p.start - qb if where == "after" else 0
        f.append(f"quote_gap={_bucket(gap)}|where={where}")
    if ctx.rule is not None:
        if c == ctx.rule:
            f += ["rule", f"rule|kind={kind}"]
        elif c.sent == ctx.rule.sent and c.start < ctx.rule.end and ctx.rule.start < c.end:
            f.append("rule_overlap")
    else:
        f.append(f"no_rule|d={d}|where={where}")
    if ctx.cue_tokens is None:
        f.append(f"no_cue|d={d}")
    elif ctx.cue_sent != c.sent:
        f.append("cue_other_sentence")
    else:
        ca, cb = ctx.cue_tokens
        side = "before" if p.end <= ca else "after" if p.start >= cb else "inside"
        gap = ca - p.end if side == "before" else p.start - cb if side == "after" else 0
        comma = pool.broken(p.end, ca) if side == "before" else pool.broken(cb, p.start)
        f += [f"cue_side={side}", f"cue_gap={_bucket(gap)}", f"cue_side={side}|gap={_bucket(gap)}",
              f"cue_side={side}|shape={p.shape}", f"cue_side={side}|gap={_bucket(gap)}|kind={kind}",
              f"cue_side={side}|comma={comma}", f"cue_side={side}|entity={p.entity}",
              f"cue_side={side}|passive={any(w in _PASSIVE for w in ctx.cue_words)}",
              f"cue_side={side}|word={ctx.cue_words[-1] if ctx.cue_words else ''}"]
    return f


@lru_cache(maxsize=2)
def weights(lang: str) -> dict[str, float]:
    """The learnt weights for ``lang`` (empty where there are none: the rules decide alone)."""
    try:
        rows = load_rows(f"{lang}/quotes/speaker_weights.tsv")
    except ResourceError:
        return {}
    return {name: float(value) for name, value in rows}


def score(w: dict[str, float], feats: Iterable[str]) -> float:
    """The model's score of one option."""
    return sum(w.get(x, 0.0) for x in feats)


def choose(w: dict[str, float], ctx: Context, pool: Pool) -> Candidate | None:
    """The best-scoring candidate for the quote in ``ctx``, or None when "no speaker" wins."""
    best, best_score = None, score(w, none_features(ctx))
    for p in pool.near(ctx.quote_sent):
        if p.static_score is None:
            p.static_score = score(w, p.static)
        s = p.static_score + score(w, relative_features(ctx, p, pool))
        if s > best_score:
            best, best_score = p.cand, s
    return best


def softmax(scores: list[float]) -> list[float]:
    """Probabilities from scores (for training)."""
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return [e / total for e in exp]
