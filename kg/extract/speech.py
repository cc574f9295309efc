"""Who said what: direct quotations in every quoting style, reported speech, briefing transcripts and
one-voice press statements, each with its speaker resolved through light coreference."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import islice

from kg import gazetteer
from kg.extract import lexicon, scan
from kg.extract.actors import ActorTable, Entry, Mention
from kg.extract.described import noun_before_name as described_before
from kg.extract.text import Paragraph, Sentence
from kg.identity import person_key

OPENERS = {"“": "”", "«": "»", "„": "“”", '"': '"', "‘": "’", "‹": "›", "「": "」"}
_OPENER = re.compile(f"[{re.escape(''.join(OPENERS))}]")


@cache
def _closing_marks(opener: str) -> re.Pattern:
    """The characters Speech._closing looks at inside a quotation opened by ``opener``: its closing marks, and the
    straight marks a curly quotation counts."""
    return re.compile(f"[{re.escape(OPENERS[opener] + (chr(34) if opener == '“' else ''))}]")
WHEN = r"(?:(?:on\s+)?\w+day|(?:last|this|on)\s+(?:week|month|year|morning|evening|night))"  # "today", "last week"
ADVERBS = (rf"(?:{lexicon.alternation_of(lexicon.words('speech_adverbs'))}|had\s+previously|has\s+long|"
           rf"{WHEN})")  # data/speech_adverbs.txt
JOINED_CLAUSE = re.compile(rf",?[\s\u00a0]+and[\s\u00a0]+(?:he|she|they|we|it)[\s\u00a0]+(?:{ADVERBS}[\s\u00a0]+)*$",
                           re.IGNORECASE)  # "..., and she" before a second speech verb
PARTICIPLE_CLAUSE = re.compile(r",[\s\u00a0]*(?:(?:also|further|again)[\s\u00a0]+)?$")  # "..., saying", "..., adding"
COORDINATED_VERB = re.compile(rf"[\s\u00a0]+and[\s\u00a0]+(?:{ADVERBS}[\s\u00a0]+)*$", re.IGNORECASE)  # "... and noted"
CORRESPONDENT = re.compile(r"^[\s\u00a0]*As\s+(?:[\w.'’-]+\s+){1,4}(?:reports|reported|explains|tells\s+us)$")
SUBORDINATE_PRONOUN = re.compile(rf"\b(?:until|unless|if|whether|because|so\s+that|as\s+if|as\s+though)\s+"
                                 rf"(?:he|she|they|it|you|I)\s+(?:{ADVERBS}\s+)*$", re.IGNORECASE)
# "X was detained in May and accused of ...": a participle coordinated with a passive is passive too
PASSIVE_COORDINATED = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+\s+)?\w+ed\b[^,;.“”\"]{0,60}\band\s+$",
                                 re.IGNORECASE)
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be|get|got)\s+(?:(?:also|later|repeatedly|reportedly|"
                            r"previously|then|falsely|wrongly)\s+)?$", re.IGNORECASE)
# a common noun after a name ("the IRNA news agency said", "the Kommersant daily reported")
NAME_HEAD = (r"(?:(?:(?:new|latest|annual|special|recent)\s+)?(?:report|study|survey)(?:\s+(?:released|published|issued)"
             r"\s+(?:on\s+|last\s+)?\w+)?|news\s+agency|news\s+service|agency|newspaper|daily|weekly|broadcaster|channel|television|radio|"
             r"website|portal|group|organi[sz]ation|watchdog)")
# "X issued a statement saying ...": the document stands between the speaker and a participle cue
ISSUED = (r"(?:(?:has|have|had)\s+)?(?:released|issued|published|put\s+out|sent|posted)\s+(?:a|an|its|their)\s+"
          r"(?:[\w-]+\s+){0,2}?(?:statement|report|communiqu\w+|letter|message|note)(?:\s+(?:on\s+)?\w+day)?,?")
# "X was quoted by the newspaper as saying ...": the one quoted is the speaker
QUOTED_AS = r"(?:was|were|is|are|has\s+been|had\s+been)\s+(?:widely\s+)?quoted\s+(?:by\s+[^,;“”\"]{1,80}?\s+)?as"
APPOSITIVE = (r"(?:,[^,;“”\"]{1,160}(?:(?:“[^,;“”\"]{1,60}”|\"[^,;“”\"]{1,60}\")[^,;“”\"]{0,100})?){1,3},"  # a quoted
              )  # title may stand inside ("former editor of "The Free Word" weekly")
# "X and other officials", "X and a handful of colleagues": companions after the named speaker (companion_words.txt)
COMPANIONS = (rf"and[\s\u00a0]+(?:{lexicon.alternation_of(lexicon.words('companion_words'))})[\s\u00a0]+"
              r"(?:[\w.'’-]+[\s\u00a0]+){0,3}?[\w-]+s,?")
ABBREVIATION = r"\((?-i:[A-Z][\w.&-]{1,15})\)"  # "the Veloria Press Union (VPU) said": its short form
RELATIVE = r"(?:,[\s\u00a0]*(?:which|who)[\s\u00a0]+)"  # "X, who added that ...", "X's report, which says ..."
GAP_BEFORE_VERB = re.compile(rf"^[\s\u00a0]*(?:{ABBREVIATION}[\s\u00a0]*)?(?:{NAME_HEAD}[\s\u00a0]*)?(?:{APPOSITIVE}[\s\u00a0]*)?"
                             rf"(?:{COMPANIONS}[\s\u00a0]+)?"
                             rf"{RELATIVE}?(?:{ADVERBS}[\s\u00a0]+)*(?:(?:{ISSUED}|{QUOTED_AS})[\s\u00a0]+)?$", re.IGNORECASE)
# "on the X report, which says": the name before a document's head and its relative clause is the document's author
DOCUMENT_RELATIVE = re.compile(rf"^[\s\u00a0]*(?:{NAME_HEAD}){RELATIVE}", re.IGNORECASE)
COMPANION_GAP = re.compile(rf"^[\s\u00a0]+and[\s\u00a0]+(?:(?:{lexicon.alternation_of(lexicon.words('companion_words'))})"
                           r"[\s\u00a0]+)?(?:[\w.'’-]+[\s\u00a0]+){0,3}$", re.IGNORECASE)
# what a "clause" cue needs after it: a that-clause ("charged on Monday that ..."), or nothing ("..., she recalled.")
CLAUSE_AFTER = re.compile(r"[\s\u00a0,]*(?:(?:(?:on|in|at|during|after|before|to|with|through)\s+[^,.;]{0,60}?\s+)?that\b|"
                          r"(?:\w+day\s*)?[.!?]?[”\"]?\s*$)", re.IGNORECASE)
# a that-clause right after a cue: "noted that", "said on Monday that"
THAT_CLAUSE = re.compile(r"[\s\u00a0,]*(?:(?:on|in|at|during|after|before|to)\s+[^,.;“”\"]{0,60}?\s+)?that\b", re.IGNORECASE)
# a stance verb's whole object is a bare definite noun phrase: "condemned the killing.", "welcomed the move."
BARE_OBJECT = re.compile(r"[\s\u00a0]+(?:the|this|that|these|those|its|his|her|their)[\s\u00a0]+(?:[\w-]+[\s\u00a0]+)?[\w-]+"
                         r"[\s\u00a0]*(?:[.!?:]|$)", re.IGNORECASE)  # "condemned the move:" before a block quotation
# the verb after a block quotation's speaker opening its paragraph: "X, a member of Y, concurs with this analysis:"
INTRO_VERB = re.compile(rf"(?:,[^,:;“”\"]{{1,160}},)?[\s\u00a0]+(?:{ADVERBS}[\s\u00a0]+)*([a-z]+(?:ed|es|s))\b[^.!?]*:\s*$",
                        re.IGNORECASE)
# "a journalist in Iran said": a name after a preposition modifies the subject, it is not the subject
MODIFIER_BEFORE = re.compile(r"\b(?:in|from|at|of|for|with|on|near|inside|outside|to|into|against)\s+(?:the\s+)?"
                             r"(?-i:(?:[a-z]+ern|central|neighbou?ring|remote|restive)\s+)?$", re.IGNORECASE)  # "in eastern"
PAIR = rf"(?:both|the\s+two)\s+(?:{lexicon.alternation_of(lexicon.words('pair_nouns'))})"  # "both men" (pair_nouns.txt)
REFERENCES = re.compile(
    r"\b(?P<ref>(?:the|this|that)\s+(?P<noun>department|ministry|embassy|report|authors|"
    r"(?:[a-z-]+\s+){0,2}(?:organization|organisation|group|watchdog|association|union|network)|"  # "the rights group"
    r"agency|government|statement|court|committee|council|coalition|regime|center|centre|commission|forum|institute|"
    r"foundation|party|movement|army|outlet|newspaper|paper|broadcaster|channel|website|station|magazine|"
    r"(?:[a-z]+\s+)?(?:official|"
    r"spokesperson|spokesman|spokeswoman|minister|ambassador|secretary|president|diplomat|envoy|lawyer|attorney|"
    r"activist|journalist|blogger|director|chairman|leader|prosecutor|judge|adviser|advisor|representative|"
    r"commissioner|rapporteur))|he|she|they|it|we|"
    rf"{PAIR}|"  # "both men": two people
    r"(?:its|their)\s+(?:[a-z]+\s+){0,2}(?:spokesman|spokeswoman|spokesperson|director|head|chief|adviser|advisor|"
    r"representative|lawyer|chairman|chairwoman|president|leader|officials?))$",  # "its legal adviser": the body's
    re.IGNORECASE)

# sentence_subject: a conjunction opening the sentence, short quotations, words opening a subordinate clause, a verb
# coordinated with the first one, a pronoun opening the sentence, the short gap between a body and its person
SENTENCE_LEAD = re.compile(r"^(?:(?:but|and|yet|however|meanwhile|still)\b,?\s+)?", re.IGNORECASE)
SHORT_QUOTATION = re.compile(r"“[^“”]{0,80}”|\"[^\"]{0,80}\"")
SUBORDINATE_WORD = re.compile(r"\b(?:who|which|whom|whose|that|because|after|when|while|if|although|but|whereas)\b|"
                              r"[;:“\"]")
COORDINATED_END = re.compile(r"(?:\band|,)\s+(?:has\s+|have\s+|had\s+|also\s+|will\s+)*$")
PRONOUN_OPENING = re.compile(rf"^(we|he|she|they|{PAIR})\b", re.IGNORECASE)
PRONOUN_COORDINATED_END = re.compile(r"(?:\band|,)\s+(?:has\s+|have\s+|also\s+|will\s+)*$")
SHORT_WORDS = re.compile(r"^[\s\w.'’-]{0,40}$")
# the reported clause: nothing but punctuation after the cue, a that-clause or a time after it, "that" as a word,
# "but"/"while" opening a clause of another subject, a preposition after a passive participle, "to" opening it
NOTHING_AFTER = re.compile(r"^[\s\u00a0]*[.!?]?[”\"]?$")
# after "..., X said" only when, where or in what it was said ("in its annual report", "on Monday", "in a statement on
# its website", "of the verdict"): the reported clause is the one before, not these words
_WHEN_SAID = r"(?:(?:late\s+|early\s+)?on\s+\w+day|yesterday|today|last\s+(?:week|month|year|night)|this\s+(?:week|month|year))"
_WHERE_SAID = (r"(?:in|on|at|during|via|through)\s+(?:a|an|the|its|his|her|their|our)\s+(?:[\w'’-]+\s+){0,3}?"
               r"(?:statement|report|interview|post|message|letter|speech|briefing|conference|release|tweet|website|"
               r"note|video|address|session|hearing|meeting|broadcast|e-?mail|communiqu[eé])s?")
_TOLD_WHOM = r"(?:[\s\u00a0]+(?:reporters|journalists|(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}))?"
ADJUNCT_ONLY = re.compile(rf"^{_TOLD_WHOM}[\s\u00a0]+(?:{_WHEN_SAID}|{_WHERE_SAID}|of\s+(?:the|a|an|this|that|its|his|her|"
                          rf"their)\s+(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+)(?:,?\s+(?:{_WHEN_SAID}|{_WHERE_SAID}))*"
                          r"[\s\u00a0]*[.!?]?[”\"]?$", re.IGNORECASE)
# a quotation of three words is speech where its punctuation and a speech verb right after say so ('“These are
# lies,” said X', '“Simply not true!” she shouted'); elsewhere it is a term the writer marks ('so-called “foreign agents”')
SHORT_QUOTE_END = re.compile(r"[,!?][\s\u00a0]*$")
SPOKEN_AFTER = re.compile(r"[\s\u00a0]+(?:[\w.'’-]+[\s\u00a0]+){0,4}?(?:said|says|told|tells|added|adds|insisted|replied|"
                          r"declared|wrote|asked|shouted|stated|responded|retorted)\b")
# a noun phrase set off by a comma, to the end of the sentence ("..., said X, their lawyer."; "..., said X, a
# spokesman for the ministry, on Monday.")
APPOSITION_TAIL = re.compile(r"^,[\s\u00a0]+(?:a|an|the|his|her|their|its|our)\s+[^,;:.!?\"“”]{1,80}?"
                             r"(?:,[\s\u00a0]+(?:on|in|late|early)\s+[^,;:.!?\"“”]{1,30})?$", re.IGNORECASE)
# "..., their lawyer, Mara Vint, said": the description before the name is the subject's, not the clause's
DESCRIPTION_END = re.compile(r",[\s\u00a0]+(?:a|an|the|his|her|their|its|our)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+,?[\s\u00a0]*$",
                             re.IGNORECASE)
DESCRIBED_THEN_NAMED = re.compile(r"[\s\u00a0]*(?:his|her|their|its|the|a|an)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+,"
                                 r"[\s\u00a0]+", re.IGNORECASE)
# "..., the rights group" before a name: a description of the subject, in lower case, after the clause's comma
DESCRIPTOR_END = re.compile(r",[\s\u00a0]+(?:(?:the|a|an)\s+)?(?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*$")
ROLE_WORDS_BEFORE = re.compile(r"[\s\u00a0]*(?:(?:the|a|an)\s+)?(?:(?!(?:and|or|but|with|of|to|from|by)\s)[a-z][\w'’-]*\s+){1,3}")
ARTICLE_END = re.compile(r",[”\"’]?[\s\u00a0]+(?:the|a|an)$", re.IGNORECASE)
# "..., witnesses said, adding that ...": the clause before is the statement, the participle starts another
PARTICIPLE_AFTER = re.compile(rf"{_TOLD_WHOM}[\s\u00a0]*,[\s\u00a0]+(?=(?:adding|saying|noting|explaining|stressing|"
                              r"insisting)\b)")
THAT_AFTER_VERB = re.compile(rf"^[\s\u00a0,]*(?:(?:on|in|at|during|after|to|through)\s+[^,.;]{{0,60}}?\s+|{WHEN}\s+)?"
                             r"that\b", re.IGNORECASE)
WHEN_AFTER_VERB = re.compile(rf"^[\s\u00a0,]*(?:(?:on\s+\w+|{WHEN})\s+)?", re.IGNORECASE)
THAT_WORD = re.compile(r"\bthat\b")
STANCE_THAT = re.compile(r"^[\s\u00a0,]*that\s+")
OTHER_CLAUSE = re.compile(r",[\s\u00a0]+(?:but|while|whereas)[\s\u00a0]+(?!that\b)(?:the[\s\u00a0]+)?")
PREPOSITION_AFTER = re.compile(r"\s+(?:of|by|with|to|for)\b")
TO_OPENING = re.compile(r"^to\s")
COMMA_END = re.compile(r",\s*$")
# subject_after: an article, a pronoun, a document naming its author ("said a statement posted on X's account")
AFTER_LEAD = re.compile(r"^[\s\u00a0]*(?:the\s+)?", re.IGNORECASE)
AFTER_PRONOUN = re.compile(r"^[\s\u00a0]*(he|she|they|it|we)\b", re.IGNORECASE)
AFTER_DOCUMENT = re.compile(r"^[\s\u00a0]*(?:a|the|in\s+a)\s+(?:\w+\s+)?(?:statement|post|letter|message|tweet|report|"
                            r"communiqu\w+)\s+(?:\w+\s+){0,2}?(?:by|on|from|of)\s+", re.IGNORECASE)


Attribution = tuple[str | None, str | None, str, str | None]  # speaker key, cue, rule id, addressee key


@dataclass
class Found:
    """A statement as the extractor finds it, before it becomes a record item."""

    speaker: str | None  # actor key
    text: str
    start: int
    end: int
    kind: str
    cue: str | None
    rule: str
    confidence: float
    sentence: int
    addressee: str | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)


@cache
def _table(name: str) -> dict[str, str]:
    """A two-column data file of this module (word -> value)."""
    text = resources.files("kg.extract").joinpath("data").joinpath(name).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {row[0]: row[1] for row in rows if len(row) > 1}


@cache
def _description_regex() -> re.Pattern:
    """An unnamed subject: "A top official", "Eight prominent international organizations", "Burma's state-run
    newspaper", "the authorities at the airport" (description_heads.tsv), right before its verb."""
    heads = lexicon.alternation_of(_table("description_heads.tsv"))
    return re.compile(
        rf"(?:^|[,;]\s+|\b(?:in\s+addition|meanwhile|however|but|and|also)\s+)(?P<np>(?P<det>an?|one|two|three|four|five|six|"
        rf"seven|eight|nine|ten|several|some|the|\d[\d,]*|[A-Z][\w.]*['’]s)\s+(?:[\w.'’-]+\s+){{0,4}}?(?P<head>{heads})"
        rf"(?P<mod>\s+(?:in|at|from|of|for|by)\s+(?:the\s+|an?\s+)?(?:[\w.'’-]+\s+){{0,5}}?[\w.'’-]+|"  # "at the airport"
        r"\s+(?:issued|released|published)\s+(?:on\s+|last\s+)?\w+|"  # "issued Monday"
        r"\s+[a-z]+ing\s+(?:[\w.'’-]+\s+){0,8}?[\w.'’-]+)?)"  # "investigating the killings in the north"
        rf"\s+(?:{ADVERBS}\s+)*(?:{ISSUED}\s+)?$",
        re.IGNORECASE)


