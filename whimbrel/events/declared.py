"""Declared acts: what a party says it will (not) do is itself an act, besides the act it announces.

A declared refusal: "Obama said he would not provide support to Israel" is a rejection, not only a
negated act.

CAMEO codes a party's statement that it will not cooperate as REJECT (12x), the sub-code told by what is
refused: talks (04 → 125), material cooperation (06 → 121), aid (07 → 122), yielding (08 → 124), else 120.
Only a cooperative act (quad class 1 or 2) with a future or conditional auxiliary and a negation on its own
verb counts: "did not send aid" reports that nothing happened, "will not attack" is no rejection of anything.
A stance of diplomatic cooperation (05x) withheld in any tense is refused: "Serbia does not recognise
Kosovo", "Russia did not recognise the sanctions"; so is any cooperative act under "refused / declined to" or
"no plans to" ("the EU refused to ease its sanctions", "had no plans to lift them").
The negated act itself stays an event with status ``negated``.

A declared use of force: "Israel plans to strike Hezbollah targets", "Iran will strike Israel if it attacks
its nuclear sites" is a threat to use military force (CAMEO 138), besides the planned or conditional
attack; likewise a declared measure ("Washington said it could impose further sanctions": 1312; cut aid
1311, other reductions of relations 1313, coercion 132).  Only a planned act of force or measure (CAMEO
16-20), one conditional on "if"/"unless", or one someone is told saying "could", "may" or "might" happen;
untold speculation ("Russia could attack Kyiv") is none.  Whether the teller is the act's own side is the
coder's check.

A declared deed of cooperation: "Israel said it would free 150 prisoners" is an intent to yield (CAMEO 035),
besides the planned release; likewise material cooperation (031) and aid (033).
"""

from __future__ import annotations

from spacy.tokens import Token

from whimbrel.records import EventCode
from whimbrel.status.resolve import no_longer

_FUTURE = frozenset({"will", "would", "wo", "shall", "'ll", "'d"})  # ("wo" is spaCy's "won't")
_NEGATIONS = frozenset({"not", "n't", "never"})
_COOPERATION = frozenset({1, 2})
_SUBCODES = {"04": "125", "06": "121", "07": "122", "08": "124"}
_STANCE = "05"  # diplomatic cooperation (recognise, support, endorse): withheld in any tense, it is refused
REJECT = "120"
THREAT = "138"  # threaten to use military force
_FORCE = frozenset({"18", "19", "20"})
_CONDITIONS = frozenset({"if", "unless"})
_SPECULATION = frozenset({"could", "may", "might"})
# a measure decided is taken, and one others expect is forecast: neither is announced as a threat ("decided
# on Wednesday to downgrade relations", "is expected to suspend Egypt's membership"; twenty-first session)
_NO_THREAT = frozenset({"decided", "decides", "decide", "expected", "due", "likely"})
# measures announced: cut aid 1311, sanctions 1312, other reductions of relations 1313, coercion 132
_MEASURES = frozenset({"16", "17"})
_MEASURE_THREATS = {"162": "1311", "163": "1312", "16": "1313", "17": "132"}
# a deed's root -> the intent to do it: material cooperation 031, aid 033, yielding 035
_INTENTS = {"06": "031", "07": "033", "08": "035"}
_REFUSING = frozenset({"refuse", "decline"})  # verbs whose "to" complement is refused
_PLANS = frozenset({"plan", "intention", "intent"})  # "no plans to", "no intention of"


def refusal_cameo(head: Token, code: EventCode, status: str) -> str | None:
    """The CAMEO code of the rejection that the negated act at ``head`` declares, or None."""
    if status != "negated" or code.quad_class not in _COOPERATION or code.plover == "REJECT":
        return None
    if _refused(head):  # "refused to ease sanctions", "had no plans to ease sanctions": refused in any tense
        return _SUBCODES.get(code.cameo[:2], REJECT)
    words = {c.lower_ for c in head.children if c.dep_ in ("aux", "neg")}
    if any(c.dep_ == "advmod" and no_longer(c) for c in head.children):
        words.add("not")  # "will no longer send weapons", "no longer recognises Taiwan"
    if words.isdisjoint(_NEGATIONS):
        return None
    if words.isdisjoint(_FUTURE) and code.cameo_root != _STANCE:
        return None  # ("did not send aid": nothing happened; "does not recognise Kosovo": a stance refused)
    return _SUBCODES.get(code.cameo[:2], REJECT)


def _refused(head: Token) -> bool:
    """Whether ``head`` is what a verb of refusal ("refused / declined to") or "no plans to" governs."""
    if head.dep_ not in ("xcomp", "acl"):
        return False
    governor = head.head
    if governor.lemma_.lower() in _REFUSING and governor.pos_ in ("VERB", "AUX"):
        return True
    return governor.lemma_.lower() in _PLANS and any(
        c.dep_ == "det" and c.lower_ == "no" for c in governor.children
    )


def intent_cameo(code: EventCode, status: str) -> str | None:
    """The CAMEO intent code (03x) that a planned cooperative deed declares ("Israel said it would free 150
    prisoners": 035 besides the planned release), else None.  Talks and agreements planned are no intent of
    their own (they are the consultation or agreement, planned)."""
    if status != "planned":
        return None
    return _INTENTS.get(code.cameo_root)


def in_condition(head: Token) -> bool:
    """Whether ``head`` is in the condition of a conditional ("if Cambodian forces entered Thai territory"):
    the act a threat is conditioned on is no threat of its doer."""
    for token in (head, *head.ancestors):
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in token.children
        ):
            return True
        if token.dep_ in ("ROOT", "ccomp"):
            return False
    return False


def threat_cameo(code: EventCode, status: str, cue: str | None, told: bool = False) -> str | None:
    """The CAMEO threat code (13x) when the act at hand is a planned or conditional use of force (138) or
    measure (sanctions 1312, cut aid 1311, other reductions of relations 1313, coercion 132), else None.
    Speculation ("could", "may", "might") is a threat only when someone is told saying it (``told``)."""
    root = code.cameo_root
    if root not in _FORCE and root not in _MEASURES:
        return None
    if not (
        status == "planned"
        or (status == "hypothetical" and (cue in _CONDITIONS or (told and cue in _SPECULATION)))
    ):
        return None
    if cue is not None and not _NO_THREAT.isdisjoint(cue.split()):
        return None
    if root in _FORCE:
        return THREAT
    return _MEASURE_THREATS.get(code.cameo[:3], _MEASURE_THREATS[root])
