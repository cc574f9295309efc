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
    text = ("Chad's state-run newspaper rejected a report by the Sahel Rights Union that says Christians in Chad "
            "are tortured.")
    assert deniers(text) == {"Chad's state-run newspaper"}


def test_a_described_denier_is_the_one_the_article_later_names_denying():
    text = ("A rebel group in eastern Chad is denying allegations of war crimes. The Sahel Rights Union accuses the "
            "Liberation Front of killings and torture. In an interview, Front spokesman Idris Mahamat rejected the "
            "accusations.")
    assert deniers(text) == {"Idris Mahamat"}


def test_a_government_denial_is_made_by_the_ministry_the_article_hears():
    text = ("The government of Chad denies it had any hand in the enforced disappearance of the activist Idris "
            "Mahamat. The Chadian Interior Ministry says he may have left the country of his own accord.")
    assert deniers(text) == {"Chadian Interior Ministry"}


def test_a_government_denial_stays_the_government_s_where_no_body_of_it_speaks():
    text = ("The government of Chad denies it had any hand in the enforced disappearance of the activist Idris "
            "Mahamat. The Sahel Rights Union says he was last seen at a police post.")
    assert deniers(text) == {"Government of Chad"}


def test_a_named_denier_is_kept():
    text = ("The Chadian army is rejecting allegations that soldiers tortured herders. Army spokesman Idris Mahamat "
            "said the report was baseless.")
    assert "Idris Mahamat" not in deniers(text)


# -- "no <abuse> takes place": a denial by the accused, else no claim ----------------------------------------------

def test_no_abuse_taking_place_said_by_the_accused_is_a_denial():
    text = ("In a written reply, Chad's interior ministry said no torture takes place in its cells. Rights groups in "
            "Chad accuse police of torture.")
    assert ("torture", "Chad", "denies", "Interior Ministry of Chad") in claims(text)


def test_no_before_an_abuse_without_a_negated_predicate_is_still_a_claim():
    text = "The Sahel Rights Union said police in Chad showed no restraint and tortured detainees, and torture takes place daily."
    assert all(c[2] == "asserts" for c in claims(text))
    assert any(c[0] == "torture" for c in claims(text))


# -- codes read in their context ---------------------------------------------------------------------------------

def codes(text: str) -> set[str]:
    return {c.abuse for c in run(text).claims}


def test_a_killing_in_armed_fighting_is_a_war_crime():
    text = "The Sahel Rights Union said 300 civilians were killed in three days of fighting between the army and rebels in Chad."
    assert "war_crimes" in codes(text) and "unlawful_killing" not in codes(text)


def test_a_killing_by_police_without_fighting_stays_an_unlawful_killing():
    text = "The Sahel Rights Union said police in Chad killed 12 protesters and shot dead a student."
    assert "unlawful_killing" in codes(text) and "war_crimes" not in codes(text)


def test_detaining_political_prisoners_is_one_abuse_not_two():
    text = "The Sahel Rights Union says the junta of Chad has detained some 400 political prisoners since the coup."
    assert "political_prisoners" in codes(text) and "arbitrary_detention" not in codes(text)


def test_a_detention_apart_from_the_political_prisoners_named_stays():
    text = ("The Sahel Rights Union says police in Chad detained 30 students last week, and that the country holds "
            "400 political prisoners.")
    assert {"political_prisoners", "arbitrary_detention"} <= codes(text)


def test_an_arrest_that_only_times_a_beating_is_not_a_detention_claim():
    text = "The Sahel Rights Union said the students were beaten with batons after they were arrested by police in Chad."
    assert "torture" in codes(text) and "arbitrary_detention" not in codes(text)


def test_an_arrest_with_no_other_abuse_stays_a_detention_claim():
    text = "The Sahel Rights Union said police in Chad arrested the students after they were seen at a rally."
    assert "arbitrary_detention" in codes(text)


def test_what_a_law_is_said_to_fight_is_no_claim():
    text = "The government of Chad proposed a law on associations to prevent terrorism and to stop money laundering."
    assert "corruption" not in codes(text)


