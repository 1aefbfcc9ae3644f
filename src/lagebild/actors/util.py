"""Small helpers: slugs and German inflection of names and adjectives."""

from __future__ import annotations

import re
import unicodedata

ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
_SIBILANT = ("s", "ß", "x", "z", "sch")
_FEMININE = ("en", "ion", "ie", "ei", "heit", "keit", "ung", "schaft", "tät", "e")


def slug(name: str) -> str:
    """A stable lower-case ASCII id for a name (``Wolfgang Katzian`` -> ``wolfgang-katzian``)."""
    s = unicodedata.normalize("NFKD", name.replace("ß", "ss")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-") or "x"


def genitive(word: str, proper: bool = True) -> list[str]:
    """The genitive forms of a proper noun (``Russland`` -> ``Russlands``)."""
    if not word or not word[-1].isalpha() or word.isupper():
        return []  # abbreviations (USA, NATO) take no -s in careful German
    if word.endswith(_SIBILANT):
        return [word + "es"] if len(word) > 3 and word[-2] not in "aeiouäöü" or word.endswith("aus") else []
    if word.endswith(_FEMININE) and not proper:
        return []  # feminine nouns and plurals take no genitive -s (proper names do: "Sachsens")
    return [word + "s"]


def adjective_forms(stem: str) -> list[str]:
    """Every inflection of an adjective stem, lower- and upper-case (``russisch`` -> ``russische`` ...)."""
    out = []
    for ending in ADJ_ENDINGS:
        form = stem + ending
        out.append(form)
        if form[0].islower():
            out.append(form[0].upper() + form[1:])  # at a sentence start, or in a name
    return out


def _weak(token: str) -> str | None:
    """The weak (dative/genitive) form of an inflected adjective inside a name."""
    for strong in ("es", "er", "e"):
        if token.endswith(strong) and len(token) > 4 and token[-len(strong) - 1].isalpha() \
                and not token.isupper() and (token[0].isupper() or "isch" in token or "-" in token):
            return token[: -len(strong)] + "en"
    return None


def name_forms(tokens: list[str]) -> list[list[str]]:
    """Inflected variants of a (multi-token) name.

    ``Russische Föderation`` -> ``Russischen Föderation``; ``Vereinigtes Königreich`` ->
    ``Vereinigten Königreichs``; ``Oberster Staatsrat des Unionsstaats`` -> ``Obersten
    Staatsrats des Unionsstaats``.  The head of the name (up to its first lower-case
    word) inflects: adjectives before its last word take the weak -en, the last word
    the genitive -s; what follows ("des Unionsstaats", "von Amerika") stays.
    """
    cut = next((k for k, t in enumerate(tokens) if k > 0 and t[:1].islower() and t.isalpha()), len(tokens))
    head, tail = tokens[:cut], tokens[cut:]
    heads = [head]
    weak = [(_weak(t) or t) for t in head[:-1]] + head[-1:]
    if weak != head:
        heads.append(weak)
    out = []
    for h in heads:
        out.append(h + tail)
        for g in genitive(h[-1], proper=len(tokens) == 1):
            out.append(h[:-1] + [g] + tail)
    return out
