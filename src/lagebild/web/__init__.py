"""The web view: a read-only local server over the store."""
