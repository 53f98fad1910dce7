"""Roles on short hand-written sentences."""

from __future__ import annotations

import pytest

from tests.extract.conftest import name, statements


def roles(f) -> set[tuple[str, str, str]]:
    return {(name(f, r.person), r.role_norm, name(f, r.organization) or name(f, r.relative_to)) for r in f.roles}


def test_title_before_name_with_country(read) -> None:
    f = read("Indian Foreign Minister Arjun Varma arrived in Tokyo.")
    assert roles(f) == {("Arjun Varma", "Foreign Minister", "India")}


def test_unnamed_description_gives_its_possessor_to_the_named_holder(read) -> None:
    f = read("President Paul Kerr's special envoy arrived in Cairo on Monday.\n"
             "Special envoy Amos Hochstein met officials there.")
    assert ("Amos Hochstein", "Special Envoy", "Paul Kerr") in roles(f)


def test_two_descriptions_leave_the_role_unattached(read) -> None:
    f = read("Canada's special envoy and Mexico's special envoy arrived on Monday.\n"
             "Special envoy Amos Hochstein met officials there.")
    assert not any(p == "Amos Hochstein" and o for p, _, o in roles(f))


def test_qualifier_and_portfolio_belong_to_the_role_not_the_organization(read) -> None:
    f = read("Labour's Shadow Home Secretary Helen Ward said the plan had failed. "
             "Acting Defense Secretary Patrick Shanahan visited Kabul.")
    assert {(name(f, r.person), r.role, name(f, r.organization)) for r in f.roles} == {
        ("Helen Ward", "Shadow Home Secretary", "Labour"), ("Patrick Shanahan", "Acting Defense Secretary", "")}


def test_a_portfolio_keeps_a_description_of_another_portfolio_away(read) -> None:
    f = read("Environment Minister Peter Lind asked officials about the documents. "
             "In May, Marc Gagnon resigned as Foreign Affairs minister.")
    assert not any(name(f, r.person) == "Peter Lind" and r.organization for r in f.roles)
    f = read("Canada's environment minister spoke on Monday. Environment Minister Peter Lind said the documents were safe.")
    assert ("Peter Lind", "Minister", "Canada") in roles(f)


def test_role_as_predicate(read) -> None:
    f = read("Chen Hao, who became China's foreign minister in 2013, met Anne Roux. "
             "Caroline Kennedy was named ambassador to Japan in 2013. "
             "Jacinda Ardern stepped down as prime minister of New Zealand. "
             "Paul Kerr is the first president to visit the site.")
    assert roles(f) == {("Chen Hao", "Foreign Minister", "China"), ("Caroline Kennedy", "Ambassador", "Japan"),
                        ("Jacinda Ardern", "Prime Minister", "New Zealand")}
    assert [name(f, r.person) for r in f.roles if r.former] == ["Jacinda Ardern"]


def test_title_with_its_holder_in_apposition(read) -> None:
    f = read("Ukraine's foreign minister, Oleh Marchenko, said the talks had been constructive. "
             "The former president of Brazil, Jair Bolsonaro, denied the charges.")
    assert roles(f) == {("Oleh Marchenko", "Foreign Minister", "Ukraine"), ("Jair Bolsonaro", "President", "Brazil")}
    assert [name(f, r.person) for r in f.roles if r.former] == ["Jair Bolsonaro"]
    assert ("Oleh Marchenko", "the talks had been constructive") in statements(f)


def test_adjective_of_a_portfolio_stays_in_the_role(read) -> None:
    f = read("EU foreign policy chief Josep Borrell warned that the bloc would respond.")
    assert {(name(f, r.person), r.role, name(f, r.organization)) for r in f.roles} == {
        ("Josep Borrell", "foreign policy chief", "European Union")}


def test_organization_after_a_titled_name(read) -> None:
    f = read("Egypt's President Abdel Fattah el-Sisi hosted King Abdullah II of Jordan in Cairo.")
    assert roles(f) == {("Abdel Fattah el-Sisi", "President", "Egypt"), ("Abdullah II", "King", "Jordan")}


