"""Where the subject of a speech verb stands when it is not right before the verb.

German puts the source of a quote in several places a simple left-to-right phrase
reader misses: before a relative clause that separates it from its verb, after the
finite verb behind adverbs and a parenthesis, or (for a reported clause that opens
with an article) the question is whether "der" starts a relative clause at all.
"""

from __future__ import annotations

from lagebild.quotes.clauses import paren_start, relative_clause
from lagebild.quotes.lexicon import Lexicon
from lagebild.quotes.phrases import phrase_after, subject_before
from lagebild.quotes.sentence import FINAL, PUNCT_BOUNDARY, Sent

# words that open a relative clause
RELATIVE = frozenset("der die das welche welcher welches dem den deren dessen denen".split())
# prepositions before a relative pronoun ("…, von denen …")
_RELATIVE_PREPS = frozenset("von mit in an auf bei für gegen nach unter über aus zu vor".split())


def subject_over_relative(sent: Sent, left: int, lex: Lexicon) -> tuple[int, int] | None:
    """ "Die IGDRB, die von der BCI gegründet wurde, hat … bekannt gegeben": the subject
    before a relative clause that ends just before the finite verb at ``left``."""
    if left < 4 or sent.words[left - 1] != ",":
        return None
    for c in range(left - 2, 0, -1):
        w = sent.words[c]
        if w in FINAL or w in ";:" or sent.is_mark(c) or sent.quoted[c]:
            return None
        if w != ",":
            continue
        k = c + 1 + (sent.low[c + 1] in _RELATIVE_PREPS)
        if k >= left - 1 or sent.low[k] not in RELATIVE or not sent.low[left - 2].isalpha() \
                or not sent.words[left - 2][:1].islower():
            return None  # not a relative clause (that ends in its verb)
        start = c
        while start > 0:
            p = paren_start(sent, start - 1)  # "Die IGDRB (…), die …"
            if p >= 0:
                start = p
            elif sent.words[start - 1] in PUNCT_BOUNDARY or sent.is_mark(start - 1):
                break
            else:
                start -= 1
        span = subject_before(sent, start, c, lex)
        return span if span is not None and span[1] == c else None
    return None


_DASHES = frozenset("–—")
_TIME_PREPS = frozenset("am im an um".split())


def subject_after_adverbs(sent: Sent, k: int, right: int, lex: Lexicon) -> tuple[int, int] | None:
    """ "Dies gab heute – nach eingehenden Untersuchungen – Professor X bekannt": the subject
    after the finite verb, behind adverbs, a time and a parenthesis between dashes."""
    j = k
    while j < right:
        lw = sent.low[j]
        if sent.words[j] in _DASHES:
            close = next((m for m in range(j + 1, min(right, j + 16)) if sent.words[m] in _DASHES), -1)
            if close < 0:
                return None
            j = close + 1
        elif lw in _TIME_PREPS and j + 1 < right and sent.low[j + 1] in lex.time_words:
            j += 2
        elif lw in lex.time_words or (lw in lex.adverbials and lw not in lex.determiners and lw.isalpha()
                                      and lw not in _TIME_PREPS and lw not in ("in", "an", "bei", "nach", "vor",
                                                                              "mit", "auf", "für", "von", "vom")):
            j += 1
        else:
            break
    if j == k or j >= right:
        return None
    span = phrase_after(sent, j, right, lex)
    return span if span is not None and span[0] == j else None


def verb_second(sent: Sent, a: int, b: int, lex: Lexicon) -> bool:
    """ "…, der Staatsstreich sei im Interesse des Landes": an article, its noun phrase and
    then the finite verb, so a main clause of reported speech, not a relative clause."""
    if relative_clause(sent, a, b, lex):
        return False
    span = phrase_after(sent, a, b, lex)
    return span is not None and span[1] < b and span[1] - a >= 2 and sent.low[span[1]] in lex.auxiliaries
