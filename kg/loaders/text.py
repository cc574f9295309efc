"""Plain text and Markdown: the file is one article; its stem is the id, its first line the title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.loaders.files import decode, read_bytes
from kg.records import Article, iso_date


def load(path: Path) -> Iterator[Article]:
    text = decode(read_bytes(path), path)
    meta: dict[str, str] = {}
    front = re.match(r"^---\n(.*?)\n---\n", text, re.S)  # Markdown front matter: title, url, license ...
    if front:
        for line in front.group(1).splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                meta[k.strip().lower()] = v.strip().strip('"')
        text = text[front.end():]
    if path.suffix.lower() in (".md", ".markdown"):
        text = re.sub(r"^#{1,6}\s*", "", text, flags=re.M)
        text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
        text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    published = meta.get("published") or meta.get("date")
    if published and not iso_date(published):
        yield InputError(f"'published' is no date: {published[:40]!r} (write it as 2023-03-02, or leave it out)", str(path))
        return
    yield Article(meta.get("id", path.stem), meta.get("title", first[:200] or None), iso_date(published),
                  meta.get("publisher"), meta.get("url"), meta.get("license"), len(text), str(path), text)
