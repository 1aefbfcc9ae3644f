"""The web view's JSON endpoints: thin wrappers over the store's queries."""

from __future__ import annotations

from typing import Any, Callable

from lagebild.store.compare import compare
from lagebild.store.db import Store, StoreError
from lagebild.store.queries import Filters, actor, quotes, search, timeline
from lagebild.web.params import FILTERS, PAGE, BadRequest, Spec, bounded_int, event_type, ident, status, text

Handler = Callable[[Store, dict[str, Any]], Any]


def _filters(p: dict[str, Any]) -> Filters:
    return Filters(p.get("since"), p.get("until"), p.get("source"))


def summary(store: Store, p: dict[str, Any]) -> Any:
    """Counts, sources, date range and event types, for the header and the filter menus."""
    docs = store.query("SELECT count(*) AS documents, min(published) AS first, max(published) AS last "
                       "FROM documents")[0]
    docs["sources"] = [r["source"] for r in store.query(
        "SELECT DISTINCT coalesce(source, id) AS source FROM documents ORDER BY 1 LIMIT 200")]
    docs["types"] = [r["type"] for r in store.query("SELECT DISTINCT type FROM event_clusters ORDER BY 1")]
    docs["actors"] = store.query("SELECT id, name, type FROM actors ORDER BY n_mentions DESC, name LIMIT 300")
    docs["counts"] = store.counts()
    return docs


def get_timeline(store: Store, p: dict[str, Any]) -> Any:
    return timeline(store, _filters(p), limit=p.get("limit", 500), offset=p.get("offset", 0),
                    actor=p.get("actor"), type_=p.get("type"), status=p.get("status"))


def graph(store: Store, p: dict[str, Any]) -> Any:
    """The actor graph: the most mentioned actors and the events between them."""
    nodes = store.query("SELECT id, name, type, n_mentions FROM actors ORDER BY n_mentions DESC, id LIMIT ?",
                        [p.get("limit", 80)])
    ids = [n["id"] for n in nodes]
    edges = store.query("""
        SELECT actor AS source, target, type, list(DISTINCT mode) AS modes, count(*) AS n,
               min(date) AS first, max(date) AS last, 'event' AS kind
        FROM event_clusters WHERE list_contains(?, actor) AND list_contains(?, target) AND actor <> target
        GROUP BY actor, target, type
        UNION ALL
        -- relations make alliances, treaties and offices visible: member of, party to, holds office in
        SELECT subject, object, upper(type), list(DISTINCT role), count(*), min(date), max(date), 'relation'
        FROM relations WHERE list_contains(?, subject) AND list_contains(?, object) AND subject <> object
        GROUP BY subject, object, type
        ORDER BY n DESC LIMIT 1000""", [ids, ids, ids, ids])
    return {"nodes": nodes, "edges": edges}


def actors(store: Store, p: dict[str, Any]) -> Any:
    like = f"%{p['q'].lower()}%" if p.get("q") else "%"
    return store.query("SELECT id, name, type, n_mentions, n_documents FROM actors "
                       "WHERE lower(name) LIKE ? OR lower(id) LIKE ? "
                       "ORDER BY n_mentions DESC, id LIMIT ? OFFSET ?",
                       [like, like, p.get("limit", 100), p.get("offset", 0)])


def get_actor(store: Store, p: dict[str, Any]) -> Any:
    return actor(store, p["id"], _filters(p))


def get_quotes(store: Store, p: dict[str, Any]) -> Any:
    return quotes(store, p.get("speaker"), _filters(p), limit=p.get("limit", 100), offset=p.get("offset", 0))


def get_compare(store: Store, p: dict[str, Any]) -> Any:
    return compare(store, _filters(p))


def get_search(store: Store, p: dict[str, Any]) -> Any:
    return search(store, p["q"], _filters(p), limit=p.get("limit", 50), offset=p.get("offset", 0))


def evidence(store: Store, p: dict[str, Any]) -> Any:
    """A passage of a document with its metadata: the sentence a statement rests on, in context."""
    rows = store.query("SELECT id, title, source, url, published, text FROM documents WHERE id = ?", [p["doc"]])
    if not rows:
        raise BadRequest(f"no document {p['doc']!r}")
    doc = rows[0]
    text_ = doc.pop("text")
    start, end = p.get("start", 0), min(p.get("end", len(text_)), len(text_))
    if start > end:
        raise BadRequest("start must not be after end")
    doc.update(before=text_[max(0, start - 300):start], passage=text_[start:end], after=text_[end:end + 300],
               start=start, end=end)
    return doc


ROUTES: dict[str, tuple[Spec, Handler]] = {
    "/api/summary": (Spec({}), summary),
    "/api/timeline": (Spec({**PAGE, **FILTERS, "actor": ident, "type": event_type, "status": status}), get_timeline),
    "/api/graph": (Spec({"limit": bounded_int(1, 300)}), graph),
    "/api/actors": (Spec({**PAGE, "q": text}), actors),
    "/api/actor": (Spec({**FILTERS, "id": text}, required=("id",)), get_actor),
    "/api/quotes": (Spec({**PAGE, **FILTERS, "speaker": text}), get_quotes),
    "/api/compare": (Spec(FILTERS), get_compare),
    "/api/search": (Spec({**PAGE, **FILTERS, "q": text}, required=("q",)), get_search),
    "/api/evidence": (Spec({"doc": text, "start": bounded_int(0, 10**9), "end": bounded_int(0, 10**9)},
                           required=("doc",)), evidence),
}


def handle(store: Store, path: str, query: str) -> tuple[int, Any]:
    """Status and JSON body for an API request."""
    route = ROUTES.get(path)
    if route is None:
        return 404, {"error": f"no such endpoint {path}", "endpoints": sorted(ROUTES)}
    spec, fn = route
    try:
        return 200, fn(store, spec.parse(query))
    except BadRequest as exc:
        return 400, {"error": str(exc)}
    except StoreError as exc:
        return 404, {"error": str(exc)}
