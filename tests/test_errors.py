"""Every error code is in the table of errors (docs/errors.md, which the README points to; issue 17: "the error codes
table, complete and true")."""

from recoupe.errors import RecoupeError, exit_code_for

from .conftest import ROOT


def _codes() -> set[str]:
    found, classes = set(), [RecoupeError]
    while classes:
        cls = classes.pop()
        found.add(cls.code)
        classes.extend(cls.__subclasses__())
    return {c for c in found if c >= "E100"}


def test_every_error_code_is_in_the_table_of_errors_with_its_exit_code() -> None:
    readme = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    assert "docs/errors.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    for code in _codes():
        assert f"| {code} | {exit_code_for(code)} |" in readme, code
