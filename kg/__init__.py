"""kg: news articles and official statements into a knowledge graph of actors, statements and abuse claims.

The public API (the command line and the notebooks call the same functions)::

    import kg
    with kg.open_store("kg-store") as store:
        store.load_file("records.jsonl")
        kg.query(store, name="who-said-what").records()
"""

from __future__ import annotations

__version__ = "0.1.0"

_API = {
    "open_store": "kg.api", "query": "kg.api", "shipped_queries": "kg.api", "validate_store": "kg.api",
    "serve": "kg.api", "ingest": "kg.api", "explain": "kg.api", "build_graph": "kg.api", "view": "kg.api",
    "suggest_merges": "kg.api", "extract": "kg.extract", "extract_paths": "kg.extract", "Store": "kg.store",
    "ArticleRecord": "kg.records", "read_records": "kg.records", "record_to_graph": "kg.triples",
    "KgError": "kg.errors",
}


def __getattr__(name: str):
    """Import the public functions on first use, so `import kg` stays light."""
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


__all__ = ["__version__", *_API]
