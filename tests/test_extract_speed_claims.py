"""The shortcuts of the claim, figure and law finders give what the plain regex scans give: each is checked here
against the plain form it replaces, on invented sentences and on variants of them (upper case, cut, with characters
that lower-case to other letters than the regex engine compares)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import records
from kg.extract import claims, described, descriptions, figures, forces, laws, lexicon, pipeline, scan
from kg.extract import text as textmod
from kg.extract.actors import find_actors

SENTENCES = [
    "Veloria's security forces arrested 40 opposition activists and tortured two of them in custody, Civic Watch "
    "Network said on Monday.",
    "The state-run newspaper denied that any journalist was detained without charge in the capital.",
    "Minister Anna Korvel rejected the allegations of enforced disappearances as fabricated reports.",
    "Police in Port Aurel detained three suspects in connection with the theft of cattle.",
    "Rights groups say the new law on foreign agents restricts freedom of expression and of assembly.",
    "The army was blamed for the deaths of a reporter and two students during the protests.",
    "A partnership on combating trafficking in persons was signed; anti-torture training followed.",
    "There are no political prisoners in Veloria, the spokesman said, and no torture takes place.",
    "Exiled _ government officials, in protest, published in the press a list of 1,200 detainees.",
    "Sentenced to 12 years in prison after an unfair trial, the blogger went on hunger strike.",
    "",
    "Nothing of note happened at the harbour fair this week.",
]


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text[5:-7], text.replace("s", "\u017f", 3), text.replace("i", "\u0131", 2),
            text.replace("I", "\u0130"), text.replace(" ", "-", 4), text.replace("e", "E")]


TEXTS = [v for s in SENTENCES for v in _variants(s)]


def _plain_masked(text: str) -> str:
    return claims._lookalike_regex().sub(lambda m: " " * len(m.group()), text)


def _plain_abuse_matches(text: str) -> tuple:
    """abuse_matches as one whole-text scan per pattern, after the one regex of every pattern."""
    if not lexicon.any_abuse_phrase().search(text):
        return ()
    text = _plain_masked(text)
    taken: list[tuple[int, int]] = []
    out = []
    lowered = text.lower()
    for p in lexicon.abuse_patterns():
        if p.hints and not any(h in lowered for h in p.hints):
            continue
        if p.context is not None and not p.context.search(text):
            continue
        for m in p.regex.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((m.start(), m.end(), p.code, p.strong))
    return tuple(sorted(out))


@pytest.mark.parametrize("text", TEXTS)
def test_abuse_matches_as_plain_scan(text):
    assert claims.abuse_matches.__wrapped__(text) == _plain_abuse_matches(text)


@pytest.mark.parametrize("text", TEXTS)
def test_masked_as_plain_sub(text):
    lowered = None if claims.RISKY.search(text) else text.lower()
    assert claims.masked(text, lowered) == _plain_masked(text)


def test_hint_index_finds_every_hint():
    hints = [("tort",), ("tortu", "beat"), (), ("or",), ("detai", "arr")]
    index = lexicon.HintIndex(hints)
    for text in ("the torturers beat him", "arrested and detained", "no hint here", "oror tortor"):
        starts = index.starts(text)
        assert set(starts) == {i for i, hs in enumerate(hints) if hs and any(h in text for h in hs)}
        for i, qs in starts.items():
            assert qs == sorted(q for q in range(len(text)) if any(text.startswith(h, q) for h in hints[i]))
    assert index.always == (2,)


APPOSITIONS = [
    "Zorvan, a local rights group, said the police of Veloria had detained Anna Korvel.",
    "The statement by Civic Watch Network, an independent monitor based in Port Aurel, was rejected.",
    "Kalima, the Arabic daily, and Nordpost, an online outlet of the opposition, were shut; Ardent Voices, a group, too.",
    "Reports from Ministry of Truth and Order, the state broadcaster, followed (Marlo & Sons, a firm of lawyers).",
    "No apposition here, a sentence, the end.",
]


@pytest.mark.parametrize("text", [*APPOSITIONS, " ".join(APPOSITIONS), "x" * 450 + " Zorvan, a local rights group"])
def test_after_only_where_it_can_start(text):
    whole = [(m.span(), m.groups()) for m in described._after().finditer(text)]
    assert whole == [(m.span(), m.groups()) for m in scan.finditer(described._after(), text,
                                                                      described._after_starts(text))]


MODIFIED = [
    "The bill, modelled on a statute of Veloria, was passed; critics said it is similar to laws in Marovia.",
    "The regional bloc's chair, Veloria, said nothing, and the envoy of Marovia, Anna Korvel, left for Port Aurel.",
    "A Veloria-based group said rights in Marovia, inspired by the example of Veloria, were curbed (akin to Tarsk).",
    "Police in Real Veloria detained two activists, while the ministry patterned after Marovia's denied it.",
]


def _plain_only_a_modifier(text: str, sent, m) -> bool:
    """_only_a_modifier as it read each clause whole before its shortcuts."""
    if claims._modifier_suffix().match(text, m.end, m.end + 14):
        return True
    clause = claims._last_clause(text[sent.start:m.start])
    if claims.phrase_search("comparison_cues.txt", " ".join(clause[max(map(clause.rfind, ",()")) + 1:].split()[-7:])):
        return True
    if clause[-1:].isspace() and clause.rstrip().endswith(",") and claims._appositive_role().search(clause):
        return True
    before = text[max(sent.start, m.start - 20):m.start]
    return bool(claims.WORD_BEFORE.search(before) and claims.gazetteer.lookup(m.text, ("seat",))
                and not claims.PLACE_WORD_BEFORE.search(before))


@pytest.mark.parametrize("text", [v for s in MODIFIED for v in _variants(s)] + [" ".join(MODIFIED)])
def test_only_a_modifier_as_plain(text):
    words = scan.WordIndex(text)
    for sent in textmod.sentences(text, textmod.paragraphs(text)):
        for w in re.finditer(r"\w+(?:\s+\w+)?", text[sent.start:sent.end]):
            m = SimpleNamespace(start=sent.start + w.start(), end=sent.start + w.end(), text=w.group())
            assert claims._only_a_modifier(text, sent, m, words) == _plain_only_a_modifier(text, sent, m), w.group()


CUES = [
    "Officials denied the allegations and dismissed the reports as baseless lies, calling them untrue.",
    "Civic Watch Network accused the police of Veloria; rights groups and relatives of detainees say they were beaten.",
    "The army is to blame for the reporter's killing, and the ministry is responsible for the death of a student.",
    "Efforts against all forms of torture, combating trafficking in persons and anti-corruption drives continue.",
    "There are no political prisoners, the minister said; police do not use torture and were not involved in it.",
    "Detentions in occupied Crimea and in the Donbass, and raids in South Ossetia, were reported by Zorvan.",
    "The state-run outlet, modelled on similar legislation, was inspired by a cooperation on fighting crime.",
]
PHRASE_FILES = ["denial_verbs.txt", "denial_phrases.txt", "source_verbs.txt", "state_actor_words.txt",
                "vote_words.txt", "upholding_verbs.txt", "protective_verbs.txt", "collective_verbs.txt",
                "journalist_nouns.txt", "armed_conflict_words.txt", "comparison_cues.txt", "combating_frames.txt"]
CUE_TEXTS = [v for s in CUES for v in _variants(s)] + [v for s in SENTENCES for v in _variants(s)[:3]]


def _earlier_phrase_search(name: str, text: str, finditer: bool = False):
    """phrase_search as it read before its piece tests were substring loops over a text lower-cased once (a text with
    a risky character and no stem of the file is skipped, as it was)."""
    finder = claims._piece_finder(name)
    if finder is not None and not claims.RISKY.search(text) and not finder.search(text.lower()):
        return iter(()) if finditer else None
    stems = claims._stem_finder(name)
    if stems is not None and claims.RISKY.search(text) and not stems.search(text.lower()):
        return iter(()) if finditer else None
    return claims.phrases(name).finditer(text) if finditer else claims.phrases(name).search(text)


@pytest.mark.parametrize("name", PHRASE_FILES)
def test_phrase_tests_as_before(name):
    for text in CUE_TEXTS:
        before = _earlier_phrase_search(name, text)
        found = claims.phrase_search(name, text)
        assert (found and found.span()) == (before and before.span()), text
        if not claims.RISKY.search(text):
            plain = claims.phrases(name).search(text)
            assert (found and found.span()) == (plain and plain.span()), text
        assert claims.phrase_found(name, text) == bool(claims.phrases(name).search(text))
        assert [m.span() for m in claims.phrase_search(name, text, finditer=True)] == [
            m.span() for m in _earlier_phrase_search(name, text, finditer=True)]


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_cue_shortcuts_as_plain(text):
    found, plain = claims._collective_search(text), claims._collective_regex().search(text)
    assert (found and found.span()) == (plain and plain.span())
    regex, rows = claims._occupied_regions()
    plain = regex.search(text)
    assert claims._region_named(text) == (rows[plain.group()] if plain else None)
    lowered = claims.folded(text)
    assert lowered is None or claims.holds_any(lowered, claims.BLAME_WORDS) == bool(claims.BLAME_CUE.search(text))
    if not claims.BLAME_CUE.search(text):
        assert claims.blamed_deaths(text, ()) == ()
    for start in range(0, len(text) + 1):
        near = " ".join(text[max(0, start - 40):start].lower().split())
        plain = claims.negation().search(near) or claims.VERB_NEGATED.search(near) or claims.NO_ONE_BEFORE.search(near)
        assert claims._negated(text, start) == bool(plain), start
        window = text[max(0, start - 60):start]
        assert claims._combated(text, start, start) == (
            bool(claims._combating_frame().search(window)) and not claims.FROM_AFTER.match(text[start:start + 40])
            and text[start:start].lower() not in claims.word_set("victim_groups.txt")), start


COUNTS = [
    "Police in Veloria detained more than 40 activists, about 12 journalists and an estimated 1,200 protesters.",
    "One of at least five dissidents was sentenced; some forty-five prisoners and up to 3 hundred students remain.",
    "In May 2019, (approximately 30 reporters) were held; the number of jailed bloggers rose to 19 in 2020.",
    "Nearly two dozen, almost 7 Velorians and over 100 detainees: 2021 saw 15 of them freed, 3.5 times more.",
    "The total of political prisoners stands at 40, the tally of the disappeared at some 300.",
]


def _earlier_counts(text: str):
    if not figures.number_start().search(text):
        return
    pos = 0
    while m := figures.figure_regex().search(text, pos):
        yield m
        pos = m.end("mult") if m.group("mult") else m.end("num")
    yield from figures.total_regex().finditer(text)


@pytest.mark.parametrize("text", [v for s in COUNTS for v in _variants(s)] + [" ".join(COUNTS), "1 2 3 4 5 more than 6"])
def test_counts_as_before(text):
    assert [(m.re.pattern, m.span(), m.groups()) for m in figures._counts(text)] == [
        (m.re.pattern, m.span(), m.groups()) for m in _earlier_counts(text)]


@pytest.mark.parametrize("text", [" ".join(COUNTS), " ".join(COUNTS).replace("40", "٤٠"), "\n\n".join(SENTENCES),
                                  "Ten were held. 12\n\n345 more. Forty-two, in all.",
                                  "\u201cTen\u201d were held. 12\n\n345 more. Forty-two, in all.",
                                  "Caf\u00e9 1.5 ok. 2.5 ok\u00a0",
                                  " ".join(COUNTS).replace("40", "\u0664\u0660") + " \u2013 no digit here. Velorian 1999\u201d",
                                  "Ab 12.34 cd. Ef\u00e9 x1.2 y. \u00bd half. \u00b2 two.", ""])
def test_may_count_as_before(text):
    actors = find_actors(text)
    sents = textmod.sentences(text, textmod.paragraphs(text))
    before = claims.sentences_at(text, sents, actors.words.starts(figures._count_words(), ignorecase=True))
    if before is not None:
        before |= {i for i, s in enumerate(sents) if figures.DIGIT.search(s.text)}
    assert figures._may_count(actors, sents) == before


@pytest.mark.parametrize("text", [*TEXTS, " ".join(CUES), "The agency said. the group, THE commission; Then the\u00a0Board.",
                                  "Civic Watch Network met the commission of Veloria; theagency and the group said."])
def test_descriptions_where_the_stands(text):
    assert [(m.span(), m.groups()) for m in descriptions._matches(text, scan.WordIndex(text))] == [
        (m.span(), m.groups()) for m in descriptions._regex().finditer(text)]


@pytest.mark.parametrize("text", [*TEXTS, "Ruritanian police and the army's troops; intelligence services of Veloria."])
def test_noun_starts_as_word_index(text):
    words = scan.WordIndex(text)
    for kind in forces.force_kinds():
        assert forces._noun_starts(words, forces._noun_forms(kind)) == words.starts(forces._noun_forms(kind), ignorecase=True)


@pytest.mark.parametrize("text", [*CUE_TEXTS, "Two were held, according to Civic Watch Network.",
                                  "ACCORDING TO the ministry, none; accordingly\tto, acCording\n to Zorvan"])
def test_according_to_where_its_word_stands(text):
    lowered = claims.folded(text)
    assert lowered is None or ("according" in lowered) >= bool(claims.ACCORDING_TO.search(text))


# -- round 8: record building, title scoring, dates ------------------------------------------------------------------

RECORD_TEXT = ("Minister Anna Korvel of Veloria said on Monday that 40 activists were detained. Civic Watch Network "
               "denied it.  A third sentence follows here, longer than forty characters on either side of a name.")


def test_spans_as_plain():
    sents = textmod.sentences(RECORD_TEXT, textmod.paragraphs(RECORD_TEXT))
    quick = pipeline._spans(RECORD_TEXT, sents)
    n = len(RECORD_TEXT)
    for start, end in [(0, 0), (0, 5), (9, 20), (30, 60), (70, 90), (95, 130), (n - 10, n), (n, n), (5, 200)]:
        for sentence in (-1, 0, 1, 2, len(sents), len(sents) + 3):
            assert quick(start, end, sentence) == plain_span(RECORD_TEXT, sents, start, end, sentence)
    assert pipeline._spans(RECORD_TEXT, [])(3, 9, 0) == plain_span(RECORD_TEXT, [], 3, 9, 0)


TITLES = ["Arrests in Veloria continue", "Statement on the Republic of Veloria", "VELORIA: a crackdown",
          "Veloria's new law", "Talks against veloria", "Report of the Velorian Government", "Nothing here", "",
          "Crackdown in \u0130stanbul and Ve\u017floria", "In Kelvin \u212aorvel land", "in\nVeloria", "on the\nveloria\n",
          "Of THE  Velorians in veloria", "Velorian against Veloria", "main Veloria; in-Veloria", "Ukorvel in_Korvel",
          "Notes on U.S. policy", "In the U.S.A.", "Kelvin in the Kelvin-Veloria pact", "Of Korvel\u00e9 and of Korvel"]
NAMES = ["Veloria", "veloria", "Republic of Veloria", "Velorian", "Korvel", "Ve\u017floria", "Istanbul",
         "\u0130stanbul", "U.S.", "Kelvin", "korvel"]


@pytest.mark.parametrize("title", TITLES)
def test_title_weight_as_plain(title):
    for name in NAMES:
        assert pipeline._title_weight(name, title, claims.folded(title)) == pipeline._plain_title_weight(name, title)


DATED = ["Since last March, 40 were held.", "In May 2019 and on June 3, 2020 they were arrested.", "in 2021 alone",
         "last year 12 were killed", "DECEMBER 2018", "As of last january", "no date at all", "during 1999 and 2030"]


def _plain_resolve_date(text, published):
    from datetime import date
    pub = date(int(published[:4]), int(published[5:7]), 1) if published and re.match(r"\d{4}-\d{2}", published) else None
    m = re.search(r"\b(?:as\s+of\s+|since\s+|in\s+)?last\s+(" + "|".join(figures.months()) + r")\b", text, re.I)
    if m and pub:
        month = figures.months().index(m.group(1).lower()) + 1
        return f"{pub.year - 1 if month >= pub.month else pub.year}-{month:02d}"
    m = re.search(r"\b(" + "|".join(figures.months()) + r")\s+(?:\d{1,2},\s+)?((?:19|20)\d{2})\b", text, re.I)
    if m:
        return f"{m.group(2)}-{figures.months().index(m.group(1).lower()) + 1:02d}"
    m = re.search(r"\b(?:in|since|during|as\s+of)\s+((?:19|20)\d{2})\b", text)
    if m:
        return m.group(1)
    return str(pub.year - 1) if pub and re.search(r"\blast\s+year\b", text, re.I) else None


@pytest.mark.parametrize("text", DATED)
def test_resolve_date_as_plain(text):
    for published in (None, "2023-04-11", "2020-12", "bad"):
        assert figures.resolve_date(text, published) == _plain_resolve_date(text, published)


def test_named_country_as_full_name_country():
    text = ("The Republic of the Congo and Veloria met; Congo said the Democratic Republic of Congo and the Congo "
            "were named, as was the Parliament of Veloria and the Supreme Court of France.")
    actors = find_actors(text)
    keys = {m.key for m in actors.mentions} | {"country:CG", "government:CD", "org:x", "country:VE"}
    surfaces = {m.text for m in actors.mentions} | {"the Congo", "Congo", "THE CONGO", "Parliament of France", "x"}
    for key in keys:
        for surface in surfaces:
            country, short = claims._named_country(key, surface)
            quick = claims._shared_name_country(actors, short, country) if short is not None else country
            assert quick == claims._full_name_country(actors, surface, claims.country_of(key)
                                                      or claims._country_in_name(surface))


NUMBERED = [*COUNTS, "Tens of thousands, onerous sevenfold; 2019's 1999 2000s, x40 .5 ,7 FORTY-ONE \u0661\u0662 hundredfold",
            "one.two,three four-five sixty seventy-seven ONE oNe"]


@pytest.mark.parametrize("text", [v for s in NUMBERED for v in _variants(s)] + [" ".join(NUMBERED), "", "1", "x1"])
def test_number_starts_as_finditer(text):
    quick = figures._number_starts(text, claims.folded(text))
    plain = [m.start() for m in figures.number_start().finditer(text)]
    assert quick is None or quick == plain
    if claims.folded(text) is not None and len(claims.folded(text)) == len(text):
        assert quick == plain


def test_odd_sentences_as_plain():
    text = "One two. Three\u00a0four five! Six seven eight? Nine"
    sents = textmod.sentences(text, textmod.paragraphs(text))
    cut = [textmod.Sentence(0, 0, 5, text[:5], 0), textmod.Sentence(1, 5, 12, "ODD TXT", 0)]
    for listed in (sents, cut, [], sents[1:]):
        assert claims._odd_sentences(text, listed) == claims._plain_odd_sentences(text, listed)
        assert claims._odd_sentences(text, listed) == claims._plain_odd_sentences(text, listed)  # (the memo's)
    assert claims._odd_sentences(text, sents) == claims._plain_odd_sentences(text, sents)


@pytest.mark.parametrize("publisher", ["U.S. Department of State", "Embassy of Veloria in Ruritania", "", "VOA",
                                       "Ministry of Foreign Affairs of France", "U.S. Embassy in Georgia",
                                       "Voice of America Editorials", "German Federal Foreign Office", "Civic Watch"])
def test_publisher_countries_as_plain(publisher):
    article = SimpleNamespace(publisher=publisher)
    for _ in range(2):  # (the second read is the cached one)
        quick = pipeline._publisher_countries(article)
        assert quick == set(pipeline._publisher_keys(publisher))
        assert list(quick) == list(set(pipeline._publisher_keys(publisher)))


LAW_SENTENCES = [
    "Article 88 of the Penal Code and article 3 of Veloria's constitution were cited.",
    "The Foreign Agents Registration Act and the Civic Order Proclamation passed; a new NGO law followed.",
    "Critics say the controversial bill on so-called foreign agents and the draft law on media would silence them.",
    "Emergency laws, sedition act, national security legislation and anti-terrorism decrees were used.",
    "A law to regulate NGOs, which was passed last week, and legislation that would ban protests.",
    "The \u201cmorality\u201d law and \u2018cyber crime\u2019 bill were debated by the Assembly Ordinance committee.",
    "Nothing here but an ACT of CODE, and ARTICLE 5 OF THE LAW ON PRESS DECREES.",
    "Lese-majeste and lese majeste laws; Internet Law; a protest bill; espionage code; treason acts.",
]


@pytest.mark.parametrize("text", [v for s in LAW_SENTENCES for v in _variants(s)] + [" ".join(LAW_SENTENCES)])
def test_law_candidates_as_plain(text):
    assert laws._candidates(text) == plain_candidates(text)


ISSUER_TEXTS = ["The Nordic Council said; the Nordic Councils met.", "U.S. said and the U.S.A. did", "xTroika Troikax",
                "Troika", "", "(Troika)", "the Civic Watch Network's report", "Anna Korvel-Lind and Anna Korvel",
                "Stra\u00dfe Council \u00e9lan Troika\u00e9"]
ISSUER_NAMES = ["Nordic Council", "U.S.", "U.S", "Troika", "Civic Watch Network", "Anna Korvel", "(Troika)", "x",
                "Council", "Troika\u00e9", "\u00e9lan"]


@pytest.mark.parametrize("text", ISSUER_TEXTS)
def test_names_word_as_regex(text):
    for name in ISSUER_NAMES:
        assert pipeline._names_word(text, name) == bool(re.search(rf"\b{re.escape(name)}\b", text))


# The plain forms the quick ones above are compared with
def plain_candidates(text: str) -> list[tuple[int, int, str]]:
    """``_candidates`` running every regex over the sentence (a reference for its shortcuts)."""
    if not laws.law_word().search(text):
        return []  # every pattern below ends in one of these words
    found = [(m.start(1), m.end(1), m.group(1)) for m in laws.LAW_ARTICLE.finditer(text)]
    for m in laws.law_caps().finditer(text):
        name, start = m.group(1), m.start(1)
        head = laws.HEADLINE_HEAD.match(name)
        if head:  # "Ned Price on Foreign Agents Law": a headline, not the law's name
            name, start = name[head.end():], start + head.end()
        found.append((start, start + len(name), name))
    found += [(m.start("name"), m.end("name"), m.group("name")) for m in laws.LAW_DESCRIBED.finditer(text)
              if not laws._stop_modifiers(m.group("name")) and not laws._judged_only(m.group("name"))]
    found += [(m.start(1), m.end(1), m.group(1)) for rx in (laws.topic_laws(), laws.QUOTED_LAW) for m in rx.finditer(text)]
    return found + laws._purpose_names(text)


def plain_span(text: str, sents, start: int, end: int, sentence: int) -> records.Span:
    """The span ``_record`` builds, in its plain form (a reference for the quicker one there)."""
    sent = sents[sentence] if 0 <= sentence < len(sents) else None
    lo, hi = (sent.start, sent.end) if sent else (start, end)
    prefix, suffix = text[max(lo, start - 40):start], text[end:min(hi, end + 40)]
    return records.Span(start, end, sentence, text[start:end], prefix or None, suffix or None)


HINT_PIECES = ["tort", "tortu", "torture", "beat", "or", "ure", "detai", "detained", "arr", "arrest", " ", "-", "x",
               "'", "é", "İ", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(HINT_PIECES), max_size=12),
       st.lists(st.lists(st.sampled_from(HINT_PIECES[:10]), max_size=3).map(tuple), min_size=1, max_size=6))
def test_hint_index_is_the_zero_width_scan(pieces, hints):
    """The search from each found hint's next character finds what a zero-width lookahead at every position does."""
    text = "".join(pieces).lower()
    index = lexicon.HintIndex(hints)
    every = {h for hs in hints for h in hs}
    expected: dict[int, list[int]] = {}
    for m in re.finditer(f"(?=({scan.trie(every)}))", text):
        for i in index.by_found[m.group(1)]:
            expected.setdefault(i, []).append(m.start())
    assert index.starts(text) == expected
