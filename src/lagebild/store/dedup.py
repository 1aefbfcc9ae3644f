"""Near-duplicate detection: 64-bit SimHash over sampled word shingles.

Syndicated copies of one agency report differ in a few words (a headline, a byline,
a trailing link box); their SimHashes differ in only a few bits. Candidate pairs are
found by banding (two hashes that differ in at most 3 bits agree completely on at
least one of four 16-bit bands), so the comparison scales with the store.
"""

from __future__ import annotations

import re
import zlib

_WORD = re.compile(r"\w+")
SHINGLE = 3
MAX_DISTANCE = 3


def _features(shingles: set[str]) -> list[int]:
    """64-bit hashes of a deterministic quarter of the shingles (cheap CRC32, stable across runs)."""
    out = []
    for sh in shingles:
        data = sh.encode("utf-8")
        low = zlib.crc32(data)
        if low & 3 == 0:  # sampling keeps the cost per document low; copies sample the same shingles
            out.append(zlib.crc32(data, 0x9E3779B9) << 32 | low)
    return out


def simhash(text: str) -> int:
    """64-bit SimHash of ``text`` over lower-cased word 3-shingles."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    features = _features(shingles) or [zlib.crc32(sh.encode("utf-8")) for sh in shingles]
    # bit columns of all feature hashes, counted with C-level string operations
    bits = [format(h, "064b") for h in features]
    half = len(bits) / 2
    out = 0
    for col in zip(*bits):
        out = out << 1 | ("".join(col).count("1") > half)
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
