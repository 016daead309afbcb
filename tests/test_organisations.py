"""Organisations of organisations.tsv named in news about politics and conflict (twelfth session): parties,
armed groups, national bodies, state media, international bodies and NGOs.  Table-driven, on the team's own
sentences parsed by the real spaCy model; the helpers and the resolver fixture are test_actors'."""

from __future__ import annotations

from datetime import date

import pytest
import test_actors
from spacy.language import Language
from test_actors import _parse, _token

import whimbrel
from whimbrel.actors import ActorResolver

WHEN = date(2025, 6, 2)
PUB = "2025-06-02"
resolver = test_actors.resolver  # test_actors' module-scoped fixture, asked for by name

# (sentence, head word, [(name, country, sector)] the head resolves to)
NAMED = [
    # (thirtieth session) armed groups, juntas, parties and bodies the dictionary gained
    ("FACT fighters attacked an army post in Kanem.", "FACT",
     [("Front for Change and Concord in Chad", "TCD", "REB")]),
    ("Seleka rebels seized Bangui.", "Seleka", [("Seleka", "CAF", "REB")]),
    ("The China Coast Guard fired water cannon at a Philippine boat.", "Guard",
     [("China Coast Guard", "CHN", "COP")]),
    # (thirteenth session) names the probe articles used
    ("Yemen's Houthi movement fired a ballistic missile at Israel.", "movement", [("Houthis", "YEM", "REB")]),
    ("The Democratic Center accused the government of negligence.", "Center",
     [("Democratic Center", "COL", "PTY")]),
    ("The Citizen Revolution movement accused Noboa of betraying the constitution.", "movement",
     [("Citizen Revolution", "ECU", "PTY")]),
    ("The Christian Association of Nigeria urged Washington to hold back.", "Association",
     [("Christian Association of Nigeria", "NGA", "NGO")]),
    # political parties
    ("Protesters set fire to offices of the Awami League in Dhaka.", "League",
     [("Awami League", "BGD", "PTY")]),
    ("The BNP called a general strike across Bangladesh.", "BNP",
     [("Bangladesh Nationalist Party", "BGD", "PTY")]),
    ("The PML-N accused the army of rigging the vote.", "N",
     [("Pakistan Muslim League-Nawaz", "PAK", "PTY")]),
    ("The CCC boycotted the opening of parliament in Harare.", "CCC",
     [("Citizens Coalition for Change", "ZWE", "PTY")]),
    # "Congress" alone is the US Congress; a longer name wins
    ("Nigeria's ruling All Progressives Congress nominated a new chairman.", "Congress",
     [("All Progressives Congress", "NGA", "PTY")]),
    ("The Nepali Congress quit the coalition government.", "Congress", [("Nepali Congress", "NPL", "PTY")]),
    ("The PDP accused the electoral commission of fraud.", "PDP",
     [("Peoples Democratic Party", "NGA", "PTY")]),
    ("Morena lawmakers approved the judicial reform.", "lawmakers", [("Morena", "MEX", "PTY")]),
    ("Fidesz lost the election in Hungary.", "Fidesz", [("Fidesz", "HUN", "PTY")]),
    ("PiS accused the government of breaking the constitution.", "PiS", [("Law and Justice", "POL", "PTY")]),
    # a longer name wins over the nationality adjective it begins with
    ("Georgian Dream suspended talks on joining the European Union.", "Dream",
     [("Georgian Dream", "GEO", "PTY")]),
    ("The CHP organised mass rallies in Istanbul.", "CHP", [("Republican People's Party", "TUR", "PTY")]),
    ("The AfD won the most votes in Thuringia.", "AfD", [("Alternative for Germany", "DEU", "PTY")]),
    ("The CDU and the SPD agreed to form a coalition.", "SPD",
     [("Christian Democratic Union", "DEU", "PTY"), ("Social Democratic Party of Germany", "DEU", "PTY")]),
    ("Marine Le Pen's National Rally topped the polls.", "Rally", [("National Rally", "FRA", "PTY")]),
    ("Pheu Thai nominated a new candidate for prime minister.", "Thai", [("Pheu Thai", "THA", "PTY")]),
    ("The KMT criticised the president's defence budget.", "KMT", [("Kuomintang", "TWN", "PTY")]),
    ("Japan's LDP elected a new leader on Saturday.", "LDP", [("Liberal Democratic Party", "JPN", "PTY")]),
    ("The Democratic Alliance threatened to quit the coalition.", "Alliance",
     [("Democratic Alliance", "ZAF", "PTY")]),
    ("The ODM accused police of killing protesters.", "ODM", [("Orange Democratic Movement", "KEN", "PTY")]),
    ("Frelimo has ruled Mozambique since independence.", "Frelimo", [("Frelimo", "MOZ", "PTY")]),
    ("Sinn Fein called for a referendum on unification.", "Fein", [("Sinn Fein", "IRL", "PTY")]),
    ("Shas threatened to leave the coalition.", "Shas", [("Shas", "ISR", "PTY")]),
    ("Reform UK won the by-election.", "UK", [("Reform UK", "GBR", "PTY")]),
    ("The Coordination Framework nominated a candidate for prime minister.", "Framework",
     [("Coordination Framework", "IRQ", "PTY")]),
    # armed groups, militias, gangs
    ("The Arakan Army captured the town of Paletwa.", "Army", [("Arakan Army", "MMR", "REB")]),
    ("The TNLA agreed to a ceasefire brokered by China.", "TNLA",
     [("Ta'ang National Liberation Army", "MMR", "REB")]),
    ("The TPLF signed a peace deal with the government.", "TPLF",
     [("Tigray People's Liberation Front", "ETH", "REB")]),
    ("Fano militiamen ambushed a convoy in the Amhara region.", "militiamen", [("Fano", "ETH", "REB")]),
    ("The Oromo Liberation Army denied killing the civilians.", "Army",
     [("Oromo Liberation Army", "ETH", "REB")]),
    ("ADF rebels killed 40 villagers in North Kivu.", "rebels", [("Allied Democratic Forces", "COD", "TER")]),
    ("The SPLM-IO accused government forces of attacking its bases.", "IO", [("SPLM-IO", "SSD", "REB")]),
    ("Kataib Hezbollah launched drones at a U.S. base.", "Hezbollah", [("Kataib Hezbollah", "IRQ", "INS")]),
    ("Ansarallah fired missiles at Israel.", "Ansarallah", [("Houthis", "YEM", "REB")]),
    ("The BLA claimed the attack on the train.", "BLA", [("Balochistan Liberation Army", "PAK", "SEP")]),
    ("Jaish al-Adl claimed the attack on the border post.", "Adl", [("Jaish al-Adl", "IRN", "INS")]),
    ("The NPA ambushed soldiers in Samar.", "NPA", [("New People's Army", "PHL", "REB")]),
    ("Gunmen from the Sinaloa cartel attacked a police station.", "cartel",
     [("Sinaloa Cartel", "MEX", "INS")]),
    ("The CJNG attacked soldiers in Michoacan.", "CJNG", [("Jalisco New Generation Cartel", "MEX", "INS")]),
    ("Tren de Aragua recruited migrants in Chile.", "Aragua", [("Tren de Aragua", "VEN", "INS")]),
    ("The Polisario Front rejected the autonomy plan.", "Front", [("Polisario Front", "MAR", "SEP")]),
    # national bodies named by their own name
    ("The Tatmadaw bombed a monastery in Sagaing.", "Tatmadaw", [("Tatmadaw", "MMR", "MIL")]),
    ("The Rapid Support Forces and the Sudanese Armed Forces clashed in Omdurman.", "Forces",
     [("Rapid Support Forces", "SDN", "REB"), ("Sudanese Armed Forces", "SDN", "MIL")]),
    ("The Kenya Defence Forces killed 30 militants near the border.", "Forces",
     [("Kenya Defence Forces", "KEN", "MIL")]),
    ("The Basij attacked protesters in Tehran.", "Basij", [("Basij", "IRN", "MIL")]),
    ("The SBU arrested a Russian agent in Kyiv.", "SBU", [("Security Service of Ukraine", "UKR", "GOV")]),
    ("MI5 warned of a rising threat from Iran.", "MI5", [("MI5", "GBR", "GOV")]),
    ("The Sejm passed the bill on Friday.", "Sejm", [("Sejm", "POL", "LEG")]),
    ("The Lok Sabha adjourned amid protests.", "Sabha", [("Lok Sabha", "IND", "LEG")]),
    ("The Federation Council approved the treaty.", "Council", [("Federation Council", "RUS", "LEG")]),
    ("The Guardian Council disqualified dozens of candidates.", "Council",
     [("Guardian Council", "IRN", "GOV")]),
    ("The Supreme Federal Court convicted the former president.", "Court",
     [("Supreme Federal Court", "BRA", "JUD")]),
    # international bodies
    ("Interpol issued a red notice for the former minister.", "Interpol", [("Interpol", None, "IGO")]),
    ("MONUSCO peacekeepers evacuated civilians from Goma.", "peacekeepers", [("MONUSCO", None, "IGO")]),
    ("OPEC+ agreed to raise output in August.", "OPEC+", [("OPEC+", None, "IGO")]),
    ("The Council of Europe suspended Russia.", "Council", [("Council of Europe", None, "IGO")]),
    ("The ECHR ruled against Russia.", "ECHR", [("European Court of Human Rights", None, "JUD")]),
    ("The IOM said 300 migrants were missing.", "IOM",
     [("International Organization for Migration", None, "IGO")]),
    ("The FATF kept Pakistan on its grey list.", "FATF", [("Financial Action Task Force", None, "IGO")]),
    ("OCHA said aid convoys were blocked at the crossing.", "OCHA", [("OCHA", None, "IGO")]),
    ("The Asian Development Bank approved a loan to Pakistan.", "Bank",
     [("Asian Development Bank", None, "IGO")]),
    # NGOs; a monitor of one country's war takes that country
    ("The Syrian Observatory said 20 fighters were killed.", "Observatory",
     [("Syrian Observatory for Human Rights", "SYR", "NGO")]),
    ("The Norwegian Refugee Council suspended its operations in Gaza.", "Council",
     [("Norwegian Refugee Council", None, "NGO")]),
    ("Crisis Group warned of renewed fighting.", "Group", [("International Crisis Group", None, "NGO")]),
    ("The CPJ said at least 100 journalists were killed.", "CPJ",
     [("Committee to Protect Journalists", None, "NGO")]),
    # names written with "'s" and names that go on with "of": the whole name as written
    ("The People's Liberation Army held drills near Taiwan.", "Army",
     [("People's Liberation Army", "CHN", "MIL")]),
    ("China's National People's Congress passed the law.", "Congress",
     [("National People's Congress", "CHN", "LEG")]),
    ("The Democratic Party of Korea criticised the president.", "Party",
     [("Democratic Party of Korea", "KOR", "PTY")]),
    ("The European Court of Human Rights ruled against Russia.", "Court",
     [("European Court of Human Rights", None, "JUD")]),
    # the bank is no Bangladeshi party
    ("BNP Paribas cut its profit forecast.", "Paribas", [("BNP Paribas", "FRA", "BUS")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "head", "expected"), NAMED, ids=[row[0][:50] for row in NAMED])
def test_a_named_organisation_is_its_row(
    nlp: Language, resolver: ActorResolver, text: str, head: str, expected: list[tuple[str, str | None, str]]
) -> None:
    doc, article = _parse(nlp, resolver, text, WHEN)
    actors = article.resolve(_token(doc, head), WHEN)
    assert [(a.name, a.country, a.sector) for a in actors] == expected


# (sentence, an organisation none of its words may name): common words beside a new alias, aliases left
# out as ambiguous ("APC", "PDF"), and names that only match as written in capitals
NOT_NAMED = [
    ("Ice covered the roads in Minnesota.", "Immigration and Customs Enforcement"),
    ("Soldiers cleared the ice from the runway.", "Immigration and Customs Enforcement"),
    ("Raw sewage flowed into the river.", "Research and Analysis Wing"),
    ("The civil contract was signed by both companies.", "Civil Contract"),
    ("The country has been a new democracy since 1990.", "New Democracy"),
    ("Ukrainian self-defence forces patrolled the village.", "Japan Self-Defense Forces"),
    ("Memorial services were held for the victims.", "Memorial Human Rights Centre"),
    ("Vox reported that the senator had resigned.", "Vox party"),
    ("The Tisza river flooded villages in Hungary.", "Tisza Party"),
    ("Anadolu Efes beat Real Madrid in Istanbul.", "Anadolu Agency"),
    ("An APC was hit by an anti-tank missile.", "All Progressives Congress"),
    ("Police found a PDF of the plan on his laptop.", "People's Defence Force"),
    ("The national rally in the capital drew thousands of protesters.", "National Rally"),
    ("Lawmakers debated the law and justice budget.", "Law and Justice"),
    ("The spa reopened after the floods.", "Saudi Press Agency"),
    ("The secret service of the kingdom arrested the blogger.", "Secret Service"),
    ("The army said the ADF rebels killed 40 villagers.", "Australian Defence Force"),
]


@pytest.mark.parametrize(("text", "organisation"), NOT_NAMED, ids=[row[0][:50] for row in NOT_NAMED])
def test_a_common_word_is_no_organisation(
    nlp: Language, resolver: ActorResolver, text: str, organisation: str
) -> None:
    doc, article = _parse(nlp, resolver, text, WHEN)
    names = {actor.name for token in doc for actor in article.resolve(token, WHEN)}
    assert organisation not in names


# (sentence, source, PLOVER type, target): each party by name, country or sector (test_coder's labels)
CODED = [
    ("Protesters set fire to offices of the Awami League in Dhaka.", ("BGD", "PROTEST", "Awami League")),
    ("Police arrested dozens of BNP activists in Dhaka on Monday.",
     ("COP", "COERCE", "Bangladesh Nationalist Party")),
    ("Turkish police detained CHP officials in Istanbul.", ("TUR", "COERCE", "Republican People's Party")),
    ("Israeli troops fired on UNIFIL positions in southern Lebanon.", ("ISR", "ASSAULT", "UNIFIL")),
    ("The Tatmadaw bombed Arakan Army positions in Rakhine State.", ("Tatmadaw", "ASSAULT", "Arakan Army")),
    ("The Sudanese Armed Forces shelled Rapid Support Forces positions in Omdurman.",
     ("Sudanese Armed Forces", "ASSAULT", "Rapid Support Forces")),
    ("Mexican soldiers arrested a Sinaloa cartel leader.", ("MEX", "COERCE", "Sinaloa Cartel")),
    ("The Polisario Front accused Morocco of violating the ceasefire.", ("Polisario Front", "ACCUSE", "MAR")),
    ("The BLA attacked a train in Balochistan.", ("Balochistan Liberation Army", "ASSAULT", "PAK")),
]  # fmt: skip


def _labels(actor: object) -> set[str]:
    return {x for x in (actor.name, actor.country, actor.sector) if x} if actor else set()  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "expected"), CODED, ids=[row[0][:50] for row in CODED])
