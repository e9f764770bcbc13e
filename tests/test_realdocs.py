"""Real documents, as the agency wrote them (issue 13): one in-process build of a fixture that
has every shape of the issue (values not stated, the document's own sections, headings,
numbers and contents, its own table columns with merged cells and per-step rows, two scores
cited together), read back from the built HTML. A second build puts Thai-numbered text in
every text field of the schema."""

from __future__ import annotations

import html
import json
import re
import typing
from pathlib import Path
from typing import Any

import pytest

from prongsai import model, types

from .conftest import build, make_project, write

ORG = """name: เทศบาลตำบลทดสอบ
type: ทต.
district: อำเภอทดสอบ
province: ทดลอง
settings:
  numerals: thai
"""

YEAR = """fiscal_year: 2568
grouping: issues
title: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน
subtitle: จากการวิเคราะห์ผลการประเมินประจำปี ๒๕๖๗ ของเทศบาลตำบลทดสอบ
preface: คำนำของเอกสารทดสอบที่เขียนขึ้นเอง
preface_signature: {by: สำนักปลัดเทศบาลตำบลทดสอบ, date: มกราคม ๒๕๖๘}
summary: บทสรุปของเอกสารทดสอบ
taxonomy:
  - {key: 1, title: กระบวนการปฏิบัติงาน, heading: "๑. กระบวนการปฏิบัติงานของเทศบาลทดสอบ"}
  - {key: 2, title: การให้บริการ}
sections:
  - {kind: preface}
  - {kind: contents, heading: สารบัญของเอกสาร}
  - {kind: text, id: principles, number: "๑", heading: หลักการและเหตุผล, text: "หลักการข้อแรกของเทศบาลทดสอบที่ยาวพอ"}
  - {kind: text, id: law, number: "๑", heading: ระเบียบและกฎหมายที่เกี่ยวข้อง, text: "ข้อกฎหมายที่เทศบาลทดสอบยึดถือปฏิบัติ"}
  - {kind: summary}
  - {kind: assessment, number: "๒", heading: ผลการประเมินของเทศบาลทดสอบ}
  - {kind: analysis, number: "๓", heading: การวิเคราะห์ของเทศบาลทดสอบ}
  - {kind: measures, number: "๔", heading: การนำผลไปปฏิบัติของเทศบาลทดสอบ}
  - {kind: comparison, heading: ตารางเปรียบเทียบของเทศบาลทดสอบ}
  - {kind: limitations, number: "๖", heading: การวิเคราะห์ข้อจำกัด}
  - {kind: text, heading: บทส่งท้าย, text: "ข้อความปิดท้ายของเทศบาลทดสอบ"}
contents:
  - {title: คำนำ, page: ก, section: preface}
  - {title: "๑ หลักการและเหตุผล", page: "๑", section: principles}
  - {title: "๖ การวิเคราะห์ข้อจำกัด", page: "๙"}
measures_columns:
  - {field: questions, label: ข้อความ ITA}
  - {field: findings, label: ข้อค้นพบของเทศบาล}
  - {field: steps, label: ขั้นตอน / วิธีการปฏิบัติ}
  - {field: period, label: วันดำเนินการ}
  - {field: responsible, label: หน่วยงานผู้รับผิดชอบ}
limitations:
  - {limitation: "ข้อจำกัดของเทศบาลทดสอบเขียนเป็นย่อหน้าเดียว"}
"""

