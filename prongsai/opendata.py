"""Open data: each fiscal year's measures and progress as CSV (UTF-8 with BOM) and JSON,
and a field dictionary page in Thai.

The columns are declared once (:data:`MEASURE_COLUMNS`, :data:`PROGRESS_COLUMNS`) as paths
into the records of ``model.py``; the CSV writer, the CSV reader and the dictionary page
all read that one list, and each column's Thai description is the ``Field(description=...)``
of the model, so the dictionary cannot drift from the data. A few columns are derived for
people reading the table (the group's or the unit's name); the reader ignores them.

Conventions (said on the dictionary page too): dates ISO 8601 in the Gregorian calendar
(``2025-03-31``), as open data standards ask; a list of records in one cell is JSON.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .model import STATUS_LABELS, Measure, ProgressEntry, ProgressRound, record_of
from .pages import Renderer
from .parts import NavNode, Part, StaticFile
from .site import FiscalYear, Site
from .types import Date, Percent, Score
from .urls import OPEN_DATA, measures_csv_path, measures_json_path, progress_csv_path, progress_json_path

DICTIONARY_SRC = OPEN_DATA


@dataclass(frozen=True)
class Column:
    """One CSV column: a dotted path into a record, or a value derived for readers."""

    name: str
    model: type[BaseModel] | None  # the record the path starts from; None for derived columns
    derived: Callable[[FiscalYear, Any], str] | None = None
    derived_label: str = ""

    @property
    def path(self) -> list[str]:
        return self.name.split(".", 1)[1].split(".") if self.name.startswith("round.") else self.name.split(".")

    def field(self) -> Any:
        """The pydantic field at the end of the path."""
        assert self.model is not None
        model: Any = self.model
        found = None
        for part in self.path:
            found = model.model_fields[part]
            model = record_of(found.annotation)
        return found

    def description(self) -> str:
        if self.derived:
            return self.derived_label
        return self.field().description or ""

    def kind(self) -> str:
        if self.derived:
            return "ข้อความ (เพื่อความสะดวกในการอ่าน ได้จากคอลัมน์อื่น)"
        return _kind(self.field().annotation)




def _kind(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _kind(inner[0])
    if origin is list:
        return "รายการ (JSON)"
    if annotation == Date or annotation is dt.date:  # pydantic keeps a bare Annotated's base only
        return "วันที่ (ปี ค.ศ.-เดือน-วัน)"
    if annotation in (Percent, Score):
        return "ตัวเลข"
    if origin is typing.Annotated:
        return _kind(typing.get_args(annotation)[0])
    if annotation is int:
        return "จำนวนเต็ม"
    if annotation is float:
        return "ตัวเลข"
    if origin is typing.Literal:
        return "รหัส: " + ", ".join(str(a) for a in typing.get_args(annotation))
    return "ข้อความ"


def _group_title(fy: FiscalYear, m: Measure) -> str:
    return fy.taxonomy.group_title(m.group, "arabic")


MEASURE_COLUMNS: tuple[Column, ...] = (
    Column("id", Measure),
    Column("group", Measure),
    Column("group_title", None, lambda fy, m: _group_title(fy, m), "ชื่อประเด็นหรือตัวชี้วัดของมาตรการ"),
    Column("title", Measure),
    Column("findings", Measure),
    Column("approach", Measure),
    Column("steps", Measure),
    Column("period.start", Measure),
    Column("period.end", Measure),
    Column("period.text", Measure),
    Column("responsible", Measure),
    Column(
        "responsible_names",
        None,
        lambda fy, m: "; ".join(fy.units[u].name for u in m.responsible if u in fy.units),
        "ชื่อส่วนราชการผู้รับผิดชอบ",
    ),
    Column("responsible_note", Measure),
    Column("monitoring", Measure),
    Column("reporting", Measure),
    Column("oit_items", Measure),
    Column("targets", Measure),
)

PROGRESS_COLUMNS: tuple[Column, ...] = (
    Column("round.id", ProgressRound),
    Column("round.kind", ProgressRound),
    Column("round.title", ProgressRound),
    Column("round.period.start", ProgressRound),
    Column("round.period.end", ProgressRound),
    Column("round.period.text", ProgressRound),
    Column("round.as_of", ProgressRound),
    Column("round.summary", ProgressRound),
    Column("round.problems", ProgressRound),
    Column("round.suggestions", ProgressRound),
    Column("measure", ProgressEntry),
    Column(
        "measure_title",
        None,
        lambda fy, e: fy.measure(e.measure).title if any(m.id == e.measure for m in fy.measures) else "",
        "ชื่อมาตรการ",
    ),
    Column("status", ProgressEntry),
    Column("status_label", None, lambda fy, e: STATUS_LABELS[e.status], "สถานะเป็นภาษาไทย"),
    Column("percent", ProgressEntry),
    Column("output", ProgressEntry),
    Column("outcome", ProgressEntry),
    Column("problems", ProgressEntry),
    Column("suggestions", ProgressEntry),
    Column("evidence", ProgressEntry),
)


# --- writing --------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False) if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _get(data: dict[str, Any], path: list[str]) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)  # type: ignore[assignment]
    return data


def _csv(columns: tuple[Column, ...], rows: list[dict[str, str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[c.name for c in columns], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")  # the BOM makes Excel read the Thai as UTF-8


def measures_csv(fy: FiscalYear) -> bytes:
    rows = []
    for m in fy.measures:
        data = m.model_dump(mode="json", exclude_none=True)
        rows.append({c.name: c.derived(fy, m) if c.derived else _cell(_get(data, c.path)) for c in MEASURE_COLUMNS})
    return _csv(MEASURE_COLUMNS, rows)


def progress_csv(fy: FiscalYear) -> bytes:
    rows = []
    for r in fy.rounds:
        rdata = r.model_dump(mode="json", exclude_none=True)
        round_cells = {c.name: _cell(_get(rdata, c.path)) for c in PROGRESS_COLUMNS if c.model is ProgressRound}
        if not r.entries:  # a round with nothing reported yet still has its row
            rows.append(round_cells)
        for e in r.entries:
            edata = e.model_dump(mode="json", exclude_none=True)
            row = dict(round_cells)
            for c in PROGRESS_COLUMNS:
                if c.derived:
                    row[c.name] = c.derived(fy, e)
                elif c.model is ProgressEntry:
                    row[c.name] = _cell(_get(edata, c.path))
            rows.append(row)
    return _csv(PROGRESS_COLUMNS, rows)


def _json(fy: FiscalYear, site: Site, key: str, records: list[Any]) -> bytes:
    updated = fy.last_updated()
    doc = {
        "organization": site.organization.name,
        "fiscal_year": fy.year,
        "last_updated": updated.isoformat() if updated else None,
        key: [r.model_dump(mode="json", exclude_none=True) for r in records],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def measures_json(fy: FiscalYear, site: Site) -> bytes:
    return _json(fy, site, "measures", list(fy.measures))


def progress_json(fy: FiscalYear, site: Site) -> bytes:
    return _json(fy, site, "rounds", list(fy.rounds))


# --- reading back (for people who reuse the data, and for the round-trip test) ----------


def _set(data: dict[str, Any], path: list[str], value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


def _parse(column: Column, text: str) -> Any:
    if text == "":
        return None
    if column.kind() == "รายการ (JSON)":
        return json.loads(text)
    return text


def _record(columns: tuple[Column, ...], model: type[BaseModel], row: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for c in columns:
        if c.model is model:
            value = _parse(c, row[c.name])
            if value is not None:
                _set(data, c.path, value)
    return data


def _rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def read_measures_csv(content: bytes) -> list[Measure]:
    return [Measure.model_validate(_record(MEASURE_COLUMNS, Measure, row)) for row in _rows(content)]


def read_progress_csv(content: bytes) -> list[ProgressRound]:
    rounds: dict[str, dict[str, Any]] = {}
    for row in _rows(content):
        rnd = rounds.setdefault(row["round.id"], {**_record(PROGRESS_COLUMNS, ProgressRound, row), "entries": []})
        if row["measure"]:
            rnd["entries"].append(_record(PROGRESS_COLUMNS, ProgressEntry, row))
    return [ProgressRound.model_validate(r) for r in rounds.values()]


def read_measures_json(content: bytes) -> list[Measure]:
    return [Measure.model_validate(m) for m in json.loads(content)["measures"]]


def read_progress_json(content: bytes) -> list[ProgressRound]:
    return [ProgressRound.model_validate(r) for r in json.loads(content)["rounds"]]


# --- the contributor ---------------------------------------------------------------------


def build(site: Site) -> Part:
    """Four files per fiscal year and the field dictionary page (``/open-data/``)."""
    years = site.years_desc()
    files = [
        file
        for fy in years
        for file in (
            StaticFile(measures_csv_path(fy.year), measures_csv(fy)),
            StaticFile(measures_json_path(fy.year), measures_json(fy, site)),
            StaticFile(progress_csv_path(fy.year), progress_csv(fy)),
            StaticFile(progress_json_path(fy.year), progress_json(fy, site)),
        )
    ]
    r = Renderer(site)
    page = r.page(
        DICTIONARY_SRC,
        "ข้อมูลเปิดและคำอธิบายข้อมูล",
        "open_data",
        "open_data.md.j2",
        years=years,
        measure_columns=MEASURE_COLUMNS,
        progress_columns=PROGRESS_COLUMNS,
        updated=max((d for fy in years if (d := fy.last_updated())), default=None),
        files={
            fy.year: {
                "measures_csv": measures_csv_path(fy.year),
                "measures_json": measures_json_path(fy.year),
                "progress_csv": progress_csv_path(fy.year),
                "progress_json": progress_json_path(fy.year),
            }
            for fy in years
        },
    )
    return Part(pages=(page,), files=tuple(files), nav=(NavNode("ข้อมูลเปิด", DICTIONARY_SRC),))
