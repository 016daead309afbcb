"""The narrative time of a paragraph: background told in the past keeps the date the story set for it.

"The pattern repeated in 2014. Russian troops seized Crimea and Moscow annexed the peninsula." dates the
seizure and the annexation in 2014, not on the day the story was published: a sentence that tells a
deed in the simple past with a time expression of its own opens a stretch of narrative ("Fighting erupted
on Monday near the border." too), and a later sentence of the same paragraph that tells a past deed with
no time of its own continues it ("Indian troops then shelled Pakistani positions.": Monday).  A sentence
told in the present ("Eritrea denies abuses"), or one dated near publication that tells no deed ("said on
Monday"), ends it; reports ("said", "told") and anything not in the simple past never take it (a quote after
background is today's).
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from whimbrel.records import DateRange
from whimbrel.time.attach import resolve_date
from whimbrel.time.expressions import clause_verb, find_time_expressions, is_future, is_relative_to_other
from whimbrel.time.lexicon import TimeLexicon, default_lexicon

BACKGROUND_AGE = timedelta(days=90)  # a report dated within this long before publication ends background


def narrative_date(
    sent: Span, published: date | None, current: DateRange | None, *, lexicon: TimeLexicon | None = None
) -> DateRange | None:
    """The paragraph's narrative date after ``sent``: the date of its main clause when that clause tells a
    deed in the simple past with a date of its own ("The pattern repeated in 2014.", "Fighting erupted on
    Monday."); else none when the sentence dates something near publication; else ``current`` unchanged."""
    if published is None:
        return None
    lex = lexicon or default_lexicon()
    dated = [
        e
        for e in find_time_expressions(sent, published, lexicon=lex)
        if e.start is not None and e.end is not None and not is_relative_to_other(e, lex)
    ]
    if not dated:
        return None if _present(sent.root) else current
    recent = any(e.end is not None and e.end > published - BACKGROUND_AGE for e in dated)
    root = sent.root
    when = resolve_date(root, published, lexicon=lex)
    if when.basis == "text" and continues_narrative(root, lexicon=lex):
        # (a deed of recent days sets the time too: "Fighting erupted on Monday. Troops then shelled …")
        return when
    return None if recent else current


_PRESENT_AUX = frozenset({"has", "have", "is", "are", "am", "'s", "'re", "’s", "’re"})


def _present(root: Token) -> bool:
    """A main clause told in the present or present perfect ("Eritrea denies abuses", "has kept troops"):
    the story has come back from its background to today."""
    if root.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PRESENT_AUX for c in root.children)


def continues_narrative(trigger: Token, *, lexicon: TimeLexicon | None = None) -> bool:
    """Whether the deed at ``trigger`` is told in the simple past and is no report ("annexed", not "said",
    "will annex" or "has annexed")."""
    lex = lexicon or default_lexicon()
    verb = clause_verb(trigger)
    if verb.tag_ != "VBD" or verb.lemma_ in lex.reporting or is_future(trigger, lex):
        return False
    if any(c.dep_ == "aux" for c in verb.children):
        return False
    # a deed reported by someone ("said that police fought the attackers") is dated by its report
    up = verb
    for _ in range(6):
        if up.dep_ in ("ccomp", "advcl", "relcl", "acl") or up.head.i == up.i:
            return up.head.i == up.i
        up = up.head
    return False


class Narrative:
    """The background date of one paragraph, read lazily: the sentences told so far are kept, and only when
    a deed asks for the date are they read (most paragraphs never ask, and reading every sentence's time
    expressions would cost the coder)."""

    def __init__(
        self, published: date | None, lexicon: TimeLexicon | None = None, previous: Narrative | None = None
    ) -> None:
        self.published = published
        self.lexicon = lexicon
        self.previous = previous  # the paragraph before, where :meth:`last_dated` looks next
        self._sents: list[Span] = []
        self._read = 0
        self._date: DateRange | None = None
        # :meth:`last_dated`, read forwards and kept: the sentences read so far and the date they left
        self._dated_read: int | None = None
        self._dated: DateRange | None = None

    def add(self, sent: Span) -> None:
        """Note a sentence that has been coded."""
        self._sents.append(sent)

    def last_dated(self) -> DateRange | None:
        """The date the latest sentence so far with a date of its own gave its main clause ("Kenya closed
        the border on May 3."), which "the following day" in a later sentence counts from; else the one
        the latest one of the paragraphs before.  Each sentence's date counts from the one before it: "… on
        July 9. The next day, police arrested … That evening, …" is July 10 (twenty-seventh session).  Read
        only when a clue asks for it, and then only the sentences not read before."""
        if self.published is None:
            return None
        if self._dated_read is None:  # (the paragraphs before are done: what they left stays)
            self._dated = self.previous.last_dated() if self.previous is not None else None
            self._dated_read = 0
        lex = self.lexicon or default_lexicon()
        for sent in self._sents[self._dated_read :]:
            when = resolve_date(sent.root, self.published, lexicon=lex, earlier=self._dated)
            if when.basis == "text":
                self._dated = when
        self._dated_read = len(self._sents)
        return self._dated

    def date(self) -> DateRange | None:
        """The background date after the sentences added so far (see :func:`narrative_date`)."""
        for sent in self._sents[self._read :]:
            self._date = narrative_date(sent, self.published, self._date, lexicon=self.lexicon)
        self._read = len(self._sents)
        return self._date
