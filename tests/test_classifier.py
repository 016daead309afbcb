"""Tests of the PLOVER pair classifier (whimbrel.classifier)."""

from __future__ import annotations

import json
import pickle
import time
from pathlib import Path

import pytest
from spacy.language import Language

from whimbrel.classifier import LABELS, PairClassifier
from whimbrel.classifier.evaluate import decide, scores, unmark
from whimbrel.classifier.features import TriggerLexicon, extract, stem
from whimbrel.classifier.syntax import locate, parse_features
from whimbrel.classifier.train import CONFIG, DEFAULT_DATA, data_hash, in_heldout, load_pairs
from whimbrel.errors import DataFileError, WhimbrelError
from whimbrel.records import PLOVER_TYPES


@pytest.fixture(scope="module")
def clf() -> PairClassifier:
    return PairClassifier.load()


def item(sentence: str, source: str, target: str) -> tuple[str, tuple[int, int], tuple[int, int]]:
    s, t = sentence.index(source), sentence.index(target)
    return sentence, (s, s + len(source)), (t, t + len(target))


# Invented sentences, not in the training data; clear cases the model must get right.
CLEAR = [
    ("Moldovan police arrested the former mayor of Balti on bribery charges.", "Moldovan police",
     "the former mayor of Balti", "COERCE"),
    ("Chadian warplanes bombed rebel camps near the Libyan border on Wednesday.", "Chadian warplanes",
     "rebel camps", "ASSAULT"),
    ("Norway's foreign minister held talks with his Icelandic counterpart in Oslo.",
     "Norway's foreign minister", "his Icelandic counterpart", "CONSULT"),
    ("The Council of Europe urged Azerbaijan to free jailed reporters.", "The Council of Europe",
     "Azerbaijan", "REQUEST"),
    ("Lithuania accused Belarus of orchestrating the migrant crisis.", "Lithuania", "Belarus", "ACCUSE"),
    # CAMEO2PLOVER-2021: imposing sanctions/embargoes is COERCE (163); reducing relations is SANCTION
    ("Bolivia imposed sanctions on two Paraguayan banks.", "Bolivia", "two Paraguayan banks", "COERCE"),
    ("Bolivia recalled its ambassador from Paraguay on Monday.", "Bolivia", "Paraguay", "SANCTION"),
    ("Bus drivers protested against the Tunisian transport ministry in Sfax.", "Bus drivers",
     "the Tunisian transport ministry", "PROTEST"),
    ("Ecuador threatened Peru with retaliation over the fishing dispute.", "Ecuador", "Peru", "THREATEN"),
    ("Portugal sent humanitarian aid to Mozambique after the cyclone.", "Portugal", "Mozambique", "AID"),
    ("Honduras rejected Nicaragua's proposal for a joint commission.", "Honduras", "Nicaragua", "REJECT"),
    # signing a formal agreement is SUPPORT (057); a promise to act is AGREE (03x)
    ("Slovakia and Austria signed an agreement on energy security.", "Slovakia", "Austria", "SUPPORT"),
    ("Slovakia pledged to supply Austria with gas next winter.", "Slovakia", "Austria", "AGREE"),
    ("Tajik troops withdrew from the disputed village after fighting with Kyrgyz forces.", "Tajik troops",
     "the disputed village", "RETREAT"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "source", "target", "label"), CLEAR)
def test_clear_cases(clf: PairClassifier, sentence: str, source: str, target: str, label: str) -> None:
    probs = clf.predict([item(sentence, source, target)])[0]
    assert max(probs, key=probs.__getitem__) == label, sorted(probs.items(), key=lambda kv: -kv[1])[:3]


def test_probabilities_cover_all_labels_and_sum_to_one(clf: PairClassifier) -> None:
    probs = clf.predict([item(s, a, b) for s, a, b, _ in CLEAR])
    assert len(probs) == len(CLEAR)
    for p in probs:
        assert set(p) == set(PLOVER_TYPES) | {"NONE"}
        assert sum(p.values()) == pytest.approx(1.0, abs=1e-5)
        assert all(0.0 <= v <= 1.0 for v in p.values())
    assert clf.predict([]) == []


