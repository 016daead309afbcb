"""Event status (occurred / planned / hypothetical / negated / alleged) and attribution from a parse.

``resolve_status`` looks at the trigger's own modifiers, then walks up its governing chain (xcomp, ccomp,
advcl, acl, preposition + object, nominal heads) for at most ``MAX_DEPTH`` steps, collecting cues from
the tables in ``cues.tsv``.  The decision rules and their precedence are documented in docs/status.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from whimbrel.nlp import DASHES
from whimbrel.status.cues import StatusCues, default_cues

MAX_DEPTH = 8
# Precedence when several cues apply; ties go to the cue nearest the trigger.
RANK: dict[str, int] = {"negated": 4, "hypothetical": 3, "alleged": 2, "planned": 1, "occurred": 0}
# A hypothetical cue of these kinds (a conditional clause, a question) outranks a negation.
_CONDITIONAL_KINDS = frozenset({"conjunction", "punct"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_AUX_DEPS = frozenset({"aux", "auxpass"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_NOUN_MOD_DEPS = frozenset({"compound", "amod", "nmod"})
_NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})
_PREP_DEPS = frozenset({"prep", "agent", "dative"})
_SOURCE_PREPS = frozenset({"by", "from"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "'m"})
_ADDRESS_PREPS = frozenset({"on", "upon", "to"})
_CEASING = frozenset({"longer", "more"})  # "no longer", "no more": an act that ends
_QUOTES = frozenset({'"', "'", "\u201d", "\u2019"})


@dataclass(frozen=True)
class StatusResult:
    """The status of one event, the cue that decided it and who claims it."""

    status: str  # one of whimbrel.records.STATUSES
    cue: str | None  # lower-cased word(s) that decided it; None for a plain occurred event
    attribution: Token | None  # head token of the actor who says/claims/expects it, else None


@dataclass
class _Found:
    """Per-call accumulator: the cues found so far (nearest first) and the attribution."""

    cues: StatusCues
    trigger: Token
    headline: bool
    hits: list[tuple[str, str, str]] = field(default_factory=list)  # (status, cue text, kind)
    attribution: Token | None = None
    collecting: bool = True
    reported: bool = False  # the event is the content of a reported-speech clause ("said X would")

    def add(self, kind: str, key: str, text: str) -> bool:
        """Record cue ``key`` of ``kind`` if known; True when it is in the table (even as occurred)."""
        status = self.cues.get(kind, key)
        if status is None:
            return False
        if self.collecting and status != "occurred":
            self.hits.append((status, text, kind))
        return True

    def attribute(self, speaker: Token | None) -> None:
        """Keep the nearest speaker only."""
        if self.attribution is None:
            self.attribution = speaker


@dataclass(frozen=True)
class _Step:
    gov: Token
    transparent: bool  # the governor's own clause cues (will, not, if…) apply to the event
    matched: bool  # the governor was a cue, so status collection may go on past an opaque edge
    speech: bool = False  # the governor reports the event: stop collecting status beyond it
    skip: frozenset[str] = frozenset()


def planned_object(governor: Token, noun: Token, cues: StatusCues | None = None) -> bool:
    """``noun`` is the object of a governor that plans it ("Hamas **planned an attack**", "were planning
    attacks"): its status is read from the noun, whose governor makes it planned, not from the governor."""
    table = cues or default_cues()
    return (
        noun.i != governor.i
        and noun.head.i == governor.i
        and noun.dep_ in ("dobj", "obj")
        and table.get("verb", governor.lemma_.lower()) == "planned"
    )


def resolve_status(trigger: Token, *, headline: bool = False, cues: StatusCues | None = None) -> StatusResult:
    """Status, deciding cue and attribution of the event carried by ``trigger`` (a verb or event noun).

    ``headline=True`` treats the sentence as a headline ("United States to Lift Sanctions" -> planned).
    ``cues`` defaults to the packaged cue set (``StatusCues.load()`` adds user files).
    """
    found = _Found(cues or default_cues(), trigger, headline)
    if trigger.lower_ == "due" and trigger.dep_ == "acomp":
        found.add("verb", "due", "due")  # "is due in Phnom Penh on Tuesday" (twenty-eighth session)
    _clause_cues(trigger, found, frozenset())
    _no_object(trigger, found)
    if trigger.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in trigger.head.children):
        found.add("neg", "neither", "nor")  # "neither accepts nor recognises the award": neither act was done
    node, inherit = trigger, True
    for _ in range(MAX_DEPTH):
        if node.head.i == node.i:
            break
        step = _step(node, found)
        if step is None:
            break
        if inherit and step.transparent:
            _clause_cues(step.gov, found, step.skip)
        elif found.collecting and not step.speech:
            _counterfactual(step.gov, found)  # "would have offered him asylum": no offer was made
        inherit = inherit and step.transparent
        found.collecting = found.collecting and (step.transparent or step.matched) and not step.speech
        if not found.collecting and found.attribution is not None:
            break
        node = step.gov
    status, cue = _decide(_backshift(found) if found.reported else found.hits)
    return StatusResult(status, cue, found.attribution)


