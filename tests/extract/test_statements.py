"""Statements on short hand-written sentences: each reading of reported and direct speech."""

from __future__ import annotations

import pytest

from tests.extract.conftest import name, statements


def test_parenthetical_attribution_after_the_claim(read) -> None:
    f = read("Russia and Ukraine have agreed to a ceasefire in the east, visiting French President Anne Roux "
             "said on Monday.")
    assert statements(f) == [("Anne Roux", "Russia and Ukraine have agreed to a ceasefire in the east")]


def test_trailing_report_yields_to_the_statement_it_relays(read) -> None:
    f = read("German Chancellor Klaus Vogel said that Europe must increase its defence spending, Reuters reported.")
    assert statements(f) == [("Klaus Vogel", "Europe must increase its defence spending")]


def test_relative_pronoun_speaker_is_the_antecedent(read) -> None:
    f = read("Analysts questioned remarks by Japanese Defence Minister Taro Kono, who told reporters that the "
             "missile tests posed a grave threat.")
    assert statements(f) == [("Taro Kono", "the missile tests posed a grave threat")]


def test_possessive_speech_noun(read) -> None:
    f = read("The ministry rejected Senator Bob Menendez's assertion that the embassy had ignored the warnings.")
    assert ("Bob Menendez", "the embassy had ignored the warnings") in statements(f)


def test_denied_charge_takes_the_accusation_and_opposite_stances(read) -> None:
    f = read("Relations soured, with Britain accusing Russian agents of poisoning a former spy, a charge Russia denies.")
    by_speaker = {name(f, s.speaker): s for s in f.statements}
    assert by_speaker["United Kingdom"].stance == "accuses"
    assert by_speaker["Russia"].stance == "denies"
    assert "poisoning a former spy" in by_speaker["Russia"].content
    assert "a charge" not in by_speaker["United Kingdom"].content


def test_noun_phrase_denial_keeps_the_whole_clause(read) -> None:
    f = read("Iran has denied the allegations.")
    assert statements(f) == [("Iran", "Iran has denied the allegations")]
    assert f.statements[0].stance == "denies"


def test_said_in_a_statement_and_the_statement_said(read) -> None:
    f = read("The German Foreign Ministry said in a statement that the talks were useful. "
             "The visit will continue on Friday, the statement said.")
    assert statements(f) == [("Foreign Ministry (Germany)", "the talks were useful"),
                             ("Foreign Ministry (Germany)", "The visit will continue on Friday")]


def test_the_president_is_the_one_named_last(read) -> None:
    f = read("US President Paul Kerr met French President Anne Roux in Paris on Friday. Mr Kerr praised the "
             "alliance. The President said the alliance was stronger than ever.")
    # "praised the alliance" is a statement of its own now (a readout verb); both are Kerr's.
    assert ("Paul Kerr", "the alliance was stronger than ever") in statements(f)
    assert {s for s, _ in statements(f)} == {"Paul Kerr"}


def test_made_it_clear_that(read) -> None:
    f = read("Turkish President Emre Aksoy made it clear that Ankara would not accept the proposal.")
    assert statements(f) == [("Emre Aksoy", "Ankara would not accept the proposal")]


def test_cited_as_saying_gives_the_quote_to_the_person_cited(read) -> None:
    f = read("Russian Foreign Minister Igor Sokolov spoke in Moscow.\n"
             "\"Our position on the border is firm and will not change,\" the TASS agency cited Sokolov as saying.")
    assert [(n, q) for n, q in statements(f)] == [
        ("Igor Sokolov", "Our position on the border is firm and will not change")]
    assert f.statements[0].quote == "Our position on the border is firm and will not change"


def test_acronym_defined_in_parentheses_is_the_same_speaker(read) -> None:
    f = read("The International Atomic Energy Agency (IAEA) said on Monday that inspectors had returned. "
             "Later, the IAEA said that the cameras were working.")
    assert {s for s, _ in statements(f)} == {"International Atomic Energy Agency"}
    assert len(f.statements) == 2


def test_fronted_phrase_before_the_speaker_is_not_a_claim(read) -> None:
    f = read("Of the new sanctions, Foreign Minister Julia Brandt said, \"These measures will hurt the regime and its "
             "backers.\"\n"
             "Discussing the crisis in a televised address, Prime Minister David Hale said, \"We are in contact "
             "with all our partners in the region.\"")
    assert statements(f) == [("Julia Brandt", "These measures will hurt the regime and its backers"),
                             ("David Hale", "We are in contact with all our partners in the region")]


