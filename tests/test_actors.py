"""Actor dictionaries and resolution: table-driven, on sentences parsed by the real spaCy model."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

import whimbrel
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
    # a body written with a country is that country's; "Senate" alone is the story's (no country named: none)
    ("Opponents of Rwanda's Senate protested.", "Senate", [(None, "RWA", "LEG", "Rwanda's Senate")]),
    ("The Senate voted on Monday.", "Senate", [(None, None, "LEG", "The Senate")]),
    # a relative clause on the last conjunct singles it out: "who seized power" is the generals only (their
    # country is the article's: Mugabe's)
    (
        "The bishop mediated between President Mugabe and the generals, who seized power on Tuesday.",
        "generals",
        [(None, "ZWE", "MIL", "the generals")],
    ),
    # "the West" is the Western governments; a name led by "the" that stops inside a longer name is read
    # again from the name's own first word ("the West Bank" is no "the West")
    ("Moscow accused the West of stoking unrest.", "West", [("the West", None, "GOV", "the West")]),
    ("Troops raided a village in the West Bank.", "Bank", [(None, "PSE", "GOV", "the West Bank")]),
    # "force" standing bare is a means, nobody; with a determiner or modifier it is a body of troops
    ("ECOWAS threatened to use force against the junta.", "force", []),
    # non-actors
    ("The meeting ended without a deal.", "meeting", []),
    ("The talks collapsed on Tuesday.", "talks", []),
    ("The plan calls for 200 tractors.", "tractors", []),
    ("The economy shrank in March.", "economy", []),
    ("It said the rice harvest was poor.", "It", []),
    ("The rice harvest was poor.", "rice", []),
    ("The US team lost and the crowd told us to go.", "us", []),
    # (tenth session) a person of an organisation is the organisation; a role's own modifiers are part of
    # the phrase; a nationality that ends a person's name is a surname
    ("U.N. refugee agency chief Helmut Kraus criticised the deportations in Libya.", "Kraus",
     [("UNHCR", None, "IGO", "U.N. refugee agency chief Helmut Kraus")]),
    ("NATO spokeswoman Anna Berg said the drills were defensive.", "Berg",
     [("North Atlantic Treaty Organization", None, "IGO", "NATO spokeswoman Anna Berg")]),
    ("Hans Turk criticised the German government.", "Turk", []),
    # people of two countries named by "of"
    ("The defence ministers of Peru and Chile met in Lima.", "ministers",
     [(None, "PER", "GOV", "The defence ministers of Peru and Chile"),
      (None, "CHL", "GOV", "The defence ministers of Peru and Chile")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "head", "expected"), PHRASES)
def test_phrase(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2014)


DATED = [
    # (thirtieth session) heads of state and government since 2000 of countries the dictionary covered thinly,
    # with the other roles of their careers
    (
        "Bainimarama accused Canberra of bullying.",
        "Bainimarama",
        date(2009, 5, 1),
        ("Frank Bainimarama", "FJI", "GOV"),
    ),
    (
        "Bainimarama accused Canberra of bullying.",
        "Bainimarama",
        date(2004, 5, 1),
        ("Frank Bainimarama", "FJI", "MIL"),
    ),
    ("Macky Sall criticised the government.", "Sall", date(2010, 5, 1), ("Macky Sall", "SEN", "OPP")),
    ("Yameen declared a state of emergency.", "Yameen", date(2018, 2, 5), ("Abdulla Yameen", "MDV", "GOV")),
    # (thirteenth session) "King Abdullah" is Jordan's since the Saudi king's death; "Saudi King Abdullah" his
    ("King Abdullah met Netanyahu.", "Abdullah", date(2025, 1, 1), ("King Abdullah II", "JOR", "GOV")),
    ("Saudi King Abdullah met Obama.", "Abdullah", date(2010, 1, 1), ("King Abdullah", "SAU", "GOV")),
    ("Hun Sen accused Thailand.", "Sen", date(2025, 7, 1), ("Hun Sen", "KHM", "LEG")),
    ("Hun Sen accused Thailand.", "Sen", date(2020, 7, 1), ("Hun Sen", "KHM", "GOV")),
    # (tenth session) government spokespeople, who speak for their state in much wire copy
    ("Kirby said the strikes were defensive.", "Kirby", date(2023, 6, 1), ("John Kirby", "USA", "GOV")),
    (
        "Mao Ning told reporters in Beijing that the drills were legitimate.",
        "Ning",
        date(2024, 6, 1),
        ("Mao Ning", "CHN", "GOV"),
    ),
    ("Ned Price criticised the decision.", "Price", date(2024, 6, 1), ("Ned Price", "USA", "ELI")),
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
    ("Stoltenberg spoke in Oslo.", "Stoltenberg", date(2002, 1, 1), ("Jens Stoltenberg", "NOR", "ELI")),
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
    # (seventeenth session) a bare last name the tagger took for a body is the person named before, and the
    # "he" of what they say is them
    ("Ontario Premier Doug Ford imposed a surcharge on Monday. Prime Minister Justin Trudeau denounced the "
     "tariffs. Ford said he had held talks with Washington.", "he",
     [("Doug Ford", "CAN", "GOV", "he")]),
    # (tenth session) a capitalised name the dictionaries know is no "group of" count nor a body named
    # before; "they" carries on the previous sentence's plural subject, also when that is no person
    ("Yemen sent a delegation. The Group of Seven condemned Iran.", "Group",
     [("G7", None, "IGO", "The Group of Seven")]),
    ("The Organization of American States criticised Haiti.", "Organization",
     [("Organization of American States", None, "IGO", "The Organization of American States")]),
    ("The NATO ministers condemned Iran's drone sales to Russia. They urged Tehran to stop.", "They",
     [("North Atlantic Treaty Organization", None, "IGO", "They")]),
]  # fmt: skip
COREFERENCE += [
    # (tenth session) "the ministers": the group last named by the same role word
    (
        "Foreign ministers from the Group of Seven met in Capri. The ministers condemned Iran.",
        "ministers",
        [("G7", None, "IGO", "The ministers")],
    ),
    # "the court", "the agency": the organisation named last whose name ends in the word
    (
        "The International Criminal Court issued a warrant. China urged the court to respect immunity.",
        "court",
        [("International Criminal Court", None, "JUD", "the court")],
    ),
    # ... also "the council", whose short reading (the Security Council) comes second, "the front"
    (
        "Zamunda's Provisional Electoral Council announced the results. The candidate accused the council of "
        "fraud.",
        "council",
        [("Provisional Electoral Council", None, "GOV", "the council")],
    ),
    (
        "The UN Security Council met on Monday. Russia criticised the council.",
        "council",
        [("UN Security Council", None, "IGO", "the council")],
    ),
    (
        "The Polisario Front ended the truce. Morocco accused the front of attacking its troops.",
        "front",
        [("Polisario Front", "MAR", "SEP", "the front")],
    ),
    # ... and otherwise the word's usual reading (a court of the story's country)
    (
        "Kenyan police arrested the senator. The court freed him on bail.",
        "court",
        [(None, "KEN", "JUD", "The court")],
    ),
    # a place opening a person's name is a first name; an organisation's name inside a longer name is none
    ("Victoria Kellerman met Ukrainian leaders.", "Kellerman", []),
    ("Lisa Monaco accused China of hacking.", "Monaco", []),
    (
        "The Social Democratic Party criticised the government.",
        "Party",
        [("Social Democratic Party", None, "PTY", "The Social Democratic Party")],
    ),
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
    # a subject pronoun prefers the previous sentence's subject over a more recent object of its gender
    (
        "Obama criticised Putin in March. Later he accused the Russian leader of lying.",
        "he",
        [("Barack Obama", "USA", "GOV", "he")],
    ),
    (
        "Merkel criticised Putin in March. Later he accused the chancellor of lying.",
        "he",
        [("Vladimir Putin", "RUS", "GOV", "he")],
    ),
    # ... also when that subject is a person named only by a role (an unknown name in apposition, which
    # since the thirteenth session is the role's)
    (
        "Iran's chief negotiator, Ali Hamedi, met European diplomats. He accused Washington of bad faith.",
        "He",
        [("Ali Hamedi", "IRN", "GOV", "He")],
    ),
    (
        "The Ghanaian foreign minister met the envoys. Later she criticised the junta.",
        "she",
        [("Hanna Tetteh", "GHA", "GOV", "she")],  # (the minister of the day, since the thirtieth session)
    ),
    # ... but a role is no antecedent for an object pronoun when a named person of the gender came first
    (
        "Theresa May spoke on Monday. The president-elect invited her to Washington.",
        "her",
        [("Theresa May", "GBR", "GOV", "her")],
    ),
    # ... and so does a possessor in the subject ("His visit")
    (
        "Obama met Putin in Hangzhou. His visit to China ended on Monday.",
        "His",
        [("Barack Obama", "USA", "GOV", "His")],
    ),
    ("The Russian army said the talks had failed.", "army", [(None, "RUS", "MIL", "The Russian army")]),
    # a body being formed is no party yet
    ("The prime minister pledged to form a new government.", "government", []),
    # "European" alone stands for the European Union
    (
        "The European envoys urged Iran to return to talks.",
        "envoys",
        [("European Union", None, "IGO", "The European envoys")],
    ),
    # "the group": the armed group, party or NGO named last (also with a misattached "of doing")
    (
        "The Taliban took Kunduz. Kabul accused the group of sheltering militants.",
        "group",
        [("Taliban", None, "INS", "the group")],
    ),
    (
        "Amnesty International issued a report. The group said detainees were beaten.",
        "group",
        [("Amnesty International", None, "NGO", "The group")],
    ),
    (
        "Hezbollah fired rockets. The militant group said it acted alone.",
        "group",
        [("Hezbollah", "LBN", "INS", "The militant group")],
    ),
    # ... but not a group named where it stands, nor one that counts its members
    ("The Taliban took Kunduz. Police banned the group behind the attack - Jund al-Khilafa.", "group", []),
    (
        "NATO met in Brussels. The group of ministers condemned Russia.",
        "group",  # (country: fall-back)
        [(None, "RUS", "GOV", "ministers")],
    ),
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
    # a group of states whose member is no country
    ("name\taliases\tcountry\tsector\tmembers\nThe Pair\t\t\tGOV\tFRA|XXX\n", 2, "country"),
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


# ----- round 2: country fall-back, bodies with a nationality, short references, captions, "it" ----------
WithBasis = tuple[str | None, str | None, str | None, str, str]  # (name, country, sector, text, basis)


def _check_basis(nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[WithBasis]):
    doc, article = _parse(nlp, resolver, text, D2014)
    actors = article.resolve(_token(doc, head), D2014)
    got = [(a.name, a.country, a.sector, a.text, article.country_basis(a)) for a in actors]
    assert got == expected
    for actor in actors:
        assert actor.span is not None and doc.text[actor.span[0] : actor.span[1]] == actor.text
        assert article.inferred(actor) == (article.country_basis(actor) in ("sentence", "article"))


FALLBACK = [
    # (a) a place in the agent's own phrase: a city via the gazetteer, a capital inside an institution's name
    ("Police in Kharkiv detained two activists.", "Police", [(None, "UKR", "COP", "Police", "place")]),
    (
        "Students at Tehran University staged a sit-in.",
        "Students",
        [(None, "IRN", "CVL", "Students", "place")],
    ),
    ("Troops from Chad crossed the border.", "Troops", [(None, "TCD", "MIL", "Troops", "place")]),
    # (b) the place the sentence is located in (tenth session: also a capital the tagger took for a person,
    # "in Dakar", which outweighs a namesake city abroad)
    (
        "Police beat demonstrators in Dakar on Monday, and one man died in Saint-Louis.",
        "Police",
        [(None, "SEN", "COP", "Police", "sentence")],
    ),
    (
        "Riot police fired tear gas at protesters in central Harare.",
        "police",
        [(None, "ZWE", "COP", "Riot police", "sentence")],
    ),
    (
        "Protesters gathered outside the parliament building in Nairobi on Sunday.",
        "Protesters",
        [(None, "KEN", "CVL", "Protesters", "sentence")],
    ),
    # (c) the article's dominant country: most mentioned, ties to the first mentioned
    (
        "Kenya's election board delayed the results. Police arrested dozens of people.",
        "Police",
        [(None, "KEN", "COP", "Police", "article")],
    ),
    (
        "Ethiopia and Eritrea signed a peace deal. Soldiers withdrew from the frontier.",
        "Soldiers",
        [(None, "ETH", "MIL", "Soldiers", "article")],
    ),
    (
        "Talks with Egypt stalled. Sudan rejected the plan and Khartoum recalled its envoy. Troops massed.",
        "Troops",
        [(None, "SDN", "MIL", "Troops", "article")],
    ),
    (
        "Thai voters went to the polls. The generals rejected the result.",
        "generals",
        [(None, "THA", "MIL", "The generals", "article")],
    ),
    # an unknown person whose role names no country
    (
        "Kenya's opposition boycotted the vote. Police spokesman Charles Mwangi denied the claims.",
        "Mwangi",
        [("Charles Mwangi", "KEN", "COP", "Police spokesman Charles Mwangi", "article")],
    ),
    # (eleventh session) with no place in its sentence, an unknown official is of the state the previous
    # sentence's subject is, not of the article's most mentioned country (nor of the state acted on)
    (
        "Donald Trump spoke with Pakistani leaders. Pakistan denied the charge. India accused Pakistan of "
        "sheltering the attackers. Foreign Secretary Vikram Sethuraman asked Islamabad to hand them over.",
        "Sethuraman",
        [("Vikram Sethuraman", "IND", "GOV", "Foreign Secretary Vikram Sethuraman", "article")],
    ),
    # ... for officials and forces only: the opposition is the story's country's, whoever acted last
    (
        "Venezuela held a disputed election. Maduro claimed victory. Washington imposed sanctions on "
        "Caracas. Maduro accused the opposition of plotting a coup.",
        "opposition",
        [(None, "VEN", "OPP", "the opposition", "article")],
    ),
    # ... nor groups of officials ("diplomats", "member states"): one official only
    (
        "Hungary held a referendum. Russia praised the result. Diplomats criticised the vote.",
        "Diplomats",
        [(None, "HUN", "GOV", "Diplomats", "article")],
    ),
    # ... only a state's subject counts
    (
        "Kenya's opposition boycotted the vote. Protesters blocked roads. Police spokesman Charles Mwangi "
        "denied the claims.",
        "Mwangi",
        [("Charles Mwangi", "KEN", "COP", "Police spokesman Charles Mwangi", "article")],
    ),
    # stated countries stay "text"; no country anywhere stays empty; no fall-back for TER/NGO/IGO agents
    (
        "Kenya hosted the talks. Ugandan troops crossed the border.",
        "troops",
        [(None, "UGA", "MIL", "Ugandan troops", "text")],
    ),
    ("Police arrested ten people at the stadium.", "Police", [(None, None, "COP", "Police", "")]),
    (
        "Somalia's president condemned the raid. Gunmen stormed a hotel in Mogadishu.",
        "Gunmen",
        [(None, "SOM", "INS", "Gunmen", "sentence")],  # (twelfth session) of where they strike
    ),
    (
        "Famine looms in Afghanistan. Aid agencies appealed for food.",
        "agencies",
        [(None, None, "NGO", "Aid agencies", "")],
    ),
    # a pronoun keeps its antecedent's basis
    (
        "Kenya's election board delayed the results. Protesters marched. They demanded a recount.",
        "They",
        [(None, "KEN", "CVL", "They", "article")],
    ),
]


@pytest.mark.parametrize(("text", "head", "expected"), FALLBACK)
def test_country_fallback(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[WithBasis]
) -> None:
    _check_basis(nlp, resolver, text, head, expected)


BODIES = [
    (
        "Russia's foreign ministry summoned the ambassador.",
        "ministry",
        [(None, "RUS", "GOV", "Russia's foreign ministry")],
    ),
    (
        "The French foreign ministry condemned the attack.",
        "ministry",
        [(None, "FRA", "GOV", "The French foreign ministry")],
    ),
    (
        "The Chinese defence ministry warned Taiwan.",
        "ministry",
        [(None, "CHN", "MIL", "The Chinese defence ministry")],
    ),
    # a capitalised ministry is no organisation name of its own
    (
        "Russia's Defence Ministry said the drills had ended.",
        "Ministry",
        [(None, "RUS", "MIL", "Russia's Defence Ministry")],
    ),
    (
        "The Iranian parliament approved the bill.",
        "parliament",
        [("Majlis", "IRN", "LEG", "The Iranian parliament")],
    ),
    ("Israel's military struck targets in Gaza.", "military", [(None, "ISR", "MIL", "Israel's military")]),
    (
        "The Palestinian Authority rejected the plan.",
        "Authority",
        [(None, "PSE", "GOV", "The Palestinian Authority")],
    ),
    ("Hong Kong police fired tear gas.", "police", [(None, "HKG", "COP", "Hong Kong police")]),
    ("A Hong Kong court jailed the activist.", "court", [(None, "HKG", "JUD", "A Hong Kong court")]),
    ("Macau police detained three men.", "police", [(None, "MAC", "COP", "Macau police")]),
    # an unlisted force keeps its name and, since the twelfth session, takes the story's country
    (
        "Kenya held elections. The Tana River Defence Forces captured the town.",
        "Forces",
        [("Tana River Defence Forces", "KEN", "MIL", "The Tana River Defence Forces")],
    ),
    # an unknown body's name known by its modifiers (thirteenth session): a U.N. panel is the U.N.'s, a
    # "Russian utility" Russia's business, an "Indian High Commission" India's government
    (
        "The U.N. Panel of Experts on Libya accused the government.",
        "Panel",
        [("United Nations", None, "IGO", "The U.N. Panel")],
    ),
    (
        "Russian utility Inter RAO suspended electricity exports to Finland.",
        "RAO",
        [("Inter RAO", "RUS", "BUS", "Russian utility Inter RAO")],
    ),
    (
        "The Indian High Commission raised the matter.",
        "Commission",
        [(None, "IND", "GOV", "The Indian High Commission")],
    ),
    # a bare "Senate" or "Congress" is the story's legislature, not always the U.S. one (thirteenth session)
    (
        "Philippine lawmakers impeached the vice president in Manila. The Senate voted to return them.",
        "Senate",
        [(None, "PHL", "LEG", "The Senate")],
    ),
    ("In Washington, Congress passed the bill.", "Congress", [(None, "USA", "LEG", "Congress")]),
    ("The U.S. Senate confirmed the nominee.", "Senate", [("US Senate", "USA", "LEG", "The U.S. Senate")]),
    # ... but a name with no kind of actor in it is nobody
    ("Russian Inter RAO suspended electricity exports to Finland.", "RAO", []),
]


@pytest.mark.parametrize(("text", "head", "expected"), BODIES)
def test_bodies_with_nationality(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2014)


UNKNOWN_PEOPLE = [
    # a name apposed to a role is the role's: an organisation's official, a state's minister ...
    (
        "The EU's enlargement commissioner, Mira Kostel, met Bulgaria's president.",
        "Kostel",
        [("Mira Kostel", None, "IGO", "Mira Kostel")],
    ),
    (
        "Russia's foreign minister, Ivan Petrovsky, met Bulgaria's president.",
        "Petrovsky",
        [("Ivan Petrovsky", "RUS", "GOV", "Ivan Petrovsky")],
    ),
    # ... and so is the bare last name later, even where the tagger reads no person in it
    (
        "The EU's enlargement commissioner, Mira Kostel, met Bulgaria's president. Kostel will travel.",
        "Kostel",
        [("Mira Kostel", None, "IGO", "Kostel")],
    ),
    # ... also where the parser hung the apposed name on the verb
    (
        "The quarrel overshadowed a visit to Skopje by the EU's enlargement commissioner, Mira Kostel, "
        "who met Prime Minister Hristijan Mickoski on Monday.",
        "Kostel",
        [("Mira Kostel", None, "IGO", "Mira Kostel")],
    ),
    # ... and where it made the role and the name two subjects of one verb, also for the last name later
    (
        "His Turkish counterpart Emre Saglamer arrived in Yerevan on Monday.",
        "Saglamer",
        [("Emre Saglamer", "TUR", "GOV", "Emre Saglamer")],
    ),
    (
        "His Turkish counterpart Emre Saglamer arrived in Yerevan on Monday. Saglamer later met the mayor.",
        "Saglamer",
        [("Emre Saglamer", "TUR", "GOV", "Saglamer")],
    ),
    # "X of Kyrgyzstan": the state named after the name
    (
        "The deal was signed by Kamchybek Tashiev of Kyrgyzstan.",
        "Tashiev",
        [("Kamchybek Tashiev", "KGZ", "ELI", "Kamchybek Tashiev")],
    ),
    # a political kind of person ("nationalist") gives the sector; the country comes from the fall-back
    (
        "Romania held an election. Hard-right nationalist Mihai Dobrescu won the first round.",
        "Dobrescu",
        [("Mihai Dobrescu", "ROU", "ELI", "nationalist Mihai Dobrescu")],
    ),
    # a full name with neither role nor country is still nobody: an academic quoted is no party
    (
        "Romania held an election. Mihai Dobrescu won the first round.",
        "Dobrescu",
        [],
    ),  # a later mention that resolved to nobody (a caption's bare name) never hides the earlier one that did
    (
        "Mozambican opposition leader Tomas Vilanculo returned home. Supporters of Tomas Vilanculo "
        "gathered. The prosecutor accused Vilanculo of inciting unrest.",
        "Vilanculo",
        [("Tomas Vilanculo", "MOZ", "OPP", "Vilanculo")],
    ),
    # a family name written first is the bare name later ("Lai" after "Lai Ching-te"), and so is "he"
    (
        "Taiwanese President Lai Ching-te thanked voters on Saturday. Lai said on Sunday that democracy won.",
        "Lai",
        [("Lai Ching-te", "TWN", "ELI", "Lai")],  # (in 2014, the table's date, he held no office)
    ),
    # a last name the tagger reads as a common noun, with a relative clause on it, still refers back
    (
        "Centrist mayor Nicusor Dan won Romania's presidential election rerun on Sunday, defeating "
        "hard-right nationalist George Simion in a vote. Simion, who had led the first round on May 4, "
        "initially conceded defeat on Sunday night.",
        "Simion",
        [("George Simion", "ROU", "ELI", "Simion")],
    ),
    # whom a state expels is another state's, even a person named by a role the parser left without one
    (
        "Pakistan closed its airspace to Indian airlines. India expelled the defence advisers.",
        "advisers",
        [(None, "PAK", "GOV", "the defence advisers")],
    ),
    # "attorney-general" is a law officer, no general
    (
        "Mozambique's attorney-general's office accused the opposition.",
        "office",
        [(None, "MOZ", "JUD", "Mozambique's attorney-general's office")],
    ),
]


@pytest.mark.parametrize(("text", "head", "expected"), UNKNOWN_PEOPLE)
def test_unknown_people_by_their_roles(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2014)


def test_its_inside_the_subject_is_no_loop(nlp: Language, resolver: ActorResolver) -> None:
    # "a delegation of its lawmakers": "its" refers past the phrase it is in (this once recursed forever)
    text = "The DEM Party said a delegation of its lawmakers would visit him on Monday."
    doc, article = _parse(nlp, resolver, text, D2014)
    assert [a.name for a in article.resolve(_token(doc, "its"), D2014)] == ["DEM Party"]


SHORT = [
    (
        "North Korea fired two missiles on Monday. The North said the launch was a warning.",
        "North",
        [(None, "PRK", "GOV", "The North")],
    ),
    (
        "Seoul and Pyongyang held talks. The South proposed another meeting.",
        "South",
        [(None, "KOR", "GOV", "The South")],
    ),
    ("Floods hit Italy in May. The North suffered most.", "North", []),
    (
        "The EU met on Monday. The bloc imposed sanctions on Minsk.",
        "bloc",
        [("European Union", None, "IGO", "The bloc")],
    ),
    ("Ministers met on Monday. The bloc imposed sanctions.", "bloc", []),
    # another kind of bloc is no short reference; a counted one is
    ("The EU met on Monday. Settlers left the settlement bloc.", "bloc", []),
    (
        "The EU met on Monday. The 27-member bloc imposed sanctions on Minsk.",
        "bloc",
        [("European Union", None, "IGO", "The 27-member bloc")],
    ),
    (
        "The EU met on Monday. The bloc's foreign ministers agreed on sanctions.",
        "ministers",
        [("European Union", None, "IGO", "The bloc's foreign ministers")],
    ),
    (
        "NATO leaders gathered in Brussels. The alliance agreed to send more troops.",
        "alliance",
        [("North Atlantic Treaty Organization", None, "IGO", "The alliance")],
    ),
    (
        "The Security Council met on Friday. The council condemned the attack.",
        "council",
        [("UN Security Council", None, "IGO", "The council")],
    ),
    ("The city council approved the budget. The council also raised taxes.", "council", []),
    # (eleventh session, guards) "the Union" after the European Union; after the African Union, that one
    (
        "The European Union froze funds for Hungary. Orban accused the Union of blackmail.",
        "Union",
        [("European Union", None, "IGO", "the Union")],
    ),
    (
        "The African Union met in Addis Ababa. Ethiopia criticised the Union.",
        "Union",
        [("African Union", None, "IGO", "the Union")],
    ),
]


# (seventeenth session) an office or unit below the state that a state acts on is that state's own, never
# another state's (a foreign minister a president meets may be: "Erdogan met Foreign Minister X")
LOCAL = [
    (
        "Nigerian President Bola Tinubu suspended Governor Amaka Obi on Tuesday.",
        "Obi",
        [("Governor Amaka Obi", "NGA", "GOV", "Governor Amaka Obi")],
    ),
    (
        "Nigerian President Bola Tinubu declared a state of emergency in Benue State on Tuesday.",
        "State",
        [(None, "NGA", "GOV", "Benue State")],
    ),
    # a province or state names its country: as a modifier of an official or a force, as an acting subject
    # (its government), and a sub-national adjective too
    (
        "Ontario Premier Doug Ford criticised the tariffs on Monday.",
        "Ford",
        [("Doug Ford", "CAN", "GOV", "Ontario Premier Doug Ford")],
    ),
    ("Ontario accused Washington of bullying on Monday.", "Ontario", [(None, "CAN", "GOV", "Ontario")]),
    (
        "In October, Texas sued the federal government.",
        "government",
        [(None, "USA", "GOV", "the federal government")],
    ),
    ("Catalan police arrested two men on Monday.", "police", [(None, "ESP", "COP", "Catalan police")]),
    # a named official a state's official acts on in a story about no other state is that state's
    (
        "India imposed federal rule in Manipur. Chief Minister N. Biren Singh resigned on Sunday after he "
        "met Home Minister Amit Shah.",
        "Shah",
        [("Amit Shah", "IND", "GOV", "Home Minister Amit Shah")],
    ),
    # the members "among them" names are the group's acting members
    (
        "Several member states, among them Poland, Lithuania and Finland, also condemned Hungary on Monday.",
        "states",
        [(None, "POL", "GOV", "Poland"), (None, "LTU", "GOV", "Lithuania"), (None, "FIN", "GOV", "Finland")],
    ),
    # "the Russian side" is Russia's government; a side with no country written is nobody
    ("The Russian side had turned down both ideas.", "side", [(None, "RUS", "GOV", "The Russian side")]),
    ("Each side freed 1,000 captives.", "side", []),
    # a spokesperson speaks for whom the "for" names
    (
        "A spokesman for U.N. Secretary-General Antonio Guterres urged restraint.",
        "spokesman",
        [("António Guterres", None, "IGO", "A spokesman")],
    ),
]


@pytest.mark.parametrize(("text", "head", "expected"), LOCAL)
def test_local_offices_are_the_acting_states_own(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2014)


# (seventeenth session) a qualifier that makes a party's one-word alias another party's name: no match
PARTY_NAMES = [
    (
        "Opposition Social Democrats leader Venko Filipce accused the government.",
        "Filipce",
        [("Venko Filipce", None, "OPP", "Opposition Social Democrats leader Venko Filipce")],
    ),
    (
        "House Democrats accused Trump of lying.",
        "Democrats",
        [("Democratic Party", "USA", "PTY", "House Democrats")],
    ),
]


@pytest.mark.parametrize(("text", "head", "expected"), PARTY_NAMES)
def test_a_longer_party_name_is_not_its_last_word(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2014)


# (seventeenth session) a body of no name of ours is what an apposition calls it, there and when the article
# names it again (and a name never described is nobody)
DESCRIBED = [
    (
        "Libya's prime minister dissolved the Nawasi, a powerful militia. Later the Nawasi attacked a police "
        "station.",
        "Nawasi",
        [("Nawasi", "LBY", "REB", "the Nawasi")],
    ),
    (
        "Police in Peru raided the offices of the Frente Rojo, an opposition party, on Monday.",
        "Rojo",
        [("Frente Rojo", "PER", "PTY", "the Frente Rojo")],
    ),
    ("Clashes broke out in Tripoli. Later the Nawasi attacked a police station.", "Nawasi", []),
]


@pytest.mark.parametrize(("text", "head", "expected"), DESCRIBED)
def test_bodies_described_by_an_apposition(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2014)


@pytest.mark.parametrize(("text", "head", "expected"), SHORT)
def test_short_references(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2014)


CAPTIONS = [
    (
        "Image copyright AP Image caption President Emmanuel Macron met the envoy.",
        "Macron",
        # president only from 2017, but the text's own title wins over the dictionary's dates
        [("Emmanuel Macron", "FRA", "GOV", "President Emmanuel Macron")],
    ),
    ("Media caption Trump criticised the deal.", "Trump", [("Donald Trump", "USA", "ELI", "Trump")]),
    (
        "Image caption Angela Merkel said the talks had failed.",
        "Merkel",
        [("Angela Merkel", "DEU", "GOV", "Angela Merkel")],
    ),
    (
        "Image caption Protesters clashed with police in Hong Kong.",
        "Protesters",
        [(None, "HKG", "CVL", "Protesters")],
    ),
    (
        "Image copyright Reuters Image caption Kenyan opposition leader Amina Okello spoke to reporters.",
        "Okello",
        [("Amina Okello", "KEN", "OPP", "Kenyan opposition leader Amina Okello")],
    ),
]


@pytest.mark.parametrize(("text", "head", "expected"), CAPTIONS)
def test_caption_junk_trimmed(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2014)


IT = [
    ("North Korea said it would resume missile tests.", "it", [(None, "PRK", "GOV", "it")]),
    ("The EU said its sanctions would stay in place.", "its", [("European Union", None, "IGO", "its")]),
    ("Hezbollah said its fighters had withdrawn.", "fighters", [("Hezbollah", "LBN", "INS", "its fighters")]),
    ("North Korea fired a missile. It said the test succeeded.", "It", [(None, "PRK", "GOV", "It")]),
    (
        "The Russian defence ministry said it had destroyed a depot.",
        "it",
        [(None, "RUS", "MIL", "it")],
    ),
    # "it" at which something is aimed is the sentence's country, never its own clause's subject
    ("Turkey said a shell was fired at it from Syria.", "it", [(None, "TUR", "GOV", "it")]),
    ("Turkey said the plan was flawed and rejected it.", "it", []),  # an object "it" is a thing
    # "its" never stands for a plural subject of its own clause; a singular one it may
    ("Ukraine said Russian forces shelled its positions.", "its", [(None, "UKR", "GOV", "its")]),
    ("Ukraine said the army shelled its own positions.", "its", [(None, "UKR", "MIL", "its")]),
    # a person, a plural group or no subject before "it"; expletive "it"
    ("Putin said it would help the economy.", "it", []),
    ("Iran tested a rocket. Officials said it had failed.", "it", []),
    ("It is unclear whether the talks will resume.", "It", []),
    ("Iran tested a rocket. It was reported that the launch failed.", "It", []),
    ("Iran tested a rocket. It remains unclear why.", "It", []),
]


@pytest.mark.parametrize(("text", "head", "expected"), IT)
def test_it_refers_to_country_or_organisation(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2014)


def test_country_tally_ties_go_to_first_mention() -> None:
    from whimbrel.actors.places import CountryTally

    tally = CountryTally()
    assert tally.dominant() is None
    for iso3 in ("ETH", "ERI", "ERI", "ETH"):
        tally.add(iso3)
    assert tally.dominant() == "ETH"
    tally.add("ERI")
    assert tally.dominant() == "ERI"


def test_fallback_state_pickles(nlp: Language, resolver: ActorResolver) -> None:
    doc, article = _parse(nlp, resolver, "Kenya's election board delayed the results. Police fired.", D2014)
    [actor] = article.resolve(_token(doc, "Police"), D2014)
    restored = pickle.loads(pickle.dumps(article))
    assert restored.country_basis(actor) == "article" and restored.tally.dominant() == "KEN"


BAD_SHORT = [
    ("word\tkind\tvalue\tafter\nbloc\tshort\tAtlantis Union\n", 2, "neither"),
    ("word\tkind\tvalue\tafter\n# comment\nNorth\tshort\tPRK\tPRK|ZZZ\n", 3, "neither"),
]


@pytest.mark.parametrize(("content", "line", "message"), BAD_SHORT)
def test_bad_short_reference(tmp_path: Path, content: str, line: int, message: str) -> None:
    bad = tmp_path / "words.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        ActorResolver.load([bad])
    assert (caught.value.line, message in caught.value.message) == (line, True)


def test_user_short_reference(nlp: Language, tmp_path: Path) -> None:
    words = tmp_path / "words.tsv"
    words.write_text("word\tkind\tvalue\tafter\nkingdom\tshort\tSAU\n", encoding="utf-8")
    resolver = ActorResolver.load([words])
    text = "Saudi Arabia cut oil output. The kingdom said prices were too low."
    _check(nlp, resolver, text, "kingdom", [(None, "SAU", "GOV", "The kingdom")], D2014)


def test_role_nationality_beats_place_for_an_apposed_unknown_name(nlp: Language) -> None:
    doc = nlp("The Norwegian envoy in Sudan, Ambassador Kari Lund, met rebel leaders.")
    context = ActorResolver.load().article()
    context.observe(next(iter(doc.sents)), None)
    head = next(t for t in doc if t.lower_ == "envoy")
    (actor,) = context.resolve(head, None)
    assert actor.country == "NOR"


def test_the_two_leaders_are_the_articles_protagonists_not_the_last_names(nlp: Language) -> None:
    text = (
        "Obama will meet Putin in Hangzhou. Obama wants to discuss Syria with Putin. "
        "Kremlin spokesman Dmitry Peskov said the talks would be long. The two leaders have met often."
    )
    doc = nlp(text)
    context = ActorResolver.load().article()
    for sent in doc.sents:
        context.observe(sent, date(2016, 9, 2))
    head = next(t for t in doc if t.lower_ == "leaders")
    assert {a.name for a in context.resolve(head, date(2016, 9, 2))} == {"Barack Obama", "Vladimir Putin"}


@pytest.mark.parametrize(
    ("text", "word", "dyads", "expected"),
    [
        # "the two sides", "both countries": the two countries mentioned most, other than the subject's
        ("Armenia accused Azerbaijan of shelling. Russia urged the two sides to show restraint.", "sides", [],
         {"ARM", "AZE"}),
        ("Kenya and Uganda traded accusations. The EU called on both countries to talk.", "countries", [],
         {"KEN", "UGA"}),
        ("Peru and Chile met in Lima. The two governments agreed to reopen the border.", "governments", [],
         {"PER", "CHL"}),
        # ... or rather the two most often the parties of one event
        ("The United States backed Israel. Washington and Israel criticised the Palestinians. Obama said "
         "both sides must compromise.", "sides", [("ISR", "PSE"), ("PSE", "ISR")], {"ISR", "PSE"}),
        # countries a recent sentence listed together, as many as counted (but "the two sides" stay the
        # article's opponents)
        ("Britain, France and Germany restored sanctions on Iran. Tehran accused the three countries of "
         "bad faith.", "countries", [], {"GBR", "FRA", "DEU"}),
        # ... allies and partners too (twelfth session)
        ("Japan, South Korea and the United States condemned the launch. The three allies held drills.",
         "allies", [], {"JPN", "KOR", "USA"}),
        ("Russia cut gas to Finland. Finland and Sweden applied to join NATO. Turkey blocked the two "
         "countries' bids.", "countries", [("RUS", "FIN")], {"FIN", "SWE"}),
        ("Russia cut gas to Finland. Finland and Sweden applied to join NATO. The EU warned both sides.",
         "sides", [("RUS", "FIN")], {"RUS", "FIN"}),
        # ... never the subject's own list
        ("Honduras expelled Venezuela's envoy. Colombia and Brazil urged both governments to talk.",
         "governments", [("HND", "VEN")], {"HND", "VEN"}),
        # ... not alternatives ("Paris or Washington")
        ("Turkey accused Greece of provocations. Athens sought help from Paris or Washington. The two "
         "countries have long quarrelled.", "countries", [("TUR", "GRC")], {"TUR", "GRC"}),
        # not a count, nor an adjective: "two countries", "a two-state solution"
        ("Armenia accused Azerbaijan of shelling. Russia urged two countries to talk.", "countries", [],
         set()),
        ("Israel rejected the idea. France backed a two-state solution.", "state", [], set()),
    ],
)  # fmt: skip
def test_the_two_sides(
    nlp: Language, text: str, word: str, dyads: list[tuple[str, str]], expected: set[str]
) -> None:
    doc = nlp(text)
    context = ActorResolver.load().article()
    for sent in doc.sents:
        context.observe(sent, None)
    for source, target in dyads:
        context.note_dyad(source, target)
    head = next(t for t in doc if t.lower_ == word)
    assert {a.country for a in context.resolve(head, None)} == expected


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        # a country's envoy to an international organisation is the country's, not the organisation's
        ("Sudan's U.N. envoy criticised the decision.", "envoy", "SDN"),
        ("China's UN ambassador spoke first.", "ambassador", "CHN"),
        # people loyal to someone are that side's
        ("Forces loyal to President Bashar al-Assad shelled the town.", "Forces", "SYR"),
    ],
)
def test_whose_side_an_agent_is_on(nlp: Language, text: str, word: str, country: str) -> None:
    doc = nlp(text)
    context = ActorResolver.load().article()
    context.observe(next(iter(doc.sents)), date(2016, 1, 1))
    head = next(t for t in doc if t.text == word)
    assert [a.country for a in context.resolve(head, date(2016, 1, 1))] == [country]


# ----- round 3: plural "they", role nouns that point back, owned bodies, "the country" ------------------
D2017 = date(2017, 1, 10)
D2012 = date(2012, 10, 1)

PLURAL_THEY = [
    # a coordinated or multi-country subject in the same sentence
    (
        "China's and Russia's ambassadors said they opposed any sanctions.",
        "they",
        [(None, "CHN", "GOV", "they"), (None, "RUS", "GOV", "they")],
    ),
    (
        "Russia and China said they would veto the draft.",
        "they",
        [(None, "RUS", "GOV", "they"), (None, "CHN", "GOV", "they")],
    ),
    # coordinated people in the previous sentence; the group carries on through "They ... They"
    (
        "Obama and Trump met on Thursday. They discussed trade.",
        "They",
        [("Barack Obama", "USA", "GOV", "They"), ("Donald Trump", "USA", "ELI", "They")],
    ),
    (
        "Putin and Xi met in Beijing. They signed a gas deal. They also agreed to meet again.",
        "They",
        [("Vladimir Putin", "RUS", "GOV", "They"), ("Xi Jinping", "CHN", "GOV", "They")],
    ),
    (
        "Merkel and Hollande met Putin. Their talks lasted four hours.",
        "Their",
        [("Angela Merkel", "DEU", "GOV", "Their"), ("François Hollande", "FRA", "GOV", "Their")],
    ),
    # unchanged: a single plural group; an object "them" is never its clause's subject
    ("Syrian rebels seized the town. They said the army had fled.", "They", [(None, "SYR", "REB", "They")]),
    (
        "Russia and China said Western sanctions had hurt them.",
        "them",
        [(None, "RUS", "GOV", "them"), (None, "CHN", "GOV", "them")],
    ),
    # no plural subject: a singular subject before it leaves "they" to the last group (none here)
    ("Obama met Putin. They discussed Syria.", "They", []),
    ("Obama said they would pay a price.", "they", []),
]


@pytest.mark.parametrize(("text", "head", "expected"), PLURAL_THEY)
def test_plural_they(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2017)


ROLE_NOUNS = [
    # an abbreviated title is the full title ("Gov." is a governor, "Sen." a senator)
    (
        "Gov. Jim Mason gave a speech on Tuesday. Many Democrats praised the governor.",
        "governor",
        D2017,
        [("Jim Mason", None, "GOV", "the governor")],
    ),
    (
        "Sen. Ann Lee spoke on Monday. The senator criticised the budget.",
        "senator",
        D2017,
        [("Ann Lee", None, "LEG", "The senator")],
    ),
    (
        "Trump won the election in November. Obama congratulated the president-elect.",
        "elect",
        D2017,
        [("Donald Trump", "USA", "ELI", "the president-elect")],
    ),
    (
        "Trump criticised Obama. He said his predecessor had failed.",
        "predecessor",
        D2017,
        [("Barack Obama", "USA", "GOV", "his predecessor")],
    ),
    (
        "Lavrov met Wang Yi in Beijing. Lavrov told his Chinese counterpart that sanctions had failed.",
        "counterpart",
        D2017,
        [("Wang Yi", "CHN", "GOV", "his Chinese counterpart")],
    ),
    (
        "Lavrov met Wang Yi in Beijing. Lavrov told his counterpart that sanctions had failed.",
        "counterpart",
        D2017,
        [("Wang Yi", "CHN", "GOV", "his counterpart")],
    ),
    (
        "Clinton attacked Trump in Ohio. The former secretary of state said he was unfit.",
        "secretary",
        D2017,
        [("Hillary Clinton", "USA", "ELI", "The former secretary of state")],
    ),
    (
        "Obama faced Romney in the debate. The incumbent defended his record.",
        "incumbent",
        D2012,
        [("Barack Obama", "USA", "GOV", "The incumbent")],
    ),
    (
        "Hollande met Sarkozy. The former president criticised the government.",
        "president",
        D2017,
        [("Nicolas Sarkozy", "FRA", "ELI", "The former president")],
    ),
    # negative: "his counterpart" is never him; "his successor" is nobody when no one else held the office
    ("Lavrov flew to Beijing. He told his counterpart that sanctions had failed.", "counterpart", D2017, []),
]


@pytest.mark.parametrize(("text", "head", "when", "expected"), ROLE_NOUNS)
def test_role_nouns_point_back(
    nlp: Language, resolver: ActorResolver, text: str, head: str, when: date, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, when)


OWNED_BODIES = [
    # a person's office speaks for the person
    (
        "Putin's office said the talks had failed.",
        "office",
        [("Vladimir Putin", "RUS", "GOV", "Putin's office")],
    ),
    (
        "Theresa May met Merkel. Ms May's office said the talks went well.",
        "office",
        [("Theresa May", "GBR", "GOV", "Ms May's office")],
    ),
    (
        "Theresa May met Merkel. Ms May said the talks went well.",
        "May",
        [("Theresa May", "GBR", "GOV", "Ms May")],
    ),
    (
        "Putin called Obama. The president's office said the call was useful.",
        "office",
        [("Barack Obama", "USA", "GOV", "The president's office")],
    ),
    (
        "Kenya's election office delayed the results.",
        "office",
        [(None, "KEN", "GOV", "Kenya's election office")],
    ),
    (
        "Peru's Public Ombudsman Rosa Quispe spoke on Monday. The ombudsman Rosa Quispe's office was ready.",
        "office",
        [("Rosa Quispe", "PER", "GOV", "The ombudsman Rosa Quispe's office")],
    ),
    # no owner written: no actor; an organisation's office is the organisation
    ("Trump took office in January.", "office", []),
    ("The office said the talks had failed.", "office", []),
    ("Ms Smith's office said the talks went well.", "office", []),
    (
        "The UN office in Geneva condemned the attack.",
        "office",
        [("United Nations", None, "IGO", "The UN office")],
    ),
]


@pytest.mark.parametrize(("text", "head", "expected"), OWNED_BODIES)
def test_owned_bodies(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2017)


THE_COUNTRY = [
    (
        "North Korea fired two missiles on Monday. The isolated nation has defied repeated warnings.",
        "nation",
        [(None, "PRK", "GOV", "The isolated nation")],
    ),
    (
        "Iran rejected the offer. Officials said the country would not negotiate.",
        "country",
        [(None, "IRN", "GOV", "the country")],
    ),
    # an object is never its own clause's subject: the previous country subject
    (
        "Iran rejected the offer. Washington warned the country against escalation.",
        "country",
        [(None, "IRN", "GOV", "the country")],
    ),
    (
        "Iran rejected the offer. The country's foreign minister said no.",
        "minister",
        [(None, "IRN", "GOV", "The country's foreign minister")],
    ),
    # a subject that is no country: the possessor named before it in the sentence
    (
        "The Security Council condemned Iran's launch of a rocket over Iraq, demanding that the isolated"
        " country halt its missile programme.",
        "country",
        [(None, "IRN", "GOV", "the isolated country")],
    ),
    # not a reference: no "the", a prepositional object, no country subject before it (never the tally)
    ("China insists on one country, two systems.", "country", []),
    ("Kenya raised taxes and protests spread across the country.", "country", []),
    ("Protests in Kenya grew. The country has been tense for weeks.", "country", []),
    ("NATO met in Brussels. The country has defied repeated warnings.", "country", []),
    ("The country has defied repeated warnings.", "country", []),
]


@pytest.mark.parametrize(("text", "head", "expected"), THE_COUNTRY)
def test_the_country(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2017)


THE_ORGANISATION = [
    (
        "The African Union suspended Mali on Friday. The body demanded a return to civilian rule.",
        "body",
        [("African Union", None, "IGO", "The body")],
    ),
    (
        "Ministers of the Arab League met in Cairo. Lebanon called for a second meeting of the body.",
        "body",
        [("Arab League", None, "IGO", "the body")],
    ),
    (
        "Israel said it would cooperate with the World Health Organization. The organisation sent a team.",
        "organisation",
        [("World Health Organization", None, "IGO", "The organisation")],
    ),
    # no organisation before it, a national one only, or a phrase that names something else: nobody
    ("The body demanded a return to civilian rule.", "body", []),
    ("Russia expelled two diplomats. The body of a man was found near the embassy.", "body", []),
    ("The United Nations sent observers. The governing body of the party met on Monday.", "body", []),
]


@pytest.mark.parametrize(("text", "head", "expected"), THE_ORGANISATION)
def test_the_organisation(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2017)


QUANTIFIERS = [
    # a bare quantifier subject is part of the group named before it; with "of" it counts its object
    (
        "Most Kenyan opposition lawmakers stayed silent, and many issued statements praising the ruling.",
        "many",
        [(None, "KEN", "LEG", "many")],
    ),
    ("Many of the Kenyan protesters were arrested.", "Many", [(None, "KEN", "CVL", "the Kenyan protesters")]),
    ("Many issued statements.", "Many", []),  # no group before it: nobody
]


@pytest.mark.parametrize(("text", "head", "expected"), QUANTIFIERS)
def test_quantifiers(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, head, expected, D2017)


SUCCESSOR = [
    (
        "Obama met Trump at the White House. Obama congratulated his successor.",
        [("Donald Trump", "USA", "ELI", "his successor")],
    ),
    ("Obama spoke in Chicago. He praised his successor.", []),  # nobody else held his office: no actor
    ("Obama met Merkel in Berlin. He praised his successor.", []),  # Merkel never held his office
]


@pytest.mark.parametrize(("text", "expected"), SUCCESSOR)
def test_successor_from_a_user_agent_row(
    nlp: Language, tmp_path: Path, text: str, expected: list[Expected]
) -> None:
    agents = tmp_path / "agents.tsv"
    agents.write_text(
        "word\tsector\tperson\n# not packaged: see agents.tsv\nsuccessor\tGOV\tyes\n", encoding="utf-8"
    )
    _check(nlp, ActorResolver.load([agents]), text, "successor", expected, D2017)


def test_agent_alone_flag_is_validated(tmp_path: Path) -> None:
    bad = tmp_path / "agents.tsv"
    bad.write_text("word\tsector\tperson\tgeneric\talone\nbureau\tGOV\t\t\tnever\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        ActorResolver.load([bad])
    assert (caught.value.line, "flag" in caught.value.message) == (2, True)


def test_a_user_abbreviation_means_its_title(nlp: Language, tmp_path: Path) -> None:
    # "Lt" and "lieutenant" are no packaged agent words: user rows make "Lt" the title "lieutenant"
    agents = tmp_path / "agents.tsv"
    rows = "lieutenant\tMIL\tyes\t\t\t\nlt\tMIL\tyes\t\t\tlieutenant\n"
    agents.write_text("word\tsector\tperson\tgeneric\talone\tmeans\n" + rows, encoding="utf-8")
    text = "Lt. Jon Pike spoke on Monday. The lieutenant praised the troops."
    expected = [("Jon Pike", None, "MIL", "The lieutenant")]
    _check(nlp, ActorResolver.load([agents]), text, "lieutenant", expected, D2017)
    _check(nlp, ActorResolver.load(), text, "lieutenant", [], D2017)  # without the rows: nobody


def test_known_people_count_for_their_country() -> None:
    # Spain is named twice as a place and Venezuela never, but the article quotes Maduro three times: the
    # unnamed opposition is Venezuela's
    text = (
        "Spain granted asylum to the candidate, who flew to Madrid.\n\n"
        "Maduro called it a victory. Maduro spoke in a speech.\n\n"
        "Maduro accused the opposition of plotting a coup."
    )
    events = whimbrel.code(text, published="2024-09-09", fmt="text")
    got = [(e.source.country, e.code.plover, e.target and e.target.country) for e in events]
    assert ("VEN", "ACCUSE", "VEN") in got, got


def test_the_dateline_counts_only_when_nothing_else_does() -> None:
    from whimbrel.actors.places import CountryTally

    tally = CountryTally(dateline="EGY")
    assert tally.dominant() == "EGY"  # nothing else mentioned yet
    tally.add("TUN")
    assert tally.dominant() == "TUN"  # "CAIRO —" is where the reporter files from


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the dateline's country would win the tie with Tunisia as the first mention: it does not count
        ("CAIRO — Gunmen stormed a museum in Tunisia's capital.\n\nPolice later arrested dozens of students.",
         "TUN"),
        # with no other country named, the dateline's is the article's
        ("NAIROBI, Kenya (AP) — Police arrested dozens of protesters on Tuesday.", "KEN"),
    ],
)  # fmt: skip
def test_dateline_country_in_the_fallback(text: str, country: str) -> None:
    arrests = [e for e in whimbrel.code(text, published="2024-05-07", fmt="text") if e.trigger == "arrested"]
    assert arrests and all(e.source.country == country for e in arrests), arrests


def test_a_state_does_not_act_on_its_own_unnamed_government() -> None:
    # the article's most mentioned country is France, but France acts on "the junta": Niger's
    text = (
        "Niger's military rulers gave the French ambassador 48 hours to leave. France said the envoy would "
        "stay, and the French president said France did not recognise the junta's authority."
    )
    events = whimbrel.code(text, published="2023-08-26", fmt="text")
    got = {
        (e.source.country, e.target.country if e.target else None) for e in events if "junta" in e.sentence
    }
    assert ("FRA", "NER") in got and ("FRA", "FRA") not in got, got


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # an unnamed subject is no party of the country its clause acts on, though that one is mentioned most
        ("Iran released five Americans on Monday. Iran said the men were spies. Republican lawmakers "
         "criticised the deal with Tehran.", ("USA", "IRN")),
        ("Pakistan's army said two soldiers died. Pakistan blamed India. Pakistan's prime minister spoke. "
         "Officials accused Pakistan of shelling a border post.", ("IND", "PAK")),
    ],
)  # fmt: skip
def test_an_unnamed_subject_is_not_of_the_country_it_acts_on(text: str, pair: tuple[str, str]) -> None:
    events = whimbrel.code(text, published="2023-09-20", fmt="text")
    last = events[-1]
    assert (last.source.country, last.target and last.target.country) == pair, events


def test_whose_is_the_noun_its_clause_is_about(nlp: Language) -> None:
    # in an article that names Ukraine more often, "whose foreign minister" is still Oman's
    doc = nlp(
        "Ukraine and Russia swapped prisoners. Kyiv thanked the mediators. Ukraine said more swaps would "
        "follow. The deal was brokered by Oman, whose foreign minister travelled to Tehran last week."
    )
    context = ActorResolver.load().article()
    for sent in doc.sents:
        context.observe(sent, None)
    head = next(t for t in doc if t.lower_ == "minister")
    assert [a.country for a in context.resolve(head, None)] == ["OMN"]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a person of a listed organisation that has a country is still the organisation's
        ("M23 spokesman Lawrence Kanyuka accused the army of shelling.", "Kanyuka", ("M23", "COD", "REB")),
        # ... but a nationality other than the organisation's keeps the person that country's
        ("Kenyan UN envoy Martin Kimani criticised Russia.", "Kimani", ("Martin Kimani", "KEN", "GOV")),
        # a known surname after another given name is somebody else
        ("Hamas spokesman Hazem Qassem accused Israel of stalling.", "Qassem", ("Hamas", "PSE", "INS")),
        ("Hezbollah leader Naim Qassem threatened Israel.", "Qassem", ("Naim Qassem", "LBN", "INS")),
        # ... also a surname of several tokens ("al-Maliki"; twenty-second session)
        (
            "Yemeni army spokesman Turki al-Maliki accused the rebels.",
            "Maliki",
            ("Turki al-Maliki", "YEM", "MIL"),
        ),
        ("Iraqi Prime Minister Nouri al-Maliki accused Syria.", "Maliki", ("Nouri al-Maliki", "IRQ", "GOV")),
        # a weak role word right before a two-word name makes it a person, whatever the tagger read
        (
            "Rwandan government spokeswoman Yolande Makolo rejected the report.",
            "Makolo",
            ("Yolande Makolo", "RWA", "GOV"),
        ),
        # "Congolese" is read as the Democratic Republic of the Congo, the one news mostly means
        ("Congolese soldiers clashed with rebels.", "soldiers", (None, "COD", "MIL")),
        # US combatant commands and Pakistan's military media wing
        ("U.S. Africa Command said it struck militants.", "Command", ("U.S. Africa Command", "USA", "MIL")),
        (
            "The ISPR said Afghan forces fired first.",
            "ISPR",
            ("Inter-Services Public Relations", "PAK", "MIL"),
        ),
        # the Sahel's al-Qaeda affiliate
        ("JNIM fighters attacked a convoy.", "fighters", ("JNIM", None, "TER")),
    ],
)
def test_people_of_organisations_and_namesakes(
    nlp: Language, text: str, word: str, expected: tuple[str | None, str | None, str]
) -> None:
    doc = nlp(text)
    context = ActorResolver.load().article()
    context.observe(next(iter(doc.sents)), date(2024, 12, 10))
    head = next(t for t in doc if t.text == word)
    assert [(a.name, a.country, a.sector) for a in context.resolve(head, date(2024, 12, 10))] == [expected]


@pytest.mark.parametrize(
    ("text", "nth", "word", "name"),
    [
        # a known person's bare surname after the article named them in full, with no title and no alias
        ("Bolivian President Rodrigo Paz met U.S. officials. Paz said Bolivia would restore ties.", 1, "Paz",
         "Rodrigo Paz"),
        # ... also where the tagger read it as a common noun at the start of a sentence
        ("Former president Evo Morales criticised the plan. Morales accused the government of fraud.", 1,
         "Morales", "Evo Morales"),
    ],
)  # fmt: skip
def test_a_known_persons_surname_refers_back(
    nlp: Language, text: str, nth: int, word: str, name: str
) -> None:
    doc = nlp(text)
    context = ActorResolver.load().article()
    for sent in doc.sents:
        context.observe(sent, date(2025, 11, 20))
    head = [t for t in doc if t.text == word][nth]
    assert [a.name for a in context.resolve(head, date(2025, 11, 20))] == [name]


def test_a_title_the_parser_split_off_a_name_is_no_second_party(nlp: Language) -> None:
    # "Kishida and Chinese Premier Li Qiang": the parser makes "Premier" a conjunct of its own
    doc = nlp("Kishida and Chinese Premier Li Qiang could meet at a summit next month.")
    context = ActorResolver.load().article()
    context.observe(next(iter(doc.sents)), date(2024, 5, 10))
    head = next(t for t in doc if t.text == "Kishida")
    assert [a.name for a in context.resolve(head, date(2024, 5, 10))] == ["Fumio Kishida", "Li Qiang"]


@pytest.mark.parametrize(
    ("text", "word", "countries"),
    [
        ("The E3 accused Iran of breaching the deal.", "E3", ["GBR", "FRA", "DEU"]),
        ("The Baltic states condemned the drone incursions.", "states", ["EST", "LVA", "LTU"]),
        ("Leaders of the Alliance of Sahel States met in Niamey.", "Alliance", ["MLI", "BFA", "NER"]),
    ],
)
def test_a_group_of_states_named_as_one_is_each_of_them(
    nlp: Language, text: str, word: str, countries: list[str]
) -> None:
    doc = nlp(text)
    context = ActorResolver.load().article()
    context.observe(next(iter(doc.sents)), date(2025, 9, 1))
    head = next(t for t in doc if t.text == word)
    assert [a.country for a in context.resolve(head, date(2025, 9, 1))] == countries


def test_a_mention_of_nobody_never_hides_an_earlier_one(resolver: ActorResolver) -> None:
    # a photo caption's bare "Supporters of X" may resolve X to nobody: a later bare last name still refers
    # to the earlier mention that named the person
    from whimbrel.actors.rules import Mention
    from whimbrel.records import Actor

    article = resolver.article()
    named = Actor("opposition leader X Mondo", "X Mondo", "MOZ", "OPP", None)
    article.mentions.append(Mention((0, 3), (named,), is_person=True, last_name="Mondo"))
    article.mentions.append(Mention((1, 2), (), is_person=True, last_name="Mondo"))
    assert [m.actors for m in article._people_named("Mondo", (2, 0))] == [(named,)]


@pytest.mark.parametrize(
    "text",
    ["Sri Lanka's army said it had taken the last rebel-held town.", "Sri Lanka's president thanked India."],
)
def test_a_country_tagged_as_a_person_with_its_possessive_is_counted(nlp: Language, text: str) -> None:
    # (twenty-first session) "Sri Lanka's" comes out as one PERSON entity, possessive included: the tally of
    # the article's countries reads it without the "'s"
    doc = nlp(text)
    assert any(e.label_ == "PERSON" and e.text == "Sri Lanka's" for e in doc.ents)  # the model's reading
    context = ActorResolver.load().article()
    context.observe(next(iter(doc.sents)), None)
    assert context.tally.counts.get("LKA") == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two kings the same words name: the country the phrase names picks one (twenty-first session)
        ("Saudi Arabia's King Abdullah met Obama in Riyadh.",
         [("King Abdullah", "SAU", "GOV", "Saudi Arabia's King Abdullah")]),
        ("Jordan's King Abdullah met Obama in Amman.",
         [("King Abdullah II", "JOR", "GOV", "Jordan's King Abdullah")]),
    ],
)  # fmt: skip
def test_a_namesake_of_the_country_named(
    nlp: Language, resolver: ActorResolver, text: str, expected: list[Expected]
) -> None:
    _check(nlp, resolver, text, "Abdullah", expected, date(2014, 3, 1))
