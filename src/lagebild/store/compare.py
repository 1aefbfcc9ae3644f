"""How the sources differ: names they use, whom they quote, what only one reports, dates."""

from __future__ import annotations

from typing import Any

from lagebild.store.db import Store
from lagebild.store.queries import SORT_DATE, Filters


def compare(store: Store, f: Filters | None = None, limit: int = 50) -> dict[str, Any]:
    """Per source: names for the same actor, quoted speakers, exclusive events, date conflicts.

    ``limit`` bounds each part (the most mentioned actors, the most quoted speakers,
    the first events by date), so that a large store gives a readable answer.
    """
    f = f or Filters()
    where, params = f.sql("d.published")
    names = store.query(f"""
        WITH per AS (
            SELECT m.entity_id, coalesce(d.source, d.id) AS source,
                   list(DISTINCT m.surface ORDER BY m.surface) AS names, count(*) AS n
            FROM mentions m JOIN documents d ON d.id = m.doc_id
            WHERE m.kind IN ('name', 'demonym', 'metonym') {where} GROUP BY ALL),
        differing AS (SELECT entity_id, sum(n) AS total FROM per GROUP BY entity_id
                      HAVING count(*) > 1 AND count(DISTINCT names) > 1 ORDER BY total DESC LIMIT ?)
        SELECT per.entity_id, a.name AS actor, per.source, per.names, per.n
        FROM per JOIN differing USING (entity_id) JOIN actors a ON a.id = per.entity_id
        ORDER BY differing.total DESC, a.name, per.source""", params + [limit])
    by_actor: dict[str, list[dict[str, Any]]] = {}
    for row in names:
        by_actor.setdefault(row["entity_id"], []).append(row)
    differing = list(by_actor.values())
    speakers = store.query(f"""
        SELECT coalesce(d.source, d.id) AS source, coalesce(a.name, q.speaker_text) AS speaker,
               count(*) AS n
        FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN actors a ON a.id = q.speaker_entity
        WHERE coalesce(a.name, q.speaker_text) IS NOT NULL {where}
        GROUP BY ALL ORDER BY n DESC, source LIMIT ?""", params + [4 * limit])
    ev_where, ev_params = f.sql(SORT_DATE)
    exclusive = store.query(f"""
        SELECT any_value(coalesce(d.source, d.id)) AS source, c.type, c.mode, c.actor, c.target, c.date,
               any_value(e.evidence) AS evidence
        FROM event_clusters c JOIN event_members m USING (cluster_id)
        JOIN events e ON e.doc_id = m.doc_id AND e.idx = m.idx JOIN documents d ON d.id = e.doc_id
        WHERE 1=1 {ev_where} GROUP BY c.cluster_id, c.type, c.mode, c.actor, c.target, c.date
        HAVING count(DISTINCT coalesce(d.source, d.id)) = 1
           AND (SELECT count(DISTINCT coalesce(source, id)) FROM documents) > 1
        ORDER BY c.date NULLS LAST, source LIMIT ?""", ev_params + [4 * limit])
    conflicts = store.query(f"""
        SELECT c.type, c.mode, c.actor, c.target, c.object,
               list(DISTINCT {{'date': e.date, 'source': coalesce(d.source, d.id)}}) AS dates
        FROM event_clusters c JOIN event_members m USING (cluster_id)
        JOIN events e ON e.doc_id = m.doc_id AND e.idx = m.idx JOIN documents d ON d.id = e.doc_id
        WHERE e.date IS NOT NULL AND c.status = 'asserted' {ev_where}
        GROUP BY ALL HAVING count(DISTINCT c.cluster_id) > 1
           AND count(DISTINCT coalesce(d.source, d.id)) > 1 LIMIT ?""", ev_params + [limit])
    return {"names": differing, "speakers": speakers, "exclusive_events": exclusive, "date_conflicts": conflicts}