ASSESSMENT = """assessment:
  ita_year: 2567
  score: 91
  band: ผ่าน
  previous_score: 89.50
  instruments:
    - {code: IIT, score: 91.00, band: ผ่าน}
    - code: EIT
      parts: [{title: ส่วนที่ ๑, score: "๘๘.๑๓"}, {title: ส่วนที่ ๒, score: "๗๖.๔๔"}]
      text: คำอธิบายผลของแบบวัด EIT ตามที่เอกสารเขียน
  indicators:
    - {number: 1}
  questions:
    - {code: i10, text: ข้อความข้อคำถาม i10 จากผลการประเมิน, score: 93.16}
analysis:
  overview: ภาพรวมของการวิเคราะห์ทดสอบ
  groups:
    - group: 1
      heading: "๑.กระบวนการปฏิบัติงาน (หัวข้อของส่วนที่ ๒)"
      text: การวิเคราะห์ประเด็นที่หนึ่ง
      questions: [{code: i10, score: "๙๔.๒๔ และ ๙๖.๗๐"}]
      assessed: ประเด็นที่ได้รับการประเมินทดสอบ
      to_develop: ประเด็นที่ต้องพัฒนาทดสอบ
"""

MEASURES = """measures:
  - id: m01
    group: 1
    title: มาตรการแรกของเทศบาลทดสอบ
    findings:
      - text: ข้อค้นพบรวมของสามมาตรการในประเด็นที่หนึ่ง
        questions: [{code: i10}]
    approach: ข้อเสนอแนะรวมของสามมาตรการ
    steps:
      - {text: "๑. ขั้นตอนแรกของมาตรการแรก", period: ต.ค. ๒๕๖๗, responsible: สำนักปลัด/กองคลัง}
      - {text: "๒. ขั้นตอนที่สองของมาตรการแรก", period: พ.ย. ๒๕๖๗, responsible: ทุกสำนัก/กอง}
    responsible_text: ทุกสำนัก/กอง
  - id: m02
    group: 1
    title: มาตรการที่สองของเทศบาลทดสอบ
    findings_from: m01
    steps: ["ขั้นตอนเดียวของมาตรการที่สอง"]
    period: {text: เดือนสิงหาคม ๒๕๖๘ เป็นต้นไป}
    responsible_text: สำนักปลัดเทศบาล
  - id: m03
    group: 1
    title: มาตรการที่สามของเทศบาลทดสอบ
    findings_from: m01
    steps: ["ขั้นตอนเดียวของมาตรการที่สาม"]
    responsible_text: กองคลัง
  - id: m04
    group: 2
    title: มาตรการของประเด็นที่สอง
    findings: [{text: ข้อค้นพบของประเด็นที่สอง}]
    steps: ["ขั้นตอนของประเด็นที่สอง"]
    responsible_text: ทุกส่วนราชการ
"""

ROUND = """id: r12
kind: twelve_month
period: {start: 2567-10-01, end: 2568-09-30, text: ประจำปีงบประมาณ พ.ศ. ๒๕๖๘}
entries:
  - {measure: m01, output: "๑. ผลผลิตของมาตรการแรก\\n๒. ผลผลิตข้อที่สอง", outcome: ผลลัพธ์ของมาตรการแรก}
  - {measure: m02, output: ผลผลิตของมาตรการที่สอง}
  - {measure: m03, output: ผลผลิตของมาตรการที่สาม}
  - {measure: m04, output: ผลผลิตของประเด็นที่สอง}
"""


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def _article(page: str) -> str:
    """The page's own content (the theme's navigation, table of contents and permalinks left out)."""
    m = re.search(r"<article[^>]*>(.*)</article>", page, re.S)
    assert m
    return re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", m.group(1))


def _in_order(text: str, pieces: list[str]) -> list[tuple[str, int]]:
    """Each piece's position, each searched after the one before; -1 when not found after it."""
    out, at = [], 0
    for piece in pieces:
        found = text.find(piece, at)
        out.append((piece, found))
        at = found + len(piece) if found >= 0 else at
    return out


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("real") / "p")
    write(project, "data/organization.yml", ORG)
    y = project / "data/years/2568"
    for f in ("disclosures.yml", "rounds/r6.yml"):
        (y / f).unlink()
    write(project, "data/years/2568/year.yml", YEAR)
    write(project, "data/years/2568/assessment.yml", ASSESSMENT)
    write(project, "data/years/2568/measures.yml", MEASURES)
    write(project, "data/years/2568/rounds/r12.yml", ROUND)
    return build(project)


