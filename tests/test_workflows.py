"""The municipality's GitHub Actions: linted (actionlint, zizmor), and shaped so that a failing check never deploys."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from prongsai import ci

from .conftest import REPO

WORKFLOWS = REPO / ".github/workflows"
BIN = Path(sys.executable).parent


def workflow(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # PyYAML (YAML 1.1) reads the key `on` as true
    return data


def run_steps(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_actionlint_passes() -> None:
    actionlint = shutil.which("actionlint", path=str(BIN)) or shutil.which("actionlint")
    assert actionlint, "actionlint is installed by requirements-test.txt"
    out = subprocess.run([actionlint, "-no-color"], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_zizmor_finds_nothing_even_pedantic() -> None:
    zizmor = shutil.which("zizmor", path=str(BIN)) or shutil.which("zizmor")
    assert zizmor, "zizmor is installed by requirements-test.txt"
    # --offline: this machine cannot reach GitHub's API (the online audits check tags and advisories)
    out = subprocess.run(
        [zizmor, "--offline", "--persona", "pedantic", "--no-progress", str(WORKFLOWS)], cwd=REPO, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No findings to report" in out.stdout + out.stderr


def test_every_action_is_pinned_to_a_commit() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        for uses in re.findall(r"uses:\s*(\S+)", path.read_text("utf-8")):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), (path.name, uses)


def step(job: dict[str, Any], step_id: str) -> dict[str, Any]:
    return next(s for s in job["steps"] if s.get("id") == step_id)


def named(job: dict[str, Any], prefix: str) -> dict[str, Any]:
    return next(s for s in job["steps"] if s.get("name", "").startswith(prefix))


def test_pull_requests_are_checked_annotated_commented_and_the_preview_kept() -> None:
    wf = workflow("check.yml")
    assert set(wf["on"]) == {"pull_request"}  # never pull_request_target: a PR's code runs without secrets
    check = wf["jobs"]["check"]
    assert check["permissions"] == {"contents": "read"}
    runs = [s["run"] for s in check["steps"] if "run" in s]
    assert runs[1].startswith("python -m prongsai ci --github --annotations ci/annotations.txt --comment ci/comment.md")
    # GitHub shows 10 annotations a step: the next four steps show problems 11-50 when the checks failed
    chunks = [s for s in check["steps"] if s.get("name", "").startswith("แสดงจุดที่ต้องแก้ที่บรรทัด")]
    assert [c["run"] for c in chunks] == [f"sed -n '{a},{a + 9}p' ci/annotations.txt" for a in (11, 21, 31, 41)]
    assert all(c["if"] == "${{ failure() && steps.checks.outcome == 'failure' }}" for c in chunks)
    assert runs[-1] == "python -m prongsai preview --site site --out preview"
    uploads = {s["with"]["name"]: s["with"]["path"] for s in check["steps"] if "upload-artifact" in s.get("uses", "")}
    assert uploads == {"preview": "preview/", "site": "site/", "comment": "ci/comment.md"}
    # the comment is kept and written on failing runs too, so an earlier run's comment never stays up
    assert "!cancelled()" in named(check, "เก็บความคิดเห็นสรุปผล")["if"]
    comment = wf["jobs"]["comment"]
    assert comment["needs"] == "check" and comment["permissions"] == {"pull-requests": "write"}
    assert comment["if"].startswith("${{ !cancelled() &&")
    assert ci.MARKER in comment["steps"][-1]["run"]
    # the schema check in CI runs the same check-jsonschema as the tests
    pin = re.search(r"check-jsonschema==(\S+)", runs[0])
    assert pin and f"check-jsonschema=={pin[1]}" in (REPO / "requirements-test.txt").read_text("utf-8")


def test_publishing_runs_every_check_the_pull_request_runs_with_the_same_command() -> None:
    pr, pub = workflow("check.yml")["jobs"]["check"], workflow("publish.yml")["jobs"]["build"]
    assert named(pub, "ติดตั้งโปรแกรม")["run"] == named(pr, "ติดตั้งโปรแกรม")["run"]
    assert step(pub, "checks")["run"] == step(pr, "checks")["run"]
    assert "--no-build" not in step(pub, "checks")["run"]
    # no check lives outside the one command, in either workflow
    for job in (pr, pub):
        script = run_steps(job)
        assert "prongsai validate" not in script and "mkdocs build" not in script and "check-jsonschema --" not in script
    assert [name for name, _ in ci.CHECKS] == ["validate", "schema", "build"]


def test_main_is_deployed_only_after_every_check_passes() -> None:
    wf = workflow("publish.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    assert "python -m prongsai ci " in run_steps(build)
    assert "if" not in step(build, "checks")  # a failed check fails the job
    assert deploy["needs"] == "build" and "if" not in deploy  # a failed build job skips the deploy job
    assert any("deploy-pages" in s.get("uses", "") for s in deploy["steps"])
    assert not any("deploy-pages" in s.get("uses", "") for s in build["steps"])
    assert set(deploy["permissions"]) == {"pages", "id-token"}


def test_the_pull_request_template_carries_the_reviewers_checklist() -> None:
    text = (REPO / ".github/pull_request_template.md").read_text("utf-8")
    assert "## รายการตรวจของผู้ตรวจ" in text
    assert text.count("- [ ]") >= 7
    assert "ข้อมูลส่วนบุคคล" in text and "ITAS" in text
