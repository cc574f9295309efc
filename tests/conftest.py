"""Shared fixtures: the small golden record, temporary stores, and the shared evaluation folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import DATA, SHARED, free_port, wait_for_http

from kg.records import ArticleRecord


@pytest.fixture
def small_record() -> ArticleRecord:
    return ArticleRecord.from_dict(json.loads((DATA / "golden" / "small_record.json").read_text("utf-8")))


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def gold_file() -> Path:
    path = SHARED / "eval" / "dev" / "gold.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    return path


@pytest.fixture
def oxigraph_server(tmp_path: Path):
    """A writable Oxigraph SPARQL server on a free port of 127.0.0.1, over its own folder; yields its URL."""
    import subprocess

    from kg.api import oxigraph_binary

    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "server-store"),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/", proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
