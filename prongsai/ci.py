"""Every check a change must pass, run the same way for a pull request and for publishing.

``python -m prongsai ci`` (:mod:`prongsai.commands.ci`) runs :data:`CHECKS` in order and
reports each problem three ways, all from the same :class:`~prongsai.errors.Problem`:

- the ``file:line: field: message`` lines of ``validate``, in the log;
- GitHub workflow commands (``::error file=...,line=...,title=...::message``), which put
  each problem on its line in the pull request's "Files changed" view. Workflow commands
  rather than a problem matcher: the matcher would have to find the file, line and field
  again with a regular expression in text whose Thai messages contain ``:`` themselves,
  while here the fields are known and escaped exactly, and a test reads the same lines;
- one Markdown comment (:func:`comment`) with a hidden :data:`MARKER`, which the workflow
  finds and updates on every run, failing runs included: what is wrong, in Thai, or that
  all is well, with the status summary.

The strict build runs MkDocs as a program (the core imports nothing from it).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import status
from .errors import DataError, Problem
from .urls import absolute
from .load import load_site, measure_files
from .schema import FILES, stale
from .site import Site
from .yamlio import Path_, YamlProblem, read_yaml

MARKER = "<!-- prongsai-check -->"
"""The hidden first line of the pull-request comment the workflow updates on every run."""

CHECKS: tuple[tuple[str, str], ...] = (
    ("validate", "ตรวจข้อมูลทั้งหมด (validate)"),
    ("schema", "ตรวจกับ JSON Schema (แบบเดียวกับโปรแกรมแก้ไขไฟล์)"),
    ("build", "สร้างเว็บไซต์แบบเข้มงวด (mkdocs build --strict)"),
)
"""The checks, in order: the pull-request and the publish workflow both run all of them."""

BUILD_COMMAND = "mkdocs build --strict"
ANNOTATIONS_PER_STEP = 10
"""GitHub shows 10 error annotations per step (50 per job): the workflow prints the rest in
steps of ten from the annotations file; the comment and the log always list every problem."""
MAX_LISTED = 100  # problems listed in the comment (a comment holds at most 65,536 characters)


@dataclass
class CheckResult:
    name: str
    title: str
    ok: bool | None  # None: not run (why in ``note``)
    note: str = ""
    problems: list[Problem] = field(default_factory=list)
    log: str = ""


@dataclass
class CiResult:
    checks: list[CheckResult]
    site: Site | None
    status_markdown: str = ""

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def problems(self) -> list[Problem]:
        return [p for c in self.checks for p in c.problems]


# --- running the checks ----------------------------------------------------------------


def run_checks(root: Path, *, build: str | None = BUILD_COMMAND, today: dt.date | None = None) -> CiResult:
    """Run every check over the project at ``root`` (data/, docs/, schema/, mkdocs.yml)."""
    titles = dict(CHECKS)
    validate, site = _validate(root, titles["validate"])
    schema = _schema(root, titles["schema"])
    if not validate.ok and schema.problems:
        # the schemas accept exactly what the build accepts (tests/test_schema.py): these are the
        # same mistakes, which validate has already named in Thai
        schema.note = f"พบ {len(schema.problems)} จุด ซึ่งเป็นจุดเดียวกับที่การตรวจข้อมูลแจ้งไว้ (แก้ตามรายการข้างล่าง)"
        schema.problems = []
    if build is None:
        built = CheckResult("build", titles["build"], None, "ไม่ได้สั่งให้สร้าง (--no-build)")
    elif not validate.ok:
        built = CheckResult("build", titles["build"], False, "ไม่ได้สร้าง เพราะข้อมูลยังมีข้อผิดพลาด (แก้ตามรายการข้างล่างก่อน)")
    else:
        built = _build(root, titles["build"], build)
    result = CiResult([validate, schema, built], site)
    if site is not None:
        st = status.year_status(site, today or dt.date.today())
        if st is not None:
            result.status_markdown = status.render(st, markdown=True)
    return result


def _validate(root: Path, title: str) -> tuple[CheckResult, Site | None]:
    docs = root / "docs"
    try:
        site = load_site(root / "data", docs if docs.is_dir() else None)
    except DataError as exc:
        return CheckResult("validate", title, False, f"พบ {len(exc.problems)} จุด", list(exc.problems)), None
    return CheckResult("validate", title, True, "ข้อมูลถูกต้อง"), site


def _schema_groups(root: Path) -> dict[str, list[Path]]:
    data = root / "data"
    years = sorted((data / "years").glob("*")) if (data / "years").is_dir() else []
    groups = {
        "organization": [data / "organization.yml"],
        "privacy-allowlist": [data / "privacy-allowlist.yml"],
        "catalog": sorted((data / "catalog").glob("*.yml")),
        "round": [p for y in years for p in sorted((y / "rounds").glob("*.yml"))],
        "measure": [p for y in years for p in measure_files(y)],
    }
    groups |= {name: [y / f"{name}.yml" for y in years] for name in ("year", "assessment", "measures", "disclosures")}
    return {name: [p for p in files if p.is_file()] for name, files in groups.items() if name in FILES}


def _schema(root: Path, title: str) -> CheckResult:
    stale_files = stale(root / "schema")
    if stale_files:
        return CheckResult(
            "schema",
            title,
            False,
            f"ไฟล์ schema ไม่ตรงกับโครงสร้างข้อมูล: {', '.join(stale_files)} ให้สั่ง python -m prongsai schema แล้ว commit ไฟล์ใน schema/",
        )
    problems: list[Problem] = []
    for name, files in _schema_groups(root).items():
        if not files:
            continue
        command = [sys.executable, "-m", "check_jsonschema", "-o", "json", "--schemafile", str(root / "schema" / f"{name}.schema.json")]
        try:
            out = subprocess.run([*command, *map(str, files)], cwd=root, capture_output=True, text=True, timeout=300)
            report = json.loads(out.stdout)
        except (OSError, ValueError, subprocess.SubprocessError):
            return CheckResult("schema", title, False, "เรียกโปรแกรม check-jsonschema ไม่ได้ ให้ติดตั้งตาม requirements-test.txt")
        for err in [*report.get("errors", []), *report.get("parse_errors", [])]:
            problems.append(_schema_problem(root, err))
    if problems:
        return CheckResult("schema", title, False, f"พบ {len(problems)} จุด", problems)
    return CheckResult("schema", title, True, "ทุกไฟล์ตรงกับ schema")


def _schema_problem(root: Path, err: dict[str, str]) -> Problem:
    file = Path(err.get("filename", ""))
    rel = file.relative_to(root).as_posix() if file.is_absolute() and file.is_relative_to(root) else file.as_posix()
    path: Path_ = tuple(
        int(part[1:-1]) if part.startswith("[") else part for part in re.findall(r"\[\d+\]|[^.\[\]]+", err.get("path", "$").removeprefix("$"))
    )
    line = None
    try:
        line = read_yaml(root / rel, rel).line_of(path)
    except (OSError, YamlProblem):
        pass
    shown = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(path))
    return Problem(rel, line, shown, "ไม่ตรงกับ JSON Schema: " + err.get("message", ""), "JSON Schema")


def _build(root: Path, title: str, command: str) -> CheckResult:
    argv = shlex.split(command)
    if argv and argv[0] == "mkdocs":
        argv = [sys.executable, "-m", "mkdocs", *argv[1:]]
    try:
        out = subprocess.run(argv, cwd=root, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.SubprocessError) as exc:
        return CheckResult("build", title, False, f"เรียกคำสั่ง {command} ไม่ได้: {exc}")
    log = out.stdout + out.stderr
    if out.returncode == 0:
        return CheckResult("build", title, True, "สร้างได้ ไม่มีข้อเตือน", log=log)
    said = [m[1].strip() for m in re.finditer(r"^(?:WARNING|ERROR)\s*-\s*(.+)$", log, re.MULTILINE)]
    said = [s for s in said if not s.startswith("Aborted with")] or [log.strip().splitlines()[-1] if log.strip() else command]
    return CheckResult(
        "build", title, False, f"สร้างไม่ผ่าน ({len(said)} ข้อเตือน)", [Problem("mkdocs.yml", None, "", s) for s in said], log
    )


# --- GitHub workflow commands -------------------------------------------------------------


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(p: Problem) -> str:
    """``::error file=...,line=...,title=...::message`` for one problem."""
    props = [f"file={_property(p.file)}"]
    if p.line is not None:
        props.append(f"line={p.line}")
    props.append(f"title={_property(p.path or 'ตรวจข้อมูล')}")
    gloss = f" ({p.gloss})" if p.gloss else ""
    return f"::error {','.join(props)}::{_data(p.message + gloss)}"


def annotation_lines(result: CiResult) -> list[str]:
    return [annotation(p) for p in result.problems]


# --- the pull-request comment ---------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # no [ ] so no link can form; < > & as entities


def _md(text: str) -> str:
    """Editors' text shown as typed in GitHub Markdown: nothing in it becomes markup."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _mark(ok: bool | None) -> str:
    return {True: "✅ ผ่าน", False: "❌ ไม่ผ่าน", None: "⏭️ ไม่ได้ตรวจ"}[ok]


