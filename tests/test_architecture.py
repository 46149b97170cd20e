"""The layers of DESIGN.md, enforced: the domain never imports Qt, only the store talks SQL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "circles_desktop"
DOMAIN = ("graph", "layout", "store", "interop", "reports")


def test_import_contracts_hold() -> None:
    """import-linter's contracts in pyproject.toml (Qt-free domain, store-only SQL) are kept."""
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.skip("import-linter is not installed in this environment")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("package", DOMAIN)
def test_domain_package_imports_without_qt(package: str) -> None:
    """Each domain module imports in a fresh interpreter where PySide6 cannot be imported."""
    modules = sorted(
        "circles_desktop." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in (PACKAGE / package).rglob("*.py")
        if "migrations" not in p.parts
    )
    modules = [m.removesuffix(".__init__") for m in modules]
    code = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt imported from the domain: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
