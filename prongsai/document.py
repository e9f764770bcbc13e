"""The agency's own document: its sections, its tables' columns and their merged cells.

A fiscal year's measures document is shown in the order, with the numbers and headings,
the agency wrote (``sections`` in year.yml); its part 3 table and each round's report table
have the agency's columns (``measures_columns``, a round's ``columns``). Where the agency
wrote nothing of the kind, the product's default stands: the order preface, summary,
ส่วนที่ ๑-๔, and the default columns, keeping only those that hold something.
Plain Python over the records: pages and templates read it, nothing here renders HTML.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .model import (
    DEFAULT_MEASURE_COLUMNS,
    DEFAULT_REPORT_COLUMNS,
    MEASURE_COLUMNS,
    REPORT_COLUMNS,
    Measure,
    ProgressRound,
    Section,
)
from .site import FiscalYear

# The product's names of the parts it knows, and its own part numbers, when the agency wrote none.
DEFAULT_NAMES = {
    "preface": "คำนำ",
    "contents": "สารบัญ",
    "summary": "บทสรุปผู้บริหาร",
    "assessment": "ผลการประเมิน ITA",
    "analysis": "การวิเคราะห์ผลการประเมิน",
    "comparison": "ตารางเปรียบเทียบ",
    "measures": "การนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
    "limitations": "ข้อจำกัดของหน่วยงาน",
}
DEFAULT_PARTS = {"assessment": "ส่วนที่ ๑", "analysis": "ส่วนที่ ๒", "measures": "ส่วนที่ ๓", "limitations": "ส่วนที่ ๔"}
DEFAULT_HEADINGS = {k: f"{DEFAULT_PARTS[k]} {v}" if k in DEFAULT_PARTS else v for k, v in DEFAULT_NAMES.items()}
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
    """The agency's number and heading; a number alone goes with the product's name of the part
    (never with its own part number: "๒ ส่วนที่ ๑ ..." would be two numbers)."""
    heading = s.heading or (DEFAULT_NAMES if s.number else DEFAULT_HEADINGS).get(s.kind, "")
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


def _entry_has(fy: FiscalYear, r: ProgressRound, field: str) -> bool:
    if field in ("title", "steps", "period", "responsible", "number"):
        return any(_measure_has(fy.measure(e.measure), field) for e in r.entries)
    if field == "percent":
        return any(e.percent is not None for e in r.entries)
    return any(getattr(e, field) for e in r.entries)


def report_columns(fy: FiscalYear, r: ProgressRound) -> list[Column]:
    """A round's report table columns: the agency's, or the default ones that hold something
    (no status column when the report states no status)."""
    if r.columns:
        return [Column(c.field, c.label or REPORT_COLUMNS[c.field]) for c in r.columns]
    return [Column(f, REPORT_COLUMNS[f]) for f in DEFAULT_REPORT_COLUMNS if _entry_has(fy, r, f)]


def any_status(fy: FiscalYear) -> bool:
    """Whether some round of the year states a status (else the report has no status at all)."""
    return any(e.status for r in fy.rounds for e in r.entries)


def progress_stated(fy: FiscalYear, measures: list[Measure]) -> bool:
    """Whether the latest report of some of these measures states a status or a percent."""
    latest = [fy.latest_progress(m.id) for m in measures]
    return any(p and (p[1].status or p[1].percent is not None) for p in latest)


def entries_by_measure(r: ProgressRound) -> dict[str, Any]:
    return {e.measure: e for e in r.entries}


def monitoring_heading(fy: FiscalYear, m: Measure) -> str:
    """``การกำกับติดตามและการรายงานผล`` under the document's own labels, for what the measure has."""
    parts = [measure_label(fy, f) for f in ("monitoring", "reporting") if getattr(m, f)]
    return "และ".join(parts)


def limitation_columns(fy: FiscalYear) -> list[str]:
    """The limitations table's columns that hold something (``["limitation"]`` alone: the
    document wrote its limitations as text)."""
    ls = fy.info.limitations
    cols = ["instrument"] if any(x.instrument or x.description for x in ls) else []
    cols.append("limitation")
    cols += [c for c in ("impact", "approach") if any(getattr(x, c) for x in ls)]
    return cols


def report_labels(fy: FiscalYear, r: ProgressRound) -> dict[str, str]:
    """What a round's report calls each of its fields (its own column labels, else the defaults)."""
    own: dict[str, str] = {c.field: c.label for c in r.columns if c.label}
    return {f: own.get(f, label) for f, label in REPORT_COLUMNS.items()}


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


# --- column widths: shares of the page by content ----------------------------------------

# floors: a text column keeps room for a phrase a line, a short one for a date or a unit
_MIN_SHARE = {"number": 3.5, "status": 8.0, "percent": 6.0, "period": 8.0, "responsible": 8.0, "oit_items": 6.0}
_DEFAULT_MIN = 10.0
# what one letter takes of an A4 landscape table at 13pt (252 mm), and a cell's padding
_LETTER, _PADDING = 0.95, 1.3
_SHORT_WORD = 6  # a header word this long cannot break ("ลำดับ" is one word); longer ones break between words


