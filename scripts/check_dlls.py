"""Does every DLL the frozen Windows app imports exist on a clean Windows laptop?

    python scripts/check_dlls.py dist/skillscore

Reads the import tables (and delay-load tables) of every .exe, .dll and .pyd in the
onedir with pefile. Each imported DLL must be shipped in the folder, or be part of
Windows 10/11 itself. A build machine has far more in System32 than a committee's laptop
(the Visual C++ runtime, for one), so "present on this runner" proves nothing: the list
below is of DLLs every Windows installation carries. Exit 1 naming each file that imports
something neither shipped nor listed.
"""

from __future__ import annotations

import sys
from pathlib import Path

# DLLs that ship with every Windows 10 (1903 and later) and 11.
WINDOWS_DLLS = {
    "advapi32", "authz", "avrt", "bcrypt", "cfgmgr32", "comctl32", "comdlg32", "crypt32", "d2d1",
    "d3d11", "d3d12", "d3d9", "dbghelp", "dcomp", "dnsapi", "dwmapi", "dwrite", "dxgi", "gdi32",
    "gdiplus", "glu32", "hid", "imm32", "iphlpapi", "kernel32", "mpr", "mscms", "msimg32", "msvcrt",
    "ncrypt", "netapi32", "ntdll", "ole32", "oleaut32", "opengl32", "powrprof", "propsys", "psapi",
    "rpcrt4", "secur32", "setupapi", "shcore", "shell32", "shlwapi", "ucrtbase", "uiautomationcore",
    "user32", "userenv", "usp10", "uxtheme", "version", "winhttp", "wininet", "winmm", "winspool",
    "wintrust", "ws2_32", "wtsapi32",
    # Windows' own ICU (icuuc/icuin since Windows 10 1703, icu since 1903): Qt 6 on Windows
    # uses it instead of shipping 38 MB of ICU as it does on Linux.
    "icu", "icuin", "icuuc",
}
API_SETS = ("api-ms-win-", "ext-ms-win-", "ext-ms-onecore-")  # resolved by the loader, not files


def is_windows_dll(name: str) -> bool:
    lower = name.lower()
    stem = lower.rsplit(".", 1)[0]
    return lower.startswith(API_SETS) or stem in WINDOWS_DLLS


def imports_of(path: Path) -> list[str]:
    import pefile

    pe = pefile.PE(str(path), fast_load=True)
    try:
        pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"],
                                               pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT"]])
        entries = getattr(pe, "DIRECTORY_ENTRY_IMPORT", []) + getattr(pe, "DIRECTORY_ENTRY_DELAY_IMPORT", [])
        return sorted({e.dll.decode("ascii", "replace") for e in entries})
    finally:
        pe.close()


def check(folder: Path) -> tuple[int, dict[str, list[str]]]:
    """(number of files read, {file: [DLLs neither shipped nor Windows']})."""
    files = [p for p in sorted(folder.rglob("*")) if p.suffix.lower() in (".exe", ".dll", ".pyd") and p.is_file()]
    shipped = {p.name.lower() for p in folder.rglob("*") if p.is_file()}
    missing = {}
    for path in files:
        lacking = [dll for dll in imports_of(path) if dll.lower() not in shipped and not is_windows_dll(dll)]
        if lacking:
            missing[str(path.relative_to(folder))] = lacking
    return len(files), missing


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    count, missing = check(Path(args[0]))
    for name, dlls in missing.items():
        print(f"{name}: imports {', '.join(dlls)}, which is neither shipped nor part of Windows")
    if count == 0:
        print(f"no .exe, .dll or .pyd under {args[0]}", file=sys.stderr)
        return 1
    print(f"{count} files checked, {len(missing)} with missing DLLs")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
