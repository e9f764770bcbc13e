"""Word documents for the import-docx tests, laid out as agencies lay them out, from our own records.

``fixture_year`` invents the records of a fictional municipality (26 measures, findings shared
by pairs of measures so their cells are merged); ``write_tree`` writes them as a data tree;
``measures_docx`` / ``report_docx`` lay the loaded records out as the official Word tables
(python-docx), with Word's own list numbering, merged cells, repeated header rows, a table
split over pages with a continuation row, Thai digits, an extra column, as asked.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from prongsai.model import STATUS_LABELS
from prongsai.site import FiscalYear
from prongsai.thai import format_date, to_thai_digits

from .conftest import REPO

UNITS = [
    ("clerk", "สำนักปลัดเทศบาล"),
    ("finance", "กองคลัง"),
    ("engineering", "กองช่าง"),
    ("education", "กองการศึกษา"),
    ("health", "กองสาธารณสุขและสิ่งแวดล้อม"),
]
VERBS = ["ทบทวน", "จัดทำ", "เผยแพร่", "ติดตาม", "อบรม", "ปรับปรุง", "สำรวจ", "ประชุม"]
THINGS = [
    "คู่มือการให้บริการ",
    "ช่องทางรับเรื่องร้องเรียน",
    "แผนการใช้จ่ายงบประมาณ",
    "ทะเบียนทรัพย์สิน",
    "ระบบบริการออนไลน์",
    "ประกาศจัดซื้อจัดจ้าง",
    "หลักเกณฑ์การประเมินบุคลากร",
]


def fixture_year(n_measures: int = 26, grouping: str = "issues", groups: int = 7) -> dict[str, Any]:
    """The records of fiscal year 2568 of เทศบาลตำบลห้วยสายธาร, invented for these tests."""
    measures: list[dict[str, Any]] = []
    for k in range(n_measures):
        g = k * groups // n_measures + 1
        pair = k // 2
        verb, thing, shared = VERBS[k % len(VERBS)], THINGS[k % len(THINGS)], THINGS[pair % len(THINGS)]
        m: dict[str, Any] = {"id": f"m{k + 1:02d}", "group": str(g), "title": f"มาตรการ{verb}{thing} ชุดที่ {k + 1}"}
        if k % 2 and measures and measures[-1]["group"] == m["group"]:
            # the second of a pair shares the first's findings and approach: one merged cell
            m["findings_from"] = measures[-1]["id"]
        else:
            m["findings"] = [
                {
                    "text": f"ผู้รับบริการกลุ่มที่ {pair + 1} เห็นว่า{shared}ยังไม่ชัดเจน\nและบุคลากรบางส่วนยังไม่ทราบขั้นตอนล่าสุด",
                    "questions": [
                        {
                            "code": f"e{pair % 15 + 1}",
                            "text": f"หน่วยงานชี้แจงเรื่อง{shared}อย่างชัดเจน",
                            "score": f"{80 + pair % 50 * 0.37:.2f}",
                        },
                        {"code": f"O{pair % 20 + 1}"},
                    ],
                }
            ]
            m["approach"] = f"นำผลการวิเคราะห์เรื่อง{shared}ไปกำหนดวิธีทำงานใหม่ของกลุ่มที่ {pair + 1}"
        m["steps"] = [f"{s + 1}. {verb}{thing} โดยคณะทำงานของเทศบาล ครั้งที่ {s + 1}" for s in range(2 + k % 3)]
        m["period"] = (
            {"start": dt.date(2024, 10 + k % 3, 1 + k % 20), "end": dt.date(2025, 9, 30)}
            if k % 5
            else {"text": "ตลอดปีงบประมาณ พ.ศ. 2568"}
        )
        m["responsible"] = [UNITS[k % 5][0]] + ([UNITS[(k + 1) % 5][0]] if k % 4 == 0 else [])
        if k % 6 == 0:
            m["responsible_note"] = "ทุกส่วนราชการร่วมดำเนินการ โดยหน่วยงานแรกเป็นผู้รวบรวม"
        m["monitoring"] = f"ปลัดเทศบาลติดตามทุกเดือน (รายการที่ {k + 1})"
        if k % 3 == 0:
            m["oit_items"] = [f"O{k % 20 + 1}"]
            m["targets"] = [{"text": f"ผู้รับบริการพึงพอใจเรื่อง{thing}", "value": "ร้อยละ 80"}]
        measures.append(m)
    year = {
        "fiscal_year": 2568,
        "grouping": grouping,
        "title": "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568",
        "preface": "เอกสารนี้จัดทำขึ้นจากผลการประเมินของปีที่ผ่านมา เพื่อใช้เป็นแนวทางของทุกส่วนราชการ\n\nเทศบาลหวังว่าประชาชนจะได้รับบริการที่โปร่งใสและรวดเร็วขึ้น",
        "summary": "ปีนี้เทศบาลกำหนดมาตรการ 26 มาตรการ ครอบคลุมทั้งเจ็ดประเด็น\n\nเรื่องที่เน้นคือการรายงานผลให้ตรงเวลา",
        "sections": [
            {"kind": "preface", "heading": "คำนำ"},
            {"kind": "contents", "heading": "สารบัญ"},
            {"kind": "summary", "heading": "บทสรุปผู้บริหาร"},
            {
                "kind": "assessment",
                "number": "ส่วนที่ 1",
                "heading": "ผลการประเมิน ITA ประจำปี พ.ศ. 2567",
                "text": "ผลการประเมินของเทศบาลได้ผลคะแนน 90.12 คะแนน อยู่ในระดับ “ผ่าน”",
            },
            {"kind": "analysis", "number": "ส่วนที่ 2", "heading": "การวิเคราะห์ผลการประเมิน ITA ประจำปี พ.ศ. 2567"},
            {"kind": "comparison", "heading": "ตารางเปรียบเทียบประเด็นที่ได้รับการประเมินและประเด็นที่ต้องพัฒนา"},
            {"kind": "measures", "number": "ส่วนที่ 3", "heading": "การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"},
            {
                "kind": "text",
                "number": "ส่วนที่ 3.1",
                "heading": "แนวทางของผู้บริหาร",
                "text": "ผู้บริหารให้ทุกกองรายงานความก้าวหน้าทุกไตรมาส",
            },
            {"kind": "limitations", "number": "ส่วนที่ 4", "heading": "ข้อจำกัดของเทศบาลในการดำเนินการ"},
        ],
        "contents": [
            {"title": "บทสรุปผู้บริหาร", "page": "1"},
            {"title": "ส่วนที่ 1 ผลการประเมิน", "page": "2"},
            {"title": "ส่วนที่ 2 การวิเคราะห์", "page": "3"},
        ],
        "measures_columns": [{"field": f, "label": label} for f, label in zip(MEASURE_FIELDS, MEASURE_HEADERS)],
        "units": [{"id": i, "name": n} for i, n in UNITS],
        "limitations": [
            {
                "instrument": "IIT",
                "description": "แบบวัดการรับรู้ของบุคลากรภายใน",
                "limitation": "บุคลากรย้ายเข้าใหม่หลายคน",
                "impact": "ตอบแบบวัดโดยยังไม่รู้แนวปฏิบัติ",
                "approach": "จัดปฐมนิเทศก่อนช่วงตอบแบบวัด",
            },
            {
                "instrument": "EIT",
                "description": "แบบวัดการรับรู้ของผู้รับบริการ",
                "limitation": "ผู้รับบริการส่วนใหญ่เป็นผู้สูงอายุ",
                "approach": "ให้เจ้าหน้าที่ช่วยอธิบายวิธีตอบ",
            },
        ],
    }
    assessment = {
        "assessment": {
            "ita_year": 2567,
            "score": "90.12",
            "band": "ผ่าน",
            "instruments": [
                {"code": "IIT", "score": "94.50"},
                {
                    "code": "EIT",
                    "score": "86.25",
                    "parts": [{"title": "ส่วนที่ 1", "score": "88.40"}, {"title": "ส่วนที่ 2", "score": "83.02"}],
                },
                {"code": "OIT", "score": "90"},
            ],
            "indicators": [{"number": i, "score": f"{80 + i * 1.5:.2f}"} for i in range(1, 11)],
            "questions": [
                {"code": "i3", "text": "บุคลากรปฏิบัติงานตามขั้นตอน", "score": "93.10"},
                {"code": "e5", "text": "เจ้าหน้าที่ให้บริการอย่างเท่าเทียม", "score": "84.75"},
            ],
        },
        "analysis": {
            "overview": "คะแนนรวมเพิ่มขึ้นจากปีก่อน แต่แบบวัดภายนอกยังต่ำกว่าเป้า",
            "groups": [
                {
                    "group": str(g),
                    "text": f"ประเด็นนี้มีข้อคำถามที่คะแนนลดลงสองข้อ (กลุ่ม {g})\n\nเทศบาลจะเน้นการสื่อสารในประเด็นนี้",
                    "assessed": f"การเปิดเผยข้อมูลกลุ่ม {g}",
                    "to_develop": f"การสื่อสารกับผู้รับบริการกลุ่ม {g}",
                }
                for g in range(1, groups + 1)
            ],
        },
    }
    entries = []
    for k, m in enumerate(measures):
        e: dict[str, Any] = {
            "measure": m["id"],
            "status": list(STATUS_LABELS)[k % 5],
            "output": f"ดำเนินการ{m['title'][7:]} ไปแล้ว {k + 1} ครั้ง",
        }
        if k % 2 == 0:
            e["percent"] = (k * 7) % 101
            e["outcome"] = "ผู้รับบริการได้รับข้อมูลเร็วขึ้น\nข้อร้องเรียนลดลง"
        if k % 4 == 1:
            e["problems"] = "งบประมาณได้รับจัดสรรล่าช้า"
            e["suggestions"] = "ขอโอนงบประมาณกลางปี"
        if k % 5 == 2:
            e["evidence"] = [{"title": f"ภาพกิจกรรมครั้งที่ {k}", "url": f"https://www.saithan.example/activity/{k}"}]
        if k == 3:
            del e["status"]  # the report does not say: left unstated
        entries.append(e)
    rnd = {
        "id": "r6m",
        "kind": "six_month",
        "title": "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส รอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. 2568",
        "period": {"start": dt.date(2024, 10, 1), "end": dt.date(2025, 3, 31)},
        "as_of": dt.date(2025, 3, 31),
        "columns": [{"field": f, "label": label} for f, label in zip(REPORT_FIELDS, REPORT_HEADERS)],
        "summary": "ในรอบหกเดือนแรกมาตรการส่วนใหญ่เป็นไปตามแผน",
        "problems": "การจัดสรรงบประมาณกลางปีล่าช้า",
        "suggestions": "ให้วางแผนการใช้งบประมาณตั้งแต่ต้นปี",
        "entries": entries,
    }
    return {"year": year, "assessment": assessment, "measures": {"measures": measures}, "round": rnd}


def empty_tree(root: Path) -> Path:
    """A data tree with the example's organisation and catalogue and no fiscal year."""
    data = root / "data"
    (data / "years").mkdir(parents=True)
    shutil.copy(REPO / "data/organization.yml", data / "organization.yml")
    shutil.copytree(REPO / "data/catalog", data / "catalog")
    if (REPO / "data/privacy-allowlist.yml").is_file():
        shutil.copy(REPO / "data/privacy-allowlist.yml", data / "privacy-allowlist.yml")
    return data


