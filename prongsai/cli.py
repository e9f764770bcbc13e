"""``python -m prongsai <command>``: the one entry point for editors and CI."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from .commands import COMMANDS


class _ThaiParser(argparse.ArgumentParser):
    """argparse with its fixed English headings in Thai."""

    def format_help(self) -> str:
        text = super().format_help()
        return (
            text.replace("usage:", "วิธีใช้:")
            .replace("positional arguments:", "อาร์กิวเมนต์:")
            .replace("options:", "ตัวเลือก:")
            .replace("show this help message and exit", "แสดงวิธีใช้แล้วจบ")
        )

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "วิธีใช้:")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"ข้อผิดพลาด: {message}\nดูวิธีใช้: python -m prongsai --help\n")


def _parser() -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    p = _ThaiParser(
        prog="python -m prongsai",
        description="โปร่งใส (prongsai): ตรวจและเผยแพร่ข้อมูลคุณธรรมและความโปร่งใสของหน่วยงาน",
    )
    sub = p.add_subparsers(dest="command", metavar="คำสั่ง", parser_class=_ThaiParser)
    modules: dict[str, ModuleType] = {}
    for name in COMMANDS:
        module = importlib.import_module(f"prongsai.commands.{name}")
        cmd = sub.add_parser(module.NAME, help=module.HELP, description=module.DESCRIPTION)
        module.add_arguments(cmd)
        modules[module.NAME] = module
    return p, modules


def main(argv: Sequence[str] | None = None) -> int:
    parser, modules = _parser()
    args = parser.parse_args(argv)
    module = modules.get(args.command)
    if module is None:
        parser.print_help()
        return 2
    return int(module.run(args))
