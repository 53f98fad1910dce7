"""Span repair on short hand-written sentences: titles, possessives, datelines, bylines, agencies."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Span

from kg.nlp.model import load_pipeline
from kg.nlp.span_repair import repair_spans


def repaired(nlp: Language, text: str, wrong: tuple[str, str]) -> set[tuple[str, str]]:
    """The entities after span repair of a parse in which the model gave `wrong` (its text, its label) as
    an entity: the repair itself is tested, whatever the model makes of the sentence this time."""
    with nlp.select_pipes(disable=["kg_span_repair"]):
        doc = nlp(text)
    start = text.index(wrong[0])
    span = doc.char_span(start, start + len(wrong[0]), label=wrong[1])
    assert span is not None
    doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
    return {(e.text, e.label_) for e in repair_spans(doc).ents}


def untagged(nlp: Language, text: str, kept: Callable[[Span], bool]) -> set[tuple[str, str]]:
    """The entities after span repair of a parse in which the model tagged only the spans `kept` accepts."""
    with nlp.select_pipes(disable=["kg_span_repair"]):
        doc = nlp(text)
    doc.ents = [e for e in doc.ents if kept(e)]
    return {(e.text, e.label_) for e in repair_spans(doc).ents}


def ents(nlp: Language, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_possessive_is_stripped_from_a_person(nlp: Language) -> None:
    found = ents(nlp, "Indian Prime Minister Mahendra Rao's visit to Dhaka was postponed.")
    assert ("Mahendra Rao", "PERSON") in found and ("Dhaka", "GPE") in found
    assert not any("'s" in text for text, _ in found)


def test_a_name_ends_in_no_preposition(nlp: Language) -> None:
    found = repaired(nlp, "The envoys gathered at the Palace of the Nations on Tuesday.",
                     ("Palace of the Nations on", "FAC"))
    assert ("Palace of the Nations", "FAC") in found


def test_leading_title_and_country_are_stripped_from_a_person(nlp: Language) -> None:
    doc = nlp("US National Security Advisor Daniel Reed met Chen Hao in Vienna.")
    found = {(e.text, e.label_) for e in doc.ents}
    assert {("Daniel Reed", "PERSON"), ("Chen Hao", "PERSON"), ("US", "GPE")} <= found
    # The title is a role of the US, not an organization.
    assert not any(label == "ORG" for _, label in found)
    assert [(s.text, s.label_) for s in doc.spans["kg_titles"]] == [
        ("National Security Advisor", "National Security Advisor")]


def test_honorific_is_stripped(nlp: Language) -> None:
    assert ("Alvarez", "PERSON") in ents(nlp, "Mr. Alvarez told reporters that the deal was fair.")


def test_title_read_as_organization_is_not_an_organization() -> None:
    """The base model reads 'US National Security Advisor' as one ORG; repair keeps only the country."""
    base = load_pipeline(diplomacy_layer=False)
    text = "US National Security Advisor Daniel Reed met Chen Hao in Vienna."
    assert ("US National Security Advisor", "ORG") in {(e.text, e.label_) for e in base(text).ents}


def test_datelines_never_become_entities(nlp: Language) -> None:
    assert ents(nlp, "WASHINGTON • Officials met on Monday to discuss trade.") == {("Monday", "DATE")}
    assert ents(nlp, "BEIJING — The talks ended without agreement.") == set()
    found = ents(nlp, "MOSCOW, March 3 (Reuters) - Russia said it would respond.")
    assert ("Reuters", "ORG") in found and ("Russia", "GPE") in found
    assert not any(text.upper() == "MOSCOW" for text, _ in found)


def test_dateline_in_a_later_paragraph(nlp: Language) -> None:
    found = ents(nlp, "Talks resume.\n\nNEW DELHI — India and Japan signed the pact in Tokyo.")
    assert not any(text == "NEW DELHI" for text, _ in found)
    assert {("India", "GPE"), ("Japan", "GPE"), ("Tokyo", "GPE")} <= found


def test_a_capital_in_running_text_is_still_a_place(nlp: Language) -> None:
    assert ("Beijing", "GPE") in ents(nlp, "The delegation flew to Beijing — and then to Seoul.")


def test_bylines_never_become_entities(nlp: Language) -> None:
    found = ents(nlp, "By Anna Petrova\nThe minister arrived in Paris on Sunday.")
    assert not any(label == "PERSON" for _, label in found) and ("Paris", "GPE") in found
    found = ents(nlp, "Ministers met in Oslo.\nReporting by Tom Hale; Editing by Jane Ode")
    assert found == {("Oslo", "GPE")}


def test_agency_in_a_byline_is_still_an_organization(nlp: Language) -> None:
    found = ents(nlp, "By Li Wei, Kyodo\nThe envoy left Hanoi.")
    assert ("Kyodo", "ORG") in found and not any(label == "PERSON" for _, label in found)


def test_agency_glued_to_a_name_is_split_out(nlp: Language) -> None:
    found = ents(nlp, "Speaking to Anadolu, Kim Min-jae said the talks would continue.")
    assert ("Anadolu", "ORG") in found


def test_lowercase_model_entity_is_dropped(nlp: Language) -> None:
    assert not any(label == "ORG" for _, label in ents(nlp, "The party congress ended on Sunday."))


def test_a_surname_read_as_a_place_is_the_person_unless_used_as_a_place(nlp: Language) -> None:
    assert ("Paris", "PERSON") in ents(nlp, "Susan Paris leads the group. Paris said the talks had gone well.")
    found = ents(nlp, "Harriet Washington wrote the book. Officials in Washington said the sanctions would stay.")
    assert ("Washington", "GPE") in found and ("Washington", "PERSON") not in found


def test_a_name_cut_at_its_particles_is_joined(nlp: Language) -> None:
    found = ents(nlp, "Dutch Prime Minister Kees Bakker met Ursula von der Leyen.")
    assert ("Ursula von der Leyen", "PERSON") in found and ("Leyen", "GPE") not in found


def test_a_surname_the_model_left_unlabelled_is_the_person_named_before(nlp: Language) -> None:
    text = ("Italian Prime Minister Giorgia Meloni attended the summit in Brussels on Thursday. "
            "Meloni is due to travel to Tunisia next week to meet President Kais Saied.")
    doc = nlp(text)
    second = list(doc.sents)[1]
    assert ("Meloni", "PERSON") in {(e.text, e.label_) for e in second.ents}


def test_proper_nouns_after_a_title_or_counterpart_are_a_name(nlp: Language) -> None:
    found = ents(nlp, "Saudi Foreign Minister Prince Khalid bin Saud arrived in Tehran on Saturday and met his "
                      "Iranian counterpart Reza Ghasemi-Nejad.")
    assert ("Reza Ghasemi-Nejad", "PERSON") in found
    assert ents(nlp, "He met the Prime Minister Office staff.") == {("Prime Minister Office", "ORG")}


def test_a_name_after_a_title_read_as_an_organization_is_a_person(nlp: Language) -> None:
    assert ("Uwe Kessel", "PERSON") in ents(nlp, "German Chancellor Uwe Kessel praised the agreement.")


def test_dateline_whose_agency_is_tagged_as_a_verb(nlp: Language) -> None:
    text = ("Vogel visits China\n\nBEIJING, April 16 (dpa) - German Chancellor Klaus Vogel arrived in Beijing on "
            "Tuesday.")
    assert ("BEIJING", "GPE") not in ents(nlp, text)


def test_a_name_after_the_country_of_an_ambassador_title(nlp: Language) -> None:
    found = ents(nlp, 'U.S. Ambassador to the Philippines MaryKay Carlson condemned China\'s "dangerous and '
                      'unlawful" actions.')
    assert ("MaryKay Carlson", "PERSON") in found and ("Philippines", "GPE") in found


def test_the_end_of_a_name_read_as_an_organization_is_the_person(nlp: Language) -> None:
    found = ents(nlp, "Ursula von der Leyen arrived in Kyiv. Von der Leyen said the bloc would keep its support.")
    assert ("Von der Leyen", "PERSON") in found and not any(label == "ORG" for _, label in found)


def test_a_portfolio_is_part_of_the_title_and_the_name_after_it_is_a_person(nlp: Language) -> None:
    doc = nlp("The delegation included Minister of Water and Forestry Omar Nasser and others.")
    assert ("Minister of Water and Forestry", "Minister") in {(s.text, s.label_) for s in doc.spans["kg_titles"]}
    assert ("Omar Nasser", "PERSON") in {(e.text, e.label_) for e in doc.ents}
    assert not any(e.label_ == "ORG" for e in doc.ents)


def test_a_name_read_into_the_body_after_a_title_is_split_off(nlp: Language) -> None:
    found = ents(nlp, "They were joined by Director General of the Northern Shipbuilding Corporation Pavel Sorokin.")
    assert ("Pavel Sorokin", "PERSON") in found
    assert not any("Sorokin" in text and label == "ORG" for text, label in found)


def test_a_name_in_apposition_to_a_title_is_a_person(nlp: Language) -> None:
    assert ("Jukka Niemi", "PERSON") in ents(nlp, "Sweden's president, Jukka Niemi, greeted the guests.")
    assert ("Jukka Niemi", "PERSON") in ents(nlp, "Jukka Niemi, Norway's minister of trade and "
                                                  "industry, attended the ceremony.")


def test_a_title_case_headline_keeps_only_the_names_the_body_writes(nlp: Language) -> None:
    doc = nlp("Hammering Helena Varga Over Berg Remarks\n\nTomas Berg criticized Helena Varga on Monday.")
    headline = {e.text for e in doc.ents if e.end <= 6}
    assert headline <= {"Helena Varga", "Berg"}
    assert not any("Remarks" in e.text or "Hammering" in e.text for e in doc.ents)


def test_a_name_given_two_types_takes_the_one_given_more_often(nlp: Language) -> None:
    from spacy.tokens import Span

    from kg.nlp.span_repair import _one_type_per_name

    doc = nlp.make_doc("Jukka Niemi spoke. Jukka Niemi left. Jukka Niemi returned.")
    ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 4, 6, label="ORG"), Span(doc, 8, 10, label="PERSON")]
    assert [e.label_ for e in _one_type_per_name(ents)] == ["PERSON", "PERSON", "PERSON"]
    tie = [Span(doc, 0, 2, label="ORG"), Span(doc, 4, 6, label="PERSON")]
    assert [e.label_ for e in _one_type_per_name(tie)] == ["PERSON", "PERSON"]  # the words look like a name


def test_the_repairs_are_named_and_each_says_what_it_fixes() -> None:
    from kg.nlp.span_repair import REPAIRS, SPAN_FIXES

    for repair in REPAIRS + SPAN_FIXES:
        assert repair.__doc__ and "\n" not in repair.__doc__.strip(), f"{repair.__name__}: a one-line docstring"
    assert len({r.__name__ for r in REPAIRS + SPAN_FIXES}) == len(REPAIRS) + len(SPAN_FIXES)


def test_a_name_before_a_description_with_a_title_is_a_person(nlp: Language) -> None:
    found = ents(nlp, "The talks were mediated by Peter Lind and Lindiwe Mabuza-Ncube, a former deputy "
                      "president of Kenya.")  # the base model reads the name as an organization
    assert ("Lindiwe Mabuza-Ncube", "PERSON") in found


def test_a_short_last_syllable_cut_off_a_name_is_joined(nlp: Language) -> None:
    assert ("Pak Son Gyu", "PERSON") in ents(nlp, "Vice Foreign Minister Pak Son Gyu tells reporters that "
                                                  "the talks may resume.")  # the base model stops at 'Son'


def test_a_name_cut_at_the_front_gets_its_first_word_back(nlp: Language) -> None:
    found = repaired(nlp, "Attending the banquet from the host side were Ri Song Chol, member of the Executive "
                     "Council, and Pak Yong Su, premier of the Cabinet.", ("Song Chol", "PERSON"))
    assert ("Ri Song Chol", "PERSON") in found and ("Song Chol", "PERSON") not in found


def test_a_name_cut_at_the_front_after_a_title_in_capitals_gets_its_first_word_back(nlp: Language) -> None:
    found = repaired(nlp, "Secretary of State Peter K. Lind spoke with his counterpart.", ("K. Lind", "PERSON"))
    assert ("Peter K. Lind", "PERSON") in found


def test_an_untagged_name_set_off_by_commas_after_a_title_is_a_person(nlp: Language) -> None:
    found = untagged(nlp, "The special envoy for Chile, Vytas Kalnin, met the rebels. The minister, Foreign Trade, "
                     "said no.", lambda e: e.label_ == "GPE")  # the model tagged neither name nor body
    assert ("Vytas Kalnin", "PERSON") in found and ("Foreign Trade", "PERSON") not in found


def test_a_portfolio_read_into_a_name_after_its_title_is_left_out(nlp: Language) -> None:
    found = repaired(nlp, "Secretary of Commerce Peter Lind met the envoy.", ("Commerce Peter Lind", "ORG"))
    assert ("Peter Lind", "PERSON") in found


def test_an_untagged_name_before_its_title_in_a_list_of_officials_is_a_person(nlp: Language) -> None:
    found = untagged(nlp, "Present were Mark Holm, member of the council, and Peter Lind, minister of Foreign Trade.",
                     lambda e: "Lind" not in e.text)  # the model tagged the second name not at all
    assert ("Peter Lind", "PERSON") in found


def test_a_family_name_after_a_particle_joins_the_name(nlp: Language) -> None:
    found = repaired(nlp, "Foreign Minister Ali bin Hamad Al Kuwari met the envoy.", ("Ali bin Hamad", "PERSON"))
    assert ("Ali bin Hamad Al Kuwari", "PERSON") in found


def test_a_name_after_a_studies_body_is_split_off(nlp: Language) -> None:
    found = repaired(nlp, "Research director of the Institute for Security Studies Anne Roux spoke first.",
                     ("Institute for Security Studies Anne Roux", "ORG"))
    assert ("Anne Roux", "PERSON") in found and ("Institute for Security Studies", "ORG") in found


def test_a_body_the_model_tags_a_facility_is_a_body(nlp: Language) -> None:
    found = repaired(nlp, "Anne Roux, a visiting fellow at the Baltic Policy Forum in Riga, said the vote was close.",
                     ("Baltic Policy Forum", "FAC"))
    assert ("Baltic Policy Forum", "ORG") in found


def test_a_word_of_address_or_an_abbreviated_title_is_no_first_name(nlp: Language) -> None:
    thanked = repaired(nlp, "Quick delivery, Thanks Don. Nice clean rooms.", ("Don", "PERSON"))
    assert ("Don", "PERSON") in thanked and ("Thanks Don", "PERSON") not in thanked
    titled = repaired(nlp, "We signed a research contract with Prof. Anne Roux from the institute.",
                      ("Anne Roux", "PERSON"))
    assert ("Anne Roux", "PERSON") in titled and ("Prof. Anne Roux", "PERSON") not in titled


def test_a_name_ends_before_a_figure(nlp: Language) -> None:
    found = repaired(nlp, "A poll released on Monday showed Holm 43 percent to Roux's 41 percent.",
                     ("Holm 43 percent", "ORG"))
    assert ("Holm", "ORG") in found and not any("43" in text for text, _ in found)


def test_a_word_before_a_title_bound_to_a_place_is_the_place(nlp: Language) -> None:
    found = repaired(nlp, "Tom Becker named Dakota Gov. Paul Kerr as his running mate on Friday.",
                     ("Dakota", "PERSON"))
    assert ("Dakota", "GPE") in found and ("Paul Kerr", "PERSON") in found


def test_a_surname_before_a_title_stays_a_person(nlp: Language) -> None:
    found = repaired(nlp, "Mark Holm greeted supporters. Holm Sen. Paul Kerr was absent.", ("Holm", "PERSON"))
    assert ("Holm", "PERSON") in found


def test_what_one_posts_on_is_a_platform(nlp: Language) -> None:
    found = repaired(nlp, "Tom Becker later posted on Chirper that the plan would fail.", ("Chirper", "PERSON"))
    assert ("Chirper", "ORG") in found and ("Tom Becker", "PERSON") in found


def test_a_reference_list_names_a_person_surname_first(nlp: Language) -> None:
    doc = nlp("Further reading\n\nBrandt, Oskar. The Long Winter (solo)\nHolm, Peter. A History of Salt\n")
    people = {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert {"Brandt, Oskar", "Holm, Peter"} <= people


def test_a_place_and_its_state_are_not_a_name_surname_first(nlp: Language) -> None:
    doc = nlp("Reading list\n\nParis, France. A Guide for Walkers\n")
    assert not any(e.label_ == "PERSON" for e in doc.ents)


def test_a_name_that_thinks_is_a_person_everywhere_in_the_story(nlp: Language) -> None:
    text = ("Halvorsen considered space and time to be independent. Understand that Halvorsen's concept of force "
            "differs from the one that came after.")
    with nlp.select_pipes(disable=["kg_span_repair"]):
        doc = nlp(text)
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 11, 12, label="ORG")]
    assert {(e.text, e.label_) for e in repair_spans(doc).ents} == {("Halvorsen", "PERSON")}


def test_a_capital_that_thinks_stays_a_place(nlp: Language) -> None:
    found = repaired(nlp, "Oslo believes the treaty will hold.", ("Oslo", "GPE"))
    assert ("Oslo", "GPE") in found


def test_no_sentence_starts_between_two_words_with_nothing_to_end_one(nlp: Language) -> None:
    from kg.nlp.components import line_breaks

    doc = line_breaks(nlp.make_doc("Chilean Deputy Prime Minister and Minister of Foreign Affairs Anne Roux arrived."
                                   "\nTalks began. Roux spoke"))
    starts = {t.text: t.is_sent_start for t in doc}  # the last of a word written twice
    assert starts["Anne"] is False and doc[10].is_sent_start is False and starts["Talks"] is True
    assert starts["spoke"] is False and doc[0].is_sent_start


def test_a_country_the_title_points_to_is_not_part_of_the_name_after_it(nlp: Language) -> None:
    found = repaired(nlp, "Norwegian Ambassador to Chile Peter Lind attended.", ("Chile Peter Lind", "PERSON"))
    assert {("Chile", "GPE"), ("Peter Lind", "PERSON")} <= found


def test_a_name_with_a_facilitys_head_word_is_a_place(nlp: Language) -> None:
    found = repaired(nlp, "On Sunday he visited Kestrel Air Base with the minister.", ("Kestrel Air Base", "PERSON"))
    assert ("Kestrel Air Base", "FAC") in found


def test_an_excellency_tagged_a_building_is_a_person_without_the_honorific(nlp: Language) -> None:
    found = repaired(nlp, "The summit was attended by H.E. Anne Roux, President of the Republic of Ghana.",
                     ("H.E. Anne Roux", "FAC"))
    assert ("Anne Roux", "PERSON") in found


def test_an_untagged_name_after_his_excellency_is_a_person(nlp: Language) -> None:
    found = untagged(nlp, "The summit was attended by H.E. Peter Lind, President of the Republic of Benin.",
                     lambda e: e.label_ == "GPE")
    assert ("Peter Lind", "PERSON") in found


def test_a_first_name_cut_after_his_excellency_is_part_of_the_name(nlp: Language) -> None:
    found = repaired(nlp, "It was chaired by H.E. Bola Ahmed Okafor, President of Nigeria.", ("Ahmed Okafor", "PERSON"))
    assert ("Bola Ahmed Okafor", "PERSON") in found


def test_a_building_and_the_capital_it_stands_in_are_two_places(nlp: Language) -> None:
    found = repaired(nlp, "The two held talks at the Hall of the Republic in Oslo on Tuesday.",
                     ("Hall of the Republic in Oslo", "FAC"))
    assert {("Hall of the Republic", "FAC"), ("Oslo", "GPE")} <= found
