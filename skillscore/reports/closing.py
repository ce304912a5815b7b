"""The end of every sheet and the mark of a draft: summary lines, the signature lines
(裁判长, 监督, 记分员, 日期) and, once finalised, the result version and fingerprint in text
and as a QR code, so the receiving committee can match a USB file to the signed paper;
the results and advancement sheets add the handoff code (交接码) that opens the file, in
text and as a second QR code (captioned, so the two are not confused).
While the stage is not finalised, every page carries a large 草稿 / DRAFT watermark.

``closing_height`` and ``draw_closing`` sit side by side so the room reserved for the
block is the room it takes.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor

from .fonts import FONT
from .words import word

QR_SIZE = 62.0
SUMMARY_LEADING = 13.0
GAP_ABOVE = 12.0  # between the table and the block (the caller's offset)


CODE_SHEETS = ("results", "advancement")  # the sheets signed for the handoff (issue 14)


def code_shown(sheet) -> str | None:
    """The handoff code this sheet prints: the finalised results and advancement sheets of
    a competition file do, in text and as a second QR code a USB scanner can type."""
    return sheet.source.code if sheet.source.finalized and sheet.spec.kind in CODE_SHEETS else None


def closing_height(summary_lines: int, finalized: bool, code: bool = False) -> float:
    signatures = 58.0  # two rows of signature lines
    qr_and_fingerprint = 92.0  # the QR beside the signatures, the fingerprint under both
    code_line = 13.0 if code else 0.0
    return GAP_ABOVE + SUMMARY_LEADING * summary_lines + 10 + (qr_and_fingerprint + code_line if finalized
                                                               else signatures) + 6


def draw_closing(sheet, c, y: float) -> None:
    from .page import BLACK, GREY_TEXT

    lang, x0, width = sheet.lang, sheet.x0, sheet.width
    for line in sheet.spec.summary:
        sheet.text(c, x0, y - 9, line, 8.5)
        y -= SUMMARY_LEADING
    y -= 10
    finalized = sheet.source.finalized
    code = code_shown(sheet)
    sign_right = x0 + width - ((QR_SIZE + 16) * (2 if code else 1) if finalized else 0)
    half = (sign_right - x0) / 2
    colon = ":" if lang == "en" else "："
    slots = [[word("chief_judge", lang), word("supervisor", lang)], [word("scorer", lang), word("sign_date", lang)]]
    c.setStrokeColor(BLACK)
    c.setLineWidth(0.6)
    for r, pair in enumerate(slots):
        base = y - 20 - r * 28
        for k, label in enumerate(pair):
            x = x0 + k * half
            w = sheet.text(c, x, base, label + colon, 10)
            c.line(x + w + 4, base - 2, x + half - 18, base - 2)
            if r == 1 and k == 1 and lang != "en":
                # Room for a handwritten date: ____年___月___日
                span = half - 18 - w - 4
                for frac, ch in ((0.45, "年"), (0.72, "月"), (0.98, "日")):
                    sheet.text(c, x + w + 4 + span * frac - 10, base, ch, 10)
    if finalized:
        fp = sheet.source.fingerprint
        _draw_qr(c, fp, x0 + width - QR_SIZE, y - QR_SIZE - 2)
        if code:
            # Captions tell the two QR codes apart; the code's QR holds exactly what is typed.
            code_x = x0 + width - 2 * QR_SIZE - 16
            _draw_qr(c, code, code_x, y - QR_SIZE - 2)
            sheet.text(c, code_x + QR_SIZE / 2, y - QR_SIZE - 9, word("qr_code_caption", lang), 6.5, align="center",
                       colour=GREY_TEXT)
            sheet.text(c, x0 + width - QR_SIZE / 2, y - QR_SIZE - 9, word("qr_fingerprint_caption", lang), 6.5,
                       align="center", colour=GREY_TEXT)
        y -= 68
        sheet.text(c, x0, y - 8, word("fingerprint_title", lang) + colon, 7.5, colour=GREY_TEXT)
        sheet.text(c, x0, y - 19, fp, 8.5)
        sheet.text(c, x0 + width, y - 19, word("fingerprint_hint", lang), 7, align="right", colour=GREY_TEXT)
        if code:
            w = sheet.text(c, x0, y - 32, word("handoff_code_title", lang) + colon, 7.5, colour=GREY_TEXT)
            sheet.text(c, x0 + w + 2, y - 32, code, 9.5)


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code's dark modules, row by row from the top (error correction M)."""
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    qr = QRCode(None, QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    n = qr.getModuleCount()
    return [[qr.isDark(r, col) for col in range(n)] for r in range(n)]


def _draw_qr(c, payload: str, x: float, y: float) -> None:
    """The modules as filled squares straight on the page (ReportLab's QR widget would
    go through renderPDF, which drags in platypus and lists an unembedded Helvetica)."""
    from .pdfops import fill_rects

    modules = qr_modules(payload)
    unit = QR_SIZE / len(modules)
    top = y + QR_SIZE
    black = HexColor("#000000")
    fill_rects(c, [(black, x + col * unit, top - (r + 1) * unit, unit, unit)
                   for r, line in enumerate(modules) for col, dark in enumerate(line) if dark])


def draw_watermark(sheet, c) -> None:
    """草稿 / DRAFT across the page. Drawn once per document as a form and placed on every
    page: written out in full, ReportLab's text and matrix operators cost ~80 µs a page
    (26 ms on a 326-page sheet, issue 18). The transparency is set on the page, around
    the form: ReportLab lists no ExtGState among a form's resources."""
    name = f"skillscoreDraft-{sheet.lang}"
    if not c.hasForm(name):
        c.beginForm(name)
        _watermark_text(sheet, c)
        c.endForm()
    c.saveState()
    c.setFillAlpha(0.2)
    c.doForm(name)
    c.restoreState()


def _watermark_text(sheet, c) -> None:
    from .page import PAGE_H, PAGE_W

    c.saveState()
    c.setFillColor(HexColor("#808080"))
    c.translate(PAGE_W / 2, PAGE_H / 2)
    c.rotate(38)
    if sheet.lang == "en":
        c.setFont(FONT, 130)
        c.drawCentredString(0, -40, "DRAFT")
    else:
        c.setFont(FONT, 150)
        c.drawCentredString(0, 10, "草稿")
        c.setFont(FONT, 70)
        c.drawCentredString(0, -70, "DRAFT")
    c.restoreState()
