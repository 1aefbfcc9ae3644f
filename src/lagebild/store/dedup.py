"""Near-duplicate detection: 64-bit SimHash over sampled word shingles.

Syndicated copies of one agency report differ in a few words (a headline, a byline,
a trailing link box); their SimHashes differ in only a few bits (up to 6 counts as a
copy; unrelated texts differ in about 32). Candidate pairs are found by banding:
hashes that differ in at most 3 bits agree on at least one of four 16-bit bands, and
most that differ in 4 to 6 bits still do, so the comparison scales with the store
instead of comparing every pair.
"""

from __future__ import annotations

import zlib
from itertools import compress
from typing import Iterable

SHINGLE = 3
MAX_DISTANCE = 6
# byte -> 1 where bit b of the byte is set, for b from the most significant bit down
_BIT_TABLES = [bytes((v >> b) & 1 for v in range(256)) for b in range(7, -1, -1)]


def _features(text: str) -> list[int]:
    """64-bit hashes of the word 3-shingles of ``text``, sampled in long texts.

    Words are the whitespace-separated tokens of the lower-cased text; two CRC32s
    (cheap, in C, stable across runs) make one 64-bit feature. Long texts keep a
    deterministic sample of their shingles (copies sample the same ones), at least
    about 200, which loses little precision and saves most of the cost.
    """
    words = " ".join(text.lower().split()).encode("utf-8").split(b" ")
    mask = (1 << max(0, (len(words) // 200).bit_length() - 1)) - 1 if len(words) >= 400 else 0
    crc = zlib.crc32
    if len(words) < SHINGLE:
        shingles: Iterable[bytes] = [b" ".join(words)]
    else:  # the shingles built by C-level zip and join, not by slicing in a loop
        shingles = map(b" ".join, zip(*(words[k:] for k in range(SHINGLE))))
        if mask:  # sample by the hash of the shingle's first word: one C-level pass over the words
            shingles = compress(shingles, [h & mask == 0 for h in map(crc, words)])
    return [crc(s, 0x9E3779B9) << 32 | crc(s) for s in shingles]


def simhash(text: str) -> int:
    """64-bit SimHash of ``text`` over sampled word 3-shingles (0 for an empty text)."""
    if not text.strip():
        return 0
    features = _features(text) or [zlib.crc32(text.encode("utf-8"))]
    # the features as 8 big-endian bytes each; every bit column is counted with C-level
    # byte operations (a slice per byte position, a translation per bit), most significant first
    data = b"".join([h.to_bytes(8, "big") for h in features])
    half = len(features) / 2
    out = 0
    for pos in range(8):
        column = data[pos::8]
        for table in _BIT_TABLES:
            out = out << 1 | (column.translate(table).count(1) > half)
    return out


# SQL that links each document to the earliest-ingested document it nearly duplicates
DUPLICATES_SQL = f"""
CREATE OR REPLACE TABLE duplicates AS
WITH bands AS (
    SELECT id, simhash, ingested_at, b AS band, (simhash >> (16 * b)) & 65535 AS bits
    FROM documents, range(4) r(b) WHERE simhash <> 0
), pairs AS (
    SELECT DISTINCT x.id AS doc_id, y.id AS other, y.ingested_at AS other_at,
           bit_count(xor(x.simhash, y.simhash)) AS distance
    FROM bands x JOIN bands y ON x.band = y.band AND x.bits = y.bits AND x.id <> y.id
    WHERE (y.ingested_at, y.id) < (x.ingested_at, x.id)
)
SELECT doc_id, arg_min(other, (other_at, other)) AS duplicate_of,
       CASE WHEN min(distance) = 0 THEN 'exact' ELSE 'near' END AS kind
FROM pairs WHERE distance <= {MAX_DISTANCE} GROUP BY doc_id
"""
