"""SVG back end for diagrams: hand-written SVG 1.1, text kept as real text.

No SVG library is needed for five element types, and writing them directly keeps every attribute
under control: every piece of user text is XML-escaped, every number is formatted plainly, and the
items' node and relationship ids go into ``data-`` attributes so a browser or a script can tell what
each mark draws. Geometry comes from strokes.py, so the SVG matches the PDF and the screen.
"""

from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .diagram import Align, AnyItem, Diagram
from .strokes import EllipseOp, Op, PathOp, Pen, RectOp, TextOp, diagram_ops
from .style import COLOURS, FONTS

_ANCHOR = {Align.START: "start", Align.MIDDLE: "middle", Align.END: "end"}


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _pen(pen: Pen | None) -> str:
    if pen is None:
        return ' stroke="none"'
    attrs = f' stroke="{pen.colour}" stroke-width="{_n(pen.width)}" stroke-linejoin="miter"'
    attrs += ' stroke-linecap="round"' if pen.round_cap else ' stroke-linecap="butt"'
    if pen.dash:
        attrs += f' stroke-dasharray="{" ".join(_n(v) for v in pen.dash)}"'
    return attrs


def _fill(fill: str | None) -> str:
    return f' fill="{fill}"' if fill else ' fill="none"'


def _element(op: Op) -> str:
    if isinstance(op, PathOp):
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in op.points)
        tag = "polygon" if op.closed else "polyline"
        return f'<{tag} points="{points}"{_pen(op.pen)}{_fill(op.fill if op.closed else None)}/>'
    if isinstance(op, EllipseOp):
        (cx, cy) = op.centre
        return (f'<ellipse cx="{_n(cx)}" cy="{_n(cy)}" rx="{_n(op.rx)}" ry="{_n(op.ry)}"'
                f'{_pen(op.pen)}{_fill(op.fill)}/>')
    if isinstance(op, RectOp):
        r = op.rect
        rounded = f' rx="{_n(op.radius)}"' if op.radius else ""
        return (f'<rect x="{_n(r.x0)}" y="{_n(r.y0)}" width="{_n(r.width)}" height="{_n(r.height)}"{rounded}'
                f'{_pen(op.pen)}{_fill(op.fill)}/>')
    assert isinstance(op, TextOp)
    halo = (f' stroke="{COLOURS.paper}" stroke-width="2.6" stroke-linejoin="round" paint-order="stroke"'
            if op.halo else "")
    weight = ' font-weight="bold"' if op.bold else ""
    return (f'<text x="{_n(op.at[0])}" y="{_n(op.at[1])}" font-size="{_n(op.size)}"{weight} '
            f'text-anchor="{_ANCHOR[op.align]}" fill="{op.colour}"{halo}>{escape(op.text)}</text>')


def _group(item: AnyItem, ops: list[Op]) -> str:
    attrs = ""
    if item.part:
        attrs += f" class={quoteattr(item.part)}"
    if item.node_id:
        attrs += f" data-node={quoteattr(item.node_id)}"
    if item.rel_id:
        attrs += f" data-relationship={quoteattr(item.rel_id)}"
    body = "".join(_element(op) for op in ops)
    return f"<g{attrs}>{body}</g>" if attrs else body


def svg_text(diagram: Diagram) -> str:
    """The diagram (with its legend placed) as an SVG document; sizes are in points."""
    diagram = diagram.with_legend_placed()
    b = diagram.bounds
    families = ", ".join(f if f == "sans-serif" else f"'{f}'" for f in (FONTS.family, *FONTS.fallback))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{_n(b.width)}pt" height="{_n(b.height)}pt" '
        f'viewBox="{_n(b.x0)} {_n(b.y0)} {_n(b.width)} {_n(b.height)}">',
    ]
    if diagram.title:
        lines.append(f"<title>{escape(diagram.title)}</title>")
    lines.append(f'<rect x="{_n(b.x0)}" y="{_n(b.y0)}" width="{_n(b.width)}" height="{_n(b.height)}" '
                 f'fill="{COLOURS.paper}"/>')
    lines.append(f'<g font-family="{escape(families)}">')
    lines += [_group(item, ops) for item, ops in diagram_ops(diagram) if ops]
    lines += ["</g>", "</svg>"]
    return "\n".join(lines) + "\n"


def write_svg(diagram: Diagram, path: str | os.PathLike[str]) -> None:
    """Write the diagram as an SVG file, whole or not at all."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.part")
    try:
        temporary.write_text(svg_text(diagram), encoding="utf-8")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
