"""import-docx: Word documents laid out as agencies lay them out become YAML that validates and builds.

The documents are made in the tests (tests/docx_fixture.py) from our own records, so the
round trip records -> .docx -> import -> records can be compared record for record.
"""

from __future__ import annotations

import re

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from prongsai.cli import main
from prongsai.docximport.numbering import format_number
from prongsai.docximport.reader import read_docx
from prongsai.docximport.values import column_field
from prongsai.load import load_site
from prongsai.site import FiscalYear
from prongsai.thai import to_arabic_digits

from . import docx_fixture as fx
from .conftest import REPO, build, make_project


def _source(tmp_path: Path, **kw: Any) -> FiscalYear:
    data = fx.write_tree(tmp_path / "src", fx.fixture_year(**kw))
    return load_site(data).years[2568]


def _target(tmp_path: Path, name: str = "dst") -> Path:
    root = tmp_path / name
    fx.empty_tree(root)
    shutil.copytree(REPO / "schema", root / "schema")
    return root


def _run(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    code = main(["import-docx", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _dump(records: Any) -> Any:
    return [r.model_dump() for r in records]


def _arabic(value: Any) -> Any:
    if isinstance(value, str):
        return to_arabic_digits(value)
    if isinstance(value, dict):
        return {k: _arabic(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_arabic(v) for v in value]
    return value


def test_round_trip_measures_document_and_report_give_back_the_same_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _source(tmp_path)
    assert len(src.measures) >= 25
    # group 1's table is split over three pages: repeated header rows, a header typed again,
    # and a page that starts with a continuation row (the last measure's remaining steps)
    mdoc = fx.measures_docx(src, tmp_path / "มาตรการ.docx", split_group="1")
    rdoc = fx.report_docx(src, src.rounds[0], tmp_path / "รายงาน.docx")
    body = read_docx(mdoc)
    merged = [c for t in body.tables for r in t.rows for c in r.cells if c.merged_from is not None]
    assert merged, "the fixture must merge issue cells over several measures"

    root = _target(tmp_path)
    code, out, err = _run(root, monkeypatch, capsys, str(mdoc), "--year", "2568")
    assert code == 0, out + err
    assert "ตรวจข้อมูลแล้ว: ผ่าน" in out
    code, out, err = _run(root, monkeypatch, capsys, str(rdoc), "--year", "2568")
    assert code == 0, out + err
    assert "rounds/r6m.yml" in out

    got = load_site(root / "data").years[2568]
    assert _dump(got.measures) == _dump(src.measures)
    assert got.assessment is not None and src.assessment is not None
    assert got.assessment.model_dump() == src.assessment.model_dump()
    assert got.info.model_dump() == src.info.model_dump()
    assert _dump(got.rounds) == _dump(src.rounds)

    # one file per measure, named by its id, the folder's README beside them
    folder = root / "data/years/2568/measures"
    assert sorted(p.stem for p in folder.glob("*.yml")) == [m.id for m in src.measures]
    assert (folder / "README.md").is_file() and not (root / "data/years/2568/measures.yml").exists()
    text = (folder / "m01.yml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../schema/measure.schema.json")

    # and the imported tree builds
    project = make_project(tmp_path / "site")
    shutil.rmtree(project / "data")
    shutil.copytree(root / "data", project / "data")
    site = build(project)
    page = (site / "2568/measures/m01/index.html").read_text("utf-8")
    assert src.measures[0].title in page


def test_thai_digits_and_word_numbering_in_thai_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _source(tmp_path)
    doc = fx.measures_docx(src, tmp_path / "เลขไทย.docx", thai=True, thai_list=True)
    labels = [ln.label for t in read_docx(doc).tables for r in t.rows for c in r.cells for ln in c.lines if ln.label]
    assert labels[:3] == ["๑.", "๒.", "๑."], "Word's thaiNumbers list numbers are read as Word shows them"
    root = _target(tmp_path)
    code, out, err = _run(root, monkeypatch, capsys, str(doc), "--year", "2568")
    assert code == 0, out + err
    got = load_site(root / "data").years[2568]
    # dates in Thai digits became dates; the agency's Thai digits stay in its text
    assert [(m.period.start, m.period.end) for m in got.measures] == [
        (m.period.start, m.period.end) for m in src.measures
    ]
    assert "๑" in got.measures[0].title
    assert _arabic(_dump(got.measures)) == _arabic(_dump(src.measures))
    assert got.assessment and got.assessment.assessment.score == "๙๐.๑๒"  # as the document wrote it
    project = make_project(tmp_path / "site")
    shutil.rmtree(project / "data")
    shutil.copytree(root / "data", project / "data")
    page = (build(project) / "2568/measures/m01/index.html").read_text("utf-8")
    assert "๑. ทบทวนคู่มือการให้บริการ" in page  # Word's Thai list number is on the page


def test_an_unknown_column_is_listed_in_the_report_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _source(tmp_path)
    doc = fx.measures_docx(src, tmp_path / "extra.docx", extra_column=True)
    root = _target(tmp_path)
    code, out, err = _run(root, monkeypatch, capsys, str(doc), "--year", "2568")
    assert code == 0, out + err
    report = (root / "data/years/2568/import-report.md").read_text("utf-8")
    for m in src.measures:
        line = next(x for x in report.splitlines() if f'บันทึกภายในของกองสำหรับ {m.id}"' in x)
        assert line.startswith("- [ ] ตารางที่ ") and "คอลัมน์ที่ 12" in line and "'หมายเหตุของกอง'" in line
    assert _dump(load_site(root / "data").years[2568].measures) == _dump(src.measures)
    # every paragraph and every written cell of the document is accounted for in the report
    body = read_docx(doc)
    written = sum(1 for b in body.blocks if not hasattr(b, "rows")) + sum(
        1 for t in body.tables for r in t.rows for c in r.cells if c.own_text
    )
    where = report.split("## ที่ไปของข้อความ")[1].count("\n| ") - 1  # less the header row
    unplaced = report.split("## ข้อความที่ไม่ได้นำเข้า")[1].split("## ")[0].count("\n- [ ] ")
    assert where + unplaced == written

    # status points the editor to it
    monkeypatch.chdir(root)
    assert main(["status", "--year", "2568"]) == 0
    status = capsys.readouterr().out
    assert "งานที่ค้างจากการนำเข้าไฟล์ Word" in status and "บันทึกภายในของกองสำหรับ m01" in status


def test_a_report_laid_out_by_indicators_makes_the_year_from_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _source(tmp_path, grouping="indicators", groups=10)
    doc = fx.report_docx(src, src.rounds[0], tmp_path / "รายงานตัวชี้วัด.docx", with_plan=True)
    root = _target(tmp_path)
    code, out, err = _run(root, monkeypatch, capsys, str(doc), "--year", "2568", "--kind", "report")
    assert code == 0, out + err
    got = load_site(root / "data").years[2568]
    assert got.info.grouping == "indicators"
    assert [(m.id, m.group, m.title, m.steps, m.period, m.responsible) for m in got.measures] == [
        (m.id, m.group, m.title, m.steps, m.period, m.responsible) for m in src.measures
    ]
    assert [r.model_dump(exclude={"columns"}) for r in got.rounds] == [
        r.model_dump(exclude={"columns"}) for r in src.rounds
    ]
    assert [c.field for c in got.rounds[0].columns] == [
        "title",
        "steps",
        "period",
        "responsible",
        "status",
        "percent",
        "output",
        "outcome",
        "problems",
        "suggestions",
        "evidence",
    ]
    project = make_project(tmp_path / "site")
    shutil.rmtree(project / "data")
    shutil.copytree(root / "data", project / "data")
    assert (build(project) / "2568/report/index.html").is_file()


def test_a_document_without_tables_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = fx.text_only_docx(tmp_path / "ย่อหน้า.docx")
    root = _target(tmp_path)
    code, out, err = _run(root, monkeypatch, capsys, str(doc), "--year", "2568")
    assert code == 1
    assert "ไม่มีตารางเลย" in err and "Traceback" not in err
    assert not (root / "data/years/2568").exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"just some text, not Word", "ไม่ใช่ไฟล์ Word แบบ .docx"),
        (b"%PDF-1.7 ...", "ไฟล์ PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old word", "ไฟล์ Word รุ่นเก่า (.doc)"),
        (None, "เปิดเป็นเอกสาร Word (.docx) ไม่ได้"),
    ],
)
def test_a_file_that_is_not_a_docx_gets_a_thai_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    words: str,
) -> None:
    path = tmp_path / "เอกสาร.docx"
    if content is None:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "a zip, but not a Word document")
    else:
        path.write_bytes(content)
    root = _target(tmp_path)
    code, out, err = _run(root, monkeypatch, capsys, str(path), "--year", "2568")
    assert code == 2
    assert words in err and "Traceback" not in err + out


