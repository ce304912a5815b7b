"""Frozen entry point of the `skillscore` command (PyInstaller)."""
import sys

from skillscore.cli import main

sys.exit(main())
