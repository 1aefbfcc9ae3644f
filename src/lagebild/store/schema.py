"""Tables of the store.

Per-document tables hold what the pipeline wrote (one row per sentence, mention,
timex, quote, event); every row carries ``doc_id`` so that a document is replaced
or removed as a unit. Derived tables (``actors``, ``event_clusters``,
``duplicates``) are rebuilt from them after each ingest.
"""

from __future__ import annotations

SCHEMA_VERSION = "2"

# column name -> DuckDB type, in insertion order (also used to read batch files)
DOC_TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "id": "VARCHAR", "content_hash": "VARCHAR", "title": "VARCHAR", "source": "VARCHAR",
        "url": "VARCHAR", "published": "VARCHAR", "published_inferred": "BOOLEAN",
        "language": "VARCHAR", "n_words": "INTEGER", "simhash": "UBIGINT", "text": "VARCHAR",
        "doc": "VARCHAR", "ingested_at": "TIMESTAMP",
    },
    "sentences": {
        "sid": "VARCHAR", "doc_id": "VARCHAR", "idx": "INTEGER", "start_char": "INTEGER",
        "end_char": "INTEGER", "text": "VARCHAR",
    },
    "mentions": {
        "doc_id": "VARCHAR", "entity_id": "VARCHAR", "name": "VARCHAR", "type": "VARCHAR",
        "role": "VARCHAR", "start_char": "INTEGER", "end_char": "INTEGER", "kind": "VARCHAR",
        "surface": "VARCHAR",
    },
    "timexes": {
        "doc_id": "VARCHAR", "idx": "INTEGER", "start_char": "INTEGER", "end_char": "INTEGER",
        "type": "VARCHAR", "value": "VARCHAR", "mod": "VARCHAR", "surface": "VARCHAR",
    },
    "quotes": {
        "doc_id": "VARCHAR", "idx": "INTEGER", "start_char": "INTEGER", "end_char": "INTEGER",
        "kind": "VARCHAR", "text": "VARCHAR", "speaker_entity": "VARCHAR", "speaker_text": "VARCHAR",
        "cue_text": "VARCHAR",
    },
    "events": {
        "doc_id": "VARCHAR", "idx": "INTEGER", "type": "VARCHAR", "mode": "VARCHAR",
        "actor": "VARCHAR", "target": "VARCHAR", "object": "VARCHAR", "date": "VARCHAR",
        "location": "VARCHAR", "status": "VARCHAR", "evidence_start": "INTEGER",
        "evidence_end": "INTEGER", "evidence": "VARCHAR",
    },
    "relations": {
        "doc_id": "VARCHAR", "idx": "INTEGER", "type": "VARCHAR", "subject": "VARCHAR", "object": "VARCHAR",
        "role": "VARCHAR", "location": "VARCHAR", "date": "VARCHAR", "status": "VARCHAR",
        "evidence_start": "INTEGER", "evidence_end": "INTEGER", "evidence": "VARCHAR",
    },
}


# A person named only by surname in one document ("Katzian") is the person named in
# full elsewhere ("Wolfgang Katzian") when exactly one such person is stored: the
# stage sees one document at a time, the store sees the corpus.
SURNAME_ALIASES = """
CREATE OR REPLACE TEMP TABLE surname_aliases AS
WITH persons AS (SELECT DISTINCT entity_id, name FROM mentions WHERE type = 'PERSON' AND name IS NOT NULL),
     single AS (SELECT entity_id, lower(name) AS surname FROM persons WHERE name NOT LIKE '% %'),
     fullname AS (SELECT entity_id, name, lower(regexp_extract(name, '(\\S+)$', 1)) AS surname
                  FROM persons WHERE name LIKE '% %')
SELECT s.entity_id AS alias, any_value(f.entity_id) AS canonical, any_value(f.name) AS name
FROM single s JOIN fullname f USING (surname) WHERE s.entity_id <> f.entity_id
GROUP BY s.entity_id HAVING count(DISTINCT f.entity_id) = 1;
UPDATE mentions SET entity_id = a.canonical, name = a.name FROM surname_aliases a WHERE mentions.entity_id = a.alias;
UPDATE quotes SET speaker_entity = a.canonical FROM surname_aliases a WHERE quotes.speaker_entity = a.alias;
UPDATE events SET actor = a.canonical FROM surname_aliases a WHERE events.actor = a.alias;
UPDATE events SET target = a.canonical FROM surname_aliases a WHERE events.target = a.alias;
"""

DERIVED = """
CREATE OR REPLACE TABLE actors AS
    SELECT entity_id AS id, arg_max(name, n) AS name, arg_max(type, n) AS type,
           sum(n)::INTEGER AS n_mentions, count(DISTINCT doc_id)::INTEGER AS n_documents
    FROM (SELECT entity_id, name, type, doc_id, count(*) AS n FROM mentions
          GROUP BY entity_id, name, type, doc_id)
    GROUP BY entity_id;
"""


def ddl() -> list[str]:
    """Statements that create the store's tables if they are missing."""
    out = [f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(f'{c} {t}' for c, t in cols.items())})"
           for name, cols in DOC_TABLES.items()]
    out.append("CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR)")
    out.append("CREATE TABLE IF NOT EXISTS event_clusters (cluster_id VARCHAR, type VARCHAR, mode VARCHAR, "
               "actor VARCHAR, target VARCHAR, object VARCHAR, date VARCHAR, status VARCHAR, "
               "n_reports INTEGER, n_sources INTEGER, storyline VARCHAR)")
    out.append("CREATE TABLE IF NOT EXISTS event_members (doc_id VARCHAR, idx INTEGER, cluster_id VARCHAR)")
    out.append("CREATE TABLE IF NOT EXISTS duplicates (doc_id VARCHAR, duplicate_of VARCHAR, kind VARCHAR)")
    return out
