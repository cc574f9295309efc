"""Claims, rule by rule (fifth set): wire phrasings of detention, beating and internet shutdowns, a state force
"accused of" an abuse, and a nationality that places nothing. Sentences written for these tests, with invented people
and groups; none from the evaluation sets. Positives and negatives."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def codes(text: str) -> set[tuple[str, str]]:
    return {(c.abuse, c.country) for c in extract(Article("t", "T", "2024-05-10", "Test Wire", text=text)).claims}


FORUM = "the Brightwater Legal Forum said"


def test_holding_people_without_charge_is_arbitrary_detention():
    assert ("arbitrary_detention", "Malawi") in codes(
        f"Authorities in Malawi were holding dozens of activists without charge, {FORUM}.")


def test_released_without_charge_alone_is_no_detention_claim():
    assert ("arbitrary_detention", "Malawi") not in codes(
        "A tourist in Malawi who lost her passport was questioned at the airport and released without charge.")


def test_rounding_up_members_of_a_group_is_arbitrary_detention():
    assert ("arbitrary_detention", "Malawi") in codes(
        f"Security forces in Malawi rounded up more than 300 members of a minority, {FORUM}.")


def test_rounding_up_figures_is_no_detention():
    assert not codes("The central bank of Malawi rounded up its growth forecast to three percent.")


def test_prisoners_beaten_without_a_named_agent_is_torture():
    assert ("torture", "Malawi") in codes(f"Prisoners in Malawi were routinely beaten, {FORUM}.")


def test_a_beaten_team_is_no_torture():
    assert not codes("The national football team of Malawi was beaten 3-0 in the final on Sunday.")


def test_cutting_the_internet_is_a_restriction_on_expression():
    assert ("expression_restrictions", "Malawi") in codes(
        f"The government of Malawi cut mobile internet access across the country before the vote, {FORUM}.")
    assert ("expression_restrictions", "Malawi") in codes(
        f"Authorities in Malawi shut down the internet for three days during the protests, {FORUM}.")


def test_a_state_force_accused_of_torture_is_a_claim():
    assert ("torture", "Malawi") in codes(f"Police in Malawi have been accused of torturing detainees, {FORUM}.")
    assert ("unlawful_killing", "Malawi") in codes("Malawian soldiers were accused of killing 12 villagers in the north.")


def test_a_person_accused_of_a_crime_is_no_state_abuse():
    assert not codes("A farmer in Malawi was accused of murdering his neighbour, the police said.")


def test_a_nationality_places_no_claim():
    found = codes("Police in Malawi arrested 20 activists in March. Most, including a Zambian and a Tanzanian, were "
                  "released, but two have been held for three months without trial, Human Rights Watch said.")
    assert ("arbitrary_detention", "Malawi") in found
    assert not {country for _, country in found} & {"Zambia", "Tanzania"}


def test_freedoms_listed_in_a_long_call_are_only_alluded_to():
    text = ("On the anniversary of the editor's killing, the Brightwater Legal Forum again appealed to the authorities "
            "of Peru to live up to the promises they made to their citizens and to the wider community of nations and "
            "to safeguard human rights, including the basic freedoms of expression, peaceful assembly, and association.")
    found = {code for code, _ in codes(text)}
    assert not {"assembly_restrictions", "civil_society_restrictions"} & found


def test_freedoms_curbed_in_a_long_sentence_are_claims():
    text = ("Marking the anniversary of the editor's death, the Brightwater Legal Forum said that the Government of "
            "Peru, which had promised its own people and the wider community of nations to do better, has banned "
            "peaceful assembly and dissolved associations across the south of the country.")
    assert ("assembly_restrictions", "Peru") in codes(text)


def test_hanging_convicts_is_an_execution():
    assert ("unlawful_killing", "Peru") in codes(
        "Peru hanged two men convicted of drug offences on Monday, the Andean Rights Observatory said.")


def test_hanging_oneself_is_no_execution():
    assert not codes("A farmer in Peru hanged himself after the harvest failed, his family said.")


def test_people_displaced_by_an_army_offensive_is_forced_displacement():
    assert ("forced_displacement", "Peru") in codes(
        "Some 3,000 villagers in Peru have been displaced by the army offensive, the Andean Rights Observatory said.")


def test_people_displaced_by_floods_is_no_abuse():
    assert not codes("Some 3,000 villagers in Peru were displaced by floods last year.")


# -- counts of people an abuse befell, by more nouns and acts --------------------------------------------------------

def figures(text: str) -> set[tuple[float, str]]:
    return {(f.value, f.what) for f in extract(Article("t", "T", "2024-05-10", "Test Wire", text=text)).figures}


def test_counts_of_believers_reporters_and_lawyers_an_abuse_befell():
    assert (140.0, "believers") in figures("At least 140 believers in Peru had been prosecuted for unregistered "
                                           "worship, the Andean Rights Observatory said.")
    assert (14.0, "reporters") in figures("At least 14 reporters were behind bars in Peru at the end of 2023, the "
                                          "Andean Rights Observatory said.")
    assert (40.0, "lawyers") in figures("Forty lawyers in Peru have been disbarred since March, the Andean Rights "
                                        "Observatory said.")


def test_counts_of_the_same_people_without_an_abuse_are_no_figures():
    assert not figures("Some 300 reporters attended the briefing in Lima on Monday.")
    assert not figures("About 2,000 believers gathered for the festival in Cusco.")


def test_a_count_of_officials_beside_prosecutors_is_no_figure():
    assert not figures("The embassy imposed visa restrictions on 116 individuals, including judges and prosecutors "
                       "of Peru, for undermining the vote.")


# -- arrests of offenders are law enforcement -----------------------------------------------------------------------

def test_arresting_rioters_or_a_mob_is_no_arbitrary_detention():
    assert not codes("Police in Peru arrested 40 rioters after the clashes in Cusco.")
    assert not codes("Police in Peru detained a mob that had attacked a bus station.")
    assert not codes("Police in Peru arrested three men suspected of robbing a bank.")


def test_arresting_activists_or_those_who_filmed_offenders_is_a_claim():
    assert ("arbitrary_detention", "Peru") in codes("Police in Peru arrested 40 activists after the protest in Cusco.")
    assert ("arbitrary_detention", "Peru") in codes("Police in Peru arrested journalists who had filmed the looters.")


# -- people gone missing, clergy arrested ----------------------------------------------------------------------------

def test_people_gone_missing_whose_relatives_protest_is_a_disappearance():
    assert ("enforced_disappearance", "Pakistan") in codes(
        "Relatives of at least 25 men who went missing in Pakistan staged a sit-in in Islamabad.")
    assert ("enforced_disappearance", "Pakistan") in codes(
        "Two activists went missing in Pakistan after leaving a police station.")


def test_a_hiker_or_tourist_gone_missing_is_no_disappearance():
    assert not codes("The hikers went missing in the mountains of Nepal last week.")
    assert not codes("A tourist went missing in Nepal, police said.")


def test_clergy_arrested_is_arbitrary_detention_unless_for_a_crime():
    assert ("arbitrary_detention", "Vietnam") in codes(
        "Two monks were arrested in Vietnam after leading a prayer service, Ana Ruiz said.")
    assert not codes("A monk in Vietnam was arrested for stealing a car, police said.")
