"""Questions analysts ask of the store: timeline, actor, quotes, comparison, search.

Every function takes the same filters (``since``, ``until`` as ISO date prefixes,
``source``) and returns plain dicts, for the CLI's tables and ``--json`` alike.
All values reach SQL as bound parameters, never as SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lagebild.store.db import Store, StoreError


@dataclass
class Filters:
    """Restrictions shared by all queries."""

    since: str | None = None
    until: str | None = None
    source: str | None = None

    def sql(self, date_expr: str, source_expr: str = "d.source") -> tuple[str, list[Any]]:
        """A WHERE fragment (starting with AND) and its parameters."""
        parts, params = [], []
        if self.since:
            parts.append(f"{date_expr} >= ?")
            params.append(self.since)
        if self.until:
            # "2023-06" as the end includes every day of June 2023
            parts.append(f"{date_expr} <= ?")
            params.append(self.until + "\uffff")
        if self.source:
            parts.append(f"lower({source_expr}) = lower(?)")
            params.append(self.source)
        return "".join(f" AND {p}" for p in parts), params


# an ISO date where the timex has one, else the publication date of the report
SORT_DATE = "CASE WHEN regexp_matches(e.date, '^\\d{4}') THEN e.date ELSE d.published END"


def timeline(store: Store, f: Filters | None = None, limit: int = 500, offset: int = 0,
             actor: str | None = None, type_: str | None = None,
             status: str | None = None) -> list[dict[str, Any]]:
    """Happenings in date order, each with its status, sources and evidence sentences.

    ``actor`` keeps happenings where that actor (id) is actor or target; ``type_``
    and ``status`` keep one event type or status.
    """
    where, params = (f or Filters()).sql(SORT_DATE)
    for column, value in (("c.type", type_), ("c.status", status)):
        if value:
            where += f" AND {column} = ?"
            params.append(value)
    if actor:
        where += " AND ? IN (c.actor, c.target)"
        params.append(actor)
    rows = store.query(f"""
        SELECT c.cluster_id, c.type, c.mode, c.actor, c.target, c.object, c.status, c.storyline,
               min({SORT_DATE}) AS date, c.date AS date_value,
               list(DISTINCT coalesce(d.source, d.id)) AS sources,
               list({{'doc_id': e.doc_id, 'published': d.published, 'status': e.status,
                      'evidence': e.evidence, 'start': e.evidence_start, 'end': e.evidence_end}}) AS reports
        FROM event_clusters c JOIN event_members m USING (cluster_id)
        JOIN events e ON e.doc_id = m.doc_id AND e.idx = m.idx JOIN documents d ON d.id = e.doc_id
        WHERE 1=1 {where}
        GROUP BY ALL ORDER BY date NULLS LAST, c.type, c.cluster_id LIMIT ? OFFSET ?""", params + [limit, offset])
    return rows


def find_actor(store: Store, name: str) -> dict[str, Any] | None:
    """The actor whose id, canonical name or any mention equals ``name`` (case-insensitive)."""
    rows = store.query("""
        SELECT a.id, a.name, a.type, a.n_mentions, a.n_documents FROM actors a
        WHERE lower(a.id) = lower(?) OR lower(a.name) = lower(?)
           OR a.id IN (SELECT entity_id FROM mentions WHERE lower(surface) = lower(?))
        ORDER BY (lower(a.name) = lower(?)) DESC, a.n_mentions DESC LIMIT 1""", [name, name, name, name])
    return rows[0] if rows else None


def actor(store: Store, name: str, f: Filters | None = None) -> dict[str, Any]:
    """Names used for an actor (by source), roles, events and quotes."""
    found = find_actor(store, name)
    if found is None:
        raise StoreError(f"no actor called {name!r} in the store")
    aid = found["id"]
    f = f or Filters()
    where, params = f.sql("d.published")
    found["names"] = store.query(f"""
        SELECT m.surface, m.kind, coalesce(d.source, d.id) AS source, count(*) AS n
        FROM mentions m JOIN documents d ON d.id = m.doc_id
        WHERE m.entity_id = ? {where} GROUP BY ALL ORDER BY n DESC, m.surface""", [aid] + params)
    # roles as of each report: from the knowledge base (on mentions) and from office relations
    found["roles"] = store.query(f"""
        SELECT DISTINCT role, "of", published FROM (
            SELECT m.role, NULL AS "of", d.published, d.source FROM mentions m JOIN documents d ON d.id = m.doc_id
            WHERE m.entity_id = ? AND m.role IS NOT NULL
            UNION ALL
            SELECT r.role, r.object, d.published, d.source FROM relations r JOIN documents d ON d.id = r.doc_id
            WHERE r.subject = ? AND r.type = 'office' AND r.role IS NOT NULL) d
        WHERE 1=1 {where.replace("d.source", "d.source")} ORDER BY published, role""", [aid, aid] + params)
    found["events"] = timeline(store, f, limit=1000, actor=aid)
    found["quotes"] = quotes(store, aid, f)
    return found


def quotes(store: Store, speaker: str | None = None, f: Filters | None = None,
           limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
    """Quotations, optionally of one speaker (id or any name of the actor)."""
    where, params = (f or Filters()).sql("d.published")
    if speaker:
        found = find_actor(store, speaker)
        where += " AND (q.speaker_entity = ? OR lower(q.speaker_text) = lower(?))"
        params += [found["id"] if found else speaker, speaker]
    return store.query(f"""
        SELECT q.doc_id, coalesce(d.source, d.id) AS source, d.published, q.kind, q.speaker_entity,
               a.name AS speaker_name, q.speaker_text, q.cue_text, q.text, q.start_char, q.end_char
        FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN actors a ON a.id = q.speaker_entity
        WHERE 1=1 {where} ORDER BY d.published NULLS LAST, q.doc_id, q.idx LIMIT ? OFFSET ?""",
        params + [limit, offset])


def search(store: Store, text: str, f: Filters | None = None, limit: int = 50,
           offset: int = 0) -> list[dict[str, Any]]:
    """Sentences matching ``text`` by full-text search with German stemming, best first."""
    if not store.has_fts:
        raise StoreError("full-text search is not available: install duckdb-extension-fts")
    where, params = (f or Filters()).sql("d.published")
    try:
        return store.query(f"""
            SELECT s.doc_id, coalesce(d.source, d.id) AS source, d.published, s.text, s.start_char,
                   s.end_char, score
            FROM (SELECT *, fts_main_sentences.match_bm25(sid, ?) AS score FROM sentences) s
            JOIN documents d ON d.id = s.doc_id
            WHERE score IS NOT NULL {where} ORDER BY score DESC, s.sid LIMIT ? OFFSET ?""",
            [text] + params + [limit, offset])
    except Exception as exc:  # no index yet: an empty store
        if "fts_main_sentences" in str(exc):
            return []
        raise
