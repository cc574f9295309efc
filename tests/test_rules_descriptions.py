"""A lone definite description takes up the body named before it; every sentence written for these tests."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def record(text: str):
    return extract(Article("t", "Report", "2024-05-10", None, text=text))


def aliases(rec, name: str) -> tuple[str, ...]:
    return next(a.aliases for a in rec.actors if a.name == name)


def test_the_commission_takes_up_the_commission_named_before():
    rec = record("The Paraguay Human Rights Commission published a list of 40 missing farmers. The interior "
                 "minister, Oskar Valden, said the commission had invented the names.")
    assert "the commission" in aliases(rec, "Paraguay Human Rights Commission")
    said = [s for s in rec.statements if s.speaker == "Oskar Valden"]
    assert said and "Paraguay Human Rights Commission" in said[0].about


def test_a_description_with_of_or_a_name_after_it_is_another_body():
    rec = record("The Paraguay Human Rights Commission met on Monday. The commission of inquiry into the riots "
                 "will report in May.")
    assert "the commission" not in aliases(rec, "Paraguay Human Rights Commission")


def test_a_noun_the_name_does_not_hold_finds_nothing():
    rec = record("The Paraguay Human Rights Commission met the ministers. The agency will open an office in Tarn.")
    assert not any("the agency" in a.aliases for a in rec.actors)


def test_the_rights_group_is_the_rights_group_named_before_not_the_last_body():
    rec = record("Amnesty International said the R17 militia had killed 12 villagers. R17 denied it. The rights "
                 "group said it had interviewed survivors.")
    assert "The rights group" in aliases(rec, "Amnesty International")
