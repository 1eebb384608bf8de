import pytest

from recoupe.model import Span


def test_span_covers_its_text() -> None:
    assert Span("d", 2, 5).of("abcdefg") == "cde"


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 2)])
def test_span_refuses_inverted_or_negative_ranges(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="bad span"):
        Span("d", start, end)
