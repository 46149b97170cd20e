"""Copy the system's Graphviz `dot` into a self-contained folder for the Linux bundle.

Layout of the folder (what ``circles_desktop.runtime.bundled_dot`` expects)::

    bin/dot
    lib/libgvc.so.6 ... every shared library dot and its plugins need, except the C library
    lib/graphviz/libgvplugin_*.so.6 and config6a (written by ``dot -c``)

Each copied file gets an RPATH relative to itself ($ORIGIN), so the folder works wherever it is
unpacked, with no LD_LIBRARY_PATH; DT_RPATH (not RUNPATH) so that it wins over the LD_LIBRARY_PATH
the PyInstaller boot loader sets for the application and its children.

Used by circles.spec on Linux; installer/README.md has the steps for Windows and macOS.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from linux_libs import LibraryError, shared_libraries

# Only what layout needs: the dot layout engine and the core renderers (json, svg, plain, dot).
# The text-layout plugins (pango, gd) would pull in 40 libraries (cairo, pango, glib, fontconfig);
# Circles measures its own labels and gives dot fixed-size nodes, so dot needs no font engine.
PLUGINS = ("core", "dot_layout")


def _copy(source: Path, target: Path, rpath: str) -> None:
    shutil.copyfile(source, target)  # follows symlinks: the soname file holds the real library
    target.chmod(0o755)
    subprocess.run(["patchelf", "--force-rpath", "--set-rpath", rpath, str(target)], check=True)


def stage(dest: Path, dot: Path = Path("/usr/bin/dot")) -> Path:
    """Fill `dest` (emptied first) with a relocatable dot; return the path of the copied dot."""
    dot = Path(shutil.which(str(dot)) or dot).resolve()
    if not dot.is_file():
        raise LibraryError(f"{dot}: no Graphviz dot here (apt-get install graphviz)")
    if shutil.which("patchelf") is None:
        raise LibraryError("patchelf is needed to make the copied dot relocatable (apt-get install patchelf)")
    libraries = shared_libraries(dot)
    gvc = [path for soname, path in libraries.items() if soname.startswith("libgvc.")]
    if not gvc:
        raise LibraryError(f"{dot}: does not load libgvc, so it is not Graphviz's dot")
    plugin_source = gvc[0].parent / "graphviz"  # Graphviz looks for its plugins next to libgvc

    if dest.exists():
        shutil.rmtree(dest)
    (dest / "bin").mkdir(parents=True)
    (dest / "lib" / "graphviz").mkdir(parents=True)
    for name in PLUGINS:
        plugin = plugin_source / f"libgvplugin_{name}.so.6"
        if not plugin.exists():
            raise LibraryError(f"{plugin}: Graphviz plugin missing")
        _copy(plugin, dest / "lib" / "graphviz" / plugin.name, "$ORIGIN/..")
        libraries.update(shared_libraries(plugin))
    for soname, path in sorted(libraries.items()):
        _copy(path, dest / "lib" / soname, "$ORIGIN")
    staged = dest / "bin" / "dot"
    _copy(dot, staged, "$ORIGIN/../lib")

    # dot -c writes config6a listing the plugins it finds next to its own libgvc: only ours.
    clean_env = {"GVBINDIR": str(dest / "lib" / "graphviz")}
    subprocess.run([str(staged), "-c"], env=clean_env, check=True)
    check = subprocess.run([str(staged), "-Tjson"], input="digraph { a -> b }", env=clean_env,
                           capture_output=True, text=True, check=False)
    if check.returncode != 0 or '"objects"' not in check.stdout:
        raise LibraryError(f"the staged dot does not lay out a graph: {check.stderr.strip()}")
    return staged
