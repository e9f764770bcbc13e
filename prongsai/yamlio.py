"""Read one YAML file into plain Python data plus the line of every field.

Scalars follow the YAML 1.2 core schema, not PyYAML's YAML 1.1 default: only
``true``/``false`` are booleans (``no``, ``on``, ``yes`` stay words), ``2568-01-15``
stays a string (the schema decides it is a date and in which era), ``1:30`` is not
a sexagesimal number and ``010`` is not octal. Duplicate keys, anchors and aliases
and over-deep nesting are refused with a Thai message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

try:  # the C parser is much faster; the resolver below stays ours either way
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader

Path_ = tuple[str | int, ...]
MAX_DEPTH = 32
MAX_FILE_BYTES = 2_000_000  # a year of records is a few tens of kilobytes; more is a mistake or an attack
MAX_NUMBER_DIGITS = 30  # longer digit strings stay text (Python refuses ints over 4300 digits)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


_Loader.yaml_implicit_resolvers = {}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+0123456789."))


@dataclass
class YamlDoc:
    """A parsed file: its data and the 1-based line of each field path."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path`` or of its nearest ancestor that has one."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), None)


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _problem(file: str, line: int | None, message: str, gloss: str, path: str = "") -> YamlProblem:
    return YamlProblem(Problem(file, line, path, message, gloss))


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_SYNTAX_HINTS: list[tuple[str, str, str]] = [
    (
        "'\\t'",
        "มีตัวอักษรแท็บ (Tab) ใช้ย่อหน้าไม่ได้ ให้ลบแท็บแล้วใช้ช่องว่าง (เว้นวรรค) 2 ช่องต่อหนึ่งระดับแทน",
        "tab character; indent with spaces",
    ),
    (
        "while scanning a quoted scalar",
        "เครื่องหมายคำพูด (\" หรือ ') เปิดไว้แต่ไม่ได้ปิด ให้ใส่เครื่องหมายปิดท้ายข้อความ",
        "unclosed quote",
    ),
    (
        "mapping values are not allowed",
        "ย่อหน้าไม่ตรงกัน หรือมีเครื่องหมาย : อยู่กลางข้อความ ให้ตรวจการเว้นวรรคหน้าบรรทัด "
        "หรือใส่ข้อความไว้ในเครื่องหมายคำพูด \"...\"",
        "bad indentation or unquoted colon",
    ),
    (
        "expected <block end>",
        "ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า ให้จัดช่องว่างหน้าบรรทัดให้ตรงกับหัวข้อระดับเดียวกัน",
        "bad indentation",
    ),
    (
        "could not find expected ':'",
        "บรรทัดนี้ขาดเครื่องหมาย : หลังชื่อหัวข้อ หรือข้อความยาวต่อบรรทัดโดยไม่ได้ย่อหน้า "
        "ให้เขียนในรูป ชื่อหัวข้อ: ค่า",
        "missing colon",
    ),
    (
        "did not find expected key",
        "ย่อหน้าไม่ถูกต้อง ให้จัดช่องว่างหน้าบรรทัดให้ตรงกับหัวข้ออื่นในระดับเดียวกัน",
        "bad indentation",
    ),
    (
        "did not find expected '-' indicator",
        "ย่อหน้าของบรรทัดนี้ไม่ตรงกับบรรทัดก่อนหน้า หัวข้อในระดับเดียวกันต้องเว้นวรรคหน้าบรรทัดเท่ากัน "
        "และทุกรายการในลิสต์ต้องขึ้นต้นด้วย - ที่ตำแหน่งเดียวกัน",
        "list items misaligned",
    ),
    (
        "expected a single document",
        "ไฟล์นี้มีเอกสาร YAML มากกว่าหนึ่งชุด (มีเส้น --- คั่น) ให้รวมเป็นชุดเดียว",
        "more than one YAML document",
    ),
    (
        "found undefined alias",
        "ไม่รองรับการอ้างอิงแบบ *ชื่อ ให้เขียนค่าเต็มแทน",
        "aliases are not supported",
    ),
    (
        "did not find expected ',' or ']'",
        "วงเล็บ [ เปิดไว้แต่ไม่ได้ปิด หรือรายการในวงเล็บขาดเครื่องหมาย , คั่น ให้ใส่ ] ปิดท้ายรายการ",
        "unclosed [ or missing comma",
    ),
    (
        "did not find expected ',' or '}'",
        "วงเล็บ { เปิดไว้แต่ไม่ได้ปิด หรือหัวข้อในวงเล็บขาดเครื่องหมาย , คั่น ให้ใส่ } ปิดท้าย",
        "unclosed { or missing comma",
    ),
    (
        "found character",
        "มีตัวอักษรที่ใช้ขึ้นต้นค่าไม่ได้ (เช่น @ ` % |) ให้ใส่ข้อความไว้ในเครื่องหมายคำพูด \"...\"",
        "reserved character; quote the value",
    ),
]


