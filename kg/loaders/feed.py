"""RSS and Atom feeds (feedparser): each entry is an article, its HTML content reduced to text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

from kg.errors import InputError
from kg.loaders.files import read_bytes
from kg.records import Article, iso_date


def _text(html: str) -> str:
    html = re.sub(r"(?i)<\s*(br|/p|/div|/li|/h\d)\s*/?>", "\n\n", html)
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()


def load(path: Path) -> Iterator[Article]:
    import feedparser  # lazy: only feeds need it

    parsed = feedparser.parse(read_bytes(path))
    if parsed.bozo and not parsed.entries:
        raise InputError(f"not a readable RSS/Atom feed ({parsed.bozo_exception})", str(path))
    if not parsed.entries:
        raise InputError("no entries: an empty file, or not an RSS/Atom feed", str(path))
    publisher = parsed.feed.get("title")
    for i, entry in enumerate(parsed.entries, start=1):
        content = entry.get("content", [{}])[0].get("value") if entry.get("content") else None
        text = _text(content or entry.get("summary", ""))
        published = None
        if entry.get("published_parsed"):
            p = entry.published_parsed
            published = f"{p.tm_year:04d}-{p.tm_mon:02d}-{p.tm_mday:02d}"
        elif entry.get("published"):  # a date feedparser could not read: dateparser may
            published = iso_date(entry.published)  # None when it is no date either
        yield Article(entry.get("id") or entry.get("link") or f"{path.stem}-{i}", entry.get("title"), published,
                      publisher, entry.get("link"), parsed.feed.get("rights"), len(text), f"{path}#entry{i}", text)
