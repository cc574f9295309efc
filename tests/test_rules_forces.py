"""A state's forces named by a common noun become one actor; every sentence written for these tests."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def record(text: str, title: str = "Report"):
    return extract(Article("t", title, "2024-05-10", None, text=text))


def actor_of(rec, surface: str):
    return next((a for a in rec.actors if surface == a.name or surface in a.aliases), None)


def test_a_demonym_before_police_names_the_force_and_later_mentions_follow_it():
    rec = record("Paraguayan police detained nine students in Tarn on Monday. Lawyers said the police beat them "
                 "in custody. The Ministry of Justice of Paraguay said it would investigate.")
    force = actor_of(rec, "police")
    assert force is not None and force.type == "GovernmentBody" and force.name == "Paraguayan police"


def test_repeated_bare_police_in_an_article_about_one_country_is_its_police():
    rec = record("Rights groups accused police in Paraguay of torturing detainees. A lawyer, Oskar Valden, said "
                 "police had denied the detainees access to counsel for a week.", "Torture claims in Paraguay")
    force = actor_of(rec, "police")
    assert force is not None and force.name == "Paraguayan police"
    said = [s for s in rec.statements if s.speaker == "Oskar Valden"]
    assert said and "Paraguayan police" in said[0].about


def test_a_named_force_takes_the_bare_noun():
    rec = record("The National Police of Paraguay arrested two editors. Their lawyer said the police had no warrant "
                 "and that police held them for three days.")
    names = {a.name for a in rec.actors if a.type == "GovernmentBody"}
    assert "National Police of Paraguay" in names and "Paraguayan police" not in names
    assert "police" in actor_of(rec, "National Police of Paraguay").aliases


def test_units_and_a_single_bare_mention_make_no_national_force():
    rec = record("Riot police dispersed the march in Tarn, Paraguay. Traffic police closed the bridge. Harbour City "
                 "police made no comment.")
    assert not [a for a in rec.actors if a.type == "GovernmentBody" and "police" in a.name.lower()]
    once = record("A man told police in Paraguay that his shop had been robbed.")
    assert not [a for a in once.actors if "police" in a.name.lower()]


def test_a_named_army_takes_the_army():
    rec = record("Paraguay's army denied the charges. A villager said the army burned homes near Tarn.")
    army = actor_of(rec, "Paraguay's army")
    assert army is not None and "army" in army.aliases


def test_soldiers_follow_a_named_army_but_never_make_one():
    rec = record("Paraguay's army rejected the report. Villagers said soldiers burned their fields near Tarn.")
    assert "soldiers" in actor_of(rec, "Paraguay's army").aliases
    alone = record("Paraguayan soldiers crossed the river near Tarn, and troops set up camp, farmers said.")
    assert not [a for a in alone.actors if a.type == "GovernmentBody"]


def test_a_force_named_in_lower_case_after_its_country_is_the_one_the_article_names():
    rec = record("Paraguay's intelligence agency denied the report. The National Directorate of Security of Paraguay "
                 "said its officers had never held the two men.")
    bodies = [a for a in rec.actors if a.type == "GovernmentBody"]
    assert len(bodies) == 1 and "Paraguay's intelligence agency" in bodies[0].aliases
    two = record("Paraguay's army denied the report. The Paraguay Army Reserve said nothing, and the Military Police "
                 "of Paraguay declined to comment.")
    assert "Army of Paraguay" in {a.name for a in two.actors}


def test_the_authorities_are_the_government_of_the_country_named_before_them():
    rec = record("The government of Paraguay has banned the march. Lawyers said the authorities detained 30 people "
                 "in Tarn on Sunday.")
    gov = actor_of(rec, "authorities")
    assert gov is not None and gov.name == "Government of Paraguay"
    other = record("The government of Paraguay has banned the march. Chilean authorities detained 30 people at the "
                   "border.")
    assert actor_of(other, "authorities") is None or actor_of(other, "authorities").name != "Government of Paraguay"
