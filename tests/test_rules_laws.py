"""Laws of an article: a description and the title of one law are one law; every sentence written for these
tests."""

from __future__ import annotations

from kg.extract import extract
from kg.records import Article


def laws(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(law.name, law.aliases) for law in extract(Article("t", "Report", "2024-05-10", None, text=text)).laws]


def test_a_described_law_is_the_one_titled_law_of_its_country():
    found = laws("Paraguay's parliament passed the Online Harms Prevention Act on Monday. Critics say the "
                 "cybercrime law will be used to jail journalists in Paraguay.")
    assert len(found) == 1 and found[0][0] == "Online Harms Prevention Act" and "cybercrime law" in found[0][1]


def test_a_description_stays_apart_where_two_titled_laws_could_be_meant():
    found = laws("Paraguay's parliament passed the Online Harms Prevention Act and the Public Order Act on Monday. "
                 "Critics say the cybercrime law will be used to jail journalists in Paraguay.")
    assert {name for name, _ in found} == {"Online Harms Prevention Act", "Public Order Act", "cybercrime law"}


# -- the day a law passed is no part of its name ---------------------------------------------------------------------

def test_the_day_after_law_is_when_it_passed():
    found = laws("Malawi's parliament passed a law on Monday requiring groups that receive foreign funding to register.")
    assert found and not any("Monday" in name for name, _ in found)
    assert any(name.startswith("law requiring") for name, _ in found)


def test_a_topic_after_on_stays_in_the_name():
    found = laws("Malawi's parliament passed a law on foreign agents after a short debate.")
    assert any(name == "law on foreign agents" for name, _ in found)


def test_a_date_after_on_is_dropped_from_a_described_name():
    found = laws("Malawi's parliament debated the new bill on Tuesday, and critics in Zomba called it harsh.")
    assert not any("Tuesday" in name for name, _ in found)


# -- a repeal asked for is no repeal ---------------------------------------------------------------------------------

def statuses(text: str) -> set[tuple[str, str | None]]:
    return {(law.name, law.status) for law in extract(Article("t", "Report", "2024-05-10", None, text=text)).laws}


def test_a_repeal_urged_leaves_the_law_in_force():
    assert ("Public Order Act", "enacted") in statuses(
        "The Andean Rights Observatory urged Peru to repeal its Public Order Act, which allows detention without charge.")
    assert ("Public Order Act", "enacted") in statuses("Rights groups have called for the repeal of the Public Order "
                                                       "Act in Peru.")


def test_a_repeal_done_is_a_repeal():
    assert ("Public Order Act", "repealed") in statuses("Peru repealed the Public Order Act in March.")
    assert ("Public Order Act", "repealed") in statuses("Parliament in Peru voted on Tuesday to repeal the Public "
                                                        "Order Act.")


# -- a law described by what it lets the state do --------------------------------------------------------------------

def test_a_decree_that_allowed_or_a_bill_allowing_is_a_law():
    found = statuses("Ecuador's parliament voted to repeal a decree that allowed troops to detain suspects without a "
                     "warrant.")
    assert any(name.startswith("decree that allowed troops") and status == "repealed" for name, status in found)
    assert any(name.startswith("bill allowing police") for name, _ in statuses(
        "Jordan's cabinet approved a bill allowing police to hold suspects for 30 days."))
    assert any(name.startswith("law that requires news sites") for name, _ in statuses(
        "Jordan's parliament passed a law that requires news sites to obtain licences."))


def test_an_amendment_to_allow_names_no_second_law():
    assert {name for name, _ in statuses("Jordan amended its press law to allow prison sentences for insulting "
                                         "officials.")} == {"press law"}


def test_what_a_named_law_does_is_no_second_law():
    found = statuses("Kazakhstan's president signed a new media law on Wednesday that requires all online news sites "
                     "to register with the state.")
    assert {name for name, _ in found} == {"media law"}
    found = statuses("Jordan's cabinet approved a draft cybercrime law on Sunday that would punish the publication "
                     "of false news online.")
    assert len(found) == 1
