"""The Windows delivery, checked on any machine: the icon, the version resource, the
installer script, what the build leaves out, the DLL check, the portable zip, the
workflow that runs on Windows, and the user guide the desk opens with F1."""

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageChops

from support import ROOT

sys.path[:0] = [str(ROOT / "packaging"), str(ROOT / "packaging" / "windows"), str(ROOT / "scripts")]
import check_dlls  # noqa: E402
import make_portable  # noqa: E402
import slim  # noqa: E402
import version_info  # noqa: E402

ISS = ROOT / "packaging" / "windows" / "skillscore.iss"
SIZES = [16, 24, 32, 48, 64, 128, 256]


def test_the_icon_holds_every_size_windows_asks_for_each_drawn_at_its_size():
    ico = ROOT / "resources" / "icon" / "skillscore.ico"
    with Image.open(ico) as image:
        assert sorted(image.info["sizes"]) == [(s, s) for s in SIZES]
        for size in SIZES:
            image.size = (size, size)
            image.load()
            frame = image.convert("RGBA")
            assert frame.size == (size, size)
            assert frame.getpixel((size // 2, size // 4))[3] == 255  # drawn, not transparent


def test_the_committed_icon_is_made_from_the_svg(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_icon.py"), str(tmp_path)],
                         capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    # Pixels, not bytes: Qt versions differ by one unit of antialiasing and in PNG compression.
    made, committed = ico_images(tmp_path / "skillscore.ico"), ico_images(ROOT / "resources" / "icon" / "skillscore.ico")
    assert sorted(made) == sorted(committed) == [16, 24, 32, 48, 64, 128, 256]
    made[256 * 1000] = Image.open(tmp_path / "skillscore-256.png").convert("RGBA")
    committed[256 * 1000] = Image.open(ROOT / "resources" / "icon" / "skillscore-256.png").convert("RGBA")
    for size, image in made.items():
        worst = max(high for _, high in ImageChops.difference(image, committed[size]).getextrema())
        assert worst <= 2, f"run python scripts/make_icon.py after changing skillscore.svg ({size} px differs by {worst})"


def ico_images(path) -> dict:
    """The images of an ICO by size, read with Pillow (not with the script's own reader)."""
    data = path.read_bytes()
    count = struct.unpack("<HHH", data[:6])[2]
    images = {}
    for i in range(count):
        width, _, _, _, _, _, size, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i:22 + 16 * i])
        images[width or 256] = Image.open(io.BytesIO(data[offset:offset + size])).convert("RGBA")
    return images


def test_the_version_resource_is_the_package_version_in_chinese(tmp_path):
    import PyInstaller.compat

    from skillscore import __version__

    PyInstaller.compat.win32api = getattr(PyInstaller.compat, "win32api", None)  # only imported on Windows
    from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

    path = version_info.write_version_file(tmp_path / "v.txt", "skillscore-gui", __version__)
    info = load_version_info_from_text_file(path)  # what PyInstaller compiles into the .exe
    text = str(info)
    assert info.ffi.fileVersionMS >> 16 == version_info.version_tuple(__version__)[0]
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert "StringStruct('ProductName', '职工技能大赛成绩管理')" in text
    assert "成绩管理（录入台）" in text and "'080404B0'" in text
    assert len(info.toRaw()) > 500
    assert version_info.version_tuple("1.2") == (1, 2, 0, 0)


def iss_sections() -> dict[str, list[str]]:
    text = ISS.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf"), "Inno Setup reads Chinese from UTF-8 only with a BOM"
    sections, current = {}, None
    for line in text.decode("utf-8-sig").splitlines():
        line = line.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return sections


def unquote(value: str) -> str:
    """Inno Setup's quoting: "..." around a parameter, "" for a quote inside it."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1].replace('""', '"')
    return value


def entries(lines: list[str]) -> list[dict[str, str]]:
    return [{k.strip(): unquote(v) for k, _, v in (p.partition(":") for p in re.split(r";\s+(?=\w+:)", line))}
            for line in lines]


def test_the_installer_needs_no_administrator_and_keeps_one_app_id():
    setup = dict(line.split("=", 1) for line in iss_sections()["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # nobody is offered the admin route
    assert setup["DefaultDirName"] == r"{autopf}\skillscore"  # %LOCALAPPDATA%\Programs when per user
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"])
    assert setup["ChangesAssociations"] == "yes"
    assert (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).is_file()


def test_the_installer_associates_both_files_with_the_desk():
    registry = entries(iss_sections()["Registry"])
    values = {(e["Subkey"], e["ValueName"]): e["ValueData"] for e in registry}
    assert all(e["Root"] == "HKA" for e in registry)  # HKCU for a per-user install
    for ext, progid in ((".skillscore", "skillscore.Competition"), (".sspkg", "skillscore.Handoff")):
        assert values[(rf"Software\Classes\{ext}", "")] == progid
        assert values[(rf"Software\Classes\{progid}\shell\open\command", "")] == \
            '"{app}\\skillscore-gui.exe" "%1"'
    assert values[(r"Software\Classes\skillscore.Handoff", "")] == "成绩交接文件"


def test_the_installer_makes_chinese_shortcuts_and_never_touches_the_users_files():
    sections = iss_sections()
    icons = entries(sections["Icons"])
    names = {e["Name"] for e in icons}
    assert names == {r"{autoprograms}\{#AppName}", r"{autodesktop}\{#AppName}"}
    assert '#define AppName "职工技能大赛成绩管理"' in ISS.read_text(encoding="utf-8-sig")
    assert all(e["Filename"] == r"{app}\skillscore-gui.exe" for e in icons)
    deleted = entries(sections["InstallDelete"])
    assert deleted and all(e["Name"].startswith("{app}\\") for e in deleted)  # only the program folder
    # Uninstalling removes the cache the program can make again, and nothing else of the user's.
    assert [e["Name"] for e in entries(sections["UninstallDelete"])] == [r"{localappdata}\skillscore\cache"]
    text = ISS.read_text(encoding="utf-8-sig")
    assert not re.search(r"userdocs\}.*uninsdelete|Type:\s*\w+;\s*Name:\s*\"\{userdocs", text)
    assert not re.search(r"Name:\s*\"\{localappdata\}\\skillscore\"", text)  # settings and logs stay
    assert sections["Languages"] == ['Name: "chinesesimplified"; MessagesFile: "compiler:Languages\\ChineseSimplified.isl"']


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True), ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/plugins/platforms/qoffscreen.dll", True), ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", False),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False), ("PySide6/plugins/imageformats/qjpeg.dll", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False), ("PySide6/plugins/tls/qschannelbackend.dll", False),
    ("PySide6/Qt6Core.dll", True), ("PySide6/Qt/lib/libQt6Core.so.6", True), ("libpython3.11.so.1.0", True),
])
def test_the_build_keeps_only_the_plugins_the_desk_uses(dest, kept):
    assert slim.keep_binary(dest) is kept


def test_the_build_keeps_qt_translations_for_chinese_and_english_only():
    assert slim.keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert slim.keep_data("PySide6/translations/qtbase_en.qm")
    assert not slim.keep_data("PySide6/translations/qtbase_de.qm")
    assert not slim.keep_data("PySide6/Qt/translations/qt_zh_CN.qm")
    assert slim.keep_data("resources/translations/skillscore_en.qm")


def test_libraries_nothing_imports_are_pruned_and_the_rest_kept():
    binaries = [("PySide6/QtGui.pyd", "QtGui.pyd", "EXTENSION"), ("PySide6/Qt6Gui.dll", "Qt6Gui.dll", "BINARY"),
                ("PySide6/Qt6Core.dll", "Qt6Core.dll", "BINARY"), ("PySide6/opengl32sw.dll", "opengl32sw.dll", "BINARY"),
                ("PySide6/plugins/platforms/qwindows.dll", "qwindows.dll", "BINARY"),
                ("libcairo.so.2", "libcairo.so.2", "BINARY"), ("python311.dll", "python311.dll", "BINARY"),
                ("VCRUNTIME140.dll", "VCRUNTIME140.dll", "BINARY"),
                ("Qt6Core.dll", "PySide6/Qt6Core.dll", "SYMLINK"), ("opengl32sw.dll", "PySide6/opengl32sw.dll", "SYMLINK")]
    graph = {"QtGui.pyd": ["Qt6Gui.dll", "KERNEL32.dll"], "Qt6Gui.dll": ["Qt6Core.dll"], "qwindows.dll": ["Qt6Gui.dll"],
             "python311.dll": ["vcruntime140.dll"]}
    kept, dropped = slim.prune(binaries, lambda source: graph.get(source, []))
    assert dropped == ["PySide6/opengl32sw.dll", "libcairo.so.2", "opengl32sw.dll"]  # no link left dangling
    assert [e[0] for e in kept] == [e[0] for e in binaries if e[0] not in dropped]
    links = [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
             ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"), ("a.txt", "/src/a.txt", "DATA")]
    libs = [("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY")]
    assert slim.without_dangling_links(links, libs) == [links[0], links[2]]


def pe_launcher() -> Path:
    import pip

    return Path(pip.__file__).parent / "_vendor" / "distlib" / "t64.exe"  # a real Windows executable


def test_the_dll_check_reads_real_import_tables(tmp_path):
    shutil.copy(pe_launcher(), tmp_path / "launcher.exe")
    assert {"KERNEL32.dll", "SHLWAPI.dll"} <= set(check_dlls.imports_of(tmp_path / "launcher.exe"))
    assert check_dlls.check(tmp_path) == (1, {})
    # The same program importing a DLL that is neither Windows' nor shipped:
    (tmp_path / "launcher.exe").write_bytes(pe_launcher().read_bytes().replace(b"SHLWAPI.dll", b"SHLWAPX.dll"))
    assert check_dlls.check(tmp_path) == (1, {"launcher.exe": ["SHLWAPX.dll"]})
    assert check_dlls.main([str(tmp_path)]) == 1
    (tmp_path / "libs").mkdir()
    shutil.copy(pe_launcher(), tmp_path / "libs" / "shlwapx.dll")  # shipped now (names match without case)
    assert check_dlls.check(tmp_path) == (2, {})


def test_the_dll_check_knows_windows_from_the_vc_runtime():
    assert check_dlls.is_windows_dll("api-ms-win-crt-runtime-l1-1-0.dll") and check_dlls.is_windows_dll("USER32.dll")
    assert check_dlls.is_windows_dll("icuuc.dll")  # Qt 6 uses Windows' ICU
    assert not check_dlls.is_windows_dll("VCRUNTIME140.dll") and not check_dlls.is_windows_dll("MSVCP140.dll")
    assert not check_dlls.is_windows_dll("python311.dll")


def test_the_portable_zip_holds_the_onedir_and_a_note(tmp_path):
    onedir = tmp_path / "skillscore"
    (onedir / "_internal" / "resources").mkdir(parents=True)
    (onedir / "skillscore-gui.exe").write_bytes(b"MZ gui")
    (onedir / "_internal" / "resources" / "字体.ttc").write_bytes(b"font")
    out = tmp_path / "skillscore-portable.zip"
    assert make_portable.main([str(onedir), str(out)]) == 0
    with zipfile.ZipFile(out) as zf:
        assert zf.namelist() == ["skillscore/_internal/resources/字体.ttc", "skillscore/skillscore-gui.exe",
                                 "skillscore/便携版说明.txt"]
        assert zf.read("skillscore/skillscore-gui.exe") == b"MZ gui"
        assert "不要在U盘上直接运行" in zf.read("skillscore/便携版说明.txt").decode("utf-8")
    first = out.read_bytes()
    make_portable.make_zip(onedir, out)
    assert out.read_bytes() == first  # the same build gives the same zip


def test_the_windows_workflow_runs_what_only_windows_can_prove():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8"))
    win, linux = flow["jobs"]["windows"], flow["jobs"]["linux"]
    assert win["runs-on"] == "windows-2022" and win["env"]["QT_QPA_PLATFORM"] == "offscreen"
    runs = "\n".join(step.get("run", "") for step in win["steps"])
    assert "pytest -q --timeout=" in runs  # a modal dialog cannot hang the run
    for needed in ("PyInstaller --noconfirm build.spec", "--self-test", "scripts/check_dlls.py dist\\skillscore",
                   "ISCC.exe", "packaging\\windows\\skillscore.iss", "scripts/make_portable.py",
                   "packaging/windows/check_windows.py", "120MB"):
        assert needed in runs, needed
    upload = next(s for s in win["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
    assert "skillscore-setup-*.exe" in upload["with"]["path"] and "skillscore-portable-*.zip" in upload["with"]["path"]
    assert any(step.get("run", "").strip() == "bash .ci/run" for step in linux["steps"])
    assert "pytest-timeout" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_sheets_print_without_pillow_as_in_the_frozen_app():
    """packaging/stubs/PIL stands in for Pillow in the bundle: reportlab must still print."""
    script = "from skillscore.cli.selftest import check_scoring; import PIL; print(PIL.Image, check_scoring())"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "packaging" / "stubs"), str(ROOT)])}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "None scenario selftest 14 rows, PDF, xlsx"


@pytest.mark.parametrize("lang, title", [("zh", "# skillscore 使用手册"), ("en", "# skillscore user guide")])
def test_the_guide_shows_only_screenshots_the_scripts_take(lang, title):
    from skillscore.system.paths import manual_path

    text = manual_path(lang).read_text(encoding="utf-8")
    assert text.startswith(title)
    pictures = re.findall(r"!\[[^\]]*\]\(\.\./screenshots/([\w.-]+\.png)\)", text)
    assert len(pictures) >= 7
    # ui/screenshots.py takes the guide's pictures itself and through the scripts its main calls.
    main = (ROOT / "ui" / "screenshots.py").read_text(encoding="utf-8")
    called = re.findall(r"from \.(\w+_screenshots) import take as", main)
    assert "day_screenshots" in called and "codes_screenshots" in called
    scripts = main + "".join((ROOT / "ui" / f"{m}.py").read_text(encoding="utf-8") for m in called)
    for name in pictures:
        assert (ROOT / "docs" / "screenshots" / name).is_file(), name
        kind, _, shot = name[:-4].partition("-")
        assert kind in ("desk", "dialog"), name
        taken = f'"{shot}"' in scripts or f'"{kind}-{shot}"' in scripts
        assert taken, f"{name} is not taken by ui/screenshots.py"


def test_the_readme_links_the_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/manual/manual-zh.md" in readme and "docs/manual/manual-en.md" in readme