def test_never_writes_over_a_file_without_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _source(tmp_path, n_measures=8)
    doc = fx.measures_docx(src, tmp_path / "m.docx")
    root = _target(tmp_path)
    assert _run(root, monkeypatch, capsys, str(doc), "--year", "2568")[0] == 0
    before = (root / "data/years/2568/measures/m01.yml").read_text("utf-8")
    code, out, err = _run(root, monkeypatch, capsys, str(doc), "--year", "2568")
    assert code == 1 and "มีไฟล์อยู่แล้ว" in err and "--force" in err
    assert (root / "data/years/2568/measures/m01.yml").read_text("utf-8") == before
    assert _run(root, monkeypatch, capsys, str(doc), "--year", "2568", "--force")[0] == 0
    # the import report keeps the notes of both imports
    assert (root / "data/years/2568/import-report.md").read_text("utf-8").count("# รายงานการนำเข้าจากไฟล์ Word") == 2
    # a measure of the year the document does not have stays (the import adds, it never deletes)
    kept = root / "data/years/2568/measures/m99.yml"
    kept.write_text(re.sub(r"\ntitle: .*", "\ntitle: มาตรการที่เอกสารไม่มี", before.replace("id: m01", "id: m99")), "utf-8")
    assert _run(root, monkeypatch, capsys, str(doc), "--year", "2568", "--kind", "measures", "--force")[0] == 0
    assert kept.is_file() and (root / "data/years/2568/measures/m01.yml").read_text("utf-8") == before
    # --out writes elsewhere, with schema lines that still reach schema/
    out_dir = tmp_path / "preview"
    assert _run(root, monkeypatch, capsys, str(doc), "--year", "2568", "--out", str(out_dir))[0] == 0
    line = (out_dir / "year.yml").read_text("utf-8").splitlines()[0]
    target = (out_dir / line.split("$schema=")[1]).resolve()
    assert target == (root / "schema/year.schema.json").resolve()


