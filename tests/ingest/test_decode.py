import pytest

from recoupe.errors import BinaryInput, EmptyInput, EncodingUnknown
from recoupe.ingest.decode import decode

FRENCH = "Le ministre a déclaré : « Ça commence à Mossoul, à l'été. »\r\nDeuxième ligne, où l'on lit « économie »."


@pytest.mark.parametrize(
    "data",
    [
        FRENCH.encode("utf-8"),
        b"\xef\xbb\xbf" + FRENCH.encode("utf-8"),
        FRENCH.encode("cp1252"),
        FRENCH.encode("latin-1"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "latin-1"],
)
def test_decodes_the_usual_encodings_and_normalises_newlines(data: bytes) -> None:
    assert decode(data, "x.txt") == FRENCH.replace("\r\n", "\n")


def test_cp1252_quotes_are_read_as_cp1252() -> None:
    assert decode("l’EI “dit”".encode("cp1252"), "x") == "l’EI “dit”"


def test_empty_input_names_the_file() -> None:
    with pytest.raises(EmptyInput, match="empty.txt: the input is empty"):
        decode(b"  \n", "empty.txt")


def test_binary_input_is_refused() -> None:
    with pytest.raises(BinaryInput, match="photo.txt: binary data"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt")


def test_text_in_an_unknown_encoding_is_refused() -> None:
    with pytest.raises(EncodingUnknown, match="ebcdic.txt: the text is not valid UTF-8"):
        decode(FRENCH.encode("cp500"), "ebcdic.txt")
