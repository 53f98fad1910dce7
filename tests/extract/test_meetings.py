"""Meetings on short hand-written sentences: cues, participants, hosts, planned visits, gatherings."""

from __future__ import annotations

import pytest

from tests.extract.conftest import meetings, name


def test_exchanged_views_with_a_phrase_hung_low_in_the_clause(read) -> None:
    f = read("Indian Foreign Minister Arjun Varma exchanged views on strengthening trade ties with "
             "Japanese Foreign Minister Yoshimasa Hayashi.")
    assert meetings(f) == [{"Arjun Varma", "Yoshimasa Hayashi"}]


def test_leader_visit_meets_the_host_leader_and_is_planned(read) -> None:
    f = read("US President Paul Kerr spoke on Monday. Kenyan President William Ruto visits Washington next week.")
    assert meetings(f) == [{"William Ruto", "Paul Kerr"}]
    m = f.meetings[0]
    assert m.planned and name(f, m.host) == "Paul Kerr"
    assert m.date == "2024-03-18/2024-03-24"


def test_state_visit_to_a_country_named_by_its_leader(read) -> None:
    f = read("Japanese Prime Minister Kenji Sato spoke in Tokyo. The trip comes ahead of Indian Prime Minister "
             "Ravi Mehta's state visit to Japan later this month.")
    assert meetings(f) == [{"Ravi Mehta", "Kenji Sato"}]
    assert f.meetings[0].planned
    assert f.meetings[0].date == "2024-03-15/2024-03-31"


def test_an_envoys_visit_is_not_a_meeting_with_the_head_of_state(read) -> None:
    f = read("Canadian Prime Minister Justin Trudeau spoke in Ottawa. The special envoy Deng Hao visited Ottawa on "
             "Monday.")
    assert meetings(f) == []


def test_visiting_as_a_modifier_is_no_visit(read) -> None:
    f = read("Visiting Australian Prime Minister David Hale said the trade dispute with China was over.")
    assert meetings(f) == []


def test_gathering_of_an_international_body(read) -> None:
    f = read("Brazilian President Rafael Costa will be in Geneva next week for a series of meetings of "
             "the United Nations Human Rights Council.")
    assert meetings(f) == [{"Rafael Costa", "United Nations Human Rights Council"}]
    assert f.meetings[0].planned


def test_delegation_meets_representatives_of_coordinated_bodies(read) -> None:
    f = read("The Japanese delegation also held talks with representatives from the Defence and Foreign ministries "
             "and the Trade and Finance departments.")
    assert meetings(f) == [{"Japanese delegation", "Defence Ministry", "Foreign Ministry", "Trade Department",
                            "Finance Department"}]


def test_participants_through_an_apposition(read) -> None:
    f = read("Kenyan President William Ruto met US Secretary of State Paul Kerr, secretary of the Department of "
             "Commerce Gina Raimondo and US trade representative Katherine Tai.")
    assert {"William Ruto", "Paul Kerr", "Katherine Tai"} <= meetings(f)[0]


def test_coordinated_names_the_parser_left_without_a_verb(read) -> None:
    f = read("On the sidelines of the G20 summit in Bali, Paul Kerr and Chen Hao met for three hours.")
    assert meetings(f) == [{"Paul Kerr", "Chen Hao"}]


def test_received_a_person_is_a_meeting_welcomed_a_decision_is_not(read) -> None:
    f = read("French President Anne Roux received Ukrainian President Oleh Marchenko at the Elysee Palace "
             "on Friday. Germany welcomed the decision.")
    assert meetings(f) == [{"Anne Roux", "Oleh Marchenko"}]


def test_leaders_of_a_group_stand_for_it(read) -> None:
    f = read("Turkish Foreign Minister Emre Aksoy met Hamas leaders in Doha on Saturday, the ministry said.")
    assert meetings(f) == [{"Emre Aksoy", "Hamas"}]


def test_meeting_a_deadline_or_running_for_an_assembly_is_no_meeting(read) -> None:
    f = read("Germany and France met the deadline. "
             "Jean Dupont ran for the National Assembly of Quebec in 1981 as a candidate of the Liberal Party.")
    assert meetings(f) == []


def test_a_call_with_a_named_counterpart_is_a_meeting_a_word_with_reporters_is_not(read) -> None:
    f = read("US Secretary of State Paul Kerr spoke by phone with Saudi Foreign Minister Prince Khalid bin Saud "
             "on Sunday. Later Kerr spoke with reporters in Riyadh.")
    assert meetings(f) == [{"Paul Kerr", "Khalid bin Saud"}]


def test_a_headline_meeting_takes_the_date_the_body_gives(read) -> None:
    f = read("Kerr meets Chen Hao in Beijing\n\n"
             "U.S. Secretary of State Paul Kerr met Chinese Foreign Minister Chen Hao in Beijing on Friday.")
    assert meetings(f) == [{"Paul Kerr", "Chen Hao"}]
    assert f.meetings[0].date == "2024-03-15"


