"""Claims, rule by rule (third set): sentences not carried out, protective and cooperative frames, lawful arrests of
crime suspects, codes read from an act and its object, abuses in occupied regions. Sentences written for these
tests, with invented people and groups; none from the evaluation sets. Each rule has positives and negatives."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def run(text: str, publisher: str | None = "Test Wire", published: str | None = "2024-05-10"):
    return extract(Article("t", "T", published, publisher, text=text))


def codes(text: str) -> set[tuple[str, str]]:
    return {(c.abuse, c.country) for c in run(text).claims}


# -- a death sentence is no killing until carried out ---------------------------------------------------------------

def test_a_death_sentence_not_carried_out_is_no_killing():
    found = codes("A pastor in Chad was sentenced to death for apostasy last week.")
    assert ("unlawful_killing", "Chad") not in found
    assert ("religious_restrictions", "Chad") in found


def test_the_death_penalty_named_is_no_killing():
    assert ("unlawful_killing", "Chad") not in codes("Chad's prosecutors are seeking the death penalty for the "
                                                     "opposition leader Idris Mahamat.")


def test_an_execution_carried_out_is_a_killing():
    found = codes("Chadian authorities executed the poet Idris Mahamat on Tuesday, a year after his death sentence.")
    assert ("unlawful_killing", "Chad") in found


# -- an abuse worked against (cooperation, campaigns, "anti-") is no claim ----------------------------------------

def test_combating_an_abuse_in_a_partnership_is_no_claim():
    found = codes("Chad values its partnership with Niger on many issues, including combating trafficking in persons.")
    assert not any(code == "human_trafficking" for code, _ in found)


def test_efforts_against_an_abuse_are_no_claim():
    assert not codes("The delegation praised Chad's efforts against torture and its new training for judges.")


def test_an_anti_prefix_makes_no_claim():
    assert not codes("The Chadian anti-corruption commission opened new offices in three provinces on Monday.")


def test_people_fought_against_are_still_targets():
    found = codes("Chadian soldiers fought against rebels and tortured prisoners in the north, the Sahel Rights Union "
                  "said.")
    assert ("torture", "Chad") in found


def test_people_kept_from_acting_are_still_targets():
    found = codes("Chadian authorities are preventing opposition candidates from registering and have banned their "
                  "parties.")
    assert ("political_participation_restrictions", "Chad") in found


# -- an arrest of a crime suspect is law enforcement, not arbitrary detention -----------------------------------

def test_police_arresting_a_suspect_is_no_arbitrary_detention():
    found = codes("On Friday, Chadian police arrested a suspect in the stabbing of a shopkeeper in the capital.")
    assert ("arbitrary_detention", "Chad") not in found


def test_suspects_detained_in_an_investigation_are_no_arbitrary_detention():
    found = codes("The inquiry into the shopkeeper's death in Chad remains open, with three suspects detained by police "
                  "since March.")
    assert ("arbitrary_detention", "Chad") not in found


def test_an_arrest_for_an_ordinary_crime_is_no_arbitrary_detention():
    found = codes("Chadian police arrested four men in connection with a wave of armed robberies in the south.")
    assert ("arbitrary_detention", "Chad") not in found


def test_an_arrest_of_activists_stays_a_claim():
    found = codes("Chadian police arrested four activists at a rally in the capital, the Sahel Rights Union said.")
    assert ("arbitrary_detention", "Chad") in found


def test_an_arrest_called_arbitrary_stays_a_claim_even_of_suspects():
    found = codes("The Sahel Rights Union said Chadian police carried out arbitrary arrests of suspects after the "
                  "bombing.")
    assert ("arbitrary_detention", "Chad") in found


def test_an_arrest_for_reporting_on_a_crime_stays_a_claim():
    found = codes("Chadian police arrested the editor Idris Mahamat for reporting on the killing of a shopkeeper.")
    assert ("arbitrary_detention", "Chad") in found


# -- a code from an act and its object, not from a noun near some act -------------------------------------------

def test_detainees_are_people_not_an_act_of_detention():
    found = codes("A Chadian NGO coalition counted some 80 detainees in the capital's jails, among them civil society "
                  "activists.")
    assert ("civil_society_restrictions", "Chad") not in found


def test_civil_society_activists_detained_stay_a_claim():
    found = codes("Chadian police detained five civil society activists in the capital on Monday.")
    assert ("civil_society_restrictions", "Chad") in found


def test_release_of_all_arbitrarily_detained_is_arbitrary_detention_not_political_prisoners():
    found = codes("The resolution urged Chad to release all arbitrarily detained persons.")
    assert ("arbitrary_detention", "Chad") in found
    assert ("political_prisoners", "Chad") not in found


def test_release_of_all_political_detainees_stays_political_prisoners():
    assert ("political_prisoners", "Chad") in codes("The resolution urged Chad to release all political detainees.")


def test_opposition_to_a_policy_is_no_political_opposition():
    found = codes("Chadian security services moved to suppress dissent and opposition to the new mining law.")
    assert ("political_participation_restrictions", "Chad") not in found
    assert ("expression_restrictions", "Chad") in found


def test_suppressing_the_opposition_stays_a_claim():
    found = codes("Chadian security services moved to suppress the opposition before the vote.")
    assert ("political_participation_restrictions", "Chad") in found


def test_a_former_journalist_is_no_journalist_harassed():
    found = codes("Idris Mahamat, a former journalist who now runs a bakery, was jailed in Chad for tax fraud.")
    assert ("violence_against_journalists", "Chad") not in found


def test_a_journalist_jailed_stays_a_claim():
    found = codes("Idris Mahamat, a journalist who runs a weekly, was jailed in Chad for his reporting.")
    assert ("violence_against_journalists", "Chad") in found


def test_surveillance_camera_footage_is_no_surveillance_of_people():
    found = codes("Chadian police said the abduction of Idris Mahamat was recorded on government surveillance cameras.")
    assert ("privacy_violation", "Chad") not in found


def test_government_surveillance_of_activists_stays_a_claim():
    found = codes("The Chadian government has put activists under surveillance and tapped their phones.")
    assert ("privacy_violation", "Chad") in found


def test_publishing_in_mass_media_is_no_target():
    found = codes("The Chadian ban would stop the council from airing its opinions in mass media.")
    assert ("media_restrictions", "Chad") not in found


def test_a_strike_to_protest_a_killing_is_no_restricted_assembly():
    found = codes("Chadian police killed a trader, and residents held a strike to protest the killing.")
    assert ("assembly_restrictions", "Chad") not in found


def test_protesters_shot_stays_a_restricted_assembly():
    found = codes("Chadian police shot at protesters who gathered to denounce the killing.")
    assert ("assembly_restrictions", "Chad") in found


def test_a_stance_word_naming_which_press_is_no_political_restriction():
    found = codes("Opposition journalists in Chad are often questioned and harassed by the police.")
    assert ("political_participation_restrictions", "Chad") not in found
    assert ("violence_against_journalists", "Chad") in found


def test_opposition_leaders_arrested_stay_a_political_restriction():
    found = codes("Chadian police arrested three opposition leaders after the vote.")
    assert ("political_participation_restrictions", "Chad") in found


def test_deportations_by_security_services_are_forced_displacement():
    found = codes("Chadian security services carried out kidnappings, beatings and deportations in the north.")
    assert ("forced_displacement", "Chad") in found


def test_an_exile_body_beside_the_police_is_no_displacement():
    found = codes("A member of the Chadian exile parliament rejected the police account of the clashes.")
    assert ("forced_displacement", "Chad") not in found


# -- an abuse in an occupied region happens in the state the region belongs to ---------------------------------

def test_an_abuse_in_an_occupied_region_is_in_the_state_it_belongs_to():
    record = run("Russian security services detained five activists in Crimea last week, a rights group said.")
    found = {(c.abuse, c.country) for c in record.claims}
    assert ("arbitrary_detention", "Ukraine") in found
    assert not any(country == "Russia" for _, country in found)


def test_an_article_titled_by_an_occupied_region_places_its_abuses_there():
    article = Article("t", "Rights Abuses in Abkhazia", "2024-05-10", "Test Wire",
                      text="Russian forces detained five activists last week and beat them, a rights group said.")
    countries = {c.country for c in extract(article).claims}
    assert countries == {"Georgia"}


def test_an_abuse_in_the_occupier_s_own_cities_stays_the_occupier_s():
    found = codes("Russian police detained five activists in Moscow last week, a rights group said.")
    assert {country for _, country in found} == {"Russia"}


def test_a_ban_in_the_occupier_and_the_region_stays_the_occupier_s():
    found = codes("A Russian court banned the council as an extremist organization in Russia and in Crimea.")
    assert ("civil_society_restrictions", "Russia") in found
