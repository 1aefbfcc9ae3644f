"""Fast dictionary matching of the whole knowledge base over tokens.

Every surface form, with its generated inflections, is split into tokens the way
the document tokenizer splits text and filed under its first token.  Matching a
sentence is then one hash lookup per token plus a comparison of the few
candidates that start there, longest first: the cost does not grow with the size
of the base.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lagebild.actors.gazetteer import gazetteers
from lagebild.actors.kb import KnowledgeBase
from lagebild.actors.util import adjective_forms, name_forms, slug
from lagebild.resources import load_rows
from lagebild.tokens import tokenize

STRONG_CITY_POP = 100_000   # larger cities are places wherever they are named


@dataclass(frozen=True)
class Hit:
    """A knowledge-base match: tokens ``[i, j)`` name ``actor`` as ``kind``."""

    i: int
    j: int
    actor: str
    kind: str
    weak: bool = False


Entry = tuple[tuple[str, ...], str, str, bool]   # tokens, actor id, kind, weak


_PLAIN = re.compile(r"\w+(?:[-'’&/]\w+)*")


def _split(text: str) -> list[str]:
    """The tokens of a surface form, as the document tokenizer would cut them."""
    parts = text.split()
    if all(_PLAIN.fullmatch(p) for p in parts):
        return parts  # the common case, far cheaper than the full tokenizer
    return [text[s.start:s.end] for s in tokenize(text)]


class Index:
    """First token -> candidate surface forms, longest first."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[Entry]] = {}
        self._seen: set[tuple[str, ...]] = set()

    def add(self, tokens: Iterable[str], actor: str, kind: str, weak: bool = False) -> None:
        """File a surface form; the first actor to claim a form keeps it."""
        toks = tuple(tokens)
        if not toks or toks in self._seen:
            return
        self._seen.add(toks)
        self.by_first.setdefault(toks[0], []).append((toks, actor, kind, weak))

    def finish(self) -> None:
        """Sort candidates so that the longest form is tried first."""
        for cands in self.by_first.values():
            cands.sort(key=lambda e: -len(e[0]))

    def add_actor_forms(self, kb: KnowledgeBase, actor_ids: Iterable[str] | None = None) -> None:
        """File every alias of the given (default: all) actors with its inflections."""
        for aid in actor_ids if actor_ids is not None else list(kb.actors):
            actor = kb.actors[aid]
            for alias in actor.aliases:
                if alias.kind == "demonym" and alias.lang == "en":
                    self.add(_split(alias.text), aid, "demonym", alias.weak)  # English adjectives do not inflect
                    continue
                if alias.kind == "demonym":
                    for form in adjective_forms(alias.text):
                        self.add(_split(form), aid, "demonym", alias.weak)
                    continue
                toks = _split(alias.text)
                forms = name_forms(toks) if alias.lang == "de" else [toks, toks[:-1] + [toks[-1] + "'s"],
                                                                     toks[:-1] + [toks[-1] + "’s"]]
                for form in forms:
                    self.add(form, aid, alias.kind, alias.weak)


def build_index(kb: KnowledgeBase, with_cities: bool = True) -> Index:
    """The index of a knowledge base, plus the world-city gazetteer at lowest precedence."""
    idx = Index()
    idx.add_actor_forms(kb)
    if with_cities:
        stop = {row[0] for row in load_rows("de/actors/not_place_names.txt")}
        for surface, (canonical, _cc, pop) in gazetteers()["cities"].items():
            toks = _split(surface)
            # small towns, alternate names (GeoNames' long tail holds "Name", "Gold", "Stalin")
            # and town names that are common words need a cue ("in Essen")
            weak = pop < STRONG_CITY_POP or surface in stop or surface != canonical
            idx.add(toks, "geo:" + canonical, "name", weak)
            if len(toks) == 1 and not surface.endswith(("s", "ß", "x", "z")):
                idx.add([surface + "s"], "geo:" + canonical, "name", weak)
    idx.finish()
    return idx


def city_id(key: str) -> str:
    """The actor id of a gazetteer city key (``geo:Munich`` -> ``munich``)."""
    return slug(key[4:])


def match(words: list[str], index: Index, start: int = 0, end: int | None = None) -> list[Hit]:
    """Non-overlapping longest matches of the index in ``words[start:end]``."""
    end = len(words) if end is None else end
    by_first = index.by_first
    hits: list[Hit] = []
    i = start
    while i < end:
        w = words[i]
        cands = by_first.get(w)
        if cands is None and len(w) > 3 and w.isupper() and w.isalpha():
            cands = [e for e in by_first.get(w.title(), ()) if len(e[0]) == 1]  # datelines: "BOCHUM"
        if cands:
            for toks, actor, kind, weak in cands:
                n = len(toks)
                if i + n <= end and (n == 1 or tuple(words[i + 1:i + n]) == toks[1:]):
                    hits.append(Hit(i, i + n, actor, kind, weak))
                    i += n
                    break
            else:
                i += 1
            continue
        i += 1
    return hits
