"""Field types as editors type them: Thai digits, BE or CE years and dates, codes.

Each type normalises before validating and raises a Thai message through
:class:`pydantic_core.PydanticCustomError` (type ``prongsai``; the English gloss
travels in the error context).
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from .thai import MONTHS, MONTHS_ABBR, DateParseError, normalise_year, parse_date, to_arabic_digits


VALUE = "\x00"
"""Where a message quotes the value: :func:`fail` puts in the value as read, and
:mod:`prongsai.validation` puts back the text as the editor typed it (``1๑``, not ``11``),
so the editor can find it with the editor's search."""


def fail(message: str, gloss: str, value: Any = None) -> PydanticCustomError:
    """A Thai error; ``message`` holds :data:`VALUE` where it quotes ``value``."""
    ctx: dict[str, Any] = {"gloss": gloss}
    if VALUE in message:
        ctx["template"] = message
        message = message.replace(VALUE, _show(value))
    # braces in user text must not be read as placeholders
    return PydanticCustomError("prongsai", message.replace("{", "{{").replace("}", "}}"), ctx)


def thai_digits_re(pattern: str) -> str:
    """Let an ASCII-digit regex also match Thai digits: ``[0-9]`` -> ``[0-9๐-๙]``, ``5`` -> ``[5๕]``.

    The JSON Schema patterns below are written once with ASCII digits and read by two
    dialects (ECMAScript in editors and check-jsonschema, Python in tests), so they use
    explicit classes, never ``\\d`` (which means different things in each).
    """
    thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif c == "{":
            j = pattern.index("}", i)
            out.append(pattern[i : j + 1])
            i = j + 1
        elif c == "[":
            j = pattern.index("]", i + 1)
            body = pattern[i + 1 : j]
            extra = "".join(m.translate(thai) for m in re.findall(r"[0-9]-[0-9]|[0-9]", body))
            out.append(f"[{body}{extra}]")
            i = j + 1
        elif c.isdigit():
            out.append(f"[{c}{c.translate(thai)}]")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def re_escape(text: str) -> str:
    """Escape regex syntax characters only: ``re.escape`` also escapes spaces and Thai marks,
    which ECMAScript's unicode mode (editors, check-jsonschema) refuses."""
    return "".join("\\" + c if c in "^$\\.*+?()[]{}|/" else c for c in text)


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
            f"ต้องเป็นข้อความ แต่พบค่า {VALUE} ถ้าต้องการข้อความนี้จริง ๆ ให้ใส่ในเครื่องหมายคำพูด \"...\"",
            "expected text",
            str(value).lower(),
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


# numbers are accepted as text (``title: 2568``); a pattern applies to strings only
Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": ["string", "number"], "pattern": r"\S"})]
"""Text that may hold Markdown and several paragraphs (a blank line between)."""


_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")


def _slug(value: Any) -> Any:
    value = _text(value)
    value = to_arabic_digits(value)
    if not _SLUG.match(value):
        raise fail(
            f"รหัส '{VALUE}' ใช้ไม่ได้ ให้ใช้ตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข และขีด - เท่านั้น "
            "(เช่น m01 หรือ round-6m) เพราะรหัสนี้เป็นส่วนหนึ่งของที่อยู่หน้าเว็บ",
            "id must be lowercase ascii letters, digits and hyphens",
            value,
        )
    return value


Slug = Annotated[
    str,
    BeforeValidator(_slug),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": thai_digits_re(r"^\s*[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\s*$")},
                {"type": "integer", "minimum": 0},
            ]
        }
    ),
]


def _key(value: Any) -> Any:
    """A group key such as ``3``: numbers and Thai digits become the same string."""
    if isinstance(value, bool) or value is None:
        raise fail("ต้องเป็นหมายเลขหรือรหัสกลุ่ม เช่น 1 หรือ 7", "expected a group key")
    return to_arabic_digits(_text(value))


GroupKey = Annotated[str, BeforeValidator(_key), WithJsonSchema({"type": ["string", "number"], "pattern": r"\S"})]


