"""Nothing personal by accident (Thai PDPA, พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562).

Every text in the data and every name of a file under ``docs/`` (all of them are
published) is searched for three kinds of personal data an editor may paste without
noticing:

- a Thai national ID number: 13 digits, written together or grouped 1-4-5-2-1, whose
  last digit is the checksum of the others, and whose first digit is 1-8 (a person's
  number; 13-digit numbers starting with 0 are juristic persons' and agencies' tax
  numbers, which procurement notices publish on purpose);
- a mobile number: 10 digits starting 06, 08 or 09 (or +66 6/8/9 ...). Office lines
  (02-07, 9 digits) and short hotlines are not mobile numbers;
- an e-mail address outside the organisation's own domain (taken from ``website`` in
  organization.yml) and outside government domains (``.go.th``).

Official numbers and addresses that look personal (a municipality's complaints mobile,
a sarabun address at a free-mail provider) go into ``data/privacy-allowlist.yml``, one
entry each with the reason, who approved it (a position, not a name) and when. Messages
never repeat the whole value: build logs may be public.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import Field

from .errors import Problem
from .model import Record
from .thai import to_arabic_digits
from .types import Date, Text
from .yamlio import Path_, YamlDoc, format_path

ALLOWLIST_NAME = "privacy-allowlist.yml"


class AllowedValue(Record):
    """หมายเลขหรืออีเมลราชการที่ดูเหมือนข้อมูลส่วนบุคคล แต่ได้รับอนุญาตให้เผยแพร่"""

    value: Text = Field(description="หมายเลขโทรศัพท์ อีเมล หรือเลข 13 หลัก ตามที่เขียนในข้อมูล")
    reason: Text = Field(description="เหตุผลที่เผยแพร่ได้ เช่น เป็นโทรศัพท์มือถือของศูนย์รับเรื่องร้องเรียน (เครื่องของหน่วยงาน)")
    approved_by: Text = Field(description="ตำแหน่งผู้อนุมัติ เช่น ปลัดเทศบาล (ใส่ตำแหน่ง ไม่ต้องใส่ชื่อบุคคล)")
    approved_on: Date = Field(description="วันที่อนุมัติ")


class AllowlistFile(Record):
    """รายการข้อมูลติดต่อราชการที่ตรวจแล้วว่าเผยแพร่ได้ (data/privacy-allowlist.yml)"""

    entries: list[AllowedValue] = Field(default_factory=list)


@dataclass(frozen=True)
class Finding:
    kind: str  # "national_id", "mobile" or "email"
    key: str  # normalised, for the allow-list
    shown: str  # masked, for messages


# Each pattern starts with a character class, not with its "no digit before" look-behind:
# then the regex engine skips ahead to the next digit instead of trying the whole pattern at
# every character of the Thai text (five times faster). ``\d(?<!\d\d)`` is "a digit with no
# digit before it"; ``[+60](?<![\d+].)`` is "+, 6 or 0 with no digit or + before it".
_NATIONAL_ID = re.compile(r"(\d(?<!\d\d)(?:\d{12}|([ -])\d{4}\2\d{5}\2\d{2}\2\d))(?!\d)")
_MOBILE = re.compile(r"[+60](?<![\d+].)(?:(?<=\+)66|(?<=6)6|(?<=0))[ .\-\u00a0]?[689](?:[ .\-\u00a0]?\d){8}(?!\d)")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")
_GOVERNMENT = (".go.th",)


def national_id_valid(number: str) -> bool:
    """The checksum of a Thai national ID: 13 digits, the last one checks the first twelve."""
    if len(number) != 13 or not number.isdigit():
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(number[:12]))
    return (11 - total % 11) % 10 == int(number[12])


def normalise(value: str) -> str:
    """The comparable form of a number or an address: digits only (+66 as 0) or lower-case."""
    value = to_arabic_digits(value).strip()
    if "@" in value:
        return value.lower().removeprefix("mailto:")
    digits = re.sub(r"\D", "", value)
    if len(digits) == 11 and digits.startswith("66"):
        digits = "0" + digits[2:]
    return digits


def _mask_digits(digits: str) -> str:
    return "x" * (len(digits) - 4) + digits[-4:]


def _mask_email(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:2]}***@{domain}"


def official_domain(website: str | None) -> str | None:
    """``https://www.saithan.go.th/`` -> ``saithan.go.th``."""
    if not website:
        return None
    try:
        host = (urlsplit(website).hostname or "").lower()
    except ValueError:  # "https://[..." : not an address (organization.yml reports the website itself)
        return None
    return host.removeprefix("www.") or None


def _official_email(domain: str, own: str | None) -> bool:
    domain = domain.lower()
    if own and (domain == own or domain.endswith("." + own)):
        return True
    return domain.endswith(_GOVERNMENT)


