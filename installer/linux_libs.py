"""Shared-library bookkeeping for the Linux bundle, with ldd: what a file loads, and which libraries
only a dropped Qt plugin needed.
"""

from __future__ import annotations

import fnmatch
import re
import subprocess
from pathlib import Path

# The C library and the loader come from the machine: bundling them breaks more than it fixes.
SYSTEM_LIBRARIES = re.compile(r"^(ld-linux.*|linux-vdso|libc|libm|libdl|libpthread|librt|libresolv)\.so")

_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(/\S+)\s+\(0x[0-9a-f]+\)$")

# (destination, source, type code): PyInstaller's entries in Analysis.binaries.
Entry = tuple[str, str, str]


class LibraryError(RuntimeError):
    """ldd could not tell what a file needs, or something it needs is missing."""


def shared_libraries(elf: Path, strict: bool = True) -> dict[str, Path]:
    """Every shared library `elf` loads, directly or not (by soname), minus the C library.

    With `strict`, a library that cannot be found is an error; otherwise it is left out.
    """
    result = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        if not strict:
            return {}
        raise LibraryError(f"ldd {elf}: {result.stderr.strip() or result.stdout.strip()}")
    found: dict[str, Path] = {}
    for line in result.stdout.splitlines():
        if strict and "not found" in line:
            raise LibraryError(f"{elf}: a library it needs is missing: {line.strip()}")
        match = _LDD_LINE.match(line)
        if match and not SYSTEM_LIBRARIES.match(match.group(1)):
            found[match.group(1)] = Path(match.group(2))
    return found


def drop_plugins(binaries: list[Entry], patterns: tuple[str, ...]) -> list[Entry]:
    """`binaries` without the entries matching `patterns`, nor the libraries only those needed.

    PyInstaller collects every Qt plugin of a kind with everything it links to; the GTK platform
    theme alone brings GTK, GDK, Pango and Cairo, which would then load the machine's GTK modules
    against the bundle's GLib.
    """
    def loads(entries: list[Entry]) -> set[str]:  # ldd lists the whole closure, by soname
        return set().union(*(shared_libraries(Path(source), strict=False) for _, source, _ in entries))

    dropped = [e for e in binaries if any(fnmatch.fnmatch(e[0], p) for p in patterns)]
    kept = [e for e in binaries if e not in dropped]
    candidates = loads(dropped)
    only_dropped = candidates - loads([e for e in kept if Path(e[0]).name not in candidates])
    return [e for e in kept if Path(e[0]).name not in only_dropped]


def without_dangling_links(datas: list[Entry], binaries: list[Entry]) -> list[Entry]:
    """`datas` without PyInstaller's top-level SYMLINK entries to libraries no longer collected."""
    present = {entry[0] for entry in binaries + datas if entry[2] != "SYMLINK"}
    return [e for e in datas if e[2] != "SYMLINK" or e[1] in present]
