"""HTML pages: main text and metadata through trafilatura (page furniture left out)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.loaders.files import decode, read_bytes
from kg.records import Article, iso_date


def load(path: Path) -> Iterator[Article]:
    import trafilatura  # lazy: heavy to import, and only HTML pages need it

    html = decode(read_bytes(path), path)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    except Exception as err:  # trafilatura raises many kinds on broken markup
        raise InputError(f"cannot parse the HTML: {err}", str(path)) from None
    if doc is None:
        raise InputError("no article text found in the HTML (no body or no main content)", str(path))
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = data.get("text") or ""
    if not text.strip():
        raise InputError("no article text found in the HTML", str(path))
    published = iso_date(data.get("date"))  # a page date that is no date is left out
    yield Article(path.stem, data.get("title"), published, data.get("sitename") or data.get("hostname"),
                  data.get("url"), data.get("license"), len(text), str(path), text)