def find_personal(text: str, own_domain: str | None) -> Iterator[Finding]:
    """Personal data in ``text`` (Thai digits count as digits)."""
    plain = to_arabic_digits(text)
    for m in _NATIONAL_ID.finditer(plain):
        digits = re.sub(r"\D", "", m.group(1))
        if digits[0] in "12345678" and national_id_valid(digits):
            yield Finding("national_id", digits, _mask_digits(digits))
    for m in _MOBILE.finditer(plain):
        key = normalise(m.group(0))
        yield Finding("mobile", key, _mask_digits(key))
    for m in _EMAIL.finditer(plain):
        if not _official_email(m.group(1), own_domain):
            address = m.group(0).lower()
            yield Finding("email", address, _mask_email(address))


def _message(f: Finding, own_domain: str | None) -> tuple[str, str]:
    allow = f"ถ้าเป็นข้อมูลติดต่อราชการของหน่วยงานจริง ให้เพิ่มไว้ใน data/{ALLOWLIST_NAME} พร้อมเหตุผลและผู้อนุมัติ"
    if f.kind == "national_id":
        return (
            f"พบเลขประจำตัวประชาชน 13 หลัก ({f.shown}) ซึ่งเป็นข้อมูลส่วนบุคคล ห้ามเผยแพร่ "
            "ตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ให้ลบออก หรือปิดบังด้วย x",
            "Thai national ID number (PDPA)",
        )
    if f.kind == "mobile":
        return (
            f"พบหมายเลขโทรศัพท์มือถือ ({f.shown}) ซึ่งอาจเป็นเบอร์ส่วนตัวของบุคคล ห้ามเผยแพร่เบอร์ส่วนตัว "
            f"ให้ใช้หมายเลขโทรศัพท์ของสำนักงานแทน {allow}",
            "personal mobile number (PDPA)",
        )
    where = f"โดเมนของหน่วยงาน ({own_domain}) หรือของราชการ (.go.th)" if own_domain else "โดเมนของราชการ (.go.th)"
    return (
        f"พบอีเมล {f.shown} ที่ไม่ใช่{where} ซึ่งอาจเป็นอีเมลส่วนตัวของบุคคล ห้ามเผยแพร่อีเมลส่วนตัว "
        f"ให้ใช้อีเมลของหน่วยงานแทน {allow}",
        "personal e-mail address (PDPA)",
    )


def _strings(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, (*path, i))
    elif isinstance(value, (str, int)) and not isinstance(value, bool):
        yield path, str(value)


def _values(value: Any, out: list[str]) -> None:
    """The texts of :func:`_strings`, without their paths."""
    if isinstance(value, dict):
        for v in value.values():
            _values(v, out)
    elif isinstance(value, list):
        for v in value:
            _values(v, out)
    elif isinstance(value, (str, int)) and not isinstance(value, bool):
        out.append(str(value))


class PrivacyGuard:
    """Collects problems for everything published, skipping the allow-listed values."""

    def __init__(self, own_domain: str | None, allowed: set[str]) -> None:
        self.own_domain = own_domain
        self.allowed = allowed

    def _problems(self, file: str, line: int | None, path: str, text: str) -> Iterator[Problem]:
        seen: set[str] = set()
        for f in find_personal(text, self.own_domain):
            if f.key in self.allowed or f.key in seen:
                continue
            seen.add(f.key)
            message, gloss = _message(f, self.own_domain)
            yield Problem(file, line, path, message, gloss)

    def check_doc(self, doc: YamlDoc) -> list[Problem]:
        # One scan of all the file's texts joined first: almost every file has nothing to
        # report, and scanning 25,000 texts one by one is most of the time of a load. The
        # separator is matched by none of the patterns and reads as a text boundary to their
        # look-arounds, so the joined scan finds exactly the union of the per-text findings.
        values: list[str] = []
        _values(doc.data, values)
        if not any(f.key not in self.allowed for f in find_personal("\x00".join(values), self.own_domain)):
            return []
        out: list[Problem] = []
        for path, text in _strings(doc.data, ()):
            out += self._problems(doc.file, doc.line_of(path), format_path(path), text)
        return out

    def check_published_files(self, docs_dir: Path, display_root: Path) -> list[Problem]:
        """Names of every file under ``docs/`` and the text of hand-written pages."""
        out: list[Problem] = []
        for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
            shown = path.relative_to(display_root).as_posix() if path.is_relative_to(display_root) else path.as_posix()
            for problem in self._problems(shown, None, "", path.relative_to(docs_dir).as_posix()):
                out.append(Problem(problem.file, None, "", "ชื่อไฟล์: " + problem.message, problem.gloss))
            if path.suffix.lower() in (".md", ".markdown", ".html", ".txt"):
                try:
                    lines = path.read_text("utf-8").splitlines()
                except (UnicodeDecodeError, OSError):
                    continue
                for n, line in enumerate(lines, 1):
                    out += self._problems(shown, n, "", line)
        return out
