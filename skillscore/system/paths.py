"""Where the bundled resources live, in a checkout and in the frozen app."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    # PyInstaller unpacks data next to the executable (onedir: sys._MEIPASS).
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


# The bundled fonts (reports/fonts.py says what each is for): named here, where the desk
# finds them before its first frame without importing the sheets' package (issue 18).
MAIN_FONT_FILE = "wqy-microhei.ttc"
# The rare-name fallbacks (issue 13), in the order text tries them.
FALLBACK_FONT_FILES = ("hanazono-a-subset.ttf", "hanazono-b-subset.ttf", "babelstone-han-subset.ttf")


def font_path() -> Path:
    return resources_dir() / "fonts" / MAIN_FONT_FILE


def fallback_font_path(name: str) -> Path:
    """One of ``FALLBACK_FONT_FILES``; the frozen app ships them compressed and unpacks
    each on first use (system/packed.py)."""
    from .packed import resource_file

    return resource_file(resources_dir() / "fonts" / name)


def docs_dir() -> Path:
    """The user guide (docs/manual) and the screenshots it shows; bundled as ``docs``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "docs"
    return Path(__file__).resolve().parents[2] / "docs"


def manual_path(lang: str) -> Path:
    return docs_dir() / "manual" / f"manual-{'en' if lang == 'en' else 'zh'}.md"