# --- 1. values not stated ---------------------------------------------------------------


def test_a_report_without_status_or_date_shows_neither(real: Path) -> None:
    report = _article(_page(real, "2568/report"))
    assert "ps-status--" not in report  # no status chip invented
    assert "ข้อมูล ณ วันที่" not in report  # no report date invented
    assert "ผลการดำเนินการของแต่ละมาตรการในแต่ละรอบ" in report  # not called a status table
    measure = _article(_page(real, "2568/measures/m01"))
    assert "ps-status--" not in measure and "สถานะล่าสุด" not in measure
    year = _article(_page(real, "2568"))
    assert "สถานะล่าสุด" not in year and "ไม่ได้ระบุ" not in year  # no column of "not stated"
    printed = _article(_page(real, "2568/print/report"))
    headers = re.findall(r"<th scope=\"col\"[^>]*>(.*?)</th>", printed)
    assert "สถานะ" not in headers and all(h for h in headers)  # only columns that hold something


def test_an_agency_without_a_website_shows_none(real: Path) -> None:
    assert "เว็บไซต์หลักของหน่วยงาน" not in _page(real, "")


def test_scores_as_written_and_not_stated(real: Path) -> None:
    part = _text(_article(_page(real, "2568/assessment")))
    assert "๙๑ คะแนน" in part and "๙๑.๐๐" not in part.split("แบบวัด")[0]  # 91 stays 91
    assert "๙๑.๐๐" in part  # the IIT score written 91.00 keeps its decimals
    assert "เพิ่มขึ้น ๑.๕๐ คะแนน" in part  # the change in the decimals the scores were written with
    assert "EIT" in part and "ไม่ได้ระบุ" in part  # EIT given only as its parts: no total invented
    assert "ส่วนที่ ๑: ๘๘.๑๓" in part and "คำอธิบายผลของแบบวัด EIT ตามที่เอกสารเขียน" in part
    issue = _text(_article(_page(real, "2568/issues/1")))
    assert "๙๔.๒๔ และ ๙๖.๗๐" in issue  # two scores cited together
    assert "ข้อความข้อคำถาม i10 จากผลการประเมิน" in issue  # the cited question's text, from assessment.yml


# --- 2. the document's own structure ----------------------------------------------------


def test_the_cover_follows_the_documents_sections_headings_and_numbers(real: Path) -> None:
    cover = _article(_page(real, "2568/measures"))
    text = _text(cover)
    order = [
        "จากการวิเคราะห์ผลการประเมินประจำปี ๒๕๖๗",  # the cover's subtitle
        "คำนำของเอกสารทดสอบ",
        "สำนักปลัดเทศบาลตำบลทดสอบ มกราคม ๒๕๖๘",  # the preface's signature
        "สารบัญของเอกสาร",
        "๑ หลักการและเหตุผล หลักการข้อแรก",
        "๑ ระเบียบและกฎหมายที่เกี่ยวข้อง",  # a number used twice
        "บทสรุปของเอกสารทดสอบ",
        "บทส่งท้าย ข้อความปิดท้าย",
    ]
    assert all(p >= 0 for _, p in _in_order(text, order)), _in_order(text, order)
    assert "ส่วนที่ ๑" not in text and "ส่วนที่ ๔" not in text  # the product's default parts give way
    # the document's own contents list, linked where it names a section
    assert re.search(r'<a href="[^"#]*#principles">๑ หลักการและเหตุผล</a>', cover)
    assert "๖ การวิเคราะห์ข้อจำกัด" in text and ">๙<" in cover


