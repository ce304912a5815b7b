"""The Windows-only paths, run on any machine with the Windows calls replaced: the known
folders (SHGetKnownFolderPath), drive types (GetDriveTypeW), opening a sheet in the viewer
(os.startfile). A mistake there fails here, not on a committee's laptop."""

from __future__ import annotations

import filecmp
import json
import shutil

import pytest

from skillscore.errors import SkillscoreError
from skillscore.system.location import unsafe_reason
from skillscore.cli import selftest
from skillscore.system import folders
from skillscore.system.viewer import show_file

from support import ACCEPTANCE

DOCS, LOCAL = r"D:\用户\王芳\文档", r"C:\Users\wangfang\AppData\Local"


def shell(answers):
    asked = []

    def known_folder(name):
        asked.append(name)
        return answers.get(name)
    return known_folder, asked


def test_windows_folders_come_from_the_shell_not_from_the_profile_path(monkeypatch):
    monkeypatch.setenv("USERPROFILE", r"C:\Users\wangfang")
    known, asked = shell({"Documents": DOCS, "LocalAppData": LOCAL})
    docs = folders.documents_dir(create=False, platform="win32", known_folder=known)
    data = folders.data_dir(create=False, platform="win32", known_folder=known)
    logs = folders.log_dir(create=False, platform="win32", known_folder=known)
    assert (str(docs.parent), docs.name) == (DOCS, "skillscore")  # Documents redirected to D: is followed
    assert (str(data.parent), data.name) == (LOCAL, "skillscore")
    assert logs.parent == data and logs.name == "logs"  # settings and logs together, local not roaming
    cache = folders.cache_dir(create=False, platform="win32", known_folder=known)
    assert cache.parent == data and cache.name == "cache"
    assert str(folders.settings_base(platform="win32", known_folder=known)) == LOCAL
    assert asked == ["Documents", "LocalAppData", "LocalAppData", "LocalAppData", "LocalAppData"]


def test_windows_folders_fall_back_to_the_profile_when_the_shell_cannot_say(monkeypatch):
    monkeypatch.setenv("USERPROFILE", r"C:\Users\li")
    known, _ = shell({})
    docs = folders.documents_dir(create=False, platform="win32", known_folder=known)
    data = folders.data_dir(create=False, platform="win32", known_folder=known)
    assert docs.parts[-2:] == ("Documents", "skillscore") and str(docs).startswith(r"C:\Users\li")
    assert data.parts[-3:] == ("AppData", "Local", "skillscore") and str(data).startswith(r"C:\Users\li")


def test_the_known_folder_ids_are_the_sdks():
    assert folders.FOLDERID == {"Documents": "{FDD39AD0-238F-46AF-ADB4-6C85480369C7}",
                                "LocalAppData": "{F1B32785-6FBA-4FCF-9D55-7B8E7F157091}"}