def test_relative_clause_and_a_subject_several_verbs_up(read) -> None:
    f = read("Italian Prime Minister Giorgia Meloni, who met Viktor Orban on the sidelines of the summit, said Italy "
             "would keep pushing for stronger borders. Meloni is due to travel to Tunisia next week to meet "
             "President Kais Saied.")
    assert meetings(f) == [{"Giorgia Meloni", "Viktor Orban"}, {"Giorgia Meloni", "Kais Saied"}]
    assert [m.planned for m in f.meetings] == [False, True]


def test_summoning_an_ambassador_is_a_meeting(read) -> None:
    f = read("Vice Foreign Minister Masataka Okano summoned Chinese Ambassador Wu Jianghao to the Foreign Ministry "
             "to convey Tokyo's concerns, the ministry said in a statement.")
    assert meetings(f) == [{"Masataka Okano", "Wu Jianghao"}]


def test_long_coordinated_names_the_parser_hung_inside_the_subject(read) -> None:
    f = read("European Commission President Ursula von der Leyen and Brazilian President Rafael Costa "
             "met in Brussels on July 17, 2023, but the two sides did not conclude the trade agreement.")
    assert meetings(f) == [{"Ursula von der Leyen", "Rafael Costa"}]
    assert f.meetings[0].date == "2023-07-17"
    assert name(f, f.meetings[0].place) == "Brussels"


def test_the_two_leaders_are_the_two_people_named_before(read) -> None:
    f = read("Japanese Prime Minister Kenji Sato and South Korean President Park Ji-ho agreed on Sunday to "
             "deepen security cooperation, as the two leaders held their second summit in two months.")
    assert meetings(f) == [{"Kenji Sato", "Park Ji-ho"}]


def test_the_two_leaders_among_three_people_is_no_guess(read) -> None:
    f = read("Klaus Vogel, Anne Roux and Lena Dahl spoke on Monday. The two leaders held talks on "
             "Tuesday.")
    assert meetings(f) == []


def test_summoning_an_ambassador_named_in_apposition_is_a_meeting(read) -> None:
    f = read("Philippine Foreign Secretary Enrique Manalo summoned China's ambassador, Huang Xilian, on Tuesday "
             "to protest the incident. The ministry welcomed the decision.")
    assert meetings(f) == [{"Enrique Manalo", "Huang Xilian"}]


def test_a_meeting_without_a_date_takes_the_days_the_story_is_telling(read) -> None:
    text = ("Live: the summit in Oslo\n\nWednesday, March 13\n\n"
            "11:05 - President Tomas Berg meets Prime Minister Lena Dahl at the palace.\n\n"
            "Thursday, March 14\n\n"
            "09:30 - Berg and Dahl shake hands before the second round of talks.\n")
    f = read(text, date="2024-03-15")
    dated = {m.date for m in f.meetings}
    assert dated == {"2024-03-13", "2024-03-14"}


def test_sitting_down_with_someone_is_a_meeting(read) -> None:
    f = read("On Tuesday Mr Berg sat down with Premier Lena Dahl at the harbour office.", date="2024-03-15")
    assert {"Berg", "Lena Dahl"} in [{n for n in p} for p in meetings(f)]
    assert f.meetings[0].date == "2024-03-12"


def test_a_passive_reception_and_two_meetings_in_one_sentence_on_their_own_days(read) -> None:
    f = read("Prime Minister Lena Dahl was received by President Tomas Berg at the palace on Monday, and then "
             "on Tuesday sat down with Premier Ivo Marek at the harbour office.", date="2024-03-15")
    got = {frozenset(p): m.date for p, m in zip(meetings(f), f.meetings, strict=True)}
    assert got[frozenset({"Lena Dahl", "Tomas Berg"})] == "2024-03-11"
    assert got[frozenset({"Lena Dahl", "Ivo Marek"})] == "2024-03-12"


def test_spending_hours_in_talks_is_a_meeting(read) -> None:
    f = read("President Tomas Berg and Prime Minister Lena Dahl spent the whole afternoon in talks in Bergen.")
    assert {"Tomas Berg", "Lena Dahl"} in meetings(f)


def test_a_delegation_listed_after_the_talks_took_part_in_them(read) -> None:
    f = read("President Tomas Berg held talks with Prime Minister Lena Dahl in Oslo on Monday.\n\n"
             "The Swedish delegation included Foreign Minister Jukka Niemi and Trade Minister Ivo Marek.")
    assert {"Tomas Berg", "Lena Dahl", "Jukka Niemi", "Ivo Marek"} in meetings(f)


