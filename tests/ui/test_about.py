"""The About dialog shows the version from the package metadata and the licence of every bundled part."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser

from circles_desktop import __version__
from circles_desktop.ui.about import COMPONENTS, AboutDialog, component_version


def test_about_shows_the_version_and_the_licences(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(QTextBrowser, "about_text").toPlainText()
    assert f"Circles {__version__}" in text
    assert "GPL-3.0-or-later" in text
    for name, licence in (("Qt", "LGPL-3.0"), ("Graphviz", "EPL-1.0"), ("ReportLab", "BSD-3-Clause"),
                          ("NetworkX", "BSD-3-Clause"), ("SQLAlchemy", "MIT"), ("Noto fonts", "OFL-1.1")):
        lines = text.splitlines()  # the table reads as: part, version, used for, licence
        assert lines[lines.index(name) + 3] == licence, name


def test_parts_that_are_not_installed_are_not_listed(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(QTextBrowser, "about_text").toPlainText()
    for component in COMPONENTS:
        assert (component.name in text) == (component_version(component) is not None), component.name


def test_close_button_closes_it(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    assert not dialog.isVisible()
