"""What the tests share besides fixtures: where things are, and small helpers (``from helpers import ...``;
pytest's fixtures stay in conftest.py, which nothing imports)."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
REPO = HERE.parent
SHARED = REPO.parent / "shared"


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
