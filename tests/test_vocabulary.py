"""Trigger vocabulary and event forms added after the CAMEO coverage sweeps (tenth and eleventh sessions;
docs/patterns.md).

Table-driven, with the team's own sentences: each row names the source country, the PLOVER type, the CAMEO
code (or a 2-digit root) and the target country (or an organisation's name) of one event the sentence must
yield.  Every row gave no such event before its pattern rows were added.
"""

from __future__ import annotations

import pytest

import whimbrel
from whimbrel.config import Config
from whimbrel.records import Event

PUB = "2024-05-10"

# (text, (source country, plover, CAMEO code or root, target country or name))
CASES = [
    # --- (twelfth session) a subject the parser left behind an aside, bodies of an organisation, new verbs
    (
        "The raid came a week after Greek police, acting on a Turkish request, detained two Kurdish men.",
        ("GRC", "COERCE", "173", None),
    ),
    (
        "Talks resumed days after Israel, citing security concerns, expelled two Turkish diplomats.",
        ("ISR", "SANCTION", "161", "TUR"),
    ),
    (
        "An IMF team met Sri Lankan President Anura Kumara Dissanayake in Colombo.",
        ("International Monetary Fund", "CONSULT", "040", "LKA"),
    ),
    ("The World Bank's board approved a $500 million loan for Kenya.", ("World Bank", "AID", "071", "KEN")),
    ("Saudi Arabia rolled over a $3 billion deposit to Pakistan.", ("SAU", "AID", "071", "PAK")),
    ("Niger kicked out the French ambassador in 2023.", ("NER", "SANCTION", "161", "FRA")),
    ("Ecuador's president threw out the Mexican ambassador.", ("ECU", "SANCTION", "161", "MEX")),
    (
        "Rwandan troops repelled an attack by Burundian soldiers near the border.",
        ("RWA", "ASSAULT", "190", "BDI"),
    ),
    ("Indian forces repulsed an incursion by Pakistani troops in Kashmir.", ("IND", "ASSAULT", "190", "PAK")),
    (
        "Erdogan said there would be consequences for Greece if it armed the islands.",
        ("TUR", "THREATEN", "130", "GRC"),
    ),
    # airspace, jets, parties, visas, expulsions of officials, treaty articles invoked
    ("Two Russian bombers entered Finnish airspace on Sunday.", ("RUS", "MOBILIZE", "150", "FIN")),
    ("Turkish jets violated Greek airspace over the Aegean.", ("TUR", "MOBILIZE", "150", "GRC")),
    ("A Belarusian drone crossed into Lithuanian territory overnight.", ("BLR", "MOBILIZE", "150", "LTU")),
    ("Romania scrambled two F-16 jets against the Russian drones.", ("ROU", "MOBILIZE", "150", "RUS")),
    (
        "Thailand's military government dissolved the Thai Raksa Chart party.",
        ("THA", "COERCE", "1722", "THA"),
    ),
    ("Washington revoked the visas of Ugandan officials.", ("USA", "SANCTION", "163", "UGA")),
    ("Berlin condemned Moscow's expulsion of a German journalist.", ("RUS", "COERCE", "174", "DEU")),
    (
        "Lithuania invoked Article 4 of the NATO treaty.",
        ("LTU", "REQUEST", "020", "North Atlantic Treaty Organization"),
    ),
    # exercises begun, visa-free travel suspended, retaliation, ceasefires secured between parties,
    # terrorist designations, suspects sent, support thrown behind someone
    ("North Korea began artillery drills near South Korea.", ("PRK", "MOBILIZE", "150", "KOR")),
    (
        "Brussels suspended visa-free travel for Serbian officials.",
        ("European Union", "SANCTION", "163", "SRB"),
    ),
    ("Pakistan retaliated with air strikes on Afghanistan.", ("PAK", "ASSAULT", "190", "AFG")),
    ("Qatar secured a truce between Congo and the M23.", ("QAT", "CONSULT", "045", "COD")),
    ("Canada designated the Bishnoi gang as a terrorist entity.", ("CAN", "COERCE", "172", None)),
    ("Colombia sent 12 suspects to Ecuador.", ("COL", "COOPERATE", "063", "ECU")),
    ("Minsk threw its support behind Moscow.", ("BLR", "SUPPORT", "051", "RUS")),
    # sanctions adopted, slapped, unveiled; packages and rafts of them
    ("The EU adopted new sanctions against Belarus.", ("European Union", "SANCTION", "163", "BLR")),
    ("Washington slapped sanctions on Cuban officials.", ("USA", "SANCTION", "163", "CUB")),
    ("Britain unveiled a package of sanctions against Iran.", ("GBR", "SANCTION", "163", "IRN")),
    # dismissing someone as something calls them names; dismissing a claim as something rebuts it
    ("Minsk dismissed the protesters as agents of Poland.", ("BLR", "ACCUSE", "111", "BLR")),
    # objecting to an act disapproves of it; objecting to a proposal or a bid rejects it
    ("Nepal objected to India's new map.", ("NPL", "ACCUSE", "110", "IND")),
    ("Hungary objected to Ukraine's membership bid.", ("HUN", "REJECT", "120", "UKR")),
    # saying someone committed crimes, atrocities or genocide accuses them
    ("The UN said Sudan's army had committed war crimes.", ("United Nations", "ACCUSE", "111", "SDN")),
    ("Washington said the RSF had committed genocide.", ("USA", "ACCUSE", "111", "SDN")),
    # protests called off, defence and forgiveness, open markets, broken ceasefires
    (
        "Opposition supporters in Tbilisi called off their rallies against the Georgian government.",
        ("GEO", "CONCEDE", "082", "GEO"),
    ),
    ("Malaysia spoke out in defence of Bangladesh at the summit.", ("MYS", "SUPPORT", "052", "BGD")),
    ("Qatar stood up for Iran at the Gulf summit.", ("QAT", "SUPPORT", "052", "IRN")),
    ("Poland accepted Germany's apology.", ("POL", "SUPPORT", "056", "DEU")),
    ("Japan opened its market to Australian beef.", ("JPN", "COOPERATE", "061", "AUS")),
    ("Azerbaijan broke the ceasefire with Armenia.", ("AZE", "ASSAULT", "196", "ARM")),
    # "criticised what he called X's coercion": who did it is inside the named thing
    ("The Lithuanian minister criticised what he called China's blackmail.", ("LTU", "ACCUSE", "111", "CHN")),
    # an event noun in a conjunction keeps the light verb of the first; funds frozen for someone
    ("Germany expressed deep regret and an apology to Namibia.", ("DEU", "SUPPORT", "055", "NAM")),
    ("Washington froze the funds for Afghanistan.", ("USA", "SANCTION", "163", "AFG")),
    # chanting slogans against someone is a demonstration
    ("Students in Dhaka chanted slogans against the Indian government.", ("BGD", "PROTEST", "140", "IND")),
    # readiness to harm is a threat, readiness to cooperate an intent
    ("Paris said it was ready to impose sanctions on Mali.", ("FRA", "THREATEN", "130", "MLI")),
    ("Seoul said it was prepared to strike North Korea.", ("KOR", "THREATEN", "130", "PRK")),
    # media suspended, taken off the air, websites blocked
    ("Niger's junta suspended French radio stations.", ("NER", "COERCE", "172", "FRA")),
    ("Russia took the German broadcaster Deutsche Welle off the air.", ("RUS", "COERCE", "172", "DEU")),
    # citizenship revoked, shipments paused, strikes in response, protesters crushed; "Democratic Republic of
    # Congo" without "the"
    ("A court in Managua revoked the citizenship of 30 opponents.", ("NIC", "COERCE", "172", "NIC")),
    ("Britain paused a shipment of arms to Israel.", ("GBR", "SANCTION", "162", "ISR")),
    ("The Nigerian army responded with airstrikes on Boko Haram camps.", ("NGA", "ASSAULT", "190", None)),
    ("Iranian police crushed the protesters in Tehran.", ("IRN", "ASSAULT", "175", "IRN")),
    ("Democratic Republic of Congo expelled a Rwandan diplomat.", ("COD", "SANCTION", "161", "RWA")),
    # exercises, drills, launches and tests referred back to: their doer
    (
        "Japan and Australia held joint drills on Monday. Beijing denounced the exercise.",
        ("CHN", "ACCUSE", "111", "JPN"),
    ),
    # quoted evaluations the parser hangs oddly: a postnominal adjective, the object under the predicate,
    # "it" for the act told before
    ('Turkey called Greece\'s decision "unacceptable".', ("TUR", "ACCUSE", "111", "GRC")),
    (
        'Kenya closed its border with Somalia on Monday. Mogadishu called the closure "a hostile act".',
        ("SOM", "ACCUSE", "111", "KEN"),
    ),
    (
        'Chad expelled the French ambassador on Monday. Paris called it "unacceptable".',
        ("FRA", "ACCUSE", "111", "TCD"),
    ),
    # --- (eleventh session) an act noun inside another event: its doer, its that-clause, its parties
    ("Paris welcomed Iran's release of two French nationals.", ("FRA", "SUPPORT", "051", "IRN")),
    ("Paris welcomed Iran's release of two French nationals.", ("IRN", "CONCEDE", "0841", "FRA")),
    ("Iran's release of two French nationals was welcomed by Paris.", ("IRN", "CONCEDE", "08", "FRA")),
    ("Tehran rejected Washington's accusation that Iran armed the Houthis.", ("USA", "ACCUSE", "11", "IRN")),
    (
        "The United States repeated its demand that Israel allow aid into Gaza.",
        ("USA", "REQUEST", "10", "ISR"),
    ),
    (
        "A trade deal between India and the United States was signed in New Delhi.",
        ("IND", "AGREE", "057", "USA"),
    ),
    (
        "A prisoner exchange between Russia and Ukraine was carried out on Friday.",
        ("RUS", "CONCEDE", "0841", "UKR"),
    ),
    ("Armenia and Azerbaijan initialled a peace agreement in Washington.", ("ARM", "AGREE", "057", "AZE")),
    ("India suspended the water treaty with Pakistan.", ("IND", "SANCTION", "160", "PAK")),
    ("The army opened a humanitarian corridor for civilians in Sudan.", ("SDN", "CONCEDE", "0863", "SDN")),
    ("Washington postponed tariffs on Mexico for a month.", ("USA", "CONCEDE", "085", "MEX")),
    ("Chinese ships blocked Philippine boats near the shoal.", ("CHN", "COERCE", "191", "PHL")),
    ("EU ministers agreed on fresh sanctions against Belarus.", (None, "SANCTION", "163", "BLR")),
    ("Niger's junta ordered the departure of the French ambassador.", ("NER", "SANCTION", "166", "FRA")),
    ("Kenya cut its embassy in Kampala to two diplomats.", ("KEN", "SANCTION", "161", "UGA")),
    ("Nigeria's supreme court suspended the governor of Rivers state.", ("NGA", "COERCE", "172", "NGA")),
    ("The Greek coast guard intercepted a boat of Turkish fishermen.", ("GRC", "COERCE", "191", "TUR")),
    ("Trump ordered steep tariffs on Brazilian steel.", ("USA", "SANCTION", "163", "BRA")),
    ("Eritrea moved three brigades toward the border with Ethiopia.", ("ERI", "MOBILIZE", "154", "ETH")),
    ("Turkish commandos raided a Kurdish militant camp in Iraq.", ("TUR", "COERCE", "17", "IRQ")),
    ("Houthi fighters captured two government positions near Marib.", ("YEM", "ASSAULT", "190", "YEM")),
    ("Kurdish police captured an Islamic State commander in Erbil.", ("IRQ", "COERCE", "173", None)),
    ("Brussels froze Serbia's accession talks.", ("European Union", "SANCTION", "164", "SRB")),
    ("The Polish government called the Israeli remarks antisemitic.", ("POL", "ACCUSE", "111", "ISR")),
    ("Hungary left the court, calling its ruling on Israel scandalous.", ("HUN", "ACCUSE", "11", None)),
    # common verbs of news that had no row
    ("Tehran lambasted Washington over the new sanctions.", ("IRN", "ACCUSE", "111", "USA")),
    ("Brussels faulted Budapest for the delay.", ("European Union", "ACCUSE", "111", "HUN")),
    ("Russian artillery bombarded Kharkiv overnight.", ("RUS", "ASSAULT", "194", "UKR")),
    ("Kenya resumed talks with Somalia on Monday.", ("KEN", "CONSULT", "046", "SOM")),
    ("Germany equipped the Ukrainian army with drones.", ("DEU", "AID", "072", "UKR")),
    ("The United States resumed aid to Ukraine.", ("USA", "AID", "070", "UKR")),
    ("Caracas repudiated the agreement with Guyana.", ("VEN", "REJECT", "12", "GUY")),
    ("Skirmishes between Indian and Chinese troops broke out in Ladakh.", ("IND", "ASSAULT", "190", "CHN")),
    (
        "Myanmar's pardon for the jailed Reuters journalists surprised diplomats.",
        ("MMR", "CONCEDE", "0841", None),
    ),
    ("Ankara took aim at Athens over the maritime deal.", ("TUR", "ACCUSE", "111", "GRC")),
    ("Russian troops laid siege to the city of Avdiivka.", ("RUS", "COERCE", "191", "UKR")),
    ("Sudan's army clamped down on protesters in Khartoum.", ("SDN", "COERCE", "170", "SDN")),
    # an order's participle is the signer's act (no demand addressed to anyone)
    ("Trump signed an executive order cutting all U.S. aid to Colombia.", ("USA", "SANCTION", "162", "COL")),
    # foreign nationals and employees detained with nobody named: the place's police
    ("Three Indian nationals were arrested in Doha last week.", ("QAT", "COERCE", "173", "IND")),
    ("A British employee of the firm was detained in Shanghai.", ("CHN", "COERCE", "173", "GBR")),
    # blame said of someone: the speaker accuses them ("was to blame", "bore responsibility")
    (
        "Seoul's foreign ministry said Pyongyang was to blame for the shooting.",
        ("KOR", "ACCUSE", "11", "PRK"),
    ),
    ("Ankara said Athens bore full responsibility for the incident.", ("TUR", "ACCUSE", "11", "GRC")),
    # who describes what a force act hit is not whom it hit
    (
        "Kenyan warplanes bombed what Nairobi said was a rebel base in Somalia.",
        ("KEN", "ASSAULT", "19", "SOM"),
    ),
    # (a guard, not a gap: mediation stays coded now that a prisoner swap is an event noun of its own)
    ("The UAE brokered a prisoner swap between Moscow and Kyiv.", ("ARE", "CONSULT", "045", "RUS")),
    # --- (tenth session, second sweep) nominalisations, passives and progressives of common phrasings
    (
        "The signing of a security pact between Kenya and Ethiopia took place in Nairobi.",
        ("KEN", "AGREE", "057", "ETH"),
    ),
    (
        "Nurses in Kenya are on strike against the government over unpaid wages.",
        ("KEN", "PROTEST", "143", "KEN"),
    ),
    ("Mali's junta ordered French soldiers out of the country.", ("MLI", "SANCTION", "166", "FRA")),
    ("France's delivery of fighter jets to India was delayed.", ("FRA", "AID", "072", "IND")),
    ("Egypt's delivery of food aid to Sudan resumed on Monday.", ("EGY", "AID", "073", "SDN")),
    ("Britain's airdrops of medical supplies to Gaza resumed.", ("GBR", "AID", "073", "PSE")),
    (
        "Economic cooperation between Vietnam and Japan deepened last year.",
        ("VNM", "COOPERATE", "061", "JPN"),
    ),
    ("Morocco's cooperation with Spain on investment was praised.", ("MAR", "COOPERATE", "061", "ESP")),
    ("Rwanda deployed police officers to the Central African Republic.", ("RWA", "AID", "074", "CAF")),
    # --- (tenth session, from our own articles) blame, courts, detentions, crowds, export controls
    ("Kyiv held Moscow responsible for the blast at the dam.", ("UKR", "ACCUSE", "112", "RUS")),
    (
        "Kenya's Supreme Court struck down President William Ruto's decree on Friday.",
        ("KEN", "REJECT", "12", "KEN"),
    ),
    ("Riot police led away a Belarusian opposition activist.", ("BLR", "COERCE", "173", "BLR")),
    (
        "Hundreds of protesters massed outside the Serbian parliament in Belgrade.",
        ("SRB", "PROTEST", "141", "SRB"),
    ),
    (
        "The Netherlands tightened controls on exports of chip machines to China.",
        ("NLD", "SANCTION", "163", "CHN"),
    ),
    (
        "Ukraine filed a claim against Russia at the International Court of Justice.",
        ("UKR", "ACCUSE", "115", "RUS"),
    ),
    ("Greece sent rescue teams to Turkey after the earthquake.", ("GRC", "AID", "073", "TUR")),
    (
        "Hundreds of protesters gathered outside the Chinese embassy in Manila.",
        ("PHL", "PROTEST", "141", "CHN"),
    ),
    ("The EU imposed punitive measures on Serbia last year.", (None, "SANCTION", "163", "SRB")),
    # a light verb through "a round of": the subject holds the talks with each of the others
    (
        "Cuba will hold a new round of talks with Spain, Italy and Portugal next week.",
        ("CUB", "CONSULT", "040", "ITA"),
    ),
    # --- evaluations: what a reported clause equates an act with ("amounted to theft")
    ("The Kremlin said the Polish seizure plan amounted to robbery.", ("RUS", "ACCUSE", "111", "POL")),
    ("Beijing said the Japanese statement constituted interference.", ("CHN", "ACCUSE", "111", "JPN")),
    # --- assault and mass violence
    # (missiles launched toward warships or bases are an attack; toward a country, a show of force: below)
    ("Hezbollah launched drones toward Israeli army positions.", ("LBN", "ASSAULT", "195", "ISR")),
    ("Palestinian militants hijacked an Israeli airliner.", ("PSE", "ASSAULT", "181", "ISR")),
    (
        "Islamist militants detonated a bomb outside a police station in Nigeria.",
        ("NGA", "ASSAULT", "183", "NGA"),
    ),
    ("Syrian troops slaughtered Lebanese civilians.", ("SYR", "ASSAULT", "202", "LBN")),
    (
        "The Burmese army carried out ethnic cleansing against the Karen people.",
        ("MMR", "ASSAULT", "203", "MMR"),
    ),
    ("Croatian forces ethnically cleansed Serbs from the Krajina region.", ("HRV", "ASSAULT", "203", "SRB")),
    ("Hamas used Israeli hostages as human shields.", ("PSE", "ASSAULT", "184", "ISR")),
    ("Taliban fighters held Afghan villagers as human shields.", (None, "ASSAULT", "184", "AFG")),
    ("The Ethiopian army committed atrocities against Eritrean refugees.", ("ETH", "ASSAULT", "200", "ERI")),
    (
        "Wagner fighters carried out mass atrocities against Malian civilians.",
        ("RUS", "ASSAULT", "200", "MLI"),
    ),
    (
        "The Sudanese army waged a campaign of terror against civilians in Darfur.",
        ("SDN", "ASSAULT", "200", "SDN"),
    ),
    ("Russia waged war against Ukraine.", ("RUS", "ASSAULT", "190", "UKR")),
    ("Serbian forces forced thousands of Albanians out of Kosovo.", ("SRB", "ASSAULT", "201", "ALB")),
    ("The Azerbaijani army drove thousands of Armenians out of Baku.", ("AZE", "ASSAULT", "201", "ARM")),
    ("Kuwait expelled thousands of Palestinians.", ("KWT", "ASSAULT", "201", "PSE")),
    ("Russian troops took control of the Ukrainian town of Bakhmut.", ("RUS", "COERCE", "192", "UKR")),
    ("Russian forces seized control of the Ukrainian city of Kherson.", ("RUS", "COERCE", "192", "UKR")),
    # --- a riot: a crowd sets fire (as it throws stones, protest.throw); storming stays an assault (190)
    ("Protesters set fire to the French embassy in Niamey.", ("NER", "PROTEST", "145", "FRA")),
    # --- coercion
    ("China intimidated Taiwan with military drills.", ("CHN", "COERCE", "170", "TWN")),
    ("Russia coerced Georgia over its NATO bid.", ("RUS", "COERCE", "170", "GEO")),
    ("Sudan's army shut down the internet in Khartoum.", ("SDN", "COERCE", "1721", "SDN")),
    ("Yemeni rebels blocked shipping to Saudi Arabia.", ("YEM", "COERCE", "191", "SAU")),
    # --- reducing relations
    ("Estonia scaled back ties with Russia.", ("EST", "SANCTION", "160", "RUS")),
    ("Ghana reduced cooperation with Togo.", ("GHA", "SANCTION", "160", "TGO")),
    ("Kuwait suspended its mediation between Iran and Iraq.", ("KWT", "SANCTION", "165", "IRN")),
    ("Switzerland stopped mediating between Armenia and Azerbaijan.", ("CHE", "SANCTION", "165", "ARM")),
    ("Algeria abandoned its mediation between Mali and the rebels.", ("DZA", "SANCTION", "165", "MLI")),
    ("Chad expelled the U.N. peacekeeping mission.", ("TCD", "SANCTION", "166", "United Nations")),
    ("Niger ordered American troops to leave the country.", ("NER", "SANCTION", "166", "USA")),
    # persona non grata is an expulsion of diplomats, coded as sanction.expel.diplomat is (161)
    ("Nigeria declared a Ghanaian diplomat persona non grata.", ("NGA", "SANCTION", "161", "GHA")),
    # --- force posture
    ("Greek police heightened security near the border with Turkey.", ("GRC", "MOBILIZE", "151", "TUR")),
    ("Indian troops stepped up security along the border with Pakistan.", ("IND", "MOBILIZE", "151", "PAK")),
    (
        "South Korea raised the alert level of its military after North Korean missile launches.",
        ("KOR", "MOBILIZE", "152", "PRK"),
    ),
    ("Iran staged a show of force near the border with Azerbaijan.", ("IRN", "MOBILIZE", "150", "AZE")),
    # --- aid
    ("Rwanda sent police officers to the Central African Republic.", ("RWA", "AID", "074", "CAF")),
    ("Qatar sent help to Lebanon after the explosion.", ("QAT", "AID", "07", "LBN")),
    # "earthquake" (negatives.tsv 0.5, was 0.3) no longer drops aid sent after one
    ("Japan sent tents and blankets to Turkey after the earthquake.", ("JPN", "AID", "073", "TUR")),
    ("China deposited $1 billion in Sri Lanka's central bank.", ("CHN", "AID", "071", "LKA")),
    ("Britain airdropped medical supplies into Sudan.", ("GBR", "AID", "073", "SDN")),
    ("Ugandan troops protected Somalia's capital from Al-Shabaab.", ("UGA", "AID", "074", "SOM")),
    # --- material and diplomatic cooperation
    ("British troops trained Ukrainian recruits in England.", ("GBR", "COOPERATE", "062", "UKR")),
    ("Israel passed intelligence to Jordan about a planned attack.", ("ISR", "COOPERATE", "064", "JOR")),
    ("Egypt provided Israel with information about the tunnels.", ("EGY", "COOPERATE", "064", "ISR")),
    ("Canada provided intelligence to Ukraine.", ("CAN", "COOPERATE", "064", "UKR")),
    ("Morocco inked a trade agreement with Israel.", ("MAR", "AGREE", "057", "ISR")),
    ("Senegal rallied African support for Gambia.", ("SEN", "SUPPORT", "053", "GMB")),
    ("Japan mobilized support for the Philippines among Asian nations.", ("JPN", "SUPPORT", "053", "PHL")),
    ("Estonia lobbied EU capitals on behalf of Moldova.", ("EST", "SUPPORT", "053", "MDA")),
    ("Belgium asked Congo for forgiveness for colonial abuses.", ("BEL", "SUPPORT", "055", "COD")),
    (
        "Kazakh President Kassym-Jomart Tokayev welcomed Uzbek President Shavkat Mirziyoyev to Astana.",
        ("KAZ", "CONSULT", "043", "UZB"),
    ),
    # --- yielding
    ("Egypt bowed to pressure from the United States.", ("EGY", "CONCEDE", "080", "USA")),
    ("Japan removed tariffs on Indian textiles.", ("JPN", "CONCEDE", "085", "IND")),
    ("Brazil relaxed curbs on Argentine beef.", ("BRA", "CONCEDE", "081", "ARG")),
    ("The Kenyan president agreed to the protesters' demands.", ("KEN", "CONCEDE", "080", "KEN")),
    # "revenues" (negatives.tsv 0.5, was 0.3) no longer drops a demand
    ("Egypt demanded that Israel hand over withheld customs revenues.", ("EGY", "REQUEST", "10", "ISR")),
    # --- investigation, disapproval, lawsuits and verdicts
    ("France looked into allegations of corruption by Lebanese officials.", ("FRA", "ACCUSE", "090", "LBN")),
    (
        "Lithuania rallied opposition against Belarus in the European Parliament.",
        ("LTU", "ACCUSE", "113", "BLR"),
    ),
    ("Turkey lobbied European governments against Greece's claims.", ("TUR", "ACCUSE", "113", "GRC")),
    (
        "Ukraine filed a case against Russia at the International Court of Justice.",
        ("UKR", "ACCUSE", "115", "RUS"),
    ),
    ("Bosnia brought a lawsuit against Serbia.", ("BIH", "ACCUSE", "115", "SRB")),
    ("A Dutch court found Russia responsible for downing the airliner.", ("NLD", "ACCUSE", "116", "RUS")),
    # --- rejection
    ("Norway declined Poland's request for more artillery shells.", ("NOR", "REJECT", "124", "POL")),
    ("Egypt declined an Israeli offer to mediate.", ("EGY", "REJECT", "120", "ISR")),
    ("Chad declined Sudan's invitation to peace talks.", ("TCD", "REJECT", "125", "SDN")),
    (
        "Myanmar's junta flouted the ASEAN peace plan.",
        ("MMR", "REJECT", "128", "Association of Southeast Asian Nations"),
    ),
    ("Russia blocked a Security Council resolution on Ukraine.", ("RUS", "REJECT", "129", "UKR")),
    # --- thirteenth session
    ("Iran is still holding the crew of a British tanker.", ("IRN", "COERCE", "173", "GBR")),
    ("Pretoria recalled all of its diplomats from Israel.", ("ZAF", "SANCTION", "161", "ISR")),
    ("Tanzania barred a former Kenyan minister from entering the country.", ("TZA", "COERCE", "172", "KEN")),
    (
        "Thailand's Constitutional Court removed the prime minister from office.",
        ("THA", "COERCE", "172", "THA"),
    ),
    ("Niger's army ousted President Mohamed Bazoum in July 2023.", ("NER", "COERCE", "170", "NER")),
    ("China's foreign ministry lodged stern representations with Manila.", ("CHN", "ACCUSE", "114", "PHL")),
    (
        "Chinese coast guard personnel boarded Philippine navy boats near the shoal.",
        ("CHN", "COERCE", "191", "PHL"),
    ),
    ("Ghana ordered Nigerian nationals to leave the country.", ("GHA", "COERCE", "174", "NGA")),
    ("Greece blocked the start of Albania's accession talks.", ("GRC", "REJECT", "129", "ALB")),
    ("Armenia suspended all trade with Azerbaijan on Monday.", ("ARM", "SANCTION", "163", "AZE")),
    ("Canada is preparing new sanctions against Iran.", ("CAN", "SANCTION", "163", "IRN")),
    (
        "Kenyan police sealed off the offices of the Orange Democratic Movement.",
        ("KEN", "COERCE", "170", "KEN"),
    ),
    (
        "Venezuelan soldiers forcibly removed opposition lawmakers from the parliament in Caracas.",
        ("VEN", "COERCE", "170", "VEN"),
    ),
    ("The African Union sent observers to Gabon's referendum.", ("African Union", "SUPPORT", "050", "GAB")),
]


