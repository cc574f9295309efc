"""Actor rules, one table per kind, positives and negatives; every sentence written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.actors import find_actors


def actors(text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in find_actors(text).entries.values() if e.listed}


def people(text: str) -> set[str]:
    return {name for name, kind in actors(text) if kind == "Person"}


# -- capitalised words that are not people: a Person needs more than capitals ------------------------------------

@pytest.mark.parametrize("text", [
    "Thank you, Mr. President, for giving the floor to my delegation.",
    "Madam Chairman, the delegation of Ruritania wishes to raise two points.",
    "We thank the Special Rapporteur for the report presented today.",
    "The Permanent Representative spoke after the vote.",
    "The Interactive Dialogue on the situation in the region lasted two hours.",
    "Ruritania will be examined at the Universal Periodic Review next year.",
    'The slogan translates as "Shame on You, Royal Highness" in the local dialect.',
    "Young Egyptians marched together through the capital on Friday.",
    "She is the head of the Balkan Desk at the broadcaster.",
    "Protesters gathered outside Rivers State on Friday evening.",
])
def test_forms_of_address_offices_meetings_sections_places_and_peoples_are_no_people(text):
    assert people(text) == set()


@pytest.mark.parametrize(("text", "name"), [
    ("Marta Kell, a reporter, was arrested on Friday.", "Marta Kell"),
    ("Mr. President Ivan Holm met the delegation.", "Ivan Holm"),
    ("Lawyer Otto Brand represented the editors.", "Otto Brand"),
])
def test_people_with_evidence_are_still_people(text, name):
    assert name in people(text)


# -- bodies named by a word of their kind ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "kind"), [
    ("The Balkan Press Forum said the editor had been beaten.", "Balkan Press Forum", "NGO"),
    ("The State Security Directorate detained him at dawn.", "State Security Directorate", "GovernmentBody"),
    ("The Northern Police Command released the prisoners.", "Northern Police Command", "GovernmentBody"),
    ("According to the Media Freedom Forum, nine reporters were jailed.", "Media Freedom Forum", "NGO"),
])
def test_forum_directorate_command_name_bodies(text, name, kind):
    assert (name, kind) in actors(text)


def test_according_to_is_not_part_of_a_name():
    assert not any(name.startswith("According") for name, _ in actors("According to the Media Freedom Forum, nine "
                                                                      "reporters were jailed."))


# -- a demonym several countries share goes to the country whose name it resembles -------------------------------

@pytest.mark.parametrize(("text", "country"), [
    ("Chinese officials say the figures were invented.", "Government of China"),
    ("Chinese authorities detained the lawyer in the morning.", "Government of China"),
])
def test_a_shared_demonym_goes_to_the_country_it_resembles(text, country):
    names = {name for name, _ in actors(text)} | {e.name for e in find_actors(text).entries.values()}
    assert country in names and not any("Macao" in n or "Hong Kong" in n for n in names)


# -- bodies named in lower case after their country -----------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Estonia's interior ministry said the border would stay open.", "Interior Ministry of Estonia"),
    ("The Ugandan army is denying the allegations.", "Army of Uganda"),
    ("Peru's intelligence agency refused to comment.", "Intelligence Agency of Peru"),
])
def test_a_lower_case_body_after_its_country_is_a_government_body(text, name):
    assert (name, "GovernmentBody") in actors(text)


@pytest.mark.parametrize("text", [
    "An army of volunteers cleaned the streets of Tallinn.",
    "Estonia has a small army and a large reserve.",  # no body named: the army is not "Estonia's army" here
])
def test_a_body_noun_without_its_country_right_before_it_names_no_body(text):
    assert not any(kind == "GovernmentBody" for _, kind in actors(text))


def test_the_body_speaks_rather_than_its_country():
    from kg.extract import extract
    from kg.records import Article

    record = extract(Article("t", "T", None, None, text="Estonia's interior ministry said it would open an "
                                                          "inquiry into the beatings."))
    assert [s.speaker for s in record.statements] == ["Interior Ministry of Estonia"]


# -- names with letters beyond ASCII ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("The activist Jolanta Wiśniewská was detained in the capital on Friday.", "Jolanta Wiśniewská"),
    ("Police questioned Émile Durand about the leaflets for six hours.", "Émile Durand"),
    ("Opposition leader Miroslav Kovačić said the vote had been rigged.", "Miroslav Kovačić"),
])
def test_names_with_accented_letters_are_people(text, name):
    assert name in people(text)


def test_accented_common_words_are_still_no_people():
    assert people("The café on Main Street reopened after the protests.") == set()


def test_a_country_before_a_known_body_names_the_same_body():
    names = {name for name, _ in actors("The U.S. Central Intelligence Agency declined to comment. The CIA said ...")}
    assert "Central Intelligence Agency" in names and "U.S. Central Intelligence Agency" not in names


@pytest.mark.parametrize(("text", "name"), [
    ("Police Chief Oskar Valden said the officers had acted lawfully.", "Oskar Valden"),
    ("Police Commissioner Ana Ruiz ordered an inquiry into the beatings.", "Ana Ruiz"),
])
def test_police_titles_stand_before_a_persons_name(text, name):
    assert name in people(text) and not any(n.startswith("Police") for n, _ in actors(text))


# -- "Attorney Ana Ruiz of the Legal Aid Centre": a titled person and her body -----------------------------------

@pytest.mark.parametrize(("text", "person", "body"), [
    ("Attorney Otto Brand of the Legal Aid Centre said she would appear in court.", "Otto Brand", "Legal Aid Centre"),
    ("Director Ana Ruiz at the Balkan Press Forum wrote to the minister.", "Ana Ruiz", "Balkan Press Forum"),
])
def test_a_titled_person_of_a_body_is_a_person_and_a_body(text, person, body):
    names = {name for name, _ in actors(text)}
    assert person in people(text) and body in names


def test_a_title_with_of_in_it_stays_a_title():
    assert people("Secretary of State Antony Blinken met the editors.") == {"Antony Blinken"}


# -- a person known by one name, with a person's verb as evidence ------------------------------------------------

def test_a_single_name_with_a_speech_verb_is_a_person():
    assert people("Ferhatova wrote on her blog that the trial was a farce. Ferhatova says she will appeal.") == {
        "Ferhatova"}


def test_a_pen_name_read_before_is_the_same_person():
    text = ("The cartoonist Marek Zielny, known as Zorrak, was detained on Friday. Zorrak says the police came to his "
            "home at night.")
    table = find_actors(text)
    keys = {m.key for m in table.mentions if m.text == "Zorrak"}
    assert keys and all(table.entries[k].name == "Marek Zielny" for k in keys)


@pytest.mark.parametrize("text", [
    "Officials said the protest was illegal, and officials later confirmed the arrests.",
    "Witnesses said the police fired into the crowd near the station.",
    "Tuesday said nothing new about the case.",
])
def test_capitalised_common_words_before_said_are_no_people(text):
    assert people(text) == set()


# -- a body whose name starts with a title word ("General Assembly") is a body, not a role -------------------------

def test_a_body_named_with_a_title_word_is_a_body():
    assert ("General Assembly", "GovernmentBody") in actors("On Burma, the General Assembly expressed deep concern.")


@pytest.mark.parametrize("text", [
    "The Director of the Bureau met the editors on Monday.",
    "The Minister of Justice refused to answer questions.",
])
def test_a_title_of_a_body_stays_a_role(text):
    assert not any(name.startswith(("Director", "Minister")) for name, _ in actors(text))


# -- lower-case particles inside a name ("Staffan de Mistura") ----------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("The envoy, Marco de Lucca, said the camps were open to inspectors.", "Marco de Lucca"),
    ("Former minister Anna van der Berg wrote to the court on Monday.", "Anna van der Berg"),
])
def test_names_with_lower_case_particles_are_people(text, name):
    assert name in people(text)


def test_a_particle_cannot_end_or_start_a_name():
    assert not any(n.endswith(" de") or n.startswith("de ") for n in people("He met Marco de in the street."))


# -- a capitalised pair after "the" is a place, a body or a people, not a person --------------------------------

@pytest.mark.parametrize("text", [
    "The ship was stopped in the Black Sea on Friday.",
    "Despite the harassment, the Damas de Blanco, or Ladies in White, marched again.",
    "He praised the Islamic Republic for the release.",
])
def test_a_name_after_the_is_no_person(text):
    assert people(text) == set()


def test_a_known_person_with_the_is_still_a_person():
    assert "Dalai Lama" in people("On Sunday, the Dalai Lama appealed for calm in the region.")


# -- affiliation: the body a person's title names speaks through that person ---------------------------------------

def affiliation_of(text: str, person: str) -> str | None:
    table = find_actors(text)
    entry = next(e for e in table.entries.values() if e.name == person)
    return table.entries[entry.affiliation].name if entry.affiliation else None


@pytest.mark.parametrize(("text", "person", "body"), [
    ("Interior Ministry spokesman Tomas Varga told reporters the march was banned.", "Tomas Varga", "Interior Ministry"),
    ("Amnesty International researcher Lena Hart said the detainees were beaten.", "Lena Hart",
     "Amnesty International"),
    ("State Department Spokesperson Olivia Brandt said Washington was alarmed.", "Olivia Brandt",
     "U.S. Department of State"),
])
def test_a_title_after_a_body_makes_its_holder_speak_for_it(text, person, body):
    assert affiliation_of(text, person) == body


@pytest.mark.parametrize(("text", "person"), [
    ("Spokesman Tomas Varga told reporters the march was banned.", "Tomas Varga"),  # a title alone names no body
    ("The Interior Ministry said on Monday that lawyer Tomas Varga was detained.", "Tomas Varga"),  # not his body
    ("Lena Hart said Amnesty International had documented the beatings.", "Lena Hart"),  # named after her
])
def test_a_body_that_is_not_part_of_the_title_is_no_affiliation(text, person):
    assert affiliation_of(text, person) is None