def test_the_title_block_names_the_agency_once(real: Path) -> None:
    """The subtitle says "... ของเทศบาลตำบลทดสอบ": the block's last line gives the place alone."""
    for path in ("2568/measures", "2568/print/measures"):
        head = re.search(r'<div class="ps-doc-head">(.*?)</div>\n', _article(_page(real, path)), re.S)
        assert head and _text(head.group(1)).count("เทศบาลตำบลทดสอบ") == 1, path
        assert "อำเภอทดสอบ จังหวัดทดลอง" in _text(head.group(1))


def test_part_pages_carry_the_agencys_headings(real: Path) -> None:
    assert "๖ การวิเคราะห์ข้อจำกัด</h1>" in _article(_page(real, "2568/limitations"))
    assert "๒ ผลการประเมินของเทศบาลทดสอบ</h1>" in _article(_page(real, "2568/assessment"))
    issue = _article(_page(real, "2568/issues/1"))
    assert "๑. กระบวนการปฏิบัติงานของเทศบาลทดสอบ</h1>" in issue
    assert "๑.กระบวนการปฏิบัติงาน (หัวข้อของส่วนที่ ๒)" in issue
    # limitations written as a paragraph: a paragraph, not a table of empty columns
    limits = _article(_page(real, "2568/limitations"))
    assert "<table" not in limits and "ข้อจำกัดของเทศบาลทดสอบเขียนเป็นย่อหน้าเดียว" in limits


def test_the_print_edition_is_the_whole_document_in_its_order_once(real: Path) -> None:
    printed = _article(_page(real, "2568/print/measures"))
    assert "<script" not in printed and "data-ps-include" not in printed and "fetch(" not in _page(real, "2568/print/measures")
    text = _text(printed)
    order = [
        "คำนำของเอกสารทดสอบ", "สารบัญของเอกสาร", "๑ หลักการและเหตุผล", "๑ ระเบียบและกฎหมาย", "บทสรุปของเอกสารทดสอบ",
        "๒ ผลการประเมินของเทศบาลทดสอบ", "๓ การวิเคราะห์ของเทศบาลทดสอบ", "ภาพรวมของการวิเคราะห์ทดสอบ",
        "๔ การนำผลไปปฏิบัติของเทศบาลทดสอบ", "ตารางเปรียบเทียบของเทศบาลทดสอบ", "๖ การวิเคราะห์ข้อจำกัด", "บทส่งท้าย",
    ]  # fmt: skip
    assert all(p >= 0 for _, p in _in_order(text, order)), _in_order(text, order)
    assert "ข้อเสนอแนะรวม" not in text  # approach is not a column of this document's table
    for once in ("ข้อค้นพบรวมของสามมาตรการ", "หลักการข้อแรก", "คำนำของเอกสารทดสอบ", "ภาพรวมของการวิเคราะห์ทดสอบ"):
        assert text.count(once) == 1, once


def test_a_groups_heading_and_title_both_show_once() -> None:
    """The seeds head a group "ประเด็นที่ ๑ <title>" or "๕.๑ <title>": a heading that says the
    title stands alone; one that does not ("ประเด็นการพัฒนาที่ ๑") is followed by the title."""
    from prongsai.model import Group
    from prongsai.site import Taxonomy

    groups = (
        Group(key="1", title="การให้บริการ", heading="๕.๑ การให้บริการ"),
        Group(key="2", title="การใช้ทรัพย์สินของราชการ", heading="ประเด็นการพัฒนาที่ ๒"),
        Group(key="3", title="การเปิดเผยข้อมูล"),
    )
    t = Taxonomy("issues", "ประเด็น", "ประเด็นที่", groups)
    assert t.group_title("1", "thai") == "๕.๑ การให้บริการ"
    assert t.group_title("2", "thai") == "ประเด็นการพัฒนาที่ ๒ การใช้ทรัพย์สินของราชการ"
    assert t.group_title("3", "thai") == "ประเด็นที่ ๓ การเปิดเผยข้อมูล"


