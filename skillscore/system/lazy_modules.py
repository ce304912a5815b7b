"""Modules that load when first used rather than when imported (issue 18).

ReportLab imports Pillow's ``PIL.Image`` as it loads (``reportlab.lib.utils``), but uses it
only to place raster images, and no sheet has one (the QR codes are drawn as shapes).
Loading it, with its C library, costs ~20 ms of every command that prints a sheet. Deferred
with the standard library's ``importlib.util.LazyLoader``, ``from PIL import Image`` hands
ReportLab a module object that runs Pillow's code on its first attribute access, so
anything that does use Pillow (openpyxl reading a workbook with pictures) gets the real
module. The frozen app already stands a stub in for Pillow (packaging/stubs/PIL), which has
no ``PIL.Image`` to defer.

Python 3.11's lazy module is not safe against two threads touching it first at the same
moment; nothing here touches it at all, so a race would need two workers placing images.
"""

from __future__ import annotations

import importlib.util
import sys


def defer(name: str) -> bool:
    """Make the submodule ``name`` (``"PIL.Image"``) load on first use; False when it is
    already loaded or not there. Its package is imported now (cheap); the submodule is
    set on it, so ``from package import sub`` finds it without touching it."""
    if name in sys.modules:
        return False
    parent, _, child = name.rpartition(".")
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):  # no such package: ReportLab will say so itself
        return False
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return False
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    if parent:
        # Without this, the import statement would look the module up in sys.modules and
        # ask it for __spec__, which is already the first use.
        setattr(sys.modules[parent], child, module)
    return True