def test_stacked_titles_give_the_office_not_the_rank(read) -> None:
    f = read("Saudi Foreign Minister Prince Khalid bin Saud met Anne Roux.")
    assert roles(f) == {("Khalid bin Saud", "Foreign Minister", "Saudi Arabia")}


def test_an_indefinite_description_in_apposition_is_no_title_held(read) -> None:
    f = read("Another Chinese official, Foreign Ministry spokesman Lin Jian, repeated the warning.")
    assert not any(norm == "Official" for _, norm, _ in roles(f))


def test_a_side_gives_its_country_to_titles_written_without_one(read) -> None:
    f = read("The talks lasted three hours. On the Canadian side were Foreign Minister Anna Morrison and "
             "Trade Minister Paul Lefebvre, while the Mexican delegation included Economy Minister Carlos Ortega.")
    got = roles(f)
    assert ("Anna Morrison", "Foreign Minister", "Canada") in got
    assert ("Paul Lefebvre", "Trade Minister", "Canada") in got


def test_a_possessive_country_before_a_name_is_its_holders_country(read) -> None:
    f = read("Their foreign ministers, Norway's Erik Halvorsen and Finland's Mikko Lehtinen, joined them. "
             "Foreign Minister Erik Halvorsen said the talks were useful.")
    assert ("Erik Halvorsen", "Foreign Minister", "Norway") in roles(f)


def test_officials_named_after_a_group_are_not_of_the_group_they_talked_with(read) -> None:
    f = read("Foreign Minister Anna Morrison, who travelled with Trade Minister Paul Lefebvre, "
             "said she had raised the matter in her talks with Chinese officials.")
    assert not any(o == "China" for _, _, o in roles(f))


def test_every_post_listed_after_a_name_is_a_role(read) -> None:
    f = read("Present at the talks were Pak Chol Su, secretary of the Central Committee of the National Unity Party "
             "of Korea and chairman of the State Planning Commission, and Choi Min Su, minister of Defence.")
    got = roles(f)
    assert any(p == "Pak Chol Su" and r == "Secretary" and "National Unity Party" in o for p, r, o in got)
    assert any(p == "Pak Chol Su" and r == "Chairman" and "State Planning Commission" in o for p, r, o in got)


def test_an_ambassadors_posting_is_not_the_country_served(read) -> None:
    f = read("The Canadian side included Erin Walsh, the ambassador to Brasilia.")
    assert ("Erin Walsh", "Ambassador", "Canada") in roles(f)
    assert ("Erin Walsh", "Ambassador", "Brazil") not in roles(f)


def test_an_honorific_between_title_and_name_and_a_portfolio_read_as_a_body(read) -> None:
    f = read("Indian Prime Minister Shri Rajan Mehta met External Affairs Minister Dr. Kavita Rao in Delhi.")
    got = roles(f)
    assert ("Rajan Mehta", "Prime Minister", "India") in got
    assert not any(o == "External Affairs" for _, _, o in got)


def test_a_body_named_after_a_title_is_not_cut_to_a_stub(read) -> None:
    f = read("Tomas Berg, head of the Office of the President, met the delegation.")
    assert not any(o.endswith(" of") for _, _, o in roles(f))


def test_a_coordinated_name_and_title_belong_to_the_next_person(read) -> None:
    f = read("When President Tomas Berg hosted Norway's prime minister, Lena Dahl, and Sweden's president, "
             "Jukka Niemi, at the lake on Friday, the talks turned to fishing rights.")
    got = roles(f)
    assert ("Lena Dahl", "Prime Minister", "Norway") in got and ("Jukka Niemi", "President", "Sweden") in got
    assert not any(p in ("Lena Dahl", "Tomas Berg") and o == "Sweden" for p, _, o in got)


def test_a_body_cut_after_its_of_is_joined_to_its_country(read) -> None:
    f = read("They had lunch with the chief of the Office of the President of Moldova, Ion Rusu.")
    assert any(p == "Ion Rusu" and o.endswith("Moldova") for p, _, o in roles(f))