def test_a_delegation_arriving_lists_nobody(read) -> None:
    f = read("President Tomas Berg held talks with Prime Minister Lena Dahl in Oslo on Monday.\n\n"
             "Later, Ivo Marek said the delegation arrived late.")
    assert {"Tomas Berg", "Lena Dahl"} in meetings(f)
    assert not any("Ivo Marek" in m for m in meetings(f))


def test_two_people_spending_hours_together_met(read) -> None:
    f = read("President Tomas Berg and Prime Minister Lena Dahl spent three hours together at the lake house "
             "on Monday.")
    assert {"Tomas Berg", "Lena Dahl"} in meetings(f)
    assert read("Tomas Berg spent two hours with reporters on Monday.").meetings == []


def test_a_bilateral_held_is_a_meeting(read) -> None:
    f = read("U.S. President Mark Holm arrived on Monday. Holm and Turkish President Peter Lind hold their "
             "bilateral in the margins of the summit.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind"}]


def test_the_host_receives_him_the_visitor_not_himself(read) -> None:
    f = read("U.S. President Mark Holm arrived. Vietnamese President Peter Lind receives him with a guard of honour.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind"}]


def test_meeting_separately_with_two_people_is_two_bilaterals(read) -> None:
    f = read("Earlier on Friday, Mark Holm met separately with Peter Lind, chairman of the congress, and "
             "Chinese Premier Tom Becker.")
    assert sorted(map(sorted, meetings(f))) == [["Mark Holm", "Peter Lind"], ["Mark Holm", "Tom Becker"]]
    f = read("Mark Holm met with Peter Lind, chairman of the congress, and Chinese Premier Tom Becker.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind", "Tom Becker"}]


def test_people_who_sat_in_on_the_meeting_took_part(read) -> None:
    f = read("U.S. President Mark Holm and Ukrainian President Peter Lind held talks at the palace. "
             "National security adviser Tom Becker and Anne Roux, the ambassador, sat in on the meeting.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind", "Tom Becker", "Anne Roux"}]


def test_a_list_naming_the_talks_reaches_back_past_long_paragraphs(read) -> None:
    filler = " ".join(["The two sides discussed trade, energy, farming and science at great length."] * 6)
    f = read("Chinese President Mark Holm held talks with Brazilian President Peter Lind on Friday.\n\n"
             + "\n\n".join([filler] * 4) + "\n\n"
             "Chinese officials present at the talks also included Tom Becker, a member of the committee. "
             "The Brazilian delegation included Foreign Minister Anne Roux.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind", "Tom Becker", "Anne Roux"}]


def test_the_two_leaders_after_a_numbered_paragraph_and_a_bare_title(read) -> None:
    f = read("Prime Minister Mark Holm arrived in Lima.\n\n3. Prime Minister and President Peter Lind together "
             "visited the museum.\n\n4. The two leaders held talks at the palace.")
    assert {"Mark Holm", "Peter Lind"} in meetings(f)


def test_a_one_on_one_then_a_working_lunch_with_the_delegations_are_two_meetings(read) -> None:
    f = read("OSLO, May 3 (Nordic) - Danish Prime Minister Mark Holm and Finnish President Peter Lind spent more "
             "than two hours alone in the castle on Monday. The session ran well past the hour set aside for it. "
             "The two leaders then moved to a working lunch in the great hall with their delegations. The Danish "
             "side included Foreign Minister Tom Becker, and the Finnish side included Trade Minister Anne Roux.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind"}, {"Mark Holm", "Peter Lind", "Tom Becker", "Anne Roux"}]


def test_a_lunch_is_no_meeting_unless_it_is_working_or_official(read) -> None:
    f = read("Mark Holm and Peter Lind had lunch in the square with their children on Sunday.")
    assert meetings(f) == []


def test_the_two_presidents_after_a_delegation_list_are_the_two_who_met(read) -> None:
    f = read("Mark Holm held talks with President of Chile Peter Lind, who is in Peru on a working visit.\n\n"
             "The Peruvian delegation included Foreign Minister Tom Becker, Deputy Prime Minister Anne Roux and "
             "Minister of Agriculture Paul Kerr.\n\n"
             "The previous face-to-face meeting between the two presidents took place in Lima in October 2022.")
    assert [(m, f.meetings[n].date) for n, m in enumerate(meetings(f))][-1] == (
        {"Mark Holm", "Peter Lind"}, "2022-10-01/2022-10-31")


def test_a_phone_call_is_a_meeting_by_phone(read) -> None:
    f = read("Danish Foreign Minister Mark Holm spoke by phone with his Swedish counterpart Peter Lind on Monday.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind"}]
    assert f.meetings[0].mode == "phone"


