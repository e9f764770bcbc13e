"""Values as agencies write them in a document: header words, periods, units, codes, scores, steps.

Every parser returns ``None`` (or leaves the text as text) for what it does not recognise:
the importer then keeps the document's words instead of guessing a value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..thai import DateParseError, parse_date, to_arabic_digits

_PUNCT = re.compile(r"[\s/\\()\[\]{}:;,.\-–—_\"'“”‘’*•]+")


@dataclass(frozen=True)
class Vocabulary:
    columns: dict[str, tuple[str, ...]]
    sections: dict[str, tuple[str, ...]]
    agency_words: tuple[str, ...]
    group_labels: dict[str, str]
    statuses: dict[str, str]
    units: dict[str, str]
    all_units: tuple[str, ...]
    unit_words: tuple[str, ...]


def norm(text: str) -> str:
    """Text compared for meaning: no spaces or punctuation, Arabic digits, lower case."""
    return _PUNCT.sub("", to_arabic_digits(text)).lower()


@cache
def vocabulary() -> Vocabulary:
    raw: dict[str, Any] = yaml.safe_load(resources.files(__package__).joinpath("vocabulary.yml").read_text("utf-8"))
    return Vocabulary(
        columns={k: tuple(norm(str(w)) for w in v) for k, v in raw["columns"].items()},
        sections={k: tuple(norm(str(w)) for w in v) for k, v in raw["sections"].items()},
        agency_words=tuple(raw["agency_words"]),
        group_labels=dict(raw["group_labels"]),
        statuses={norm(k): v for k, v in raw["statuses"].items()},
        units={norm(k): v for k, v in raw["units"].items()},
        all_units=tuple(norm(w) for w in raw["all_units"]),
        unit_words=tuple(raw["unit_words"]),
    )


def best_match(text: str, table: dict[str, tuple[str, ...]], coverage: float = 0.0) -> str | None:
    """The key whose words match ``text``: an exact match, else the longest word it contains
    (words shorter than four letters only match exactly: "ที่" is in every other header).
    ``coverage``: the word must make up at least this share of the text (a header, not a
    sentence that happens to contain "แบบวัด")."""
    n = norm(text)
    if not n:
        return None
    best: tuple[int, str] | None = None
    for key, words in table.items():
        for w in words:
            if n == w:
                return key
            if len(w) >= 4 and w in n and (best is None or len(w) > best[0]):
                best = (len(w), key)
    if best is None or best[0] < coverage * len(n):
        return None
    return best[1]


def column_field(header: str, coverage: float = 0.0) -> str | None:
    return best_match(header, vocabulary().columns, coverage)


# --- numbers and codes ----------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])")


def parse_number(text: str) -> float | None:
    """The one number of ``text`` ("๙๐.๖๕", "90.65 คะแนน", "ร้อยละ 100"), else ``None``."""
    found = _NUMBER.findall(to_arabic_digits(text))
    if len(found) != 1:
        return None
    return float(found[0].replace(",", ""))


def score_text(text: str) -> str | None:
    """The one score of ``text`` as the document wrote it ("๙๐.๖๕" stays "๙๐.๖๕"), else ``None``."""
    s = to_arabic_digits(text)  # same length: positions carry over to the written text
    found = list(_NUMBER.finditer(s))
    if len(found) != 1 or float(found[0][1].replace(",", "")) > 100:
        return None
    return text[found[0].start(1) : found[0].end(1)]


def number_value(x: float) -> int | float:
    return int(x) if x.is_integer() else x


# i1 e14 O27; "๐๑๔" is O14 typed with a Thai zero for the letter O
_CODE = re.compile(r"(?<![A-Za-z0-9])([iIeEoO])\s?(\d{1,2})(?!\d)")
_THAI_O = re.compile(r"^๐(?=[๐-๙]{1,2}(?![๐-๙]))")


def question_code(text: str) -> tuple[str, str, bool] | None:
    """``(code, rest, guessed)`` when ``text`` starts with a question code; ``guessed`` marks
    a Thai zero read as the letter O."""
    s = text.strip()
    guessed = bool(_THAI_O.match(s))
    probe = to_arabic_digits("O" + s[1:] if guessed else s)  # same length: indices carry over
    m = re.match(r"^(?:ข้อ\s*)?([iIeEoO])\s?(\d{1,2})(?!\d)\s*[.:)\-–]?\s*", probe)
    if not m:
        return None
    letter = m[1].upper() if m[1] in "oO" else m[1].lower()
    return f"{letter}{int(m[2])}", s[m.end() :].strip(), guessed


_SCORE_TAIL = re.compile(
    r"\s*(?P<open>[(（])?\s*(?P<pre>คะแนน\s*|=\s*|เท่ากับ\s*|ได้\s*)?(?P<n>[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]+)?)\s*(?P<post>คะแนน)?\s*(?P<close>[)）])?\s*$"
)


def split_score(text: str) -> tuple[str, str | None]:
    """``("ข้อความ", 81.6)`` from "ข้อความ (81.60 คะแนน)"; the text alone when no score ends it.

    A bare number at the end counts only with decimals ("รอบ 6" is not a score)."""
    s = text.strip()
    m = _SCORE_TAIL.search(s)
    if not m:
        return s, None
    marked = m["pre"] or m["post"] or (m["open"] and m["close"]) or "." in m["n"] or m.start() == 0
    value = float(to_arabic_digits(m["n"]))
    if not marked or value > 100:
        return s, None
    return s[: m.start()].strip(), m["n"]


def oit_codes(text: str) -> list[str]:
    return [f"O{int(m[2])}" for m in _CODE.finditer(to_arabic_digits(text)) if m[1] in "oO"]


# --- periods ------------------------------------------------------------------------

_RANGE = re.compile(r"\s*(?:–|—|-|ถึง|ถึงวันที่|จนถึง)\s*")
_FROM = re.compile(r"^(?:ตั้งแต่|เริ่ม|ตั้งแต่วันที่)\s*(.+)$")
_UNTIL = re.compile(r"^(?:ถึง|ภายใน|ภายในวันที่|ถึงวันที่)\s*(.+)$")


def _date(text: str) -> dt.date | None:
    s = re.sub(r"^(?:วันที่)\s*", "", text.strip())
    try:
        return parse_date(s)
    except DateParseError:
        return None


def parse_period(text: str) -> dict[str, Any]:
    """``{"start": d, "end": d}`` for a range of dates in any form the validator accepts; the
    words as ``text`` otherwise (and for the lines after a first line of dates)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines:
        return {}
    first, rest = lines[0], lines[1:]
    out: dict[str, Any] = {}
    parts = [p for p in _RANGE.split(first) if p.strip()]
    if len(parts) == 2 and (a := _date(parts[0])) and (b := _date(parts[1])):
        out = {"start": a, "end": b}
    elif (m := _FROM.match(first)) and (a := _date(m[1])):
        out = {"start": a}
    elif (m := _UNTIL.match(first)) and (b := _date(m[1])):
        out = {"end": b}
    else:
        rest = lines
    if rest:
        out["text"] = "\n".join(rest)
    return out


