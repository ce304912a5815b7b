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


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def docs_dir() -> Path:
    """The user guide (docs/manual) and the screenshots it shows; bundled as ``docs``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "docs"
    return Path(__file__).resolve().parents[2] / "docs"


def manual_path(lang: str) -> Path:
    return docs_dir() / "manual" / f"manual-{'en' if lang == 'en' else 'zh'}.md"