@cache
def _source_phrase_regex() -> re.Pattern:
    """"according to", "as reported by" ... from cue_phrases.tsv, followed by the source."""
    phrases = sorted(lexicon.cue_phrases(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\s+",
                      re.IGNORECASE)


@cache
def _source_phrase_words() -> frozenset[str]:
    """The longest word of each source phrase, in lower case: a match of the source-phrase regex holds one."""
    return frozenset(max(p.lower().split(), key=len) for p in lexicon.cue_phrases())


BY = frozenset({"by"})
PAIR_WORDS = frozenset({"both", "two"})  # a match of _pair_regex holds one of them as it is


@cache
def _description_heads() -> frozenset[str]:
    """The heads of _description_regex in lower case: a match holds one as it is (case aside)."""
    return frozenset(h.lower() for h in _table("description_heads.tsv"))


@cache
def _charge_nouns() -> frozenset[str]:
    """The nouns of _charge_regex in lower case: a match holds one as it is (case aside)."""
    return frozenset(n.lower() for n in lexicon.words("charge_nouns"))
RISKY = re.compile(f"[{re.escape(scan.RISKY_CHARS)}]")  # lower-cased unlike the regex engine's case-blind compare


@cache
def _role_alternation() -> str:
    return lexicon.alternation_of(lexicon.role_nouns())


@cache
def _turn_label() -> re.Pattern:
    """A transcript's turn label opening a paragraph: "MR PRICE: ", "QUESTION: ", "AMBASSADOR LEE: "."""
    known = lexicon.alternation_of(lexicon.turn_labels())
    return re.compile(rf"^((?:{known}|[A-Z][A-Z'’.-]+)(?:[ .][A-Z][A-Z'’.-]+){{0,3}})\s*:\s+")


@cache
def _title_run() -> re.Pattern:
    """Capitalised words ending in a title or role ("Deputy Minister ", "Foreign Ministry Spokesperson "), the title
    standing between an inverted cue and the name after it (titles.txt, role_nouns.txt)."""
    titles = lexicon.alternation_of(t for t in lexicon.titles() if t[:1].isupper() and not t.endswith("."))
    roles = lexicon.alternation_of(r.capitalize() for r in lexicon.role_nouns())
    return re.compile(rf"(?:[A-Z][\w.'’-]*[\s\u00a0]+){{0,3}}?(?:{titles}|{roles})[\s\u00a0]+")


@cache
def _pair_regex() -> re.Pattern:
    """"Both men", "the two journalists" right before a verb."""
    return re.compile(rf"\b{PAIR}[\s\u00a0]+(?:{ADVERBS}[\s\u00a0]+)*$", re.IGNORECASE)


@cache
def _charge_regex() -> re.Pattern:
    """A charge named as a noun and its maker: "charges made by", "allegations voiced by" (charge_nouns.txt)."""
    nouns = lexicon.alternation_of(lexicon.words("charge_nouns"))
    return re.compile(rf"\b(?P<noun>{nouns})\s+(?:(?:first\s+)?(?:made|raised|voiced|levell?ed|brought|leveled)\s+)?by\s+",
                      re.IGNORECASE)


@cache
def _cue_regex() -> re.Pattern:
    cues = sorted(lexicon.speech_verbs(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues) + r")(?![\w-])")


@cache
def _opening_regex() -> re.Pattern:
    """What may open a sentence before its subject: a time ("In May, "), a role or a title ("police spokesman ",
    "Governor ")."""
    return re.compile(rf"^(?:(?:in|on|at|earlier|later|last|this|after|since)\s+(?:[\w.-]+\s+){{0,3}}?[\w.-]+,\s+)?"
                      rf"(?:the\s+)?(?:(?:[a-z-]+\s+){{0,2}}(?:{_role_alternation()}|group|organi[sz]ation|watchdog)\s+|"
                      rf"(?-i:{_title_run().pattern}))?", re.IGNORECASE)


WORD_RUN = re.compile(r"\w+")
LAST_OUTSIDE_REFERENCE = re.compile(r".*[^\w\s-]", re.DOTALL)  # up to the last character no reference holds


def _reference_at_end(text: str) -> re.Match | None:
    """``REFERENCES.search(text)``, searched from the last character a match cannot hold: a match runs to the end
    and holds letters (word characters, case aside), hyphens and spaces only, so it starts after that character
    (a non-word one: the word boundary before a match stands as it stood)."""
    last = LAST_OUTSIDE_REFERENCE.match(text)
    return REFERENCES.search(text, last.end()) if last else REFERENCES.search(text)
# an appositive and adverbs ending a subject's window ("X, a lawyer, had previously"): what subject_before strips
TRAILING_ADVERBS = re.compile(rf"(?:,[^,;]{{1,160}},)?[\s\u00a0]*(?:{ADVERBS}[\s\u00a0]+)*$", re.IGNORECASE)
LAST_OTHER = re.compile(r".*[^\w\s]", re.DOTALL)  # up to the last character neither a word character nor a space


def _strip_trailing_adverbs(window: str) -> str:
    """``TRAILING_ADVERBS.sub("", window)``, tried only from where a match can start. After its appositive the
    regex matches word characters and spaces only (ADVERBS is words, ``\\w+day`` and spaces; a letter matches,
    case aside, only letters): a match starts after the last other character, or, where that is a comma closing
    an appositive, at the comma before it (an appositive holds no comma); and not before the last run of word
    characters it cannot hold (_last_foreign_run). The regex has no look-behind, so the tail alone is matched as
    inside the window."""
    last = LAST_OTHER.match(window)
    low = last.end() if last else 0
    skip = _last_foreign_run(window[low:])
    if skip:  # a run no match holds whole: nor does a match from an appositive's comma, which holds the whole tail
        low += skip
    elif low and window[low - 1] == ",":
        opening = window.rfind(",", 0, low - 1)
        low = opening if opening >= 0 else low
    return window[:low] + TRAILING_ADVERBS.sub("", window[low:]) if low else TRAILING_ADVERBS.sub("", window)


# every word the adverbs spell out (with stray letters of the regex's escapes): a run of word characters a match of
# TRAILING_ADVERBS holds whole is one of them or ends in "day" ("\w+day"), case aside
ADVERB_WORDS = frozenset(re.findall(r"[a-z]+", ADVERBS.lower()))


def _held_whole(word: str) -> bool:
    """Whether a match of TRAILING_ADVERBS may hold the run of word characters whole (one of the adverbs' words, or
    "\\w+day"); a run with a character other than ASCII may (its case-blind compare is the regex engine's)."""
    low = word.lower()
    return not word.isascii() or low in ADVERB_WORDS or low.endswith("day")


def _last_foreign_run(tail: str) -> int:
    """Where, in ``tail`` (word characters and spaces), a match of TRAILING_ADVERBS holding its end can start: not
    before the last run of word characters it cannot hold whole, and in that run only where its rest is a word it
    may hold (the first word of an adverb, cut short on the left); 0 if every run may be held. The runs are the
    tail's words between spaces (str.split cuts at what \\s matches), read from the end."""
    end = len(tail)
    for word in reversed(tail.split()):
        start = tail.rfind(word, 0, end)  # the last word before ``end``: only spaces follow it
        if not _held_whole(word):
            return start + next((k for k in range(1, len(word)) if _held_whole(word[k:])), len(word))
        end = start
    return 0


@cache
def _cue_first_words() -> frozenset[str] | None:
    """The first run of word characters of each cue (None if a cue starts with none)."""
    firsts = [WORD_RUN.match(c) for c in lexicon.speech_verbs()]
    return None if None in firsts else frozenset(m.group() for m in firsts if m)


def _cues(text: str):
    """``_cue_regex().finditer(text)``, tried only where a run of word characters is a cue's first one: a cue starts
    at no word character, so its first word is the whole run there."""
    firsts = _cue_first_words()
    starts = None if firsts is None else [m.start() for m in WORD_RUN.finditer(text) if m.group() in firsts]
    return scan.finditer(_cue_regex(), text, starts)


@cache
def _cue_firsts_by_lower() -> dict[str, frozenset[str]] | None:
    """The cues' first words by their lower case; None when one is not ASCII (a word-final sigma lower-cases by
    its place) or a cue starts with no word character."""
    firsts = _cue_first_words()
    if firsts is None or not all(w.isascii() for w in firsts):
        return None
    out: dict[str, set[str]] = {}
    for w in firsts:
        out.setdefault(w.lower(), set()).add(w)
    return {low: frozenset(forms) for low, forms in out.items()}


def _cue_runs(text: str, index: scan.WordIndex) -> list[int] | None:
    """The sorted starts of the runs of word characters of the text that are a cue's first word, read from the
    text's word index (its lower case keeps each character's place, and a character is a word character as its
    lower case is); None when the index cannot tell them."""
    by_lower = _cue_firsts_by_lower()
    if by_lower is None or index.lowered is None or index.text != text:
        return None
    return sorted(q for low in by_lower.keys() & index.words for q in index.positions(low)
                  if text[q:q + len(low)] in by_lower[low])


SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1024)
def _cue_name(matched: str) -> str:
    """A cue as the speech verbs list it: its matched words with each run of spaces one space (cached: the cues
    are a short list of words, their spacing aside)."""
    return SPACES.sub(" ", matched)


