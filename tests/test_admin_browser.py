"""The editors' forms in Chromium, offline: decap-server's local-git mode over a git copy of the
example, the built site's /admin/, every request to another host refused (and none made).

An editor opens the 2569 six-month round, changes one measure's status and percent, uploads an
evidence PDF and saves: the pull request's branch holds exactly that change, the validator
accepts it and the rebuilt site shows it. A percent of 150 is refused in the form, in Thai.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from prongsai import load_site

from . import decap

pytestmark = pytest.mark.skipif(not decap.DECAP_SERVER.is_file(), reason="npm ci has not run (scripts/test.sh runs it)")

ROUND = "data/years/2569/rounds/r6m.yml"
BRANCH = "cms/round/2569-r6m"
PDF = b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory, serve: Any) -> Iterator[dict[str, Any]]:
    work = tmp_path_factory.mktemp("forms")
    port = decap.free_port()
    repo = decap.git_project(work / "repo", port)
    site = decap.build_site(repo, work / "site")
    with decap.decap_server(repo, port):
        yield {"repo": repo, "site": site, "base": serve(site), "work": work}


def _round_entry(data: dict[str, Any], measure: str) -> dict[str, Any]:
    return next(e for e in data["entries"] if e["measure"] == measure)


def _m03_form(page: Any, base: str) -> Any:
    decap.open_entry(page, base, "round", "ปีงบประมาณ 2569 · รอบ 6 เดือน", "m11")
    item = decap.list_item(page, "m03")
    item.locator("button").first.click()  # unfold
    return item


@pytest.fixture
def offline(browser: Any, request: pytest.FixtureRequest) -> Iterator[tuple[Any, list[str]]]:
    """A fresh offline browser context (1280 px wide, or the test's parameter), closed even when the test fails."""
    context, refused = decap.offline_context(browser, width=getattr(request, "param", 1280))
    yield context, refused
    context.close()


def test_only_this_computer_is_let_through() -> None:
    elsewhere = ["https://fonts.googleapis.com/css2", "http://127.0.0.1.evil.example/", "https://localhost.example/"]
    local = ["http://127.0.0.1:8081/api/v1", "http://localhost/admin/", "blob:http://127.0.0.1:5/1-2", "data:,x"]
    assert [u for u in elsewhere + local if decap.ELSEWHERE.search(u)] == elsewhere


def test_the_form_saves_one_change_the_validator_accepts(forms: dict[str, Any], offline: Any, tmp_path: Path) -> None:
    repo, base = forms["repo"], forms["base"]
    context, refused = offline
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    decap.sign_in(page, base)
    item = _m03_form(page, base)
    item.locator("[aria-label='select field']").first.locator("input").first.click(force=True)
    page.get_by_role("option", name="ดำเนินการแล้วเสร็จ").click()
    item.locator("input[type=number]").first.fill("100")
    item.get_by_role("button", name=re.compile("^เพิ่ม หลักฐาน")).click()
    evidence = item.locator("[class*=SortableListItem]").last
    evidence.get_by_label("ชื่อเอกสาร", exact=True).fill("หนังสือแจ้งเปิดบัญชีรับชำระผ่านคิวอาร์โค้ด")
    evidence.get_by_role("button", name="เลือกไฟล์").click()
    pdf = tmp_path / "qr-account.pdf"
    pdf.write_bytes(PDF)
    page.locator("input[type=file]").set_input_files(str(pdf))
    page.get_by_role("button", name="เลือกข้อมูลที่ถูกเลือก").click()
    page.screenshot(path=str(forms["work"] / "round-form.png"))
    decap.save(page, repo, BRANCH)

    assert refused == [], f"the forms asked another host: {refused}"
    assert errors == []
    # the pull request's branch: the round file and the uploaded file, nothing else
    changed = decap.git(repo, "diff", "--name-only", "main", BRANCH).split()
    assert sorted(changed) == ["data/years/2569/rounds/r6m.yml", "docs/files/2569/qr-account.pdf"]
    assert decap.git(repo, "show", f"{BRANCH}:docs/files/2569/qr-account.pdf").encode() == PDF
    before = yaml.safe_load(decap.git(repo, "show", f"main:{ROUND}"))
    after_text = decap.git(repo, "show", f"{BRANCH}:{ROUND}")
    after = yaml.safe_load(after_text)
    # exactly that change: the other measures, the round's texts and dates are as they were
    m03 = _round_entry(after, "m03")
    assert m03 == {
        **_round_entry(before, "m03"),
        "status": "completed",
        "percent": 100,
        "evidence": [{"title": "หนังสือแจ้งเปิดบัญชีรับชำระผ่านคิวอาร์โค้ด", "file": "files/2569/qr-account.pdf"}],
    }
    assert list(m03) == ["measure", "status", "percent", "output", "problems", "suggestions", "evidence"]
    rest = lambda d: {**d, "entries": [e for e in d["entries"] if e["measure"] != "m03"]}  # noqa: E731
    assert rest(after) == rest(before)
    # the rest of the file as it was written: comments, flow lists, dates, Thai digits, blank lines
    diff = decap.git(repo, "diff", "-U0", "main", BRANCH, "--", ROUND)
    changed_lines = [line for line in diff.splitlines()[4:] if not line.startswith("@@")]
    assert changed_lines == [
        "-    status: delayed",
        "-    percent: 30",
        "+    status: completed",
        "+    percent: 100",
        "+    evidence:",
        "+      - title: หนังสือแจ้งเปิดบัญชีรับชำระผ่านคิวอาร์โค้ด",
        "+        file: files/2569/qr-account.pdf",
    ]

    # the pull request's branch on its own (decap-server keeps switching its working tree)
    branch = tmp_path / "branch"
    subprocess.run(["git", "clone", "-q", "-b", BRANCH, str(repo), str(branch)], check=True)
    check = subprocess.run([sys.executable, "-m", "prongsai", "validate"], cwd=branch, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    site = decap.build_site(branch, tmp_path / "site")
    page_html = (site / "2569" / "measures" / "m03" / "index.html").read_text("utf-8")
    assert "หนังสือแจ้งเปิดบัญชีรับชำระผ่านคิวอาร์โค้ด" in page_html
    assert "files/2569/qr-account.pdf" in page_html and (site / "files" / "2569" / "qr-account.pdf").is_file()
    assert re.search(r"ดำเนินการแล้วเสร็จ.{0,400}๑๐๐", page_html, re.S), "the new status and percent"


def test_the_form_refuses_a_percent_over_100_in_thai(forms: dict[str, Any], offline: Any) -> None:
    repo, base = forms["repo"], forms["base"]
    heads = {b: decap.git(repo, "rev-parse", b) for b in decap.branches(repo)}
    context, refused = offline
    page = context.new_page()
    decap.sign_in(page, base)
    item = _m03_form(page, base)
    item.locator("input[type=number]").first.fill("150")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    # Decap's Thai message, with the bounds the generated form carries from the model
    message = page.get_by_text("ร้อยละความก้าวหน้า 0-100 ต้องอยู่ระหว่าง 0 และ 100")
    message.wait_for()
    page.screenshot(path=str(forms["work"] / "percent-150.png"))
    assert refused == []
    assert {b: decap.git(repo, "rev-parse", b) for b in decap.branches(repo)} == heads, "nothing was saved"


def test_an_emptied_box_leaves_no_empty_key(forms: dict[str, Any], offline: Any) -> None:
    """Decap keeps "" for an emptied box; the validator refuses an empty text: the key goes."""
    repo, base = forms["repo"], forms["base"]
    context, refused = offline
    page = context.new_page()
    decap.sign_in(page, base)
    decap.open_entry(page, base, "round", "ปีงบประมาณ 2568 · รอบ 6 เดือน", decap_last_measure(repo, "2568", "r6m"))
    page.get_by_label("ปัญหาอุปสรรคในภาพรวม", exact=False).first.fill("")
    decap.save(page, repo, "cms/round/2568-r6m")
    assert refused == []
    text = decap.git(repo, "show", "cms/round/2568-r6m:data/years/2568/rounds/r6m.yml")
    assert re.search(r"^problems:", yaml.safe_dump(yaml.safe_load(text)), re.M) is None
    assert "problems: ''" not in text and 'problems: ""' not in text
    before = yaml.safe_load(decap.git(repo, "show", "main:data/years/2568/rounds/r6m.yml"))
    assert {k: v for k, v in before.items() if k != "problems"} == yaml.safe_load(text)


def test_a_step_gets_its_own_unit_and_stays_as_written_elsewhere(
    forms: dict[str, Any], offline: Any, tmp_path: Path
) -> None:
    """A step written as its text alone, given its own responsible unit in the form, becomes a
    record; the file's other steps (texts and records) and lines stay as written."""
    repo, base = forms["repo"], forms["base"]
    context, refused = offline
    page = context.new_page()
    decap.sign_in(page, base)
    path, branch = "data/years/2569/measures/m02.yml", "cms/measures-2569/m02"
    title = yaml.safe_load(decap.git(repo, "show", f"main:{path}"))["title"]
    decap.open_measure(page, base, 2569, "m02", title)
    first = "รวบรวมข้อเสนอจากเวทีรับฟังความคิดเห็นและช่องทางอื่นลงในตารางติดตาม"
    label = page.locator("[class*=NestedObjectLabel]", has_text=re.compile(f"^{first}$"))
    step = page.locator("[class*=SortableListItem]").filter(has=label).last  # the step, inside its measure
    step.locator("button").first.click()
    step.get_by_label("ผู้รับผิดชอบขั้นตอนนี้ตามที่เอกสารเขียน", exact=False).fill("สำนักปลัดเทศบาล")
    decap.save(page, repo, branch)
    assert refused == []
    assert decap.git(repo, "diff", "--name-only", "main", branch).split() == [path]
    diff = decap.git(repo, "diff", "-U0", "main", branch, "--", path)
    assert [line for line in diff.splitlines()[4:] if not line.startswith("@@")] == [
        f"-  - {first}",
        f"+  - text: {first}",
        "+    responsible: สำนักปลัดเทศบาล",
    ]
    _validates(repo, branch, tmp_path / "branch")


def decap_last_measure(repo: Path, year: str, round_id: str) -> str:
    data = yaml.safe_load(decap.git(repo, "show", f"main:data/years/{year}/rounds/{round_id}.yml"))
    return str(data["entries"][-1]["measure"])


def test_the_forms_are_kept_out_of_the_citizens_site(forms: dict[str, Any]) -> None:
    site: Path = forms["site"]
    page = (site / "admin" / "index.html").read_text("utf-8")
    assert 'content="noindex, nofollow"' in page
    assert "/admin/" not in (site / "sitemap.xml").read_text("utf-8")
    assert "admin/" not in (site / "search" / "th-index.json").read_text("utf-8")
    citizens = [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("admin", "staff")]
    assert len(citizens) > 100
    linking = [p for p in citizens if re.search(r'href="[^"]*admin/', p.read_text("utf-8"))]
    assert linking == [], "a citizens' page links to the forms"


LAYOUT = (Path(__file__).parent / "phone_layout.js").read_text("utf-8")
# every element shown, not only the text blocks phone_layout.js looks at: a button, a box, a menu
PAST_THE_EDGE = """() => [...document.querySelectorAll("body *")].filter((el) => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.right > window.innerWidth + 1 && getComputedStyle(el).visibility !== "hidden";
}).map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} ends at ${Math.round(el.getBoundingClientRect().right)} px`)"""
SAVE_BUTTON = """() => { const b = [...document.querySelectorAll("button")].find((x) => x.textContent.trim() === "บันทึก");
  const r = b.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; }"""


@pytest.mark.parametrize("offline", [360, 1280], indirect=True)
def test_the_forms_fit_the_screen(forms: dict[str, Any], offline: Any) -> None:
    """On a 360 px phone as on a computer: no page scrolls sideways, nothing ends past the right
    edge, the save button is on the screen (Decap's editor alone is at least 800 px wide)."""
    context, refused = offline
    page = context.new_page()
    width = page.viewport_size["width"]
    base = forms["base"]
    decap.sign_in(page, base)
    problems: dict[str, list[str]] = {}

    def measure(name: str) -> None:
        page.wait_for_timeout(300)  # Decap's folding animations
        page.screenshot(path=str(forms["work"] / f"{name}-{width}.png"))
        found = [p for p in page.evaluate(LAYOUT) if "no Thai word" not in p] + page.evaluate(PAST_THE_EDGE)
        if found:
            problems[name] = found[:10]

    page.goto(f"{base}admin/#/collections/round")
    page.get_by_text("ปีงบประมาณ 2569 · รอบ 6 เดือน").first.wait_for()
    measure("collection")
    _m03_form(page, base).scroll_into_view_if_needed()
    measure("round")
    left, right, top, bottom = page.evaluate(SAVE_BUTTON)
    assert (
        0 <= left and right <= width and 0 <= top and bottom <= page.viewport_size["height"]
    ), "the save button is off the screen"
    title = yaml.safe_load(decap.git(forms["repo"], "show", "main:data/years/2569/measures/m03.yml"))["title"]
    decap.open_measure(page, base, 2569, "m03", title)
    measure("measures")
    toolbar = page.locator("[class*=-ToolbarContainer]").bounding_box()
    assert problems == {}, f"at {width} px:\n" + json.dumps(problems, ensure_ascii=False, indent=1)
    assert refused == []
    if width >= 800:
        assert toolbar["height"] == 66, "a computer's screen keeps Decap's one-row toolbar"


def _changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def _validates(repo: Path, branch: str, dest: Path) -> Path:
    """The pull request's branch on its own passes ``python -m prongsai validate`` (this checkout's code)."""
    subprocess.run(["git", "clone", "-q", "-b", branch, str(repo), str(dest)], check=True)
    env = {**os.environ, "PYTHONPATH": str(decap.REPO)}
    check = subprocess.run([sys.executable, "-m", "prongsai", "validate"], cwd=dest, env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    return dest


def test_a_measure_opens_and_saves_as_its_own_file(forms: dict[str, Any], offline: Any, tmp_path: Path) -> None:
    """One form per measure (data/years/<ปี>/measures/<id>.yml): the save touches that file only."""
    repo, base = forms["repo"], forms["base"]
    path, branch = "data/years/2569/measures/m03.yml", "cms/measures-2569/m03"
    before = yaml.safe_load(decap.git(repo, "show", f"main:{path}"))
    context, refused = offline
    page = context.new_page()
    decap.sign_in(page, base)
    decap.open_measure(page, base, 2569, "m03", before["title"])
    page.get_by_label("การกำกับติดตาม", exact=False).first.fill("ผู้อำนวยการกองคลังตรวจยอดรับชำระทุกวันศุกร์")
    page.screenshot(path=str(forms["work"] / "measure-form.png"), full_page=True)
    decap.save(page, repo, branch)
    assert refused == []
    assert decap.git(repo, "diff", "--name-only", "main", branch).split() == [path]
    text = decap.git(repo, "show", f"{branch}:{path}")
    assert text.startswith("# yaml-language-server: $schema=../../../../schema/measure.schema.json\n\n")
    assert _changed_lines(decap.git(repo, "show", f"main:{path}"), text) == [
        f"-monitoring: {before['monitoring']}",
        "+monitoring: ผู้อำนวยการกองคลังตรวจยอดรับชำระทุกวันศุกร์",
    ], "the rest of the file (its comments too) stays as written"
    assert yaml.safe_load(text) == {**before, "monitoring": "ผู้อำนวยการกองคลังตรวจยอดรับชำระทุกวันศุกร์"}
    assert list(yaml.safe_load(text)) == list(before), "fields in the model's order"
    _validates(repo, branch, tmp_path / "branch")


def test_a_new_measure_is_saved_as_its_own_file_named_by_its_id(forms: dict[str, Any], offline: Any, tmp_path: Path) -> None:
    repo, base = forms["repo"], forms["base"]
    branch = "cms/measures-2569/m12"
    context, refused = offline
    page = context.new_page()
    decap.sign_in(page, base)
    page.goto(f"{base}admin/#/collections/measures-2569/new")
    page.get_by_label("รหัสมาตรการ", exact=False).first.fill("m12")
    page.get_by_label("ประเด็นหรือตัวชี้วัด", exact=False).first.fill("3")
    page.get_by_label("ชื่อมาตรการ", exact=True).fill("มาตรการเผยแพร่ข้อมูลงบประมาณรายไตรมาส")
    decap.save(page, repo, branch)
    assert refused == []
    assert decap.git(repo, "diff", "--name-only", "main", branch).split() == ["data/years/2569/measures/m12.yml"]
    text = decap.git(repo, "show", f"{branch}:data/years/2569/measures/m12.yml")
    assert yaml.safe_load(text) == {"id": "m12", "group": "3", "title": "มาตรการเผยแพร่ข้อมูลงบประมาณรายไตรมาส"}
    clone = _validates(repo, branch, tmp_path / "branch")
    assert [m.id for m in load_site(clone / "data").years[2569].measures][-2:] == ["m11", "m12"]
