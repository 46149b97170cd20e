"""The `circles` command: the GUI's jobs, headless, for batch printing, scripts and tests.

Exit status: 0 done; 2 bad input (one line on stderr naming what and where, no traceback);
1 anything unexpected (one line, and the traceback when CIRCLES_DEBUG=1).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .case_import import CASE_FORMATS, read_case

if TYPE_CHECKING:
    from .graph.document import CaseDocument
    from .store.library import Library

VIEWS = ("genogram", "ecomap", "circles")
AUDIENCES = ("case-file", "professional", "family", "child")
PLAN_AUDIENCES = ("professional", "family", "child")
DRAWING_FORMATS = (".pdf", ".svg", ".png")

# Errors that mean "the input is wrong", wherever they are raised: (module, class name).
_INPUT_ERRORS = (
    ("circles_desktop.case_import", "UnknownFormat"),
    ("circles_desktop.graph.validation", "ValidationError"),
    ("circles_desktop.graph.codec", "CodecError"),
    ("circles_desktop.interop.errors", "ImportFailed"),
    ("circles_desktop.interop.gedcom", "GedcomError"),
    ("circles_desktop.store.library", "StoreError"),
    ("circles_desktop.store.library", "CaseNotFound"),
    ("circles_desktop.layout.graphviz", "GraphvizError"),
    ("circles_desktop.reports.printout", "PrintoutError"),
    ("circles_desktop.reports.plan_pdf", "PlanError"),
    ("circles_desktop.reports.words", "TranslationError"),
)


class UsageError(Exception):
    """A command line that names something that is not there or not possible."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line on stderr (exit 2), not a usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _is_input_error(exc: BaseException) -> bool:
    if isinstance(exc, (UsageError, FileNotFoundError, IsADirectoryError, PermissionError)):
        return True
    for module_name, class_name in _INPUT_ERRORS:
        module = sys.modules.get(module_name)  # an error class can only be raised if its module is loaded
        cls = getattr(module, class_name, None) if module else None
        if cls is not None and isinstance(exc, cls):
            return True
    return False


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if isinstance(exc, OSError) and exc.filename:
        text = f"{exc.filename}: {exc.strerror or text}"
    return text or type(exc).__name__


# ----- commands ------------------------------------------------------------------------------------


def _open_library(args: argparse.Namespace) -> Library:
    from .store.library import Library

    return Library.open(args.db)


def cmd_cases(args: argparse.Namespace) -> None:
    library = _open_library(args)
    cases = library.list_cases()
    if not cases and library.restricted:
        print(f"No cases: you ({library.user}) see only the cases of your teams, and they have none yet.")
    elif not cases:
        print("No cases yet. `circles demo` adds the demo cases.")
    for case in cases:
        ref = f"  [{case.reference}]" if case.reference else ""
        print(f"{case.id}\t{case.name}{ref}\t{case.people} people")


def cmd_demo(args: argparse.Namespace) -> None:
    from .demo_cases import demo_cases

    out = Path(args.export) if args.export else None
    if out is not None:
        if out.exists() and not out.is_dir():
            raise UsageError(f"{out}: not a folder (--export names the folder the PDFs are written to)")
        out.mkdir(parents=True, exist_ok=True)
    library = _open_library(args)
    existing = {case.name: case.id for case in library.list_cases()}
    for doc in demo_cases():
        case_id = existing.get(doc.info.name) or library.add_document(doc)
        print(f"{case_id}\t{doc.info.name}")
        if out is not None:
            for path in _export_demo(library.open_case(case_id), out):
                print(f"  wrote {path}")


def _export_demo(doc: CaseDocument, out: Path) -> Iterator[Path]:
    """A demo case's printouts: every view for the case file, and each audience's plan if it has a meeting.

    Yields each file once it is written, so the command can say so as it goes.
    """
    from .reports.plan_pdf import PlanError, write_plan

    doc.sink = None  # printing never changes the case
    stem = "".join(c if c.isalnum() else "-" for c in doc.info.name.lower()).strip("-")
    for view in VIEWS:
        path = out / f"{stem}-{view}.pdf"
        _export_drawing(doc, path, view, "a4")
        yield path
    if not doc.info.meetings:
        return
    for audience in PLAN_AUDIENCES:
        path = out / f"{stem}-plan-{audience}.pdf"
        try:
            write_plan(doc, path, audience)
        except PlanError as exc:  # e.g. no child at the centre for the child's copy: say so, print the rest
            print(f"  skipped {path.name}: {_one_line(exc)}")
            continue
        yield path


