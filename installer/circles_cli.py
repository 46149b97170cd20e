"""The bundle's `circles` command: PyInstaller starts from a script, not from an entry point."""

import sys

from circles_desktop.cli import main

sys.exit(main())
