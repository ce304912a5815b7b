"""``python -m skillscore.cli`` (the tests and benchmarks run the command this way)."""

from . import entry

entry()
