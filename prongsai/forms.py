"""The editors' forms (Decap CMS at ``/admin/``): their fields, generated from the JSON Schemas.

The JSON Schemas (:mod:`prongsai.schema`) are themselves generated from :mod:`prongsai.model`,
so a field added to a record appears in the forms with its Thai label and help text at the
next ``python -m prongsai schema`` (``schema/forms.json``, committed so that a review sees
what the forms change) and the next build, without a hand edit. What each value type becomes:

- text: a text box (``text``), what the editor types is saved as typed (no Markdown editor,
  which would rewrite the editor's Markdown);
- a date: a one-line box (``string``) with the validator's own pattern, not Decap's date
  picker, which writes Christian-era ISO dates and would read 2568-03-31 as the year 2568 CE;
- a year, score, percent or whole number: a number box with the model's bounds, so that 150
  per cent is refused in the form with Decap's Thai message;
- a code (``m01``, ``O27``, ``i1``) or web address: a one-line box with the validator's pattern;
- a choice (status, round kind, instrument, section kind, table column ...): a menu of Thai
  labels that saves the key;
- a file in ``docs/``: Decap's file picker (uploads go into ``docs/files/<ปี>/``);
- a record: a group of fields; a list of records: a list of groups, folded to one line each;
- a record that may also be written as its text alone (a step: ``- ๑. แจ้งเวียน`` or
  ``- {text: ..., period: ..., responsible: ...}``): the record's group of fields, marked
  ``as_text`` with the name of its text field; forms.js reads a text alone into that field and
  writes a record that has nothing else back as the text alone, so a file keeps its spelling.
"""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

from pydantic import BeforeValidator

from . import model, schema

FORMS: dict[str, str] = {
    "round": "รายงานผลการดำเนินการ",
    "measure": "มาตรการ",
    "measures": "มาตรการ (ไฟล์ measures.yml)",
    "year": "ข้อมูลหลักของปีงบประมาณ",
    "assessment": "ผลการประเมินและการวิเคราะห์",
    "disclosures": "การเปิดเผยข้อมูลสาธารณะ (OIT)",
    "organization": "ข้อมูลหน่วยงาน",
}
"""Data files an editor fills in through the forms (schema name -> Thai name), in the order of
the forms' menu (the progress rounds are what an editor fills in most often). ``measure`` is
one file per measure (``measures/<id>.yml``, one form per measure: fast to open); ``measures``
the older single file of a year not yet split (``python -m prongsai split-measures``). The
catalogue and the privacy allow-list are reference data, edited by hand or shipped."""

NULL = {"type": "null"}
ONE_LINE = (
    "title", "name", "label", "group", "key", "value", "by", "heading", "number", "page", "band",
    "date", "period", "responsible", "phone", "email", "district", "subdistrict", "province",
)  # fmt: skip
"""Text fields shown as one line (names, titles, headings and numbers as the document writes
them, a group key, a target value, who announced, a step's period and unit, contacts), or
ending ``_name``; other texts get a box that grows with its text."""

SHOWN_LABELS = {"measure_column": model.MEASURE_COLUMNS, "report_column": model.REPORT_COLUMNS}
"""Choices whose Thai words are not accepted as values (a table column: its label is the
document's own, ``label``): the menu shows the product's default label of each key."""


def choice_labels(typ: Any) -> dict[str, str] | None:
    """Key -> Thai label of an enum made with :func:`prongsai.types.choice`, else None.

    The label is the first spelling accepted for a key that is not the key itself
    (``prongsai.model._enum`` lists the labels before the other aliases).
    """
    accepted = None
    for meta in getattr(typ, "__metadata__", ()):
        if isinstance(meta, BeforeValidator):
            accepted = getattr(meta.func, "accepted", None) or accepted
    if accepted is None:
        return None
    keys = typing.get_args(typing.get_args(typ)[0])
    labels: dict[str, str] = {}
    for alias, key in accepted.items():
        if key not in labels and alias.lower() != key.lower() and not alias.isdigit():
            labels[key] = alias
    return {key: labels.get(key, key) for key in keys}


def _choices() -> dict[str, dict[str, str]]:
    out = {}
    for key, typ, _, _ in schema.VALUE_TYPES:
        labels = choice_labels(typ)
        if labels:
            out[key] = {k: SHOWN_LABELS.get(key, {}).get(k, label) for k, label in labels.items()}
    return out


def _string_pattern(node: dict[str, Any]) -> str | None:
    if "pattern" in node:
        return str(node["pattern"])
    for branch in node.get("anyOf", []):
        if branch.get("type") == "string" and "pattern" in branch:
            return str(branch["pattern"])
    return None


def _bounds(node: dict[str, Any]) -> dict[str, Any]:
    """min/max of a number type: the widest bounds of its numeric branches."""
    branches = [b for b in node.get("anyOf", [node]) if b.get("type") in ("number", "integer")]
    lows = [b["minimum"] for b in branches if "minimum" in b]
    highs = [b["maximum"] for b in branches if "maximum" in b]
    out: dict[str, Any] = {}
    if lows and len(lows) == len(branches):
        out["min"] = min(lows)
    if highs and len(highs) == len(branches):
        out["max"] = max(highs)
    return out


