"""Actor rules of the fifth round, one table per kind, positives and negatives; every sentence written for these
tests, with invented people and bodies."""

from __future__ import annotations

import pytest

from kg.extract.actors import find_actors


def listed(text: str) -> dict[str, tuple[str, set[str]]]:
    """Listed actors: name -> (type, aliases)."""
    return {e.name: (e.type, e.aliases) for e in find_actors(text).entries.values() if e.listed}


def names(text: str) -> set[str]:
    return set(listed(text))


# -- one body named twice: a shorter form, or the country on the other side --------------------------------------

@pytest.mark.parametrize(("text", "name", "alias"), [
    ("The Peruvian Constitutional Court took up the case. Lawyers said the Constitutional Court would rule soon.",
     "Peruvian Constitutional Court", "Constitutional Court"),
    ("The National Broadcast Licensing Agency refused. A letter from the Licensing Agency gave no reason.",
     "National Broadcast Licensing Agency", "Licensing Agency"),
    ("At first the Paraguayan Parliament objected, and the Parliament of Paraguay delayed the vote.",
     "Parliament of Paraguay", "Paraguayan Parliament"),
    ("Censors shut Radio Vesna Bora in May. Vesna Bora had aired for twenty years.", "Radio Vesna Bora", "Vesna Bora"),
])
def test_a_second_form_of_a_body_is_its_alias(text, name, alias):
    found = listed(text)
    assert alias not in found
    assert alias in found[name][1]


@pytest.mark.parametrize(("text", "kept"), [
    # two courts of two countries: the bare name could be either, so it stays apart
    ("The Constitutional Court of Peru and the Constitutional Court of Chile differ. The Constitutional Court of "
     "Peru ruled first.", {"Constitutional Court of Peru", "Constitutional Court of Chile"}),
    # another head word: another body
    ("The Media Licensing Agency wrote to the Media Licensing Commission.",
     {"Media Licensing Agency", "Media Licensing Commission"}),
    # a person whose surname a body's name holds is no form of it
    ("Ilse Varga Foundation staff met Ilse Varga on Monday.", {"Ilse Varga"}),
])
def test_other_bodies_and_people_stay_apart(text, kept):
    assert kept <= names(text)


# -- a government the text names makes its country an actor -----------------------------------------------------

@pytest.mark.parametrize(("text", "country"), [
    ("The Bolivian government rejected the findings of the inquiry.", "Bolivia"),
    ("Lawyers said Colombian authorities had ignored the ruling.", "Colombia"),
])
def test_the_country_of_a_named_government_is_listed(text, country):
    assert listed(text)[country][0] == "Country"


@pytest.mark.parametrize("text", [
    "Bolivian journalists marched through the square on Tuesday.",  # an adjective alone names no actor
    "The Ecuadorian border stayed closed for a week.",
])
def test_an_adjective_without_a_government_lists_no_country(text):
    assert not {"Bolivia", "Ecuador"} & names(text)


# -- a body after its country's possessive, and a place's body with a possessive inside its name -----------------

@pytest.mark.parametrize(("text", "name", "alias"), [
    ("Officials said Peru's Senate would debate the bill next week.", "Senate of Peru", "Peru's Senate"),
    ("Chile's Prosecutor General opened an inquiry into the raid.", "Prosecutor General of Chile",
     "Chile's Prosecutor General"),
    ("Reporters waited outside the Lima People's Court until dusk.", "Lima People's Court", None),
    ("Peru's Constitutional Court took up the complaint. Lawyers said the Constitutional Court would hear it soon.",
     "Constitutional Court of Peru", "Constitutional Court"),
])
def test_a_countrys_own_body_is_named_after_it(text, name, alias):
    found = listed(text)
    assert found[name][0] == "GovernmentBody"
    assert alias is None or alias in found[name][1]


@pytest.mark.parametrize(("text", "body", "person"), [
    # a possessive body word ends the body's name: what follows is a person's role
    ("The Chilean Interior Ministry's spokesman Tomas Erran denied it.", "Chilean Interior Ministry", "Tomas Erran"),
    # a country's title is no body
    ("Chile's President Marta Lorne Quist spoke first.", None, "Marta Lorne Quist"),
])
def test_a_possessive_body_word_ends_the_name(text, body, person):
    found = listed(text)
    assert found[person][0] == "Person"
    assert body is None or found[body][0] == "GovernmentBody"
    assert not any(n.startswith("President") for n in found)


# -- a lower-case noun after a name types it: armed groups and gangs, or no actor (places, prizes, languages) -----

@pytest.mark.parametrize(("text", "name", "alias"), [
    ("The army has fought the Kalar Tiger rebels for a decade.", "Kalar Tiger", "Kalar Tiger rebels"),
    ("Police began a crackdown on the criminal Vosk gang last spring.", "Vosk", "Vosk gang"),
    ("Villagers fled when Oru Brand militants arrived.", "Oru Brand", "Oru Brand militants"),
])
def test_a_name_before_an_armed_group_noun_is_an_organization(text, name, alias):
    kind, aliases = listed(text)[name]
    assert kind == "Organization" and alias in aliases


