"""Event patterns and cues as data: loading, compiling and looking up triggers.

A language's patterns (``resources/<lang>/events/patterns.yaml``) become one compiled
regular expression over word beginnings, so finding candidate triggers in a document
is a single scan; only sentences with a trigger are looked at further.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lagebild.errors import ResourceError
from lagebild.resources import load_yaml

OBJECT_TYPES = frozenset({"WEAPON", "TREATY", "DOCUMENT", "PRODUCT", "EVENT", "LAW"})


@dataclass(frozen=True)
class Pattern:
    """One trigger word family with its PLOVER category and argument frame."""

    lemma: str
    type: str
    mode: str | None
    roles: dict[str, str] = field(default_factory=dict)
    particle: str | None = None
    needs: tuple[str, ...] = ()
    governs: bool = False
    reciprocal: bool = False
    gen: str = "target"
    subject_is_target: bool = False
    light: bool = False             # a light verb ("gave", "sent"): yields to a fuller trigger nearby
    military_type: str | None = None   # the type when the actor is a military force
    poss: str = "actor"             # role of a possessive before the noun ("seine Festnahme": target)
    support: bool = False           # support-verb noun ("Asyl gewähren"): read like a verb


@dataclass
class Lexicon:
    """All trigger patterns and cue lists of one language."""

    lang: str
    regex: re.Pattern[str]
    stems: dict[str, list[Pattern]]
    words: dict[str, list[Pattern]]
    split: frozenset[tuple[str, str]]   # (stem, lemma) of separated particle-verb forms (need the particle)
    cues: dict[str, Any]
    objects: dict[str, tuple[str, ...]]
    max_stem: int = 0
    _object_cache: dict[str, str | None] = field(default_factory=dict)

    def lookup(self, word: str) -> list[tuple[Pattern, str]]:
        """Patterns a (lower-cased) word belongs to, with the stem or word that matched.

        Exact word forms win; otherwise the longest matching stem, so that
        ``waffenlieferung`` is found under ``waffenliefer`` rather than a shorter stem.
        """
        if word in self.words:
            return [(p, word) for p in self.words[word]]
        for k in range(min(len(word), self.max_stem), 1, -1):
            pats = self.stems.get(word[:k])
            if pats:
                return [(p, word[:k]) for p in pats]
        return []

    def object_kind(self, word: str) -> str | None:
        """The object kind (weapon, force, treaty, aid) a lower-cased noun names, if any."""
        kind = self._object_cache.get(word, False)
        if kind is False:
            kind = self._object_kind(word)
            if len(self._object_cache) < 20_000:  # bounded: memory must not grow with the corpus
                self._object_cache[word] = kind
        return kind

    def _object_kind(self, word: str) -> str | None:
        for kind, stems in self.objects.items():
            if word.startswith(stems):
                return kind
        # compounds: "Nuklearsprengköpfe", "Boden-Luft-Raketensystems"
        for kind, stems in self.objects.items():
            if any(len(s) >= 5 and s in word for s in stems):
                return kind
        return None

    def words_of(self, key: str) -> frozenset[str]:
        """A cue list as a set of lower-cased words."""
        return frozenset(self.cues.get(key, ()))


def _pattern(entry: dict[str, Any]) -> Pattern:
    return Pattern(
        lemma=entry["lemma"], type=entry["type"], mode=entry.get("mode"),
        roles=dict(entry.get("roles") or {}), particle=entry.get("particle"),
        needs=tuple(entry.get("needs") or ()), governs=bool(entry.get("governs")),
        reciprocal=bool(entry.get("reciprocal")), gen=entry.get("gen", "target"),
        subject_is_target=bool(entry.get("subject_is_target")),
        light=bool(entry.get("light")), military_type=entry.get("military_type"),
        poss=entry.get("poss", "actor"), support=bool(entry.get("support")),
    )


def _trie_regex(items: list[str]) -> str:
    """A regular expression matching exactly ``items``, factored by common prefixes."""
    trie: dict[str, Any] = {}
    for item in items:
        node = trie
        for ch in item:
            node = node.setdefault(ch, {})
        node[""] = True

    def render(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(ch) + render(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if end else body

    return render(trie)


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The compiled event lexicon of ``lang`` (``de`` or ``en``), built once per process."""
    data = load_yaml(f"{lang}/events/patterns.yaml")
    cues = load_yaml(f"{lang}/events/cues.yaml") or {}
    objects = load_yaml(f"{lang}/events/objects.yaml") or {}
    if not data or "patterns" not in data:
        raise ResourceError(f"{lang}/events/patterns.yaml has no patterns")
    stems: dict[str, list[Pattern]] = {}
    words: dict[str, list[Pattern]] = {}
    split: set[tuple[str, str]] = set()
    for entry in data["patterns"]:
        pat = _pattern(entry)
        s_list = [s.lower() for s in entry.get("stems") or []]
        w_list = [w.lower() for w in entry.get("words") or []]
        if entry.get("ge"):
            s_list += ["ge" + s for s in s_list]
        split_list = [s.lower() for s in entry.get("split") or []]
        if pat.particle:
            # joined forms of a separable verb: einladen, eingeladen, einzuladen
            part = pat.particle
            s_list += [part + s for s in split_list] + [part + "ge" + s for s in split_list] \
                + [part + "zu" + s for s in split_list]
        for s in split_list:
            stems.setdefault(s, []).append(pat)
            split.add((s, pat.lemma))
        for s in s_list:
            stems.setdefault(s, []).append(pat)
        for w in w_list:
            words.setdefault(w, []).append(pat)
    suffix = cues.get("stem_suffix", r"\w*")
    parts = []
    if stems:
        parts.append("(?:" + _trie_regex(list(stems)) + ")" + suffix)
    if words:
        parts.append("(?:" + _trie_regex(list(words)).replace(r"\ ", r"\s+") + ")")
    # the alternation is a trie of the word forms, so the engine tries one branch per
    # letter instead of every pattern at every position (this keeps the scan fast)
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    obj = {k: tuple(v) for k, v in objects.items()}
    return Lexicon(lang, regex, stems, words, frozenset(split), cues, obj, max(map(len, stems), default=0))
