"""What a normaliser knows about where an expression stands.

The reference date (the publication date, at whatever precision it is known),
the tense of the sentence, and the dates mentioned so far (for expressions that
refer back: "Tags darauf", "bis Ende des Jahres").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from lagebild.resources import load_yaml
from lagebild.timex.calendar import Partial

PAST, PRESENT, FUTURE = -1, 0, 1
# how far before a clock time a word that makes it recurring is looked for
GENERIC_WINDOW = 30
# several days named at once ("am 25. und 26. August"): a time after them is on each
DAY_LIST = re.compile(r"\b\d{1,2}\.?\s*(?:,|und|bis|-|–)\s*\d{1,2}\.\s*[A-ZÄÖÜ][a-zäöü]+")
# words that make a clock time recurring or general rather than on one day
GENERIC_TIME = re.compile(r"\b(?:jeweils|beispielsweise|wochentags|werktags|täglich|immer|"
                          r"each|every|daily|usually)\b", re.IGNORECASE)


@dataclass(frozen=True)
class TenseCues:
    """Compiled tense cues of one language."""

    past: re.Pattern[str]
    future: re.Pattern[str]
    participle: re.Pattern[str] | None
    auxiliary: re.Pattern[str] | None
    # English "-ed" is a simple past on its own; a German participle needs haben/sein
    participle_alone: bool = False


def _words(words: list[str]) -> re.Pattern[str]:
    alts = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(r"\b(?:" + (alts or "(?!)") + r")\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def tense_cues(lang: str) -> TenseCues:
    """The tense cues of ``lang`` from ``resources/<lang>/time/tense.yaml``."""
    data = load_yaml(f"{lang if lang in ('de', 'en') else 'de'}/time/tense.yaml") or {}
    past, fut = data.get("past") or {}, data.get("future") or {}
    part = past.get("participle")
    aux = past.get("auxiliaries")
    return TenseCues(_words(past.get("words") or []), _words(fut.get("words") or []),
                     re.compile(part) if part else None, _words(aux) if aux else None,
                     bool(past.get("participle_alone")))


def tense_of(text: str, lang: str) -> int:
    """PAST, FUTURE or PRESENT (no cue) for a sentence; a past cue wins over a future one
    only when it comes first, since news often reports plans in the past tense."""
    cues = tense_cues(lang)
    p = cues.past.search(text)
    if p is None and cues.participle is not None and (
            cues.participle_alone or (cues.auxiliary is not None and cues.auxiliary.search(text))):
        p = cues.participle.search(text)
    f = cues.future.search(text)
    if p and f:
        return PAST if p.start() < f.start() else FUTURE
    if p:
        return PAST
    if f:
        return FUTURE
    return PRESENT


@dataclass
class Context:
    """The state of one document's normalisation, updated as expressions are read."""

    lang: str
    dct: Partial | None
    text: str
    sentence_index: int = 0
    sentence: tuple[int, int] = (0, 0)
    # the last explicitly dated mention: (partial date, sentence index)
    last: tuple[Partial, int] | None = None
    # the last mentioned day (for "Tags darauf", "am Nachmittag", "um 20 Uhr")
    last_day: tuple[date, int] | None = None
    # the word before the current match and the match itself (for context checks)
    before: str = ""
    surface: str = ""
    # whether the text reads as daily news ("gestern", "morgen"): then "heute" is the day
    daily: bool = False
    # where the current match starts, and the rule of the expression before it
    position: int = 0
    previous_rule: str = ""
    previous_sentence: int = -1
    previous_value: str = ""
    _tense: dict[int, int] = field(default_factory=dict)

    @property
    def dct_date(self) -> date | None:
        return self.dct.as_date() if self.dct else None

    def tense(self) -> int:
        """The tense of the current sentence (computed once per sentence)."""
        t = self._tense.get(self.sentence_index)
        if t is None:
            a, b = self.sentence
            t = tense_of(self.text[a:b], self.lang)
            self._tense[self.sentence_index] = t
        return t

    def generic_time(self) -> bool:
        """Whether a clock time here recurs or is one of several days ("jeweils 20 Uhr")."""
        a = max(self.sentence[0], self.position - GENERIC_WINDOW)
        before = self.text[a:self.position]
        if GENERIC_TIME.search(before) or DAY_LIST.search(self.text, a, self.position):
            return True
        return self.previous_rule in ("day_list", "frequency", "every_weekday", "every_unit",
                                      "weekday_plural") and self.previous_sentence == self.sentence_index

    def recent(self, max_back: int = 0) -> Partial | None:
        """The last dated mention if it is at most ``max_back`` sentences back."""
        if self.last and self.sentence_index - self.last[1] <= max_back:
            return self.last[0]
        return None

    def note(self, p: Partial) -> None:
        """Remember an explicitly dated mention."""
        if p.year is not None:
            self.last = (p, self.sentence_index)
        d = p.as_date()
        if d is not None:
            self.last_day = (d, self.sentence_index)