def test_the_navigation_carries_the_agencys_headings(real: Path) -> None:
    from .htmldom import dom, primary_nav

    nav = " ".join(e[1] for e in primary_nav(dom(_page(real, "2568/assessment"))) if e[0] == "text")
    for own in ("๒ ผลการประเมินของเทศบาลทดสอบ", "๓ การวิเคราะห์ของเทศบาลทดสอบ", "๖ การวิเคราะห์ข้อจำกัด", "๑. กระบวนการปฏิบัติงานของเทศบาลทดสอบ"):
        assert own in nav, own
    for product in ("ผลการประเมินที่นำมาวิเคราะห์", "ข้อจำกัดของหน่วยงาน", "ส่วนที่ ๑", "ส่วนที่ ๔"):
        assert product not in nav, product
    cards = _article(_page(real, "2568"))  # the year's cards lead to the parts under the same headings
    assert "<strong>๒ ผลการประเมินของเทศบาลทดสอบ</strong>" in cards and "ผลการประเมินที่นำมาวิเคราะห์" not in cards


def test_a_number_without_a_heading_takes_the_parts_name_not_the_products_number() -> None:
    from prongsai.document import _title
    from prongsai.model import Section

    assert _title(Section(kind="assessment", number="๒")) == "๒ ผลการประเมิน ITA"
    assert _title(Section(kind="assessment")) == "ส่วนที่ ๑ ผลการประเมิน ITA"


# --- 3. the document's own tables -------------------------------------------------------


def test_the_measures_table_has_the_agencys_columns_and_merged_cells(real: Path) -> None:
    printed = _article(_page(real, "2568/print/measures"))
    tables = re.findall(r'<table class="(?:ps-stack )?ps-grid ps-measures"[^>]*>.*?</table>', printed, re.S)
    assert len(tables) == 2  # one per issue that has measures
    headers = re.findall(r"<th scope=\"col\"[^>]*>(.*?)</th>", tables[0])
    assert headers == ["ข้อความ ITA", "ข้อค้นพบของเทศบาล", "ขั้นตอน / วิธีการปฏิบัติ", "วันดำเนินการ", "หน่วยงานผู้รับผิดชอบ"]
    # m01's findings over its two step rows and m02's and m03's rows: one cell of four rows
    assert re.search(r'<td class="ps-col-findings" rowspan="4"[^>]*>.*?ข้อค้นพบรวมของสามมาตรการ', tables[0], re.S)
    assert re.search(r'<td class="ps-col-questions" rowspan="4"[^>]*>.*?ข้อความข้อคำถาม i10', tables[0], re.S)
    rows = re.findall(r"<tr>(.*?)</tr>", tables[0].split("<tbody>")[1], re.S)
    assert len(rows) == 4
    assert "ต.ค. ๒๕๖๗" in rows[0] and "สำนักปลัด/กองคลัง" in rows[0]  # a period and a unit per step
    assert "พ.ย. ๒๕๖๗" in rows[1] and "ทุกสำนัก/กอง" in rows[1]
    assert "ps-col-findings" not in rows[2] and "ps-col-findings" not in rows[3]  # under the merged cell
    assert "เดือนสิงหาคม ๒๕๖๘ เป็นต้นไป" in rows[2]
    assert "ลำดับ" not in tables[0] and "–" not in _text(tables[0])  # no column or filler the document lacks


def test_a_short_column_keeps_its_headers_word_and_its_number_whole() -> None:
    """A column is never narrower than its header's one word ("ลำดับ" printed "ลำดั / บ") or
    its longest number ("๕.๑.๒" printed "๕.๑. / ๒"); many columns give way alike."""
    from prongsai.document import Column, widths

    cols = [Column("number", "ลำดับ"), Column("findings", "ผลการวิเคราะห์"), Column("steps", "ขั้นตอน")]
    texts = [{"number": 5, "findings": 900, "steps": 1400}, {"number": 5, "findings": 700, "steps": 1200}]
    number, *_ = widths(cols, texts)
    assert number >= 6.0, number  # ๕.๑.๒: five letters of 0.95% each and the padding (was 3.5%)
    many = widths([Column("findings", f"คอลัมน์ที่{n}") for n in range(12)], [{"findings": 10}])
    assert abs(sum(many) - 100) < 0.5, many


