"""Language, translations and the bundled font: what the desk sets up before any window.

The interface is written with Chinese source strings (``self.tr("排名")``); English comes
from ``resources/translations/skillscore_en.ts`` compiled to ``.qm`` with
pyside6-lrelease. The chosen language is remembered in QSettings. Messages from the core
are rendered by ``skillscore.messages.render(code, lang)`` with ``current_lang()``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from skillscore.system.paths import FALLBACK_FONT_FILES, fallback_font_path, font_path, resources_dir

LANGUAGES = ("zh", "en")
FONT_POINT_SIZE = 10
_state: dict = {"lang": "zh", "translators": [], "family": None, "families": []}


class SetupError(RuntimeError):
    """The font or the translations could not be loaded (the self-test reports it)."""


def settings() -> QSettings:
    # An ini file in the user's profile: readable, and tests can point it at a temp folder.
    return QSettings(QSettings.IniFormat, QSettings.UserScope, "skillscore", "desk")


def translations_dir() -> Path:
    return resources_dir() / "translations"


def translation_file(lang: str) -> Path:
    return translations_dir() / f"skillscore_{lang}.qm"


def current_lang() -> str:
    return _state["lang"]


def saved_lang() -> str:
    lang = str(settings().value("lang", "zh"))
    return lang if lang in LANGUAGES else "zh"


def install_language(lang: str, *, remember: bool = False) -> None:
    """Swap the installed translators; Chinese needs none of ours, only Qt's own (确定/取消)."""
    if lang not in LANGUAGES:
        raise SetupError(f"unknown language {lang!r}")
    app = QCoreApplication.instance()
    for old in _state["translators"]:
        app.removeTranslator(old)
    _state["translators"] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    wanted = [(f"qtbase_{'zh_CN' if lang == 'zh' else 'en'}", qt_dir, False)]
    if lang == "en":
        wanted.append((translation_file("en").stem, str(translations_dir()), True))
    for name, folder, required in wanted:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _state["translators"].append(translator)
        elif required:
            raise SetupError(f"cannot load translations {Path(folder) / name}.qm")
    _state["lang"] = lang
    if remember:
        settings().setValue("lang", lang)


def load_font() -> str:
    """Register the bundled CJK font and its fallbacks (the rare-name fonts of issue 13) and
    make them the application font; return the main family.

    The application font lists every family (``QFont.setFamilies``), so Qt draws each
    character with the first that has it: 赵孟𫖯 shows on the desk and the projector with
    the same fonts as on paper, whatever fonts the machine has."""
    if _state["family"]:
        return _state["family"]
    families = []
    for path in [font_path()] + [fallback_font_path(name) for name in FALLBACK_FONT_FILES]:
        font_id = QFontDatabase.addApplicationFont(str(path))
        found = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not found:
            raise SetupError(f"cannot load the bundled font {path}")
        families.append(found[0])
    app = QCoreApplication.instance()
    app.setFont(with_fallbacks(QFont(families[0], FONT_POINT_SIZE), families))
    _state["family"], _state["families"] = families[0], families
    return families[0]


def with_fallbacks(font: QFont, families: list[str] | None = None) -> QFont:
    """``font`` with the bundled fallback families after its own (a QFont built from one
    family name alone would lose them)."""
    families = families or _state["families"]
    if families:
        font.setFamilies([font.family()] + [f for f in families if f != font.family()])
    return font


def font_families() -> list[str]:
    return list(_state["families"])


def font_family() -> str | None:
    return _state["family"]
