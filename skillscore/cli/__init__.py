"""The ``skillscore`` command (CONTRACT.md): ``parser`` builds the whole parser in one place
from one module per command group; ``main`` runs it. Every command goes through
``Competition``. Kept cheap to import: each group loads its heavy libraries only when its
command runs.
"""


def main(argv: list[str] | None = None) -> int:
    from .run import main as run

    return run(argv)
