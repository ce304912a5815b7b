"""``python -m skillscore.cli`` (the tests and benchmarks run the command this way)."""

import sys

from .run import main

sys.exit(main())
