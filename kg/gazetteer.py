"""Countries of the world: names, short forms, demonyms, capitals and seats of power, by ISO code.

Built from pycountry (ISO 3166 names), GeoNames' short names and capitals (kg/data/country_names.tsv) and
countryinfo (demonyms, alternative spellings), plus kg/data/countries_extra.tsv for the forms those
packages lack ("U.S.", "the Kremlin"). Both extraction (to find countries) and triples (to mint a
country's IRI from its ISO code) read it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from anyascii import anyascii


@dataclass
class Country:
    iso2: str
    name: str  # the common English short name ("Russia", not "Russian Federation")
    names: set[str] = field(default_factory=set)  # every name of the state
    demonyms: set[str] = field(default_factory=set)
    seats: set[str] = field(default_factory=set)  # capital and seats of power, metonyms of the government
    capital: str | None = None


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case, script, diacritics, a leading "the", possessive and punctuation folded, so that the Latin, accented
    and Cyrillic forms of a name meet (anyascii transliterates); an ASCII name keeps its key.

    >>> fold("the U.S.'s"), fold("Đặng Thị Hồng"), fold("Dang Thi Hong"), fold("Алексей Навальный")
    ('us', 'dang thi hong', 'dang thi hong', 'aleksey navalnyy')
    """
    text = anyascii(unicodedata.normalize("NFC", text).replace("\u2019", "'")).lower()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"^the\s+", "", text.strip())
    text = re.sub(r"[^\w\s]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _usable(name: str) -> bool:
    # ASCII-ish names of at least 4 letters: leaves out codes ("AZ") and native scripts
    return len(name) >= 4 and all(ord(c) < 0x250 for c in name)


def _geonames() -> dict[str, dict[str, str]]:
    """Short names and capitals by ISO code (kg/data/country_names.tsv, from GeoNames)."""
    out = {}
    for line in resources.files("kg.data").joinpath("country_names.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            iso, name, capital = line.split("\t")
            out[iso] = {"name": name, "capital": capital}
    return out


@cache
def countries() -> dict[str, Country]:
    """All countries and territories with an ISO 3166-1 code, keyed by alpha-2."""
    import countryinfo
    import pycountry

    out: dict[str, Country] = {}
    geo = _geonames()
    for c in pycountry.countries:
        g = geo.get(c.alpha_2, {})
        name = g.get("name") or getattr(c, "common_name", None) or c.name
        entry = Country(c.alpha_2, name, capital=g.get("capital") or None)
        entry.names |= {name, c.name}
        for attr in ("common_name", "official_name"):
            if getattr(c, attr, None):
                entry.names.add(getattr(c, attr))
        if entry.capital:
            entry.seats.add(entry.capital)
        out[c.alpha_2] = entry
    for info in countryinfo.all_countries():
        try:
            iso = (info.iso() or {}).get("alpha2")
        except Exception:  # a malformed entry of the package: skip it
            continue
        if iso not in out:
            continue
        entry = out[iso]
        entry.names |= {n for n in [info.name(), *(info.alt_spellings() or [])] if n and _usable(n)}
        for demonym in re.split(r"[/,]", info.demonym() or ""):
            if demonym.strip():
                entry.demonyms.add(demonym.strip())
        if not entry.capital and info.capital():
            entry.capital = info.capital()
            entry.seats.add(entry.capital)
    for line in resources.files("kg.data").joinpath("countries_extra.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso, kind, form = line.split("\t")
        entry = out[iso]
        {"name": entry.names, "demonym": entry.demonyms, "seat": entry.seats}[kind].add(form)
    for entry in out.values():  # titles such as "The Gambia" become "Gambia"; stray spaces go
        entry.names = {re.sub(r"^The ", "", n.strip()) for n in entry.names}
        entry.seats = {n.strip() for n in entry.seats}
        entry.demonyms = {n.strip() for n in entry.demonyms}
    return out


@cache
def _index() -> dict[str, dict[str, str]]:
    index: dict[str, dict[str, str]] = {"name": {}, "demonym": {}, "seat": {}}
    for iso, c in countries().items():
        for kind, forms in (("name", c.names), ("demonym", c.demonyms), ("seat", c.seats)):
            for form in forms:
                index[kind].setdefault(fold(form), iso)
    # an ISO name wins over a capital of the same spelling elsewhere (Djibouti, Kuwait, Singapore)
    for key, iso in index["name"].items():
        index["seat"].setdefault(key, iso)
    return index


def lookup(name: str | None, kinds: tuple[str, ...] = ("name",)) -> str | None:
    """The ISO alpha-2 code of a country named ``name`` (by name, and by demonym/seat if asked)."""
    if not name:
        return None
    key = fold(name)
    for prefix in ("government of ", "republic of "):
        if key.startswith(prefix):
            key = key[len(prefix):]
    index = _index()
    for kind in kinds:
        if key in index[kind]:
            return index[kind][key]
    return None


def country(iso2: str) -> Country | None:
    return countries().get(iso2.upper())