def test_noun_phrase_claim_starts_at_the_speaker(read) -> None:
    f = read("In a statement to reporters, the Kremlin denied the allegations.")
    assert statements(f) == [("Kremlin", "the Kremlin denied the allegations")]


def test_called_for_and_called_on_are_demands_a_phone_call_is_not(read) -> None:
    f = read("Germany called on Israel to allow more aid into Gaza. Paul Kerr called Anne Roux on Friday.")
    assert statements(f) == [("Germany", "Germany called on Israel to allow more aid into Gaza")]
    assert f.statements[0].stance == "calls_for"


def test_a_countrys_military_or_officials_speak_for_it(read) -> None:
    f = read("North Korea fired a ballistic missile on Sunday, South Korea's military said. "
             "Chinese officials said the visit would go ahead.")
    assert statements(f) == [("South Korea", "North Korea fired a ballistic missile on Sunday"),
                             ("China", "the visit would go ahead")]


def test_a_report_in_a_relative_clause_is_background(read) -> None:
    f = read("The sanctions follow the attack on the power grid which Ukrainian officials have blamed on Moscow, the BBC "
             "reported.")
    assert [s for s, _ in statements(f)] == ["BBC"]


def test_a_negated_speech_verb_reports_nothing(read) -> None:
    f = read("U.S. officials have not said when the delegation would arrive.")
    assert statements(f) == []


def test_according_to_a_surname_is_the_person(read) -> None:
    f = read("Sara Lind spoke first. According to Lind, the museum was able to restore the photograph.")
    assert statements(f) == [("Sara Lind", "the museum was able to restore the photograph")]


def test_a_platform_named_by_a_letter_is_nobody(read) -> None:
    f = read("Pakistan's Foreign Minister Ishaq Dar confirmed the agreement in a post on X. He said Pakistan had "
             "always strived for peace in the region.")
    assert ("Ishaq Dar", "Pakistan had always strived for peace in the region") in statements(f)
    assert all(e.name != "X." for e in f.entities.values())


def test_the_dateline_is_not_part_of_a_claim(read) -> None:
    f = read("TOKYO, Aug 28 (Kyodo) - Japan lodged a formal protest with China on Monday, Chief Cabinet Secretary "
             "Yoshimasa Hayashi said.")
    assert statements(f) == [("Yoshimasa Hayashi", "Japan lodged a formal protest with China on Monday")]


def test_a_clause_before_a_semicolon_is_not_what_the_next_clause_says(read) -> None:
    f = read("Mehta, Roux hold talks in Moscow; India calls for dialogue on Ukraine")
    assert statements(f) == [("India", "India calls for dialogue on Ukraine")]


def test_a_quoted_claim_keeps_no_trailing_comma(read) -> None:
    f = read("Prime Minister Ravi Mehta held talks with Anne Roux.\n\n\"Peace talks cannot succeed amid bombs, "
             "guns and bullets,\" Mehta said in televised remarks.")
    assert statements(f) == [("Ravi Mehta", "Peace talks cannot succeed amid bombs, guns and bullets")]


def test_according_to_an_outlet_relays_the_statement_in_its_sentence(read) -> None:
    f = read("Chinese President Chen Hao told Klaus Vogel that China and Germany should be partners, according to "
             "state broadcaster CCTV. According to CCTV, the talks lasted three hours.")
    assert [s for s, _ in statements(f)] == ["Chen Hao", "CCTV"]


def test_she_is_not_a_man_the_text_calls_mr(read) -> None:
    f = read("Foreign Ministry spokeswoman Hua Chunying met Mr Chen Hao on Monday. She said the talks went well.")
    assert statements(f) == [("Hua Chunying", "the talks went well")]


def test_an_agreement_named_in_the_claim_is_no_agreeing_stance(read) -> None:
    f = read("Argentine President Alberto Fernandez said the trade agreement in its current form would harm "
             "Argentina's industry.")
    assert statements(f) == [("Alberto Fernandez", "the trade agreement in its current form would harm "
                                                   "Argentina's industry")]
    assert f.statements[0].stance is None


