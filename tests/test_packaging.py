"""Issue 16: ``pip install recoupe`` brings what recoupe needs to run (dependencies, data files, templates).

The slow test builds the wheel from a clean copy of the tracked files, installs it (not editable, with its
dependencies, pinned versions as constraints) into a new virtual environment, and runs the command line from there.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import recoupe

from .conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
#: pinned in requirements.txt for what pulls them in, not imported by recoupe: pyproject.toml leaves them to pip
TRANSITIVE = {"justext", "htmldate", "charset-normalizer", "markupsafe", "psycopg-binary"}


def _pins(name: str) -> dict[str, str]:
    """Package -> pinned version of a requirements file and the files it includes (``-r``)."""
    pins: dict[str, str] = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r"):
            pins.update(_pins(line[2:].strip()))
        elif line:
            requirement = Requirement(line)
            pins[canonicalize_name(requirement.name)] = str(requirement.specifier).removeprefix("==")
    return pins


def _declared() -> list[Requirement]:
    project = PYPROJECT["project"]
    extras = [r for group in project["optional-dependencies"].values() for r in group]
    return [Requirement(r) for r in project["dependencies"] + extras if not r.startswith("recoupe[")]


def test_every_pin_lies_in_the_range_pyproject_declares() -> None:
    pins = _pins("requirements-dev.txt")
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name}: declared in pyproject.toml, not pinned in requirements*.txt"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]} outside {requirement.specifier}"


def test_every_pin_is_declared_or_pulled_in_by_a_declared_package() -> None:
    declared = {canonicalize_name(r.name) for r in _declared()}
    undeclared = set(_pins("requirements-dev.txt")) - declared - TRANSITIVE
    assert not undeclared, f"pinned but not in pyproject.toml's dependencies or extras: {sorted(undeclared)}"


def test_the_package_data_patterns_take_every_file_of_the_package_that_is_not_code() -> None:
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["recoupe"]
    package = ROOT / "recoupe"
    data = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]
    assert data, "recoupe has data files (recoupe/data, recoupe/store/migrations)"
    left_out = [name for name in data if not any(fnmatch(name, pattern) for pattern in patterns)]
    assert not left_out, f"not in the wheel: {left_out}; add a pattern to [tool.setuptools.package-data]"


def test_eval_without_its_extra_says_what_to_install(tmp_path: Path) -> None:
    """The extra 'eval' is not installed with recoupe: ``recoupe eval`` names it instead of a traceback."""
    script = "import sys\nsys.modules['rouge_score'] = None\nfrom recoupe.cli import main\nsys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", script, "eval", "summaries", str(tmp_path / "c.jsonl")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert (
        done.stderr
        == "recoupe: eval: needs the package rouge-score (extra 'eval'): pip install 'recoupe[eval]' [E001]\n"
    )


def _run(args: list[str], *, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """A process that sees only the new environment: no PYTHONPATH to this checkout, no active virtualenv."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done


def _clean_copy(target: Path) -> Path:
    """The files git tracks, as they are in the working tree (a build leaves build/ and *.egg-info behind)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
    return target


@pytest.mark.slow
def test_the_wheel_installed_with_its_dependencies_runs(tmp_path: Path) -> None:
    started = time.perf_counter()
    source = _clean_copy(tmp_path / "src")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", ".", "-w", str(tmp_path / "dist")], cwd=source)
    (wheel,) = (tmp_path / "dist").glob("recoupe-*.whl")
    _run([sys.executable, "-m", "venv", str(tmp_path / "fresh")], cwd=tmp_path)
    bin_dir = tmp_path / "fresh" / "bin"
    constraints = ["-c", str(source / "requirements.txt")]  # the tested versions (in pip's cache after setup.sh)
    _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", *constraints, str(wheel)], cwd=tmp_path)
    installed = _run([str(bin_dir / "python"), "-c", "import recoupe; print(recoupe.__file__)"], cwd=tmp_path)
    assert "site-packages" in installed.stdout and str(tmp_path / "fresh") in installed.stdout
    recoupe_cli = str(bin_dir / "recoupe")

    assert _run([recoupe_cli, "--version"], cwd=tmp_path).stdout == f"recoupe {recoupe.__version__}\n"
    example = str(source / "examples" / "usine-lyon")
    outputs = ["--json", "r.json", "--md", "r.md", "--html", "r.html"]
    _run([recoupe_cli, "run", example, *outputs, "--quiet"], cwd=tmp_path)
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(report["documents"]) == 5 and report["stories"] and not report["failures"]
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    _run([recoupe_cli, "ingest", example, "--db", "x.db"], cwd=tmp_path)
    listed = _run([recoupe_cli, "stories", "--db", "x.db"], cwd=tmp_path).stdout.splitlines()
    assert listed and all(re.match(r"s\d+\t", line) for line in listed), listed
    print(f"wheel built, installed and run in {time.perf_counter() - started:.0f} s")
