"""Damaged and hostile files: the sound part is imported and every problem has its line; a file that
is not GEDCOM at all is refused with one line; nothing else ever escapes."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from circles_desktop.interop.gedcom import GedcomError, GedcomImport, read_gedcom


def _read(path: Path) -> GedcomImport | GedcomError:
    """The import, or the refusal; any other exception fails the test."""
    try:
        return read_gedcom(path)
    except GedcomError as error:
        assert "\n" not in str(error) and str(path) in str(error)
        return error


def _problems(result: GedcomImport) -> list[str]:
    return [str(p) for p in result.problems]


@pytest.mark.parametrize(("name", "expected"), [
    ("blank-lines.ged", ["line 15: blank line ignored", "line 17: blank line ignored", "line 20: blank line ignored"]),
    ("duplicate-xref.ged", ["line 8: @I1@ is used again (first by the INDI record on line 5); this INDI record is ignored",
                            "line 11: @I1@ is used again (first by the INDI record on line 5); this INDI record is ignored",
                            "line 16: @F1@ is used again (first by the FAM record on line 14); this FAM record is ignored"]),
    ("level-jump-skip.ged", ["line 8: level 4 follows level 1; read as level 2"]),
    ("level-jump-subordinate.ged", ["line 10: level 3 follows level 1; read as level 2"]),
    ("level-over-99.ged", ["line 17: level 100 is deeper than GEDCOM allows (99); line ignored",
                           "line 18: level 101 is deeper than GEDCOM allows (99); line ignored"]),
    ("missing-header.ged", ["line 1: the file has no HEAD record; it is read as GEDCOM 5.5.1"]),
])
def test_malformed_files_report_each_problem_with_its_line(gedcom_dir: Path, name: str, expected: list[str]) -> None:
    result = read_gedcom(gedcom_dir / "malformed" / name)
    assert _problems(result) == expected
    assert result.people >= 1


def test_the_first_of_duplicate_records_is_kept(gedcom_dir: Path) -> None:
    doc = read_gedcom(gedcom_dir / "malformed" / "duplicate-xref.ged").document
    assert [p.label for p in doc.people()] == ["First Person"]


def test_a_level_jump_keeps_the_date_under_its_event(gedcom_dir: Path) -> None:
    doc = read_gedcom(gedcom_dir / "malformed" / "level-jump-skip.ged").document
    assert str(doc.people()[0].birth) == "1900-01-01"


@pytest.mark.parametrize(("name", "line", "words"), [
    ("invalid-xref.ged", 6, "FAMC (the family of a child) points to @F999@, which is not in the file"),
    ("missing-xref.ged", 6, "FAMS (a family of a partner) points to @F999@, which is not in the file"),
    ("unterminated-xref.ged", 4, "the cross-reference '@I1' is not closed with '@'"),
    ("invalid-level.ged", 6, "level 99 follows level 1"),
])
def test_dangling_and_broken_references_are_reported(gedcom_dir: Path, name: str, line: int, words: str) -> None:
    result = read_gedcom(gedcom_dir / "malformed" / name)
    assert any(p.line == line and words in p.message for p in result.problems), _problems(result)
    assert len(result.document.people()) == 1


def test_circular_parentage_is_broken_and_reported(gedcom_dir: Path) -> None:
    result = read_gedcom(gedcom_dir / "malformed" / "circular-reference.ged")
    loops = [p for p in result.problems if "own ancestor" in p.message]
    assert loops and all(p.line > 0 for p in loops)
    doc = result.document
    for person in doc.people():  # nobody is their own ancestor any more
        seen, todo = set(), [person.id]
        while todo:
            for parent in doc.parents_of(todo.pop()):
                assert parent.id != person.id
                if parent.id not in seen:
                    seen.add(parent.id)
                    todo.append(parent.id)


def test_a_loop_through_a_family_is_cut_at_the_later_line(ged: Callable[..., Path]) -> None:
    result = read_gedcom(ged(
        "0 HEAD\n1 CHAR UTF-8\n0 @A@ INDI\n1 NAME A\n0 @B@ INDI\n1 NAME B\n0 @C@ INDI\n1 NAME C\n"
        "0 @F1@ FAM\n1 HUSB @A@\n1 CHIL @B@\n0 @F2@ FAM\n1 HUSB @B@\n1 CHIL @C@\n"
        "0 @F3@ FAM\n1 HUSB @C@\n1 CHIL @A@\n0 TRLR\n"))
    assert _problems(result) == ["line 17: the parent line from C to A is left out: it would make A their own ancestor"]
    assert len(result.document.relationships()) == 2


@pytest.mark.parametrize(("content", "why"), [
    (b"", "is empty"),
    (b"  \n\r\n", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "is not a GEDCOM file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "is not a GEDCOM file"),
    (b"<?xml version='1.0'?><database/>", "is not a GEDCOM file"),
    (b"PK\x03\x04\x14\x00\x00\x00", "is not a GEDCOM file"),
    (b"1 NAME Somebody\n0 TRLR\n", "is not a GEDCOM file"),
])
def test_files_that_are_not_gedcom_are_refused_with_one_line(ged: Callable[..., Path], content: bytes,
                                                            why: str) -> None:
    path = ged("")
    path.write_bytes(content)
    with pytest.raises(GedcomError, match=why) as error:
        read_gedcom(path)
    assert "\n" not in str(error.value) and str(path) in str(error.value)


def test_a_folder_or_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GedcomError, match="is a folder"):
        read_gedcom(tmp_path)
    with pytest.raises(GedcomError, match="cannot be read"):
        read_gedcom(tmp_path / "nowhere.ged")


def test_binary_garbage_after_a_sound_start(ged: Callable[..., Path]) -> None:
    path = ged("")
    path.write_bytes(b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Ann /Lee/\n" + bytes(range(256)) * 40)
    result = read_gedcom(path)
    assert [p.label for p in result.document.people()] == ["Ann Lee"]
    assert any("TRLR" in p.message for p in result.problems)


def test_very_deep_levels_and_a_huge_line(ged: Callable[..., Path]) -> None:
    deep = "".join(f"{level} NOTE x\n" for level in range(2, 100))  # a tree 99 levels deep
    huge = "A" * 2_000_000
    result = read_gedcom(ged(f"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME {huge} /B/\n{deep}1 SEX F\n"
                             f"0 @I2@ INDI\n1 NOTE {huge}\n" + "2 CONT more\n" * 20_000 + "0 TRLR\n"))
    first, second = result.document.people()
    assert first.given_names == huge and first.gender.value == "female"
    assert second.notes.startswith(huge) and second.notes.count("\nmore") == 20_000


def test_a_flood_of_problems_is_counted_past_ten_thousand(ged: Callable[..., Path]) -> None:
    result = read_gedcom(ged("0 HEAD\n1 CHAR UTF-8\n" + "garbage\n" * 10_005 + "0 TRLR\n"))
    assert len(result.problems) == 10_001
    assert str(result.problems[-1]) == "5 more problems not listed"


def test_records_after_the_trailer_are_ignored_and_reported(ged: Callable[..., Path]) -> None:
    result = read_gedcom(ged("0 HEAD\n1 CHAR UTF-8\n0 TRLR\n0 @I1@ INDI\n1 NAME Late\n"))
    assert result.people == 0
    assert _problems(result) == ["line 4: records after the end of the file (TRLR) ignored"]


def test_pointers_to_the_wrong_kind_of_record(ged: Callable[..., Path]) -> None:
    result = read_gedcom(ged("0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n0 @F1@ FAM\n1 HUSB @F1@\n1 WIFE @I1@\n"
                             "1 CHIL nobody\n0 TRLR\n"))
    assert _problems(result) == [
        "line 5: HUSB points to @F1@, a FAM record (line 4), which is not the right kind of record; ignored",
        "line 7: CHIL should point to a record (@…@), not 'nobody'; ignored"]


@pytest.fixture(scope="module")
def sound_file(gedcom_dir: Path) -> bytes:
    return (gedcom_dir / "real" / "kennedy.ged").read_bytes()


@pytest.mark.parametrize("seed", range(12))
def test_truncated_at_random_points(tmp_path: Path, sound_file: bytes, seed: int) -> None:
    cut = random.Random(seed).randrange(len(sound_file))
    path = tmp_path / "cut.ged"
    path.write_bytes(sound_file[:cut])
    result = _read(path)
    if isinstance(result, GedcomImport):
        assert result.people <= 70


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_random_bytes_never_crash(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("random") / "random.ged"
    path.write_bytes(data)
    _read(path)


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.tuples(st.integers(0, 120), st.sampled_from(["INDI", "FAM", "NAME", "HUSB", "WIFE", "CHIL",
                                                                       "FAMC", "BIRT", "DATE", "CONT", "CONC", "SEX",
                                                                       "_PARENT", "NOTE", "ASSO", "x y"]),
                                st.sampled_from(["", "@I1@", "@I2@", "@F1@", "@@", "1 JAN 1900", "A /B/", "M",
                                                 "BET 1 AND", "@I1@ @F1@", "\u00e9"])), max_size=40),
       header=st.booleans())
def test_random_gedcom_like_lines_never_crash(tmp_path_factory: pytest.TempPathFactory,
                                              lines: list[tuple[int, str, str]], header: bool) -> None:
    text = "".join(f"{level} {'@I1@ ' if tag == 'INDI' else ''}{tag} {value}\n" for level, tag, value in lines)
    path = tmp_path_factory.mktemp("lines") / "lines.ged"
    path.write_text(("0 HEAD\n" if header else "") + text, encoding="utf-8")
    result = _read(path)
    if isinstance(result, GedcomImport):
        assert all(p.line >= 0 for p in result.problems)
