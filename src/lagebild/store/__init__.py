"""The situation picture's store: an embedded DuckDB database of analysed documents."""

from lagebild.store.db import Store, StoreError, StoreLockedError

__all__ = ["Store", "StoreError", "StoreLockedError"]
