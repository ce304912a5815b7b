"""Is this file on a removable drive or a network share?

SQLite's WAL needs shared memory and reliable locks; neither is safe on a USB stick that
may be pulled or on a network share (SQLite's "How To Corrupt" page). The program reads
such files but works on a copy on the local disk.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "davfs", "fuse.davfs2",
              "afpfs", "ncpfs", "glusterfs", "ceph", "fuse.rclone"}
REMOVABLE_FS = {"vfat", "exfat", "msdos", "fuseblk", "udf", "iso9660"}
REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/usb", "/Volumes/")


def _mount_of(path: str, mounts: list[tuple[str, str, str]]) -> tuple[str, str, str] | None:
    best = None
    for device, point, fstype in mounts:
        if path == point or path.startswith(point.rstrip("/") + "/") or point == "/":
            if best is None or len(point) > len(best[1]):
                best = (device, point, fstype)
    return best


def _linux_mounts() -> list[tuple[str, str, str]]:
    try:
        with open("/proc/mounts", encoding="utf-8") as f:
            return [(p[0], p[1].replace("\\040", " "), p[2]) for p in (line.split() for line in f) if len(p) >= 3]
    except OSError:
        return []


def _block_removable(device: str) -> bool:
    name = Path(device).name.rstrip("0123456789")
    if name.startswith("nvme") or name.startswith("mmcblk"):
        name = Path(device).name.split("p")[0]
    try:
        return Path(f"/sys/block/{name}/removable").read_text().strip() == "1"
    except OSError:
        return False


def unsafe_reason(path: str | Path, *, mounts: list[tuple[str, str, str]] | None = None,
                  removable_device=None, drive_type=None) -> str | None:
    """'removable', 'network' or None (local disk). ``drive_type`` stands in for Windows'
    GetDriveTypeW (tests on any machine); given, the path is judged as a Windows path."""
    if drive_type is not None:
        return _windows_reason(str(path), drive_type)
    resolved = str(Path(path).resolve())
    # Tests and unusual set-ups can name folders that must be treated as removable.
    for prefix in filter(None, os.environ.get("SKILLSCORE_REMOVABLE_PATHS", "").split(os.pathsep)):
        if resolved.startswith(str(Path(prefix).resolve())):
            return "removable"
    if sys.platform == "win32" and mounts is None:
        return _windows_reason(resolved)
    if resolved.startswith("//") or resolved.startswith("\\\\"):
        return "network"
    mount = _mount_of(resolved, _linux_mounts() if mounts is None else mounts)
    if mount is None:
        return None
    device, point, fstype = mount
    if fstype in NETWORK_FS or device.startswith("//"):
        return "network"
    removable = removable_device or _block_removable
    if fstype in REMOVABLE_FS and (point.startswith(REMOVABLE_ROOTS) or removable(device)):
        return "removable"
    if device.startswith("/dev/") and removable(device):
        return "removable"
    return None


# GetDriveTypeW's answers (fileapi.h) that make a file unsafe to work on in place. A CD
# cannot be written at all, so it is worked on as a copy like a stick.
DRIVE_KINDS = {2: "removable", 4: "network", 5: "removable"}  # REMOVABLE, REMOTE, CDROM


def _get_drive_type(root: str) -> int:  # pragma: no cover - runs on Windows only
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))


def _windows_reason(resolved: str, drive_type=None) -> str | None:
    """A Windows path (as resolve() gives it) judged by its drive. ntpath, not os.path: the
    same code then runs in tests on Linux, where os.path knows no drive letters."""
    import ntpath

    if resolved.startswith("\\\\?\\UNC\\"):
        return "network"
    if resolved.startswith("\\\\?\\"):  # the long-path form of an ordinary drive path
        resolved = resolved[4:]
    if resolved.startswith("\\\\") or resolved.startswith("//"):
        return "network"
    drive = ntpath.splitdrive(resolved)[0]
    if not drive:
        return None
    return DRIVE_KINDS.get((drive_type or _get_drive_type)(drive + "\\"))