def test_the_measure_page_uses_the_documents_labels_and_links_a_shared_finding(real: Path) -> None:
    m02 = _article(_page(real, "2568/measures/m02"))
    assert "<dt>วันดำเนินการ</dt>" in m02 and "<dt>หน่วยงานผู้รับผิดชอบ</dt>" in m02
    assert "ระยะเวลาดำเนินการ" not in m02
    assert "ข้อค้นพบรวมของสามมาตรการ" not in m02 and 'href="../m01/#findings"' in m02
    m03 = _article(_page(real, "2568/measures/m03"))
    assert "<dt>วันดำเนินการ</dt><dd data-ps-field=\"period\">ไม่ได้ระบุ</dd>" in m03  # not stated, said so
    m01 = _article(_page(real, "2568/measures/m01"))
    assert "ทุกสำนัก/กอง" in m01 and "สำนักปลัดเทศบาล" not in _text(m01.split("<dl")[1].split("</dl>")[0])


# --- 4. Thai-numbered text --------------------------------------------------------------


def test_numbered_text_keeps_its_numbers(real: Path) -> None:
    m01 = _article(_page(real, "2568/measures/m01"))
    assert "๑. ขั้นตอนแรกของมาตรการแรก" in m01 and "<ol" not in m01
    report = _article(_page(real, "2568/print/report"))
    assert re.search(r"๑\. ผลผลิตของมาตรการแรก<br>\s*๒\. ผลผลิตข้อที่สอง", report)


# --- every text field of the schema ----------------------------------------------------

# Fields that are codes, keys, choices, numbers or dates, not text an agency writes.
_NOT_PROSE = {
    "YearFile.ita_year", "YearFile.grouping", "YearFile.fiscal_year",
    "AssessmentFile.assessment.band",  # one of the catalogue's bands
    "YearFile.limitations.instrument", "YearFile.sections.kind", "YearFile.sections.id",
    "YearFile.contents.section", "YearFile.measures_columns.field", "ProgressRound.columns.field",
}  # fmt: skip


def _is_text(annotation: Any) -> bool:
    if annotation is types.Text:
        return True
    return any(_is_text(a) for a in typing.get_args(annotation))


def text_fields() -> list[str]:
    """Every Text field of the files an agency writes about a year, as a dotted path."""
    out: list[str] = []

    def walk(cls: type, prefix: str) -> None:
        for name, f in cls.model_fields.items():
            path = f"{prefix}.{name}"
            sub = model.record_of(f.annotation)
            if sub is not None and sub is not cls:
                walk(sub, path)
            elif _is_text(f.annotation) and path not in _NOT_PROSE:
                out.append(path)

    for cls in (model.YearFile, model.AssessmentFile, model.MeasuresFile, model.ProgressRound):
        walk(cls, cls.__name__)
    return out


def _tag(path: str) -> str:
    return "ทดสอบ" + "".join("กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"[ord(c) % 44] for c in path) + "คำ"


def _numbered(path: str) -> str:
    t = _tag(path)
    return f"๑. {t} แรก\n๒) {t} สอง\n๔.{t} สี่"


def _one(path: str) -> str:
    return f"๔. {_tag(path)}"


# Short fields print on one line (titles, labels, names): they get one numbered line.
_SHORT = ("title", "heading", "number", "page", "label", "name", "by", "date", "value", "band", "subtitle", "report_title", "source")


def _value(path: str) -> str:
    return _one(path) if path.rsplit(".", 1)[1] in _SHORT or "period" in path else _numbered(path)


