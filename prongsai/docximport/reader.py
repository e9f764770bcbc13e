"""A Word file as blocks in reading order: paragraphs and tables, read with python-docx.

Tables are read from each row's own ``w:tc`` elements, not ``row.cells`` (which repeats a
merged cell once per grid column it covers): a cell knows its grid column, how many
columns it spans (``gridSpan``) and whether it continues the cell above (``vMerge``), so an
issue cell merged over five measure rows is read once and known to cover them.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ..thai import THAI_DIGITS
from .numbering import BULLET, ListNumbers

_SPACE = re.compile(r"[ \t\u00a0\u2002\u2003\u2009]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class NotADocx(Exception):
    """The file cannot be read as a Word document (.docx); the message is Thai."""


def clean(text: str) -> str:
    """One line of document text: invisible characters out, runs of spaces as one."""
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


@dataclass
class Line:
    """One paragraph: the list label Word draws before it (if any) and its own text."""

    label: str
    body: str
    style: str = ""
    outline: int | None = None  # heading level from the style or the paragraph

    @property
    def text(self) -> str:
        if not self.label:
            return self.body
        if self.label == BULLET:
            return f"- {self.body}"
        return f"{self.label} {self.body}".strip()


@dataclass
class Para:
    index: int  # 1-based count of the body's non-empty paragraphs
    line: Line

    @property
    def text(self) -> str:
        return self.line.text


@dataclass
class Cell:
    row: int  # 0-based row of the table
    col: int  # 0-based grid column of its left edge
    span: int
    lines: list[Line]
    merged_from: Cell | None = None  # a vMerge continuation: the cell above holds the text

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines if line.text)

    @property
    def own_text(self) -> str:
        """The text written in this cell itself (a continuation of a merge has none)."""
        return "" if self.merged_from else self.text

    @property
    def origin(self) -> Cell:
        return self.merged_from or self

    def covers(self, col: int) -> bool:
        return self.col <= col < self.col + self.span


@dataclass
class Row:
    index: int
    cells: list[Cell]
    repeat_header: bool  # Word's "repeat as header row at the top of each page"

    def at(self, col: int) -> Cell | None:
        for c in self.cells:
            if c.covers(col):
                return c
        return None


@dataclass
class Table:
    index: int  # 1-based count of the document's tables
    rows: list[Row]
    width: int  # grid columns

    def texts(self, r: int) -> list[str]:
        return [c.text for c in self.rows[r].cells]


@dataclass
class DocxBody:
    blocks: list[Para | Table] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def _outline(p: Any, style_name: str) -> int | None:
    m = re.match(r"(?:heading|หัวเรื่อง)\s*(\d)", style_name, re.I)
    if m:
        return int(m[1])
    if style_name.lower() == "title":
        return 0
    lvl = p.find(qn("w:pPr") + "/" + qn("w:outlineLvl"))
    if lvl is not None and lvl.get(qn("w:val")) not in (None, "9"):
        return int(lvl.get(qn("w:val"))) + 1
    return None


def _style_names(styles: Any) -> tuple[dict[str, str], str]:
    """Paragraph style id -> name, and the default paragraph style's name. python-docx's
    ``paragraph.style`` scans every style on each call: once here is 20 times faster."""
    names: dict[str, str] = {}
    default = ""
    for s in styles.findall(qn("w:style")):
        if s.get(qn("w:type")) != "paragraph":
            continue
        name_el = s.find(qn("w:name"))
        name = name_el.get(qn("w:val")) if name_el is not None else ""
        names[s.get(qn("w:styleId"))] = name or ""
        if s.get(qn("w:default")) in ("1", "true", "on"):
            default = name or ""
    return names, default


def _thai_majority(body: Any) -> bool:
    """True when the document's own digits are mostly Thai (Word then shows list numbers so)."""
    thai = arabic = 0
    for t in body.iter(qn("w:t")):
        s = t.text or ""
        thai += sum(s.count(d) for d in THAI_DIGITS)
        arabic += sum(ch.isascii() and ch.isdigit() for ch in s)
    return thai > arabic


