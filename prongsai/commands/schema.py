"""``python -m prongsai schema``: write (or check) the JSON Schemas editors' tools read."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import forms, schema

NAME = "schema"
HELP = "สร้างไฟล์ JSON Schema ในโฟลเดอร์ schema/ จากโครงสร้างข้อมูล"
DESCRIPTION = (
    "สร้างไฟล์ schema/<ชื่อ>.schema.json จากโครงสร้างข้อมูลของโปรแกรม "
    "(โปรแกรมแก้ไขไฟล์ใช้ไฟล์เหล่านี้เติมคำและขีดเส้นใต้ค่าที่ผิดระหว่างพิมพ์) "
    "และ schema/forms.json (ช่องกรอกของแบบฟอร์มแก้ไขข้อมูลที่ /admin/) "
    "ใช้ --check เพื่อตรวจว่าไฟล์ที่มีอยู่ตรงกับโครงสร้างล่าสุดหรือไม่"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="schema", help="โฟลเดอร์ที่เก็บไฟล์ schema (ค่าเริ่มต้น: schema)")
    p.add_argument("--check", action="store_true", help="ตรวจอย่างเดียว ไม่เขียนไฟล์ (คืนค่า 1 ถ้าไฟล์ไม่ตรง)")


def run(args: argparse.Namespace) -> int:
    folder = Path(args.out)
    if args.check:
        names = schema.stale(folder) + ([forms.FILENAME] if forms.stale(folder) else [])
        if names:
            print(
                f"ไฟล์ schema ไม่ตรงกับโครงสร้างข้อมูล: {', '.join(names)} "
                "ให้สั่ง python -m prongsai schema แล้ว commit ไฟล์ใน schema/ (schema files are stale)",
                file=sys.stderr,
            )
            return 1
        print(f"ไฟล์ schema ตรงกับโครงสร้างข้อมูล ({len(schema.FILES)} ไฟล์) (schema files are up to date)")
        return 0
    changed = schema.write_all(folder)
    if forms.write(folder):
        changed.append(folder / forms.FILENAME)
    for path in changed:
        print(f"เขียน {path.as_posix()}")
    if not changed:
        print("ไฟล์ schema เป็นปัจจุบันอยู่แล้ว (nothing to do)")
    return 0
