"""From the blocks of a Word document to the records of a fiscal year, and a ledger of every text.

The document is read in order, as an editor reads it: the cover, the document's own sections
(by their headings), the groups (ประเด็นที่ / ตัวชี้วัดที่, or the group's number and title) and the
tables, each recognised by what its header cells say. Every paragraph and every cell is entered
in a :class:`Ledger` as placed (with the field it went to), part of the document's frame (a
header row, the contents, the cover's agency name) or not understood: nothing is dropped unseen.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from ..thai import MONTHS, FiscalYearSpan, to_arabic_digits
from .reader import Cell, DocxBody, Para, Row, Table
from .values import (
    best_match,
    column_field,
    group_heading,
    norm,
    number_value,
    oit_codes,
    parse_number,
    parse_period,
    parse_status,
    score_text,
    question_code,
    split_score,
    split_steps,
    unit_id,
    unit_names,
    vocabulary,
)

Key = tuple[Any, ...]

REPORT_FIELDS = {"output", "outcome", "status", "percent", "problems", "suggestions", "evidence"}
MEASURE_FIELDS = {
    "measure",
    "steps",
    "approach",
    "finding",
    "period",
    "responsible",
    "question",
    "monitoring",
    "target",
}
MEASURE_COLUMN_FIELDS = {
    "number",
    "questions",
    "findings",
    "title",
    "approach",
    "steps",
    "period",
    "responsible",
    "monitoring",
    "reporting",
    "targets",
    "oit_items",
}
REPORT_COLUMN_FIELDS = {
    "number",
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
}
SHARED = {"finding", "question", "approach", "group", "period", "responsible", "monitoring", "reporting"}
INSTRUMENT_WORDS = {"IIT": ("iit", "ภายใน"), "EIT": ("eit", "ภายนอก"), "OIT": ("oit", "เปิดเผยข้อมูล")}


@dataclass
class Entry:
    where: str
    text: str
    status: str = "unplaced"  # placed | frame | unplaced
    target: str = ""


class Ledger:
    """Every paragraph and cell of the document, and what became of its text."""

    def __init__(self, body: DocxBody) -> None:
        self.entries: dict[Key, Entry] = {}
        for block in body.blocks:
            if isinstance(block, Para):
                self.entries[("p", block.index)] = Entry(f"ย่อหน้าที่ {block.index}", block.text)
            else:
                for row in block.rows:
                    for cell in row.cells:
                        if cell.own_text:
                            where = f"ตารางที่ {block.index} แถวที่ {row.index + 1} คอลัมน์ที่ {cell.col + 1}"
                            self.entries[cell_key(block, cell)] = Entry(where, cell.own_text)

    def place(self, key: Key, target: str) -> None:
        e = self.entries.get(key)
        if e and e.status != "placed":
            e.status, e.target = "placed", target

    def frame(self, key: Key, why: str) -> None:
        e = self.entries.get(key)
        if e and e.status == "unplaced":
            e.status, e.target = "frame", why

    def note(self, key: Key, why: str) -> None:
        e = self.entries.get(key)
        if e and e.status == "unplaced":
            e.target = why

    def chars(self, status: str | None = None) -> int:
        return sum(len(e.text) for e in self.entries.values() if status is None or e.status == status)

    def unplaced(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.status == "unplaced"]


def cell_key(table: Table, cell: Cell) -> Key:
    return ("c", table.index, cell.row, cell.col)


@dataclass
class Record:
    """One measure (and its progress entry in a report) being gathered from table rows."""

    where: str
    group: str | None
    cells: dict[str, list[Cell]] = field(default_factory=dict)
    table: Table | None = None
    rows: list[dict[str, Cell]] = field(default_factory=list)  # each table row of the record: field -> cell
    number: str | None = None
    mid: str = ""

    def add(self, f: str, cell: Cell) -> None:
        got = self.cells.setdefault(f, [])
        if cell not in got:
            got.append(cell)

    def lines(self, f: str) -> list[tuple[str, str]]:
        return [(ln.body, ln.label) for c in self.cells.get(f, []) for ln in c.origin.lines]

    def text(self, f: str, sep: str = "\n") -> str | None:
        parts = [c.origin.text for c in self.cells.get(f, []) if c.origin.text]
        return sep.join(parts) if parts else None


@dataclass
class Result:
    kind: str  # measures | report
    year: dict[str, Any]
    assessment: dict[str, Any] | None
    measures: list[dict[str, Any]]
    round: dict[str, Any] | None
    units: list[dict[str, str]]
    to_fill: list[str]
    to_check: list[str]
    ledger: Ledger
    tables: list[str]


@dataclass
class Context:
    fiscal_year: int
    catalog: dict[str, Any]  # the raw catalogue of the ITA year (groupings, indicators, bands)
    existing_units: list[dict[str, str]] = field(default_factory=list)
    existing_measures: list[dict[str, Any]] = field(default_factory=list)


class Interpreter:
    def __init__(self, body: DocxBody, ctx: Context, kind: str) -> None:
        self.body, self.ctx = body, ctx
        self.ledger = Ledger(body)
        self.vocab = vocabulary()
        self.kind = kind if kind != "auto" else self._guess_kind()
        self.section = "title"
        self.section_name = ""
        self.group: str | None = None
        self.grouping: str | None = None
        self.group_titles: dict[str, str] = {}
        self.title_lines: list[str] = []
        self.preface: list[str] = []
        self.summary: list[str] = []
        self.overview: list[str] = []
        self.analysis: dict[str, dict[str, Any]] = {}
        self.limitations: list[dict[str, Any]] = []
        self.assessment: dict[str, Any] = {}
        self.records: list[Record] = []
        self.round: dict[str, Any] = {}
        self.round_text: dict[str, list[str]] = {"summary": [], "problems": [], "suggestions": []}
        self.to_fill: list[str] = []
        self.to_check: list[str] = []
        self.tables: list[str] = []
        self._last_layout: tuple[str, dict[int, str], list[str]] | None = None
        self._current: Record | None = None
        self._pending_limit: dict[str, Any] | None = None
        self.not_stated: set[str] = set()
        self.sections: list[dict[str, Any]] = []
        self.contents: list[dict[str, Any]] = []
        self.headings: dict[str, str] = {}  # group -> its heading in part 3 as written
        self.analysis_headings: dict[str, str] = {}
        self.owner: dict[int, Record] = {}  # a cell written in the record's own row -> that record
        self.columns: dict[str, list[dict[str, str]]] = {}

    # --- the whole document --------------------------------------------------------------

    def _guess_kind(self) -> str:
        for t in self.body.tables:
            fields, _, _ = self._header(t)
            if set(fields.values()) & {"output", "outcome", "status", "percent"}:
                return "report"
        for b in self.body.blocks[:8]:
            if isinstance(b, Para) and "รายงานผล" in b.text and "มาตรการ" in b.text:
                return "report"
        return "measures"

    def run(self) -> Result:
        for block in self.body.blocks:
            if isinstance(block, Para):
                self._para(block)
            else:
                self._table(block)
        return self._result()

    # --- paragraphs ------------------------------------------------------------------

    def _heading(self, p: Para) -> tuple[str, Any] | None:
        text, body = p.text, p.line.body
        short = len(text) <= 160
        n = norm(text)
        if not short:
            return None
        if self.section == "title" and not self.title_lines and not re.match(r"^ส่วนที่", text):
            return None  # the cover's first line is the document's title, whatever its words
        for key in ("preface", "contents", "summary"):
            if any(n == w or (n.startswith(w) and len(n) < len(w) + 25) for w in self.vocab.sections[key]):
                return "section", key
        m = re.match(r"^ส่วนที่\s*([0-9๐-๙]+)", text)
        if m or p.line.outline is not None or re.match(r"^[0-9๐-๙]{1,2}\s*[.)]?\s*\D", text):
            kind = best_match(
                text, {k: v for k, v in self.vocab.sections.items() if k not in ("preface", "contents", "summary")}
            )
            if m and kind is None:
                kind = {"1": "assessment", "2": "analysis", "3": "measures", "4": "limitations"}.get(
                    to_arabic_digits(m[1]), "own"
                )
            if kind in ("report_problems", "report_summary", "report_suggestions") and self.kind != "report":
                kind = None
            grp = group_heading(text)
            if grp and grp[0] and kind is None:
                return "group", grp
            if grp and not grp[0] and kind is None and self._is_group_title(grp[1], grp[2], p):
                return "group", grp
            if kind and (m or p.line.outline is not None or len(text) <= 90):
                return "section", kind
        grp = group_heading(text)
        if grp and grp[0]:
            return "group", grp
        if (
            p.line.label
            and body
            and self._is_group_title(to_arabic_digits(re.sub(r"\D", "", p.line.label) or "0"), body, p)
        ):
            return "group", (None, str(int(to_arabic_digits(re.sub(r"\D", "", p.line.label)))), body)
        return None

    def _catalog_groups(self, grouping: str | None) -> dict[str, str]:
        cat = self.ctx.catalog
        if grouping == "indicators":
            return {str(i["number"]): i["title"] for i in cat.get("indicators", [])}
        for g in cat.get("groupings", []):
            if grouping in (None, g["key"]):
                return {str(x["key"]): x["title"] for x in g["groups"]}
        return {}

    def _is_group_title(self, key: str, title: str, p: Para) -> bool:
        if self.section not in ("analysis", "measures", "title", "own", "comparison") and self.kind != "report":
            return False
        known = self._catalog_groups(self.grouping) | self.group_titles
        if key in known and difflib.SequenceMatcher(None, norm(known[key]), norm(title)).ratio() >= 0.7:
            return True
        return p.line.outline is not None and len(title) <= 120

    def _set_group(self, grp: tuple[str | None, str, str], key: Key, written: str | None = None) -> None:
        label, number, title = grp
        if written:
            (self.analysis_headings if self.section == "analysis" else self.headings).setdefault(number, written)
        if label:
            self.grouping = self.grouping or label
        self.group = number
        if title and number not in self.group_titles:
            self.group_titles[number] = title
        self.ledger.place(key, f"year.yml: taxonomy ({number})")

    def _para(self, p: Para) -> None:
        key: Key = ("p", p.index)
        text = p.text
        h = self._heading(p)
        if h and h[0] == "section":
            self.section, self.section_name, self.group = h[1], text, None
            self._open_section(h[1], text, key)
            if h[1] == "assessment":
                self._read_ita_year(text)
            return
        if h and h[0] == "group" and (self.section != "title" or self.title_lines):
            self._set_group(h[1], key, text)
            return
        getattr(self, f"_in_{self.section}", self._in_own)(p, key, text)

    _SECTION_KIND = {"own": "text", "report_summary": None, "report_problems": None, "report_suggestions": None}
    _NUMBER = re.compile(
        r"^(ส่วนที่\s*[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\s*[.:]?|[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*\s*[.)]?)\s*(.*)$", re.S
    )

    def _open_section(self, kind: str, text: str, key: Key) -> None:
        """A heading of the document: kept with its own number and words (year.yml sections)."""
        sk = self._SECTION_KIND.get(kind, kind)
        if sk is None or self.kind == "report":
            self.ledger.frame(key, f"หัวข้อส่วน ({kind}) ของรายงาน")
            return
        m = self._NUMBER.match(text)
        number, heading = (m[1].strip(), m[2].strip()) if m and m[2].strip() else (None, text)
        if sk != "text" and any(s["kind"] == sk for s in self.sections):
            sk = "text"  # the same part named twice: the second heading stands as a heading of its own
        section: dict[str, Any] = {"kind": sk}
        if number:
            section["number"] = number
        section["heading"] = heading
        self.sections.append(section)
        self.ledger.place(key, f"year.yml: sections ({sk})")

    def _section_text(self, text: str, key: Key) -> bool:
        """A paragraph of a part with no other place: the part's own text (year.yml sections)."""
        if self.kind == "report" or not self.sections:
            return False
        s = self.sections[-1]
        s["text"] = f"{s['text']}\n\n{text}" if s.get("text") else text
        self.ledger.place(key, f"year.yml: sections ({s['kind']}).text")
        return True

    def _in_title(self, p: Para, key: Key, text: str) -> None:
        if self.kind == "report" and self._round_facts(text, key):
            return
        agency = text.startswith(tuple(self.vocab.agency_words))
        if not agency and (not self.title_lines or self._title_continues(text)) and len(self.title_lines) < 4:
            self.title_lines.append(text)
            self.ledger.place(key, "year.yml: title" if self.kind == "measures" else "rounds: title")
            return
        if agency:
            self.ledger.frame(key, "ชื่อหน่วยงานบนปก (อยู่ใน data/organization.yml แล้ว)")
            return
        if self.kind == "report":
            self.round_text["summary"].append(text)
            self.ledger.place(key, "rounds: summary")
            return
        self._in_own(p, key, text)

    def _title_continues(self, text: str) -> bool:
        return bool(
            re.search(r"ประจำปี|ปีงบประมาณ|พ\.ศ\.|ภายในหน่วยงาน|จากการวิเคราะห์|ในการดำเนินงาน|รอบ\s*[0-9๐-๙]|ครั้งที่", text)
        )

    def _in_preface(self, p: Para, key: Key, text: str) -> None:
        self.preface.append(text)
        self.ledger.place(key, "year.yml: preface")

    def _in_contents(self, p: Para, key: Key, text: str) -> None:
        if norm(text) in ("เรื่องหน้า", "เรื่อง", "หน้า"):
            self.ledger.frame(key, "หัวของสารบัญ")
            return
        m = re.match(r"^(.*?)[\s.]+([0-9๐-๙]{1,3}|[ก-ฮ])$", text)
        self.contents.append({"title": m[1].strip(), "page": m[2]} if m and m[1].strip() else {"title": text})
        self.ledger.place(key, "year.yml: contents")

    def _in_summary(self, p: Para, key: Key, text: str) -> None:
        self.summary.append(text)
        self.ledger.place(key, "year.yml: summary")
        self._read_scores(text)

    def _in_assessment(self, p: Para, key: Key, text: str) -> None:
        self._read_scores(text)
        if not self._section_text(text, key):
            self.ledger.note(key, "ข้อความบรรยายผลคะแนน (อ่านคะแนนรวมและระดับแล้ว)")

    def _in_analysis(self, p: Para, key: Key, text: str) -> None:
        if self.group is None:
            self.overview.append(text)
            self.ledger.place(key, "assessment.yml: analysis.overview")
            self._read_scores(text)
            return
        g = self.analysis.setdefault(self.group, {"group": self.group, "text": []})
        g["text"].append(text)
        self.ledger.place(key, f"assessment.yml: analysis.groups ({self.group})")

    def _in_comparison(self, p: Para, key: Key, text: str) -> None:
        self._in_own(p, key, text)

    def _in_measures(self, p: Para, key: Key, text: str) -> None:
        self._in_own(p, key, text)

    def _in_text(self, p: Para, key: Key, text: str) -> None:
        self._in_own(p, key, text)

    def _in_limitations(self, p: Para, key: Key, text: str) -> None:
        m = re.match(r"^(ข้อจำกัด|ผลกระทบ|แนวทางการพัฒนา|แนวทางแก้ไข|แนวทาง)\s*[:：]?\s*(.+)$", text, re.S)
        if m:
            f = {"ข้อจำกัด": "limitation", "ผลกระทบ": "impact"}.get(m[1], "approach")
            lim = self._pending_limit
            if lim is None or f in lim:
                lim = {}
                self.limitations.append(lim)
            lim[f] = m[2].strip()
            self._pending_limit = lim
            self.ledger.place(key, f"year.yml: limitations.{f}")
            return
        lim = {"description": text}
        for code, words in INSTRUMENT_WORDS.items():
            if any(w in text.lower() for w in words[:1]):
                lim["instrument"] = code
                break
        self.limitations.append(lim)
        self._pending_limit = lim
        self.ledger.place(key, "year.yml: limitations.description")

    def _in_report_summary(self, p: Para, key: Key, text: str) -> None:
        self.round_text["summary"].append(text)
        self.ledger.place(key, "rounds: summary")

    def _in_report_problems(self, p: Para, key: Key, text: str) -> None:
        self.round_text["problems"].append(text)
        self.ledger.place(key, "rounds: problems")

    def _in_report_suggestions(self, p: Para, key: Key, text: str) -> None:
        self.round_text["suggestions"].append(text)
        self.ledger.place(key, "rounds: suggestions")

    def _in_own(self, p: Para, key: Key, text: str) -> None:
        if self.kind == "report" and self._round_facts(text, key):
            return
        if self.section != "title" and self._section_text(text, key):
            return
        where = f" ในส่วน '{self.section_name[:60]}'" if self.section_name else ""
        self.ledger.note(key, f"ข้อความ{where} ที่ระบบยังไม่มีที่เก็บ")

    def _round_facts(self, text: str, key: Key) -> bool:
        t = to_arabic_digits(text)
        found = False
        if m := re.search(r"ข้อมูล\s*ณ\s*วันที่\s*(.+?)$", t):
            d = parse_period(m[1]).get("start") or _one_date(m[1])
            if d:
                self.round["as_of"] = d
                found = True
        if m := re.search(r"(?:ระหว่าง|ตั้งแต่)\s*วันที่\s*(.+?)\s*(?:ถึง|–|-)\s*(?:วันที่\s*)?(.+?)$", t):
            a, b = _one_date(m[1]), _one_date(m[2])
            if a and b:
                self.round["period"] = {"start": a, "end": b}
                found = True
        if found:
            self.ledger.place(key, "rounds: as_of / period")
        return found

    _SCORE = re.compile(
        r"(?:ผลคะแนน|ได้คะแนน|คะแนนรวม|คะแนนเฉลี่ย|ผลการประเมิน[^0-9]{0,30}?)\s*(?:เท่ากับ|อยู่ที่|ได้|รวม)?\s*([0-9]{1,3}(?:\.[0-9]+)?)\s*คะแนน"
    )

    def _read_scores(self, text: str) -> bool:
        t = to_arabic_digits(text)
        found = False
        if "score" not in self.assessment and (m := self._SCORE.search(t)):
            self.assessment["score"] = text[m.start(1) : m.end(1)]
            found = True
        bands = sorted((b["label"] for b in self.ctx.catalog.get("bands", [])), key=len, reverse=True)
        if "band" not in self.assessment and bands:
            m = re.search(r"(?:อยู่ใน)?ระดับ\s*[“\"'‘(]?\s*(" + "|".join(map(re.escape, bands)) + r")", text)
            if m:
                self.assessment["band"] = m[1]
                found = True
        self._read_ita_year(text)
        return found

    def _read_ita_year(self, text: str) -> None:
        m = re.search(r"(?:ITA|การประเมิน)[^0-9๐-๙]{0,80}?(?:พ\.ศ\.\s*)?([0-9๐-๙]{4})", text)
        if m and "ita_year" not in self.assessment:
            year = int(to_arabic_digits(m[1]))
            if 2550 <= year <= self.ctx.fiscal_year:
                self.assessment["ita_year"] = year

    # --- tables ---------------------------------------------------------------------

    def _header(self, t: Table) -> tuple[dict[int, str], int, list[str]]:
        """The field of each grid column, the number of header rows, the header labels."""
        n = 0
        flagged = any(r.repeat_header for r in t.rows[:4])
        for row in t.rows[:4]:
            texts = [c.origin.text for c in row.cells if c.origin.text]
            if flagged:  # Word's "repeat header row": exactly the rows so marked
                if not row.repeat_header:
                    break
                n += 1
                continue
            if not texts:
                break
            if any(group_heading(x) and group_heading(x)[0] for x in texts):  # type: ignore[index]
                break
            matched = sum(1 for x in texts if column_field(x, 0.25) and len(x) <= 160)
            if matched >= max(1, 0.6 * len(texts)):
                n += 1
            else:
                break
        fields: dict[int, str] = {}
        labels = [""] * t.width
        for col in range(t.width):
            for row in t.rows[:n]:
                cell = row.at(col)
                if cell is None or not cell.origin.text:
                    continue
                f = column_field(cell.origin.text)
                if f:
                    fields[col] = f
                if f or col not in fields:
                    labels[col] = cell.origin.text.replace("\n", " ")
        return fields, n, labels

    def _table_kind(self, fields: set[str]) -> str:
        if "contents_page" in fields:
            return "contents"
        if "limitation" in fields:
            return "limitations"
        if fields & {"assessed", "to_develop"}:
            return "comparison"
        if fields & REPORT_FIELDS:
            return "report"
        if "indicator" in fields and fields & {"score", "instrument_score"} and not fields & {"measure", "steps"}:
            return "indicators"
        if "instrument" in fields and "score" in fields:
            return "instruments"
        if "question" in fields and "score" in fields and not fields & {"steps", "measure", "approach"}:
            return "questions"
        if fields & MEASURE_FIELDS:
            return "measures"
        return "unknown"

    def _table(self, t: Table) -> None:
        fields, n, labels = self._header(t)
        kind = self._table_kind(set(fields.values())) if n else "unknown"
        if (
            (kind == "unknown" or n == 0)
            and self._last_layout
            and self._last_layout[1]
            and t.width == len(self._last_layout[2])
        ):
            kind, fields, labels = self._last_layout  # a table continued without its header
            n = 0
            self.to_check.append(f"ตารางที่ {t.index} ไม่มีหัวตาราง จึงอ่านต่อจากตารางก่อนหน้า (หัวคอลัมน์เดียวกัน)")
        elif self._last_layout and labels != self._last_layout[2]:
            self._current = None
        self._last_layout = (kind, fields, labels) if kind not in ("unknown", "contents") else self._last_layout
        self.tables.append(
            f"ตารางที่ {t.index}: "
            + _KIND_LABELS[kind]
            + (f" (หัวคอลัมน์: {' | '.join(x for x in labels if x)})" if any(labels) else "")
        )
        for row in t.rows[:n]:
            for c in row.cells:
                self.ledger.frame(cell_key(t, c), "หัวตาราง")
        if kind == "unknown":
            for row in t.rows:
                for c in row.cells:
                    self.ledger.note(cell_key(t, c), "ตารางที่ระบบไม่รู้จักหัวคอลัมน์")
            return
        if kind == "contents":
            cols = {f: col for col, f in fields.items()}
            for row in t.rows[n:]:
                tc = row.at(cols.get("contents_title", 0))
                pc = row.at(cols["contents_page"])
                if tc is None or not tc.own_text:
                    continue
                entry = {"title": tc.own_text.replace("\n", " ")}
                self.ledger.place(cell_key(t, tc), "year.yml: contents")
                if pc is not None and pc.own_text and pc is not tc:
                    entry["page"] = pc.own_text
                    self.ledger.place(cell_key(t, pc), "year.yml: contents.page")
                self.contents.append(entry)
            return
        header_texts = [[c.origin.text for c in r.cells] for r in t.rows[:n]]
        for row in t.rows[n:]:
            texts = [c.origin.text for c in row.cells]
            if texts in header_texts or (self._last_layout and n == 0 and False):
                for c in row.cells:
                    self.ledger.frame(cell_key(t, c), "หัวตารางที่พิมพ์ซ้ำ (ตารางต่อหน้า)")
                continue
            if self._is_repeat_header(row, fields):
                for c in row.cells:
                    self.ledger.frame(cell_key(t, c), "หัวตารางที่พิมพ์ซ้ำ (ตารางต่อหน้า)")
                continue
            getattr(self, f"_row_{kind}")(t, row, fields, labels)

    def _is_repeat_header(self, row: Row, fields: dict[int, str]) -> bool:
        own = [c for c in row.cells if c.own_text]
        return bool(own) and all(column_field(c.own_text) == fields.get(c.col) for c in own) and len(own) >= 2

    def _unknown_cells(self, t: Table, row: Row, fields: dict[int, str], labels: list[str]) -> None:
        for c in row.cells:
            if c.own_text and c.col not in fields:
                label = labels[c.col] or "ไม่มีหัวคอลัมน์"
                self.ledger.note(cell_key(t, c), f"คอลัมน์ที่ระบบไม่รู้จัก ('{label}')")

    def _group_row(self, t: Table, row: Row) -> bool:
        own = [c for c in row.cells if c.own_text]
        if len(own) != 1 or (own[0].span < max(2, t.width // 2) and len([c for c in row.cells if c.text]) > 1):
            return False
        grp = group_heading(own[0].own_text)
        if not grp or (not grp[0] and own[0].span < t.width):
            return False
        self._set_group(grp, cell_key(t, own[0]))
        self._current = None
        return True

    def _row_measures(self, t: Table, row: Row, fields: dict[int, str], labels: list[str]) -> None:
        if self._group_row(t, row):
            return
        present = set(fields.values())
        keys = next((k for k in ("measure", "ordinal", "approach", "steps", "finding") if k in present), None)
        key_cols = [col for col, f in fields.items() if f == keys]
        new = any((c := row.at(col)) is not None and c.own_text for col in key_cols)
        if new or self._current is None:
            self._current = Record(f"ตารางที่ {t.index} แถวที่ {row.index + 1}", self.group, table=t)
            self.records.append(self._current)
            self._columns(fields, labels)
        rec = self._current
        this_row: dict[str, Cell] = {}
        rec.rows.append(this_row)
        for c in row.cells:
            f = fields.get(c.col)
            if f is None:
                continue
            if f in ("indicator", "group"):
                f = "group"
            if c.merged_from is not None:
                if f in SHARED:
                    this_row[f] = c
                    if new:
                        rec.add(f, c)
                continue
            if not c.own_text:
                continue
            this_row[f] = c
            if f == "ordinal":
                rec.number = c.own_text
                self.ledger.place(cell_key(t, c), "measures: number")
                continue
            rec.add(f, c)
            self.owner.setdefault(id(c), rec)
            self.ledger.place(
                cell_key(t, c),
                f"{'measures' if f in MEASURE_FIELDS | SHARED | {'reporting', 'oit'} else 'rounds'}: {f}",
            )
        self._unknown_cells(t, row, fields, labels)

    _MEASURE_COLUMN = {
        "ordinal": "number",
        "question": "questions",
        "finding": "findings",
        "measure": "title",
        "target": "targets",
        "oit": "oit_items",
    }
    _REPORT_COLUMN = {"ordinal": "number", "measure": "title"}

    def _columns(self, fields: dict[int, str], labels: list[str]) -> None:
        """The table's own columns, in its order and with its words (the first table of a kind)."""
        kind = "report" if set(fields.values()) & REPORT_FIELDS else "measures"
        if kind in self.columns:
            return
        names = self._REPORT_COLUMN if kind == "report" else self._MEASURE_COLUMN
        allowed = REPORT_COLUMN_FIELDS if kind == "report" else MEASURE_COLUMN_FIELDS
        out: list[dict[str, str]] = []
        for col in sorted(fields):
            name = names.get(fields[col], fields[col])
            if name in allowed and name not in [c["field"] for c in out]:
                out.append({"field": name, "label": labels[col]} if labels[col] else {"field": name})
        self.columns[kind] = out

    _row_report = _row_measures

    def _row_indicators(self, t: Table, row: Row, fields: dict[int, str], labels: list[str]) -> None:
        cols = {f: col for col, f in fields.items()}
        ind_cell = row.at(cols["indicator"])
        text = ind_cell.own_text if ind_cell else ""
        if re.search(r"รวม|เฉลี่ย|ภาพรวม", text):
            sc = row.at(cols.get("score", -1))
            if sc and (v := score_text(sc.own_text)) is not None:
                self.assessment["score"] = v
                self.ledger.place(cell_key(t, sc), "assessment.yml: assessment.score")
                self.ledger.frame(cell_key(t, ind_cell), "ป้ายแถวคะแนนรวม")  # type: ignore[arg-type]
            self._unknown_cells(t, row, fields, labels)
            return
        grp = group_heading(text)
        number = grp[1] if grp else None
        if number is None:
            self._unknown_cells(t, row, fields, labels)
            return
        entry: dict[str, Any] = {"number": int(number)}
        title = grp[2] if grp else ""
        known = {str(i["number"]): i for i in self.ctx.catalog.get("indicators", [])}
        if title and number in known and norm(title) != norm(known[number]["title"]):
            entry["title_doc"] = title
        self.ledger.place(cell_key(t, ind_cell), "assessment.yml: indicators.number")  # type: ignore[arg-type]
        sc = row.at(cols["score"]) if "score" in cols else None
        if sc and sc.own_text and (v := score_text(sc.own_text)) is not None:
            entry["score"] = v
            self.ledger.place(cell_key(t, sc), "assessment.yml: indicators.score")
        self.assessment.setdefault("indicators", []).append(entry)
        ic = row.at(cols["instrument_score"]) if "instrument_score" in cols else None
        if ic and ic.own_text and number in known:
            self._instrument_cell(t, ic, known[number]["instrument"])
        self._unknown_cells(t, row, fields, labels)

    def _instrument_cell(self, t: Table, cell: Cell, code: str) -> None:
        text = cell.own_text
        inst: dict[str, Any] = {"code": code}
        parts = _parts(text)
        if parts:
            inst["parts"] = parts
        else:
            v = score_text(text)
            if v is None:
                self.ledger.note(cell_key(t, cell), "อ่านคะแนนแบบวัดไม่ได้")
                return
            inst["score"] = v
        self.assessment.setdefault("instruments", []).append(inst)
        self.ledger.place(cell_key(t, cell), f"assessment.yml: instruments ({code})")

    def _row_instruments(self, t: Table, row: Row, fields: dict[int, str], labels: list[str]) -> None:
        cols = {f: col for col, f in fields.items()}
        ic, sc = row.at(cols["instrument"]), row.at(cols["score"])
        pc = row.at(cols["parts"]) if "parts" in cols else None
        code = _instrument_code(ic.own_text) if ic else None
        if code is None:
            self._unknown_cells(t, row, fields, labels)
            return
        inst: dict[str, Any] = {"code": code}
        self.ledger.place(cell_key(t, ic), "assessment.yml: instruments.code")  # type: ignore[arg-type]
        if sc and (v := score_text(sc.own_text)) is not None:
            inst["score"] = v
            self.ledger.place(cell_key(t, sc), "assessment.yml: instruments.score")
        if pc and pc.own_text and (parts := _parts(pc.own_text)):
            inst["parts"] = parts
            self.ledger.place(cell_key(t, pc), "assessment.yml: instruments.parts")
        self.assessment.setdefault("instruments", []).append(inst)
        self._unknown_cells(t, row, fields, labels)

    def _row_questions(self, t: Table, row: Row, fields: dict[int, str], labels: list[str]) -> None:
        cols = {f: col for col, f in fields.items()}
        qc = row.at(cols["question"])
        parsed = question_code(qc.own_text) if qc else None
        if not parsed or qc is None:
            self._unknown_cells(t, row, fields, labels)
            return
        code, rest, guessed = parsed
        q: dict[str, Any] = {"code": code}
        tc = row.at(cols["question_text"]) if "question_text" in cols else None
        text = (tc.own_text if tc else "") or rest
        if text:
            q["text"] = text
        sc = row.at(cols["score"])
        if sc and (v := score_text(sc.own_text)) is not None:
            q["score"] = v
            self.ledger.place(cell_key(t, sc), "assessment.yml: questions.score")
        if guessed:
            self.to_check.append(
                f"ตารางที่ {t.index} แถวที่ {row.index + 1}: อ่าน '{qc.own_text[:4]}' เป็นรหัสข้อ {code} ให้ตรวจ"
            )
        self.ledger.place(cell_key(t, qc), "assessment.yml: questions")
        if tc:
            self.ledger.place(cell_key(t, tc), "assessment.yml: questions.text")
        self.assessment.setdefault("questions", []).append(q)
        self._unknown_cells(t, row, fields, labels)

    def _row_comparison(self, t: Table, row: Row, fields: dict[int, str], labels: list[str]) -> None:
        cols = {f: col for col, f in fields.items()}
        gcol = cols.get("group", cols.get("ordinal", 0))
        gc = row.at(gcol)
        grp = group_heading(gc.origin.text) if gc else None
        key = grp[1] if grp else self._group_by_title(gc.origin.text if gc else "")
        if key is None:
            self._unknown_cells(t, row, fields, labels)
            if gc:
                self.ledger.note(cell_key(t, gc), "ไม่รู้ว่าแถวนี้เป็นประเด็นใด")
            return
        g = self.analysis.setdefault(key, {"group": key, "text": []})
        self.ledger.place(cell_key(t, gc), f"assessment.yml: analysis.groups ({key})")  # type: ignore[arg-type]
        if grp and grp[2] and key not in self.group_titles:
            self.group_titles[key] = grp[2]
        for f in ("assessed", "to_develop"):
            c = row.at(cols[f]) if f in cols else None
            if c and c.own_text:
                g[f] = c.own_text
                self.ledger.place(cell_key(t, c), f"assessment.yml: analysis.groups.{f}")
        self._unknown_cells(t, row, fields, labels)

    def _group_by_title(self, text: str) -> str | None:
        known = self._catalog_groups(self.grouping) | self.group_titles
        best = max(
            known.items(), key=lambda kv: difflib.SequenceMatcher(None, norm(kv[1]), norm(text)).ratio(), default=None
        )
        if best and difflib.SequenceMatcher(None, norm(best[1]), norm(text)).ratio() >= 0.7:
            return best[0]
        return None

    def _row_limitations(self, t: Table, row: Row, fields: dict[int, str], labels: list[str]) -> None:
        lim: dict[str, Any] = {}
        for c in row.cells:
            f = fields.get(c.col)
            if not c.own_text or f is None:
                continue
            if f in ("instrument", "ordinal"):
                code = _instrument_code(c.own_text)
                if code:
                    lim["instrument"] = code
                rest = re.sub(r"^\s*(IIT|EIT|OIT)\s*[:\-–]?\s*", "", c.own_text).strip()
                if rest and rest != c.own_text.strip() or not code:
                    lim["description"] = rest or c.own_text
                elif rest and code and rest == c.own_text.strip():
                    lim["description"] = rest
                self.ledger.place(cell_key(t, c), "year.yml: limitations")
            elif f in ("limitation", "impact", "approach", "description"):
                lim[f] = c.own_text
                self.ledger.place(cell_key(t, c), f"year.yml: limitations.{f}")
        if lim:
            self.limitations.append(lim)
        self._unknown_cells(t, row, fields, labels)

    # --- the records ----------------------------------------------------------------

    def _result(self) -> Result:
        units = self._units()
        measures, entries = self._measures(units)
        year: dict[str, Any] = {"fiscal_year": self.ctx.fiscal_year}
        self.grouping = self.grouping or self._grouping_from_titles()
        year["grouping"] = self.grouping
        taxonomy = self._taxonomy()
        if taxonomy:
            year["taxonomy"] = taxonomy
        if self.kind == "measures" and self.title_lines:
            title, subtitle = _title_and_subtitle(self.title_lines)
            year["title"] = title
            if subtitle:
                year["subtitle"] = subtitle
        signature = _signature(self.preface)
        if self.preface:
            year["preface"] = "\n\n".join(self.preface)
        if signature:
            year["preface_signature"] = signature
        if self.summary:
            year["summary"] = "\n\n".join(self.summary)
        if self.kind == "measures":
            sections = self._sections(bool(measures), bool(self.limitations))
            if sections:
                year["sections"] = sections
            if self.contents:
                year["contents"] = self.contents
            if self.columns.get("measures") and measures:
                year["measures_columns"] = self.columns["measures"]
        year["units"] = units
        if not units:
            self.to_check.append("year.yml: units เอกสารไม่ได้ระบุส่วนราชการที่รับผิดชอบ จึงเว้นไว้")
        lims = [_limitation(x) for x in self.limitations]
        lims = [x for x in lims if x]
        for n, lim in enumerate(lims):
            if "limitation" not in lim:
                self.to_fill.append(f"year.yml: limitations[{n}].limitation (ข้อจำกัด) เอกสารเขียนเพียงคำอธิบาย")
        if lims:
            year["limitations"] = lims
        return Result(
            self.kind,
            year,
            self._assessment(),
            measures,
            self._round(entries),
            units,
            self.to_fill,
            self.to_check,
            self.ledger,
            self.tables,
        )

    def _sections(self, has_measures: bool, has_limitations: bool) -> list[dict[str, Any]]:
        """The document's headings in its order; parts with data but no heading of their own
        are added where the default order puts them (so nothing vanishes from the site)."""
        if not self.sections:
            return []
        out = list(self.sections)
        has = {
            "preface": bool(self.preface),
            "contents": bool(self.contents),
            "summary": bool(self.summary),
            "assessment": bool(self.assessment),
            "analysis": bool(self.overview or self.analysis),
            "measures": has_measures,
            "limitations": has_limitations,
        }
        order = ("preface", "contents", "summary", "assessment", "analysis", "comparison", "measures", "limitations")
        for kind in order:
            if has.get(kind) and not any(s["kind"] == kind for s in out):
                later = [
                    n for n, s in enumerate(out) if s["kind"] in order and order.index(s["kind"]) > order.index(kind)
                ]
                out.insert(later[0] if later else len(out), {"kind": kind})
                self.to_check.append(f"year.yml: sections เอกสารไม่มีหัวข้อของส่วน {kind} จึงใช้หัวข้อมาตรฐาน")
        return out

    def _grouping_from_titles(self) -> str:
        if not self.group_titles:
            return "issues"
        issues = self._catalog_groups("issues")
        score = sum(
            difflib.SequenceMatcher(None, norm(issues.get(k, "")), norm(v)).ratio()
            for k, v in self.group_titles.items()
        )
        inds = self._catalog_groups("indicators")
        score_i = sum(
            difflib.SequenceMatcher(None, norm(inds.get(k, "")), norm(v)).ratio() for k, v in self.group_titles.items()
        )
        return "indicators" if score_i > score else "issues"

    def _taxonomy(self) -> list[dict[str, Any]] | None:
        base = self._catalog_groups(self.grouping)
        differs = [k for k, v in self.group_titles.items() if k in base and norm(base[k]) != norm(v)]
        unknown = [k for k in self.group_titles if k not in base]
        own_heading = {k: h for k, h in self.headings.items() if not self._default_heading(k, h)}
        if not differs and not unknown and not own_heading:
            return None
        groups = []
        inds: dict[str, list[int]] = {}
        for g in self.ctx.catalog.get("groupings", []):
            if g["key"] == self.grouping:
                inds = {str(x["key"]): x.get("indicators", []) for x in g["groups"]}
        for k in sorted(set(base) | set(self.group_titles), key=lambda x: (len(x), x)):
            entry: dict[str, Any] = {"key": k, "title": self.group_titles.get(k, base.get(k, ""))}
            if inds.get(k):
                entry["indicators"] = inds[k]
            if k in own_heading:
                entry["heading"] = own_heading[k]
            groups.append(entry)
        self.to_check.append("year.yml: taxonomy ชื่อกลุ่มตามที่เอกสารเขียน (ต่างจากชื่อมาตรฐานของปี ITA) ให้ตรวจ")
        return groups

    def _label(self) -> str:
        return "ตัวชี้วัดที่" if self.grouping == "indicators" else "ประเด็นที่"

    def _default_heading(self, key: str, written: str) -> bool:
        """Whether ``written`` is what the site would print anyway ("ประเด็นที่ ๑ ชื่อกลุ่ม")."""
        title = self.group_titles.get(key) or self._catalog_groups(self.grouping).get(key, "")
        return norm(written) == norm(f"{self._label()} {key} {title}")

    def _units(self) -> list[dict[str, str]]:
        units = [dict(u) for u in self.ctx.existing_units]
        by_name = {norm(u["name"]): u["id"] for u in units}
        for rec in self.records:
            for body, _ in rec.lines("responsible"):
                for name in unit_names(body):
                    if norm(name) not in by_name:
                        uid = unit_id(name, {u["id"] for u in units})
                        units.append({"id": uid, "name": name})
                        by_name[norm(name)] = uid
        return units

    def _measures(self, units: list[dict[str, str]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        by_name = {norm(u["name"]): u["id"] for u in units}
        measures: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        existing = {norm(m.get("title", "")): m for m in self.ctx.existing_measures}
        taken = {m["id"] for m in self.ctx.existing_measures if "id" in m}
        width = 3 if len(self.records) >= 100 else 2
        n = 0
        for rec in self.records:
            title = rec.text("measure", " ")
            title = " ".join(title.split("\n")) if title else None
            match = existing.get(norm(title or "")) if title else None
            if match is None and title and existing:
                close = difflib.get_close_matches(norm(title), list(existing), n=1, cutoff=0.85)
                match = existing[close[0]] if close else None
            if match is not None:
                mid = match["id"]
            else:
                n += 1
                while f"m{n:0{width}d}" in taken:
                    n += 1
                mid = f"m{n:0{width}d}"
                taken.add(mid)
            rec.mid = mid
            if match is None:
                measures.append(self._measure(rec, mid, title, by_name, units))
                if existing:
                    self.to_fill.append(
                        f"measures/: ไม่พบมาตรการ '{(title or '')[:60]}' ({rec.where}) ในมาตรการที่มีอยู่ (measures/) "
                        f"ผลของแถวนี้ใช้รหัส {mid}: เพิ่มมาตรการนี้ (python -m prongsai new-measure) หรือแก้ชื่อในรายงานให้ตรงกัน"
                    )
            if self.kind == "report":
                entries.append(self._entry(rec, mid))
        return measures, entries

    def _measure(
        self, rec: Record, mid: str, title: str | None, by_name: dict[str, str], units: list[dict[str, str]]
    ) -> dict[str, Any]:
        where = rec.where
        m: dict[str, Any] = {"id": mid}
        group = rec.group
        if "group" in rec.cells:
            gtext = rec.text("group") or ""
            grp = group_heading(gtext)
            group = grp[1] if grp else self._group_by_title(gtext) or group
            if grp and grp[0]:
                self.grouping = self.grouping or grp[0]
            if grp and grp[2]:
                self.group_titles.setdefault(grp[1], grp[2])
        if group:
            m["group"] = group
        else:
            self.to_fill.append(f"measures/{mid}.yml: group ({where}) เอกสารไม่ได้บอกว่ามาตรการนี้อยู่ในประเด็นใด")
        if title:
            m["title"] = title
        else:
            self.to_fill.append(f"measures/{mid}.yml: title ({where}) เอกสารไม่มีชื่อมาตรการ")
        if rec.number:
            m = {
                "id": mid,
                **({"group": m["group"]} if "group" in m else {}),
                "number": rec.number,
                **{k: v for k, v in m.items() if k not in ("id", "group")},
            }
        shared_from = self._shared_from(rec)
        if shared_from:
            m["findings_from"] = shared_from
        else:
            findings = self._findings(rec, mid)
            if findings:
                m["findings"] = findings
            if approach := rec.text("approach"):
                m["approach"] = approach
        per_step = self._per_step(rec)
        if per_step:
            m["steps"] = per_step
            self.to_check.append(f"measures/{mid}.yml: ({where}) ระยะเวลาและผู้รับผิดชอบแยกตามขั้นตอน ตามที่เอกสารเขียน")
        else:
            steps_lines = rec.lines("steps")
            if steps_lines:
                m["steps"] = split_steps([b for b, _ in steps_lines], [lab for _, lab in steps_lines])
            periods = [c.origin.text for c in rec.cells.get("period", []) if c.origin.text]
            distinct = list(dict.fromkeys(periods))
            period = (
                parse_period(distinct[0]) if len(distinct) == 1 else ({"text": "\n".join(distinct)} if distinct else {})
            )
            if period:
                m["period"] = period
            else:
                self.to_check.append(f"measures/{mid}.yml: period ({where}) เอกสารไม่ได้ระบุระยะเวลาดำเนินการ จึงเว้นไว้")
        resp, as_written, note = self._responsible(rec, by_name)
        if resp:
            m["responsible"] = resp
        if as_written and not per_step:
            m["responsible_text"] = as_written
        if note:
            m["responsible_note"] = note
        if not resp and not as_written and not per_step:
            self.to_check.append(f"measures/{mid}.yml: responsible ({where}) เอกสารไม่ได้ระบุหน่วยงานผู้รับผิดชอบ จึงเว้นไว้")
        for f in ("monitoring", "reporting"):
            if value := rec.text(f):
                m[f] = value
        if "oit" in rec.cells:
            codes = list(dict.fromkeys(oit_codes(rec.text("oit") or "")))
            if codes:
                m["oit_items"] = codes
        if "target" in rec.cells:
            m["targets"] = [_target(b) for b, _ in rec.lines("target")]
        return m

    def _findings(self, rec: Record, mid: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for c in rec.cells.get("finding", []):
            if c.origin.text:
                out.append({"text": c.origin.text})
        questions: list[dict[str, Any]] = []
        for c in rec.cells.get("question", []):
            for ln in c.origin.lines:
                parsed = question_code(ln.body)
                if not parsed:
                    if questions:
                        questions[-1]["text"] = f"{questions[-1].get('text', '')} {ln.body}".strip()
                    elif out:
                        out[0]["text"] = f"{ln.body}\n{out[0]['text']}"
                    else:
                        out.append({"text": ln.body})
                    continue
                code, rest, guessed = parsed
                text, score = split_score(rest)
                q: dict[str, Any] = {"code": code}
                if text:
                    q["text"] = text
                if score is not None:
                    q["score"] = score
                if guessed:
                    self.to_check.append(
                        f"measures/{mid}.yml: อ่าน '{ln.body[:4]}' เป็นรหัสข้อ {code} (เลขศูนย์ไทยแทนตัว O) ให้ตรวจ"
                    )
                questions.append(q)
        if questions:
            if not out:
                out.append({})
                self.to_fill.append(f"measures/{mid}.yml: findings[0].text ({rec.where}) มีข้อคำถาม ITA แต่ไม่มีข้อค้นพบ")
            out[0]["questions"] = questions
        return out

    def _shared_from(self, rec: Record) -> str | None:
        """The earlier measure whose findings, questions and approach this one shares: the
        document's cells for them are merged down over both rows."""
        cells = [c for f in ("finding", "question", "approach") for c in rec.cells.get(f, [])]
        if not cells or any(c.merged_from is None for c in cells):
            return None
        owners = {id(self.owner.get(id(c.origin))) for c in cells}
        owner = self.owner.get(id(cells[0].origin))
        if len(owners) != 1 or owner is None or owner is rec or not owner.mid:
            return None
        return owner.mid

    def _per_step(self, rec: Record) -> list[dict[str, str]] | None:
        """Steps with their own period and unit: rows of one measure that each give their own."""
        rows = [r for r in rec.rows if "steps" in r]
        own = lambda f: {r[f].origin.text for r in rows if f in r and r[f].merged_from is None and r[f].origin.text}  # noqa: E731
        if len(rows) < 2 or (len(own("period")) < 2 and len(own("responsible")) < 2):
            return None
        out: list[dict[str, str]] = []
        for r in rows:
            lines = [(ln.body, ln.label) for ln in r["steps"].origin.lines]
            for text in split_steps([b for b, _ in lines], [lab for _, lab in lines]):
                step = {"text": text}
                for f, key in (("period", "period"), ("responsible", "responsible")):
                    if f in r and r[f].origin.text:
                        step[key] = r[f].origin.text
                out.append(step)
        return out

    def _responsible(self, rec: Record, by_name: dict[str, str]) -> tuple[list[str], str | None, str | None]:
        """Unit ids, the cell as written (when it is more than a list of unit names, one a
        line: "สำนักปลัด/กองคลัง", "ทุกสำนัก/กอง"), and a note (lines after the names)."""
        ids: list[str] = []
        pure_lines: list[str] = []
        other: list[str] = []
        for body, _ in rec.lines("responsible"):
            names = unit_names(body)
            if names and len(names) == 1 and norm(names[0]) == norm(body):
                pure_lines.append(body)
            else:
                other.append(body)
            for name in names:
                uid = by_name.get(norm(name))
                if uid and uid not in ids:
                    ids.append(uid)
        if pure_lines:
            return ids, None, "\n".join(other) or None
        return ids, "\n".join(other) or None, None

    def _entry(self, rec: Record, mid: str) -> dict[str, Any]:
        e: dict[str, Any] = {"measure": mid}
        status_text = rec.text("status")
        if status_text:
            status = parse_status(status_text.split("\n")[0])
            if status:
                e["status"] = status
            else:
                self.to_fill.append(
                    f"rounds: {mid}.status ({rec.where}) อ่านสถานะ '{status_text[:30]}' ไม่ได้ ให้เลือกจากรายการสถานะ"
                )
        else:
            self.not_stated.add("status")
        if (p := rec.text("percent")) and (v := parse_number(p)) is not None:
            e["percent"] = number_value(v)
        for f in ("output", "outcome", "problems", "suggestions"):
            if value := rec.text(f):
                e[f] = value
        if "evidence" in rec.cells:
            docs = [_evidence(b) for b, _ in rec.lines("evidence")]
            e["evidence"] = [d for d in docs if d]
            if not e["evidence"]:
                del e["evidence"]
                self.to_check.append(f"rounds: {mid}.evidence ({rec.where}) หลักฐานไม่มีลิงก์ เก็บไว้ไม่ได้ ให้เพิ่ม url หรือ file")
        return e

    def _assessment(self) -> dict[str, Any] | None:
        a = self.assessment
        if not a and not self.analysis and not self.overview:
            return None
        out: dict[str, Any] = {}
        ita = a.get("ita_year")
        if ita is None:
            ita = self.ctx.fiscal_year - 1
            self.to_check.append(
                f"assessment.yml: assessment.ita_year เอกสารไม่ได้ระบุปีของผลคะแนน ใส่ {ita} (ปีก่อนปีงบประมาณ) ให้ตรวจ"
            )
        out["ita_year"] = ita
        for f in ("score", "band"):
            if f in a:
                out[f] = a[f]
            else:
                self.to_fill.append(
                    f"assessment.yml: assessment.{f} เอกสารไม่ได้ระบุ{'คะแนนรวม' if f == 'score' else 'ระดับผลการประเมิน'}"
                )
        insts: dict[str, dict[str, Any]] = {}
        for inst in a.get("instruments", []):
            merged = insts.setdefault(inst["code"], {"code": inst["code"]})
            merged.update(inst)
        for code, inst in insts.items():
            if "score" not in inst:
                self.to_check.append(f"assessment.yml: instruments ({code}) มีเฉพาะคะแนนรายส่วน จึงเว้น score ไว้")
        if insts:
            out["instruments"] = list(insts.values())
        inds = []
        for i in a.get("indicators", []):
            entry = {"number": i["number"]}
            if "score" in i:
                entry["score"] = i["score"]
            else:
                self.to_check.append(f"assessment.yml: indicators ({i['number']}) เอกสารไม่ได้ระบุคะแนน จึงเว้นไว้")
            if "title_doc" in i:
                entry["title"] = i["title_doc"]
            inds.append(entry)
        if inds:
            out["indicators"] = inds
        if a.get("questions"):
            out["questions"] = a["questions"]
        result: dict[str, Any] = {"assessment": out}
        analysis: dict[str, Any] = {}
        if self.overview:
            analysis["overview"] = "\n\n".join(self.overview)
        groups = []
        for key in sorted(self.analysis, key=lambda k: (len(k), k)):
            g = self.analysis[key]
            entry = {"group": key}
            written = self.analysis_headings.get(key)
            if written and not self._default_heading(key, written):
                entry["heading"] = written
            if g["text"]:
                entry["text"] = "\n\n".join(g["text"])
            else:
                self.to_fill.append(
                    f"assessment.yml: analysis.groups ({key}).text มีตารางเปรียบเทียบแต่ไม่มีข้อความวิเคราะห์ของประเด็นนี้"
                )
            for f in ("assessed", "to_develop"):
                if f in g:
                    entry[f] = g[f]
            groups.append(entry)
        if groups:
            analysis["groups"] = groups
        if analysis:
            result["analysis"] = analysis
        return result

    def _round(self, entries: list[dict[str, Any]]) -> dict[str, Any] | None:
        if self.kind != "report":
            return None
        title = " ".join(self.title_lines)
        t = to_arabic_digits(title)
        span = FiscalYearSpan(self.ctx.fiscal_year)
        if re.search(r"รอบ\s*6\s*เดือน|6\s*เดือนแรก|ครึ่งปี", t):
            kind, rid = "six_month", "r6m"
        elif re.search(r"รอบ\s*12\s*เดือน|ประจำปี|สิ้นปี", t):
            kind, rid = "twelve_month", "r12m"
        elif m := re.search(r"ไตรมาส(?:ที่)?\s*([1-4])", t):
            kind, rid = "quarter", f"q{m[1]}"
        else:
            kind, rid = "other", "report"
            self.to_check.append("rounds: kind เอกสารไม่ได้บอกว่าเป็นรอบ 6 หรือ 12 เดือน ใส่เป็น other ให้ตรวจ")
        r: dict[str, Any] = {"id": rid, "kind": kind}
        if title:
            r["title"] = title
        if "period" in self.round:
            r["period"] = self.round["period"]
        else:
            import datetime as dt

            ends = {"six_month": dt.date(span.end.year, 3, 31), "twelve_month": span.end}
            if kind in ends:
                r["period"] = {"start": span.start, "end": ends[kind]}
                self.to_check.append(f"rounds/{rid}.yml: period คิดจากชนิดรอบและปีงบประมาณ (เอกสารไม่ได้เขียนช่วงวันที่) ให้ตรวจ")
            else:
                self.to_fill.append(f"rounds/{rid}.yml: period (ช่วงเวลาที่รายงาน) เอกสารไม่ได้ระบุ")
        if "as_of" in self.round:
            r["as_of"] = self.round["as_of"]
        else:
            self.to_check.append(f"rounds/{rid}.yml: as_of เอกสารไม่ได้ระบุวันที่ของข้อมูล จึงเว้นไว้ (หน้าเว็บไม่แสดง)")
        for f, lines in self.round_text.items():
            if lines:
                r[f] = "\n\n".join(lines)
        if self.columns.get("report"):
            r["columns"] = self.columns["report"]
        r["entries"] = entries
        if "status" in self.not_stated:
            self.to_check.append(f"rounds/{rid}.yml: บางมาตรการเอกสารไม่ได้ระบุสถานะ จึงเว้น status ไว้ (หน้าเว็บไม่แสดงสถานะ)")
        return r


_KIND_LABELS = {
    "measures": "ตารางมาตรการ",
    "report": "ตารางรายงานผล",
    "indicators": "ตารางคะแนนรายตัวชี้วัด",
    "instruments": "ตารางคะแนนรายแบบวัด",
    "questions": "ตารางคะแนนรายข้อคำถาม",
    "comparison": "ตารางเปรียบเทียบ",
    "limitations": "ตารางข้อจำกัด",
    "contents": "สารบัญ",
    "unknown": "ตารางที่ไม่รู้จัก (ไม่นำเข้า ดูรายการด้านล่าง)",
}


def _one_date(text: str) -> Any:
    from .values import _date

    return _date(text)


_PART = re.compile(r"(ส่วนที่\s*[0-9๐-๙]+|[^:=\n]+?)\s*[:=]\s*([0-9๐-๙]{1,3}(?:\.[0-9๐-๙]+)?)")


def _parts(text: str) -> list[dict[str, Any]]:
    return [{"title": m[1].strip(), "score": m[2]} for m in _PART.finditer(text)]


def _instrument_code(text: str) -> str | None:
    low = text.lower()
    for code, words in INSTRUMENT_WORDS.items():
        if words[0] in low:
            return code
    for code, words in INSTRUMENT_WORDS.items():
        if words[1] in low:
            return code
    return None


def _limitation(lim: dict[str, Any]) -> dict[str, Any]:
    order = ("instrument", "description", "limitation", "impact", "approach")
    return {k: lim[k] for k in order if k in lim}


def _target(text: str) -> dict[str, Any]:
    m = re.match(r"^(.*?)\s*\(ค่าเป้าหมาย\s*[:：]\s*(.+)\)\s*$", text)
    return {"text": m[1], "value": m[2]} if m else {"text": text}


_URL = re.compile(r"https?://\S+")


def _evidence(text: str) -> dict[str, Any] | None:
    m = _URL.search(text)
    if not m:
        return None
    title = text[: m.start()].strip(" :-–") or text[m.end() :].strip(" :-–()") or m[0]
    return {"title": title, "url": m[0].rstrip(").,")}


_YEAR_LINE = re.compile(r"ประจำปี|ปีงบประมาณ|พ\.ศ\.|รอบ\s*[0-9๐-๙]")


def _title_and_subtitle(lines: list[str]) -> tuple[str, str | None]:
    """The cover's lines: the title up to the line that names the year, the rest its subtitle."""
    first_year = next((n for n, line in enumerate(lines) if _YEAR_LINE.search(line)), len(lines))
    if first_year == 0:
        return " ".join(lines), None
    return " ".join(lines[:first_year]), "\n".join(lines[first_year:]) or None


_MONTH_YEAR = re.compile(r"^(?:เดือน\s*)?(?:" + "|".join(MONTHS) + r")\s*(?:พ\.ศ\.\s*)?[0-9๐-๙]{4}$")


def _signature(preface: list[str]) -> dict[str, str] | None:
    """The preface's closing lines, unit and month, as written; taken out of the preface text."""
    if len(preface) < 2:
        return None
    date = preface[-1] if _MONTH_YEAR.match(preface[-1].strip()) else None
    by_index = -2 if date else -1
    by = preface[by_index].strip()
    if (
        len(preface) + by_index < 1
        or len(by) > 80
        or not by.startswith(tuple(vocabulary().unit_words) + ("องค์การ", "เทศบาล"))
    ):
        return None
    if date is None and unit_names(by) != [by]:
        return None
    del preface[by_index:]
    return {"by": by, "date": date} if date else {"by": by}
