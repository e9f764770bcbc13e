"""Field types as editors type them: Thai digits, BE or CE years and dates, codes.

Each type normalises before validating and raises a Thai message through
:class:`pydantic_core.PydanticCustomError` (type ``prongsai``; the English gloss
travels in the error context).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from .thai import DateParseError, normalise_year, parse_date, to_arabic_digits


def fail(message: str, gloss: str) -> PydanticCustomError:
    # braces in user text must not be read as placeholders
    return PydanticCustomError("prongsai", message.replace("{", "{{").replace("}", "}}"), {"gloss": gloss})


def _show(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


# --- text ---------------------------------------------------------------------------

MAX_TEXT = 20_000
"""Characters in one text field (about eight printed pages of Thai): longer belongs in an
attached document, and a page that big would not open on a cheap phone."""
MAX_URL = 2_000


def _text(value: Any) -> Any:
    if value is None:
        raise fail("ยังไม่ได้กรอกข้อความ ให้กรอกข้อความ หรือลบหัวข้อนี้ออกถ้าไม่ใช้", "empty value")
    if isinstance(value, bool):
        raise fail(
            f"ต้องเป็นข้อความ แต่พบค่า {str(value).lower()} ถ้าต้องการข้อความนี้จริง ๆ ให้ใส่ในเครื่องหมายคำพูด \"...\"",
            "expected text",
        )
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        raise fail("ต้องเป็นข้อความ ไม่ใช่รายการหรือชุดหัวข้อ", "expected text")
    value = value.strip()
    if not value:
        raise fail("ข้อความว่าง ให้กรอกข้อความ หรือลบหัวข้อนี้ออกถ้าไม่ใช้", "empty text")
    if len(value) > MAX_TEXT:
        raise fail(
            f"ข้อความยาว {len(value):,} ตัวอักษร เกินกำหนด {MAX_TEXT:,} ตัวอักษร ให้ย่อให้สั้นลง "
            "หรือแนบเนื้อหาฉบับเต็มเป็นเอกสาร (file:) แล้วสรุปไว้ที่นี่",
            "text too long",
        )
    return value


Text = Annotated[str, BeforeValidator(_text)]
"""Text that may hold Markdown and several paragraphs (a blank line between)."""


_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")


def _slug(value: Any) -> Any:
    value = _text(value)
    value = to_arabic_digits(value)
    if not _SLUG.match(value):
        raise fail(
            f"รหัส '{_show(value)}' ใช้ไม่ได้ ให้ใช้ตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข และขีด - เท่านั้น "
            "(เช่น m01 หรือ round-6m) เพราะรหัสนี้เป็นส่วนหนึ่งของที่อยู่หน้าเว็บ",
            "id must be lowercase ascii letters, digits and hyphens",
        )
    return value


Slug = Annotated[
    str,
    BeforeValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": _SLUG.pattern}),
]


def _key(value: Any) -> Any:
    """A group key such as ``3``: numbers and Thai digits become the same string."""
    if isinstance(value, bool) or value is None:
        raise fail("ต้องเป็นหมายเลขหรือรหัสกลุ่ม เช่น 1 หรือ 7", "expected a group key")
    return to_arabic_digits(_text(value))


GroupKey = Annotated[str, BeforeValidator(_key), WithJsonSchema({"type": ["string", "integer"]})]


# --- numbers ------------------------------------------------------------------------


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        raise fail(f"ต้องเป็นตัวเลข แต่พบ {str(value).lower()}", "expected a number")
    if isinstance(value, str):
        cleaned = to_arabic_digits(value).strip().replace(",", "")
        if cleaned.endswith("%"):
            cleaned = cleaned[:-1].strip()
        if len(cleaned) > 30:
            raise fail(f"ตัวเลขยาวเกินไป ({len(cleaned):,} หลัก) ให้ตรวจค่าที่กรอก", "number too long")
        try:
            return float(cleaned) if ("." in cleaned or "e" in cleaned.lower()) else int(cleaned)
        except ValueError:
            raise fail(
                f"ต้องเป็นตัวเลข (เลขไทยหรือเลขอารบิกก็ได้ เช่น 90.65 หรือ ๙๐.๖๕) แต่พบ '{_show(value)}'",
                "expected a number",
            ) from None
    if value is None:
        raise fail("ยังไม่ได้กรอกตัวเลข", "empty number")
    if not isinstance(value, (int, float)):
        raise fail("ต้องเป็นตัวเลข ไม่ใช่รายการหรือชุดหัวข้อ", "expected a number")
    return value


def _int(value: Any) -> Any:
    value = _number(value)
    if isinstance(value, float):
        if not value.is_integer():
            raise fail(f"ต้องเป็นจำนวนเต็ม แต่พบ {value}", "expected a whole number")
        value = int(value)
    return value


def _score(value: Any) -> Any:
    value = float(_number(value))
    if not 0 <= value <= 100:
        raise fail(f"คะแนนต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ {value:g}", "score out of range 0-100")
    return value


def _percent(value: Any) -> Any:
    value = float(_number(value))
    if not 0 <= value <= 100:
        raise fail(
            f"ร้อยละความก้าวหน้าต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ {value:g}",
            "percent out of range 0-100",
        )
    return value


Int = Annotated[int, BeforeValidator(_int), WithJsonSchema({"type": ["integer", "string"]})]
Score = Annotated[
    float, BeforeValidator(_score), WithJsonSchema({"type": ["number", "string"], "minimum": 0, "maximum": 100})
]
Percent = Annotated[
    float, BeforeValidator(_percent), WithJsonSchema({"type": ["number", "string"], "minimum": 0, "maximum": 100})
]


def _year(value: Any) -> Any:
    year = _int(value)
    if not 1900 <= year <= 2200 and not 2443 <= year <= 2743:
        raise fail(
            f"ปี {year} ไม่ถูกต้อง ให้เขียนปีพุทธศักราช 4 หลัก เช่น 2568 (หรือ ค.ศ. เช่น 2025)",
            "expected a 4-digit year, BE or CE",
        )
    return normalise_year(year)


Year = Annotated[int, BeforeValidator(_year), WithJsonSchema({"type": ["integer", "string"]})]
"""A Buddhist-era year; a CE year (e.g. 2025) is converted."""


def _date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise fail(
            f"ต้องเป็นวันที่ครบ วัน เดือน ปี เช่น 2568-03-31 หรือ 31 มีนาคม 2568 แต่พบ {value}",
            "expected a full date",
        )
    text = _text(value)
    try:
        return parse_date(text)
    except DateParseError:
        raise fail(
            f"อ่านวันที่ '{_show(text)}' ไม่ได้ ให้เขียนแบบ 2568-03-31 (ปี-เดือน-วัน) "
            "หรือ 31 มีนาคม 2568 หรือ 31/3/2568 (ปี พ.ศ. หรือ ค.ศ. ก็ได้)",
            "unreadable date; use YYYY-MM-DD, BE or CE",
        ) from None


Date = Annotated[
    dt.date,
    BeforeValidator(_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string"}),
]


# --- codes --------------------------------------------------------------------------

_OIT = re.compile(r"^[oO]\s*0*(\d{1,3})$")


def _oit_code(value: Any) -> Any:
    text = to_arabic_digits(_text(value)).replace("๐", "0")
    m = _OIT.match(text)
    if not m:
        raise fail(
            f"รหัสข้อ OIT '{_show(text)}' ไม่ถูกต้อง ให้เขียนตัว O ตามด้วยหมายเลข เช่น O1 หรือ O27",
            "OIT code like O27",
        )
    return f"O{int(m[1])}"


OitCode = Annotated[str, BeforeValidator(_oit_code), WithJsonSchema({"type": "string", "pattern": "^[Oo]\\s*\\d+$"})]

_QUESTION = re.compile(r"^([iIeEoO])\s*0*(\d{1,3})(?:\.(\d+))?$")


def _question_code(value: Any) -> Any:
    text = to_arabic_digits(_text(value))
    m = _QUESTION.match(text)
    if not m:
        raise fail(
            f"รหัสข้อคำถาม '{_show(text)}' ไม่ถูกต้อง ให้เขียนเช่น i1 (แบบวัด IIT) e5 (แบบวัด EIT) หรือ O14 (แบบวัด OIT)",
            "question code like i1, e5, O14",
        )
    letter = m[1].upper() if m[1] in "oO" else m[1].lower()
    return f"{letter}{int(m[2])}" + (f".{m[3]}" if m[3] else "")


QuestionCode = Annotated[str, BeforeValidator(_question_code), WithJsonSchema({"type": "string"})]


# no spaces, quotes or angle brackets: they are not URL characters (a real address has them
# percent-encoded) and they are how a link breaks out of its HTML attribute
_URL = re.compile(r"^https?://[^\s/$.?#<>\"'`\\][^\s<>\"`\\]*$", re.IGNORECASE)


def _url(value: Any) -> Any:
    text = _text(value)
    if len(text) > MAX_URL or not _URL.match(text):
        raise fail(
            f"ที่อยู่เว็บ '{_show(text)}' ไม่ถูกต้อง ต้องขึ้นต้นด้วย https:// หรือ http:// "
            "และไม่มีช่องว่างหรือเครื่องหมาย < > \" ` \\",
            "expected an http(s) URL",
        )
    return text


Url = Annotated[str, BeforeValidator(_url), WithJsonSchema({"type": "string", "format": "uri"})]


def _file_ref(value: Any) -> Any:
    text = _text(value).replace("\\", "/")
    if text.startswith("/") or ".." in text.split("/") or "://" in text:
        raise fail(
            f"ที่อยู่ไฟล์ '{_show(text)}' ต้องเป็นที่อยู่ภายในโฟลเดอร์ docs/ เช่น files/2568/รายงาน.pdf "
            "(ห้ามขึ้นต้นด้วย / หรือใช้ ..) ถ้าเป็นเว็บไซต์ให้ใช้หัวข้อ url แทน",
            "file path relative to docs/",
        )
    return text


FileRef = Annotated[str, BeforeValidator(_file_ref), WithJsonSchema({"type": "string"})]


def choice(aliases: dict[str, str], label: str) -> BeforeValidator:
    """Accept an enum value by its key or by its Thai label (or a listed alias)."""
    lookup = {k.lower(): v for k, v in aliases.items()}

    def check(value: Any) -> Any:
        text = _text(value)
        found = lookup.get(text.lower()) or lookup.get(text.replace(" ", "").lower())
        if found is None:
            allowed = ", ".join(dict.fromkeys(aliases.values()))
            raise fail(f"{label} '{_show(text)}' ใช้ไม่ได้ ให้ใช้หนึ่งใน: {allowed}", "value not in the allowed list")
        return found

    return BeforeValidator(check)


def nonempty_list(min_items: int = 1) -> Any:
    return Field(min_length=min_items)