def test_an_alliance_is_named_as_the_news_names_it(read) -> None:
    f = read("NATO Secretary General Lars Holm met the ministers in Brussels.")
    assert ("Lars Holm", "Secretary", "NATO") in roles(f)


def test_who_heads_or_chairs_a_body_holds_its_top_post(read) -> None:
    f = read("Amara Diallo, who chairs the Regional Commission, said the deal was good. "
             "Tomas Berg, who now heads the Coastal Investment Fund, agreed.")
    got = roles(f)
    assert ("Amara Diallo", "Chairman", "Regional Commission") in got
    assert ("Tomas Berg", "Head", "Coastal Investment Fund") in got


def test_an_adviser_to_a_person_serves_that_person(read) -> None:
    f = read("Kofi Mensah, national security adviser to Prime Minister Lena Dahl, arrived in Accra on Monday.")
    assert ("Kofi Mensah", "National Security Advisor", "Lena Dahl") in roles(f)


def test_a_chain_of_bodies_ends_in_the_body_the_others_belong_to(read) -> None:
    f = read("Present were Pak Chol Su, member of the Political Bureau of the Executive Committee of the "
             "National Unity Party, and Jang Hyon Su, president of the State Affairs of the DPRK.")
    got = roles(f)
    assert ("Jang Hyon Su", "President", "North Korea") in got
    assert any(p == "Pak Chol Su" and o.endswith("National Unity Party") for p, _, o in got)


def test_a_nationality_before_a_body_names_that_countrys_body(read) -> None:
    f = read("Rear admiral Karim Hadi, spokesman for the Chilean navy, said the ship was towed to port.")
    got = roles(f)
    assert ("Karim Hadi", "Spokesperson", "Chilean navy") in got
    assert not any(r == "General" and o for _, r, o in got)  # a rank is no post of a country


def test_a_plural_title_names_each_holder_beside_it_with_their_country(read) -> None:
    f = read("The leaders signed the accord in Oslo. Their foreign ministers, Norway's Erik Halvorsen and "
             "Finland's Mikko Lehtinen, had drafted it. EU foreign ministers met in Brussels. "
             "Foreign Minister Jan Kral said the talks were useful.")
    got = roles(f)
    assert ("Erik Halvorsen", "Foreign Minister", "Norway") in got
    assert ("Mikko Lehtinen", "Foreign Minister", "Finland") in got
    assert not any(p == "Jan Kral" and o for p, _, o in got)  # a group's description is no one's


def test_a_description_with_a_country_gives_it_to_the_holder_named_before(read) -> None:
    f = read("President Tomas Berg and Chancellor Paul Weber spent five hours in talks. "
             "The Norwegian president, who had flown in that morning, said the talks were useful.")
    assert ("Tomas Berg", "President", "Norway") in roles(f)


def test_a_name_before_a_title_that_no_model_tagged_is_its_body(read) -> None:
    f = read("Acme co-founder Mark Holm wrote to the boy. Fisheries Minister Peter Lind met the crews.")
    assert ("Mark Holm", "Founder", "Acme") in roles(f)
    assert ("Peter Lind", "Minister", "") in roles(f)


def test_people_listed_after_members_of_a_body_are_its_members(read) -> None:
    f = read("Holm has been helped by former members of the Unity Church, including musician Peter Lind "
             "and actor Tom Becker.")
    assert {("Peter Lind", "Member", "Unity Church"), ("Tom Becker", "Member", "Unity Church")} <= roles(f)


def test_a_list_of_titles_each_before_its_name(read) -> None:
    f = read("The leaders sat down for a working lunch with the Foreign Secretary, Mark Holm, the Defence "
             "Secretary, Peter Lind, and the head of the Office of the President of Ukraine, Tom Becker.")
    assert {(name(f, r.person), r.role) for r in f.roles} >= {
        ("Mark Holm", "Foreign Secretary"), ("Peter Lind", "Defence Secretary")}
    assert ("Mark Holm", "Defence Secretary") not in {(name(f, r.person), r.role) for r in f.roles}


