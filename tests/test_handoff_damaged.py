"""Damaged and forged handoff files: each refused by `verify` and by `new --from` with the
message that names what is wrong, and nothing written.

The files are sealed (issue 14). A forger without the code can only change ciphertext
(and fix up the manifest's hash): the cipher refuses it. The content checks behind the
cipher are exercised by a forger who holds the code and seals edited contents again."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from support import PIN, run_cli
from skillscore.exchange.handoff import MAX_MEMBER_BYTES
from skillscore.exchange.handoff_read import parse_package
from skillscore.exchange.results import canonical_json
from test_handoff_support import CODES, members, plain_member, prelim_package, rehash, rezip, with_manifest
from test_handoff_support import resealed as reseal

RESULTS, AUDIT = "results.json.sealed", "audit.json.sealed"
CODE: dict[str, str] = {}  # the good package's code, as its sheet prints it


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("good")
    path = prelim_package(folder, "东城区", committee="东城区初赛组委会", count=40, seed=3, prefix="D")
    CODE["good"] = CODES[path]
    return path.read_bytes()


def _plain(parts: dict, manifest: dict, member: str) -> bytes:
    return plain_member(parts, manifest, member, CODE["good"])


def _parts(good):
    parts = members(good)
    manifest = json.loads(parts["manifest.json"])
    return parts, manifest, json.loads(_plain(parts, manifest, RESULTS))


def resealed(parts: dict, manifest: dict, plain: dict[str, bytes]) -> bytes:
    """A forger who holds the code: edited contents sealed again, every hash fixed up."""
    return reseal(parts, manifest, plain, CODE["good"])


def flipped_byte(good):
    # A byte in the middle of the sealed results' compressed data: the CRC no longer holds.
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        info = zf.getinfo(RESULTS)
    start = info.header_offset + 30 + len(info.filename)
    data = bytearray(good)
    data[start + info.compress_size // 2] ^= 0x01
    return bytes(data)


def edited_results_old_fingerprint(good):
    parts, manifest, doc = _parts(good)
    doc["ranking"]["rows"][20]["advances"] = True  # one more "advances"
    return resealed(parts, manifest, {RESULTS: canonical_json(doc)})


def edited_results_and_counts_old_fingerprint(good):
    parts, manifest, doc = _parts(good)
    doc["contestants"][0]["theory"] = "100.00"
    return resealed(parts, manifest, {RESULTS: canonical_json(doc)})


def reformatted_results(good):
    # The same results pretty-printed, the member hash recomputed: the fingerprint still
    # holds (same content) but these are not the bytes the program writes.
    parts, manifest, doc = _parts(good)
    return resealed(parts, manifest, {RESULTS: json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1).encode()})


def changed_ciphertext(good):
    # A forger without the code: one byte inside the sealed results, the hash fixed up.
    parts, manifest = members(good), json.loads(members(good)["manifest.json"])
    sealed = bytearray(parts[RESULTS])
    sealed[len(sealed) // 2] ^= 0x01
    parts[RESULTS] = bytes(sealed)
    nonce = manifest["members"][RESULTS]["nonce"]
    manifest = rehash(manifest, RESULTS, parts[RESULTS])
    manifest["members"][RESULTS]["nonce"] = nonce
    return with_manifest(parts, manifest)


def truncated(good):
    return good[: len(good) * 2 // 3]


def extra_member(good):
    return rezip(sorted(members(good).items()) + [("notes.txt", b"hello")])


def path_traversal(good):
    return rezip(sorted(members(good).items()) + [("../../etc/cron.d/evil", b"* * * * * root rm -rf /")])


def absolute_path(good):
    return rezip(sorted(members(good).items()) + [("/tmp/evil.json", b"{}")])


def backslash_path(good):
    return rezip(sorted(members(good).items()) + [("..\\evil.json", b"{}")])


def oversized_manifest(good):
    parts = members(good)
    parts["manifest.json"] = b" " * (MAX_MEMBER_BYTES["manifest.json"] + 1)
    return rezip(sorted(parts.items()))


def zip_bomb(good):
    # 40 MB of zeros deflate to ~40 KB: under the size cap, far over any JSON's ratio.
    parts = members(good)
    parts[AUDIT] = bytes(40 * 1024 * 1024)
    return rezip(sorted(parts.items()))


def wrong_format_version(good):
    parts, manifest, _ = _parts(good)
    manifest["format"] = "skillscore-handoff/3"
    return with_manifest(parts, manifest)


def missing_member(good):
    return rezip([(n, c) for n, c in sorted(members(good).items()) if n != AUDIT])


def duplicate_member(good):
    import warnings

    items = sorted(members(good).items())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name; that is the point
        return rezip(items + [(RESULTS, items[2][1])])


def too_many_members(good):
    return rezip(sorted(members(good).items()) + [(f"x{i}.json", b"{}") for i in range(20)])


def not_a_zip(good):
    return "编号,姓名\nA001,张三\n".encode()


def empty_file(good):
    return b""


def manifest_disagrees(good):
    parts, manifest, _ = _parts(good)
    manifest["committee"] = "西城区初赛组委会"  # a forged label over real results
    return with_manifest(parts, manifest)


def edited_audit(good):
    parts, manifest, _ = _parts(good)
    audit = json.loads(_plain(parts, manifest, AUDIT))
    audit[5]["operator"] = "别人"
    return resealed(parts, manifest, {AUDIT: canonical_json(audit)})


def unfinished_results(good):
    # Fully re-signed (every hash and the fingerprint recomputed) but not final: an
    # unresolved tie. The fingerprint differs from the paper's, and the schema says why.
    parts, manifest, doc = _parts(good)
    doc["ranking"]["rows"][3]["tie"] = "unresolved"
    results = canonical_json(doc)
    audit = _plain(parts, manifest, AUDIT)
    manifest = {**manifest, "fingerprint": hashlib.sha256(results).hexdigest()}
    return resealed(parts, manifest, {RESULTS: results, AUDIT: audit})


def encrypted_flag(good):
    # Set the "encrypted" bit of manifest.json's central directory entry (offset 8).
    data = bytearray(good)
    at = good.find(b"PK\x01\x02")
    while at >= 0:
        name_len = int.from_bytes(good[at + 28:at + 30], "little")
        if good[at + 46:at + 46 + name_len] == b"manifest.json":
            data[at + 8] |= 0x01
        at = good.find(b"PK\x01\x02", at + 4)
    return bytes(data)


# (builder, the message's key words in Chinese, the English message's key words)
CASES = {
    "flipped byte": (flipped_byte, ["results.json", "已损坏"], ["damaged"]),
    "ciphertext changed, member hash fixed up": (changed_ciphertext, ["交接码打不开", "被改动", "未写入任何内容"],
                                                 ["does not open", "altered", "Nothing was written"]),
    "edited results, member hash recomputed, old fingerprint": (
        edited_results_old_fingerprint, ["成绩指纹不符", "定稿后被改动"], ["changed after finalising"]),
    "edited mark, member hash recomputed, old fingerprint": (
        edited_results_and_counts_old_fingerprint, ["成绩指纹不符"], ["fingerprint"]),
    "reformatted results": (reformatted_results, ["results.json", "规范格式"], ["canonical form"]),
    "truncated ZIP": (truncated, ["不是有效的成绩交接文件"], ["not a valid handoff file"]),
    "extra member": (extra_member, ["多余的成员「notes.txt」"], ["unexpected member 'notes.txt'"]),
    "path traversal": (path_traversal, ["不安全的成员路径", "../../etc/cron.d/evil"], ["unsafe member path"]),
    "absolute path": (absolute_path, ["不安全的成员路径", "/tmp/evil.json"], ["unsafe"]),
    "backslash": (backslash_path, ["不安全的成员路径"], ["backslash"]),
    "oversized member": (oversized_manifest, ["manifest.json", "过大"], ["too large"]),
    "zip bomb": (zip_bomb, ["audit.json", "压缩比异常", "压缩炸弹"], ["zip bomb"]),
    "wrong format version": (wrong_format_version, ["skillscore-handoff/3", "只能读取"],
                             ["reads 'skillscore-handoff/1 / skillscore-handoff/2'"]),
    "missing member": (missing_member, ["缺少成员「audit.json.sealed」"], ["lacks the member 'audit.json.sealed'"]),
    "duplicate member": (duplicate_member, ["results.json", "不止一次"], ["more than once"]),
    "too many members": (too_many_members, ["23 个成员"], ["23 members"]),
    "not a ZIP": (not_a_zip, ["不是有效的成绩交接文件"], ["not a valid handoff file"]),
    "empty file": (empty_file, ["不是有效的成绩交接文件"], ["not a valid handoff file"]),
    "manifest disagrees with results": (manifest_disagrees, ["清单与成绩不一致", "committee"], ["disagrees"]),
    "edited audit log": (edited_audit, ["审计日志", "第 6 条记录", "哈希链不符"], ["hash chain"]),
    "re-signed unfinished results": (unfinished_results, ["results.json", "尚未定稿"], ["not final"]),
    "encrypted member": (encrypted_flag, ["manifest.json", "已加密"], ["encrypted"]),
}


@pytest.fixture(scope="module")
def damaged(good, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("damaged")
    out = {}
    for i, (name, (build, _, _)) in enumerate(CASES.items()):
        path = folder / f"坏文件{i:02d}.sspkg"
        path.write_bytes(build(good))
        out[name] = path
    return out


def test_the_good_package_passes(good):
    assert parse_package(good, code=CODE["good"]).committee == "东城区初赛组委会"


@pytest.mark.parametrize("case", list(CASES))
def test_verify_refuses(case, damaged, tmp_path):
    _, words, english = CASES[case]
    path = damaged[case]
    before = sorted(p.name for p in path.parent.iterdir())
    out = run_cli("verify", path, "--code", CODE["good"])
    assert out.returncode == 1, out.stdout
    assert "Traceback" not in out.stderr and out.stdout == ""
    assert path.name in out.stderr  # the message names the package
    for word in words:
        assert word in out.stderr, (word, out.stderr)
    en = run_cli("verify", path, "--lang", "en", "--code", CODE["good"])
    assert en.returncode == 1 and all(w in en.stderr for w in english), en.stderr
    assert sorted(p.name for p in path.parent.iterdir()) == before  # never extracts anything


@pytest.mark.parametrize("case", list(CASES))
def test_new_from_refuses_and_writes_nothing(case, damaged, good, tmp_path):
    _, words, _ = CASES[case]
    fine = tmp_path / "西城区.sspkg"
    fine.write_bytes(good)
    before = sorted(p.name for p in tmp_path.iterdir())
    target = tmp_path / "复赛.sqlite"
    out = run_cli("new", target, "--from", fine, damaged[case], "--code", CODE["good"], CODE["good"], "--stage", "semifinal",
                  "--committee", "复赛组委会", "--pin", PIN)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert damaged[case].name in out.stderr and all(w in out.stderr for w in words), out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before
