"""Article records: the frozen dataclasses of the extraction contract and their JSON form.

The contract is ../shared/eval/README.md. A record carries, beside the contract's fields, the
provenance of every item: evidence spans (character offsets and sentence index), the rule or model
that produced it and a confidence. ``from_dict`` ignores unknown fields (gold files carry a few) and
raises ``RecordError`` naming the missing or malformed field; ``to_dict``/``from_dict`` round-trip
without loss.
"""

from __future__ import annotations

import functools
import json
import math
import re
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import MISSING, dataclass, fields, is_dataclass
from datetime import date as calendar_date
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from kg.errors import RecordError

T = TypeVar("T")

STATEMENT_KINDS = ("direct", "indirect")
STANCES = ("asserts", "denies")


@dataclass(frozen=True)
class Span:
    """Characters ``start``..``end`` (end exclusive) of the article text, in sentence ``sentence``."""

    start: int
    end: int
    sentence: int | None = None
    text: str | None = None  # the exact characters, kept for the evidence's quote selector
    prefix: str | None = None  # up to 40 characters before, within the sentence (Web Annotation's oa:prefix)
    suffix: str | None = None  # up to 40 characters after, within the sentence

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise RecordError(f"span {self.start}..{self.end} is not a valid range")


@dataclass(frozen=True)
class Provenance:
    """Fields every extracted item shares: where it was read and how sure the reader is."""

    spans: tuple[Span, ...] = ()
    rule: str | None = None
    confidence: float | None = None

    def __post_init__(self) -> None:
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise RecordError(f"confidence {self.confidence} is outside [0, 1]")


@dataclass(frozen=True)
class Article:
    """The article an item was read from (its text stays out of the record unless asked)."""

    id: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    license: str | None = None
    length: int | None = None  # characters of the text, bounds every span
    source: str | None = None  # file (and line) it was loaded from
    text: str | None = None
    content_hash: str | None = None  # SHA-256 of the text, set by the extractor


