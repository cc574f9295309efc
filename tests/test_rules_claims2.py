"""Claims, rule by rule (second set): deniers that speak, negated predicates, codes read from their context,
figures' countries. Sentences written for these tests, with invented people and groups; none from the evaluation
sets. Each rule has positives and negatives."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def run(text: str, publisher: str | None = "Test Wire", published: str | None = "2024-05-10"):
    return extract(Article("t", "T", published, publisher, text=text))


def claims(text: str, **kw) -> set[tuple[str, str, str, str | None]]:
    return {(c.abuse, c.country, c.stance, c.claimant) for c in run(text, **kw).claims}


def deniers(text: str) -> set[str | None]:
    return {c.claimant for c in run(text).claims if c.stance == "denies"}


# -- the denier is the one that speaks, not the place it is in nor the state that owns it --------------------------

def test_a_described_denier_located_in_a_country_is_the_description_not_the_country():
    found = deniers("A rebel group in eastern Chad is denying allegations that it has committed war crimes.")
    assert found == {"rebel group"}


def test_a_body_of_a_country_described_in_lower_case_denies_as_that_body():
    text = ("Chad's state-run newspaper is denying a report by the Sahel Rights Union claiming that Christians in Chad "
            "are tortured.")
    assert deniers(text) == {"Chad's state-run newspaper"}


def test_a_described_denier_is_the_one_the_article_later_names_denying():
    text = ("A rebel group in eastern Chad is denying allegations of war crimes. The Sahel Rights Union accuses the "
            "Liberation Front of killings and torture. In an interview, Front spokesman Idris Mahamat rejected the "
            "accusations.")
    assert deniers(text) == {"Idris Mahamat"}


def test_a_government_denial_is_made_by_the_ministry_the_article_hears():
    text = ("The government of Chad is denying responsibility for the disappearance of the activist Idris Mahamat. "
            "The Chadian Interior Ministry says he may have left the country of his own accord.")
    assert deniers(text) == {"Chadian Interior Ministry"}


def test_a_government_denial_stays_the_government_s_where_no_body_of_it_speaks():
    text = ("The government of Chad is denying responsibility for the disappearance of the activist Idris Mahamat. "
            "The Sahel Rights Union says he was last seen at a police post.")
    assert deniers(text) == {"Government of Chad"}


def test_a_named_denier_is_kept():
    text = ("The Chadian army is rejecting allegations that soldiers tortured herders. Army spokesman Idris Mahamat "
            "said the report was baseless.")
    assert "Idris Mahamat" not in deniers(text)


# -- "no <abuse> takes place": a denial by the accused, else no claim ----------------------------------------------

def test_no_abuse_taking_place_said_by_the_accused_is_a_denial():
    text = ("Chad's interior ministry released a statement saying no torture takes place in police stations. Rights "
            "groups in Chad accuse police of torture.")
    assert ("torture", "Chad", "denies", "Interior Ministry of Chad") in claims(text)


def test_no_before_an_abuse_without_a_negated_predicate_is_still_a_claim():
    text = "The Sahel Rights Union said police in Chad showed no restraint and tortured detainees, and torture takes place daily."
    assert all(c[2] == "asserts" for c in claims(text))
    assert any(c[0] == "torture" for c in claims(text))
