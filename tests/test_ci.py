"""The pull-request loop as GitHub runs it: the workflow's own ``run:`` steps, taken from the
YAML, run on a broken data tree and then on a fixed one; the annotation lines, the comment
body, and the comment job finding and updating its comment (``gh`` replaced by a fake that
answers with canned comments through the real ``jq``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from prongsai import DataError, ci, load_site
from prongsai.errors import Problem
from prongsai.placeholders import MARK

from .conftest import REPO
from .test_scaffold import example as example  # noqa: F401 (the fixture: a copy of the bundled example)
from .test_scaffold import run as command
from .test_workflows import workflow

BIN = Path(sys.executable).parent
CHECK_JOB = workflow("check.yml")["jobs"]["check"]
COMMENT_JOB = workflow("check.yml")["jobs"]["comment"]


def _steps_from(job: dict[str, Any], step_id: str) -> list[dict[str, Any]]:
    steps = job["steps"]
    first = next(n for n, s in enumerate(steps) if s.get("id") == step_id)
    return [s for s in steps[first:] if "run" in s]


def run_step(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A ``run:`` step as the runner runs it (``bash --noprofile --norc -eo pipefail``)."""
    full = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd, env=full, capture_output=True, text=True, timeout=600
    )


def run_check_job(project: Path, tmp: Path) -> tuple[int, list[str], str, str]:
    """The check job from its checks step on, with ``if:`` as GitHub reads it for these steps:
    the annotation steps only after a failure, the rest only after success."""
    summary = tmp / "summary.md"
    env = {"GITHUB_STEP_SUMMARY": str(summary), "PR_HEAD_SHA": "0123456789abcdef0123"}
    printed: list[str] = []
    code = 0
    for s in _steps_from(CHECK_JOB, "checks"):
        wanted = "failure()" in s.get("if", "")
        if (code != 0) != wanted:
            continue
        out = run_step(s["run"], project, env)
        printed += out.stdout.splitlines()
        if s.get("id") == "checks":
            code = out.returncode
        else:
            assert out.returncode == 0, out.stderr
    return code, printed, (project / "ci/comment.md").read_text("utf-8"), summary.read_text("utf-8")


def _break(project: Path) -> None:
    data = project / "data"
    assert command("new-round", "12", "--year", "2569", "--data", str(data))[0] == 0  # 12 placeholders
    r6m = data / "years/2569/rounds/r6m.yml"
    text = r6m.read_text("utf-8")
    i = text.index("    percent:")
    r6m.write_text(text[:i] + "    percent: 1๒๐\n" + text[text.index("\n", i) + 1 :], "utf-8")
    measures = data / "years/2569/measures/m01.yml"
    measures.write_text(measures.read_text("utf-8").replace("\napproach:", "\n\tapproach:", 1), "utf-8")


def _expected(project: Path) -> list[Problem]:
    with pytest.raises(DataError) as exc:
        load_site(project / "data", project / "docs")
    return exc.value.problems


