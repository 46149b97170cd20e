"""The Graphviz the Linux bundle carries: staged from the system's dot, relocatable, self-contained,
and drawing the demo genograms exactly as the system's dot does. Real dot, real ldd, real patchelf.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

INSTALLER = Path(__file__).resolve().parents[2] / "installer"
sys.path.insert(0, str(INSTALLER))

import linux_libs  # noqa: E402  (installer/linux_libs.py)
import stage_graphviz  # noqa: E402

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not all(shutil.which(p) for p in ("dot", "patchelf", "ldd")),
    reason="needs Linux with Graphviz dot, patchelf and ldd (apt-get install graphviz patchelf)",
)

SYSTEM_DOT = Path(shutil.which("dot") or "dot")  # not resolved: Graphviz picks its engine by its name


@pytest.fixture(scope="module")
def staged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A staged Graphviz folder, moved after staging: it must not remember where it was made."""
    first = tmp_path_factory.mktemp("stage") / "graphviz"
    stage_graphviz.stage(first)
    moved = tmp_path_factory.mktemp("moved") / "graphviz"
    shutil.move(first, moved)
    return moved


def test_the_staged_dot_runs_with_an_empty_environment(staged: Path) -> None:
    done = subprocess.run([str(staged / "bin" / "dot"), "-Tjson"], input="digraph { a -> b }",
                          capture_output=True, text=True, env={}, check=True)
    assert {o["name"] for o in json.loads(done.stdout)["objects"]} == {"a", "b"}


def test_the_staged_dot_loads_only_its_own_plugins_and_libraries(staged: Path) -> None:
    dot = staged / "bin" / "dot"
    report = subprocess.run([str(dot), "-v"], input="", capture_output=True, text=True, env={}).stderr
    assert f"{staged}/lib/graphviz/config6a" in report and "was successfully loaded" in report
    for soname, path in linux_libs.shared_libraries(dot).items():
        if soname.startswith(("libgvc", "libcgraph", "libcdt", "libpathplan")):
            assert path.resolve().parent == staged / "lib", f"{soname} comes from {path}"
    assert sorted(p.name for p in (staged / "lib" / "graphviz").glob("libgvplugin_*")) == [
        f"libgvplugin_{name}.so.6" for name in sorted(stage_graphviz.PLUGINS)
    ]


def test_the_staged_dot_wins_over_an_inherited_library_path(staged: Path, tmp_path: Path) -> None:
    """The PyInstaller boot loader sets LD_LIBRARY_PATH for the app's children: DT_RPATH beats it."""
    decoy = tmp_path / "libgvc.so.6"
    decoy.write_bytes(b"not a library")
    done = subprocess.run([str(staged / "bin" / "dot"), "-Tjson"], input="digraph { a -> b }",
                          capture_output=True, text=True, env={"LD_LIBRARY_PATH": str(tmp_path)})
    assert done.returncode == 0, done.stderr


def test_the_demo_genograms_lay_out_as_with_the_system_dot(staged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundle leaves out dot's font plugins: the layout must not notice."""
    from circles_desktop.demo_cases import demo_cases
    from circles_desktop.layout import graphviz
    from circles_desktop.layout.genogram import genogram_layout

    def layouts(dot: Path) -> list[object]:
        monkeypatch.setenv(graphviz.DOT_ENV, str(dot))
        graphviz.clear_cache()
        return [genogram_layout(doc) for doc in demo_cases()]

    assert layouts(staged / "bin" / "dot") == layouts(SYSTEM_DOT)


def test_staging_refuses_a_program_that_is_not_graphviz(tmp_path: Path) -> None:
    with pytest.raises(linux_libs.LibraryError, match="not Graphviz's dot"):
        stage_graphviz.stage(tmp_path / "graphviz", Path("/bin/true"))
    with pytest.raises(linux_libs.LibraryError, match="no Graphviz dot here"):
        stage_graphviz.stage(tmp_path / "graphviz", tmp_path / "missing-dot")


def test_dropping_a_plugin_drops_the_libraries_only_it_needed() -> None:
    """The pango plugin alone needs Cairo and Pango; dot itself needs libgvc, which stays."""
    plugins = Path(linux_libs.shared_libraries(SYSTEM_DOT)["libgvc.so.6"]).parent / "graphviz"
    pango = plugins / "libgvplugin_pango.so.6"
    if not pango.exists():
        pytest.skip(f"{pango} is not installed")
    needs = linux_libs.shared_libraries(pango)
    binaries = [("bin/dot", str(SYSTEM_DOT), "BINARY"), ("plugins/pango.so", str(pango), "BINARY")]
    binaries += [(name, str(needs[name]), "BINARY") for name in ("libcairo.so.2", "libgvc.so.6")]
    kept = linux_libs.drop_plugins(binaries, ("plugins/*",))
    assert [entry[0] for entry in kept] == ["bin/dot", "libgvc.so.6"]


def test_links_to_dropped_libraries_go_too() -> None:
    binaries = [("lib/libkept.so.1", "/x/libkept.so.1", "BINARY")]
    datas = [("libkept.so.1", "lib/libkept.so.1", "SYMLINK"), ("libgone.so.1", "lib/libgone.so.1", "SYMLINK"),
             ("resources/a.txt", "/x/a.txt", "DATA")]
    assert linux_libs.without_dangling_links(datas, binaries) == [datas[0], datas[2]]


def test_ldd_failures_are_reported_with_the_file(tmp_path: Path) -> None:
    not_elf = tmp_path / "notes.txt"
    not_elf.write_text("hello")
    with pytest.raises(linux_libs.LibraryError, match="notes.txt"):
        linux_libs.shared_libraries(not_elf)
    assert linux_libs.shared_libraries(not_elf, strict=False) == {}
