"""Frozen entry point of the `skillscore` command (PyInstaller)."""
from skillscore.cli import entry

entry()
