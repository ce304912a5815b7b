"""The Windows version resource of each program (Explorer ▸ Properties ▸ Details), made
from the package version, in PyInstaller's version-file format. Plain text, so it is
written and checked on any machine; PyInstaller compiles it into the .exe on Windows.
"""

from __future__ import annotations

import re

PRODUCT = "职工技能大赛成绩管理"
COMPANY = "北京市职工职业技能大赛组委会"
DESCRIPTIONS = {"skillscore-gui": "北京市职工职业技能大赛 成绩管理（录入台）",
                "skillscore": "北京市职工职业技能大赛 成绩管理（命令行）"}
LANGUAGE, CODEPAGE = 0x0804, 1200  # Chinese (PRC), Unicode


def version_tuple(version: str) -> tuple[int, int, int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def version_text(program: str, version: str) -> str:
    numbers = version_tuple(version)
    strings = {"CompanyName": COMPANY, "FileDescription": DESCRIPTIONS[program], "FileVersion": version,
               "InternalName": program, "LegalCopyright": f"© {COMPANY}", "OriginalFilename": f"{program}.exe",
               "ProductName": PRODUCT, "ProductVersion": version}
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('{LANGUAGE:04X}{CODEPAGE:04X}', [
          {table}])]),
    VarFileInfo([VarStruct('Translation', [{LANGUAGE:#06x}, {CODEPAGE}])])
  ]
)
"""


def write_version_file(path, program: str, version: str) -> str:
    from pathlib import Path

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(version_text(program, version), encoding="utf-8")
    return str(path)
