"""``python -m prongsai ci``: every check of a pull request or of publishing, with its reports."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from .. import ci
from ..itas import site_url_of
from ._common import date_arg

NAME = "ci"
HELP = "ตรวจทุกขั้นตอนแบบเดียวกับ GitHub Actions (ข้อมูล JSON Schema สร้างเว็บไซต์) และเขียนผลสำหรับ Pull Request"
DESCRIPTION = (
    "ตรวจข้อมูลทั้งหมด ตรวจกับ JSON Schema และสร้างเว็บไซต์แบบเข้มงวด ตามลำดับ (ตรวจครบทุกขั้นแม้ขั้นก่อนไม่ผ่าน) "
    "แสดงทุกจุดที่ต้องแก้ในรูป ไฟล์:บรรทัด: หัวข้อ: ข้อความ และเขียนผลสำหรับ GitHub: "
    "คำสั่ง ::error ที่แสดงแต่ละจุดที่บรรทัดนั้นในแท็บ Files changed (--github, --annotations) "
    "และความคิดเห็นสรุปผลใน Pull Request (--comment) ใช้คำสั่งเดียวกันทั้งการตรวจ Pull Request และการเผยแพร่"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", default=".", help="โฟลเดอร์ของโครงการ (ที่มี data/ docs/ schema/ mkdocs.yml) ค่าเริ่มต้น: โฟลเดอร์ปัจจุบัน")
    p.add_argument("--github", action="store_true", help="แสดงแต่ละจุดเป็นคำสั่ง ::error ของ GitHub Actions (แสดงที่บรรทัดใน Pull Request)")
    p.add_argument("--annotations", help="เขียนคำสั่ง ::error ทุกจุดลงไฟล์นี้ (สำหรับขั้นตอนที่แสดงจุดที่เกิน 10 จุดแรก)")
    p.add_argument("--comment", help="เขียนความคิดเห็นสรุปผลสำหรับ Pull Request (Markdown) ลงไฟล์นี้")
    p.add_argument("--summary", help="ต่อท้ายสรุปผลลงไฟล์นี้ (ใน GitHub Actions คือ $GITHUB_STEP_SUMMARY)")
    p.add_argument("--build-command", default=ci.BUILD_COMMAND, help=f"คำสั่งสร้างเว็บไซต์ (ค่าเริ่มต้น: {ci.BUILD_COMMAND})")
    p.add_argument("--no-build", action="store_true", help="ไม่สร้างเว็บไซต์ (ตรวจข้อมูลและ schema อย่างเดียว)")
    p.add_argument("--commit", default=os.environ.get("PR_HEAD_SHA") or os.environ.get("GITHUB_SHA", ""), help="commit ที่ตรวจ (แสดงในความคิดเห็น)")
    p.add_argument("--today", type=date_arg, help="ตรวจเสมือนวันนี้เป็นวันที่นี้ (สำหรับสรุปสถานะ)")


def _run_url() -> str:
    server, repo, run = (os.environ.get(k, "") for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID"))
    return f"{server}/{repo}/actions/runs/{run}" if server and repo and run else ""


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    result = ci.run_checks(root, build=None if args.no_build else args.build_command, today=args.today)
    for check in result.checks:
        if check.log:
            print(check.log.rstrip())
    lines = ci.annotation_lines(result)
    if args.github:
        for c in result.checks:
            print(f"{'✅' if c.ok else '❌' if c.ok is False else '⏭️'} {c.title}: {c.note}")
        print("\n".join(lines[: ci.ANNOTATIONS_PER_STEP * 5]))
        if len(lines) > ci.ANNOTATIONS_PER_STEP * 5:
            print("\n".join(f"  {p}" for p in result.problems[ci.ANNOTATIONS_PER_STEP * 5 :]))
    else:
        print("\n".join(ci.log_lines(result)))
    if args.annotations:
        _write(args.annotations, "".join(line + "\n" for line in lines))
    body = ci.comment(result, run_url=_run_url(), commit=args.commit, site_url=site_url_of(root / "mkdocs.yml"))
    if args.comment:
        _write(args.comment, body)
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as f:
            f.write(body.replace(ci.MARKER + "\n", "", 1) + "\n")
    return 0 if result.ok else 1


def _write(path: str, text: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, "utf-8")