def test_the_workflow_steps_on_a_broken_tree_annotate_every_line_and_comment_what_to_fix(example: Path, tmp_path: Path) -> None:  # noqa: F811
    shutil.copytree(REPO / "schema", example / "schema")
    _break(example)
    problems = _expected(example)
    assert len(problems) == 14  # 12 placeholders, the percent, the tab

    code, printed, body, summary = run_check_job(example, tmp_path)
    assert code == 1
    annotations = [line for line in printed if line.startswith("::error ")]
    # the first ten in the checks step, 11-14 again in the next step (GitHub shows ten a step)
    assert annotations == [ci.annotation(p) for p in problems] + [ci.annotation(p) for p in problems[10:]]
    percent = next(p for p in problems if p.path.endswith(".percent"))
    assert ci.annotation(percent) == (
        f"::error file=data/years/2569/rounds/r6m.yml,line={percent.line},title=entries[0].percent::"
        "ร้อยละความก้าวหน้าต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ 1๒๐ (percent out of range 0-100)"
    )
    tab = next(p for p in problems if "แท็บ" in p.message)
    assert ci.annotation(tab).startswith("::error file=data/years/2569/measures/m01.yml,line=")
    assert ",title=ตรวจข้อมูล::" in ci.annotation(tab)  # a problem of the whole line has no field
    assert ci.annotation(tab).endswith("::รูปแบบ YAML ไม่ถูกต้อง: " + tab.message.split(": ", 1)[1] + " (tab character; indent with spaces)")

    assert body.startswith(ci.MARKER + "\n## ❌ ยังรวมเข้า main ไม่ได้: ต้องแก้ 14 จุด\n")
    assert "| ตรวจข้อมูลทั้งหมด (validate) | ❌ ไม่ผ่าน: พบ 14 จุด |" in body
    assert "| ตรวจกับ JSON Schema (แบบเดียวกับโปรแกรมแก้ไขไฟล์) | ❌ ไม่ผ่าน: พบ 2 จุด ซึ่งเป็นจุดเดียวกับที่การตรวจข้อมูลแจ้งไว้" in body
    assert "| สร้างเว็บไซต์แบบเข้มงวด (mkdocs build --strict) | ❌ ไม่ผ่าน: ไม่ได้สร้าง เพราะข้อมูลยังมีข้อผิดพลาด" in body
    assert f"- `data/years/2569/rounds/r6m.yml` บรรทัด {percent.line} หัวข้อ `entries[0].percent`: ร้อยละความก้าวหน้าต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ 1๒๐ (percent out of range 0-100)" in body
    assert body.count(f"ยังเป็นข้อความตัวอย่างที่คำสั่งสร้างไว้ 'สรุปภาพรวมของรอบ {MARK}'") == 1
    assert "[ความหมายของข้อความแจ้งข้อผิดพลาดและวิธีแก้](https://www.saithan.example/ita/staff/errors/)" in body
    assert "ดูตัวอย่างเว็บไซต์" not in body and "commit `0123456789ab`" in body
    assert summary == body.replace(ci.MARKER + "\n", "", 1) + "\n"  # the run's Summary page says the same
    assert not (example / "preview").exists()  # nothing to preview: the build did not run

    # fixed: the same steps pass, the comment says so with the status summary, the preview is made
    for path in (example / "data").rglob("*.yml"):
        path.write_text(path.read_text("utf-8").replace(" " + MARK, " ตามที่เกิดขึ้นจริง").replace("\tapproach:", "approach:").replace("percent: 1๒๐", "percent: 20"), "utf-8")
    (tmp_path / "summary.md").unlink()
    code, printed, body, summary = run_check_job(example, tmp_path)
    assert code == 0, "\n".join(printed[-30:])
    assert not [line for line in printed if line.startswith("::error")]
    assert body.startswith(ci.MARKER + "\n## ✅ ตรวจผ่านทุกขั้นตอน\n")
    assert body.count("| ✅ ผ่าน") == 3
    assert "### ดูตัวอย่างเว็บไซต์" in body and "### สถานะข้อมูลปีงบประมาณ" in body
    assert (example / "preview/index.html").is_file() and (example / "site/index.html").is_file()


def test_a_hostile_value_is_shown_as_text_in_the_comment_and_escaped_in_the_annotation() -> None:
    p = Problem("data/a,b:c.yml", 3, "x[0].url", "ที่อยู่เว็บ '<script>x</script> | **b**' 100%\nบรรทัดใหม่", "gloss")
    assert ci.annotation(p) == (
        "::error file=data/a%2Cb%3Ac.yml,line=3,title=x[0].url::ที่อยู่เว็บ '<script>x</script> | **b**' 100%25%0Aบรรทัดใหม่ (gloss)"
    )
    body = ci.comment(ci.CiResult([ci.CheckResult("validate", "ตรวจ", False, "พบ 1 จุด", [p])], None))
    line = next(line for line in body.splitlines() if line.startswith("- `data/a,b:c.yml`"))
    assert "<script>" not in line and "&lt;script&gt;" in line and "\\*\\*b\\*\\*" in line and "\\|" in line


