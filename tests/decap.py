"""The editors' forms driven as an editor would: a git copy of a project, decap-server in its
local-git mode over it, the built site's ``/admin/`` in Chromium, nothing but this computer.

Used by tests/test_admin_browser.py and benchmarks/forms.py.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DECAP_SERVER = REPO / "node_modules" / "decap-server" / "dist" / "index.js"
# Every address but this computer's. A pattern, not a Python test of each request: Playwright then
# holds only these requests until the test's Python code hands them to the handler (the sync API
# runs handlers only inside a Playwright call), so the forms' own requests never wait for the test.
ELSEWHERE = re.compile(r"^(?!(?:data|blob):|[a-z]+://(?:127\.0\.0\.1|localhost)(?::\d+)?/)")
SAVED = re.compile("เนื้อหาถูกบันทึก|การเปลี่ยนแปลงถูกบันทึกแล้ว")  # Decap's notice, its toolbar's state


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def git_project(dest: Path, port: int, data: Path | None = None) -> Path:
    """A git repository with this project's pages and ``data`` (default: the bundled example),
    its mkdocs.yml pointing the forms at decap-server on ``port`` instead of GitHub."""
    dest.mkdir(parents=True)
    shutil.copytree(data or REPO / "data", dest / "data")
    shutil.copytree(REPO / "docs", dest / "docs")
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    config, n = re.subn(r"\nwatch:\n(?:  - .*\n)+", "\n", config)
    assert n == 1, "mkdocs.yml: the watch list moved"
    config = config.replace("hooks/prongsai_mkdocs.py", (REPO / "hooks" / "prongsai_mkdocs.py").as_posix())
    config = config.replace("custom_dir: overrides", f"custom_dir: {(REPO / 'overrides').as_posix()}")
    config, n = re.subn(
        r"(\n    forms:\n)((?:      .*\n)+)",
        rf'\1      repo: test/test\n      local_backend: {{url: "http://127.0.0.1:{port}/api/v1"}}\n',
        config,
    )
    assert n == 1, "mkdocs.yml: extra.prongsai.forms moved"
    (dest / "mkdocs.yml").write_text(config, "utf-8")
    git(dest, "init", "-q", "-b", "main")
    git(dest, "config", "user.name", "ทดสอบ")
    git(dest, "config", "user.email", "test@localhost")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "ข้อมูลตั้งต้น")
    return dest


def build_site(project: Path, site_dir: Path) -> Path:
    """``mkdocs build --strict`` of ``project`` into ``site_dir``, in a fresh process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(os.sys.executable).with_name("mkdocs")  # type: ignore[attr-defined]
    out = subprocess.run(
        [str(mkdocs), "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return site_dir


@contextlib.contextmanager
def decap_server(repo: Path, port: int) -> Iterator[subprocess.Popen[bytes]]:
    """decap-server (npm, pinned in package.json) serving ``repo`` through its local-git proxy."""
    assert DECAP_SERVER.is_file(), "decap-server is missing: scripts/test.sh installs it (npm ci)"
    env = {**os.environ, "PORT": str(port), "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "BIND_HOST": "127.0.0.1"}
    log_path = repo.parent / "decap-server.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        # its own word that it listens (a connection could reach another program that took the port)
        deadline = time.monotonic() + 30
        while f"listening on 127.0.0.1:{port}" not in log_path.read_text("utf-8", errors="replace"):
            assert proc.poll() is None, f"decap-server stopped: {log_path.read_text('utf-8', errors='replace')}"
            assert time.monotonic() < deadline, f"decap-server did not start in 30 s: {log_path}"
            time.sleep(0.1)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def offline_context(browser: Any, width: int = 1280) -> tuple[Any, list[str]]:
    """A browser context that lets through only this computer; returns it and the refused URLs."""
    refused: list[str] = []
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="th-TH")

    def refuse(r: Any) -> None:
        refused.append(r.request.url)
        r.abort()

    context.route(ELSEWHERE, refuse)
    # what the forms did, for a failure's message: their console and their calls to the backend
    trace: list[str] = []
    context.prongsai_trace = trace
    stamp = lambda: f"{time.monotonic():.1f}"  # noqa: E731
    context.on("console", lambda m: trace.append(f"{stamp()} console {m.type}: {m.text[:300]}"))
    context.on("weberror", lambda e: trace.append(f"{stamp()} error: {e.error}"))
    api = lambda r: "/api/v1" in r.url  # noqa: E731
    action = lambda r: (re.search(r'"action":"(\w+)"', r.post_data or "") or [None, "?"])[1]  # noqa: E731
    context.on("request", lambda r: api(r) and trace.append(f"{stamp()} → {action(r)}"))
    context.on("requestfinished", lambda r: api(r) and trace.append(f"{stamp()} ← {action(r)}"))
    context.on("requestfailed", lambda r: api(r) and trace.append(f"{stamp()} ✗ {action(r)} {r.failure}"))
    context.set_default_timeout(60_000)  # a shared 2-core machine: the forms' first render is slow
    return context, refused


def sign_in(page: Any, base: str) -> None:
    """Open /admin/ and sign in to the local backend (decap-server needs no password)."""
    page.goto(base + "admin/")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_url(re.compile(r".*#/collections/.*"))


def open_entry(page: Any, base: str, collection: str, label: str, last_item: str) -> float:
    """Open one data file's form as an editor does (its collection, then its name in the list);
    seconds from the click until the list item ``last_item`` is shown."""
    page.goto(f"{base}admin/#/collections/{collection}")
    card = page.get_by_text(re.compile(f"^{re.escape(label)}")).first  # a draft's card also says ร่าง
    card.wait_for()
    start = time.perf_counter()
    card.click()
    list_item(page, last_item).wait_for()
    return time.perf_counter() - start


def open_measure(page: Any, base: str, year: int | str, measure_id: str, title: str) -> float:
    """Open one measure's form from its year's list of measures: seconds from asking for it
    until the form shows the measure (its title in its box: the form is drawn in one go).
    The list is virtualised (a card far down is not drawn), so it goes to the card's address."""
    page.goto(f"{base}admin/#/collections/measures-{year}")
    page.get_by_text(re.compile(r"^m\d+ · ")).first.wait_for()
    start = time.perf_counter()
    page.evaluate("h => { location.hash = h }", f"#/collections/measures-{year}/entries/{measure_id}")
    page.wait_for_function(
        "t => [...document.querySelectorAll('input, textarea')].some(e => e.value === t)", arg=title, timeout=60_000
    )
    return time.perf_counter() - start


def list_item(page: Any, summary: str) -> Any:
    """The folded list item whose one-line summary is ``summary`` (a measure id, a title), or
    starts with it and `` · `` (``m03 · ชื่อมาตรการ``)."""
    label = page.locator("[class*=NestedObjectLabel]", has_text=re.compile(f"^{re.escape(summary)}( · .*)?$"))
    return page.locator("[class*=SortableListItem]").filter(has=label).first


def branches(repo: Path) -> list[str]:
    return [b.strip() for b in git(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms").splitlines()]


def save(page: Any, repo: Path, branch: str, timeout: float = 120) -> float:
    """Press save; seconds until the change is committed on ``branch`` (the pull request's branch)
    and the form shows it saved."""
    before = (
        git(repo, "rev-parse", branch).strip() if branch in branches(repo) else git(repo, "rev-parse", "main").strip()
    )
    start = time.perf_counter()
    page.get_by_role("button", name="บันทึก", exact=True).click()
    while time.perf_counter() - start < timeout:
        if branch in branches(repo) and git(repo, "rev-parse", branch).strip() != before:
            # committed; and the form says so (until then it would ask before leaving the page)
            try:
                page.get_by_text(SAVED).first.wait_for(timeout=timeout * 1000)
            except Exception:
                page.screenshot(path=str(repo.parent / "save-notice.png"))
                raise
            return time.perf_counter() - start
        page.wait_for_timeout(50)  # a Playwright call, not time.sleep: the page's events are handled meanwhile
    shot = repo.parent / "save-timeout.png"
    page.screenshot(path=str(shot), full_page=True)
    errors = page.locator("[class*=ControlErrors], [class*=ErrorMessage], li[class*=rror]").all_inner_texts()
    trace = "\n".join(getattr(page.context, "prongsai_trace", [])[-40:])
    raise AssertionError(f"nothing was committed on {branch} in {timeout} s: {errors} (see {shot})\n{trace}")