def _backshift(found: _Found) -> list[tuple[str, str, str]]:
    """In reported speech "would" is a past "will": "officials said troops would withdraw" is planned."""
    hits = []
    for status, text, kind in found.hits:
        shifted = found.cues.get("backshift", text) if kind == "aux" else None
        hits.append((shifted or status, text, kind))
    return hits


def _decide(hits: list[tuple[str, str, str]]) -> tuple[str, str | None]:
    best: tuple[str, str, str] | None = None
    for hit in hits:
        if best is None or RANK[hit[0]] > RANK[best[0]]:
            best = hit
    if best is None:
        return "occurred", None
    if best[0] == "negated":
        # A negation inside a conditional or a question stays hypothetical ("if Iran does not comply").
        for status, text, kind in hits:
            if kind in _CONDITIONAL_KINDS and status == "hypothetical":
                return status, text
    return best[0], best[1]


# --- local cues of one clause or event noun ------------------------------------------------------------


def _clause_cues(node: Token, found: _Found, skip: frozenset[str]) -> None:
    """Cues among ``node``'s children (aux, negation, adverbs, adjectives, conditionals, sources)."""
    marked = False
    for child in node.children:
        dep, low = child.dep_, child.lower_
        if dep in _AUX_DEPS:
            if child.tag_ == "MD" and "aux" not in skip:
                # "would have offered him asylum": a past that did not happen, never a backshifted "will"
                # (thirtieth session)
                found.add("aux", low, f"{low} have" if _perfect_modal(node, child) else low)
        elif dep in ("neg", "det"):
            if "neg" not in skip:
                found.add("neg", low, _neg_text(child))
        elif dep == "preconj" and low == "neither":  # "neither accepts nor recognises the award"
            if "neg" not in skip:
                found.add("neg", low, low)
        elif dep == "advmod":
            found.add("adverb", low, low)
            if "neg" not in skip and no_longer(child):
                found.add("neg", "no", f"no {low}")  # "will no longer send weapons": the act ends
        elif dep in ("amod", "acl"):
            found.add("adjective", low, low)
        elif dep == "mark":
            marked = found.add("conjunction", low, low) or marked
        elif dep == "advcl":
            _conditional_clause(child, found)
        elif dep == "parataxis":
            _speech(child, _verb_keys(child), child.lower_, found)
        elif dep == "prep" and low == "according":
            _according(child, found)
    if node.dep_ == "advcl" and not marked:
        marked = _inversion(node, found)
    if node.dep_ == "advcl" and not marked:
        _introducer(node, found)
    if node.dep_ == "ROOT":
        _root_cues(node, found)
    if found.headline:
        _headline(node, found)