def test_values_the_document_does_not_state_are_left_for_the_editor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    w = fx.Writer()
    w.para("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568", "Title")
    w.heading("ประเด็นที่ 2 การให้บริการและระบบ E-Service", 2)
    t = w.table(["ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ"])  # no measure names, no period
    cells = t.add_row().cells
    w.fill(cells[0], ["รวบรวมคำขอ", "ลดเอกสารที่ไม่จำเป็น"], w.new_list())
    cells[1].text = "ทุกสำนัก/กอง"
    doc = w.save(tmp_path / "ไม่ครบ.docx")
    root = _target(tmp_path)
    code, out, err = _run(root, monkeypatch, capsys, str(doc), "--year", "2568")
    assert code == 1
    # a required value not stated: the usual validate line, file:line: field: Thai message
    assert "data/years/2568/measures/m01.yml:" in err and ": title: " in err
    report = (root / "data/years/2568/import-report.md").read_text("utf-8")
    fill = report.split("## ต้องกรอก")[1].split("## ต้องตรวจ")[0]
    assert "measures/m01.yml: title" in fill
    check = report.split("## ต้องตรวจ")[1].split("## ข้อความที่ไม่ได้นำเข้า")[0]
    assert "measures/m01.yml: period" in check and "เว้นไว้" in check
    measures = (root / "data/years/2568/measures/m01.yml").read_text("utf-8")
    assert "\nperiod:" not in measures and "\nresponsible:" not in measures  # nothing invented
    assert "responsible_text: ทุกสำนัก/กอง" in measures  # as the document wrote it
    assert "steps: [1. รวบรวมคำขอ, 2. ลดเอกสารที่ไม่จำเป็น]" in measures  # Word's numbers kept
    assert "group: '2'" in measures


def test_word_number_formats() -> None:
    assert [format_number(n, "thaiNumbers") for n in (1, 10, 25)] == ["๑", "๑๐", "๒๕"]
    assert [format_number(n, "thaiLetters") for n in (1, 2, 42, 43)] == ["ก", "ข", "ฮ", "กก"]
    assert format_number(4, "decimal") == "4" and format_number(4, "decimal", thai_decimal=True) == "๔"
    assert [format_number(n, "lowerRoman") for n in (4, 9)] == ["iv", "ix"]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("ระยะเวลาดำเนินการ", "period"),
        ("วันดำเนินการ", "period"),
        ("ช่วงระยะเวลาใน การดำเนินการ", "period"),
        ("ขั้นตอน / วิธีการปฏิบัติ", "steps"),
        ("หน่วยงานผู้รับผิดชอบ", "responsible"),
        ("ผลการดำเนินการ (Output)", "output"),
        ("ผลลัพธ์หรือผลสัมฤทธิ์ในการ ดำเนินการ (Outcome/Result)", "outcome"),
        ("วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ", "approach"),
        ("ผลการวิเคราะห์ผลการประเมิน คุณธรรมและความโปร่งใสในการ ดำเนินงาน", "finding"),
        ("ข้อความ ITA", "question"),
        ("ลำดับ", "ordinal"),
        ("หมายเหตุของกอง", None),
    ],
)
def test_column_meaning_comes_from_the_header_words(header: str, field: str | None) -> None:
    assert column_field(header) == field


def test_help_is_thai(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import-docx", "--help"])
    text = capsys.readouterr().out
    assert "วิธีใช้:" in text and "ไฟล์ Word" in text and "--force" in text and "import-report.md" in text