def _party(actor: object, expected: str | None) -> bool:
    if expected is None:  # a group of no country ("Taliban fighters")
        return True
    return expected in (getattr(actor, "country", None), getattr(actor, "name", None))


def matches(event: Event, expected: tuple[str | None, str, str, str]) -> bool:
    source, plover, code, target = expected
    return (
        _party(event.source, source)
        and event.code.plover == plover
        and (event.code.cameo == code if len(code) > 2 else event.code.cameo.startswith(code))
        and event.target is not None
        and _party(event.target, target)
    )


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_phrasing_codes_as_expected(text: str, expected: tuple[str | None, str, str, str]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.source.country, e.code.plover, e.code.cameo, e.target and e.target.country) for e in events]
    assert any(matches(e, expected) for e in events), got


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # "declined to comment" stays no rejection; other crimes committed stay no mass violence
        ("The Kremlin declined to comment on the report about Ukraine.", "12"),
        ("The Kenyan minister committed fraud against Ugandan investors.", "20"),
        # a truce that holds or collapses is no new truce (even where the parser reads "held" as a modifier)
        ("The truce between the Sudanese army and the RSF largely held on Sunday.", "08"),
        ("The ceasefire in Gaza collapsed in March.", "08"),
        # asking not to be named is no request
        ("A Kenyan diplomat, who asked not to be named, said Uganda had closed the border.", "02"),
        # pressing an offensive is no request
        ("The Sudanese army pressed its offensive against the rebels in Darfur.", "10"),
        # an earthquake is still no attack
        ("A powerful earthquake hit Turkey on Monday.", "19"),
        # a rally with no object of support is still a demonstration, never support
        ("Thousands of Serbs rallied against the government in Belgrade.", "05"),
        # "X, asked about …, told reporters": X was asked, asked nobody
        ("President Emmanuel Macron, asked about the incident in Paris, told reporters he was sad.", "02"),
        # defending one's own sovereignty supports nobody
        ("Venezuela said it would defend its sovereignty against Guyana.", "052"),
        # a court that throws out a case expels nobody
        ("A Bolivian court threw out the case against the Peruvian activists.", "17"),
        # "welcomed Finland to NATO" praises a new member, no visit hosted
        ("Germany welcomed Finland to NATO.", "043"),
        # a thing called something is named, never phoned
        ('Canada\'s foreign minister called the action "limited, necessary and lawful".', "04"),
        # a missile test fired toward a country is no attack on it
        ("North Korea launched a ballistic missile toward Japan on Sunday.", "19"),
        # a leader ousted with no agent named: nobody to infer as the doer (thirteenth session)
        ("Imran Khan, who was ousted in a no-confidence vote in 2022, remains in jail.", "170"),
        # an opinion offered is no offer (thirteenth session)
        ("The senator offered a scorching review of the governor's speech.", "03"),
    ],
)
def test_blocked_and_other_senses_stay_apart(text: str, root: str) -> None:
    # (one-sided events kept too: a sense read wrongly must not hide behind a missing target)
    events = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    assert not any(e.code.cameo.startswith(root) for e in events), [e.code.cameo for e in events]


