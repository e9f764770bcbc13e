"""The number Word shows before a list paragraph ("๑.", "1)", "ก."), computed from numbering.xml.

python-docx gives the paragraph's ``numPr`` (list id and level) and the numbering part, but
not the number itself: Word computes it while laying out the page. We count the same way
Word does for the documents agencies write: one counter per list (``numId``) and level,
deeper levels restarting when a shallower one advances, ``start``/``startOverride`` honoured,
each level drawn in its ``numFmt`` (``decimal``, ``thaiNumbers``, ``thaiLetters`` ...) into
its ``lvlText`` (``%1.``, ``(%1)``, ``%1.%2``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from ..thai import to_thai_digits

# Word's thaiLetters: the consonants without the two obsolete ones (ฃ, ฅ)
THAI_LETTERS = "".join(chr(c) for c in range(0x0E01, 0x0E2F) if chr(c) not in "ฃฅฤฦ")
_THAI_WORDS = ("", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
BULLET = "•"


@dataclass(frozen=True)
class Level:
    fmt: str
    text: str
    start: int


def _val(el: Any, tag: str) -> str | None:
    child = el.find(qn(tag)) if el is not None else None
    return None if child is None else child.get(qn("w:val"))


def _letters(n: int, alphabet: str) -> str:
    # Word repeats the letter: a..z, aa..zz
    return alphabet[(n - 1) % len(alphabet)] * ((n - 1) // len(alphabet) + 1)


def _thai_counting(n: int) -> str:
    if n <= 0 or n >= 100:
        return to_thai_digits(str(n))
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("สิบ" if tens == 1 else ("ยี่สิบ" if tens == 2 else _THAI_WORDS[tens] + "สิบ"))
    tail = "เอ็ด" if ones == 1 and tens else _THAI_WORDS[ones]
    return head + tail


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def format_number(n: int, fmt: str, thai_decimal: bool = False) -> str:
    """``n`` drawn in Word's number format ``fmt``."""
    if fmt == "thaiNumbers":
        return to_thai_digits(str(n))
    if fmt == "thaiLetters":
        return _letters(n, THAI_LETTERS)
    if fmt == "thaiCounting":
        return _thai_counting(n)
    if fmt == "lowerLetter":
        return _letters(n, "abcdefghijklmnopqrstuvwxyz")
    if fmt == "upperLetter":
        return _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        text = f"{n:02d}"
    elif fmt == "none":
        return ""
    else:  # decimal and the formats of other scripts
        text = str(n)
    return to_thai_digits(text) if thai_decimal else text


class ListNumbers:
    """Counts Word's lists through one document, paragraph by paragraph, in reading order.

    ``thai_decimal``: draw ``decimal`` numbers in Thai digits (a document typed in Thai digits,
    shown so by Word's "context" digit setting); ``thaiNumbers`` is Thai whatever this says.
    """

    def __init__(self, numbering_el: Any, styles: Any, thai_decimal: bool = False) -> None:
        self.thai_decimal = thai_decimal
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._style_numpr: dict[str, tuple[str, int] | None] = {}
        self._styles = styles
        if numbering_el is None:
            return
        for ab in numbering_el.findall(qn("w:abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in ab.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                start = _val(lvl, "w:start")
                levels[ilvl] = Level(
                    _val(lvl, "w:numFmt") or "decimal", _val(lvl, "w:lvlText") or "", int(start) if start else 1
                )
            self._abstract[ab.get(qn("w:abstractNumId"))] = levels
        for num in numbering_el.findall(qn("w:num")):
            overrides: dict[int, int] = {}
            for ov in num.findall(qn("w:lvlOverride")):
                start = _val(ov, "w:startOverride")
                if start is not None:
                    overrides[int(ov.get(qn("w:ilvl"), "0"))] = int(start)
            self._nums[num.get(qn("w:numId"))] = (_val(num, "w:abstractNumId") or "", overrides)

    def _numpr_of_style(self, style_id: str | None, depth: int = 0) -> tuple[str, int] | None:
        if not style_id or depth > 10 or self._styles is None:
            return None
        if style_id in self._style_numpr:
            return self._style_numpr[style_id]
        found: tuple[str, int] | None = None
        style = self._styles.get_by_id(style_id)
        if style is not None:
            numpr = style.find(qn("w:pPr") + "/" + qn("w:numPr"))
            if numpr is not None and _val(numpr, "w:numId"):
                found = (_val(numpr, "w:numId") or "", int(_val(numpr, "w:ilvl") or 0))
            else:
                found = self._numpr_of_style(_val(style, "w:basedOn"), depth + 1)
        self._style_numpr[style_id] = found
        return found

    def label(self, p: Any) -> str:
        """The list label Word shows before paragraph element ``p`` ("" when it is not in a list)."""
        ppr = p.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        style_id = _val(ppr, "w:pStyle") if ppr is not None else None
        num_id: str | None
        if numpr is not None:
            num_id = _val(numpr, "w:numId")
            ilvl_text = _val(numpr, "w:ilvl")
            if ilvl_text is None:
                from_style = self._numpr_of_style(style_id)
                ilvl = from_style[1] if from_style else 0
            else:
                ilvl = int(ilvl_text)
        else:
            from_style = self._numpr_of_style(style_id)
            if from_style is None:
                return ""
            num_id, ilvl = from_style
        if not num_id or num_id == "0" or num_id not in self._nums:
            return ""
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counts = self._counters.setdefault(num_id, {})
        if ilvl in counts:
            counts[ilvl] += 1
        else:
            counts[ilvl] = overrides.get(ilvl, level.start)
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if level.fmt == "bullet":
            return BULLET
        text = level.text
        for k in range(ilvl, -1, -1):
            placeholder = f"%{k + 1}"
            if placeholder in text:
                lv = levels.get(k, level)
                n = counts.get(k, overrides.get(k, lv.start))
                text = text.replace(placeholder, format_number(n, lv.fmt, self.thai_decimal))
        return text.strip()