def test_a_title_before_a_comma_and_a_speaker_is_no_apposition(read) -> None:
    f = read("Asked whether he trusted the agencies or the word of the Russian leader, Mark Holm said "
             "the two men had talked.")
    assert not any(name(f, r.person) == "Mark Holm" for r in f.roles)


def test_the_president_of_a_country_then_honorifics_and_the_name(read) -> None:
    f = read("Prime Minister Mark Holm paid an official visit at the invitation of the President of Ukraine, "
             "H.E. Mr. Peter Lind.")
    assert ("Peter Lind", "President", "Ukraine") in roles(f)


def test_a_country_before_a_title_of_an_office_owns_both(read) -> None:
    f = read("Secretary Mark Holm met today with People's Republic of China (PRC) Director of the Office of the "
             "Central Foreign Affairs Commission Peter Lind on the margins of the conference.")
    assert {(name(f, r.person), r.role, name(f, r.organization)) for r in f.roles} >= {
        ("Peter Lind", "Director of the Office of the Central Foreign Affairs Commission", "China")}


def test_two_portfolios_joined_by_and_are_one_post(read) -> None:
    f = read("Holm met France's interior and overseas minister Peter Lind in Lyon on Monday.")
    assert {(name(f, r.person), r.role, name(f, r.organization)) for r in f.roles} >= {
        ("Peter Lind", "interior and overseas minister", "France")}


def test_a_story_about_one_country_gives_its_government_posts_that_country(read) -> None:
    f = read("Italian schools must pay the tax, Italy's top court ruled. Across Italy, bishops protested, and "
             "Italian parents marched in Rome. Minister of Education Mark Holm said a broader reflection was needed. "
             "Mayor Peter Lind of the town said nothing.")
    assert ("Mark Holm", "Minister", "Italy") in roles(f)
    assert not any(p == "Peter Lind" and o == "Italy" for p, _, o in roles(f))  # a mayor is no national post


def test_a_story_about_two_countries_leaves_a_post_without_its_country(read) -> None:
    f = read("Chinese and Australian officials met in Beijing. China and Australia agreed to talk again, "
             "and China welcomed Australia's offer. Prime Minister Mark Holm said the visit went well.")
    assert ("Mark Holm", "Prime Minister", "") in roles(f)


def test_who_became_a_title_is_a_role(read) -> None:
    f = read("Adviser Mark Holm and Anne Roux, who became U.S. ambassador to Chile last May, sat in on the meeting.")
    assert ("Anne Roux", "Ambassador", "United States") in roles(f)


def test_an_age_between_a_name_and_its_apposition(read) -> None:
    f = read("Tom Becker, 19, a member of the Unity Church all his life, was arrested.")
    assert ("Tom Becker", "Member", "Unity Church") in roles(f)


def test_a_title_opening_the_sentence_names_the_holder_beside_it(read) -> None:
    f = read("Chairman of Acme, Peter Lind, later toured the new plant with the mayor.")
    assert ("Peter Lind", "Chairman", "Acme") in roles(f)


def test_a_possessive_title_before_a_name_and_its_verb(read) -> None:
    f = read('In remarks to parliament, Portugal\'s Prime Minister, Mark Holm said, "We are talking to every party '
             'involved".')
    assert ("Mark Holm", "Prime Minister", "Portugal") in roles(f)


def test_a_description_closing_a_phrase_is_not_the_next_subjects_title(read) -> None:
    f = read("Asked whether he trusted the word of the Russian leader, Mark Holm said he did.")
    assert not any(r[0] == "Mark Holm" for r in roles(f))


def test_the_body_after_a_comma_and_of_is_the_titles(read) -> None:
    f = read("Lead analyst Peter Lind, of the University of Oslo's centre for energy policy, said prices would rise.")
    assert ("Peter Lind", "Professor", "University of Oslo") in roles(f)


def test_a_post_resigned_without_its_country_takes_the_country_the_story_is_about(read) -> None:
    f = read("In June, Peter Lind was forced to resign as Foreign Affairs minister after a leak of his diary. "
             "Canada said no secrets were lost. Canada and its allies agreed. Canada moved on.")
    assert ("Peter Lind", "Foreign Minister", "Canada") in roles(f)
    assert all(r.former for r in f.roles)