def _letters(text: str) -> int:
    """Letters that take width: Thai vowel and tone marks above and below take none."""
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


def _floor(c: Column, filled: list[int]) -> float:
    """A column's narrowest share: its kind's floor, its header's longest word (a label such as
    ลำดับ cut in two reads as two words), and a number never broken (๕.๑.๒)."""
    word = max((_letters(w) for w in re.split(r"[\s/]+", c.label) if w), default=0)
    floor = max(_MIN_SHARE.get(c.field, _DEFAULT_MIN), _PADDING + _LETTER * min(word, _SHORT_WORD))
    if c.field == "number" and filled:
        floor = max(floor, _PADDING + _LETTER * max(filled))
    return floor


def _length(value: Any) -> int:
    """The amount of text a value puts in a cell."""
    if value is None:
        return 0
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple)):
        return sum(_length(v) for v in value)
    if isinstance(value, BaseModel):  # not hasattr(value, "model_fields"): deprecated on instances
        return sum(_length(getattr(value, f)) for f in type(value).model_fields if f not in ("code", "measure"))
    return len(str(value))


def _measure_text(m: Measure, field: str, fy: FiscalYear | None = None) -> int:
    if field == "questions":
        return sum(len(question_text(fy, q)) + 12 for f in m.findings for q in f.questions) if fy else 0
    if field == "findings":
        return sum(_length(f.text) for f in m.findings)
    if field == "period":
        dates = 25 if m.period and (m.period.start or m.period.end) else 0
        return _length(m.period.text if m.period else None) + dates + sum(_length(s.period) for s in m.steps)
    if field == "responsible":
        units = fy.units if fy else {}
        names = sum(len(units[u].name) + 2 if u in units else 12 for u in m.responsible) if not m.responsible_text else 0
        return _length(m.responsible_text) + _length(m.responsible_note) + names + sum(_length(s.responsible) for s in m.steps)
    if field == "steps":
        return sum(_length(s.text) for s in m.steps)
    return _length(getattr(m, field, None))


def _assessed(fy: FiscalYear | None, code: str) -> Any:
    """The question as the year's assessment.yml gives it, if it does."""
    if fy is None or fy.assessment is None:
        return None
    return next((x for x in fy.assessment.assessment.questions if x.code == code), None)


def question_text(fy: FiscalYear, q: Any) -> str:
    """A cited question's text: as cited, else as written in the year's assessment.yml."""
    if q.text:
        return str(q.text)
    found = _assessed(fy, q.code)
    return str(found.text) if found and found.text else ""


def question_score(fy: FiscalYear, q: Any) -> str | None:
    """A cited question's score as the document wrote it: as cited (``๙๔.๒๔ และ ๙๖.๗๐``), else
    as assessment.yml gives it; None when neither states one."""
    if q.score is not None:
        return str(q.score)
    found = _assessed(fy, q.code)
    return str(found.score) if found and found.score is not None else None


def widths(columns: list[Column], texts: list[dict[str, int]]) -> list[float]:
    """Each column's share of the table's width (percent), by the text its cells hold: the
    square root of the mean length of its filled cells, so that a column of long steps is wide and a column of
    dates is narrow but never squeezed below a phrase a line."""
    weights, floors = [], []
    for c in columns:
        filled = [t[c.field] for t in texts if t.get(c.field)]  # a cell left empty takes no room
        weights.append(math.sqrt(max(sum(filled) / len(filled), 1.0)) if filled else 1.0)
        floors.append(_floor(c, filled))
    if sum(floors) > 100:  # more columns than the page holds at their floors: all give way alike
        floors = [f * 100 / sum(floors) for f in floors]
    total = sum(weights) or 1.0
    shares = [100 * w / total for w in weights]
    raised = [max(s, f) for s, f in zip(shares, floors)]
    excess = sum(raised) - 100
    if excess > 0:  # take what the floors added from the columns above their floor
        room = sum(r - f for r, f in zip(raised, floors)) or 1.0
        raised = [r - excess * (r - f) / room for r, f in zip(raised, floors)]
    return [round(r, 1) for r in raised]


def measure_widths(columns: list[Column], measures: list[Measure], fy: FiscalYear) -> list[float]:
    """Widths of a part 3 table, from all the year's measures (every group's table alike)."""
    del measures  # the year's measures decide, so that the document's tables look one
    return widths(columns, [{c.field: _measure_text(m, c.field, fy) for c in columns} for m in fy.measures])


def report_widths(fy: FiscalYear, r: ProgressRound, columns: list[Column]) -> list[float]:
    texts = []
    for e in r.entries:
        m = fy.measure(e.measure)
        row = {}
        for c in columns:
            if c.field in ("number", "title", "steps", "period", "responsible"):
                row[c.field] = _measure_text(m, c.field, fy)
            elif c.field == "status":
                row[c.field] = 20
            else:
                row[c.field] = _length(getattr(e, c.field))
        texts.append(row)
    return widths(columns, texts)
