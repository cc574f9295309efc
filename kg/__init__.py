"""kg: news articles and official statements into a knowledge graph of actors, statements and abuse claims.

The public API (the command line and the notebooks call the same functions)::

    import kg
    with kg.open_store("kg-store") as store:
        kg.ingest(store, ["data/"])
        kg.query(store, name="who-said-what").to_pandas()

A store's folder (or a server's URL) may stand wherever a store does: ``kg.query("kg-store", name="actors")``.
Submodules (``kg.extract``, ``kg.store`` ...) are always modules; the functions are named apart from them
(``kg.extract_article``, ``kg.open_store``).
"""

from __future__ import annotations

__version__ = "0.1.0"

_API = {
    "open_store": "kg.api", "query": "kg.api", "shipped_queries": "kg.api", "shipped_query_params": "kg.api",
    "validate_store": "kg.api", "serve": "kg.api", "ingest": "kg.api", "explain": "kg.api", "build_graph": "kg.api",
    "view": "kg.api", "export_graph": "kg.api", "suggest_merges": "kg.api", "extract_paths": "kg.api",
    "Store": "kg.store", "QueryResult": "kg.store", "LoadReport": "kg.store",
    "Article": "kg.records", "ArticleRecord": "kg.records", "read_records": "kg.records",
    "record_to_graph": "kg.triples", "KgError": "kg.errors",
}
_RENAMED = {"extract_article": ("kg.extract", "extract")}  # a function whose own name is a submodule's
_SUBMODULES = ("analysis", "api", "backend", "cli", "curate", "embedded", "errors", "extract", "gazetteer", "identity",
               "loaders", "queries", "records", "remote", "resolved", "resources", "sparql", "store", "terms", "triples",
               "validate", "viz", "vocab")


def __getattr__(name: str):
    """Import the public functions (and submodules) on first use, so `import kg` stays light."""
    import importlib

    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    if name in _RENAMED:
        module, attr = _RENAMED[name]
        return getattr(importlib.import_module(module), attr)
    if name in _SUBMODULES:
        return importlib.import_module(f"kg.{name}")
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names, for completion in a shell or a notebook."""
    return sorted({*globals(), *_API, *_RENAMED, *_SUBMODULES})


__all__ = ["__version__", *_API, *_RENAMED]
