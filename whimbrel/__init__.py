"""whimbrel: open political event data from news text.

The public API (see ``whimbrel.api`` and the README):

- ``whimbrel.code(text, published="YYYY-MM-DD")`` → list of :class:`whimbrel.records.Event`
- ``whimbrel.classify(sentence, source, target)`` → :class:`whimbrel.classification.Classification`
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["classify", "code", "code_articles", "code_file", "__version__"]

if TYPE_CHECKING:
    from whimbrel.api import code, code_articles, code_file
    from whimbrel.classification import classify


def __getattr__(name: str) -> Any:
    # Imported lazily: `import whimbrel` must stay cheap (spaCy loads only when coding starts).
    if name in {"code", "code_articles", "code_file"}:
        from whimbrel import api

        return getattr(api, name)
    if name == "classify":
        from whimbrel.classification import classify

        return classify
    raise AttributeError(f"module 'whimbrel' has no attribute {name!r}")
