"""Event status and attribution (whimbrel.status), on news-style sentences parsed by the real model."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Token

from whimbrel.errors import DataFileError
from whimbrel.records import STATUSES
from whimbrel.status import StatusCues, StatusResult, default_cues, resolve_status


def _token(nlp: Language, sentence: str, word: str) -> Token:
    doc = nlp(sentence)
    return next(t for t in doc if t.text == word)


OCC, NEG, PLAN, HYP, ALL = "occurred", "negated", "planned", "hypothetical", "alleged"

# (sentence, trigger, expected status, expected cue, expected attribution word)
CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # occurred: past, perfect, progressive, plain reported speech
    ("The army shelled rebel positions near Donetsk on Monday.", "shelled", OCC, None, None),
    # (twenty-third session) "neither … nor" denies both acts
    ("Beijing neither accepts nor recognises the tribunal's award.", "accepts", NEG, "neither", None),
    ("Beijing neither accepts nor recognises the tribunal's award.", "recognises", NEG, "nor", None),
    ("Oslo condemned Ankara and praised Athens.", "praised", OCC, None, None),
    ("The minister has met his Turkish counterpart twice this year.", "met", OCC, None, None),
    ("Protesters are marching on the parliament in Tbilisi.", "marching", OCC, None, None),
    ("Officials said the minister met his Chinese counterpart on Monday.", "met", OCC, None, "Officials"),
    # working towards an act is planning it
    ("The two governments said they would work towards signing a peace treaty.", "signing", PLAN,
     "work towards", "governments"),
    # an act someone is banned, barred or prevented from doing did not happen
    ("The court barred the minister from meeting foreign diplomats.", "meeting", NEG, "barred from", None),
    ("Police prevented protesters from marching on parliament.", "marching", NEG, "prevented from", None),
    # a comment tagged on through its own object noun disputes the accusation's content, not that it was made
    ("Islamabad accused the Taliban of sheltering militants, a charge Kabul denies.", "accused", OCC, None,
     None),
    ("The army launched an offensive, the ministry said.", "offensive", OCC, None, "ministry"),
    ("According to state media, the navy seized two tankers.", "seized", OCC, None, "media"),
    ("The police arrested 40 people, according to witnesses.", "arrested", OCC, None, "witnesses"),
    # negated: neg children, "no", "without", negative governors, failed plans
    ("Iran won't attend the talks in Vienna.", "attend", NEG, "won't", None),
    ("The prime minister did not meet the opposition leader.", "meet", NEG, "did not", None),
    ("Protesters never reached the parliament building.", "reached", NEG, "never", None),
    ("There will be no talks with the rebels this year.", "talks", NEG, "no", None),
    ("The troops entered the city without firing a shot.", "firing", NEG, "without", None),
    ("The government refused to release the prisoners.", "release", NEG, "refused to", None),
    ("Israel refrained from striking Iran's oil terminals.", "striking", NEG, "refrained from", None),
    ("The army abstained from firing on the protesters.", "firing", NEG, "abstained from", None),
    # (thirtieth session) an act decided or voted against, avoided or held off on was not done
    ("Thailand decided against imposing sanctions on Myanmar.", "imposing", NEG, "decided against", None),
    ("The senators voted against sending troops to Syria.", "sending", NEG, "voted against", None),
    ("Brazil avoided criticising Venezuela.", "criticising", NEG, "avoided", None),
    ("The EU held off on imposing sanctions on Belarus.", "imposing", NEG, "held off on", None),
    # (thirtieth session) a past that did not happen ("would have" + participle), also in reported speech,
    # and a condition told by inversion ("had he asked", "should the talks fail")
    ("The minister said Mexico would have offered him asylum.", "offered", HYP, "would have", "minister"),
    ("The minister said Mexico would have offered him asylum.", "asylum", HYP, "would have", "minister"),
    ("Had he asked for asylum, Mexico would have granted it.", "asked", HYP, "had", None),
    ("Should the talks fail, Turkey would close the border.", "fail", HYP, "should", None),
    # a requested or ordered act has not happened (object-control request verbs, with their preposition)
    ("The opposition called on the government to withdraw its troops.", "withdraw", HYP, "called to", None),
    ("Washington appealed to both sides to release their prisoners.", "release", HYP, "appealed to", None),
    ("The court ordered the army to free the journalist.", "free", HYP, "ordered to", None),
    ("Brussels pressed Belgrade to recognise the election result.", "recognise", HYP, "pressed to", None),
    # readiness is a plan
    ("Kenya is ready to hold talks with the opposition.", "talks", PLAN, "ready to", None),
    ("The government refused to release the prisoners.", "refused", OCC, None, None),
    ("Turkey declined to join the coalition.", "join", NEG, "declined to", None),
    ("Parliament failed to approve the budget.", "approve", NEG, "failed to", None),
    # an act that stops or ceases does not go on
    ("In return, Khartoum will stop arming the militias in the south.", "arming", NEG, "stop", None),
    ("The rebels ceased shelling the airport on Friday.", "shelling", NEG, "ceased", None),
    # a demand noun: the act asked for has not happened
    ("The junta ignored an ultimatum to release the president.", "release", HYP, "ultimatum", None),
    ("A proposal for a meeting with French and German leaders fizzled out.", "meeting", NEG, "fizzled out",
     None),
    ("A proposal for a meeting with French and German leaders fizzled out.", "proposal", OCC, None, None),
    ("The summit was called off after the bombing.", "summit", NEG, "called off", None),
    ("The talks collapsed on Tuesday.", "talks", NEG, "collapsed", None),
    ("Russia cancelled the summit with Ukraine.", "summit", NEG, "cancelled", None),
    ("The talks did not take place.", "talks", NEG, "did not", None),
    ("Iran has no plans to attack Israel.", "attack", NEG, "no", None),
    # planned
    ("Obama will probably warn Putin about the sanctions.", "warn", PLAN, "will", None),
    ("The minister is expected to visit Beijing next month.", "visit", PLAN, "is expected to", None),
    ("The two leaders are set to meet in Geneva.", "meet", PLAN, "are set to", None),
    ("The minister is due to arrive in Kabul on Sunday.", "arrive", PLAN, "due to", None),
    ("The prime minister is likely to resign.", "resign", PLAN, "likely to", None),
    ("Russia is going to expand its naval presence.", "expand", PLAN, "going to", None),
    ("The president heads to Minsk to meet rebel leaders.", "meet", PLAN, "heads", None),
    ("The president flew to Minsk to meet rebel leaders.", "meet", OCC, None, None),
    ("The prime minister will travel to Paris to meet the French president.", "meet", PLAN, "will", None),
    ("Iran will hold talks with the European Union.", "talks", PLAN, "will", None),
    ("The meeting will take place in Vienna.", "meeting", PLAN, "will", None),
    ("The government announced plans to hold talks with the rebels.", "talks", PLAN, "plans", "government"),
    ("Talks are planned for next week.", "Talks", PLAN, "planned", None),
    ("The upcoming summit in Brussels will focus on trade.", "summit", PLAN, "upcoming", None),
    ("Analysts expect Iran to retaliate against the strike.", "retaliate", PLAN, "expect", "Analysts"),
    # hypothetical
    ("If the talks fail, Israel could strike the nuclear sites.", "fail", HYP, "if", None),
    ("If the talks fail, Israel could strike the nuclear sites.", "strike", HYP, "if", None),
    ("If Russia invades, NATO will impose sanctions.", "impose", HYP, "if", None),
    ("If Iran does not comply, sanctions will follow.", "comply", HYP, "if", None),
    ("Israel will strike in case Iran enriches more uranium.", "strike", HYP, "in case", None),
    ("Iran threatened to close the Strait of Hormuz.", "close", HYP, "threatened to", None),
    ("Iran threatened to close the Strait of Hormuz.", "threatened", OCC, None, None),
    ("Rebels threatened Kiev with new attacks.", "attacks", HYP, "threatened with", None),
    ("The European Union is considering imposing new sanctions.", "imposing", HYP, "considering",
     None),
    ("The White House is weighing whether to impose tariffs.", "impose", HYP, "whether", None),
    ("Will Putin meet Trump in Helsinki?", "meet", HYP, "?", None),
    ("Beijing would retaliate against any new tariffs.", "retaliate", HYP, "would", None),
    ("Iran is unlikely to accept the offer.", "accept", HYP, "unlikely to", None),
    # alleged
    ("The rebels reportedly killed 12 civilians.", "killed", ALL, "reportedly", None),
    ("The general is said to have ordered the attack.", "ordered", ALL, "is said to", None),
    ("The colonel is suspected of ordering the massacre.", "ordering", ALL, "suspected of", None),
    ("Washington accuses Moscow of meddling in the election.", "meddling", ALL, "accuses of", "Washington"),
    ("Washington accuses Moscow of meddling in the election.", "accuses", OCC, None, None),
    ("Democrats raised allegations of Russian hacking of the party's e-mails.", "hacking", "alleged",
     "allegations of", "Democrats"),
    ("Ukraine's allegations of Russian shelling angered Moscow.", "shelling", ALL, "allegations",
     "Ukraine"),
    ("Allegations by US officials of Chinese spying strained ties.", "spying", ALL, "allegations",
     "officials"),
    ("Iran claims that Israeli jets bombed its facilities.", "bombed", ALL, "claims", "Iran"),
    ("The senator alleged that the agency spied on journalists.", "spied", ALL, "alleged", "senator"),
    ("Moscow denied that its troops are fighting in eastern Ukraine.", "fighting", ALL, "denied",
     "Moscow"),
    ("Moscow denied that its troops are fighting in eastern Ukraine.", "denied", OCC, None, None),
    ("Russia denied reports that its troops attacked the convoy.", "attacked", ALL, "reports", "Russia"),
    ("The alleged massacre took place in 2014.", "massacre", ALL, "alleged", None),
    # precedence: a negation under a speech verb, a modal with a refusal
    ("The minister did not meet his counterpart, officials said.", "meet", NEG, "did not", "officials"),
    ("Iran would refuse to attend the conference.", "attend", NEG, "refuse to", None),
    ("Iran did not agree to meet the inspectors.", "meet", NEG, "did not", None),
    # reported speech: "would" is a shifted "will", unless a condition is attached
    ("The ministry said troops would withdraw from the border.", "withdraw", PLAN, "would", "ministry"),
    ("Officials said Iran would retaliate if it were attacked.", "retaliate", HYP, "if", "Officials"),
    ("Officials warned that Iran could retaliate.", "retaliate", HYP, "could", "Officials"),
    # a tensed verb coordinated after a bare infinitive is no part of what the modal governs
    ("He said Kenya would respond in kind and accused Uganda of lying.", "accused", OCC, None, "He"),
    ("Police will arrest and charge the organisers.", "charge", PLAN, "will", None),
    # ... nor is a simple past after a perfect: the speaker's own act, not part of what it denied
    ("The ministry denied that police had used force and accused the protesters of rioting.", "accused", OCC,
     None, "ministry"),
    ("The ministry denied that police had used force and accused the protesters of rioting.", "used", ALL,
     "denied", "ministry"),
    # ... but a deed after a perfect shares its auxiliary: still part of the report
    ("The rebels denied that jets had bombed a market and killed civilians.", "killed", ALL, "denied",
     "rebels"),
    # what is welcomed takes the welcoming clause's status: a conditional welcome is of a hypothetical act
    ("Venezuela would welcome talks with Guyana.", "talks", HYP, "would", None),
    ("Venezuela welcomed the talks with Guyana.", "talks", OCC, None, None),
    # the infinitive after a passive request is what is asked for, also when parsed as an adverbial clause
    ("Kenya is being pressured by Britain to release the activists.", "release", HYP, "pressured to", None),
    # an act someone else is wanted to do is a wish, not the wanter's plan; one's own wanted act is planned
    ("Washington wants Beijing to rein in the North Korean regime.", "rein", HYP, "wants", None),
    ("Germany would like Russia to withdraw its troops.", "withdraw", HYP, "like to", None),
    ("The rebels want to negotiate with the government.", "negotiate", PLAN, "want to", None),
    # (tenth session) an object denied by "no": the act was not done
    ("Moscow made no apology to Kyiv for the strike.", "made", NEG, "no apology", None),
    ("The donors gave the ministry no money this year.", "gave", NEG, "no money", None),
    ("Moscow made an apology to Kyiv for the strike.", "made", OCC, None, None),
    # an active "set" sets its object going ("set fire to"), a passive one plans it
    ("Protesters set fire to the embassy in Niamey.", "fire", OCC, None, None),
    ("Talks with Iran are set for Tuesday.", "Talks", PLAN, "set", None),
    # an infinitive parsed as a purpose clause after "called on X" is what X is asked to do
    ("Italy called on Iran to free the journalist.", "free", HYP, "called to", None),
    # (sixteenth session) what a state is obliged or ready to do is not done
    ("Hungary is obliged to arrest anyone wanted by the court.", "arrest", HYP, "is obliged to", None),
    ("Kenya confirmed its readiness to send police officers to Haiti.", "send", PLAN, "readiness", "Kenya"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "trigger", "status", "cue", "attribution"), CASES)
def test_status_cases(
    nlp: Language, sentence: str, trigger: str, status: str, cue: str | None, attribution: str | None
) -> None:
    result = resolve_status(_token(nlp, sentence, trigger))
    assert (result.status, result.cue) == (status, cue)
    assert (result.attribution.text if result.attribution is not None else None) == attribution


HEADLINES = [
    ("United States to Lift Sanctions on Iran", "Lift"),
    ("Obama to visit Cuba next month", "visit"),
    ("EU to impose new sanctions on Russia", "sanctions"),
]


@pytest.mark.parametrize(("headline", "trigger"), HEADLINES)
def test_headline_infinitive_is_planned(nlp: Language, headline: str, trigger: str) -> None:
    token = _token(nlp, headline, trigger)
    assert resolve_status(token, headline=True) == StatusResult("planned", "to", None)
    assert resolve_status(token).status == "occurred"  # only headlines read "X to do Y" as a plan


def test_headline_with_finite_verb_is_not_infinitive(nlp: Language) -> None:
    token = _token(nlp, "Obama refuses to visit Cuba", "visit")
    assert resolve_status(token, headline=True) == StatusResult("negated", "refuses to", None)


def test_every_token_resolves(nlp: Language) -> None:
    doc = nlp(
        "Officials said on Tuesday that Russia, which denied the allegations, would not attend the summit "
        "unless Kiev agreed to hold talks, and that the proposal had reportedly been called off."
    )
    for token in doc:
        result = resolve_status(token)
        assert result.status in STATUSES
        assert result.attribution is None or result.attribution.doc is doc


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "cues.tsv"
    path.write_text("cue\tstatus\tkind\n" + body, encoding="utf-8")
    return path


def test_user_cues_extend_and_override(nlp: Language, tmp_path: Path) -> None:
    extra = _write(tmp_path, "# house style\nrumoredly\talleged\tadverb\nreportedly\toccurred\tadverb\n")
    cues = StatusCues.load(extra)
    assert cues.get("adverb", "rumoredly") == "alleged"
    token = _token(nlp, "The rebels reportedly killed 12 civilians.", "killed")
    assert resolve_status(token, cues=cues) == StatusResult("occurred", None, None)
    assert resolve_status(token).status == "alleged"  # the packaged default is untouched


def test_user_cue_changes_decision(nlp: Language, tmp_path: Path) -> None:
    cues = StatusCues.load([_write(tmp_path, "mull over\thypothetical\tverb\nvow\thypothetical\tverb\n")])
    token = _token(nlp, "The rebels vowed to storm the capital.", "storm")
    assert resolve_status(token).status == "planned"
    assert resolve_status(token, cues=cues) == StatusResult("hypothetical", "vowed to", None)


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("will\tplanned\taux\nwould\tmaybe\taux\n", 3, "unknown status"),
        ("will\tplanned\tmodal\n", 2, "unknown kind"),
        ("will\tplanned\taux\nWill\thypothetical\taux\n", 3, "duplicate cue"),
        ("will\t\taux\n", 2, "empty required field"),
    ],
)
def test_bad_cue_file_names_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(DataFileError) as error:
        StatusCues.load(path)
    assert error.value.line == line
    assert message in error.value.message


def test_cues_pickle_and_packaged_set_is_cached() -> None:
    cues = default_cues()
    assert default_cues() is cues
    copy = pickle.loads(pickle.dumps(cues))
    assert copy == cues
    assert copy.get("aux", "will") == "planned"
    assert copy.get("speech", "according to") == "occurred"


def test_a_tensed_verb_after_a_modal_reported_clause_is_the_speakers(nlp: Language) -> None:
    # "urged" belongs to "said", not to "must be held": it happened, and the speaker urged
    doc = nlp(
        "Zelenskiy said Russia must be held accountable and urged Western allies to send more air defence."
    )
    urged = next(t for t in doc if t.text == "urged")
    assert resolve_status(urged).status == OCC