def _has_words(text: str, count: int) -> bool:
    """``len(re.findall(r"\\w+", text)) >= count``, reading the runs of word characters only up to the count-th."""
    return next(islice(WORD_RUN.finditer(text), count - 1, None), None) is not None


def _run_at_end(text: str) -> str:
    """The run of word characters ending the text ("" if none)."""
    i = len(text)
    while i and WORD_RUN.match(text, i - 1, i):
        i -= 1
    return text[i:]


class Speech:
    """Finds the statements of one article."""

    def __init__(self, text: str, paras: list[Paragraph], sents: list[Sentence], actors: ActorTable,
                 author: str | None):
        self.text, self.paras, self.sents, self.actors, self.author = text, paras, sents, actors, author
        self.found: list[Found] = []
        self.quoted: list[tuple[int, int]] = []  # character ranges inside quotation marks
        self.intros: set[int] = set()  # sentences that introduce a block quotation ("She wrote:")
        self._quote_index: tuple[list[int], list[int]] = ([], [])
        self._starts = [s.start for s in sents]
        lowered = text.lower()  # where its characters compare as the regex engine's case-blind ones, at their offsets
        index = actors.words  # its risky test is the one of RISKY (the same characters), on the same text
        risky = not index.folds_like_regex if index.text == text else bool(RISKY.search(text))
        self._lowered = lowered if len(lowered) == len(text) and not risky else None
        self._cue_runs = _cue_runs(text, index)  # where a cue's first word stands as a whole run
        self._sentence_cues: tuple[Sentence | None, list[re.Match]] = (None, [])  # the last sentence reported() read
        self._carried: tuple[int, str] | None = None  # (where a participle after a speech verb starts, the verb's speaker)

    # -- helpers --------------------------------------------------------------------------------
    def _cues_of(self, sent: Sentence):
        """``_cues(sent.text)``, its cues' first words found once in the article: the whole runs of the text inside
        the sentence, and a run the sentence cuts at either end, read as the sentence holds it."""
        return self._cues_between(sent.start, sent.end, sent.text)

    def _cues_between(self, s: int, e: int, piece: str):
        """``_cues(piece)`` for ``piece``, the text from ``s`` to ``e`` (as _cues_of reads a sentence)."""
        runs, firsts = self._cue_runs, _cue_first_words()
        if runs is None or firsts is None or len(piece) != e - s or e <= s:
            return _cues(piece)
        inside = runs[bisect_left(runs, s):bisect_left(runs, e)]
        starts = {q - s for q in inside if q + len(WORD_RUN.match(self.text, q).group()) <= e}
        head = WORD_RUN.match(piece)
        if s and head and WORD_RUN.match(self.text, s - 1, s) and head.group() in firsts:
            starts.add(0)  # a run cut at the start
        cut = WORD_RUN.match(self.text, e - 1, e + 1)
        if cut and len(cut.group()) == 2:  # a run cut at the end
            tail = _run_at_end(piece)
            if tail in firsts:
                starts.add(len(piece) - len(tail))
        return scan.finditer(_cue_regex(), piece, sorted(starts))

    def sentence_at(self, pos: int) -> Sentence:
        """The sentence holding ``pos`` (or the next one when ``pos`` falls between two)."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.sents[i].end:
            return self.sents[i]
        return self.sents[min(i + 1, len(self.sents) - 1)]

    def entry(self, key: str | None) -> Entry | None:
        return self.actors.entries.get(key) if key else None

    def last_speaker_person(self) -> str | None:
        for f in reversed(self.found):
            e = self.entry(f.speaker)
            if e and e.type == "Person":
                return f.speaker
        return None

    def resolve_reference(self, ref: str, pos: int) -> str | None:
        """A pronoun or definite description at ``pos`` -> the actor key it refers to."""
        word = ref.lower().split()[-1]
        if re.match(r"(?:both|the\s+two)\s", ref, re.IGNORECASE):
            return self._first_of_pair(pos)
        if ref.lower().startswith(("its ", "their ")):
            m = self.actors.last_before(pos, {"GovernmentBody", "NGO", "InternationalOrganization", "Organization",
                                              "MediaOutlet"})
            return m.key if m else None
        if word in ("he", "she", "him", "her", "i"):
            gender = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(word)
            m = self._last_person(pos, gender)
            if m and word in ("he", "she"):
                return self._subject_chain(m, pos, gender)
            return m.key if m else self.last_speaker_person()
        if word == "we":
            return self.author
        if word in ("they", "it"):
            return self._body_reference(word, pos)
        if word in lexicon.role_nouns() or word in ("spokesman", "spokeswoman"):
            best = None
            for m in reversed(self.actors.mentions):
                if m.end > pos or self.actors.entries[m.key].type != "Person":
                    continue
                e = self.actors.entries[m.key]
                if any(word in r.lower() for r in e.roles):
                    return m.key
                best = best or m.key
            return best
        kinds = {"department": ("Department",), "ministry": ("Ministry",), "embassy": ("Embassy",),
                 "agency": ("Agency",), "court": ("Court",), "committee": ("Committee",), "council": ("Council",),
                 "coalition": ("coalition", "Coalition"), "center": ("Center", "Centre"), "centre": ("Centre", "Center"),
                 "commission": ("Commission",), "forum": ("Forum",), "institute": ("Institute",),
                 "foundation": ("Foundation",), "party": ("Party",), "movement": ("Movement",), "army": ("Army",)}
        if word in kinds:
            for m in reversed(self.actors.mentions):
                e = self.actors.entries[m.key]
                if m.end <= pos and any(k.lower() in n.lower() for k in kinds[word] for n in (e.name, *e.aliases)):
                    return m.key
            if word == "department" and self.author and "Department" in (self.entry(self.author) or Entry("", "", "")).name:
                return self.author
            return None
        if word in ("outlet", "newspaper", "paper", "broadcaster", "channel", "website", "station", "magazine"):
            m = self.actors.last_before(pos, {"MediaOutlet"})  # "the outlet said": the one named before
            return m.key if m else None
        if word in ("government", "regime"):
            m = self.actors.last_before(pos, {"GovernmentBody"})
            if m and m.key.startswith("government:"):
                return m.key
            return None
        if word in ("report", "authors", "statement", "organization", "organisation", "group", "watchdog",
                    "association", "union", "network"):
            bodies = {"NGO", "InternationalOrganization", "Organization"}  # "the group" is no government office
            if word in ("report", "authors", "statement"):
                return self._report_author(pos, bodies | {"GovernmentBody"}, "statement" if word == "statement" else "report")
            m = self.actors.last_before(pos, bodies)
            return m.key if m else self.author
        return None

    def _first_of_pair(self, pos: int) -> str | None:
        """"Both men", "the two women": the first of the last two people named (outside quotations) before ``pos``."""
        last = self._last_person(pos, None)
        other = last
        while other and other.key == last.key:
            other = self._last_person(other.start, None)
        return (other or last).key if last else None

    def _report_author(self, pos: int, types: set[str], noun: str) -> str | None:
        """"the report", "the authors": the last body named beside a report or statement ("X released a report",
        "as pointed out in X's report"), else the last body named outside quotations, else the article's author."""
        nearest = None
        m = self.actors.last_before(pos, types)
        while m:
            if not self._inside_quote(m.start):
                nearest = nearest or m
                if re.search(rf"\b{noun}\b", self.sentence_at(m.start).text, re.IGNORECASE):
                    return m.key
            m = self.actors.last_before(m.start, types)
        return nearest.key if nearest else self.author

    def _body_reference(self, word: str, pos: int) -> str | None:
        """"it" or "they" at ``pos``: the body that spoke in the sentence before, else the last body named (outside
        quotations), or the one its sentence opens with."""
        types = {"GovernmentBody", "NGO", "MediaOutlet", "InternationalOrganization", "Organization",
                 "Country"} | ({"Group"} if word == "they" else set())
        spoke = self._speaker_before(pos, types) if word == "it" else None
        if spoke:
            return spoke
        m = self.actors.last_before(pos, types)
        while m and self._inside_quote(m.start):  # a body named inside a quotation is not who "it" is
            m = self.actors.last_before(m.start, types)
        return self._sentence_subject_of(pos, types, m) if m else None

    def _speaker_before(self, pos: int, types: set[str]) -> str | None:
        """"X said Malawi had jailed 14 reporters. It said ...": "it" opening a sentence, right after a body's statement
        in the sentence before (same paragraph), goes on with that speaker, not with the last body named."""
        sent = self.sentence_at(pos)
        if sent.index == 0 or self.text[sent.start:pos].strip(" \u00a0\"“‘"):
            return None
        last = self.found[-1] if self.found else None
        if (last and last.sentence == sent.index - 1 and self.sents[last.sentence].paragraph == sent.paragraph
                and (entry := self.entry(last.speaker)) and entry.type in types):
            return last.speaker
        return None

    def _sentence_subject_of(self, pos: int, types: set[str], nearest: Mention) -> str:
        """"X filed a suit at the High Court in which it accused ...": "it" inside the sentence of its antecedent
        refers to the body the sentence opens with, not to one named on the way."""
        sent = self.sentence_at(pos)
        first = next(iter(self.actors.within(sent.start, pos)), None)
        if first and self.actors.entries[first.key].type == "Group" and REFERENCES.search(self.text[sent.start:first.end]):
            described = self.resolve_reference(self.text[max(sent.start, first.start - 4):first.end], first.start)
            if described and re.match(r"^[\s\u00a0]*(?:[\w\s]{0,30},\s+)?(?:the\s+)?$",
                                      self.text[sent.start:first.start], re.IGNORECASE):
                return described  # "Last month, the group detailed what it called ...": the group named before
        if (first and first.key != nearest.key and self.actors.entries[first.key].type in types
                and re.match(r"^[\s\u00a0]*(?:the\s+)?$", self.text[sent.start:first.start], re.IGNORECASE)
                and not re.search(r"[;:“\"]", self.text[sent.start:pos])):
            return first.key
        return nearest.key

    def _subject_chain(self, nearest: Mention, pos: int, gender: str | None) -> str:
        """"He" opening a sentence goes on with the person the sentence before was about (its subject), not with a
        person it named as the one spoken to or about ("He told reporter X that ... He says ...")."""
        sent = self.sentence_at(pos)
        if sent.index == 0 or not re.match(r"^[\s\u00a0]*(?:(?:but|and|yet|later|then)[\s\u00a0,]+)?$",
                                             self.text[sent.start:pos], re.IGNORECASE):
            return nearest.key
        prev = self.sents[sent.index - 1]
        if prev.paragraph < sent.paragraph - 1:
            return nearest.key
        spoken = next((f for f in reversed(self.found) if prev.start <= f.start < sent.start and f.speaker), None)
        if spoken and spoken.addressee == nearest.key and self.entry(spoken.speaker) and self.entry(
                spoken.speaker).type == "Person":
            return spoken.speaker
        first = next((m for m in self.actors.within(prev.start, prev.end) if self.actors.entries[m.key].type == "Person"
                      and not self._inside_quote(m.start)), None)
        if (first and first.key != nearest.key and first.start <= prev.start + 40
                and _gender(self.actors.entries[first.key], self.text) in (gender, None)
                and self._opens_sentence(first, prev)):
            return first.key
        return nearest.key

    def _opens_sentence(self, first: Mention, prev: Sentence) -> bool:
        """The person opens the sentence as its subject: only a title or an article stands before the name."""
        lead = self.text[prev.start:first.start]
        return bool(re.match(r"^[\s\u00a0]*(?:(?:the|a|an|but|and)\s+)?(?:[A-Za-z.-]+\s+){0,4}$", lead)) and "," not in lead

    def _last_person(self, pos: int, gender: str | None) -> Mention | None:
        while True:
            m = self.actors.last_before(pos, {"Person"})
            if m is None:
                return None
            # a name inside someone else's quotation is not what a later "he said" refers to
            if not self._inside_quote(m.start) and (
                    gender is None or _gender(self.actors.entries[m.key], self.text) in (gender, None)):
                return m
            pos = m.start

    def _paragraph_of(self, pos: int) -> int:
        return self.sentence_at(pos).paragraph

    def subject_before(self, pos: int, floor: int) -> tuple[str | None, int]:
        """The actor named (or referred to) right before ``pos``, allowing an appositive between."""
        floor = max(floor, pos - 600)  # the subject stands near its verb; a bound keeps huge sentences linear
        window = self.text[floor:pos]
        pair = _pair_regex().search(window) if self._may_hold_between(floor, pos, PAIR_WORDS) else None
        first = self._first_of_pair(floor + pair.start()) if pair else None
        if pair and first:
            return first, floor + pair.start()  # "The two journalists said": the first of the last two named
        m = self.actors.last_before(pos, None, floor)
        modified: Mention | None = None  # a body after "of"/"at" whose gap to the verb fits: its head may be the subject
        for _ in range(3):  # the actor right before, or one before an appositive naming others ("X, a lawyer at Y, said")
            if m is None:
                break
            gap = self.text[m.end:pos]
            if gap.startswith(",") and not GAP_BEFORE_VERB.match(gap) and self._in_apposition(m, floor):
                gap = gap[1:]  # "the head of the union, Ana Ruiz, said": a name in apposition
            if modified and re.match(r"^[\s\u00a0]+(?:of|at|from|with|for)[\s\u00a0]+(?:the[\s\u00a0]+)?$",
                                     self.text[m.end:modified.start]) and not self._inside_quote(m.start):
                return self._companions_lead(m, floor)  # "Attorney Ana Ruiz of the Legal Aid Centre, who ..., said"
            fits = GAP_BEFORE_VERB.match(gap) and not self._inside_quote(m.start)
            if fits and (DOCUMENT_RELATIVE.match(gap) or not MODIFIER_BEFORE.search(self.text[max(floor, m.start - 24):m.start])):
                return self._companions_lead(m, floor)
            modified = m if fits else None
            m = self.actors.last_before(m.start, None, floor)
        ref = _reference_at_end(_strip_trailing_adverbs(window).rstrip())
        if ref:
            start = floor + ref.start()
            key = self.resolve_reference(ref.group("ref"), start)
            if key:
                return key, start
        return None, pos

    def _companions_lead(self, m: Mention, floor: int) -> tuple[str, int]:
        """"X and other officials said": a collective coordinated after a named actor leaves the speech to the named
        one (two collectives, "rights groups and lawyers", stay the nearest's)."""
        if self.actors.entries[m.key].type == "Group":
            lead = self.actors.last_before(m.start, None, floor)
            if (lead and self.actors.entries[lead.key].type not in ("Group", "Place")
                    and COMPANION_GAP.match(self.text[lead.end:m.start]) and not self._inside_quote(lead.start)):
                return lead.key, lead.start
        return m.key, m.start

    def _in_apposition(self, m: Mention, floor: int) -> bool:
        """A person's name between commas after a noun phrase ("her brother, Ana Ruiz,"), not after another name."""
        if self.actors.entries[m.key].type != "Person" or not re.search(r",[\s\u00a0]*$",
                                                                          self.text[max(floor, m.start - 3):m.start]):
            return False
        before = self.actors.last_before(m.start, None, floor)
        return not (before and before.end >= m.start - 3 and self.actors.entries[before.key].type == "Person")

    def sentence_subject(self, sent: Sentence, verb: int) -> tuple[str | None, int]:
        """The actor opening the sentence, for a verb coordinated with its first one
        ("The United States shares ... and has urged ...")."""
        head = self.text[sent.start:verb]
        lead = SENTENCE_LEAD.match(head)  # "But X ..., saying"
        unquoted = SHORT_QUOTATION.sub("", head[lead.end():])  # 'said the US "condemns it" and'
        if SUBORDINATE_WORD.search(unquoted):
            return None, verb
        opening = _opening_regex().match(head[lead.end():])  # "police spokesman X", "Governor X": a title before the name
        found = self.actors.within(sent.start, verb)
        for i, m in enumerate(found):
            if m.end <= sent.start + lead.end() + opening.end() and self.actors.entries[m.key].type == "Group":
                continue  # "police" in "police spokesman X"
            if (m.start <= sent.start + lead.end() + opening.end() + 1 and self.actors.entries[m.key].type != "Group"
                    and COORDINATED_END.search(self.text[sent.start:verb])):
                person = found[i + 1] if i + 1 < len(found) else None
                if (person and self.actors.entries[person.key].type == "Person" and self.actors.entries[m.key].type
                        != "Person" and SHORT_WORDS.match(self.text[m.end:person.start])):
                    return person.key, person.start  # "US secretary of state Ana Ruiz said ... and called ..."
                return m.key, m.start  # "X filed a suit ..., accused Y of ..." / "X shares ... and has urged"
            break
        ref = PRONOUN_OPENING.match(head)
        if ref and PRONOUN_COORDINATED_END.search(head):
            return self.resolve_reference(ref.group(1), sent.start), sent.start  # "He denied it, saying ..."
        return None, verb

    def subject_after(self, pos: int, limit: int) -> tuple[str | None, int]:
        """The actor named right after a cue ("..., said John Smith")."""
        window = self.text[pos:limit]
        lead = AFTER_LEAD.match(window)
        start = pos + lead.end()
        found = self.actors.within(pos, limit)
        titled = _title_run().fullmatch(self.text, start, found[0].start) if found else None
        if titled and self.actors.entries[found[0].key].type == "Person":
            return found[0].key, found[0].end  # "..., said Deputy Minister Ana Ruiz": a title before the name
        described = found and described_before().match(window, len(window) - len(window.lstrip()))
        if described and found[0].start == pos + described.start(2):
            return found[0].key, found[0].end  # "according to rights group X", "..., said the watchdog X"
        named = found and DESCRIBED_THEN_NAMED.match(window)
        if named and found[0].start == pos + named.end():
            return found[0].key, found[0].end  # "according to his wife, Mara Vint"
        roles = found and self.actors.entries[found[0].key].type == "Person" and ROLE_WORDS_BEFORE.fullmatch(
            self.text, pos, found[0].start)
        if roles and roles.group().split()[-1].lower() in lexicon.role_nouns():
            return found[0].key, found[0].end  # "according to researcher Ana Ruiz", "said rights lawyer Ana Ruiz"
        for i, m in enumerate(found):
            if m.start <= start + 1:
                nxt = found[i + 1] if i + 1 < len(found) else None
                if (nxt and self.actors.entries[nxt.key].type == "Person" and self.actors.entries[m.key].type != "Person"
                        and SHORT_WORDS.match(self.text[m.end:nxt.start])):
                    return nxt.key, nxt.end  # "State Department spokeswoman Marie Harf"
                return m.key, m.end
            break
        ref = AFTER_PRONOUN.match(window)
        if ref:
            return self.resolve_reference(ref.group(1), pos), pos + ref.end()
        # "said a statement posted on Ms. Ho's Facebook account" / "wrote the group in a report"
        doc = AFTER_DOCUMENT.match(window)
        if doc:
            for m in self.actors.within(pos + doc.end(), limit):
                if m.start <= pos + doc.end() + 4:
                    return m.key, m.end
                break
        return None, pos

    def _quote_arrays(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the quotations, each sorted: they are found in text order, without overlap (a block
        quotation replaces those inside its paragraph)."""
        if len(self._quote_index[0]) != len(self.quoted):
            self._quote_index = ([a for a, _ in self.quoted], [b for _, b in self.quoted])
        return self._quote_index

    def _inside_quote(self, pos: int) -> bool:
        starts, ends = self._quote_arrays()
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]

    def add(self, found: Found) -> None:
        if found.speaker and _has_words(found.text, 3):
            self.found.append(found)

    # -- quotations -----------------------------------------------------------------------------
    def quotes(self) -> list[tuple[int, int, bool]]:
        """(start, end, closed) of every quotation of four words or more (or a short one a speech verb follows),
        inside each paragraph."""
        out = []
        for para in self.paras:
            t, i = para.text, 0
            while i < len(t):
                m = _OPENER.search(t, i)  # straight to the next quotation mark: other characters open nothing
                if m is None:
                    break
                i = m.start()
                if self._opens(t, i):
                    j = self._closing(t, i)
                    closed = j < len(t)
                    inner = t[i + 1:j]
                    if _has_words(inner, 4) or (_has_words(inner, 3) and SHORT_QUOTE_END.search(inner)
                                                and SPOKEN_AFTER.match(t, j + 1)):
                        out.append((para.start + i + 1, para.start + j, closed))
                    self.quoted.append((para.start + i + 1, para.start + j))
                    i = j + 1
                else:
                    i += 1
        return out

    def _closing(self, t: str, i: int) -> int:
        """Where the quotation opened at ``i`` closes (``len(t)`` when it runs to the paragraph's end). Mixed marks
        pair up: '“It is a shark," said X' closes at the straight mark after the punctuation (an inner '"farce"' does
        not), and a straight opening mark left without its twin closes at a curly one."""
        ch = t[i]
        closers = OPENERS[ch]
        straight = 0  # straight marks seen inside a curly quotation: an odd count is an inner quotation still open
        marks = _closing_marks(ch)
        j = i + 1
        while j < len(t):
            m = marks.search(t, j)  # straight to the next mark that can close or count: other characters do nothing
            if m is None:
                break
            j = m.start()
            if t[j] in closers and self._closes(t, j, ch):
                return j
            if ch == "“" and t[j] == '"':
                if straight % 2 == 0 and t[j - 1] in ",.!?" and (j + 1 >= len(t) or not t[j + 1].isalnum()):
                    return j
                straight += 1
            j += 1
        if ch == '"':
            return next((k for k in range(i + 1, len(t)) if t[k] == "”"), len(t))
        return len(t)

    @staticmethod
    def _opens(t: str, i: int) -> bool:
        ch = t[i]
        if ch in ("‘", '"'):
            return i == 0 or not t[i - 1].isalnum()
        return True

    @staticmethod
    def _closes(t: str, j: int, opener: str) -> bool:
        if t[j] == "’":  # an apostrophe inside a word is not a closing mark
            return j + 1 >= len(t) or not t[j + 1].isalpha()
        if opener == '"':  # a word after it opens a word, unless a sentence ended inside: '...in prison."Later'
            return j + 1 >= len(t) or not t[j + 1].isalnum() or (t[j - 1] in ".!?" and t[j + 1].isupper())
        return True

    def direct(self) -> None:
        """Each quotation with its speaker: one rule after another, the first that names one wins."""
        quotes = self.quotes()
        prev: Found | None = None
        for qs, qe, closed in quotes:
            sent = self.sentence_at(qs)
            para = self.paras[sent.paragraph]
            text = self.text[qs:qe].strip()
            if _title_before(self.text[max(para.start, qs - 41):qs - 1]):
                continue  # 'a post entitled "..."': a title, not words spoken
            who = (self._quote_after(qs, qe, closed, para, quotes) or self._quote_before(qs, para, prev)
                   or self._quote_after_intro(qs, para))
            if not who and self._continues(prev, sent, para):
                if self._join_across_cue(prev, sent, qs, qe, text):
                    continue
                who = (prev.speaker, prev.cue, "quote.continued", None)
            speaker, cue, rule, addressee = who or (None, None, "", None)
            if speaker and self._join_same_speaker(prev, speaker, sent, qs, qe, text):
                continue
            if not speaker:
                speaker, cue, rule = self._speaker_later_in_paragraph(qe, para)
            if not speaker:
                continue
            f = Found(speaker, text, qs, qe, "direct", cue, rule, 0.85 if rule != "quote.continued" else 0.7,
                      sent.index, addressee, [(qs, qe)])
            self.add(f)
            prev = f if f in self.found else prev

    def _quote_after(self, qs: int, qe: int, closed: bool, para: Paragraph,
                     quotes: list[tuple[int, int, bool]]) -> Attribution | None:
        """quote.after ('“...,” she said.') and quote.inverted ('“...,” said Ana Ruiz.')."""
        post_end = min(para.end, qe + 140)
        nxt = next((a for a, _, _ in quotes if a > qe), None)
        if nxt:
            post_end = min(post_end, nxt - 1)
        post = self.text[qe:post_end]
        cue_m = next(self._cues_between(qe, post_end, post), None)  # the first cue after the quotation
        if not (closed and cue_m and re.match(r"^[”\"»’\s,.:;!?\u00a0–—-]*$", post[:1] or " ")):
            return None
        gap = post[:cue_m.start()]
        if re.search(r"[.!?]\W*$", self.text[qs:qe]) and ("," in gap or len(gap) > 40):
            return None  # '...in prison." Known as the Lark, she wrote ...': a new sentence with its own verb
        key, _ = self.subject_before(qe + cue_m.start(), qe)
        if key and len(gap) < 90:
            return key, cue_m.group(1), "quote.after", None
        if len(gap.strip(" ,\u00a0”\"»’")) == 0:
            key, _ = self.subject_after(qe + cue_m.end(), post_end)
            if key:
                return key, cue_m.group(1), "quote.inverted", None
        return None

    def _quote_before(self, qs: int, para: Paragraph, prev: Found | None) -> Attribution | None:
        """quote.before ('Ana Ruiz said: “...”') and quote.according ('according to Ana Ruiz, “...”')."""
        pre_start = max(para.start, (prev.end + 1) if prev and prev.end < qs else para.start)
        pre = self.text[pre_start:qs]
        cues = list(self._cues_between(pre_start, qs, pre))
        pm = re.search(r"according\s+to\s*$|:\s*[“\"«„‘]?$|,\s*[“\"«„‘]?$", pre)
        if cues and (pm or len(pre) - cues[-1].end() < 60):
            c = cues[-1]
            key, _ = self.subject_before(pre_start + c.start(), pre_start)
            opening = max(pre_start, self.sentence_at(pre_start + c.start()).start)  # the cue's own sentence
            opening = next((b + 1 for a, b in self.quoted if a <= opening + 1 < b), opening)  # it opens in a quote
            lead = re.sub(r"^\s*[“\"«„‘][^”\"»“’]*[”\"»“’]", "", self.text[opening:pre_start + c.start()]).lstrip("”\"»’")
            if not key and re.match(r"^[\s,\u00a0]*$", lead):
                key, _ = self.subject_after(pre_start + c.end(), qs)  # ..." wrote the group, "...
            if key:
                return key, c.group(1), "quote.before", self._addressee(pre_start + c.end(), qs)
        elif re.search(r"according\s+to\s+", pre):
            m = re.search(r"according\s+to\s+", pre)
            key, _ = self.subject_after(pre_start + m.end(), qs)
            if key:
                return key, "according to", "quote.according", None
        return None

    def _quote_after_intro(self, qs: int, para: Paragraph) -> Attribution | None:
        """quote.intro: a quotation opening the paragraph after one that ends in a colon ("X condemned the move:")."""
        if para.index == 0 or qs > para.start + 1:
            return None
        intro = self.paras[para.index - 1]
        if not intro.text.rstrip().endswith(":"):
            return None
        key, cue, at = self._intro_speaker(intro, intro.text.rstrip())
        if not key:
            return None
        self.intros.add(self.sentence_at(at).index)
        return key, cue, "quote.intro", None

    def _continues(self, prev: Found | None, sent: Sentence, para: Paragraph) -> bool:
        """quote.continued: a quotation in the paragraph of the last one, or opening the paragraph after it."""
        if not prev:
            return False
        prev_para = self.sentence_at(prev.start).paragraph
        return prev_para == sent.paragraph or (prev_para == sent.paragraph - 1 and self.text[para.start] in OPENERS)

    def _join_across_cue(self, prev: Found, sent: Sentence, qs: int, qe: int, text: str) -> bool:
        """“..., he said. “...” in one paragraph is one quotation: join it to the one before."""
        if self.sentence_at(prev.start).paragraph != sent.paragraph or prev.kind != "direct":
            return False
        between = self.text[prev.end:qs]
        if len(between) < 90 and _cue_regex().search(between):
            self._join(prev, qs, qe, text)
            return True
        return False

    def _join_same_speaker(self, prev: Found | None, speaker: str, sent: Sentence, qs: int, qe: int, text: str) -> bool:
        """“..., he said, “...”: a sentence of quotation broken by its attribution is one statement."""
        if (prev and prev.speaker == speaker and prev.kind == "direct"
                and self.sentence_at(prev.start).paragraph == sent.paragraph
                and len(self.text[prev.end:qs]) < 90 and not re.search(r"[.!?]\s*$", prev.text)):
            self._join(prev, qs, qe, text)
            return True
        return False

    @staticmethod
    def _join(prev: Found, qs: int, qe: int, text: str) -> None:
        prev.text = f"{prev.text} {text}"
        prev.parts.append((qs, qe))
        prev.end = qe

    def _speaker_later_in_paragraph(self, pos: int, para: Paragraph) -> tuple[str | None, str | None, str]:
        """quote.later: “...” and later in the paragraph "she said"."""
        rest = self.text[pos:para.end]
        m = re.search(r"\b(he|she|they)\s+(said|added|says|told)\b", rest, re.IGNORECASE)
        if m:
            return self.resolve_reference(m.group(1), pos + m.start()), m.group(2), "quote.later"
        return None, None, ""

    def _addressee(self, start: int, end: int) -> str | None:
        for m in self.actors.within(start, min(end, start + 60)):
            return m.key
        return None

    def block_quotes(self) -> None:
        """quote.block: a paragraph ending "Ana Ruiz wrote:" (or opening with its speaker and ending in a colon: "Ana
        Ruiz, a lawyer, concurs:") and the next paragraph as her words, without marks. Quotations of others inside
        the block stay theirs."""
        for para, nxt in zip(self.paras, self.paras[1:], strict=False):
            intro = para.text.rstrip()
            if (not intro.endswith(":") or len(nxt.text.split()) < 6 or nxt.text[:1] in OPENERS
                    or _turn_label().match(nxt.text)):
                continue
            key, cue, at = self._intro_speaker(para, intro)
            if not key or any(f.start < nxt.end and f.end > nxt.start and (f.speaker == key or f.start < nxt.start
                                                                            or f.end > nxt.end) for f in self.found):
                continue
            self.add(Found(key, nxt.text.strip(), nxt.start, nxt.end, "direct", cue, "quote.block", 0.75,
                           self.sentence_at(nxt.start).index, None, [(nxt.start, nxt.end)]))
            self.intros.add(self.sentence_at(at).index)
            self.quoted = sorted([(a, b) for a, b in self.quoted if not nxt.start <= a < nxt.end] + [(nxt.start, nxt.end)])
            self._quote_index = ([], [])

    def _intro_speaker(self, para: Paragraph, intro: str) -> tuple[str | None, str | None, int]:
        """(speaker, cue, cue position) of a paragraph introducing a block quotation: a speech cue near its end with
        its subject, else an actor opening the paragraph as the subject of its verb ("X referred to ...:")."""
        cue = next(reversed(list(_cue_regex().finditer(intro))), None)
        if cue is not None and len(intro) - cue.end() <= 160:
            key, _ = self.subject_before(para.start + cue.start(), para.start)
            if not key:
                key, _ = self.subject_after(para.start + cue.end(), para.end)
            if key:
                return key, cue.group(1), para.start + cue.start()
        first = next(iter(self.actors.within(para.start, para.end)), None)
        if (first is None or len(intro.split()) > 40 or self.actors.entries[first.key].type in ("Place", "Country")
                or not re.match(r"^(?:the\s+|[A-Z][a-z]+\s+)?$", self.text[para.start:first.start])):
            return None, None, para.start
        verb = INTRO_VERB.match(self.text, first.end, para.end)
        if not verb:
            return None, None, para.start
        return first.key, verb.group(1), verb.start(1)

    # -- reported speech ------------------------------------------------------------------------
    def reported(self) -> None:
        """Reported speech: each speech verb of a sentence no quotation attributed, with its subject and clause."""
        attributed = {self.sentence_at(a).index for f in self.found for a, _ in f.parts} | self.intros
        for sent in self.sents:
            if self._mostly_quoted(sent) or sent.index in self.intros:
                continue
            if sent.index in attributed:
                self._indirect_beside_quote(sent)
                continue
            cues = list(self._cues_of(sent))
            self._sentence_cues = (sent, cues)  # what _second_statement reads on from
            for c in cues:
                more = self._reported_cue(sent, c)
                if more is False:
                    break
            self._according_to(sent)
            self._charge_by(sent)

    def _indirect_beside_quote(self, sent: Sentence) -> None:
        """"X noted that <clause>, “<quotation>”" and "“<quotation>,” X said, adding that <clause>": a that-clause
        outside the quotation is a reported statement of its own, read up to the next quotation."""
        openings = [a for a, _ in self.quoted if sent.start < a < sent.end]
        for c in self._cues_of(sent):
            vs = sent.start + c.start()
            if self._inside_quote(vs) or lexicon.speech_verbs()[_cue_name(c.group(1))] not in ("that", "clause"):
                continue
            that = THAT_CLAUSE.match(self.text, sent.start + c.end(), sent.end)
            end = next((a - 1 for a in openings if a > vs), sent.end)
            if not that or len(re.findall(r"\w+", self.text[that.end():end])) < 4:
                continue
            start = max([b + 1 for _, b in self.quoted if sent.start < b < vs], default=sent.start)
            start = re.compile(r"[\s\u00a0,.;:”\"’]*").match(self.text, start).end()  # after the quotation it follows
            part = Sentence(sent.index, start, end, self.text[start:end], sent.paragraph)
            self._reported_cue(part, next(_cue_regex().finditer(part.text, vs - start)))

    def _reported_cue(self, sent: Sentence, c: re.Match) -> bool | None:
        """The statement one cue introduces: None when it introduces none, else whether another may follow."""
        cue = _cue_name(c.group(1))
        frame = lexicon.speech_verbs()[cue]
        vs, ve = sent.start + c.start(), sent.start + c.end()
        if frame == "clause":
            if not CLAUSE_AFTER.match(self.text, ve, sent.end):
                return None  # "charged him with fraud", "agreed to meet": no that-clause, no speech
            frame = "that"
        if self._inside_quote(vs) or (not cue.split()[0].endswith("ing") and (
                PASSIVE_BEFORE.search(self.text[max(sent.start, vs - 30):vs])
                or (PREPOSITION_AFTER.match(self.text[ve:ve + 6])  # "... and accused of"
                    and PASSIVE_COORDINATED.search(self.text[max(sent.start, vs - 90):vs])))):
            return None  # "X was accused of ...", "they were told ...": X is not the one speaking
        if CORRESPONDENT.match(self.text[sent.start:ve]):
            return None  # "As Ana Ruiz reports from Nairobi, ...": the correspondent's byline, not her statement
        if SUBORDINATE_PRONOUN.search(self.text[max(sent.start, vs - 40):vs]):
            return None  # "... until he believes he is drowning": a thought in a clause about him, no statement
        carried = self._carried
        if carried and carried[0] == vs:
            key, subj_start, inverted = carried[1], vs, False  # "..., witnesses said, adding that": the witnesses
        else:
            key, subj_start, inverted = self._reported_speaker(sent, vs, ve)
        if not key:
            return None
        bounds = self._reported_clause(sent, cue, frame, subj_start, vs, ve, inverted)
        if bounds is None:
            return None
        content_start, content_end, inverted, addressee = bounds
        more = False
        if not inverted:
            content_end, more = self._second_statement(sent, c, content_start, content_end)
            content_end = self._before_other_subject(content_start, content_end)
        participle = PARTICIPLE_AFTER.match(self.text, ve, sent.end) if content_end <= vs else None
        if participle:
            more = True  # "..., witnesses said, adding that ...": the participle's clause is read next
            self._carried = (participle.end(), key)
        text = self.text[content_start:content_end].strip(" ,.:;\u00a0")
        if not text or text[0] in OPENERS or self._inside_quote(content_start + 2):
            return None
        if frame == "that" and (cue.startswith("call") or (TO_OPENING.match(text) and len(text.split()) <= 10
                                and not THAT_WORD.search(text))):
            return None  # "wrote to the ministry on Monday": an addressee, no content
        if frame == "that" and content_start >= ve and _writing_without_content(cue, self.text[ve:content_end].strip()):
            return None  # "wrote on rural poverty", "wrote a post entitled ...": a topic or a piece, no content
        if frame == "stance" and BARE_OBJECT.match(self.text, ve, sent.end):
            return None  # "X condemned the killing.": a stance with nothing said about it
        if frame == "denial" and (content_start < ve or not _denies_accusation(self.text[ve:content_end])):
            return None  # "denied him bail", "the court dismissed the appeal", "claims that it has denied": no denial read
        confidence = 0.55 if cue in lexicon.weak_verbs() else 0.7
        self.add(Found(key, _trim(text), content_start, content_end, "indirect", cue, "reported." + frame, confidence,
                       sent.index, addressee))
        return more

    def _reported_speaker(self, sent: Sentence, vs: int, ve: int) -> tuple[str | None, int, bool]:
        """The subject of a speech verb: before it, opening a coordinated sentence, or after it ("..., said X.")."""
        key, subj_start = self.subject_before(vs, sent.start)
        if not key:
            key, subj_start = self.sentence_subject(sent, vs)
        if key:
            return key, subj_start, False
        key, subj_start = self.described_subject(sent, vs)
        if key:
            return key, subj_start, False
        key, after = self.subject_after(ve, sent.end)
        tail = self.text[after:sent.end].strip(" .\u00a0”\"")
        tail = APPOSITION_TAIL.sub("", tail)  # "..., said Mara Vint, their lawyer.": who she is, nothing said
        inverted = bool(key) and not tail and bool(COMMA_END.search(self.text[sent.start:vs]))
        return (key, subj_start, True) if inverted else (None, subj_start, False)

    def described_subject(self, sent: Sentence, verb: int) -> tuple[str | None, int]:
        """An unnamed subject ("A top official disputes ...", "A rights group in X says ..."): the actor of its kind
        first named in the next two sentences, else a Group named by the description ("eight organizations")."""
        d = (_description_regex().search(self.text[sent.start:verb])  # "^" is the sentence's start
             if self._may_hold_between(sent.start, verb, _description_heads()) else None)  # a match holds its head
        at = sent.start + d.start("np") if d else verb
        if not d or self._inside_quote(at):
            return None, verb
        kind = _table("description_heads.tsv")[d.group("head").lower()]
        det = d.group("det").lower()
        if kind == "document":
            return self._document_author(sent, d, at), at
        if kind != "group" and det in ("a", "an", "one"):
            named = self._named_later(sent, d.group("np"), kind, at)
            if named:
                return named, at
        if kind == "person" or (det == "the" and not (kind == "group" and re.match(r"\s+(?:at|in)\s", d.group("mod") or ""))):
            return None, verb  # "the authorities", "the official": left to the references
        np = d.group("np")
        short = np[:d.end("head") - d.start("np")]  # without its place: "a rebel group" (in the east ...)
        if det == "the":
            short = np  # "the authorities at the airport": the place tells which authorities
        name = re.sub(r"^(?:an?|one|the)\s+", "", short, flags=re.IGNORECASE)
        key = "group:" + name.lower()
        entry = self.actors.entry(key, name, "Group")
        entry.aliases |= {np, short} - {name}
        return key, at

    def _document_author(self, sent: Sentence, d: re.Match, at: int) -> str | None:
        """A report as subject: the body named inside its description ("A U.N. special report examining ..."),
        else the body named next ("A new report by a rights group in X says ... According to the Y Forum"), else,
        for "the report", the author of the report named before."""
        inside = [m for m in self.actors.within(at, at + len(d.group("np")))
                  if self.actors.entries[m.key].type not in ("Person", "Place", "Country", "Group")]
        if inside:
            return inside[0].key
        if d.group("det").lower() == "the":
            return self.resolve_reference("the report", at)
        return self._named_later(sent, d.group("np"), "body", at)

    def _named_later(self, sent: Sentence, np: str, kind: str, start: int) -> str | None:
        """The first actor of a description's kind named, new, in the two sentences after it."""
        types = {"person": {"Person"}, "media": {"MediaOutlet"}}.get(
            kind, {"NGO", "GovernmentBody", "InternationalOrganization", "Organization", "MediaOutlet"})
        for word, allowed in _table("description_kinds.tsv").items():
            if kind == "body" and re.search(rf"\b{word}\b", np, re.IGNORECASE):
                types = types & set(allowed.split(","))
        before = {m.key for m in self.actors.within(0, sent.end)}  # named before or beside it: another actor
        end = self.sents[min(sent.index + 2, len(self.sents) - 1)].end
        named_in = {w for m in self.actors.within(start, start + len(np)) for w in m.text.split()}  # "a U.N. official"
        own = [w for w in _own_names(np) if w not in named_in] if kind != "person" else []
        for m in self.actors.within(sent.end, end):
            e = self.actors.entries[m.key]
            if e.type in types and m.key not in before and not self._inside_quote(m.start) and (
                    not own or any(w[:4].lower() in n.lower() for w in own for n in (e.name, *e.aliases))):
                return m.key  # a description with a name of its own ("a Hawiye committee") names only an actor of it
        return None

    def _reported_clause(self, sent: Sentence, cue: str, frame: str, subj_start: int, vs: int, ve: int,
                         inverted: bool) -> tuple[int, int, bool, str | None] | None:
        """(start, end, inverted, addressee) of the reported clause, or None when the cue reports none."""
        content_start, content_end = ve, sent.end
        after = self.text[ve:sent.end]
        if inverted or NOTHING_AFTER.match(after) or (self._comma_before(sent, subj_start) and (
                ADJUNCT_ONLY.match(after) or PARTICIPLE_AFTER.match(after))):
            # the content stands before the attribution
            content_start, content_end = sent.start, self._clause_end_before(subj_start if not inverted else vs)
            if content_end <= content_start:
                return None
        if (not inverted and frame in ("that", "object") and not cue.startswith(("urg", "call", "ask"))
                and self._content_before(sent, subj_start, ve)):
            # "Prosecutors were pressing charges, Chief Judge Varga told the court on Monday."
            content_end = len(re.sub(r"(?:\s+(?:[A-Z][\w.'’-]*|of|the|for))+$", "",
                                     self.text[:subj_start].rstrip(" \u00a0")).rstrip(","))
            return sent.start, content_end, True, None
        if inverted:
            return content_start, content_end, inverted, None
        return self._clause_after_verb(cue, frame, subj_start, vs, ve, content_start, content_end)

    def _comma_before(self, sent: Sentence, subj_start: int) -> bool:
        """Whether a clause of some words ends in a comma before the subject ("Police fired on them, witnesses said")."""
        before = self.text[sent.start:subj_start].rstrip(" \u00a0")
        before = re.sub(r"(?:\s+(?:the|a|an))$", "", before, flags=re.IGNORECASE)
        before = DESCRIPTOR_END.sub(",", before)  # "..., the rights group Open Gate said"
        return before.endswith(",") and len(before.split()) >= 4

    def _clause_after_verb(self, cue: str, frame: str, subj_start: int, vs: int, ve: int, content_start: int,
                           content_end: int) -> tuple[int, int, bool, str | None]:
        """The clause after the verb, by frame: "told Y that ...", "urged Y to ...", "said on Monday that ...",
        "condemns ..." (a stance: the whole sentence)."""
        addressee = None
        body = self.text[content_start:content_end]
        if frame == "object" and cue.split()[0] in ("told", "tells", "telling"):
            that = THAT_WORD.search(body[:80])
            addressee = self._addressee(ve, ve + (that.start() if that else 40))
            if that:
                content_start += that.end()
            else:
                m = next(iter(self.actors.within(ve, ve + 40)), None)
                if m:
                    content_start = m.end
        elif frame == "object":
            addressee = self._addressee(ve, content_end)
        elif frame in ("that", "denial"):
            that = THAT_AFTER_VERB.match(body) or WHEN_AFTER_VERB.match(body)  # "said today it"
            content_start += that.end() if that else 0
        if frame == "stance" and subj_start < vs:
            that = STANCE_THAT.match(body)  # "X demands that Y ...": the clause is the content
            content_start = content_start + that.end() if that else subj_start  # else "The United States condemns
            # ...": the whole sentence is the statement
        return content_start, content_end, False, addressee

    def _before_other_subject(self, start: int, end: int) -> int:
        """"X denied it, but rights groups disagree": the reported clause ends where a clause with another subject
        begins."""
        for m in OTHER_CLAUSE.finditer(self.text[start:end]):
            nxt = self.actors.within(start + m.end(), end)
            if nxt and nxt[0].start <= start + m.end() + 12:
                return start + m.start()
        return end

    def _second_statement(self, sent: Sentence, c: re.Match, content_start: int, content_end: int) -> tuple[int, bool]:
        """"X called it brutal, and she urged Y to ...", "X denied the report, saying ...", "X rejected the claims and
        noted that ...": the clause ends where a second statement of the same speaker starts."""
        nxt = next((x for x in self._cues_after(sent, c)
                    if not self._inside_quote(sent.start + x.start())  # a verb inside a quotation starts nothing
                    and not (lexicon.speech_verbs()[_cue_name(x.group(1))] == "clause"  # nor "the charges"
                             and not CLAUSE_AFTER.match(self.text, sent.start + x.end(), sent.end))), None)
        if not nxt or sent.start + nxt.start() >= content_end:
            return content_end, False
        first = self.text[content_start:sent.start + nxt.start()]
        joint = (JOINED_CLAUSE.search(first)
                 or (nxt.group(1).endswith("ing") and PARTICIPLE_CLAUSE.search(first))
                 or (len(first.split()) <= 8 and COORDINATED_VERB.search(first)))
        if joint:
            return content_start + joint.start(), True
        return content_end, False

    def _cues_after(self, sent: Sentence, c: re.Match):
        """``_cue_regex().finditer(sent.text, c.end())``: the cues reported() found in the sentence after ``c``, when
        ``c`` is one of them (a scan from the start goes on from the end of each match as a scan from there does),
        else the scan."""
        held, cues = self._sentence_cues
        if held is sent:
            for i, x in enumerate(cues):
                if x is c:
                    return iter(cues[i + 1:])
        return _cue_regex().finditer(sent.text, c.end())

    def _charge_by(self, sent: Sentence) -> None:
        """"... supports accusations levelled by the opposition X: that <clause>": a charge named as a noun, with its maker
        after "by" and its content after "that", is the maker's statement."""
        if not self._may_hold(sent, BY) or not self._may_hold(sent, _charge_nouns()):
            return  # the regex holds "by" and one of its nouns as they are
        for m in _charge_regex().finditer(sent.text):
            maker = next(iter(self.actors.within(sent.start + m.end(), sent.end)), None)
            if not maker or not re.fullmatch(r"(?:the\s+)?(?:[a-z-]+\s+){0,2}", self.text[sent.start + m.end():maker.start]):
                continue  # "by the opposition X": a word or two may describe the maker
            key, after = maker.key, maker.end
            that = re.compile(r"[^.;“”\"]{0,40}?[:,]?\s+that\s+").match(self.text, after, sent.end) if key else None
            if not that or any(f.sentence == sent.index and f.speaker == key for f in self.found):
                continue
            text = _trim(self.text[that.end():sent.end].strip(" .\u00a0"))
            if len(text.split()) >= 4:
                self.add(Found(key, text, that.end(), sent.end, "indirect", m.group("noun").lower(), "reported.charge",
                               0.6, sent.index))

    def _may_hold(self, sent: Sentence, words: frozenset[str]) -> bool:
        """Whether the sentence may hold one of the (lower-case) words, case aside, as a case-blind regex finds it:
        False only where its lower case, read like the regex engine's, holds none."""
        return self._may_hold_between(sent.start, sent.end, words)

    def _may_hold_between(self, start: int, end: int, words: frozenset[str]) -> bool:
        """``_may_hold`` for the text from ``start`` to ``end``."""
        lowered = self._lowered
        return lowered is None or any(lowered.find(w, start, end) >= 0 for w in words)

    def _according_to(self, sent: Sentence) -> None:
        if not self._may_hold(sent, _source_phrase_words()):
            return  # each source phrase holds its longest word as it is
        for m in _source_phrase_regex().finditer(sent.text):
            ps = sent.start + m.end()
            key, after = self.subject_after(ps, sent.end)
            if not key:
                continue
            before = self.text[sent.start:sent.start + m.start()].strip(" ,\u00a0")
            after_text = self.text[after:sent.end]
            after_text = re.sub(r"^[^,]*,", "", after_text, count=1) if "," in after_text[:80] else ""
            text = before if len(before) > len(after_text) else after_text
            if len(text.split()) >= 4 and not any(f.sentence == sent.index and f.speaker == key for f in self.found):
                cue = re.sub(r"\s+", " ", m.group(0).strip()).lower()
                self.add(Found(key, _trim(text.strip(" ,.\u00a0")), sent.start, sent.end, "indirect", cue,
                               "reported.according", 0.7, sent.index))

    def _content_before(self, sent: Sentence, subj_start: int, verb_end: int) -> bool:
        """True when the reported clause stands before "X said/told Y" and little but the addressee follows."""
        before = self.text[sent.start:subj_start].rstrip(" \u00a0")
        before = re.sub(r"(?:\s+(?:[A-Z][\w.'’-]*|of|the|for))+$", "", before)  # a title before the name
        after = self.text[verb_end:sent.end]
        if not before.endswith(",") or len(before.split()) < 4 or re.match(r"^\s*(?:\S+\s+){0,4}?that\b", after):
            return False
        if re.search(r"(?:^|,)\s*(?:the|a|an|his|her|its|their|our)\s+[^,]*,$", before, re.IGNORECASE):
            return False  # "the director of X, Ana Ruiz, said ...": a noun phrase in apposition, not a clause
        rest = re.sub(r"\b(?:the|a|an|on|in|at|last|this|reporters?|journalists?|the\s+court|\w+day|week|month|"
                      r"year|morning|evening|night|told|him|her|them|us|VOA|[A-Z]\w+)\b", "", after)
        return len(re.findall(r"\w+", rest)) <= 2

    def _clause_end_before(self, pos: int) -> int:
        chunk = self.text[:pos].rstrip(" \u00a0")
        chunk = ARTICLE_END.sub(lambda m: m.group()[:-len(m.group().split()[-1])].rstrip(), chunk)  # "..., the Legal
        # Forum said": "the" opens the subject
        # "..., their lawyer, Mara Vint, said" / "..., the rights group Open Gate said": a description of the subject
        chunk = (DESCRIPTION_END if chunk.endswith(",") else DESCRIPTOR_END).sub(",", chunk)
        chunk = chunk.rstrip(",")
        return len(chunk)

    def _mostly_quoted(self, sent: Sentence) -> bool:
        """More than 60% of the sentence inside quotations: the quotations overlapping it are the ones starting before
        its end back to the first ending after its start (sorted, without overlap)."""
        starts, ends = self._quote_arrays()
        k, inside = bisect_left(starts, sent.end), 0
        while k > 0 and ends[k - 1] > sent.start:
            k -= 1
            inside += min(ends[k], sent.end) - max(starts[k], sent.start)
        return inside > 0.6 * (sent.end - sent.start)

    # -- briefings and press statements ---------------------------------------------------------
    def briefing(self, claim_paragraphs: set[int]) -> bool:
        """Transcript turns ("MR PRICE: ..."): each paragraph of an official's turn that says something about an
        actor or an abuse is his statement ("Good afternoon" and "I'll take your questions" are not)."""
        labelled = [p for p in self.paras if _turn_label().match(p.text)]
        if len(labelled) < 2:
            return False
        speaker: str | None = None
        for para in self.paras:
            m = _turn_label().match(para.text)
            if m:
                label = m.group(1)
                speaker = None if lexicon.turn_labels().get(label.split()[0]) == "other" else self._label_speaker(label)
                start = para.start + m.end()
            else:
                start = para.start
            if speaker and len(para.text.split()) >= 6 and self._says_something(para, start, speaker, claim_paragraphs):
                sent = self.sentence_at(start)
                self.add(Found(speaker, self.text[start:para.end], start, para.end, "direct", None, "briefing.turn",
                               0.75, sent.index))
        return True

    def _says_something(self, para: Paragraph, start: int, speaker: str, claim_paragraphs: set[int]) -> bool:
        return para.index in claim_paragraphs or any(m.key != speaker for m in self.actors.within(start, para.end))

    def _label_speaker(self, label: str) -> str | None:
        titles = {w for w, kind in lexicon.turn_labels().items() if kind == "title"}
        words = [w for w in re.split(r"[ .]+", label) if w and w not in titles]
        if not words:
            return None
        surname = words[-1].title()
        for e in self.actors.entries.values():
            if e.type == "Person" and e.name.split()[-1].lower() == surname.lower():
                return e.key
        # the full name written elsewhere ("Ned Price on ...", "NED PRICE, DEPARTMENT SPOKESPERSON")
        full = re.search(rf"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+{re.escape(surname)}\b", self.text) or re.search(
            rf"\b([A-Z]+)\s+{re.escape(surname.upper())}\b", self.text)
        name = f"{full.group(1).title()} {surname}" if full and full.group(1).upper() not in titles else surname
        key = person_key(name)
        self.actors.entry(key, name, "Person")
        return key

    def press_statement(self, claim_paragraphs: set[int]) -> None:
        """One-voice statements: each paragraph that makes a claim, with no other source, is the author's."""
        if not self.author:
            return
        taken = {self.sentence_at(f.start).paragraph for f in self.found}
        stance = re.compile(r"\b(condemn\w*|urg\w+|call(?:s|ed|ing)?\s+(?:on|for|upon)|concern\w*|troubl\w+|deplor\w+|"
                            r"welcom\w+|commend\w*|join\w*|remain\w*|support\w*|demand\w*|encourag\w+)\b", re.IGNORECASE)
        for para in self.paras:
            if para.index in taken or len(para.text.split()) < 12 or re.match(r"(?:As\s+)?[Dd]elivered\s+by\b", para.text):
                continue  # taken, short, or the header naming who read the statement
            if para.index in claim_paragraphs or stance.search(para.text) or self._state_acts(para):
                sent = self.sentence_at(para.start)
                self.add(Found(self.author, para.text, para.start, para.end, "direct", None, "press.paragraph", 0.6,
                               sent.index))

    def _state_acts(self, para: Paragraph) -> bool:
        """A paragraph whose first sentence has a state or its organs as subject ("Russia's government is throttling
        ..."): the author's account of that state's conduct."""
        first = self.sentence_at(para.start)
        head = self.actors.within(first.start, min(first.end, first.start + 80))
        states = {"Country", "GovernmentBody"}
        return bool(head) and self.actors.entries[head[0].key].type in states and head[0].key != self.author and bool(
            re.match(r"^[\s\u00a0]*(?:(?:the|on|in|this|last)\s+\w+,?\s+)?[^,]{0,60}$", self.text[first.start:head[0].start],
                     re.IGNORECASE))

    def run(self, press: bool, claim_paragraphs: set[int]) -> list[Found]:
        briefing = self.briefing(claim_paragraphs)
        self.direct()
        if not briefing:
            self.block_quotes()
        if not briefing:
            self.reported()
        if press and not briefing:
            self.press_statement(claim_paragraphs)
        self.found.sort(key=lambda f: f.start)
        return self.found


def _own_names(np: str) -> list[str]:
    """Capitalised words of a description that name something of its own ("a Hawiye assessment committee"), not a
    country or its people ("a British-based group") nor an abbreviation ("a U.N. agency")."""
    words = re.findall(r"\b[A-Z][a-z][\w'’-]*", np.split(None, 1)[-1])  # after the determiner
    return [w for w in words if not gazetteer.lookup(re.split(r"[-'’]", w)[0], ("name", "demonym"))]


def _gender(entry: Entry, text: str) -> str | None:
    """"m" or "f" when the text says so (an honorific or a gendered role), else None."""
    return _gender_told(entry.name, tuple(entry.roles), text)


@cache
def _gender_forms(gender: str) -> tuple[tuple[str, ...], str, tuple[str, ...], str]:
    """A gender's honorifics and its roles read before a full name, each as forms and as a regex alternation."""
    honorifics = tuple(h for h, g in lexicon.honorifics().items() if g == gender)
    nouns = tuple(r for r, (g, before) in lexicon.gendered_roles().items() if g == gender and before)
    return honorifics, lexicon.alternation_of(honorifics), nouns, lexicon.alternation_of(nouns)


def _holds_one(forms: tuple[str, ...], text: str) -> bool:
    """Whether the text holds one of the forms as it is (an empty list matches as an empty alternation does)."""
    return not forms or any(form in text for form in forms)


@lru_cache(maxsize=256)
def _gender_told(name: str, roles: tuple[str, ...], text: str) -> str | None:
    """The gender of a person by name and roles (asked for the same person of an article by speech and targets).
    Each branch of the regex runs only on a text holding one of its forms as it is (it has no case-blind flag)."""
    table = lexicon.gendered_roles()
    told = {table[r.lower()][0] for r in roles if r.lower() in table}
    if told:
        return "f" if "f" in told else "m"
    surname = re.escape(name.split()[-1])
    for gender in ("f", "m"):
        honorifics, titled, nouns, role_nouns = _gender_forms(gender)
        if ((_holds_one(honorifics, text) and re.search(rf"\b(?:{titled})\.?\s+(?:\w+\s+)?{surname}\b", text))
                or (_holds_one(nouns, text) and re.search(rf"\b(?:{role_nouns})\s+{re.escape(name)}", text))):
            return gender
    return None


def _denies_accusation(after_verb: str) -> bool:
    """A denial answers something: a that-clause, or an accusation or finding named in its first words."""
    if re.match(r"^[\s\u00a0,]*that\b", after_verb):
        return True
    if re.match(r"^[\s\u00a0,]*(?:he|she|they|we|I)\s+[a-z]+|^[\s\u00a0,]*it\s+(?:was|is|had|has|would|will|did|\w+ed)\b",
                after_verb):
        return True  # "denied he broke any law": a clause without "that" (a subject pronoun opens it)
    stems = tuple(lexicon.words("accusation_nouns"))
    return any(w.lower().startswith(stems) for w in re.findall(r"[\w'’-]+", after_verb)[:8])


def _trim(text: str, limit: int = 600) -> str:
    text = " ".join(text.split())  # ``SPACES.sub(" ", text).strip()``: str.split cuts at what \s matches
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def _title_before(before: str) -> bool:
    """The words before a quotation name it as a title ('a post entitled', 'a report titled,')."""
    words = re.findall(r"[A-Za-z]+", before)
    return bool(words) and words[-1].lower() in lexicon.words("title_cues") and bool(re.search(r"[\s,:]$", before))


def _writing_without_content(cue: str, text: str) -> bool:
    """A verb of writing followed by a topic ("on", "about") or by a piece of writing ("a post", "his column")."""
    if cue not in lexicon.words("writing_verbs") or re.search(r"\bthat\b", text[:80]):
        return False
    piece = re.match(r"^(?:a|an|the|his|her|its|their|several|many|two|three)\s+((?:[\w-]+\s+){0,2}[\w-]+)", text)
    return bool(re.match(r"^(?:on|about|of|for|in|under)\s", text)) or bool(
        piece and set(piece.group(1).lower().split()) & lexicon.words("writing_objects"))
