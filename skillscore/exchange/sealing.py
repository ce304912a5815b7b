"""Sealing what travels on a USB stick under a code printed on paper (交接码, issue 14).

A handoff file (and a desk file) may be lost with its stick. Its members holding
personal data are encrypted under a key derived from a code that the signed paper sheet
(or the exporting desk's screen) shows and the file never contains.

Decisions, and why:
- The code: 16 symbols from a 31-symbol alphabet without look-alikes (digits 2–9 and
  letters without I, L, O; so no 0/O, 1/I/L), from ``secrets`` (the OS's secure random
  source): 16 × log2(31) ≈ 79.3 bits. Written in four groups of four (``ABCD-EFGH-JKMN-
  PQRS``). Typed input is normalised: full-width characters (NFKC), any case, spaces,
  hyphens and other separators dropped. No check symbol: a wrong code is caught by the
  cipher's authentication anyway, and the message says it may be a typing error or a
  wrong or altered file (the two cannot be told apart without the key).
- The key: scrypt (n=2^17, r=8, p=2; 128 MiB, ~0.44 s on the development machine,
  measured with ``Scrypt(...).derive`` three times) of the normalised code and a 16-byte
  random salt, 64 bytes: the first 32 the AES-256-GCM key, the last 32 an HMAC key for
  the nonces. The parameters and salt are in the file's manifest; a reader accepts only
  n 2^14..2^18, r 8, p 1..4, so a forged manifest cannot make it spend gigabytes.
- Each member: zlib-compressed (the ciphertext would not compress), then AES-256-GCM with
  associated data naming the file kind, the member and the results' fingerprint (a
  member cannot be moved to another slot or another file). The 96-bit nonce is the HMAC
  of the member's name and compressed bytes: the same plaintext gives the same bytes
  (exports stay deterministic) and a different plaintext under the same key (an audit log
  that grew after finalising) gets a different nonce, so GCM never sees a nonce twice
  with two messages.
- The code of a finalised stage is made at finalise (or, for a file finalised before
  this rule, at its first export or print) and kept in the competition file's ``meta``
  (key ``handoff_code``, JSON with the fingerprint it belongs to, the code and the salt),
  never in the results document, so the fingerprint is what it always was. Every export
  and every sheet of that finalised version shows the same code; a reopen and finalise
  gives a new fingerprint and so a new code.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import secrets
import unicodedata
import zlib
from dataclasses import dataclass

from ..errors import RefusedError, UsageError
from ..messages import register

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 symbols: no 0/O, 1/I/L
GROUPS, GROUP = 4, 4
LENGTH = GROUPS * GROUP
KDF = {"name": "scrypt", "n": 2 ** 17, "r": 8, "p": 2}
CIPHER = "AES-256-GCM"
SALT_BYTES, NONCE_BYTES = 16, 12
META_KEY = "handoff_code"

register(
    {
        "handoff_not_finalized": (  # raised here by stage_code, and by handoff.export_package
            "本阶段尚未定稿，不能导出成绩交接文件：请裁判长先定稿",
            "This stage is not finalised, so no handoff file can be exported: the chief judge must finalise first",
        ),
        "code_count": (
            "给出了 {codes} 个交接码，但有 {files} 个文件：请按文件的顺序每个文件给一个（未加密的旧文件可写 -）",
            "{codes} code(s) for {files} file(s): give one per file, in the files' order (- for an old unsealed file)",
        ),
        "code_malformed": (
            "交接码「{typed}」格式不对：应为 16 个字符（可分为 4 组），只含数字 2–9 和字母（没有 0、1、I、L、O）",
            "The code '{typed}' is not well formed: 16 characters (in 4 groups), digits 2–9 and letters only "
            "(there is no 0, 1, I, L or O in a code)",
        ),
    }
)


class WrongCode(Exception):
    """The cipher's authentication failed: the code is wrong, or the bytes were changed."""


