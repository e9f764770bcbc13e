"""The field reference of the editor guide, rendered from the JSON Schemas (never written twice).

Published only when ``extra.prongsai.staff_guide`` names the folder of the staff section
(``staff``): the page is ``<folder>/reference/index.md``, outside the citizens' navigation, like
the hand-written guide pages beside it in ``docs/<folder>/`` (mkdocs.yml ``not_in_nav``).
"""

from __future__ import annotations

import functools
import html
from typing import Any

from . import schema
from .parts import Page, Part
from .urls import reference_src, relative_src

ORDER = ["organization", "year", "measures", "round", "disclosures", "assessment"]
FRONT = "---\nsearch:\n  exclude: true\n---\n\n"
# read-only here, asked several times per file: generate each schema once per process
_schema = functools.cache(schema.build_schema)


def build(folder: str | None) -> Part:
    """The reference pages under ``folder`` (``extra.prongsai.staff_guide``); none without it."""
    if not folder:
        return Part()
    pages = [Page(reference_src(folder), "ข้อมูลอ้างอิงหัวข้อในไฟล์ข้อมูล", "staff", reference_markdown())]
    # one page per kind of file: the whole reference on one page weighed 80 KB (issue 6)
    pages += [Page(reference_src(folder, file), _cell(_schema(file)["title"]), "staff", file_markdown(file)) for file in ORDER]
    return Part(pages=tuple(pages))


def _link(from_file: str | None, to_file: str | None, anchor: str = "") -> str:
    """A link between two reference pages (``None``: the index); the same under any staff folder."""
    return relative_src(reference_src("staff", from_file), reference_src("staff", to_file), anchor)


def _cell(text: Any) -> str:
    return html.escape(str(text), quote=False).replace("|", "\\|").replace("\n", " ")


def _anchor(file: str, record: str) -> str:
    return f"{file}-{record.lower()}"


def _type(prop: dict[str, Any], file: str, defs: dict[str, Any]) -> str:
    if "$ref" in prop:
        key = prop["$ref"].rsplit("/", 1)[1]
        target = defs[key]
        if target.get("type") == "object":
            return f"[{_cell(target.get('title', key))}](#{_anchor(file, key)})"
        return f"[{_cell(target.get('title', key))}]({_link(file, None, f'type-{key}')})"
    if prop.get("type") == "array":
        return "รายการของ " + _type(prop.get("items", {}), file, defs)
    if "anyOf" in prop:
        kinds = [_type(p, file, defs) for p in prop["anyOf"] if p.get("type") != "null"]
        return " หรือ ".join(kinds)
    return _cell(prop.get("type", ""))


def _table(record: dict[str, Any], file: str, defs: dict[str, Any]) -> list[str]:
    required = set(record.get("required", []))
    rows = ["| หัวข้อ | ต้องมี | ชนิด | คำอธิบาย | ตัวอย่าง |", "|---|---|---|---|---|"]
    for name, prop in record.get("properties", {}).items():
        examples = ", ".join(f"`{_cell(e)}`" for e in prop.get("examples", []))
        rows.append(
            f"| `{name}` | {'ต้องมี' if name in required else '-'} | {_type(prop, file, defs)} "
            f"| {_cell(prop.get('description', ''))} | {examples} |"
        )
    return rows


def _value_types() -> dict[str, dict[str, Any]]:
    value_types: dict[str, dict[str, Any]] = {}
    for file in ORDER:
        for key, sub in _schema(file)["$defs"].items():
            if sub.get("type") != "object":
                value_types.setdefault(key, sub)
    return value_types


def reference_markdown() -> str:
    """The reference's first page: the kinds of data files (each on its page) and the value types."""
    lines = [
        FRONT + "# ข้อมูลอ้างอิงหัวข้อในไฟล์ข้อมูล",
        "",
        "หน้านี้และหน้าย่อยสร้างจากโครงสร้างข้อมูลของโปรแกรมโดยอัตโนมัติ (ชุดเดียวกับที่โปรแกรมแก้ไขไฟล์ใช้เติมคำและตรวจค่า) "
        "จึงตรงกับสิ่งที่ระบบตรวจเสมอ หัวข้อที่ไม่ได้ระบุว่า **ต้องมี** ละไว้ได้",
        "",
        "## ไฟล์ข้อมูลแต่ละชนิด {#files}",
        "",
    ]
    for file in ORDER:
        doc = _schema(file)
        lines.append(f"- [{_cell(doc['title'])}]({_link(None, file)}): {_cell(doc.get('description', ''))}")
    lines += ["", "## ชนิดของค่า {#types}", ""]
    for key, sub in _value_types().items():
        lines += [f"### {_cell(sub['title'])} {{#type-{key}}}", "", _cell(sub["description"]), ""]
    return "\n".join(lines) + "\n"


def file_markdown(file: str) -> str:
    """The fields of one kind of data file, and of the records inside it."""
    doc = _schema(file)
    defs = doc["$defs"]
    lines = [FRONT + f"# {_cell(doc['title'])}", "", _cell(doc.get("description", "")), ""]
    lines += [f"## หัวข้อระดับบนสุดของไฟล์ {{#{file}}}", ""]
    lines += _table(doc, file, defs)
    lines.append("")
    for key, sub in defs.items():
        if sub.get("type") == "object":
            lines += [f"## {_cell(sub.get('title', key))} {{#{_anchor(file, key)}}}", ""]
            lines += [_cell(sub.get("description", "")), ""]
            lines += _table(sub, file, defs)
            lines.append("")
    lines += [f"[กลับไปที่ข้อมูลอ้างอิงทั้งหมด]({_link(file, None)})", ""]
    return "\n".join(lines) + "\n"