def test_unrelated_pair_is_none_or_unsure(clf: PairClassifier) -> None:
    sentence = "Croatia and Slovenia both reported record tourist numbers this summer."
    probs = clf.predict([item(sentence, "Croatia", "Slovenia")])[0]
    assert max(probs, key=probs.__getitem__) == "NONE"


def test_odd_spans_do_not_crash(clf: PairClassifier) -> None:
    sentence = "Police detained the activist."
    weird = [
        (sentence, (0, 6), (0, 6)),
        (sentence, (7, 15), (0, 6)),
        (sentence, (0, 0), (200, 210)),
        ("", (0, 0), (0, 0)),
    ]
    for probs in clf.predict(weird):
        assert sum(probs.values()) == pytest.approx(1.0, abs=1e-5)


def test_speed_and_pickle(clf: PairClassifier) -> None:
    items = [item(s, a, b) for s, a, b, _ in CLEAR] * 100
    start = time.perf_counter()
    clf.predict(items)
    rate = len(items) / (time.perf_counter() - start)
    assert rate > 1000, f"{rate:.0f} items/s"
    clone = pickle.loads(pickle.dumps(clf))
    assert clone.predict(items[:3]) == clf.predict(items[:3])


def test_artifact_matches_training_data_and_config(clf: PairClassifier) -> None:
    # The hash covers the training file, trigger lexicon, feature code and CONFIG: retrain when it fails.
    assert clf.meta["data_hash"] == data_hash(DEFAULT_DATA), "run `python -m whimbrel.classifier.train`"
    assert clf.meta["config"] == CONFIG
    assert clf.meta["heldout_accuracy"] >= 0.75


def test_heldout_accuracy_floor_on_own_data(clf: PairClassifier) -> None:
    # The shipped model saw these rows; the held-out figure recorded in the artifact is the honest one,
    # this checks the shipped weights fit the team's data and that the held-out groups exist.
    items, labels, groups = load_pairs(DEFAULT_DATA)
    preds = [max(p, key=p.__getitem__) for p in clf.predict(items)]
    assert scores(labels, preds)[0] >= 0.9
    assert 0.1 < sum(map(in_heldout, groups)) / len(groups) < 0.35


def test_training_data_covers_every_type() -> None:
    _, labels, groups = load_pairs(DEFAULT_DATA)
    counts = {label: labels.count(label) for label in LABELS}
    assert all(counts[t] >= 80 for t in PLOVER_TYPES), counts
    assert counts["NONE"] >= 300
    natural = sum(g.startswith("nat") for g in groups)
    assert natural >= 2000, natural
    # at least 60 natural sentences per type (each appears twice: as written and with a dateline/attribution)
    nat = {label: 0 for label in LABELS}
    for label, group in zip(labels, groups, strict=True):
        nat[label] += group.startswith("nat")
    assert all(n >= 120 for n in nat.values()), nat


def test_training_is_class_balanced() -> None:
    # NONE rows are plentiful in the training file; without balancing the model would learn that prior and
    # call real events NONE.  The config switch must stay on (the artifact test checks the config matches).
    assert CONFIG["balanced"] is True


@pytest.mark.parametrize(
    ("words", "same"),
    [("shelled shelling shells shell", True), ("agreed agree agreement", True), ("seized seizes seize", True),
     ("stopped stopping stop", True), ("rallied rally", True), ("arrest accuse", False)],
)  # fmt: skip
def test_stem_groups_inflections(words: str, same: bool) -> None:
    assert (len({stem(w) for w in words.split()}) == 1) is same


def test_features_see_regions_and_cues() -> None:
    lexicon = TriggerLexicon.load()
    feats = extract(item("Rebels were not attacked by the army.", "the army", "Rebels"), lexicon)
    assert "O:TS" in feats and "PASSIVE" in feats and "NEG" in feats and "TB:ASSAULT" in feats
    feats = extract(item("Talks between Chile and Peru resumed.", "Chile", "Peru"), lexicon)
    assert "TL:CONSULT" in feats and "O:ST" in feats