def test_a_negated_agreement_is_no_agreeing_stance(read) -> None:
    f = read("Dutch Prime Minister Kees Bakker said the two governments did not agree on the budget. "
             "Polish Prime Minister Piotr Zielinski said the two governments agreed on the budget.")
    assert [(name(f, s.speaker), s.stance) for s in f.statements] == [("Kees Bakker", None),
                                                                   ("Piotr Zielinski", "agrees")]


def test_a_quotation_after_the_object_belongs_to_its_speaker(read) -> None:
    f = read('Iran\'s state news agency IRNA criticized the summit, calling it "a reckless provocation". '
             'Tokyo\'s foreign ministry rejected the claim.')
    assert [(name(f, s.speaker), s.quote) for s in f.statements] == [
        ("Islamic Republic News Agency", "a reckless provocation"), ("Japan", None)]


def test_the_title_alone_is_the_one_holder_named_before_and_a_pronoun_after_it_follows(read) -> None:
    f = read("Prime Minister Lena Dahl welcomed President Tomas Berg to Oslo today.\n\n"
             "President Berg set out the situation at the front.\n\n"
             "The Prime Minister confirmed that Norway will open a consulate in Tromsø. "
             "He said the consulate would open this summer.")
    said = statements(f)
    assert ("Lena Dahl", "Norway will open a consulate in Tromsø") in said
    assert ("Lena Dahl", "the consulate would open this summer") in said


def test_a_description_is_not_the_person_named_beside_it_in_the_sentence(read) -> None:
    f = read("Prime Minister Lena Dahl met President Tomas Berg on Monday.\n\n"
             "PM call with Prime Minister Jan Visser\n\n"
             "The Prime Minister updated Prime Minister Visser on the talks and said the two countries "
             "would coordinate closely.")
    assert ("Lena Dahl", "the two countries would coordinate closely") in statements(f)


def test_the_leaders_are_not_one_of_them(read) -> None:
    f = read("Prime Minister Lena Dahl hosted Andrew Moss, the head of the presidential office.\n\n"
             "The leaders agreed on a fishing quota and said they would review it in the autumn.")
    assert not any(s == "Andrew Moss" for s, _ in statements(f))


def test_readout_verbs_report_what_was_conveyed(read) -> None:
    f = read("Prime Minister Lena Dahl hosted President Tomas Berg in Oslo on Monday.\n\n"
             "President Berg thanked the Prime Minister for Norway's help in rebuilding the northern railway.\n\n"
             "Prime Minister Dahl expressed serious concern about the attacks on power plants.")
    said = statements(f)
    assert any(s == "Tomas Berg" and c.startswith("thanked") and "railway" in c for s, c in said)
    assert any(s == "Lena Dahl" and c.startswith("expressed serious concern") for s, c in said)


def test_welcoming_a_guest_and_raising_tariffs_are_not_statements(read) -> None:
    f = read("Prime Minister Lena Dahl welcomed President Tomas Berg to Oslo. The government raised tariffs on steel.")
    assert statements(f) == []


def test_a_readout_verb_inside_a_report_is_that_reports_content(read) -> None:
    f = read("President Tomas Berg said that Norway highly appreciates the support of its partners.")
    said = statements(f)
    assert [s for s, _ in said] == ["Tomas Berg"]


def test_a_subject_pronoun_continues_the_subject_before_it(read) -> None:
    f = read("Prime Minister Lena Dahl was received by President Tomas Berg and later sat down with Premier "
             "Ivo Marek. She said the talks had been useful.")
    assert ("Lena Dahl", "the talks had been useful") in statements(f)


def test_a_colon_after_a_speaker_introduces_a_quotation_or_an_issued_statement(read) -> None:
    f = read("President Tomas Berg met Prime Minister Lena Dahl.\n\n"
             "14:20 - Berg at his news conference at the palace: \"The harbour deal is ready. We sign it next week.\"\n\n"
             "13:25 - Dahl issues a statement: the harbour deal will be signed in Bergen next week.")
    said = statements(f)
    assert any(s == "Tomas Berg" and c.startswith("The harbour deal is ready") for s, c in said)
    assert ("Lena Dahl", "the harbour deal will be signed in Bergen next week") in said


def test_a_title_with_a_colon_is_no_statement(read) -> None:
    f = read("Fans of Ocean Quest: Deep Dive VR can explore a sunken ship, the studio said on Monday.")
    assert not any(s.startswith("Ocean Quest") for s, _ in statements(f))


