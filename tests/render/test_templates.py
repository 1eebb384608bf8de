"""The report templates ship with the package."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import recoupe

from ..conftest import ROOT


def test_every_template_is_package_data() -> None:
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["recoupe"]
    package = Path(recoupe.__file__).parent
    templates = [p.relative_to(package).as_posix() for p in (package / "render" / "templates").iterdir()]
    assert templates
    assert [t for t in templates if not any(fnmatch(t, g) for g in globs)] == []