def write_tree(root: Path, records: dict[str, Any], year: int = 2568) -> Path:
    data = empty_tree(root)
    ydir = data / "years" / str(year)
    (ydir / "rounds").mkdir(parents=True)

    def dump(path: Path, value: Any) -> None:
        path.write_text(yaml.safe_dump(_be(value), allow_unicode=True, sort_keys=False), "utf-8")

    dump(ydir / "year.yml", records["year"])
    dump(ydir / "assessment.yml", records["assessment"])
    dump(ydir / "measures.yml", records["measures"])
    dump(ydir / "rounds" / "r6m.yml", records["round"])
    return data


def _be(value: Any) -> Any:
    if isinstance(value, dt.date):
        return f"{value.year + 543}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, dict):
        return {k: _be(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_be(v) for v in value]
    return value


# --- Word ---------------------------------------------------------------------------


class Writer:
    def __init__(self, thai: bool = False) -> None:
        self.doc = docx.Document()
        self.thai = thai
        self._numbering = self.doc.part.numbering_part.element
        self._next_abstract = 90
        self._next_num = 90

    def d(self, text: str) -> str:
        return to_thai_digits(text) if self.thai else text

    def date(self, day: dt.date) -> str:
        return format_date(day, "thai" if self.thai else "arabic")

    def para(self, text: str, style: str | None = None) -> None:
        self.doc.add_paragraph(self.d(text), style=style)

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.add_heading(self.d(text), level=level)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def new_list(self, fmt: str = "decimal", text: str = "%1.") -> str:
        """A Word list of its own (numbering.xml: an abstractNum and a num), numbers from 1."""
        ab = OxmlElement("w:abstractNum")
        ab.set(qn("w:abstractNumId"), str(self._next_abstract))
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        ab.append(lvl)
        first_num = self._numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(ab)
        else:
            self._numbering.append(ab)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self._next_num))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(self._next_abstract))
        num.append(ref)
        self._numbering.append(num)
        self._next_abstract += 1
        self._next_num += 1
        return str(self._next_num - 1)

    def numbered(self, paragraph: Any, num_id: str) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        numpr = OxmlElement("w:numPr")
        for tag, val in (("w:ilvl", "0"), ("w:numId", num_id)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            numpr.append(el)
        ppr.append(numpr)

    def fill(self, cell: Any, lines: list[str], num_id: str | None = None) -> None:
        """A cell's text, one paragraph a line (Word-numbered with ``num_id``)."""
        first = True
        for line in lines:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            p.text = self.d(line)
            if num_id:
                self.numbered(p, num_id)

    def table(self, headers: list[str], repeat: bool = True) -> Any:
        t = self.doc.add_table(rows=1, cols=len(headers))
        t.style = "Table Grid"
        for c, h in zip(t.rows[0].cells, headers):
            c.text = h
        if repeat:
            mark_header(t.rows[0])
        return t

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


def mark_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def vmerge(cell: Any, value: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    el = OxmlElement("w:vMerge")
    if value == "restart":
        el.set(qn("w:val"), "restart")
    tcpr.append(el)


def _period(w: Writer, period: Any) -> list[str]:
    lines = []
    if period.start and period.end:
        lines.append(f"{w.date(period.start)} – {w.date(period.end)}")
    elif period.start:
        lines.append(f"ตั้งแต่ {w.date(period.start)}")
    elif period.end:
        lines.append(f"ถึง {w.date(period.end)}")
    if period.text:
        lines.append(period.text)
    return lines


MEASURE_FIELDS = [
    "questions",
    "findings",
    "title",
    "approach",
    "steps",
    "period",
    "responsible",
    "monitoring",
    "reporting",
    "oit_items",
    "targets",
]
MEASURE_HEADERS = [
    "ข้อคำถาม ITA",
    "ข้อค้นพบ",
    "มาตรการ",
    "การนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
    "ขั้นตอน/วิธีการปฏิบัติ",
    "ระยะเวลาดำเนินการ",
    "หน่วยงานผู้รับผิดชอบ",
    "การกำกับติดตาม",
    "การรายงานผล",
    "ข้อ OIT ที่เกี่ยวข้อง",
    "เป้าหมาย",
]
REPORT_FIELDS = ["title", "status", "percent", "output", "outcome", "problems", "suggestions", "evidence"]


def _numberless(step: str) -> str:
    """A step's text without the number Word's list numbering will draw before it."""
    return re.sub(r"^[0-9๐-๙]{1,2}\.\s*", "", step)


def measures_docx(
    fy: FiscalYear,
    path: Path,
    *,
    thai: bool = False,
    thai_list: bool = False,
    split_group: str | None = None,
    extra_column: bool = False,
    org: str = "เทศบาลตำบลห้วยสายธาร",
) -> Path:
    """The measures document of ``fy`` as an agency's Word file, part by part in its sections' order."""
    w = Writer(thai)
    info = fy.info
    w.para(info.title or "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "Title")
    w.para(org)
    w.para("อำเภอเมือง จังหวัดตัวอย่าง")
    af = fy.assessment

    def preface() -> None:
        for part in (info.preface or "").split("\n\n"):
            w.para(part)

    def contents() -> None:
        toc = w.table(["เรื่อง", "หน้า"], repeat=False)
        for entry in info.contents:
            cells = toc.add_row().cells
            cells[0].text, cells[1].text = w.d(entry.title), w.d(entry.page or "")

    def summary() -> None:
        for part in (info.summary or "").split("\n\n"):
            w.para(part)

    def assessment() -> None:
        assert af is not None
        a = af.assessment
        t = w.table(["แบบวัด", "คะแนน", "คะแนนแยกส่วน"])
        for inst in a.instruments:
            cells = t.add_row().cells
            cells[0].text, cells[1].text = inst.code, w.d(inst.score or "")
            w.fill(cells[2], [f"{p.title}: {p.score}" for p in inst.parts])
        t = w.table(["ตัวชี้วัด", "คะแนนรายตัวชี้วัด"])
        titles = {i.number: i.title for i in fy.catalog.data.indicators}
        for ind in a.indicators:
            cells = t.add_row().cells
            cells[0].text = w.d(f"ตัวชี้วัดที่ {ind.number} {ind.title or titles[ind.number]}")
            cells[1].text = w.d(ind.score or "")
        t = w.table(["ข้อคำถาม", "ข้อความ", "คะแนน"])
        for q in a.questions:
            cells = t.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = q.code, q.text or "", w.d(q.score or "")

    def analysis() -> None:
        assert af is not None
        for part in (af.analysis.overview or "").split("\n\n"):
            w.para(part)
        for g in af.analysis.groups:
            w.heading(g.heading or f"{fy.taxonomy.label} {g.group} {fy.taxonomy.group(g.group).title}", 2)
            for part in g.text.split("\n\n"):
                w.para(part)

    def comparison() -> None:
        assert af is not None
        t = w.table(["ประเด็น", "ประเด็นที่ได้รับการประเมิน", "ประเด็นที่ต้องพัฒนา"])
        for g in af.analysis.groups:
            cells = t.add_row().cells
            cells[0].text = w.d(f"{fy.taxonomy.label} {g.group} {fy.taxonomy.group(g.group).title}")
            cells[1].text, cells[2].text = g.assessed or "", g.to_develop or ""

    def measures() -> None:
        _measures_tables(w, fy, thai_list, split_group, extra_column)

    def limitations() -> None:
        t = w.table(["แบบวัด", "ข้อจำกัด", "ผลกระทบ", "แนวทางการพัฒนา"])
        for lim in info.limitations:
            cells = t.add_row().cells
            cells[0].text = " ".join(x for x in (lim.instrument, lim.description) if x)
            cells[1].text, cells[2].text, cells[3].text = lim.limitation, lim.impact or "", lim.approach or ""

    parts = {
        "preface": preface,
        "contents": contents,
        "summary": summary,
        "assessment": assessment,
        "analysis": analysis,
        "comparison": comparison,
        "measures": measures,
        "limitations": limitations,
    }
    for s in info.sections:
        w.heading(" ".join(x for x in (s.number, s.heading) if x))
        if s.text:
            for part in s.text.split("\n\n"):
                w.para(part)
        if s.kind in parts:
            parts[s.kind]()
    return w.save(path)


def _measures_tables(w: Writer, fy: FiscalYear, thai_list: bool, split_group: str | None, extra_column: bool) -> None:
    units = {u.id: u.name for u in fy.info.units}
    headers = [c.label or c.field for c in fy.info.measures_columns] + (["หมายเหตุของกอง"] if extra_column else [])
    for group in fy.taxonomy.groups:
        ms = [m for m in fy.measures if m.group == group.key]
        if not ms:
            continue
        w.heading(group.heading or f"{fy.taxonomy.label} {group.key} {group.title}", 2)
        pieces = [ms]
        if split_group == group.key and len(ms) >= 3:
            # pages of two measures (a merged pair never crosses a page); the last page holds
            # only the rest of the steps of the measure before it
            pieces = [ms[k : k + 2] for k in range(0, len(ms), 2)]
            pieces += [[]] * max(0, 3 - len(pieces))
        carry: list[str] = []
        carry_num = ""
        for n, piece in enumerate(pieces):
            if n:
                w.page_break()
            t = w.table(headers)
            if carry:
                # the last measure of the previous page goes on: a row with the first cells empty
                cells = t.add_row().cells
                w.fill(cells[4], carry, carry_num)
                carry = []
            for k, m in enumerate(piece):
                cells = t.add_row().cells
                nxt = piece[k + 1] if k + 1 < len(piece) else None
                if m.findings_from and k > 0:
                    for c in (cells[0], cells[1], cells[3]):
                        vmerge(c, "continue")
                else:
                    finding = m.findings[0] if m.findings else None
                    if finding is not None:
                        w.fill(
                            cells[0],
                            [
                                f"{q.code} {q.text or ''}".strip()
                                + (f" ({q.score} คะแนน)" if q.score is not None else "")
                                for q in finding.questions
                            ],
                        )
                        w.fill(cells[1], finding.text.split("\n"))
                    w.fill(cells[3], m.approach.split("\n") if m.approach else [])
                    if nxt is not None and nxt.findings_from == m.id:
                        for c in (cells[0], cells[1], cells[3]):
                            vmerge(c, "restart")
                w.fill(cells[2], [m.title])
                steps = [_numberless(s.text) for s in m.steps]
                if split_group == group.key and n < len(pieces) - 1 and k == len(piece) - 1 and len(steps) >= 2:
                    carry, steps = steps[1:], steps[:1]
                num = w.new_list("thaiNumbers" if thai_list else "decimal")
                carry_num = num
                w.fill(cells[4], steps, num)
                w.fill(cells[5], _period(w, m.period) if m.period else [])
                w.fill(
                    cells[6], [units[u] for u in m.responsible] + ([m.responsible_note] if m.responsible_note else [])
                )
                w.fill(cells[7], [m.monitoring] if m.monitoring else [])
                w.fill(cells[8], [m.reporting] if m.reporting else [])
                w.fill(cells[9], [", ".join(m.oit_items)] if m.oit_items else [])
                w.fill(cells[10], [f"{x.text} (ค่าเป้าหมาย: {x.value})" if x.value else x.text for x in m.targets])
                if extra_column:
                    cells[11].text = f"บันทึกภายในของกองสำหรับ {m.id}"
            if n == 1 and len(pieces) > 2:
                # a header row typed again in the middle of a page
                row = t.add_row()
                for c, h in zip(row.cells, headers):
                    c.text = h


REPORT_HEADERS = [
    "มาตรการ/โครงการ/กิจกรรม",
    "สถานะ",
    "ร้อยละความก้าวหน้า",
    "ผลการดำเนินการ (Output)",
    "ผลลัพธ์หรือผลสัมฤทธิ์ (Outcome)",
    "ปัญหาอุปสรรค",
    "ข้อเสนอแนะ",
    "หลักฐาน",
]


def report_docx(fy: FiscalYear, rnd: Any, path: Path, *, with_plan: bool = False, thai: bool = False) -> Path:
    """A progress report as an agency's Word file: one table, a group row before each group's measures.

    ``with_plan``: the report also carries the plan's columns (steps, period, responsible), as
    reports laid out by indicators do when no measures document was imported first.
    """
    w = Writer(thai)
    w.para(rnd.title or "รายงานผลการดำเนินการ", "Title")
    w.para("เทศบาลตำบลห้วยสายธาร อำเภอเมือง จังหวัดตัวอย่าง")
    w.para(f"ระหว่างวันที่ {w.date(rnd.period.start)} ถึง {w.date(rnd.period.end)}")
    w.para(f"ข้อมูล ณ วันที่ {w.date(rnd.as_of)}")
    for part in (rnd.summary or "").split("\n\n"):
        w.para(part)
    plan = ["ขั้นตอนหรือวิธีการปฏิบัติ", "ช่วงระยะเวลาในการดำเนินการ", "ผู้รับผิดชอบ"] if with_plan else []
    labels = [c.label or c.field for c in rnd.columns] or REPORT_HEADERS
    headers = labels[:1] + plan + labels[1:]
    t = w.table(headers)
    measures = {m.id: m for m in fy.measures}
    units = {u.id: u.name for u in fy.info.units}
    current = None
    for e in rnd.entries:
        m = measures[e.measure]
        if m.group != current:
            current = m.group
            row = t.add_row()
            merged = row.cells[0].merge(row.cells[len(headers) - 1])
            merged.text = w.d(f"{fy.taxonomy.label} {m.group} {fy.taxonomy.group(m.group).title}")
        cells = t.add_row().cells
        values = [[m.title]]
        if with_plan:
            num = w.new_list()
            w.fill(cells[1], [_numberless(s.text) for s in m.steps], num)
            values += [
                None,
                _period(w, m.period) if m.period else [],
                [units[u] for u in m.responsible] + ([m.responsible_note] if m.responsible_note else []),
            ]
        values += [
            [STATUS_LABELS[e.status]] if e.status else [],
            [f"{e.percent:g}"] if e.percent is not None else [],
            e.output.split("\n") if e.output else [],
            e.outcome.split("\n") if e.outcome else [],
            e.problems.split("\n") if e.problems else [],
            e.suggestions.split("\n") if e.suggestions else [],
            [f"{d.title}: {d.url}" for d in e.evidence],
        ]
        for c, lines in zip(cells, values):
            if lines is not None:
                w.fill(c, lines)
    if rnd.problems:
        w.heading("ปัญหาอุปสรรค", 2)
        w.para(rnd.problems)
    if rnd.suggestions:
        w.heading("ข้อเสนอแนะ", 2)
        w.para(rnd.suggestions)
    return w.save(path)


def text_only_docx(path: Path) -> Path:
    w = Writer()
    w.para("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "Title")
    w.heading("คำนำ")
    w.para("เอกสารฉบับนี้พิมพ์เป็นย่อหน้าทั้งหมด ไม่มีตาราง")
    return w.save(path)


def deepcopy(value: Any) -> Any:
    return copy.deepcopy(value)