def test_a_call_with_and_a_telephone_conversation_are_phone_calls(read) -> None:
    for text in ("Prime Minister Mark Holm had a call with President Peter Lind on Monday.",
                 "Prime Minister Mark Holm held a telephone conversation with President Peter Lind on Monday."):
        f = read(text)
        assert meetings(f) == [{"Mark Holm", "Peter Lind"}], text
        assert f.meetings[0].mode == "phone", text


def test_talks_after_calling_someone_are_a_phone_call_and_a_naming_is_not(read) -> None:
    f = read("Prime Minister Mark Holm called President Peter Lind on Monday and the two men talked for an hour.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind"}]
    assert f.meetings[0].mode == "phone"
    f = read("Mark Holm called Peter Lind a liar, two days after the two men talked in Oslo.")
    assert [m.mode for m in f.meetings] == ["in person"]


def test_a_video_call_is_a_meeting_by_video(read) -> None:
    for text in ("Prime Minister Mark Holm held a video call with President Peter Lind on Monday.",
                 "Mark Holm and Peter Lind met virtually on Monday.",
                 "Prime Minister Mark Holm held talks with President Peter Lind via videoconference on Monday."):
        f = read(text)
        assert meetings(f) == [{"Mark Holm", "Peter Lind"}], text
        assert f.meetings[0].mode == "video", text


def test_a_meeting_is_in_person_and_a_call_in_another_clause_does_not_change_it(read) -> None:
    f = read("Prime Minister Mark Holm met President Peter Lind in Oslo on Monday.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind"}]
    assert f.meetings[0].mode == "in person"
    f = read("Prime Minister Mark Holm met President Peter Lind in Oslo on Monday, a week after a phone call "
             "with Chancellor Anna Berg.")
    assert [m.mode for m in f.meetings if m.cue == "meet"] == ["in person"]


def test_a_call_and_a_meeting_of_the_same_people_on_the_same_day_stay_two(read) -> None:
    f = read("Prime Minister Mark Holm met President Peter Lind in Oslo on Monday.\n\n"
             "On Monday evening, Holm also spoke by phone with Lind about the pipeline.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind"}, {"Mark Holm", "Peter Lind"}]
    assert [m.mode for m in f.meetings] == ["in person", "phone"]
    assert f.meetings[0].date == f.meetings[1].date == "2024-03-11"


def test_two_leaders_signing_an_agreement_met(read) -> None:
    f = read("Prime Minister Mark Holm and President Peter Lind signed a trade agreement in Oslo on Monday.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind"}]
    assert meetings(read("Mark Holm signed the decree on Monday.")) == []
    assert meetings(read("Acme and Globex signed a supply deal on Monday.")) == []
    assert meetings(read("Mark Holm and Peter Lind will sign a treaty next week.")) == []


def test_the_leaders_sitting_down_to_lunch_after_a_welcome_are_one_meeting_with_the_guests(read) -> None:
    f = read("Prime Minister Mark Holm welcomed President Peter Lind to Bergen today. The leaders started with a tour "
             "of the harbour before sitting down for a working lunch with the Foreign Secretary, Anne Roux, and "
             "the Defence Secretary, Tom Becker.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind", "Anne Roux", "Tom Becker"}]
    assert f.meetings[0].cue == "welcome"


def test_his_meeting_is_the_clause_subjects(read) -> None:
    f = read("Prime Minister Mark Holm spoke to Dutch Prime Minister Peter Lind this afternoon. Holm briefed Lind "
             "on his meeting with President Tom Becker in Bergen the day before.")
    assert {"Mark Holm", "Tom Becker"} in meetings(f)
    assert {"Peter Lind", "Tom Becker"} not in meetings(f)


def test_speaking_to_a_person_is_a_meeting_and_to_reporters_is_not(read) -> None:
    assert meetings(read("Prime Minister Mark Holm spoke to Dutch Prime Minister Peter Lind on Monday.")) == [
        {"Mark Holm", "Peter Lind"}]
    assert meetings(read("Prime Minister Mark Holm spoke to reporters on Monday.")) == []


def test_the_leaders_mean_the_two_who_met_last_and_a_summit_discussed_is_not_attended(read) -> None:
    f = read("Prime Minister Mark Holm spoke to Prime Minister Peter Lind on Monday. The leaders also discussed "
             "the G7 summit in Rome. They looked forward to seeing each other at the NATO summit in Oslo in June.")
    assert meetings(f)[0] == {"Mark Holm", "Peter Lind"}
    assert not any(m.place and name(f, m.place) == "Rome" for m in f.meetings)


