"""Normalisation of metadata values that readers find (publication dates)."""

from __future__ import annotations

import re
from datetime import datetime

_MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5,
    "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "august": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10, "okt": 10,
    "oct": 10, "november": 11, "nov": 11, "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?.*)?$")
_DMY = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$")
_TEXT = re.compile(r"^(?:(\d{1,2})\.?\s+)?([A-Za-zÄÖÜäöü]+)\.?\s+(\d{4})$")


def _valid(y: int, m: int | None = None, d: int | None = None) -> bool:
    try:
        datetime(y, m or 1, d or 1)
    except ValueError:
        return False
    return 1000 <= y <= 2999


def normalize_date(value: object) -> str | None:
    """ISO 8601 form of a metadata date at the precision it has, or None.

    >>> normalize_date("2023-05"), normalize_date("06.12.2024"), normalize_date("6. Dezember 2024")
    ('2023-05', '2024-12-06', '2024-12-06')
    """
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    m = _ISO.match(s)
    if m:
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        mo_i, d_i = (int(mo) if mo else None), (int(d) if d else None)
        if not _valid(y, mo_i, d_i):
            return None
        out = f"{y:04d}" + (f"-{mo_i:02d}" if mo_i else "") + (f"-{d_i:02d}" if d_i else "")
        if m.group(4) and d_i:
            out += f"T{int(m.group(4)):02d}:{m.group(5)}" + (f":{m.group(6)}" if m.group(6) else "")
        return out
    m = _DMY.match(s)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None
    m = _TEXT.match(s)
    if m and m.group(2).lower() in _MONTHS:
        y, mo = int(m.group(3)), _MONTHS[m.group(2).lower()]
        d = int(m.group(1)) if m.group(1) else None
        if not _valid(y, mo, d):
            return None
        return f"{y:04d}-{mo:02d}" + (f"-{d:02d}" if d else "")
    return None
