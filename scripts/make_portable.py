"""The portable zip: the same onedir as the installer, for machines where nothing may be
installed.

    python scripts/make_portable.py dist/skillscore dist/skillscore-portable-0.1.0.zip

The zip holds one folder, skillscore/, with a note in Chinese on how to use it. Entries
are sorted and dated alike, so the same build gives the same zip.
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

NOTE_NAME = "便携版说明.txt"
NOTE = """职工技能大赛成绩管理 · 便携版

1. 把整个 skillscore 文件夹解压到本机硬盘（例如“文档”），不要在U盘上直接运行。
2. 双击 skillscore-gui.exe 打开录入台；按 F1 查看使用手册。
3. 竞赛文件默认保存在“文档\\skillscore”，与程序文件夹无关：删除程序文件夹不会删除竞赛文件和备份。
"""
STAMP = (2025, 1, 1, 0, 0, 0)


def make_zip(onedir: Path, out: Path) -> int:
    files = sorted(p for p in onedir.rglob("*") if p.is_file() or p.is_symlink())
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            info = zipfile.ZipInfo(f"skillscore/{path.relative_to(onedir).as_posix()}", STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            if path.is_symlink():  # Linux builds link libraries into _internal; stored as links, not copies
                info.external_attr = 0o120777 << 16
                zf.writestr(info, os.readlink(path))
                continue
            info.external_attr = (path.stat().st_mode & 0xFFFF) << 16  # keeps Linux's executable bit
            zf.writestr(info, path.read_bytes())
        zf.writestr(zipfile.ZipInfo(f"skillscore/{NOTE_NAME}", STAMP), NOTE.replace("\n", "\r\n").encode("utf-8"))
    return len(files) + 1


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: make_portable.py ONEDIR OUT.zip", file=sys.stderr)
        return 2
    count = make_zip(Path(args[0]), Path(args[1]))
    print(f"wrote {args[1]} ({count} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