def _no_object(verb: Token, found: _Found) -> None:
    """A verb whose object is denied by "no" did not do its act: "made no apology", "gave no aid", "showed
    no sign of withdrawing"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return
    for obj in verb.children:
        if obj.dep_ == "dobj":
            for det in obj.children:
                if det.dep_ == "det" and det.lower_ == "no":
                    found.add("neg", "no", f"no {obj.lower_}")


def no_longer(adverb: Token) -> bool:
    """ "no longer", "no more" (the negation hangs on the adverb, not on the verb)."""
    return adverb.lower_ in _CEASING and any(c.dep_ == "neg" and c.lower_ == "no" for c in adverb.children)


def _neg_text(neg: Token) -> str:
    """'did not', "won't": the negation with the auxiliary right before it, else the word alone."""
    if neg.i > 0:
        prev = neg.doc[neg.i - 1]
        if prev.dep_ in _AUX_DEPS and prev.head.i == neg.head.i:
            return neg.doc[prev.i : neg.i + 1].text.lower()
    return neg.lower_


def _conditional_clause(clause: Token, found: _Found) -> None:
    """A conditional clause attached to this one makes it hypothetical ("If Iran attacks, Israel will…"),
    unless a dash closes it off before its verb: "X - which would mediate if talks resumed - called for …"
    (the condition belongs to the parenthesis the parser hung on the verb)."""
    head, doc = clause.head, clause.doc
    if clause.right_edge.i < head.i and any(t.text in DASHES for t in doc[clause.right_edge.i + 1 : head.i]):
        return
    if _conditions_content(clause):
        return
    for child in clause.children:
        if child.dep_ == "mark" and found.add("conjunction", child.lower_, child.lower_):
            return
    if _inversion(clause, found):
        return
    _introducer(clause, found)


_INVERTING = frozenset({"had", "were", "should"})  # "had he asked", "were it to attack", "should talks fail"


def _counterfactual(verb: Token, found: _Found) -> None:
    """A governor told as a past that did not happen makes its object's act unreal too."""
    for child in verb.children:
        if child.dep_ in _AUX_DEPS and child.tag_ == "MD" and _perfect_modal(verb, child):
            found.add("aux", child.lower_, f"{child.lower_} have")


def _perfect_modal(verb: Token, modal: Token) -> bool:
    """ "would have offered": a modal before "have" and a past participle."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ == "have" and modal.i < c.i < verb.i for c in verb.children
    )


def _inversion(clause: Token, found: _Found) -> bool:
    """Record a condition told by inversion ("had he asked for it") as an "if"; True when it is one."""
    first = clause.doc[clause.left_edge.i]
    return _inverted_condition(clause) and found.add("conjunction", "if", first.lower_)


def _inverted_condition(clause: Token) -> bool:
    """A condition told by inversion, with no "if": "had he asked", "were Iran to attack", "should the talks
    fail" (thirtieth session)."""
    first = clause.doc[clause.left_edge.i]
    if first.lower_ not in _INVERTING or first.head.i != clause.i or first.dep_ not in ("aux", "auxpass"):
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return subject is not None and first.i < subject.i


_CONTENT_VERBS = frozenset({
    "threaten", "warn", "vow", "promise", "pledge", "say", "tell", "insist", "declare", "announce",
    "caution", "signal", "offer", "propose", "demand", "agree",
})  # fmt: skip


def _conditions_content(clause: Token) -> bool:
    """ "Trump threatened to bomb Iran if it did not agree to a deal": a condition after the act a verb of
    saying or committing tells conditions that act, not the saying (the threat was made), whichever verb the
    parser hung it on."""
    head = clause.head
    if head.lemma_.lower() not in _CONTENT_VERBS or clause.i < head.i:
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children):
        return False  # "would warn if …": the saying itself is conditional
    return any(c.dep_ in ("xcomp", "ccomp") and head.i < c.i < clause.i for c in head.children)


def _introducer(clause: Token, found: _Found) -> None:
    """Conditionals the parser does not mark ("in case", "in the event"): the words before the clause."""
    start = clause.left_edge.i
    doc = clause.doc
    for width in (3, 2, 1):
        if start - width >= 0:
            text = doc[start - width : start].text.lower()
            if found.add("conjunction", text, text):
                return


def _root_cues(root: Token, found: _Found) -> None:
    """A question: the main clause ends with '?'."""
    last = root.right_edge
    if last.text in _QUOTES and last.i > root.i:
        last = last.nbor(-1)
    if last.text == "?":
        found.add("punct", "?", "?")


def _headline(node: Token, found: _Found) -> None:
    """'United States to Lift Sanctions', 'EU to impose sanctions' (parsed as the root or its acl)."""
    if node.tag_ != "VB" or not any(c.tag_ == "TO" for c in node.children):
        return
    if node.dep_ != "ROOT" and not (node.dep_ == "acl" and node.head.dep_ == "ROOT"):
        return
    if not any(t.tag_ in _FINITE_TAGS for t in node.sent):
        found.add("headline", "to", "to")


def _according(according: Token, found: _Found) -> None:
    """'according to X': X is the attribution."""
    for to in according.children:
        if to.lower_ == "to" and found.add("speech", "according to", "according to"):
            found.attribute(next((c for c in to.children if c.dep_ == "pobj"), None))
            return


# --- one step up the governing chain --------------------------------------------------------------------