def content_hash(text: str) -> str:
    """SHA-256 of an article's text (what an ingest compares to skip unchanged articles)."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Actor(Provenance):
    """A named actor, merged within the article: canonical name plus every other surface form."""

    REQUIRED: ClassVar[tuple[str, ...]] = ("name", "type")
    name: str = ""
    type: str = ""
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    affiliation: str | None = None
    stands_for: str | None = None  # a government: the country it stands for
    country: str | None = None  # ISO 3166-1 alpha-2 for countries and governments, when known


@dataclass(frozen=True)
class Statement(Provenance):
    """A quotation or a piece of reported speech with its speaker."""

    REQUIRED: ClassVar[tuple[str, ...]] = ("text",)
    speaker: str | None = None
    text: str = ""
    kind: str = "indirect"
    about: tuple[str, ...] = ()
    cue: str | None = None
    addressee: str | None = None
    reports_on: int | None = None  # index of the statement this one reports (nested attribution)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.kind not in STATEMENT_KINDS:
            raise RecordError(f"statement kind {self.kind!r} is not one of {', '.join(STATEMENT_KINDS)}")


@dataclass(frozen=True)
class Claim(Provenance):
    """An (abuse, country) the article asserts or reports, with who claims it and its stance."""

    REQUIRED: ClassVar[tuple[str, ...]] = ("abuse", "country")
    abuse: str = ""
    country: str = ""
    perpetrator: str | None = None
    victims: tuple[str, ...] = ()
    claimant: str | None = None
    stance: str = "asserts"
    statement: int | None = None  # index of the statement that makes the claim
    asserted_by: str | None = None  # for a denial: who made the claim that is denied

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.stance not in STANCES:
            raise RecordError(f"claim stance {self.stance!r} is not one of {', '.join(STANCES)}")


@dataclass(frozen=True)
class Law(Provenance):
    """A law, bill or decree named or clearly described."""

    REQUIRED: ClassVar[tuple[str, ...]] = ("name",)
    name: str = ""
    jurisdiction: str | None = None
    status: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure(Provenance):
    """A number about abuses or victims."""

    REQUIRED: ClassVar[tuple[str, ...]] = ("value",)
    value: float = 0
    what: str | None = None
    country: str | None = None
    claimant: str | None = None
    date: str | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if not math.isfinite(self.value):
            raise RecordError(f"figure value {self.value} is not a finite number")


@dataclass(frozen=True)
class ArticleRecord:
    """Everything read from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    statements: tuple[Statement, ...] = ()
    claims: tuple[Claim, ...] = ()
    laws: tuple[Law, ...] = ()
    figures: tuple[Figure, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def source(self) -> str | None:
        return self.article.source

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        """The contract's JSON object (empty and unset fields left out)."""
        out = _to_json(self)
        if not with_text:
            out["article"].pop("text", None)
        return out

    def to_json(self, with_text: bool = False) -> str:
        return json.dumps(self.to_dict(with_text), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Any, source: str | None = None, line: int | None = None) -> ArticleRecord:
        """Build a record from parsed JSON; ``RecordError`` names the field, file and line at fault."""
        if not isinstance(data, dict):
            raise RecordError("a record must be a JSON object", source, line)
        data = dict(data)
        art = data.get("article")
        if not isinstance(art, dict):
            art = {}
        if not art.get("id") and isinstance(data.get("id"), str):
            art = {**art, "id": data["id"]}  # gold files repeat the id at the top level
        data["article"] = art
        try:
            return _from_json(cls, data, "record")
        except RecordError as err:
            raise RecordError(err.reason, source, line) from None

    @classmethod
    def from_json(cls, text: str, source: str | None = None, line: int | None = None) -> ArticleRecord:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise RecordError(f"not valid JSON ({err.msg} at column {err.colno})", source, line) from None
        except RecursionError:
            raise RecordError("JSON nested too deeply to read", source, line) from None
        except ValueError as err:  # e.g. an integer of more digits than Python converts
            raise RecordError(f"not readable JSON ({err})", source, line) from None
        # lone surrogates come from \uD800-\uDFFF escapes (or from Python code): text without either needs no cleaning
        lone = SURROGATE_ESCAPE.search(text) or LONE_SURROGATE.search(text)
        return cls.from_dict(_clean_strings(data) if lone else data, source, line)


LONE_SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # how JSON writes one (a lone one, or half of a pair)


def clean_text(value: str) -> str:
    """A JSON string with a lone UTF-16 surrogate escape ("\\ud800") is not Unicode text: each such character
    becomes U+FFFD, one character for one, so offsets into the text stay right."""
    return LONE_SURROGATE.sub("\ufffd", value)


def _clean_strings(obj: Any) -> Any:
    if isinstance(obj, str):
        return clean_text(obj)
    if isinstance(obj, list):
        return [_clean_strings(x) for x in obj]
    if isinstance(obj, dict):
        return {clean_text(k): _clean_strings(v) for k, v in obj.items()}
    return obj


def read_records(path: str | Path) -> Iterator[ArticleRecord]:
    """Yield the records of a JSON Lines file; the first bad line raises ``RecordError`` with file and line."""
    for _, item in read_record_lines(path):
        if isinstance(item, RecordError):
            raise item
        yield item


def read_record_lines(path: str | Path) -> Iterator[tuple[int, ArticleRecord | RecordError]]:
    """Yield (line number, record or the error of that line) for every non-blank line, going on past bad ones."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        raise RecordError(f"cannot read: {err.strerror}", str(path)) from None
    with handle:
        for lineno, raw in enumerate(handle, start=1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield lineno, RecordError("not UTF-8 text", str(path), lineno)
                continue
            if text.strip():
                try:
                    yield lineno, ArticleRecord.from_json(text, str(path), lineno)
                except RecordError as err:
                    yield lineno, err


# -- generic conversion ---------------------------------------------------------------------------

def _to_json(obj: Any) -> Any:
    if is_dataclass(obj):
        out = {}
        for f in fields(obj):
            value = getattr(obj, f.name)
            if value is None or value == () or (f.name == "stance" and value == "asserts"):
                continue
            out[f.name] = _to_json(value)
        return out
    if isinstance(obj, tuple):
        return [_to_json(v) for v in obj]
    if isinstance(obj, float) and obj.is_integer():
        return int(obj)
    return obj


class _Misfit(Exception):
    """A value that breaks the contract, found while converting: ``path`` (".statements[2].spans[0]") grows as it
    passes up through the fields and lists that hold it; ``tail`` says what is wrong (" must be a string")."""

    def __init__(self, tail: str):
        super().__init__(tail)
        self.path, self.tail = "", tail


def _from_json(cls: type[T], data: Any, where: str) -> T:
    """``data`` (parsed JSON) as a ``cls``; ``RecordError`` names the field at fault below ``where``."""
    try:
        return _converter(cls)(data)
    except _Misfit as misfit:
        raise RecordError(f"{where}{misfit.path}{misfit.tail}") from None


@cache
def _converter(hint: Any) -> Callable[[Any], Any]:
    """A function checking a JSON value against a type hint of the records and converting it, built once per hint:
    reading a record then spends no time on the hints (working them out for every value took most of its time)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _converter(next(a for a in typing.get_args(hint) if a is not type(None)))
    if origin is tuple:
        return _tuple_converter(typing.get_args(hint)[0])
    if is_dataclass(hint):
        return _dataclass_converter(hint)
    return {str: _to_str, int: _to_int, float: _to_float}.get(hint, _as_is)


def _tuple_converter(item_hint: Any) -> Callable[[Any], tuple]:
    item = _converter(item_hint)
    strings = item_hint is str

    def convert(value: Any) -> tuple:
        if strings and isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise _Misfit(" must be a list")
        out = []
        for i, v in enumerate(value):
            if v is not None:
                try:
                    out.append(item(v))
                except _Misfit as misfit:
                    misfit.path = f"[{i}]{misfit.path}"
                    raise
        return tuple(out)

    return convert


def _dataclass_converter(cls: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(cls)
    required = tuple(getattr(cls, "REQUIRED", ()))
    plan = [(f.name, _converter(hints[f.name]),
             f.name in required or (f.default is MISSING and f.default_factory is MISSING)) for f in fields(cls)]

    def convert(data: Any) -> Any:
        if not isinstance(data, dict):
            raise _Misfit(f" must be a JSON object, not {type(data).__name__}")
        kwargs: dict[str, Any] = {}
        for name, field_converter, needed in plan:
            value = data.get(name)
            if value is None:
                if needed:
                    raise _Misfit(f": required field {name!r} is missing")
                continue
            try:
                kwargs[name] = field_converter(value)
            except _Misfit as misfit:
                misfit.path = f".{name}{misfit.path}"
                raise
        for name in required:
            if kwargs.get(name) in ("", None):
                raise _Misfit(f": required field {name!r} is empty")
        try:
            return cls(**kwargs)
        except RecordError as err:
            raise _Misfit(f": {err.reason}") from None

    return convert


def _to_str(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise _Misfit(" must be a string")


def _to_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Misfit(" must be a whole number")
    return value


def _to_float(value: Any) -> float:
    if isinstance(value, bool):
        raise _Misfit(" must be a number")
    try:
        number = float(str(value).replace(",", "")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise _Misfit(f" must be a number, not {value!r}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise _Misfit(" must be a finite number")
    return number


def _as_is(value: Any) -> Any:
    return value


__all__ = [
    "Actor",
    "Article",
    "ArticleRecord",
    "Claim",
    "Figure",
    "Law",
    "Provenance",
    "Span",
    "Statement",
    "read_records",
]


ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _real_date(iso: str) -> bool:
    """"2024-02-29" and "2024-02" are dates; "2024-02-30" and "2024-13" only look like them."""
    try:
        calendar_date.fromisoformat(iso if len(iso) == 10 else f"{iso[:7]}-01" if len(iso) == 7 else f"{iso}-01-01")
    except ValueError:
        return False
    return True


def iso_date(text: str | None) -> str | None:
    """A date as the page wrote it ("2 March 2023", "Thu, 02 Mar 2023 10:00:00 GMT", "March 2023") in ISO 8601,
    as precise as it was given ("2023-03-02", "2023-03"); None when it is no date (dateparser reads it).

    >>> iso_date("2 March 2023"), iso_date("Thu, 02 Mar 2023 10:15:00 GMT"), iso_date("March 2023")
    ('2023-03-02', '2023-03-02', '2023-03')
    >>> iso_date("2023-03-02"), iso_date("soon"), iso_date(None), iso_date("2024-02-30")
    ('2023-03-02', None, None, None)
    """
    if not text or not text.strip():
        return None
    text = text.strip()
    if ISO_DATE.match(text):
        return text if _real_date(text) else None
    if len(text) > 80:
        return None
    found = _date_parser().get_date_data(text)
    if found.date_obj is None:
        return None
    if found.period == "year":
        return f"{found.date_obj.year:04d}"
    if found.period == "month":
        return f"{found.date_obj.year:04d}-{found.date_obj.month:02d}"
    return found.date_obj.date().isoformat()


@functools.cache
def _date_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                                    "PARSERS": ["timestamp", "custom-formats", "absolute-time"]})
