"""Reading records quickly gives what the plain reading gives: the same records, the same errors.

``kg.records`` converts JSON with converters built once per type hint; ``plain_from_json`` below is the reading it
replaced (type hints worked out for every value), kept here as the reference. Both read the bundled golden record,
records mutated at random (wrong types, missing and empty fields, nulls, strings for lists, lone surrogates) and the
records of the bundled articles.
"""

from __future__ import annotations

import copy
import json
import types
import typing
from dataclasses import MISSING, fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import RecordError
from kg.records import ArticleRecord, _clean_strings

GOLDEN = Path(__file__).parent / "data" / "golden" / "small_record.json"


# -- the reference: the reading before converters --------------------------------------------------

def plain_from_json(cls: type, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise RecordError(f"{where} must be a JSON object, not {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    required = getattr(cls, "REQUIRED", ())
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data or data[f.name] is None:
            if f.name in required or (f.default is MISSING and f.default_factory is MISSING):
                raise RecordError(f"{where}: required field {f.name!r} is missing")
            continue
        kwargs[f.name] = plain_coerce(hints[f.name], data[f.name], f"{where}.{f.name}")
    for name in required:
        if kwargs.get(name) in ("", None):
            raise RecordError(f"{where}: required field {name!r} is empty")
    try:
        return cls(**kwargs)
    except RecordError as err:
        raise RecordError(f"{where}: {err.reason}") from None


def plain_coerce(hint: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return plain_coerce(next(a for a in typing.get_args(hint) if a is not type(None)), value, where)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if isinstance(value, str) and item is str:
            value = [value]
        if not isinstance(value, list):
            raise RecordError(f"{where} must be a list")
        return tuple(plain_coerce(item, v, f"{where}[{i}]") for i, v in enumerate(value) if v is not None)
    if is_dataclass(hint):
        return plain_from_json(hint, value, where)
    if hint is str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            raise RecordError(f"{where} must be a string")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise RecordError(f"{where} must be a whole number")
        return value
    if hint is float:
        if isinstance(value, bool):
            raise RecordError(f"{where} must be a number")
        try:
            number = float(str(value).replace(",", "")) if isinstance(value, str) else float(value)
        except (TypeError, ValueError):
            raise RecordError(f"{where} must be a number, not {value!r}") from None
        if number != number or number in (float("inf"), float("-inf")):
            raise RecordError(f"{where} must be a finite number")
        return number
    return value


def plain_from_line(text: str) -> Any:
    """What ``ArticleRecord.from_json`` made of a line before: every string cleaned, then the plain reading."""
    data = _clean_strings(json.loads(text))
    if not isinstance(data, dict):
        raise RecordError("a record must be a JSON object")
    data = dict(data)
    art = data.get("article")
    if not isinstance(art, dict):
        art = {}
    if not art.get("id") and isinstance(data.get("id"), str):
        art = {**art, "id": data["id"]}
    data["article"] = art
    return plain_from_json(ArticleRecord, data, "record")


def outcome(read, text: str) -> Any:
    try:
        return ("record", read(text))
    except RecordError as err:
        return ("error", err.reason)


def assert_same(text: str) -> None:
    assert outcome(lambda t: ArticleRecord.from_json(t), text) == outcome(plain_from_line, text)


# -- records to read ---------------------------------------------------------------------------------

def golden() -> dict:
    return json.loads(GOLDEN.read_text("utf-8"))


ODD_VALUES = [None, "", "x", "12", "1,5", "nan", "\ud800", 0, 7, -3, 1.5, True, False, [], ["a"], [None], [1],
              {}, {"start": 1, "end": 2}, float("inf")]


def paths(obj: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON value (dict keys and list indexes), outermost first."""
    out = [prefix]
    if isinstance(obj, dict):
        for key, value in obj.items():
            out += paths(value, (*prefix, key))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            out += paths(value, (*prefix, i))
    return out


def mutate(data: dict, where: tuple, value: Any, drop: bool) -> dict:
    data = copy.deepcopy(data)
    holder = data
    for step in where[:-1]:
        holder = holder[step]
    if drop and isinstance(holder, dict):
        holder.pop(where[-1], None)
    else:
        holder[where[-1]] = value
    return data


PLACES = [p for p in paths(golden()) if p]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PLACES), st.sampled_from(ODD_VALUES), st.booleans()), min_size=1, max_size=3))
def test_mutated_records_read_the_same(changes):
    data = golden()
    for where, value, drop in changes:
        try:
            data = mutate(data, where, value, drop)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the place
    assert_same(json.dumps(data))


@pytest.mark.parametrize("place", PLACES, ids=lambda p: ".".join(map(str, p)))
def test_every_field_of_the_golden_record_missing_or_odd(place):
    for value in ODD_VALUES:
        assert_same(json.dumps(mutate(golden(), place, value, drop=False)))
    assert_same(json.dumps(mutate(golden(), place, None, drop=True)))


@pytest.mark.parametrize("line", [
    '{"article": {"id": "a", "title": "caf\\u00e9 \\ud83d\\ude00"}}',  # a surrogate pair: one character
    '{"article": {"id": "a", "title": "half \\ud83d of a pair"}}',  # a lone one becomes U+FFFD
    '{"article": {"id": "a", "title": "lone \\uDC00"}, "actors": [{"name": "\\udfff", "type": "Person"}]}',
    '{"article": {"id": "a", "title": "not an escape: \\\\ud800"}}',
    '{"id": "a", "article": {"\\ud800": 1}}',
])
def test_surrogate_escapes_read_the_same(line):
    assert_same(line)


def test_bundled_records_read_the_same():
    from kg.extract import extract
    from kg.loaders import load_path

    root = Path(__file__).resolve().parent.parent
    articles = [a for a in load_path([root / "data" / "sample"]) if hasattr(a, "text")]
    assert articles
    for article in articles:
        line = extract(article).to_json(with_text=True)
        assert_same(line)
        assert ArticleRecord.from_json(line) == plain_from_line(line)
