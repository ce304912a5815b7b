"""Files written the safe way: whole or not at all, and readable by the next person."""

from __future__ import annotations

import os
import stat

import pytest

from skillscore.system.files import atomic_path, atomic_write_bytes


def test_a_written_file_is_readable_by_others(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "sheet.pdf", b"%PDF-1.4")
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "sheet.pdf").stat().st_mode)
    assert mode == 0o644


def test_a_failure_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.sspkg"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("disk pulled")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.sspkg"]
