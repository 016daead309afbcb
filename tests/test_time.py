"""Event dates: time expressions resolved against the publication date, attached through the parse."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Token

import whimbrel
from whimbrel.errors import DataFileError
from whimbrel.records import DateRange
from whimbrel.time import TimeExpr, TimeLexicon, default_lexicon, find_time_expressions, resolve_date

WED = date(2016, 9, 7)  # a Wednesday
D = date

# (sentence, trigger word, published, expected start, expected end, basis)
CASES: list[tuple[str, str, date | None, date | None, date | None, str]] = [
    # (eleventh session) "until" ends a period: no time of the act
    (
        "The government would suspend the accession talks until 2028.",
        "suspend",
        WED,
        WED,
        WED,
        "publication",
    ),
    # explicit dates
    (
        "Rebels shelled the town on Sept. 4, residents said.",
        "shelled",
        WED,
        D(2016, 9, 4),
        D(2016, 9, 4),
        "text",
    ),
    (
        "The treaty was signed on September 4, 2015 in Vienna.",
        "signed",
        WED,
        D(2015, 9, 4),
        D(2015, 9, 4),
        "text",
    ),
    ("Troops entered the city on 4 September 2014.", "entered", WED, D(2014, 9, 4), D(2014, 9, 4), "text"),
    (
        "The ministry announced the ban on 2015-03-12.",
        "announced",
        WED,
        D(2015, 3, 12),
        D(2015, 3, 12),
        "text",
    ),
    ("Kerry spoke with Lavrov on Feb. 7, 2015.", "spoke", None, D(2015, 2, 7), D(2015, 2, 7), "text"),
    ("Police detained the activist on Sept. 4th.", "detained", WED, D(2016, 9, 4), D(2016, 9, 4), "text"),
    (
        "Protesters marched on Dec. 28 against the tax.",
        "marched",
        WED,
        D(2015, 12, 28),
        D(2015, 12, 28),
        "text",
    ),
    ("The summit will open on Oct. 3 in Brussels.", "open", WED, D(2016, 10, 3), D(2016, 10, 3), "text"),
    ("Police detained the activist on Sept. 4th.", "detained", None, None, None, "unknown"),
    # captions
    (
        "Chancellor Angela Merkel speaks at a security conference in Munich, Feb. 7, 2015.",
        "speaks",
        WED,
        D(2015, 2, 7),
        D(2015, 2, 7),
        "text",
    ),
    # month + year, month alone (past and planned)
    (
        "Fighting broke out in August 2014 near the border.",
        "broke",
        WED,
        D(2014, 8, 1),
        D(2014, 8, 31),
        "text",
    ),
    ("The army launched an offensive in March.", "launched", WED, D(2016, 3, 1), D(2016, 3, 31), "text"),
    ("The army launched an offensive in November.", "launched", WED, D(2015, 11, 1), D(2015, 11, 30), "text"),
    ("The army will launch an offensive in March.", "launch", WED, D(2017, 3, 1), D(2017, 3, 31), "text"),
    ("Parliament plans to vote in November.", "vote", WED, D(2016, 11, 1), D(2016, 11, 30), "text"),
    ("The army launched an offensive in March.", "launched", None, None, None, "unknown"),
    # bare years, ranges, decades
    ("The two countries cut diplomatic ties in 2008.", "cut", WED, D(2008, 1, 1), D(2008, 12, 31), "text"),
    ("The two countries cut diplomatic ties in 2008.", "cut", None, D(2008, 1, 1), D(2008, 12, 31), "text"),
    ("Voters went to the polls in the 2011 elections.", "went", WED, D(2011, 1, 1), D(2011, 12, 31), "text"),
    ("Rebels have controlled the valley since 2014.", "controlled", WED, D(2014, 1, 1), WED, "text"),
    (
        "Rebels have controlled the valley since 2014.",
        "controlled",
        None,
        D(2014, 1, 1),
        D(2014, 12, 31),
        "text",
    ),
    (
        "The group carried out attacks between 2009 and 2013.",
        "carried",
        WED,
        D(2009, 1, 1),
        D(2013, 12, 31),
        "text",
    ),
    (
        "Militias fought the government from 2009 to 2013.",
        "fought",
        WED,
        D(2009, 1, 1),
        D(2013, 12, 31),
        "text",
    ),
    (
        "The militia terrorized the province in the 1990s.",
        "terrorized",
        WED,
        D(1990, 1, 1),
        D(1999, 12, 31),
        "text",
    ),
    ("Rebels seized the mines in the mid-1990s.", "seized", WED, D(1994, 1, 1), D(1996, 12, 31), "text"),
    # seasons
    (
        "His visit to Moscow in the summer of 2000 angered Washington.",
        "visit",
        WED,
        D(2000, 6, 1),
        D(2000, 8, 31),
        "text",
    ),
    ("The two sides held talks last summer.", "held", WED, D(2016, 6, 1), D(2016, 8, 31), "text"),
    ("The two sides held talks last summer.", "held", D(2016, 7, 20), D(2015, 6, 1), D(2015, 8, 31), "text"),
    (
        "The government will hold elections this spring.",
        "hold",
        D(2016, 1, 10),
        D(2016, 3, 1),
        D(2016, 5, 31),
        "text",
    ),
    (
        "Rebels attacked the convoy in the fall.",
        "attacked",
        D(2016, 12, 5),
        D(2016, 9, 1),
        D(2016, 11, 30),
        "text",
    ),
    (
        "Rebels attacked the convoy in the winter of 2014.",
        "attacked",
        WED,
        D(2013, 12, 1),
        D(2014, 2, 28),
        "text",
    ),
    # weekdays: past, future, same weekday as publication
    (
        "Police arrested the opposition leader on Monday.",
        "arrested",
        WED,
        D(2016, 9, 5),
        D(2016, 9, 5),
        "text",
    ),
    ("Police arrested the opposition leader Monday.", "arrested", WED, D(2016, 9, 5), D(2016, 9, 5), "text"),
    ("Protesters clashed with police late Thursday.", "clashed", WED, D(2016, 9, 1), D(2016, 9, 1), "text"),
    ("The ministers will meet on Friday in Geneva.", "meet", WED, D(2016, 9, 9), D(2016, 9, 9), "text"),
    ("The ministers will meet on Monday in Geneva.", "meet", WED, D(2016, 9, 12), D(2016, 9, 12), "text"),
    ("The ministers met on Wednesday in Geneva.", "met", WED, WED, WED, "text"),
    ("The talks are scheduled for Thursday.", "talks", WED, D(2016, 9, 8), D(2016, 9, 8), "text"),
    ("Police arrested the opposition leader on Monday.", "arrested", None, None, None, "unknown"),
    # publication-relative words
    ("Gunmen attacked a checkpoint today.", "attacked", WED, WED, WED, "text"),
    ("Gunmen attacked a checkpoint yesterday.", "attacked", WED, D(2016, 9, 6), D(2016, 9, 6), "text"),
    ("The president will address the nation tomorrow.", "address", WED, D(2016, 9, 8), D(2016, 9, 8), "text"),
    ("The coalition will hold a rally tonight.", "rally", WED, WED, WED, "text"),
    ("The foreign ministers met last week in Paris.", "met", WED, D(2016, 8, 29), D(2016, 9, 4), "text"),
    ("Negotiators are meeting this week in Oslo.", "meeting", WED, D(2016, 9, 5), D(2016, 9, 11), "text"),
    ("The envoy will travel to Kabul next week.", "travel", WED, D(2016, 9, 12), D(2016, 9, 18), "text"),
    ("Rebels shot down a helicopter last month.", "shot", WED, D(2016, 8, 1), D(2016, 8, 31), "text"),
    ("The union will strike next month.", "strike", WED, D(2016, 10, 1), D(2016, 10, 31), "text"),
    ("The two countries restored ties last year.", "restored", WED, D(2015, 1, 1), D(2015, 12, 31), "text"),
    ("The country will hold a referendum next year.", "hold", WED, D(2017, 1, 1), D(2017, 12, 31), "text"),
    ("The two leaders met earlier this year in Geneva.", "met", WED, D(2016, 1, 1), WED, "text"),
    ("Gunmen attacked a checkpoint yesterday.", "attacked", None, None, None, "unknown"),
    # N units ago, "a week later"
    (
        "Soldiers opened fire on protesters three days ago.",
        "opened",
        WED,
        D(2016, 9, 4),
        D(2016, 9, 4),
        "text",
    ),
    ("The parties signed a ceasefire two months ago.", "signed", WED, D(2016, 7, 1), D(2016, 7, 31), "text"),
    (
        "Rebels seized the airport on Jan. 5, and a week later the army retook it.",
        "retook",
        WED,
        D(2016, 1, 12),
        D(2016, 1, 12),
        "text",
    ),
    ("A week later, the rebels seized the airport.", "seized", WED, None, None, "unknown"),
    # clause attachment: reporting verb vs reported event, nominal events
    (
        "Merkel said on Sunday that the leaders met last Friday.",
        "said",
        WED,
        D(2016, 9, 4),
        D(2016, 9, 4),
        "text",
    ),
    (
        "Merkel said on Sunday that the leaders met last Friday.",
        "met",
        WED,
        D(2016, 9, 2),
        D(2016, 9, 2),
        "text",
    ),
    ("The leaders met on Friday, officials said.", "said", WED, WED, WED, "publication"),
    ("The leaders met on Friday, officials said.", "met", WED, D(2016, 9, 2), D(2016, 9, 2), "text"),
    # a reported past act with no date of its own happened by the day it was reported, never after it
    (
        "Officials said on Monday that police had arrested the mayor.",
        "arrested",
        WED,
        D(2016, 9, 5),
        D(2016, 9, 5),
        "text",
    ),
    # a day owned by what is acted on dates that, not the act
    ("France condemned Friday's attack on Kabul.", "condemned", WED, WED, WED, "publication"),
    ("Protesters rejected the results of Sunday's election.", "rejected", WED, WED, WED, "publication"),
    # ... but a day of an occasion the act happened during dates it
    (
        "The account posted tweets supporting Johnson during Tuesday's debate.",
        "supporting",
        WED,
        D(2016, 9, 6),
        D(2016, 9, 6),
        "text",
    ),
    # a "where" clause is set at the time of the clause its place belongs to
    (
        "Modi flew to Washington on Monday, where he met the president.",
        "met",
        WED,
        D(2016, 9, 5),
        D(2016, 9, 5),
        "text",
    ),
    # ... a reported future act keeps no date of its own
    ("Officials said on Monday that police would arrest the mayor.", "arrest", WED, WED, WED, "publication"),
    (
        "His visit to Moscow in the summer of 2000 was criticized on Monday.",
        "criticized",
        WED,
        D(2016, 9, 5),
        D(2016, 9, 5),
        "text",
    ),
    (
        "His visit to Moscow in the summer of 2000 was criticized on Monday.",
        "visit",
        WED,
        D(2000, 6, 1),
        D(2000, 8, 31),
        "text",
    ),
    (
        "The president will travel to Berlin on Tuesday to meet Merkel.",
        "meet",
        WED,
        D(2016, 9, 13),
        D(2016, 9, 13),
        "text",
    ),
    ("Police held talks with protest leaders on Monday.", "talks", WED, D(2016, 9, 5), D(2016, 9, 5), "text"),
    (
        "Opposition leaders met in Paris on Monday and signed an accord.",
        "signed",
        WED,
        D(2016, 9, 5),
        D(2016, 9, 5),
        "text",
    ),
    (
        "Friday's attack killed 20 people near the border.",
        "killed",
        WED,
        D(2016, 9, 2),
        D(2016, 9, 2),
        "text",
    ),
    (
        "The bombing on Sept. 4 was condemned today by the UN.",
        "bombing",
        WED,
        D(2016, 9, 4),
        D(2016, 9, 4),
        "text",
    ),
    ("The bombing on Sept. 4 was condemned today by the UN.", "condemned", WED, WED, WED, "text"),
    ("The army said it would withdraw on Monday.", "withdraw", WED, D(2016, 9, 12), D(2016, 9, 12), "text"),
    ("Rebels overran the base over the weekend.", "overran", WED, D(2016, 9, 3), D(2016, 9, 4), "text"),
    ("The rival factions will meet later this month.", "meet", WED, WED, D(2016, 9, 30), "text"),
    ("The two sides signed a truce a year ago.", "signed", WED, D(2015, 1, 1), D(2015, 12, 31), "text"),
    (
        "Delegates met on Sept. 4 and the next day they signed a pact.",
        "signed",
        WED,
        D(2016, 9, 5),
        D(2016, 9, 5),
        "text",
    ),
    ("Inspectors visited the site Sept. 4-6.", "visited", WED, D(2016, 9, 4), D(2016, 9, 6), "text"),
    ("Rebels withdrew on Monday and Tuesday.", "withdrew", WED, D(2016, 9, 5), D(2016, 9, 6), "text"),
    # numbers that are not years; no clue at all
    ("The G20 leaders condemned the attack.", "condemned", WED, WED, WED, "publication"),
    ("Police dispersed 200 people outside the embassy.", "dispersed", WED, WED, WED, "publication"),
    ("The ministry sent 2,000 troops to the border.", "sent", WED, WED, WED, "publication"),
    ("Security forces killed 2000 protesters in the capital.", "killed", WED, WED, WED, "publication"),
    ("The ministry sent 2,000 troops to the border.", "sent", None, None, None, "unknown"),
    ("Fighting between the clans has continued for decades.", "continued", WED, WED, WED, "publication"),
    # A document's date dates what is said in it; a dated object of the verb does not date the verb.
    (
        "In a statement published Aug. 29, the two ministries accused Ankara of shelling.",
        "accused",
        WED,
        D(2016, 8, 29),
        D(2016, 8, 29),
        "text",
    ),  # fmt: skip
    (
        "In a letter dated March 3, the minister urged Cairo to reopen the crossing.",
        "urged",
        WED,
        D(2016, 3, 3),
        D(2016, 3, 3),
        "text",
    ),  # fmt: skip
    ("The minister urged Cairo to honour the accord signed in 2010.", "urged", WED, WED, WED, "publication"),
    # a day hung on the subject dates its verb; a possessor's phrase dates only what it possesses
    (
        "The opposition on Sunday rejected the results of last week's election.",
        "rejected",
        WED,
        D(2016, 9, 4),
        D(2016, 9, 4),
        "text",
    ),
    # a document's present participle is dated when the document is made
    (
        "On Monday the assembly adopted a resolution demanding a ceasefire.",
        "demanding",
        WED,
        D(2016, 9, 5),
        D(2016, 9, 5),
        "text",
    ),
    # "later on <weekday>", told on that weekday, is that day, not a week on
    ("The allies will stage an air drill later on Wednesday.", "stage", WED, WED, WED, "text"),
    # ... and so is a plain "on <weekday>" of plans (twentieth session: wires tell that day's plans so)
    ("The allies will stage a drill on Wednesday.", "stage", WED, WED, WED, "text"),
    ("The allies will stage a drill on Tuesday.", "stage", WED, D(2016, 9, 13), D(2016, 9, 13), "text"),
    # the day a copula "is due to" is told with is the day of what is due
    ("On Friday, the minister is due to meet the envoy.", "meet", WED, D(2016, 9, 9), D(2016, 9, 9), "text"),
    # a month of last year / this year
    ("India recalled its envoy in July last year.", "recalled", WED, D(2015, 7, 1), D(2015, 7, 31), "text"),
    ("Talks resumed in early March this year.", "resumed", WED, D(2016, 3, 1), D(2016, 3, 10), "text"),
    (
        "Police arrested Theresa May's aide as she spoke to May supporters.",
        "arrested",
        WED,
        WED,
        WED,
        "publication",
    ),
    # (sixteenth session) an opening phrase set off by a comma dates the main clause, though the parser hangs
    # it on the subordinate clause between them; a reported clause keeps it
    (
        "In February, after dozens of people were killed near a convoy, Bogota suspended arms purchases.",
        "suspended",
        WED,
        D(2016, 2, 1),
        D(2016, 2, 29),
        "text",
    ),
]


def _token(doc_sentence: object, word: str) -> Token:
    matches = [t for t in doc_sentence if t.text == word]  # type: ignore[attr-defined]
    assert matches, f"{word!r} not in sentence"
    return matches[0]


@pytest.mark.parametrize(("sentence", "word", "published", "start", "end", "basis"), CASES)
def test_resolve_date(
    nlp: Language, sentence: str, word: str, published: date | None, start: date, end: date, basis: str
) -> None:
    trigger = _token(nlp(sentence), word)
    assert resolve_date(trigger, published) == DateRange(start, end, basis)  # type: ignore[arg-type]


# (sentence, published, expected [(text, start, end, anchor word)] in text order)
EXPRESSIONS: list[tuple[str, date | None, list[tuple[str, date | None, date | None, str]]]] = [
    ("SEPT. 4, 2016 — Ministers met in Oslo.", WED, [("SEPT. 4, 2016", D(2016, 9, 4), D(2016, 9, 4), "met")]),
    (
        "Talks resumed on Monday, Sept. 5, and ran until mid-March.",
        WED,
        [
            ("Monday, Sept. 5", D(2016, 9, 5), D(2016, 9, 5), "resumed"),
            ("mid-March", D(2016, 3, 11), D(2016, 3, 20), "ran"),
        ],
    ),
    (
        "The vote was held Sunday, two weeks after the April 2 bombing.",
        WED,
        [
            ("Sunday", D(2016, 9, 4), D(2016, 9, 4), "held"),
            ("two weeks after", D(2016, 4, 16), D(2016, 4, 16), "held"),
            ("April 2", D(2016, 4, 2), D(2016, 4, 2), "bombing"),
        ],
    ),
    (
        "At the beginning of October, militias besieged the port.",
        WED,
        [
            ("the beginning of October", D(2015, 10, 1), D(2015, 10, 10), "besieged")
        ],  # past tense: last October,
    ),
    (
        "By the middle of March 2015 the envoys had left.",
        WED,
        [("the middle of March 2015", D(2015, 3, 11), D(2015, 3, 20), "left")],
    ),
    (
        "Troops withdrew at the end of 2012.",
        WED,
        [("end of 2012", D(2012, 9, 1), D(2012, 12, 31), "withdrew")],
    ),
    ("Gunmen struck the day before the election.", WED, [("the day before", None, None, "struck")]),
    ("Rebels fought in the 1990-91 war.", None, [("1990-91", D(1990, 1, 1), D(1991, 12, 31), "war")]),
    ("Clashes erupted in the '90s.", None, [("the '90s", D(1990, 1, 1), D(1999, 12, 31), "erupted")]),
    ("The treaty was signed on Feb. 30, 2015.", WED, []),
    # (twentieth session) a number of years after a date is a sentence, no range of days
    (
        "A court sentenced the bishop on Feb. 10 to 26 years in prison.",
        WED,
        [("Feb. 10", D(2016, 2, 10), D(2016, 2, 10), "sentenced")],
    ),
    (
        "Artillery pounded the town on Feb. 10 to 12.",
        WED,
        [("Feb. 10 to 12", D(2016, 2, 10), D(2016, 2, 12), "pounded")],
    ),
    ("The G20 summit drew 2,000 police and 200 protesters to 2015 Main Street.", WED, []),
    ("Leaders of the Arab Spring met the G7 in 1600 Pennsylvania Avenue.", WED, []),
    ("Theresa May spoke to May supporters.", WED, []),
    ("The army sent troops for years and for decades.", WED, []),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), EXPRESSIONS)
def test_find_time_expressions(
    nlp: Language, sentence: str, published: date | None, expected: list[tuple[str, date, date, str]]
) -> None:
    doc = nlp(sentence)
    found = [e for sent in doc.sents for e in find_time_expressions(sent, published)]
    assert [(e.text, e.start, e.end, doc[e.anchor].text) for e in found] == expected
    for expr in found:
        assert doc.text[expr.start_char : expr.end_char] == expr.text


def test_offsets_are_doc_relative_and_cached(nlp: Language) -> None:
    doc = nlp("Police arrested six men. The court freed them on Friday.")
    second = list(doc.sents)[1]
    [expr] = find_time_expressions(second, WED)
    assert (expr.start_char, expr.end_char) == (doc.text.index("Friday"), doc.text.index("Friday") + 6)
    assert doc[expr.anchor].text == "freed"
    assert find_time_expressions(second, WED) == [expr]  # served from the Doc's cache
    assert find_time_expressions(list(doc.sents)[0], WED) == []
    assert resolve_date(doc[1], WED) == DateRange(WED, WED, "publication")  # other sentence's date ignored


def test_time_expr_and_lexicon_pickle(nlp: Language) -> None:
    doc = nlp("The envoy arrived on 4 September 2014.")
    [expr] = find_time_expressions(next(iter(doc.sents)), None)
    assert pickle.loads(pickle.dumps(expr)) == expr
    assert isinstance(expr, TimeExpr)
    lexicon = pickle.loads(pickle.dumps(default_lexicon()))
    assert lexicon.months["sept"] == 9
    assert lexicon.patterns["iso"].search("on 2014-09-04") is not None


def test_user_files_extend_lexicon(nlp: Language, tmp_path: Path) -> None:
    words = tmp_path / "words.tsv"
    words.write_text(
        "kind\tword\tvalue\n# Spanish month for bilingual wires\nmonth\tenero\t1\n", encoding="utf-8"
    )
    relative = tmp_path / "relative.tsv"
    relative.write_text("phrase\tunit\tstart\tend\nthe other day\tday\t-3\t-1\n", encoding="utf-8")
    lexicon = TimeLexicon.load([words], [relative])
    assert TimeLexicon.load() is default_lexicon()
    doc = nlp("Rebels attacked the base on 5 Enero 2015, and the army struck back the other day.")
    sent = next(iter(doc.sents))
    texts = [(e.text, e.start, e.end) for e in find_time_expressions(sent, WED, lexicon=lexicon)]
    assert texts == [
        ("5 Enero 2015", D(2015, 1, 5), D(2015, 1, 5)),
        ("the other day", D(2016, 9, 4), D(2016, 9, 6)),
    ]
    # the packaged lexicon knows neither the month nor the phrase, only the year
    assert [e.text for e in find_time_expressions(sent, WED)] == ["2015"]


@pytest.mark.parametrize(
    ("name", "content", "line", "message"),
    [
        ("words.tsv", "kind\tword\tvalue\nmonth\tjanuar\t1\nmonth\tfoo\t13\n", 3, "out of range"),
        ("words.tsv", "kind\tword\tvalue\nmonat\tjanuar\t1\n", 2, "unknown kind"),
        ("words.tsv", "kind\tword\tvalue\n\nweekday\tmontag\tx\n", 3, "integer"),
        ("words.tsv", "kind\tword\tvalue\nseason\tmonsoon\t7\n", 2, "out of range"),
        ("relative.tsv", "phrase\tunit\tstart\tend\nfortnight\tfortnight\t-1\t-1\n", 2, "unknown unit"),
        (
            "relative.tsv",
            "phrase\tunit\tstart\tend\tclip\nlately\tday\t0\t-3\t\n",
            2,
            "start offset after end",
        ),
        ("relative.tsv", "phrase\tunit\tstart\tend\tclip\nlately\tday\t-3\t0\tsoon\n", 2, "clip"),
    ],
)
def test_bad_data_files(tmp_path: Path, name: str, content: str, line: int, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        if name == "words.tsv":
            TimeLexicon.load(words=[path])
        else:
            TimeLexicon.load(relative=[path])
    assert error.value.line == line
    assert message in error.value.message


@pytest.mark.parametrize(
    ("text", "trigger", "start"),
    [
        # a past deed with no time of its own, after a sentence of background in the same paragraph
        ("In 2014, Russian troops seized Crimea. The European Union imposed sanctions on Russia.",
         "imposed sanctions", "2014-01-01"),
        ("In April 2008, NATO promised Georgia membership. Russia condemned NATO.", "condemned",
         "2008-04-01"),
        # ... not a report of today, nor a deed in another tense, nor one told by someone
        ("In 2014, Russian troops seized Crimea. Kyiv said Moscow must be punished.", "said", "2024-06-15"),
        ("In 2014, Russian troops seized Crimea. The European Union has imposed sanctions on Russia.",
         "imposed sanctions", "2024-06-15"),
        ("In 2014, Russian troops seized Crimea. Kyiv said Russian troops shelled Mariupol.", "shelled",
         "2024-06-15"),
        # ... and a report dated near publication ends the background
        ("In 2014, Russian troops seized Crimea. On Monday Kyiv said Moscow must pay. The European Union "
         "imposed sanctions on Russia.", "imposed sanctions", "2024-06-15"),
        # ... while a deed of recent days sets the time of the next ones
        ("In 2014, Russian troops seized Crimea. On Monday NATO met in Brussels. The European Union imposed "
         "sanctions on Russia.", "imposed sanctions", "2024-06-10"),
        ("Fighting erupted on Monday near the border. Indian troops then shelled Pakistani positions.",
         "shelled", "2024-06-10"),
        # a clue counted from another date with none in its sentence counts from the latest dated sentence
        ("Kenya closed its border with Somalia on May 3. Somalia condemned the move the following day.",
         "condemned", "2024-05-04"),
        ("Kenya closed its border with Somalia on May 3.\n\nSomalia condemned the closure the next day.",
         "condemned", "2024-05-04"),
        # "the following month" is the calendar month after the earlier day's, not the day a month on
        ("Kenya closed its border with Somalia on May 3. Somalia recalled its ambassador from Nairobi the "
         "following month.",
         "recalled its ambassador", "2024-06-01"),
        # (twenty-ninth session) ... but days are not counted from a date as long as a year or a month (the
        # act stays in the background's year, not in one shifted by two days)
        ("Kenya closed its border with Somalia in 2023. Two days later, Somalia recalled its ambassador from "
         "Nairobi.",
         "recalled its ambassador", "2023-01-01"),
        ("Kenya closed its border with Somalia in 2022. The following year, Somalia recalled its ambassador "
         "from Nairobi.",
         "recalled its ambassador", "2023-01-01"),
        # (thirtieth session) "that year" is the year an earlier date named, in its sentence or before it
        ("Egypt's army removed Mohamed Morsi in July 2013, and Cairo expelled the Turkish ambassador in "
         "November of that year.", "expelled the Turkish ambassador", "2013-11-01"),
        ("Kenya closed its border with Somalia in March 2019. Later that year, Somalia recalled its "
         "ambassador from Nairobi.", "recalled its ambassador", "2019-04-01"),
        ("Kenya closed its border with Somalia in 2019. In June that year, Somalia recalled its ambassador "
         "from Nairobi.", "recalled its ambassador", "2019-06-01"),
        # "X on Tuesday, a day after Y": Y the day before
        ("The prime minister resigned on Tuesday, a day after police opened fire on protesters.",
         "opened fire", "2024-06-10"),
        # ... and so does a sentence told in the present (the story is back to today)
        ("In 2014, Russian troops seized Crimea. Russia denies any wrongdoing. The European Union imposed "
         "sanctions on Russia.", "imposed sanctions", "2024-06-15"),
        # a new paragraph starts afresh
        ("In 2014, Russian troops seized Crimea.\n\nThe European Union imposed sanctions on Russia.",
         "imposed sanctions", "2024-06-15"),
    ],
)  # fmt: skip
def test_background_keeps_its_date(text: str, trigger: str, start: str) -> None:
    events = whimbrel.code(text, published="2024-06-15", fmt="text")
    dates = {e.trigger: e.date.start and e.date.start.isoformat() for e in events}
    assert dates.get(trigger) == start, dates