def test_longer_trigger_phrase_wins() -> None:
    """A phrase consumes its words: "cut off aid" is SANCTION without AID, "lodged a formal protest" is
    ACCUSE without PROTEST, "released funds" AID without CONCEDE."""
    lex = TriggerLexicon.load()
    for text, wanted, unwanted in [
        ("cut off aid to", "SANCTION", "AID"),
        ("lodged a protest with", "ACCUSE", "PROTEST"),
        ("released funds to", "AID", "CONCEDE"),
        ("granted access to", "CONCEDE", "AID"),
    ]:
        types = {t for _, _, t in lex.matches([stem(w) for w in text.split()], ())}
        assert wanted in types and unwanted not in types, (text, types)


def test_user_trigger_file_extends_lexicon(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("trigger\ttype\nkneecap\tASSAULT\n", encoding="utf-8")
    clf = PairClassifier.load(triggers=[extra])
    feats = extract(item("The gang kneecapped a shopkeeper.", "The gang", "a shopkeeper"), clf.lexicon)
    assert "TB:ASSAULT" in feats


@pytest.mark.parametrize(
    ("content", "line"),
    [("trigger\ttype\nshove\tPUSH\n", 2), ("trigger\n", 1), ("trigger\ttype\n# c\na b c d\tAID\n", 3)],
)
def test_bad_trigger_file_reports_line(tmp_path: Path, content: str, line: int) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        TriggerLexicon.load([bad])
    assert err.value.line == line


def test_bad_training_row_reports_line(tmp_path: Path) -> None:
    bad = tmp_path / "pairs.tsv"
    bad.write_text("sentence\tsource\ttarget\tlabel\nA met B.\tA\tC\tCONSULT\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_pairs([bad])
    assert err.value.line == 2


def test_missing_or_broken_artifact_raises_hint(tmp_path: Path) -> None:
    with pytest.raises(WhimbrelError, match="whimbrel.classifier.train"):
        PairClassifier.load(tmp_path / "nope.json")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"labels": ["X"]}), encoding="utf-8")
    with pytest.raises(WhimbrelError, match="whimbrel.classifier.train"):
        PairClassifier.load(broken)


def test_unmark_and_decide() -> None:
    sentence, s, t = unmark("<s>Iran</s> freed <t>two sailors</t>.")
    assert sentence == "Iran freed two sailors." and sentence[s[0] : s[1]] == "Iran"
    assert sentence[t[0] : t[1]] == "two sailors"
    probs = [{"CONCEDE": 0.3, "RETREAT": 0.3, "AGREE": 0.4, "NONE": 0.0}]
    assert decide(probs, fold=True, allowed=None) == ["YIELD"]
    assert decide(probs, fold=False, allowed=None) == ["AGREE"]
    assert scores(["A", "B"], ["A", "A"]) == (0.5, pytest.approx((2 / 3 + 0) / 2))


# Contrastive pairs (invented): the parse tells a promise from the deed and a subject from a bystander.
PARSED = [
    ("The rebels agreed on Monday to release the captured aid workers, a spokesman for the group said.",
     "The rebels", "the captured aid workers", "AGREE"),
    ("The rebels released the captured aid workers on Monday after weeks of talks, a spokesman said.",
     "The rebels", "the captured aid workers", "CONCEDE"),
    ("GENEVA — The UN human rights chief urged the Iranian authorities to halt the executions of protesters.",
     "The UN human rights chief", "the Iranian authorities", "REQUEST"),
    ("Riot police fired tear gas to disperse hundreds of students who had gathered outside the ministry.",
     "Riot police", "hundreds of students", "COERCE"),
    ("Militants ambushed an army patrol near the border on Friday, killing four soldiers, officials said.",
     "Militants", "an army patrol", "ASSAULT"),
]  # fmt: skip