def comment(result: CiResult, *, run_url: str = "", commit: str = "", preview: bool = True, site_url: str = "") -> str:
    """The Markdown body of the pull-request comment, :data:`MARKER` first."""
    lines = [MARKER]
    problems = result.problems
    if result.ok:
        lines += ["## ✅ ตรวจผ่านทุกขั้นตอน", "", "ข้อมูลถูกต้องและสร้างเว็บไซต์ได้ เมื่อรวมเข้า main แล้วจะเผยแพร่โดยอัตโนมัติ"]
    else:
        lines += [
            f"## ❌ ยังรวมเข้า main ไม่ได้: ต้องแก้ {len(problems)} จุด" if problems else "## ❌ ยังรวมเข้า main ไม่ได้",
            "",
            "แก้ตามรายการข้างล่างแล้ว commit อีกครั้ง ระบบจะตรวจใหม่และแก้ความคิดเห็นนี้ให้เป็นผลล่าสุด "
            "แต่ละจุดแสดงที่บรรทัดนั้นในแท็บ **Files changed** ด้วย",
        ]
    lines += ["", "| การตรวจ | ผล |", "|---|---|"]
    lines += [f"| {c.title} | {_mark(c.ok)}{': ' + _md(c.note) if c.note else ''} |" for c in result.checks]
    if problems:
        lines += ["", "### สิ่งที่ต้องแก้", ""]
        for p in problems[:MAX_LISTED]:
            where = f"`{p.file}`" + (f" บรรทัด {p.line}" if p.line is not None else "")
            field_part = f" หัวข้อ `{p.path}`" if p.path else ""
            gloss = f" ({_md(p.gloss)})" if p.gloss else ""
            lines.append(f"- {where}{field_part}: {_md(p.message)}{gloss}")
        if len(problems) > MAX_LISTED:
            lines.append(f"- และอีก {len(problems) - MAX_LISTED} จุด ดูทั้งหมดในบันทึกของการตรวจ")
        guide = "ความหมายของข้อความแจ้งข้อผิดพลาดและวิธีแก้"
        linked = f"[{guide}]({absolute(site_url, 'staff/errors/')})" if site_url else guide
        lines += ["", f"ความหมายของข้อความแต่ละแบบและวิธีแก้: คู่มือผู้ดูแลข้อมูล หน้า {linked} (`docs/staff/errors.md`)"]
    if preview and result.checks[-1].ok:
        lines += [
            "",
            "### ดูตัวอย่างเว็บไซต์",
            "",
            "ดาวน์โหลดไฟล์แนบ **preview** " + (f"จาก[หน้าสรุปของการตรวจ]({run_url}) " if run_url else "จากหน้าสรุปของการตรวจ ")
            + "แตกไฟล์ zip แล้วดับเบิลคลิก `index.html` เปิดด้วยเบราว์เซอร์ได้โดยไม่ต้องต่ออินเทอร์เน็ต "
            "(การค้นหาและหน้าพิมพ์ทั้งฉบับใช้ได้เมื่อเผยแพร่บนเว็บไซต์จริงเท่านั้น)",
        ]
    lines += [""]
    if result.status_markdown:
        body = result.status_markdown.rstrip("\n").splitlines()
        lines += [re.sub(r"^(#+) ", r"\1# ", line) for line in body]
    else:
        lines.append("_สรุปสถานะข้อมูล (สิ่งที่ยังขาดหรือล่าช้า) จะแสดงเมื่อข้อมูลถูกต้องแล้ว_")
    tail = "ตรวจ" + (f" commit `{commit[:12]}`" if commit else "") + (f" · [บันทึกของการตรวจ]({run_url})" if run_url else "")
    lines += ["", f"<sub>{tail}</sub>", ""]
    return "\n".join(lines)


def log_lines(result: CiResult) -> list[str]:
    """What the log says: each check, then every problem as ``validate`` prints it."""
    out = [f"{_mark(c.ok)} {c.title}{': ' + c.note if c.note else ''}" for c in result.checks]
    out += [f"  {p}" for p in result.problems]
    return out
