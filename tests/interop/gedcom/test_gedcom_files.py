"""Every shared GEDCOM file imports (with the README's counts for the real ones) or is refused cleanly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from shared_data import GEDCOM_DIR

from circles_desktop.graph.edits import Change
from circles_desktop.graph.validation import Severity, check_changes
from circles_desktop.interop.gedcom import GedcomError, GedcomImport, read_gedcom

# From ../shared/data/gedcom/README.md: people / families.
REAL_COUNTS = {
    "royal92.ged": (3010, 1422),
    "Queen.ged": (4683, 2863),
    "EnglishTudorRoyalFamily.ged": (347, 200),
    "washington.ged": (529, 114),
    "US-Presidents-Trees-I.ged": (2145, 1042),
    "bullinger.ged": (948, 343),
    "british-royalty.ged": (188, 87),
    "kennedy.ged": (70, 19),
    "gramps-sample.ged": (42, 15),
}
# doc.check() searches ancestors once per parent line, so it takes seconds on these.
SLOW_TO_CHECK = {"royal92.ged", "Queen.ged", "US-Presidents-Trees-I.ged"}
SHARED = GEDCOM_DIR


def _every_file() -> list[Path]:
    return sorted(SHARED.glob("**/*.ged"))


def _errors(result: GedcomImport) -> list[str]:
    doc = result.document
    changes = [Change(None, x) for x in (*doc.nodes(), *doc.relationships())]
    return [p.message for p in check_changes(doc, changes) if p.severity is Severity.ERROR]


@pytest.mark.parametrize("path", _every_file(), ids=lambda p: str(p.relative_to(SHARED)))
def test_every_shared_file_imports_or_is_refused_cleanly(path: Path) -> None:
    try:
        result = read_gedcom(path)
    except GedcomError as error:
        assert "\n" not in str(error) and str(path) in str(error)
        return
    assert result.document.sink is None  # detached: the caller stores it in one transaction
    assert _errors(result) == []  # what validation would refuse was left out, so it can be stored
    for problem in result.problems:
        assert "\n" not in str(problem) and problem.line >= 0


@pytest.mark.parametrize("name", sorted(REAL_COUNTS))
def test_real_files_import_with_the_readme_counts(gedcom_dir: Path, name: str) -> None:
    result = read_gedcom(gedcom_dir / "real" / name)
    assert (result.people, result.families) == REAL_COUNTS[name]
    assert len(result.document.people()) == REAL_COUNTS[name][0]
    assert result.document.info.name == Path(name).stem


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.slow) if n in SLOW_TO_CHECK else n
                                  for n in sorted(REAL_COUNTS)])
def test_real_files_pass_the_whole_case_check(gedcom_dir: Path, name: str) -> None:
    doc = read_gedcom(gedcom_dir / "real" / name).document
    assert [p.message for p in doc.check() if p.severity is Severity.ERROR] == []


def test_royal92_has_its_families(gedcom_dir: Path) -> None:
    doc = read_gedcom(gedcom_dir / "real" / "royal92.ged").document
    victoria = next(p for p in doc.people() if (p.given_names, p.family_name) == ("Victoria", "Hanover"))
    albert = next(p for p in doc.people() if p.given_names == "Albert Augustus Charles")
    children = {c.given_names for c in doc.children_of(victoria.id)}
    assert {"Victoria Adelaide Mary", "Alfred Ernest Albert", "Beatrice Mary Victoria"} <= children
    assert children == {c.given_names for c in doc.children_of(albert.id)}
    assert [{r.source, r.target} for r in doc.partnerships_of(victoria.id)] == [{victoria.id, albert.id}]


def test_a_name_given_on_the_command_line_wins(gedcom_dir: Path) -> None:
    assert read_gedcom(gedcom_dir / "real" / "kennedy.ged", name="Kennedy study").document.info.name == "Kennedy study"


def test_the_shared_files_are_there_in_ci() -> None:
    """The parametrised test above silently has no cases without the files; in CI that must fail."""
    if not os.environ.get("CI"):
        pytest.skip("only enforced in CI")
    assert len(_every_file()) > 50, f"shared GEDCOM files missing under {SHARED}"
