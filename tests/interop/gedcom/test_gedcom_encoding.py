"""Character sets: every one GEDCOM files are found in decodes to the right text."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from circles_desktop.interop.gedcom import read_gedcom
from circles_desktop.interop.gedcom.ansel import decode_ansel
from circles_desktop.interop.gedcom.encoding import iter_lines, read_header
from circles_desktop.interop.gedcom.problems import Problems

SAMPLE = "¶ ☺ \U00012345"  # the test string of the gedcom7code char_* files


def _lines(path: Path) -> tuple[str, list[str], Problems]:
    problems = Problems()
    header = read_header(path, problems)
    return header.codec, [line for _, line in iter_lines(path, header, problems)], problems


def _notes(path: Path) -> str:
    return "\n".join(p.notes for p in read_gedcom(path).document.people())


def test_ansel_puts_diacritics_after_their_letter_and_composes() -> None:
    assert decode_ansel(b"Fran\xf0cois M\xe8uller") == ("François Müller", 0)
    assert decode_ansel(b"\xe2e\xe1a\xe9C") == ("éàČ", 0)
    assert decode_ansel(b"\xa1\xb2d\xb9\xc3\xcf") == ("Ł\u00f8d£©ß", 0)


def test_ansel_keeps_two_diacritics_on_one_letter_and_counts_bytes_it_cannot_read() -> None:
    text, undefined = decode_ansel(b"\xe3\xe2a x\x80\xff")  # circumflex + acute on a; two undefined bytes
    assert text == unicodedata.normalize("NFC", "a\u0302\u0301 x\ufffd\ufffd") and undefined == 2
    assert decode_ansel(b"end\xe2") == ("end\u0301", 0)  # a diacritic with no letter is kept, not lost


def test_the_ansel_test_file_decodes_every_combined_letter(gedcom_dir: Path) -> None:
    codec, lines, problems = _lines(gedcom_dir / "encoding" / "ansel-lf.ged")
    assert codec == "ansel" and not problems.items
    acute = lines[lines.index("1 NAME code: E2 (Unicode: acute, 0301)/acute accent/") + 2]
    assert acute.startswith("2 PLAC ÁB́ĆD́ÉF́ǴH́ÍJ́ḰĹḾŃÓṔQ́ŔŚT́ÚV́ẂX́ÝŹ")
    specials = next(line for line in lines if "slash l - uppercase" in line)
    assert "(Ł)" in specials and "(Ø)" in specials and "(Þ)" in specials
    assert any("es zet (ß)" in line for line in lines)


@pytest.mark.parametrize(("name", "codec"), [
    ("ansi-cp1252-ftm17.ged", "cp1252"), ("ibm-windows-easytree.ged", "cp1252"),
    ("ibmpc-cp437-broskeep.ged", "cp437"), ("utf16le.ged", "utf-16"), ("utf16be.ged", "utf-16"),
    ("utf8-bom.ged", "utf-8-sig"), ("utf8-nobom-lf.ged", "utf-8"), ("ansel-lf.ged", "ansel"),
])
def test_the_header_or_the_bytes_choose_the_codec(gedcom_dir: Path, name: str, codec: str) -> None:
    assert _lines(gedcom_dir / "encoding" / name)[0] == codec


def test_utf8_names_in_many_scripts(gedcom_dir: Path) -> None:
    labels = {p.label for p in read_gedcom(gedcom_dir / "encoding" / "utf8-unicode.ged").document.people()}
    assert {"François Müller", "Søren Nielsen", "Алексей Иванов", "محمد أحمد", "Łukasz Kowalski"} <= labels


def test_windows_1252_and_code_page_437_text(gedcom_dir: Path) -> None:
    text = "\n".join(_lines(gedcom_dir / "encoding" / "ansi-cp1252-ftm17.ged")[1])
    assert "La Coruña" in text and "£5.99" in text and "León" in text
    assert "John C. Frémont" in _notes(gedcom_dir / "real" / "US-Presidents-Trees-I.ged")  # IBMPC: byte 0x82


def test_real_names_with_diacritics(gedcom_dir: Path) -> None:
    labels = {p.label for p in read_gedcom(gedcom_dir / "real" / "bullinger.ged").document.people()}
    assert "Maria Magdalena Lützel" in labels
    labels = {p.label for p in read_gedcom(gedcom_dir / "real" / "EnglishTudorRoyalFamily.ged").document.people()}
    assert "Payn de Roët" in labels


@pytest.mark.parametrize("name", ["char_utf16be-1.ged", "char_utf16be-2.ged", "char_utf16le-1.ged",
                                  "char_utf16le-2.ged", "char_utf8-1.ged", "char_utf8-2.ged", "char_utf8-3.ged"])
@pytest.mark.parametrize("version", ["5", "7"])
def test_utf16_with_and_without_a_byte_order_mark_and_mislabelled_utf8(gedcom_dir: Path, version: str,
                                                                       name: str) -> None:
    _, lines, problems = _lines(gedcom_dir / "gedcom7code" / version / name)
    assert any(line.startswith("1 NOTE ") and line.endswith(SAMPLE) for line in lines)
    assert not problems.items


def test_a_line_that_is_not_utf8_is_read_as_windows_1252_and_reported(ged: Callable[..., Path]) -> None:
    path = ged("x")
    path.write_bytes(b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Ren\xe9 /Caf\xe9/\n0 TRLR\n")
    result = read_gedcom(path)
    assert [p.label for p in result.document.people()] == ["René Café"]
    assert [str(p) for p in result.problems] == [
        "line 4: this line is not valid UTF-8, as the header says; it is read as Windows-1252"]


def test_gedcom7_is_utf8_whatever_it_says(ged: Callable[..., Path]) -> None:
    path = ged("0 HEAD\n1 GEDC\n2 VERS 7.0\n1 CHAR ANSEL\n0 @I1@ INDI\n1 NAME Zoë\n0 TRLR\n")
    assert [p.label for p in read_gedcom(path).document.people()] == ["Zoë"]


def test_an_unknown_character_set_is_read_as_utf8_and_reported(ged: Callable[..., Path]) -> None:
    result = read_gedcom(ged("0 HEAD\n1 CHAR KLINGON\n0 @I1@ INDI\n1 NAME Zoë\n0 TRLR\n"))
    assert [p.label for p in result.document.people()] == ["Zoë"]
    assert "unknown character set 'KLINGON'" in str(result.problems[0])


def test_cr_only_line_ends(ged: Callable[..., Path]) -> None:
    result = read_gedcom(ged("0 HEAD\r1 CHAR ASCII\r0 @I1@ INDI\r1 NAME Ada /Byron/\r0 TRLR\r"))
    assert [(p.given_names, p.family_name) for p in result.document.people()] == [("Ada", "Byron")]
    assert result.problems == []