def test_calling_or_describing_something_in_quotes_is_a_statement(read) -> None:
    f = read('President Tomas Berg met Prime Minister Lena Dahl. Afterwards, Berg called the visit "long overdue" '
             'and said the two countries had started again. Dahl described the visit as "a new chapter."')
    said = statements(f)
    assert any(s == "Tomas Berg" and c.startswith("called the visit") for s, c in said)
    assert ("Tomas Berg", "the two countries had started again") in said
    assert any(s == "Lena Dahl" and "new chapter" in c for s, c in said)
    assert read("She called him on Friday.").statements == []


def test_a_subject_pronoun_continues_a_subject_named_in_apposition(read) -> None:
    f = read("Norway's president, Tomas Berg, wants a faster process. In a radio interview, he says the timetable is unfair.")
    assert ("Tomas Berg", "the timetable is unfair") in statements(f)


def test_a_quotation_of_several_sentences_is_one_claim_per_sentence(read) -> None:
    f = read('"The harbour plan cost the city far too much. I am disappointed that the board ignored our '
             'objections. Very disappointed," Governor Mark Holm said on Monday.')
    assert statements(f) == [
        ("Mark Holm", "The harbour plan cost the city far too much."),
        ("Mark Holm", "I am disappointed that the board ignored our objections. Very disappointed")]


def test_a_readout_verb_coordinated_with_another_is_a_statement_of_its_own(read) -> None:
    f = read("Prime Minister Mark Holm called for the quick release of the engineer held in the capital, "
             "and requested the swift removal of the ban on farm imports.")
    assert ("Mark Holm", "requested the swift removal of the ban on farm imports") in statements(f)


def test_what_someone_tells_the_press_even_when_parsed_as_a_relative_clause(read) -> None:
    f = read("Mark Holm tells the pool he expects the talks to go very well.")
    assert statements(f) == [("Mark Holm", "he expects the talks to go very well")]


def test_two_coordinated_that_clauses_are_two_claims(read) -> None:
    f = read("Prime Minister Mark Holm stated that it was useful to meet again after the summit in Oslo, "
             "and that the two countries share a heavy duty to keep the region at peace.")
    assert statements(f) == [("Mark Holm", "it was useful to meet again after the summit in Oslo"),
                             ("Mark Holm", "the two countries share a heavy duty to keep the region at peace")]


def test_the_two_leaders_of_the_talks_just_reported_speak_jointly(read) -> None:
    f = read("Prime Minister Mark Holm held talks with President Peter Lind in Oslo on Monday. "
             "The two leaders reaffirmed their commitment to a comprehensive partnership.")
    assert statements(f) == [("Mark Holm", "reaffirmed their commitment to a comprehensive partnership"),
                             ("Peter Lind", "reaffirmed their commitment to a comprehensive partnership")]


def test_the_three_leaders_after_a_bilateral_are_nobody(read) -> None:
    f = read("Prime Minister Mark Holm held talks with President Peter Lind in Oslo on Monday. "
             "The three leaders reaffirmed their commitment to a comprehensive partnership.")
    assert statements(f) == []


def test_asking_someone_to_act_is_a_request_but_a_question_is_not(read) -> None:
    f = read("Anne Lind asked the governments of the region not to turn away boats of people seeking asylum.")
    assert [(s, c, st.stance) for (s, c), st in zip(statements(f), f.statements, strict=True)] == [
        ("Anne Lind", "Anne Lind asked the governments of the region not to turn away boats of people seeking asylum",
         "calls_for")]
    assert statements(read("Anne Lind asked whether the talks would resume.")) == []


def test_said_one_thing_and_warned_another_are_two_statements(read) -> None:
    f = read("Mark Holm, a foreign ministry spokesperson, said the country opposed closed blocs and warned "
             "against actions that stoke confrontation in the region.")
    assert statements(f) == [("Mark Holm", "the country opposed closed blocs"),
                             ("Mark Holm", "warned against actions that stoke confrontation in the region")]


