"""Capitals that are no person: a work's title in quotation marks, a name after "the", a region; every sentence
written for these tests."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def actors(text: str) -> dict[str, str]:
    return {a.name: a.type for a in extract(Article("t", "Report", "2024-05-10", None, text=text)).actors}


def test_a_quoted_title_after_a_word_for_a_work_is_no_person():
    found = actors('The Committee for Prison Reform released a report, "A Quiet Cell", on jails in Paraguay.')
    assert not [n for n, t in found.items() if t == "Person"]


def test_a_name_after_the_is_a_body_and_a_cut_name_is_nothing():
    assert actors("Police closed the offices of the Voz Libre on Monday.").get("Voz Libre") == "Organization"
    found = actors("The Silver Dawn of Paraguay printed the letter on Monday.")
    assert "Silver Dawn" not in found


def test_a_region_is_no_person():
    assert "Southeast Andean" not in actors("Envoys from Southeast Andean states met in Lima on Monday.")


def test_a_nickname_in_quotation_marks_stays_a_person_s_alias():
    found = actors('Blogger Marta Kell, known as "Red Owl", was detained in Paraguay.')
    assert found.get("Marta Kell") == "Person" and "Red Owl" not in found


def test_a_people_or_faith_before_a_name_is_no_person_but_may_open_a_body_s_name():
    found = actors("Police in Tarn detained Muslim Uighur poet Oskar Valden on Monday, his family said.")
    assert "Muslim Uighur" not in found and found.get("Oskar Valden") == "Person"
    assert actors("The Christian Relief Fellowship said the shelter in Tarn was closed.").get(
        "Christian Relief Fellowship") == "Organization"


def test_a_long_known_name_with_a_slipped_plural_is_still_that_body():
    found = actors("Reporter Without Borders said the editor in Paraguay had been threatened for weeks.")
    assert found.get("Reporters Without Borders") == "NGO"
    assert "Reporters Without Borders" not in actors("The reporter without a permit was turned back at the border.")
