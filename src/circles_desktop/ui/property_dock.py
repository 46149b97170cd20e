"""The properties panel: every field of the selected person, service, household or relationship.

Forms are built from the table in :mod:`.fields`. Text is checked as it is typed (a date that is not
a date says so at once) and committed when the practitioner leaves the field or presses Enter, as
one undoable edit through the editor. The model's own checks (a death before a birth) come back as
messages under the field. Fields that can be kept from families carry a lock button, and a locked
field is tinted and says "confidential" so nobody misses it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..graph.model import (
    CaseInfo,
    Emotional,
    Household,
    Parentage,
    Partnership,
    Person,
)
from . import icons
from .edit_words import CARERS, Subject, change_label
from .editor import CaseEditor
from .fields import (
    FieldSpec,
    Kind,
    fields_for,
    format_value,
    get_value,
    is_locked,
    parse_text,
    with_lock,
    with_value,
)
from .words import choices

LOCKED_STYLE = "background-color: #fff4e5;"
ERROR_STYLE = "color: #b00020;"
DATE_PLACEHOLDERS = ("e.g. 1987-03-21 or ~1950", "e.g. 1987-03-21")  # when the whole hint does not fit
LABEL_COLUMN_LETTERS = 18  # the labels beside fields are at most this wide; longer ones wrap
class _PlainText(QPlainTextEdit):
    """A multi-line box that commits when focus leaves it; Ctrl+Enter commits too."""

    finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.finished.emit()
            return
        super().keyPressEvent(event)


class _HintedLine(QLineEdit):
    """A line whose grey hint is the longest of ``hints`` that fits its width, or none: a hint cut
    off mid-word looks broken (the whole hint stays in the tooltip)."""

    def __init__(self, hints: tuple[str, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self.hints = tuple(h for h in hints if h)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = self.contentsRect().width() - self.textMargins().left() - self.textMargins().right() - 8
        metrics = self.fontMetrics()
        self.setPlaceholderText(next((h for h in self.hints if metrics.horizontalAdvance(h) <= room), ""))


class _BoxWords(QLabel):
    """A check box's words beside it, wrapped in a narrow panel (a QCheckBox's own text never
    wraps, so a long "Keep this household out of family and child exports" widened the panel).
    A click on the words ticks the box, as a click on a check box's own text does."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.box = box
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setBuddy(box)  # its mnemonic, if any, reaches the box
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        """One line as wide as the words, or as many lines as the width it has been given needs
        (a wrapped QLabel otherwise asks for two lines however wide it is, leaving a gap)."""
        whole = self.fontMetrics().horizontalAdvance(self.text()) + 2
        width = min(self.width(), whole) if self.isVisible() else whole
        return QSize(whole, self.heightForWidth(max(width, 1)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.heightForWidth(event.size().width()) != event.size().height():
            self.updateGeometry()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled():
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
            self.box.click()
        event.accept()


class FieldEditor(QObject):
    """The widget(s) for one field: shows a value, reads it back, and reports a commit."""

    commit = Signal(object)  # the FieldSpec
    lock_toggled = Signal(object, bool)

    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        # Enum members by position: a str-valued Enum put into Qt item data comes back as a plain str.
        self._options: list[Enum | None] = []
        self._boxes: list[QCheckBox] = []  # for a set of values, one per option
        self.words: _BoxWords | None = None  # a check box's words, wrapped beside it
        self.widget = self._make(parent)
        self.widget.setObjectName(f"field.{spec.path}")
        self.widget.setAccessibleName(spec.name)
        if spec.hint:
            self.widget.setToolTip(spec.hint)
        self.lock: QToolButton | None = None
        if self.words is not None:
            self.words.setAccessibleName(spec.name)
        if spec.lockable:
            self.lock = QToolButton(parent)
            self.lock.setObjectName(f"lock.{spec.path}")
            self.lock.setCheckable(True)
            self.lock.setAutoRaise(True)
            self.lock.setIcon(icons.icon("unlocked"))
            self.lock.setAccessibleName(f"Keep {spec.name.lower()} confidential")
            self.lock.setToolTip(f"Keep {spec.name.lower()} confidential: left out of exports for the family "
                                 "and the child")
            self.lock.toggled.connect(lambda on: self.lock_toggled.emit(self.spec, on))
        self.error = QLabel(parent)
        self.error.setObjectName(f"error.{spec.path}")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self._members: list[str] = []

    # ----- making --------------------------------------------------------------------------------

    def _make(self, parent: QWidget) -> QWidget:
        spec, kind = self.spec, self.spec.kind
        if kind in (Kind.TEXT, Kind.DATE, Kind.AGE):
            edit = _HintedLine((spec.hint, *DATE_PLACEHOLDERS) if kind is Kind.DATE else (spec.hint,), parent)
            edit.editingFinished.connect(lambda: self.commit.emit(spec))
            if kind is not Kind.TEXT:
                edit.textEdited.connect(lambda _text: self.check())
            return edit
        if kind in (Kind.MULTILINE, Kind.LINES):
            text = _PlainText(parent)
            text.setPlaceholderText(spec.hint)
            text.setTabChangesFocus(True)
            text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 3 + 12)
            text.finished.connect(lambda: self.commit.emit(spec))
            return text
        if kind in (Kind.CHOICE, Kind.OPTIONAL_CHOICE):
            combo = QComboBox(parent)
            # As narrow as ten letters allow, not as wide as its longest choice: the panel is narrow.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            if kind is Kind.OPTIONAL_CHOICE:
                combo.addItem("Not placed")
                self._options.append(None)
            assert spec.enum is not None
            for text, member in choices(spec.enum):
                combo.addItem(text)
                self._options.append(member)
            combo.activated.connect(lambda _index: self.commit.emit(spec))
            return combo
        if kind is Kind.CHECK:
            box = QCheckBox(parent)
            box.clicked.connect(lambda _checked: self.commit.emit(spec))
            self.words = _BoxWords(spec.label, box, parent)
            return box
        if kind is Kind.SET:
            holder = QWidget(parent)
            grid = QGridLayout(holder)
            grid.setContentsMargins(0, 0, 0, 0)
            assert spec.enum is not None
            for index, (text, member) in enumerate(choices(spec.enum)):
                box = QCheckBox(text, holder)
                box.setObjectName(f"choice.{member.value}")
                self._options.append(member)
                self._boxes.append(box)
                box.clicked.connect(lambda _checked: self.commit.emit(spec))
                grid.addWidget(box, index // 2, index % 2)
            return holder
        if kind is Kind.MEMBERS:
            members = QListWidget(parent)
            members.setMaximumHeight(140)
            members.itemChanged.connect(lambda _item: self.commit.emit(spec))
            return members
        raise ValueError(f"no editor for {kind}")

    # ----- showing and reading ---------------------------------------------------------------------

    def show_value(self, subject: Subject, people: list[Person] | None = None) -> None:
        value = get_value(subject, self.spec.path)
        widget, kind = self.widget, self.spec.kind
        blockers = [QSignalBlocker(widget), *(QSignalBlocker(c) for c in widget.findChildren(QCheckBox))]
        if isinstance(widget, QLineEdit):
            widget.setText(format_value(self.spec, value))
            widget.setCursorPosition(0)  # show the start of a long value, not its end
        elif isinstance(widget, QPlainTextEdit):
            text = format_value(self.spec, value)
            if widget.toPlainText() != text:
                widget.setPlainText(text)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(self._options.index(value) if value in self._options else 0)
            if self.spec.path == "circle.sector":
                widget.setEnabled(getattr(subject, "circle", None) is not None)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif kind is Kind.SET:
            for box, member in zip(self._boxes, self._options):
                box.setChecked(member in value)
        elif isinstance(widget, QListWidget):
            widget.clear()
            self._members = [p.id for p in people or []]
            for person in people or []:
                item = QListWidgetItem(person.label, widget)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if person.id in value else Qt.CheckState.Unchecked)
        del blockers
        if self.lock is not None:
            locked = is_locked(subject, self.spec)
            with QSignalBlocker(self.lock):
                self.lock.setChecked(locked)
            self._show_locked(locked)
        self.show_error("")

    def read(self) -> Any:
        """The value in the widget; ValueError (with a message) when the typed text is not valid."""
        widget, kind = self.widget, self.spec.kind
        if isinstance(widget, QLineEdit):
            return parse_text(self.spec, widget.text())
        if isinstance(widget, QPlainTextEdit):
            return parse_text(self.spec, widget.toPlainText())
        if isinstance(widget, QComboBox):
            return self._options[widget.currentIndex()]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if kind is Kind.SET:
            return frozenset(member for box, member in zip(self._boxes, self._options) if box.isChecked())
        assert isinstance(widget, QListWidget)
        return frozenset(self._members[i] for i in range(widget.count())
                         if widget.item(i).checkState() == Qt.CheckState.Checked)

    def check(self) -> bool:
        """Validate as typed: show the problem now, before the practitioner leaves the field."""
        try:
            self.read()
        except ValueError as exc:
            self.show_error(str(exc))
            return False
        self.show_error("")
        return True

    def show_error(self, message: str) -> None:
        message = message[:1].upper() + message[1:]
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.error.setAccessibleName(f"Problem with {self.spec.name.lower()}: {message}" if message else "")
        self.widget.setAccessibleDescription(message)

    def _show_locked(self, locked: bool) -> None:
        self.widget.setStyleSheet(LOCKED_STYLE if locked else "")
        self.widget.setAccessibleDescription("Confidential" if locked else "")
        if self.lock is not None:
            self.lock.setIcon(icons.icon("lock" if locked else "unlocked"))
            self.lock.setText("Confidential" if locked else "")
            self.lock.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if locked
                                         else Qt.ToolButtonStyle.ToolButtonIconOnly)


