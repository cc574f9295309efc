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
