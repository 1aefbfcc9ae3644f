"""Bytes to text: refuse binary files, decode UTF-8, fall back with a warning."""

from __future__ import annotations

from lagebild.errors import InputError

# magic numbers of formats users rename to .txt by mistake
_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or DOCX/ODT/XLSX)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
}
_BOMS = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}


def sniff_binary(data: bytes) -> str | None:
    """A description of the binary format ``data`` is in, or None if it may be text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:4096]
    if any(data.startswith(b) for b in _BOMS):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head:
        controls = sum(1 for b in head if b < 9 or 13 < b < 32)
        if controls / len(head) > 0.1:
            return "binary data (control bytes)"
    return None


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode ``data`` to text; return the text and a warning when not plain UTF-8.

    Raises ``InputError`` for binary data.
    """
    what = sniff_binary(data)
    if what:
        raise InputError(f"not a text document: looks like {what}")
    for bom, enc in _BOMS.items():
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), f"decoded as {enc} (byte order mark)"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    # Old German archives are mostly Windows-1252; when that fails too, keep every
    # byte that is valid UTF-8 and mark the rest, so no text is lost silently.
    try:
        return data.decode("cp1252"), f"invalid UTF-8 at byte {bad_at}: decoded as Windows-1252"
    except UnicodeDecodeError:
        return (data.decode("utf-8", errors="replace"),
                f"invalid UTF-8 at byte {bad_at}: undecodable bytes replaced by U+FFFD")