#: (sentence, the mode of its one meeting of Mark Holm and Peter Lind)
MET = [
    ("Foreign Minister Mark Holm paid a courtesy call on Prime Minister Peter Lind in Oslo on Monday.", "in person"),
    ("External Affairs Minister Mark Holm called on President Peter Lind at the palace on Tuesday.", "in person"),
    ("President Mark Holm received a phone call from Chancellor Peter Lind on Wednesday.", "phone"),
    ("Mark Holm and Peter Lind co-chaired the fifth round of the strategic dialogue in Seoul on Monday.", "in person"),
    ("Mark Holm joined Peter Lind for talks in Berlin on Monday.", "in person"),
    ("Mark Holm greeted Peter Lind at the airport on Monday.", "in person"),
    ("Mark Holm and Peter Lind had a meeting in Vienna on Monday.", "in person"),
    ("Mark Holm and Peter Lind spoke by phone on Monday.", "phone"),
    ("Mark Holm telephoned Peter Lind on Monday to discuss the crisis.", "phone"),
    ("Peter Lind and Mark Holm attended a signing ceremony in Hanoi on Monday.", "in person"),
    ("Chinese Premier Mark Holm on Monday met with visiting Kenyan President Peter Lind in Beijing.", "in person"),
    ("Mark Holm and Peter Lind held a video conference on Monday.", "video"),
    ("Mark Holm visited Peter Lind at his residence on Monday.", "in person"),
    ("Mark Holm huddled with Peter Lind in Brussels on Monday.", "in person"),
    ("Mark Holm briefed Peter Lind on the talks during a meeting in Oslo on Monday.", "in person"),
    ("Mark Holm dined with Peter Lind in Paris on Monday.", "in person"),
    ("Mark Holm and Peter Lind discussed trade during their meeting in Oslo on Monday.", "in person"),
    ("Mark Holm and Peter Lind held a round of consultations in Moscow on Monday.", "in person"),
    ("Mark Holm granted an audience to Peter Lind at the palace on Monday.", "in person"),
    ("Mark Holm had a bilateral with Peter Lind on the margins of the summit.", "in person"),
    ("Mark Holm exchanged greetings with Peter Lind at the reception on Monday.", "in person"),
    ("Mark Holm and Peter Lind negotiated for six hours in Geneva on Monday.", "in person"),
    ("At the invitation of Mark Holm, Peter Lind paid an official visit to Norway from March 3 to 5.", "in person"),
    ("Mark Holm and Peter Lind held talks via video link on Tuesday.", "video"),
    ("In a phone call on Tuesday, Mark Holm told Peter Lind that Norway would help.", "phone"),
    ("During a call with Peter Lind on Tuesday, Mark Holm stressed the need for calm.", "phone"),
]

NOT_MET = [
    "Mark Holm called on Peter Lind to resign immediately.",
    "Mark Holm called Peter Lind a liar on Monday.",
    "Mark Holm greeted the decision with relief.",
    "Mark Holm and Peter Lind attended the conference in Oslo on Monday.",
    "Mark Holm praised Peter Lind during a meeting of the party on Monday.",
    "Mark Holm and Peter Lind spoke at the forum on Monday.",
    "Mark Holm received a call from the bank on Monday.",
    "Mark Holm dined at the restaurant on Monday.",
]


@pytest.mark.parametrize(("text", "mode"), MET)
def test_the_forms_a_meeting_is_reported_in(read, text: str, mode: str) -> None:
    f = read(text)
    assert meetings(f) == [{"Mark Holm", "Peter Lind"}]
    assert f.meetings[0].mode == mode


@pytest.mark.parametrize("text", NOT_MET)
def test_forms_like_a_meeting_that_are_none(read, text: str) -> None:
    assert meetings(read(text)) == []


def test_officials_from_two_countries_and_an_unnamed_counterpart_meet_as_their_countries(read) -> None:
    assert meetings(read("Officials from Turkey and Greece met in Ankara on Monday.")) == [{"Turkey", "Greece"}]
    assert meetings(read("Mark Holm met his Turkish counterpart in Ankara on Monday.")) == [{"Mark Holm", "Turkey"}]


def test_the_agency_of_a_dateline_is_no_participant_and_an_aside_gives_no_place(read) -> None:
    f = read("BEIJING, Oct. 17 (Xinhua) -- Chinese President Tom Becker held talks with Kenyan President Paul Kerr, "
             "who is in China for a state visit, at the Great Hall of the People in Beijing on Tuesday.")
    assert meetings(f) == [{"Tom Becker", "Paul Kerr"}]
    assert name(f, f.meetings[0].place) != "China"


@pytest.mark.parametrize("text", [
    "A meeting between Mark Holm and Peter Lind is possible later this year.",
    "Mark Holm said he would be willing to meet Peter Lind.",
    "Mark Holm could meet Peter Lind at the summit, officials said.",
    "Mark Holm has not met Peter Lind since 2019.",
    "Mark Holm refused to meet Peter Lind on Monday.",
    "Mark Holm has never met Peter Lind.",
    "Mark Holm wants to meet Peter Lind.",
    "Mark Holm cancelled his meeting with Peter Lind.",
    "Mark Holm called off talks with Peter Lind.",
])
def test_a_meeting_not_held_or_only_possible_is_none(read, text: str) -> None:
    assert meetings(read(text)) == []


