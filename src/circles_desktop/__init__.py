"""Circles: map a child's circles of support."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("circles-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
