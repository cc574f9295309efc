"""JSON Lines articles: one object a line with id, title, text, published, publisher, url, license."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.loaders.files import decode, read_bytes
from kg.records import Article, clean_text, iso_date


def load(path: Path) -> Iterator[Article | InputError]:
    text = decode(read_bytes(path), path)
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(f"not valid JSON ({err.msg} at column {err.colno})", str(path), lineno)
            continue
        except RecursionError:
            yield InputError("JSON nested too deeply to read", str(path), lineno)
            continue
        except ValueError as err:  # e.g. an integer of more digits than Python converts
            yield InputError(f"not readable JSON ({err})", str(path), lineno)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield InputError("an article line needs a JSON object with a string 'text'", str(path), lineno)
            continue
        art = obj.get("article") if isinstance(obj.get("article"), dict) else {}
        aid = obj.get("id") or art.get("id") or f"{path.stem}-{lineno}"
        wrong = next((k for k in ("id", *FIELDS) if not _scalar(obj.get(k, art.get(k)))), None)
        if wrong:
            kind = type(obj.get(wrong, art.get(wrong))).__name__
            yield InputError(f"'{wrong}' must be a string, not a {kind}", str(path), lineno)
            continue

        def field(name: str, obj=obj, art=art):
            value = obj.get(name, art.get(name))
            return clean_text(str(value)) if value not in (None, "") else None

        text = clean_text(obj["text"])
        published = field("published")
        if published and not iso_date(published):
            yield InputError(f"'published' is no date: {published[:40]!r} (write it as 2023-03-02, or leave it out)",
                             str(path), lineno)
            continue
        yield Article(clean_text(str(aid)), field("title"), iso_date(published), field("publisher"), field("url"),
                      field("license"), len(text), f"{path}:{lineno}", text)



FIELDS = ("id", "title", "text", "published", "publisher", "url", "license")


def _scalar(value) -> bool:
    """A field kg keeps as text: a string, a number, or absent (a list or an object would be stored as its repr)."""
    return value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool))


def write(path: Path, articles) -> int:
    """Write articles as JSON Lines that ``load`` reads back (e.g. to gather a folder of HTML into one file);
    returns how many were written."""
    count = 0
    with Path(path).open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({k: getattr(a, k) for k in FIELDS if getattr(a, k) is not None}, ensure_ascii=False) + "\n")
            count += 1
    return count