def test_an_expected_meeting_is_planned(read) -> None:
    f = read("Mark Holm is expected to meet Peter Lind on Friday.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind"}] and f.meetings[0].planned


def test_two_who_met_one_separately_held_two_bilaterals(read) -> None:
    f = read("Premier Jan Olsen and Vice President Erik Dahl also met Paul Kerr separately on Thursday.")
    assert meetings(f) == [{"Jan Olsen", "Paul Kerr"}, {"Erik Dahl", "Paul Kerr"}]


def test_titles_in_apposition_are_no_one_else_and_a_named_side_is_not_also_its_country(read) -> None:
    f = read("Peter Lind, general secretary of the Party and president of the Council, received the delegation "
             "of Russia headed by Mark Holm, defence minister of Russia, on Monday. Present there was Anne Roux, "
             "secretary of the Party. Holm conveyed the greetings of President Tom Becker.")
    got = meetings(f)
    assert got and "Tom Becker" not in got[0] and "Russia" not in got[0]
    assert {"Peter Lind", "Mark Holm"} <= got[0]


def test_a_visit_told_in_the_past_was_held_and_is_no_appeal(read) -> None:
    f = read("Later in the day, Tom Becker called on Crown Prince Ali Hamad.")
    assert meetings(f) == [{"Tom Becker", "Ali Hamad"}]
    assert not f.meetings[0].planned
    assert f.statements == []


@pytest.mark.parametrize(("text", "met"), [
    ("Mark Holm had lunch with Peter Lind on Monday.", [{"Mark Holm", "Peter Lind"}]),
    ("Mark Holm and Peter Lind had breakfast together on Monday.", [{"Mark Holm", "Peter Lind"}]),
    ("Mark Holm and Peter Lind were joined by Tom Becker for the talks.", [{"Mark Holm", "Peter Lind", "Tom Becker"}]),
    ("Mark Holm had dinner with his family on Monday.", []),
    ("Mark Holm skipped lunch with Peter Lind on Monday.", []),
])
def test_a_meal_shared_with_someone_named_and_joining_talks_are_meetings(read, text: str, met: list) -> None:
    assert meetings(read(text)) == met


def test_a_country_that_only_qualifies_a_group_is_no_participant(read) -> None:
    f = read("Peter Lind met leaders of Danish farm groups, including Chairman Mark Holm.")
    assert meetings(f) == [{"Peter Lind", "Mark Holm"}]


def test_bodies_are_no_participants_where_two_people_are_named(read) -> None:
    f = read("Mark Holm received a delegation of the Liberal Party led by Peter Lind on Monday.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind"}]


def test_someone_joining_the_talks_took_part_someone_not_present_did_not(read) -> None:
    f = read("Mark Holm met Peter Lind in Oslo on Sunday. Tom Becker also joined the discussions, a source said. "
             "Paul Kerr was not present, but was briefed afterwards.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind", "Tom Becker"}]


@pytest.mark.parametrize("text", ["Peter Lind was greeted by Mark Holm at the airport.",
                                  "Mark Holm hosted a state banquet in honour of Peter Lind."])
def test_a_passive_greeting_and_a_banquet_in_someones_honour_are_meetings(read, text: str) -> None:
    assert meetings(read(text)) and set(meetings(read(text))[0]) == {"Mark Holm", "Peter Lind"}


def test_a_meeting_asked_about_is_no_meeting(read) -> None:
    assert meetings(read("Reporter: Will Foreign Minister Mark Holm meet Secretary Peter Lind in Lima?")) == []


@pytest.mark.parametrize("after", ["Tom Becker and Anne Roux also attended the talks.",
                                   "Tom Becker and Anne Roux took part in the talks.",
                                   "Participating in the talks were Tom Becker and Anne Roux."])
def test_people_joining_the_talks_told_are_their_participants_not_a_meeting_of_their_own(read, after: str) -> None:
    f = read(f"Mark Holm held talks with Peter Lind in Oslo on Monday. {after}")
    assert meetings(f) == [{"Mark Holm", "Peter Lind", "Tom Becker", "Anne Roux"}]


def test_a_part_in_something_is_no_taking_part(read) -> None:
    f = read("Mark Holm held talks with Peter Lind in Oslo on Monday. Chile overstated Norway's part in the affair, "
             "Tom Becker said.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind"}]


def test_a_day_earlier_counts_from_the_day_the_story_told(read) -> None:
    f = read("On Tuesday, Mark Holm held talks in Lima with Peter Lind. A day earlier he was in Quito, where he met "
             "Tom Becker.", date="2024-01-10")
    assert sorted(m.date for m in f.meetings) == ["2024-01-08", "2024-01-09"]


