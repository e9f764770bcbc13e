import datetime as dt

import pytest

from prongsai import thai


@pytest.mark.parametrize(
    "typed",
    ["2568-03-31", "2025-03-31", "๒๕๖๘-๐๓-๓๑", "31/3/2568", "31 มีนาคม 2568", "31 มี.ค. 2568", "๓๑ มี.ค. ๒๕๖๘", "31 มีนาคม พ.ศ. 2568"],
)
def test_dates_typed_by_editors_all_mean_the_same_day(typed: str) -> None:
    assert thai.parse_date(typed) == dt.date(2025, 3, 31)


@pytest.mark.parametrize("typed", ["2568-02-30", "31 Marchh 2568", "2568/03/31", "", "เมื่อวาน"])
def test_unreadable_dates_are_refused(typed: str) -> None:
    with pytest.raises(thai.DateParseError):
        thai.parse_date(typed)


def test_dates_print_in_the_buddhist_era_with_the_chosen_numerals() -> None:
    day = dt.date(2025, 3, 31)
    assert thai.format_date(day, "thai") == "๓๑ มีนาคม ๒๕๖๘"
    assert thai.format_date(day, "arabic") == "31 มีนาคม 2568"
    assert thai.format_date(day, "thai", short=True) == "๓๑ มี.ค. ๒๕๖๘"


def test_fiscal_year_runs_october_to_september() -> None:
    span = thai.FiscalYearSpan(2568)
    assert span.start == dt.date(2024, 10, 1)
    assert span.end == dt.date(2025, 9, 30)
    assert dt.date(2024, 9, 30) not in span
    assert dt.date(2024, 10, 1) in span
    assert thai.fiscal_year_of(dt.date(2024, 10, 1)) == 2568
    assert thai.fiscal_year_of(dt.date(2025, 9, 30)) == 2568
    assert thai.fiscal_year_of(dt.date(2025, 10, 1)) == 2569


def test_numbers_and_digits() -> None:
    assert thai.format_number(90.65, "thai", decimals=2) == "๙๐.๖๕"
    assert thai.format_number(100, "arabic", decimals=2) == "100.00"
    assert thai.format_number(1234, "thai") == "๑,๒๓๔"
    assert thai.to_arabic_digits("O๒๗") == "O27"
    assert thai.normalise_year(2025) == 2568
    assert thai.normalise_year(2568) == 2568


def test_periods_read_naturally() -> None:
    a, b = dt.date(2024, 10, 1), dt.date(2025, 3, 31)
    assert thai.format_period(a, b, "arabic") == "1 ตุลาคม 2567 – 31 มีนาคม 2568"
    assert thai.format_period(a, None, "arabic") == "ตั้งแต่ 1 ตุลาคม 2567"
