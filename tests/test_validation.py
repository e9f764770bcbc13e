"""Editors' mistakes give one Thai line each: file, line, field, what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from prongsai.types import score_value
from prongsai import DataError, load_site

from .conftest import write


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as exc:
        load_site(project / "data", project / "docs")
    return [str(p) for p in exc.value.problems]


def replace(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


M = "data/years/2568/measures.yml"
R = "data/years/2568/rounds/r6.yml"


def test_the_fixture_is_valid(mini: Path) -> None:
    site = load_site(mini / "data", mini / "docs")
    fy = site.years[2568]
    assert fy.year == 2568  # typed in Thai digits
    assert fy.assessment and fy.assessment.assessment.score == "๙๐.๖๕"  # kept as the document wrote it
    assert score_value(fy.assessment.assessment.score) == 90.65
    assert fy.rounds[0].entries[0].percent == 60  # ๖๐
    assert fy.rounds[0].entries[0].status == "in_progress"  # typed as its Thai label
    assert fy.measures[0].oit_items == ["O27"]  # typed o27
    assert site.organization.type == "thesaban_tambon"  # typed ทต.


def test_unknown_field_suggests_the_right_one(mini: Path) -> None:
    replace(mini, M, "    approach:", "    aproach:")
    [msg] = problems(mini)
    assert msg.startswith(f"{M}:8: measures[0].aproach: ไม่รู้จักหัวข้อ 'aproach' ให้ตรวจการสะกดหรือลบออก หรือคุณหมายถึง 'approach'?")
    assert msg.endswith("(unknown field)")


def test_missing_required_field(mini: Path) -> None:
    replace(mini, M, "    title: ปรับปรุงระบบ E-Service\n", "")
    assert problems(mini) == [
        f"{M}:19: measures[1].title: ขาดหัวข้อ 'title' ซึ่งต้องมี ให้เพิ่มบรรทัด title: ตามด้วยค่า (required field missing)"
    ]


def test_status_not_in_the_list(mini: Path) -> None:
    replace(mini, R, "status: อยู่ระหว่างดำเนินการ", "status: doing")
    [msg] = problems(mini)
    # the Thai labels the editor guide teaches come first, each with its code
    assert msg == (
        f"{R}:7: entries[0].status: สถานะ 'doing' ใช้ไม่ได้ ให้ใช้หนึ่งใน: ยังไม่ดำเนินการ (not_started), "
        "อยู่ระหว่างดำเนินการ (in_progress), ดำเนินการแล้วเสร็จ (completed), ดำเนินการต่อเนื่อง (ongoing), "
        "ล่าช้ากว่าแผน (delayed), ยกเลิก (cancelled) (value not in the allowed list)"
    )


@pytest.mark.parametrize(
    ("rel", "old", "new", "quoted"),
    [
        (R, "percent: ๖๐", "percent: 1๕๐", "แต่พบ 1๕๐ "),  # read as 150
        (R, "percent: ๖๐", 'percent: "+๑๒๐ %"', "แต่พบ +๑๒๐ % "),
        (R, "status: อยู่ระหว่างดำเนินการ", "status: ' กำลังทำ '", "สถานะ 'กำลังทำ' "),
        (R, "  - measure: m01", "  - measure: M๐1", "รหัส 'M๐1' "),
        (M, "oit_items: [o27]", "oit_items: [o๔๒]", "ไม่มีข้อ o๔๒ "),  # read as O42
        ("data/years/2568/year.yml", "fiscal_year: ๒๕๖๘", "fiscal_year: 25๖๙", "ปีงบประมาณในไฟล์ (25๖๙) "),
    ],
)
def test_a_quoted_value_is_quoted_as_the_editor_typed_it(mini: Path, rel: str, old: str, new: str, quoted: str) -> None:
    replace(mini, rel, old, new)
    [msg] = problems(mini)
    assert quoted in msg, msg


def test_percent_out_of_range(mini: Path) -> None:
    replace(mini, R, "percent: ๖๐", "percent: 120")
    assert problems(mini) == [
        f"{R}:8: entries[0].percent: ร้อยละความก้าวหน้าต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ 120 (percent out of range 0-100)"
    ]


def test_progress_for_an_unknown_measure(mini: Path) -> None:
    replace(mini, R, "measure: m01", "measure: m09")
    assert problems(mini) == [
        f"{R}:6: entries[0].measure: ไม่มีมาตรการรหัส 'm09' ใน measures.yml ของปี 2568 รหัสที่มี: m01, m02 (unknown measure id)"
    ]


def test_oit_code_not_in_that_years_catalogue(mini: Path) -> None:
    replace(mini, M, "oit_items: [o27]", "oit_items: [O42]")
    assert problems(mini) == [
        f"{M}:16: measures[0].oit_items[0]: ไม่มีข้อ O42 ในรายการ OIT ของปี ITA 2568 (มีข้อ O1 ถึง O28) ให้ตรวจรหัสข้อ "
        "(OIT code not in this year's catalogue)"
    ]


def test_group_not_in_the_taxonomy(mini: Path) -> None:
    replace(mini, M, "    group: 2\n", "    group: 8\n")
    assert problems(mini) == [
        f"{M}:20: measures[1].group: ไม่มีประเด็นที่ 8 ในการจัดกลุ่มแบบ ๗ ประเด็น ของปีนี้ ให้ใช้หนึ่งใน: 1, 2 "
        "(group key not in this year's taxonomy)"
    ]


def test_period_outside_the_fiscal_year(mini: Path) -> None:
    replace(mini, M, "end: 2568-09-30", "end: 2568-10-31")
    assert problems(mini) == [
        f"{M}:12: measures[0].period.end: ระยะเวลาดำเนินการ '2568-10-31' (31 ตุลาคม 2568) อยู่นอกปีงบประมาณ 2568 "
        "(1 ตุลาคม 2567 ถึง 30 กันยายน 2568) ให้ตรวจปีของวันที่ (date outside the fiscal year)"
    ]


def test_round_outside_the_fiscal_year(mini: Path) -> None:
    replace(mini, R, "start: 2567-10-01", "start: 2567-09-01")
    [msg] = problems(mini)
    assert msg.startswith(f"{R}:3: period.start: ช่วงเวลาของรอบรายงาน '2567-09-01' (1 กันยายน 2567) อยู่นอกปีงบประมาณ 2568")


def test_duplicate_measure_ids(mini: Path) -> None:
    replace(mini, M, "  - id: m02", "  - id: m01")
    assert problems(mini) == [
        f"{M}:19: measures[1].id: รหัสมาตรการ 'm01' ซ้ำกับรายการที่บรรทัด 2 ให้ใช้ค่าที่ไม่ซ้ำ (duplicate)"
    ]


def test_duplicate_round_ids_across_files(mini: Path) -> None:
    write(mini, "data/years/2568/rounds/r12.yml", (mini / R).read_text("utf-8"))
    msgs = problems(mini)
    assert any("รหัสรอบ 'r6' ซ้ำกับไฟล์" in m for m in msgs), msgs


def test_unknown_unit(mini: Path) -> None:
    replace(mini, M, "responsible: [finance]", "responsible: [works]")
    [msg] = problems(mini)
    assert msg.startswith(f"{M}:23: measures[1].responsible[0]: ไม่มีหน่วยงานรหัส 'works' ใน units ของ year.yml")


def test_a_date_in_the_wrong_shape(mini: Path) -> None:
    replace(mini, R, "as_of: 31 มีนาคม 2568", "as_of: มีนาคม 68")
    [msg] = problems(mini)
    assert msg.startswith(f"{R}:4: as_of: อ่านวันที่ 'มีนาคม 68' ไม่ได้ ให้เขียนแบบ 2568-03-31")


def test_sexagesimal_is_not_a_number(mini: Path) -> None:
    replace(mini, R, "percent: ๖๐", "percent: 1:30")
    [msg] = problems(mini)
    assert "ต้องเป็นตัวเลข" in msg and "'1:30'" in msg


def test_a_yaml_file_in_an_unknown_place_is_not_silently_ignored(mini: Path) -> None:
    write(mini, "data/years/2568/measure.yml", "measures: []\n")
    [msg] = problems(mini)
    assert msg.startswith("data/years/2568/measure.yml: ระบบไม่รู้จักไฟล์นี้ จึงจะไม่ถูกนำไปแสดง")


def test_missing_evidence_file(mini: Path) -> None:
    (mini / "docs/files/guide.pdf").unlink()
    assert problems(mini) == [
        f"{R}:11: entries[0].evidence[0].file: ไม่พบไฟล์ docs/files/guide.pdf ให้อัปโหลดไฟล์ไว้ที่ตำแหน่งนี้ "
        "หรือแก้ชื่อไฟล์ให้ตรง (evidence file not found)"
    ]


def test_all_problems_are_reported_at_once(mini: Path) -> None:
    replace(mini, R, "percent: ๖๐", "percent: 120")
    replace(mini, M, "responsible: [finance]", "responsible: [works]")
    write(mini, "data/years/2567/year.yml", "fiscal_year: 2567\ngrouping: indicators\nunits: []\n")
    assert len(problems(mini)) == 3


def test_year_folder_must_match_the_file(mini: Path) -> None:
    replace(mini, "data/years/2567/year.yml", "fiscal_year: 2567", "fiscal_year: 2566")
    [msg] = problems(mini)
    assert msg.startswith("data/years/2567/year.yml:1: fiscal_year: ปีงบประมาณในไฟล์ (2566) ไม่ตรงกับชื่อโฟลเดอร์ (2567)")


def test_gregorian_years_are_converted(mini: Path) -> None:
    replace(mini, "data/years/2567/year.yml", "fiscal_year: 2567", "fiscal_year: 2024")
    site = load_site(mini / "data", mini / "docs")
    assert 2567 in site.years
