"""Access to the language resources shipped in ``lagebild/resources``."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as _res
from typing import Any

import yaml

from lagebild.errors import ResourceError


def _read(relpath: str) -> str:
    try:
        return _res.files("lagebild").joinpath("resources", relpath).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ResourceError(f"missing resource {relpath}: {exc}") from exc


@lru_cache(maxsize=None)
def load_yaml(relpath: str) -> Any:
    """A YAML resource, parsed once per process."""
    try:
        return yaml.safe_load(_read(relpath))
    except yaml.YAMLError as exc:
        raise ResourceError(f"malformed resource {relpath}: {exc}") from exc


@lru_cache(maxsize=None)
def load_rows(relpath: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a list resource, without comments and blank lines."""
    rows = []
    for line in _read(relpath).splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def load_words(relpath: str) -> frozenset[str]:
    """The first column of a list resource as a set."""
    return frozenset(row[0] for row in load_rows(relpath))


LANGUAGES = ("de", "en")


def merged_words(name: str) -> frozenset[str]:
    """The union of a list resource over all supported languages (``de/name``, ``en/name``)."""
    out: set[str] = set()
    for lang in LANGUAGES:
        out |= load_words(f"{lang}/{name}")
    return frozenset(out)
