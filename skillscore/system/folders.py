"""The user's folders: where competition files go by default, where settings and logs live.

Windows: competition files under Documents\\skillscore, the program's own settings and logs
under %LOCALAPPDATA%\\skillscore (local, not roaming: a log has no business on a domain
server). The folders are asked of the shell with SHGetKnownFolderPath, because Documents
is often redirected (OneDrive, a D: drive) and %USERPROFILE%\\Documents would then be wrong.
Linux follows the XDG base directories and user-dirs.dirs (a Chinese desktop names it 文档).

Every function takes the platform and the shell call as seams, so the Windows branch runs
in tests on any machine.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable

APP = "skillscore"
# KNOWNFOLDERID values from the Windows SDK (KnownFolders.h).
FOLDERID = {"Documents": "{FDD39AD0-238F-46AF-ADB4-6C85480369C7}",
            "LocalAppData": "{F1B32785-6FBA-4FCF-9D55-7B8E7F157091}"}

KnownFolder = Callable[[str], "str | None"]


def _shell_known_folder(name: str) -> str | None:  # pragma: no cover - runs on Windows only
    """SHGetKnownFolderPath(FOLDERID_<name>); None when the shell cannot say."""
    import ctypes
    from ctypes import wintypes

    class GUID(ctypes.Structure):
        _fields_ = [("Data1", wintypes.DWORD), ("Data2", wintypes.WORD), ("Data3", wintypes.WORD),
                    ("Data4", ctypes.c_ubyte * 8)]

    guid = GUID()
    if ctypes.windll.ole32.CLSIDFromString(ctypes.c_wchar_p(FOLDERID[name]), ctypes.byref(guid)) != 0:
        return None
    out = ctypes.c_wchar_p()
    shell = ctypes.windll.shell32
    shell.SHGetKnownFolderPath.argtypes = [ctypes.POINTER(GUID), wintypes.DWORD, wintypes.HANDLE,
                                          ctypes.POINTER(ctypes.c_wchar_p)]
    try:
        if shell.SHGetKnownFolderPath(ctypes.byref(guid), 0, None, ctypes.byref(out)) != 0:
            return None
        return out.value
    finally:
        ctypes.windll.ole32.CoTaskMemFree(out)


def _windows(name: str, known_folder: KnownFolder | None, fallback: Path) -> Path:
    found = (known_folder or _shell_known_folder)(name)
    return Path(found) if found else fallback


def _home() -> Path:
    return Path(os.environ.get("USERPROFILE") or os.environ.get("HOME") or Path.home())


def _xdg(variable: str, default: str) -> Path:
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else _home() / default


def _xdg_documents() -> Path:
    """XDG_DOCUMENTS_DIR from user-dirs.dirs (e.g. "$HOME/文档"), else ~/Documents."""
    dirs = _xdg("XDG_CONFIG_HOME", ".config") / "user-dirs.dirs"
    try:
        lines = dirs.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        key, _, value = line.partition("=")
        if key.strip() == "XDG_DOCUMENTS_DIR":
            value = value.strip().strip('"').replace("$HOME", str(_home()))
            if os.path.isabs(value) and Path(value) != _home():  # "$HOME" alone means "not set"
                return Path(value)
    return _home() / "Documents"


def _made(path: Path, create: bool) -> Path:
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def documents_dir(*, create: bool = True, platform: str | None = None,
                  known_folder: KnownFolder | None = None) -> Path:
    """Where new competition files and local copies go: <Documents>/skillscore."""
    if (platform or sys.platform) == "win32":
        base = _windows("Documents", known_folder, _home() / "Documents")
    else:
        base = _xdg_documents()
    return _made(base / APP, create)


def settings_base(*, platform: str | None = None, known_folder: KnownFolder | None = None) -> Path:
    """The folder holding the program's ``skillscore`` settings folder (for QSettings.setPath):
    %LOCALAPPDATA% on Windows, so settings sit beside the logs; $XDG_CONFIG_HOME elsewhere."""
    if (platform or sys.platform) == "win32":
        return _windows("LocalAppData", known_folder, _home() / "AppData" / "Local")
    return _xdg("XDG_CONFIG_HOME", ".config")


def data_dir(*, create: bool = True, platform: str | None = None,
             known_folder: KnownFolder | None = None) -> Path:
    """The program's own files: %LOCALAPPDATA%\\skillscore, or $XDG_DATA_HOME/skillscore."""
    if (platform or sys.platform) == "win32":
        base = _windows("LocalAppData", known_folder, _home() / "AppData" / "Local")
    else:
        base = _xdg("XDG_DATA_HOME", ".local/share")
    return _made(base / APP, create)


def log_dir(*, create: bool = True, platform: str | None = None,
            known_folder: KnownFolder | None = None) -> Path:
    """Error logs: %LOCALAPPDATA%\\skillscore\\logs, or $XDG_STATE_HOME/skillscore/logs."""
    if (platform or sys.platform) == "win32":
        return _made(data_dir(create=False, platform="win32", known_folder=known_folder) / "logs", create)
    return _made(_xdg("XDG_STATE_HOME", ".local/state") / APP / "logs", create)


def cache_dir(*, create: bool = True, platform: str | None = None,
              known_folder: KnownFolder | None = None) -> Path:
    """What the program can make again (resources it unpacks): %LOCALAPPDATA%\\skillscore\\cache,
    or $XDG_CACHE_HOME/skillscore. Nothing a committee needs is ever only here."""
    if (platform or sys.platform) == "win32":
        return _made(data_dir(create=False, platform="win32", known_folder=known_folder) / "cache", create)
    return _made(_xdg("XDG_CACHE_HOME", ".cache") / APP, create)
