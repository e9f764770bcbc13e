"""The agency's own document: its sections, its tables' columns and their merged cells.

A fiscal year's measures document is shown in the order, with the numbers and headings,
the agency wrote (``sections`` in year.yml); its part 3 table and each round's report table
have the agency's columns (``measures_columns``, a round's ``columns``). Where the agency
wrote nothing of the kind, the product's default stands: the order preface, summary,
ส่วนที่ ๑-๔, and the default columns, keeping only those that hold something.
Plain Python over the records: pages and templates read it, nothing here renders HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .model import (
    DEFAULT_MEASURE_COLUMNS,
    DEFAULT_REPORT_COLUMNS,
    MEASURE_COLUMNS,
    REPORT_COLUMNS,
    Measure,
    RoundFile,
    Section,
)
from .site import FiscalYear

# The product's headings of the parts it knows, when the agency wrote none.
DEFAULT_HEADINGS = {
    "preface": "คำนำ",
    "contents": "สารบัญ",
    "summary": "บทสรุปผู้บริหาร",
    "assessment": "ส่วนที่ ๑ ผลการประเมิน ITA",
    "analysis": "ส่วนที่ ๒ การวิเคราะห์ผลการประเมิน",
    "comparison": "ตารางเปรียบเทียบ",
    "measures": "ส่วนที่ ๓ การนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
    "limitations": "ส่วนที่ ๔ ข้อจำกัดของหน่วยงาน",
}
DEFAULT_ORDER = ("preface", "summary", "assessment", "analysis", "measures", "limitations")

# A line that starts with the agency's own number: ๑. ๑) (๑) ๓.จัดทำ 1.1 ... (Thai or Arabic digits)
OWN_NUMBER = re.compile(r"^\s*(?:\([0-9๐-๙]{1,3}\)|[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,3})*[.)]|[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,3})+(?=\s))")


@dataclass(frozen=True)
class DocSection:
    """One section of the document as the site shows it."""

    kind: str
    anchor: str  # the id in the page (and the print edition)
    title: str  # the agency's number and heading, or the product's default heading
    text: str | None  # the section's own text (a free section), or the text before its content
    own: bool  # True when the agency wrote the heading or number

    @property
    def builtin(self) -> bool:
        return self.kind != "text"


def _title(s: Section) -> str:
    heading = s.heading or DEFAULT_HEADINGS.get(s.kind, "")
    if s.number and heading:
        return f"{s.number} {heading}"
    return s.number or heading


def sections(fy: FiscalYear) -> list[DocSection]:
    """The document's sections in its order. Without ``sections`` in year.yml: the default
    parts that have data, in the default order."""
    if fy.info.sections:
        out = []
        for n, s in enumerate(fy.info.sections, start=1):
            anchor = s.id or (s.kind if s.kind != "text" else f"section-{n}")
            out.append(DocSection(s.kind, anchor, _title(s), s.text, bool(s.heading or s.number)))
        return out
    present = {
        "preface": fy.info.preface is not None,
        "summary": fy.info.summary is not None,
        "assessment": fy.assessment is not None,
        "analysis": fy.assessment is not None,
        "measures": True,
        "limitations": bool(fy.info.limitations),
    }
    return [DocSection(k, k, DEFAULT_HEADINGS[k], None, False) for k in DEFAULT_ORDER if present[k]]


def section(fy: FiscalYear, kind: str) -> DocSection | None:
    return next((s for s in sections(fy) if s.kind == kind), None)


def heading_of(fy: FiscalYear, kind: str) -> str:
    """The heading the document gives a part (its own, or the default)."""
    found = section(fy, kind)
    return found.title if found else DEFAULT_HEADINGS[kind]


# --- the tables ------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    field: str
    label: str


def _measure_has(m: Measure, field: str) -> bool:
    if field == "questions":
        return any(f.questions for f in m.findings)
    if field == "findings":
        return bool(m.findings) or m.findings_from is not None
    if field == "approach":
        return m.approach is not None or m.findings_from is not None
    if field == "period":
        return m.period is not None or any(s.period for s in m.steps)
    if field == "responsible":
        return bool(m.responsible or m.responsible_text or m.responsible_note) or any(s.responsible for s in m.steps)
    return bool(getattr(m, field))


def measure_columns(fy: FiscalYear) -> list[Column]:
    """The part 3 table's columns: the agency's, or the default ones that hold something."""
    if fy.info.measures_columns:
        return [Column(c.field, c.label or MEASURE_COLUMNS[c.field]) for c in fy.info.measures_columns]
    return [
        Column(f, MEASURE_COLUMNS[f]) for f in DEFAULT_MEASURE_COLUMNS if any(_measure_has(m, f) for m in fy.measures)
    ]


def measure_label(fy: FiscalYear, field: str) -> str:
    """What the year's document calls a measure's field (ระยะเวลาดำเนินการ, วันดำเนินการ ...)."""
    found = next((c.label for c in fy.info.measures_columns if c.field == field and c.label), None)
    return found or MEASURE_COLUMNS[field]


def _entry_has(fy: FiscalYear, r: RoundFile, field: str) -> bool:
    if field in ("title", "steps", "period", "responsible", "number"):
        return any(_measure_has(fy.measure(e.measure), field) for e in r.entries)
    if field == "percent":
        return any(e.percent is not None for e in r.entries)
    return any(getattr(e, field) for e in r.entries)


def report_columns(fy: FiscalYear, r: RoundFile) -> list[Column]:
    """A round's report table columns: the agency's, or the default ones that hold something
    (no status column when the report states no status)."""
    if r.columns:
        return [Column(c.field, c.label or REPORT_COLUMNS[c.field]) for c in r.columns]
    return [Column(f, REPORT_COLUMNS[f]) for f in DEFAULT_REPORT_COLUMNS if _entry_has(fy, r, f)]


# --- the part 3 table's rows, with the document's merged cells ---------------------------

SHARED_FIELDS = ("number", "questions", "findings", "approach")  # cells a findings_from run shares


@dataclass(frozen=True)
class Cell:
    field: str
    rowspan: int
    measure: Measure  # whose data the cell shows
    step: Any = None  # the step of a per-step row (steps, period, responsible)


@dataclass(frozen=True)
class Row:
    measure: Measure
    cells: tuple[Cell, ...]


def _detailed(m: Measure) -> bool:
    """Steps with their own period or unit: one table row per step, as the documents lay them out."""
    return len(m.steps) > 1 and any(s.period or s.responsible for s in m.steps)


def measure_rows(fy: FiscalYear, measures: list[Measure], columns: list[Column]) -> list[Row]:
    """The rows of one group's table. A measure with ``findings_from`` continues the merged
    cells (findings, questions, approach; the number when it has none of its own) of the
    measure it names; a measure whose steps have their own period or unit spans a row per step."""
    heights = {m.id: len(m.steps) if _detailed(m) else 1 for m in measures}
    runs: dict[str, list[Measure]] = {}
    for m in measures:
        runs.setdefault(m.findings_from or m.id, []).append(m)
    rows: list[Row] = []
    for m in measures:
        head = fy.measure(m.findings_from) if m.findings_from else m
        run = runs.get(head.id, [m])
        merged = len(run) > 1
        number_merged = merged and not any(x.number for x in run[1:])
        for k in range(heights[m.id]):
            cells = []
            for c in columns:
                if merged and (c.field in SHARED_FIELDS[1:] or (c.field == "number" and number_merged)):
                    if m is head and k == 0:
                        cells.append(Cell(c.field, sum(heights[x.id] for x in run), head))
                elif _detailed(m) and c.field in ("steps", "period", "responsible"):
                    cells.append(Cell(c.field, 1, m, m.steps[k]))
                elif k == 0:
                    cells.append(Cell(c.field, heights[m.id], m))
            rows.append(Row(m, tuple(cells)))
    return rows
