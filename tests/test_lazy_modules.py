"""Pillow's image module loads only when used (system/lazy_modules.py, issue 18): a sheet
printed in a fresh process never runs it, and whatever does use it gets the real module."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT, prelim_small

from skillscore.system.lazy_modules import defer


def _python(script: str, *args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_a_sheet_printed_in_a_fresh_process_never_loads_pillows_image_module(tmp_path):
    path = prelim_small(tmp_path / "p.sqlite")
    out = tmp_path / "results.pdf"
    script = (
        "import sys\n"
        "from skillscore.cli.run import main\n"
        "assert main(['report', sys.argv[1], 'results', '-o', sys.argv[2]]) == 0\n"
        # The module ReportLab holds: there, and not yet run (asked without importing it,
        # which would be its first use).
        "print('PIL._imaging' in sys.modules, type(sys.modules['PIL.Image']).__name__)\n"
    )
    assert _python(script, str(path), str(out))[-2:] == ["False", "_LazyModule"]
    assert out.read_bytes().startswith(b"%PDF")


def test_what_uses_the_deferred_module_gets_the_real_one():
    script = (
        "import sys\n"
        "import skillscore.reports\n"  # defers PIL.Image
        "import reportlab.lib.utils as u\n"
        "from PIL import Image\n"
        "assert u.Image is Image\n"
        "print('PIL._imaging' in sys.modules, Image.new('RGB', (3, 2)).size, 'PIL._imaging' in sys.modules)\n"
        "from reportlab.lib.utils import ImageReader\n"
        "print(ImageReader(Image.new('RGB', (4, 5))).getSize())\n"
    )
    assert _python(script) == ["False", "(3,", "2)", "True", "(4,", "5)"]


def test_a_loaded_or_missing_module_is_left_as_it_is():
    assert defer("json") is False  # loaded already
    assert "skillscore_no_such_package.sub" not in sys.modules
    assert defer("skillscore_no_such_package.sub") is False
    assert "skillscore_no_such_package.sub" not in sys.modules
    assert defer("json.no_such_module") is False


def test_the_ranking_loads_no_module_only_writing_commands_need(tmp_path):
    """Each of these is imported where it is used (issue 18): files written whole (tempfile,
    and through it shutil and random), PINs and codes (secrets), the font cache (pickle),
    retirement dates (calendar), argparse's terminal width (shutil). Counted from what the
    interpreter had before skillscore: a site-packages .pth may load some at startup (certifi's
    path hooks load tempfile on some machines), and those are not ours to avoid."""
    path = prelim_small(tmp_path / "p.sqlite")
    script = (
        "import sys, io, contextlib\n"
        "watched = ('shutil', 'tempfile', 'random', 'secrets', 'pickle', 'calendar')\n"
        "before = {m for m in watched if m in sys.modules}\n"
        "from skillscore.cli.run import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['ranking', sys.argv[1], '--json']) == 0\n"
        "print(sorted(m for m in watched if m in sys.modules and m not in before))\n"
    )
    assert _python(script, str(path)) == ["[]"]
