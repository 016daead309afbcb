"""Event trigger and argument extraction on hand-written news-style sentences (real spaCy parses)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Token

from whimbrel.errors import DataFileError
from whimbrel.events import Candidate, EventExtractor
from whimbrel.events.patterns import packaged_file, read_patterns

ACTOR_ENTS = {"PERSON", "GPE", "ORG", "NORP"}
ACTOR_WORDS = {
    "police", "protesters", "rebels", "troops", "government", "army", "president", "minister", "militants",
    "he", "she", "they", "workers", "demonstrators", "soldiers", "officials", "merkel", "prosecutors",
    "students", "ministry", "opposition", "activists", "hackers", "court", "judge", "insurgents", "forces",
}  # fmt: skip


def is_actor(tok: Token) -> bool:
    """Tiny stand-in for the actor resolver: named political entities and a few group nouns."""
    return tok.ent_type_ in ACTOR_ENTS or tok.lower_ in ACTOR_WORDS


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor.load()


def triples(
    nlp: Language, extractor: EventExtractor, text: str, actor: bool = True
) -> set[tuple[str, str, str]]:
    """(source text, cameo, target text or '') for every source/target pair of every candidate."""
    doc = nlp(text)
    out = set()
    for sent in doc.sents:
        for c in extractor.extract(sent, is_actor if actor else None):
            for s in c.sources:
                for t in c.targets or (None,):
                    out.add((doc[s].text, c.cameo, doc[t].text if t is not None else ""))
    return out


def matches(expected: tuple[str, str, str], got: set[tuple[str, str, str]]) -> bool:
    """Expected cameo may be a prefix (a root such as "19" or "04")."""
    s, code, t = expected
    return any(gs == s and gc.startswith(code) and gt == t for gs, gc, gt in got)


CASES: list[tuple[str, list[tuple[str, str, str]]]] = [
    # CONSULT
    ("Chinese President Xi Jinping met with Pakistani Prime Minister Sharif in Beijing on Monday.",
     [("Jinping", "040", "Sharif")]),
    ("Merkel and Hollande will travel to Minsk on Wednesday to meet Putin.",
     [("Merkel", "040", "Putin"), ("Hollande", "040", "Putin"), ("Hollande", "042", "Minsk")]),
    ("The Indian foreign minister visited Moscow last week.", [("minister", "042", "Moscow")]),
    ("Erdogan hosted the Iranian president in Ankara.", [("Erdogan", "043", "president")]),
    ("Putin held talks with Erdogan in Ankara.", [("Putin", "040", "Erdogan")]),
    ("Talks between Israel and Hamas resumed in Cairo.", [("Israel", "040", "Hamas")]),
    ("Obama and Castro met in Panama on Saturday.", [("Obama", "040", "Castro")]),
    ("Xi paid a visit to Pakistan last week.", [("Xi", "042", "Pakistan")]),
    ("Biden phoned Zelensky on Tuesday.", [("Biden", "041", "Zelensky")]),
    ("Iran agreed to negotiate with the European Union over its nuclear program.", [("Iran", "03", "Union")]),
    # AGREE
    ("The minister made a proposal for a meeting with Abbas.", [("minister", "036", "Abbas")]),
    ("Colombia signed a peace agreement with the FARC rebels in Havana.", [("Colombia", "057", "rebels")]),
    ("Japan pledged $2 billion in aid to Ukraine.", [("Japan", "033", "Ukraine")]),
    ("Macron plans to visit Algeria next month.", [("Macron", "042", "Algeria")]),  # planned, no 036
    # SUPPORT
    ("Modi praised Japan for its investment in Indian railways.", [("Modi", "051", "Japan")]),
    ("The German chancellor congratulated Biden on his election victory.", [("chancellor", "051", "Biden")]),
    ("Tokyo apologized to Seoul over the remarks.", [("Tokyo", "055", "Seoul")]),
    # COOPERATE
    ("Saudi Arabia and Iran agreed to restore diplomatic relations.", [("Arabia", "0", "Iran")]),
    ("Israel normalized relations with Morocco in December.", [("Israel", "050", "Morocco")]),
    ("Britain will share intelligence with France.", [("Britain", "064", "France")]),
    # AID
    ("Germany sent humanitarian aid to Syria.", [("Germany", "07", "Syria")]),
    ("Washington gave Ukraine $300 million in military aid.", [("Washington", "07", "Ukraine")]),
    ("Canada granted asylum to the Saudi teenager.", [("Canada", "075", "teenager")]),
    # CONCEDE / RETREAT
    ("Washington lifted sanctions on Sudan on Friday.", [("Washington", "085", "Sudan")]),
    ("Iran released the British sailors on Thursday.", [("Iran", "0841", "sailors")]),
    ("Russia withdrew its troops from the Kyiv region.", [("Russia", "0874", "")]),
    ("The rebels declared a ceasefire in the east.", [("rebels", "0871", "")]),
    # REQUEST
    ("The United States urged Iran to halt uranium enrichment.", [("States", "10", "Iran")]),
    ("The UN chief called on Israel to stop the bombing.", [("chief", "10", "Israel")]),
    ("Germany demanded the release of the journalists.", [("Germany", "1053", "journalists")]),
    # ACCUSE
    ("Moscow denied the claims and accused Kiev of shelling civilians.",
     [("Moscow", "112", "Kiev"), ("Kiev", "19", "")]),
    ("Amnesty International condemned Egypt for the executions.", [("International", "111", "Egypt")]),
    ("Prosecutors are investigating the former president.", [("Prosecutors", "090", "president")]),
    ("The opposition sued the government over the election results.", [("opposition", "115", "government")]),
    # REJECT
    ("Russia and China vetoed the resolution.", [("Russia", "129", ""), ("China", "129", "")]),
    ("Tehran rejected the American proposal for direct talks.", [("Tehran", "12", "American")]),
    # THREATEN
    ("North Korea threatened to attack South Korea.", [("Korea", "138", "Korea")]),
    ("Obama will use the meeting to warn Putin.", [("Obama", "130", "Putin")]),
    ("Washington threatened sanctions against Turkey.", [("Washington", "1312", "Turkey")]),
    # PROTEST
    ("Thousands of students protested against the government in Belgrade.",
     [("students", "140", "government")]),
    ("Workers went on strike in Paris.", [("Workers", "143", "")]),
    # SANCTION
    ("The European Union imposed new sanctions on Russia over the annexation of Crimea.",
     [("Union", "163", "Russia")]),
    ("Poland expelled 45 Russian diplomats.", [("Poland", "161", "Russian")]),
    ("Saudi Arabia cut ties with Qatar.", [("Arabia", "161", "Qatar")]),
    # warrants, firefights, evidence and help
    ("A court in Lima issued arrest warrants for two rebels.", [("court", "173", "rebels")]),
    ("Rebels engaged government troops in a firefight near the border.", [("Rebels", "190", "troops")]),
    ("The prosecutors presented evidence against the militia leader.", [("prosecutors", "112", "leader")]),
    ("Norway helped the protesters.", [("Norway", "070", "protesters")]),
    # a call made to congratulate is the congratulation; opening borders to refugees is shelter
    ("Putin called Erdogan to congratulate him on his victory.", [("Putin", "051", "Erdogan")]),
    ("Turkey opened its borders to the protesters.", [("Turkey", "075", "protesters")]),
    # agreeing to or on a deal concludes it (057); granting permission or a pardon is yielding
    ("Kenya and Ethiopia agreed to a trade deal.", [("Kenya", "057", "Ethiopia")]),
    ("The president granted a pardon to the rebels.", [("president", "080", "rebels")]),
    # a vow to act against someone is a threat; denying access is a restriction
    ("The rebels vowed to topple the government.", [("rebels", "130", "government")]),
    ("The ministry denied entry to the protesters.", [("ministry", "172", "protesters")]),
    # asking is an appeal or request (CAMEO 02), demanding a demand (10)
    ("Kenya asked Uganda to reopen the border.", [("Kenya", "020", "Uganda")]),
    ("Kenya demanded that Uganda reopen the border.", [("Kenya", "100", "Uganda")]),
    # receiving from someone: the giver acts
    ("The rebels received weapons from Qatar.", [("Qatar", "070", "rebels")]),
    ("The protesters received assurances from the government.", [("government", "030", "protesters")]),
    # less aid is a sanction, not aid
    ("Washington reduced its military aid to Cairo by a third.", [("Washington", "162", "Cairo")]),
    ("Sweden announced a suspension of aid to Uganda.", [("Sweden", "162", "Uganda")]),
    ("Iran suspended fuel shipments to Syria.", [("Iran", "162", "Syria")]),
    # MOBILIZE
    ("Russia deployed troops near the Ukrainian border.", [("Russia", "154", "Ukrainian")]),
    # COERCE
    ("The protesters were arrested by police in Cairo.", [("police", "173", "protesters")]),
    ("Police detained the opposition leader on Sunday.", [("Police", "173", "leader")]),
    ("Russian hacking of the party's emails angered Democrats.", [("Russian", "170", "party")]),
    ("Security forces cracked down on demonstrators in Tehran.", [("forces", "170", "demonstrators")]),
    # ASSAULT
    ("Officials said Syrian troops shelled the town of Idlib.", [("troops", "194", "Idlib")]),
    ("Israel launched airstrikes on Gaza on Tuesday.", [("Israel", "195", "Gaza")]),
    ("Hamas fighters clashed with Israeli troops near the border.", [("fighters", "19", "troops")]),
    ("Russia invaded Ukraine in February.", [("Russia", "190", "Ukraine")]),
    ("Militants attacked a police station in Kabul.", [("Militants", "190", "police")]),
    ("Gunmen kidnapped two aid workers in Mali.", [("Gunmen", "181", "workers")]),
    ("The president, who met Abe on Monday, imposed sanctions on Russia.",
     [("president", "040", "Abe"), ("president", "163", "Russia")]),
]  # fmt: skip

NEGATIVES = [
    "The rains helped to end the drought.",
    # naming, origin and showing are no call, praise or protest
    "The senator called the minister unfit for office.",
    "The spokesman called the bombing a reprisal for the raids.",
    "The governor, who hails from the north, spoke to reporters.",
    "Both governments have demonstrated a willingness to compromise.",
    "Liverpool beat Chelsea in the league match on Sunday.",
    "Apple attacked the market with a cheaper phone, sending its shares higher.",
    "The storm hit the coast on Friday.",
    "Manchester United defeated Arsenal to win the championship.",
    "The company released a statement on Monday.",
    "Prices rose sharply in March.",
]

ACTOR_WORDS.update({"gunmen", "fighters", "thousands", "chief", "tokyo", "seoul", "washington", "teenager"})
ACTOR_WORDS.update({"sailors", "leader", "diplomats", "chancellor", "tehran", "colombia", "modi", "party"})


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_extract_events(nlp: Language, extractor: EventExtractor, text: str, expected: list) -> None:
    got = triples(nlp, extractor, text)
    for exp in expected:
        assert matches(exp, got), f"{exp} not in {sorted(got)}"


ACTOR_WORDS.update({"people", "country", "journalists", "activist", "convoy", "victims", "city", "nation"})

# Round 2: target fallbacks, agentless passives, news idioms and clause-level nominal sources.
CASES_R2: list[tuple[str, list[tuple[str, str, str]]]] = [
    # target fallbacks: an actor inside the object phrase
    ("The foreign ministry condemned Iran's ballistic missile test on Sunday.",
     [("ministry", "111", "Iran")]),
    ("Washington criticized the Chinese decision to expel reporters.", [("Washington", "111", "Chinese")]),
    ("Beijing voiced concern over the American arms sales to Taipei.", [("Beijing", "110", "American")]),
    # ... the subject of a request/warn verb's complement clause
    ("The United Nations urged that the government halt the executions.",
     [("Nations", "100", "government")]),
    ("Protesters were demanding that the country halts its nuclear program.",
     [("Protesters", "100", "country")]),
    ("Tehran warned of consequences if Israel attacked its facilities.", [("Tehran", "130", "Israel")]),
    ("Germany insisted that Greece must repay its loans.", [("Germany", "100", "Greece")]),
    # ... the beneficiary of an aid verb
    ("Japan sent emergency supplies for the flood victims.", [("Japan", "073", "victims")]),
    # ... an actor anywhere in the trigger's own subtree
    ("The European Union reiterated calls for a ceasefire in Gaza.", [("Union", "", "Gaza")]),
    # phone calls, mediation
    ("Macron told Putin by phone that the shelling must stop.", [("Macron", "041", "Putin")]),
    ("The president spoke on the phone with Erdogan on Monday.", [("president", "041", "Erdogan")]),
    ("In a phone call with Biden, Scholz discussed the war.", [("Scholz", "041", "Biden")]),
    ("Qatar mediated between Israel and Hamas.", [("Qatar", "045", "Israel"), ("Qatar", "045", "Hamas")]),
    ("Egypt is acting as a mediator between Israel and Hamas.", [("Egypt", "045", "Israel")]),
    ("Modi congratulated the new Sri Lankan president.", [("Modi", "051", "president")]),
    # protests, sieges, coups, storming
    ("Thousands of students took to the streets of Belgrade.", [("students", "141", "")]),
    ("Tens of thousands of protesters poured into the streets on Saturday.", [("protesters", "141", "")]),
    ("Rebel forces laid siege to Aleppo.", [("forces", "191", "Aleppo")]),
    ("The army seized power in a coup.", [("army", "170", "")]),
    ("Protesters stormed the parliament building.", [("Protesters", "190", "")]),
    # reject / accuse / threaten idioms
    ("The army was resisting pressure from the opposition.", [("army", "120", "opposition")]),
    ("The minister stressed that Israel would not negotiate with Hamas.", [("minister", "120", "Hamas")]),
    ("The ministry regrets the decision by Washington.", [("ministry", "111", "Washington")]),
    # (tenth session: the source's own soldiers are no fall-back target of its outrage, the killers are)
    ("Turkey expressed outrage at the killing of its soldiers.", [("Turkey", "111", "")]),
    ("Moscow hit back at Washington over the new sanctions.", [("Moscow", "111", "Washington")]),
    ("North Korea pledged to retaliate against South Korea.", [("Korea", "130", "Korea")]),
    ("China called the sanctions a violation of international law.", [("China", "11", "")]),
    # missiles: a test is a show of force, firing at someone an attack
    ("North Korea fired two ballistic missiles over Japan.", [("Korea", "150", "Japan")]),
    ("Hezbollah fired rockets at Israel on Thursday.", [("Hezbollah", "190", "Israel")]),
    ("North Korea launched a ballistic missile toward Japan.", [("Korea", "150", "Japan")]),
    # house arrest, passives
    ("Police placed the activist under house arrest.", [("Police", "173", "activist")]),
    ("Police kept the activist under house arrest.", [("Police", "173", "activist")]),
    ("Troops stormed the building and were ambushed by militants.", [("militants", "190", "Troops")]),
    # nominal events and participle clauses: the clause's subject is the source
    ("Germany's condemnation of Russia was swift.", [("Germany", "111", "Russia")]),
    ("The opposition's calls for the president's resignation grew louder.",
     [("opposition", "10", "president")]),
    ("A warning from Washington to Tehran came on Monday.", [("Washington", "130", "Tehran")]),
    ("Talks between Iran and the United States were held in Oman.", [("Iran", "040", "States")]),
    ("Iran, in a statement condemning Israel, said it would respond.", [("Iran", "111", "Israel")]),
    ("Turkey shelled Kurdish positions, accusing militants of attacks.", [("Turkey", "112", "militants")]),
    ("The president addressed the nation, calling on the rebels to lay down their arms.",
     [("president", "100", "rebels")]),
]  # fmt: skip


@pytest.mark.parametrize("text", NEGATIVES)
def test_hard_negatives_give_nothing(nlp: Language, extractor: EventExtractor, text: str) -> None:
    doc = nlp(text)
    found = [c for sent in doc.sents for c in extractor.extract(sent, is_actor)]
    assert found == []


@pytest.mark.parametrize(("text", "expected"), CASES_R2, ids=[c[0][:40] for c in CASES_R2])
def test_round2_events(nlp: Language, extractor: EventExtractor, text: str, expected: list) -> None:
    got = triples(nlp, extractor, text)
    for exp in expected:
        assert matches(exp, got), f"{exp} not in {sorted(got)}"


@pytest.mark.parametrize(
    ("text", "target", "pattern"),
    [
        ("Sixty people were arrested in the capital on Friday.", "people", "coerce.arrest"),
        ("Protesters were detained in the capital.", "Protesters", "coerce.detain"),
        ("Two journalists were killed in the north.", "journalists", "assault.kill"),
        ("The protesters arrested on Friday were released on Sunday.", "protesters", "coerce.arrest"),
        ("The opposition leader was placed under house arrest.", "leader", "coerce.place_under.arrest"),
        ("The former prime minister is under house arrest.", "minister", "coerce.arrest.n"),
        ("The convoy came under attack near Kandahar.", "convoy", "assault.attack.n"),
    ],
)
def test_agentless_passive_has_no_source(
    nlp: Language, extractor: EventExtractor, text: str, target: str, pattern: str
) -> None:
    doc = nlp(text)
    cands = [c for sent in doc.sents for c in extractor.extract(sent, is_actor)]
    hits = [c for c in cands if c.pattern == pattern + ".passive-noagent"]
    assert len(hits) == 1, cands
    assert hits[0].sources == ()
    assert [doc[i].text for i in hits[0].targets] == [target]


@pytest.mark.parametrize(
    "text",
    [
        "The minister was urged to resign.",  # REQUEST: agentless passives are only kept for force
        "Ten were killed on Monday.",  # a bare number is no target
    ],
)
def test_agentless_passive_only_for_force_with_target(
    nlp: Language, extractor: EventExtractor, text: str
) -> None:
    doc = nlp(text)
    assert [c for sent in doc.sents for c in extractor.extract(sent, is_actor) if not c.sources] == []


@pytest.mark.parametrize(
    ("direct", "fallback"),
    [
        ("Washington criticized Beijing.", "Washington criticized the Chinese decision."),
        ("The UN urged Iran to halt enrichment.", "The UN urged that Iran halt enrichment."),
        ("Iran condemned Israel.", "Iran condemned the raid, which drew protests in Israel."),
    ],
)
def test_target_fallback_lowers_confidence(
    nlp: Language, extractor: EventExtractor, direct: str, fallback: str
) -> None:
    (a,) = [c for c in extractor.extract(next(nlp(direct).sents), is_actor) if c.targets]
    b = [c for c in extractor.extract(next(nlp(fallback).sents), is_actor) if c.cameo == a.cameo]
    assert b and b[0].targets, b
    assert b[0].confidence < a.confidence


@pytest.mark.parametrize(
    "text",
    [
        "Russia withdrew its troops from the region.",  # "its" points back at Russia
        "Russian troops withdrew from the region.",
        "The Chinese government criticized the decision.",
    ],
)
def test_source_is_never_its_own_target(nlp: Language, extractor: EventExtractor, text: str) -> None:
    doc = nlp(text)
    for c in extractor.extract(next(doc.sents), is_actor):
        assert not set(c.targets) & {t.i for s in c.sources for t in doc[s].subtree}, c


def test_reported_clause_is_not_searched_for_a_target(nlp: Language, extractor: EventExtractor) -> None:
    # "warn" looks at its complement's subject, but "criticize" never reaches into a clause of its own.
    doc = nlp("Merkel criticized the plan, which Putin said would fail.")
    (cand,) = [c for c in extractor.extract(next(doc.sents), is_actor) if c.cameo == "111"]
    assert cand.targets == ()


def test_date_object_is_not_a_particle(nlp: Language, extractor: EventExtractor) -> None:
    doc = nlp("North Korea fired missiles into the sea on Thursday.")
    codes = {c.pattern for c in extractor.extract(next(doc.sents), is_actor)}
    assert "assault.fire_on" not in codes and "mobilize.fire.missile" in codes


def test_verbs_are_not_negative_context_by_lemma(nlp: Language, extractor: EventExtractor) -> None:
    stormed = extractor.extract(next(nlp("Protesters stormed the parliament.").sents), is_actor)
    storm = extractor.extract(next(nlp("The storm hit the coast.").sents), is_actor)
    assert [c.cameo for c in stormed] == ["190"] and stormed[0].confidence > 0.3
    assert storm == []


def test_user_control_file_adds_clause_verb(nlp: Language, tmp_path: Path) -> None:
    text = "Berlin recommended that Athens cut spending."
    user = tmp_path / "verbs.tsv"
    user.write_text("lemma\tkind\nrecommend\tclause\n", encoding="utf-8")
    pats = tmp_path / "pats.tsv"
    pats.write_text("id\ttrigger\tpos\tcameo\tconfidence\nx.rec\trecommend\tV\t100\t0.6\n", encoding="utf-8")
    doc = nlp(text)
    cand = EventExtractor.load([pats], control=[user]).extract(next(doc.sents), is_actor)
    assert [doc[i].text for c in cand for i in c.targets] == ["Athens"]


def test_bad_control_kind_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "verbs.tsv"
    bad.write_text("lemma\tkind\nurge\tobject\nrecommend\tclausal\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        EventExtractor.load(control=[bad])
    assert info.value.line == 3


def test_said_alone_is_not_an_event(nlp: Language, extractor: EventExtractor) -> None:
    assert triples(nlp, extractor, "The foreign minister said on Tuesday that talks would continue.") == set()


def test_works_without_is_actor(nlp: Language, extractor: EventExtractor) -> None:
    got = triples(nlp, extractor, "Russia and China vetoed the resolution.", actor=False)
    assert ("Russia", "129", "resolution") in got
    assert ("China", "129", "resolution") in got


def test_candidate_fields(nlp: Language, extractor: EventExtractor) -> None:
    doc = nlp("Putin held talks with Erdogan in Ankara.")
    (cand,) = extractor.extract(next(doc.sents), is_actor)
    assert isinstance(cand, Candidate)
    assert doc[cand.trigger[0] : cand.trigger[1]].text == "held talks"
    assert doc[cand.trigger_head].text == "held"
    assert cand.pattern.startswith("consult.")
    assert 0.0 < cand.confidence <= 1.0


def test_fallback_lowers_confidence(nlp: Language, extractor: EventExtractor) -> None:
    direct = nlp("Syrian troops shelled Idlib.")
    nested = nlp("Syrian troops shelled the town of Idlib.")
    (a,) = extractor.extract(next(direct.sents), is_actor)
    (b,) = extractor.extract(next(nested.sents), is_actor)
    assert b.confidence < a.confidence


def test_missing_target_lowers_confidence(nlp: Language, extractor: EventExtractor) -> None:
    with_target = extractor.extract(next(nlp("Russia threatened Ukraine.").sents), is_actor)
    without = extractor.extract(next(nlp("Russia threatened reprisals.").sents), is_actor)
    assert with_target[0].confidence > without[0].confidence


@pytest.mark.parametrize(
    ("text", "source", "target", "cameo"),
    [
        ("Obama met Putin and later criticized Assad.", "Obama", "Assad", "111"),
        ("Obama met Putin and later criticized Assad.", "Obama", "Putin", "040"),
        ("Iran said the attack by Israel on Syria was illegal.", "Israel", "Syria", "190"),
    ],
)
def test_classify_pair(
    nlp: Language, extractor: EventExtractor, text: str, source: str, target: str, cameo: str
) -> None:
    doc = nlp(text)
    sent = next(doc.sents)
    src = next(t for t in doc if t.text == source)
    tgt = next(t for t in doc if t.text == target)
    cand = extractor.classify_pair(sent, doc[src.i : src.i + 1], doc[tgt.i : tgt.i + 1])
    assert cand is not None and cand.cameo == cameo


def test_classify_pair_without_trigger(nlp: Language, extractor: EventExtractor) -> None:
    doc = nlp("France and Germany are neighbours.")
    assert extractor.classify_pair(next(doc.sents), doc[0:1], doc[2:3]) is None


def test_packaged_patterns_are_many_and_cover_every_root(extractor: EventExtractor) -> None:
    assert len(extractor.patterns) >= 300
    roots = {p.cameo[:2] for p in extractor.patterns}
    assert {f"{r:02d}" for r in range(2, 21)} <= roots


def test_packaged_codes_are_known_cameo_codes(extractor: EventExtractor) -> None:
    cameo_tsv = Path(__file__).parent.parent / "whimbrel" / "codes" / "cameo.tsv"
    if not cameo_tsv.exists():
        pytest.skip("whimbrel/codes/cameo.tsv not present")
    known = {line.split("\t")[0] for line in cameo_tsv.read_text().splitlines() if line[:1].isdigit()}
    unknown = sorted({p.cameo for p in extractor.patterns} - known)
    assert unknown == []


def test_user_pattern_file_adds_trigger(nlp: Language, tmp_path: Path) -> None:
    text = "Hanoi rebuked Beijing and then snubbed Manila."
    user = tmp_path / "mine.tsv"
    user.write_text("id\ttrigger\tpos\tcameo\tconfidence\nmine.snub\tsnub\tV\t125\t0.9\n", encoding="utf-8")
    base = EventExtractor.load()
    extended = EventExtractor.load([user])
    doc = nlp(text)
    before = {c.cameo for c in base.extract(next(doc.sents), is_actor)}
    after = {c.cameo for c in extended.extract(next(doc.sents), is_actor)}
    assert "125" not in before and "125" in after


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x1\tmeet\tQ\t\t\t\t040\t0.5", "pos must be"),
        ("x1\tmeet\tV\t\t\t\t999\t0.5", "not a CAMEO code"),
        ("x1\tmeet\tV\t\t\t\t040\thigh", "not a number"),
        ("x1\tmeet\tV\t\t\t\t040\t1.5", "outside 0..1"),
        ("x1\tmeet\tV\twho:x\t\t\t040\t0.5", "bad requires"),
        ("x1\tmeet\tV\t\t\tloud\t040\t0.5", "unknown flag"),
        ("x1\tMeet!\tV\t\t\t\t040\t0.5", "bad trigger"),
        ("x1\tmeet\tV\t\t\t\t\t0.5", "empty required field"),
        ("ok1\tmeet\tV\t\t\t\t040\t0.5", "repeats line 3"),  # (tenth session) one id per file
    ],
)
def test_pattern_validation_errors_carry_line_numbers(tmp_path: Path, row: str, message: str) -> None:
    bad = tmp_path / "bad.tsv"
    header = "id\ttrigger\tpos\trequires\ttarget\tflags\tcameo\tconfidence"
    bad.write_text(f"# comment\n{header}\nok1\tvisit\tV\t\t\t\t042\t0.8\n{row}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_patterns([bad])
    assert info.value.line == 4
    assert message in info.value.message


def test_bad_user_file_fails_load(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttrigger\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        EventExtractor.load([bad])


def test_packaged_file_validates() -> None:
    assert read_patterns([packaged_file("patterns.tsv")])


def test_extractor_pickles(nlp: Language, extractor: EventExtractor) -> None:
    clone = pickle.loads(pickle.dumps(extractor))
    doc = nlp("Police detained the opposition leader on Sunday.")
    assert clone.extract(next(doc.sents), is_actor) == extractor.extract(next(doc.sents), is_actor)


def test_possessive_pronoun_is_never_a_target(nlp: Language, extractor: EventExtractor) -> None:
    # A resolver that knows "its" (coreference) must still not get it as the target of "withdrew its troops".
    doc = nlp("Moscow withdrew its troops from the border.")
    cands = extractor.extract(next(doc.sents), lambda t: is_actor(t) or t.tag_ == "PRP$")
    assert cands and all(doc[i].text != "its" for c in cands for i in c.targets)


ACTOR_WORDS.update({"kremlin", "berlin", "moscow", "beijing"})

# Round 3: statements (a reporting verb whose reported clause carries the type), quotes and parentheticals
# with the speaker after the clause, participial clauses, and word senses that change the type.
CASES_R3: list[tuple[str, list[tuple[str, str, str]]]] = [
    # "X said Y must/should ...": REQUEST to Y
    ("The foreign ministry said Israel must halt its settlement expansion.", [("ministry", "100", "Israel")]),
    ("Officials in Ankara said the government should release the detained reporters.",
     [("Officials", "100", "government")]),
    ("The minister told reporters that Serbia must recognise Kosovo.", [("minister", "100", "Serbia")]),
    # "X said Y's move was illegal / a violation": ACCUSE, the owner of the move is the target
    ("Beijing said Washington's sanctions were illegal.", [("Beijing", "11", "Washington")]),
    ("China called the American move illegal.", [("China", "111", "American")]),
    # ... told by a verb of regarding, with "as" on the verb or (as the parser may hang it) on its object
    ("Moscow viewed Washington's decision as a violation of the pact.", [("Moscow", "11", "Washington")]),
    ("Seoul regards the Japanese export curbs as illegitimate.", [("Seoul", "111", "Japanese")]),
    ("The decision is a violation of international law, the Kremlin said.", [("Kremlin", "11", "")]),
    ("\"This move is unacceptable,\" the ministry said in a statement.", [("ministry", "11", "")]),
    ("The sanctions, the ministry said, are illegal.", [("ministry", "11", "")]),
    ("The minister said the plan was a dangerous precedent.", [("minister", "11", "")]),
    # disapproval told by any judging word: disappointing, unfair, misguided, harmful ...
    ("Canada said the announcement by Washington was deeply disappointing.",
     [("Canada", "11", "Washington")]),
    ("Oslo called the Danish proposal unfair and misguided.", [("Oslo", "111", "Danish")]),
    ("Caracas called the Honduran decision a cowardly act.", [("Caracas", "111", "Honduran")]),
    # "X said it would not accept ...": REJECT; "X said it was ready to ...": AGREE
    ("Tehran said it would not negotiate with Washington.", [("Tehran", "12", "Washington")]),
    ("\"We will never accept this,\" the president told reporters.", [("president", "12", "")]),
    ("Hamas said it was ready to resume talks with Israel.", [("Hamas", "03", "Israel")]),
    # letting foreigners in: "allowed visits by X", "allowed X to enter" (CAMEO 086)
    ("Kenya had allowed two visits by American investigators to the border.", [("Kenya", "086", "American")]),
    ("Nairobi allowed American investigators to visit the border area.", [("Nairobi", "086", "American")]),
    # "X said Y violated the truce": wrongdoing told is an accusation (not so for acts of force: see docs)
    ("Russia said Ukraine had violated the ceasefire agreement.", [("Russia", "112", "Ukraine")]),
    ("Armenia said Azerbaijani forces breached the truce overnight.", [("Armenia", "112", "forces")]),
    ("Washington suggested Caracas may have violated the accord.", [("Washington", "112", "Caracas")]),
    # "X said the reports were untrue": a denial (REJECT)
    ("Pyongyang said the reports were completely untrue.", [("Pyongyang", "120", "")]),
    ("The ministry said the allegations were a fabrication.", [("ministry", "120", "")]),
    ("Berlin said the ceasefire was a positive step.", [("Berlin", "051", "")]),
    # intent reported for someone else: the clause subject holds it
    ("Officials in Seoul say Moon is ready to meet with Pyongyang.", [("Moon", "03", "Pyongyang")]),
    ("Tehran said it would retaliate against Israel.", [("Tehran", "13", "Israel")]),
    ("Turkey warned that Sweden must act against militants or face consequences.",
     [("Turkey", "13", "Sweden")]),
    ("Russia denied the accusations by Ukraine.", [("Russia", "12", "Ukraine")]),
    # word senses
    ("Workers struck for higher wages on Monday.", [("Workers", "143", "")]),
    ("Rebels seized the town of Kidal.", [("Rebels", "190", "Kidal")]),
    ("Washington hit Moscow with new sanctions.", [("Washington", "163", "Moscow")]),
    ("The government struck a deal with the rebels.", [("government", "057", "rebels")]),
    ("Police charged the activist with treason.", [("Police", "173", "activist")]),
    ("The opposition pressed charges against the minister.", [("opposition", "115", "minister")]),
    ("Qatar supported the rebels with weapons.", [("Qatar", "072", "rebels")]),
    ("Militants raided a village in the north.", [("Militants", "190", "")]),
    ("Washington ruled out talks with the Taliban.", [("Washington", "125", "Taliban")]),
    ("Militants violated the ceasefire on Sunday.", [("Militants", "196", "")]),
    ("The European Union stands with Ukraine.", [("Union", "051", "Ukraine")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES_R3, ids=[c[0][:40] for c in CASES_R3])
def test_round3_events(nlp: Language, extractor: EventExtractor, text: str, expected: list) -> None:
    got = triples(nlp, extractor, text)
    for exp in expected:
        assert matches(exp, got), f"{exp} not in {sorted(got)}"


# Sentences that must NOT produce the given type (a CAMEO prefix), whatever else they produce.
NOT_R3: list[tuple[str, str]] = [
    ("Russia said Ukraine had not violated the ceasefire.", "11"),  # a negated clause accuses nobody
    ("Kiev said the claims were not false.", "12"),  # a negated denial is none
    ("Human rights groups say the Sudanese army continued to commit atrocities against civilians.", "03"),
    ("Voters preferred Erdogan's blunt talk to Kilicdaroglu's caution.", "04"),  # a way of speaking
    ("Paris sees Berlin as a key partner in the negotiations.", "11"),  # regarded, but not as a wrong
    ("The minister said the plan was not illegal.", "11"),  # negated predicate
    ("Iran said it must defend itself.", "10"),  # an obligation on the speaker is no request
    ("The president said it should be possible to finish the road.", "10"),
    ("Colombia called early elections for March.", "04"),  # no phone call
    ("The president called the summit a success.", "04"),
    ("The teachers struck a conciliatory tone.", "1"),  # figurative strike: no protest, no assault
    ("Workers struck for higher wages on Monday.", "19"),
    ("Iran accused Israel of violating the nuclear agreement.", "03"),  # no agreement event
    ("Russia welcomed the lifting of sanctions on Iran.", "16"),  # relief is no sanction
    ("Rebels seized the town of Kidal.", "171"),  # force, not confiscation
    ("The council pressed ahead with the plan.", "10"),
    ("Iran withdrew from the nuclear deal in May.", "087"),  # no military retreat
    ("The new Congress can more easily target key Obama policies.", "19"),  # aimed at, no attack
    ("The campaign targeted young Kenyan voters.", "19"),
    ("Speaking in Paris, the minister criticised the sanctions.", "111"),  # Paris is no target (below)
]  # fmt: skip


@pytest.mark.parametrize(("text", "prefix"), NOT_R3[:-1], ids=[c[0][:40] for c in NOT_R3[:-1]])
def test_round3_wrong_types_are_not_produced(
    nlp: Language, extractor: EventExtractor, text: str, prefix: str
) -> None:
    got = triples(nlp, extractor, text)
    assert not [g for g in got if g[1].startswith(prefix)], sorted(got)


def test_participial_clause_is_no_target(nlp: Language, extractor: EventExtractor) -> None:
    got = triples(nlp, extractor, NOT_R3[-1][0])
    assert ("minister", "111", "") in got and not [g for g in got if g[2] == "Paris"], got


def test_statement_trigger_is_the_reporting_verb(nlp: Language, extractor: EventExtractor) -> None:
    doc = nlp("The foreign ministry said Israel must halt its settlement expansion.")
    (cand,) = [c for c in extractor.extract(next(doc.sents), is_actor) if c.cameo == "100"]
    assert doc[cand.trigger[0] : cand.trigger[1]].text == "said"
    assert cand.pattern == "statement.request"


def test_missing_statement_target_lowers_confidence(nlp: Language, extractor: EventExtractor) -> None:
    named = extractor.extract(next(nlp("Beijing said Washington's sanctions were illegal.").sents), is_actor)
    unnamed = extractor.extract(next(nlp("Beijing said the sanctions were illegal.").sents), is_actor)
    a = [c for c in named if c.cameo == "111"]
    b = [c for c in unnamed if c.cameo == "111"]
    assert a and b and b[0].targets == () and b[0].confidence < a[0].confidence


def test_user_lexicon_extends_reporting_verbs(nlp: Language, tmp_path: Path) -> None:
    text = "The ministry whispered that Israel must halt the raids."
    user = tmp_path / "words.tsv"
    user.write_text("lexicon\tword\nreport\twhisper\n", encoding="utf-8")
    doc = nlp(text)
    before = {c.pattern for c in EventExtractor.load().extract(next(doc.sents), is_actor)}
    after = {c.pattern for c in EventExtractor.load(lexicons=[user]).extract(next(doc.sents), is_actor)}
    assert "statement.request" not in before and "statement.request" in after


@pytest.mark.parametrize(
    ("lexicon", "patterns", "line", "message"),
    [
        ("lexicon\tword\nreport\tsay\nReport!\tshout\n", "", 3, "bad lexicon name"),
        ("lexicon\tword\nreport\tsay\nreport\tshout!\n", "", 3, "bad word"),
        ("lexicon\tword\nreport\tsay\nreport\tshout  out\n", "", 3, "bad word"),  # one space apart
        ("lexicon\tword\nreport\tsay\n", "x.y\t@nosuch\tV\t\t\t\t100\t0.5\n", 3, "unknown lexicon"),
        ("lexicon\tword\nreport\tsay\n", "x.y\t@report\tV\tpred:@nosuch\t\t\t100\t0.5\n", 3, "unknown"),
    ],
)
def test_lexicon_errors_carry_line_numbers(
    tmp_path: Path, lexicon: str, patterns: str, line: int, message: str
) -> None:
    lex = tmp_path / "words.tsv"
    lex.write_text(lexicon, encoding="utf-8")
    pats = tmp_path / "pats.tsv"
    header = "id\ttrigger\tpos\trequires\ttarget\tflags\tcameo\tconfidence"
    pats.write_text(f"{header}\nok1\tvisit\tV\t\t\t\t042\t0.8\n{patterns}", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        EventExtractor.load([pats], lexicons=[lex])
    assert info.value.line == line
    assert message in info.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two soldiers were killed in a Russian airstrike.", ("Russian", "soldiers")),
        ("Three soldiers were wounded during a Taliban attack on the checkpoint.", ("Taliban", "soldiers")),
        ("Nine students were killed in an Israeli drone strike.", ("Israeli", "students")),
    ],
)
def test_agentless_killing_takes_the_attacks_actor(
    nlp: Language, extractor: EventExtractor, text: str, expected: tuple[str, str]
) -> None:
    doc = nlp(text)
    cands = [c for c in extractor.extract(next(doc.sents), is_actor) if c.cameo[:2] in ("18", "19", "20")]
    assert expected in {
        (doc[c.sources[0]].text, doc[c.targets[0]].text) for c in cands if c.sources and c.targets
    }


def test_user_control_file_adds_cause_noun(nlp: Language, tmp_path: Path) -> None:
    text = "Four sailors were killed in an Iranian sabotage."
    user = tmp_path / "verbs.tsv"
    user.write_text("lemma\tkind\nsabotage\tcause\n", encoding="utf-8")
    doc = nlp(text)
    plain = EventExtractor.load().extract(next(doc.sents), is_actor)
    extended = EventExtractor.load(control=[user]).extract(next(doc.sents), is_actor)
    assert all(not c.sources for c in plain)
    assert [doc[i].text for c in extended for i in c.sources] == ["Iranian"]


DISMAY, DELIGHT = ("accuse.dismay", "110"), ("support.delight", "051")


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("France is alarmed that Iran has resumed enrichment.", DISMAY, {("France", "Iran")}),
        ("Kenya was angered by Uganda's decision to close the border.", DISMAY, {("Kenya", "Uganda")}),
        ("Germany is disappointed with Poland.", DISMAY, {("Germany", "Poland")}),
        ("The fans were disappointed with the result.", DISMAY, set()),  # no actor behind the feeling
        ("Brazil is worried about the economy.", DISMAY, set()),
        ("Kenya was pleased by Uganda's decision to withdraw its troops.", DELIGHT, {("Kenya", "Uganda")}),
        ("Ukraine is grateful to Poland.", DELIGHT, {("Ukraine", "Poland")}),
        ("Troops moved to the border.", DELIGHT, set()),  # a verb of motion, no feeling
    ],
)
def test_disapproval_and_approval_told_as_a_feeling(
    nlp: Language, extractor: EventExtractor, text: str, kind: tuple[str, str], expected: set[tuple[str, str]]
) -> None:
    doc = nlp(text)
    cands = [c for c in extractor.extract(next(doc.sents), is_actor) if c.pattern == kind[0]]
    assert {(doc[c.sources[0]].text, doc[c.targets[0]].text) for c in cands} == expected
    assert all(c.cameo == kind[1] for c in cands)


def test_user_lexicon_adds_a_feeling(nlp: Language, tmp_path: Path) -> None:
    text = "Chile is aggrieved by Peru's decision."
    user = tmp_path / "words.tsv"
    user.write_text("lexicon\tword\ndismay\taggrieved\n", encoding="utf-8")
    doc = nlp(text)
    assert not [c for c in EventExtractor.load().extract(next(doc.sents), is_actor) if c.cameo == "110"]
    extended = EventExtractor.load(lexicons=[user]).extract(next(doc.sents), is_actor)
    assert [(doc[c.sources[0]].text, doc[c.targets[0]].text) for c in extended if c.cameo == "110"] == [
        ("Chile", "Peru")
    ]


def test_one_scan_gives_the_negative_context_and_the_pattern_heads(
    nlp: Language, extractor: EventExtractor
) -> None:
    sent = next(nlp("Liverpool attacked the Chelsea defence, and the coach met the press.").sents)
    scan = extractor.scan(sent)
    assert scan.factor == extractor.context_factor(sent) < 1.0
    assert {sent.doc[i].text for i in scan.heads} >= {"attacked", "met"}
    assert extractor.extract(sent, scan=scan) == extractor.extract(sent)
