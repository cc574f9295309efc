"""What a statement is about; every sentence written for these tests."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def about_of(text: str, speaker: str) -> set[str]:
    rec = extract(Article("t", "Report", "2024-05-10", None, text=text))
    found = [s for s in rec.statements if s.speaker == speaker]
    assert found, [(s.speaker, s.text) for s in rec.statements]
    return set(found[0].about)


PUBLISHED = ("The Committee for Prison Reform published a report on Tuesday saying guards in Paraguay beat "
             "inmates at two jails. ")


def test_an_answer_to_a_report_is_about_its_author():
    text = PUBLISHED + 'Justice Minister Oskar Valden said the report was "full of lies" and would be ignored.'
    assert "Committee for Prison Reform" in about_of(text, "Oskar Valden")


def test_the_author_is_not_added_to_its_own_voice_or_to_words_about_something_else():
    own = PUBLISHED + "The committee said the report drew on 60 interviews with former inmates."
    assert "Committee for Prison Reform" not in about_of(own, "Committee for Prison Reform")
    other = PUBLISHED + "Justice Minister Oskar Valden said the new wing of the jail would open in May."
    assert "Committee for Prison Reform" not in about_of(other, "Oskar Valden")


def test_conduct_without_its_actor_is_about_the_state_of_the_article():
    text = ("Paraguay has detained 40 farmers since March. Lawyer Oskar Valden of the Tarn Legal Aid Centre "
            "said the detentions were unlawful and the farmers had been beaten.")
    assert "Paraguay" in about_of(text, "Oskar Valden")


def test_a_state_body_brings_its_state_unless_the_state_itself_speaks():
    text = ("Paraguay is weighing a bill on charities. Oskar Valden, a lawyer in Tarn, said the Parliament of "
            "Paraguay should reject the bill because it would close dozens of charities.")
    assert {"Parliament of Paraguay", "Paraguay"} <= about_of(text, "Oskar Valden")
    own = ("Paraguay is weighing a bill on charities. Interior Minister Marta Kell of Paraguay said the "
           "Parliament of Paraguay would vote on the bill in May.")
    assert "Paraguay" not in about_of(own, "Marta Kell")


def test_a_pronoun_the_speaker_cannot_be_is_the_person_named_before():
    text = ("Journalist Marta Kell was detained in Tarn on Friday. The Paraguay Press Union said she was beaten "
            "in custody and denied a lawyer.")
    assert "Marta Kell" in about_of(text, "Paraguay Press Union")
    himself = ("Editor Oskar Valden met Marta Kell on Friday. Mr. Valden said he would appeal the fine.")
    assert "Marta Kell" not in about_of(himself, "Oskar Valden")


def test_the_state_s_own_voice_on_conduct_is_not_about_the_state():
    text = ("Paraguay has detained 40 farmers since March. Interior Minister Marta Kell of Paraguay said the "
            "detentions were lawful and no one had been beaten.")
    assert "Paraguay" not in about_of(text, "Marta Kell")
    ngo = ("Paraguay has detained 40 farmers since March. The Paraguay Lawyers Association said the detentions "
           "were unlawful and the farmers had been beaten.")
    assert "Paraguay" in about_of(ngo, "Paraguay Lawyers Association")


def test_a_statement_about_a_state_s_official_is_about_the_state():
    text = ("Paraguayan President Oskar Valden has ruled since 2001. The Committee for Prison Reform said jails had "
            "filled with his critics during Valden's rule.")
    assert {"Oskar Valden", "Paraguay"} <= about_of(text, "Committee for Prison Reform")
    own = ("Paraguayan President Oskar Valden has ruled since 2001. Paraguay's Interior Ministry said Valden had "
           "opened two new schools.")
    assert "Paraguay" not in about_of(own, "Interior Ministry of Paraguay")
