"""An agency's archive starts before ITA 2566: a past year's catalogue made by a command,
marked provisional for staff only, and a past fiscal year started from an empty tree."""

from __future__ import annotations

import shutil
from pathlib import Path

from prongsai import load_site
from prongsai.audit import audit_site

from .conftest import REPO, build, make_project
from .test_scaffold import run


def _empty_agency(tmp_path: Path) -> Path:
    """A new agency's repository: its organization.yml, the shipped catalogues, no year yet."""
    project = make_project(tmp_path / "p")
    shutil.rmtree(project / "data/years")
    shutil.rmtree(project / "data/catalog")
    shutil.copytree(REPO / "data/catalog", project / "data/catalog")
    (project / "data/years").mkdir()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "extra:\n  prongsai:\n    staff_guide: staff\n", "utf-8")
    return project


def test_new_year_for_a_past_year_without_its_catalogue_says_which_command_makes_it(tmp_path: Path) -> None:
    project = _empty_agency(tmp_path)
    code, _, err = run("new-year", "2565", "--data", str(project / "data"))
    assert code == 1
    assert "None" not in err
    assert "ยังไม่มีรายการ OIT ของปี ITA 2565" in err and "new-catalog 2565" in err
    assert not (project / "data/years/2565").exists()


def test_a_past_year_is_published_from_an_empty_tree_with_a_provisional_catalogue(tmp_path: Path) -> None:
    project = _empty_agency(tmp_path)
    data = str(project / "data")
    code, out, err = run("new-catalog", "2565", "--data", data)
    assert code == 0, err
    assert "คัดลอกจาก ITA 2566" in out  # the nearest known year
    code, out, err = run("new-year", "2565", "--data", data)
    assert code == 0, err
    assert "ปีแรกของข้อมูล" in out
    code, _, err = run(
        "new-measure", "--year", "2565", "--group", "1", "--title", "มาตรการเผยแพร่คู่มือการให้บริการ", "--data", data
    )
    assert code == 0, err
    # the editor writes the texts the command left to fill in (validate refuses them until then)
    measures = project / "data" / "years" / "2565" / "measures" / "m01.yml"  # one file per measure
    measures.write_text(
        measures.read_text("utf-8")
        .replace("ขั้นตอนที่ 1 (แก้ข้อความนี้)", "จัดทำคู่มือฉบับประชาชน")
        .replace("เป้าหมายของมาตรการ (แก้ข้อความนี้)", "ประชาชนเข้าถึงคู่มือทุกงานบริการ"),
        "utf-8",
    )

    site = load_site(project / "data", project / "docs")
    catalog = site.catalogs[2565].data
    assert catalog.provisional is not None and catalog.provisional.made_from == 2566
    assert catalog.provisional.confidence == "I"
    assert site.years[2565].ita_year == 2565
    assert site.catalogs[2566].data.provisional is None  # the shipped one is untouched

    code, out, _ = run("status", "--year", "2565", "--data", data)
    assert "รายการ OIT ของปี ITA 2565 เป็นฉบับชั่วคราว (คัดลอกจาก ITA 2566)" in out

    site_dir = build(project)
    assert [str(m) for m in audit_site(site, site_dir)] == []
    staff = (site_dir / "staff/catalogs/index.html").read_text("utf-8")
    assert "ฉบับชั่วคราว" in staff and "คัดลอกจาก ITA ๒๕๖๖" in staff.replace("2566", "๒๕๖๖")
    # the ITA 2565 measures item (O42, as 2566's) shows the fiscal year's document
    assert "(๑ มาตรการ)" in (site_dir / "oit/2565/o42/index.html").read_text("utf-8")
    assert "มาตรการเผยแพร่คู่มือการให้บริการ" in (site_dir / "2565/measures/m01/index.html").read_text("utf-8")
    # citizens never see that a catalogue is provisional, nor its confidence tags
    for page in site_dir.rglob("*.html"):
        if "staff" in page.relative_to(site_dir).parts:
            continue
        text = page.read_text("utf-8")
        for word in ("ชั่วคราว", "provisional", "ความเชื่อมั่น"):
            assert word not in text, (page, word)


def test_new_catalog_refuses_a_year_that_has_one(tmp_path: Path) -> None:
    project = _empty_agency(tmp_path)
    code, _, err = run("new-catalog", "2568", "--data", str(project / "data"))
    assert code == 1
    assert "มีรายการ OIT ของปี ITA 2568 อยู่แล้ว" in err


def test_a_year_before_the_archive_takes_the_nearest_years_units_and_no_measures(tmp_path: Path) -> None:
    project = tmp_path / "town"
    shutil.copytree(REPO / "data", project / "data")
    data = str(project / "data")
    assert run("new-catalog", "2565", "--data", data)[0] == 0
    code, out, err = run("new-year", "2565", "--data", data)
    assert code == 0, err
    assert "ยกข้อมูลจากปี 2566" in out and "ไม่ได้ยกมาตรการมา" in out
    site = load_site(project / "data")
    assert [u.id for u in site.years[2565].info.units] == [u.id for u in site.years[2566].info.units]
    assert site.years[2565].measures == ()
