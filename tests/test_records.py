"""The record contract: lossless JSON round trip, unknown fields ignored, clear errors for bad input."""

from __future__ import annotations

import json
import re

import pytest
from helpers import write_jsonl
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import RecordError
from kg.records import Actor, Article, ArticleRecord, Claim, Figure, Span, Statement, read_records


def test_round_trip_of_the_small_record(small_record):
    again = ArticleRecord.from_dict(json.loads(small_record.to_json()))
    assert again == small_record
    assert small_record.statements[0].spans[0] == Span(10, 52, 0, "Detainees were tortured by security forces")


def test_round_trip_of_the_gold_records(gold_file):
    records = list(read_records(gold_file))
    assert len(records) >= 11
    for record in records:
        assert ArticleRecord.from_dict(record.to_dict()) == record


def test_unknown_fields_are_ignored():
    record = ArticleRecord.from_dict({
        "id": "x", "article": {"title": "T", "shiny": 1},
        "actors": [{"name": "A", "type": "Person", "optional": True, "note": "gold only"}],
        "statements": [{"speaker": "A", "text": "hi", "kind": "direct", "speaker_any": ["B"]}],
    })
    assert record.id == "x"
    assert record.actors[0] == Actor(name="A", type="Person")


@pytest.mark.parametrize(("data", "message"), [
    ({"article": {}}, "'id' is missing"),
    ({"article": {"id": "a"}, "actors": [{"type": "Person"}]}, "actors[0]: required field 'name'"),
    ({"article": {"id": "a"}, "statements": [{"speaker": "A"}]}, "statements[0]: required field 'text'"),
    ({"article": {"id": "a"}, "claims": [{"abuse": "torture"}]}, "claims[0]: required field 'country'"),
    ({"article": {"id": "a"}, "statements": [{"text": "x", "kind": "shouted"}]}, "kind 'shouted'"),
    ({"article": {"id": "a"}, "figures": [{"value": "many"}]}, "figures[0].value must be a number"),
    ({"article": {"id": "a"}, "claims": [{"abuse": "t", "country": "c", "confidence": 3}]}, "outside [0, 1]"),
    ({"article": {"id": "a"}, "actors": "nobody"}, "actors must be a list"),
    ([1, 2], "must be a JSON object"),
])
def test_missing_or_malformed_fields_are_named(data, message):
    with pytest.raises(RecordError, match=re.escape(message)):
        ArticleRecord.from_dict(data, "in.jsonl", 3)


def test_a_bad_line_names_file_and_line(tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl", [{"article": {"id": "a"}}, "{not json"])
    lines = read_records(path)
    assert next(lines).id == "a"
    with pytest.raises(RecordError) as err:
        next(lines)
    assert f"{path}:2:" in str(err.value) and "not valid JSON" in str(err.value)


names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20)


@given(
    article_id=names, title=st.none() | names, speaker=names, text=names,
    kind=st.sampled_from(["direct", "indirect"]), value=st.integers(0, 10**9) | st.floats(0, 1e6, allow_nan=False),
    confidence=st.none() | st.floats(0, 1), start=st.integers(0, 1000), length=st.integers(0, 100),
)
def test_round_trip_property(article_id, title, speaker, text, kind, value, confidence, start, length):
    record = ArticleRecord(
        Article(article_id, title=title),
        actors=(Actor(name=speaker, type="Person", aliases=(speaker + " x",)),),
        statements=(Statement(speaker=speaker, text=text, kind=kind, spans=(Span(start, start + length, 1),),
                              confidence=confidence),),
        claims=(Claim(abuse="torture", country="Azerbaijan", stance="denies"),),
        figures=(Figure(value=float(value)),),
    )
    assert ArticleRecord.from_json(record.to_json()) == record
