"""Claims, rule by rule (fourth set): deaths laid at someone's door, and who makes a claim. Sentences written for
these tests, with invented people, places and groups; none from the evaluation sets. Each rule has positives and
negatives."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def run(text: str, publisher: str | None = "Test Wire", published: str | None = "2024-05-10"):
    return extract(Article("t", "T", published, publisher, text=text))


def codes(text: str) -> set[tuple[str, str]]:
    return {(c.abuse, c.country) for c in run(text).claims}


def claimants(text: str, code: str) -> set[str | None]:
    return {c.claimant for c in run(text).claims if c.abuse == code}


# -- a death laid at someone's door is an accusation of killing -----------------------------------------------------

def test_blaming_a_government_for_a_death_is_a_killing_claim():
    text = ("Lorvan Press Watch said the government of Laos is to blame for the death of Tomas Brell, a farmer "
            "who had signed a petition.")
    assert ("unlawful_killing", "Laos") in codes(text)
    assert "Lorvan Press Watch" in claimants(text, "unlawful_killing")


def test_the_blamed_death_of_an_editor_is_violence_against_journalists():
    text = "The Civic Watch Network blamed Lao police for the editor's death last month."
    found = codes(text)
    assert ("unlawful_killing", "Laos") in found
    assert ("violence_against_journalists", "Laos") in found
    assert "Civic Watch Network" in claimants(text, "violence_against_journalists")


def test_a_held_responsible_frame_names_the_dead_reporter():
    found = codes("Relatives in Laos held the security services responsible for the killing of Mira Osk, a "
                  "radio reporter.")
    assert ("violence_against_journalists", "Laos") in found


def test_a_duty_about_a_death_is_no_blamed_death():
    assert not codes("Anna Korvel blamed the mayor of Dravo in Laos for investigating the death of a tourist too "
                     "slowly.")


def test_blame_for_something_else_is_no_killing():
    assert not codes("The Lao finance minister blamed rising fuel prices for the slow economy.")


def test_a_death_blamed_on_no_press_victim_is_no_journalist_claim():
    found = codes("Civic Watch Network blamed Lao soldiers for the death of a shepherd near the border.")
    assert ("unlawful_killing", "Laos") in found
    assert ("violence_against_journalists", "Laos") not in found


def test_collectives_that_blame_make_the_claim():
    text = ("In Laos, several opposition politicians and student groups have blamed the police for the deaths of "
            "two marchers.")
    assert any(c and "politicians" in c for c in claimants(text, "unlawful_killing"))


# -- a narrated claim is made by whom the article hears accusing that state ------------------------------------------

ACCUSER_STORY = ("Laotian police detained the poet Karin Vosk in Vientiane on Monday.\n\n"
                 "Minister Anna Korvel of Norway said her country would send a trade delegation to Laos in June. "
                 "Korvel said the visit would focus on hydropower. Korvel added that talks on coffee exports would "
                 "follow.\n\n"
                 "The Mekong Freedom Forum said Vosk had been tortured in custody.")


def test_a_narrated_claim_goes_to_the_source_that_accuses():
    assert claimants(ACCUSER_STORY, "arbitrary_detention") == {"Mekong Freedom Forum"}


def test_without_an_accuser_the_source_heard_most_claims():
    text = ACCUSER_STORY.rsplit("\n\n", 1)[0] + "\n\nOn Friday the Mekong Freedom Forum said it would hold a concert."
    assert claimants(text, "arbitrary_detention") == {"Anna Korvel"}


# -- officers who arrest are the state's -------------------------------------------------------------------------

def test_officers_arresting_someone_is_an_arrest_claim():
    text = "Karin Vosk says officers came to her flat in Vientiane, Laos, at midnight and then arrested her."
    assert ("arbitrary_detention", "Laos") in codes(text)
    assert "Karin Vosk" in claimants(text, "arbitrary_detention")


def test_an_arrest_with_no_state_word_is_no_claim():
    assert ("arbitrary_detention", "Laos") not in codes("Karin Vosk of Laos says the arrest of the striker ended "
                                                         "the final early.")


# -- what a message tells of is not where it is punished ------------------------------------------------------------

def test_a_country_a_message_is_about_is_not_where_it_is_punished():
    found = codes("A Belarusian court jailed the blogger Karin Vosk for spreading false information about the army "
                  "in Ukraine.")
    assert ("expression_restrictions", "Belarus") in found
    assert ("expression_restrictions", "Ukraine") not in found


def test_concerns_about_a_country_still_place_the_abuse_there():
    found = codes("Concerns about Moldova remain high, above all the harassment of independent "
                  "nongovernmental organizations, the Civic Watch Network said.")
    assert ("civil_society_restrictions", "Moldova") in found


# -- freedoms listed after the first in a call to protect them are only alluded to ---------------------------------

def test_freedoms_listed_in_a_call_to_protect_them_add_no_claims():
    found = codes("We urge the authorities of Moldova to protect the freedoms of speech, of association and of "
                  "assembly for every citizen.")
    assert ("assembly_restrictions", "Moldova") not in found
    assert ("civil_society_restrictions", "Moldova") not in found


def test_a_listed_freedom_outside_a_call_is_still_read():
    found = codes("Moldovan police curtailed the freedoms of speech, association and assembly during the strike, "
                  "the Civic Watch Network said.")
    assert ("assembly_restrictions", "Moldova") in found


def test_the_call_for_one_freedom_is_still_a_claim():
    assert ("assembly_restrictions", "Moldova") in codes("The envoy called on Moldova to respect freedom of assembly "
                                                         "after police broke up the rally.")


# -- violence by armed actors outside the state is no state abuse -------------------------------------------------

def test_an_assassination_by_a_militant_is_no_state_killing():
    found = codes("Emergency rule began in Chad in 1990, after the assassination of Governor Idris Mahamat by a "
                  "lone militant.")
    assert ("unlawful_killing", "Chad") not in found


def test_an_abduction_by_rebels_is_no_enforced_disappearance():
    assert ("enforced_disappearance", "Chad") not in codes("The Sahel Rights Union said the abduction of two "
                                                           "teachers in Chad by armed rebels went unpunished.")


def test_a_killing_by_state_agents_stays_a_claim():
    found = codes("The Sahel Rights Union said the assassination of the poet Idris Mahamat by Chadian security "
                  "agents went unpunished.")
    assert ("unlawful_killing", "Chad") in found


# -- held for exercising a freedom -----------------------------------------------------------------------------------

def test_incarcerated_in_connection_with_exercising_freedoms_is_political_prisoners():
    text = ('"Chad must free Idris Mahamat and the dozens of teachers incarcerated last year in connection with '
            'exercising the right to strike," said Anna Korvel.')
    assert "Anna Korvel" in claimants(text, "political_prisoners")


def test_incarcerated_for_a_crime_is_no_political_prisoner():
    assert ("political_prisoners", "Chad") not in codes("A Chadian man incarcerated in connection with a string of "
                                                        "burglaries was moved to a new jail.")
