"""Where the shared public test files are: ../shared/data next to the checkout (developers' machines
and CI), or wherever CIRCLES_SHARED_DATA points."""

from __future__ import annotations

import os
from pathlib import Path

SHARED_DATA = Path(os.environ.get("CIRCLES_SHARED_DATA")
                   or Path(__file__).resolve().parents[1].parent / "shared" / "data")
GEDCOM_DIR = SHARED_DATA / "gedcom"
