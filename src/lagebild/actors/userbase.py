"""Users' own actors: a YAML file that extends (or overrides) the bundled base.

Format (``lagebild analyze --actors my_actors.yaml``)::

    actors:
      - id: wolfgang-katzian          # a slug: lower-case letters, digits, hyphens
        type: PERSON                  # one of the contract's entity types
        name: Wolfgang Katzian        # canonical name
        de: [Wolfgang Katzian, Katzian]   # surface forms (German); en: English
        adj: []                       # adjective stems (demonyms), optional
        gender: m                     # optional, PERSON only: m or f
        source: "own research, 2024"  # optional

Every problem is reported with the entry's position and id, all at once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from lagebild.actors.kb import TYPES, KnowledgeBase, _add_entries
from lagebild.errors import UsageError

_ID = re.compile(r"^[a-z0-9][a-z0-9._:-]*$")
_KEYS = {"id", "type", "name", "de", "en", "adj", "short", "gender", "source", "wikidata", "country", "roles"}


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def validate(data: Any, origin: str = "actors file") -> list[dict[str, Any]]:
    """The entries of a parsed user file; raises :class:`UsageError` listing every problem."""
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise UsageError(f"{origin}: expected a mapping with a list under 'actors:' (see lagebild.actors.userbase)")
    problems: list[str] = []
    seen: set[str] = set()
    for n, entry in enumerate(data["actors"], 1):
        where = f"{origin}: entry {n}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping, got {type(entry).__name__}")
            continue
        eid = entry.get("id")
        if isinstance(eid, str):
            where += f" ({eid})"
        if not isinstance(eid, str) or not _ID.match(eid):
            problems.append(f"{where}: 'id' must be a slug of lower-case letters, digits and '-' (got {eid!r})")
        elif eid in seen:
            problems.append(f"{where}: duplicate id {eid!r}")
        else:
            seen.add(eid)
        if entry.get("type") not in TYPES:
            problems.append(f"{where}: 'type' must be one of {', '.join(TYPES)} (got {entry.get('type')!r})")
        if not isinstance(entry.get("name"), str) or not entry["name"].strip():
            problems.append(f"{where}: 'name' (the canonical name) is required")
        for key in ("de", "en", "adj", "short"):
            if key in entry and not _strings(entry[key]):
                problems.append(f"{where}: '{key}' must be a list of non-empty strings")
        if "gender" in entry and entry["gender"] not in ("m", "f"):
            problems.append(f"{where}: 'gender' must be 'm' or 'f'")
        unknown = sorted(set(entry) - _KEYS)
        if unknown:
            problems.append(f"{where}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(_KEYS))}")
    if problems:
        raise UsageError("invalid actors file:\n  " + "\n  ".join(problems))
    return data["actors"]


def load_user_file(path: str | Path) -> KnowledgeBase:
    """A knowledge base of the actors in the user's YAML file at ``path``."""
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read actors file {p}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise UsageError(f"actors file {p} is not valid YAML: {exc}") from exc
    entries = validate(data, str(p))
    kb = KnowledgeBase()
    _add_entries(kb, entries, f"user file {p.name}")
    return kb
