"""`circles demo --export DIR`: the headless run writes every demo case's printouts and plans."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from circles_desktop.cli import main
from circles_desktop.demo_cases import demo_cases

VIEWS = ("genogram", "ecomap", "circles")
PLANS = ("professional", "family", "child")


def _stem(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")


def _text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "") for page in PdfReader(str(path)).pages).split())


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """One real run into a fresh library: the folder, what the command printed, and the library URL."""
    import contextlib
    import io

    root = tmp_path_factory.mktemp("demo")
    db = f"sqlite:///{root / 'lib.db'}"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["--db", db, "demo", "--export", str(root / "out")]) == 0
    return root / "out", printed.getvalue(), db


@pytest.mark.slow
def test_every_demo_case_gets_each_view_and_each_meeting_gets_its_plans(exported: tuple[Path, str, str]) -> None:
    out, printed, _ = exported
    expected = []
    for doc in demo_cases():
        stem = _stem(doc.info.name)
        expected += [out / f"{stem}-{view}.pdf" for view in VIEWS]
        if doc.info.meetings:
            expected += [out / f"{stem}-plan-{audience}.pdf" for audience in PLANS]
    assert any(doc.info.meetings for doc in demo_cases()), "a demo case with a meeting, so plans are written"
    assert sorted(out.iterdir()) == sorted(expected), "exactly the promised files, and no half-written one"
    for doc in demo_cases():
        for path in out.glob(f"{_stem(doc.info.name)}-*.pdf"):
            assert doc.info.name in _text(path), f"{path.name} does not name its case"
    wrote = [line.split("wrote ", 1)[1] for line in printed.splitlines() if line.strip().startswith("wrote ")]
    assert sorted(map(Path, wrote)) == sorted(expected), "one line per file written"


@pytest.mark.slow
def test_running_the_demo_again_adds_no_case_and_rewrites_the_same_files(exported: tuple[Path, str, str],
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out, first, db = exported
    before = sorted(out.iterdir())
    assert main(["--db", db, "demo", "--export", str(out)]) == 0
    again = capsys.readouterr().out
    ids = [line.split("\t")[0] for line in first.splitlines() if "\t" in line]
    assert [line.split("\t")[0] for line in again.splitlines() if "\t" in line] == ids
    assert sorted(out.iterdir()) == before


def test_an_export_folder_that_is_a_file_is_refused_in_one_line(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    assert main(["--db", f"sqlite:///{tmp_path / 'lib.db'}", "demo", "--export", str(blocker)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("circles: ") and "\n" not in err and "out" in err
