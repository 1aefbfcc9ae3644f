"""Cross-document merging of events into happenings and storylines.

Two reports describe the same happening when they agree on type, actor, target and
object (or mode) and their dates are compatible: equal, or one a coarser form of
the other ("2023-06" and "2023-06-15"). Happenings that share actor, mode or type,
target and object form a storyline — the stationing of weapons from its
announcement to its completion, whoever reported each step.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from typing import Any

import duckdb

from lagebild.store.bulk import insert

CLUSTER_COLUMNS = {"cluster_id": "VARCHAR", "type": "VARCHAR", "mode": "VARCHAR", "actor": "VARCHAR",
                   "target": "VARCHAR", "object": "VARCHAR", "date": "VARCHAR", "status": "VARCHAR",
                   "n_reports": "INTEGER", "n_sources": "INTEGER", "storyline": "VARCHAR"}
STAGE = {"asserted": "happened", "reported": "happened"}
STATUS_RANK = {"asserted": 0, "reported": 1, "announced": 2, "planned": 3, "hypothetical": 4, "negated": 5}


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two TIMEX3 date values can denote the same time."""
    if not a or not b:
        return False
    return a == b or a.startswith(b) or b.startswith(a)


def _fits(a: Any, b: Any) -> bool:
    """Two optional argument values agree: equal, or one of them not stated."""
    return a is None or b is None or a == b


def assign_storylines(clusters: list[dict[str, Any]]) -> None:
    """Link happenings into storylines (union-find) and set ``storyline`` on each.

    Happenings belong to one storyline when the same actor does the same kind of
    thing (mode, else type) to a compatible place and object: the announcement,
    the first transfer and the completion of one deployment.
    """
    parent = list(range(len(clusters)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_kind: dict[tuple[Any, Any], list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        by_kind[(c["actor"], c.get("mode") or c["type"])].append(i)
    for members in by_kind.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                a, b = clusters[i], clusters[j]
                if _fits(a["place"], b["place"]) and _fits(a.get("object"), b.get("object")):
                    parent[root(j)] = root(i)
    for i, c in enumerate(clusters):
        head = clusters[root(i)]
        c["storyline"] = "story-" + _cluster_id(f"{head['actor']}|{head.get('mode') or head['type']}", head["cluster_id"])


def _cluster_id(key: str, date: str | None) -> str:
    return hashlib.sha1(f"{key}|{date}".encode("utf-8")).hexdigest()[:12]


def cluster_events(events: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[tuple[str, int, str]]]:
    """Group event reports into happenings; return the clusters and (doc_id, idx, cluster) members."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in events:
        ev["place"] = ev.get("target") or ev.get("location")
        # what happened and what was only announced or planned are different happenings
        # (the announcement of a deployment in March, its planned completion by December)
        ev["stage"] = STAGE.get(ev.get("status") or "asserted", ev.get("status"))
        key = "|".join(str(ev.get(k) or "-") for k in ("type", "actor", "target", "object", "mode", "stage"))
        groups[key].append(ev)
    clusters: list[dict[str, Any]] = []
    members: list[tuple[str, int, str]] = []
    for key, evs in groups.items():
        for happening in _split_by_date(evs):
            dates = [e["date"] for e in happening if e.get("date")]
            date = max(dates, key=len) if dates else None  # the most precise date reported
            cid = _cluster_id(key, date)
            first = happening[0]
            statuses = Counter(e.get("status") or "asserted" for e in happening)
            clusters.append({
                "cluster_id": cid, "type": first["type"], "mode": first.get("mode"), "actor": first.get("actor"),
                "target": first.get("target"), "object": first.get("object"), "date": date,
                "status": min(statuses, key=lambda s: (STATUS_RANK.get(s, 9), -statuses[s])),
                "n_reports": len(happening), "n_sources": len({e.get("source") or e["doc_id"] for e in happening}),
                "place": first.get("place"),
            })
            members.extend((e["doc_id"], e["idx"], cid) for e in happening)
    assign_storylines(clusters)
    for c in clusters:
        del c["place"]
    return clusters, members


def _split_by_date(evs: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Partition reports of one kind of event into groups of compatible dates."""
    dated = sorted((e for e in evs if e.get("date")), key=lambda e: (len(e["date"]), e["date"]))
    groups: list[list[dict[str, Any]]] = []
    for ev in dated:
        for g in groups:
            if all(compatible(ev["date"], o["date"]) for o in g if o.get("date")):
                g.append(ev)
                break
        else:
            groups.append([ev])
    undated = [e for e in evs if not e.get("date")]
    if undated:
        if len(groups) == 1:
            groups[0].extend(undated)  # one happening of this kind: the undated reports are about it
        else:
            groups.append(undated)
    return groups


def rebuild_clusters(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute ``event_clusters`` and ``event_members`` from all stored events."""
    cur = con.execute("SELECT e.doc_id, e.idx, e.type, e.mode, e.actor, e.target, e.object, e.date, "
                      "e.location, e.status, d.source FROM events e JOIN documents d ON d.id = e.doc_id "
                      "WHERE e.type IS NOT NULL AND e.actor IS NOT NULL")
    cols = [d[0] for d in cur.description]
    events = [dict(zip(cols, row)) for row in cur.fetchall()]
    clusters, members = cluster_events(events)
    con.execute("DELETE FROM event_clusters")
    con.execute("DELETE FROM event_members")
    insert(con, "event_clusters", clusters, CLUSTER_COLUMNS)
    insert(con, "event_members", [{"doc_id": d, "idx": i, "cluster_id": c} for d, i, c in members],
           {"doc_id": "VARCHAR", "idx": "INTEGER", "cluster_id": "VARCHAR"})