# Contrastive pairs for the confusions that matter most (invented, not in the training data): verbal
# backing vs a commitment, a meeting vs an agreement, an explicit refusal of an agreement, violence vs an
# arrest, a measure against a state vs coercion of people.
PARSED += [
    ("STOCKHOLM — The Swedish foreign minister praised Finland's handling of the border crisis on Tuesday.",
     "The Swedish foreign minister", "Finland", "SUPPORT"),
    ("STOCKHOLM — The Swedish foreign minister promised Finland two more patrol aircraft on Tuesday.",
     "The Swedish foreign minister", "Finland", "AGREE"),
    ("The Chilean president met his Peruvian counterpart in Lima on Friday to discuss migration.",
     "The Chilean president", "his Peruvian counterpart", "CONSULT"),
    ("The Chilean president and his Peruvian counterpart agreed in Lima on Friday to reopen the border.",
     "The Chilean president", "his Peruvian counterpart", "AGREE"),
    ("The rebel delegation refused to sign the truce drafted by the government, a mediator in Lusaka said.",
     "The rebel delegation", "the government", "REJECT"),
    ("Gunmen shot dead three farmers in Plateau state overnight, a police spokesman said.",
     "Gunmen", "three farmers", "ASSAULT"),
    ("Police detained three farmers in Plateau state overnight for blocking the highway, a spokesman said.",
     "Police", "three farmers", "COERCE"),
    ("Latvia expelled two Russian diplomats on Monday, accusing them of espionage.",
     "Latvia", "two Russian diplomats", "SANCTION"),
    ("Latvian border guards detained two Russian truck drivers on Monday for smuggling cigarettes.",
     "Latvian border guards", "two Russian truck drivers", "COERCE"),
]  # fmt: skip


# The official CAMEO2PLOVER-2021 conventions (invented sentences, not in the training data): concluding an
# agreement vs a promise, sanctions (COERCE) vs cutting ties (SANCTION), peacekeeping (AID) vs a troop
# build-up (MOBILIZE), acceding to demands (CONCEDE), failure to agree (REJECT), lethal repression (ASSAULT).
PARSED += [
    ("RIGA — Estonia and Latvia concluded a treaty on their maritime border on Wednesday, officials said.",
     "Estonia", "Latvia", "SUPPORT"),
    ("RIGA — Estonia said on Wednesday it was ready to hold talks with Latvia on their maritime border.",
     "Estonia", "Latvia", "AGREE"),
    ("The Canadian government imposed sanctions on four Guatemalan officials over the vote, a minister said.",
     "The Canadian government", "four Guatemalan officials", "COERCE"),
    ("The Canadian government severed diplomatic ties with Guatemala over the election, a minister said.",
     "The Canadian government", "Guatemala", "SANCTION"),
    ("Zambia sent 600 peacekeepers to the Central African Republic under the UN flag, the army said.",
     "Zambia", "the Central African Republic", "AID"),
    ("Zambia massed 6,000 troops along its border with Congo after the shelling, the army said.",
     "Zambia", "Congo", "MOBILIZE"),
    ("The Malawian government accepted the demands of the striking nurses and raised their pay on Friday.",
     "The Malawian government", "the striking nurses", "CONCEDE"),
    ("The Malawian government and the nurses' union failed to reach agreement on pay after a week of talks.",
     "The Malawian government", "the nurses' union", "REJECT"),
    ("Soldiers fired live rounds at protesters in the northern town, killing six, a rights group said.",
     "Soldiers", "protesters", "ASSAULT"),
]  # fmt: skip


# Round 5, the weak types (invented sentences, not in the training data): material cooperation vs signing,
# aid given vs aid cut vs aid let in, military protection (AID) vs a border build-up, a threat vs the deed,
# civilian protest vs a diplomatic protest, violence in custody vs an arrest.
PARSED += [
    ("Estonian police handed over two smuggling suspects to Finnish investigators at the port of Tallinn.",
     "Estonian police", "Finnish investigators", "COOPERATE"),
    ("Estonia and Finland signed a cooperation agreement on border policing in Tallinn on Monday.",
     "Estonia", "Finland", "SUPPORT"),
    ("The Swiss government cut off aid to the Burmese junta after the election, a ministry spokesman said.",
     "The Swiss government", "the Burmese junta", "SANCTION"),
    ("The Swiss government sent emergency food aid to flood victims in Myanmar, a ministry spokesman said.",
     "The Swiss government", "flood victims", "AID"),
    ("The junta allowed aid convoys into the flooded delta after a week of delays, the UN said.",
     "The junta", "aid convoys", "CONCEDE"),
    ("Lithuania threatened to cut funding to the regional broadcaster unless it dropped its Russian news.",
     "Lithuania", "the regional broadcaster", "THREATEN"),
    ("Thousands of teachers marched to the education ministry in Rabat to protest against the new pay scale.",
     "Thousands of teachers", "the education ministry", "PROTEST"),
    ("Algeria lodged a formal protest with Madrid over the Spanish minister's remarks on Western Sahara.",
     "Algeria", "Madrid", "ACCUSE"),
    ("Prison guards tortured the opposition activist with electric shocks, his lawyer told the court.",
     "Prison guards", "the opposition activist", "ASSAULT"),
]  # fmt: skip


