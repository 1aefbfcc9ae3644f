"""Validation of request parameters: every endpoint declares what it accepts.

A parameter that is unknown, repeated, too long or of the wrong form is refused
with a 400 and a message naming it; values reach SQL only as bound parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import parse_qs

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
IDENT = re.compile(r"^[\w.:#-]{1,200}$")
UPPER = re.compile(r"^[A-Z_]{1,40}$")
STATUS = {"asserted", "announced", "planned", "hypothetical", "negated", "reported"}
MAX_TEXT = 200


class BadRequest(ValueError):
    """A request parameter is not acceptable."""


def text(value: str) -> str:
    if len(value) > MAX_TEXT or any(ord(c) < 32 for c in value):
        raise BadRequest(f"at most {MAX_TEXT} printable characters")
    return value


def date(value: str) -> str:
    if not DATE.match(value):
        raise BadRequest("a date like 2023, 2023-06 or 2023-06-15")
    return value


def ident(value: str) -> str:
    if not IDENT.match(value):
        raise BadRequest("an id of letters, digits and . : # -")
    return value


def event_type(value: str) -> str:
    if not UPPER.match(value):
        raise BadRequest("an upper-case event type such as AGREE")
    return value


def status(value: str) -> str:
    if value not in STATUS:
        raise BadRequest("one of " + ", ".join(sorted(STATUS)))
    return value


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        if not re.fullmatch(r"\d{1,9}", value) or not low <= int(value) <= high:
            raise BadRequest(f"a whole number from {low} to {high}")
        return int(value)
    return parse


@dataclass(frozen=True)
class Spec:
    """The parameters one endpoint accepts, with their parsers, and which are required."""

    parsers: dict[str, Callable[[str], Any]]
    required: tuple[str, ...] = ()

    def parse(self, query: str) -> dict[str, Any]:
        """Validated parameters of a query string; raises ``BadRequest``."""
        try:
            raw = parse_qs(query, keep_blank_values=True, strict_parsing=False, max_num_fields=50)
        except ValueError as exc:
            raise BadRequest(f"malformed query string: {exc}") from exc
        out: dict[str, Any] = {}
        for name, values in raw.items():
            if name not in self.parsers:
                known = ", ".join(sorted(self.parsers)) or "none"
                raise BadRequest(f"unknown parameter {name!r} (accepted: {known})")
            if len(values) > 1:
                raise BadRequest(f"parameter {name!r} given more than once")
            if values[0] == "":
                continue
            try:
                out[name] = self.parsers[name](values[0])
            except BadRequest as exc:
                raise BadRequest(f"parameter {name!r}: {exc}") from exc
        missing = [r for r in self.required if r not in out]
        if missing:
            raise BadRequest(f"missing parameter {missing[0]!r}")
        return out


PAGE = {"limit": bounded_int(1, 500), "offset": bounded_int(0, 1_000_000)}
FILTERS = {"since": date, "until": date, "source": text}
