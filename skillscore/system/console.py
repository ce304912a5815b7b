"""Standard output that never fails on encoding (CONTRACT.md, "under real conditions").

A Chinese Windows console or a redirect there encodes with GBK (cp936), which lacks ✓, ⚠,
▲ and the rarer characters of names: printing them raised UnicodeEncodeError. Text
output keeps the console's encoding and replaces what it cannot show; JSON is written
in UTF-8 whatever the code page, as JSON requires, so no character of a name is lost.
The windowed build has no console at all (sys.stdout is None): output goes nowhere.
"""

from __future__ import annotations

import os
import sys


def safe_streams(*, utf8_stdout: bool = False) -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
            continue
        try:
            if name == "stdout" and utf8_stdout:
                stream.reconfigure(encoding="utf-8", errors="strict")
            else:
                stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):
            pass  # not a text stream we can change (a test's capture): it takes any text


def print_utf8(data: bytes) -> None:
    """``print(data.decode("utf-8"))`` on a stdout that writes UTF-8 (``safe_streams(utf8_stdout=True)``),
    without decoding and encoding again megabytes of JSON (issue 18). The line's end goes
    through the text stream, which writes it as the system does ("\r\n" on Windows)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None or (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "") != "utf8":
        print(data.decode("utf-8"))  # a stream of another kind (a test's capture): as text
        return
    sys.stdout.flush()  # what the text stream holds goes first
    buffer.write(data)
    print()


def quiet_closed_pipe() -> None:
    """After a reader closed the pipe (``skillscore ranking FILE | head -1``): send whatever
    is still buffered nowhere, so that exiting does not raise BrokenPipeError again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def exit_now(code: int):
    """End the command at once with ``code``, its output flushed: what it wrote to files is
    closed by then (every file and the competition file are opened in ``with``). Tearing the
    interpreter down would free every row object one by one and run a last full garbage
    collection, ~40-80 ms after a 10,000-row command for nothing (issue 18)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:  # the reader left (``| head -1``): what it wanted it read
            quiet_closed_pipe()
        except (OSError, ValueError):
            code = code or 1
    os._exit(code)

