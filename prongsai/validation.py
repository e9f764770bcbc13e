"""Turn pydantic's errors into Thai problems that point at a file, line and field."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import placeholders
from .errors import Problem
from .model import record_of
from .types import VALUE
from .yamlio import Path_, YamlDoc, format_path

M = TypeVar("M", bound=BaseModel)


def _model_at(model: type[BaseModel], loc: Path_) -> type[BaseModel] | None:
    """The record class found by walking ``loc`` from ``model`` (for listing allowed keys)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(str(part))
        if field is None:
            return None
        current = record_of(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None




def _show(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 40 else text[:37] + "..."


def _message(err: Any, model: type[BaseModel], loc: Path_, doc: YamlDoc) -> tuple[str, str]:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    field = str(loc[-1]) if loc and not isinstance(loc[-1], int) else ""
    if kind == "prongsai":
        typed = doc.typed(loc) if "template" in ctx else None
        if typed is not None:  # quote the value as typed, not as read (Thai digits, sign, case)
            return str(ctx["template"]).replace(VALUE, _show(typed)), str(ctx.get("gloss", ""))
        return err["msg"], str(ctx.get("gloss", ""))
    if kind == "missing":
        return (
            f"ขาดหัวข้อ '{field}' ซึ่งต้องมี ให้เพิ่มบรรทัด {field}: ตามด้วยค่า",
            "required field missing",
        )
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        close = difflib.get_close_matches(field, allowed, n=1)
        hint = f" หรือคุณหมายถึง '{close[0]}'?" if close else ""
        listing = f" หัวข้อที่ใช้ได้ในระดับนี้: {', '.join(allowed)}" if allowed else ""
        return (
            f"ไม่รู้จักหัวข้อ '{field}' ให้ตรวจการสะกดหรือลบออก{hint}{listing}",
            "unknown field",
        )
    if kind in ("list_type", "tuple_type"):
        return "ต้องเป็นรายการ ให้ขึ้นต้นแต่ละรายการด้วย - ในบรรทัดใหม่", "expected a list"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "ต้องเป็นชุดหัวข้อในรูป ชื่อหัวข้อ: ค่า (ย่อหน้าเข้าไปใต้หัวข้อนี้)", "expected a mapping"
    if kind == "too_short":
        return f"ต้องมีอย่างน้อย {ctx.get('min_length', 1)} รายการ", "list too short"
    if kind == "too_long":
        return f"มีได้ไม่เกิน {ctx.get('max_length')} รายการ", "list too long"
    if kind in ("string_type", "string_too_short"):
        return "ต้องเป็นข้อความที่ไม่ว่าง", "expected non-empty text"
    if kind in ("literal_error", "enum"):
        return f"ค่านี้ใช้ไม่ได้ ให้ใช้หนึ่งใน: {ctx.get('expected', '')}", "value not allowed"
    return "ค่าไม่ถูกต้อง", err.get("msg", kind)


def problems_from(exc: ValidationError, doc: YamlDoc, model: type[BaseModel]) -> list[Problem]:
    out = []
    for err in exc.errors(include_url=False):
        loc: Path_ = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        message, gloss = _message(err, model, loc, doc)
        out.append(Problem(doc.file, doc.line_of(loc), format_path(loc), message, gloss))
    return out


def validate_doc(doc: YamlDoc, model: type[M], problems: list[Problem], *, drafts: bool = False) -> M | None:
    """Validate one parsed file; record Thai problems and return ``None`` when it fails.

    ``drafts``: text left to fill in (:mod:`prongsai.placeholders`) is not a problem."""
    problems.extend(doc.problems)
    if doc.data is None:
        problems.append(Problem(doc.file, 1, "", "ไฟล์นี้ว่างเปล่า ให้กรอกข้อมูล หรือลบไฟล์ออก", "empty file"))
        return None
    if not isinstance(doc.data, dict):
        problems.append(
            Problem(doc.file, 1, "", "ไฟล์ต้องเป็นชุดหัวข้อในรูป ชื่อหัวข้อ: ค่า", "top level must be a mapping")
        )
        return None
    if not drafts:
        problems.extend(placeholders.problems(doc))
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from(exc, doc, model))
        return None
