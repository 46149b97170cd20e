"""Import from the window: a real GEDCOM file becomes a new case off the UI thread; a broken file
is explained and adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

GEDCOM = Path(__file__).resolve().parents[3] / "shared" / "data" / "gedcom"


@pytest.fixture
def gedcom() -> Path:
    if not GEDCOM.is_dir():
        pytest.skip(f"shared GEDCOM files not found at {GEDCOM}")
    return GEDCOM


def test_a_gedcom_file_becomes_a_case_and_opens(qtbot, window, library, gedcom) -> None:  # type: ignore[no-untyped-def]
    task = window.importer.import_file(library, gedcom / "real" / "kennedy.ged")
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)
    assert task.done
    [case] = library.list_cases()
    assert case.people > 20 and window.editor.doc.case_id == case.id
    assert "Kennedy" in " ".join(p.label for p in window.editor.doc.people())
    qtbot.waitUntil(lambda: len(window.frame.current_view().diagram_scene.nodes) > 20, timeout=30_000)


def test_a_damaged_gedcom_imports_with_its_problems_listed(qtbot, window, library, gedcom) -> None:  # type: ignore[no-untyped-def]
    window.importer.import_file(library, gedcom / "malformed" / "missing-header.ged")
    qtbot.waitUntil(lambda: window.editor is not None, timeout=30_000)
    assert "no HEAD record" in window.message_bar.text.text()
    assert [p.label for p in window.editor.doc.people()] == ["John Doe"]


def test_a_broken_file_is_explained_and_adds_nothing(qtbot, window, library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "circles-case", "version": 1, "case": {"name": "Trunc', encoding="utf-8")
    messages: list[str] = []
    window.importer.failed.connect(messages.append)
    task = window.importer.import_file(library, broken)
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    qtbot.waitUntil(lambda: bool(messages))
    assert messages[0].startswith("The import failed") and "line 1, column 59" in messages[0]
    assert window.message_bar.isVisible()
    assert library.list_cases() == []
