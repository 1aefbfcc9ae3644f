"""Calendar arithmetic on partial dates (TIMEX3 values at any precision)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Partial:
    """A calendar date known to year, month or day precision (None where unknown)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> "Partial | None":
        """A partial date from an ISO string ("2023", "2023-05", "2023-05-28T..."), or None."""
        if not value:
            return None
        m = _ISO.match(value.strip())
        if not m:
            return None
        y, mo, d = (int(g) if g else None for g in m.groups())
        if mo is not None and not 1 <= mo <= 12:
            mo, d = None, None
        if d is not None and valid(y, mo, d) is None:
            d = None
        return cls(y, mo, d)

    def as_date(self) -> date | None:
        """A ``datetime.date`` where the day is known."""
        return valid(self.year, self.month, self.day) if self.day else None

    def iso(self) -> str:
        """The TIMEX3 value at the precision known (XXXX for an unknown year)."""
        y = f"{self.year:04d}" if self.year is not None else "XXXX"
        if self.month is None:
            return y
        if self.day is None:
            return f"{y}-{self.month:02d}"
        return f"{y}-{self.month:02d}-{self.day:02d}"


def valid(y: int | None, m: int | None, d: int | None) -> date | None:
    """The date (y, m, d), or None where it does not exist."""
    if y is None or m is None or d is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def day_value(d: date) -> str:
    """ISO value of a full date."""
    return d.isoformat()


def week_value(d: date, offset: int = 0) -> str:
    """ISO week value ("2024-W49") of the week ``offset`` weeks from ``d``'s."""
    y, w, _ = (d + timedelta(weeks=offset)).isocalendar()
    return f"{y:04d}-W{w:02d}"


def shift_month(y: int, m: int, offset: int) -> tuple[int, int]:
    """(year, month) ``offset`` months from (y, m)."""
    idx = y * 12 + (m - 1) + offset
    return idx // 12, idx % 12 + 1


def weekday_near(ref: date, weekday: int, direction: int) -> date:
    """The date of ISO ``weekday`` (1=Mon) nearest ``ref`` in ``direction`` (-1 past, +1 future).

    The reference day itself counts when it is that weekday: "am Donnerstag" in a
    text of a Thursday is that day.
    """
    diff = weekday - ref.isoweekday()
    if diff == 0:
        return ref
    if direction < 0:
        return ref + timedelta(days=diff if diff < 0 else diff - 7)
    return ref + timedelta(days=diff if diff > 0 else diff + 7)


def easter(year: int) -> date:
    """Easter Sunday (Gregorian), by the anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday(spec: str, year: int | None) -> str:
    """Value of a holiday given as "MM-DD" or "E+n" (days from Easter) in ``year``."""
    if spec.startswith("E"):
        if year is None:
            return "XXXX-XX-XX"
        return (easter(year) + timedelta(days=int(spec[1:]))).isoformat()
    return f"{year:04d}-{spec}" if year is not None else f"XXXX-{spec}"