# --- the comment job: one comment, found by its hidden marker and updated ----------------------

FAKE_GH = """#!{python}
import json, os, subprocess, sys
args = sys.argv[1:]
entry = {{"args": args}}
for n, a in enumerate(args):
    if a in ("-F", "--field") and args[n + 1].startswith("body=@"):
        entry["body"] = open(args[n + 1][len("body=@"):], encoding="utf-8").read()
with open(os.environ["FAKE_GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(entry, ensure_ascii=False) + "\\n")
if "--jq" in args:
    comments = open(os.environ["FAKE_GH_COMMENTS"], encoding="utf-8").read()
    out = subprocess.run(["jq", "-r", args[args.index("--jq") + 1]], input=comments, capture_output=True, text=True, check=True)
    sys.stdout.write(out.stdout)
"""


def run_comment_job(tmp: Path, comments: list[dict[str, Any]], body: str | None) -> list[dict[str, Any]]:
    work, bin_dir = tmp / "work", tmp / "bin"
    work.mkdir()
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH.format(python=sys.executable), "utf-8")
    gh.chmod(0o755)
    (tmp / "comments.json").write_text(json.dumps(comments, ensure_ascii=False), "utf-8")
    if body is not None:
        (work / "comment.md").write_text(body, "utf-8")  # what download-artifact puts there
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "FAKE_GH_LOG": str(tmp / "gh.log"),
        "FAKE_GH_COMMENTS": str(tmp / "comments.json"),
        "GH_TOKEN": "x",
        "GITHUB_REPOSITORY": "town/ita",
        "PR_NUMBER": "12",
        "RUN_URL": "https://github.com/town/ita/actions/runs/99",
    }
    out = run_step(COMMENT_JOB["steps"][-1]["run"], work, env)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in (tmp / "gh.log").read_text("utf-8").splitlines()]


BOT = {"login": "github-actions[bot]"}


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is installed by scripts/test.sh")
def test_the_comment_job_updates_its_own_comment_and_no_other(tmp_path: Path) -> None:
    body = ci.MARKER + "\n## ✅ ตรวจผ่านทุกขั้นตอน\n"
    earlier = [
        {"id": 5, "user": {"login": "editor"}, "body": "อ้างถึง " + ci.MARKER},
        {"id": 7, "user": BOT, "body": ci.MARKER + "\n## ❌ ยังรวมเข้า main ไม่ได้: ต้องแก้ 2 จุด\n"},
        {"id": 9, "user": BOT, "body": "ความคิดเห็นอื่นของบอท"},
    ]
    calls = run_comment_job(tmp_path, earlier, body)
    assert calls[-1]["args"][:3] == ["api", "--method", "PATCH"] and calls[-1]["args"][3] == "repos/town/ita/issues/comments/7"
    assert calls[-1]["body"] == body
    assert len(calls) == 2


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is installed by scripts/test.sh")
def test_the_comment_job_writes_a_new_comment_the_first_time(tmp_path: Path) -> None:
    calls = run_comment_job(tmp_path, [{"id": 5, "user": {"login": "editor"}, "body": "ขอบคุณครับ"}], ci.MARKER + "\nผล\n")
    assert calls[-1]["args"][:4] == ["api", "--method", "POST", "repos/town/ita/issues/12/comments"]


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is installed by scripts/test.sh")
def test_when_the_check_job_died_before_its_comment_the_old_comment_still_changes(tmp_path: Path) -> None:
    old = [{"id": 7, "user": BOT, "body": ci.MARKER + "\n## ✅ ตรวจผ่านทุกขั้นตอน\n"}]
    calls = run_comment_job(tmp_path, old, None)
    assert calls[-1]["args"][3] == "repos/town/ita/issues/comments/7"
    assert calls[-1]["body"].startswith(ci.MARKER + "\n## ❌ การตรวจหยุดก่อนสรุปผล")
    assert "https://github.com/town/ita/actions/runs/99" in calls[-1]["body"]