def test_a_readout_names_its_principal_by_bare_title_and_he_continues_it(read) -> None:
    f = read("Prime Minister Mark Holm paid an official visit to Lima. The delegation included Foreign Secretary "
             "Peter Lind. Prime Minister reiterated the position that dialogue is the only way. He stated that "
             "\"the loss of innocent lives is a tragedy for all humanity.\"")
    assert statements(f) == [
        ("Mark Holm", "Prime Minister reiterated the position that dialogue is the only way"),
        ("Mark Holm", "the loss of innocent lives is a tragedy for all humanity")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The talks, Mark Holm said, were frank and useful.", ("Mark Holm", "The talks were frank and useful")),
    ("Institutional recipients, said Mark Holm, are required to exhibit their donated photographs every ten years.",
     ("Mark Holm", "Institutional recipients are required to exhibit their donated photographs every ten years")),
])
def test_an_attribution_in_the_middle_of_the_claim(read, text: str, expected: tuple[str, str]) -> None:
    assert statements(read(text)) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Oslo Health Board recommends that every school should serve fresh fruit.",
     ("Oslo Health Board", "every school should serve fresh fruit")),
    ('The Home Office said it would act. The Home Office letter reads "we may extend the scheme to other '
     'claimants in due course", but no plans exist.',
     ("Home Office", "we may extend the scheme to other claimants in due course")),
])
def test_recommendations_and_documents_that_read_are_statements(read, text: str, expected: tuple[str, str]) -> None:
    assert expected in statements(read(text))


def test_reading_a_report_is_no_statement(read) -> None:
    assert statements(read("Mark Holm read the report on Monday.")) == []


def test_he_after_a_quotation_sentence_is_the_subject_before_it_not_a_name_modifying_a_noun(read) -> None:
    f = read('Writing in a blog post, Mark Holm of the Oslo Daily dubbed the fight over the Lind video: "Round two". '
             'He characterized the fight as "another small skirmish in a long war".')
    assert statements(f) == [("Mark Holm", 'characterized the fight as "another small skirmish in a long war')]


def test_two_coordinated_clauses_with_their_own_subjects_are_two_claims(read) -> None:
    f = read("Mark Holm said prices had risen sharply and wages had fallen behind.")
    assert statements(f) == [("Mark Holm", "prices had risen sharply"), ("Mark Holm", "wages had fallen behind")]
    f = read('Mark Holm said "prices had risen sharply and wages had fallen behind" in the last year.')
    assert len(statements(f)) == 1  # a quotation stays whole


def test_a_briefing_before_a_colon_introduces_what_was_said(read) -> None:
    f = read("17:30 - White House national security adviser Mark Holm briefs reporters: Washington intends to "
             "move ahead with the sale of the jets in consultation with Congress.")
    assert statements(f) == [
        ("Mark Holm", "Washington intends to move ahead with the sale of the jets in consultation with Congress")]


def test_in_a_joint_document_they_are_the_people_of_the_talks(read) -> None:
    f = read("President Mark Holm hosted Prime Minister Peter Lind and President Tom Becker at the retreat on "
             "Friday. In a joint document, they pledged to consult one another promptly in a regional crisis.")
    assert {s for s, _ in statements(f)} == {"Mark Holm", "Peter Lind", "Tom Becker"}
    f = read("President Mark Holm hosted Prime Minister Peter Lind and President Tom Becker at the retreat on "
             "Friday. Later they pledged to consult one another promptly in a regional crisis.")
    assert {s for s, _ in statements(f)} <= {"Tom Becker"}  # a bare 'they' is no joint speaker


def test_offering_to_do_something_is_a_statement_but_offering_aid_is_not(read) -> None:
    assert statements(read("Mark Holm offered to let investigators attend the questioning of the officers.")) == [
        ("Mark Holm", "Mark Holm offered to let investigators attend the questioning of the officers")]
    assert statements(read("Mark Holm offered aid to the town.")) == []


def test_a_quotation_after_issuing_a_statement_is_the_issuers(read) -> None:
    f = read("Senator Mark Holm, Republican from Ohio, issued a statement regarding the rejection of the city. "
             "\"Like many in Ohio, I am disappointed with the agency's decision to pass over our city.\"")
    assert statements(f) == [
        ("Mark Holm", "Like many in Ohio, I am disappointed with the agency's decision to pass over our city.")]


def test_in_the_words_of_someone_the_quotation_is_theirs(read) -> None:
    f = read("Her skin broke every time, and in the words of the Crown prosecutor, Mark Holm, QC, \"she spent a "
             "lot of the last five months of her life crying.\"")
    assert statements(f) == [("Mark Holm", "she spent a lot of the last five months of her life crying.")]


