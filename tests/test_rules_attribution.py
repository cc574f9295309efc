"""Trailing attributions, rule by rule: "..., X said in a statement on Monday", "..., witnesses said, adding that ...",
"according to the rights group X". Sentences written for these tests, with invented people and groups; none from the
evaluation sets. Positives and negatives."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Article


def said(text: str) -> list[tuple[str | None, str, str]]:
    record = extract(Article("t", "T", "2024-05-10", "Test Wire", text=text))
    return [(s.speaker, s.text, s.cue) for s in record.statements]


CLAUSE = "Police in Malawi fired on protesters in Zomba"


# -- when, where or in what it was said, after "..., X said" -------------------------------------------------------

def test_a_statement_named_after_the_verb_leaves_the_clause_before():
    assert said(f"{CLAUSE}, the Brightwater Legal Forum said in a statement on Tuesday.") == [
        ("Brightwater Legal Forum", CLAUSE, "said")]


def test_an_annual_report_after_the_verb_is_where_it_was_said():
    assert said(f"{CLAUSE}, Pieter Vosk wrote in his annual report.")[0][:2] == ("Pieter Vosk", CLAUSE)


def test_a_day_after_the_verb_is_when_it_was_said():
    assert said(f"{CLAUSE}, Pieter Vosk said late on Friday.")[0][:2] == ("Pieter Vosk", CLAUSE)


def test_a_that_clause_after_the_place_is_still_the_content():
    found = said("Pieter Vosk said in a statement on Tuesday that police in Malawi had fired on protesters.")
    assert found and found[0][1] == "police in Malawi had fired on protesters"


def test_words_after_the_verb_that_say_something_stay_the_content():
    found = said("Pieter Vosk said on Tuesday police in Malawi had fired on protesters.")
    assert found and "fired on protesters" in found[0][1]


# -- "..., X said, adding that ..." ---------------------------------------------------------------------------------

def test_the_clause_before_and_the_added_clause_are_two_statements():
    assert said(f"{CLAUSE}, witnesses said, adding that at least 20 people were hurt.") == [
        ("witnesses", CLAUSE, "said"), ("witnesses", "at least 20 people were hurt", "adding")]


def test_a_participle_after_a_named_speaker_is_his():
    found = said(f"{CLAUSE}, Pieter Vosk told reporters, noting that the crowd had been peaceful.")
    assert ("Pieter Vosk", "the crowd had been peaceful", "noting") in found


def test_a_participle_of_another_subject_is_not_carried_over():
    found = said("Pieter Vosk said police had fired on protesters, while the mayor, insisting that no shots were "
                 "fired, left the square.")
    assert not any(text.startswith("no shots") and speaker == "Pieter Vosk" for speaker, text, _ in found)


# -- a source described before its name ----------------------------------------------------------------------------

def test_according_to_a_rights_group_named_after_its_description():
    assert said("Security forces in Malawi detained 40 activists last week, according to the rights group "
                "Brightwater Legal Forum.") == [
        ("Brightwater Legal Forum", "Security forces in Malawi detained 40 activists last week", "according to")]


def test_said_the_watchdog_and_its_name():
    found = said("Security forces in Malawi detained 40 activists, said the watchdog Brightwater Legal Forum.")
    assert found and found[0][0] == "Brightwater Legal Forum"


def test_a_description_without_a_name_is_no_named_source():
    assert not any(speaker == "Brightwater Legal Forum" for speaker, _, _ in said(
        "Security forces in Malawi detained 40 activists, according to a rights group. The Brightwater Legal Forum "
        "was founded in 1999."))


# -- a short quotation a speech verb follows ----------------------------------------------------------------------

def test_a_three_word_quote_with_its_speaker_is_a_statement():
    record = extract(Article("t", "T", "2024-05-10", "Test Wire",
                             text='"These are lies," said Pieter Vosk, a spokesman for the Malawian government.'))
    assert [(s.speaker, s.text, s.kind) for s in record.statements] == [("Pieter Vosk", "These are lies,", "direct")]


def test_a_three_word_quote_told_to_someone():
    record = extract(Article("t", "T", "2024-05-10", "Test Wire",
                             text="“Certainly not true,” Pieter Vosk told reporters when asked about the detentions."))
    assert [(s.speaker, s.kind) for s in record.statements] == [("Pieter Vosk", "direct")]


def test_a_short_term_in_quotation_marks_is_no_statement():
    record = extract(Article("t", "T", "2024-05-10", "Test Wire",
                             text="Pieter Vosk called the verdict “a farce” and left the court in Zomba."))
    assert not [s for s in record.statements if s.kind == "direct"]
    record = extract(Article("t", "T", "2024-05-10", "Test Wire",
                             text="The new law targets so-called “foreign agents,” the Brightwater Legal Forum said."))
    assert not [s for s in record.statements if s.kind == "direct"]


def test_the_article_before_a_trailing_subject_is_not_in_the_statement():
    assert said("Police in Malawi fired on protesters, the Brightwater Legal Forum said.") == [
        ("Brightwater Legal Forum", "Police in Malawi fired on protesters", "said")]


# -- "It said" after a body's statement ----------------------------------------------------------------------------

def test_it_opening_the_next_sentence_is_the_body_that_spoke():
    found = said("The Brightwater Legal Forum said Malawi had jailed 14 reporters. It said at least three of them had "
                 "been beaten.")
    assert [speaker for speaker, _, _ in found] == ["Brightwater Legal Forum", "Brightwater Legal Forum"]


def test_it_after_a_person_statement_is_the_last_body_named():
    found = said("Pieter Vosk said the Brightwater Legal Forum had counted 14 jailed reporters. It said at least "
                 "three of them had been beaten.")
    assert found[-1][0] == "Brightwater Legal Forum"


def test_it_in_a_new_paragraph_is_not_carried_over():
    found = said("The Brightwater Legal Forum said Malawi had jailed 14 reporters.\n\nThe Tarnish Herald, a daily, "
                 "reported the trial. It said the judge had refused bail to all of them.")
    assert found[-1][0] != "Brightwater Legal Forum"


# -- a speaker described beside the name: "their lawyer, X, said", "said X, their lawyer", "according to his wife, X"

CLAUSE2 = "Two reporters in Peru were jailed for a year"


@pytest.mark.parametrize("text", [
    f"{CLAUSE2}, their lawyer, Mara Vint, said.",
    f"{CLAUSE2}, Mara Vint, their lawyer, said.",
    f"{CLAUSE2}, said Mara Vint, their lawyer.",
    f"{CLAUSE2}, said Mara Vint, a lawyer for the union, on Monday.",
    f"{CLAUSE2}, according to his wife, Mara Vint.",
])
def test_a_description_beside_the_speaker_is_neither_the_clause_nor_a_stop(text):
    assert [(speaker, content) for speaker, content, _ in said(text)] == [("Mara Vint", CLAUSE2)]


def test_a_noun_phrase_inside_the_clause_stays_in_it():
    assert said("Police in Peru detained the editor of a weekly paper, the Andean Rights Observatory said.") == [
        ("Andean Rights Observatory", "Police in Peru detained the editor of a weekly paper", "said")]


# -- a source described in lower case before its name, after the clause ---------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("Troops shot six villagers in Ethiopia, the rights group Open Gate said on Friday.", "Open Gate"),
    ("Troops shot six villagers in Ethiopia, the rights group Open Gate said.", "Open Gate"),
    ("Troops shot six villagers in Ethiopia, according to researcher Ana Ruiz.", "Ana Ruiz"),
    ("Troops shot six villagers in Ethiopia, said rights lawyer Ana Ruiz.", "Ana Ruiz"),
])
def test_a_described_source_after_the_clause(text, speaker):
    assert [(s, t) for s, t, _ in said(text)] == [(speaker, "Troops shot six villagers in Ethiopia")]


def test_a_lower_case_phrase_inside_the_clause_is_no_description():
    found = said("Troops shot six villagers and the elder of the village, Ana Ruiz said.")
    assert found and found[0][1] == "Troops shot six villagers and the elder of the village"


# -- "the outlet said": the outlet named before ----------------------------------------------------------------------

@pytest.mark.parametrize("noun", ["outlet", "newspaper"])
def test_the_outlet_named_before_is_the_speaker(noun):
    found = said(f"Authorities in Belarus raided the offices of the Minsk Courier on Monday. The {noun} said two of "
                 "its reporters were barred from travelling abroad.")
    assert ("Minsk Courier", "two of its reporters were barred from travelling abroad") in [(s, t) for s, t, _ in found]


def test_an_outlet_never_named_gives_no_speaker():
    assert not said("Police raided a radio station in Belarus. The station said two reporters were detained.")
