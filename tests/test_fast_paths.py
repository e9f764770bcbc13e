"""The privacy scan's and the text renderer's fast paths give exactly what the careful paths give.

Each fast path skips work for the common case (a file with nothing personal in it, a
sentence with no Markdown in it) and hands anything else to the code that was there
before, which stays the reference. These tests compare the two on the example data and on
generated input (Hypothesis), and check that the fast paths are taken for ordinary data
(otherwise they would be dead code that a test could not notice). The plain-sentence
shortcut is kept because the benchmark shows it pays (``benchmarks/build_archive.py --twins``).
"""

from __future__ import annotations

import random
import re
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from prongsai import privacy, thai
from prongsai.text import TextRenderer, _plain
from prongsai.yamlio import YamlDoc, format_path

from .conftest import REPO

PROPERTY = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# --- privacy ------------------------------------------------------------------------

# the patterns as first written (privacy.py reorders them so that the regex engine can skip
# to the next digit): the findings must not change
_NATIONAL_ID_AS_WRITTEN = re.compile(r"(?<![\d])(\d{13}|\d([ -])\d{4}\2\d{5}\2\d{2}\2\d)(?![\d])")
_MOBILE_AS_WRITTEN = re.compile(r"(?<![\d+])(?:\+66|66|0)[ .\-\u00a0]?[689](?:[ .\-\u00a0]?\d){8}(?![\d])")


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


@PROPERTY
@given(st.text(st.sampled_from(list("0000666688889123457 -.+\u00a0\nx๙\u0661")), max_size=40))
@example("1101700203451")
@example("1-1017-00203-45-1")
@example("+66812345678 0812345678 66-8-1234-5678")
def test_the_reordered_patterns_find_the_same(text: str) -> None:
    assert _matches(privacy._NATIONAL_ID, text) == _matches(_NATIONAL_ID_AS_WRITTEN, text)
    assert _matches(privacy._MOBILE, text) == _matches(_MOBILE_AS_WRITTEN, text)


def _check_one_by_one(guard: privacy.PrivacyGuard, doc: YamlDoc) -> list[Any]:
    """check_doc as first written: every text on its own."""
    out: list[Any] = []
    for path, text in privacy._strings(doc.data, ()):
        out += guard._problems(doc.file, doc.line_of(path), format_path(path), text)
    return out


_PERSONAL = ["0812345678", "08 1234 5678", "+66 81 234 5678", "1101700203451", "1-1017-00203-45-1", "somchai@gmail.com",
             "ผอ@saithan.go.th", "x@saithan.example", "02 123 4567", "1101700203452", "๐๘๑๒๓๔๕๖๗๘", "08-1234-567"]  # fmt: skip


@PROPERTY
@given(
    st.recursive(
        st.one_of(st.sampled_from(_PERSONAL), st.text(st.sampled_from(list("0812 .-+@ก")), max_size=12), st.integers(), st.booleans()),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["a", "b", "0812345678"]), inner, max_size=3),
        max_leaves=12,
    ),
    st.sets(st.sampled_from(["0812345678", "somchai@gmail.com", "1101700203451"])),
)
def test_one_scan_of_a_file_reports_what_a_scan_of_each_text_reports(data: Any, allowed: set[str]) -> None:
    doc = YamlDoc("data/f.yml", {"top": data}, {("top",): 1})
    guard = privacy.PrivacyGuard("saithan.example", allowed)
    assert guard.check_doc(doc) == _check_one_by_one(guard, doc)


# --- Thai digits --------------------------------------------------------------------


@PROPERTY
@given(st.text(st.sampled_from(list("0123456789๐๑๒๓๔๕๖๗๘๙ ก.a\u0661\uff10")), max_size=30))
def test_digit_conversion_is_the_translation_table(text: str) -> None:
    assert thai.to_arabic_digits(text) == text.translate(thai._TO_ARABIC)
    assert thai.to_thai_digits(text) == text.translate(thai._TO_THAI)


# --- text ---------------------------------------------------------------------------


_TEXT_ALPHABET = list("กขคไทยเลข๑๒ abcXYZ0123456789 .,;:()/%'\"?!-+=$@^~{}|#*_`[]<>&\\\t\n") + [
    "\u00a0", "\u200b", "\u2028", "\u3000", "“", "”", "–", "…", "é", "\ufeff", "\U0001f600", "\r", "  ", "1. ", "- ",
]  # fmt: skip


@PROPERTY
@given(st.lists(st.sampled_from(_TEXT_ALPHABET), min_size=1, max_size=30).map("".join))
@example('ร้อยละ 80 (เป้าหมาย: "ผ่าน") - ปี 2568/2569 !')
@example("1.5 ล้านบาท")
def test_a_plain_sentence_renders_as_markdown_renders_it(text: str) -> None:
    if _plain(text):
        assert TextRenderer().block(text) == TextRenderer()._convert(text)


def _data_texts() -> list[str]:
    out: list[str] = []
    for path in (REPO / "data").rglob("*.yml"):
        privacy._values(yaml.safe_load(path.read_text("utf-8")), out)
    return [t.strip() for t in out if isinstance(t, str) and t.strip()]


def test_the_example_data_renders_the_same_and_mostly_without_markdown() -> None:
    texts = _data_texts()
    plain = [t for t in texts if _plain(t)]
    for t in plain:
        assert TextRenderer().block(t) == TextRenderer()._convert(t), t
    # the bundled example is written like real documents (numbers, brackets, dates, %):
    # most of its texts need no Markdown conversion
    assert len(plain) > 0.6 * len(texts), (len(plain), len(texts))


def test_markdown_still_renders_as_markdown() -> None:
    r = TextRenderer()
    assert str(r.block("1. ข้อแรก")) == "<ol>\n<li>ข้อแรก</li>\n</ol>"
    assert str(r.block("**สำคัญ** & <script>x</script>")) == "<p><strong>สำคัญ</strong> &amp; </p>"
    assert str(r.block("ราคา 5 บาท")) == "<p>ราคา 5 บาท</p>"


def test_sampled_synthetic_texts_render_the_same() -> None:
    rnd = random.Random(6)
    words = ["มาตรการ", "ร้อยละ", "80", "(ปี", "2568)", "ผ่าน", "-", ":", "O27", "ข้อ", "ความโปร่งใส", "'", '"']
    for _ in range(300):
        t = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 12)))
        if _plain(t):
            assert TextRenderer().block(t) == TextRenderer()._convert(t), t