# --- numbers ------------------------------------------------------------------------


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        raise fail(f"ต้องเป็นตัวเลข แต่พบ {VALUE}", "expected a number", str(value).lower())
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
                f"ต้องเป็นตัวเลข (เลขไทยหรือเลขอารบิกก็ได้ เช่น 90.65 หรือ ๙๐.๖๕) แต่พบ '{VALUE}'",
                "expected a number",
                value,
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
            raise fail(f"ต้องเป็นจำนวนเต็ม แต่พบ {VALUE}", "expected a whole number", value)
        value = int(value)
    return value


def _score(value: Any) -> Any:
    value = float(_number(value))
    if not 0 <= value <= 100:
        raise fail(f"คะแนนต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ {VALUE}", "score out of range 0-100", f"{value:g}")
    return value


_SCORE_JOIN = re.compile(r"\s*(?:และ|หรือ|ถึง|,|/|–|-)\s*|\s+")


def _written_score(value: Any) -> Any:
    """A score kept as the document wrote it: ``91`` stays ``91``, ``91.00`` keeps its decimals
    (the YAML reader keeps the text of every number), ``๙๔.๒๔`` its Thai digits, and two scores
    cited together (``๙๔.๒๔ และ ๙๖.๗๐``) stay one text. Every number in it must be 0-100."""
    if isinstance(value, bool) or value is None or not isinstance(value, (int, float, str)):
        _number(value)  # the same Thai message as any other number
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, float):
        text = getattr(value, "written", None) or repr(value).removesuffix(".0")
    else:
        text = str(value)
    if len(text) > 200:
        raise fail(f"คะแนนยาวเกินไป ({len(text):,} ตัวอักษร) ให้ใส่เฉพาะตัวเลข", "score text too long")
    parts = [p for p in _SCORE_JOIN.split(text) if p]
    if not parts:
        raise fail("ยังไม่ได้กรอกคะแนน ถ้าเอกสารไม่ได้ระบุคะแนน ให้ลบหัวข้อนี้ออก", "empty score")
    for part in parts:
        try:
            _score(part)
        except PydanticCustomError:
            raise fail(
                f"คะแนนต้องเป็นตัวเลข 0 ถึง 100 (เลขไทยหรือเลขอารบิก) หรือหลายค่าคั่นด้วย 'และ' "
                f"เช่น ๙๔.๒๔ และ ๙๖.๗๐ แต่พบ '{_show(value)}'",
                "score must be numbers 0-100 as written",
            ) from None
    return text


def score_values(written: str | None) -> list[float]:
    """The numbers of a written score: ``"๙๔.๒๔ และ ๙๖.๗๐"`` -> ``[94.24, 96.7]``."""
    if not written:
        return []
    return [float(_number(p)) for p in _SCORE_JOIN.split(written) if p]


def score_value(written: str | None) -> float | None:
    """The number of a written score that is one number, else None."""
    values = score_values(written)
    return values[0] if len(values) == 1 else None


def _percent(value: Any) -> Any:
    value = float(_number(value))
    if not 0 <= value <= 100:
        raise fail(
            f"ร้อยละความก้าวหน้าต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ {VALUE}",
            "percent out of range 0-100",
            f"{value:g}",
        )
    return value


# Numbers may be typed as text with Thai digits, commas or a trailing %: the patterns
# say which texts the validators above accept.
_INT_TEXT = thai_digits_re(r"^\s*[+-]?[0-9,]*[0-9][0-9,]*(?:\.[0,]*)?\s*%?\s*$")
_PERCENT_TEXT = thai_digits_re(r"^\s*\+?0*(?:100(?:\.0*)?|[0-9]{1,2}(?:\.[0-9]*)?|\.[0-9]+)\s*%?\s*$")
_RANGE_0_100 = {"anyOf": [{"type": "number", "minimum": 0, "maximum": 100}, {"type": "string", "pattern": _PERCENT_TEXT}]}

