"""Line-level and inline markdown syntax removal (links, images, emphasis, headings, bullets).

All patterns are compiled once; each function is a handful of ``re.sub`` calls per line, which is
negligible next to the spaCy parse.
"""

from __future__ import annotations

import html
import re

# Every repetition is bounded so that a 1 MB line full of stray brackets or stars stays linear.
_IMAGE = re.compile(
    r"!\[[^\]\n]{0,500}\]\((?:[^()\n]|\([^()\n]{0,500}\)){0,2000}\)|!\[[^\]\n]{0,500}\]\[[^\]\n]{0,100}\]"
)
_LINK = re.compile(r"\[([^\]\n]{0,500})\]\((?:[^()\n]|\([^()\n]{0,500}\)){0,2000}\)")
_REF_LINK = re.compile(r"\[([^\]\n]{1,500})\]\[[^\]\n]{0,100}\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,300})?/?>")
_STRONG_STAR = re.compile(r"\*{1,3}(?=\S)(.{1,500}?)(?<=\S)\*{1,3}")
_STRONG_UNDER = re.compile(r"(?<!\w)_{1,3}(?=\S)(.{1,500}?)(?<=\S)_{1,3}(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)(.{1,500}?)(?<=\S)~~")
_CODE = re.compile(r"`+([^`\n]{0,500})`+")
_STRAY_STARS = re.compile(r"(?<!\S)\*{2,3}|\*{2,3}(?!\S)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~\"'])")
_SPACES = re.compile(r"\s+")

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-{2,})\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*\S+")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+(?=\S)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def strip_inline(text: str) -> str:
    """Markdown inline syntax to plain text: ``[text](url)`` -> text, images dropped, emphasis removed."""
    if "!" in text:
        text = _IMAGE.sub("", text)
    if "[" in text:
        text = _LINK.sub(r"\1", text)
        text = _REF_LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _TAG.sub("", text)
    if "*" in text:
        text = _STRONG_STAR.sub(r"\1", text)
        text = _STRAY_STARS.sub("", text)
    if "_" in text:
        text = _STRONG_UNDER.sub(r"\1", text)
    if "~" in text:
        text = _STRIKE.sub(r"\1", text)
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    return squeeze(text)


def squeeze(text: str) -> str:
    """Collapse runs of whitespace to one space and trim."""
    return _SPACES.sub(" ", text).strip()


def heading(line: str) -> str | None:
    """The text of an ATX heading line (``## Title``), else None."""
    match = _HEADING.match(line)
    return match[2] if match else None


def is_setext_underline(line: str) -> bool:
    """``=====`` or ``-----`` under a line, which makes that line a heading."""
    return bool(_SETEXT.match(line))


def is_skippable(line: str) -> bool:
    """Lines with no text of their own: rules, code fences, link definitions, table separators."""
    return bool(_RULE.match(line) or _FENCE.match(line) or _LINK_DEF.match(line) or _TABLE_RULE.match(line))


def strip_block_marks(line: str) -> tuple[str, bool]:
    """Remove blockquote marks and a list bullet; says whether the line was a list item."""
    if ">" in line[:4]:
        line = _QUOTE.sub("", line)
    bullet = _BULLET.match(line)
    if bullet:
        return line[bullet.end() :], True
    return line, False
