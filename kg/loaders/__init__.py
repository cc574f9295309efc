"""Loaders: source files -> Article (id, title, text, published, publisher, url, licence, source file:line).

One module per format (``kg.loaders.files`` reads the bytes for all of them); ``load_path`` picks by file ending
and walks folders. A file that cannot be read yields an ``InputError`` naming it (and the line) in place of its
articles, so one bad file never stops a batch."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.loaders import feed, html, jsonl, text
from kg.records import Article

DOC_NAMES = re.compile(r"^(README|SOURCES|LICENSE|LICENCE|CHANGELOG|NOTICE)(\.|$)", re.IGNORECASE)  # a folder's own docs
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "text", ".md": "text", ".markdown": "text",
            ".html": "html", ".htm": "html", ".xml": "feed", ".rss": "feed", ".atom": "feed"}
READERS = {"jsonl": jsonl.load, "text": text.load, "html": html.load, "feed": feed.load}


def load_file(path: Path) -> Iterator[Article | InputError]:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield InputError(f"unknown kind of file {path.suffix!r} (expected {', '.join(sorted(SUFFIXES))})", str(path))
        return
    try:
        yield from READERS[kind](path)
    except InputError as err:
        yield err


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | InputError]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        else:
            yield InputError("no such file or folder", str(path))


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """The article files under ``folder``, sorted; a subfolder that cannot be read yields its error (never skipped
    in silence)."""
    errors: list[OSError] = []
    found = []
    for root, _dirs, files in os.walk(folder, onerror=errors.append):
        for name in files:
            child = Path(root) / name
            if (child.suffix.lower() in SUFFIXES and not name.startswith(".") and not DOC_NAMES.match(name)
                    and child.is_file()):
                found.append(child)
    for err in errors:
        yield InputError(f"cannot read the folder: {err.strerror or err}", str(err.filename or folder))
    yield from sorted(found)


def load_path(paths: Iterable[str | os.PathLike]) -> Iterator[Article | InputError]:
    """Every article of the given files and folders (folders walked recursively, sorted)."""
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from load_file(item)