Int = Annotated[int, BeforeValidator(_int), WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string", "pattern": _INT_TEXT}]})]
Score = Annotated[float, BeforeValidator(_score), WithJsonSchema(_RANGE_0_100)]
Percent = Annotated[float, BeforeValidator(_percent), WithJsonSchema(_RANGE_0_100)]
_WRITTEN_SCORE_TEXT = thai_digits_re(
    r"^\s*[0-9]{1,3}(?:\.[0-9]+)?(?:\s*(?:และ|หรือ|ถึง|,|/|–|-|\s)\s*[0-9]{1,3}(?:\.[0-9]+)?)*\s*$"
)
WrittenScore = Annotated[
    str,
    BeforeValidator(_written_score),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0, "maximum": 100}, {"type": "string", "pattern": _WRITTEN_SCORE_TEXT}]}),
]


def _numbers(value: Any) -> Any:
    """A list of whole numbers as an editor writes it: ``[1, 2]``, ``1``, ``1, 2`` or ``๑ และ ๒``."""
    if isinstance(value, (int, float)):
        return [value]
    if isinstance(value, str):
        parts = [p for p in re.split(r"[,\s]+|และ", value) if p]
        if not parts:
            raise fail("ยังไม่ได้กรอกหมายเลข ให้ใส่หมายเลข เช่น [1, 2] หรือลบหัวข้อนี้ออก", "empty list of numbers")
        return parts
    return value


Numbers = Annotated[
    list[Int],
    BeforeValidator(_numbers),
    WithJsonSchema({"anyOf": [{"type": "array", "items": {"type": ["integer", "string"]}}, {"type": ["integer", "string"]}]}),
]
"""Whole numbers: a YAML list, or one number, or numbers separated by commas."""


def _year(value: Any) -> Any:
    year = _int(value)
    if not 1900 <= year <= 2200 and not 2443 <= year <= 2743:
        raise fail(
            f"ปี {VALUE} ไม่ถูกต้อง ให้เขียนปีพุทธศักราช 4 หลัก เช่น 2568 (หรือ ค.ศ. เช่น 2025)",
            "expected a 4-digit year, BE or CE",
            year,
        )
    return normalise_year(year)


_YEAR_TEXT = thai_digits_re(
    r"^\s*\+?(?:19[0-9]{2}|2[01][0-9]{2}|2200|244[3-9]|24[5-9][0-9]|2[56][0-9]{2}|27[0-3][0-9]|274[0-3])(?:\.0*)?\s*$"
)
Year = Annotated[
    int,
    BeforeValidator(_year),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 2443, "maximum": 2743},
                {"type": "integer", "minimum": 1900, "maximum": 2200},
                {"type": "string", "pattern": _YEAR_TEXT},
            ]
        }
    ),
]
"""A Buddhist-era year; a CE year (e.g. 2025) is converted."""


def _date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise fail(
            f"ต้องเป็นวันที่ครบ วัน เดือน ปี เช่น 2568-03-31 หรือ 31 มีนาคม 2568 แต่พบ {VALUE}",
            "expected a full date",
            value,
        )
    text = _text(value)
    try:
        return parse_date(text)
    except DateParseError:
        raise fail(
            f"อ่านวันที่ '{VALUE}' ไม่ได้ ให้เขียนแบบ 2568-03-31 (ปี-เดือน-วัน) "
            "หรือ 31 มีนาคม 2568 หรือ 31/3/2568 (ปี พ.ศ. หรือ ค.ศ. ก็ได้)",
            "unreadable date; use YYYY-MM-DD, BE or CE",
            text,
        ) from None


