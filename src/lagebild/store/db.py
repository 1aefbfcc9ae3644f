"""Opening the store, writing documents in crash-safe batches, rebuilding derived tables."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

import duckdb

from lagebild.errors import LagebildError
from lagebild.resources import load_yaml
from lagebild.store import schema
from lagebild.store.bulk import Batch
from lagebild.store.dedup import DUPLICATES_SQL
from lagebild.store.merge import rebuild_clusters
from lagebild.store.rows import document_rows

DEFAULT_DB = "lagebild.duckdb"
BATCH = 500


class StoreError(LagebildError):
    """The store cannot be opened or written."""


class StoreLockedError(StoreError):
    """Another process holds the store open for writing."""


@dataclass
class IngestStats:
    """What an ingest did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def _load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """Load full-text search from the installed wheel (offline); False if unavailable."""
    try:
        from duckdb_extensions import import_extension

        import_extension("fts", con=con)
        return True
    except Exception:  # the store works without search; search says why
        try:
            con.execute("LOAD fts")
            return True
        except duckdb.Error:
            return False


class Store:
    """A DuckDB database holding analysed documents and the picture derived from them."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}: run 'lagebild ingest' first")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                pid = re.search(r"PID (\d+)", msg)
                who = f" (process {pid.group(1)})" if pid else ""
                raise StoreLockedError(f"store {self.path} is being written by another process{who}; "
                                       "only one writer at a time: wait for it to finish") from exc
            raise StoreError(f"cannot open store {self.path}: {msg}") from exc
        self.read_only = read_only
        self.has_fts = _load_fts(self.con)
        if not read_only:
            for stmt in schema.ddl():
                self.con.execute(stmt)

    def for_thread(self) -> "Store":
        """A view of this store with its own cursor, for use in another thread."""
        view = object.__new__(Store)
        view.__dict__.update(self.__dict__)
        view.con = self.con.cursor()
        return view

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def known_hashes(self, ids: list[str]) -> dict[str, str]:
        """Content hashes of the stored documents among ``ids``."""
        if not ids:
            return {}
        with Batch(self.con, [{"id": i} for i in ids], {"id": "VARCHAR"}) as batch:
            rows = self.con.execute("SELECT id, content_hash FROM documents "
                                    f"WHERE id IN (SELECT id FROM {batch})").fetchall()
        return dict(rows)

    def write_batch(self, docs: list[tuple[str, dict[str, Any]]]) -> None:
        """Replace or add documents (hash, contract dict) in one transaction.

        The whole batch commits or nothing does, so a crash leaves every document
        either complete or absent, never half-written.
        """
        if not docs:
            return
        tables: dict[str, list[dict[str, Any]]] = {t: [] for t in schema.DOC_TABLES}
        for digest, doc in docs:
            for table, rows in document_rows(doc, digest).items():
                tables[table].extend(rows)
        batches = [Batch(self.con, rows, schema.DOC_TABLES[t]) for t, rows in tables.items() if rows]
        targets = [t for t, rows in tables.items() if rows]
        with Batch(self.con, [{"id": str(doc["id"])} for _, doc in docs], {"id": "VARCHAR"}) as id_batch:
            ids = f"SELECT id FROM {id_batch}"
            self.con.execute("BEGIN TRANSACTION")
            try:
                # transactions leave no rows of a document without its documents row,
                # so only documents already stored need their old rows deleted
                if self.con.execute(f"SELECT count(*) FROM documents WHERE id IN ({ids})").fetchone()[0]:
                    for table in schema.DOC_TABLES:
                        key = "id" if table == "documents" else "doc_id"
                        self.con.execute(f"DELETE FROM {table} WHERE {key} IN ({ids})")
                for table, batch in zip(targets, batches):
                    with batch as name:
                        self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {name}")
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    def derive(self) -> None:
        """Rebuild actors, event clusters, duplicates and the search index."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(schema.SURNAME_ALIASES)
            self.con.execute(schema.DERIVED)
            self.con.execute(DUPLICATES_SQL)
            rebuild_clusters(self.con)
            self.con.execute("DELETE FROM meta WHERE key = 'schema_version'")
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [schema.SCHEMA_VERSION])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        if self.has_fts:
            self._create_search_index()

    def _create_search_index(self) -> None:
        words = load_yaml("common/stopwords.yaml")["de"]["words"]
        self.con.execute("CREATE OR REPLACE TABLE search_stopwords (sw VARCHAR)")
        self.con.executemany("INSERT INTO search_stopwords VALUES (?)", [[w] for w in words])
        # the default ignore pattern would drop umlauts and ß
        self.con.execute("PRAGMA create_fts_index('sentences', 'sid', 'text', stemmer='german', "
                         "stopwords='search_stopwords', ignore='(\\.|[^a-zäöüß0-9])+', overwrite=1)")

    # ------------------------------------------------------------------ reading

    def counts(self) -> dict[str, int]:
        """Row counts of every table."""
        names = list(schema.DOC_TABLES) + ["actors", "event_clusters", "duplicates"]
        out = {}
        for name in names:
            try:
                out[name] = self.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            except duckdb.CatalogException:
                out[name] = 0
        return out

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a parameterised query as dicts."""
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


def batched(items: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    """Lists of up to ``size`` items."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