def _numbered_tree() -> dict[str, Any]:
    v = _value
    year = {
        "fiscal_year": 2568, "grouping": "issues",
        "taxonomy": [{"key": 1, "title": v("YearFile.taxonomy.title"), "heading": v("YearFile.taxonomy.heading")}, {"key": 2, "title": "สอง"}],
        "title": v("YearFile.title"), "subtitle": v("YearFile.subtitle"), "report_title": v("YearFile.report_title"),
        "preface": v("YearFile.preface"),
        "preface_signature": {"by": v("YearFile.preface_signature.by"), "date": v("YearFile.preface_signature.date")},
        "summary": v("YearFile.summary"),
        "sections": [
            {"kind": "preface"}, {"kind": "contents"}, {"kind": "summary"},
            {"kind": "text", "number": v("YearFile.sections.number"), "heading": v("YearFile.sections.heading"), "text": v("YearFile.sections.text")},
            {"kind": "assessment"}, {"kind": "analysis"}, {"kind": "measures"}, {"kind": "limitations"},
        ],
        "contents": [{"title": v("YearFile.contents.title"), "page": v("YearFile.contents.page")}],
        "measures_columns": [{"field": "title", "label": v("YearFile.measures_columns.label")}, {"field": "steps"}],
        "announcement": {"date": "2567-11-01", "by": v("YearFile.announcement.by")},
        "units": [{"id": "clerk", "name": v("YearFile.units.name")}],
        "limitations": [{"instrument": "EIT", "description": v("YearFile.limitations.description"), "limitation": v("YearFile.limitations.limitation"), "impact": v("YearFile.limitations.impact"), "approach": v("YearFile.limitations.approach")}],
    }  # fmt: skip
    q = lambda p: {"code": "e1", "text": v(p)}  # noqa: E731
    assessment = {
        "assessment": {
            "ita_year": 2567, "score": 90, "band": "ผ่าน", "source": v("AssessmentFile.assessment.source"),
            "instruments": [{"code": "EIT", "score": 88, "band": v("AssessmentFile.assessment.instruments.band"), "text": v("AssessmentFile.assessment.instruments.text"), "parts": [{"title": v("AssessmentFile.assessment.instruments.parts.title"), "score": 80}]}],
            "indicators": [{"number": 1, "score": 90, "title": v("AssessmentFile.assessment.indicators.title")}],
            "questions": [{"code": "e2", "text": v("AssessmentFile.assessment.questions.text")}],
        },
        "analysis": {
            "overview": v("AssessmentFile.analysis.overview"),
            "groups": [{"group": 1, "heading": v("AssessmentFile.analysis.groups.heading"), "text": v("AssessmentFile.analysis.groups.text"), "questions": [q("AssessmentFile.analysis.groups.questions.text")], "assessed": v("AssessmentFile.analysis.groups.assessed"), "to_develop": v("AssessmentFile.analysis.groups.to_develop")}],
        },
    }  # fmt: skip
    measures = {
        "measures": [{
            "id": "m01", "group": 1, "number": v("MeasuresFile.measures.number"), "title": v("MeasuresFile.measures.title"),
            "findings": [{"text": v("MeasuresFile.measures.findings.text"), "questions": [{"code": "e3", "text": v("MeasuresFile.measures.findings.questions.text")}]}],
            "approach": v("MeasuresFile.measures.approach"),
            "steps": [{"text": v("MeasuresFile.measures.steps.text"), "period": v("MeasuresFile.measures.steps.period"), "responsible": v("MeasuresFile.measures.steps.responsible")}],
            "period": {"text": v("MeasuresFile.measures.period.text")},
            "responsible": ["clerk"], "responsible_text": v("MeasuresFile.measures.responsible_text"),
            "responsible_note": v("MeasuresFile.measures.responsible_note"),
            "monitoring": v("MeasuresFile.measures.monitoring"), "reporting": v("MeasuresFile.measures.reporting"),
            "targets": [{"text": v("MeasuresFile.measures.targets.text"), "value": v("MeasuresFile.measures.targets.value")}],
        }]
    }  # fmt: skip
    rnd = {
        "id": "r6", "kind": "six_month", "title": v("ProgressRound.title"), "subtitle": v("ProgressRound.subtitle"),
        "period": {"start": "2567-10-01", "end": "2568-03-31", "text": v("ProgressRound.period.text")},
        "columns": [{"field": "title", "label": v("ProgressRound.columns.label")}, {"field": "output"}, {"field": "outcome"}, {"field": "problems"}, {"field": "suggestions"}],
        "summary": v("ProgressRound.summary"), "problems": v("ProgressRound.problems"), "suggestions": v("ProgressRound.suggestions"),
        "entries": [{"measure": "m01", "output": v("ProgressRound.entries.output"), "outcome": v("ProgressRound.entries.outcome"), "problems": v("ProgressRound.entries.problems"), "suggestions": v("ProgressRound.entries.suggestions"), "evidence": [{"title": v("ProgressRound.entries.evidence.title"), "url": "https://test.example/e"}]}],
    }  # fmt: skip
    return {"year.yml": year, "assessment.yml": assessment, "measures.yml": measures, "rounds/r6.yml": rnd}