_SAYING = frozenset({
    "accuse", "urge", "call", "warn", "say", "add", "demand", "deny", "condemn", "criticise", "criticize",
    "blame", "reject", "insist", "vow", "threaten", "appeal", "ask", "praise", "welcome", "dismiss",
    "describe", "tell", "note", "stress", "announce", "pledge", "promise", "complain", "argue",
})  # fmt: skip


def tense_shift(conj: Token, first: Token) -> bool:
    """Whether the conjunct verb ``conj`` has a tense of its own after ``first``, so that it is no part of
    the first verb's clause: a tensed verb after a bare infinitive or a modal ("said Minsk would respond and
    accused Brussels", "said Russia must be held accountable and urged allies"), a simple past after a
    perfect ("denied that it had used force and accused the protesters")."""
    # ("threatened to halt exports and cut aid": a past tense spelled as the base form is the infinitive's
    # conjunct, whatever the tagger says)
    if (
        first.tag_ == "VB"
        and conj.tag_ in ("VBD", "VBN", "VBZ", "VBP")
        and conj.lower_ != conj.lemma_.lower()
    ):
        return True
    if conj.tag_ in ("VBD", "VBZ", "VBP") and any(c.tag_ == "MD" for c in first.children):
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in first.children)
    # (after a perfect only a verb of saying: in "had bombed a market and killed dozens" the perfect's
    # auxiliary serves both deeds)
    return conj.tag_ == "VBD" and first.tag_ == "VBN" and perfect and conj.lemma_.lower() in _SAYING


def _step(node: Token, found: _Found) -> _Step | None:
    """Move from ``node`` to its governor, recording the governor's cues; None where the walk stops."""
    dep, gov = node.dep_, node.head
    if dep == "conj":
        # Coordinated events share their governors; a negation or modal of the first conjunct is its own.
        own_aux = any(c.dep_ in _AUX_DEPS for c in node.children)
        own_tense = tense_shift(node, gov)
        if own_tense and gov.dep_ in ("ccomp", "xcomp") and gov.head.i < gov.i:
            # "denied that it had used force and accused the protesters": the conjunct is the speaker's own
            # act, coordinated with the reporting verb, not part of what is reported (or denied)
            speaker = gov.head
            if any(found.cues.get("speech", key) is not None for key in _verb_keys(speaker)):
                found.attribute(_speaker(speaker))
            return _Step(speaker, True, False)
        return _Step(gov, True, False, skip=frozenset({"neg", "aux"} if own_aux or own_tense else {"neg"}))
    if dep == "acl" and node.tag_ == "VBN" and gov.pos_ in _NOUN_POS and node.i > gov.i:
        return None  # "a decision condemned by London": the participle's act has a status of its own
    if dep == "xcomp":
        return _xcomp(node, gov, found)
    if dep == "acomp" and node.pos_ == "ADJ":  # "were ready to cooperate": the copula's clause
        return _Step(gov, True, False)
    if dep in ("ccomp", "parataxis", "acl") and gov.pos_ in _NOUN_POS:
        return _noun_governor(gov, gov.lower_, found)
    if dep in ("ccomp", "parataxis", "csubj"):
        if dep == "ccomp" and node.lemma_.lower() in _ACCUSING and _tagged_on(node, gov):
            # "X accused Y of Z, a charge Kabul denies": the accusation was made, only its content is
            # disputed (a disputed deed, "Russia shelled the town, a claim Moscow denies", stays alleged)
            return None
        return _ccomp(node, gov, found)
    if dep == "advcl":
        return _advcl(node, gov, found)
    if dep in ("pobj", "pcomp"):
        return _prep(gov, found)
    if dep in _NOMINAL_DEPS:
        return _nominal(node, gov, found)
    if dep in _NOUN_MOD_DEPS and gov.pos_ in _NOUN_POS:
        return _noun_governor(gov, gov.lower_, found)
    return None  # relcl, appos, ROOT…: the event is asserted on its own


_ACCUSING = frozenset({"accuse", "blame", "charge", "allege", "claim"})


def _tagged_on(clause: Token, gov: Token) -> bool:
    """The governor is a comment tagged on after the clause through an object noun of its own ("…, a charge
    Kabul denies", "…, a claim the ministry rejected"): the parser's ccomp is no reported content."""
    if clause.i > gov.i:
        return False
    return any(c.dep_ == "dobj" and clause.i < c.i < gov.i and c.pos_ == "NOUN" for c in gov.children)