def test_a_second_verb_with_its_own_auxiliary_is_a_second_claim_of_the_same_subject(read) -> None:
    f = read("Mark Holm said he had brought up the detention of the journalist, who has been in custody since 2021, "
             "with Peter Lind, and had argued for lower tariffs on salmon.")
    assert statements(f) == [
        ("Mark Holm", "he had brought up the detention of the journalist, who has been in custody since 2021, with "
                      "Peter Lind"),
        ("Mark Holm", "he had argued for lower tariffs on salmon")]


def test_a_quotation_run_on_into_the_next_paragraph_stays_with_its_speaker(read) -> None:
    f = read('Mark Holm won the vote. He said, "At the start the mood in the chamber was tense.\n\nWe could have '
             'lost the motion by two or three votes in the morning." After the vote, speaker Peter Lind said, "We '
             'were facing a well organised opposition."')
    assert ("Mark Holm", "We could have lost the motion by two or three votes in the morning.") in statements(f)
    assert not any(s == "Peter Lind" and "motion" in c for s, c in statements(f))


@pytest.mark.parametrize(("text", "claim"), [
    ("Mark Holm affirmed Norway's support for the peace process.", "affirmed Norway's support for the peace process"),
    ("Mark Holm posted on social media that the deal was done.", "the deal was done"),
    ("Mark Holm informed Peter Lind that the troops would leave.", "the troops would leave"),
])
def test_readout_and_social_media_verbs(read, text: str, claim: str) -> None:
    assert statements(read(text)) == [("Mark Holm", claim)]


def test_the_clause_after_the_cue_is_the_claim_when_the_parser_finds_two(read) -> None:
    f = read("Speaking to the four reporters allowed to travel with him, Tom Becker said Oslo had informed Riga "
             'about the trip shortly before take-off "to avoid any confusion at the border."')
    assert all(s == "Tom Becker" for s, _ in statements(f))
    assert ("Tom Becker", "Oslo had informed Riga about the trip shortly before take-off") in [
        (s, c.split(' "')[0]) for s, c in statements(f)]


def test_the_three_countries_are_the_three_named_last(read) -> None:
    f = read("Mark Holm and Peter Lind signed the accord in Kuwait City on Friday, closing the border dispute between "
             "Qatar and Bahrain. Kuwait had hosted the negotiations since May. In a joint statement, the three "
             "countries said Doha and Manama would reopen their border crossings.")
    assert {s for s, c in statements(f) if c.startswith("Doha")} == {"Qatar", "Bahrain", "Kuwait"}


def test_the_two_countries_are_not_read_where_one_is_named(read) -> None:
    f = read("Mark Holm visited Iran on Friday. The two countries said relations would resume.")
    assert statements(f) == []


def test_a_quotation_after_a_colon_spells_out_what_the_subject_did(read) -> None:
    f = read('At the hearing on Tuesday, Mark Holm defended the budget of his ministry: "We are spending every '
             'krone as carefully as we can on the new schools."')
    assert statements(f) == [("Mark Holm", "We are spending every krone as carefully as we can on the new schools.")]


def test_a_colon_after_a_verb_is_no_statement_without_a_quotation(read) -> None:
    assert statements(read("Mark Holm visited three cities: Oslo, Bergen and Tromso.")) == []


def test_declining_to_say_says_nothing(read) -> None:
    assert statements(read("Anne Roux declined to say whether sanctions were discussed.")) == []
    assert statements(read("Anne Roux refused to comment on the talks.")) == []


def test_a_paragraph_ending_in_a_colon_introduces_the_quotation_after_it(read) -> None:
    f = read('Tom Becker commented, "I hope the prize starts a wider debate about funding for research."\n\n'
             'President Mark Holm wrote on his official account:\n\n'
             '"Well done, team. We should back more young engineers like you."')
    assert ("Mark Holm", "We should back more young engineers like you.") in statements(f)
    assert not any(s == "Tom Becker" and "engineers" in c for s, c in statements(f))


