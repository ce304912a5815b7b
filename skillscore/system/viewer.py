"""Opening a file the user just made (a printed sheet) in the program the system
associates with it: os.startfile on Windows (ShellExecute, the default PDF viewer),
xdg-open on Linux, open on macOS. The calls are seams, so tests check each branch anywhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..errors import SkillscoreError, system_reason
from ..messages import register

register({"viewer_failed": ("无法用系统程序打开 {path}：{reason}。文件已保存，可在文件夹中双击打开。",
                            "Could not open {path} with the system's program: {reason}. The file is saved; "
                            "open it from its folder.")})


def _spawn(command: list[str]) -> None:
    # Detached and silent: the viewer outlives the desk, and its chatter is not ours.
    subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)


def show_file(path: str | Path, *, platform: str | None = None, startfile=None, spawn=None) -> None:
    """Open ``path`` in its associated program; SkillscoreError('viewer_failed') if none can."""
    path = str(Path(path))
    platform = platform or sys.platform
    try:
        if platform == "win32":
            # OSError (WinError 1155) when no program is associated with .pdf.
            (startfile or os.startfile)(path)
        else:
            (spawn or _spawn)(["open" if platform == "darwin" else "xdg-open", path])
    except OSError as e:
        raise SkillscoreError("viewer_failed", path=path, reason=system_reason(e)) from e