@pytest.mark.parametrize("text", [
    "Clashes in Ardent Vale province left two farmers dead.",
    "She received a Lorne Hale grant for her essays in 2010.",
    "Kurdish rebels and Maoist rebels signed the truce.",  # a people, a doctrine: adjectives
    "Armed rebels attacked the town at night.",  # the first word of a sentence
    "Three reporters of an Arabic daily were questioned.",  # a language, not a paper
])
def test_places_prizes_peoples_and_languages_before_a_noun_are_no_actors(text):
    assert names(text) == set()


# -- people: a possessive before a date, a surname with its particle, a title "to" a body, a press officer's body --

@pytest.mark.parametrize(("text", "person", "alias"), [
    ("Delegates praised President Oskar’s October 10 speech to the assembly.", "Oskar", None),
    ("The arrest of lawyer Teodoro El Varga angered many. El Varga was held at the airport.", "Teodoro El Varga",
     "El Varga"),
    ("As delivered by Political Counselor Marek Ostrin to the Permanent Council, Geneva", "Marek Ostrin", None),
    ("Kadena State Police Public Relations Officer Ivo Brann denied the killings.", "Ivo Brann", None),
])
def test_people_behind_titles_dates_and_particles(text, person, alias):
    found = listed(text)
    assert found[person][0] == "Person"
    assert alias is None or (alias in found[person][1] and alias not in found)


def test_a_press_officers_body_stops_before_the_title():
    found = listed("Kadena State Police Public Relations Officer Ivo Brann denied the killings.")
    assert found["Kadena State Police"][0] == "GovernmentBody"
    assert not any("Relations" in n for n in found)


def test_two_people_sharing_a_surname_stay_apart():
    found = listed("Ivo Brann met Anna El Varga on Friday; Marta El Varga was absent.")
    assert {"Anna El Varga", "Marta El Varga"} <= set(found)


# -- a capital's name that opens a person's name --------------------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("Opposition leader Sofia Renwald said police had beaten protesters.", "Sofia Renwald"),
    ("Victoria Osei, a lawyer, said the court had jailed two reporters.", "Victoria Osei"),
])
def test_a_capital_before_a_surname_is_a_first_name(text, person):
    found = listed(text)
    assert person in found and found[person][0] == "Person"
    assert not {"Bulgaria", "Seychelles"} & set(found)


@pytest.mark.parametrize("text, country", [
    ("Officials in Sofia denied that police had beaten protesters.", "Bulgaria"),
    ("Moscow Denies Report on Jailed Reporters", "Russia"),
])
def test_a_capital_standing_for_its_state_stays_one(text, country):
    assert country in {e.name for e in find_actors(text).entries.values()}


def test_a_capital_opening_a_body_name_is_no_first_name():
    found = listed("The Sofia City Court jailed two reporters, a rights group said.")
    assert "Sofia City Court" in found and not any(t == "Person" for t, _ in found.values())


# -- "a person of a body": two actors, not one body named after both -------------------------------------------------

@pytest.mark.parametrize("text, person, body", [
    ("Ingrid Maes of the Tarnovian Helsinki Committee said the trial was unfair.", "Ingrid Maes",
     "Tarnovian Helsinki Committee"),
    ("Pieter Vosk of Brightwater Legal Forum said the trial was unfair.", "Pieter Vosk", "Brightwater Legal Forum"),
    ("Lena Dovrat of Peru's Andean Press Institute said the trial was unfair.", "Lena Dovrat", "Andean Press Institute"),
])
def test_a_person_of_a_body_is_two_actors(text, person, body):
    found = listed(text)
    assert found.get(person, ("",))[0] == "Person" and body in found


@pytest.mark.parametrize("text, name", [
    ("The Democratic Republic of the Congo said it had freed 20 activists.", "Democratic Republic of the Congo"),
    ("The Bank of the Republic of Peru said it would raise rates.", "Bank of the Republic of Peru"),
    ("The European Court of Human Rights ruled on the case.", "European Court of Human Rights"),
])
def test_a_body_named_with_of_stays_one(text, name):
    found = listed(text)
    assert name in found and not any(t == "Person" for t, _ in found.values())


# -- bodies named by a last word of the lists: projects, observatories, monitors; couriers and dispatches -----------

@pytest.mark.parametrize("text, name, kind", [
    ("The Harbour Detainees Project said 200 inmates were on hunger strike.", "Harbour Detainees Project", "NGO"),
    ("The Andean Rights Observatory said police had beaten protesters.", "Andean Rights Observatory", "NGO"),
    ("The Tarn Press Monitor said two editors had been jailed.", "Tarn Press Monitor", "NGO"),
    ("The Lowland Courier reported that two editors had been jailed.", "Lowland Courier", "MediaOutlet"),
])
def test_a_body_named_by_a_listed_last_word(text, name, kind):
    found = listed(text)
    assert found.get(name, ("",))[0] == kind


@pytest.mark.parametrize("text", ["Project managers in Lima said the budget was cut.",
                                  "Monitor screens at the court in Lima showed the trial.",
                                  "Trust in the courts has fallen, a survey found."])
def test_a_listed_word_opening_a_sentence_names_no_body(text):
    assert not any(t in ("NGO", "MediaOutlet") for t, _ in listed(text).values())