def test_a_list_of_posts_goes_on_past_a_bodys_acronym(read) -> None:
    f = read("Attending the dinner were Mark Holm, member of the Executive Bureau of the Central Council of the "
             "Labour Front of Ruritania (LFR), first vice-president of the National Defence Council and chairman "
             "of the Standing Board of the People's Chamber, and Peter Lind, premier of the Cabinet.")
    got = {r for r in roles(f) if r[0] == "Mark Holm"}
    assert {r[1] for r in got} >= {"Member", "President", "Chairman"}


def test_took_over_as_and_an_acting_post_in_apposition(read) -> None:
    assert ("Mark Holm", "Head", "International Monetary Fund") in roles(read(
        "Mark Holm took over as head of the IMF in 2019."))
    assert ("Mark Holm", "President", "Peru") in roles(read("Mark Holm, the acting president of Peru, arrived in Paris."))


def test_a_title_only_one_government_uses_is_that_countrys_post(read) -> None:
    f = read("Secretary of State Mark Holm met today with Foreign Minister Peter Lind of Norway in Oslo.")
    assert ("Mark Holm", "Secretary of State", "United States") in roles(f)
    f = read("Foreign Secretary Mark Holm met Peter Lind in Oslo on Monday.")
    assert not any(r[0] == "Mark Holm" and r[2] for r in roles(f))


def test_a_portfolio_the_model_tags_a_body_is_no_body(read) -> None:
    f = read("Seated with him from the host side were Mark Holm, minister of National Defence, and Peter Lind, "
             "secretary of the Central Council of the LFR.")
    assert not any(r[0] == "Mark Holm" and r[2] == "National Defence" for r in roles(f))


def test_a_short_form_of_a_fuller_title_adds_no_role(read) -> None:
    f = read("Secretary of State Mark Holm spoke today with Foreign Minister Peter Lind. The Secretary stressed the "
             "need for restraint. Secretary Holm also thanked Minister Lind.")
    assert sorted((name(f, r.person), r.role) for r in f.roles) == [("Mark Holm", "Secretary of State"),
                                                                   ("Peter Lind", "Foreign Minister")]


def test_a_clause_after_a_name_in_commas_is_no_apposition(read) -> None:
    f = read("President of Norway, Mark Holm, is on an official visit to Chile.")
    assert [(name(f, r.person), r.role, name(f, r.organization)) for r in f.roles] == [
        ("Mark Holm", "President", "Norway")]


@pytest.mark.parametrize(("dateline", "prime_minister_of", "president_of"), [
    (None, "Norway", ""), ("Oslo", "Norway", "Norway"), ("Lima", "", "")])
def test_a_story_about_one_country_fills_its_posts_a_president_only_where_it_was_filed(
        read, dateline: str | None, prime_minister_of: str, president_of: str) -> None:
    f = read("Norway's economy grew last year. Norway exports oil and gas. Prime Minister Mark Holm said Norway "
             "would invest more. President Peter Lind agreed.", dateline=dateline)
    held = {(name(f, r.person), r.role): name(f, r.organization) for r in f.roles}
    assert held[("Mark Holm", "Prime Minister")] == prime_minister_of  # filed elsewhere: whose, it does not say
    assert held[("Peter Lind", "President")] == president_of


def test_a_meeting_planned_at_a_summit_makes_nobody_a_host(read) -> None:
    f = read("Chilean President Peter Lind met Prime Minister Mark Holm at the Andean summit in Lima on Monday. "
             "Chilean Foreign Minister Anne Roux will meet Prime Minister Tom Becker in Quito next month.")
    held = {(name(f, r.person), name(f, r.organization)) for r in f.roles}
    assert ("Mark Holm", "") in held and ("Tom Becker", "") in held


def test_a_title_only_one_government_uses_is_that_countrys(read) -> None:
    f = read("Treasury Secretary Mark Holm met Vice Premier Peter Lind in Beijing on Monday.")
    assert (("Mark Holm", "United States") in {(name(f, r.person), name(f, r.organization)) for r in f.roles})


