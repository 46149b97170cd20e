"""Running Graphviz: found or clearly missing, bounded in time, its answer read, its layouts cached."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from circles_desktop.layout import graphviz
from circles_desktop.layout.genogram import genogram_dot, genogram_layout
from circles_desktop.layout.graphviz import (
    GraphvizError,
    GraphvizNotFound,
    GraphvizTimeout,
    clear_cache,
    find_dot,
    layout_dot,
    parse_layout,
    run_dot,
)
from circles_desktop.layout.sample_families import SAMPLES, random_tree

SIMPLE = "digraph { a -> b; }"


def test_dot_on_path_is_found_and_answers() -> None:
    assert find_dot().name.startswith("dot")
    result = parse_layout(run_dot(SIMPLE))
    assert set(result.positions) == {"a", "b"}
    (ax, ay), (bx, by) = result.positions["a"], result.positions["b"]
    assert ay < by  # y grows downwards: a is drawn above b
    assert 0 <= ax <= result.bounds.width and 0 <= by <= result.bounds.height


def test_no_graphviz_on_path_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory
    monkeypatch.delenv(graphviz.DOT_ENV, raising=False)
    clear_cache()
    with pytest.raises(GraphvizNotFound, match="install Graphviz") as caught:
        genogram_layout(SAMPLES["blended"]())
    assert "\n" not in str(caught.value)  # one line for the command line


def test_circles_dot_pointing_nowhere_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(graphviz.DOT_ENV, str(tmp_path / "no-such-dot"))
    with pytest.raises(GraphvizNotFound, match="CIRCLES_DOT"):
        find_dot()


def test_circles_dot_wins_over_path(monkeypatch: pytest.MonkeyPatch) -> None:
    real = find_dot()
    monkeypatch.setenv(graphviz.DOT_ENV, str(real))
    monkeypatch.setenv("PATH", os.devnull)
    assert find_dot() == real
    assert parse_layout(run_dot(SIMPLE)).positions


def test_a_layout_over_the_time_limit_is_stopped() -> None:
    text = genogram_dot(random_tree(1500, seed=4))
    with pytest.raises(GraphvizTimeout, match="focus"):
        run_dot(text, timeout=0.001)


def test_broken_dot_source_is_a_clear_error() -> None:
    with pytest.raises(GraphvizError, match="Graphviz failed.*syntax"):
        run_dot("digraph { a -> ; }")


@pytest.mark.parametrize("answer", [{}, {"bb": "nonsense"}, {"bb": "0,0,10,10", "objects": [{"name": "a", "pos": "x"}]}])
def test_unexpected_json_is_a_clear_error(answer: dict) -> None:
    with pytest.raises(GraphvizError, match="JSON"):
        parse_layout(answer)


def test_layouts_are_cached_by_dot_text() -> None:
    clear_cache()
    first = layout_dot(SIMPLE)
    assert layout_dot(SIMPLE) is first
    assert layout_dot(SIMPLE + "\n") is not first
    clear_cache()
    assert layout_dot(SIMPLE) is not first
    with pytest.raises(TypeError):
        first.positions["a"] = (0.0, 0.0)  # type: ignore[index]  # shared, so read-only


def test_the_cache_keeps_only_the_latest_layouts() -> None:
    clear_cache()
    first = layout_dot("digraph { x0; }")
    for i in range(1, graphviz.CACHE_SIZE + 1):
        layout_dot(f"digraph {{ x{i}; }}")
    assert layout_dot("digraph { x0; }") is not first
