"""The PLOVER ontology as shipped data (``resources/common/plover``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lagebild.resources import load_rows, load_yaml

# conflictual acts that PLOVER codes as THREATEN while they are only intended
_THREAT_WHEN_INTENDED = frozenset({"SANCTION", "COERCE", "ASSAULT", "FIGHT", "PROTEST"})


@lru_cache(maxsize=1)
def ontology() -> dict[str, Any]:
    """Categories (definition, modes, quad) and the list of cooperative categories."""
    return load_yaml("common/plover/ontology.yaml")


def categories() -> frozenset[str]:
    """The PLOVER event types this package codes."""
    return frozenset(ontology()["categories"])


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode or None), from the conversion table."""
    return {row[0]: (row[1], None if row[2] == "-" else row[2]) for row in load_rows("common/plover/cameo2plover.tsv")}


def intent_type(event_type: str) -> str:
    """The type PLOVER gives an act that is only intended or promised.

    A promise of cooperation (to meet, aid, withdraw) is AGREE; an intended
    conflictual act (to sanction, attack, boycott) is THREATEN.
    """
    if event_type in ontology().get("cooperative", ()):
        return "AGREE"
    if event_type in _THREAT_WHEN_INTENDED:
        return "THREATEN"
    return event_type