def _value_widget(key: str, node: dict[str, Any], choices: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The widget of one shared value type (a key of ``$defs`` in the JSON Schemas)."""
    if key in choices:
        return {"widget": "select", "options": [{"label": label, "value": k} for k, label in choices[key].items()]}
    if key == "text":
        return {"widget": "text"}
    if key == "file":
        return {"widget": "file", "choose_url": False}
    branches = node.get("anyOf", [node])
    kinds = {b.get("type") for b in branches}
    if kinds <= {"number", "integer", "string"} and kinds & {"number", "integer"} and key != "slug":
        value_type = "float" if "number" in kinds else "int"
        widget: dict[str, Any] = {"widget": "number", "value_type": value_type, **_bounds(node)}
        if value_type == "float":
            widget["step"] = 0.01
        return widget
    pattern = _string_pattern(node)
    widget = {"widget": "string"}
    if pattern:
        widget["pattern"] = [pattern, f"{node.get('title', '')}: {node.get('description', '')}".strip(": ")]
    return widget


class _Builder:
    def __init__(self, root: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = root.get("$defs", {})
        self.choices = _choices()
        self.values = {key for key, _, _, _ in schema.VALUE_TYPES}

    def object_fields(self, node: dict[str, Any]) -> list[dict[str, Any]]:
        required = set(node.get("required", []))
        return [self.field(name, prop, name in required) for name, prop in node.get("properties", {}).items()]

    def field(self, name: str, prop: dict[str, Any], required: bool) -> dict[str, Any]:
        label = str(prop.get("title") or name)
        out: dict[str, Any] = {"name": name, "label": label}
        description = str(prop.get("description") or "")
        if description and description != label:
            out["hint"] = description
        out["required"] = required
        out.update(self.widget(prop))
        if out["widget"] == "text" and (name in ONE_LINE or name.endswith("_name")):
            out["widget"] = "string"
        if out["widget"] == "select" and all(o["value"] in description for o in out["options"]):
            out.pop("hint", None)  # "six_month, twelve_month ...": the menu shows the Thai labels
        return out

    def widget(self, node: dict[str, Any]) -> dict[str, Any]:
        branches = [b for b in node.get("anyOf", []) if b != NULL]
        if "anyOf" in node and len(branches) == 1:
            return self.widget(branches[0])
        if "$ref" in node:
            key = node["$ref"].rsplit("/", 1)[1]
            if key in self.values:
                return _value_widget(key, self.defs[key], self.choices)
            return {"widget": "object", "collapsed": False, "fields": self.object_fields(self.defs[key])}
        # a record that may be written as its text alone (a step): the record, marked
        texts = [b for b in branches if b.get("$ref", "").rsplit("/", 1)[-1] in self.values]
        records = [b for b in branches if "$ref" in b and b not in texts]
        if "anyOf" in node and texts and len(records) == 1:
            record = self.widget(records[0])
            return {**record, "as_text": record["fields"][0]["name"]}
        arrays = [b for b in branches if b.get("type") == "array"]
        if node.get("type") == "array" or arrays:
            return self.list_widget(node if node.get("type") == "array" else arrays[0])
        return {"widget": "string"}

    def list_widget(self, node: dict[str, Any]) -> dict[str, Any]:
        items = node.get("items", {})
        out: dict[str, Any] = {"widget": "list"}
        if "minItems" in node:
            out["min"] = node["minItems"]
        inner = self.widget(items) if ("$ref" in items or "anyOf" in items) else {}
        if inner.get("widget") == "object":
            fields = inner["fields"]
            out.update({"collapsed": True, "summary": _summary(fields), "fields": fields})
            if "as_text" in inner:
                out["as_text"] = inner["as_text"]  # of each item
        elif inner:
            out["field"] = {"name": "item", "label": "รายการ", **inner}
        else:  # a list of plain scalars (numbers of OIT elements)
            out["field"] = {"name": "item", "label": "หมายเลข", "widget": "number", "value_type": "int"}
        return out


def _summary(fields: list[dict[str, Any]]) -> str:
    """The one line a folded list item shows: its code and title (``m01 · ชื่อมาตรการ``), else its first field."""
    leaf = [f for f in fields if f["widget"] not in ("object", "list")]
    if not leaf:
        return ""
    first = leaf[0]
    names = {f["name"] for f in leaf[1:]}
    code = "pattern" in first or first["widget"] == "select"
    if code and "title" in names:
        return f"{{{{fields.{first['name']}}}}} · {{{{fields.title}}}}"
    if code and "heading" in names:  # a section: its kind, number and heading as written
        number = "{{fields.number}} " if "number" in names else ""
        return f"{{{{fields.{first['name']}}}}} · {number}{{{{fields.heading | default('(ชื่อมาตรฐาน)')}}}}"
    return f"{{{{fields.{first['name']}}}}}"


def form_fields(name: str) -> list[dict[str, Any]]:
    """The Decap CMS fields of one data file (``name`` is a key of :data:`FORMS`)."""
    root = schema.build_schema(name)
    return _Builder(root).object_fields(root)


def build_forms() -> dict[str, list[dict[str, Any]]]:
    return {name: form_fields(name) for name in FORMS}


def render() -> str:
    return json.dumps(build_forms(), ensure_ascii=False, indent=2) + "\n"


FILENAME = "forms.json"
"""Written next to the JSON Schemas by ``python -m prongsai schema``."""


def write(folder: Path) -> bool:
    """Write ``folder/forms.json``; True if it changed."""
    path = folder / FILENAME
    text = render()
    if path.is_file() and path.read_text("utf-8") == text:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return True


def stale(folder: Path) -> bool:
    path = folder / FILENAME
    return not path.is_file() or path.read_text("utf-8") != render()
