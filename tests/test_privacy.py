"""The PDPA guard: what counts as personal data, and the reviewed allow-list."""

from __future__ import annotations

from pathlib import Path

import pytest

from prongsai import DataError, load_site
from prongsai.privacy import find_personal, national_id_valid, normalise

from .conftest import REPO, write


def _with_checksum(first12: str) -> str:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


def test_national_id_checksum() -> None:
    good = _with_checksum("110170012345")
    assert national_id_valid(good)
    assert not national_id_valid(good[:-1] + str((int(good[-1]) + 1) % 10))
    assert not national_id_valid("123")


@pytest.mark.parametrize(
    "text, kind",
    [
        (f"เลข {_with_checksum('110170012345')}", "national_id"),
        ("1-1017-00123-45-7 ", None),  # grouped like an ID, but the checksum fails
        (f"บัตร {_with_checksum('350990004321')[0]}-{_with_checksum('350990004321')[1:5]}-"
         f"{_with_checksum('350990004321')[5:10]}-{_with_checksum('350990004321')[10:12]}-{_with_checksum('350990004321')[12]}", "national_id"),
        (_with_checksum("099400012345"), None),  # starts with 0: an agency's or company's tax number
        ("โทร 081-234-5678", "mobile"),
        ("โทร ๐๙๑ ๒๓๔ ๕๖๗๘", "mobile"),
        ("+66 61 234 5678", "mobile"),
        ("โทร 0 5500 1234 ต่อ 12", None),  # an office line
        ("สายด่วน 1205", None),
        ("ราคา 1,081,234,567 บาท", None),
        ("2568-09-30", None),
        ("ติดต่อ nid.k@hotmail.com", "email"),
        ("saraban@town.example", None),  # the organisation's own domain
        ("info@nacc.go.th", None),  # government
    ],
)
def test_what_is_personal(text: str, kind: str | None) -> None:
    found = [f.kind for f in find_personal(text, "town.example")]
    assert found == ([kind] if kind else [])


def test_messages_never_repeat_the_whole_value() -> None:
    [f] = find_personal("081-234-5678", None)
    assert f.shown == "xxxxxx5678"
    [e] = find_personal("somchai.j@gmail.com", None)
    assert e.shown == "so***@gmail.com"


def test_allow_list_values_compare_as_typed_anywhere() -> None:
    assert normalise("+66 89 999 0000") == normalise("089-999-0000") == "0899990000"
    assert normalise("Saraban@Gmail.com") == "saraban@gmail.com"


def test_the_bundled_example_has_only_official_contacts() -> None:
    load_site(REPO / "data", REPO / "docs")  # no DataError: the guard passes it


def test_a_hand_written_page_is_checked_too(mini: Path) -> None:
    write(mini, "docs/about.md", "# เกี่ยวกับ\n\nติดต่อ คุณสมชาย 089-111-2222\n")
    with pytest.raises(DataError) as exc:
        load_site(mini / "data", mini / "docs")
    [problem] = exc.value.problems
    assert str(problem).startswith("docs/about.md:3: พบหมายเลขโทรศัพท์มือถือ (xxxxxx2222)")


def test_a_website_that_is_no_address_gives_no_official_domain_and_no_crash() -> None:
    from prongsai.privacy import official_domain

    assert official_domain("https://[") is None
    assert official_domain("https://www.saithan.go.th/") == "saithan.go.th"
