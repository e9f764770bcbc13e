"""The MkDocs hooks of prongsai (mkdocs.yml ``hooks:``): the adapter is the ``prongsai_mkdocs`` package."""

import os
import sys

# MkDocs runs this file with its folder first on sys.path, where this very file would shadow
# the package of the same name: the package is looked up from the repository root first.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from prongsai_mkdocs.hooks import (  # noqa: E402, F401
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_pre_page,
)