def test_an_organisation_is_a_party_of_the_coded_event(text: str, expected: tuple[str, str, str]) -> None:
    source, plover, target = expected
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(_labels(e.source), e.code.plover, _labels(e.target)) for e in events]
    assert any(source in s and p == plover and target in t for s, p, t in got), got


def test_no_written_form_of_an_organisation_names_anything_else(resolver: ActorResolver) -> None:
    # an alias shared with a person, a country or another organisation would silently lose to one of them
    keys = (*resolver.table.lexicon.items(), *resolver.table.exact.items())
    shared = [key for key, found in keys if len(found) > 1 and any(kind == "org" for kind, _ in found)]
    assert shared == []


# A monitor or agency that reports an act is no party to it: never the act's fall-back target.  (State news
# agencies are left out of organisations.tsv for now: parsed as a second subject of the reporting verb, "the
# news agency Xinhua reported" made the agency the target of the act it reported.)
REPORTED = [
    "Troops shelled the village overnight, the Syrian Observatory for Human Rights said.",
    "Gunmen attacked a checkpoint near the border on Monday, the war monitor SOHR said.",
    "Troops shelled the village overnight, the UN humanitarian office OCHA said.",
    "Gunmen attacked a checkpoint near the border on Monday, the press freedom group CPJ said.",
]


@pytest.mark.parametrize("text", REPORTED)
def test_who_reports_an_act_is_no_party_to_it(text: str) -> None:
    reporter = text.rindex(",")
    for event in whimbrel.code(text, published=PUB, fmt="text"):
        assert event.target is None or event.target.span is None or event.target.span[0] < reporter