def test_people_a_participant_phrase_lists_with_including_take_part(read) -> None:
    f = read("Mark Holm held talks in Lima with Prime Minister Peter Lind and members of the war cabinet, including "
             "Defense Minister Tom Becker.")
    assert meetings(f) == [{"Mark Holm", "Peter Lind", "Tom Becker"}]


@pytest.mark.parametrize("text", [
    "On the sidelines, Mark Holm held bilateral meetings with Peter Lind, Tom Becker and Anne Roux.",
    "Mark Holm met Peter Lind, Tom Becker and Anne Roux in separate meetings on Monday."])
def test_a_series_of_bilaterals_is_one_meeting_each(read, text: str) -> None:
    assert meetings(read(text)) == [{"Mark Holm", "Peter Lind"}, {"Mark Holm", "Tom Becker"}, {"Mark Holm", "Anne Roux"}]


def test_bilateral_talks_of_two_are_one_meeting(read) -> None:
    assert meetings(read("Mark Holm held bilateral talks with Peter Lind on Monday.")) == [{"Mark Holm", "Peter Lind"}]


def test_those_attending_a_reception_join_the_reception_not_the_talks_told_last(read) -> None:
    f = read("Prime Minister Mark Holm received Chilean Deputy Prime Minister and Minister of Foreign Affairs "
             "Anne Roux in Oslo on Monday.\n\nEarlier the same day, Foreign Minister Tom Becker held talks with "
             "Anne Roux.\n\nAttending the reception were Trade Minister Paul Kerr and Norwegian Ambassador to Chile "
             "Peter Lind.")
    met = {m.cue: {name(f, p) for p in m.participants} for m in f.meetings}
    assert met == {"receive": {"Mark Holm", "Anne Roux", "Paul Kerr", "Peter Lind"}, "hold": {"Tom Becker", "Anne Roux"}}


def test_a_phone_call_two_subjects_held_one_named_as_a_counterpart(read) -> None:
    f = read("Norwegian Foreign Minister Mark Holm and his Chilean counterpart Anne Roux discussed fisheries "
             "in a phone call on Saturday.")
    assert [({name(f, p) for p in m.participants}, m.mode) for m in f.meetings] == [({"Mark Holm", "Anne Roux"}, "phone")]


VISIT_READOUT = ("External Affairs Minister Anil Mehra paid an official visit to Chile on 6-7 November 2025.\n\n"
                 "2. During the visit, EAM called on President Tom Becker. He also held discussions with Minister "
                 "for Foreign Affairs Anne Roux, with whom he co-chaired the Joint Commission.")


def test_a_readouts_meetings_after_a_visit_took_place_where_the_visit_went(read) -> None:
    f = read(VISIT_READOUT, date="2025-11-07")
    met = {frozenset(name(f, p) for p in m.participants): name(f, m.place) for m in f.meetings}
    assert met == {frozenset({"Anil Mehra", "Tom Becker"}): "Chile", frozenset({"Anil Mehra", "Anne Roux"}): "Chile"}


def test_a_visit_planned_puts_no_meeting_there(read) -> None:
    f = read("Foreign Minister Anil Mehra will pay a visit to Chile next month. On Monday he met Tom Becker.",
             date="2025-11-07")
    assert [name(f, m.place) for m in f.meetings] == [""]


def test_a_meeting_told_in_a_since_clause_and_the_date_it_counts_from(read) -> None:
    f = read("Mark Holm and Anne Roux held talks in Oslo on Monday. The talks were the first between the two men "
             "since President Peter Lind and President Tom Becker met at Lima in December.")
    met = {frozenset(name(f, p) for p in m.participants): (m.date, name(f, m.place)) for m in f.meetings}
    assert met == {frozenset({"Mark Holm", "Anne Roux"}): ("2024-03-11", "Oslo"),
                   frozenset({"Peter Lind", "Tom Becker"}): ("2023-12-01/2023-12-31", "Lima")}


def test_titled_names_just_before_a_verb_that_lost_its_subject(read) -> None:
    f = read("The talks were the first between the two men since President Berg and President Anatoly S. Volkov "
             "met at Malta in December.")
    assert meetings(f) == [{"Berg", "Anatoly S. Volkov"}]


def test_a_summit_its_participle_says_two_people_chaired(read) -> None:
    f = read("The summit, co-chaired by Council President Mark Holm and Commission President Anne Roux, adopted a "
             "joint statement on Tuesday.")
    assert meetings(f) == [{"Mark Holm", "Anne Roux"}]


def test_a_phone_conversation_with_a_president_of_a_country_named_after_it(read) -> None:
    f = read("Mark Holm had a telephone conversation with President of the Republic of Kazakhstan Aset-Nurlan Dauletov.")
    assert [({name(f, p) for p in m.participants}, m.mode) for m in f.meetings] == [
        ({"Mark Holm", "Aset-Nurlan Dauletov"}, "phone")]


