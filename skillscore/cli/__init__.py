"""The ``skillscore`` command (CONTRACT.md): ``parser`` builds the whole parser in one place
from one module per command group; ``main`` runs it. Every command goes through
``Competition``. Kept cheap to import: each group loads its heavy libraries only when its
command runs.
"""


def main(argv: list[str] | None = None) -> int:
    from .run import main as run

    return run(argv)


def entry() -> None:
    """The installed ``skillscore`` command and ``python -m skillscore.cli``: one command,
    then the process ends. A command lives a second or less and makes rows, not reference
    cycles, so the cycle collector is off: its passes over 10,000 rows cost tens of
    milliseconds and free nothing that exiting does not (issue 18)."""
    import gc

    from ..system.console import exit_now

    gc.disable()
    exit_now(main())
