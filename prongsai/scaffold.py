"""Write and update data files for editors: readable YAML with a Thai comment on each field.

Existing files are changed through ruamel.yaml's round trip, which keeps their comments,
key order and quoting (every bundled data file reads back byte for byte). The comments on
new fields are the field descriptions of :mod:`prongsai.model`, the same text the JSON
Schema and the field reference show.
"""

from __future__ import annotations

import datetime as dt
import io
import typing
from pathlib import Path
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from . import schema
from .model import Measure, record_of
from .site import MEASURES_FOLDER
from .thai import BE_OFFSET

SCHEMA_LINE = "# yaml-language-server: $schema={}"


class ScaffoldError(Exception):
    """A command cannot do what was asked; the message is Thai and says what to do."""


def yaml_rt() -> YAML:
    """The round-trip reader/writer, set to the layout of the bundled data files."""
    y = YAML()  # round trip, YAML 1.2: ``no`` stays a word, as in prongsai.yamlio
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096  # never re-wrap an editor's long Thai lines
    return y


def load(path: Path) -> Any:
    return yaml_rt().load(path.read_text("utf-8"))


def dump(data: Any, path: Path) -> None:
    out = io.StringIO()
    yaml_rt().dump(data, out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out.getvalue(), "utf-8")


def be_date(day: dt.date) -> dt.date:
    """A date object that ruamel writes as the Buddhist-era ``2568-03-31`` (unquoted)."""
    return day.replace(year=day.year + BE_OFFSET)


def schema_line(path: Path, data_dir: Path, name: str) -> str:
    """The ``# yaml-language-server`` line of a data file: a path relative to the file."""
    depth = len(path.parent.resolve().relative_to(data_dir.resolve().parent).parts)
    return SCHEMA_LINE.format("../" * depth + f"schema/{name}.schema.json")


def describe(record: type[BaseModel], name: str) -> str:
    """The comment for a field: its Thai description (and the allowed values of an enum)."""
    info = record.model_fields[name]
    inner = record_of(info.annotation)
    text = info.description or (inner.__doc__ or "").strip() if inner else info.description or ""
    for key, typ, _, values in schema.VALUE_TYPES:
        if key in ("status", "round_kind") and _mentions(info.annotation, typ):
            text = f"{text} ({values})"
    return text


def _mentions(annotation: Any, typ: Any) -> bool:
    if annotation == typ:
        return True
    return any(_mentions(a, typ) for a in typing.get_args(annotation))




def commented(
    record: type[BaseModel], data: dict[str, Any], column: int = 0, comments: bool = True, skip_first: bool = False
) -> CommentedMap:
    """``data`` as a mapping whose keys carry their description as a comment, at ``column``.

    Items of a list get no comment on each key (that would repeat them for every item):
    the list's own comment names the fields of its items instead. ``skip_first`` leaves
    the first key bare, for a mapping that starts a list item (``- id: ...``).
    """
    out = CommentedMap()
    for n, (name, value) in enumerate(data.items()):
        info = record.model_fields[name]
        sub = record_of(info.annotation)
        text = describe(record, name) if comments else ""
        if isinstance(value, dict) and sub:
            value = commented(sub, value, column + 2, comments)
        elif isinstance(value, list):
            seq = CommentedSeq()
            for item in value:
                seq.append(commented(sub, item, column + 4, False) if isinstance(item, dict) and sub else _scalar(item))
            if value and all(isinstance(v, str) and len(v) < 30 for v in value):
                seq.fa.set_flow_style()
            if sub and text:
                text += " แต่ละรายการมี: " + "; ".join(
                    f"{key} = {describe(sub, key) or key}" for key in sub.model_fields if not key.startswith("_")
                )
            value = seq
        else:
            value = _scalar(value)
        out[name] = value
        if text and not (skip_first and n == 0):
            out.yaml_set_comment_before_after_key(name, before=text, indent=column)
    return out


def _scalar(value: Any) -> Any:
    """Multi-line text as a ``|`` block, as editors write it."""
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value + "\n")
    return value


def write_new(path: Path, data: CommentedMap, header: list[str], data_dir: Path, name: str) -> None:
    """Create a data file: the schema line, a Thai header, then ``data``."""
    if path.exists():
        raise ScaffoldError(f"มีไฟล์ {path.as_posix()} อยู่แล้ว ไม่เขียนทับ (file exists)")
    data.yaml_set_start_comment("\n".join([schema_line(path, data_dir, name)[2:], "", *header, ""]))
    dump(data, path)


def append_item(seq: CommentedSeq, item: CommentedMap, note: str, column: int = 2) -> None:
    """Add ``item`` at the end of a list with a comment above it; the rest is untouched."""
    seq.append(item)
    seq.yaml_set_comment_before_after_key(len(seq) - 1, before=note, indent=column)


def insert_item(seq: CommentedSeq, index: int, item: CommentedMap, note: str, column: int = 2) -> None:
    seq.insert(index, item)
    seq.yaml_set_comment_before_after_key(index, before=note, indent=column)


MEASURES_README = """# มาตรการปีงบประมาณ {year}

โฟลเดอร์นี้เก็บมาตรการไฟล์ละหนึ่งมาตรการ ชื่อไฟล์คือรหัสมาตรการ (`m01.yml` คือมาตรการรหัส `m01`)
เว็บไซต์เรียงมาตรการตามชื่อไฟล์ (m2 ก่อน m10) เพิ่มมาตรการด้วย `python -m prongsai new-measure`
หรือแบบฟอร์มที่ `/admin/` ไฟล์นี้ (README.md) ไม่ใช่ข้อมูล แบบฟอร์มไม่แก้ไฟล์นี้
"""


def measures_readme(year: int, notes: Sequence[str]) -> str:
    """``measures/README.md`` of a year: what the folder is, and the year's notes for editors
    (which the forms would drop from a measure's file on its first save)."""
    text = MEASURES_README.format(year=year)
    notes = [n.rstrip() for n in notes]
    if any(notes):
        text += "\nหมายเหตุสำหรับผู้แก้ไข:\n\n" + "\n".join(f"> {n}".rstrip() for n in notes) + "\n"
    return text


def measures_folder(ydir: Path, year: int, notes: Sequence[str] = ()) -> Path:
    """A year's ``measures/`` folder, made with its README.md when it is not there yet."""
    folder = ydir / MEASURES_FOLDER
    folder.mkdir(exist_ok=True)
    if not (folder / "README.md").is_file():
        (folder / "README.md").write_text(measures_readme(year, notes), "utf-8")
    return folder


def write_measure(ydir: Path, data: dict[str, Any], note: str, data_dir: Path, comments: bool = True) -> Path:
    """A new measure's own file, ``measures/<id>.yml``, with ``note`` above it."""
    path = ydir / MEASURES_FOLDER / f"{data['id']}.yml"
    write_new(path, commented(Measure, data, comments=comments), note.splitlines(), data_dir, "measure")
    return path