def test_the_same_words_outside_a_law_s_purpose_are_a_claim():
    text = "The Sahel Rights Union accused officials in Chad of money laundering and embezzlement."
    assert "corruption" in codes(text)


def test_calling_a_report_false_information_is_no_expression_claim():
    text = ('"It is false information, a false report," Front spokesman Idris Mahamat said of the Sahel Rights Union '
            "report on torture in Chad.")
    assert "expression_restrictions" not in codes(text)


def test_a_charge_of_spreading_false_information_is_an_expression_claim():
    text = "Police in Chad charged the blogger Idris Mahamat with spreading false information about the army."
    assert "expression_restrictions" in codes(text)


def test_recruiting_children_as_soldiers_is_a_child_rights_abuse():
    assert "child_rights_abuses" in codes("The Sahel Rights Union accuses rebels in Chad of killings and recruiting "
                                          "children to work as soldiers.")
    assert "child_rights_abuses" in codes("The Sahel Rights Union said the militia in Chad used boys as fighters.")


def test_children_and_soldiers_in_one_sentence_are_no_child_rights_abuse():
    assert "child_rights_abuses" not in codes("In Chad, children played football while soldiers watched from the "
                                              "police post; the school teaches children to fight illiteracy.")


# -- figures: the number after a year or "one of", counts given after what they count, the country of the count ----

def figures(text: str) -> set[tuple[float, str | None]]:
    return {(f.value, f.country) for f in run(text).figures}


def test_a_year_does_not_swallow_the_count_after_it():
    text = "In power since 1975, the junta in Chad now holds some 11-hundred political prisoners."
    assert (1100.0, "Chad") in figures(text) and not any(v in (1975.0, 100.0) for v, _ in figures(text))


def test_one_of_does_not_swallow_the_count_after_it():
    text = "Idris Mahamat is one of at least five bloggers jailed in Chad this year."
    assert {v for v, _ in figures(text)} == {5.0}


def test_a_count_given_after_what_it_counts():
    text = "The arrests bring the number of imprisoned journalists in Chad to 19, the Sahel Rights Union said."
    assert (19.0, "Chad") in figures(text)


def test_a_number_after_a_total_that_is_no_count_is_no_figure():
    assert figures("The number of schools in Chad rose to 120 last year.") == set()


def test_a_quoted_modifier_stays_inside_what_is_counted():
    text = 'A Chadian minister put the toll at 18 "peaceful" people dead in the capital after the unrest.'
    assert (18.0, "Chad") in figures(text)


def test_a_count_among_two_countries_alike_goes_to_the_article_s_country():
    text = ("Fighting in Chad continues. The Sahel Rights Union said 300 people were killed in fighting that pitted "
            "rebels against Sudanese and Chadian government troops. Chad denies it.")
    assert (300.0, "Chad") in figures(text)


def test_a_country_in_a_hyphenated_modifier_is_not_where_a_count_happened():
    text = "A U.S.-based group said 40 protesters were detained in the capital of Chad last week."
    assert (40.0, "Chad") in figures(text) and (40.0, "United States") not in figures(text)


# -- an NGO named after its country speaks against the state, not for it -------------------------------------------

def test_an_ngo_named_after_its_country_keeps_its_claim():
    text = ("The United States asked the authorities to find the activist Idris Mahamat. The Chad Lawyers for Human "
            "Rights Association on Tuesday accused intelligence officers of abducting Mahamat in Chad.")
    found = claims(text)
    assert ("enforced_disappearance", "Chad", "asserts", "Chad Lawyers for Human Rights Association") in found


def test_a_body_of_the_state_telling_of_its_own_acts_still_accuses_no_one():
    text = ("The Sahel Rights Union said soldiers in Chad tortured herders. The Chadian Interior Ministry said police "
            "arrested 40 people in the capital.")
    assert not any(c[3] == "Interior Ministry of Chad" and c[2] == "asserts" for c in claims(text))
