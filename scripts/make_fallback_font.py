"""Rebuild the fallback fonts in resources/fonts/ from Debian's font packages (issue 13).

The sheet font (WenQuanYi Micro Hei) has the basic CJK block but not CJK Extensions A-H
nor 276 characters of the 通用规范汉字表 (8,105 characters). Three TrueType-outline (glyf)
fonts fill the gap, each cut down to exactly the CJK ideographs that the fonts before it
lack, so only glyphs nobody else has are carried:

  1. HanaMinA (fonts-hanazono): URO gaps, Ext A, and with them every character of the 表.
  2. HanaMinB (fonts-hanazono): Ext B-F.
     Hanazono is dual-licensed; we take the Hanazono Font License, which allows any use,
     modification and redistribution (its other choice, the OFL, reserves the names).
     The two halves stay two files: merged they would pass TrueType's 65,535-glyph limit.
  3. BabelStone Han (fonts-babelstone-han, Arphic Public License): what Hanazono lacks,
     chiefly Ext G and H (Hanazono 2017 predates them) and the last few of Ext A-C. Only
     ideographs are taken (the CC-BY-SA symbol glyphs stay out); the modification notice
     that the licence asks for is written into the font's name table (ID 10).

Usage (after `apt-get install fonts-hanazono fonts-babelstone-han`, or `apt-get download`
+ `dpkg -x PKG.deb DIR` and pass --root DIR):

    python scripts/make_fallback_font.py [--root /] [--out resources/fonts]

Needs fontTools (pip install fonttools); the program itself reads the results with
ReportLab and Qt only. Takes about a minute.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from skillscore.reports.fonts import CJK_BLOCKS, FALLBACK_NAMES, FALLBACKS, MAIN_FILE  # noqa: E402

HANAZONO = "usr/share/fonts/truetype/hanazono"
BABELSTONE = "usr/share/fonts/truetype/babelstone"
ORIGINS = (("Hanazono Mincho A 20170904 (HanaMinA.ttf)", "Hanazono Font License (see LICENSE-hanazono.txt)"),
           ("Hanazono Mincho B 20170904 (HanaMinB.ttf)", "Hanazono Font License (see LICENSE-hanazono.txt)"),
           ("BabelStone Han 15.0.5 (BabelStoneHan.ttf)", "Arphic Public License (see LICENSE-babelstone-han.txt)"))
NOTICE = ("Modified by skillscore (scripts/make_fallback_font.py) on {date}: subset of {source} to the CJK "
          "ideographs that the fonts before it in skillscore's fallback chain lack; hinting, layout tables, "
          "vertical metrics and glyph names removed; renamed {family}.")


def cmap(path: Path) -> dict[int, str]:
    return TTFont(path, lazy=True, fontNumber=0).getBestCmap()


def cut(path: Path, codes: set[int]) -> TTFont:
    font = TTFont(path)
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.glyph_names = False
    opts.notdef_outline = True
    opts.name_IDs = [0]
    opts.drop_tables += ["vhea", "vmtx", "BASE", "FFTM", "prop", "GDEF", "GSUB", "GPOS", "meta", "DSIG", "gasp"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(codes))
    sub.subset(font)
    return font


def rename(font: TTFont, family: str, source: str, licence: str) -> None:
    name = font["name"]
    copyright_ = name.getDebugName(0) or ""
    name.names = []
    notice = NOTICE.format(date=dt.date.today().isoformat(), source=source, family=family)
    for nid, text in ((0, copyright_), (1, family), (2, "Regular"), (3, f"{family}:{dt.date.today():%Y%m%d}"),
                      (4, family), (5, "Version 1.0; " + source), (6, family), (10, notice), (13, licence)):
        name.setName(text, nid, 3, 1, 0x409)
    font["OS/2"].fsType = 0  # installable embedding, as the sources allow


HEADERS = {
    "hanazono": (
        "hanazono-a-subset.ttf and hanazono-b-subset.ttf are subsets of HanaMinA.ttf and HanaMinB.ttf\n"
        "(Hanazono Mincho 20170904, GlyphWiki Project), made by scripts/make_fallback_font.py from\n"
        "Debian's fonts-hanazono 20170904-2.1: only the CJK ideographs that WenQuanYi Micro Hei lacks,\n"
        "without hinting, layout tables, vertical metrics or glyph names, and renamed\n"
        "SkillscoreHanazonoA / SkillscoreHanazonoB.\n\n"
        "The font is dual-licensed (Hanazono Font License or SIL OFL 1.1); skillscore uses and\n"
        "redistributes these subsets under the Hanazono Font License, which grants unlimited\n"
        "permission to use, copy and distribute, with or without modification. Embedding in PDF\n"
        "documents is allowed (OS/2 fsType 0, installable).\n\n"
        "Debian's copyright file for fonts-hanazono follows, unaltered.\n\n"),
    "babelstone": (
        "babelstone-han-subset.ttf is a subset of BabelStoneHan.ttf (BabelStone Han 15.0.5, Andrew\n"
        "West; derived from Arphic's AR PL Mingti2L Big5 and AR PL SungtiL GB), made by\n"
        "scripts/make_fallback_font.py from Debian's fonts-babelstone-han 15.0.5-2: only the CJK\n"
        "ideographs that WenQuanYi Micro Hei and the Hanazono subsets lack (chiefly Ext G and H),\n"
        "without hinting, layout tables, vertical metrics or glyph names, and renamed\n"
        "SkillscoreBabelStoneHan. The notice of modification required by section 2a of the\n"
        "Arphic Public License is in the font's name table (ID 10). The modified font is made\n"
        "freely available under the same licence (section 2b), with the script that makes it.\n"
        "No symbol glyphs are taken, so none of the CC-BY-SA glyphs listed below are included.\n"
        "Embedding in PDF documents is allowed (OS/2 fsType 0, installable).\n\n"
        "The Arphic Public License, unaltered, as the font carries it (name table ID 13), then\n"
        "Debian's copyright file for fonts-babelstone-han, unaltered.\n\n"),
}


def write_licences(root: Path, out: Path, babel: Path) -> None:
    docs = root / "usr/share/doc"
    hana = (docs / "fonts-hanazono" / "copyright").read_text(encoding="utf-8")
    (out / "LICENSE-hanazono.txt").write_text(HEADERS["hanazono"] + hana, encoding="utf-8")
    apl = TTFont(babel, lazy=True)["name"].getDebugName(13)
    copyright_ = (docs / "fonts-babelstone-han" / "copyright").read_text(encoding="utf-8")
    (out / "LICENSE-babelstone-han.txt").write_text(
        HEADERS["babelstone"] + apl + "\n\n" + "-" * 72 + "\n\n" + copyright_, encoding="utf-8")


def build(root: Path, out: Path) -> None:
    main = set(cmap(out / MAIN_FILE))
    wanted = {c for r in CJK_BLOCKS.values() for c in r} - main
    sources = [root / HANAZONO / "HanaMinA.ttf", root / HANAZONO / "HanaMinB.ttf", root / BABELSTONE / "BabelStoneHan.ttf"]
    taken: list[set[int]] = []
    for src, file, family, (origin, licence) in zip(sources, FALLBACKS, FALLBACK_NAMES, ORIGINS):
        codes = (wanted & set(cmap(src))) - set().union(*taken)
        taken.append(codes)
        font = cut(src, codes)
        rename(font, family, origin, licence)
        font.save(out / file)
        print(f"{file}: {len(codes)} characters, {(out / file).stat().st_size / 1e6:.1f} MB")
    write_licences(root, out, sources[-1])
    print(f"{'block':<6} {'total':>6} {'main':>6} " + " ".join(f"{f.split('-subset')[0]:>14}" for f in FALLBACKS)
          + f" {'missing':>8}")
    for block, r in CJK_BLOCKS.items():
        s = set(r)
        counts = [len(s & main)] + [len(s & t) for t in taken]
        print(f"{block:<6} {len(s):>6} {counts[0]:>6} " + " ".join(f"{n:>14}" for n in counts[1:])
              + f" {len(s) - sum(counts):>8}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=Path("/"), help="where the Debian packages are unpacked")
    ap.add_argument("--out", type=Path, default=ROOT / "resources" / "fonts")
    args = ap.parse_args()
    build(args.root, args.out)
