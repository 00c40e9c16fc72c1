"""Dates: reference date, event date, older referenced incidents."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.eval.datasets import shared_dir
from corroborate.extract.dates import analyze_dates, date_from_url
from corroborate.extract.nlp import load_nlp

SEEDS = shared_dir() / "seeds"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _seed(nlp, stem: str):
    path = next(SEEDS.glob(f"{stem}_*.txt"), None) if SEEDS.is_dir() else None
    if path is None:
        pytest.skip(f"seed {stem} not found under {SEEDS} (set CORROBORATE_SHARED)")
    doc = nlp(Path(path).read_text(encoding="utf-8"))
    return doc, analyze_dates(doc, published=None, report_id=path.stem)


def _sentence(doc, needle: str):
    return next(s for s in doc.sents if needle in s.text)


def test_seed_000_event_date_from_anniversary_and_weekday(nlp):
    doc, result = _seed(nlp, "000")
    assert result.reference_basis == "anchor"
    assert result.event_date == "2024-01-03"
    assert result.event_date_basis == "relative"
    assert "Wednesday" in doc.text[slice(*result.event_span)]


def test_seed_000_older_incidents_kept_apart(nlp):
    doc, result = _seed(nlp, "000")
    for needle in ("American drones fired three missiles", "The assassination took place",
                   "Five days after the killing", "start of the Israel-Gaza war"):
        assert _sentence(doc, needle).start_char in result.past_sentences, needle
    for needle in ("At least 103 people", "At least 171 others", "No group has yet claimed",
                   "Supporters had gathered"):
        assert _sentence(doc, needle).start_char not in result.past_sentences, needle
    dates = {r.date for r in result.referenced}
    assert {"2020-01-03", "2020-01-08", "2023-10-07"} <= dates
    strike = next(r for r in result.referenced if r.date == "2020-01-03")
    assert strike.place == "Baghdad"
    assert strike.description.startswith("Maj Gen Suleimani was killed")


def test_seed_001_year_not_guessed_from_older_attack(nlp):
    doc, result = _seed(nlp, "001")
    assert result.event_date in {"XXXX-01-03", "2024-01-03"}
    by_date = {r.date: r for r in result.referenced}
    assert by_date["2022"].killed == 15
    assert "2017" in by_date
    assert _sentence(doc, "left at least 103").start_char not in result.past_sentences
    assert _sentence(doc, "condemned the attacks").start_char not in result.past_sentences


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("A gunman shot two men on Tuesday night, police said.", "2024-01-03", "2024-01-02"),
    ("Two bombs exploded on Wednesday near the mosque.", "2024-01-03T18:00", "2024-01-03"),
    ("A man was stabbed to death yesterday in the market.", "2024-01-03", "2024-01-02"),
    ("The car bomb exploded on 30 December in the capital.", "1990-01-03", "1989-12-30"),
    ("Police said the woman was shot Dec. 28 outside her home.", "2016-01-02", "2015-12-28"),
])
def test_relative_and_yearless_dates_resolve_against_published(nlp, sentence, published,
                                                               expected):
    result = analyze_dates(nlp(sentence), published=published, report_id="t")
    assert result.event_date == expected
    assert result.reference_date == published[:10]


def test_event_prefers_event_verb_over_reporting_date(nlp):
    text = ("Police said on Friday that a man was shot and killed on Wednesday night "
            "outside a bar.")
    result = analyze_dates(nlp(text), published="2024-01-05", report_id="t")
    assert result.event_date == "2024-01-03"


def test_dateline_is_the_anchor_not_the_event(nlp):
    text = ("LIMA, 3 JAN 90 -- GUNMEN ABDUCTED A MAYOR ON 30 DECEMBER NEAR "
            "THE VILLAGE OF SANTA ROSA.")
    result = analyze_dates(nlp(text), published=None, report_id="t")
    assert (result.reference_date, result.reference_basis) == ("1990-01-03", "anchor")
    assert result.event_date == "1989-12-30"


def test_weekday_fixes_year_near_other_year_evidence(nlp):
    text = ("He had been arrested in 2014. A clerk was fatally stabbed Tuesday, Jan. 27, "
            "outside a corner store.")
    result = analyze_dates(nlp(text), published=None, report_id="t")
    assert result.event_date == "2015-01-27"  # the first Tuesday Jan 27 from 2014 on


def test_no_base_leaves_weekdays_unresolved(nlp):
    result = analyze_dates(nlp("A man was shot on Monday night."), published=None,
                           report_id="t")
    assert result.event_date is None and result.mentions == ()


def test_ago_and_false_hits(nlp):
    text = ("A bomb went off in the square. Twenty minutes later a second blast hit the "
            "station. A similar attack four years ago killed 12 people.")
    doc = nlp(text)
    result = analyze_dates(doc, published="2024-01-03", report_id="t")
    assert [m.value for m in result.mentions] == ["2020"]
    assert _sentence(doc, "four years ago").start_char in result.past_sentences
    assert result.referenced[0].killed == 12


def test_date_from_url():
    assert date_from_url("http://fox6now.com/2015/12/11/same-man/") == "2015-12-11"
    assert date_from_url("http://www.arkansasonline.com/news/2016/jan/26/girl/") == "2016-01-26"
    assert date_from_url("http://www.latimes.com/x/tn-blr-me-papiyan-20160223-story.html") == (
        "2016-02-23")
    assert date_from_url("http://www.wxyz.com/news/man-shot-killed") is None


def test_statement_date_loses_to_event_after_that(nlp):
    text = "The police reported today that yesterday gunmen killed three farmers near the river."
    result = analyze_dates(nlp(text), published="1990-01-03", report_id="t")
    assert result.event_date == "1990-01-02"


def test_explicit_date_restating_today_wins(nlp):
    text = ("Regarding the death of the mayor, today, 30 June, the front states that it did "
            "not take part in the killing.")
    result = analyze_dates(nlp(text), published="1989-07-01", report_id="t")
    assert "today" not in [m.text.lower() for m in result.mentions]
    assert result.event_date == "1989-06-30"


def test_upper_case_days_ago_keeps_day_precision(nlp):
    result = analyze_dates(nlp("THE MAYOR WAS MURDERED 3 DAYS AGO IN THE CAPITAL."),
                           published="1990-01-15", report_id="t")
    assert [m.value for m in result.mentions] == ["1990-01-12"]
    assert result.event_date == "1990-01-12"


def test_parenthesised_dateline_is_reference_not_event(nlp):
    text = ("INDIANAPOLIS, Ind. (Dec. 7, 2015) - Police are searching for three men who held "
            "a girl at gunpoint Sunday night.")
    result = analyze_dates(nlp(text), published=None, report_id="t")
    assert (result.reference_date, result.reference_basis) == ("2015-12-07", "anchor")
    assert result.event_date == "2015-12-06"


def test_full_month_name_does_not_swallow_full_stop(nlp):
    doc = nlp("Six priests were murdered on 16 November. The army denied it.")
    result = analyze_dates(doc, published="1989-11-18", report_id="t")
    assert [m.text for m in result.mentions] == ["16 November"]
    assert result.event_date == "1989-11-16"


# Published on a Sunday: weekdays resolve to the days before it.
_SUNDAY = "2024-03-10"


@pytest.mark.parametrize(("text", "want"), [
    ("A man died Friday after being shot Thursday near the station.", "2024-03-07"),
    ("A woman died Wednesday after she was stabbed Tuesday in her home.", "2024-03-05"),
    ("A teenager succumbed to his wounds Sunday after he was shot Saturday.", "2024-03-09"),
    ("A man who was shot Monday night passed away Wednesday, police said.", "2024-03-04"),
    ("A boy who was wounded Thursday was pronounced dead Saturday.", "2024-03-07"),
    ("A man died Saturday at the hospital. The shooting happened Friday on Main Street.",
     "2024-03-08"),
    ("A girl died Saturday at the hospital. Officers responded to the shooting at about 5 p.m."
     " Friday.", "2024-03-08"),
])
def test_attack_day_beats_later_death_day(nlp, text, want):
    result = analyze_dates(nlp(text), published=_SUNDAY, report_id="t")
    assert result.event_date == want


@pytest.mark.parametrize(("text", "want"), [
    # no dated attack: the death day stays the event day
    ("A man died Friday after being shot outside a bar.", "2024-03-08"),
    # an attack dated after the death is no cause of it
    ("A man died Thursday. His brother was attacked Saturday at the funeral.", "2024-03-07"),
    # an earlier day with no attack in its sentence is no cause either
    ("A girl died Saturday at the hospital. Her family spoke to reporters Friday.",
     "2024-03-09"),
])
def test_death_day_kept_without_earlier_attack(nlp, text, want):
    result = analyze_dates(nlp(text), published=_SUNDAY, report_id="t")
    assert result.event_date == want


@pytest.mark.parametrize(("text", "published", "want"), [
    # a posting stamp with a clock time is the page's date, not the shooting's
    ("Posted: Wednesday, June 10, 2015 8:12 AM CDT\n\nA farmer was wounded by a neighbour "
     "on Monday along a gravel road.", "2015-06-10", "2015-06-08"),
    # a video caption's publication line
    ("Officers detained a man after a brawl outside a bar. (Published Friday, Feb. 10, 2017)"
     "\n\nA bouncer was shot Wednesday night at closing time.", "2017-02-10", "2017-02-08"),
    # a tweet's signature
    ("The area is safe. — City Police (@CityPD) January 3, 2017\n\nA student shot himself "
     "outside the school on Monday.", "2017-01-03", "2017-01-02"),
])
def test_page_furniture_dates_are_not_events(nlp, text, published, want):
    result = analyze_dates(nlp(text), published=published, report_id="t")
    assert result.event_date == want


@pytest.mark.parametrize(("text", "published", "want"), [
    ("A man was shot and killed on New Year's Eve outside a friend's home.", "2017-01-03",
     "2016-12-31"),
    ("Gunfire on Christmas night left two brothers hurt outside a bowling alley.",
     "2015-12-28", "2015-12-25"),
    ("A girl was shot dead on Thanksgiving Day in her front yard.", "2016-11-27",
     "2016-11-24"),
    # ten days on, a bare "Sunday" would be the latest one (April 3)
    ("Three men were killed in a shooting on Easter Sunday.", "2016-04-06", "2016-03-27"),
])
def test_holidays_resolve_to_their_day(nlp, text, published, want):
    result = analyze_dates(nlp(text), published=published, report_id="t")
    assert result.event_date == want


def test_black_friday_is_the_day_after_thanksgiving(nlp):
    # "Black Friday" is the day after Thanksgiving, not the latest Friday
    text = "An officer wounded a suspect outside a mall on Black Friday, a week ago today."
    result = analyze_dates(nlp(text), published="2016-12-02", report_id="t")
    assert result.event_date == "2016-11-25"


def test_date_after_a_clock_time_sentence_split(nlp):
    # spaCy ends a sentence at "p.m."; the day after it still belongs to "happened"
    text = ("A 5-year-old girl died after she found a loaded pistol.\n\nThe shooting took "
            "place around 9:15 p.m. Friday, October 14 in an apartment on Willow Court."
            "\n\nShe was pronounced dead at 2:40 a.m. on Saturday at a children's clinic.")
    result = analyze_dates(nlp(text), published="2016-10-15", report_id="t")
    assert result.event_date == "2016-10-14"


def test_arrest_day_loses_to_the_clocked_incident_day(nlp):
    text = ("Two men were arrested on Wednesday over the gunfire at a graduation party."
            "\n\nAround 11 p.m. Saturday, guests were dancing in a backyard when a pickup "
            "rolled past.")
    result = analyze_dates(nlp(text), published="2016-09-21", report_id="t")
    assert result.event_date == "2016-09-17"


def test_plan_in_past_tense_is_not_the_event(nlp):
    text = "A Waukegan woman who was wounded outside a gym was to start a teaching post Monday."
    result = analyze_dates(nlp(text), published="2016-09-25", report_id="t")
    assert result.event_date == "2016-09-25"
    assert result.event_date_basis == "published"


def test_stated_day_beats_weeks_ago(nlp):
    text = ("The 8-year-old was struck by gunfire from a passing car two weeks ago. "
            "Investigators said the attack occurred on April 11 near a playground.")
    result = analyze_dates(nlp(text), published="2015-04-23", report_id="t")
    assert result.event_date == "2015-04-11"


@pytest.mark.parametrize("stamp", [
    "Posted: Tuesday, March 8, 2016 6:05 PM EST",
    "(Published Tuesday, March 8, 2016)",
    "— County Sheriff (@CountySO) March 8, 2016",
])
def test_a_page_stamp_alone_does_not_date_the_incident(nlp, stamp):
    # With no day in the story, the stamp must not stand in for one: the incident falls
    # back on the publication day, and says so.
    text = f"{stamp}\n\nA hiker was wounded by a stray round near a quarry trail."
    result = analyze_dates(nlp(text), published="2016-03-09", report_id="t")
    assert (result.event_date, result.event_date_basis) == ("2016-03-09", "published")


def test_death_day_loses_to_the_hour_police_responded(nlp):
    # The attack's day is told by the hour of the call, not by an attack word.
    text = ("A 6-year-old boy has died after an accidental shooting at his grandparents' house. "
            "Deputies were called to a house on Maple Court at about 4 p.m. Saturday afternoon. "
            "The boy was flown to a trauma center where he died Sunday.")
    result = analyze_dates(nlp(text), published="2015-10-18", report_id="t")
    assert result.event_date == "2015-10-17"


def test_upcoming_is_no_plan(nlp):
    # "an upcoming junior" does not turn the shooting's Friday into next Friday
    text = ("Dario Whitfield, an upcoming junior at the high school, was killed when he was "
            "shot at about 6:20 p.m. Friday evening outside a store.")
    result = analyze_dates(nlp(text), published="2016-07-16", report_id="t")
    assert result.event_date == "2016-07-15"


def test_possessive_day_of_a_meeting_is_not_the_attack(nlp):
    # "Sunday's news conference" dates the conference, not the wounding
    text = ("The mayor met the three wounded men before Sunday's news conference. "
            "A gunman shot three people outside a bar around 8 p.m. Friday.")
    result = analyze_dates(nlp(text), published="2013-06-24", report_id="t")
    assert result.event_date == "2013-06-21"


def test_related_article_links_are_page_furniture(nlp):
    # a link list's date is another story's: with no other date, the publication day is left
    text = ("A man was charged in the shooting outside a club.\n\nRelated Articles January 9,"
            " 2017 Man dead after shootout with deputies\n\nThe club stays closed.")
    result = analyze_dates(nlp(text), published="2017-01-11", report_id="t")
    assert (result.event_date, result.event_date_basis) == ("2017-01-11", "published")


def test_past_shooting_in_a_future_sentence_stays_past(nlp):
    # "will" plans the charges, not the shooting told in the past tense after it
    text = ("The district attorney says there will be no charges after a 7-year-old girl was "
            "shot in the arm Tuesday night.")
    result = analyze_dates(nlp(text), published="2016-09-07", report_id="t")
    assert result.event_date == "2016-09-06"


def test_planned_day_still_resolves_forward(nlp):
    text = "Grief counselors will be on hand Friday at the school where the boy was shot."
    result = analyze_dates(nlp(text), published="2015-01-21", report_id="t")
    friday = next(m for m in result.mentions if m.text == "Friday")
    assert friday.value == "2015-01-23"




def test_update_stamp_is_page_furniture(nlp):
    text = ("Police responded to a home on Elm Street Saturday.\n\nUPDATE#1 (01/21/2013): The "
            "four victims shot there are in stable condition.")
    result = analyze_dates(nlp(text), published="2013-01-20", report_id="t")
    assert result.event_date == "2013-01-19"


def test_rescheduled_day_is_a_plan(nlp):
    text = "A man was shot in the leg.\n\nThe hearing was rescheduled for Monday."
    result = analyze_dates(nlp(text), published="2016-04-20", report_id="t")
    monday = next(m for m in result.mentions if m.text.endswith("Monday"))
    assert monday.value == "2016-04-25"


@pytest.mark.parametrize(("text", "want"), [
    # the vigil's day is a later gathering
    ("A vigil was held Monday for the teen.\n\nNeighbors reported hearing gunshots Saturday "
     "near the park.", "2016-06-11"),
    # "hearing" shots is no court hearing
    ("Police said the man was arrested Monday.\n\nNeighbors reported hearing gunshots around "
     "2 a.m. Sunday near the park.", "2016-06-12"),
])
def test_vigil_day_is_not_the_incident(nlp, text, want):
    result = analyze_dates(nlp(text), published="2016-06-14", report_id="t")
    assert result.event_date == want


@pytest.mark.parametrize(("stamp", "want_ref"), [
    ("Posted: Wednesday, March 6, 2013 9:10 AM CST Updated: Wednesday, March 20, 2013",
     "2013-03-06"),
    ("Updated: 01/26/2015 04:12 PM", "2015-01-26"),
])
def test_page_stamp_before_the_given_date_is_the_reference(nlp, stamp, want_ref):
    # The given date is a later crawl or re-stamp: "Saturday" was written against the stamp.
    text = f"{stamp}\n\nA man was killed in a shooting early Saturday morning at a house."
    result = analyze_dates(nlp(text), published="2013-03-20" if "2013" in stamp else
                           "2017-01-29", report_id="t")
    assert result.reference_date == want_ref
    want = {"2013-03-06": "2013-03-02", "2015-01-26": "2015-01-24"}[want_ref]
    assert result.event_date == want


def test_page_stamp_after_the_given_date_changes_nothing(nlp):
    text = ("Updated: Monday, July 7, 2014\n\nA man was killed in a shooting early Saturday "
            "morning at a house.")
    result = analyze_dates(nlp(text), published="2013-08-02", report_id="t")
    assert result.reference_date == "2013-08-02"
    assert result.event_date == "2013-07-27"


def test_found_day_loses_to_the_day_shots_were_heard(nlp):
    text = ("A teenager was found shot dead Tuesday morning behind a warehouse.\n\n"
            "Residents told reporters gunshots rang out Monday at about 9 p.m.")
    result = analyze_dates(nlp(text), published="2016-12-20", report_id="t")
    assert result.event_date == "2016-12-19"


def test_found_day_kept_over_the_hour_of_last_contact(nlp):
    # An hour alone is no attack: the last sign of life does not date the killings.
    text = ("Three siblings were found dead in their apartment Sunday night.\n\n"
            "A cousin last spoke with them by phone at 6:40 p.m. Saturday.")
    result = analyze_dates(nlp(text), published="2014-08-05", report_id="t")
    assert result.event_date == "2014-08-03"


def test_days_after_counts_back_from_the_day_before_it(nlp):
    text = ("The library stayed shut Wednesday, two days after a gunman "
            "killed two people near its front desk.")
    result = analyze_dates(nlp(text), published="2013-02-13", report_id="t")
    assert result.event_date == "2013-02-11"


def test_planned_month_day_resolves_to_the_coming_year(nlp):
    # A court date months ahead is next year's, not last year's: it is never the incident.
    text = ("A man was shot outside a bakery on Tuesday.\n\nThe trial of the suspect is set "
            "for March 13.")
    result = analyze_dates(nlp(text), published="2016-09-29", report_id="t")
    march = next(m for m in result.mentions if m.text.startswith("March"))
    assert march.value == "2017-03-13"
    assert result.event_date == "2016-09-27"


def test_a_follow_up_dates_its_incident_months_back(nlp):
    # A charge story naming no day but the shooting's, months before: that day, not the
    # publication day. A date naming a group ("12 March" Front) is no such day.
    charged = ("A mother now faces a negligence charge after her toddler fired her pistol.\n\n"
               "On February 2nd, the woman was watching television when a bullet hit her knee.")
    result = analyze_dates(nlp(charged), published="2015-04-23", report_id="t")
    assert result.event_date == "2015-02-02"
    group = ('A rebel band calling itself the "12 March" Front said it bombed a power line.')
    result = analyze_dates(nlp(group), published="1989-07-20", report_id="t")
    assert result.event_date == "1989-07-20"
    # the day a source reported, months back, is no incident's day either
    cited = "PARIS AFP IN ENGLISH AT 1200 GMT ON 2 FEBRUARY REPORTS THAT REBELS BURNED A BUS."
    result = analyze_dates(nlp(cited), published="1989-04-23", report_id="t")
    assert result.event_date == "1989-04-23"


@pytest.mark.parametrize(("text", "published", "want"), [
    # a later step told with its hour ("identified Monday evening") is still a later step
    ("The woman wounded outside the market was identified Monday evening by police.\n\n"
     "Officers were called to the shooting at 9 p.m. Sunday.", "2016-04-19", "2016-04-17"),
    # a victim may die more than three days after the attack
    ("The teenager died Saturday at a hospital.\n\nGunmen fired into his car around 10 p.m. "
     "on May 2 outside a gym.", "2015-05-12", "2015-05-02"),
    # a court step months after the attack: the report's incident is still the attack
    ("According to a federal indictment unsealed Tuesday, three men shot two brothers "
     "outside a gas station on March 4.", "2015-08-05", "2015-03-04"),
])
def test_later_step_or_death_days_after_loses_to_the_attack(nlp, text, published, want):
    result = analyze_dates(nlp(text), published=published, report_id="t")
    assert result.event_date == want


def test_police_release_date_field_dates_the_incident(nlp):
    # "Date:" over "Location:" is the release's incident field, no page stamp.
    text = ("Man wounded near a bus stop\n\nDate: Friday, June 9, 2017, 9:40 PM\n\n"
            "Location: 100 block of Elm Street\n\nOfficers found a man with a gunshot wound.")
    result = analyze_dates(nlp(text), published="2017-06-11", report_id="t")
    assert result.event_date == "2017-06-09"


def test_a_planned_day_s_sentence_is_not_the_incident_s(nlp):
    # Places and figures of "talks set for March 13 in Caracas" are not the shooting's.
    text = ("Three people were shot at a bar on Saturday.\n\nA memorial for the victims is "
            "set for March 13 at Lincoln Park.")
    doc = nlp(text)
    result = analyze_dates(doc, published="2016-03-07", report_id="t")
    assert _sentence(doc, "A memorial").start_char in result.past_sentences
    assert _sentence(doc, "Three people").start_char not in result.past_sentences


def test_a_month_named_alone_dates_an_older_incident(nlp):
    text = ("A fired worker shot three people at an office on Monday, police said. "
            "In early March, a gunman wounded two people at a print shop before killing "
            "himself. The trial of the office gunman is set to begin in June.")
    doc = nlp(text)
    result = analyze_dates(doc, published="2007-04-10", report_id="t")
    assert result.event_date == "2007-04-09"
    assert _sentence(doc, "In early March").start_char in result.past_sentences
    assert _sentence(doc, "trial").start_char not in result.past_sentences
