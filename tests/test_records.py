"""What the records say about themselves, read alike by pages, completeness, audit and search.

A round's title, a group's noun and title, the fiscal year an OIT item asks for, which
measures a round reports: each is decided once, on the record, and every page that shows
it prints the same words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from prongsai import load_site
from prongsai.completeness import assess
from prongsai.site import Site

from .conftest import FIXTURES, build, write


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(FIXTURES / "mini/data", FIXTURES / "mini/docs")


def test_a_round_without_a_title_is_named_by_its_kind_in_the_sites_numerals(site: Site) -> None:
    r6 = site.years[2568].rounds[0]
    assert r6.title is None
    assert r6.title_in("thai") == "รอบ ๖ เดือน" and r6.title_in("arabic") == "รอบ 6 เดือน"
    own = r6.model_copy(update={"title": "รายงานครึ่งปีแรก 2568"})
    assert own.title_in("thai") == "รายงานครึ่งปีแรก 2568"  # the agency's own title, digits as written


def test_a_group_is_called_by_its_years_noun(site: Site) -> None:
    issues, indicators = site.years[2568].taxonomy, site.years[2567].taxonomy
    assert (issues.noun, indicators.noun) == ("ประเด็น", "ตัวชี้วัด")
    key = issues.groups[0].key
    assert issues.group_title(key, "thai") == f"ประเด็นที่ {'๑' if key == '1' else key} {issues.groups[0].title}"


def test_the_fiscal_year_an_item_asks_for_is_the_records_and_the_verdicts(site: Site) -> None:
    catalog = site.catalogs[2568]
    o1, o27, o28 = (catalog.item(code) for code in ("O1", "O27", "O28"))
    assert o1 and o27 and o28
    assert (o1.required_year(2568), o27.required_year(2568), o28.required_year(2568)) == (None, 2568, 2567)
    assert assess(site, catalog, o28).required_year == o28.required_year(2568) == 2567


def test_which_measures_a_round_reports(site: Site) -> None:
    fy = site.years[2568]
    r6 = fy.rounds[0]
    reported = [m.id for m in fy.reported_in(r6)]
    assert reported == [e.measure for e in r6.entries]
    assert {m.id for m in fy.unreported_in(r6)} == {m.id for m in fy.measures} - set(reported)
    assert fy.progress_by_round(reported[0]) == {"r6": r6.entries[0]}


def test_the_pages_print_the_records_words(mini: Path) -> None:
    write(mini, "data/years/2568/rounds/r6.yml", (mini / "data/years/2568/rounds/r6.yml").read_text("utf-8").replace("kind: six_month", "kind: six_month\ntitle: รายงานครึ่งปีแรก 2568", 1))
    site_dir = build(mini)
    for page in ("2568/report/index.html", "2568/measures/m01/index.html", "2568/print/report/index.html"):
        assert "รายงานครึ่งปีแรก 2568" in (site_dir / page).read_text("utf-8"), page
    year = (site_dir / "2568/index.html").read_text("utf-8")
    assert '<th scope="col">ประเด็น</th>' in year
    o28 = (site_dir / "oit/2568/o28/index.html").read_text("utf-8")
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๗" in o28
