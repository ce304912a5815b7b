"""The Windows calls, made for real (run by .github/workflows/windows.yml on Windows).

The unit tests replace these calls to check the logic anywhere; this proves the calls
themselves: SHGetKnownFolderPath agrees with Qt's own lookup of Documents and with
%LOCALAPPDATA%, GetDriveTypeW calls the system drive fixed, and os.startfile on a file no
program opens becomes the desk's message, not a traceback. Exit 1 on any disagreement.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    if sys.platform != "win32":
        print("check_windows.py makes real Windows calls: run it on Windows", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QApplication

    from skillscore.errors import SkillscoreError
    from skillscore.system.location import _get_drive_type, unsafe_reason
    from skillscore.system import folders
    from skillscore.system.viewer import show_file

    if QApplication.instance() is None:
        main.app = QApplication([])  # QStandardPaths wants one
    failures = []

    def same(label, ours, theirs):
        ok = Path(ours).resolve() == Path(theirs).resolve()
        print(f"{'ok ' if ok else 'BAD'} {label}: {ours} | {theirs}")
        if not ok:
            failures.append(label)

    qt_docs = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    same("Documents", folders.documents_dir(create=False).parent, qt_docs)
    same("LocalAppData", folders.data_dir(create=False).parent, os.environ["LOCALAPPDATA"])
    same("logs", folders.log_dir(create=False), Path(os.environ["LOCALAPPDATA"]) / "skillscore" / "logs")
    system_drive = os.environ.get("SystemDrive", "C:") + "\\"
    kind = _get_drive_type(system_drive)
    print(f"{'ok ' if kind == 3 else 'BAD'} GetDriveTypeW({system_drive}) = {kind} (3 = fixed)")
    if kind != 3 or unsafe_reason(sys.executable) is not None:
        failures.append("drive type")
    with tempfile.TemporaryDirectory() as tmp:
        orphan = Path(tmp) / "no-program-opens.skillscore-check"
        orphan.write_text("x")
        try:
            show_file(orphan)
            failures.append("os.startfile opened a file no program is associated with")
        except SkillscoreError as e:
            print(f"ok  os.startfile without an associated program: {e.message('zh')}")
    print("Windows calls: " + ("all agree" if not failures else "FAILED " + ", ".join(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