# Round 6 (invented sentences, not in the training data): ratifying vs offering, letting aid in vs giving it,
# peacekeepers vs a border build-up, a threat of sanctions vs imposing them vs cutting cooperation.
PARSED += [
    ("Slovenia and Croatia ratified a treaty on the joint management of the Krsko nuclear plant on Friday.",
     "Slovenia", "Croatia", "SUPPORT"),
    ("Slovenia offered to buy Croatia out of its share of the Krsko nuclear plant, the minister said.",
     "Slovenia", "Croatia", "AGREE"),
    ("The Eritrean government allowed UN food convoys to cross into Tigray on Tuesday after long delays.",
     "The Eritrean government", "UN food convoys", "CONCEDE"),
    ("The Irish government flew 40 tonnes of medical supplies to hospitals in Gaza on Tuesday.",
     "The Irish government", "hospitals in Gaza", "AID"),
    ("Ghana sent 650 peacekeepers to South Sudan to protect civilians in the UN camps, the army said.",
     "Ghana", "South Sudan", "AID"),
    ("Ghana moved two army battalions to its northern border with Burkina Faso after the jihadist raids.",
     "Ghana", "Burkina Faso", "MOBILIZE"),
    ("Australia threatened to impose sanctions on Fiji's military rulers if elections were postponed again.",
     "Australia", "Fiji's military rulers", "THREATEN"),
    # (twenty-ninth session) travel bans are a sanction: the team's gold codes 24 events of travel or visa
    # bans SANCTION alone, one COERCE alone and one either; the model rebuilt on 1,284 articles follows it
    ("Australia imposed travel bans on Fiji's military rulers after the elections were postponed again.",
     "Australia", "Fiji's military rulers", "SANCTION"),
    ("Australia suspended defence cooperation with Fiji after the elections were postponed again.",
     "Australia", "Fiji", "SANCTION"),
    ("Niger's army and Beninese soldiers launched joint patrols along their shared border against smugglers.",
     "Niger's army", "Beninese soldiers", "COOPERATE"),
]  # fmt: skip


