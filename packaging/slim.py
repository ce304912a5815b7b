"""What the frozen app leaves out (build.spec), and why.

PyInstaller's Qt hooks collect every plugin and translation of each Qt module they see;
the desk needs few of them. Three steps, each checked by tests/test_frozen.py:

1. Python modules that are never imported at run time are excluded (EXCLUDES); Pillow,
   which reportlab imports but never uses for our sheets, is replaced by a one-line
   stand-in (packaging/stubs/PIL).
2. Qt plugins and translations are filtered by their path in the bundle (keep_data,
   keep_binary): a platform plugin for the screen, input methods, Windows' styles; Qt's
   own translations only for Chinese and English.
3. The rare-name fallback fonts (38 MB of TrueType) ship xz-compressed (16 MB):
   keep_data drops the plain files and ``packed_fonts`` adds ``NAME.xz``, which the
   program unpacks into the user's cache on first use (skillscore/system/packed.py).
4. Libraries nothing needs any more are pruned (prune): a plugin left out leaves its
   dependencies behind (the GTK theme alone pulls in GTK, cairo and pango); what no
   kept extension module, plugin or library imports is dropped, on Linux and Windows
   alike (Windows: opengl32sw.dll, which Qt only loads for OpenGL we never use).
"""

from __future__ import annotations

import hashlib
import lzma
import os
import re
from pathlib import Path

EXCLUDES = [
    "tkinter", "numpy", "pytest", "hypothesis", "IPython",
    # Qt bindings the desk does not import (ui/ uses QtCore, QtGui, QtWidgets only).
    "PySide6.QtNetwork", "PySide6.QtDBus", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSvg",
    "PySide6.QtSvgWidgets", "PySide6.QtPrintSupport", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtSql",
    "PySide6.QtXml", "PySide6.QtTest", "PySide6.QtConcurrent", "PySide6.QtHelp", "PySide6.QtUiTools",
    "PySide6.QtDesigner",
    # The program makes no network connection: no TLS (urllib and http.client cope without it).
    "ssl",
    # reportlab's XML reader guesses encodings with it; the sheets never go through it.
    "charset_normalizer",
    # Interactive-console and foreign-codec modules: nothing here reads Japanese, Korean or
    # Big5 text (Chinese CSV from Excel is GBK/GB18030: _codecs_cn stays).
    "readline", "_codecs_jp", "_codecs_kr", "_codecs_tw", "_codecs_hk", "_codecs_iso2022",
]

# Qt plugins kept, by folder, then by name (None: every plugin of that folder).
PLUGINS = {
    "platforms": {"qwindows", "qxcb", "qoffscreen", "qminimal"},  # offscreen: the self-test
    # Chinese input methods on Linux (ibus); Windows has IME built in (its only plugin here is
    # the virtual keyboard, whose library Essentials does not ship).
    "platforminputcontexts": {"ibusplatforminputcontextplugin", "composeplatforminputcontextplugin"},
    "styles": None,  # Windows' own look (qmodernwindowsstyle)
}
QT_TRANSLATIONS = {"qtbase_zh_CN.qm", "qtbase_en.qm"}  # what ui/i18n.py installs


def _parts(dest: str) -> list[str]:
    return dest.replace("\\", "/").split("/")


def _plugin(dest: str) -> tuple[str, str] | None:
    """(folder, name) of a Qt plugin at ``dest`` in the bundle, else None. Linux wheels put
    them in PySide6/Qt/plugins/<folder>/, Windows wheels in PySide6/plugins/<folder>/."""
    parts = _parts(dest)
    if "PySide6" not in parts or len(parts) < 3 or parts[-3] != "plugins":
        return None
    stem = re.sub(r"^lib", "", parts[-1].split(".")[0])
    return parts[-2], stem


def keep_binary(dest: str) -> bool:
    found = _plugin(dest)
    if found is None:
        return True
    folder, stem = found
    if folder not in PLUGINS:
        return False
    names = PLUGINS[folder]
    return names is None or stem in names


PACKED_FONTS = re.compile(r"-subset\.ttf$")  # reports/fonts.py FALLBACKS


def keep_data(dest: str) -> bool:
    parts = _parts(dest)
    if parts[:2] == ["resources", "fonts"] and PACKED_FONTS.search(parts[-1]):
        return False  # shipped as .xz: packed_fonts
    if "PySide6" in parts and "translations" in parts[:-1]:
        return parts[-1] in QT_TRANSLATIONS
    if "PySide6" in parts and "plugins" in parts[:-1]:
        return keep_binary(dest)  # qmldir and json beside plugins
    return True


def _is_python_library(name: str) -> bool:
    # The bootloader loads libpython / pythonXY.dll itself: nothing imports it by name.
    return bool(re.match(r"^(lib)?python\d", name.lower()))


def prune(binaries, imports_of) -> tuple[list, list[str]]:
    """Keep extension modules, plugins, the Python library and every library reachable
    from them through ``imports_of(source_path) -> names``; return (kept, dropped names)."""
    by_name: dict[str, tuple] = {}
    roots = []
    for entry in binaries:
        dest, kind = entry[0], entry[2]
        base = os.path.basename(dest.replace("\\", "/"))
        if kind == "SYMLINK":  # PyInstaller's link to a library elsewhere: kept with its target, below
            continue
        if kind == "EXTENSION" or _plugin(dest) is not None or _is_python_library(base):
            roots.append(entry)
        else:
            by_name.setdefault(base.lower(), entry)
    kept = {id(e): e for e in roots}
    queue = list(roots)
    while queue:
        entry = queue.pop()
        for name in imports_of(entry[1]):
            dep = by_name.get(os.path.basename(name).lower())
            if dep is not None and id(dep) not in kept:
                kept[id(dep)] = dep
                queue.append(dep)
    targets = {e[0] for e in kept.values()}
    kept.update({id(e): e for e in binaries if e[2] == "SYMLINK" and e[1] in targets})
    result = [e for e in binaries if id(e) in kept]
    dropped = sorted(e[0] for e in binaries if id(e) not in kept)
    return result, dropped


def without_dangling_links(datas, binaries) -> list:
    """PyInstaller lists its links to libraries (``_internal/libQt6Core.so.6`` →
    ``PySide6/Qt/lib/…``) among the data; a link whose library was pruned goes too."""
    kept = {e[0] for e in binaries}
    return [e for e in datas if e[2] != "SYMLINK" or e[1] in kept]


def packed_fonts(fonts: Path, workdir: Path) -> list[tuple[str, str, str]]:
    """TOC entries ``(resources/fonts/NAME.xz, source, "DATA")`` of the fallback fonts,
    compressed into ``workdir`` (once per content: a rebuild reuses them; xz -9 takes ~10 s)."""
    entries = []
    for font in sorted(p for p in fonts.iterdir() if PACKED_FONTS.search(p.name)):
        data = font.read_bytes()
        out = Path(workdir) / "packed" / f"{hashlib.sha256(data).hexdigest()[:16]}" / (font.name + ".xz")
        if not out.is_file():
            from skillscore.system.files import atomic_write_bytes

            out.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(out, lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))
        entries.append((f"resources/fonts/{font.name}.xz", str(out), "DATA"))
    return entries