def test_a_phone_call_received_from_someone(read) -> None:
    f = read("His Royal Highness Prince Omar bin Khalid, Crown Prince and Prime Minister, received a phone call "
             "today from Prime Minister Anne Roux of the Italian Republic.")
    assert [({name(f, p) for p in m.participants}, m.mode) for m in f.meetings] == [
        ({"Omar bin Khalid", "Anne Roux"}, "phone")]
    assert not any(r.role.startswith(("Royal", "His")) for r in f.roles)


def test_a_meeting_held_with_the_hon_someone(read) -> None:
    f = read("On July 8, Ms. TANAKA Emi, Minister for Foreign Affairs of Japan, held a Japan-Chile Foreign Ministers' "
             "Meeting with the Hon. Anne Roux, Minister of Foreign Affairs of Chile, who is visiting Japan.")
    assert meetings(f) == [{"Tanaka Emi", "Anne Roux"}]


def test_what_is_said_of_the_summit_just_told_is_no_other_summit(read) -> None:
    f = read("Mark Holm and Anne Roux held a summit in Oslo on Friday. It was the 12th summit between the two leaders "
             "since Holm took office, and likely the last before Roux steps down later this month.")
    assert [(meetings(f)[0], m.planned) for m in f.meetings] == [({"Mark Holm", "Anne Roux"}, False)]


@pytest.mark.parametrize("text", [
    "Mark Holm told reporters after meeting Anne Roux yesterday that progress had been made.",
    "Mark Holm, speaking after meeting Anne Roux on Monday, said progress had been made.",
    "Following his talks with Anne Roux in Lima, Mark Holm flew to Quito.",
])
def test_a_meeting_told_in_a_phrase_before_or_beside_the_main_clause(read, text: str) -> None:
    assert meetings(read(text)) == [{"Mark Holm", "Anne Roux"}]


@pytest.mark.parametrize(("text", "met"), [
    ("Mark Holm and Anne Roux co-chaired the Joint Permanent Commission in Nairobi on Monday.", True),
    ("Mark Holm and Anne Roux witnessed the signing of five agreements on Monday.", True),
    ("Mark Holm received the credentials of Anne Roux, the new ambassador of Chile, on Monday.", True),
    ("Mark Holm received a letter from Anne Roux on Monday.", False),
    ("Mark Holm and Anne Roux chaired separate sessions of the forum.", False),
])
def test_commissions_co_chaired_signings_witnessed_and_credentials_received(read, text: str, met: bool) -> None:
    assert meetings(read(text)) == ([{"Mark Holm", "Anne Roux"}] if met else [])


@pytest.mark.parametrize("text", [
    "Norwegian Prime Minister Mark Holm and Chilean President Anne Roux arrived in Lima on Sunday. The leaders of "
    "Norway and Chile met on Monday to discuss fisheries.",
    "Norwegian Foreign Minister Mark Holm and Chilean Foreign Minister Anne Roux arrived in Lima on Sunday. The "
    "Norwegian and Chilean foreign ministers held talks on Monday.",
])
def test_the_leaders_of_countries_are_the_holders_the_article_names(read, text: str) -> None:
    assert meetings(read(text)) == [{"Mark Holm", "Anne Roux"}]


@pytest.mark.parametrize(("text", "met"), [
    ("Mark Holm discussed the crisis with Anne Roux on Monday.", True),
    ("Mark Holm had an audience with Anne Roux at the palace on Monday.", True),
    ("Mark Holm discussed the crisis with reporters on Monday.", False),
    ("Mark Holm told an audience of students that the plan would work.", False),
])
def test_a_crisis_discussed_with_someone_and_an_audience_with_someone(read, text: str, met: bool) -> None:
    assert meetings(read(text)) == ([{"Mark Holm", "Anne Roux"}] if met else [])


def test_a_call_with_a_titled_person_the_parser_hung_on_a_purpose(read) -> None:
    f = read("President Mark Holm spoke today with Prime Minister Anne Roux of Chile to congratulate her on her "
             "election victory.", title="Readout of President Holm's Call with Prime Minister Roux of Chile")
    assert [({name(f, p) for p in m.participants}, m.mode) for m in f.meetings] == [({"Mark Holm", "Anne Roux"}, "phone")]
    assert not any(name(f, s.speaker) == "Anne Roux" for s in f.statements)


@pytest.mark.parametrize("text", [
    "A meeting between Mark Holm and Anne Roux was cancelled on Monday.",
    "Mark Holm will meet Anne Roux if the ceasefire holds, officials said.",
])
def test_a_meeting_cancelled_or_hanging_on_a_condition_is_not_held(read, text: str) -> None:
    assert meetings(read(text)) == []
