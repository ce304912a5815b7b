"""Resources the frozen app ships compressed (issue 15): the rare-name fallback fonts go
as .xz and are unpacked once into the user's cache, whole or not at all."""

from __future__ import annotations

import lzma
import os
import subprocess
import sys
from pathlib import Path

import pytest

from skillscore.system.packed import resource_file

from support import ROOT

FONT = ROOT / "resources" / "fonts" / "babelstone-han-subset.ttf"  # the smallest fallback, 4 MB


@pytest.fixture
def bundle(tmp_path):
    """A bundled fonts folder as the onedir holds it: only NAME.ttf.xz."""
    folder = tmp_path / "resources" / "fonts"
    folder.mkdir(parents=True)
    (folder / (FONT.name + ".xz")).write_bytes(lzma.compress(FONT.read_bytes(), preset=1))
    return folder / FONT.name


def test_a_plain_file_is_used_as_it_is(tmp_path):
    assert resource_file(FONT, cache=tmp_path) == FONT
    assert list(tmp_path.iterdir()) == []


def test_only_the_packed_file_is_unpacked_once_into_the_cache(bundle, tmp_path):
    cache = tmp_path / "cache"
    got = resource_file(bundle, cache=cache)
    assert got.parent == cache and got.read_bytes() == FONT.read_bytes()
    packed_size = (bundle.parent / (FONT.name + ".xz")).stat().st_size
    assert got.name == f"{FONT.stem}-{packed_size}.ttf"  # a new program's font never meets an old copy
    stamp = got.stat().st_mtime_ns
    assert resource_file(bundle, cache=cache) == got and got.stat().st_mtime_ns == stamp  # not unpacked again
    assert [p.name for p in cache.iterdir()] == [got.name]  # no temporary file left behind


def test_an_unwritable_cache_falls_back_to_the_next_place(bundle, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    got = resource_file(bundle, cache=blocked / "unpacked")
    assert got.parent == tmp_path / "xdg" / "skillscore" / "unpacked"
    assert got.read_bytes() == FONT.read_bytes()


def test_a_missing_resource_is_returned_for_the_caller_to_report(tmp_path):
    missing = tmp_path / "gone.ttf"
    assert resource_file(missing, cache=tmp_path / "c") == missing and not (tmp_path / "c").exists()


def test_a_copy_cut_off_midway_is_never_taken_for_whole(bundle, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    packed_size = (bundle.parent / (FONT.name + ".xz")).stat().st_size
    # What a power cut leaves: a partial temporary file beside the final name, never the name.
    (cache / f".{FONT.stem}-{packed_size}.ttf.k3x9q2w1.tmp").write_bytes(FONT.read_bytes()[:1000])
    got = resource_file(bundle, cache=cache)
    assert got.read_bytes() == FONT.read_bytes()


def test_two_programs_unpacking_at_once_both_get_the_whole_font(bundle, tmp_path):
    cache = tmp_path / "cache"
    script = ("import sys; from pathlib import Path; from skillscore.system.packed import resource_file; "
              "print(resource_file(Path(sys.argv[1]), cache=Path(sys.argv[2])))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", script, str(bundle), str(cache)], stdout=subprocess.PIPE,
                              text=True, env=env) for _ in range(2)]
    paths = {Path(p.communicate(timeout=60)[0].strip()) for p in procs}
    assert all(p.returncode == 0 for p in procs)
    assert len(paths) == 1 and next(iter(paths)).read_bytes() == FONT.read_bytes()
    assert [p.name for p in cache.iterdir()] == [next(iter(paths)).name]  # no temporary file left


def test_a_new_copy_removes_the_copies_older_versions_unpacked(bundle, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"{FONT.stem}-12345.ttf").write_bytes(b"an older version's copy")
    (cache / "hanazono-b-subset-999.ttf").write_bytes(b"another font's copy")
    got = resource_file(bundle, cache=cache)
    assert sorted(p.name for p in cache.iterdir()) == sorted([got.name, "hanazono-b-subset-999.ttf"])


def test_with_no_cache_at_all_a_private_folder_is_used_never_a_shared_copy(bundle, tmp_path, monkeypatch):
    import skillscore.system.packed as packed

    def no_home(**kwargs):
        raise RuntimeError("Could not determine home directory.")
    monkeypatch.setattr(packed, "cache_dir", no_home)
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    planted = tmp_path / "skillscore-unpacked" / f"{FONT.stem}-1.ttf"
    planted.parent.mkdir()
    planted.write_bytes(b"left by someone else")
    got = resource_file(bundle)
    assert got.read_bytes() == FONT.read_bytes() and got.parent.name.startswith("skillscore-unpacked-")
    assert resource_file(bundle).parent != got.parent  # never reused from the shared folder
