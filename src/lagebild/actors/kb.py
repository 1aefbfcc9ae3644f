"""The actor knowledge base: entries, their surface forms, and loading from data files.

An :class:`Actor` is one node of the situation picture (a state, a city, an
organisation, a person, a treaty ...).  Each has a stable id and a list of
:class:`Alias` surface forms, each with the mention kind it yields (a country's
name is a ``name``, its adjective a ``demonym``, its capital or seat of
government a ``metonym``).  All knowledge lives in YAML under
``resources/{common,de,en}/actors``; this module only merges it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from lagebild.errors import ResourceError
from lagebild.resources import _read

try:  # libyaml parses the base several times faster than the pure-Python loader
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

TYPES = ("PERSON", "COUNTRY", "CITY", "REGION", "LOCATION", "ORGANIZATION", "ALLIANCE",
         "PARTY", "TREATY", "WEAPON", "DOCUMENT", "GROUP")
KINDS = ("name", "demonym", "metonym", "pronoun", "anaphor")
# "capital" is an internal kind: a capital is a place after "in"/"aus", else its government
ALIAS_KINDS = ("name", "demonym", "metonym", "capital")


@dataclass(frozen=True)
class Alias:
    """One surface form of an actor, before inflection."""

    text: str
    kind: str = "name"          # name | demonym (an adjective stem) | metonym | capital
    lang: str = "de"
    weak: bool = False          # a common word as well: needs a cue before it counts


@dataclass
class Actor:
    """A node of the knowledge graph."""

    id: str
    type: str
    name: str
    aliases: list[Alias] = field(default_factory=list)
    source: str = "curated"
    wikidata: str | None = None
    gender: str | None = None
    roles: list[dict[str, Any]] = field(default_factory=list)
    country: str | None = None          # the state a city, region or institution belongs to
    official_head: str | None = None    # "Republik": "der Republik" may refer back to it
    extra: dict[str, Any] = field(default_factory=dict)

    def add(self, text: str, kind: str = "name", lang: str = "de", weak: bool = False) -> None:
        """Add a surface form unless it is already there."""
        text = (text or "").strip()
        if text and all(a.text != text or a.kind != kind for a in self.aliases):
            self.aliases.append(Alias(text, kind, lang, weak))


class KnowledgeBase:
    """All actors by id, in the order of precedence in which they were added."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}

    def __len__(self) -> int:
        return len(self.actors)

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self.actors

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self.actors.get(actor_id)

    def upsert(self, actor_id: str, type_: str, name: str, source: str) -> Actor:
        """The actor ``actor_id``, created if new (an existing one keeps its type and name)."""
        actor = self.actors.get(actor_id)
        if actor is None:
            actor = self.actors[actor_id] = Actor(actor_id, type_, name, source=source)
        return actor

    def merge(self, other: KnowledgeBase) -> None:
        """Add ``other``'s actors; where ids meet, its fields and aliases win or are added."""
        for actor in other.actors.values():
            mine = self.actors.get(actor.id)
            if mine is None:
                self.actors[actor.id] = actor
                continue
            mine.type, mine.name = actor.type, actor.name
            for a in actor.aliases:
                mine.add(a.text, a.kind, a.lang, a.weak)
            for attr in ("wikidata", "gender", "country", "official_head"):
                if getattr(actor, attr):
                    setattr(mine, attr, getattr(actor, attr))
            mine.roles = actor.roles or mine.roles


