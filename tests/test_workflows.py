"""The municipality's GitHub Actions: linted (actionlint, zizmor), and shaped so that a failing check never deploys."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

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


def test_pull_requests_are_validated_built_strictly_reported_and_the_site_kept() -> None:
    wf = workflow("check.yml")
    assert set(wf["on"]) == {"pull_request"}  # never pull_request_target: a PR's code runs without secrets
    check = wf["jobs"]["check"]
    script = run_steps(check)
    order = ["python -m prongsai validate", "python -m prongsai status --format markdown", "check-jsonschema --schemafile", "mkdocs build --strict"]
    positions = [script.index(s) for s in order]
    assert positions == sorted(positions)
    uploads = {s["with"]["name"]: s["with"]["path"] for s in check["steps"] if "upload-artifact" in s.get("uses", "")}
    assert uploads == {"site": "site/", "status": "status.md"}
    assert "GITHUB_STEP_SUMMARY" in script
    comment = wf["jobs"]["comment"]
    assert comment["needs"] == "check" and comment["permissions"] == {"pull-requests": "write"}
    assert check["permissions"] == {"contents": "read"}
    # the schema check in CI runs the same check-jsonschema as the tests
    pin = re.search(r"check-jsonschema==(\S+)", script)
    assert pin and f"check-jsonschema=={pin[1]}" in (REPO / "requirements-test.txt").read_text("utf-8")


def test_main_is_deployed_only_after_a_strict_build_passes() -> None:
    wf = workflow("publish.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    assert "python -m prongsai validate" in run_steps(build) and "mkdocs build --strict" in run_steps(build)
    assert deploy["needs"] == "build" and "if" not in deploy  # a failed build job skips the deploy job
    assert any("deploy-pages" in s.get("uses", "") for s in deploy["steps"])
    assert not any("deploy-pages" in s.get("uses", "") for s in build["steps"])
    assert set(deploy["permissions"]) == {"pages", "id-token"}


def test_the_pull_request_template_carries_the_reviewers_checklist() -> None:
    text = (REPO / ".github/pull_request_template.md").read_text("utf-8")
    assert "## รายการตรวจของผู้ตรวจ" in text
    assert text.count("- [ ]") >= 7
    assert "ข้อมูลส่วนบุคคล" in text and "ITAS" in text
