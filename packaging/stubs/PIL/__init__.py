"""Stand-in for Pillow in the frozen app (build.spec puts packaging/stubs first on the path).

reportlab imports ``from PIL import Image`` whenever it loads, but needs Pillow only to
place raster images in a PDF, and no sheet has one (the fingerprint's QR code is drawn as
vector shapes). With ``Image = None`` reportlab runs as it does without Pillow
(``haveImages`` is False), and openpyxl, which imports Pillow only for pictures in
workbooks, likewise. Pillow and its image libraries are 16 MB of the bundle. The frozen
self-test prints and exports a real sheet through this stand-in; tests/test_frozen.py and
tests/test_windows_packaging.py run it.
"""

Image = None