def _date_pattern() -> str:
    """The texts :func:`prongsai.thai.parse_date` reads, as one regex.

    Days are checked against the length of each month; only 29 February of a year that
    is not a leap year gets past it (the build then says the date does not exist).
    """
    days = {31: r"(?:0?[1-9]|[12][0-9]|3[01])", 30: r"(?:0?[1-9]|[12][0-9]|30)", 29: r"(?:0?[1-9]|[12][0-9])"}
    lengths = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    iso, slash, text = [], [], []
    for length in (31, 30, 29):
        numbers = [n for n in range(1, 13) if lengths[n - 1] == length]
        month = "(?:" + "|".join(f"0?{n}" if n < 10 else str(n) for n in numbers) + ")"
        names = {MONTHS[n - 1] for n in numbers} | {MONTHS_ABBR[n - 1] for n in numbers}
        names |= {MONTHS_ABBR[n - 1].replace(".", "") for n in numbers}
        named = "(?:" + "|".join(re_escape(x) for x in sorted(names, key=lambda x: (-len(x), x))) + ")"
        iso.append(f"{month}-{days[length]}")
        slash.append(f"{days[length]}/{month}")
        text.append(rf"{days[length]}\s*{named}")
    year = "[0-9]{4}"
    alternatives = [
        rf"{year}-(?:{'|'.join(iso)})",
        rf"(?:{'|'.join(slash)})/{year}",
        rf"(?:{'|'.join(text)})(?:\s+พ\.ศ\.)?\s*{year}",
    ]
    return thai_digits_re(rf"^\s*(?:{'|'.join(alternatives)})\s*$")


Date = Annotated[
    dt.date,
    BeforeValidator(_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "pattern": _date_pattern()}),
]


# --- codes --------------------------------------------------------------------------

_OIT = re.compile(r"^[oO]\s*0*(\d{1,3})$")


def _oit_code(value: Any) -> Any:
    text = to_arabic_digits(_text(value)).replace("๐", "0")
    m = _OIT.match(text)
    if not m:
        raise fail(
            f"รหัสข้อ OIT '{VALUE}' ไม่ถูกต้อง ให้เขียนตัว O ตามด้วยหมายเลข เช่น O1 หรือ O27",
            "OIT code like O27",
            text,
        )
    return f"O{int(m[1])}"


OitCode = Annotated[
    str,
    BeforeValidator(_oit_code),
    WithJsonSchema({"type": "string", "pattern": thai_digits_re(r"^\s*[oO]\s*0*[0-9]{1,3}\s*$")}),
]

_QUESTION = re.compile(r"^([iIeEoO])\s*0*(\d{1,3})(?:\.(\d+))?$")


def _question_code(value: Any) -> Any:
    text = to_arabic_digits(_text(value))
    m = _QUESTION.match(text)
    if not m:
        raise fail(
            f"รหัสข้อคำถาม '{VALUE}' ไม่ถูกต้อง ให้เขียนเช่น i1 (แบบวัด IIT) e5 (แบบวัด EIT) หรือ O14 (แบบวัด OIT)",
            "question code like i1, e5, O14",
            text,
        )
    letter = m[1].upper() if m[1] in "oO" else m[1].lower()
    return f"{letter}{int(m[2])}" + (f".{m[3]}" if m[3] else "")


QuestionCode = Annotated[
    str,
    BeforeValidator(_question_code),
    WithJsonSchema({"type": "string", "pattern": thai_digits_re(r"^\s*[iIeEoO]\s*0*[0-9]{1,3}(?:\.[0-9]+)?\s*$")}),
]


# no spaces, quotes or angle brackets: they are not URL characters (a real address has them
# percent-encoded) and they are how a link breaks out of its HTML attribute
_URL = re.compile(r"^https?://[^\s/$.?#<>\"'`\\][^\s<>\"`\\]*$", re.IGNORECASE)


def _url(value: Any) -> Any:
    text = _text(value)
    if _URL.match(text) and len(text) <= MAX_URL and not _host_readable(text):
        raise fail(
            f"ที่อยู่เว็บ '{_show(text)}' อ่านชื่อเว็บไซต์ไม่ได้ ให้ตรวจวงเล็บเหลี่ยม [ ] หลัง :// (ปกติไม่ต้องมี)",
            "unreadable host in URL",
        )
    if len(text) > MAX_URL or not _URL.match(text):
        raise fail(
            f"ที่อยู่เว็บ '{VALUE}' ไม่ถูกต้อง ต้องขึ้นต้นด้วย https:// หรือ http:// "
            "และไม่มีช่องว่างหรือเครื่องหมาย < > \" ` \\",
            "expected an http(s) URL",
            text,
        )
    return text


