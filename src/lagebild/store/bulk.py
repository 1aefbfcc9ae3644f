"""Bulk loading: rows go into DuckDB as Arrow tables.

Binding parameters row by row (``executemany``) costs about a millisecond per row;
DuckDB scans an Arrow table in place, so a batch of rows is converted to columns
once (in C) and inserted with one statement.
"""

from __future__ import annotations

import itertools
from typing import Any

import duckdb
import pyarrow as pa

# DuckDB column type -> Arrow type of the batch column that fills it
_ARROW_TYPES = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "UBIGINT": pa.uint64(),
                "BOOLEAN": pa.bool_(), "TIMESTAMP": pa.timestamp("us"), "DOUBLE": pa.float64()}
_names = itertools.count()


def arrow_table(rows: list[dict[str, Any]], columns: dict[str, str]) -> pa.Table:
    """``rows`` (dicts with exactly ``columns``) as an Arrow table with the columns' types."""
    schema = pa.schema([(c, _ARROW_TYPES[t]) for c, t in columns.items()])
    return pa.Table.from_pydict({c: [r[c] for r in rows] for c in columns}, schema=schema)


class Batch:
    """An Arrow table visible to SQL under a unique name while the ``with`` block runs."""

    def __init__(self, con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]], columns: dict[str, str]) -> None:
        self.con = con
        self.name = f"lagebild_batch_{next(_names)}"
        self.table = arrow_table(rows, columns)

    def __enter__(self) -> str:
        self.con.register(self.name, self.table)
        return self.name

    def __exit__(self, *exc: object) -> None:
        self.con.unregister(self.name)


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]], columns: dict[str, str]) -> None:
    """Append ``rows`` (dicts with exactly ``columns``) to ``table``."""
    if rows:
        with Batch(con, rows, columns) as name:
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {name}")