def _verb_keys(gov: Token) -> tuple[str, ...]:
    """Lookup keys of a governor: 'lemma particle' first, then the lemma, then the word form ('going')."""
    lemma = gov.lemma_.lower()
    keys = [f"{lemma} {c.lower_}" for c in gov.children if c.dep_ == "prt"]
    # "called on Iran to free them": the preposition that carries the addressee counts too
    keys.extend(
        f"{lemma} {c.lower_}" for c in gov.children if c.dep_ == "prep" and c.lower_ in _ADDRESS_PREPS
    )
    keys.append(lemma)
    if gov.lower_ != lemma:
        keys.append(gov.lower_)
    return tuple(keys)


def _verb_text(gov: Token) -> str:
    """The governor as written, with its particle ('called off')."""
    return " ".join([gov.lower_, *(c.lower_ for c in gov.children if c.dep_ == "prt")])


def _is_passive(gov: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in gov.children):
        return True
    return gov.tag_ == "VBN" and gov.dep_ in ("acl", "amod")


def _speaker(gov: Token) -> Token | None:
    """Subject of a speech verb, or the 'by' agent of a passive one."""
    for child in gov.children:
        if child.dep_ == "nsubj":
            return child
    for child in gov.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _speech(gov: Token, keys: tuple[str, ...], text: str, found: _Found) -> bool:
    """A speech/cognition governor: record its status and its speaker."""
    for key in keys:
        if found.add("speech", key, text):
            found.attribute(_speaker(gov))
            return True
    return False


def _xcomp(node: Token, gov: Token, found: _Found) -> _Step:
    """'refused to release', 'is expected to visit', 'plans to meet', 'is likely to resign'."""
    suffix = " to" if any(c.tag_ == "TO" for c in node.children) else ""
    lemma = gov.lemma_.lower()
    if _is_passive(gov):
        aux = [c.lower_ for c in gov.children if c.dep_ == "auxpass"]
        if found.add("passive", lemma, " ".join([*aux, gov.lower_]) + suffix):
            return _Step(gov, True, True)
    keys = _verb_keys(gov)
    text = _verb_text(gov) + suffix
    wish = any(c.dep_ == "dobj" for c in gov.children)  # "would like Russia to withdraw"
    if wish and any(found.add("wish", key, text) for key in keys):
        return _Step(gov, True, True)
    if any(found.add("verb", key, text) for key in keys):
        return _Step(gov, True, True)
    if _speech(gov, keys, text, found):
        return _Step(gov, True, True, speech=True)
    return _Step(gov, True, False)


def _ccomp(node: Token, gov: Token, found: _Found) -> _Step:
    """'denied that its troops are fighting', 'said the minister met', 'wants Beijing to rein in'."""
    keys = _verb_keys(gov)
    wish = any(c.tag_ == "TO" for c in node.children) and any(c.dep_ == "nsubj" for c in node.children)
    if wish and any(found.add("wish", key, gov.lower_) for key in keys):
        return _Step(gov, False, True)
    # a clause told in a past tense is a finding, not an intention: "determined that the militias had
    # committed genocide", "agreed that the talks had failed" (fifteenth session)
    past = node.tag_ == "VBD" or any(
        c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in node.children
    )
    planned = [key for key in keys if found.cues.get("verb", key) == "planned"]
    if not (past and planned) and any(found.add("verb", key, gov.lower_) for key in keys):
        return _Step(gov, False, True)
    if _speech(gov, keys, gov.lower_, found):
        found.reported = found.collecting
        return _Step(gov, False, True, speech=True)
    return _Step(gov, False, False)


_ADDRESSING = ("on", "upon")  # "called on Iran to free him"


def _advcl(node: Token, gov: Token, found: _Found) -> _Step:
    """A purpose clause ('will travel to Paris to meet') shares its governor's modality; others do not."""
    if not any(c.tag_ == "TO" for c in node.children):
        return _Step(gov, False, False)
    if _is_passive(gov):  # "is being pressured by Congress to help": an infinitive parsed as adverbial
        return _xcomp(node, gov, found)
    for obj in (c for c in gov.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < node.i):
        if found.cues.get("noun", obj.lemma_.lower()) is not None:
            # "ignored calls by the AU to free him": the infinitive is the noun's (parsed as the verb's)
            return _noun_governor(obj, obj.lower_, found)
    addressed = any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in _ADDRESSING) for c in gov.children)
    if addressed and any(found.cues.get("verb", key) is not None for key in _verb_keys(gov)):
        # "will press Tehran to free them", "called on Iran to free him": an infinitive parsed as adverbial
        # after a verb of asking
        return _xcomp(node, gov, found)
    present = gov.tag_ in ("VBZ", "VBP") or (
        gov.tag_ == "VBG" and any(c.lower_ in _PRESENT_AUX for c in gov.children if c.dep_ == "aux")
    )
    matched = present and found.add("motion", gov.lemma_.lower(), gov.lower_)
    return _Step(gov, True, matched)


