"""PyInstaller runtime hook: give the programs Circles starts the user's environment back.

The Linux boot loader points LD_LIBRARY_PATH at the bundle so Python finds its libraries; the loader
reads it once, at start-up, so the running program no longer needs it. Left in place, every child
would inherit it: a web browser opened from a link in the About dialog, or a system Graphviz named by
CIRCLES_DOT, would load the bundle's GLib and libstdc++ instead of its own. (The bundled dot has its
own RPATH and is not affected either way.)
"""

import os

_saved = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
if _saved is None:
    os.environ.pop("LD_LIBRARY_PATH", None)
else:
    os.environ["LD_LIBRARY_PATH"] = _saved