def open_docx(path: Path) -> Any:
    """The python-docx ``Document``, or :class:`NotADocx` with a Thai message."""
    import docx  # python-docx: imported here so the rest of prongsai never needs it

    if not path.is_file():
        raise NotADocx(f"ไม่พบไฟล์ {path.as_posix()} ให้ตรวจชื่อและที่อยู่ของไฟล์ (file not found)")
    if not zipfile.is_zipfile(path):
        head = path.read_bytes()[:8]
        what = (
            "ไฟล์ Word รุ่นเก่า (.doc)"
            if head.startswith(b"\xd0\xcf\x11\xe0")
            else ("ไฟล์ PDF" if head.startswith(b"%PDF") else "ไฟล์ชนิดอื่น")
        )
        raise NotADocx(
            f"{path.as_posix()}: ไม่ใช่ไฟล์ Word แบบ .docx (ดูเหมือนเป็น{what}) "
            "ให้เปิดไฟล์ใน Word หรือ LibreOffice แล้วบันทึกเป็น 'Word Document (.docx)' ก่อน (not a .docx file)"
        )
    try:
        return docx.Document(str(path))
    except Exception:
        raise NotADocx(
            f"{path.as_posix()}: เปิดเป็นเอกสาร Word (.docx) ไม่ได้ ไฟล์อาจเสียหรือเป็นไฟล์ zip ชนิดอื่น "
            "ให้เปิดไฟล์ใน Word แล้วบันทึกเป็น .docx ใหม่ (not a readable .docx)"
        ) from None


def read_docx(path: Path) -> DocxBody:
    document = open_docx(path)
    body_el = document.element.body
    try:
        numbering_el = document.part.numbering_part.element
    except Exception:  # a document without a numbering part has no Word lists
        numbering_el = None
    numbers = ListNumbers(numbering_el, document.styles.element, _thai_majority(body_el))
    out = DocxBody()
    counter = {"p": 0, "t": 0}

    style_names, default_style = _style_names(document.styles.element)

    def line_of(p_el: Any, parent: Any) -> Line:
        para = Paragraph(p_el, parent)
        label = numbers.label(p_el)
        style_id = p_el.find(qn("w:pPr") + "/" + qn("w:pStyle"))
        name = style_names.get(style_id.get(qn("w:val")), "") if style_id is not None else default_style
        return Line(label, clean(para.text), name, _outline(p_el, name))

    def walk(container: Any) -> None:
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                line = line_of(child, document)
                if line.body or (line.label and line.label != BULLET):
                    counter["p"] += 1
                    out.blocks.append(Para(counter["p"], line))
            elif child.tag == qn("w:tbl"):
                counter["t"] += 1
                out.blocks.append(_table(child, counter["t"], line_of, document))
            elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
                walk(child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child)

    walk(body_el)
    return out


def _table(tbl: Any, index: int, line_of: Any, parent: Any) -> Table:
    rows: list[Row] = []
    above: dict[int, Cell] = {}  # grid column -> the cell last seen there
    width = 0
    for r, tr in enumerate(tbl.findall(qn("w:tr"))):
        trpr = tr.find(qn("w:trPr"))
        header = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
        before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
        col = int(before.get(qn("w:val"))) if before is not None else 0
        cells: list[Cell] = []
        for tc in tr.iterchildren(qn("w:tc"), qn("w:sdt")):
            if tc.tag == qn("w:sdt"):  # a content control around a cell
                tc = tc.find(qn("w:sdtContent") + "/" + qn("w:tc"))
                if tc is None:
                    continue
            span = tc.grid_span
            vmerge = tc.vMerge
            # a cell's paragraphs, nested tables' paragraphs included, in reading order
            lines = [line_of(p, parent) for p in tc.iter(qn("w:p"))]
            lines = [ln for ln in lines if ln.body or (ln.label and ln.label != BULLET)]
            cell = Cell(r, col, span, lines)
            if vmerge == "continue" and col in above:
                cell.merged_from = above[col].origin
                cell.lines = []
            for k in range(col, col + span):
                above[k] = cell
            cells.append(cell)
            col += span
        width = max(width, col)
        rows.append(Row(r, cells, header))
    return Table(index, rows, width)
