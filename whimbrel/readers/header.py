"""Header-block articles: ``key: value`` lines, a blank line, then the text.

    url: https://example.org/2017/ceasefire
    outlet: Example Wire
    published: 2017-05-04        (``unknown`` or empty = missing)
    title: Ceasefire agreed

    The text ...

A text is taken for a header block only when its first line is a known key (see ``fields.tsv``).
"""

from __future__ import annotations

import re

from whimbrel.readers.config import ReaderConfig

_KEY_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9 _-]{0,39}?)[ \t]*:[ \t]*(.*?)\s*$")
# "text" is a JSON Lines field; in a header block the text is what follows the blank line.
_NOT_HEADER = frozenset({"text"})


def _known(line: str, config: ReaderConfig) -> tuple[str, str] | None:
    match = _KEY_LINE.match(line)
    if not match:
        return None
    target = config.field_of(match[1])
    if target is None or target in _NOT_HEADER:
        return None
    return target, match[2]


def has_header(text: str, config: ReaderConfig) -> bool:
    """Whether ``text`` starts with a header block (its first line is a known ``key: value``)."""
    first = text.lstrip("\n").split("\n", 1)[0]
    return _known(first.strip(), config) is not None


def split_header(text: str, config: ReaderConfig) -> tuple[dict[str, str], str]:
    """The header fields (Article field -> raw value, first occurrence wins) and the text after them.

    The block ends at the first blank line; a line that is not ``key: value`` also ends it (that line
    starts the text).  Unknown keys inside the block are skipped.
    """
    lines = text.lstrip("\n").split("\n")
    fields: dict[str, str] = {}
    body_start = len(lines)
    for number, line in enumerate(lines):
        if not line.strip():
            body_start = number + 1
            break
        known = _known(line.strip(), config)
        if known is None and not _KEY_LINE.match(line.strip()):
            body_start = number
            break
        if known is not None and known[1] and known[0] not in fields:
            fields[known[0]] = known[1]
    return fields, "\n".join(lines[body_start:])