def _host_readable(text: str) -> bool:
    """False for an address whose host no browser can read (``https://[www.x`` is half an IPv6 literal)."""
    try:
        urllib.parse.urlsplit(text.strip()).hostname
    except ValueError:
        return False
    return True


# a pattern, not ``format: uri``: Thai characters in a path are fine for the build and browsers
Url = Annotated[
    str, BeforeValidator(_url), WithJsonSchema({"type": "string", "pattern": r"^\s*[hH][tT][tT][pP][sS]?://[^\s/$.?#]\S*\s*$"})
]


def _file_ref(value: Any) -> Any:
    text = _text(value).replace("\\", "/")
    if text.startswith("/") or ".." in text.split("/") or "://" in text:
        raise fail(
            f"ที่อยู่ไฟล์ '{VALUE}' ต้องเป็นที่อยู่ภายในโฟลเดอร์ docs/ เช่น files/2568/รายงาน.pdf "
            "(ห้ามขึ้นต้นด้วย / หรือใช้ ..) ถ้าเป็นเว็บไซต์ให้ใช้หัวข้อ url แทน",
            "file path relative to docs/",
            text,
        )
    return text


_FILE_TEXT = r"^(?![\s]*[/\\])(?!.*://)(?!\s*\.\.(?:[/\\]|\s*$))(?!.*[/\\]\.\.(?:[/\\]|\s*$)).*\S"
FileRef = Annotated[
    str, BeforeValidator(_file_ref), WithJsonSchema({"type": ["string", "number"], "pattern": _FILE_TEXT})
]


def choice(aliases: dict[str, str], label: str, labels: dict[str, str] | None = None) -> BeforeValidator:
    """Accept an enum value by its key or by its Thai label (or a listed alias).

    ``labels``: the Thai label of each key, which a message lists first (the editor guide
    teaches the labels): ``ดำเนินการแล้วเสร็จ (completed)``."""
    lookup = {k.lower(): v for k, v in aliases.items()}
    keys = dict.fromkeys(aliases.values())
    allowed = ", ".join(
        f"{labels[k]} ({k})" if labels and labels.get(k, k) != k else k for k in keys
    )

    def check(value: Any) -> Any:
        text = _text(value)
        found = lookup.get(text.lower()) or lookup.get(text.replace(" ", "").lower())
        if found is None:
            raise fail(f"{label} '{VALUE}' ใช้ไม่ได้ ให้ใช้หนึ่งใน: {allowed}", "value not in the allowed list", text)
        return found

    check.accepted = aliases  # type: ignore[attr-defined]  # read by prongsai.forms (Thai labels of a select)
    return BeforeValidator(check)


def choice_schema(aliases: dict[str, str]) -> dict[str, Any]:
    """JSON Schema of a :func:`choice`: the listed values for completion, and a pattern for the
    spellings the validator also accepts (any letter case, spaces left out)."""

    def letter(c: str) -> str:
        return f"[{c.lower()}{c.upper()}]" if c.isascii() and c.isalpha() else re_escape(c)

    spellings = []
    for name in sorted(aliases, key=lambda n: (-len(n), n)):
        if " " in name:
            spellings.append("".join(letter(c) for c in name))
        else:
            spellings.append(" *".join(letter(c) for c in name))
    return {
        "anyOf": [
            {"enum": [*sorted(aliases), *sorted(int(a) for a in aliases if a.isdigit())]},
            {"type": "string", "pattern": rf"^\s*(?:{'|'.join(spellings)})\s*$"},
        ]
    }


def nonempty_list(min_items: int = 1) -> Any:
    return Field(min_length=min_items)