@pytest.fixture(scope="module", params=["", "fastmd,navhtml,whitespace,plaintext"], ids=["twins", "plain"])
def numbered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The HTML of every page of the site (the staff guide apart), joined: built as always and
    with every fast twin off (Python-Markdown and nh3 render each text field, Material's macros
    the navigation), so that each renderer is held to the agency's numbers."""
    project = make_project(tmp_path_factory.mktemp("numbered") / "p")
    (project / "data/years/2568/disclosures.yml").unlink()
    for rel, data in _numbered_tree().items():
        write(project, f"data/years/2568/{rel}", json.dumps(data, ensure_ascii=False))
    mp = pytest.MonkeyPatch()
    mp.setenv("PRONGSAI_TWINS_OFF", request.param)
    try:
        site = build(project)
    finally:
        mp.undo()
    pages = [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] != "staff"]
    assert any(p.relative_to(site).parts[0] == "oit" for p in pages)  # the OIT items show the documents too
    return "\n".join(p.read_text("utf-8") for p in pages)


def test_the_numbered_fixture_covers_every_text_field() -> None:
    used = json.dumps(_numbered_tree(), ensure_ascii=False)
    missing = [p for p in text_fields() if _tag(p) not in used]
    assert missing == []


@pytest.mark.parametrize("path", text_fields())
def test_every_text_field_keeps_the_agencys_numbers(numbered: str, path: str) -> None:
    tag = _tag(path)
    assert tag in numbered, path
    # the agency's numbers and Thai digits, each on its own line, never an HTML list
    assert not re.search(rf"<li>[^<]*{tag}", numbered), path
    assert 'start="' not in numbered
    if _value(path) == _one(path):
        assert f"๔. {tag}" in numbered, path
    else:
        assert re.search(rf"๑\. {tag} แรก<br>\s*๒\) {tag} สอง<br>\s*๔\.{tag} สี่", numbered), path


def test_a_stacked_tables_labels_stay_inside_their_css_strings() -> None:
    """A column label with quotes, a backslash or markup (the agency's own label) is text in a
    CSS string of the table's style attribute: it can end neither the string nor the attribute."""
    from prongsai.tables import label_cells

    head = "<th>ข้อ 'ก'</th><th>a\\b</th><th>&lt;b&gt; &quot;x&quot;;--c1:red</th>"
    out = label_cells(f"<table><thead><tr>{head}</tr></thead><tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>")
    style = re.search(r'<table class="ps-stack" style="([^"]*)">', out)
    assert style, out
    assert style.group(1) == "--c1:'ข้อ \\27 ก\\27 ';--c2:'a\\\\b';--c3:'&lt;b&gt; &quot;x&quot;;--c1:red'"
    assert "data-label" not in out  # each cell is the N-th of its row: labelled by its place
