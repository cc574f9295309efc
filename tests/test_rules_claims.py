"""Claims, denials and claimants, rule by rule: sentences written for these tests (none from the evaluation set),
positives and negatives."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Article


def run(text: str, publisher: str | None = "Test Wire", published: str | None = "2024-05-10"):
    return extract(Article("t", "T", published, publisher, text=text))


def claims(text: str, **kw) -> set[tuple[str, str, str, str | None]]:
    return {(c.abuse, c.country, c.stance, c.claimant) for c in run(text, **kw).claims}


def stances(text: str) -> set[tuple[str, str]]:
    return {(c.abuse, c.stance) for c in run(text).claims}


# -- denials: a verb with an accusation as its object, said by the accused side ------------------------------

@pytest.mark.parametrize(("text", "abuse"), [
    ("Bolivian police on Tuesday denied a report by the Andean Committee for Justice accusing officers of torturing "
     "farmers.", "torture"),
    ("The Bolivian government is rejecting allegations that soldiers tortured farmers in the highlands.", "torture"),
    ("Bolivian officials dismissed claims that the army had carried out extrajudicial killings.", "unlawful_killing"),
    ("The Bolivian government refuted accusations of holding political prisoners.", "political_prisoners"),
])
def test_the_accused_denying_an_accusation_gives_a_denial(text, abuse):
    assert (abuse, "denies") in stances(text)


@pytest.mark.parametrize(("text", "abuse"), [
    ("A court in Bolivia rejected the appeal of the jailed journalist Ana Duarte.", "violence_against_journalists"),
    ("The opposition leader of Bolivia was denied access to a lawyer after police arrested him.", "unfair_trial"),
    ("Bolivian police arrested the activist Rosa Quispe and tortured her, the Andean Committee for Justice said.",
     "torture"),
])
def test_a_denied_appeal_or_denied_access_is_no_denial(text, abuse):
    found = stances(text)
    assert (abuse, "asserts") in found and (abuse, "denies") not in found


def test_a_denial_names_its_denier_and_accuser():
    record = run("Bolivian police on Tuesday denied a report by the Andean Committee for Justice accusing officers of "
                 "torturing farmers.")
    denial = next(c for c in record.claims if c.stance == "denies")
    assert denial.asserted_by == "Andean Committee for Justice"
    assert ("torture", "asserts", "Andean Committee for Justice") in {(c.abuse, c.stance, c.claimant)
                                                                       for c in record.claims}


def test_an_ngo_rejecting_an_official_account_denies_nothing_itself():
    text = "The Andean Committee for Justice rejected the claims of officials that no farmers were tortured in Bolivia."
    assert not any(c.stance == "denies" and c.claimant == "Andean Committee for Justice" for c in run(text).claims)


def test_an_article_opening_with_a_rejected_report_denies_the_reports_claims():
    text = ("The Bolivian government on Monday rejected a report by the Andean Committee for Justice.\n\n"
            "The report said hundreds of political prisoners were held in solitary confinement.")
    assert ("political_prisoners", "denies") in stances(text)
    plain = ("The Bolivian government on Monday opened a new road in the highlands.\n\n"
             "The report said hundreds of political prisoners were held in solitary confinement.")
    assert ("political_prisoners", "denies") not in stances(plain)


# -- negation: "there are no political prisoners" ------------------------------------------------------------

def test_the_accused_saying_an_abuse_does_not_happen_denies_it():
    text = "Interior Minister Carlos Ruiz of Bolivia told reporters that there are no political prisoners in the country."
    assert stances(text) == {("political_prisoners", "denies")}


def test_an_abuse_said_not_to_happen_by_no_one_of_the_state_is_no_claim():
    assert stances("Farmers in Bolivia said there is no torture in their village these days.") == set()


@pytest.mark.parametrize("text", [
    "There are no political prisoners left in Bolivia, the Andean Committee for Justice said after the amnesty.",
    "Marta Vega of the Andean Committee for Justice said that the army does not use torture any more in Bolivia.",
])
def test_negated_abuses_from_independent_sources_are_no_claims(text):
    assert not any(s == "asserts" for _, s in stances(text))


# -- protective contexts ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Lucia Ferrer said the new clinic would protect women in Peru from domestic violence and give them legal aid.",
    "The new law would safeguard detainees in Peru from torture and ill-treatment, its sponsor said.",
])
def test_protecting_people_from_an_abuse_is_no_claim_of_it(text):
    assert stances(text) == set()


@pytest.mark.parametrize("text", [
    "The embassy said it stands with the people of Peru in supporting their right to freedom of expression.",
    "Lucia Ferrer said the Peruvian government respects freedom of assembly and will keep defending it.",
    "Canada will go on promoting the rights of Peru's Indigenous citizens, its ambassador said.",
])
def test_a_right_someone_upholds_is_no_claim_of_its_violation(text):
    assert stances(text) == set()


@pytest.mark.parametrize(("text", "abuse"), [
    ("The ambassador called on Peru to respect freedom of assembly after police broke up the march.",
     "assembly_restrictions"),
    ("Peru jailed the poet for exercising her right to freedom of expression, Lucia Ferrer said.",
     "expression_restrictions"),
    ("Peruvian police persecuted human rights defenders and journalists, the report said.",
     "violence_against_journalists"),
])
def test_a_call_to_respect_a_right_or_a_violation_beside_upholding_words_is_still_a_claim(text, abuse):
    assert (abuse, "asserts") in stances(text)


def test_an_abuse_people_flee_from_is_still_a_claim():
    text = "Thousands of families in Peru fled from the torture and killings of the security forces, the UN said."
    assert ("torture", "asserts") in stances(text)


# -- victim nouns alone ----------------------------------------------------------------------------------------

def test_detainees_alone_are_no_arbitrary_detention():
    text = "Peruvian police officers visited the detainees of the northern prison with their families."
    assert ("arbitrary_detention", "asserts") not in stances(text)


def test_detained_by_police_is_arbitrary_detention():
    text = "Peruvian police detained the activist Rosa Quispe for three days without a warrant."
    assert ("arbitrary_detention", "asserts") in stances(text)


# -- claimants ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Andean Committee for Justice accuses Bolivian soldiers of torturing three farmers.",
    "The Andean Committee for Justice has issued a report denouncing torture by Bolivian soldiers.",
    "Bolivian soldiers tortured three farmers last month, the Andean Committee for Justice said.",
])
def test_the_source_of_the_sentence_claims_it(text):
    assert ("torture", "Bolivia", "asserts", "Andean Committee for Justice") in claims(text)


def test_a_person_named_as_object_is_not_the_claimant():
    text = "The arrest of the journalist Ana Duarte by Bolivian police was reported by local radio."
    assert all(c != "Ana Duarte" for *_, c in claims(text))


def test_an_unattributed_claim_takes_the_articles_main_source():
    text = ("Bolivian soldiers tortured three farmers in the highlands last month.\n\n"
            "“We have the medical records,” said Marta Vega of the Andean Committee for Justice.")
    found = run(text).claims
    assert [c.claimant.split(" of ")[0] for c in found if c.abuse == "torture"] == ["Marta Vega"]
    assert all(c.confidence < 0.7 for c in found if c.abuse == "torture")


def test_each_source_of_one_abuse_keeps_its_own_claim():
    text = ("Bolivian soldiers tortured farmers, the Andean Committee for Justice said.\n\n"
            "Bolivian soldiers tortured farmers in the south too, the Lowland Lawyers Association said.")
    found = {c for _, _, _, c in claims(text)}
    assert {"Andean Committee for Justice", "Lowland Lawyers Association"} <= found


# -- one-voice statements and editorials -----------------------------------------------------------------------

ONE_VOICE = ("The United States condemns the arrest of the journalist Ana Duarte by Peruvian police. Her detention is "
             "arbitrary and she must be released.")


def test_a_government_publishers_statement_claims_in_the_publishers_name():
    found = claims(ONE_VOICE, publisher="U.S. Embassy in Peru")
    assert ("arbitrary_detention", "Peru", "asserts", "U.S. Embassy in Peru") in found
    assert ("arbitrary_detention", "Peru", "asserts", "United States") not in found


def test_an_editorial_claims_for_its_publishers_state_and_a_wire_for_no_one():
    assert ("arbitrary_detention", "Peru", "asserts", "United States") in claims(ONE_VOICE, publisher="VOA Editorials")
    plain = "Peruvian police arrested the journalist Ana Duarte on Monday and held her without charge."
    assert {c for *_, c in claims(plain, publisher="Test Wire")} == {None}


def test_the_main_source_is_a_states_department_rather_than_the_state():
    text = ("The journalist Ana Duarte was jailed in Peru after a closed-door trial.\n\n"
            '"The trial was a farce," the United States said on Monday.\n\n'
            '"We call for her release," the U.S. Department of State said in a statement.\n\n'
            '"Peru must free her," the United States added.')
    assert {c for *_, c in claims(text)} == {"U.S. Department of State"}


def test_a_victim_who_speaks_is_not_the_main_source():
    text = ("The journalist Ana Duarte was jailed in Peru after a closed-door trial.\n\n"
            '"I did nothing wrong," Ana Duarte told the court.')
    assert "Ana Duarte" not in {c for *_, c in claims(text)}


# -- laws ------------------------------------------------------------------------------------------------------

def laws(text: str) -> set[tuple[str, str | None]]:
    return {(law.name, law.jurisdiction) for law in run(text).laws}


@pytest.mark.parametrize(("text", "law"), [
    ("Prosecutors charged the poet under Article 207 of Uruguay's penal code.",
     ("Article 207 of the penal code", "Uruguay")),
    ("Critics say Chile's new sedition law is being used to silence students.", ("sedition law", "Chile")),
    ("The lawyers argued that the emergency laws in Peru were never meant for peaceful marchers.",
     ("emergency laws", "Peru")),
    ("Parliament in Bolivia passed legislation to sanction charities funded from abroad, and the president signed it.",
     ("legislation to sanction charities funded from abroad", "Bolivia")),
    ("The minister defended the so-called “anti-riot” laws of Peru before parliament.", ("anti-riot laws", "Peru")),
    ("Mongolia's Criminal Code was amended last year, the Mongolian Press Institute said.", ("Criminal Code", "Mongolia")),
])
def test_laws_named_by_article_topic_quotation_or_purpose(text, law):
    assert law in laws(text)


def test_a_law_has_its_own_jurisdiction_not_the_articles():
    text = ("Peru detained three students in Lima this week.\n\n"
            "Lawmakers in Lima want a copy of Chile's sedition law, critics said.")
    assert ("sedition law", "Chile") in laws(text)


@pytest.mark.parametrize("text", [
    "Opponents said the similar law in Peru had been used against reporters.",
    "He said the law would be applied fairly in Chile.",
    "The odious legislation was debated in Peru for hours.",
])
def test_words_that_only_judge_or_point_to_a_law_name_none(text):
    assert laws(text) == set()


# -- figures -----------------------------------------------------------------------------------------------------

def values(text: str) -> set[float]:
    return {f.value for f in run(text).figures}


@pytest.mark.parametrize(("text", "value"), [
    ("More than 250 people were injured when police in Chile fired on marchers.", 250),
    ("Seven people died in custody in Peru last year, the Andean Committee for Justice said.", 7),
    ("Officials in Peru revoked the passports of 12 citizens who had criticised the president.", 12),
    ("Peru holds some 14-hundred political prisoners, the Andean Committee for Justice said.", 1400),
    ("More than one million people were displaced by the army in Peru, the UN said.", 1_000_000),
    ("About 30 Peruvian Workers Party activists were detained in Lima.", 30),
    ("Police in Lima arrested 80 of their members after the march.", 80),
])
def test_counts_of_victims_of_an_abuse_are_figures(text, value):
    assert value in values(text)


@pytest.mark.parametrize("text", [
    "In March 2021, 300 delegates attended a conference in Lima.",
    "The museum in Lima welcomed 500 people on its opening day.",
    "One of the journalists in Peru was arrested on Monday.",
    "The lawyer, arrested Jan. 5 by police officers in Peru, was freed.",
    "Police in Peru said 40 of more than 100 protesters detained were freed.",
])
def test_dates_crowds_without_an_abuse_and_parts_of_a_count_are_no_figures(text):
    assert not values(text) - {100.0}


# -- laws that say what they restrict, and abuse phrases of lists ----------------------------------------------------

def test_a_law_named_by_what_it_restricts_is_a_claim_of_that_harm():
    text = "Parliament in Peru passed a law to regulate NGOs on Friday, the Andean Committee for Justice said."
    assert ("civil_society_restrictions", "Peru", "asserts", "Andean Committee for Justice") in claims(text)
    assert ("law to regulate NGOs", "Peru") in laws(text)


def test_a_foreign_law_named_only_in_comparison_claims_nothing():
    text = ("Peru detained two students on Monday.\n\n"
            "Officials in Lima cited the Foreign Agents Registration Act of the United States.")
    assert not any(country == "United States" for _, country, _, _ in claims(text))


@pytest.mark.parametrize(("text", "codes"), [
    ("The bill would restrict freedom of expression and association in Peru.",
     {"expression_restrictions", "civil_society_restrictions"}),
    ("Peruvian officials continue to place limitations on the political opposition, media, and civil society.",
     {"political_participation_restrictions", "media_restrictions", "civil_society_restrictions"}),
    ("Police in Peru blocked independent news websites on Monday.", {"media_restrictions"}),
    ("Officials in Peru want to silence dissenting voices in the provinces.", {"expression_restrictions"}),
])
def test_abuses_named_in_lists_and_coordinations(text, codes):
    assert codes <= {abuse for abuse, *_ in claims(text)}


def test_a_trade_association_is_no_claim():
    assert claims("The Peruvian Mining Association and association members met in Lima.") == set()


# -- the accused telling of its own acts -------------------------------------------------------------------------

def test_the_accused_side_describing_its_acts_is_not_their_claimant():
    text = ("Andean Committee for Justice director Marta Vega said Bolivian soldiers tortured farmers.\n\n"
            "Bolivian police spokesman Jorge Silva said officers arrested the farmers for blocking a road.")
    found = {(abuse, claimant) for abuse, _, _, claimant in claims(text)}
    assert ("arbitrary_detention", "Jorge Silva") not in found
    assert ("torture", "Marta Vega") in found


def test_a_foreign_spokesperson_is_not_on_the_accused_side():
    text = "U.S. Department Spokesperson Karen Lowe said Bolivian soldiers tortured farmers."
    assert any(c and "Karen Lowe" in c for *_, c in claims(text))


def test_a_denial_phrase_covers_its_own_clause_only():
    text = ('Army spokesman Jorge Silva told the Lima Herald that the army of Bolivia arrested two soldiers, but it is '
            '"not true" that soldiers tortured farmers.')
    assert {(a, s) for a, s in stances(text) if a in ("torture", "arbitrary_detention")} >= {("torture", "denies")}
    assert ("arbitrary_detention", "denies") not in stances(text)


def test_an_article_opening_with_a_denial_denies_what_a_source_named_later_accuses():
    text = ("A militia in eastern Bolivia is denying allegations that it committed atrocities.\n\n"
            "The Andean Committee for Justice accuses the militia of killings and torture of villagers.")
    record = run(text)
    denied = {c.abuse: c.asserted_by for c in record.claims if c.stance == "denies"}
    assert denied.get("torture") == "Andean Committee for Justice"


@pytest.mark.parametrize(("text", "code"), [
    ("Officials in Bolivia raided churches and arrested worshippers in the south.", "religious_restrictions"),
    ("The report criticised the jailing of the opposition leader in Bolivia.", "political_prisoners"),
    ("Witnesses described the shooting of protesters by police in La Paz, Bolivia.", "assembly_restrictions"),
])
def test_acts_that_imply_a_code(text, code):
    assert code in {abuse for abuse, *_ in claims(text)}


def test_worship_itself_is_no_claim():
    assert "religious_restrictions" not in {a for a, *_ in claims("Christians in Bolivia gathered in churches at Easter.")}


@pytest.mark.parametrize("text", [
    "The European Union condemned the arrests of students in Bolivia.",
    "Police in Bolivia arrested two humanitarian workers near the border.",
    "These killings by soldiers in Bolivia demonstrate the army's contempt for the law.",
    "Family members of detainees in Bolivia gathered outside the court.",
])
def test_nouns_and_verbs_that_only_look_like_an_abuse_context(text):
    found = {a for a, *_ in claims(text)}
    assert not found & {"labor_rights_abuses", "assembly_restrictions", "privacy_violation"}


def test_arrested_trade_unionists_are_labor_rights_abuses():
    assert "labor_rights_abuses" in {a for a, *_ in claims("Police in Bolivia arrested trade union leaders on Monday.")}


@pytest.mark.parametrize(("text", "code"), [
    ("Two detainees in Bolivia were tortured to death in a police station, the Andean Committee for Justice said.",
     "unlawful_killing"),
    ("Soldiers in Bolivia fired on marchers, resulting in several deaths.", "unlawful_killing"),
    ("Bolivia uses military courts to try civilians arrested at marches.", "unfair_trial"),
    ("Reporters were barred from the trial of the Bolivian activist Rosa Quispe.", "unfair_trial"),
])
def test_more_acts_that_imply_a_code(text, code):
    assert code in {abuse for abuse, *_ in claims(text)}


def test_deaths_without_force_or_custody_are_no_killing_claim():
    assert "unlawful_killing" not in {a for a, *_ in claims("Floods in Bolivia caused several deaths, officials said.")}


@pytest.mark.parametrize(("text", "code"), [
    ("We urge Bolivia to release all of the people it keeps wrongfully in its jails.", "political_prisoners"),
    ("Officials in Bolivia gave no word on the whereabouts of dozens of missing students.", "enforced_disappearance"),
    ("Relatives of the activists in Bolivia are forbidden from traveling abroad.", "movement_restrictions"),
    ("Officials in Bolivia revoked the passports of twelve journalists last week.", "movement_restrictions"),
    ("Bolivian police have targeted opposition members with charges of treason.", "political_participation_restrictions"),
])
def test_calls_and_acts_that_imply_a_code(text, code):
    assert code in {abuse for abuse, *_ in claims(text)}


def test_a_release_from_hospital_is_no_political_prisoner():
    text = "Doctors in Bolivia will release all patients of the ward by Friday."
    assert "political_prisoners" not in {a for a, *_ in claims(text)}


def test_plural_freedoms_and_a_freedom_at_a_lists_end():
    text = "Officials in Bolivia placed restrictions on the freedoms of speech, opinion, and assembly."
    assert {"expression_restrictions", "assembly_restrictions"} <= {a for a, *_ in claims(text)}


# -- bodies whose name does not tell their state: a listed country, or none for an international body --------

@pytest.mark.parametrize(("text", "claimant"), [
    ("National Security Council Spokesperson Oskar Valden said Bolivia holds dozens of political prisoners.",
     "Oskar Valden"),
    ("In a resolution, the General Assembly condemned the torture of detainees in Bolivia.", "General Assembly"),
])
def test_a_body_of_another_state_or_of_the_un_is_not_the_accused(text, claimant):
    assert {(c.abuse, c.claimant) for c in run(text).claims} & {("political_prisoners", claimant),
                                                                 ("torture", claimant)}


def test_a_body_of_the_accused_state_still_speaks_for_it():
    text = "Interior Ministry spokesman Oskar Valden said Bolivia holds no political prisoners."
    assert not any(c.claimant == "Oskar Valden" and c.stance == "asserts" for c in run(text).claims)


# -- the issuer a statement's title names ("<Issuer> Statement on ...") ---------------------------------------

def _titled(title: str, text: str) -> set[tuple[str, str | None]]:
    record = extract(Article("t", title, "2024-05-10", "U.S. Department of State", text=text))
    return {(c.abuse, c.claimant) for c in record.claims}


@pytest.mark.parametrize("title", ["Valden Group Statement on Detentions in Bolivia",
                                   "Joint Statement by the Valden Group on Bolivia"])
def test_a_statement_titled_with_its_issuer_is_the_issuers(title):
    text = ("Office of the Spokesperson\n\nThe Valden Group (Norway and Canada) is alarmed by the arbitrary detention "
            "of opposition leaders in Bolivia.")
    assert ("arbitrary_detention", "Valden Group") in _titled(title, text)


@pytest.mark.parametrize("title", ["Statement on Detentions in Bolivia", "Mission Bolivia May 9 Press Statement",
                                   "Statement by the Valden Group on Bolivia"])
def test_a_title_without_an_issuer_the_text_names_gives_none(title):
    text = "Office of the Spokesperson\n\nWe are alarmed by the arbitrary detention of opposition leaders in Bolivia."
    assert not any(claimant == "Valden Group" for _, claimant in _titled(title, text))


# -- unnamed collectives as the subject of a reporting verb ("rights groups say") ----------------------------

@pytest.mark.parametrize(("text", "abuse", "claimant"), [
    ("Several of the activists in Bolivia have alleged they were tortured in the barracks.",
     "torture", "activists"),
    ("Media rights groups have long documented the suppression of freedom of expression in Bolivia.",
     "expression_restrictions", "Media rights groups"),
    ("Relatives and neighbours of prisoners in Bolivia have described the torture of inmates by guards.", "torture",
     "Relatives and neighbours of prisoners"),
    ("Torture is widespread in Bolivian jails, human rights groups say.", "torture", "rights groups"),
])
def test_an_unnamed_collective_reporting_a_claim_is_its_claimant(text, abuse, claimant):
    assert (abuse, "Bolivia", "asserts", claimant) in claims(text)


@pytest.mark.parametrize("text", [
    "Bolivian police arrested activists who said they were tortured.",
    "Amnesty International researchers say Bolivia tortures detainees.",
])
def test_a_collective_that_is_no_subject_or_a_named_bodys_staff_claims_nothing(text):
    assert not any(c[3] and c[3].lower() in ("activists", "amnesty international researchers", "researchers")
                   for c in claims(text))


def test_a_one_voice_statement_reporting_a_collectives_account_gives_the_collective():
    text = ("Office of the Spokesperson\n\nThe United States is deeply concerned about Bolivia. Relatives and "
            "neighbours of prisoners have described the torture of inmates in its jails.")
    found = {(c.abuse, c.claimant) for c in run(text, publisher="U.S. Department of State").claims}
    assert ("torture", "Relatives and neighbours of prisoners") in found


def test_a_collective_condemning_elsewhere_is_the_source_of_unattributed_claims():
    text = ("A court in Bolivia jailed the blogger Oskar Valden for ten years for his writings critical of the "
            "president.\n\nRights groups have condemned the verdict.")
    assert ("political_prisoners", "Bolivia", "asserts", "rights groups") in claims(text)
    plain = ("A court in Bolivia jailed the blogger Oskar Valden for ten years for his writings critical of the "
             "president.\n\nThe verdict was read out by a judge.")
    assert ("political_prisoners", "Bolivia", "asserts", None) in claims(plain)


# -- votes and resolutions speak for the body that votes ------------------------------------------------------

VOTED = ("Ambassador Oskar Valden\n\nThe Human Rights Council met in Geneva this week. On Bolivia, by 30 votes to "
         "9, member states condemned the torture of detainees. The resolution also demanded the release of all "
         "arbitrarily detained persons.")


def test_what_member_states_or_a_resolution_condemned_is_the_voting_bodys_claim():
    found = {(c.abuse, c.claimant) for c in run(VOTED, publisher="U.S. Mission in Geneva").claims}
    assert ("torture", "Human Rights Council") in found


def test_without_a_vote_the_statements_issuer_keeps_its_claims():
    text = VOTED.replace("by 30 votes to 9, member states condemned", "we condemn").replace(
        "The resolution also demanded", "We also demand")
    found = {(c.abuse, c.claimant) for c in run(text, publisher="U.S. Mission in Geneva").claims}
    assert ("torture", "Human Rights Council") not in found


# -- an embassy reposting its ministry's statement -----------------------------------------------------------

REPOSTED = ("Visa Bans for Bolivian Judges\n\nThe Department of State will bar five Bolivian judges from entering "
            "the United States. We remain concerned that the regime holds 40 political prisoners.")


def test_an_embassy_reposting_its_ministrys_statement_gives_the_ministry():
    found = {(c.abuse, c.claimant) for c in run(REPOSTED, publisher="U.S. Embassy in Chile").claims}
    assert ("political_prisoners", "U.S. Department of State") in found


def test_an_embassys_own_statement_stays_the_embassys():
    text = REPOSTED.replace("The Department of State will bar", "We will bar")
    found = {(c.abuse, c.claimant) for c in run(text, publisher="U.S. Embassy in Chile").claims}
    assert ("political_prisoners", "U.S. Embassy in Chile") in found


# -- the publisher, named in its own report, claims what no one else is heard to claim -----------------------

PUBLISHER_VOICE = ("Ana Duarte, a leading Bolivian blogger and Andean Voices author, was arrested today by Bolivian "
                   "police after her posts criticized the president.")


def test_a_publisher_named_in_its_report_claims_what_no_source_does():
    assert ("arbitrary_detention", "Bolivia", "asserts", "Andean Voices") in claims(PUBLISHER_VOICE,
                                                                                   publisher="Andean Voices")


def test_a_publisher_the_text_never_names_claims_nothing_and_a_quoted_source_comes_first():
    assert {c for *_, c in claims(PUBLISHER_VOICE, publisher="Test Wire")} == {None}
    quoted = PUBLISHER_VOICE + ' "Her arrest is arbitrary," said Oskar Valden of the Andean Committee for Justice.'
    assert "Andean Voices" not in {c for *_, c in claims(quoted, publisher="Andean Voices")}


# -- look-alike phrases: identities, titles and reaction protests name no abuse --------------------------------

@pytest.mark.parametrize("text", [
    "Bolivia's state-run television aired a long interview with the president about farm prices.",
    "Oskar Valden, the rapporteur on freedom of expression, toured a library in Bolivia.",
    "Despite repeated protests from Bolivia's civil society, parliament passed a ban on gambling.",
    "The Bolivian government in exile met in Lima with officials.",
    "Press freedom advocates met Bolivian officials in La Paz on Monday.",
    "A list of candidates came from the exiled Bolivian government in Lima.",
    "Bolivia's navy detained two of its own sailors who had sold fuel on the black market.",
    "The envoy said no abuse takes place in Bolivian police detention centers.",
])
def test_a_look_alike_phrase_makes_no_claim(text):
    assert claims(text) == set()


@pytest.mark.parametrize(("text", "abuse"), [
    ("Bolivian police suppressed a newspaper that had reported on the army.", "media_restrictions"),
    ("Bolivian police dispersed protests by farmers with tear gas.", "assembly_restrictions"),
    ("In Bolivia the government controls the newspapers and radio stations.", "media_restrictions"),
    ("Bolivian soldiers arrested dozens of opposition activists on Monday.", "arbitrary_detention"),
])
def test_the_same_words_in_an_act_still_make_a_claim(text, abuse):
    assert abuse in {c[0] for c in claims(text)}


# -- countries named only as a modifier: comparisons, appositions to a role, capitals inside names --------------

@pytest.mark.parametrize(("text", "country", "not_country"), [
    ("Modeled on a statute of Venezuela, the bill in Bolivia would restrict freedom of expression.", "Bolivia",
     "Venezuela"),
    ("The regional bloc's chair, Peru, warned the Bolivian junta not to carry out the executions of activists.",
     "Bolivia", "Peru"),
    ("Three journalists in Bolivia were arrested for publishing a photo of Real Madrid players.", "Bolivia", "Spain"),
])
def test_a_country_named_only_as_a_modifier_is_not_the_claims(text, country, not_country):
    found = {c[1] for c in claims(text)}
    assert country in found and not_country not in found


@pytest.mark.parametrize(("text", "country"), [
    ("Police in Lima arrested journalists who had reported on the army.", "Peru"),
    ("Similar arrests of journalists took place in Venezuela last year.", "Venezuela"),
])
def test_a_country_or_capital_that_locates_the_act_stays(text, country):
    assert country in {c[1] for c in claims(text)}


# -- a short name several states go by is the one the article names in full ------------------------------------

def test_a_shared_short_name_is_the_state_named_in_full():
    text = ("Militia leaders in the Democratic Republic of the Congo call the report a lie.\n\nHuman Rights Watch "
            "says the militia committed atrocities against villagers near Goma, in eastern Congo.")
    assert {c[1] for c in claims(text)} == {"Democratic Republic of the Congo"}


def test_a_shared_short_name_alone_keeps_its_reading():
    assert {c[1] for c in claims("Human Rights Watch says soldiers committed atrocities against farmers in northern Congo.")} == {
        "Republic of the Congo"}