# --- steps ----------------------------------------------------------------------------

_ITEM_NUMBER = re.compile(r"^\s*(?:\(?([0-9๐-๙]{1,2})[.)]|([0-9๐-๙]{1,2})\s(?=\S))\s*")
_INLINE_NUMBER = re.compile(r"(?:(?<=\s)|^)([0-9๐-๙]{1,2})[.)]\s*(?=\S)")


def _item_number(text: str) -> tuple[int, str] | None:
    m = _ITEM_NUMBER.match(text)
    if not m or not m.group(1):
        return None
    return int(to_arabic_digits(m.group(1))), text[m.end() :].strip()


def split_inline(text: str) -> list[str] | None:
    """ "๑. ก ๒. ข ๓. ค" typed in one paragraph: the items, when numbered 1, 2, 3 ... in order."""
    marks = list(_INLINE_NUMBER.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return None
    numbers = [int(to_arabic_digits(m[1])) for m in marks]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    bounds = [m.start() for m in marks] + [len(text)]
    return [text[bounds[k] : bounds[k + 1]].strip() for k in range(len(marks))]


def split_steps(lines: list[str], labels: list[str]) -> list[str]:
    """The steps of a cell, one per item, each with the number the document gave it.

    The site draws no numbers of its own: "๑." made by Word's list numbering or typed stays
    in the step's text. Items numbered in one paragraph ("๑. ก ๒. ข") are split; a line
    without a number continues the numbered item above it; unnumbered lines are one step each.
    """
    items: list[tuple[str, bool]] = []
    for text, label in zip(lines, labels):
        if label == "•":
            items.append((text, False))
            continue
        if label:
            items.append((f"{label} {text}".strip(), True))
            continue
        inline = split_inline(text)
        if inline:
            items.extend((x, True) for x in inline)
        else:
            items.append((text, _item_number(text) is not None))
    if not any(numbered for _, numbered in items):
        return [x for x, _ in items if x]
    out: list[str] = []
    for text, numbered in items:
        if numbered or not out:
            out.append(text)
        else:
            out[-1] = f"{out[-1]}\n{text}"
    return [x for x in out if x]


# --- groups, units, statuses -----------------------------------------------------------

_GROUP = re.compile(r"^(ประเด็นที่|ตัวชี้วัดที่)\s*([0-9๐-๙]{1,2})\s*[.:)]?\s*(.*)$", re.S)
_NUMBERED = re.compile(r"^\(?([0-9๐-๙]{1,2})\s*[.)]?\s*(?=\D)(.+)$", re.S)


def group_heading(text: str) -> tuple[str | None, str, str] | None:
    """``("issues", "1", "ชื่อ")`` from "ประเด็นที่ ๑ ชื่อ"; ``(None, "1", "ชื่อ")`` from "๑. ชื่อ"."""
    s = text.strip()
    if m := _GROUP.match(s):
        return vocabulary().group_labels.get(m[1]), to_arabic_digits(m[2]), m[3].strip()
    if m := _NUMBERED.match(s):
        return None, str(int(to_arabic_digits(m[1]))), m[2].strip()
    return None


def parse_status(text: str) -> str | None:
    from ..model import STATUS_LABELS

    n = norm(text)
    for key, label in STATUS_LABELS.items():
        if n in (norm(label), key):
            return key
    return vocabulary().statuses.get(n)


_UNIT_SPLIT = re.compile(r"\s*(?:/|,|、|\n|\s-\s|\s และ\s|และ(?=สำนัก|กอง|หน่วย|ฝ่าย|ศูนย์))\s*")


def unit_names(text: str) -> list[str]:
    """The units named in a responsible cell: "สำนักปลัด/กองคลัง" is two."""
    if means_all_units(text):  # "ทุกสำนัก/กอง" names no unit of its own
        return []
    words = vocabulary().unit_words
    names = [p.strip(" .") for p in _UNIT_SPLIT.split(text) if p.strip(" .")]
    return [n for n in names if n.startswith(words) and n not in words and len(n) <= 80]


def means_all_units(text: str) -> bool:
    n = norm(text)
    return any(w in n for w in vocabulary().all_units)


def unit_id(name: str, taken: set[str]) -> str:
    known = vocabulary().units.get(norm(name))
    if known and known not in taken:
        return known
    k = 1
    while f"u{k:02d}" in taken:
        k += 1
    return f"u{k:02d}"