def cmd_import(args: argparse.Namespace) -> None:
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    doc, problems = read_case(path, args.name)
    library = _open_library(args)
    case_id = library.add_document(doc)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    print(case_id)


def cmd_show(args: argparse.Namespace) -> None:
    from .graph.summary import summarise

    library = _open_library(args)
    print(summarise(library.open_case(library.find_case(args.case).id)))


def cmd_export(args: argparse.Namespace) -> None:
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in CASE_FORMATS + DRAWING_FORMATS:
        raise UsageError(f"{out}: cannot export to {suffix or 'a file without an extension'} "
                         f"(use one of {', '.join(CASE_FORMATS + DRAWING_FORMATS)})")
    if not out.parent.is_dir():
        raise UsageError(f"{out.parent}: no such folder")
    library = _open_library(args)
    doc = library.open_case(library.find_case(args.case).id)
    doc.sink = None  # exporting never changes the case
    writers: dict[str, Callable[[CaseDocument, Path], None]] = {
        ".json": _lazy("circles_desktop.interop.casejson", "write_case_json"),
        ".graphml": _lazy("circles_desktop.interop.graphml", "write_case_graphml"),
        ".circles": _lazy("circles_desktop.store.casefile", "write_case_file"),
        ".ged": _lazy("circles_desktop.interop.gedcom", "write_gedcom"),
    }
    if suffix in writers:
        writers[suffix](doc, out)
    else:
        _export_drawing(doc, out, args.view, args.paper, args.audience)
    print(out)


def _lazy(module: str, name: str) -> Callable[[CaseDocument, Path], None]:
    def call(doc: CaseDocument, path: Path) -> None:
        getattr(importlib.import_module(module), name)(doc, path)

    return call


def _export_drawing(doc: CaseDocument, out: Path, view: str, paper: str, audience: str = "case-file") -> None:
    """Draw one view for one audience: what the audience may not see is left out of the drawing."""
    from .graph.redaction import redaction_for
    from .reports import figures

    diagram = figures.diagram(doc, view, redaction_for(doc, audience), paper)
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        from .reports.printout import write_printout

        what = "circles of support" if view == "circles" else view
        write_printout(doc, diagram, out, paper=paper, audience=audience, title=what)
    elif suffix == ".svg":
        from .layout.svg import write_svg

        write_svg(diagram, out)
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from .ui.raster import write_png

        write_png(diagram, out)


def cmd_plan(args: argparse.Namespace) -> None:
    from .reports.plan_pdf import write_plan

    out = Path(args.output)
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"{out}: a plan is written as .pdf")
    if not out.parent.is_dir():
        raise UsageError(f"{out.parent}: no such folder")
    library = _open_library(args)
    doc = library.open_case(library.find_case(args.case).id)
    doc.sink = None  # printing never changes the case
    write_plan(doc, out, args.audience)
    print(out)


def cmd_audit(args: argparse.Namespace) -> None:
    from .store.audit import find_person, write_audit

    if args.case is None and args.by is None:
        raise UsageError("name a CASE, or a practitioner with --by, or both")
    if args.output and Path(args.output).suffix.lower() not in (".csv", ".json"):
        raise UsageError(f"{args.output}: the audit trail is written as .csv or .json")
    if args.output and not Path(args.output).parent.is_dir():
        raise UsageError(f"{Path(args.output).parent}: no such folder")
    if args.person and args.case is None:
        raise UsageError("--person needs the CASE the person is in")
    library = _open_library(args)
    case_id = library.find_audited_case(args.case) if args.case is not None else None
    entries = library.audit(case_id, by=args.by)
    if args.person:
        try:
            node_id = find_person(entries, args.person)
        except ValueError as exc:
            raise UsageError(f"case {case_id}: {exc}") from None
        entries = [entry.about(node_id) for entry in entries if entry.touches(node_id)]
    if args.output:
        about = {key: value for key, value in (("case_id", case_id), ("by", args.by), ("person", args.person)) if value}
        write_audit(entries, Path(args.output), about)
        print(args.output)
        return
    for entry in entries:
        undone = "  (undo)" if entry.undo else ""
        print(f"{entry.case_id}#{entry.seq}\t{entry.at:%Y-%m-%d %H:%M:%S} UTC\t{entry.by}\t{entry.label}{undone}")
        for change in entry.changes:
            print(f"\t{change.describe()}")


