"""Dates in news text resolved against the article's publication date.

"on Friday" -> the Friday before or on publication (news reports the past unless the verb is future),
"from Wednesday to Saturday" -> an interval, "later this month" -> the rest of the month,
"Sept 26-28" -> an interval in the publication year. Results are ISO strings: "2015-09-25" or
"2015-09-09/2015-09-12".
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

import dateparser

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
_RANGE_DAYS = re.compile(r"\b(?P<m>[A-Za-z]{3,9})\.?\s+(?P<a>\d{1,2})\s*(?:-|–|to)\s*(?P<b>\d{1,2})\b")
_WEEKDAY_RANGE = re.compile(r"\bfrom\s+(?P<a>[A-Za-z]+day)\s+(?:to|until|through)\s+(?P<b>[A-Za-z]+day)\b", re.I)


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: date | None, *, future: bool = False) -> str | None:
    """An ISO date or interval for a date expression, or None when it cannot be pinned down.

    Cached: dateparser is slow, and a story names the same dates again and again."""
    t = text.strip().lower().removeprefix("the ")
    if published is None:
        return _absolute(t, None)
    if m := _WEEKDAY_RANGE.search(t):
        a, b = _weekday(m["a"], published, future), _weekday(m["b"], published, future)
        if a and b and a <= b:
            return f"{a.isoformat()}/{b.isoformat()}"
    if m := _RANGE_DAYS.search(text):
        month = MONTHS.get(m["m"].lower())
        if month:
            try:
                a = date(published.year, month, int(m["a"]))
                b = date(published.year, month, int(m["b"]))
                return f"{a.isoformat()}/{b.isoformat()}"
            except ValueError:
                return None
    words = t.split()
    for w in words:
        if w in WEEKDAYS:
            direction_future = future or "next" in words or "coming" in words
            if "last" in words:
                direction_future = False
            d = _weekday(w, published, direction_future)
            if d == published and "last" in words:
                d -= timedelta(days=7)  # "last Friday" in Friday's paper
            return d.isoformat() if d else None
    if t in ("today", "this morning", "this afternoon", "tonight"):
        return published.isoformat()
    if t == "yesterday":
        return (published - timedelta(days=1)).isoformat()
    if t == "tomorrow":
        return (published + timedelta(days=1)).isoformat()
    if t in ("last week", "the previous week"):
        start = published - timedelta(days=published.weekday() + 7)
        return f"{start.isoformat()}/{(start + timedelta(days=6)).isoformat()}"
    if t in ("next week", "the following week", "the coming week"):
        start = published + timedelta(days=7 - published.weekday())
        return f"{start.isoformat()}/{(start + timedelta(days=6)).isoformat()}"
    if t in ("last month", "the previous month"):
        end = published.replace(day=1) - timedelta(days=1)
        return f"{end.replace(day=1).isoformat()}/{end.isoformat()}"
    if t in ("this week",):
        start = published - timedelta(days=published.weekday())
        return f"{start.isoformat()}/{(start + timedelta(days=6)).isoformat()}"
    if t in ("earlier this month", "early this month") and published.day > 1:
        return f"{published.replace(day=1).isoformat()}/{(published - timedelta(days=1)).isoformat()}"
    if (weekend := _weekend(t, published, future)) is not None:
        return weekend
    if m := _DAYS_AGO.fullmatch(t):
        n = int(m["n"]) if m["n"].isdigit() else _SMALL_NUMBERS[m["n"]]
        return (published - timedelta(days=n)).isoformat()
    if m := _NTH_DAY.fullmatch(t.removeprefix("on ").removeprefix("the ")):
        return _day_of_month(int(m["d"]), published, future)
    if (years := _year_words(t, published)) is not None:
        return years
    if t in ("later this month", "this month", "late this month", "at the end of the month"):
        last = calendar.monthrange(published.year, published.month)[1]
        first = published if "later" in t or "late" in t else published.replace(day=1)
        return f"{first.isoformat()}/{published.replace(day=last).isoformat()}"
    if t in ("next month",):
        y, m2 = (published.year + (published.month == 12), published.month % 12 + 1)
        return f"{date(y, m2, 1).isoformat()}/{date(y, m2, calendar.monthrange(y, m2)[1]).isoformat()}"
    if (month := MONTHS.get(t.removeprefix("in ").removeprefix("early ").removeprefix("late ").strip("."))) and len(t) > 3:
        # "in December" in a March story is last December; a planned meeting's is the next one.
        year = published.year + (1 if future and month < published.month else 0) - (
            1 if not future and month > published.month else 0)
        return _whole_month(year, month)
    return _absolute(t, published)


_DAYS_AGO = re.compile(r"(?P<n>a|one|two|three|four|five|six|\d{1,2}) days? ago")
_NTH_DAY = re.compile(r"(?P<d>\d{1,2})(st|nd|rd|th)")
_SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _weekend(t: str, published: date, future: bool) -> str | None:
    """'over the weekend', 'last weekend' -> the Saturday and Sunday before publication (the one it falls
    in, if it does); 'this weekend' in a plan, 'next weekend' -> the coming one."""
    t = t.removeprefix("over ").removeprefix("at ").removeprefix("during ").removeprefix("the ")
    if t not in ("weekend", "last weekend", "this weekend", "next weekend", "past weekend"):
        return None
    if t == "next weekend" or future and t != "last weekend" and t != "past weekend":
        saturday = published + timedelta(days=(5 - published.weekday()) % 7 or 7)
    else:
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}"


def _day_of_month(day: int, published: date, future: bool) -> str | None:
    """'on the 12th': that day of the publication month, or of the month before when it is still to come
    (of the next month, for a plan, when it has passed)."""
    year, month = published.year, published.month
    if not future and day > published.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    elif future and day < published.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_words(t: str, published: date) -> str | None:
    """'last year', 'late last year', 'earlier this year', 'next year': a year, or its part the words give."""
    words = t.split()
    if "year" not in words or len(words) > 4:
        return None
    year = published.year - ("last" in words or "previous" in words) + ("next" in words)
    first, last = date(year, 1, 1), date(year, 12, 31)
    if "late" in words or "end" in words:
        first = date(year, 9, 1)
    elif "early" in words:
        last = date(year, 4, 30)
    if "earlier" in words and year == published.year:
        last = published - timedelta(days=1)
    elif "later" in words and year == published.year:
        first = published
    if first > last or words[-1] != "year":
        return None
    return f"{first.isoformat()}/{last.isoformat()}"


def _weekday(name: str, published: date, future: bool) -> date | None:
    wd = WEEKDAYS.get(name.lower())
    if wd is None:
        return None
    if future:
        delta = (wd - published.weekday()) % 7 or 7
        return published + timedelta(days=delta)
    # Wire style names the day even for the day of publication: "met on Friday" in Friday's paper is today.
    delta = (published.weekday() - wd) % 7
    return published - timedelta(days=delta)


def find_interval(text: str, published: date | None, *, future: bool = False) -> str | None:
    """An interval written across a sentence ("from Wednesday to Saturday"), which NER splits."""
    m = _WEEKDAY_RANGE.search(text)
    return resolve_date(m.group(), published, future=future) if m and published else None


def _absolute(text: str, published: date | None) -> str | None:
    """'September 28th', 'Sept 14, 2015', '2015-09-14' (a year-less date takes the publication year)."""
    if published is None and not re.search(r"\b\d{4}\b", text):
        return None  # without a publication date a year-less date cannot be placed
    if re.fullmatch(r"(in )?(19|20)\d{2}", text):
        year = int(text.split()[-1])  # "in 1973": a year is as precise as the text is
        return f"{date(year, 1, 1).isoformat()}/{date(year, 12, 31).isoformat()}"
    if not re.search(r"\d", text) or not any(m in text for m in MONTHS if len(m) > 2) and not re.search(r"\d{4}-\d", text):
        return None
    if not re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", text)):
        return _month_year(text)  # "October 2022"
    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]}
    if published:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed:
        return parsed.date().isoformat()
    return _month_day(cleaned, published) or _month_year(cleaned)


_MONTH_DAY = re.compile(r"\b(?P<m>[a-z]{3,9})\.? (?P<d>\d{1,2})\b(?:,? (?P<y>\d{4})\b)?|\b(?P<d2>\d{1,2}) (?P<m2>[a-z]{3,9})\b(?: (?P<y2>\d{4})\b)?")
_MONTH_YEAR = re.compile(r"\b(?P<m>[a-z]{3,9})\.?,? (?P<y>\d{4})\b")


def _month_day(text: str, published: date | None) -> str | None:
    """'june 19, juche 113 (2024)': the month and day in an expression dateparser cannot read whole."""
    for m in _MONTH_DAY.finditer(text.lower()):
        month = MONTHS.get(m["m"] or m["m2"])
        year = m["y"] or m["y2"] or (re.search(r"\b(19|20)\d{2}\b", text) or [None])[0]
        year = int(year) if year else (published.year if published else None)
        if month and year:
            try:
                return date(year, month, int(m["d"] or m["d2"])).isoformat()
            except ValueError:
                return None
    return None


def _month_year(text: str) -> str | None:
    """'october 2022': a month is as precise as the text is."""
    m = _MONTH_YEAR.search(text.lower())
    month = MONTHS.get(m["m"]) if m else None
    return _whole_month(int(m["y"]), month) if m and month else None


def _whole_month(year: int, month: int) -> str:
    """A month as the interval of its days: 'October 2022' -> '2022-10-01/2022-10-31'."""
    return f"{date(year, month, 1).isoformat()}/{date(year, month, calendar.monthrange(year, month)[1]).isoformat()}"


#: "a day earlier", "two days later", "the day before", "the next day": a day counted from the one the story
#: told last (not "a day after the summit", which counts from an event).
_RELATIVE_DAY = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|\d) days? (?P<dir>earlier|later)|the (?P<prev>day before|previous day)"
    r"|the (?P<next>next day|following day|day after))\b(?!\s+(?:the|a|an|his|her|their|its)\b)", re.I)
_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def shifted_day(text: str, told: str | None) -> str | None:
    """The day 'a day earlier' or 'the next day' in `text` means, counted from `told` (an ISO day)."""
    if told is None or len(told) != 10 or (m := _RELATIVE_DAY.search(text)) is None:
        return None
    if m["n"]:
        n = _COUNT_WORDS.get(m["n"].lower()) or int(m["n"])
        step = -n if m["dir"].lower() == "earlier" else n
    else:
        step = -1 if m["prev"] else 1
    return (date.fromisoformat(told) + timedelta(days=step)).isoformat()
