"""Speech rules, one table per kind, positives and negatives; every sentence written for these tests."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Article


def said(text: str, publisher: str | None = None) -> list[tuple[str | None, str, str | None]]:
    record = extract(Article("t", "T", "2024-05-10", publisher, text=text))
    return [(s.speaker, s.text, s.cue) for s in record.statements]


def speakers(text: str, publisher: str | None = None) -> set[str | None]:
    return {s for s, _, _ in said(text, publisher)}


# -- denials: a denial verb reports speech when it answers an accusation --------------------------------------

@pytest.mark.parametrize(("text", "speaker", "words"), [
    ("The Ministry of Defence of Ruritania rejected the allegations of abuse at the northern camps.",
     "Ministry of Defence of Ruritania", "the allegations of abuse at the northern camps"),
    ("Police chief Oskar Valden denied that officers had beaten the students in custody.",
     "Oskar Valden", "officers had beaten the students in custody"),
    ("The Interior Ministry of Moravia disputes the report by the observers on the election in Tarn.",
     "Interior Ministry of Moravia", "the report by the observers on the election in Tarn"),
    ("Governor Lidia Sorne dismissed the accusations of vote rigging in the province as lies.",
     "Lidia Sorne", "the accusations of vote rigging in the province as lies"),
])
def test_a_denial_of_an_accusation_is_a_statement(text, speaker, words):
    assert (speaker, words) in [(s, t) for s, t, _ in said(text)]


@pytest.mark.parametrize("text", [
    "The Supreme Court of Ruritania dismissed the appeal of the three editors on Tuesday.",
    "The border guards denied Marta Kell entry to the country at the airport.",
    "The Ministry of Justice of Ruritania rejected the request for a visit to the prison.",
])
def test_a_denial_verb_without_an_accusation_is_no_statement(text):
    assert said(text) == []


# -- a second statement in one sentence: ", saying ...", "... and noted that ..." --------------------------

def test_a_participle_after_a_comma_starts_a_second_statement_of_the_same_speaker():
    text = ("The Interior Ministry of Moravia rejected the findings of the monitors, saying that the prisons "
            "meet every international standard.")
    out = [(s, t) for s, t, _ in said(text)]
    assert ("Interior Ministry of Moravia", "the findings of the monitors") in out
    assert ("Interior Ministry of Moravia", "the prisons meet every international standard") in out


def test_a_short_object_and_a_coordinated_verb_make_two_statements():
    text = "Amnesty International denied the accusations of bias and noted that its researchers had visited every site."
    out = [(s, t) for s, t, _ in said(text)]
    assert ("Amnesty International", "the accusations of bias") in out
    assert ("Amnesty International", "its researchers had visited every site") in out


def test_a_long_clause_with_and_inside_stays_one_statement():
    text = ("Senator Ruth Adler said the police had detained the two reporters for a week without charge "
            "and accused them of spying.")
    out = [(s, t) for s, t, _ in said(text)]
    assert out == [("Ruth Adler", "the police had detained the two reporters for a week without charge and "
                                  "accused them of spying")]


# -- a place before the subject is no speaker ("a rebel group in eastern X is denying") -------------------------

def test_a_country_after_in_eastern_is_not_the_subject():
    text = "An armed group in eastern Ruritania is denying allegations that it recruited children."
    assert "Ruritania" not in speakers(text)


# -- block quotations: "X wrote:" closing a paragraph, her words in the next one without marks -------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("The trial ended on Monday.\n\nMaria Lopes wrote:\n\nSuch a verdict would never have been possible had the judges "
     "been free to weigh the evidence.", "Maria Lopes"),
    ("Ivan Holm commented:\n\nThe prosecutors did not show a single document that links the editor to the money.",
     "Ivan Holm"),
    ("In a post on her blog, Anna Kovacs said:\n\nNobody in this town feels safe speaking to the press any more.",
     "Anna Kovacs"),
])
def test_a_paragraph_after_an_attribution_ending_in_a_colon_is_a_direct_statement(text, speaker):
    out = [(s, t) for s, t, _ in said(text)]
    assert out[-1][0] == speaker and out[-1][1].endswith(("evidence.", "money.", "any more."))


@pytest.mark.parametrize("text", [
    "The programme of the conference was as follows:\n\nOpening remarks, a panel on press freedom and a closing dinner.",
    "Maria Lopes said:\n\nThanks.",  # too short to be a statement
])
def test_a_colon_without_a_speaker_or_words_makes_no_block_quotation(text):
    assert [r for r in said(text) if r[2] and r[1].startswith(("Opening", "Thanks"))] == []


def test_the_block_is_not_read_again_as_reported_speech():
    text = ("Maria Lopes wrote:\n\nThe governor said the editor had fled abroad, but the family knows he is in prison "
            "in the capital.")
    assert speakers(text) == {"Maria Lopes"}


# -- "X issued a statement saying ...": the document between the speaker and a participle --------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("The Ministry of Justice of Moravia issued a statement saying the prisoners had been moved for their safety.",
     "Ministry of Justice of Moravia"),
    ("Amnesty International released a report on Tuesday accusing the guards of beating the inmates.",
     "Amnesty International"),
    ("Senator Ruth Adler posted a message saying the vote had been rigged in three districts.", "Ruth Adler"),
])
def test_a_statement_issued_by_a_speaker_with_a_participle_cue(text, speaker):
    assert speakers(text) == {speaker}


def test_a_document_of_someone_else_does_not_make_the_subject_a_speaker():
    text = "Police seized a report on the election saying nothing about who wrote it in the first place."
    assert "Police" not in speakers(text)


# -- appositives: "the head of X, Ana Ruiz, said"; "Ana Ruiz, a lawyer with X, a rights group, said" ---------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("The head of the Balkan Press Forum, Vesna Doric, said the arrests were meant to frighten reporters.",
     "Vesna Doric"),
    ("Her brother, Tomas Berg, told reporters that she had been taken from her home at night.", "Tomas Berg"),
    ("Marta Kell, a lawyer with the Legal Aid Centre, a rights group, said the trial was unfair to the defendants.",
     "Marta Kell"),
])
def test_a_speaker_in_apposition_or_with_a_long_appositive(text, speaker):
    assert speakers(text) == {speaker}


def test_an_acronym_in_apposition_does_not_take_the_speech_from_its_body():
    text = "Reporters Without Borders, RSF, says it has lost contact with the detained journalists."
    assert speakers(text) == {"Reporters Without Borders"}


def test_a_list_of_names_is_not_an_appositive():
    text = "Police arrested Anna Berg, Ivan Holm, said the report of the observers on the protest."
    assert "Ivan Holm" not in speakers(text)


# -- speech acts whose content is an object: "blames X for Y", "appealed to X to ...", "expresses concern" ------

@pytest.mark.parametrize(("text", "speaker", "words"), [
    ("The Balkan Press Forum blames the police for the beating of two reporters in the capital.",
     "Balkan Press Forum", "the police for the beating of two reporters in the capital"),
    ("Senator Ruth Adler appealed to the governor to release the jailed students before the holiday.",
     "Ruth Adler", "the governor to release the jailed students before the holiday"),
    ("Amnesty International expresses concern about the health of the hunger strikers in the northern prison.",
     "Amnesty International", "Amnesty International expresses concern about the health of the hunger strikers in "
                              "the northern prison"),
])
def test_speech_acts_with_an_object_for_content(text, speaker, words):
    assert (speaker, words) in [(s, t) for s, t, _ in said(text)]


@pytest.mark.parametrize("text", [
    "The fire in the old prison was blamed on faulty wiring by the inspectors.",
    "The lawyers were appealing the sentence of the three editors at the high court.",
])
def test_passive_or_legal_uses_are_no_statements(text):
    assert [c for _, _, c in said(text) if c and c.startswith(("blam", "appeal"))] == []


# -- a report speaks for its author: "the X report found", "the report by X says" -------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("The Amnesty International report released Monday found that detainees were beaten in the northern prisons.",
     "Amnesty International"),
    ("The report by the Balkan Press Forum says, in the month of March, at least eight people were tortured.",
     "Balkan Press Forum"),
    ("The latest Human Rights Watch report said the new law would silence every independent newspaper.",
     "Human Rights Watch"),
])
def test_a_report_speaks_for_its_author(text, speaker):
    assert speakers(text) == {speaker}


def test_a_report_about_a_body_does_not_speak_for_it():
    text = "A report on the Interior Ministry of Moravia published by the observers said nothing about the beatings."
    assert "Interior Ministry of Moravia" not in speakers(text)


# -- briefing transcripts: only turns that say something about an actor or an abuse -----------------------------

BRIEFING = ("MS LANE: Good afternoon, everyone, and welcome to the briefing.\n\n"
            "MS LANE: We are deeply concerned by the sentences handed down to the journalists in Ruritania today.\n\n"
            "QUESTION: Will you raise it with the government of Ruritania?\n\n"
            "MS LANE: With that, I will take your questions now.\n\n"
            "MS LANE: We have raised the case with the Ministry of Justice of Ruritania and will keep doing so.")


def test_briefing_turns_that_name_an_actor_are_the_spokespersons_statements():
    texts = [t for s, t, _ in said(BRIEFING) if s == "Lane"]
    assert any(t.startswith("We are deeply concerned") for t in texts)
    assert any(t.startswith("We have raised the case") for t in texts)


def test_greetings_and_procedure_in_a_briefing_are_no_statements():
    texts = [t for _, t, _ in said(BRIEFING)]
    assert not any(t.startswith(("Good afternoon", "With that")) for t in texts)
    assert not any(t.startswith("Will you raise") for t in texts)  # a question is no official's statement


# -- "As Delivered by X" in a statement's header: X speaks for the whole statement ---------------------------

DELIVERED = ("Statement by the Delegation of Ruritania\n\nAs Delivered by Deputy Minister Ivan Holm\n\n"
             "Council on Press Freedom - Fifth Session\n\n"
             "We remain concerned by continuing reports of arbitrary detention of journalists in Moravia and urge the "
             "authorities of Moravia to release them.")


def test_as_delivered_by_names_the_speaker_of_a_statement():
    assert speakers(DELIVERED, publisher="Mission of Ruritania") == {"Ivan Holm"}


def test_a_person_in_a_header_without_delivered_by_is_not_the_speaker():
    text = DELIVERED.replace("As Delivered by Deputy Minister Ivan Holm", "In memory of Ivan Holm")
    assert "Ivan Holm" not in speakers(text, publisher="Mission of Ruritania")


# -- one-voice statements: a paragraph on a state's conduct is the author's statement -----------------------------

PRESS = ("Ana Ruiz, Department Spokesperson\n\n"
         "Turkmenistan's government is also blocking the websites that millions of its citizens use to follow the news.\n\n"
         "The exhibition on the history of the river will open to visitors in the old town hall next spring.")


def test_a_press_paragraph_with_a_state_as_subject_is_the_authors_statement():
    out = said(PRESS, publisher="Department of State")
    assert any(t.startswith("Turkmenistan's government is also blocking") for _, t, _ in out)


def test_a_press_paragraph_about_no_actor_is_no_statement():
    out = said(PRESS, publisher="Department of State")
    assert not any(t.startswith("The exhibition") for _, t, _ in out)


def test_the_header_naming_who_delivered_a_statement_is_no_statement():
    text = ("As delivered by Counselor Ivan Holm to the Council, Vienna | May 3, 2024, at the ninth meeting\n\n"
            "Turkmenistan's parliament will vote this week on a law that would close every independent newspaper.")
    assert not any(t.startswith("As delivered") for _, t, _ in said(text, publisher="Mission of Ruritania"))


# -- clauses with another subject: "X denied it, but rights groups disagree, saying ..." ---------------------------

def test_a_group_named_inside_a_longer_name_does_not_hide_it():
    text = "The government of Turkmenistan denied any role in the disappearance of the two reporters."
    assert speakers(text) == {"Government of Turkmenistan"}


def test_the_reported_clause_ends_where_another_subject_begins():
    text = ("The government of Turkmenistan is denying responsibility for the disappearance of the two reporters, "
            "but human rights groups disagree, saying police took them from their homes.")
    out = said(text)
    assert ("Government of Turkmenistan", "responsibility for the disappearance of the two reporters") in [
        (s, t) for s, t, _ in out]
    assert not any(s == "Government of Turkmenistan" and c == "saying" for s, _, c in out)


def test_but_that_continues_the_reported_clause():
    text = ("Senator Ruth Adler said the ministry had no record of the arrests, but that the police were "
            "investigating the complaints.")
    assert any(t.endswith("investigating the complaints") for _, t, _ in said(text))


# -- pronoun chains: "he" opening a sentence goes on with the subject of the sentence before ------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Ivan Holm told reporter Pavel Orlov that the editors had been moved to a prison in the north. "
     "He says they are on a hunger strike since their arrest.", "Ivan Holm"),
    ("Tomas Berg, an aide to Governor Paul Dorn, released a statement on Friday praising the talks. "
     "He said Mr. Dorn also welcomes the release of the three students.", "Tomas Berg"),
])
def test_he_continues_with_the_subject_of_the_sentence_before(text, speaker):
    out = said(text)
    assert out and out[-1][0] == speaker


def test_he_after_a_paragraph_about_someone_else_goes_to_the_nearest_person():
    text = ("The trial was adjourned on Monday.\n\n"
            "Prosecutor Paul Dorn asked for a ten-year sentence. He said the editor had insulted the president.")
    assert said(text)[-1][0] == "Paul Dorn"


# -- "the director of X, Ana Ruiz, said ...": the noun phrase before an apposed speaker is not the content --------

def test_a_noun_phrase_before_an_apposed_speaker_is_not_the_reported_clause():
    text = "In a statement, the executive director of the Balkan Press Forum, Vesna Doric, said the police lied."
    out = [(s, t) for s, t, _ in said(text)]
    assert out == [("Vesna Doric", "the police lied")] or all(not t.startswith("In a statement") for _, t in out)


def test_a_clause_before_the_speaker_is_still_the_content():
    text = "Prosecutors were pressing new charges against the editor, Judge Anna Berg told the court on Monday."
    assert ("Anna Berg", "Prosecutors were pressing new charges against the editor") in [(s, t) for s, t, _ in said(text)]


def test_the_group_refers_to_a_rights_body_not_to_a_government_office():
    text = ("Human Rights Watch wrote to the Central Intelligence Agency in March. "
            "The group cites a newspaper report that quotes several officers on the interrogations.")
    assert ("Human Rights Watch", "cites") in [(s, c) for s, _, c in said(text)]


# -- "it"/"they" inside the sentence of its antecedent: the body the sentence opens with -------------------------

def test_it_in_a_relative_clause_refers_to_the_sentences_subject():
    text = ("The Balkan Press Forum on Monday filed a complaint at the Supreme Court in which it accused the police of "
            "beating two reporters.")
    assert ("Balkan Press Forum", "accused") in [(s, c) for s, _, c in said(text)]


def test_it_opening_a_new_sentence_is_left_to_the_nearest_body():
    text = ("The Balkan Press Forum wrote to the Ministry of Justice of Ruritania. "
            "It said an inquiry into the beatings would open in May.")
    assert said(text)[-1][0] == "Ministry of Justice of Ruritania"


def test_wrote_to_someone_is_no_statement():
    text = "The Balkan Press Forum wrote to the Ministry of Justice of Ruritania on Monday."
    assert said(text) == []


def test_a_denial_read_before_its_verb_is_no_statement():
    text = "Several of the detained editors say they were beaten in custody, claims that the government has denied."
    assert not any(c == "denied" for _, _, c in said(text))


# -- definite descriptions of bodies: "the center says", "the commission said", "the party said" -------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("The Legal Aid Centre for Migrants published its annual figures in May. The center says the beatings at the "
     "border have doubled.", "Legal Aid Centre for Migrants"),
    ("The Electoral Commission of Ruritania met on Monday. The commission said the vote would be held again in June.",
     "Electoral Commission of Ruritania"),
    ("The Green Liberty Party held a rally in the capital. The party said four of its members were detained.",
     "Green Liberty Party"),
])
def test_the_center_the_commission_the_party_refer_to_the_body_of_that_kind(text, speaker):
    assert said(text)[-1][0] == speaker


def test_the_party_without_a_party_named_before_has_no_speaker():
    text = "Amnesty International met the editors in May. The party said four of its members were detained."
    assert "Amnesty International" not in {s for s, _, c in said(text) if c == "said"}


# -- "X was quoted by Y as saying ...": X is the speaker --------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("On Monday, Police Chief Oskar Valden was quoted by the Daily Courier newspaper as saying the officers did not "
     "beat anyone.", "Oskar Valden"),
    ("In the report, the Interior Ministry of Moravia is quoted as saying the camps are open to inspectors.",
     "Interior Ministry of Moravia"),
])
def test_the_one_quoted_as_saying_is_the_speaker(text, speaker):
    assert speakers(text) == {speaker}


def test_quoted_with_no_as_saying_makes_no_speaker_of_the_subject():
    text = "Oskar Valden was quoted in the indictment, and the judge saying nothing about it surprised the lawyers."
    assert "Oskar Valden" not in speakers(text)


def test_an_appositive_may_hold_a_quoted_title():
    text = 'Marta Kell, former editor of "The Free Word" weekly, says she will appeal the verdict of the court.'
    assert speakers(text) == {"Marta Kell"}



# -- thoughts in subordinate clauses and places after "in the eastern ..." are not statements of their subject ------

@pytest.mark.parametrize("text", [
    "Marta Kell said the guards held the prisoner under water until he believes he is drowning in the cell.",
    "Ivan Holm said the officers kept shouting at the boy as if he believes every rumour about the leaflets.",
])
def test_a_thought_in_a_subordinate_clause_is_no_statement(text):
    assert [c for _, _, c in said(text) if c in ("believes", "believed")] == []


def test_a_country_after_in_the_northern_is_not_the_speaker():
    text = "A militia in the northern Central African Republic is denying allegations that it burned the villages."
    assert "Central African Republic" not in speakers(text)


# -- "its spokesman", "their lawyer": the words of the body named before -----------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("The State Security Directorate denies the accusation. Its legal adviser told reporters that the marks came "
     "from a fall.", "State Security Directorate"),
    ("The Balkan Press Forum met the minister on Monday. Its director said the editors would stay in hiding.",
     "Balkan Press Forum"),
])
def test_its_officer_speaks_for_the_body_named_before(text, speaker):
    assert said(text)[-1][0] == speaker


def test_its_without_a_body_named_before_gives_no_speaker():
    assert said("Its director said the editors would stay in hiding until the trial.") == []


def test_the_head_of_a_prepositional_body_and_a_relative_clause_is_the_speaker():
    text = ("Attorney Otto Brand of the Legal Aid Centre, who has represented the editors since March, said the "
            "trial would open on Wednesday.")
    assert speakers(text) == {"Otto Brand"}


# -- a participle's subject opens the sentence, after "But" and a role ("But police spokesman X ..., saying") ------

@pytest.mark.parametrize(("text", "speaker"), [
    ("But police spokesman Oskar Valden shrugged off the questions, saying the reporters had never been detained.",
     "Oskar Valden"),
    ("Opposition leader Elena Marsh left the court in silence, saying later that the verdict was written in advance.",
     "Elena Marsh"),
])
def test_the_subject_after_but_and_a_role_owns_the_participle(text, speaker):
    assert speakers(text) == {speaker}


def test_a_person_named_as_object_does_not_own_the_participle():
    text = "The guards beat Oskar Valden in the yard, saying he had insulted the president."
    assert "Oskar Valden" not in speakers(text)


# -- page furniture: a correspondent's byline inside the text ---------------------------------------------------

def test_as_the_correspondent_reports_from_a_city_is_no_statement():
    text = "As Ana Ruiz reports from Tallinn, the police have denied every accusation of the monitors."
    assert "Ana Ruiz" not in speakers(text)


def test_a_correspondent_who_says_something_is_still_a_speaker():
    text = "Ana Ruiz reports that the police have denied every accusation of the monitors."
    assert speakers(text) == {"Ana Ruiz"}


def test_a_participle_after_an_opening_time_phrase_belongs_to_the_subject():
    text = ("Earlier this month, Amnesty International sent a letter to the Interior Ministry of Moravia, urging it to "
            "free the jailed editors.")
    assert ("Amnesty International", "urging") in [(s, c) for s, _, c in said(text)]


def test_a_long_opening_clause_is_not_skipped():
    text = ("When the police arrived at the house of the editor on Monday, Ivan Holm was already gone, "
            "saying nothing to his neighbours.")
    assert "Ivan Holm" not in speakers(text)


# -- "the representative said", "X cautions that", "Rights group X ..., saying" ----------------------------------

def test_the_representative_refers_to_the_person_named_before():
    text = ("The complaint came from the regional representative, Ana Ruiz, in the north. "
            "The representative said soldiers had burned two villages.")
    assert said(text)[-1][0] == "Ana Ruiz"


def test_cautions_that_reports_speech():
    text = "The Balkan Press Forum cautions that its figures cover only the cases reported to it."
    assert ("Balkan Press Forum", "its figures cover only the cases reported to it") in [(s, t) for s, t, _ in said(text)]


def test_a_descriptor_before_the_body_does_not_hide_the_participles_subject():
    text = ("Rights group Amnesty International on Friday voiced concern about the jailed monk, saying he needs "
            "treatment for his injuries.")
    assert ("Amnesty International", "saying") in [(s, c) for s, _, c in said(text)]


# -- a quoted verb starts no statement; the coordinated verb after a short quotation keeps the subject -------------

def test_a_short_quotation_in_the_clause_and_a_coordinated_verb():
    text = ('Ruritanian foreign minister Ana Ruiz has said the government "rejects this verdict" and called on '
            'Moravia to release the editors.')
    out = [(s, t) for s, t, _ in said(text)]
    assert ("Ana Ruiz", 'the government "rejects this verdict"') in out
    assert any(s == "Ana Ruiz" and "Moravia to release the editors" in t for s, t in out)


def test_a_press_paragraph_opening_with_a_capitalised_time_phrase():
    text = ("Ana Ruiz, Department Spokesperson\n\n"
            "This Friday, Turkmenistan's parliament will vote on a bill that would jail reporters for up to ten years.")
    assert any(t.startswith("This Friday") for _, t, _ in said(text, publisher="Department of State"))


@pytest.mark.parametrize("text", [
    "A senior envoy has ended a visit to Turkmenistan saying he sees a chance for the release of the editors.",
    "The monitors sent a letter to the Balkan Press Forum saying the trial would be observed.",
])
def test_a_name_after_to_is_an_object_not_the_speaker(text):
    assert not speakers(text) & {"Turkmenistan", "Balkan Press Forum"}


def test_a_name_after_an_opening_adverb_keeps_its_own_appositive():
    assert speakers("Separately, Anna Sen, a lawyer, said the vote was rigged in the capital.") == {"Anna Sen"}


def test_an_exile_government_speaks_as_a_group():
    text = "The exile government says as many as forty protesters have died in the last two weeks."
    assert speakers(text) == {"exile government"}


def test_exile_alone_is_no_speaker():
    assert "exile government" not in speakers("The exile of the government ended in May, says the biography of the poet.")


# -- adverbs between the speaker and the verb (data/speech_adverbs.txt): "X clearly stated", "X categorically denied" --

@pytest.mark.parametrize(("text", "speaker"), [
    ("Senator Ilse Marek clearly stated, “We will not bargain over the fate of the detained editors,” in Tarn.",
     "Ilse Marek"),
    ("The Interior Ministry of Moravia categorically denied that guards had beaten the prisoners in Karsk.",
     "Interior Ministry of Moravia"),
    ("Oskar Valden, however, said the border guards of Ruritania had fired on the unarmed crowd.", "Oskar Valden"),
])
def test_an_adverb_between_speaker_and_verb_keeps_the_speaker(text, speaker):
    assert speaker in speakers(text)


def test_an_adverb_of_state_is_not_a_bridge_to_a_stance_verb():
    text = ("Ruritania wishes to express its concern at the new law on schools in Tarn. We note that the "
            "government already supports a ban on girls attending the lyceum in the capital of Ruritania.")
    assert "the government" not in speakers(text, "Mission of Moravia to the OSCE")


# -- quotation marks that do not pair by the book: '“...," said X', '...prison."Later', an inner '"farce"' -----------

def test_a_curly_opening_mark_may_close_with_a_straight_one():
    text = "“The governor of Tarn behaves like a wolf among the sheep of the valley,\" said Ilse Marek. She left."
    assert ("Ilse Marek", "The governor of Tarn behaves like a wolf among the sheep of the valley,") in [
        (s, t) for s, t, _ in said(text)]


def test_a_straight_mark_after_a_full_stop_closes_before_a_capital():
    text = ('The court in Karsk jailed the poet. "We are appalled," said Oskar Valden, "by the sentence passed on '
            'the poet Ivo Marn."Known as the Lark, Marn wrote on rivers and forests.')
    out = said(text)
    # (the three words before the attribution are a quotation of his too: one statement, the parts joined)
    assert any(s == "Oskar Valden" and "by the sentence" in t and "Lark" not in t for s, t, _ in out)


def test_an_inner_straight_quotation_does_not_close_a_curly_one():
    text = "“The judge called the defence a \"farce,\" and then he left the court in Tarn,” said Ilse Marek."
    assert [t for s, t, _ in said(text) if s == "Ilse Marek"] == [
        'The judge called the defence a "farce," and then he left the court in Tarn,']


# -- block quotations introduced by their speaker opening the paragraph: "X, a lawyer, concurs:" -----------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("The court in Tarn fined the owner of a channel.\n\nIlse Marek pointed to a second prisoner:\n\n"
     "Marn's trial is one of many, and the twenty others held with him deserve the same attention.",
     "Ilse Marek"),
    ("Ivo Marn, the special rapporteur on the rights of assembly, concurs with this analysis:\n\n"
     "Three neighbours who meet to clean a park would count as a club, and under this bill they would need a licence.",
     "Ivo Marn"),
])
def test_a_paragraph_opened_by_its_speaker_and_ending_in_a_colon_introduces_a_block(text, speaker):
    assert any(s == speaker and r == "quote.block" for s, r in
               [(x.speaker, x.rule) for x in extract(Article("t", "T", None, None, text=text)).statements])


@pytest.mark.parametrize("text", [
    "Tarn, the capital of Moravia, hosted the meeting:\n\nThe delegates of nine states arrived in the city on Monday.",
    "The programme of the conference was as follows:\n\nThe delegates of nine states met the mayor of Tarn on Monday.",
])
def test_a_colon_after_a_place_or_no_actor_introduces_no_block(text):
    assert said(text) == []


def test_a_block_keeps_the_quotations_of_others_inside_it():
    text = ("Oskar Valden wrote about the visit on his blog:\n\nSuch a meeting would not have happened otherwise. "
            "At the dinner Ilse Marek stated, “Our office stays out of the editors' trial,” and left.")
    out = said(text)
    assert any(s == "Oskar Valden" and t.startswith("Such a meeting") for s, t, _ in out)
    assert ("Ilse Marek", "Our office stays out of the editors' trial,") in [(s, t) for s, t, _ in out]


# -- a quotation named as a title is no statement: 'a post entitled "..."' (data/title_cues.txt) -----------------

@pytest.mark.parametrize("text", [
    'Oskar Valden wrote a post entitled, "The council of Tarn bows down to the Duke" in March.',
    "The ministry of Moravia published a report titled “Order and freedom in the northern provinces” on Monday.",
])
def test_a_quoted_title_is_no_statement(text):
    assert not [t for _, t, _ in said(text) if "bows down" in t or "Order and freedom" in t]


def test_a_quotation_after_called_is_still_the_subjects():
    text = "Oskar Valden called the new law “a disaster for every free newspaper in Moravia” on Monday."
    assert "Oskar Valden" in speakers(text)


# -- writing without content: "wrote on X", "wrote a post" (data/writing_verbs.txt, writing_objects.txt) ----------

@pytest.mark.parametrize("text", [
    "Nadia Orel wrote on rural poverty, police abuse and the courts of Moravia for ten years.",
    "Nadia Orel writes about the prisons of Moravia and the families of the detainees in Karsk.",
    "Nadia Orel wrote a weekly column for the main newspaper of Tarn until her arrest in May.",
])
def test_writing_on_a_topic_or_writing_a_piece_is_no_statement(text):
    assert said(text) == []


@pytest.mark.parametrize("text", [
    "Nadia Orel wrote in her column that the police of Moravia beat the prisoners in Karsk.",
    "Police in Moravia have beaten the prisoners in Karsk, Nadia Orel wrote.",
])
def test_writing_with_a_clause_is_a_statement(text):
    assert "Nadia Orel" in speakers(text)


# -- verb forms (speech_verbs.tsv): base forms, participles, "made it clear"; "clause" cues need a that-clause ------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Rights groups insist the prisoners in the jails of Karsk are beaten every night.", "rights groups"),
    ("Senator Ilse Marek and the Lantern Society have made it clear that the detained editors must be freed.",
     "Lantern Society"),
    ("The Lantern Society released a study denouncing the nightly beating of prisoners in Karsk.",
     "Lantern Society"),
    ("A report by the United Nations charged that the practice of torture in the jails of Moravia was systematic.",
     "United Nations"),
    ("Governor Oskar Valden recalled that the police of Tarn had opened fire on the crowd in 1998.", "Oskar Valden"),
])
def test_more_verb_forms_report_speech(text, speaker):
    assert speaker in speakers(text)


@pytest.mark.parametrize("text", [
    "Prosecutors in Tarn charged Oskar Valden with fraud and tax evasion on Monday.",
    "The two ministers of Moravia and Ruritania agreed to meet again in Tarn next month.",
    "Oskar Valden recalled his ambassador from Ruritania after the incident at the border.",
])
def test_a_clause_cue_without_a_that_clause_is_no_statement(text):
    assert said(text) == []


# -- a denial whose clause opens with a subject pronoun: "is denying he broke any law" ---------------------------

def test_a_denial_of_a_clause_without_that_is_a_statement():
    assert ("Oskar Valden", "he took money from the mayor of Tarn") in [
        (s, t) for s, t, _ in said("Oskar Valden is denying he took money from the mayor of Tarn.")]


def test_a_denial_with_it_as_object_is_no_statement():
    assert said("The border guards of Moravia denied it entry to the port of Tarn on Monday.") == []


# -- a stance verb with a that-clause: the clause is the content -------------------------------------------------

def test_a_demand_with_a_that_clause_reports_the_clause():
    text = "The Lantern Society is demanding that the government of Moravia repeal the new press law."
    assert ("Lantern Society", "the government of Moravia repeal the new press law") in [
        (s, t) for s, t, _ in said(text)]


# -- "the authors", "the report": the body named beside a report before, not one inside a quotation ---------------

def test_the_authors_of_a_report_are_the_body_that_released_it():
    text = ("The Lantern Society released its annual report on Tuesday. Officials of Ruritania met the envoy of "
            "Moravia in Tarn on Wednesday.\n\n\"The Kremlin of Ruritania shows contempt for rights in Karsk,\" "
            "the authors insist.")
    assert speakers(text) == {"Lantern Society"}


# -- coordinated subjects: "X and other officials said" is X's; two collectives stay together ---------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Senator Ilse Marek and other officials said the detained editors of Tarn must be freed.", "Ilse Marek"),
    ("Oskar Valden and a few fellow deputies said the mayor of Tarn should step down.", "Oskar Valden"),
    ("The Lantern Society and several rights groups said the elections in Tarn were rigged.", "Lantern Society"),
])
def test_a_named_speaker_with_companions_keeps_the_speech(text, speaker):
    assert speakers(text) == {speaker}


def test_companions_in_another_clause_do_not_lend_the_speech_to_the_name_before():
    text = "Oskar Valden was jailed in May, and other critics said the trial in Tarn was a farce."
    assert "Oskar Valden" not in speakers(text)


# -- names opening with a word that looks like an English stop word (data/name_first_words.txt) -------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Am Vanna Sok, an investigator with a rights group in Karsk, said the denials were no surprise.", "Am Vanna Sok"),
    ("Do Quang Thien said the police of Tarn had beaten him in custody.", "Do Quang Thien"),
])
def test_a_name_may_open_with_a_stop_word_shaped_word(text, speaker):
    assert speaker in speakers(text)


def test_a_question_opening_with_do_is_no_name():
    record = extract(Article("t", "T", None, None, text="Do Human Rights Matter in Tarn? Oskar Valden asked."))
    assert not [a.name for a in record.actors if a.name.startswith("Do ")]


# -- a stance verb whose whole object is a bare noun phrase says nothing: "X condemned the killing." ---------------

@pytest.mark.parametrize("text", [
    "The head of the alliance, Oskar Valden, has also condemned the action.",
    "The government of Tarn has strongly condemned the brutal murder. Mourners gathered in the square.",
    "In a post online Ilse Marek strongly condemned the killing. “He was a son of Tarn,” the post went on.",
])
def test_a_stance_on_a_bare_noun_phrase_is_no_statement(text):
    assert not [t for _, t, _ in said(text) if "condemned" in t or t.endswith(("action", "murder", "killing"))]


@pytest.mark.parametrize("text", [
    "Oskar Valden condemned the brutal murder of the editor of the Tarn Herald.",
    "The Lantern Society condemned the arrests in Tarn on Monday.",
])
def test_a_stance_with_more_than_a_bare_noun_phrase_is_a_statement(text):
    assert [t for _, t, c in said(text) if c and c.startswith("condemn")]


# -- unnamed subjects (description_heads.tsv, description_kinds.tsv): the actor named next, else a Group -----------

@pytest.mark.parametrize(("text", "speaker"), [
    ("A senior Moravian official disputes a report that hundreds of people were killed in Tarn.\n\n"
     "Speaking to reporters, Interior Minister Oskar Valden called the report untrue.", "Oskar Valden"),
    ("A rebel group in the north is denying allegations that it has burned villages.\n\n"
     "The Lantern Society accuses the Tarn Liberation Movement of killings and abductions.",
     "Tarn Liberation Movement"),
    ("An international rights group says the police chief of Tarn has made misleading statements.\n\n"
     "The chief, Ivo Marn, was quoted on Monday. The Lantern Society published its findings in May.",
     "Lantern Society"),
])
def test_an_indefinite_description_is_the_actor_of_its_kind_named_next(text, speaker):
    assert speaker in speakers(text)


def test_a_description_with_no_actor_named_after_it_is_a_group_named_by_itself():
    text = "Nine regional press associations issued a statement urging the mayor of Tarn to drop the new law."
    record = extract(Article("t", "T", None, None, text=text))
    assert [(s.speaker, a.type) for s in record.statements for a in record.actors if a.name == s.speaker] == [
        ("Nine regional press associations", "Group")]


@pytest.mark.parametrize("text", [
    "The official said the talks in Tarn had ended.",  # definite: left to the references, no one named before
    "A young man said the police in Tarn had beaten him.",  # no description head: no speaker
])
def test_a_definite_or_headless_description_makes_no_new_speaker(text):
    assert said(text) == []


def test_an_actor_named_in_the_descriptions_own_sentence_is_not_the_one_described():
    text = ("A rights group says Governor Ivo Marn of Tarn misled the assembly.\n\nIvo Marn denied it on Monday. "
            "The Lantern Society stood by its findings.")
    assert ("Ivo Marn", "Governor Ivo Marn of Tarn misled the assembly") not in [(s, t) for s, t, _ in said(text)]


# -- a title between an inverted cue and the name after it ------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("“The sentence must be annulled,” said Deputy Minister Tomas Brandt.", "Tomas Brandt"),
    ("“We will keep pressing for their release,” declared Foreign Ministry Spokesperson Elin Marsk.", "Elin Marsk"),
    ("Tomas Brandt spoke first. “The sentence must be annulled,” said Ambassador Brandt.", "Tomas Brandt"),
])
def test_a_title_between_the_cue_and_the_name_leaves_the_name_the_speaker(text, speaker):
    assert speaker in speakers(text)


def test_words_before_a_name_that_are_no_title_do_not_make_it_the_speaker():
    text = "“The sentence must be annulled,” said the neighbours who know Tomas Brandt."
    assert "Tomas Brandt" not in speakers(text)


# -- a two-letter surname after an honorific ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Mira Ko, a teacher in Tarn, was detained. Ms. Ko said the guards had beaten her in custody.",
    "Dan Vu, an editor, was arrested. “I was beaten in the cell,” Mr. Vu said.",
    "Dan Vu, an editor, was arrested. “I was beaten in the cell,” said a statement posted on Mr. Vu's page.",
])
def test_a_two_letter_surname_after_an_honorific_names_the_person(text):
    assert speakers(text) & {"Mira Ko", "Dan Vu"}


def test_a_bare_two_letter_word_is_not_the_surname():
    text = "Dan Vu, an editor, was arrested. Vu said the guards had beaten the prisoners in custody."
    assert "Dan Vu" not in speakers(text)


# -- a that-clause beside a quotation in one sentence ------------------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("Senator Rina Holt noted that the prisons were emptied in March, “and nobody has been charged since then.”",
     "the prisons were emptied in March"),
    ("“The prisons are empty,” Governor Rina Holt said, adding that nobody has been charged since March.",
     "nobody has been charged since March"),
    ("Judge Rina Holt said the prisons were emptied in March, adding that nobody has been charged since then.",
     "nobody has been charged since then"),
])
def test_a_that_clause_outside_the_quotation_is_a_statement_of_the_same_speaker(text, words):
    assert ("Rina Holt", words) in [(s, t) for s, t, _ in said(text)]


@pytest.mark.parametrize("text", [
    "Senator Rina Holt said, “The prisons were emptied in March and nobody has been charged since then.”",
    "Senator Rina Holt said that the prisons were “emptied for good” in the spring.",
])
def test_a_quotation_right_after_the_cue_or_inside_the_clause_makes_one_statement(text):
    assert len(said(text)) == 1


# -- a relative clause after the speaker: "X, who added that", "the X report, which says" --------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("“The camps are closed,” said Governor Lidia Sorne, who added that no one is held there any longer.",
     "Lidia Sorne"),
    ("Officials declined to comment on the Human Rights Watch report, which says that detainees are routinely "
     "beaten in the northern camps.", "Human Rights Watch"),
    ("The minister met Lidia Sorne, who said the camps were still full of detainees.", "Lidia Sorne"),
])
def test_a_relative_clause_with_a_speech_verb_is_a_statement_of_its_antecedent(text, speaker):
    assert speaker in speakers(text)


def test_a_place_governing_a_law_is_not_the_speaker_of_its_relative_clause():
    text = "The court upheld the election law of Georgia, which says that every newspaper must register."
    assert speakers(text) == set()


# -- two people: "Both men", "the two journalists"; a pronoun subject before ", saying" -----------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("The court convicted lawyer Oskar Valden and editor Piet Maas of contempt. Both men rejected the verdict, saying "
     "they had only reported on the trial.", "they had only reported on the trial"),
    ("The court convicted lawyer Oskar Valden and editor Piet Maas of contempt. The two journalists said the trial "
     "was staged by the government.", "the trial was staged by the government"),
])
def test_both_men_speak_as_the_first_of_the_two_named(text, words):
    assert ("Oskar Valden", words) in [(s, t) for s, t, _ in said(text)]


def test_a_pair_never_named_stays_the_group():
    text = "Police arrested two journalists in Tarn. The two journalists said the trial was staged by the government."
    assert speakers(text) == {"journalists"}


def test_a_pronoun_subject_carries_to_a_participle_after_a_comma():
    text = "The court convicted Oskar Valden. He rejected the verdict, saying that the judges had been bribed."
    assert ("Oskar Valden", "the judges had been bribed") in [(s, t) for s, t, _ in said(text)]


def test_a_cue_word_used_as_a_noun_does_not_cut_the_statement():
    text = "Oskar Valden denied the charges, saying that he had only reported on the trial in the capital."
    assert ("Oskar Valden", "he had only reported on the trial in the capital") in [(s, t) for s, t, _ in said(text)]


# -- a U.N. agency named by its description; "the agency" after it; a time word before the clause ---------------

def test_the_un_refugee_agency_is_unhcr_and_the_agency_after_it_too():
    text = ("On Monday the U.N. refugee agency said it will send tents to 4,000 families in the hills. "
            "The agency estimates that about 30,000 people have left the valley since May.")
    out = [(s, t) for s, t, _ in said(text)]
    assert ("UNHCR", "it will send tents to 4,000 families in the hills") in out
    assert ("UNHCR", "about 30,000 people have left the valley since May") in out


def test_the_agency_without_an_agency_before_it_has_no_speaker():
    text = "Amnesty International visited the camps. The agency estimates that about 30,000 people have left."
    assert "Amnesty International" not in speakers(text)


# -- descriptions as subjects: mid-paragraph, with a place, reports, a name of their own -----------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Fighting went on all week. A Dornish relief committee said that 700 people were killed in the shelling.",
     "Dornish relief committee"),
    ("Nothing was found on him. In addition the authorities at Valmor airport said that they saw nothing illegal "
     "in his bags.", "authorities at Valmor airport"),
    ("Riots broke out in the east. A U.N. special report examining abuses in the region last year charged that "
     "the beatings were systematic.", "United Nations"),
    ("Human Rights Watch accuses the militia of rape. The report issued Monday says the militia is leaving a trail "
     "of abuses in the east.", "Human Rights Watch"),
    ("A new report by a rights group in Dorne says the police are among the worst abusers. According to the Dorne "
     "Rights Forum, at least 100 people were arrested in May.", "Dorne Rights Forum"),
])
def test_a_description_as_subject_names_its_speaker(text, speaker):
    assert speaker in speakers(text)


def test_a_description_with_a_name_of_its_own_is_not_the_body_named_after_it():
    text = ("Fighting went on. A Dornish relief committee said that 700 people were killed. The city was calm. "
            "Later the U.N. refugee agency announced it will send tents to the hills.")
    out = [(s, t) for s, t, _ in said(text)]
    assert ("Dornish relief committee", "700 people were killed") in out
    assert ("UNHCR", "700 people were killed") not in out


def test_the_authorities_without_a_place_stay_unnamed():
    text = "Fighting went on. The authorities said the curfew would be lifted on Monday morning."
    assert "authorities at" not in " ".join(str(s) for s in speakers(text))


def test_two_collectives_joined_by_and_speak_as_one():
    found = speakers("Lawyers and press freedom advocates said the trial of the three editors in Paraguay was a sham.")
    assert "lawyers and press freedom advocates" in {(s or "").lower() for s in found}
    apart = speakers("Police detained the lawyers and the judge said the trial would go on in Paraguay.")
    assert "lawyers and the judge" not in {(s or "").lower() for s in apart}

# -- a charge named as a noun with its maker: "charges made by X that ..." ---------------------------------------

@pytest.mark.parametrize(("text", "speaker", "words"), [
    ("A new survey supports accusations levelled by the opposition Valmor Front: that tax inspectors are sent to "
     "raid its donors.", "Valmor Front", "tax inspectors are sent to raid its donors"),
    ("The minister rejected accusations by Human Rights Watch that guards had beaten the prisoners in the camps.",
     "Human Rights Watch", "guards had beaten the prisoners in the camps"),
])
def test_a_charge_named_as_a_noun_is_a_statement_of_its_maker(text, speaker, words):
    assert (speaker, words) in [(s, t) for s, t, _ in said(text)]


def test_a_charge_brought_in_court_without_a_clause_is_no_statement():
    text = "The court heard charges brought by Human Rights Watch against the guards of the camp on Monday."
    assert said(text) == []


# -- kinds seen in unannotated articles: a coordinated passive, reporting for outlets, a colon before a quotation --

def test_a_participle_coordinated_with_a_passive_is_no_statement():
    text = "Anton Vell, a party leader, was detained in May and accused of organizing riots in the capital."
    assert said(text) == []


def test_an_active_verb_after_a_passive_keeps_its_statement():
    text = "Anton Vell was detained in May and accused the police of beating him in custody."
    assert ("Anton Vell", "the police of beating him in custody") in [(s, t) for s, t, _ in said(text)]


def test_reporting_for_outlets_is_a_career_not_a_statement():
    assert said("Since 1990 Mira Sand has reported for many foreign newspapers and radio stations.") == []
    assert speakers("Mira Sand reported on Monday that the police had beaten the students.") == {"Mira Sand"}


def test_a_quotation_after_a_paragraph_ending_in_a_colon_is_the_introducers():
    text = ("State Department spokesman Anton Vell condemned the move:\n\n"
            "“We are deeply troubled by reports that the sentences of the seven prisoners were extended.”")
    out = said(text)
    assert [s for s, _, _ in out] == ["Anton Vell"]
    assert out[0][1].startswith("We are deeply troubled")