class _Section(QWidget):
    """A titled group of fields that can be folded away (the identity headings start folded)."""

    def __init__(self, title: str, folded: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.header = QToolButton(self)
        self.header.setText(title)
        self.header.setCheckable(True)
        self.header.setChecked(not folded)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setAutoRaise(True)
        self.header.setStyleSheet("QToolButton { font-weight: bold; border: none; }")
        self.header.setAccessibleName(f"{title} section")
        self.body = QWidget(self)
        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(14, 0, 0, 6)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # too narrow: the label goes above
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.body)
        self.header.toggled.connect(self._on_toggled)
        self._on_toggled(not folded)

    def _on_toggled(self, open_: bool) -> None:
        self.body.setVisible(open_)
        self.header.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)


WIDE = frozenset({Kind.SET, Kind.MULTILINE, Kind.LINES, Kind.MEMBERS})
FOLDED = frozenset({"Identity (Social GGRRAAACCEEESSS)", "Circles of support"})


class Form(QWidget):
    """All fields of one kind of object, in sections."""

    def __init__(self, specs: tuple[FieldSpec, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self.editors: dict[str, FieldEditor] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        sections: dict[str, _Section] = {}
        side_labels: list[QLabel] = []
        any_locks = any(spec.lockable for spec in specs)
        gaps: list[QWidget] = []
        lock_width = 0
        for spec in specs:
            if spec.section not in sections:
                sections[spec.section] = _Section(spec.section, spec.section in FOLDED, self)
                layout.addWidget(sections[spec.section])
            form = sections[spec.section].form
            editor = FieldEditor(spec, sections[spec.section].body)
            self.editors[spec.path] = editor
            row: QWidget = editor.widget
            if editor.lock is not None or (any_locks and spec.kind not in (Kind.CHECK, Kind.SET)):
                row = QWidget(sections[spec.section].body)
                line = QHBoxLayout(row)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(editor.widget, 1)
                if editor.lock is not None:
                    line.addWidget(editor.lock, 0, Qt.AlignmentFlag.AlignTop)
                    lock_width = editor.lock.sizeHint().width()
                else:  # room where a lock would be, so every field ends at the same place
                    gaps.append(QWidget(row))
                    line.addWidget(gaps[-1])
            if spec.kind is Kind.CHECK:
                assert editor.words is not None
                pair = QHBoxLayout()
                pair.setSpacing(6)
                pair.addWidget(editor.widget, 0, Qt.AlignmentFlag.AlignTop)
                pair.addWidget(editor.words, 1)
                form.addRow(pair)
            else:
                label = QLabel(spec.label + ":", sections[spec.section].body)
                label.setBuddy(editor.widget)
                if spec.kind in WIDE:  # the label above, so a narrow panel keeps the field usable
                    form.addRow(label)
                    form.addRow(row)
                else:
                    form.addRow(label, row)
                    side_labels.append(label)
            form.addRow(editor.error)
        layout.addStretch(1)
        for gap in gaps:
            gap.setFixedSize(lock_width, 1)
        # One column of labels through every section, so the fields line up down the panel; a long
        # label ("Energy and resources flow") wraps rather than squeezing every field beside it.
        if side_labels:
            most = side_labels[0].fontMetrics().averageCharWidth() * LABEL_COLUMN_LETTERS
            column = min(max(label.sizeHint().width() for label in side_labels), most)
            for label in side_labels:
                label.setWordWrap(True)
                label.setFixedWidth(column)

    def first(self) -> FieldEditor:
        return next(iter(self.editors.values()))


class PropertyPanel(QWidget):
    """Shows the editor's selection; commits every change as an undoable edit."""

    done = Signal()  # Escape: give the keyboard back to the canvas

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("property_panel")
        self.setAccessibleName("Properties of the selection")
        self.editor: CaseEditor | None = None
        self.subject: Subject | None = None
        self.form: Form | None = None
        self._forms: dict[tuple[FieldSpec, ...], Form] = {}

        self.title = QLabel(self)
        self.title.setObjectName("property_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.badge = QLabel(self)
        self.badge.setObjectName("property_confidential")
        self.badge.setPixmap(icons.icon("lock").pixmap(16, 16))
        self.badge_text = QLabel("Confidential", self)
        self.badge_text.setStyleSheet("color: #c62828; font-weight: bold;")
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("color: #555;")
        self.message = QLabel(self)
        self.message.setObjectName("property_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.badge)
        head.addWidget(self.badge_text)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # fields wrap instead
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.holder = QWidget(self.scroll)
        self.holder_layout = QVBoxLayout(self.holder)
        self.holder_layout.setContentsMargins(0, 0, 4, 0)
        self.scroll.setWidget(self.holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)
        self.set_editor(None)

    # ----- following an editor -------------------------------------------------------------------

    def set_editor(self, editor: CaseEditor | None) -> None:
        if self.editor is not None:
            self.editor.selection_changed.disconnect(self._on_selection_changed)
            self.editor.doc.edited.disconnect(self._on_edited)
        self.editor = editor
        if editor is not None:
            editor.selection_changed.connect(self._on_selection_changed)
            editor.doc.edited.connect(self._on_edited)
        self._on_selection_changed()

    def _on_selection_changed(self) -> None:
        editor = self.editor
        if editor is None:
            self._show(None, "No case is open", "")
            return
        selection = editor.selection
        if len(selection) > 1:
            self._show(None, f"{len(selection)} selected", "Choose one to see its details.")
        elif selection:
            doc = editor.doc
            subject_id = selection[0]
            subject = doc.node(subject_id) if doc.has_node(subject_id) else doc.relationship(subject_id)
            self._show(subject, *self._describe(subject))
        else:
            self._show(editor.doc.info, "Case details", "Nothing is selected: these are the case's own details.")

    def _on_edited(self, _edit: object) -> None:
        """Undo, redo and other panels change what is shown: read it again."""
        self._on_selection_changed()

    def _describe(self, subject: Subject) -> tuple[str, str]:
        assert self.editor is not None
        doc = self.editor.doc
        if isinstance(subject, CaseInfo):
            return "Case details", ""
        if hasattr(subject, "source"):
            a, b = doc.node(subject.source).label, doc.node(subject.target).label  # type: ignore[union-attr]
            if isinstance(subject, Partnership):
                return "Partners", f"{a} and {b}"
            if isinstance(subject, Parentage):
                return "Parent and child", f"{a}, {'carer' if subject.type in CARERS else 'parent'} of {b}"
            if isinstance(subject, Emotional) and not subject.type.directed:
                return "Emotional tie", f"{a} and {b}"
            # Which way matters: a focused-on or abusive tie, and an ecomap tie's flow ("towards them").
            return ("Emotional tie" if isinstance(subject, Emotional) else "Ecomap tie"), f"{a} → {b}"
        what = {"person": "Person", "service": "Service or organisation", "household": "Household"}[subject.kind]
        return subject.label, what  # type: ignore[union-attr]

    def _show(self, subject: Subject | None, title: str, subtitle: str) -> None:
        self.subject = subject
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        confidential = bool(getattr(subject, "confidential", False))
        self.badge.setVisible(confidential)
        self.badge_text.setVisible(confidential)
        self.message.hide()
        form = self._form_for(subject) if subject is not None else None
        if form is not self.form:
            if self.form is not None:
                self.form.hide()
            self.form = form
            if form is not None:
                form.show()
                # Fields wrap rather than scroll sideways, down to the narrowest the form can be: the
                # panel may not be made narrower than that, so nothing is cut off at its right edge.
                margins = self.holder_layout.contentsMargins()
                self.scroll.setMinimumWidth(form.minimumSizeHint().width() + margins.left() + margins.right()
                                            + self.scroll.verticalScrollBar().sizeHint().width())
        if form is not None and subject is not None:
            people = self.editor.doc.people() if isinstance(subject, Household) and self.editor else None
            for field_editor in form.editors.values():
                field_editor.show_value(subject, people)

    def _form_for(self, subject: Subject) -> Form:
        specs = fields_for(subject)
        form = self._forms.get(specs)
        if form is None:
            form = Form(specs, self.holder)
            self.holder_layout.addWidget(form)
            for field_editor in form.editors.values():
                field_editor.commit.connect(self._on_commit)
                field_editor.lock_toggled.connect(self._on_lock)
                field_editor.widget.installEventFilter(self)
            self._forms[specs] = form
        return form

    # ----- committing ----------------------------------------------------------------------------

    def _on_commit(self, spec: FieldSpec) -> None:
        if self.form is None or self.subject is None or self.editor is None:
            return
        if spec not in fields_for(self.subject):
            # A field of the form shown before (say, a person's, when undo has just removed them)
            # finishing as it is hidden: it belongs to a subject that is no longer shown.
            return
        field_editor = self.form.editors[spec.path]
        try:
            value = field_editor.read()
        except ValueError as exc:
            field_editor.show_error(str(exc))
            return
        if value == get_value(self.subject, spec.path):
            field_editor.show_error("")
            return
        changed = with_value(self.subject, spec.path, value)
        self._push(changed, change_label(self.editor.doc, self.subject, spec, value), field_editor.show_error)

    def _on_lock(self, spec: FieldSpec, locked: bool) -> None:
        if self.subject is None:
            return
        name = getattr(self.subject, "label", "")
        verb = "Keep" if locked else "Stop keeping"
        self._push(with_lock(self.subject, spec, locked), f"{verb} {name}'s {spec.name.lower()} confidential",
                   self._show_message)

    def _push(self, changed: Subject, label: str, report: Callable[[str], None]) -> None:
        assert self.editor is not None
        doc = self.editor.doc
        if isinstance(changed, CaseInfo):
            ok = self.editor.update_case(changed, label, report)
        elif doc.has_node(changed.id):
            ok = self.editor.update_node(changed, label, report)  # type: ignore[arg-type]
        else:
            ok = self.editor.update_relationship(changed, label, report)  # type: ignore[arg-type]
        if not ok:
            self._redraw_failed_field()

    def _redraw_failed_field(self) -> None:
        """Keep what was typed (so it can be corrected) but show the lock state as it really is."""
        if self.form is None or self.subject is None:
            return
        for field_editor in self.form.editors.values():
            if field_editor.lock is not None:
                with QSignalBlocker(field_editor.lock):
                    field_editor.lock.setChecked(is_locked(self.subject, field_editor.spec))

    def _show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    # ----- keyboard ----------------------------------------------------------------------------------

    def focus_first_field(self) -> None:
        if self.form is not None:
            widget = self.form.first().widget
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.done.emit()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(watched, (QLineEdit, QComboBox,
                                                                                              QCheckBox)):
                if isinstance(watched, QLineEdit):
                    watched.editingFinished.emit()
                self.done.emit()
                return True
        return False

