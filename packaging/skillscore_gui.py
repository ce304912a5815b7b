"""Frozen entry point of the desk (PyInstaller)."""
import sys

from ui.app import main

sys.exit(main())
