"""Shared fixtures: the small golden record, temporary stores, and the shared evaluation folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.records import ArticleRecord

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
REPO = HERE.parent
SHARED = REPO.parent / "shared"


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


def write_jsonl(path: Path, items: list) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in items), "utf-8")
    return path


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, proc, timeout: float = 30.0) -> None:
    """Wait until ``url`` answers (any HTTP status), or fail with what the server process printed."""
    import time
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None:
                raise AssertionError(f"the server stopped: {proc.stderr.read().decode(errors='replace')}") from None
            if time.monotonic() > deadline:
                raise AssertionError(f"no server at {url} after {timeout} s") from None
            time.sleep(0.1)


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
