"""Speech rules for kinds of attribution added in issue 12's later rounds; every sentence written for these tests."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def said(text: str) -> list[tuple[str | None, str]]:
    record = extract(Article("t", "T", "2024-05-10", None, text=text))
    return [(s.speaker, s.text) for s in record.statements]


def test_a_body_s_short_form_in_brackets_stands_between_it_and_its_verb():
    assert said("The Veloria Press Union (VPU) said on Monday that 212 reporters were arrested last year.") == [
        ("Veloria Press Union", "212 reporters were arrested last year")]
    assert said("The Civic Watch Network (CWN), of which Korvel is a member, reported 96 detentions in 2023 "
                "alone.") == [("Civic Watch Network", "96 detentions in 2023 alone")]


def test_a_body_in_brackets_after_a_preposition_is_not_the_speaker():
    text = "A lawyer for the Veloria Press Union (VPU) said on Monday that 212 reporters were arrested last year."
    assert "Veloria Press Union" not in {s for s, _ in said(text)}
