"""Draw resources/icon/skillscore.svg into the Windows icon and the window icon.

    python scripts/make_icon.py

Writes resources/icon/skillscore.ico (16, 24, 32, 48, 64, 128 and 256 pixels: what
Explorer, the taskbar, the Start menu and high-DPI screens ask for) and
skillscore-256.png (the window icon; Qt reads PNG without an image-format plugin). Each
size is rendered from the SVG at that size, not scaled down from 256, so small icons stay
sharp. Both files are committed: a build never needs this script.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icon"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO with one PNG-compressed 32-bit image per size (Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        # Width and height are one byte each: 0 stands for 256.
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def main(argv: list[str] | None = None) -> int:
    """``make_icon.py [OUT_DIR]``: writes into resources/icon unless told otherwise (tests)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else ICON_DIR
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        main.app = QGuiApplication(sys.argv[:1])  # QPainter needs one, alive while it paints
    svg = ICON_DIR / "skillscore.svg"
    pngs = {size: render_png(svg, size) for size in SIZES}
    out.mkdir(parents=True, exist_ok=True)
    (out / "skillscore.ico").write_bytes(ico_bytes(pngs))
    (out / "skillscore-256.png").write_bytes(pngs[256])
    print(f"wrote {out / 'skillscore.ico'} ({', '.join(map(str, SIZES))}) and skillscore-256.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