def new_code() -> str:
    return format_code("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def format_code(symbols: str) -> str:
    return "-".join(symbols[i:i + GROUP] for i in range(0, len(symbols), GROUP))


def normalize_code(text: str) -> str:
    """The code as typed (any case, full-width, with or without separators) in its printed
    form; refuse what cannot be a code, so a typing error is named before the slow key."""
    folded = unicodedata.normalize("NFKC", text or "").upper()
    symbols = "".join(ch for ch in folded if ch.isalnum())
    if len(symbols) != LENGTH or any(ch not in ALPHABET for ch in symbols):
        shown = (text or "").strip()
        raise RefusedError("code_malformed", typed=shown[:40] + ("…" if len(shown) > 40 else ""))
    return format_code(symbols)


def paired_codes(files: list, codes: list[str | None] | None) -> list[str | None]:
    """One code per file, in the files' order (CONTRACT.md); none at all is fine for
    files that are not sealed, which say so themselves when they are."""
    if not codes:
        return [None] * len(files)
    if len(codes) != len(files):
        raise UsageError("code_count", codes=len(codes), files=len(files))
    return list(codes)


def kdf_problem(kdf: object) -> str | None:
    """Why a manifest's key derivation parameters are refused (None: accepted)."""
    if not isinstance(kdf, dict) or kdf.keys() != {"name", "n", "r", "p", "salt"} or kdf["name"] != "scrypt":
        return "kdf"
    n, r, p, salt = kdf["n"], kdf["r"], kdf["p"], kdf["salt"]
    if any(type(v) is not int for v in (n, r, p)) or n not in {2 ** k for k in range(14, 19)} or r != 8 \
            or not 1 <= p <= 4:
        return "kdf"
    if type(salt) is not str or len(salt) != 2 * SALT_BYTES or any(c not in "0123456789abcdef" for c in salt):
        return "kdf.salt"
    return None


@dataclass(frozen=True)
class Keys:
    """The keys derived from a code: the AES-256-GCM key, and the HMAC key that makes the nonces."""

    cipher: bytes
    nonce: bytes


def derive(code: str, kdf: dict) -> Keys:
    """The keys for a code under a manifest's (checked) parameters."""
    return _derive(normalize_code(code), kdf["salt"], kdf["n"], kdf["r"], kdf["p"])


@functools.lru_cache(maxsize=16)
def _derive(code: str, salt: str, n: int, r: int, p: int) -> Keys:
    # Remembered for the process: the GUI checks a file when its code is typed and reads
    # it again to build the roster; a second ~0.4 s (and 128 MiB) per file buys nothing.
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    raw = Scrypt(salt=bytes.fromhex(salt), length=64, n=n, r=r, p=p).derive(code.encode("ascii"))
    return Keys(raw[:32], raw[32:])


def new_kdf(salt: str | None = None) -> dict:
    return {**KDF, "salt": salt or secrets.token_hex(SALT_BYTES)}


def associated(kind: str, member: str, fingerprint: str) -> bytes:
    return f"{kind}\n{member}\n{fingerprint}".encode("utf-8")


def seal(keys: Keys, member: str, plaintext: bytes, aad: bytes) -> tuple[str, bytes]:
    """(nonce in hex, ciphertext with its tag) of one member."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    packed = zlib.compress(plaintext, 6)
    nonce = hmac.new(keys.nonce, member.encode("utf-8") + b"\0" + packed, hashlib.sha256).digest()[:NONCE_BYTES]
    return nonce.hex(), AESGCM(keys.cipher).encrypt(nonce, packed, aad)


def unseal(keys: Keys, nonce: str, ciphertext: bytes, aad: bytes, limit: int) -> bytes:
    """The plaintext, at most ``limit`` bytes; WrongCode when authentication fails."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        packed = AESGCM(keys.cipher).decrypt(bytes.fromhex(nonce), ciphertext, aad)
    except (InvalidTag, ValueError):
        raise WrongCode() from None
    inflater = zlib.decompressobj()
    try:
        plain = inflater.decompress(packed, limit + 1)
    except zlib.error:
        raise WrongCode() from None  # authentic bytes are always a whole zlib stream
    if len(plain) > limit or not inflater.eof:
        raise ValueError(f"member larger than {limit} bytes")
    return plain


def check_nonce(nonce: object) -> bool:
    return type(nonce) is str and len(nonce) == 2 * NONCE_BYTES and all(c in "0123456789abcdef" for c in nonce)


# -- the code of a finalised stage, kept in the competition file ---------------------------
@dataclass(frozen=True)
class StageCode:
    """The code (交接码) of a finalised stage and the salt its keys are derived with, as kept in ``meta``."""

    code: str
    salt: str


def make_stage_code(store, fingerprint: str) -> StageCode:
    """A new code for this finalised version; the caller holds the transaction."""
    made = StageCode(new_code(), secrets.token_hex(SALT_BYTES))
    store.set_meta(META_KEY, json.dumps({"fingerprint": fingerprint, "code": made.code, "salt": made.salt}))
    return made


def stage_code(comp) -> StageCode:
    """The code of ``comp``'s finalised stage, made now if the file has none for it yet."""
    info = comp.info()
    if not info.finalized:
        raise RefusedError("handoff_not_finalized")
    try:
        held = json.loads(comp.store.meta(META_KEY) or "null")
    except ValueError:
        held = None
    if isinstance(held, dict) and held.get("fingerprint") == info.fingerprint:
        return StageCode(held["code"], held["salt"])
    with comp.store.transaction():
        return make_stage_code(comp.store, info.fingerprint)
