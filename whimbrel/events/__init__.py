"""Event triggers and argument extraction: who did what to whom, as token indices of a parsed sentence.

>>> # extractor = EventExtractor.load(); extractor.extract(doc_sentence, is_actor)
"""

from whimbrel.events.extractor import Candidate, EventExtractor, SentenceScan
from whimbrel.events.patterns import Pattern

__all__ = ["Candidate", "EventExtractor", "Pattern", "SentenceScan"]