def test_linux_folders_follow_xdg_and_user_dirs_and_are_created(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DESKTOP_DIR="$HOME/桌面"\nXDG_DOCUMENTS_DIR="$HOME/文档"\n',
                                                     encoding="utf-8")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "USERPROFILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(home))
    assert folders.documents_dir(platform="linux") == home / "文档" / "skillscore"
    assert folders.data_dir(platform="linux") == home / ".local" / "share" / "skillscore"
    assert folders.log_dir(platform="linux") == home / ".local" / "state" / "skillscore" / "logs"
    assert folders.settings_base(platform="linux") == home / ".config"
    assert folders.cache_dir(create=False, platform="linux") == home / ".cache" / "skillscore"
    assert all(p.is_dir() for p in (home / "文档" / "skillscore", home / ".local/state/skillscore/logs"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", "relative/ignored")  # the spec says: ignore relative paths
    assert folders.data_dir(platform="linux") == tmp_path / "data" / "skillscore"
    assert folders.log_dir(create=False, platform="linux") == home / ".local/state/skillscore/logs"
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME"\n', encoding="utf-8")
    assert folders.documents_dir(create=False, platform="linux") == home / "Documents" / "skillscore"


@pytest.mark.parametrize("kind, verdict", [(2, "removable"), (3, None), (4, "network"), (5, "removable"),
                                           (6, None), (0, None), (1, None)])
def test_windows_drive_types_decide_whether_a_file_is_worked_on_as_a_copy(kind, verdict):
    roots = []
    got = unsafe_reason(r"E:\大赛\初赛.skillscore", drive_type=lambda root: roots.append(root) or kind)
    assert got == verdict and roots == ["E:\\"]  # GetDriveTypeW wants the root with its backslash


@pytest.mark.parametrize("path, root, verdict", [
    (r"\\server\share\初赛.skillscore", None, "network"),
    (r"\\?\UNC\server\share\初赛.skillscore", None, "network"),
    (r"\\?\F:\很长的路径\初赛.skillscore", "F:\\", "removable"),
    ("//server/share/a.skillscore", None, "network"),
])
def test_windows_network_shares_and_long_paths(path, root, verdict):
    roots = []
    assert unsafe_reason(path, drive_type=lambda r: roots.append(r) or 2) == verdict
    assert roots == ([root] if root else [])


def test_a_sheet_opens_with_startfile_on_windows_and_xdg_open_elsewhere(tmp_path):
    sheet = tmp_path / "成绩表.pdf"
    opened, spawned = [], []
    show_file(sheet, platform="win32", startfile=opened.append, spawn=spawned.append)
    show_file(sheet, platform="linux", startfile=opened.append, spawn=spawned.append)
    show_file(sheet, platform="darwin", startfile=opened.append, spawn=spawned.append)
    assert opened == [str(sheet)]
    assert spawned == [["xdg-open", str(sheet)], ["open", str(sheet)]]


def test_no_pdf_viewer_on_windows_is_a_message_not_a_traceback(tmp_path):
    def startfile(path):
        raise OSError(22, "没有与之关联的应用程序 / No application is associated", path)

    with pytest.raises(SkillscoreError) as caught:
        show_file(tmp_path / "a.pdf", platform="win32", startfile=startfile)
    assert caught.value.code == "viewer_failed"
    assert "无法用系统程序打开" in caught.value.message("zh") and "a.pdf" in caught.value.message("zh")
    assert caught.value.message("en").startswith("Could not open")


def test_a_missing_xdg_open_is_reported_too(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # the real spawn, with nothing to run
    with pytest.raises(SkillscoreError):
        show_file(tmp_path / "a.pdf", platform="linux")


def test_the_bundled_self_test_scenario_is_the_acceptance_scenario():
    ours, theirs = selftest.scenario_dir(), ACCEPTANCE / "prelim-small"
    names = sorted(p.name for p in ours.iterdir())
    assert names == sorted(p.name for p in theirs.iterdir())
    assert all(filecmp.cmp(ours / n, theirs / n, shallow=False) for n in names)


def test_the_self_test_scores_prints_and_exports():
    assert selftest.check_scoring() == "scenario selftest 14 rows, PDF, xlsx"


def test_the_self_test_names_a_row_that_scores_differently(tmp_path, monkeypatch):
    copy = tmp_path / "selftest"
    shutil.copytree(selftest.scenario_dir(), copy)
    expected = json.loads((copy / "expected.json").read_text(encoding="utf-8"))
    expected["rows"][2]["total"] = "0.01"
    (copy / "expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(selftest, "scenario_dir", lambda: copy)
    with pytest.raises(RuntimeError, match=expected["rows"][2]["no"]):
        selftest.check_scoring()


def test_a_file_on_a_windows_share_is_named_to_sqlite_without_an_authority():
    # pathlib writes \\server\share\f as file://server/share/f, which SQLite refuses unless
    # built to allow an authority ("invalid uri authority"); copy from a share read it so.
    from pathlib import PureWindowsPath

    from skillscore.storage.database import sqlite_uri

    share = PureWindowsPath(r"\\server\share\初赛.skillscore").as_uri()
    assert sqlite_uri(share) == "file:////server/share/%E5%88%9D%E8%B5%9B.skillscore"
    assert sqlite_uri(PureWindowsPath(r"E:\初赛.skillscore").as_uri()) == "file:///E:/%E5%88%9D%E8%B5%9B.skillscore"
    import sqlite3

    with pytest.raises(sqlite3.OperationalError, match="authority"):  # what the unmended URI met
        sqlite3.connect(share + "?mode=ro", uri=True)