def test_a_second_verb_speaks_for_the_subject_the_parser_split(read) -> None:
    f = read("Acme co-founder Mark Holm wrote to Peter Lind and said the student was invited to visit the plant.")
    assert ("Mark Holm", "the student was invited to visit the plant") in statements(f)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Chinese state media said the talks had been productive.", "China"),
    ("Officials in Washington said the plan was under review.", "United States"),
    ("A State Department spokesperson said the United States was monitoring the situation.",
     "United States Department of State"),
    ("Mark Holm's spokesman said the talks were useful.", "Mark Holm"),
])
def test_bodies_speak_through_their_media_officials_and_unnamed_spokespeople(read, text: str, speaker: str) -> None:
    assert [s for s, _ in statements(read(text))] == [speaker]


def test_the_top_diplomat_of_a_country_is_its_foreign_minister_named_before(read) -> None:
    f = read("Norwegian Foreign Minister Mark Holm spoke after the talks. \"We will not yield,\" the top Norwegian "
             "diplomat stressed.")
    assert ("Mark Holm", "We will not yield") in statements(f)


@pytest.mark.parametrize(("text", "speakers"), [
    ("Mark Holm met Peter Lind in Oslo on Monday. The leaders reaffirmed that the alliance keeps the peace.",
     {"Mark Holm", "Peter Lind"}),
    ("Mark Holm met Peter Lind in Oslo on Monday. Both men stressed the need for calm.", {"Mark Holm", "Peter Lind"}),
    ("Norway and Chile held talks in Oslo on Monday. The two sides said trade should grow.", {"Norway", "Chile"}),
    ("Mark Holm met Peter Lind in Oslo on Monday. The G7 leaders said trade should grow.", set()),
])
def test_the_parties_just_met_speak_together(read, text: str, speakers: set[str]) -> None:
    assert {s for s, _ in statements(read(text))} == speakers


def test_a_title_written_as_its_initials_is_the_holder_of_that_title(read) -> None:
    f = read("External Affairs Minister Mark Holm met Foreign Minister of Chile Peter Lind in Delhi today. "
             "EAM said the two sides discussed trade.")
    assert statements(f) == [("Mark Holm", "the two sides discussed trade")]


def test_speaking_highly_of_something_is_a_statement_speaking_to_reporters_is_not(read) -> None:
    f = read("Mark Holm spoke highly of the cooperation between the two ports. Peter Lind spoke to reporters in Lima.")
    assert [(s, c.endswith("two ports")) for s, c in statements(f)] == [("Mark Holm", True)]


def test_the_ministry_is_the_ministry_named_before(read) -> None:
    f = read("The Chilean Foreign Ministry summoned the envoy on Monday. The ministry said the drills were a "
             "provocation.")
    assert statements(f) == [("Foreign Ministry (Chile)", "the drills were a provocation")]


def test_each_of_a_coordinated_subject_says_what_it_says(read) -> None:
    f = read("Norway and Chile said they would hold joint drills in May.")
    assert statements(f) == [("Norway", "they would hold joint drills in May"), ("Chile", "they would hold joint "
                                                                                          "drills in May")]


def test_a_participle_after_a_clause_says_its_own_object_not_the_clause(read) -> None:
    f = read("President Mark Holm welcomed Prime Minister Peter Lind to Oslo on Thursday with a ceremony, hailing "
             "ties between the two oldest democracies.")
    assert statements(f) == [("Mark Holm", "hailing ties between the two oldest democracies")]


def test_warning_of_something_is_a_statement_a_question_asked_is_no_claim(read) -> None:
    f = read('Mark Holm warned on Monday of "grave consequences" if the talks failed. Asked whether the port would '
             'reopen, Peter Lind said: "Yes."')
    assert [(s, "grave consequences" in c) for s, c in statements(f)] == [("Mark Holm", True)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Nordic Council mediators said commanders would meet within days.", "Nordic Council"),
    ("Norwegian negotiators said progress was slow.", "Norway"),
])
def test_mediators_and_negotiators_speak_for_their_body(read, text: str, speaker: str) -> None:
    assert [name(f, s.speaker) for f in [read(text)] for s in f.statements] == [speaker]


@pytest.mark.parametrize(("text", "said"), [
    ("Mark Holm countered that the numbers were wrong.", True),
    ("Mark Holm hinted that he might run for president.", True),
    ("Mark Holm charged that the administration had lied.", True),
    ("Mark Holm was charged with fraud last year.", False),
    ("Mark Holm signaled a left turn.", False),
])
def test_more_speech_verbs_of_political_news(read, text: str, said: bool) -> None:
    assert bool(read(text).statements) == said
