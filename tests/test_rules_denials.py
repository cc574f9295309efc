"""Denials, rule by rule: a denial that answers claims made before it without naming the abuse, a relative clause
denying what its sentence said, and the accused saying in its own words that an abuse does not happen. Sentences
written for these tests, with invented people and groups; none from the evaluation sets. Positives and negatives."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def claims(text: str) -> set[tuple[str, str, str, str | None]]:
    record = extract(Article("t", "T", "2024-05-10", "Test Wire", text=text))
    return {(c.abuse, c.country, c.stance, c.claimant) for c in record.claims}


def denials(text: str) -> set[tuple[str, str | None]]:
    record = extract(Article("t", "T", "2024-05-10", "Test Wire", text=text))
    return {(c.abuse, c.claimant) for c in record.claims if c.stance == "denies"}


ACCUSATION = "The Brightwater Legal Forum said police in Malawi beat and tortured detainees at a station in Zomba."


# -- a later denial of "the allegations" answers the claims before it ------------------------------------------------

def test_a_ministry_denying_the_allegations_denies_the_claims_before():
    found = claims(ACCUSATION + " The Malawian Home Affairs Ministry denied the allegations on Monday.")
    assert ("torture", "Malawi", "asserts", "Brightwater Legal Forum") in found
    assert ("torture", "Malawi", "denies", "Malawian Home Affairs Ministry") in found


def test_rejecting_the_accusations_as_baseless_is_a_denial():
    assert ("torture", "Government of Malawi") in denials(
        ACCUSATION + " The Malawian government rejected the accusations as baseless.")


def test_denying_any_wrongdoing_answers_the_claims():
    assert {code for code, _ in denials(ACCUSATION + " Malawian officials have denied any wrongdoing.")} >= {"torture"}


def test_the_denial_records_who_made_the_claim():
    record = extract(Article("t", "T", "2024-05-10", "Test Wire",
                             text=ACCUSATION + " The Malawian government dismissed the report."))
    denied = [c for c in record.claims if c.stance == "denies" and c.abuse == "torture"]
    assert denied and denied[0].asserted_by == "Brightwater Legal Forum"
    assert denied[0].rule == "claim.denial.back"


def test_a_denial_far_after_the_claims_answers_nothing():
    filler = " ".join(f"The weather in the capital was mild on day {n} of the week." for n in range(1, 6))
    assert not denials(ACCUSATION + " " + filler + " The Malawian government denied the allegations.")


def test_a_denial_that_says_what_it_denies_takes_no_earlier_claims():
    assert not denials(ACCUSATION + " The Malawian government denied reports that it was buying new aircraft.")


def test_a_denial_by_the_accuser_or_a_third_party_is_no_denial_of_the_claims():
    assert not denials(ACCUSATION + " Pieter Vosk, a researcher for the forum, rejected the government's claims.")
    assert not denials(ACCUSATION + " A court in Zomba rejected the appeal of two of the detainees.")


# -- a relative clause denying what the sentence said --------------------------------------------------------------

def test_a_claim_the_government_denied():
    assert ("torture", "Government of Malawi") in denials(
        "The Brightwater Legal Forum said police in Malawi tortured detainees, a claim the Malawian government denied.")


def test_which_the_government_denies():
    assert ("torture", "Government of Malawi") in denials(
        "The Brightwater Legal Forum said police in Malawi tortured detainees, which the Malawian government denies.")


def test_a_relative_clause_by_someone_else_denies_nothing():
    assert not denials("The Brightwater Legal Forum said police in Malawi tortured detainees, which a second "
                       "group, the Tarn Institute, has disputed.")


# -- the accused saying in its own words that an abuse does not happen --------------------------------------------

def test_never_tortured_from_the_accused_side_is_a_denial():
    found = claims("Police in Malawi have never tortured anyone, the Malawian Home Affairs Ministry said.")
    assert ("torture", "Malawi", "denies", "Malawian Home Affairs Ministry") in found
    assert not any(stance == "asserts" for _, _, stance, _ in found)


def test_does_not_hold_any_political_prisoners_is_a_denial():
    found = claims("The Malawian government says it does not hold any political prisoners.")
    assert {(code, stance) for code, _, stance, _ in found} == {("political_prisoners", "denies")}


def test_other_negated_verbs_keep_the_claim():
    assert ("torture", "Malawi", "asserts", "Brightwater Legal Forum") in claims(
        "The Brightwater Legal Forum said the Malawian authorities have not investigated the torture of detainees.")
    assert ("torture", "Malawi", "asserts", "Brightwater Legal Forum") in claims(
        "The Brightwater Legal Forum said police in Malawi have never stopped torturing detainees.")
    assert ("torture", "Malawi", "asserts", "Brightwater Legal Forum") in claims(
        "The Brightwater Legal Forum said police in Malawi not only beat but also tortured detainees.")


# -- a state post set off by commas beside the name makes a denier -------------------------------------------------

def test_a_minister_named_in_apposition_denies_for_the_state():
    assert ("torture", "Mara Vint") in denials(
        "Malawi's home affairs minister, Mara Vint, said nobody was mistreated in custody in Malawi.")
    assert ("enforced_disappearance", "Mara Vint") in denials(
        'Mara Vint, Malawi\'s home affairs minister, said security agencies in Malawi "have never made anyone '
        'disappear."')


def test_a_national_in_apposition_is_no_state_denier():
    assert not denials("Mara Vint, a Malawian journalist, said nobody was mistreated in custody in Malawi.")
    assert not denials("An accusation came from the member of parliament for Zomba, Mara Vint, in southern Malawi, "
                       "where police have long been said to torture detainees. Mara Vint said nobody had been "
                       "mistreated in her own district.")


def test_someone_made_to_disappear_by_agents_is_a_claim():
    assert ("enforced_disappearance", "Malawi", "asserts", "Brightwater Legal Forum") in claims(
        "The Brightwater Legal Forum said security agencies in Malawi had made dozens of activists disappear.")


def test_no_prisoner_denied_treatment_from_the_accused_is_a_denial():
    assert ("prison_conditions", "Interior Ministry of Bahrain") in denials(
        "Bahrain's interior ministry said that no prisoner had been denied medical treatment in Bahrain.")
    assert ("prison_conditions", "Bahrain", "asserts", "Brightwater Legal Forum") in claims(
        "The Brightwater Legal Forum said prisoners in Bahrain had been denied medical treatment.")


def test_no_prisoner_named_beside_another_clause_leaves_that_clause_a_claim():
    found = claims("The Brightwater Legal Forum said no prisoner in Bahrain had been given medical treatment for "
                   "months, and two had been tortured.")
    assert ("torture", "Bahrain", "asserts", "Brightwater Legal Forum") in found
