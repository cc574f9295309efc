"""What a statement is about, when its words name the target by a description: members of a force, a body's
description, a person's role, a person's first name. Every sentence written for these tests."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def about_of(text: str, speaker: str) -> set[str]:
    rec = extract(Article("t", "Report", "2024-05-10", None, text=text))
    found = [s for s in rec.statements if s.speaker == speaker]
    assert found, [(s.speaker, s.text) for s in rec.statements]
    return set(found[-1].about)


POLICE = "The Veloria National Police raided the offices of the Dawn Courier in Tarn on Monday. "


def test_members_of_a_force_stand_for_the_force_the_article_names():
    text = POLICE + "Editor Anna Korvel said officers had beaten two of her reporters during the raid."
    assert "Veloria National Police" in about_of(text, "Anna Korvel")
    soldiers = ("The Veloria Defence Forces moved into the hill villages in March. Oskar Pell, a village elder, said "
                "soldiers had burned the granaries of three villages.")
    assert "Veloria Defence Forces" in about_of(soldiers, "Oskar Pell")


def test_a_force_s_members_do_not_bring_the_state_as_well():
    text = POLICE + "Editor Anna Korvel said officers had beaten two of her reporters during the raid."
    assert "Veloria" not in about_of(text, "Anna Korvel")


def test_a_unit_or_an_article_without_a_named_force_gives_no_force():
    unit = POLICE + "Editor Anna Korvel said traffic police had fined her drivers twice that week."
    assert "Veloria National Police" not in about_of(unit, "Anna Korvel")
    unnamed = "Anna Korvel, the editor of a weekly, said officers had beaten two of her reporters in Tarn."
    assert not {a for a in about_of(unnamed, "Anna Korvel") if "Police" in a}


def test_a_body_s_description_by_words_of_its_name_is_that_body():
    text = ("The Veloria National Commission on Human Rights published a study of deaths in custody on Monday. "
            "Interior Minister Oskar Pell accused the human rights commission of inventing its figures.")
    assert "Veloria National Commission on Human Rights" in about_of(text, "Oskar Pell")
    other = ("The Veloria National Commission on Human Rights published a study of deaths in custody on Monday. "
             "Interior Minister Oskar Pell said the electoral commission would meet in June.")
    assert "Veloria National Commission on Human Rights" not in about_of(other, "Oskar Pell")


def test_a_role_description_takes_up_the_person_named_before():
    text = ("Blogger Mira Tesh vanished after a police stop in Tarn on Friday. The Interior Ministry of Veloria said "
            "the 41-year-old blogger may have left the country of her own accord.")
    assert "Mira Tesh" in about_of(text, "Interior Ministry of Veloria")


def test_a_role_description_is_not_the_speaker_nor_a_title_before_a_name():
    own = ("Blogger Mira Tesh spoke in Tarn on Friday. She said the blogger community of Tarn had grown quickly in "
           "the last two years.")
    assert "Mira Tesh" not in about_of(own, "Mira Tesh")
    titled = ("Blogger Mira Tesh vanished in Tarn on Friday. The Interior Ministry of Veloria said the journalist "
              "Petr Olan had been questioned about the case.")
    assert "Mira Tesh" not in about_of(titled, "Interior Ministry of Veloria")


def test_a_person_named_by_the_first_word_of_the_name_alone():
    text = ("Activist Sanit Phomma was taken from his car in Tarn on Saturday. The Civic Watch Network said "
            "Sanit's family had heard nothing from the police since.")
    assert "Sanit Phomma" in about_of(text, "Civic Watch Network")


def test_a_first_name_two_people_share_names_neither():
    text = ("Sanit Phomma and Sanit Korr, two activists, were taken from their car in Tarn on Saturday. The Civic "
            "Watch Network said Sanit's family had heard nothing from the police since.")
    assert not {"Sanit Phomma", "Sanit Korr"} & about_of(text, "Civic Watch Network")


def test_a_regime_or_junta_is_the_state_of_the_article():
    text = ("Soldiers in Paraguay have tortured students since the coup in March. Anna Korvel, a lawyer in Tarn, "
            "said the junta must free every student it holds.")
    assert "Paraguay" in about_of(text, "Anna Korvel")


def test_another_state_s_regime_does_not_bring_the_article_s_state():
    text = ("Soldiers in Paraguay have tortured students since the coup in March. Anna Korvel, a lawyer in Tarn, "
            "said the Bolivian regime had sold the junta its rifles.")
    assert "Paraguay" in about_of(text, "Anna Korvel")
    other = ("Soldiers in Paraguay have tortured students since the coup in March. Anna Korvel, a lawyer in Tarn, "
             "said the Bolivian regime would hold talks with Chile in May.")
    assert "Paraguay" not in about_of(other, "Anna Korvel")
