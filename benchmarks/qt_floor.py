"""The Qt floor Q of issue 18: a bare QApplication showing an empty QMainWindow.

Prints ``painted-at <time.time()>`` after the window's first paint, then quits. The
desk's cold start is measured the same way (``SKILLSCORE_EXIT_AFTER_PAINT=1``, ui/app.py),
so both figures count interpreter start, imports and the first painted frame.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and not self.property("seen"):
            self.setProperty("seen", True)
            # After the whole frame: the rest of this paint cycle runs before the timer.
            QTimer.singleShot(0, lambda: (print(f"painted-at {time.time():.6f}", flush=True), app.quit()))
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
probe = FirstPaint()
window.installEventFilter(probe)
window.resize(1366, 768)
window.show()
sys.exit(app.exec())
