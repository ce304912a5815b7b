"""Frozen entry point of the desk (PyInstaller)."""
import gc
import sys

gc.disable()  # from the first import: ui.app.main says why; its collector takes over

from ui.app import main  # noqa: E402

sys.exit(main())
