"""Text the scaffolding commands leave for an editor to replace, and how validation finds it.

Every placeholder ends with one mark, ``(แก้ข้อความนี้)``: the commands write their
placeholders through :func:`fill_in`, and :func:`problems` finds the mark in any text of
any data file. A new placeholder therefore cannot be written without the validator
knowing it (a test runs every scaffolding command and checks both ends), and nothing
unfinished passes ``validate``, the strict build or the publish workflow.
"""

from __future__ import annotations

from typing import Any

from .errors import Problem
from .yamlio import Path_, YamlDoc, format_path

MARK = "(แก้ข้อความนี้)"


def fill_in(text: str) -> str:
    """A placeholder: what the editor is to write here, followed by the mark."""
    return f"{text} {MARK}"


def _texts(value: Any, path: Path_) -> list[tuple[Path_, str]]:
    if isinstance(value, str):
        return [(path, value)] if MARK in value else []
    if isinstance(value, dict):
        return [found for key, v in value.items() for found in _texts(v, (*path, key))]
    if isinstance(value, list):
        return [found for n, v in enumerate(value) for found in _texts(v, (*path, n))]
    return []


def _show(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else "..." + text[-57:]  # the end, where the mark is


def problems(doc: YamlDoc) -> list[Problem]:
    """One problem for every text of ``doc`` that still holds a placeholder."""
    return [
        Problem(
            doc.file,
            doc.line_of(path),
            format_path(path),
            f"ยังเป็นข้อความตัวอย่างที่คำสั่งสร้างไว้ '{_show(text)}' ให้เขียนข้อความจริงแทน "
            f"แล้วลบคำว่า {MARK} ออก (หรือลบหัวข้อนี้ถ้าไม่ใช้) ข้อมูลที่ยังไม่เสร็จจะไม่ถูกเผยแพร่",
            "placeholder left by a scaffolding command",
        )
        for path, text in _texts(doc.data, ())
    ]
