"""The About dialog: which Circles this is, and what the installer bundles under which licence.

The installed app carries Qt (LGPL), Graphviz (EPL), fonts (OFL) and more; their licences ask that
users are told so, and a practitioner's IT department asks the same. The version comes from the
package metadata (``circles_desktop.__version__``), the one place it is kept.
"""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from .. import __version__
from ..runtime import resource_path

CIRCLES_LICENCE = "GPL-3.0-or-later"


@dataclass(frozen=True)
class Component:
    """One part of the installed app; `distribution` names the package whose version to show."""

    name: str
    role: str
    licence: str
    url: str
    distribution: str | None = None


COMPONENTS: tuple[Component, ...] = (
    Component("Python", "the programming language", "PSF-2.0", "https://docs.python.org/3/license.html"),
    Component("Qt", "windows, drawing and printing", "LGPL-3.0", "https://www.qt.io/licensing/open-source-lgpl-obligations"),
    Component("PySide6 and Shiboken6", "Qt for Python", "LGPL-3.0", "https://doc.qt.io/qtforpython-6/licenses.html",
              "PySide6-Essentials"),
    Component("Graphviz", "genogram layout (dot)", "EPL-1.0", "https://graphviz.org/license/"),
    Component("ReportLab", "PDF printouts and plans", "BSD-3-Clause", "https://www.reportlab.com/", "reportlab"),
    Component("Pillow", "images in PDFs", "MIT-CMU", "https://python-pillow.org/", "pillow"),
    Component("uharfbuzz and HarfBuzz", "text shaping in PDFs", "Apache-2.0 and MIT",
              "https://github.com/harfbuzz/uharfbuzz", "uharfbuzz"),
    Component("NetworkX", "the network of people and services", "BSD-3-Clause", "https://networkx.org/", "networkx"),
    Component("SQLAlchemy", "the case library", "MIT", "https://www.sqlalchemy.org/", "SQLAlchemy"),
    Component("Alembic", "upgrading case libraries", "MIT", "https://alembic.sqlalchemy.org/", "alembic"),
    Component("psycopg", "the team server (PostgreSQL)", "LGPL-3.0", "https://www.psycopg.org/", "psycopg"),
    Component("platformdirs", "where your library is kept", "MIT", "https://github.com/tox-dev/platformdirs",
              "platformdirs"),
    Component("Noto fonts", "names in every script", "OFL-1.1", "https://notofonts.github.io/"),
    Component("Droid Sans Fallback", "Chinese, Japanese and Korean text", "Apache-2.0",
              "https://android.googlesource.com/platform/frameworks/base/+/refs/heads/main/data/fonts/"),
)


def component_version(component: Component) -> str | None:
    """The version of a component as installed here; "" when unknown, None when it is not installed."""
    if component.name == "Python":
        return platform.python_version()
    if component.name == "Qt":
        return qVersion()
    if component.distribution is None:
        return ""
    try:
        return version(component.distribution)
    except PackageNotFoundError:
        return None


def about_html() -> str:
    """The dialog's text: the version, Circles' own licence, and a table of what is bundled."""
    installed = [(c, v) for c in COMPONENTS if (v := component_version(c)) is not None]
    rows = "".join(
        f"<tr><td><a href='{html.escape(c.url, quote=True)}'>{html.escape(c.name)}</a></td>"
        f"<td>{html.escape(v)}</td><td>{html.escape(c.role)}</td><td>{html.escape(c.licence)}</td></tr>"
        for c, v in installed
    )
    return (
        f"<h2>Circles {html.escape(__version__)}</h2>"
        "<p>Map a child's circles of support as a genogram, an ecomap and a circles-of-support diagram.</p>"
        f"<p>Circles is free software under the {CIRCLES_LICENCE} licence. Its data never leaves this "
        "computer (or your team's own server) unless you export it.</p>"
        "<h3>Inside this installation</h3>"
        "<table cellpadding='3'><tr><th align='left'>Part</th><th align='left'>Version</th>"
        f"<th align='left'>Used for</th><th align='left'>Licence</th></tr>{rows}</table>"
        "<p>Qt and PySide6 are shared libraries in the installation folder and can be replaced with "
        "other builds, as the LGPL allows. Libraries from the operating system (X11, ICU, zlib and "
        "others) keep their own free licences.</p>"
    )


class AboutDialog(QDialog):
    """Modal and read-only; links open in the web browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Circles")
        self.setAccessibleName("About Circles")
        self.resize(640, 560)

        icon = QLabel()
        icon.setPixmap(QPixmap(str(resource_path("icons", "circles.png"))).scaledToWidth(96))
        icon.setAccessibleName("Circles icon")
        text = QTextBrowser()
        text.setObjectName("about_text")
        text.setAccessibleName("Version and licences")
        text.setOpenExternalLinks(True)
        text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)


def show_about(parent: QWidget | None = None) -> None:
    """Show the About dialog and wait until it is closed (Help > About Circles)."""
    AboutDialog(parent).exec()