# Round 7 (invented sentences, not in the training data): granting a permit, an extension or a pardon or
# handing back artefacts (CONCEDE) vs granting a loan (AID); a call made to congratulate, to discuss, to
# demand or to warn; troops sent to help (AID) vs moved to a border (MOBILIZE); equipment promised (AGREE)
# vs delivered (AID).
PARSED += [
    ("The Kazakh government granted the exiled Belarusian opposition leader a residence permit on Tuesday.",
     "The Kazakh government", "the exiled Belarusian opposition leader", "CONCEDE"),
    ("The Asian Development Bank gave Sri Lanka a $200 million loan to pay for fuel imports, the bank said.",
     "The Asian Development Bank", "Sri Lanka", "AID"),
    ("The creditors gave Sri Lanka a two-year extension on its repayments, the central bank governor said.",
     "The creditors", "Sri Lanka", "CONCEDE"),
    ("The Smithsonian handed back 29 bronze plaques looted in the 1890s to Nigeria on Wednesday.",
     "The Smithsonian", "Nigeria", "CONCEDE"),
    ("The Georgian president granted a pardon to the opposition leader jailed over the protests.",
     "The Georgian president", "the opposition leader jailed over the protests", "CONCEDE"),
    ("The Chilean president phoned the Bolivian president to congratulate him on his inauguration on Sunday.",
     "The Chilean president", "the Bolivian president", "SUPPORT"),
    ("The Chilean president phoned the Bolivian president to discuss lithium exports, La Moneda said.",
     "The Chilean president", "the Bolivian president", "CONSULT"),
    ("The Chilean president phoned the Bolivian president to demand the return of the detained drivers.",
     "The Chilean president", "the Bolivian president", "REQUEST"),
    ("The Rwandan president called the Burundian leader to warn him that Kigali would respond to any attack.",
     "The Rwandan president", "the Burundian leader", "THREATEN"),
    ("Malawi sent 300 soldiers to Mozambique to help its army protect gas projects from the insurgents.",
     "Malawi", "Mozambique", "AID"),
    ("Malawi moved 300 soldiers to its border with Mozambique after insurgents attacked a village.",
     "Malawi", "Mozambique", "MOBILIZE"),
    ("The Spanish government promised Morocco 20 patrol boats to stop migrant departures, diplomats said.",
     "The Spanish government", "Morocco", "AGREE"),
    ("The Spanish government delivered 20 patrol boats to Morocco to stop migrant departures.",
     "The Spanish government", "Morocco", "AID"),
    # round 8: voiced backing vs a pledge to act, cooperation done vs talks vs a promise, street protest vs
    # criticism vs police action, urging vs condemning, help sent vs a build-up
    ("Hungary pledged its full support for Serbia's bid to join the European Union"
     " during a visit to Belgrade.",
     "Hungary", "Serbia", "SUPPORT"),
    ("Hungary pledged to supply Serbia with oil through a new pipeline by 2027.",
     "Hungary", "Serbia", "AGREE"),
    ("The Egyptian foreign minister reaffirmed his country's commitment"
     " to Sudan's unity in talks with the army chief.",
     "The Egyptian foreign minister", "Sudan", "SUPPORT"),
    ("Peru and Bolivia carried out joint patrols on Lake Titicaca against smugglers"
     " last week, the Peruvian navy said.",
     "Peru", "Bolivia", "COOPERATE"),
    ("Peru's interior minister met Bolivian officials in La Paz to discuss smuggling on Lake Titicaca.",
     "Peru's interior minister", "Bolivian officials", "CONSULT"),
    ("Peru agreed to carry out joint patrols with Bolivia on Lake Titicaca from next month.",
     "Peru", "Bolivia", "AGREE"),
    ("Hundreds of fishermen protested outside the Japanese embassy in Seoul"
     " against the release of treated water.",
     "Hundreds of fishermen", "the Japanese embassy", "PROTEST"),
    ("The fishermen's union accused the Japanese government of endangering"
     " their livelihoods with the release of treated water.",
     "The fishermen's union", "the Japanese government", "ACCUSE"),
    ("Police detained dozens of fishermen who had tried to storm the Japanese embassy in Seoul.",
     "Police", "dozens of fishermen", "COERCE"),
    ("The Council of Europe urged Azerbaijan to free the jailed journalists before the climate summit.",
     "The Council of Europe", "Azerbaijan", "REQUEST"),
    ("The Council of Europe condemned Azerbaijan for jailing journalists ahead of the climate summit.",
     "The Council of Europe", "Azerbaijan", "ACCUSE"),
    ("Ireland sent a team of army engineers to Lebanon to repair bridges for the UN peacekeeping mission.",
     "Ireland", "Lebanon", "AID"),
    ("Serbia put its army on the highest alert and moved units toward the boundary with Kosovo.",
     "Serbia", "Kosovo", "MOBILIZE"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "source", "target", "label"), PARSED)
def test_parsed_cases(
    clf: PairClassifier, nlp: Language, sentence: str, source: str, target: str, label: str
) -> None:
    probs = clf.predict([item(sentence, source, target)], [nlp(sentence)])[0]
    assert max(probs, key=probs.__getitem__) == label, sorted(probs.items(), key=lambda kv: -kv[1])[:3]


def test_parse_features_see_governor_and_roles(nlp: Language) -> None:
    lexicon = TriggerLexicon.load()
    sentence = "The rebels agreed to release the captured aid workers."
    it = item(sentence, "The rebels", "the captured aid workers")
    feats = parse_features(nlp(sentence), *it, lexicon)
    assert "PL:agree" in feats and "PLT:AGREE" in feats and "PSR:nsubj" in feats
    assert "PTV:release" in feats and "PTVT:CONCEDE" in feats
    sentence = "The aid workers were not released by the rebels."
    feats = parse_features(nlp(sentence), *item(sentence, "the rebels", "The aid workers"), lexicon)
    assert "PAGENT" in feats and "PNEG" in feats


