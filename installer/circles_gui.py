"""The bundle's `circles-desktop` application: PyInstaller starts from a script, not an entry point."""

import sys

from circles_desktop.app import main

sys.exit(main())