def test_succeeding_someone_as_a_post_gives_it_and_makes_the_predecessor_former(read) -> None:
    f = read("Mark Holm succeeded Peter Lind as foreign minister of Norway.")
    assert sorted((name(f, r.person), r.role, name(f, r.organization), r.former) for r in f.roles) == [
        ("Mark Holm", "foreign minister", "Norway", False), ("Peter Lind", "foreign minister", "Norway", True)]


@pytest.mark.parametrize(("text", "role"), [
    ("Mark Holm, who commands the Northern Brigade, said the road was open.", ("commander", "Northern Brigade")),
    ("Mark Holm, who chairs the Baltic Assembly, said the road was open.", ("chair", "Baltic Assembly")),
    ("Mark Holm, a former diplomat who now heads the Nordic Policy Centre, said the road was open.",
     ("head", "Nordic Policy Centre")),
])
def test_who_heads_chairs_or_commands_a_body(read, text: str, role: tuple[str, str]) -> None:
    f = read(text)
    assert (role[0], role[1]) in [(r.role, name(f, r.organization)) for r in f.roles if name(f, r.person) == "Mark Holm"]


@pytest.mark.parametrize(("text", "role"), [
    ("Chile's ambassador to the U.N., Mark Holm, told the council that talks would resume.",
     ("ambassador", "Chile")),
    ("Chile's army chief, Gen. Mark Holm, said the road was open.", ("army chief", "Chile")),
    ("The rebels met army chief Gen. Mark Holm in Arica.", ("army chief", "")),
])
def test_an_envoys_posting_and_a_rank_abbreviated_between_post_and_name(read, text: str, role) -> None:
    f = read(text)
    assert [(r.role, name(f, r.organization)) for r in f.roles if name(f, r.person) == "Mark Holm"] == [role]


@pytest.mark.parametrize(("text", "country"), [
    ("Chile said on Monday that its ambassador, Peter Lind, had been recalled.", "Chile"),
    ("The government in Lima did not respond. But its foreign minister, Peter Lind, said aid was flowing.", "Peru"),
])
def test_its_post_is_the_post_of_the_subject_before(read, text: str, country: str) -> None:
    f = read(text)
    assert [(name(f, r.person), name(f, r.organization)) for r in f.roles] == [("Peter Lind", country)]


@pytest.mark.parametrize(("text", "former"), [
    ("Mark Holm, who served as Chile's prime minister from 2013 to 2021, said the move was overdue.", True),
    ("Mark Holm was president of Chile until 2019.", True),
    ("Mark Holm has served as president of Chile since 2019.", False),
])
def test_a_post_held_until_a_date_is_a_former_post(read, text: str, former: bool) -> None:
    assert [r.former for r in read(text).roles] == [former]


@pytest.mark.parametrize(("text", "role", "former"), [
    ("Chile's outgoing president, Mark Holm, met Peter Lind on Monday.", ("outgoing president", "Chile"), False),
    ("Chile's ousted president Mark Holm met Peter Lind on Monday.", ("president", "Chile"), True),
    ("Mark Holm, Chile's newly appointed foreign minister, met Peter Lind on Monday.", ("foreign minister", "Chile"),
     False),
    ("President-elect Mark Holm met Peter Lind on Monday.", ("President-elect", ""), False),
])
def test_qualified_posts_held_still_or_no_longer(read, text: str, role: tuple[str, str], former: bool) -> None:
    f = read(text)
    assert [((r.role, name(f, r.organization)), r.former) for r in f.roles if name(f, r.person) == "Mark Holm"] == [
        (role, former)]


def test_one_holder_of_two_titles_joined_before_the_name(read) -> None:
    f = read("Prime Minister Mark Holm received Chilean Deputy Prime Minister and Minister of Foreign Affairs "
             "Anne Roux in Oslo on Monday.")
    assert {("Anne Roux", "Foreign Minister", "Chile"), ("Anne Roux", "Prime Minister", "Chile")} <= roles(f)
    assert not any(p == "Mark Holm" and o == "Chile" for p, _, o in roles(f))