def test_harm_announced_to_come_is_a_threat_made() -> None:
    # "there would be consequences": the harm is to come, the threat itself has been made
    events = whimbrel.code(
        "Erdogan said on Monday there would be consequences for Greece.", published=PUB, fmt="text"
    )
    got = [(e.source.country, e.code.plover, e.target and e.target.country, e.status) for e in events]
    assert got == [("TUR", "THREATEN", "GRC", "occurred")]


def test_a_vow_of_revenge_is_a_threat_made() -> None:
    # the revenge is to come; the threat is made when vowed
    events = whimbrel.code("Hamas vowed revenge against Israel on Monday.", published=PUB, fmt="text")
    got = [(e.source.country, e.code.plover, e.target and e.target.country, e.status) for e in events]
    assert ("PSE", "THREATEN", "ISR", "occurred") in got, got


def test_the_one_to_blame_blames_nobody() -> None:
    # "X was to blame" is said of X: no act of blaming by X (nor a planned one, read from "was to")
    events = whimbrel.code(
        "Seoul's foreign ministry said Pyongyang was to blame for the shooting.", published=PUB, fmt="text"
    )
    assert [(e.source.country, e.code.plover) for e in events] == [("KOR", "ACCUSE")]


@pytest.mark.parametrize(
    "text",
    [
        "Hamas welcomed the warrants against the Israeli leaders.",
        "Hungary criticised the arrest warrant for Netanyahu.",
    ],
)
def test_a_stance_on_a_warrant_is_not_on_whom_it_is_for(text: str) -> None:
    # whom a warrant is for is the party the stance defends or wants punished, not the one it answers
    events = whimbrel.code(text, published="2024-11-22", fmt="text")
    assert not [e for e in events if e.target is not None and e.target.country == "ISR"], events
