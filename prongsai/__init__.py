"""prongsai (โปร่งใส): YAML records of a Thai local government's integrity and
transparency disclosures, validated and rendered as a static site.

This package is the domain core. It imports nothing from MkDocs: ``prongsai_mkdocs`` adapts it.
"""

from .errors import DataError, Problem
from .load import load_site
from .site import Site

__all__ = ["DataError", "Problem", "Site", "load_site"]