def test_a_bare_title_joined_to_a_named_holder_is_someone_else(read) -> None:
    f = read("Prime Minister and President Paul Kerr walked to the museum together.")
    assert {r for p, r, _ in roles(f) if p == "Paul Kerr"} == {"President"}


def test_an_ambassador_posted_abroad_serves_the_country_before_the_title(read) -> None:
    f = read("Norwegian Ambassador to Chile Peter Lind attended the ceremony.")
    assert [(name(f, r.person), r.role, name(f, r.organization)) for r in f.roles] == [
        ("Peter Lind", "Ambassador to Chile", "Norway")]


def test_a_counterpart_holds_the_post_of_the_one_before_in_the_country_beside_it(read) -> None:
    f = read("Norwegian Foreign Minister Mark Holm and his Chilean counterpart Anne Roux discussed fisheries "
             "in a phone call on Saturday.")
    assert ("Anne Roux", "Foreign Minister", "Chile") in roles(f)


def test_a_nationality_the_model_took_for_a_person_before_a_title(read) -> None:
    f = read("Later, Holm received Azerbaijani Foreign Minister Peter Lind in Oslo on Friday.")
    assert ("Peter Lind", "Foreign Minister", "Azerbaijan") in roles(f)


def test_the_hosts_of_a_visitor_whose_title_tells_his_country_are_of_the_country_visited(read) -> None:
    from tests.extract.test_meetings import VISIT_READOUT

    f = read(VISIT_READOUT, date="2025-11-07")
    assert {("Anil Mehra", "Foreign Minister", "India"), ("Tom Becker", "President", "Chile"),
            ("Anne Roux", "Foreign Minister", "Chile")} <= roles(f)


def test_a_title_in_the_possessive_is_someone_elses(read) -> None:
    f = read("Mark Holm, the Norwegian prime minister's chief of staff, declined to comment.")
    assert "Prime Minister" not in {r for _, r, _ in roles(f)}


def test_a_named_title_and_the_counterpart_beside_it(read) -> None:
    f = read("Peru's Foreign Minister Anne Roux and her Bolivian counterpart Tom Becker met in La Paz.")
    assert roles(f) == {("Anne Roux", "Foreign Minister", "Peru"), ("Tom Becker", "Foreign Minister", "Bolivia")}


@pytest.mark.parametrize(("text", "country"), [
    ("President Tom Becker signed the bill on Tuesday, his spokeswoman said.", "United States"),
    ("Chinese officials said President Tom Becker would travel to Beijing.", ""),
])
def test_a_story_filed_in_a_country_naming_no_other_fills_its_government_posts(read, text: str, country: str) -> None:
    f = read(text, dateline="Washington")
    assert roles(f) == {("Tom Becker", "President", country)}


def test_someone_met_abroad_holds_no_post_of_the_country_the_story_was_filed_in(read) -> None:
    f = read("Secretary of State Tom Becker met Turkish President Mark Holm in Ankara on Monday to discuss Turkey's "
             "bid. Becker travels to Greece on Tuesday, where he will meet Prime Minister Peter Lind.", dateline="Ankara")
    assert ("Peter Lind", "Prime Minister", "") in roles(f) and ("Mark Holm", "President", "Turkey") in roles(f)



@pytest.mark.parametrize(("text", "body"), [
    ("UN Secretary-General Anne Roux called for a ceasefire.", "United Nations"),
    ("WHO Director-General Mark Holm said the outbreak was contained.", "World Health Organization"),
])
def test_a_body_before_a_title_is_the_gazetteers_body(read, text: str, body: str) -> None:
    assert {o for _, _, o in roles(read(text))} == {body}


def test_a_title_is_kept_in_its_fullest_form(read) -> None:
    f = read("Prince Omar bin Khalid, Crown Prince and Prime Minister, received the envoy on Monday.")
    assert {r.role for r in f.roles} == {"Crown Prince", "Prime Minister"}
