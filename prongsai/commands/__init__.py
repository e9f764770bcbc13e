"""Subcommands of ``python -m prongsai``: one module each.

A module defines ``NAME``, ``HELP`` (Thai), ``DESCRIPTION`` (Thai), ``add_arguments(parser)``
and ``run(args) -> int``. To add one, write the module and list it in ``COMMANDS``.
"""

COMMANDS: tuple[str, ...] = (
    "validate",
    "ci",
    "itas",
    "status",
    "schema",
    "new_catalog",
    "new_year",
    "new_measure",
    "split_measures",
    "new_round",
    "new_disclosure",
    "audit",
    "links",
    "export_markdown",
    "import_docx",
    "preview",
)
