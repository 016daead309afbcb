"""Actor dictionaries and resolution: table-driven, on sentences parsed by the real spaCy model."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from whimbrel.actors import ActorResolver, ArticleActors
from whimbrel.errors import DataFileError

D2014 = date(2014, 5, 1)
Expected = tuple[str | None, str | None, str | None, str]  # (name, country, sector, text)


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load()


def _parse(nlp: Language, resolver: ActorResolver, text: str, when: date | None) -> tuple[Doc, ArticleActors]:
    doc = nlp(text)
    article = resolver.article()
    for sent in doc.sents:
        article.observe(sent, when)
    return doc, article


def _token(doc: Doc, word: str) -> Token:
    """The last token written ``word`` (pronouns and descriptions refer back, so the later one is tested)."""
    return [t for t in doc if t.text == word][-1]


def _check(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected], when: date | None
):
    doc, article = _parse(nlp, resolver, text, when)
    actors = article.resolve(_token(doc, head), when)
    assert [(a.name, a.country, a.sector, a.text) for a in actors] == expected
    for actor in actors:  # spans point at the phrase as written, Doc-relative
        assert actor.span is not None and doc.text[actor.span[0] : actor.span[1]] == actor.text


PHRASES = [
    # known people: full name with title, title + last name, Mr. + last name, last name alone
    (
        "Russian President Vladimir Putin warned Kyiv on Monday.",
        "Putin",
        [("Vladimir Putin", "RUS", "GOV", "Russian President Vladimir Putin")],
    ),
    ("President Obama signed the bill.", "Obama", [("Barack Obama", "USA", "GOV", "President Obama")]),
    ("Mr. Obama rejected the offer.", "Obama", [("Barack Obama", "USA", "GOV", "Mr. Obama")]),
    ("Obama telephoned the Saudi king.", "Obama", [("Barack Obama", "USA", "GOV", "Obama")]),
    (
        "Former President Bush praised the troops.",
        "Bush",
        [("George W. Bush", "USA", "ELI", "Former President Bush")],
    ),
    # unknown people with a nationality or a role
    (
        "Iranian Foreign Minister Ali Dehghani met the envoy.",
        "Dehghani",
        [("Ali Dehghani", "IRN", "GOV", "Iranian Foreign Minister Ali Dehghani")],
    ),
    (
        "Syrian opposition leader Karim Haddad rejected the plan.",
        "Haddad",
        [("Karim Haddad", "SYR", "OPP", "Syrian opposition leader Karim Haddad")],
    ),
    # countries, capitals and seats of government stand for the government
    ("Russia condemned the strikes.", "Russia", [(None, "RUS", "GOV", "Russia")]),
    ("The United States imposed sanctions on Iran.", "States", [(None, "USA", "GOV", "The United States")]),
    ("The Kremlin denied the report.", "Kremlin", [(None, "RUS", "GOV", "The Kremlin")]),
    ("Washington warned Pyongyang.", "Washington", [(None, "USA", "GOV", "Washington")]),
    ("The White House criticised the decision.", "House", [(None, "USA", "GOV", "The White House")]),
    ("Downing Street said the talks had stalled.", "Street", [(None, "GBR", "GOV", "Downing Street")]),
    ("Kyiv rejected the proposal.", "Kyiv", [(None, "UKR", "GOV", "Kyiv")]),
    ("The Russians walked out of the talks.", "Russians", [(None, "RUS", "GOV", "The Russians")]),
    # adjective / possessive / of + agent
    ("Russian troops shelled the town.", "troops", [(None, "RUS", "MIL", "Russian troops")]),
    ("A U.S. official said the talks failed.", "official", [(None, "USA", "GOV", "A U.S. official")]),
    ("Syrian rebels attacked a checkpoint.", "rebels", [(None, "SYR", "REB", "Syrian rebels")]),
    (
        "Chinese protesters marched on the embassy.",
        "protesters",
        [(None, "CHN", "CVL", "Chinese protesters")],
    ),
    (
        "The government of Sudan expelled the envoy.",
        "government",
        [(None, "SDN", "GOV", "The government of Sudan")],
    ),
    ("Russia's military denied the report.", "military", [(None, "RUS", "MIL", "Russia's military")]),
    ("Israeli police arrested two men.", "police", [(None, "ISR", "COP", "Israeli police")]),
    ("An army spokesman denied the claim.", "spokesman", [(None, None, "MIL", "An army spokesman")]),
    ("Police arrested ten people.", "Police", [(None, None, "COP", "Police")]),
    # organisations
    ("NATO condemned the attack.", "NATO", [("North Atlantic Treaty Organization", None, "IGO", "NATO")]),
    (
        "The UN Security Council met on Friday.",
        "Council",
        [("UN Security Council", None, "IGO", "The UN Security Council")],
    ),
    ("Islamic State claimed the bombing.", "State", [("Islamic State", None, "TER", "Islamic State")]),
    ("Fighters loyal to al-Qaeda stormed the base.", "Qaeda", [("Al-Qaeda", None, "TER", "al-Qaeda")]),
    ("Hezbollah fired rockets.", "Hezbollah", [("Hezbollah", "LBN", "INS", "Hezbollah")]),
    ("The FBI arrested the suspect.", "FBI", [("Federal Bureau of Investigation", "USA", "COP", "The FBI")]),
    ("Hamas leaders rejected the truce.", "leaders", [("Hamas", "PSE", "INS", "Hamas leaders")]),
    # coordination
    (
        "French and German leaders met in Brussels.",
        "leaders",
        [
            (None, "FRA", "GOV", "French and German leaders"),
            (None, "DEU", "GOV", "French and German leaders"),
        ],
    ),
    (
        "Merkel and Hollande called Putin.",
        "Merkel",
        [("Angela Merkel", "DEU", "GOV", "Merkel"), ("François Hollande", "FRA", "GOV", "Hollande")],
    ),
    (
        "Russia and China vetoed the resolution.",
        "Russia",
        [(None, "RUS", "GOV", "Russia"), (None, "CHN", "GOV", "China")],
    ),
    # non-actors
    ("The meeting ended without a deal.", "meeting", []),
    ("The talks collapsed on Tuesday.", "talks", []),
    ("The plan calls for 200 tractors.", "tractors", []),
    ("The economy shrank in March.", "economy", []),
    ("It said the rice harvest was poor.", "It", []),
    ("The rice harvest was poor.", "rice", []),
    ("The US team lost and the crowd told us to go.", "us", []),
]


@pytest.mark.parametrize(("text", "head", "expected"), PHRASES)
def test_phrase(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2014)


DATED = [
    (
        "Clinton met the Chinese foreign minister.",
        "Clinton",
        date(2011, 6, 1),
        ("Hillary Clinton", "USA", "GOV"),
    ),
    (
        "Clinton attacked her Republican rival.",
        "Clinton",
        date(2016, 6, 1),
        ("Hillary Clinton", "USA", "ELI"),
    ),
    ("Obama addressed the rally in Iowa.", "Obama", date(2008, 6, 1), ("Barack Obama", "USA", "ELI")),
    ("Obama addressed the nation.", "Obama", date(2014, 6, 1), ("Barack Obama", "USA", "GOV")),
    ("Trump criticised the deal.", "Trump", date(2015, 6, 1), ("Donald Trump", "USA", "ELI")),
    ("Trump criticised the deal.", "Trump", date(2019, 6, 1), ("Donald Trump", "USA", "GOV")),
    ("Trump criticised the deal.", "Trump", date(2023, 6, 1), ("Donald Trump", "USA", "ELI")),
    ("Trump criticised the deal.", "Trump", date(2025, 6, 1), ("Donald Trump", "USA", "GOV")),
    ("Putin visited Beijing.", "Putin", date(2010, 6, 1), ("Vladimir Putin", "RUS", "GOV")),
    # no role on that date: the nearest role's country, sector ELI
    ("Stoltenberg spoke in Oslo.", "Stoltenberg", date(2014, 1, 1), ("Jens Stoltenberg", "NOR", "ELI")),
    ("Sergei Lavrov met the envoy.", "Lavrov", date(2000, 1, 1), ("Sergei Lavrov", "RUS", "ELI")),
]


@pytest.mark.parametrize(("text", "head", "when", "expected"), DATED)
def test_dated_roles(
    nlp: Language, resolver: ActorResolver, text: str, head: str, when: date, expected
) -> None:
    doc, article = _parse(nlp, resolver, text, when)
    [actor] = article.resolve(_token(doc, head), when)
    assert (actor.name, actor.country, actor.sector) == expected


COREFERENCE = [
    (
        "Putin met Merkel in Berlin. He said the talks were useful.",
        "He",
        [("Vladimir Putin", "RUS", "GOV", "He")],
    ),
    (
        "Putin met Merkel in Berlin. She said the talks were useful.",
        "She",
        [("Angela Merkel", "DEU", "GOV", "She")],
    ),
    (
        "Merkel met Putin in Moscow. Later the Russian leader criticised NATO.",
        "leader",
        [("Vladimir Putin", "RUS", "GOV", "the Russian leader")],
    ),
    (
        "Lavrov and Kerry spoke. The U.S. secretary of state said little.",
        "secretary",
        [("John Kerry", "USA", "GOV", "The U.S. secretary of state")],
    ),
    (
        "Putin called Obama on Monday. The president warned against escalation.",
        "president",
        [("Barack Obama", "USA", "GOV", "The president")],
    ),
    (
        "Putin met Obama in Geneva. The two leaders discussed Syria.",
        "leaders",
        [
            ("Vladimir Putin", "RUS", "GOV", "The two leaders"),
            ("Barack Obama", "USA", "GOV", "The two leaders"),
        ],
    ),
    (
        "Merkel met Hollande. The chancellor praised the deal.",
        "chancellor",
        [("Angela Merkel", "DEU", "GOV", "The chancellor")],
    ),
    ("Putin said his troops would stay.", "troops", [(None, "RUS", "MIL", "his troops")]),
    (
        "Putin held talks in Sochi. His visit to Ankara was cancelled.",
        "His",
        [("Vladimir Putin", "RUS", "GOV", "His")],
    ),
    ("Syrian rebels seized the town. They said the army had fled.", "They", [(None, "SYR", "REB", "They")]),
    (
        "Iranian Foreign Minister Ali Dehghani arrived. Dehghani said the deal was fair.",
        "Dehghani",
        [("Ali Dehghani", "IRN", "GOV", "Dehghani")],
    ),
    (
        "Iranian Foreign Minister Ali Dehghani arrived. He said the deal was fair.",
        "He",
        [("Ali Dehghani", "IRN", "GOV", "He")],
    ),
    # no antecedent: a description falls back to the role holder on the date, or to country + sector
    (
        "The U.S. president signed the order.",
        "president",
        [("Barack Obama", "USA", "GOV", "The U.S. president")],
    ),
    ("He said the talks were useful.", "He", []),
    ("The Russian army said the talks had failed.", "army", [(None, "RUS", "MIL", "The Russian army")]),
]


@pytest.mark.parametrize(("text", "head", "expected"), COREFERENCE)
def test_coreference(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2014)


def test_pronoun_does_not_look_ahead(nlp: Language, resolver: ActorResolver) -> None:
    doc, article = _parse(nlp, resolver, "He said that Putin was wrong.", D2014)
    assert article.resolve(doc[0], D2014) == []


def test_coreference_across_paragraph_docs(nlp: Language, resolver: ActorResolver) -> None:
    article = resolver.article()
    first, second = nlp("Angela Merkel flew to Washington."), nlp("She met the president there.")
    for doc in (first, second):
        for sent in doc.sents:
            article.observe(sent, D2014)
    [actor] = article.resolve(second[0], D2014)
    assert (actor.name, actor.text, actor.span) == ("Angela Merkel", "She", (0, 3))


LOOKUPS = [
    ("Russian President Vladimir Putin", None, [("Vladimir Putin", "RUS", "GOV")]),
    ("the Kremlin", None, [(None, "RUS", "GOV")]),
    ("Syrian rebels", None, [(None, "SYR", "REB")]),
    ("Hillary Clinton", date(2011, 1, 1), [("Hillary Clinton", "USA", "GOV")]),
    ("Hillary Clinton", date(2016, 1, 1), [("Hillary Clinton", "USA", "ELI")]),
    ("North Korea", None, [(None, "PRK", "GOV")]),
    ("Ivory Coast", None, [(None, "CIV", "GOV")]),
    ("the weather", None, []),
]


@pytest.mark.parametrize(("text", "when", "expected"), LOOKUPS)
def test_lookup(resolver: ActorResolver, text: str, when: date | None, expected) -> None:
    assert [(a.name, a.country, a.sector) for a in resolver.lookup(text, when)] == expected


def test_pickles(nlp: Language, resolver: ActorResolver) -> None:
    doc, article = _parse(nlp, resolver, "Putin met Merkel in Berlin.", D2014)
    copy = pickle.loads(pickle.dumps(resolver))
    assert copy.lookup("the Kremlin") == resolver.lookup("the Kremlin")
    restored = pickle.loads(pickle.dumps(article))
    assert restored.mentions == article.mentions


def test_packaged_data_sizes(resolver: ActorResolver) -> None:
    table = resolver.table
    assert len(table.countries) >= 195
    assert {"PSE", "XKX", "TWN", "USA", "PRK"} <= set(table.countries)
    assert sum(len(p.roles) for p in table.people.values()) >= 300


def test_user_file_adds_person(nlp: Language, tmp_path: Path) -> None:
    extra = tmp_path / "my_people.tsv"
    extra.write_text(
        "name\taliases\tcountry\tsector\tstart\tend\trole\tgender\n"
        "Zorana Velkova\tVelkova\tMKD\tGOV\t2010-01-01\t\tforeign minister\tf\n",
        encoding="utf-8",
    )
    resolver = ActorResolver.load([extra])
    _check(
        nlp,
        resolver,
        "Velkova met the envoy.",
        "Velkova",
        [("Zorana Velkova", "MKD", "GOV", "Velkova")],
        D2014,
    )
    _check(
        nlp,
        resolver,
        "Velkova arrived. She said no.",
        "She",
        [("Zorana Velkova", "MKD", "GOV", "She")],
        D2014,
    )
    # the packaged dictionaries are still there
    assert resolver.lookup("the Kremlin")[0].country == "RUS"


def test_user_file_adds_organisation_and_agent(nlp: Language, tmp_path: Path) -> None:
    orgs = tmp_path / "orgs.tsv"
    orgs.write_text("name\taliases\tcountry\tsector\nNorth Star Brigade\tNSB\tMLI\tREB\n", encoding="utf-8")
    agents = tmp_path / "agents.tsv"
    agents.write_text("word\tsector\tperson\tgeneric\ngendarme\tCOP\tyes\t\n", encoding="utf-8")
    resolver = ActorResolver.load([orgs, agents])
    assert [(a.name, a.country, a.sector) for a in resolver.lookup("the NSB")] == [
        ("North Star Brigade", "MLI", "REB")
    ]
    assert [(a.country, a.sector) for a in resolver.lookup("Malian gendarmes")] == [("MLI", "COP")]


BAD_FILES = [
    (
        "name\taliases\tcountry\tsector\tstart\tend\trole\tgender\n"
        "A B\t\tRUS\tGOV\t2020-01-01\t\tpresident\tm\n"
        "C D\t\tRUS\tXYZ\t2020-01-01\t\tpresident\tm\n",
        3,
        "sector",
    ),
    (
        "# my people\nname\tcountry\tsector\tstart\trole\nA B\tRUS\tGOV\t2020-13-01\tpresident\n",
        3,
        "ISO date",
    ),
    ("name\tcountry\tsector\tstart\tend\trole\nA B\tZZZ\tGOV\t\t\tpresident\n", 2, "country"),
    (
        "name\tcountry\tsector\tstart\tend\trole\nA B\tRUS\tGOV\t2020-01-01\t2019-01-01\tpresident\n",
        2,
        "after start",
    ),
    ("name\tcountry\tsector\tstart\trole\tgender\nA B\tRUS\tGOV\t\tpresident\tx\n", 2, "gender"),
    ("word\tsector\tperson\nrioter\tCVL\tmaybe\n", 2, "flag"),
    ("iso3\tname\nxx\tNowhere\n", 2, "iso3"),
    ("word\tkind\nzzz\tverb\n", 2, "kind"),
    ("colour\tshape\nred\tround\n", 1, "header"),
]


@pytest.mark.parametrize(("content", "line", "message"), BAD_FILES)
def test_bad_user_file(tmp_path: Path, content: str, line: int, message: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        ActorResolver.load([bad])
    assert caught.value.line == line
    assert message in caught.value.message
    assert caught.value.path == str(bad)