@pytest.mark.parametrize(
    ("sentence", "source", "target", "wanted"),
    [
        # the mode of the act crossed with the type of the action and of its object: a threat of sanctions
        ("Australia threatened to impose sanctions on Fiji.", "Australia", "Fiji",
         {"PMODE:threat", "PMODET:threat:COERCE", "POBJ:impose:sanction", "PPREPV:impose:on", "PTC:GPE"}),
        ("Ghana plans to send peacekeepers to Mali next month.", "Ghana", "Mali",
         {"PMODE:intent", "PMODET:intent:AID", "POBJ:send:peacekeeper", "PTCP:to:GPE"}),
        # a deed in the past, the object crossed with the verb, a common-noun target by its lemma
        ("Ghana has sent troops to the northern border.", "Ghana", "the northern border",
         {"PMODE:perfect", "POBJ:send:troop", "PTC:N:border", "PTCV:send:N:border", "PPREPV:send:to"}),
        ("Slovenia and Croatia signed a trade agreement in Zagreb.", "Slovenia", "Croatia",
         {"PMODE:past", "PMODET:past:SUPPORT", "POBJ:sign:agreement"}),
        ("Japan will not lift the ban on Chinese fishermen.", "Japan", "Chinese fishermen", {"PMODE:neg"}),
    ],
)  # fmt: skip
def test_parse_features_see_mode_object_and_target(
    nlp: Language, sentence: str, source: str, target: str, wanted: set[str]
) -> None:
    feats = set(parse_features(nlp(sentence), *item(sentence, source, target), TriggerLexicon.load()))
    assert wanted <= feats, wanted - feats


def test_text_features_see_how_the_act_is_meant() -> None:
    lexicon = TriggerLexicon.load()
    feats = extract(item("Australia threatened to impose sanctions on Fiji.", "Australia", "Fiji"), lexicon)
    assert "TC:threat:COERCE" in feats
    feats = extract(item("Australia imposed sanctions on Fiji.", "Australia", "Fiji"), lexicon)
    assert not any(f.startswith("TC:") for f in feats)
    feats = extract(item("Ghana will send aid to Mali.", "Ghana", "Mali"), lexicon)
    assert "TC:intent:AID" in feats


def test_docs_may_be_paragraphs_or_missing(clf: PairClassifier, nlp: Language) -> None:
    sentence = "Police arrested the opposition leader in Minsk on Sunday."
    paragraph = "It was a tense weekend. " + sentence + " His party called a protest."
    it = item(sentence, "Police", "the opposition leader")
    doc = nlp(paragraph)
    assert locate(doc, sentence, it[1]) == (6, 7)  # "It was a tense weekend ." is 6 tokens
    with_para = clf.predict([it], [doc])[0]
    with_sent = clf.predict([it], [nlp(sentence)])[0]
    assert with_para == pytest.approx(with_sent)
    mixed = clf.predict([it, it], [None, nlp(sentence)])
    assert mixed[0] == clf.predict([it])[0] and mixed[1] == pytest.approx(with_sent)
    assert parse_features(nlp("Something else entirely."), *it, clf.lexicon) == ["P:NOSPAN"]
    with pytest.raises(ValueError):
        clf.predict([it, it], [doc])


# Real events in long sentences (appositions, attributions): the model must not call them NONE.
REAL_EVENTS = [
    ("Denmark, which has long funded the programme, sent tents and water pumps to flood victims in Libya, "
     "the aid ministry said.", "Denmark", "flood victims in Libya"),
    ("The Ghanaian bishops, in a letter read at Sunday mass, called on the government to end illegal mining.",
     "The Ghanaian bishops", "the government"),
    ("According to local officials, soldiers arrested 17 fishermen near the disputed island on Saturday.",
     "soldiers", "17 fishermen"),
    ("Insurgents, who have been active in the region since 2017, attacked a police post near Pemba at night.",
     "Insurgents", "a police post near Pemba"),
]  # fmt: skip


def test_real_events_are_not_none(clf: PairClassifier, nlp: Language) -> None:
    items = [item(*row) for row in REAL_EVENTS]
    probs = clf.predict(items, [nlp(it[0]) for it in items])
    best = [max(p, key=p.__getitem__) for p in probs]
    assert "NONE" not in best, best