def _prep(prep: Token, found: _Found) -> _Step | None:
    """'allegations of hacking', 'accused Moscow of meddling', 'without firing', 'call for talks'."""
    if prep.dep_ not in _PREP_DEPS or prep.head.i == prep.i:
        return None
    low, gov = prep.lower_, prep.head
    negated = found.add("preposition", low, low)
    if gov.pos_ in _NOUN_POS:
        step = _noun_governor(gov, f"{gov.lower_} {low}", found)
        return _Step(gov, step.transparent, step.matched or negated, step.speech)
    lemma = gov.lemma_.lower()
    # "held off on imposing sanctions": the particle and the preposition (thirtieth session)
    keys = (*(f"{lemma} {c.lower_} {low}" for c in gov.children if c.dep_ == "prt"), f"{lemma} {low}")
    text = f"{_verb_text(gov)} {low}"
    if any(found.add("verb", key, text) for key in keys):
        return _Step(gov, False, True)
    if _speech(gov, keys, text, found):
        return _Step(gov, False, True, speech=True)
    if low == "by" and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children):
        # "urged the EU to go further by targeting Iran's ports": the means shares its act's status
        return _Step(gov, True, negated)
    return _Step(gov, False, negated)


def _noun_governor(gov: Token, text: str, found: _Found) -> _Step:
    """A noun governing the event: a claim ('allegations of') or a plan/threat ('proposal for')."""
    lemma = gov.lemma_.lower()
    if found.add("source", lemma, text):
        found.attribute(_source_speaker(gov))
        return _Step(gov, True, True, speech=True)
    if found.add("noun", lemma, text):
        return _Step(gov, True, True)
    return _Step(gov, False, False)


def _source_speaker(noun: Token) -> Token | None:
    """Who makes a claim: "Ukraine's allegations", "allegations by officials", "Kyiv raised allegations"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ in _PREP_DEPS and child.lower_ in _SOURCE_PREPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if noun.dep_ == "dobj":
        return _speaker(noun.head)
    return None


def _is_noun_cue(node: Token, found: _Found) -> bool:
    lemma = node.lemma_.lower()
    return found.cues.get("noun", lemma) is not None or found.cues.get("source", lemma) is not None


_SETTING_GOING = frozenset({"set"})


def _nominal(node: Token, gov: Token, found: _Found) -> _Step:
    """An event noun as subject/object: 'the talks collapsed', 'will hold talks', 'cancelled the summit'."""
    dep, keys = node.dep_, _verb_keys(gov)
    text = _verb_text(gov)
    for key in keys:
        if found.cues.get("failure", key) is not None:
            # "The proposal fizzled out": the proposing happened; what it proposed did not.
            if not (node.i == found.trigger.i and _is_noun_cue(node, found)):
                found.add("failure", key, text)
            return _Step(gov, False, True)
    support = "light" if dep in ("dobj", "nsubjpass") else "occur"
    if any(found.add(support, key, text) for key in keys):
        return _Step(gov, True, True)
    # (an active "set" sets the event it takes as object going: "set fire to the embassy" is done; "talks
    # are set for Tuesday" are planned, and so is what "set a deadline for" asks)
    going = dep == "dobj" and node.i == found.trigger.i and gov.lemma_.lower() in _SETTING_GOING
    own = dep in ("dobj", "nsubjpass") and not going
    if own and any(found.add("verb", key, text) for key in keys):
        return _Step(gov, False, True)
    if dep == "dobj" and gov.lemma_.lower() == "claim":
        # "the Taliban claimed the attack": owning a deed, as "claimed responsibility for", not telling it
        return _Step(gov, False, True)
    if dep == "dobj" and _speech(gov, keys, text, found):
        return _Step(gov, False, True, speech=True)
    return _Step(gov, False, False)
