"""Bytes to text: binary detection, UTF-8 with repair, UTF-16 by BOM, cp1252 fallback.

Every problem becomes a short message for a one-line :class:`~whimbrel.errors.InputError`; nothing here
raises anything else.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

SNIFF_BYTES = 64_000  # how much of a file the binary test looks at
REPAIR_LIMIT = 0.01  # up to 1% undecodable UTF-8 is repaired with U+FFFD
CONTROL_LIMIT = 0.05  # more control characters than this and it is not text

# C0/C1 control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Invisible characters that only disturb tokenisation: zero-width spaces/joiners, soft hyphen, BOM.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_CP1252_HIGH = re.compile(rb"[\x80-\xff]")


class DecodeError(ValueError):
    """Bytes that are not usable text; ``str(exc)`` is the message for the InputError."""


def decode_bytes(data: bytes) -> str:
    """Decode article bytes to clean text, or raise DecodeError("binary file, not text") and the like."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return clean_text(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            raise DecodeError("invalid UTF-16 text") from exc
    if b"\x00" in data[:SNIFF_BYTES]:
        raise DecodeError("binary file, not text")
    text = _decode_8bit(data)
    sample = text[:SNIFF_BYTES]
    if sample and len(_CONTROL.findall(sample)) > CONTROL_LIMIT * len(sample):
        raise DecodeError("binary file, not text")
    return clean_text(text)


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    repaired = data.decode("utf-8-sig", errors="replace")
    # U+FFFD that were already in the file are not decoding failures.
    bad = repaired.count("\ufffd") - data.count("\ufffd".encode())
    if bad <= REPAIR_LIMIT * max(len(repaired), 1):
        return repaired
    if _plausible_cp1252(data):
        return data.decode("cp1252")
    raise DecodeError("invalid UTF-8, not readable as text")


def _plausible_cp1252(data: bytes) -> bool:
    """Western-European 8-bit text: decodes strictly and is mostly ASCII (accents are the exception)."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = len(_CP1252_HIGH.findall(data[:SNIFF_BYTES]))
    return high <= 0.15 * min(len(data), SNIFF_BYTES)


def clean_text(text: str) -> str:
    """NFC-normalize, unify line ends, drop invisible and control characters (tabs become spaces)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").replace("\f", "\n")
    # Unicode line/paragraph separators and no-break spaces become their plain equivalents.
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\xa0", " ")
    text = _INVISIBLE.sub("", text)
    return _CONTROL.sub("", text)