def cmd_team(args: argparse.Namespace) -> None:
    library = _open_library(args)
    if args.action == "members":
        for member in library.members(args.team):
            print(f"{member.team}\t{member.role}\tadded by {member.added_by} on {member.added_at:%Y-%m-%d}")
        return
    if args.role is None or args.team is None:
        raise UsageError(f"team {args.action} needs a TEAM and a ROLE")
    if args.action == "add-member":
        done = library.add_member(args.team, args.role)
        print(f"{args.role} {'is now' if done else 'was already'} a member of {args.team}")
    else:
        done = library.remove_member(args.team, args.role)
        print(f"{args.role} {'is no longer' if done else 'was not'} a member of {args.team}")


# ----- the parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="circles", description="Map a child's circles of support.")
    parser.add_argument("--version", action="version", version=f"circles {__version__}")
    parser.add_argument("--db", metavar="URL", default=os.environ.get("CIRCLES_DB"),
                        help="database URL (default: CIRCLES_DB, else the library in your data folder)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("cases", help="list cases: id, name, number of people").set_defaults(run=cmd_cases)

    demo = sub.add_parser("demo", help="add the demo cases (idempotent) and print their ids")
    demo.add_argument("--export", metavar="DIR",
                      help="also write each demo case's printouts (genogram, ecomap, circles) and meeting plans to DIR")
    demo.set_defaults(run=cmd_demo)

    imp = sub.add_parser("import", help="a .ged, .json, .graphml or .circles file becomes a new case")
    imp.add_argument("file")
    imp.add_argument("--name", help="name the new case")
    imp.set_defaults(run=cmd_import)

    show = sub.add_parser("show", help="a text summary of a case's network")
    show.add_argument("case", help="case id, or a name that matches one case")
    show.set_defaults(run=cmd_show)

    export = sub.add_parser("export", help="write a case or one of its views to a file, by extension")
    export.add_argument("case", help="case id, or a name that matches one case")
    export.add_argument("-o", "--output", required=True, metavar="FILE",
                        help=f"one of {' '.join(CASE_FORMATS + DRAWING_FORMATS)}")
    export.add_argument("--view", choices=VIEWS, default="genogram")
    export.add_argument("--audience", choices=AUDIENCES, default="case-file")
    export.add_argument("--paper", choices=("a4", "a3"), default="a4")
    export.set_defaults(run=cmd_export)

    plan = sub.add_parser("plan", help="print the latest family network meeting plan as a PDF")
    plan.add_argument("case", help="case id, or a name that matches one case")
    plan.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    plan.add_argument("--audience", choices=PLAN_AUDIENCES, default="professional")
    plan.set_defaults(run=cmd_plan)

    audit = sub.add_parser("audit", help="who changed what and when: a case's audit trail, or a practitioner's")
    audit.add_argument("case", nargs="?", help="case id or name (also the id of a deleted case)")
    audit.add_argument("--person", help="only what concerns this person or service (id or name)")
    audit.add_argument("--by", metavar="WHO", help="only the edits of this practitioner (database role or user)")
    audit.add_argument("-o", "--output", metavar="FILE", help="write it to FILE.csv or FILE.json")
    audit.set_defaults(run=cmd_audit)

    team = sub.add_parser("team", help="team server: who may open which cases (administrator)")
    team.add_argument("action", choices=("add-member", "remove-member", "members"))
    team.add_argument("team", nargs="?", help="the team, as cases name it")
    team.add_argument("role", nargs="?", help="the practitioner's database role (login)")
    team.set_defaults(run=cmd_team)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        args.run(args)
    except KeyboardInterrupt:
        print("circles: interrupted", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `circles show X | head` closed the pipe: not an error worth a word
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the one place that turns errors into exit statuses
        if _is_input_error(exc):
            print(f"circles: {_one_line(exc)}", file=sys.stderr)
            return 2
        print(f"circles: unexpected error: {type(exc).__name__}: {_one_line(exc)}", file=sys.stderr)
        if os.environ.get("CIRCLES_DEBUG") == "1":
            traceback.print_exc()
        else:
            print("circles: run again with CIRCLES_DEBUG=1 to see the details", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