_AT_OPENING = {"while scanning a quoted scalar", "did not find expected ',' or ']'", "did not find expected ',' or '}'"}
# what YAML's reader refuses: C0/C1 controls other than tab and line breaks, surrogates, non-characters
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _syntax_problem(file: str, exc: yaml.YAMLError, source: str) -> YamlProblem:
    if isinstance(exc, yaml.reader.ReaderError):  # a control character, which no editor shows
        found = _CONTROL.search(source)
        return _problem(
            file,
            source[: found.start()].count("\n") + 1 if found else None,
            f"มีอักขระควบคุมที่มองไม่เห็น (รหัส U+{exc.character:04X}) อยู่ในบรรทัดนี้ ซึ่งมักติดมาจากการคัดลอก "
            "ให้ลบบรรทัดนี้แล้วพิมพ์ใหม่",
            "control character",
        )
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    text = str(exc)
    lines = source.split("\n")
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line]:
        text = "'\\t' " + text  # libyaml does not name the character: a tab on the line is the usual cause
    for needle, thai, gloss in _SYNTAX_HINTS:
        if needle in text:
            opened = getattr(exc, "context_mark", None)
            if needle in _AT_OPENING and opened is not None:
                line = opened.line + 1  # where the quote or bracket was opened, not the end of the file
            return _problem(file, line, f"รูปแบบ YAML ไม่ถูกต้อง: {thai}", gloss)
    problem = getattr(exc, "problem", None) or text.splitlines()[0]
    return _problem(
        file,
        line,
        "รูปแบบ YAML ไม่ถูกต้อง ให้ตรวจการย่อหน้า เครื่องหมาย : และเครื่องหมายคำพูดในบรรทัดนี้และบรรทัดก่อนหน้า",
        f"YAML syntax: {problem}",
    )


def _construct(file: str, node: yaml.Node, path: Path_, lines: dict[Path_, int], seen: set[int]) -> Any:
    if len(path) > MAX_DEPTH:
        raise _problem(
            file,
            node.start_mark.line + 1,
            f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ระดับ ให้ตรวจการย่อหน้า",
            "nesting too deep",
            format_path(path),
        )
    if id(node) in seen and not isinstance(node, yaml.ScalarNode):
        raise _problem(
            file,
            node.start_mark.line + 1,
            "ไม่รองรับการอ้างอิงแบบ &ชื่อ / *ชื่อ (anchor/alias) ให้เขียนค่าเต็มแทน",
            "anchors and aliases are not supported",
            format_path(path),
        )
    seen.add(id(node))
    _refuse_tag(file, node, path)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _problem(
                    file, key_node.start_mark.line + 1, "ชื่อหัวข้อต้องเป็นข้อความธรรมดา", "complex key", format_path(path)
                )
            key = str(key_node.value)
            key_line = key_node.start_mark.line + 1
            if key in out:
                raise _problem(
                    file,
                    key_line,
                    f"หัวข้อ '{key}' ซ้ำกับบรรทัด {first_line[key]} ให้ลบหรือรวมเหลือหัวข้อเดียว",
                    "duplicate key",
                    format_path((*path, key)),
                )
            first_line[key] = key_line
            lines[(*path, key)] = key_line
            out[key] = _construct(file, value_node, (*path, key), lines, seen)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            lines[(*path, i)] = item.start_mark.line + 1
            items.append(_construct(file, item, (*path, i), lines, seen))
        return items
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node.tag, node.value)


_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")}


def _refuse_tag(file: str, node: yaml.Node, path: Path_) -> None:
    """``!!python/object``, ``!!binary``, ``!custom`` ...: never meant in data an editor types."""
    if node.tag not in _PLAIN_TAGS:
        raise _problem(
            file,
            node.start_mark.line + 1,
            f"ไม่รองรับแท็ก YAML '{node.tag.replace('tag:yaml.org,2002:', '!!')[:60]}' ให้ลบแท็ก (ข้อความที่ขึ้นต้นด้วย ! หรือ !!) ออก",
            "explicit YAML tags are not supported",
            format_path(path),
        )


def _scalar(tag: str, value: str) -> Any:
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if len(value) > MAX_NUMBER_DIGITS:
        return value  # not a number anyone typed; the schema says what it should be
    if tag == "tag:yaml.org,2002:int":
        return int(value)
    if tag == "tag:yaml.org,2002:float":
        return float(value)
    return value  # every other scalar, explicit tags included, is text


def _check_depth(file: str, text: str) -> None:
    """Refuse over-deep nesting before composing: libyaml's composer recurses in C and a
    few thousand ``[`` crash the interpreter instead of raising."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _problem(
                    file,
                    event.start_mark.line + 1 if event.start_mark else None,
                    f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ระดับ ให้ตรวจการย่อหน้าและวงเล็บ [ ] {{ }}",
                    "nesting too deep",
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def read_yaml(path: Path, display: str) -> YamlDoc:
    """Parse ``path``; raise :class:`YamlProblem` with a Thai message on failure."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _problem(
            display,
            None,
            f"ไฟล์ใหญ่เกินไป ({size:,} ไบต์ เกินกำหนด {MAX_FILE_BYTES:,} ไบต์) ให้แยกข้อมูลเป็นหลายไฟล์ "
            "หรือย้ายเนื้อหายาว ๆ ไปเป็นไฟล์แนบ (file:)",
            "file too large",
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _problem(
            display,
            line,
            "ไฟล์นี้ไม่ได้บันทึกเป็น UTF-8 ให้บันทึกใหม่ด้วยการเข้ารหัส UTF-8 (ในโปรแกรมแก้ไขเลือก Save with Encoding → UTF-8)",
            "file is not UTF-8",
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    try:
        _check_depth(display, text)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _syntax_problem(display, exc, text) from None
    except RecursionError:
        raise _problem(display, None, "ข้อมูลซ้อนกันลึกเกินไป ให้ตรวจการย่อหน้าและวงเล็บ", "nesting too deep") from None
    lines: dict[Path_, int] = {}
    if node is None:
        return YamlDoc(display, None, lines)
    lines[()] = node.start_mark.line + 1
    data = _construct(display, node, (), lines, set())
    return YamlDoc(display, data, lines)
