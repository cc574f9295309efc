"""Names typed by the noun beside them; every sentence written for these tests."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Article


def actors(text: str) -> dict[str, str]:
    return {a.name: a.type for a in extract(Article("t", "Report", "2024-05-10", None, text=text)).actors}


@pytest.mark.parametrize(("text", "name", "type_"), [
    ("The rights group Zorvan said guards beat the prisoners.", "Zorvan", "NGO"),
    ("Zorvan, a local rights group, said guards beat the prisoners.", "Zorvan", "NGO"),
    ("The independent newspaper Kalima reported that guards beat the prisoners.", "Kalima", "MediaOutlet"),
    ("Police raided the offices of the Paraguayan weekly Ojo Rojo on Monday.", "Ojo Rojo", "MediaOutlet"),
    ("A spokesman for the rebel group Sendero Azul denied the charges.", "Sendero Azul", "Organization"),
])
def test_a_noun_beside_a_name_types_it(text, name, type_):
    assert actors(text).get(name) == type_


@pytest.mark.parametrize(("text", "not_an_actor"), [
    ("Paraguay passed the Law on Foreign NGO Activities in May.", "Activities"),
    ("The rights group Zorvan on Friday said guards beat the prisoners.", "Zorvan on Friday"),
])
def test_titles_and_dates_are_not_described_names(text, not_an_actor):
    assert not_an_actor not in actors(text)


def test_letters_and_a_number_used_twice_as_a_name_are_a_body():
    found = actors("Fighters of the R17 militia seized the town. R17 said it would hold elections in Tarn.")
    assert found.get("R17") == "Organization"
    assert "A4" not in actors("The decree was printed on A4 paper in Tarn.")
