"""Thai formatting and parsing: Buddhist-era dates, Thai digits, fiscal years.

Hand-written rather than taken from Babel or PyThaiNLP on purpose: Babel prints
Gregorian years for ``th``, and what we need (twelve month names, a digit table,
the October-to-September fiscal year) is smaller than any dependency.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

BE_OFFSET = 543
Numerals = Literal["thai", "arabic"]

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
_MONTH_LOOKUP = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_LOOKUP.update({name: i + 1 for i, name in enumerate(MONTHS_ABBR)})
_MONTH_LOOKUP.update({name.replace(".", ""): i + 1 for i, name in enumerate(MONTHS_ABBR)})


# str.translate is fast on ASCII text only: on Thai text it looks every character up in the
# table (about 100 times slower than a regex scan), and it runs on every text of the data
# (validation, privacy scan) and of the pages. So non-ASCII text is scanned for runs of
# digits and only those are translated. Same result either way.
_THAI_DIGITS = re.compile(f"[{THAI_DIGITS}]+")
_ASCII_DIGITS = re.compile("[0-9]+")


def _arabic(m: re.Match[str]) -> str:
    return m[0].translate(_TO_ARABIC)


def _thai(m: re.Match[str]) -> str:
    return m[0].translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits (๐-๙) by Arabic digits."""
    return text if text.isascii() else _THAI_DIGITS.sub(_arabic, text)


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits by Thai digits."""
    return text.translate(_TO_THAI) if text.isascii() else _ASCII_DIGITS.sub(_thai, text)


def digits(text: object, numerals: Numerals) -> str:
    """Render ``text`` with the numerals the site is set to."""
    s = str(text)
    return to_thai_digits(s) if numerals == "thai" else to_arabic_digits(s)


def be_year(year_ce: int) -> int:
    return year_ce + BE_OFFSET


def normalise_year(value: int) -> int:
    """Return a Buddhist-era year from a BE or CE year (editors type both)."""
    if value < 2400:
        return value + BE_OFFSET
    return value


# --- parsing dates as editors type them -------------------------------------------

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_SLASH = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_TEXT = re.compile(r"^\s*(\d{1,2})\s*([^\d\s]+)\s*(?:พ\.ศ\.\s*)?(\d{4})\s*$")


class DateParseError(ValueError):
    """A date an editor typed that we cannot read."""


def parse_date(text: str) -> dt.date:
    """Parse a date typed by an editor; return a Gregorian ``date``.

    Accepted (Thai or Arabic digits, year BE or CE): ``2568-03-31``, ``2025-03-31``,
    ``31/3/2568``, ``31 มีนาคม 2568``, ``31 มี.ค. 2568``. A year of 2400 or more is
    Buddhist era.
    """
    s = to_arabic_digits(text).strip()
    m = _ISO.match(s)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        m = _SLASH.match(s)
        if m:
            day, month, year = int(m[1]), int(m[2]), int(m[3])
        else:
            m = _TEXT.match(s)
            if not m or m[2] not in _MONTH_LOOKUP:
                raise DateParseError(text)
            day, month, year = int(m[1]), _MONTH_LOOKUP[m[2]], int(m[3])
    if year >= 2400:
        year -= BE_OFFSET
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateParseError(text) from exc


def format_date(value: dt.date, numerals: Numerals, *, short: bool = False) -> str:
    """``31 มีนาคม 2568`` (or ``๓๑ มี.ค. ๒๕๖๘`` with ``short`` and Thai numerals)."""
    month = (MONTHS_ABBR if short else MONTHS)[value.month - 1]
    return digits(f"{value.day} {month} {be_year(value.year)}", numerals)


def format_month(value: dt.date, numerals: Numerals) -> str:
    return digits(f"{MONTHS[value.month - 1]} {be_year(value.year)}", numerals)


def format_number(value: float | int, numerals: Numerals, *, decimals: int | None = None) -> str:
    """A score or count: ``90.65``, ``100.00`` with ``decimals=2``, Thai digits by setting."""
    if decimals is not None:
        text = f"{value:,.{decimals}f}"
    elif isinstance(value, float) and not value.is_integer():
        text = f"{value:,}"
    else:
        text = f"{int(value):,}"
    return digits(text, numerals)


# --- fiscal years -------------------------------------------------------------------


@dataclass(frozen=True)
class FiscalYearSpan:
    """A Thai fiscal year: 1 October of the previous year to 30 September."""

    year: int  # Buddhist era

    @property
    def start(self) -> dt.date:
        return dt.date(self.year - BE_OFFSET - 1, 10, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year - BE_OFFSET, 9, 30)

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def fiscal_year_of(day: dt.date) -> int:
    """The Buddhist-era fiscal year a day falls in."""
    return be_year(day.year + 1 if day.month >= 10 else day.year)


def format_period(start: dt.date | None, end: dt.date | None, numerals: Numerals) -> str:
    """``1 ตุลาคม 2567 – 31 มีนาคม 2568``; open ends read ``ตั้งแต่`` / ``ถึง``."""
    if start and end:
        return f"{format_date(start, numerals)} – {format_date(end, numerals)}"
    if start:
        return f"ตั้งแต่ {format_date(start, numerals)}"
    if end:
        return f"ถึง {format_date(end, numerals)}"
    return ""