def _yaml(relpath: str) -> Any:
    try:
        return yaml.load(_read(relpath), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ResourceError(f"malformed resource {relpath}: {exc}") from exc


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _add_country(kb: KnowledgeBase, code: str, spec: dict[str, Any], lang: str, source: str,
                 historical: bool = False) -> None:
    actor = kb.actors.get(spec.get("id", "")) or next(
        (a for a in kb.actors.values() if a.extra.get("iso") == code), None)
    if actor is None:
        actor = kb.upsert(spec["id"], "COUNTRY", _names(spec.get("names"))[0], source)
        actor.extra["iso"] = code
    if historical:
        actor.extra["historical"] = True
    actor.wikidata = spec.get("wikidata", actor.wikidata)
    actor.official_head = spec.get("official_head", actor.official_head)
    for n in _names(spec.get("names")):
        actor.add(n, "name", lang)
    for n in _names(spec.get("en")):
        actor.add(n, "name", "en")
    for n in _names(spec.get("adj")):
        actor.add(n, "demonym", lang)
    for n in _names(spec.get("seats")):
        actor.add(n, "metonym", lang)
    caps = _names(spec.get("capital")) + _names(spec.get("capital_alt"))
    if caps:
        actor.extra.setdefault("capitals", []).extend(caps)


def _capitals(kb: KnowledgeBase) -> None:
    """Make each capital a CITY actor (the name) and a metonym of its state."""
    from lagebild.actors.util import slug
    for actor in list(kb.actors.values()):
        caps = actor.extra.get("capitals") or []
        if not caps or actor.extra.get("historical"):
            continue
        city_id = slug(caps[0]) if slug(caps[0]) not in kb.actors else f"{slug(caps[0])}-city"
        city = kb.actors.get(city_id) or kb.upsert(city_id, "CITY", caps[0], "curated (capital)")
        city.country = city.country or actor.id
        actor.extra["capital_id"] = city.id
        for c in caps:
            city.add(c, "name", "de")
            actor.add(c, "capital", "de")


def _add_entries(kb: KnowledgeBase, entries: Iterable[dict[str, Any]], source: str) -> None:
    for spec in entries:
        actor = kb.upsert(spec["id"], spec.get("type", "PERSON"), spec["name"], spec.get("source", source))
        actor.type, actor.name = spec.get("type", actor.type), spec["name"]
        actor.wikidata = spec.get("wikidata") or actor.wikidata
        actor.gender = spec.get("gender") or actor.gender
        actor.country = spec.get("country") or actor.country
        actor.roles = spec.get("roles") or actor.roles
        for key in ("members", "signed"):
            if key in spec:
                actor.extra[key] = spec[key]
        for lang in ("de", "en"):
            for n in _names(spec.get(lang)):
                actor.add(n, "name", lang)
        for n in _names(spec.get("short")):
            actor.add(n, "name", "de")
        for n in _names(spec.get("adj")):
            actor.add(n, "demonym", "de")


CURATED_FILES = ("common/actors/organisations.yaml", "common/actors/persons.yaml",
                 "common/actors/treaties.yaml", "common/actors/places.yaml")


def build_base(files: Iterable[str] = CURATED_FILES) -> KnowledgeBase:
    """The bundled knowledge base: generated country names, curated overlays, curated lists."""
    kb = KnowledgeBase()
    gen = _yaml("common/actors/countries.generated.yaml")
    for spec in gen["countries"]:
        actor = kb.upsert(spec["id"], "COUNTRY", spec["name"], spec["source"])
        actor.extra["iso"] = spec["iso"]
        for lang in ("de", "en"):
            for n in spec.get(lang, []):
                actor.add(n, "name", lang)
    for lang in ("de", "en"):
        data = _yaml(f"{lang}/actors/countries.yaml")
        for code, spec in (data.get("countries") or {}).items():
            if lang == "en" and "id" not in spec:
                spec = dict(spec, id=next((a.id for a in kb.actors.values() if a.extra.get("iso") == code), code.lower()))
            _add_country(kb, code, spec, lang, "curated")
        for code, spec in (data.get("historical") or {}).items():
            if "id" not in spec:
                spec = dict(spec, id=next((a.id for a in kb.actors.values() if a.extra.get("iso") == code), code.lower()))
            _add_country(kb, code, spec, lang, "curated", historical=True)
    for relpath in files:
        data = _yaml(relpath)
        _add_entries(kb, data.get("entries") or [], data.get("source", "curated"))
    _capitals(kb)
    return kb


@lru_cache(maxsize=1)
def bundled_base() -> KnowledgeBase:
    """The bundled base, built once per process."""
    return build_base()


def file_examples(relpath: str) -> list[dict[str, Any]]:
    """The ``examples`` of a knowledge-base file (each: text, expect [[surface, id], ...])."""
    return list(_yaml(relpath).get("examples") or [])
