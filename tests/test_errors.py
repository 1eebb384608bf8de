"""Every error code is in the README's table of bad input (issue 17: "the error codes table, complete and true")."""

from recoupe.errors import RecoupeError, exit_code_for

from .conftest import ROOT


def _codes() -> set[str]:
    found, classes = set(), [RecoupeError]
    while classes:
        cls = classes.pop()
        found.add(cls.code)
        classes.extend(cls.__subclasses__())
    return {c for c in found if c >= "E100"}


def test_every_error_code_is_in_the_readme_with_its_exit_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in _codes():
        assert f"| {code} | {exit_code_for(code)} |" in readme, code
