"""End-to-end language behaviour of the coder: sentence → (source, type, target, date, status).

Table-driven, with the team's own sentences.  Each row names the expected dyad by country/sector (or canonical
name), the PLOVER type, the date period and the status; the test fails if no event of the sentence matches.
"""

from __future__ import annotations

from datetime import date

import pytest

import whimbrel
from whimbrel.api import load_coder
from whimbrel.config import Config
from whimbrel.pipeline import _placeless
from whimbrel.records import Actor, Event

PUB = "2016-09-02"  # a Friday
# the acts asked for or threatened in another event of their sentence are left out of the output unless
# asked for (fifteenth session): the tests of how such an act is coded ask for them
CONTENTS = Config(contents=True)

# (text, (source country/name, plover, target country/name or None, date start, end, basis, status))
CASES = [
    # (twenty-fifth session) an act noun's doer named by the agent of a participle ("carried out by", "claimed
    # by", "imposed by"); an armed party named by a common noun modifier ("police gunfire")
    ("An attack carried out by Syrian rebels killed four Turkish soldiers on Monday.",
     ("SYR", "ASSAULT", "TUR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("A bombing claimed by Nigerian militants killed nine Chadian soldiers on Tuesday.",
     ("NGA", "ASSAULT", "TCD", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("NAIROBI, Kenya - Police gunfire killed two protesters on Monday.",
     ("KEN", "ASSAULT", "KEN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-fifth session) a body the lexicon does not know speaks for the state or person that owns it
    ("Ukraine's Institute of National Memory criticised Polish senators on Tuesday.",
     ("UKR", "ACCUSE", "POL", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Kenyatta's campaign accused Tanzania of meddling in the election on Monday.",
     ("KEN", "ACCUSE", "TZA", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-fifth session) linking or attributing an act to a party accuses it (a denial then answers the
    # accuser); "militants linked to al-Qaeda" accuses nobody (below)
    ("Romanian prosecutors linked the cyber attacks to Russia on Monday.",
     ("ROU", "ACCUSE", "RUS", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The campaign was paid for with undeclared money, which Romanian officials linked to Russia. Moscow "
     "denied any involvement on Tuesday.",
     ("RUS", "REJECT", "ROU", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Dutch investigators attributed the downing of the airliner to Russian forces on Wednesday.",
     ("NLD", "ACCUSE", "RUS", "2016-08-31", "2016-08-31", "text", "occurred")),
    # (twenty-fifth session) a border agency is an actor, and "it" refers back to it
    ("Tajikistan's border agency said a Tajik farmer had been wounded. It blamed Kyrgyz guards for the "
     "shooting on Monday.",
     ("TJK", "ACCUSE", "KGZ", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-fifth session) troops ordered to a border, an embassy shut, a court's ruling of wrongdoing
    ("Ecuador ordered 3,200 troops to the border with Colombia on Monday.",
     ("ECU", "MOBILIZE", "COL", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Venezuela shut its embassy in Bogota on Sunday.",
     ("VEN", "SANCTION", "COL", "2016-08-28", "2016-08-28", "text", "occurred")),
    ("The International Court of Justice ruled on Tuesday that Uruguay had breached the river treaty.",
     ("International Court of Justice", "ACCUSE", "URY", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Turkey closed its ports to Israeli ships on Friday.",
     ("TUR", "COERCE", "ISR", "2016-09-02", "2016-09-02", "text", "occurred")),
    # (twenty-fifth session) "the kingdom" refers back to a monarchy, not to the emirates named last
    ("Saudi Arabia executed a Shi'ite cleric on Saturday. The United Arab Emirates recalled its ambassador "
     "from Tehran on Monday. On Sunday the kingdom cut diplomatic relations with Iran.",
     ("SAU", "SANCTION", "IRN", "2016-08-28", "2016-08-28", "text", "occurred")),
    ("Somalia took Kenya to the International Court of Justice on Monday.",
     ("SOM", "ACCUSE", "KEN", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Washington suspended Burundi from a trade preference program on Friday.",
     ("USA", "SANCTION", "BDI", "2016-09-02", "2016-09-02", "text", "occurred")),
    ("The United Nations dispatched its special envoy to Myanmar on Monday.",
     ("United Nations", "CONSULT", "MMR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Islamist gunmen rampaged through the Philippine city of Marawi on Tuesday.",
     ("PHL", "ASSAULT", "PHL", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Russia rushed reinforcements to the border with Ukraine on Wednesday.",
     ("RUS", "MOBILIZE", "UKR", "2016-08-31", "2016-08-31", "text", "occurred")),
    ("Unasur suspended Paraguay from the bloc on Friday.",
     ("Union of South American Nations", "SANCTION", "PRY", "2016-09-02", "2016-09-02", "text", "occurred")),
    ("The European Union suspended sanctions on Myanmar on Monday.",
     ("European Union", "CONCEDE", "MMR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Russia poured tanks and troops across the border into Georgia on Friday.",
     ("RUS", "ASSAULT", "GEO", "2016-09-02", "2016-09-02", "text", "occurred")),
    ("Paraguay accepted the court's ruling on Monday.",
     ("PRY", "CONCEDE", "PRY", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-fifth session) people protesting at home and naming nobody protest against their government
    ("The Togolese opposition called a general strike on Monday.",
     ("TGO", "PROTEST", "TGO", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Kenyan teachers went on strike on Monday.",
     ("KEN", "PROTEST", "KEN", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The European Union withdrew duty-free access for Cambodian garments on Monday.",
     ("European Union", "SANCTION", "KHM", "2016-08-29", "2016-08-29", "text", "occurred")),
    # a subject that is an act done by someone: its doer acts
    ("The sanctions, imposed by the European Union, froze the assets of five Belarusian officials on Friday.",
     ("European Union", "SANCTION", "BLR", "2016-09-02", "2016-09-02", "text", "occurred")),
    # (twenty-fifth session) a request rejected with no agent: by whom it was made of
    ("Kenya asked Uganda on Monday to extradite the suspects. The request was rejected on Tuesday.",
     ("UGA", "REJECT", "KEN", "2016-08-30", "2016-08-30", "text", "occurred")),
    # (twenty-fifth session) an acronym the article defines stands for what it defines, over the dictionary's
    ("Chad accused the Justice and Equality Movement (JEM) of attacking Omdurman. JEM fighters attacked the "
     "Sudanese army near Omdurman on Saturday.",
     ("SDN", "ASSAULT", "SDN", "2016-08-27", "2016-08-27", "text", "occurred")),
    # (twenty-fifth session) the envoys of a group of states "including" some speak for those named
    ("The ambassadors of 13 Western countries including the United States, Britain and Germany condemned the "
     "Kenyan crackdown on Tuesday.",
     ("DEU", "ACCUSE", "KEN", "2016-08-30", "2016-08-30", "text", "occurred")),
    # (twenty-fifth session) a people of one state named by its ethnic name
    ("Thailand deported 40 Uyghur men on Thursday.",
     ("THA", "COERCE", "CHN", "2016-09-01", "2016-09-01", "text", "occurred")),
    ("Bangladeshi police arrested 30 Rohingya refugees in Cox's Bazar on Monday.",
     ("BGD", "COERCE", "MMR", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-fifth session) a warning aimed at the party named inside its clause's subject
    ("The Houthi leader warned on Thursday that Saudi cities would pay the price.",
     ("YEM", "THREATEN", "SAU", "2016-09-01", "2016-09-01", "text", "occurred")),
    ("Hamas warned on Monday that any Israeli incursion would be met with force.",
     ("PSE", "THREATEN", "ISR", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-fourth session) an adjective names nobody ("an official explanation"): whom the request was
    # made of is the object
    ("Russia asked Armenia for an official explanation on Monday.",
     ("RUS", "REQUEST", "ARM", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-fourth session) a meeting, complaints, findings referred back name who held or made them
    ("Leaders of the Group of Seven met Ukraine's president in Italy on Thursday. The Kremlin dismissed the "
     "meeting as irrelevant on Friday.",
     ("RUS", "ACCUSE", "G7", "2016-09-02", "2016-09-02", "text", "occurred")),
    ("Egypt complained to Ethiopia on Monday about the filling of the dam. Ethiopia's water minister "
     "dismissed the complaints on Tuesday.",
     ("ETH", "REJECT", "EGY", "2016-08-30", "2016-08-30", "text", "occurred")),
    # (twenty-fourth session) a state's warning to whoever defies it is aimed at its own people
    ("LOME, Togo - Togo's interior minister warned on Thursday that anyone who disturbed public order would "
     "face the full force of the law.",
     ("TGO", "THREATEN", "TGO", "2016-09-01", "2016-09-01", "text", "occurred")),
    ("Police in Nairobi warned on Monday that those who organised the marches would be prosecuted.",
     ("KEN", "THREATEN", "KEN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-fourth session) a crowd at a seat of power protests against the body the seat stands for
    ("KATHMANDU, Nepal - Tens of thousands of Nepalese demonstrators marched on the parliament building on "
     "Monday.",
     ("NPL", "PROTEST", "NPL", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Several hundred Moldovan opposition supporters rallied outside the courthouse in Chisinau on Tuesday.",
     ("MDA", "PROTEST", "MDA", "2016-08-30", "2016-08-30", "text", "occurred")),
    # (twenty-fourth session) acts told with words the patterns lacked: fire returned, mutineers battled, a
    # helicopter brought down, compounds closed, districts handed back
    ("The Indian army returned fire on Pakistani posts on Tuesday.",
     ("IND", "ASSAULT", "PAK", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Burundian troops battled the mutineers in Bujumbura on Thursday.",
     ("BDI", "ASSAULT", "BDI", "2016-09-01", "2016-09-01", "text", "occurred")),
    ("An Azerbaijani missile brought down a Russian helicopter over Armenia on Monday.",
     ("AZE", "ASSAULT", "RUS", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The United States closed two Russian-owned compounds in Maryland on Friday.",
     ("USA", "COERCE", "RUS", "2016-09-02", "2016-09-02", "text", "occurred")),
    ("Armenia handed back three districts to Azerbaijan on Wednesday.",
     ("ARM", "CONCEDE", "AZE", "2016-08-31", "2016-08-31", "text", "occurred")),
    # (twenty-fourth session) an abbreviation in brackets is no name the call gives ("called X Y")
    ("Soro called on the Economic Community of West African States (ECOWAS) on Monday to use force against "
     "Gbagbo.",
     ("CIV", "REQUEST", "Economic Community of West African States", "2016-08-29", "2016-08-29", "text",
      "occurred")),
    # (twenty-fourth session) a copular relative clause tells whose a person no dictionary knows is
    ("Ahmed Farouk, who is Libya's interim head of state, apologised to the United States on Thursday.",
     ("LBY", "SUPPORT", "USA", "2016-09-01", "2016-09-01", "text", "occurred")),
    # (twenty-fourth session) a party of common words no dictionary lists is of the place its sentence names
    ("In Madrid, the conservative opposition Popular Party demanded on Monday that the prime minister "
     "recognise Gonzalez.",
     ("ESP", "REQUEST", "ESP", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-fourth session) a crowd only counted protests against the government of the place it is in
    ("BANGKOK - Tens of thousands rallied in Bangkok on Saturday.",
     ("THA", "PROTEST", "THA", "2016-08-27", "2016-08-27", "text", "occurred")),
    # (twenty-fourth session) a leader who resigns yields to whoever demanded it
    ("Protesters in Cairo demanded on Thursday that Mubarak resign. Mubarak resigned on Friday.",
     ("EGY", "CONCEDE", "EGY", "2016-09-02", "2016-09-02", "text", "occurred")),
    ("Protesters in Cairo demanded on Thursday that Mubarak resign. Mubarak announced his resignation on "
     "Friday.",
     ("EGY", "CONCEDE", "EGY", "2016-09-02", "2016-09-02", "text", "occurred")),
    # (twenty-fourth session) a story filed from two cities is told from the first, (twenty-eighth session)
    # unless the story names the second's country more
    ("LA PAZ/MEXICO CITY (Reuters) - Mexico offered asylum to Bolivia's former president on Monday. "
     "Bolivia's interim government protested. Police arrested dozens of protesters on Tuesday.",
     ("BOL", "COERCE", "BOL", "2016-08-30", "2016-08-30", "text", "occurred")),
    # (twenty-fourth session) envoys summoned or called home are recalled
    ("Venezuela on Monday summoned its envoys home from Peru.",
     ("VEN", "SANCTION", "PER", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-fourth session) time given to leave is an expulsion; a summons for questioning is coercion
    ("Uzbekistan has given the United States 180 days to withdraw from the air base.",
     ("UZB", "COERCE", "USA", "2016-09-02", "2016-09-02", "publication", "occurred")),
    ("Russian opposition leader Alexei Navalny was summoned for questioning by Russian prosecutors on "
     "Monday.",
     ("RUS", "COERCE", "RUS", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-fourth session) pirates and snipers are actors
    ("Four Somali pirates stormed a Danish cargo ship on Wednesday.",
     ("SOM", "ASSAULT", "DNK", "2016-08-31", "2016-08-31", "text", "occurred")),
    # (twenty-fourth session) a relative denial answers whoever made the claim, not a party to it
    ("Washington said on Monday that Syria supplies Hezbollah with rockets, which Damascus denies.",
     ("SYR", "REJECT", "USA", "2016-09-02", "2016-09-02", "publication", "occurred")),
    # (twenty-fourth session) a leader asks his own parliament, whatever country the story named before
    ("Syrian forces fired rockets near Damascus last week. Obama asked Congress on Saturday to authorise "
     "limited strikes.",
     ("USA", "REQUEST", "USA", "2016-08-27", "2016-08-27", "text", "occurred")),
    # (twenty-third session) acts told with words the patterns lacked: a plane downed, privileges or funding
    # withdrawn (no retreat), a party suspended, premises searched
    ("India said on Wednesday that it had downed a Pakistani fighter jet.",
     ("IND", "ASSAULT", "PAK", "2016-08-31", "2016-08-31", "text", "occurred")),
    ("Washington on Tuesday withdrew the trade privileges it had granted Ecuador.",
     ("USA", "SANCTION", "ECU", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Sweden withdrew its funding for the Zambian anti-corruption agency on Monday.",
     ("SWE", "SANCTION", "ZMB", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The African Union on Friday suspended Guinea from the bloc over the coup.",
     ("African Union", "SANCTION", "GIN", "2016-09-02", "2016-09-02", "text", "occurred")),
    # (twenty-third session) the place a rally is held in is no party to what is said at it
    ("Sudan's president vowed at a rally in Khartoum on Saturday to liberate the oil town from South Sudan.",
     ("SDN", "THREATEN", "SSD", "2016-08-27", "2016-08-27", "text", "occurred")),
    # (twenty-third session) a demand insisted on is in the subjunctive (an assertion is not:
    # test_no_such_act)
    ("Ghana insisted on Monday that Togo release the detained fishermen.",
     ("GHA", "REQUEST", "TGO", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Uruguay insisted on Friday that Argentina be bound by the ruling.",
     ("URY", "REQUEST", "ARG", "2016-09-02", "2016-09-02", "text", "occurred")),
    ("Kenyan police searched the homes of two opposition senators on Monday.",
     ("KEN", "COERCE", "KEN", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The World Food Programme flew tents and blankets to Ndjamena on Tuesday.",
     ("World Food Programme", "AID", "TCD", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Kenya's president dismissed the interior minister on Tuesday.",
     ("KEN", "COERCE", "KEN", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Ecuador's finance minister pulled out of an investment forum in Caracas on Monday.",
     ("ECU", "SANCTION", "VEN", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Estonian police cleared the protesters from the square on Friday.",
     ("EST", "COERCE", "EST", "2016-09-02", "2016-09-02", "text", "occurred")),
    # (twenty-second session) "said in a statement that …": the clause the parser hangs on the statement is
    # what was said
    ("Kenya's interior ministry said in a statement on Monday that Uganda had breached the border accord.",
     ("KEN", "ACCUSE", "UGA", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The Danish government said in an open letter that Iceland had abused its fishing rights.",
     ("DNK", "ACCUSE", "ISL", "2016-09-02", "2016-09-02", "publication", "occurred")),
    ("Chile said in a post on X that Argentina was trying to intimidate its neighbours.",
     ("CHL", "ACCUSE", "ARG", "2016-09-02", "2016-09-02", "publication", "occurred")),
    # (twenty-second session) a visit still to come "within weeks" counts from the story's day, not from the
    # year an earlier sentence named
    ("Eritrea and Ethiopia fought a border war in 1998. Eritrea's president is expected to visit Ethiopia "
     "within weeks.", ("ERI", "CONSULT", "ETH", "2016-09-02", "2016-09-23", "text", "planned")),
    # (twenty-second session) acts told with words the patterns lacked: custody taken, a scuffle of soldiers,
    # flags burned, a delegation sent
    ("Zimbabwe's army took custody of President Robert Mugabe on Wednesday.",
     ("ZWE", "COERCE", "ZWE", "2016-08-31", "2016-08-31", "text", "occurred")),
    ("Indian and Chinese soldiers scuffled at the border on Tuesday.",
     ("IND", "ASSAULT", "CHN", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Indian protesters burned Chinese flags in New Delhi on Tuesday.",
     ("IND", "PROTEST", "CHN", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Eritrea sent a delegation to Addis Ababa on Monday.",
     ("ERI", "CONSULT", "ETH", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-second session) kinds of people the agent words lacked: mutineers, rioters, settlers, organisers
    ("President Vladimir Putin on Saturday accused the mutineers of treason.",
     ("RUS", "ACCUSE", "RUS", "2016-08-27", "2016-08-27", "text", "occurred")),
    ("Belarusian police detained the rioters on Tuesday.",
     ("BLR", "COERCE", "BLR", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Israeli settlers attacked Palestinian villagers on Tuesday.",
     ("ISR", "ASSAULT", "PSE", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Georgian protest organisers on Sunday called on the government to resign.",
     ("GEO", "REQUEST", "GEO", "2016-08-28", "2016-08-28", "text", "occurred")),
    # (seventeenth session) an air campaign halted is force eased
    ("Washington halted its air campaign against the Houthis on Monday.",
     ("USA", "CONCEDE", "YEM", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (seventeenth session) who is "on a visit to" a capital visits it
    ("U.S. Secretary of State Antony Blinken, on a visit to Cairo on Monday, urged restraint.",
     ("USA", "CONSULT", "EGY", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (seventeenth session) forces deployed with no agent named are the mobilizing actor
    ("Troops were deployed to the streets of Quito on Monday.",
     ("ECU", "MOBILIZE", "ECU", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (seventeenth session) an accession ratified is an agreement; ramming boats is force; foreign troops
    # forced out are expelled
    ("Turkey's parliament approved Sweden's accession protocol on Monday.",
     ("TUR", "AGREE", "SWE", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Chinese coast guard personnel rammed Philippine boats on Monday.",
     ("CHN", "ASSAULT", "PHL", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Mali forced out French troops on Monday.",
     ("MLI", "SANCTION", "FRA", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (seventeenth session) an appeal joined to what the speaker said is the speaker's
    ("Israel's foreign minister said on Monday Iran was a terrorist state and called on Germany to ban the "
     "group.",
     ("ISR", "REQUEST", "DEU", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (seventeenth session) "the two Koreas" are both Korean states
    ("The two Koreas held a summit on Monday.",
     ("PRK", "CONSULT", "KOR", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (seventeenth session) a cooperative step refused is a rejection
    ("The Maldives said on Monday it would not renew its hydrography pact with India.",
     ("MDV", "REJECT", "IND", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (seventeenth session) a vow to use force is a threat; telling someone to act is a demand; ordering a
    # foreign broadcaster to shut is coercion; an internal armed conflict declared is an emergency imposed
    ("Trump vowed on Monday to use overwhelming force against Iran.",
     ("USA", "THREATEN", "IRN", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Trump told Iran on Monday to stop supporting the Houthis.",
     ("USA", "REQUEST", "IRN", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Azerbaijan ordered the BBC on Monday to shut its office in Baku.",
     ("AZE", "COERCE", "GBR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Sudan's army chief vowed on Monday to keep fighting the Rapid Support Forces.",
     ("SDN", "THREATEN", "SDN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (seventeenth session) what a verb of using takes is an instrument, never the doer of its infinitive
    ("Ukraine's security service used drones hidden in trucks to strike four air bases deep inside Russia on "
     "Monday.",
     ("UKR", "ASSAULT", "RUS", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (seventeenth session) a complaint filed with a forum accuses whom its participle names
    ("Chile filed a complaint with the UN Security Council on Monday accusing Bolivia of blocking its ports.",
     ("CHL", "ACCUSE", "BOL", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (seventeenth session) tariffs cut and a veto lifted are concessions; direct rule imposed and a bounty
    # on someone are coercion
    ("China lowered its tariffs on Australian wine on Monday.",
     ("CHN", "CONCEDE", "AUS", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Austria lifted its veto on Romania's Schengen membership on Monday.",
     ("AUT", "CONCEDE", "ROU", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("India placed the state of Manipur under federal rule on Monday.",
     ("IND", "COERCE", "IND", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The United States announced a $15 million bounty for Colombian rebel leader Ivan Marquez on Monday.",
     ("USA", "COERCE", "COL", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (seventeenth session) a measure announced on a condition is a threat to whoever the condition names
    ("Russia said on Monday it would take countermeasures if Finland deployed NATO troops on its soil.",
     ("RUS", "THREATEN", "FIN", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Turkey warned on Monday it would respond if Greece extended its territorial waters.",
     ("TUR", "THREATEN", "GRC", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (sixteenth session) "Dominican" is the Dominican Republic's adjective, not Dominica's
    ("Dominican authorities deported 4,000 Haitians on Monday.",
     ("DOM", "COERCE", "HTI", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (sixteenth session) envoys ordered back recalled; a partnership suspended is relations cut
    ("Israel instructed its ambassador in Dublin to return home on Monday.",
     ("ISR", "SANCTION", "IRL", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The United States on Monday suspended its strategic partnership with Georgia.",
     ("USA", "SANCTION", "GEO", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (sixteenth session) a government ordering the closure of another's missions cuts relations
    ("Germany ordered the closure of all three Iranian consulates on Monday.",
     ("DEU", "SANCTION", "IRN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (sixteenth session) tariffs in retaliation are a sanction, an overrun garrison an assault, a call
    # brushed aside a rejection
    ("Mexico retaliated with tariffs on American pork on Monday.",
     ("MEX", "SANCTION", "USA", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Jihadist fighters overran a Malian army garrison on Monday.",
     ("MLI", "ASSAULT", "MLI", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The Kremlin on Monday brushed aside Azerbaijan's call for compensation.",
     ("RUS", "REJECT", "AZE", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (sixteenth session) forces leaving a country retreat from it
    ("The last French troops left Chad on Monday.",
     ("FRA", "RETREAT", "TCD", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (sixteenth session) "Justice" before a name is a judge's title ("seeking justice" names nobody)
    ("Brazil's Supreme Court convicted Jair Bolsonaro on Friday. "
     "Justice Paulo Andrade placed him under house arrest on Monday.",
     ("BRA", "COERCE", "Jair Bolsonaro", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (sixteenth session) vows to exact revenge are threats; lifting a pause concedes; signing a document
    # agrees; a court remands the person police held
    ("Iran's supreme leader vowed on Monday to exact harsh revenge on Israel.",
     ("IRN", "THREATEN", "ISR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Washington lifted the pause on arms deliveries to Kyiv on Monday.",
     ("USA", "CONCEDE", "UKR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Kenya and Somalia signed a document on border security on Monday.",
     ("KEN", "AGREE", "SOM", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Ugandan police arrested opposition leader Kizza Besigye on Friday. "
     "He was remanded in custody on Monday.",
     ("UGA", "COERCE", "UGA", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (fifteenth session) more words of condemnation
    ("Senegal's opposition leader called the president's decree a constitutional coup on Monday.",
     ("OPP", "ACCUSE", "GOV", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (fifteenth session) a vow to fight is a threat
    ("The Somali president vowed on Monday to fight al-Shabaab until the group was defeated.",
     ("SOM", "THREATEN", "Al-Shabaab", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (fifteenth session) a party's chairman speaks for the party
    ("Smer deputy chairman Lubos Blaha accused the Slovak opposition of inciting hatred on Monday.",
     ("Smer", "ACCUSE", "SVK", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (fifteenth session) an attack noun as the passive agent names its doer
    ("Two Lebanese soldiers were killed by an Israeli airstrike on Monday.",
     ("ISR", "ASSAULT", "LBN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (fifteenth session) the bodies that run elections, chambers named "National Assembly" (no citizens:
    # "National" is part of the name), talks opened and protests joined (light verbs)
    ("Kenya's electoral commission disqualified the opposition candidate on Monday.",
     ("KEN", "COERCE", "KEN", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("South Korea's National Assembly voted on Monday to impeach President Yoon Suk Yeol.",
     ("LEG", "COERCE", "Yoon Suk Yeol", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Iran's Supreme National Security Council rejected Washington's proposal on Monday.",
     ("GOV", "REJECT", "USA", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Albania opened accession talks with the European Union in July 2014.",
     ("ALB", "CONSULT", "European Union", "2014-07-01", "2014-07-31", "text", "occurred")),
    # (fifteenth session) a body named by its organisation and a kind of group or panel; the AU's Peace and
    # Security Council is the African Union's, not the U.N.'s
    ("A U.N. panel accused Nicaragua of abuses on Monday.",
     ("United Nations", "ACCUSE", "NIC", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The U.N. Group of Experts on Eritrea accused the Eritrean government of abuses on Monday.",
     ("United Nations", "ACCUSE", "ERI", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("A Kenyan rights group accused the police of torture on Monday.",
     ("NGO", "ACCUSE", "COP", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The AU Peace and Security Council suspended Guinea from all its activities on Monday.",
     ("African Union", "SANCTION", "GIN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (fourteenth session) a member suspended from a bloc, a bloc left, a participation frozen, an agreement
    # ended (no agreement then), a chamber dissolved, a president impeached
    ("The Southern African Development Community suspended Lesotho from the bloc on Monday.",
     ("Southern African Development Community", "SANCTION", "LSO", "2016-08-29", "2016-08-29", "text",
      "occurred")),
    ("Burundi quit the International Criminal Court in October 2015.",
     ("BDI", "SANCTION", "International Criminal Court", "2015-10-01", "2015-10-31", "text", "occurred")),
    ("Georgia froze its participation in the Commonwealth of Independent States in 2008.",
     ("GEO", "SANCTION", "Commonwealth of Independent States", "2008-01-01", "2008-12-31", "text",
      "occurred")),
    ("Mali's junta tore up a defence agreement with Paris on Monday.",
     ("MLI", "SANCTION", "FRA", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Ecuador said on Monday it was ending its investment treaty with Spain.",
     ("ECU", "SANCTION", "ESP", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The king of Jordan dissolved parliament on Sunday.",
     ("JOR", "COERCE", "LEG", "2016-08-28", "2016-08-28", "text", "occurred")),
    ("Brazilian senators voted on Wednesday to impeach President Dilma Rousseff.",
     ("LEG", "COERCE", "Dilma Rousseff", "2016-08-31", "2016-08-31", "text", "occurred")),
    # (fourteenth session, from the probe helpers' reports) supplies halted, leaders overthrown, amounts
    # counted ("hundreds of missiles", "$95 million in aid"), investigators, the Cook Islands, freezes
    # lifted, visits suspended
    ("Gazprom halted gas deliveries to Moldova on Monday.",
     ("Gazprom", "SANCTION", "MDA", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Soldiers overthrew the president of Burkina Faso in October 2014.",
     ("MIL", "COERCE", "Blaise Compaoré", "2014-10-01", "2014-10-31", "text", "occurred")),
    ("Iran shipped hundreds of missiles to Syria last year.",
     ("IRN", "AID", "SYR", "2015-01-01", "2015-12-31", "text", "occurred")),
    ("Washington suspended $95 million in aid to Egypt in August.",
     ("USA", "SANCTION", "EGY", "2016-08-01", "2016-08-31", "text", "occurred")),
    ("South Korean investigators arrested the former defence minister on Monday.",
     ("KOR", "COERCE", "KOR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("New Zealand suspended aid to the Cook Islands on Monday.",
     ("NZL", "SANCTION", "COK", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Algeria lifted the freeze on payments to Spain in June.",
     ("DZA", "CONCEDE", "ESP", "2016-06-01", "2016-06-30", "text", "occurred")),
    ("China suspended all planned high-level visits to Japan on Monday.",
     ("CHN", "SANCTION", "JPN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # an envoy recalled naming no host is recalled from the country the story is about; coming to someone's
    # defence; people forcibly returned; the Rome Statute's city is no party
    ("Spain's foreign minister came to Guterres's defence on Tuesday.",
     ("ESP", "SUPPORT", "António Guterres", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Thailand forcibly returned 109 Uyghurs to China in July 2015.",
     ("THA", "COERCE", "CHN", "2015-07-01", "2015-07-31", "text", "occurred")),
    # of two subjects the parser read ("the EU's border agency Frontex"), the one that is an actor acts
    ("The European Union's border agency Frontex sent officers to Lithuania on Monday.",
     ("Frontex", "AID", "LTU", "2016-08-29", "2016-08-29", "text", "occurred")),
    # confidence expressed in someone is support
    ("Germany expressed confidence in the Polish government on Monday.",
     ("DEU", "SUPPORT", "POL", "2016-08-29", "2016-08-29", "text", "occurred")),
    # assurances given are a promise
    ("China gave assurances to Thailand on Monday that the men would be treated well.",
     ("CHN", "AGREE", "THA", "2016-08-29", "2016-08-29", "text", "occurred")),
    # police deployed abroad are a protective mission (AID), as peacekeepers are
    ("Kenya's parliament approved the deployment of 1,000 police officers to Haiti on Thursday.",
     ("KEN", "AID", "HTI", "2016-09-01", "2016-09-01", "text", "occurred")),
    # an issue raised with someone is talked over with them; a stake seized from a company is taken from it
    ("Japan's foreign minister raised the issue with his Chinese counterpart on Monday.",
     ("JPN", "CONSULT", "CHN", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Argentina seized a majority stake in YPF from Repsol in 2012.",
     ("ARG", "COERCE", "Repsol", "2012-01-01", "2012-12-31", "text", "occurred")),
    # a presidency, a law society and a bar association are actors
    ("The Syrian presidency condemned the Israeli strikes on Monday.",
     ("SYR", "ACCUSE", "ISR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The Law Society of Kenya condemned the Kenyan government on Monday.",
     ("KEN", "ACCUSE", "KEN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # an envoy called in is summoned
    ("The French foreign ministry called in the Russian ambassador on Monday.",
     ("FRA", "ACCUSE", "RUS", "2016-08-29", "2016-08-29", "text", "occurred")),
    # an invasion is an attack by force (PLOVER ASSAULT), as is a city captured
    ("Iraq invaded Kuwait in August 1990.",
     ("IRQ", "ASSAULT", "KWT", "1990-08-01", "1990-08-31", "text", "occurred")),
    # an active conjunct of a passive verb is its passive subject's act, not the agent's
    ("Matteo Renzi said on Monday he was astonished by the ruling and accused the judges of bias.",
     ("Matteo Renzi", "ACCUSE", "JUD", "2016-08-29", "2016-08-29", "text", "occurred")),
    # blame by linking to a crime; a spy network uncovered accuses its backer
    ("Prosecutors in Kinshasa linked the former president to the clashes on Monday.",
     ("JUD", "ACCUSE", "COD", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Ukraine said on Monday it had uncovered a Hungarian military intelligence network.",
     ("UKR", "ACCUSE", "HUN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # action announced against someone is a threat; "it" taking action is whoever "it" is (not "it takes
    # time"); action taken is no threat
    ("On Monday, Tehran said it would take all necessary measures against Britain.",
     ("IRN", "THREATEN", "GBR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Poland said on Monday that it could launch legal action against Ukraine if the blockade continued.",
     ("POL", "THREATEN", "UKR", "2016-08-29", "2016-08-29", "text", "occurred")),
    # a mission authorised is backing for the country it serves; demonstrators pushed back are coerced
    ("The U.N. Security Council authorised a peacekeeping mission to Mali in April.",
     ("UN Security Council", "SUPPORT", "MLI", "2016-04-01", "2016-04-30", "text", "occurred")),
    ("Riot police used pepper spray to push back protesters in Belgrade on Monday.",
     ("SRB", "COERCE", "SRB", "2016-08-29", "2016-08-29", "text", "occurred")),
    # talks counted in weeks or hours are held by the light verb's subject
    ("An IMF mission held a week of talks in Athens with Prime Minister Alexis Tsipras in June.",
     ("International Monetary Fund", "CONSULT", "Alexis Tsipras", "2016-06-01", "2016-06-30", "text",
      "occurred")),
    ("Hamas and Fatah held hours of talks in Cairo on Monday.",
     ("PSE", "CONSULT", "PSE", "2016-08-29", "2016-08-29", "text", "occurred")),
    # warships sent are a show of force, not arms given; a side a stance is for or against is not the
    # actor's country ("pro-Russian separatists" are no Russians)
    ("China sent warships toward Taiwan on Monday.",
     ("CHN", "MOBILIZE", "TWN", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Pro-Russian separatists attacked Ukrainian troops near Donetsk on Monday.",
     ("UKR", "ASSAULT", "UKR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Anti-American militias fired rockets at the U.S. embassy in Baghdad on Monday.",
     ("IRQ", "ASSAULT", "USA", "2016-08-29", "2016-08-29", "text", "occurred")),
    # a plural the parser hung on an object as a conjunct is the subject of the finite verb after it
    ("Hundreds of people were killed in Bangladesh in July when police fired on crowds and protesters "
     "attacked police stations.",
     ("CVL", "ASSAULT", "COP", "2016-07-01", "2016-07-31", "text", "occurred")),
    # an agentless sentence or jailing is a court's act (thirteenth session); an arrest stays the police's
    ("Two opposition leaders were sentenced to eight months in prison in Tbilisi on Monday.",
     ("JUD", "COERCE", "OPP", "2016-08-29", "2016-08-29", "text", "occurred")),
    # an evaluation of someone's thing is aimed at its owner, also as a small clause under "called"
    ("Slovak Prime Minister Robert Fico called the European Commission's plan illegal.",
     ("Robert Fico", "ACCUSE", "European Union", "2016-09-02", "2016-09-02", "publication", "occurred")),
    ("Hungary said the European Commission's charges were politically motivated.",
     ("HUN", "ACCUSE", "European Union", "2016-09-02", "2016-09-02", "publication", "occurred")),
    ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday.",
     ("Vladimir Putin", "CONSULT", "Xi Jinping", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("President Obama will meet Mr. Putin at the summit in Hangzhou on Sunday.",
     ("Barack Obama", "CONSULT", "Vladimir Putin", "2016-09-04", "2016-09-04", "text", "planned")),
    ("In 2008, Obama criticized Putin over the war in Georgia.",
     ("Barack Obama", "ACCUSE", "Vladimir Putin", "2008-01-01", "2008-12-31", "text", "occurred")),
    ("The European Union imposed new sanctions on Russia in August 2014.",
     ("European Union", "SANCTION", "RUS", "2014-08-01", "2014-08-31", "text", "occurred")),
    ("Poland expelled two Russian diplomats in March 2016.",
     ("POL", "SANCTION", "RUS", "2016-03-01", "2016-03-31", "text", "occurred")),
    # advisers and aides are government roles of their possessor's country
    ("Jordan's national security adviser met with the Iraqi prime minister on Tuesday.",
     ("JOR", "CONSULT", "IRQ", "2016-08-30", "2016-08-30", "text", "occurred")),
    # a subject that is no actor is named by its apposition
    ("The two neighbours, Kenya and Uganda, accused Sudan of arming rebels on Monday.",
     ("UGA", "ACCUSE", "SDN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # a conjunct hung on a reported clause whose subject is no actor belongs to the speaker's clause (and
    # is dated by the report: Monday)
    ("On Monday the rebels said the attack was carried out by the army and accused Kinshasa of lying.",
     ("REB", "ACCUSE", "COD", "2016-08-29", "2016-08-29", "text", "occurred")),
    # a killing told in the passive without "by": the attack's actor did it
    ("Two soldiers were killed in a Russian airstrike near Kharkiv on Monday.",
     ("RUS", "ASSAULT", "MIL", "2016-08-29", "2016-08-29", "text", "occurred")),
    # "staged" is the light verb "stage" (the model's lemmatizer says "stag"); teachers are civilians
    ("Hundreds of teachers staged a protest in Nairobi on Wednesday.",
     ("CVL", "PROTEST", None, "2016-08-31", "2016-08-31", "text", "occurred")),
    # an order addresses its object; the ordered act has not happened yet (an order to the state's own
    # ministry is an internal command, no request: eighteenth session)
    ("Putin ordered Belarus to withdraw its forces from Syria on Monday.",
     ("Vladimir Putin", "REQUEST", "BLR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Putin ordered the Russian defence ministry to withdraw its forces from Syria on Monday.",
     ("RUS", "RETREAT", "SYR", "2016-08-29", "2016-08-29", "text", "hypothetical")),
    # "hoped" is "hope" (not "hop"): a plan
    ("The Ghanaian minister hoped to meet the Kenyan president next month.",
     ("GHA", "CONSULT", "KEN", "2016-10-01", "2016-10-31", "text", "planned")),
    ("Police arrested dozens of protesters in Minsk yesterday.",
     ("COP", "COERCE", "CVL", "2016-09-01", "2016-09-01", "text", "occurred")),
    ("Moscow did not withdraw its troops from the border.",
     ("RUS", "RETREAT", None, PUB, PUB, "publication", "negated")),
    ("If talks fail, Ukraine would ask its Western partners for weapons.",
     ("UKR", "REQUEST", None, PUB, PUB, "publication", "hypothetical")),
    ("Turkish warplanes bombed Kurdish positions in northern Iraq last week.",
     ("TUR", "ASSAULT", None, "2016-08-22", "2016-08-28", "text", "occurred")),
    ("The Kremlin accused Kiev of shelling rebel-held towns.",
     ("RUS", "ACCUSE", "UKR", PUB, PUB, "publication", "occurred")),
    ("After months of talks with Sudan, the United States lifted the trade embargo on Friday.",
     ("USA", "CONCEDE", "SDN", "2016-09-02", "2016-09-02", "text", "occurred")),
    ("Two people died during protests in Peru against the interim government.",  # nobody named: civilians
     ("CVL", "PROTEST", "GOV", PUB, PUB, "publication", "occurred")),
    ("Beijing reiterated calls to halt the deployment of the missile shield.",  # an appeal, no phone call
     ("CHN", "REQUEST", None, PUB, PUB, "publication", "occurred")),
    ("The Arab League condemned Israel's raid on the camp on Monday.",  # "League" here is no sports word
     ("Arab League", "ACCUSE", "ISR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Iran's foreign minister urged Saudi Arabia to stop its air campaign in Yemen.",
     ("IRN", "REQUEST", "SAU", PUB, PUB, "publication", "occurred")),
    # (tenth session) "we" inside a quotation is whoever the sentence says speaks it
    ('"We condemn the provocations of the Chinese navy," Philippine defence minister Gilberto Teodoro told '
     "reporters on Tuesday.",
     ("PHL", "ACCUSE", "CHN", "2016-08-30", "2016-08-30", "text", "occurred")),
    ('Bolivia\'s foreign minister said: "We demand that Chile return our access to the sea."',
     ("BOL", "REQUEST", "CHL", "2016-09-02", "2016-09-02", "publication", "occurred")),
    # a present progressive with a day to come is planned, on that day
    ("Chinese Foreign Minister Wang Yi is visiting Pakistan next week.",
     ("Wang Yi", "CONSULT", "PAK", "2016-09-05", "2016-09-11", "text", "planned")),
    ("The Turkish president is meeting his Greek counterpart in Athens on Thursday.",
     ("TUR", "CONSULT", "GRC", "2016-09-08", "2016-09-08", "text", "planned")),
    # (twenty-sixth session) protesters met with tear gas by police are repressed, not met; an embassy broken
    # into or a parliament ransacked is stormed; shipments of food sent are aid
    ("Sri Lankan protesters were met with tear gas and water cannon by police on Monday.",
     ("LKA", "COERCE", "LKA", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Hundreds of Egyptian protesters broke into the Israeli embassy in Cairo on Monday.",
     ("EGY", "ASSAULT", "ISR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Supporters of the former Brazilian president ransacked Congress on Monday.",
     ("BRA", "ASSAULT", "BRA", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Mexico sent shipments of food and medicine to Cuba on Monday.",
     ("MEX", "AID", "CUB", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-sixth session) a court throwing out a challenge rejects whoever brought it; troops arriving
    # abroad are deployed, not visiting
    ("KINSHASA (Reuters) - Congo's Constitutional Court threw out Fayulu's challenge on Monday.",
     ("COD", "REJECT", "Martin Fayulu", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Australian troops arrived in East Timor on Monday.",
     ("AUS", "MOBILIZE", "TLS", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-sixth session) a conviction is a court's coercion; a leader resigning after protests yields to
    # the protesters; a veto of a statement rejects its drafters; a coup condemned is aimed at its makers
    ("Brazil's Supreme Court convicted former President Jair Bolsonaro of plotting a coup on Monday.",
     ("BRA", "COERCE", "Jair Bolsonaro", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("ALGIERS (Reuters) - Algerian President Abdelaziz Bouteflika resigned on Monday after weeks of mass "
     "protests against his rule.",
     ("Abdelaziz Bouteflika", "CONCEDE", "DZA", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Russia blocked a British-drafted statement at the Security Council on Monday.",
     ("RUS", "REJECT", "UN Security Council", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("TBILISI, Georgia (Reuters) - Thousands of Georgians protested outside parliament on Saturday against a "
     "Russian lawmaker. Kremlin spokesman Dmitry Peskov described the protests as a provocation on Monday.",
     ("RUS", "ACCUSE", "GEO", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-sixth session) branding a state is a charge against it, whatever the label
    ("U.S. President George W. Bush branded Iran part of an \"axis of evil\" on Monday.",
     ("USA", "ACCUSE", "IRN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-sixth session) an organisation suspending a state suspends its membership, also by a vote, and
    # "League" the tagger saw as no name is no sports word; a crowd of thousands is a crowd
    ("The Arab League voted on Monday to suspend Syria.",
     ("Arab League", "SANCTION", "SYR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The African Union suspended Mali on Monday after the coup.",
     ("African Union", "SANCTION", "MLI", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("NAIROBI (Reuters) - Kenyan police fired tear gas at a crowd of thousands on Monday.",
     ("KEN", "COERCE", "CVL", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-sixth session) miners are people, a tribunal a court, the Politburo a government body
    ("MARIKANA, South Africa (Reuters) - South African police opened fire on striking miners on Monday.",
     ("ZAF", "ASSAULT", "CVL", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("DHAKA (Reuters) - A Bangladeshi war crimes tribunal sentenced an opposition leader to death on Monday.",
     ("JUD", "COERCE", "BGD", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-sixth session) a weekday ending a past act's infinitive dates the act; an apology asked for
    ("Venezuela gave three U.S. consular officials 48 hours to leave the country on Monday.",
     ("VEN", "COERCE", "USA", "2016-08-29", "2016-08-29", "text", "occurred")),
    ('"I sincerely ask forgiveness from the Colombian people," rebel leader Rodrigo Londono said on Monday.',
     ("COL", "SUPPORT", "COL", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-sixth session) dozens arrested are people; riot police firing tear gas at no one named repress
    # their own people, not the city
    ("KAMPALA (Reuters) - Ugandan police arrested dozens in Kampala on Monday.",
     ("COP", "COERCE", "CVL", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("BOGOTA (Reuters) - Colombian riot police fired tear gas in Cali on Monday.",
     ("COP", "COERCE", "CVL", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-sixth session) ambassadors advised to leave are expelled; a person's agency acts for him; a
    # round of consultations cancelled and cooperation halted reduce relations
    ("MINSK (Reuters) - Belarus advised the Polish ambassador to leave the country on Monday.",
     ("BLR", "SANCTION", "POL", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Russia's chief sanitary inspector Gennady Onishchenko said Georgian wine was unsafe. His agency "
     "banned imports of Georgian wine on Monday.",
     ("RUS", "SANCTION", "GEO", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("China cancelled a round of consultations with Mongolia on Monday.",
     ("CHN", "SANCTION", "MNG", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Russia halted cooperation with Britain on counter-terrorism on Monday.",
     ("RUS", "SANCTION", "GBR", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-seventh session) a stance on a decision no coded event made is aimed at the story's country
    ("ADDIS ABABA (Reuters) - Ethiopia's parliament approved a new electoral law on Monday. Ethiopia will "
     "hold elections in June. Washington welcomed the decision on Tuesday.",
     ("USA", "SUPPORT", "ETH", "2016-08-30", "2016-08-30", "text", "occurred")),
    # (twenty-seventh session) an annexation or an extension referred back names whoever made it
    ("KIEV (Reuters) - Russian troops seized Crimea's parliament on Friday. Russia's parliament approved the "
     "annexation of Crimea on Monday. Britain condemned the annexation on Tuesday.",
     ("GBR", "ACCUSE", "RUS", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("CAIRO (Reuters) - Egypt's parliament voted on Monday to extend the state of emergency in Egypt by "
     "three months. Egypt's opposition said it would appeal. The United States criticised the extension on "
     "Tuesday.",
     ("USA", "ACCUSE", "EGY", "2016-08-30", "2016-08-30", "text", "occurred")),
    # (twenty-seventh session) an object "them" after another clause's plural subject is that group; a name
    # the parser read as an adverbial noun before an aside is the subject
    ("HONG KONG (Reuters) - Protesters gathered outside parliament on Monday, but riot police dispersed them "
     "with tear gas.",
     ("COP", "COERCE", "CVL", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Beijing, meanwhile, lashed out at Washington on Monday.",
     ("CHN", "ACCUSE", "USA", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-seventh session) "that evening" is the day the sentence before set, itself counted from the
    # one before it
    ("COLOMBO (Reuters) - Protesters stormed the president's residence on Aug. 1. The next day, police "
     "arrested 20 protesters. That evening, the army deployed troops in Colombo.",
     ("MIL", "MOBILIZE", "LKA", "2016-08-02", "2016-08-02", "text", "occurred")),
    # (twenty-seventh session) an act ruled out did not happen
    ("Australia ruled out sending troops to Fiji on Monday.",
     ("AUS", "MOBILIZE", "FJI", "2016-08-29", "2016-08-29", "text", "negated")),
    # (twenty-seventh session) a league "for" something is an organisation, no sports word
    ("ALGIERS (Reuters) - Riot police arrested several activists on Monday in Algiers, according to the "
     "Algerian League for the Defence of Human Rights.",
     ("COP", "COERCE", "DZA", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-seventh session) a hyphenated given name the parser splits is still the name ("Jae-in")
    ("President Moon Jae-in criticised Japan's export curbs on Monday.",
     ("Moon Jae-in", "ACCUSE", "JPN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-seventh session) contacts frozen reduce relations; troops returning home withdraw; a decreed
    # dissolution dissolves; a town retaken (the small model's lemma of "retook" is "retook") is taken by
    # force; soldiers killed in fighting with troops were killed by them
    ("NATO froze regular contacts with Russia on Monday.",
     ("IGO", "SANCTION", "RUS", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The Spanish troops will return home from Iraq next month.",
     ("ESP", "RETREAT", "IRQ", "2016-10-01", "2016-10-31", "text", "planned")),
    ("Venezuelan President Hugo Chavez decreed the dissolution of the National Assembly on Monday.",
     ("VEN", "COERCE", "LEG", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Malian troops retook the town of Konna from Islamist rebels on Monday.",
     ("MLI", "ASSAULT", "REB", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Twenty Indian soldiers were killed in fighting with Chinese troops on Monday.",
     ("CHN", "ASSAULT", "IND", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-seventh session) a counted demonym is people, whatever its tag ("Zimbabweans" is tagged a
    # singular name), and so is one with "many"
    ("Thousands of Zimbabweans marched in Harare on Monday to demand that Mugabe resign.",
     ("CVL", "REQUEST", "Robert Mugabe", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Many South Koreans boycotted Japanese goods on Monday.",
     ("CVL", "PROTEST", None, "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-seventh session) a leader resigning "bowing to" or "in the face of" protests yields to them
    ("YEREVAN (Reuters) - Armenian Prime Minister Serzh Sargsyan resigned on Monday, bowing to 11 days of "
     "mass protests against his rule.",
     ("Serzh Sargsyan", "CONCEDE", "CVL", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("CAIRO (Reuters) - President Hosni Mubarak resigned on Monday in the face of mass protests.",
     ("Hosni Mubarak", "CONCEDE", "CVL", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-eighth session) an internet blackout extended or data slowed restricts communication; a group
    # declared terrorist is designated; fire traded goes both ways;
    # meetings frozen reduce relations; a crowd chased away by police is dispersed; a regional demonym is
    # people of its state
    ("Ethiopia extended a blackout of mobile internet in Tigray on Monday.",
     ("ETH", "COERCE", "ETH", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The Ethiopian authorities slowed data services across Oromia on Monday.",
     ("ETH", "COERCE", "ETH", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Egypt declared the Muslim Brotherhood a terrorist organisation on Monday.",
     ("EGY", "COERCE", "Muslim Brotherhood", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Eritrean and Djiboutian troops traded mortar fire on Monday.",
     ("ERI", "ASSAULT", "DJI", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The European Union froze high-level meetings with Belarus on Monday.",
     ("European Union", "SANCTION", "BLR", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Students were chased away by Nepalese riot police on Monday.",
     ("NPL", "COERCE", "NPL", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Thousands of Tigrayans marched in Mekelle on Monday to demand that the government resign.",
     ("ETH", "REQUEST", "ETH", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-eighth session) a minister "due in" a capital visits it, planned for the day named; trade frozen
    # is a sanction; coming under fire from critics is no attack
    ("The Indonesian foreign minister is due in Phnom Penh on Tuesday.",
     ("IDN", "CONSULT", "KHM", "2016-09-06", "2016-09-06", "text", "planned")),
    ("Saudi Arabia froze all new trade and investment with Canada on Monday.",
     ("SAU", "SANCTION", "CAN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-eighth session) an envoy pulled or flown out is recalled
    ("Jordan pulled its envoy from Tel Aviv on Monday.",
     ("JOR", "SANCTION", "ISR", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-eighth session) a party given until a day to act is given an ultimatum
    ("The African Union gave Guinea's junta until Friday to hand over power.",
     ("African Union", "THREATEN", "GIN", "2016-09-02", "2016-09-02", "publication", "occurred")),
    # (twenty-eighth session) verdicts called chilling and draconian are condemned
    ("The U.S. secretary of state called Egypt's verdicts chilling and draconian on Monday.",
     ("USA", "ACCUSE", "EGY", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-eighth session) diplomats ordered out are expelled; lawmakers stripped of their immunity are
    # coerced
    ("Norway ordered three Russian diplomats out of the country on Monday.",
     ("NOR", "SANCTION", "RUS", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("A Turkish court stripped four Kurdish lawmakers of their immunity on Monday.",
     ("TUR", "COERCE", "TUR", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-ninth session) a named object counts as its title ("expelled U.S. Ambassador Philip Goldberg");
    # hostages taken, backing given, courts boycotted by lawyers, arms sales suspended
    ("Bolivian President Evo Morales ordered U.S. Ambassador Philip Goldberg to leave the country on "
     "Monday.",
     ("BOL", "SANCTION", "USA", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Pakistani President Pervez Musharraf suspended Chief Justice Iftikhar Chaudhry on Monday.",
     ("PAK", "COERCE", "PAK", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Chechen fighters took some 800 people hostage in a Moscow theatre on Wednesday.",
     ("RUS", "ASSAULT", "RUS", "2016-08-31", "2016-08-31", "text", "occurred")),
    ("Palestinian President Mahmoud Abbas gave the Lebanese army his backing on Tuesday.",
     ("PSE", "SUPPORT", "LBN", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Pakistani lawyers boycotted courts across the country on Monday.",
     ("PAK", "PROTEST", "PAK", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Britain suspended arms sales to Zimbabwe on Monday.",
     ("GBR", "SANCTION", "ZWE", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-ninth session) "the paramilitaries" refer back to the armed group told before
    ("The Rapid Support Forces seized El Fasher on Sunday. The UN human rights chief, Volker Turk, accused "
     "the paramilitaries of summary executions on Monday.",
     ("United Nations", "ACCUSE", "SDN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-ninth session) a clause's subject acting "in protest" protests, at home against its government
    ("Hundreds of Kenyan youths ripped up a stretch of the railway in protest on Saturday.",
     ("KEN", "PROTEST", "KEN", "2016-08-27", "2016-08-27", "text", "occurred")),
    # (twenty-ninth session) a rejection of the charges answers whoever brought them
    ("Peruvian prosecutors charged Alberto Pizango with sedition on Monday. Pizango met Nicaraguan "
     "diplomats on Tuesday. Pizango rejected the charges on Wednesday.",
     ("PER", "REJECT", "PER", "2016-08-31", "2016-08-31", "text", "occurred")),
    # (twenty-ninth session) force that answers an attack is aimed at the attacker; "would pay for the
    # attack" threatens; "the mutiny" is the soldiers' seizure told before
    ("Azerbaijani troops shelled Armenian positions in Tavush on Sunday. Armenian Prime Minister Nikol "
     "Pashinyan said on Monday that Armenia's armed forces would respond with force to any attack.",
     ("ARM", "THREATEN", "AZE", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Turkish Defence Minister Hulusi Akar said on Monday that Armenia would pay for the attack.",
     ("TUR", "THREATEN", "ARM", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("Malian soldiers mutinied at the Kati base on Monday and detained President Ibrahim Boubacar Keita. "
     "France condemned the mutiny on Tuesday.",
     ("FRA", "ACCUSE", "MIL", "2016-08-30", "2016-08-30", "text", "occurred")),
    # (twenty-ninth session) a deal called a failure, an act called a stab in the back, are condemned
    ("Britain signed a migration treaty with Rwanda on Monday. French officials called the treaty a complete "
     "failure on Tuesday.",
     ("FRA", "ACCUSE", "GBR", "2016-08-30", "2016-08-30", "text", "occurred")),
    ("Australia scrapped its submarine deal with France on Monday. The French foreign minister called the "
     "move a stab in the back on Tuesday.",
     ("FRA", "ACCUSE", "AUS", "2016-08-30", "2016-08-30", "text", "occurred")),
    # (twenty-ninth session) a party that "followed suit" makes the act just told, on its own day
    ("ECOWAS suspended Guinea from its decision-making bodies on Monday. The African Union followed suit on "
     "Tuesday.",
     ("African Union", "SANCTION", "GIN", "2016-08-30", "2016-08-30", "text", "occurred")),
    # (thirtieth session) a weak title before a known name takes its phrase's specific word: an opposition
    # leader out of office leads the opposition
    ("Kenyan opposition leader Kalonzo Musyoka accused President Uhuru Kenyatta of fraud on Monday.",
     ("OPP", "ACCUSE", "Uhuru Kenyatta", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (thirtieth session) an agentless detention continues the article's latest coercion by a state body or
    # an armed group, when that is none of the victim's side
    ("Gabonese army officers seized power on Monday and detained President Ali Bongo Ondimba. Two government "
     "ministers were also arrested on Tuesday.",
     ("MIL", "COERCE", "GOV", "2016-08-30", "2016-08-30", "text", "occurred")),
    # (thirtieth session) a reported deed whose object a word of condemnation qualifies accuses its doer
    ("Moon Jae-in said on Monday that Japan had made a very reckless decision.",
     ("KOR", "ACCUSE", "JPN", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (thirtieth session) a state shut out of a body with no agent named is shut out by that body; a partner
    # removed from a list or a programme is sanctioned
    ("Fiji was suspended from the Pacific Islands Forum on Monday.",
     ("Pacific Islands Forum", "SANCTION", "FJI", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("The United States removed Turkey from the F-35 fighter jet programme on Monday.",
     ("USA", "SANCTION", "TUR", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (thirtieth session) a share of a whole is its "of" object: suspending part of the aid is a sanction
    ("The United States suspended part of its aid to Ethiopia on Monday.",
     ("USA", "SANCTION", "ETH", "2016-08-29", "2016-08-29", "text", "occurred")),
    # (twenty-seventh session) "at the weekend" is the weekend before, as "over the weekend"
    ("Germany criticised Turkey at the weekend.",
     ("DEU", "ACCUSE", "TUR", "2016-08-27", "2016-08-28", "text", "occurred")),
    # "ethnic Albanians" are people of the story's country, not Albania's
    ("SKOPJE (Reuters) - Ethnic Albanian rebels attacked a police station near Tetovo on Monday.",
     ("MKD", "ASSAULT", "MKD", "2016-08-29", "2016-08-29", "text", "occurred")),
    ("SKOPJE (Reuters) - Macedonian police detained four ethnic Albanians on Monday.",
     ("MKD", "COERCE", "MKD", "2016-08-29", "2016-08-29", "text", "occurred")),
    # a quantity word heading a name counts nothing: the name acts
    ("The Group of Twenty urged Ethiopia to end the fighting on Wednesday.",
     ("G20", "REQUEST", "ETH", "2016-08-31", "2016-08-31", "text", "occurred")),
    # a state's restriction with nobody named falls on its own people; a bare crowd is civilians
    ("The Togolese government imposed a curfew in Lome on Saturday.",
     ("TGO", "COERCE", "CVL", "2016-08-27", "2016-08-27", "text", "occurred")),
    ("Authorities in Gabon cut the internet after the vote.",
     ("GAB", "COERCE", "CVL", PUB, PUB, "publication", "occurred")),
    ("Soldiers in Conakry fired on the crowd on Thursday.",
     ("GIN", "ASSAULT", "CVL", "2016-09-01", "2016-09-01", "text", "occurred")),
    # a demonym counted by a number is people, whose protest is a protest; an agentless arrest is the police's
    # of the country it happens in
    ("Several hundred Bosnians protested in Sarajevo on Thursday.",
     ("CVL", "PROTEST", None, "2016-09-01", "2016-09-01", "text", "occurred")),
    ("Two Britons were detained in Tehran on Monday.",
     ("COP", "COERCE", "GBR", "2016-08-29", "2016-08-29", "text", "occurred")),
    # a gerund standing as a noun subject is the noun's event ("Fighting between ... broke out")
    ("Fighting between Sudanese and Chadian troops broke out on Saturday.",
     ("SDN", "ASSAULT", "TCD", "2016-08-27", "2016-08-27", "text", "occurred")),
    # "the visit of X to Y": X travels to Y
    ("Kenyan officials praised the visit of Chinese Premier Li Keqiang to Nairobi.",
     ("Li Keqiang", "CONSULT", "KEN", PUB, PUB, "publication", "occurred")),
    # a threat told by a noun is aimed at whom its infinitive names
    ("Venezuela's threat to attack Guyana drew condemnation.",
     ("VEN", "THREATEN", "GUY", PUB, PUB, "publication", "occurred")),
    # what the source owns is no fall-back target of its refusal: the refused act's other party is
    ("Armenia refused to withdraw its border guards from the disputed villages of Azerbaijan.",
     ("ARM", "REJECT", "AZE", "2016-09-02", "2016-09-02", "publication", "occurred")),
    # an act whose object is denied by "no" did not happen
    ("Serbia gave no aid to the Kosovo government in 2015.",
     ("SRB", "AID", "XKX", "2015-01-01", "2015-12-31", "text", "negated")),
]  # fmt: skip


def label(actor: object) -> set[str]:
    if actor is None:
        return {"<none>"}
    return {x for x in (actor.name, actor.country, actor.sector) if x}  # type: ignore[attr-defined]


def matches(event: Event, expected: tuple[str, str, str | None, str, str, str, str]) -> bool:
    source, plover, target, start, end, basis, status = expected
    return (
        source in label(event.source)
        and event.code.plover == plover
        and (target is None or target in label(event.target))
        and event.date.to_dict() == {"start": start, "end": end, "basis": basis}
        and event.status == status
    )


def _coded(text: str, config: Config | None = None) -> list[tuple[str | None, str, str | None]]:
    """(source country, CAMEO code, target country) of each event coded from ``text``."""
    events = whimbrel.code(text, published=PUB, fmt="text", config=config)
    return [(e.source.country, e.code.cameo, e.target and e.target.country) for e in events]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_codes_as_expected(
    text: str, expected: tuple[str, str, str | None, str, str, str, str]
) -> None:
    # A one-sided act (expected target None) is emitted only with Config(targetless=True).
    # An act asked for or threatened is emitted only with Config(contents=True).
    config = Config(targetless=expected[2] is None, contents=expected[6] == "hypothetical")
    events = whimbrel.code(text, published=PUB, fmt="text", config=config)
    got = [(e.source.to_dict(), e.code.plover, e.target and e.target.to_dict(), e.date.to_dict(), e.status)
           for e in events]  # fmt: skip
    assert any(matches(e, expected) for e in events), got


@pytest.mark.parametrize(
    "text",
    [
        "If talks fail, Ukraine would ask its partners for weapons.",  # its partners: itself
        "Beijing reiterated calls to halt the deployment of the missile shield.",
        "The Kenyan minister warned against a hasty deal.",
    ],
)
def test_one_sided_acts_need_targetless(text: str) -> None:
    assert all(e.target is not None for e in whimbrel.code(text, published=PUB, fmt="text"))
    assert any(e.target is None for e in whimbrel.code(text, published=PUB, fmt="text",
                                                       config=Config(targetless=True)))  # fmt: skip


def test_no_publication_date_leaves_relative_dates_unknown() -> None:
    events = whimbrel.code("Putin met Xi Jinping in Beijing on Monday.", fmt="text")
    assert events and all(e.date.basis == "unknown" and e.date.start is None for e in events)


def test_absolute_year_resolves_without_publication_date() -> None:
    events = whimbrel.code("In 2008, Obama criticized Putin over the war in Georgia.", fmt="text")
    assert any(e.date.start == date(2008, 1, 1) and e.date.end == date(2008, 12, 31) for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Manchester United beat Chelsea 2-1 on Saturday.",
        "Shares of Apple rose 3 percent after the company reported record profits.",
        "The storm hit the coast of Florida on Tuesday.",
        "Liverpool attacked Arsenal's defence in the Premier League on Sunday.",
        # "has" of the perfect tense in a reported clause is no obligation ("said Y has to ...")
        "A nurse has been diagnosed with malaria after flying home from Ghana, the health ministry said.",
    ],
)
def test_non_political_sentences_give_no_event(text: str) -> None:
    assert whimbrel.code(text, published=PUB, fmt="text") == []


def test_spans_point_at_the_sentence_and_trigger() -> None:
    text = "Title line\n\nPutin met Xi Jinping in Beijing on Monday. Later, Obama criticized Putin."
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert events
    for e in events:
        d = e.to_dict()
        s, t = d["span"], d["trigger_span"]
        assert e.article.text[s[0] : s[1]] == d["sentence"]
        assert e.article.text[t[0] : t[1]] == d["trigger"]
        for actor in (d["source"], d["target"]):
            if actor and actor["span"]:
                assert e.article.text[actor["span"][0] : actor["span"][1]] == actor["text"]


def test_an_agentless_killing_continues_the_latest_attacks() -> None:
    # (twenty-fifth session) "Three soldiers were killed": by the attackers just told; never by the victims'
    # own side, nor after an act that was no attack
    text = (
        "Islamist militants attacked Malian troops near Mopti on Tuesday. Three soldiers were killed on "
        "Tuesday."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    killed = [e for e in events if e.target is not None and e.target.text == "Three soldiers"]
    assert [(e.code.plover, e.source.text) for e in killed] == [("ASSAULT", "Islamist militants")], events
    calm = (
        "Police fired tear gas at protesters in Bamako on Tuesday. Three protesters were killed on Tuesday."
    )
    assert all(e.code.plover != "ASSAULT" for e in whimbrel.code(calm, published=PUB, fmt="text"))


def test_an_agentless_detention_continues_the_latest_coercion() -> None:
    # (thirtieth session) by whoever made the latest coercion when that is a state body or an armed group;
    # else, as with no coercion before, by the police of the country
    text = (
        "Gabonese army officers seized power on Monday and detained President Ali Bongo Ondimba. Two "
        "government ministers were also arrested on Tuesday."
    )
    arrested = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "arrested"]
    assert [(e.source.text, e.source.sector) for e in arrested] == [("Gabonese army officers", "MIL")]
    for text in (
        "Kenyan protesters detained two police officers on Monday. Two opposition lawmakers were arrested on "
        "Tuesday.",
        "Kenyan protesters blocked roads in Nairobi on Monday. Two opposition lawmakers were arrested on "
        "Tuesday.",
    ):
        events = whimbrel.code(text, published=PUB, fmt="text")
        later = [e for e in events if e.date.to_dict()["start"] == "2016-08-30"]
        assert [(e.source.text, e.source.country, e.source.sector) for e in later] == [("", "KEN", "COP")]


def test_two_coordinated_acts_of_one_type_are_two_events() -> None:
    # (twenty-fifth session) two verbs, two codes: two sanctions; a participle after an attack tells the
    # same act
    events = whimbrel.code(
        "Turkey expelled Israel's ambassador on Friday and suspended all military agreements with Israel.",
        published=PUB,
        fmt="text",
    )
    assert [(e.code.plover, e.target and e.target.country) for e in events] == [("SANCTION", "ISR")] * 2
    attack = "Taliban fighters attacked a police post in Kunduz on Friday, killing four and wounding six."
    assert [e.code.plover for e in whimbrel.code(attack, published=PUB, fmt="text")] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "French jets bombed Libyan tanks near Benghazi on Saturday. The Arab League criticised the "
        "bombardment of civilians on Sunday.",
        "The Arab League criticised the bombardment of Libyan civilians by French jets on Sunday.",
    ],
)
def test_a_stance_on_harm_is_aimed_at_who_did_it(text: str) -> None:
    # (twenty-fifth session) "criticised the bombardment of civilians": at the bombers, never the civilians
    events = whimbrel.code(text, published=PUB, fmt="text")
    stance = [e for e in events if e.code.plover == "ACCUSE"]
    assert stance and all(e.target is not None and e.target.country == "FRA" for e in stance), events


@pytest.mark.parametrize(
    "text",
    [
        "Chavez praised Latin America on Monday.",
        "South American leaders met in Quito on Monday.",
        "Brazil hosted Central American presidents on Monday.",
    ],
)
def test_the_americas_are_no_united_states(text: str) -> None:
    # (twenty-fifth session) "Latin America", "South American": a region, not the United States
    events = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    assert events and all(a.country != "USA" for e in events for a in (e.source, e.target) if a), events


def test_a_purpose_is_addressed_to_everyone_contacted() -> None:
    # (twenty-fifth session) "telephoned X and Y to urge": the request goes to both
    events = whimbrel.code(
        "The U.S. secretary of state telephoned Correa and Uribe on Sunday to urge restraint.",
        published="2008-03-04",
        fmt="text",
    )
    asked = {e.target.country for e in events if e.code.plover == "REQUEST" and e.target is not None}
    assert asked == {"ECU", "COL"}, events


def test_two_targets_give_two_events() -> None:
    text = "Putin met German Chancellor Angela Merkel and French President Francois Hollande."
    events = whimbrel.code(text, published=PUB, fmt="text")
    targets = {e.target.name for e in events if e.target}
    assert {"Angela Merkel", "Francois Hollande"} <= targets or {
        "Angela Merkel",
        "François Hollande",
    } <= targets


@pytest.mark.parametrize(
    ("text", "plover", "pair"),
    [
        ("Armenia and Azerbaijan accused one another of shelling villages.", "ACCUSE", {"ARM", "AZE"}),
        ("Johnson and Corbyn attacked each other's plans on Tuesday.", "ACCUSE",
         {"Boris Johnson", "Jeremy Corbyn"}),
    ],
)  # fmt: skip
def test_reciprocal_object_gives_both_directions(text: str, plover: str, pair: set[str]) -> None:
    events = whimbrel.code(text, published="2019-11-20", fmt="text")
    dyads = {(e.source.name or e.source.country, e.target.name or e.target.country)
             for e in events if e.target and e.code.plover == plover}  # fmt: skip
    a, b = sorted(pair)
    assert {(a, b), (b, a)} <= dyads, dyads


def test_text_without_sentence_ends_is_coded_in_bounded_windows() -> None:
    words = "police arrested protesters near the parliament while officials met the envoy and"
    text = " ".join([words] * 2000)  # about 160,000 characters on one line, no full stop
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert events
    assert max(len(e.sentence) for e in events) <= 5_000


def test_a_sports_story_yields_no_event() -> None:
    text = (
        "Spain beat Portugal 3-1 in the semifinal on Saturday.\n\n"
        "The defending champions attacked from the first whistle, and the coach praised his players.\n\n"
        "Portugal's captain accused the referee of bias after the match.\n\n"
        "Spain will meet France in the final on Wednesday, when the tournament ends.\n\n"
        "Spain and Croatia met twice last year in Madrid."  # no sports word: the article decides
    )
    lone = whimbrel.code("Spain and Croatia met twice last year in Madrid.", published=PUB, fmt="text")
    assert lone, "the sentence alone codes as a meeting"
    assert whimbrel.code(text, published=PUB, fmt="text") == []


def test_a_rebuttal_answers_the_latest_accuser() -> None:
    text = "Moscow accused Washington of arming rebels.\n\nThe Pentagon rejected these accusations."
    events = whimbrel.code(text, published="2019-11-20", fmt="text")
    rebuttal = next(e for e in events if e.code.plover == "REJECT")
    assert rebuttal.source.country == "USA" and rebuttal.target is not None
    assert rebuttal.target.country == "RUS" and rebuttal.target.span is None  # named in the sentence before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Latvia accused Belarus of pushing migrants over the border.\n\nMinsk has denied any involvement.",
         ("BLR", "LVA")),
        ("Peru blamed Bolivian smugglers for the fires. Bolivia's government denied any role in the blazes.",
         ("BOL", "PER")),
        ("Norway accused Russia of jamming GPS signals. The Kremlin denies responsibility.", ("RUS", "NOR")),
        # (twenty-fifth session) ties denied: whom they would be with is part of the deed
        ("Syria accused Turkey of arming Islamic State fighters. Ankara denied any contact with the "
         "militants.", ("TUR", "SYR")),
    ],
)  # fmt: skip
def test_a_deed_denied_answers_the_latest_accuser(text: str, expected: tuple[str, str]) -> None:
    # (twenty-second session) "denied any involvement": a rejection of the accusation, no statement of nothing
    events = whimbrel.code(text, published="2019-11-20", fmt="text")
    got = [(e.source.country, e.target and e.target.country) for e in events if e.code.plover == "REJECT"]
    assert got == [expected], events


def test_unnamed_bodies_of_no_country_are_told_apart() -> None:
    text = "The ombudsman said the deaths were caused by gunshots and called on the interim government to go."
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [(e.source.text, e.code.plover, e.target and e.target.text) for e in events] == [
        ("The ombudsman", "REQUEST", "the interim government")
    ]


@pytest.mark.parametrize(
    ("text", "accusation"),
    [
        ("Kiev claimed that Russian troops shelled the town of Izium on Monday.", ("UKR", "RUS")),
        ("The rebels alleged that the army had bombed a hospital in the north.", ("REB", "MIL")),
        ("Ukraine said Russian forces shelled Kharkiv on Monday.", None),  # a report, not a claim
        ("Police claimed they had arrested 40 looters.", None),  # the perpetrator's own claim
        # a source cited is no claim made (twenty-second session)
        ("Government troops killed 12 rebels in the north, according to the Red Cross.", None),
        ("According to Amnesty International, police officers beat protesters in Minsk.", None),
        # a watchdog's or the opposition's report of the state's force accuses it (thirteenth session)
        (
            "Protests erupted in Tbilisi. Rights groups said police officers beat demonstrators overnight.",
            ("NGO", "COP"),
        ),
    ],
)
def test_an_alleged_act_of_force_is_also_an_accusation(text: str, accusation: tuple[str, str] | None) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    accusations = [e for e in events if e.code.plover == "ACCUSE"]
    if accusation is None:
        assert accusations == []
        return
    assert len(accusations) == 1, [(e.source.text, e.code.plover, e.target and e.target.text) for e in events]
    claim = accusations[0]
    assert accusation[0] in label(claim.source) and accusation[1] in label(claim.target)
    assert claim.code.cameo == "112" and claim.status == "occurred" and claim.trigger in text
    assert text[claim.trigger_span[0] : claim.trigger_span[1]] == claim.trigger


def test_a_target_less_act_continues_the_sources_latest_dyad() -> None:
    text = (
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday.\n\n"
        "On Tuesday, Ruto telephoned again to discuss the border."
    )
    events = whimbrel.code(text, published="2024-05-10", fmt="text")
    later = [e for e in events if e.date.start == date(2024, 5, 7)]
    assert later and all(e.target is not None and e.target.name == "Yoweri Museveni" for e in later)
    assert all(e.target is not None and e.target.span is None for e in later)  # named in an earlier sentence
    assert all(e.confidence < events[0].confidence for e in later)
    alone = whimbrel.code("On Tuesday, Ruto telephoned again to discuss the border.", published="2024-05-10")
    assert alone == []


@pytest.mark.parametrize(
    "text",
    [
        "The opposition leader called on the military government to withdraw troops from the capital.",
        "The senators pressed the White House to lift the tariffs.",
        "The Nigerian president urged the junta to hand back power.",
    ],
)
def test_an_act_asked_for_never_takes_the_asker_as_target(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    asker = events[0].source.text
    assert events[0].code.plover == "REQUEST"
    assert all(e.target is None or e.target.text != asker for e in events[1:])


def test_one_act_told_by_two_triggers_is_one_event() -> None:
    text = "Taliban fighters attacked a police post in Kunduz on Friday, killing four and wounding six."
    coder = load_coder(Config())
    sent = next(coder.nlp(text).sents)
    assert len(coder.extractor.extract(sent)) >= 2  # several triggers ...
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [e.code.plover for e in events] == ["ASSAULT"]  # ... one event


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired a ballistic missile into the sea on Tuesday, South Korea's military said.",
        "The rebel commander ordered the attack to begin at dawn, the Syrian news agency SANA reported.",
    ],
)
def test_who_reports_an_act_is_never_its_fall_back_target(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    reporter = text.rindex(",")
    assert all(e.target is None or e.target.span is None or e.target.span[0] < reporter for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Japan's prime minister told parliament on Monday that the new air zone was utterly invalid.",
        "The Turkish president said to lawmakers in Ankara that the blockade was illegal.",
    ],
)
def test_a_speakers_own_assembly_only_hears_the_statement(text: str) -> None:
    # (twenty-fifth session) "told parliament that …": the assembly heard it, no party to what was said
    events = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    assert all(e.target is None or e.target.sector != "LEG" for e in events), events
    asked = whimbrel.code(
        "Obama told Congress on Monday to approve the trade deal.", published=PUB, fmt="text"
    )
    assert [(e.code.plover, e.target and e.target.sector) for e in asked] == [("REQUEST", "LEG")]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Years after the American invasion, Baghdad still relies on Washington for security.", "ASSAULT"),
        ("The Oslo peace talks collapsed in 2000, and Israel blamed the Palestinians.", "CONSULT"),
        # (twenty-second session) a protecting power's custody of an embassy holds no one; protesters
        # scuffling with police are no clash of armed men
        ("Brazil agreed on Friday to take over custody of the Argentine embassy in Caracas.", "COERCE"),
        ("Hundreds of Korean protesters scuffled with police outside the assembly on Tuesday.", "ASSAULT"),
        # (twenty-fifth session) a war, a decision or a widow is no body speaking for its owner
        ("Bosnia's war killed about 100,000 people.", "ASSAULT"),
        ("Navalny's widow accused Putin of murder.", "ACCUSE"),
        ("Gunmen linked to al-Qaeda stormed a hotel in Bamako.", "ACCUSE"),
        ("Nepal released a new official map showing Indian-held territory as its own on Monday.", "CONCEDE"),
        ("Kenyan police met with stiff resistance from Somali militants on Monday.", "CONSULT"),
    ],
)
def test_words_of_an_act_that_make_no_such_act(text: str, plover: str) -> None:
    # an act told by a noun takes no target from elsewhere in the sentence (the first two)
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert plover not in [e.code.plover for e in events]


def test_only_talk_continues_a_dyad_a_material_act_needs_its_own_target() -> None:
    before = "Kenya accused Somalia of harbouring militants on Monday.\n\n"
    verbal = whimbrel.code(before + "On Tuesday Kenya repeated the accusation.", published=PUB, fmt="text")
    assert [(e.code.plover, e.target and e.target.text) for e in verbal] == [("ACCUSE", "Somalia")] * 2
    material = whimbrel.code(before + "On Tuesday Kenya imposed a curfew.", published=PUB, fmt="text")
    # (tenth session: the curfew falls on Kenya's own people, never on the Somalia of the dyad before)
    got = [(e.code.plover, e.target and e.target.country) for e in material]
    assert got == [("ACCUSE", "SOM"), ("COERCE", "KEN")], got


def test_the_loaded_coder_is_out_of_the_collectors_sight() -> None:
    import gc

    coder = load_coder(Config())
    assert gc.get_freeze_count() > 0  # gc.freeze ran after loading (whimbrel.api.load_coder)
    assert whimbrel.code("Kenya accused Somalia of harbouring militants.", published=PUB)  # still codes
    assert coder is load_coder(Config())


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("In 1993, the Israeli prime minister opposed the Oslo peace talks.", None),
        ("The Ukrainian president criticised the Minsk agreement on Monday.", None),
        ("The Iranian foreign minister defended the Iran nuclear deal.", "IRN"),  # a country's name: a party
        ("Tehran rejected the Washington proposal.", "USA"),  # a seat, but not a venue noun: the government
    ],
)
def test_a_city_naming_where_talks_happen_is_no_actor(text: str, target: str | None) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [e.target.country for e in events if e.target is not None][:1] == ([target] if target else [])


@pytest.mark.parametrize(
    "text",
    [
        "No Turkish troops attacked the Kurdish town, Ankara insisted.",
        "Kenya said no Somali officials had visited Nairobi.",
    ],
)
def test_a_phrase_with_no_names_nobody(text: str) -> None:
    assert whimbrel.code(text, published=PUB, fmt="text") == []


def test_a_denial_answers_whoever_made_the_claim() -> None:
    text = "Seoul accused Pyongyang of firing shells.\n\nPyongyang said the reports were untrue."
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [(e.source.country, e.code.plover, e.target and e.target.country) for e in events] == [
        ("KOR", "ACCUSE", "PRK"),
        ("PRK", "REJECT", "KOR"),
    ]


def test_a_denial_of_a_claim_nobody_made_names_no_other_party() -> None:
    # the country named inside the denied report is not the one the denial answers
    text = "China said the reports of a naval blockade near Taiwan were untrue."
    assert whimbrel.code(text, published=PUB, fmt="text") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington wants Beijing to rein in the North Korean regime.", ("USA", "020", "CHN")),
        ("The European Union wants Turkey to stop the flow of migrants.", (None, "020", "TUR")),
        ("Germany would like Russia to pull its troops back from the border.", ("DEU", "020", "RUS")),
        ("Iran does not want Israel to strike its nuclear sites.", ("IRN", "020", "ISR")),
        # the subject itself is to act: an intention, no ask
        ("Iran wants to help Syria rebuild its army.", None),
        ("The rebels would like to meet the government in Geneva.", None),
    ],
)  # fmt: skip
def test_wanting_someone_else_to_act_is_an_ask(
    text: str, expected: tuple[str | None, str, str] | None
) -> None:
    asks = [c for c in _coded(text) if c[1] == "020"]
    assert asks == ([expected] if expected else []), _coded(text)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # an infinitive parsed as a purpose clause after a verb of asking is still the addressee's act
        ("France will press Tehran to free two French citizens.", ("IRN", "CONCEDE", "FRA", "hypothetical")),
        ("Trump invited Theresa May to visit him in Washington.", ("GBR", "CONSULT", "USA", "hypothetical")),
        # ... not after any verb: the subject acts ("used the meeting to warn")
        ("Obama will use the meeting to warn Putin.", ("USA", "THREATEN", "RUS", "planned")),
        # a scheduled act is its subject's ("is due to travel"), on the day of the place it is told in
        ("Indonesian President Prabowo Subianto is due to travel to Seoul on Friday, where he is expected to "
         "meet South Korea's president.", ("IDN", "CONSULT", "KOR", "planned")),
        # a tensed verb after an ordered infinitive is the orderer's own act
        ("Iran agreed to resume talks with France and released two French citizens.",
         ("IRN", "CONCEDE", "FRA", "occurred")),
        # a simple past after a denied perfect clause is the denier's own act
        ("Georgia's interior ministry denied that police had used excessive force and accused Russia of "
         "stirring up the protests.", ("GEO", "ACCUSE", "RUS", "occurred")),
    ],
)  # fmt: skip
def test_who_does_the_act_asked_for(text: str, asked: tuple[str, str, str, str]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text", config=CONTENTS)
    got = [(e.source.country, e.code.plover, e.target and e.target.country, e.status) for e in events]
    assert asked in got, got


@pytest.mark.parametrize(
    ("text", "asked", "addressee"),
    [
        ("The Kenyan government gave Somalia an ultimatum to withdraw its ambassador.", "SANCTION", "SOM"),
        ("The court set a deadline for the Hungarian government to release the documents.", "CONCEDE", "HUN"),
        ("The UN renewed its appeal to the Libyan rebels to release the hostages.", "CONCEDE", "LBY"),
    ],
)  # fmt: skip
def test_a_demand_passes_its_act_to_whom_it_addresses(text: str, asked: str, addressee: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text", config=CONTENTS)
    act = [e for e in events if e.code.plover == asked]
    assert act, [(e.code.plover, e.source.text) for e in events]
    # the addressee would act, the demand's author does not; and the act has not happened
    assert all(e.source.country == addressee and e.status in ("hypothetical", "planned") for e in act)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ethiopia gave Egypt a two-week deadline to stop the dam talks.", "EGY"),
        ("The Kenyan government gave Somalia an ultimatum to withdraw its ambassador.", "SOM"),
        ("The United States issued a deadline to the Taliban.", None),
    ],
)
def test_a_deadline_is_an_ultimatum_to_its_recipient(text: str, target: str | None) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.cameo == "139"]
    assert len(events) == 1 and events[0].status == "occurred"
    assert events[0].target is not None
    if target is not None:
        assert events[0].target.country == target


@pytest.mark.parametrize(
    ("text", "plover", "pair"),
    [
        # the arguments of an event noun hang on the verb of happening
        ("Clashes erupted between protesters and Bolivian security forces.", "ASSAULT", {"BOL"}),
        ("Talks took place in Geneva between Iranian and American diplomats.", "CONSULT", {"IRN", "USA"}),
        ("Heavy fighting broke out between Armenian and Azerbaijani forces on Sunday.", "ASSAULT",
         {"ARM", "AZE"}),
        # one phrase names both parties of a joint act
        ("Clashes between Israeli and Palestinian youths left ten injured.", "ASSAULT", {"ISR", "PSE"}),
    ],
)  # fmt: skip
def test_a_joint_act_told_by_a_noun_finds_both_parties(text: str, plover: str, pair: set[str]) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == plover]
    assert events, text
    for e in events:
        assert e.target is not None and {e.source.country, e.target.country} == pair


@pytest.mark.parametrize(
    "text",
    [
        "Fighting broke out in the northern province on Sunday.",  # nobody named: no dyad
        "Clashes between the two teams' fans took place outside the stadium.",  # no actor
        "Talks took place in a relaxed atmosphere.",
    ],
)
def test_a_joint_act_with_no_parties_named_gives_no_event(text: str) -> None:
    assert whimbrel.code(text, published=PUB, fmt="text") == []


# sentence -> (source country, source sector, PLOVER type, target country) that must be among the events
CROWDS_AND_CAPTORS = [
    # "anti-X" names whom a protest is against, never who protests; the crowd is the place's civilians
    ("Anti-American demonstrations spread across Pakistan.", ("PAK", "CVL", "PROTEST", "USA")),
    # a government's protest is an official complaint (CAMEO 114), a crowd's a demonstration
    ("Tokyo protested to Beijing over the incursion.", ("JPN", "GOV", "ACCUSE", "CHN")),
    ("Thousands of students protested against the government in Dhaka.", ("BGD", "CVL", "PROTEST", "BGD")),
    ("The latest round of anti-government protests escalated on Sunday in Hong Kong.",
     ("HKG", "CVL", "PROTEST", "HKG")),
    # a bare count protests: a crowd nobody names
    ("Thousands protested in Lima against the government of Peru.", ("PER", "CVL", "PROTEST", "PER")),
    # an embassy is its country's government
    ("Protests in Lima against the US embassy grew.", ("PER", "CVL", "PROTEST", "USA")),
    # a captive's release is the captor's act
    ("Three Israeli hostages held by Hamas were freed on Sunday.", ("PSE", "INS", "CONCEDE", "ISR")),
    # a count of a group ("thirty of the schoolboys")
    ("Thirty of the Nigerian schoolboys held by Boko Haram were freed on Monday, the army said.",
     (None, "TER", "CONCEDE", "NGA")),
    # restricting another country's trade is coercion (CAMEO 163, an embargo)
    ("The Security Council passed a resolution slashing North Korea's imports of fuel.",
     (None, "IGO", "SANCTION", "PRK")),
    ("Russia banned imports of wine from Georgia.", ("RUS", "GOV", "SANCTION", "GEO")),
    # "tank" parsed as the object of "in" and "shelling" as a verb: the attack noun still names the attacker
    ("Four Palestinian children were killed in Israeli tank shelling in Gaza on Friday.",
     ("ISR", "GOV", "ASSAULT", "PSE")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"), CROWDS_AND_CAPTORS, ids=[c[0][:40] for c in CROWDS_AND_CAPTORS]
)
def test_crowds_and_captors(text: str, expected: tuple[str, str, str, str]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.source.country, e.source.sector, e.code.plover, e.target and e.target.country) for e in events]
    assert expected in got, got


def test_a_release_with_no_captor_named_has_no_source() -> None:
    assert whimbrel.code("Two French journalists were released on Monday.", published=PUB, fmt="text") == []


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # a noun pattern with a modifier says more than the light verb that took the noun as its object
        ("The former premier launched a scathing attack on Kenya's intelligence chiefs.", "111"),
        ("Erdogan launched a verbal attack on the Dutch government on Sunday.", "111"),
        ("Militants carried out a suicide attack on the army base in Kabul.", "1831"),
        ("Militants launched an attack on the army base in Kabul.", "190"),
    ],
)
def test_the_more_specific_noun_pattern_wins(text: str, cameo: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [e.code.cameo for e in events] == [cameo], [(e.code.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed a hotel in the Kenyan capital, killing at least 20 people.",
        "Taliban fighters attacked a police post in Kunduz province, wounding six Afghan officers.",
        # ... nor its conjunct
        "Militants struck an army base near Kabul, killing two Afghan soldiers and wounding ten civilians.",
    ],
)
def test_what_an_attack_did_is_no_second_attack(text: str) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ASSAULT"]
    triggers = [e.trigger for e in events]
    assert len(events) == 1 and triggers[0] in ("stormed", "attacked", "struck"), triggers


def test_a_required_subject_word_holds_no_target() -> None:
    text = "Israeli troops raided the town of Jenin, arresting five Palestinian militants."
    raids = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "raided"]
    # "Israeli", inside the subject the pattern requires, was once taken as the raid's target
    assert [(e.source.country, e.target and e.target.country) for e in raids] == [("ISR", "PSE")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the pattern's own preposition on the verb names the target before anything inside the purpose clause
        ("Germany sent three forensic experts to Kenya to investigate the bombing of its embassy.",
         ("DEU", "090", "KEN")),
        ("Canada sent doctors and nurses to Haiti on Monday.", ("CAN", "073", "HTI")),
    ],
)  # fmt: skip
def test_sending_people_to_a_country(text: str, expected: tuple[str, str, str]) -> None:
    got = _coded(text)
    assert expected in got, got


@pytest.mark.parametrize(
    "text",
    [
        # the verb after a dash parenthesis is the subject's own, not a participle; the parenthesis's
        # condition does not make it hypothetical
        "The African Union - which considers the junta illegitimate and has rejected its leader as a partner"
        " if elections are ever delayed - called for an emergency meeting of the Security Council.",
        "Kenya - which has rejected Somalia as a mediator if the talks are ever revived - called for an"
        " emergency meeting of the African Union.",
    ],
)
def test_the_verb_after_a_dash_parenthesis(text: str) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "called for"]
    assert len(events) == 1 and events[0].code.plover == "REQUEST" and events[0].status == "occurred"
    assert events[0].source.text in ("The African Union", "Kenya")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ('The Kenyan president wrote on Twitter: "Deeply alarmed that Uganda has closed the border."',
         ("KEN", "UGA")),
        ('Germany\'s chancellor said on Monday, "Very disappointed that Hungary is blocking the aid."',
         ("DEU", "HUN")),
    ],
)  # fmt: skip
def test_a_quoted_feeling_with_no_subject_is_the_speakers(text: str, pair: tuple[str, str]) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]
    assert [(e.source.country, e.target and e.target.country) for e in events] == [pair]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the names set off by dashes before the verb are its subject when the subject names nobody
        ("The two countries that border the lake - Kenya and Uganda - also strongly condemned the Egyptian"
         " decision.", {("KEN", "ACCUSE", "EGY"), ("UGA", "ACCUSE", "EGY")}),
        # a gerund read as a noun keeps its subject ("with the minister warning of")
        ("Several governments criticised the plan, with Turkish Foreign Minister Mevlut Cavusoglu warning of"
         " serious consequences for Israel.", {("TUR", "THREATEN", "ISR")}),
        # critics and opponents of someone act against them
        ("Critics of Kenya's president marched in Nairobi on Sunday.", {("KEN", "PROTEST", "KEN")}),
        # who claims responsibility for an attack made it
        ("Hamas is claiming responsibility for the rocket attack on Israel.", {("PSE", "ASSAULT", "ISR")}),
    ],
)  # fmt: skip
def test_parties_the_parse_hides(text: str, expected: set[tuple[str, str, str]]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = {(e.source.country, e.code.plover, e.target and e.target.country) for e in events}
    assert got == expected, got


def test_the_opponents_of_someone_are_the_opposition_acting_against_them() -> None:
    (event,) = whimbrel.code("Opponents of the Venezuelan government protested on Monday.", published=PUB,
                             fmt="text")  # fmt: skip
    assert (event.source.sector, event.target and event.target.sector) == ("OPP", "GOV")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a perfect infinitive describing someone by a past deed is background, not news
        ("Putin is the only president to have met Kim Jong Un.", None),
        ("Egypt, the first Arab country to have signed a treaty with Israel, hosted the talks.", None),
        # a raising verb keeps it: an alleged attack
        ("Iran is said to have attacked the Saudi tanker.", ("ASSAULT", "alleged")),
    ],
)
def test_a_past_deed_that_describes_someone_is_no_event(text: str, kept: tuple[str, str] | None) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [
        (e.code.plover, e.status) for e in events if e.code.plover in ("CONSULT", "AGREE", "ASSAULT")
    ] == ([kept] if kept else [])


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab claimed responsibility for the bombing of a Kenyan army base.",
        "The Taliban took responsibility for the attack on an Afghan army post.",
        # whom an attack is aimed at may be told by a participle ("targeting")
        "Al-Shabaab claimed responsibility for an attack targeting Christians at a mall in Kenya's capital.",
        # claiming the attack itself owns it as well: the attack occurred, no mere allegation
        "The Pakistani Taliban claimed the suicide attack on a police station in Peshawar.",
    ],
)
def test_who_claims_responsibility_for_an_attack_made_it(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.source.name, e.code.plover, e.target and e.target.country, e.status) for e in events]
    assert len(got) == 1 and got[0][0] in ("Al-Shabaab", "Taliban", "Pakistani Taliban"), got
    assert got[0][1:] in (
        ("ASSAULT", "KEN", "occurred"),
        ("ASSAULT", "AFG", "occurred"),
        ("ASSAULT", "PAK", "occurred"),
    ), got


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a warning of the speaker's own act is aimed at whoever that act is aimed at, never the speaker
        ("Iran warned that it would retaliate against any American attack.", ("IRN", "USA")),
        ("We will respond to any Turkish attack, the Syrian minister warned.", ("SYR", "TUR")),
    ],
)
def test_a_warning_of_the_speakers_own_act(text: str, pair: tuple[str, str]) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "THREATEN"]
    assert [(e.source.country, e.target and e.target.country) for e in events] == [pair]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # an idiom of threat in a reported clause is a threat to the clause's subject (or the "of" object)
        ('"All options are on the table," the US president said of North Korea.', ("USA", "PRK")),
        ("Pyongyang said Washington would pay a heavy price for the sanctions.", ("PRK", "USA")),
        ("Trump said North Korea would face serious consequences if it attacked Guam.", ("USA", "PRK")),
    ],
)
def test_an_idiom_of_threat_is_a_threat(text: str, pair: tuple[str, str]) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "THREATEN"]
    assert [(e.source.country, e.target and e.target.country) for e in events] == [pair]


@pytest.mark.parametrize(
    "text",
    [
        "The Ugandan minister said Kenya would face no consequences.",  # negated: no threat
        "The Ugandan minister said Kenya would not face consequences.",
        "The coach said all options were open for the final.",  # no idiom
    ],
)
def test_no_idiom_no_threat(text: str) -> None:
    assert not [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "THREATEN"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # spaCy's lemmatizer drops a final "e" of some verbs ("fined" → "fin", "lambasted" → "lambast",
        # "staged" → "stag"): the pattern still applies
        ("A Moscow court fined the opposition politician Ivan Petrov on Friday.", ("RUS", "173", "RUS")),
        ("The Chinese foreign minister lambasted the Japanese government.", ("CHN", "111", "JPN")),
        # ... and leaves some inflected forms as written ("slamming")
        ("The Ugandan government is slamming Kenya.", ("UGA", "111", "KEN")),
        # ... and a kind of exercise ("military") is no target
        ("Russian forces staged military exercises near the Ukrainian border.", ("RUS", "150", "UKR")),
    ],
)
def test_verbs_whose_lemma_loses_its_e(text: str, expected: tuple[str, str, str]) -> None:
    assert _coded(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # blows are physical assault (CAMEO 182) ...
        ("A Palestinian teenager punched an Israeli soldier in the face.", [("PSE", "182", "ISR")]),
        ("Police beat Kenyan protesters with batons in Nairobi.", [("KEN", "182", "KEN")]),
        # ... but beating a team or a party is winning
        ("Argentina beat Brazil 2-1 in the final.", []),
        ("The opposition beat the ruling party in the election.", []),
    ],
)
def test_blows_are_assault(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _coded(text) == expected


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # an attack told in the passive with no agent comes from where it was fired from
        ("Rockets were fired at Israel from the Gaza Strip on Tuesday.", ("PSE", "ISR")),
        ("Turkey said a shell was fired at it from Syria.", ("SYR", "TUR")),
    ],
)
def test_an_attack_comes_from_where_it_was_fired(text: str, pair: tuple[str, str]) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ASSAULT"]
    assert [(e.source.country, e.target and e.target.country) for e in events] == [pair]


def test_inspecting_is_investigating() -> None:
    text = "UN inspectors inspected the nuclear sites in Iran on Monday."
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [(e.source.sector, e.code.cameo, e.target and e.target.country) for e in events] == [
        ("IGO", "090", "IRN")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "as a mediator" after an object names the object's role: no mediation
        ("Kenya rejected Uganda as a mediator in the talks.", [("REJECT", "KEN", "UGA")]),
        # ... without an object it is the subject's act
        (
            "Qatar served as a mediator between Kenya and Somalia.",
            [("CONSULT", "QAT", "KEN"), ("CONSULT", "QAT", "SOM")],
        ),
    ],
)
def test_a_role_given_to_the_object_is_no_act(text: str, expected: list[tuple[str, str, str]]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [(e.code.plover, e.source.country, e.target and e.target.country) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a show of force aims at the country it is staged in or near ...
        ("Russia is conducting military exercises in Alaska.", [("RUS", "USA")]),
        ("China held naval drills off Taiwan on Monday.", [("CHN", "TWN")]),
        # ... and the kind of exercise ("military") is never a party
        ("The launch came as Japanese and Philippine forces conducted annual military exercises.", []),
    ],
)
def test_a_show_of_force_aims_at_where_it_is_staged(text: str, expected: list[tuple[str, str]]) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "MOBILIZE"]
    assert [(e.source.country, e.target and e.target.country) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pressure one faces or comes under is the presser's request
        ("Netanyahu faces pressure from Washington to halt settlement building.", ("USA", "REQUEST", "ISR")),
        ("Kenya faces calls from Uganda to reopen the border.", ("UGA", "REQUEST", "KEN")),
        # the pressed party is the one asked to act
        ("Kenya is being pressured by Britain to release Ugandan activists.", ("KEN", "CONCEDE", "UGA")),
    ],
)
def test_pressure_and_who_is_pressed(text: str, expected: tuple[str, str, str]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text", config=CONTENTS)
    got = [(e.source.country, e.code.plover, e.target and e.target.country) for e in events]
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attending an event abroad is a visit to where it is held; a visit to a city is to its country
        ("The Indian leader prepared to attend the Beijing Olympics.", [("IND", "042", "CHN")]),
        ("Putin will attend the funeral in Tokyo.", [("RUS", "042", "JPN")]),
        ("Modi visited Osaka on Monday.", [("IND", "042", "JPN")]),
        # a visit at home is no dyad
        ("Modi visited Mumbai on Monday.", []),
    ],
)
def test_a_visit_is_to_the_country_of_the_place(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _coded(text) == expected


@pytest.mark.parametrize(
    ("text", "accusation"),
    [
        # the victim's report of an attack accuses the attacker ...
        ("Israel said a rocket was fired at it from Gaza.", ("ISR", "PSE")),
        # ... a report of one's own attack does not
        ("Russia said its forces shelled Ukrainian positions.", None),
    ],
)
def test_a_victims_report_of_an_attack_is_an_accusation(
    text: str, accusation: tuple[str, str] | None
) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]
    assert [(e.source.country, e.target and e.target.country) for e in events] == (
        [accusation] if accusation else []
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # troops or tanks entering a country occupy its territory (CAMEO 192); entering talks is no incursion
        ("Turkish troops entered northern Syria on Wednesday.", [("TUR", "192", "SYR")]),
        ("Russian tanks crossed into Ukraine.", [("RUS", "192", "UKR")]),
        ("Kenyan officials entered talks with Somalia.", []),
        # exchanging fire is fighting each other
        (
            "India and Pakistan exchanged fire across the border.",
            [("IND", "190", "PAK"), ("PAK", "190", "IND")],
        ),
        # hackers breaching a government's networks attack it (170); gassing protesters is repression (175)
        ("Chinese hackers breached the networks of Taiwanese ministries.", [("CHN", "170", "TWN")]),
        ("Serbian police gassed Albanian protesters in Belgrade.", [("SRB", "175", "ALB")]),
        # closing a border or airspace to a country restricts movement (191)
        ("Poland closed its border with Belarus on Tuesday.", [("POL", "191", "BLR")]),
        # budget support suspended is aid cut (CAMEO 162)
        ("The EU suspended budget support to Mali after the coup.", [(None, "162", "MLI")]),
    ],
)
def test_incursions_and_aid_cuts(text: str, expected: list[tuple[str | None, str, str]]) -> None:
    assert _coded(text) == expected


def test_a_think_tank_is_no_tank() -> None:
    (event,) = whimbrel.code("The think tank criticised the Kenyan government.", published=PUB, fmt="text")
    assert event.source.sector == "NGO"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # brokering a deal between two parties is mediation with each
        (
            "Egypt brokered a ceasefire between Israel and Hamas.",
            [("EGY", "045", "ISR"), ("EGY", "045", "PSE")],
        ),
        # a protest lodged with a government is a diplomatic complaint, no demonstration
        ("Japan lodged a protest with China over the incursion.", [("JPN", "114", "CHN")]),
    ],
)
def test_mediation_and_diplomatic_protest(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _coded(text) == expected


def test_dismissing_allegations_answers_the_accuser() -> None:
    text = "Ukraine accused Russia of shelling Kharkiv. The Kremlin dismissed the allegations as baseless."
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "REJECT"]
    assert [(e.source.country, e.target and e.target.country) for e in events] == [("RUS", "UKR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the subject owns ("its troops") is never the target of its act
        ("Kenya demanded that Uganda withdraw its troops from the border.", ("UGA", "0874", "KEN")),
        ("Russia withdrew its troops from Syria.", ("RUS", "0874", "SYR")),
    ],
)
def test_what_the_subject_owns_is_no_target(text: str, expected: tuple[str, str, str]) -> None:
    got = _coded(text, CONTENTS)
    assert expected in got and not [g for g in got if g[0] == g[2] == expected[0]], got


def test_a_government_protest_is_no_demonstration() -> None:
    text = (
        "Pakistan summoned Afghanistan's top diplomat on Monday to protest against cross-border shelling by "
        "Afghan Taliban forces that killed seven civilians in the border town of Chaman."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.source.country, e.code.cameo, e.target and e.target.country) for e in events]
    assert ("PAK", "114", "AFG") in got and not [e for e in events if e.code.plover == "PROTEST"], got


# sentence -> (source country, source sector, PLOVER type, target country) that must be among the events
FORCE = [
    # an attack on a place with no actor named aims at the place's country
    ("Russian forces attacked Kharkiv with drones overnight.", ("RUS", "MIL", "ASSAULT", "UKR")),
    # at home, a non-state group's attack does, and the state's own forces attack the place's people
    ("Syrian rebels shelled Aleppo.", ("SYR", "REB", "ASSAULT", "SYR")),
    ("Sudanese army jets bombed the outskirts of Nyala on Monday.", ("SDN", "MIL", "ASSAULT", "SDN")),
    # "X-led" names the leader, "X-backed" a backer that is no part of the group
    ("Saudi-led coalition warplanes struck a wedding party in Yemen.", ("SAU", "MIL", "ASSAULT", "YEM")),
    ("Ukraine said Russian-backed separatists shelled Mariupol.", ("UKR", "SEP", "ASSAULT", "UKR")),
    # a participle with a direct object under a noun is the noun's own verb, not a passive
    ("The US-led coalition bombed Islamic State positions near Raqqa.", ("USA", "GOV", "ASSAULT", None)),
    # aircraft and drones act for their country's military
    ("Israeli aircraft struck Hezbollah positions in southern Lebanon.", ("ISR", "MIL", "ASSAULT", "LBN")),
    # "with" comes after an actor inside the object ("in solidarity with" is no target)
    ("Hezbollah said its fighters targeted five Israeli positions in solidarity with the Palestinians.",
     ("LBN", "INS", "ASSAULT", "ISR")),
    # a weapon the act is done with is never its target
    ("Taliban fighters opened fire with artillery and mortars after Pakistani troops tried to repair a "
     "fence.", (None, "INS", "ASSAULT", "PAK")),
    # people loyal to someone act for his side ("forces loyal to Assad" are Syria's, not Assad nor his target)
    ("Forces loyal to President Bashar al-Assad shelled rebel positions near Idlib.",
     ("SYR", "MIL", "ASSAULT", "SYR")),
    ("Libyan fighters loyal to the Islamic State beheaded two Egyptian workers.",
     (None, "TER", "ASSAULT", "EGY")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FORCE, ids=[c[0][:40] for c in FORCE])
def test_acts_of_force(text: str, expected: tuple[str | None, str, str, str | None]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.source.country, e.source.sector, e.code.plover, e.target and e.target.country) for e in events]
    assert expected in got, got


def test_state_forces_at_home_attack_the_places_people() -> None:
    # (twenty-eighth session: the probe writers' gold codes the people of the place, where the coder had no
    # target at all)
    events = whimbrel.code("Syrian troops shelled Aleppo.", published=PUB, fmt="text")
    got = [(e.source.country, e.source.sector, e.target and e.target.country, e.target and e.target.sector)
           for e in events]  # fmt: skip
    assert got == [("SYR", "MIL", "SYR", "CVL")]


def test_coming_under_fire_from_critics_is_no_attack() -> None:
    # (twenty-eighth session) only fire from an armed party is an attack
    text = "The Tunisian minister came under fire from lawmakers for the deal with Libya."
    assert not [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Russian-backed separatists shelled Mariupol.", ("RUS", "UKR")),  # the backer did not shell
        ("Taliban fighters opened fire with artillery on Sunday.", (None, "PAK")),
    ],
)
def test_no_dyad_of_force(text: str, dyad: tuple[str | None, str]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert dyad not in [(e.source.country, e.target and e.target.country) for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # objecting to a measure on X is no act against X
        ("China and Russia said they opposed any unilateral sanctions on Iran.", []),
        ("Seoul protested against the new restrictions on Korean fishermen.", []),
        ("The minister condemned the crackdown on protesters in Minsk.", []),
        # ... but charges, accusations and complaints against X accuse X
        ("Kenya said it would press charges against Uganda.", [("KEN", "ACCUSE", "UGA")]),
        # a court ordering someone to pay or serve imposes a penalty
        ("A Cairo court ordered the former minister to pay $2 million in damages.",
         [("EGY", "COERCE", "EGY")]),
    ],
)  # fmt: skip
def test_who_a_measure_is_aimed_at(text: str, expected: list[tuple[str, str, str]]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [(e.source.country, e.code.plover, e.target and e.target.country) for e in events] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Trump has vowed not to let Iran build a nuclear weapon.",
        "Netanyahu vowed to prevent Iran from acquiring nuclear weapons.",
        "The American president, who has vowed never to allow Iran to get the bomb, spoke in Ohio.",
    ],
)
def test_a_vow_to_stop_someone_is_a_threat(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.code.plover, e.source.country, e.target and e.target.country) for e in events]
    assert ("THREATEN", "USA" if "Netanyahu" not in text else "ISR", "IRN") in got, got
    assert not [e for e in events if e.code.plover == "AGREE"], got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an appeal from abroad that names nobody is addressed to the country the story is about
        ("Police in Hong Kong fired tear gas at students. Hong Kong's leader defended the police. The UK has "
         "urged an end to the violence.", ("GBR", "HKG")),
        # ... not one from home, nor a claim told as "insisted that"
        ("Police in Hong Kong fired tear gas at students. Hong Kong's leader urged an end to the violence.",
         None),
        ("Police in Hong Kong fired tear gas at students. Hong Kong's leader defended the police. Britain "
         "insisted that the protests could not be stopped by force.", None),
        # a fronted participle's subject is who was asked, not who asked
        ("Police in Hong Kong fired tear gas at students. Asked about the clashes, China's foreign ministry "
         "spokeswoman said order must be restored.", None),
        # an international body's appeal is addressed there too (since the thirteenth session)
        ("Police in Nepal fired on protesters in Kathmandu. Nepal's prime minister resigned. The U.N. human "
         "rights office called for a prompt investigation.", (None, "NPL")),
    ],
)  # fmt: skip
def test_an_appeal_to_nobody_named(text: str, expected: tuple[str, str] | None) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    asks = [(e.source.country, e.target and e.target.country) for e in events if e.code.plover == "REQUEST"]
    assert asks == ([expected] if expected else []), asks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the order is the act ordered
        ("Mali's president ordered the expulsion of two French diplomats.", ("MLI", "174", "FRA")),
        # a vow of retaliation is a threat, and so is a vow that someone will pay
        ("Trump vowed retaliation against Canada.", ("USA", "130", "CAN")),
        ("Nigeria's president vowed that Boko Haram would pay for the attack.", ("NGA", "130", None)),
        ("Nigeria's president vowed to hunt down the Boko Haram militants.", ("NGA", "130", None)),
        # military hardware of any kind, also after "with"
        ("Japan will provide Indonesia with six patrol vessels.", ("JPN", "072", "IDN")),
        ("France will deliver air-defence systems and armoured vehicles to Armenia.", ("FRA", "072", "ARM")),
        # tear gas is non-lethal repression, not a military attack
        ("Georgian police fired tear gas at opposition supporters.", ("GEO", "170", "GEO")),
        # a hyphenated country the model's entity cuts at the hyphen ("Guinea" of "Guinea-Bissau")
        ("Soldiers in Guinea-Bissau arrested the prime minister.", ("GNB", "173", "GNB")),
        # ordering a diplomat out is an expulsion of diplomats
        ("Caracas ordered the Honduran ambassador to leave the country.", ("VEN", "161", "HND")),
        # an appended "a move criticised by X" is aimed at whoever made the move
        ("Kenya closed its border with Somalia, a move criticised by Uganda.", ("UGA", "111", "KEN")),
        # duties and tariffs raised or slapped on someone's goods are sanctions, no physical slap
        ("The United States raised tariffs on Canadian steel to 50 percent.", ("USA", "163", "CAN")),
        ("Washington slapped new duties on Chinese electric vehicles.", ("USA", "163", "CHN")),
        # unions are actors; a strike "against" someone is a protest against them
        ("Nigerian unions went on strike against the government on Wednesday.", ("NGA", "143", "NGA")),
        # where someone arrived is the visit's host, not a place named later in the sentence
        ("Modi arrived in the UAE on Wednesday on a tour that began in Saudi Arabia.", ("IND", "042", "ARE")),
        # mutual acts of a joint subject: each side acts on the other
        ("Armenian and Azerbaijani troops exchanged fire on the border.", ("ARM", "190", "AZE")),
        ("India and Pakistan traded accusations over the attack.", ("PAK", "112", "IND")),
        ("Russia and Ukraine exchanged 150 prisoners of war on Sunday.", ("UKR", "0841", "RUS")),
    ],
)  # fmt: skip
def test_what_the_act_is(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _coded(text), _coded(text)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # who tells it is no party to it
        ("Senegal sent troops to the border, according to a Senegalese army spokesman.", ("SEN", "SEN")),
        # a warning of what may happen, with nobody named to do it, is a forecast, no threat to a place in it
        ("The UN warned that the fighting could spread to Chad.", (None, "TCD")),
        # declining to comment rejects nobody; warning of someone's threat is no threat
        ("The Kremlin refused to comment on reports that Ukraine had attacked Belgorod.", ("RUS", "UKR")),
        ("The Israeli prime minister warned of the Iranian nuclear threat.", ("ISR", "IRN")),
        # where a thing objected to was set is no party to the objection
        ("Iran rejected the proposal in Muscat.", ("IRN", "OMN")),
        # a legal appeal is no request to anyone
        ("Lawyers for the Tanzanian opposition leader will appeal the verdict.", ("TZA", "TZA")),
        ("Turkey said it would not drop its appeal against the ruling on Iraq.", ("TUR", "IRQ")),
        # a warning of famine or an arms race is a forecast, no threat
        ("Azerbaijan warned of an arms race with Armenia.", ("AZE", "ARM")),
        # (seventeenth session) a list the parser split into two subjects is one list of sources
        ("Sweden, Denmark and Germany offered to help with the investigation on Monday.", ("SWE", "DNK")),
        # (seventeenth session) the act a response is conditioned on is no threat of its doer
        ("Iran said on Monday it would respond if Israel took further military action against Iranian "
         "interests.",
         ("ISR", "IRN")),
        # the appended act's own verb is no part of the plan a noun like "decision" names
        ("Kenya closed its border with Somalia, a decision condemned by Uganda.", ("UGA", "SOM")),
    ],
)  # fmt: skip
def test_no_such_dyad(text: str, dyad: tuple[str | None, str]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert dyad not in [(e.source.country, e.target and e.target.country) for e in events]
    assert all(e.status == "occurred" for e in events), [(e.trigger, e.status) for e in events]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # the opposition as a group is no act of opposing; hosting refugees is no visit
        ("The Malian opposition welcomed the decision by the regional bloc.", "120"),
        ("Chad is hosting refugees from Sudan.", "043"),
        # (seventeenth session) a reward that is a figure of speech is no price on anyone
        ("Israel's foreign ministry called the expulsion a reward for Hamas.", "170"),
        # telling reporters something is no demand of them
        ("Modi told reporters on Monday that talks with Pakistan would resume.", "100"),
        # troops stationed somewhere are a state of affairs, no deployment
        ("Around 28,500 American troops are stationed in South Korea.", "154"),
        # (twenty-third session) people arriving somewhere pay no visit; a minister sacked is no rejection
        ("Refugees arriving in Chad on Monday described the attacks on their villages.", "042"),
        ("Kenya's president dismissed the interior minister on Tuesday.", "120"),
        # (twenty-third session) things received host no one; an assertion insisted on is no demand
        ("Lima said it had received no formal notification from Quito.", "043"),
        ("Colombia received two deportation flights from the United States on Monday.", "043"),
        ("Chilean officials insisted that Bolivia had no claim to the coast.", "100"),
        # (twenty-fourth session) a blaze or a disease battled is no fight
        ("Greek firefighters battled the blaze near Athens on Monday.", "190"),
        ("The Kenyan government is battling inflation.", "190"),
        ("The two parties are battling to win the Kenyan election.", "190"),
        # (twenty-fourth session) a call answered, a plane's route, commitments met
        ("Erdogan urged Turks to take to the streets. Thousands answered his call on Friday night.", "041"),
        ("The Malaysian Boeing, flying from Amsterdam to Kuala Lumpur, crashed in Ukraine.", "042"),
        ("Washington will lift sanctions on Sudan if Khartoum meets its commitments.", "040"),
        # (twenty-fourth session) a resignation nobody demanded is no concession to anyone
        ("The chief executive of the Kenyan bank resigned on Monday.", "0831"),
        ("The chief executive of the Kenyan bank announced his resignation on Monday.", "0831"),
        # (twenty-fourth session) a stage stormed off, clans rallied against a foe
        ("Turkey's prime minister stormed off the stage in Davos on Thursday.", "190"),
        ("Iraq's prime minister rallied Sunni tribes against al-Qaeda in 2006.", "141"),
        # (twenty-fourth session) a call with an owner and no partner is an appeal, no phone call
        ("Hungary supported Slovakia's calls for an end to the gas dispute.", "041"),
    ],
)
def test_no_such_act(text: str, cameo: str) -> None:
    # (also one-sided acts, which the default output drops for want of a target)
    events = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    assert cameo not in [e.code.cameo for e in events], [(e.trigger, e.code.cameo) for e in events]


def test_own_government_in_a_warned_clause_is_the_doer() -> None:
    text = ("The U.S. secretary of state warned that Washington would take action if Chinese firms kept "
            "supplying Russia's army.")  # fmt: skip
    got = [(e.code.plover, e.source.country, e.target and e.target.country)
           for e in whimbrel.code(text, published=PUB, fmt="text")]  # fmt: skip
    assert ("THREATEN", "USA", "CHN") in got and ("THREATEN", "USA", "USA") not in got, got


def test_a_vow_to_oppose_is_one_rejection() -> None:
    events = whimbrel.code(
        "Beijing has vowed to oppose the sale of the firm to Oracle.", published=PUB, fmt="text"
    )
    assert [e.code.plover for e in events] == ["REJECT"], [
        (e.code.cameo, e.trigger, e.status) for e in events
    ]


# article -> (source country, CAMEO, target country) that must be among the events
PARTIES = [
    # an envoy's nationality is the party, never the city of the posting
    ("Iran summoned the German ambassador in Tehran on Friday.", ("IRN", "114", "DEU")),
    # joint exercises are military cooperation among the parties, no show of force against one of them
    ("Russia and China held joint drills in the Sea of Japan.", ("RUS", "062", "CHN")),
    ("India staged joint exercises with France off Goa.", ("IND", "062", "FRA")),
    # a second subject the parser hung on the first object as a conjunct acts in its own clause
    (
        "Azerbaijan will release 32 Armenian servicemen and Armenia will free two Azerbaijani soldiers.",
        ("ARM", "0841", "AZE"),
    ),
    # "its" never stands for a plural subject of its own clause: the embassy is Saudi Arabia's
    (
        "Saudi Arabia cut ties with Iran after protesters stormed its embassy in Tehran.",
        ("IRN", "190", "SAU"),
    ),
    # reopening a border eases a restriction; aid pledged in a currency is aid promised
    ("Colombia and Venezuela reopened their border on Monday.", ("COL", "081", "VEN")),
    ("Germany pledged 500 million euros in aid to Ukraine.", ("DEU", "033", "UKR")),
    # a tensed verb after a modal reported clause is the speaker's own act (the West has no country)
    (
        "Zelenskiy said Russia must be held accountable and urged Western allies to send air defence.",
        ("UKR", "100", None),
    ),
    # "at the request of X": X asked whoever acted, and is no party to the act itself
    ("The Security Council will meet on Tuesday at the request of Britain.", ("GBR", "020", None)),
    # a spokesperson for an organisation speaks for it
    ("A spokesperson for Human Rights Watch criticised the government of India.", (None, "111", "IND")),
    # a noun of talks after a clause's verb is the clause subject's, with the noun's partners
    ("Hungary dropped its objections after talks with Germany and France.", ("HUN", "040", "FRA")),
]


@pytest.mark.parametrize(("text", "expected"), PARTIES, ids=[c[0][:40] for c in PARTIES])
def test_parties(text: str, expected: tuple[str, str, str]) -> None:
    got = [(e.source.country, e.code.cameo, e.target and e.target.country)
           for e in whimbrel.code(text, published=PUB, fmt="text")]  # fmt: skip
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("After talks between Russia and Ukraine, Turkey said a deal was close.", ("TUR", "RUS")),
        ("Pompeo said that after legal consultation Washington had changed its view.", ("USA", None)),
        # a denied deed names no party to the denial: with no accuser in the article, no rejection of Moscow
        ("Tehran has denied sending weapons to Moscow.", ("IRN", "RUS")),
        # hosting an occasion is no visit hosted
        ("Baku said it would back Yerevan's bid to host a U.N. climate conference in 2026.", ("AZE", None)),
        # a place where some verb happened is no party ("lodged a protest … in Beijing")
        ("Japan condemned the missile launch and lodged a protest in Beijing.", ("JPN", "CHN")),
    ],
)
def test_no_such_party(text: str, dyad: tuple[str, str | None]) -> None:
    got = [(e.source.country, e.target and e.target.country, e.code.plover)
           for e in whimbrel.code(text, published=PUB, fmt="text")]  # fmt: skip
    assert all((s, t) != dyad or p not in ("CONSULT", "REJECT", "ACCUSE") for s, t, p in got), got
    assert all(not (s == dyad[0] and p == "CONSULT") for s, t, p in got) or dyad[1] is not None, got


def test_an_acronym_inside_the_object_is_the_target() -> None:
    # the model tags "RSF" as no entity: it is still a name, not a kind of positions
    events = whimbrel.code("Army jets bombed RSF positions in northern Khartoum.", published=PUB, fmt="text")
    assert [e.target and e.target.text for e in events] == ["RSF"], events


def test_a_joint_subject_pairs_before_a_guessed_target() -> None:
    # "the two leaders" met each other, not the G7 the fall-back found inside "on the sidelines of"
    text = "Modi met Biden in Washington. The two leaders last met on the sidelines of the G7 summit."
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if "sidelines" in e.sentence]
    assert events and all(e.target and e.target.country in ("IND", "USA") for e in events), events


def test_a_dateline_day_is_the_reference_for_weekdays() -> None:
    # written on Monday July 8, published on Tuesday July 9: "on Tuesday" is the next day, not a week later
    text = "KYIV, July 8 (Reuters) - Britain's foreign secretary will meet Ukraine's president on Tuesday."
    events = whimbrel.code(text, published="2024-07-09", fmt="text")
    assert [(e.code.plover, str(e.date.start)) for e in events] == [("CONSULT", "2024-07-09")], events
    # a dateline day after publication, or weeks before it, is no writing day (June 11 read from it): the
    # publication day, a Tuesday, is that day's plans' (twentieth session)
    text = "KYIV, June 8 (Reuters) - Britain's foreign secretary will meet Ukraine's president on Tuesday."
    events = whimbrel.code(text, published="2024-07-09", fmt="text")
    assert [str(e.date.start) for e in events] == ["2024-07-09"], events


def test_who_asked_is_no_party_to_the_act_done_at_the_request() -> None:
    text = "The Security Council will hold an emergency meeting on Tuesday at the request of Britain."
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [
        (e.code.plover, e.source.country, e.target and e.target.country, str(e.date.start)) for e in events
    ]
    # the request was made, so no later than the story; the meeting is not with Britain
    assert got == [("REQUEST", "GBR", None, PUB)], got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack or weapon named as the subject of a violent verb: its nationality did it, to the object
        ("An Israeli air strike killed an Islamic Jihad commander in Gaza.", [("ISR", "ASSAULT", "PSE")]),
        ("Israeli strikes killed 25 Palestinians overnight.", [("ISR", "ASSAULT", "PSE")]),
        # ... told once, by the verb (the attack noun is no second event)
        ("A Russian missile strike killed 12 civilians in Dnipro.", [("RUS", "ASSAULT", "UKR")]),
        # patrols, units and brigades are armed forces
        ("A Pakistani army patrol attacked Indian soldiers.", [("PAK", "ASSAULT", "IND")]),
        ("A Syrian army brigade shelled Turkish positions.", [("SYR", "ASSAULT", "TUR")]),
        # calling off talks reduces relations; calling off anything else is no phone call
        ("Germany called off a planned round of talks with Poland.", [("DEU", "SANCTION", "POL")]),
        ("The Polish army called off the search for the missing German pilots.", []),
        # money released is aid; papers handed over or released are no release of people
        ("The European Union released funds for Tunisia.", [(None, "AID", "TUN")]),
        ("The Iranian negotiator handed over two draft documents to the Europeans.", []),
        ("A statement released by the Russian lawyer criticised the Kenyan government.", []),
        # the audience told the news is no party; posting on social media is no actor
        ("The Kenyan opposition leader told reporters that he would not accept the result.", []),
        ("Petro responded on social media by accusing Milei of lying.", [("COL", "ACCUSE", "ARG")]),
        # people in, at or from a listed organisation are the organisation
        ("Several lawmakers in the European Parliament urged Germany to suspend talks with Iran.",
         [(None, "REQUEST", "DEU"), ("DEU", "SANCTION", "IRN")]),
        # the subject of a clause set against the trigger's by "while" is no fall-back target
        ("Ukraine asked for weapons. France said it would supply missiles, while Germany unveiled a new tank "
         "package.", []),
        # a middleman between two sides mediates
        ("Qatar is acting as a middleman between Israel and Hamas.",
         [("QAT", "CONSULT", "ISR"), ("QAT", "CONSULT", "PSE")]),
        # weapons handed over are no party ("the transfer of F-16 fighter jets"), their giver is
        ("Kyiv welcomed the transfer of fighter jets.", []),
        ("Ukraine welcomed the delivery of German tanks.", [("UKR", "SUPPORT", "DEU")]),
        # mediators are no parties to each other
        ("A truce mediated by Egypt and Qatar took effect on Sunday.", []),
        # meeting a goal or demand, backing away from something: no meeting, no backing
        ("Germany would meet the NATO spending goal, Scholz said.", []),
        ("The United States is backing away from its commitments to Ukraine.", []),
        # observers of nobody named are nobody's
        ("Election observers said the vote in Tanzania was flawed.", []),
        # a perfect's auxiliary serves its conjoined deed: the reported doer did both
        ("Ukraine said Russian jets had bombed a market in Kharkiv and killed 12 civilians.",
         [("RUS", "ASSAULT", "UKR"), ("RUS", "ASSAULT", "UKR")]),
        # a nationality adjective of the first conjunct is the bare conjunct's too
        ("The United States imposed sanctions on Chinese firms and citizens.",
         [("USA", "SANCTION", "CHN"), ("USA", "SANCTION", "CHN")]),
    ],
)  # fmt: skip
def test_weapons_units_and_objects_that_decide(
    text: str, expected: list[tuple[str | None, str, str]]
) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text", config=CONTENTS)
    assert [(e.source.country, e.code.plover, e.target and e.target.country) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bid somebody else blocked: the bidder's act did not happen, and the blocker made none
        ("China blocked an attempt by Washington to sanction North Korea.", [("USA", "SANCTION", "negated")]),
        # ... but a bid its leader's modifier names ("U.S.-led", as "Saudi-led") is rejected to that leader
        ("China and Russia blocked a U.S.-led bid to impose new sanctions on Pyongyang.",
         [("CHN", "REJECT", "occurred"), ("RUS", "REJECT", "occurred")]),
        ("Russia vetoed a resolution to impose sanctions on Syria.", []),
        # one's own bid is an act not yet done
        ("The United States made a bid to impose new sanctions on Pyongyang.",
         [("USA", "SANCTION", "hypothetical")]),
    ],
)  # fmt: skip
def test_a_blocked_bid(text: str, expected: list[tuple[str, str, str]]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [(e.source.country, e.code.plover, e.status) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money given, paid out or poured in is aid; an investment is economic cooperation
        ("The European Union will give 127 million euros to Tunisia.", (None, "AID", "TUN", "planned")),
        ("Brussels disbursed 105 million euros to Tunis on Monday.", (None, "AID", "TUN", "occurred")),
        ("Western allies are pouring weapons into Ukraine.", (None, "AID", "UKR", "occurred")),
        ("China will invest $1.2 billion in Kenya.", ("CHN", "COOPERATE", "KEN", "planned")),
        # a framework signed; a chargé d'affaires recalled; a price cap imposed
        ("Chile signed a framework on trade with Peru.", ("CHL", "AGREE", "PER", "occurred")),
        ("Turkey recalled its charge d'affaires from Vienna.", ("TUR", "SANCTION", "AUT", "occurred")),
        ("The G7 imposed a price cap on Russian oil.", (None, "SANCTION", "RUS", "occurred")),
        # military operations mounted or launched, missiles launched at a place
        ("Turkish troops mounted operations against Kurdish militants in Syria.",
         ("TUR", "ASSAULT", "SYR", "occurred")),
        ("Russia launched dozens of missiles and drones at Ukrainian cities.",
         ("RUS", "ASSAULT", "UKR", "occurred")),
        # crowd control and a violent crowd
        ("Police used tear gas against protesters in Tbilisi.", ("GEO", "COERCE", "GEO", "occurred")),
        ("Protesters threw stones at police in Tbilisi.", ("GEO", "PROTEST", "GEO", "occurred")),
        # listing someone is a sanction; opening a case is an investigation
        ("The United States added 12 Russian officials to its sanctions list.",
         ("USA", "SANCTION", "RUS", "occurred")),
        ("Moscow placed the Czech Republic on a list of unfriendly countries.",
         ("RUS", "SANCTION", "CZE", "occurred")),
        ("Russian prosecutors opened a criminal case against the American journalist.",
         ("RUS", "ACCUSE", "USA", "occurred")),
        # national departments and regional blocs are actors; "reimposed" is "imposed"
        ("The Justice Department charged seven Chinese nationals with hacking.",
         ("USA", "COERCE", "CHN", "occurred")),
        ("The United States reimposed sanctions on Venezuela's oil sector.",
         ("USA", "SANCTION", "VEN", "occurred")),
        ("The East African Community criticised Tanzania.", (None, "ACCUSE", "TZA", "occurred")),
        # doubled tariffs; stopped security coordination; observers of a bloc are the bloc
        ("Washington doubled tariffs on Chinese goods.", ("USA", "SANCTION", "CHN", "occurred")),
        ("The Palestinian Authority stopped security coordination with Israel.",
         ("PSE", "SANCTION", "ISR", "occurred")),
        ("The African Union observer mission criticised Tanzania.", (None, "ACCUSE", "TZA", "occurred")),
        # killed in a clash with someone: by them
        ("Twenty Indian soldiers were killed in a clash with Chinese troops in Ladakh.",
         ("CHN", "ASSAULT", "IND", "occurred")),
        # a court finding someone guilty convicts them: coercion, as a sentence (173; twenty-sixth session)
        ("A Moscow court found the American journalist guilty of espionage.",
         ("RUS", "COERCE", "USA", "occurred")),
        # stopping supplies cuts aid; dropping objections yields
        ("Hungary stopped sending weapons to Ukraine.", ("HUN", "SANCTION", "UKR", "occurred")),
        ("Turkey dropped its objections to Sweden's bid.", ("TUR", "CONCEDE", "SWE", "occurred")),
    ],
)  # fmt: skip
def test_wire_vocabulary(text: str, expected: tuple[str | None, str, str, str]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.source.country, e.code.plover, e.target and e.target.country, e.status) for e in events]
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twelfth session) a participle with a subject and a "by" agent is passive: the agent acts
        ("Dozens died in the unrest in Nairobi, many of them shot by police.",
         ("KEN", "COP", "ASSAULT", "KEN")),
        ("Hundreds were hurt in Lima, several of them shot by soldiers.", ("PER", "MIL", "ASSAULT", "PER")),
        # activists are the country's own people when nothing else is said
        ("Police in Lagos detained the activists.", ("NGA", "COP", "COERCE", "NGA")),
        ("Police in Tunis arrested several activists.", ("TUN", "COP", "COERCE", "TUN")),
        # kinds of groups are their modifier's kind; a country's council is its government's; a coalition
        # is of what it gathers
        ("Rights groups in Lome accused the police of torture.", ("TGO", "NGO", "ACCUSE", "TGO")),
        ("Opposition groups in Caracas accused Maduro of fraud.", ("VEN", "OPP", "ACCUSE", "VEN")),
        ("Sudan's Sovereignty Council said it cut ties with Kenya.", ("SDN", "GOV", "SANCTION", "KEN")),
        ("A coalition of opposition parties accused the Togolese government of fraud.",
         ("TGO", "PTY", "ACCUSE", "TGO")),
        # a state commanding an army commands its own; disarming others is coercion
        ("Iraq's cabinet instructed the army to draw up a plan to disarm the militias in Basra.",
         ("IRQ", "MIL", "COERCE", "IRQ")),
        # the text's title of office is newer than the dictionary's dated roles
        ("Interior Minister Ivica Dacic accused the protesters of violence.",
         ("SRB", "GOV", "ACCUSE", "SRB")),
        # gunmen, gangs and bandits are of where they strike, even against the state's own targets
        ("Gunmen stormed Tunisia's parliament.", ("TUN", "INS", "ASSAULT", "TUN")),
        ("Bandits abducted 20 students in Kaduna.", ("NGA", "INS", "ASSAULT", "NGA")),
        # a force of its own name is of where the story is; its first word later refers back to it
        ("BENGHAZI, May 2 (Reuters) - The Tariq Deterrence Force clashed with Libyan troops on Monday. On "
         "Tuesday, Tariq accused the Libyan government of a power grab.", ("LBY", "MIL", "ACCUSE", "LBY")),
        # whom an unnamed body summons is another state's envoy: the body is not of that state
        ("Japan's coast guard said Chinese ships had entered its waters, and the foreign ministry summoned "
         "Chinese Ambassador Wu Jianghao.", ("JPN", "GOV", "ACCUSE", "CHN")),
        # the army a home-grown armed group attacks is its own state's, not the article's other country
        ("Rwanda denied backing the rebels in Kivu. M23 fighters attacked army positions on Sunday.",
         ("COD", "REB", "ASSAULT", "COD")),
        # a group said to include named members is those members
        ("Rights groups, including Amnesty International, accused the Kenyan police of abductions.",
         (None, "NGO", "ACCUSE", "KEN")),
        # easing a measure told before is aimed at whom that measure was aimed at
        ("China imposed export curbs on Japan in May. China lifted the export curbs in July.",
         ("CHN", "GOV", "CONCEDE", "JPN")),
        # "praised what it described as X's choice": who is inside the named thing
        ("The Kremlin praised what it described as Hungary's courageous choice.",
         ("RUS", "GOV", "SUPPORT", "HUN")),
        # the article's countries tied: the dateline's wins (not the first named)
        ("KAMPALA, May 2 (Reuters) - Kenyan and Ugandan officials met on Monday. Kenya's envoy praised "
         "Uganda. Gunmen attacked police officers overnight.", ("UGA", "INS", "ASSAULT", "UGA")),
        # a name the parser hung on an object as a conjunct is the subject of the finite verb after it
        # (Trump in 2016, before taking office: ELI)
        ("Spain insisted it would not meet the target and Trump threatened to make Madrid pay twice.",
         ("USA", "ELI", "THREATEN", "ESP")),
    ],
)  # fmt: skip
def test_who_did_it_to_whom(text: str, expected: tuple[str | None, str, str, str]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.source.country, e.source.sector, e.code.plover, e.target and e.target.country) for e in events]
    assert expected in got, got


@pytest.mark.parametrize(
    "text",
    [
        # (twelfth session) a joint act of a symmetric type read both ways is one event
        "Bolivia and the United States agreed on Wednesday to restore relations.",
        "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev initialled a treaty.",
    ],
)
def test_a_joint_symmetric_act_is_one_event(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    pairs = [(e.code.plover, e.source.country, e.target and e.target.country) for e in events]
    assert len([p for p in pairs if p[0] in ("AGREE", "CONSULT")]) == 1, pairs


@pytest.mark.parametrize(
    "text",
    [
        # (twelfth session) partners in a joint subject acted alongside each other: no target of each other
        "Jordan and Egypt condemned the raids, with Amman calling them a grave escalation.",
        "Norway and Sweden criticised the vote, with Oslo calling it a setback.",
    ],
)
def test_partners_in_a_joint_subject_are_no_targets_of_each_other(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    pairs = {(e.source.country, e.target and e.target.country) for e in events}
    assert not pairs & {("JOR", "EGY"), ("EGY", "JOR"), ("NOR", "SWE"), ("SWE", "NOR")}, pairs


@pytest.mark.parametrize(
    ("source", "target", "kept"),
    [
        # a company and a person of no known country: no political event (a lawsuit in a tech story)
        (Actor("ZeniMax Media", "ZeniMax Media", None, "MED", None),
         Actor("he", "Mark Zuckerberg", None, "CVL", None), False),
        # a state on either side, or a political body of no country, keeps it
        (Actor("Facebook", "Facebook", None, "BUS", None), Actor("Iran", None, "IRN", "GOV", None), True),
        (Actor("Amnesty", "Amnesty International", None, "NGO", None),
         Actor("he", "X", None, "CVL", None), True),
        (Actor("the UN", "United Nations", None, "IGO", None), Actor("firms", None, None, "BUS", None), True),
        # ... and so does a state body of an unknown state ("police arrested protesters")
        (Actor("police", None, None, "COP", None), Actor("protesters", None, None, "CVL", None), True),
    ],
)  # fmt: skip
def test_an_event_needs_a_state_or_a_political_body(source: Actor, target: Actor, kept: bool) -> None:
    assert (not (_placeless(source) and _placeless(target))) is kept


def test_a_joint_offer_is_no_offer_to_each_other() -> None:
    # "Sweden and Norway offered to send": an intent to do something for someone is no mutual act (an
    # agreement between the two is; see the reciprocal and joint tests)
    events = whimbrel.code(
        "Drones closed Copenhagen airport. Sweden and Norway offered to send counter-drone equipment.",
        published=PUB,
        fmt="text",
    )
    dyads = {(e.source.country, e.target and e.target.country) for e in events if e.code.plover == "AGREE"}
    assert ("SWE", "NOR") not in dyads and ("NOR", "SWE") not in dyads, dyads
    joint = whimbrel.code("Sweden and Norway agreed to share radar data.", published=PUB, fmt="text")
    assert {(e.source.country, e.target and e.target.country) for e in joint} & {
        ("SWE", "NOR"),
        ("NOR", "SWE"),
    }


def test_an_article_the_coder_trips_on_never_stops_the_others(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from whimbrel import pipeline
    from whimbrel.readers import read_text

    coder = load_coder(Config())
    original = pipeline.Coder._code_paragraph

    def tripping(self: pipeline.Coder, state: object, doc: object) -> None:
        if "TRIP" in doc.text:  # type: ignore[attr-defined]
            raise RecursionError("maximum recursion depth exceeded")
        original(self, state, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline.Coder, "_code_paragraph", tripping)
    texts = [
        "Police arrested dozens of protesters in Minsk on Sunday.",
        "Russia shelled Kharkiv on Monday.\n\nTRIP here.\n\nRussia shelled Odesa on Tuesday.",
        "China warned Taiwan on Monday.",
    ]
    with caplog.at_level("ERROR", logger="whimbrel"):
        urls = ["https://example.org/a", "https://example.org/b\x1b[31m", "https://example.org/c"]
        coded = list(
            coder.code_many(read_text(t, published=PUB, url=u) for t, u in zip(texts, urls, strict=True))
        )
    assert [len(events) > 0 for _, events in coded] == [True, True, True]
    assert [e.trigger for e in coded[1][1]] == ["shelled"]  # the paragraph before the trip is kept
    assert len(caplog.records) == 1 and "RecursionError" in caplog.records[0].getMessage()
    assert "\x1b" not in caplog.records[0].getMessage()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest nobody is named for and that names nobody it is against: the place's people against its
        # government (thirteenth session)
        ("Protests broke out in poor neighbourhoods of Caracas on Monday.", [("VEN", "CVL", "VEN", "GOV")]),
        ("The verdict set off the worst unrest in Senegal in years.", [("SEN", "CVL", "SEN", "GOV")]),
        # a campaign rally or the month of March is no protest
        ("Speaking at a rally in Bihar on Thursday, the candidate promised new roads.", []),
        ("In March, the minister travelled to Nairobi for a conference.", []),
    ],
)  # fmt: skip
def test_a_protest_against_nobody_named(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.source.country, e.source.sector, e.target and e.target.country, e.target and e.target.sector)
           for e in events if e.code.plover == "PROTEST"]  # fmt: skip
    assert got == expected, got


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a release asked for is asked of whoever holds the people (thirteenth session) ...
        ("Indonesian police detained hundreds of protesters in Jakarta. Amnesty International called for the "
         "release of all detained protesters.", ("IDN", "COP")),
        # ... else of their country's government
        ("Human Rights Watch called for the release of the jailed journalists in Ethiopia.", ("ETH", "GOV")),
    ],
)  # fmt: skip
def test_a_release_is_asked_of_the_holder(text: str, target: tuple[str, str]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    asks = [(e.target.country, e.target.sector) for e in events if e.code.plover == "REQUEST" and e.target]
    assert asks == [target], asks


def test_the_two_leaders_are_the_two_who_just_met() -> None:
    # "the two leaders" right after two people met are those two, not the article's most named pair
    # (thirteenth session)
    text = (
        "Timor-Leste's Prime Minister Xanana Gusmao thanked the bloc. Gusmao praised Anwar. Gusmao said "
        "the bloc would help. Thai Prime Minister Anutin Charnvirakul met Cambodian Prime Minister Hun Manet "
        "on Sunday. The two leaders agreed to extend the ceasefire."
    )
    events = whimbrel.code(text, published="2025-11-01", fmt="text")
    agreed = {(e.source.country, e.target and e.target.country) for e in events if e.code.plover == "AGREE"}
    assert agreed == {("THA", "KHM")}, agreed


def _countries(events: list[Event], plover: str) -> set[tuple[str | None, str | None]]:
    return {(e.source.country, e.target and e.target.country) for e in events if e.code.plover == plover}


def test_a_country_name_the_model_tags_as_no_entity_counts() -> None:
    # "Madagascar" at the head of a sentence is no entity to the small model; "French" is one
    text = ("Madagascar, a former French colony, is one of the poorest countries in the world. "
            "Police fired tear gas at protesters in the capital on Monday.")  # fmt: skip
    assert _countries(whimbrel.code(text, published=PUB, fmt="text"), "COERCE") == {("MDG", "MDG")}


def test_a_venue_does_not_locate_the_sentences_other_acts() -> None:
    text = (
        "Southern African leaders meeting in Harare on Wednesday urged Mozambique's rival camps to "
        "settle their dispute, as rights groups said police had shot dead dozens of protesters."
    )
    assert _countries(whimbrel.code(text, published=PUB, fmt="text"), "ASSAULT") == {("MOZ", "MOZ")}


def test_an_agreement_ended_is_no_agreement() -> None:
    events = whimbrel.code("Mali's junta tore up a defence agreement with Paris on Monday.", published=PUB)
    assert [e.code.plover for e in events] == ["SANCTION"]
    text = "Ecuador said on Monday it was ending its investment treaty with Spain."
    events = whimbrel.code(text, published=PUB)
    assert "AGREE" not in {e.code.plover for e in events}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a city naming a deal or talks is where they were held, not what the story is about; a country
        # naming one is its party
        ("The Doha talks resumed on Monday. Police fired tear gas at protesters in the capital.", None),
        ("The Iran deal collapsed on Monday. Police fired tear gas at protesters in the capital.", "IRN"),
    ],
)
def test_a_city_naming_a_deal_is_no_story_country(text: str, country: str | None) -> None:
    assert _countries(whimbrel.code(text, published=PUB, fmt="text"), "COERCE") == {(country, country)}


@pytest.mark.parametrize(
    "text",
    [
        "The government took action against the protesters on Monday.",  # taken: a deed, no threat
        "It will take years to rebuild the country, the minister said on Monday.",
    ],
)
def test_action_taken_is_no_threat(text: str) -> None:
    assert "THREATEN" not in {e.code.plover for e in whimbrel.code(text, published=PUB, fmt="text")}


@pytest.mark.parametrize(
    ("later", "plover", "start", "end"),
    [
        # (fourteenth session) the time of an act told before, also across a paragraph break
        ("At the time, Algeria accused Spain of betrayal.", "ACCUSE", "2014-03-01", "2014-03-31"),
        ("Algeria recalled its ambassador from Madrid within days.", "SANCTION", "2014-03-01", "2014-04-04"),
        ("Days later, Algeria froze bank payments to Spain.", "SANCTION", "2014-03-03", "2014-04-06"),
        ("Shortly afterwards, Algeria froze bank payments to Spain.", "SANCTION", "2014-03-01", "2014-04-07"),
    ],
)
def test_a_time_told_before_dates_the_next_paragraph(later: str, plover: str, start: str, end: str) -> None:
    text = f"In March 2014, Spain backed Morocco's autonomy plan for Western Sahara.\n\n{later}"
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == plover]
    assert [(str(e.date.start), str(e.date.end), e.date.basis) for e in events] == [(start, end, "text")]


@pytest.mark.parametrize(
    "text",
    [
        # a plot alleged is no overthrow by the court that judges it; free access is no release
        "A Tbilisi court sentenced three opposition leaders for plotting to overthrow the government.",
        "Human Rights Watch called on the government to allow UN investigators free access to the camps.",
    ],
)
def test_no_overthrow_or_release_is_read_into(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert not [e for e in events if e.trigger.lower() in ("overthrow", "free")]


def test_a_means_shares_the_status_of_its_act() -> None:
    # (fourteenth session) "by targeting" is how the asked-for act would be done: asked for, not done
    text = "Ukraine urged the EU on Monday to go further by targeting Iranian ports."
    events = whimbrel.code(text, published=PUB, fmt="text", config=CONTENTS)
    assert {e.status for e in events if e.code.plover == "ASSAULT"} == {"hypothetical"}
    done = whimbrel.code(
        "Russia responded on Monday by expelling two Polish diplomats.", published=PUB, fmt="text"
    )
    assert {e.status for e in done if e.code.plover == "SANCTION"} == {"occurred"}


def test_calls_by_someone_are_no_phone_calls() -> None:
    text = "The junta has ignored repeated calls by the African Union and the United Nations to free him."
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert "CONSULT" not in {e.code.plover for e in events}
    # the release asked for in the calls has not happened
    assert {e.status for e in events if e.code.plover == "CONCEDE"} <= {"hypothetical"}


def test_the_judges_are_the_court_named_before() -> None:
    # (fourteenth session) "the judges" after an international court are that court, not the story's
    text = ("The International Court of Justice held hearings on Monday. "
            "The judges will rule on whether to order Israel to halt the offensive.")  # fmt: skip
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "REQUEST"]
    assert [(e.source.name, e.source.country, e.target and e.target.country) for e in events] == [
        ("International Court of Justice", None, "ISR")
    ]


def test_a_former_leader_in_an_international_post_speaks_for_the_body() -> None:
    # (fourteenth session) a known person out of office whose apposed role is an international body's
    text = "Roza Otunbayeva, the head of the UN mission in Afghanistan, urged the Taliban to end the ban."
    events = [
        e for e in whimbrel.code(text, published="2024-09-02", fmt="text") if e.code.plover == "REQUEST"
    ]
    assert [(e.source.name, e.source.country, e.source.sector) for e in events] == [
        ("Roza Otunbayeva", None, "IGO")
    ]
    former = whimbrel.code("Former president Roza Otunbayeva criticised the government.", published=PUB)
    assert {(e.source.country, e.source.sector) for e in former} == {("KGZ", "ELI")}


def test_a_meeting_planned_is_the_meeting_planned_not_a_second_event() -> None:
    # (fourteenth session) "plans to meet" gives the planned consultation only; a promise is still an intent
    planned = whimbrel.code("Kerry plans to meet Lavrov in Geneva next week.", published=PUB, fmt="text")
    assert [(e.code.plover, e.status) for e in planned] == [("CONSULT", "planned")]
    promised = whimbrel.code("Kerry promised on Monday to visit Moscow.", published=PUB, fmt="text")
    assert "AGREE" in {e.code.plover for e in promised}


def test_an_envoy_recalled_from_nowhere_named_is_recalled_from_the_story_country() -> None:
    text = ("Argentina's President Javier Milei insulted Spain's prime minister on Sunday. "
            "Spain recalled its ambassador for consultations on Monday.")  # fmt: skip
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "SANCTION"]
    assert [(e.source.country, e.target and e.target.country) for e in events] == [("ESP", "ARG")]


def test_a_vote_referred_back_is_aimed_at_whoever_voted() -> None:
    # (fourteenth session) "welcomed the vote": the vote told before is the parliament's
    text = ("Armenia's parliament voted on Tuesday to ratify the treaty with the International Criminal "
            "Court. Washington welcomed the vote.")  # fmt: skip
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "SUPPORT"]
    assert [
        (e.source.country, e.target and e.target.country, e.target and e.target.sector) for e in events
    ] == [("USA", "ARM", "LEG")]


def test_a_past_relative_clause_is_set_in_the_sentences_fronted_time() -> None:
    # (fourteenth session) "where protesters attacked …" has no time of its own: July 2015, not publication
    text = ("In July 2015, Thailand deported 109 Uyghurs to Turkey's neighbour China, where demonstrators "
            "attacked the Thai consulate.")  # fmt: skip
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ASSAULT"]
    assert [(str(e.date.start), str(e.date.end)) for e in events] == [("2015-07-01", "2015-07-31")]


@pytest.mark.parametrize(
    ("text", "start", "basis"),
    [
        # (fourteenth session) a time the parser hung on the reported clause before its subject is when it
        # was said: the withdrawal itself has no day of its own
        ("Russia said on Monday it would withdraw its troops from the border.", PUB, "publication"),
        ("Russia said it would withdraw its troops from the border on Monday.", "2016-09-05", "text"),
    ],
)
def test_a_time_between_said_and_its_clause_is_when_it_was_said(text: str, start: str, basis: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    assert [(str(e.date.start), e.date.basis) for e in events if e.code.plover == "RETREAT"] == [
        (start, basis)
    ]


def test_it_joined_after_a_report_about_a_person_is_the_reporter() -> None:
    # (fourteenth session) "it" in a clause joined to "said" refers past the person inside the report
    text = ("The Argentine presidency said Milei would not apologise, and it accused the Spanish "
            "government of meddling.")  # fmt: skip
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]
    assert [(e.source.country, e.source.sector, e.target and e.target.country) for e in events] == [
        ("ARG", "GOV", "ESP")
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # (fifteenth session) a deed told before, judged in a reported clause, is an accusation of its doer
        (
            "Zambia's government banned all opposition rallies on Monday. Amnesty International said the "
            "measures violated the right to peaceful assembly.",
            ("ZMB", "GOV"),
        ),
        (
            "Police in Minsk detained 30 journalists on Monday. The European Union said the detentions "
            "raised serious questions about the rule of law.",
            ("BLR", "COP"),
        ),
        (
            "Police in Minsk detained 30 journalists on Monday. The European Union said the detentions fell "
            "short of Belarus's commitments.",
            ("BLR", "COP"),
        ),
    ],
)
def test_a_deed_judged_in_a_reported_clause_accuses_its_doer(text: str, target: tuple[str, str]) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]
    assert [(e.target.country, e.target.sector) for e in events if e.target is not None] == [target]


@pytest.mark.parametrize(
    "text",
    [
        # (fifteenth session) the press a speaker talks to is the audience, never a party met
        "Speaking to reporters in Ankara on Monday, the Turkish foreign minister said the talks went well.",
        "President Ramaphosa speaks to journalists in Pretoria.",
        "Talking to state television on Monday, the Iranian president praised the deal.",
    ],
)
def test_speaking_to_the_press_is_no_meeting(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [e for e in events if e.code.plover == "CONSULT"] == []


@pytest.mark.parametrize(
    ("text", "host", "parties"),
    [
        # (fifteenth session) a host or mediator acts towards the parties of the occasion it hosts or
        # brokers: named with "between", the subject of the clause the occasion belongs to, or the parties
        # of the meeting told just before
        (
            "Laos and Vietnam agreed on Monday to reopen the border after talks in Vientiane hosted by "
            "the Thai prime minister.",
            "THA",
            {"LAO", "VNM"},
        ),
        ("A truce brokered by Qatar between Sudan and Chad took effect on Monday.", "QAT", {"SDN", "TCD"}),
        (
            "Serbian and Kosovar negotiators met in Brussels on Monday. Norway's foreign minister hosted the "
            "session.",
            "NOR",
            {"SRB", "XKX"},
        ),
    ],
)
def test_a_host_or_mediator_acts_towards_the_occasions_parties(
    text: str, host: str, parties: set[str]
) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.cameo in ("043", "045")]
    assert {e.source.country for e in events} == {host}
    assert {e.target.country for e in events if e.target is not None} == parties


def test_the_sides_are_the_two_parties_that_just_met() -> None:
    # (fifteenth session) a bare "the sides" refers back as "the two sides" does; "the sides of" does not
    text = ("Peruvian and Chilean envoys met in Lima on Monday. The sides agreed to reopen the border. "
            "Trucks lined the sides of the road.")  # fmt: skip
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "AGREE"]
    assert {frozenset((e.source.country, e.target and e.target.country)) for e in events} == {
        frozenset(("PER", "CHL"))
    }


def test_a_middle_name_refers_back_to_the_person_named_in_full() -> None:
    # (fifteenth session) "Tchiroma" after "Issa Tchiroma Bakary": a name of three words is often shortened
    # to its middle word
    text = ("Cameroon's main challenger, Issa Tchiroma Bakary, rejected the results on Monday. "
            "Gendarmes later detained Tchiroma in Garoua.")  # fmt: skip
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "COERCE"]
    assert [(e.source.sector, e.target and e.target.name, e.target and e.target.country) for e in events] == [
        ("COP", "Issa Tchiroma Bakary", "CMR")
    ]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # (twenty-third session) the last two words of a name given in full before: a compound surname
        ("Gabonese opposition leader Albert Mendes Kouma lost the vote on Sunday. Mendes Kouma also accused "
         "the electoral commission of rigging the count.", "Albert Mendes Kouma", "GAB"),
        ("Honduran presidential candidate Rosa Elvira Ramos Galdames conceded on Monday. "
         "Ramos Galdames accused the ruling party of buying votes.", "Rosa Elvira Ramos Galdames", "HND"),
    ],
)  # fmt: skip
def test_a_compound_surname_refers_back_to_the_person_named_in_full(
    text: str, name: str, country: str
) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]
    assert [(e.source.name, e.source.country) for e in events] == [(name, country)]


@pytest.mark.parametrize(
    ("text", "police"),
    [
        # (twenty-third session) police of no named country are of the place the story is told from, when the
        # story names that place, though it names another country more
        ("TALLINN (Reuters) - Russia condemned Estonia on Friday over the removal of a Soviet memorial. "
         "Russian lawmakers urged Moscow to cut ties.\n\nPolice detained 300 rioters on Friday.", "EST"),
        # ... not the bureau's country the story never names
        ("NAIROBI (Reuters) - Gunmen attacked a hotel in Mogadishu on Friday, Somalia's government said. "
         "Somali officials said the gunmen were from al-Shabaab.\n\nPolice detained three suspects.", "SOM"),
        # (twenty-eighth session) a story filed from two cities is told from the one of the country the
        # story names more
        ("LONDON/MALE (Reuters) - India urged the Maldives to hold early polls. Indian officials said New "
         "Delhi was concerned about the Maldives.\n\nPolice detained 20 protesters on Monday.", "MDV"),
        # ... and not of a dateline country the story names far less than the one it is about
        ("ABUJA (Reuters) - Nigeria's president and West African leaders condemned Guinea's junta. Guinea's "
         "soldiers had fired on a rally in Guinea's capital. Guinea's opposition said Guinea's army must "
         "answer for it.\n\nPolice detained 20 protesters on Monday.", "GIN"),
    ],
)  # fmt: skip
def test_police_of_no_country_are_of_the_dateline_place(text: str, police: str) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.source.sector == "COP"]
    assert [e.source.country for e in events] == [police], [(e.trigger, e.source.country) for e in events]


def test_a_nationality_before_a_title_names_the_story_country() -> None:
    # (fifteenth session) "Mongolian" is tagged as no entity before "Prime Minister": it still counts
    # towards the article's country, which a president named with no nationality then takes
    text = ("Mongolian Prime Minister Luvsannamsrai Oyun-Erdene resigned on Tuesday.\n\n"
            "President Ukhnaagiin Khurelsukh urged lawmakers to settle the dispute.")  # fmt: skip
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "REQUEST"]
    assert [(e.source.country, e.target and e.target.country) for e in events] == [("MNG", "MNG")]


@pytest.mark.parametrize(
    ("text", "default", "with_contents"),
    [
        # (fifteenth session) the act asked for or threatened is the content of the request or threat that
        # stands for it: left out unless Config(contents=True) asks for it
        ("The United States urged Iran on Monday to release the British sailors.",
         {("REQUEST", "occurred")}, {("REQUEST", "occurred"), ("CONCEDE", "hypothetical")}),
        ("Turkey threatened on Monday to impose sanctions on Greece.",
         {("THREATEN", "occurred")}, {("THREATEN", "occurred"), ("SANCTION", "hypothetical")}),
        # the refusal stands for the meeting refused, which did not happen (eighteenth session; until then
        # both stayed)
        ("The Kenyan president refused on Monday to meet the Ugandan envoy.",
         {("REJECT", "occurred")}, {("REJECT", "occurred"), ("CONSULT", "negated")}),
        # a hypothetical act that is no other event's content stays
        ("Iran could attack American ships in the Gulf.",
         {("ASSAULT", "hypothetical")}, {("ASSAULT", "hypothetical")}),
    ],
)  # fmt: skip
def test_an_act_asked_for_or_threatened_is_its_requests_content(
    text: str, default: set[tuple[str, str]], with_contents: set[tuple[str, str]]
) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert {(e.code.plover, e.status) for e in events} == default
    events = whimbrel.code(text, published=PUB, fmt="text", config=CONTENTS)
    assert {(e.code.plover, e.status) for e in events} == with_contents


def test_a_hyphenated_last_name_refers_back_to_the_person() -> None:
    # (fifteenth session) the tokenizer splits "Oyun-Erdene": still one word, the last name of the person
    # named in full before, and a later "he" stands for that person
    # (an invented name since the sixteenth session, when the real prime minister entered people.tsv)
    text = ("Mongolian Prime Minister Batbayar Gan-Ochir resigned on Tuesday.\n\n"
            "President Ukhnaagiin Khurelsukh urged lawmakers to settle the dispute.\n\n"
            "Gan-Ochir accused his political opponents of orchestrating a smear campaign. "
            "In September 2024, he hosted Russian President Vladimir Putin in Ulaanbaatar.")  # fmt: skip
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert {(e.code.plover, e.source.name) for e in events if e.code.plover in ("ACCUSE", "CONSULT")} == {
        ("ACCUSE", "Batbayar Gan-Ochir"),
        ("CONSULT", "Batbayar Gan-Ochir"),
    }


def test_a_joint_appeal_naming_nobody_is_addressed_to_the_story_country() -> None:
    # (fifteenth session) as a single foreign government's appeal is ("The UK urged calm" in a story about
    # Kenya), so is a joint one
    text = ("Police in Nairobi fired tear gas at Kenyan protesters on Monday.\n\n"
            "The African Union and the European Union called for calm.")  # fmt: skip
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "REQUEST"]
    assert {(e.source.name, e.target and e.target.country) for e in events} == {
        ("African Union", "KEN"),
        ("European Union", "KEN"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # (fifteenth session) the possessor of a relation noun is the relation's other side
        "Moscow accused Kyiv's partners of prolonging the war on Monday.",
        "China criticised Japan's allies for the naval drills on Monday.",
    ],
)
def test_the_owner_of_allies_or_partners_is_no_target(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert not [e for e in events if e.target is not None and e.target.country in ("UKR", "JPN")]


def test_a_finding_told_in_a_past_tense_is_no_intention() -> None:
    # (fifteenth session) "determined that ... had" is a finding: the act happened, and is no threat
    text = "In March, Washington determined that Russian forces had shelled Ukrainian civilians."
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert {(e.code.plover, e.status) for e in events} == {("ASSAULT", "occurred")}


def test_a_city_naming_a_convention_is_no_party() -> None:
    # (fifteenth session) "the Vienna Convention", "the Rome Statute" are named after cities, as "the Minsk
    # agreements" are: no Austrian or Italian government
    text = ("Ecuadorean police stormed Mexico's embassy in Quito on Friday. "
            "Washington condemned any violation of the Vienna Convention.")  # fmt: skip
    coded = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    events = [e for e in coded if e.code.plover == "ACCUSE"]
    assert events and not [e for e in events if e.target is not None and e.target.country == "AUT"]


@pytest.mark.parametrize(
    "text",
    [
        # (fifteenth session) the forces a government promises, frees or withdraws are what it gives, not
        # whom the act is aimed at
        "Kenya has promised a total of 1,000 police officers.",
        "The Philippines and Vietnam agreed on Wednesday to hold joint coast guard patrols.",
    ],
)
def test_a_governments_own_forces_are_no_party_to_what_it_gives(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert not [
        e for e in events if e.target is not None and e.target.sector in ("MIL", "COP")
        and e.target.country == e.source.country
    ]  # fmt: skip


def test_a_target_slot_holding_only_the_source_gives_way_to_the_act_it_condemns() -> None:
    # (sixteenth session) "as a violation of Syrian sovereignty" names the condemner's own country: the raids
    # told before name the other party
    text = (
        "Turkish drones struck two villages near Dohuk on Sunday. "
        "Iraq's foreign ministry condemned the raids as a blatant breach of Iraqi sovereignty."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    accusations = {(e.source.country, e.target.country if e.target else None)
                   for e in events if e.code.plover == "ACCUSE"}  # fmt: skip
    assert accusations == {("IRQ", "TUR")}


def test_a_participle_sharing_a_passive_auxiliary_is_passive() -> None:
    # (sixteenth session) "had been questioned and deported": he was deported, by whoever held him, not by
    # him or his own country
    text = ("Ugandan police detained Kenyan activist Peter Mwema in Kampala on Monday. "
            "A Ugandan government spokesman said Mwema had been questioned and deported for breaching "
            "immigration rules.")  # fmt: skip
    events = whimbrel.code(text, published=PUB, fmt="text")
    deported = [e for e in events if e.trigger == "deported"]
    assert deported and {(e.source.country, e.target.country if e.target else None) for e in deported} == {
        ("UGA", "KEN")
    }


@pytest.mark.parametrize(
    "text",
    [
        # (sixteenth session) the condition after the act threatened conditions that act, not the threat
        "Netanyahu has repeatedly threatened to strike Iran if it does not abandon enrichment.",
        "Washington threatened to sanction Ankara if it goes ahead with the purchase.",
    ],
)
def test_a_condition_after_the_act_threatened_leaves_the_threat_made(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert events and {e.status for e in events} == {"occurred"}
    assert {e.code.plover for e in events} == {"THREATEN"}


@pytest.mark.parametrize(
    "text, target",
    [
        # (sixteenth session) "him" as an object is never its own clause's subject, nor the same person
        # named earlier; a possessor inside the subject may be ("Mugabe's critics blamed it on him")
        ("Zelenskiy met Trump in the White House on Friday. "
         "Trump and Vice President JD Vance scolded him in front of reporters.", "UKR"),
        ("Kim Jong Un hosted Vladimir Putin in Pyongyang on Tuesday. "
         "Kim thanked him for his support.", "RUS"),
    ],
)  # fmt: skip
def test_an_object_pronoun_is_never_its_own_clauses_subject(text: str, target: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    second = [e for e in events if e.trigger in ("scolded", "thanked")]
    assert second and {e.target.country for e in second if e.target} == {target}


def test_a_shouting_match_is_no_sports_word() -> None:
    # (sixteenth session) "match" blocks a sentence as sports, but not in "a shouting match"
    text = (
        "Kenya and Uganda signed a border accord on Monday, ending a feud that began with a shouting match."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert {(e.code.plover, e.source.country) for e in events} >= {("AGREE", "KEN")}


@pytest.mark.parametrize(
    "text",
    [
        # (sixteenth session) a known person's one-word name as someone else's first name names nobody
        "Abbas Zaki met the French foreign minister in Paris on Monday.",
        "Putin Karimov met the French foreign minister in Paris on Monday.",
    ],
)
def test_a_known_name_as_a_first_name_is_someone_else(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    assert not [e for e in events if e.source.country in ("PSE", "RUS")]


def test_a_list_of_countries_read_as_an_apposition_is_still_a_list() -> None:
    # (sixteenth session) the parser reads "Britain" as an apposition of "the United States" with "Russia
    # and China" its conjuncts: all four condemned, none is a target
    text = (
        "Gunmen loyal to Hezbollah attacked the Israeli embassy in Nicosia on Monday. "
        "The United States, Britain, Russia and China condemned the attack."
    )
    events = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    condemned = [e for e in events if e.trigger == "condemned"]
    assert {e.source.country for e in condemned} == {"USA", "GBR", "RUS", "CHN"}
    assert not [e for e in condemned if e.target is not None and e.target.country in ("GBR", "RUS", "CHN")]


def test_a_states_forces_never_take_their_own_state_as_fall_back_target() -> None:
    # (sixteenth session) "when warplanes hit the Natanz site": Israel's warplanes did not hit Israel
    text = "Israel launched its campaign on June 13, when dozens of warplanes hit the Natanz enrichment site."
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert not [e for e in events if e.target is not None and e.target.country == e.source.country]


@pytest.mark.parametrize(
    "text",
    [
        # (sixteenth session) a stance refused is the rejection it declares, no negated support besides
        "Azerbaijan does not recognise Armenia's claim to the enclave.",
        "Morocco said it would not back Algeria's bid for a seat on the council.",
    ],
)
def test_a_stance_refused_is_only_a_rejection(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert events and {(e.code.plover, e.status) for e in events} == {("REJECT", "occurred")}


def test_a_ceremony_hosted_by_someone_hosts_the_parties_of_the_act_set_in_it() -> None:
    # (sixteenth session) "in a ceremony hosted by U.S. President Donald Trump": the host receives the
    # parties of the act the ceremony is the setting of, on its day; "U.S." inside the host's own phrase is
    # no party
    text = (
        "The presidents of Serbia and Kosovo signed a trade accord on Monday, in a ceremony hosted by U.S. "
        "President Donald Trump."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    hosted = [e for e in events if e.trigger == "hosted"]
    assert {e.target.country for e in hosted if e.target} == {"SRB", "XKX"}
    assert {e.date.start.isoformat() for e in hosted if e.date.start} == {"2016-08-29"}


def test_a_verb_joined_to_a_reported_state_is_the_speakers() -> None:
    # (sixteenth session) "said it was concerned the men could cross … and asked Botswana": the speaker asked
    text = (
        "Namibia said it was concerned the fighters could cross its northern border and asked Angola for "
        "assurances that they would be disarmed."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert {(e.source.country, e.code.plover, e.target and e.target.country) for e in events} >= {
        ("NAM", "REQUEST", "AGO")
    }


def test_a_demand_to_free_ones_own_citizens_goes_to_their_captor() -> None:
    # (sixteenth session) "demanded the release of its citizens": of whoever detained them in the article
    text = (
        "Togo detained four Ghanaian traders on Monday. "
        "Accra demanded the immediate release of its citizens on Tuesday."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    demands = [e for e in events if e.code.plover == "REQUEST"]
    pairs = {(e.source.country, e.target and e.target.country) for e in demands}
    assert demands and pairs == {("GHA", "TGO")}


def test_a_dateline_filed_from_three_places_is_stripped() -> None:
    # (sixteenth session) "DUBLIN/MADRID/OSLO, May 22 (Reuters) -": a story filed from three capitals
    text = "DUBLIN/MADRID/OSLO, May 22 (Reuters) - Ireland, Spain and Norway said they would back Kosovo."
    events = whimbrel.code(text, published="2024-05-22", fmt="text")
    assert {e.source.country for e in events} == {"IRL", "ESP", "NOR"}


@pytest.mark.parametrize(
    "text, source",
    [
        # (sixteenth session) an execution nobody is named for is the act of the state body that tells it;
        # a rights group telling it did not do it
        ("Ahmad Karimi, a Swedish-Iranian academic, was executed on Monday, Iran's judiciary said.", "IRN"),
        (
            "Ahmad Karimi, a Swedish-Iranian academic, was executed on Monday, Amnesty International said.",
            None,
        ),
    ],
)
def test_an_agentless_execution_is_the_telling_states(text: str, source: str | None) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "executed"]
    assert {e.source.country for e in events} == ({source} if source else set())


@pytest.mark.parametrize(
    "text",
    [
        # (sixteenth session) someone no dictionary knows, held or charged where the sentence places them,
        # is a civilian of that country
        "Amira Haddad was arrested in Tunisia on Monday over a satirical post.",
        "Police in Ethiopia arrested two suspects on Monday.",
    ],
)
def test_someone_unknown_who_is_held_is_a_civilian_of_the_place(text: str) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "COERCE"]
    assert events and {(e.target.country, e.target.sector) for e in events if e.target} == {
        ("TUN" if "Tunisia" in text else "ETH", "CVL")
    }


def test_his_country_is_the_state_of_whom_the_pronoun_stands_for() -> None:
    # (sixteenth session) "Petro said his country would break off relations": Colombia
    text = (
        "Colombian President Gustavo Petro said his country would break off diplomatic relations with Israel."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert ("COL", "SANCTION", "ISR") in {(e.source.country, e.code.plover, e.target and e.target.country)
                                          for e in events}  # fmt: skip


def test_a_measure_aimed_at_something_is_no_attack() -> None:
    # (sixteenth session) "measures targeting Chinese steel": no assault on China
    text = "Brussels unveiled a package of measures targeting Chinese steel."
    assert not [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ASSAULT"]


def test_an_agreement_referred_back_to_names_its_parties() -> None:
    # (sixteenth session) "hailed the treaty", "welcomed the signing": aimed at the parties of the latest
    # agreement others made, never the speaker's own country's
    text = (
        "Kenya and Somalia signed a maritime treaty on Monday. "
        "Ethiopia hailed the treaty on Tuesday. Kenyan lawmakers welcomed the signing."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    hailed = [e for e in events if e.trigger.startswith("hailed")]
    assert hailed and {e.target.country for e in hailed if e.target} <= {"KEN", "SOM"}
    welcomed = [e for e in events if e.trigger.startswith("welcomed")]
    assert not [e for e in welcomed if e.target is not None and e.target.country == "KEN"]


def test_an_envoy_summoned_with_no_agent_is_summoned_by_the_host_state() -> None:
    # (sixteenth session) "was summoned to the foreign ministry in Dublin": by Ireland
    text = "The Israeli ambassador was summoned to the foreign ministry in Dublin on Monday."
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "summoned"]
    assert {(e.source.country, e.target and e.target.country) for e in events} == {("IRL", "ISR")}


def test_a_base_form_conjunct_of_a_threatened_act_is_threatened_too() -> None:
    # (sixteenth session) "threatened to halt exports and cut aid": "cut" (tagged past) is threatened too
    text = (
        "Fico threatened on Friday to halt electricity exports to Ukraine and cut aid to Ukrainian refugees."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert events and not [e for e in events if e.status == "occurred" and e.code.plover == "SANCTION"]


def test_a_foreigner_held_where_no_place_is_named_is_held_by_the_storys_country() -> None:
    # (seventeenth session) the police of the story's country, not of the held man's nationality; a court's
    # sentence with no place named stays the target's own state's
    text = (
        "BERLIN (Reuters) - Germany tightened its asylum rules. A 26-year-old Syrian man was arrested on "
        "Monday."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    dyads = [(e.source.country, e.code.plover, e.target and e.target.country) for e in events]
    assert ("DEU", "COERCE", "SYR") in dyads and ("SYR", "COERCE", "SYR") not in dyads, dyads


def test_an_agentless_killing_in_an_attack_told_before_is_its_doers() -> None:
    # (seventeenth session) "were killed in the attack": by whoever made the attack the article told
    text = (
        "Rebels attacked the home of a minister in Kinshasa on Sunday. Two Belgian diplomats were killed in "
        "the attack."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    dyads = [
        (e.source.country, e.source.sector, e.code.plover, e.target and e.target.country) for e in events
    ]
    assert ("COD", "REB", "ASSAULT", "BEL") in dyads, dyads


def test_transfers_and_documents_referred_back_name_their_doer() -> None:
    # (seventeenth session) "the transfers", "the flight", "the closure", "the suspension" are measures told
    # before; "the document" a demand
    text = (
        "The United States deported 238 Venezuelan men to El Salvador on Saturday. Venezuela's government "
        "condemned the transfers on Sunday."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    dyads = [(e.source.country, e.code.plover, e.target and e.target.country) for e in events]
    assert ("VEN", "ACCUSE", "USA") in dyads, dyads


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Germany condemned the arrest of the journalist by Turkish police on Monday.", ("TUR", "COP")),
        ("The Red Cross criticised the killing of three aid workers by Israeli forces.", ("ISR", "MIL")),
        (
            "Amnesty International deplored the detention of activists by Egyptian authorities.",
            ("EGY", "GOV"),
        ),
    ],
)
def test_a_stance_on_an_act_whose_doer_is_named_is_aimed_at_the_doer(text: str, target: tuple) -> None:
    # (eighteenth session) "the arrest of X by Y": Y did it, X underwent it
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]
    assert [(e.target.country, e.target.sector) for e in events if e.target] == [target]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        (
            "Iran executed the dissident Jamshid Sharmahd on Monday. Germany condemned the execution.",
            "condemned",
            "IRN",
        ),
        (
            "A Hong Kong court sentenced 45 activists to prison on Tuesday. The United States condemned the "
            "sentences.",
            "condemned",
            "HKG",
        ),
        (
            "South Korean President Yoon Suk Yeol declared martial law on Tuesday. Opposition leader Lee "
            "Jae-myung called the declaration illegal.",
            "called",
            "KOR",
        ),
        (
            "Indian Prime Minister Narendra Modi visited Moscow on Monday. Ukraine's president criticised "
            "the visit.",
            "criticised",
            "IND",
        ),
    ],
)
def test_executions_sentences_declarations_and_visits_referred_back_name_their_doer(
    text: str, trigger: str, target: str
) -> None:
    # (eighteenth session) the doer of the act told before; a visit's visitor, never its host
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == trigger]
    assert [e.target.country for e in events if e.target] == [target], events


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        (
            "Saudi Arabia said the Sudanese army had violated the truce. Saudi officials said talks would "
            "resume in Riyadh. The army accused the RSF of looting homes.",
            "accused",
            ("SDN", "MIL"),
        ),
        (
            "Washington accused Israel's military of striking an aid convoy. U.S. officials held talks in "
            "Washington. The military rejected the accusation.",
            "rejected",
            ("ISR", "MIL"),
        ),
        # a bare "the government" stays the story's own state's, whoever's was named last
        (
            "Nicaragua's foreign ministry said the Brazilian government had interfered. Nicaragua's "
            "vice president called it an insult. The government expelled Brazil's ambassador on Thursday.",
            "expelled",
            ("NIC", "GOV"),
        ),
    ],
)
def test_a_bare_body_is_the_one_named_with_its_country_before(text: str, trigger: str, source: tuple) -> None:
    # (eighteenth session) "the army" after "the Sudanese army" is Sudan's, not the mediator's
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger.startswith(trigger)]
    assert [(e.source.country, e.source.sector) for e in events] == [source], events


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Two journalists were detained by agents of the Federal Security Service in Moscow.",
            ("RUS", "GOV"),
        ),
        ("Representatives of Sudan's army signed a truce with the RSF in Jeddah.", ("SDN", "MIL")),
        ("Elements of Niger's presidential guard detained President Mohamed Bazoum.", ("NER", "MIL")),
    ],
)
def test_representatives_agents_and_elements_of_a_body_are_the_body(text: str, source: tuple) -> None:
    # (eighteenth session) a head that counts its "of" object, like "members of"
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert events and {(e.source.country, e.source.sector) for e in events} == {source}, events


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The Committee to Protect Journalists condemned Russia on Monday.",
            "Committee to Protect Journalists",
        ),
        (
            "The Organization for Security and Co-operation in Europe criticised Russia on Monday.",
            "Organization for Security and Co-operation in Europe",
        ),
    ],
)
def test_a_name_joined_by_to_or_for_is_read_whole(text: str, source: str) -> None:
    # (eighteenth session) a name whose head is followed by "to", "for", "on" or "against" and more words
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [(e.source.name, e.target and e.target.country) for e in events] == [(source, "RUS")], events


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("China urged the United States on Monday to stop arming Taiwan.", "arming"),
        ("Trump told Iran to stop supporting the Houthis immediately.", "supporting"),
    ],
)
def test_what_a_request_asks_for_is_no_event_of_its_own(text: str, asked: str) -> None:
    # (eighteenth session) the request is the event; the act it asks for is its content
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [e.code.plover for e in events] == ["REQUEST"] and not [e for e in events if e.trigger == asked]


def test_two_people_of_a_nationality_are_no_pair_told_before() -> None:
    # (eighteenth session) "the two leaders" are the two who just met; "two Ukrainian citizens" are new people
    text = (
        "Polish Prime Minister Donald Tusk met Foreign Minister Radoslaw Sikorski on Monday. Two Ukrainian "
        "citizens were detained by Polish police on Tuesday."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "detained"]
    assert [(e.target.country, e.target.sector) for e in events if e.target] == [("UKR", "CVL")], events


@pytest.mark.parametrize(
    ("text", "plover", "target"),
    [
        ("The European Union stood firmly behind Warsaw on Monday.", "SUPPORT", "POL"),
        (
            'Britain imposed sanctions on Russia on Tuesday. Moscow called the sanctions "a gimmick".',
            "ACCUSE",
            "GBR",
        ),
        (
            'Poland closed the Russian consulate in Krakow on Monday. Moscow called the closure "a swindle".',
            "ACCUSE",
            "POL",
        ),
    ],
)
def test_standing_behind_and_words_of_scorn(text: str, plover: str, target: str) -> None:
    # (eighteenth session) "stood behind X" backs X; "a gimmick", "a swindle" call an act names
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == plover]
    assert [e.target.country for e in events if e.target] == [target], events


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Polish Prime Minister Donald Tusk said the fire had been ordered by Russian intelligence.", "RUS"),
        ("The minister said the attack was carried out by the RSF.", "SDN"),
        (
            "Chilean prosecutors said on Wednesday that the murder was ordered by people linked to the "
            "Venezuelan government.",
            "VEN",
        ),
    ],
)
def test_a_deed_said_to_be_done_by_someone_accuses_them(text: str, target: str) -> None:
    # (eighteenth session) a reported passive clause naming its doer with "by"; "people linked to X" are X's
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]
    assert [e.target.country for e in events if e.target] == [target], events


def test_a_deed_said_to_be_ordered_with_no_doer_accuses_nobody() -> None:
    text = "The army said the troops were ordered to withdraw from the town."
    assert not [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Iran vowed revenge for an Israeli air strike that destroyed its consulate in Damascus, killing "
            "two Revolutionary Guards generals.",
            "ISR",
        ),
        # no doer named for the strike: no killing by whoever vowed revenge
        (
            "Iran vowed on Tuesday to take revenge on Israel for an air strike that destroyed its consulate "
            "in Damascus, killing two Revolutionary Guards generals.",
            None,
        ),
    ],
)
def test_a_participle_after_a_relative_clause_on_an_attack_is_the_attacks(
    text: str, source: str | None
) -> None:
    # (eighteenth session) "an air strike that destroyed …, killing": the strike killed
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "killing"]
    assert [e.source.country for e in events] == ([source] if source else []), events


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "target"),
    [
        (
            "Iran vowed revenge for an Israeli air strike that destroyed its consulate in Damascus, killing "
            "two Revolutionary Guards generals.",
            "vowed revenge",
            "THREATEN",
            "ISR",
        ),
        # a participle after a comma is no complement: "ordered the closure …, saying" asks nobody anything
        (
            "Poland ordered the closure of Russia's consulate in Krakow on Monday, saying Russian "
            "intelligence had planned an arson attack.",
            "ordered",
            "REQUEST",
            None,
        ),
    ],
)
def test_an_answer_to_an_attack_is_aimed_at_its_doer_and_a_participle_is_no_complement(
    text: str, trigger: str, plover: str, target: str | None
) -> None:
    # (eighteenth session)
    events = [
        e
        for e in whimbrel.code(text, published=PUB, fmt="text")
        if e.trigger == trigger and e.code.plover == plover
    ]
    assert [e.target.country for e in events if e.target] == ([target] if target else []), events


def test_counterparts_from_a_list_of_states_are_each_states() -> None:
    # (eighteenth session) "his counterparts from Poland, Latvia and Estonia": three partners
    text = (
        "Lithuanian Foreign Minister Kestutis Budrys spoke by phone on Monday with his counterparts from "
        "Poland, Latvia and Estonia."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert sorted(e.target.country for e in events if e.target) == ["EST", "LVA", "POL"], events


def test_accusations_dismissed_are_never_the_dismissing_states_own() -> None:
    # (eighteenth session) what a state body answers is another state's words, not its own spokeswoman's
    text = (
        "Poland accused Russia of sabotage on Monday. Russian foreign ministry spokeswoman Maria Zakharova "
        "accused Warsaw of hysteria. Kremlin spokesman Dmitry Peskov dismissed the accusations as groundless."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "REJECT"]
    assert [e.target.country for e in events if e.target] == ["POL"], events


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        (
            "Venezuela's interior minister said the CIA and Spain's intelligence service were behind the "
            "plot.",
            ["ESP", "USA"],
        ),
        (
            "Colombia's foreign ministry said in a statement that President Javier Milei's remarks had "
            "tarnished the dignity of the country.",
            ["ARG"],
        ),
        (
            "Russia seized a Polish ship on Monday. Warsaw said the seizure was an attack on its "
            "sovereignty.",
            ["RUS"],
        ),
        # (nineteenth session) intruding, undermining, abusing … said of a party
        ("Beijing said the Philippine boats had illegally intruded into its waters.", ["PHL"]),
        ("Turkey's foreign minister said Israel was undermining the region's stability.", ["ISR"]),
        (
            "Ecuador's presidency said Mexico had abused the immunities granted to its diplomatic mission.",
            ["MEX"],
        ),
    ],
)
def test_blame_without_a_verb_of_blame(text: str, targets: list[str]) -> None:
    # (eighteenth session) "were behind the plot", "had tarnished", "was an attack on": words of blame
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]
    assert sorted(e.target.country for e in events if e.target) == targets, events


def test_a_regions_office_named_by_its_possessor_is_the_regions_countrys() -> None:
    # (eighteenth session) "Bavaria's interior minister" is Germany's, like "Bavarian police"
    text = (
        "Israel struck Gaza on Monday, Israeli officials said. Bavaria's interior minister condemned the "
        "strike."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "condemned"]
    assert [(e.source.country, e.target and e.target.country) for e in events] == [("DEU", "ISR")], events


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("A Brazilian judge ordered the freezing of the bank accounts of the Russian embassy.", "SANCTION"),
        ("A court in Ankara ordered the suspension of the opposition party on Monday.", "COERCE"),
    ],
)
def test_an_order_of_a_measure_is_the_measure(text: str, plover: str) -> None:
    # (eighteenth session) "ordered the freezing of", "ordered the suspension of": no request of anyone
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [e.code.plover for e in events if e.trigger.startswith("ordered")] == [plover], events


@pytest.mark.parametrize(
    "text",
    [
        "Defence Minister Israel Katz ordered the military on Sunday to prevent the boat from reaching Gaza.",
        "Russian President Vladimir Putin has ordered the Defense Ministry to dislodge the enemy.",
    ],
)
def test_a_states_order_to_its_own_forces_is_no_request(text: str) -> None:
    # (eighteenth session) an internal command: the army ordered is the commander's own, asked nothing
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert not [e for e in events if e.code.plover == "REQUEST"], events


@pytest.mark.parametrize(
    ("text", "plovers"),
    [
        ("Beijing has not ruled out using force to bring Taiwan under its control.", ["THREATEN"]),
        ("Kenya did not rule out cooperation with Uganda on the case.", []),
        ("Peskov said military cooperation between Russia and North Korea was not aimed at anyone.", []),
    ],
)
def test_an_option_kept_open_is_a_threat_or_nothing(text: str, plovers: list[str]) -> None:
    # (eighteenth session) "not ruled out" rejects nothing; cooperation between two states is no event
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [e.code.plover for e in events] == plovers, events


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Sudan's army chief vowed on Sunday to keep fighting the RSF until the last rebel is driven out.",
            "SDN",
        ),
        ("The Houthis have vowed to keep targeting Israeli ships.", "ISR"),
        ("The Syrian presidency vowed to hold Israel accountable for the strikes.", "ISR"),
    ],
)
def test_a_vow_to_go_on_fighting_is_a_threat(text: str, target: str) -> None:
    # (eighteenth session) "vowed to keep fighting", "vowed to hold accountable": no promise, a threat
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger.startswith("vowed")]
    assert [(e.code.plover, e.target and e.target.country) for e in events] == [("THREATEN", target)], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Monday, an Azerbaijani court ordered the two Russian executives held in pre-trial detention.",
            {("COERCE", "AZE")},
        ),
        (
            "Iran ordered the remaining inspectors of the U.N. nuclear watchdog to leave the country on "
            "Friday.",
            {("SANCTION", "IRN")},
        ),
        (
            "Pakistan ordered Indian diplomats in Islamabad to leave the country by April 30.",
            {("SANCTION", "PAK")},
        ),
        (
            "Venezuela ordered diplomats from Argentina, Chile and Peru to leave the country.",
            {("SANCTION", "VEN")},
        ),
        # (nineteenth session) executives or employees told to leave are expelled
        ("Niger ordered three senior Chinese oil executives to leave the country.", {("COERCE", "NER")}),
    ],
)
def test_an_order_that_holds_or_expels_is_the_measure(text: str, expected: set) -> None:
    # (eighteenth session) "ordered X held", "ordered inspectors to leave": a detention, an expulsion
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert {(e.code.plover, e.source.country) for e in events} == expected, events
    assert all(e.target is not None and e.target.country != e.source.country for e in events), events


def test_calling_an_attack_something_is_no_blame_of_the_attack() -> None:
    # (eighteenth session) "an attack on" is blame as a predicate only, never as the object of "called"
    text = "A Taliban spokesman, Zabihullah Mujahid, called the attack a reprisal for airstrikes in Kunduz."
    assert not [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]


def test_an_envoy_summoned_with_no_agent_or_place_is_summoned_by_the_storys_state() -> None:
    # (eighteenth session) "was summoned to the Foreign Office" in a story from London: by Britain
    text = (
        "LONDON (Reuters) - Britain expelled Russia's defence attache on Wednesday. Russia's ambassador was "
        "summoned to the Foreign Office."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "summoned"]
    assert [(e.source.country, e.target and e.target.country) for e in events] == [("GBR", "RUS")], events


def test_a_nationality_before_an_acting_title_is_the_titles() -> None:
    # (nineteenth session) "Thai acting Prime Minister X and Cambodian Prime Minister Y agreed": the parser
    # makes "Thai" a subject of its own; it is the acting premier's nationality, and the pair agreed
    text = (
        "Thai acting Prime Minister Suchart Wongsakul and Cambodian Prime Minister Hun Manet agreed to a "
        "ceasefire on Monday."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "CONCEDE"]
    pairs = sorted((e.source.country, e.target and e.target.country) for e in events)
    assert pairs == [("KHM", "THA"), ("THA", "KHM")], events


@pytest.mark.parametrize(
    "text",
    [
        "The UN human rights chief, Volker Türk, accused the paramilitaries of summary executions in the "
        "city.",
        "The bloc condemned the killings, while the commission chairman, Moussa Faki, demanded an inquiry.",
    ],
)
def test_who_a_subject_is_named_as_is_no_target(text: str) -> None:
    # (nineteenth session) the apposed name of the trigger's subject, or of the subject of a clause set
    # against it ("while its chairman, X, called for"), is who acts, never whom the act is aimed at
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert not [e for e in events if e.target and e.target.text in ("Volker Türk", "Moussa Faki")], events


def test_people_marching_through_a_city_are_of_its_country() -> None:
    # (nineteenth session) "marched through central Tbilisi" sets the protest there, as "in" does, in a
    # story that names the United States more often
    text = (
        "The United States imposed visa bans on Georgian officials. Washington said it would review its "
        "ties. Tens of thousands of people have marched through central Tbilisi to demand that the bill be "
        "scrapped."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "PROTEST"]
    assert [e.source.country for e in events] == ["GEO"], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person no dictionary knows, who undergoes the act, is one of the fall-back country's people
        ("TEHRAN (Reuters) - Iran hanged Davoud Rezaei on Monday.", [("IRN", "GOV", "IRN", "CVL")]),
        # an execution nobody is named for is the state's of the place, else of the story
        (
            "Two protesters, Kaveh Nouri and Arash Samadi, were hanged in public in Mashhad on Monday.",
            [("IRN", "JUD", "IRN", "CVL")],
        ),
        (
            "Hamid Jalali and Saeed Bahrami were executed in Tehran on Saturday.",
            [("IRN", "JUD", "IRN", "CVL"), ("IRN", "JUD", "IRN", "CVL")],
        ),
        ("Protesters hung banners on the gates of the Iranian embassy in London.", []),
    ],
)
def test_executions_and_hangings(text: str, expected: list) -> None:
    # (nineteenth session)
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.cameo == "1823"]
    got = [(e.source.country, e.source.sector, e.target.country, e.target.sector) for e in events if e.target]
    assert got == expected, events


def test_a_market_word_used_as_a_verb_blocks_nothing() -> None:
    # (nineteenth session) "shares" blocks a markets sentence as a noun ("shares fell"), not as the verb of
    # a political one
    text = "Algeria, which shares a long border with Niger, warned the junta against a military intervention."
    assert [e.code.plover for e in whimbrel.code(text, published=PUB, fmt="text")], "nothing coded"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Washington held joint naval drills with Guyana on Thursday, a move Caracas denounced.", "USA"),
        ("Armenia joined the International Criminal Court, a step Moscow called extremely hostile.", "ARM"),
        ("Algeria closed its airspace to Malian flights, a decision that Bamako condemned.", "DZA"),
        (
            "The Supreme Court ruled that the federal government must pay the salaries, a decision the "
            "regional government denounced.",
            "JUD",
        ),
    ],
)
def test_a_noun_summing_up_a_clause_is_the_act_of_its_subject(text: str, target: str) -> None:
    # (nineteenth session) "…, a move X denounced": a stance on the act the clause before tells, aimed at its
    # doer, never at the nearest other party named in that clause
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]
    assert [e.target.sector if target == "JUD" else e.target.country for e in events if e.target] == [target]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (nineteenth session) clergy are actors (civilians, as a bishop or an imam is)
        ("Armenian police detained Archbishop Vardan Petrosyan on Wednesday.", ("COERCE", "ARM", "CVL")),
        ("The Georgian patriarch condemned the Russian strikes on Monday.", ("ACCUSE", "RUS", "GOV")),
        # a joint statement signed is an agreement signed
        ("Vietnam signed a joint statement with Russia on Friday.", ("AGREE", "RUS", "GOV")),
    ],
)
def test_clergy_and_joint_statements(text: str, expected: tuple) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.code.plover, e.target.country, e.target.sector) for e in events if e.target]
    assert expected in got, events


def test_a_threat_is_aimed_at_whoever_its_condition_names() -> None:
    # (nineteenth session) "threatened to step back if the two sides fail to make progress": both sides, each
    # as its own party (the condition's subject), not only the nearest
    text = (
        "Russia and Ukraine resumed talks in Istanbul. The White House has threatened to step back from its "
        "mediation effort if the two sides fail to make progress."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "THREATEN"]
    assert sorted(e.target.country for e in events if e.target) == ["RUS", "UKR"], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (nineteenth session) a hanging referred back names its doer
        (
            "TEHRAN (Reuters) - Iran hanged Davoud Rezaei on Monday. Britain condemned the hanging.",
            ("ACCUSE", "IRN"),
        ),
        # consultations suspended, a high commissioner or a single diplomat withdrawn: relations reduced
        ("Prague has suspended joint government consultations with Slovakia's cabinet.", ("SANCTION", "SVK")),
        ("India said it was withdrawing its high commissioner from Ottawa.", ("SANCTION", "CAN")),
        ("The United States withdrew its top diplomat from Bogota on Monday.", ("SANCTION", "COL")),
    ],
)
def test_hangings_referred_back_and_relations_reduced(text: str, expected: tuple) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert expected in [(e.code.plover, e.target.country) for e in events if e.target], events


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # (nineteenth session) a person welcomed is a visitor received; a decision welcomed is backed
        ("Saudi Foreign Minister Prince Faisal bin Farhan welcomed Rubio at the airport.", "CONSULT"),
        ("Macron was welcomed at Rabat airport by King Mohammed VI on Monday.", "CONSULT"),
        ("Blinken welcomed Yoon's decision to lift martial law.", "SUPPORT"),
        ("The European Union welcomed the new Syrian government.", "SUPPORT"),
    ],
)
def test_a_person_welcomed_is_received(text: str, plover: str) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger.startswith("welcomed")]
    assert [e.code.plover for e in events] == [plover], events


def test_an_absolute_participle_after_a_comma_is_passive() -> None:
    # (nineteenth session) "…, many of them accused of plotting": they were accused, they accuse nobody
    text = (
        "Tunisian courts have jailed dozens of opposition figures, many of them accused of plotting against "
        "state security."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert not [e for e in events if e.code.plover == "ACCUSE" and e.source.sector == "JUD"], events


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # (nineteenth session) a date right after an event the act has gone on since, or is for, dates that
        # event, not the act; the nearest date in the tree wins over one nested in what the act is about
        (
            "Sybiha thanked Poland on Wednesday for its support since Russia's full-scale invasion in "
            "February 2014.",
            date(2016, 8, 31),
        ),
        (
            "Sybiha thanked Poland for its support since Russia's full-scale invasion in February 2014.",
            date(2016, 9, 2),
        ),
        # the act's own manner keeps it
        (
            "Mali's junta seized power in a coup in July 2015, ousting President Ibrahim Boubacar Keita.",
            date(2015, 7, 1),
        ),
    ],
)
def test_a_date_of_a_background_event_is_not_the_acts(text: str, day: date) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [e.date.start for e in events] == [day], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twentieth session) "no longer": an act that ends is not done; cooperation declared over is refused
        (
            "Slovakia will no longer send weapons to Ukraine, Prime Minister Robert Fico said.",
            ("REJECT", "occurred"),
        ),
        ("Nicaragua said on Monday it no longer recognises Taiwan.", ("REJECT", "occurred")),
        ("Israel said its warplanes would no longer strike Lebanon.", ("ASSAULT", "negated")),
    ],
)
def test_no_longer_ends_an_act(text: str, expected: tuple) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.code.plover, e.status) for e in events]
    assert expected in got, events
    assert ("SUPPORT", "occurred") not in got and ("AID", "planned") not in got, events


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # (twentieth session) a bare "the two" acting: the two people who just met, else the two sides
        (
            "Kuwait and Bahrain restored diplomatic ties on Monday after talks in Manama. The two also "
            "agreed "
            "to reopen their embassies.",
            {"KWT", "BHR"},
        ),
        (
            "Ghana's president John Mahama met Ivorian President Alassane Ouattara in Accra on Monday. "
            "The two "
            "agreed to open a new border crossing.",
            {"GHA", "CIV"},
        ),
        # rivals and adversaries are two sides too
        (
            "Algeria and Morocco held talks in Geneva on Monday. The two rivals agreed to hold another "
            "round.",
            {"DZA", "MAR"},
        ),
    ],
)
def test_the_two_are_the_parties_just_told(text: str, pair: set) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger.startswith("agreed")]
    assert any({e.source.country, e.target.country} == pair for e in events if e.target), events


def test_two_numbers_are_no_actors() -> None:
    text = "Two were killed when police fired on protesters in Lagos on Monday."
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [(e.source.text, e.target and e.target.text) for e in events] == [("police", "protesters")], events


def test_a_family_name_written_first_refers_back() -> None:
    # (twentieth session) "Chinese Foreign Minister Wang Yi ... Wang praised": Chinese, Korean and Singaporean
    # names put the family name first
    text = (
        "Chinese trade envoy Zhou Liwen arrived in Canberra on Monday for talks on barley tariffs. "
        "Zhou praised Australia for its efforts to mend ties."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "praised"]
    assert [(e.source.country, e.target.country) for e in events if e.target] == [("CHN", "AUS")], events


def test_a_move_is_never_the_deplorers_own_states() -> None:
    # (twentieth session) "the move" a state's leader deplores was made by another state, though the state's
    # own act was told last
    text = (
        "Israel said on Sunday it would close its embassy in Oslo. The decision came weeks after Norway's "
        "recognition of a Palestinian state. Norwegian Prime Minister Erna Solberg called the move "
        "deeply regrettable."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "called"]
    assert [(e.source.country, e.target.country) for e in events if e.target] == [("NOR", "ISR")], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twentieth session) visits postponed, ties ended, accords revoked, buildings surrounded
        ("Britain's foreign secretary postponed a planned visit to Beijing on Friday.", ("SANCTION", "CHN")),
        ("Paraguay ended relations with Venezuela on Tuesday.", ("SANCTION", "VEN")),
        ("Mali revoked a defence cooperation accord with France on Monday.", ("SANCTION", "FRA")),
        ("Egyptian police surrounded the Sudanese embassy in Cairo on Monday.", ("COERCE", "SDN")),
    ],
)
def test_reductions_and_sieges(text: str, expected: tuple) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert expected in [(e.code.plover, e.target.country) for e in events if e.target], events


def test_bodies_shut_down_and_the_right_to_respond() -> None:
    text = (
        "Belarus shut down more than 1,000 charities on Monday. Lithuania condemned the closures. Minsk said "
        "it reserved the right to respond."
    )
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.code.plover, e.source.country, e.target and e.target.country) for e in events]
    assert ("COERCE", "BLR", "BLR") in got and ("THREATEN", "BLR", "LTU") in got, events


def test_claims_called_false_are_denied_not_blamed() -> None:
    # (twentieth session) "said the accusations were false": a denial of the accuser, no blame
    text = (
        "Mali accused Algeria of harbouring terrorists on Monday. Algeria's foreign ministry said the "
        "accusations were false."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.source.country == "DZA"]
    got = [(e.code.plover, e.target and e.target.country) for e in events]
    assert ("REJECT", "MLI") in got and ("ACCUSE", "MLI") not in got, events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twentieth session) a place told by a nationality, or a country apposed to an unknown place, sets
        # the sentence in that country
        (
            "PARIS (Reuters) - Hundreds of protesters stormed the French embassy in the Nigerien capital on "
            "Sunday.",
            ("source", "NER"),
        ),
        (
            "NIAMEY (Reuters) - Niger's junta met Malian envoys on Monday. Gunmen killed 12 soldiers in an "
            "attack on a military post near Djibo, northern Burkina Faso, on Sunday.",
            ("target", "BFA"),
        ),
    ],
)
def test_a_place_told_by_nationality_or_apposed_country(text: str, expected: tuple) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ASSAULT"]
    side, country = expected
    assert [getattr(e, side).country for e in events] == [country], events


def test_the_bloc_is_the_organisation_named_last() -> None:
    # (twentieth session) "the bloc" in a story about ECOWAS is ECOWAS, not the European Union by default
    text = (
        "ECOWAS leaders met in Abuja on Sunday to discuss the crisis. Burkina Faso's military leader accused "
        "the bloc of serving foreign powers."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]
    assert [(e.source.country, e.target.name) for e in events if e.target] == [
        ("BFA", "Economic Community of West African States")
    ], events


def test_the_ministry_is_the_state_of_the_ministry_just_told() -> None:
    # (twentieth session) a bare "the ministry" after "Chile's foreign ministry": Chile's, not the dateline's
    text = (
        "LIMA, June 3 (Reuters) - Peru expelled Chile's ambassador on Monday, and Peruvian President Dina "
        "Boluarte said Peru would not back down. Chile's foreign ministry condemned the expulsion on "
        "Tuesday. The ministry also thanked Argentina for its support."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "thanked"]
    assert [(e.source.country, e.target.country) for e in events if e.target] == [("CHL", "ARG")], events


def test_a_building_surrounded_is_aimed_at_its_owner() -> None:
    # (twentieth session) "surrounded the Argentine embassy in Caracas": Argentina's, not the city's
    text = "CARACAS (Reuters) - Venezuelan police surrounded the Brazilian embassy in Caracas on Friday."
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "COERCE"]
    assert [(e.source.country, e.target.country) for e in events if e.target] == [("VEN", "BRA")], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twentieth session) a group designated with no "as"; talks suspended or quit are negotiations halted
        ("Canada designated the Wagner Group a terrorist entity on Monday.", ("COERCE", "172")),
        ("Ankara said it was pulling out of the talks with Cyprus.", ("SANCTION", "164")),
        ("Morocco decided to suspend discussions with Algeria on the border.", ("SANCTION", "164")),
    ],
)
def test_designations_and_talks_quit(text: str, expected: tuple) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert expected in [(e.code.plover, e.code.cameo) for e in events], events
    assert "RETREAT" not in [e.code.plover for e in events], events


def test_a_party_of_common_words_is_of_the_storys_country() -> None:
    # (twentieth session) "the Democratic Party" in a story about South Korea is South Korea's party
    text = (
        "SEOUL, Jan 3 (Reuters) - South Korean police arrested a man on Tuesday after an attack on an "
        "opposition leader in Busan. The Democratic Party accused police of mishandling the case."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]
    assert [(e.source.country, e.source.sector) for e in events] == [("KOR", "PTY")], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twentieth session) an explanation or inquiry demanded about an act is demanded of its doer
        (
            "MADRID (Reuters) - Moroccan police killed a Spanish fisherman on Monday. Spain demanded an "
            "explanation for the killing.",
            ("REQUEST", "ESP", "MAR"),
        ),
        # killed in an exchange of fire with someone: by them
        (
            "NEW DELHI (Reuters) - An Indian soldier was killed on Monday in an exchange of fire with "
            "Pakistani troops in Kashmir.",
            ("ASSAULT", "PAK", "IND"),
        ),
        # a designation, a dissolution or a takeover referred back names its doer
        (
            "Mali's junta dissolved all political parties on Tuesday. France condemned the dissolution.",
            ("ACCUSE", "FRA", "MLI"),
        ),
    ],
)
def test_acts_referred_to_through_an_object_or_a_noun(text: str, expected: tuple) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.code.plover, e.source.country, e.target and e.target.country) for e in events]
    assert expected in got, events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twentieth session) lending suspended is aid cut; a deployment put on hold is relations reduced; a
        # city's place sets the sentence in the city's country
        ("The World Bank has suspended new lending to Ghana.", ("SANCTION", "GHA")),
        ("Rwanda put the deployment to Mozambique on hold on Monday.", ("SANCTION", "MOZ")),
        (
            "LONDON (Reuters) - Hundreds of protesters gathered outside the British embassy near Ankara's "
            "central square on Friday.",
            ("PROTEST", "GBR"),
        ),
    ],
)
def test_lending_suspended_deployments_on_hold_and_city_places(text: str, expected: tuple) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert expected in [(e.code.plover, e.target and e.target.country) for e in events], events
    if expected[0] == "PROTEST":
        assert [e.source.country for e in events if e.code.plover == "PROTEST"] == ["TUR"], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twentieth session) a group a name modifies is that body, not a count of what follows "of"
        (
            "The BRICS group of major emerging economies invited Indonesia to join on Thursday.",
            ("AGREE", "IDN"),
        ),
        # "called on" a person with no act asked of them is a courtesy call; with one, an appeal
        (
            "Japan's ambassador Hiroshi Suzuki called on President Narendra Modi on Tuesday.",
            ("CONSULT", "IND"),
        ),
        ("Britain called on Narendra Modi on Tuesday to release the activists.", ("REQUEST", "IND")),
    ],
)
def test_named_groups_and_courtesy_calls(text: str, expected: tuple) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert expected in [(e.code.plover, e.target and e.target.country) for e in events], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt warned that an assault on the city, where a million displaced people are sheltering, would "
         "be a disaster.", []),
        ("Brazil took custody of the embassy in Caracas, where six opponents have been sheltering.", []),
        ("Jordan has sheltered more than 600,000 Syrian refugees since 2011.", [("AID", "JOR")]),
    ],
)  # fmt: skip
def test_people_sheltering_take_shelter_and_give_none(text: str, expected: list[tuple[str, str]]) -> None:
    # (twenty-first session) "shelter" with no object is taking shelter, not sheltering someone
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger.startswith("shelter")]
    assert [(e.code.plover, e.source.country) for e in events] == expected, events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Taliban returned to power in August 2021 as U.S.-led forces withdrew from Afghanistan.",
         ("RETREAT", "USA", "AFG")),
        ("The U.S.-led coalition struck Islamic State positions near Mosul.", ("ASSAULT", "USA", None)),
        # civilians acting on the state they are in are its own, however often the story names another
        ("Kerry said Washington was reviewing its aid to Thailand. The U.S. embassy urged Americans to avoid "
         "crowds. Several hundred protesters gathered at Bangkok's Victory Monument on Saturday to denounce "
         "the coup.", ("PROTEST", "THA", "THA")),
    ],
)  # fmt: skip
def test_abbreviated_patrons_and_protesters_at_home(text: str, expected: tuple[str, str, str | None]) -> None:
    # (twenty-first session) "U.S.-led" is split like "Saudi-led", so the abbreviation names its country
    got = [(e.code.plover, e.source.country, e.target and e.target.country)
           for e in whimbrel.code(text, published=PUB, fmt="text")]  # fmt: skip
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a war vowed is a threat of force, no promise
        ("The Houthi leader vowed a long war on Israel in a speech aired on Al-Masirah television.",
         [("THREATEN", "ISR")]),
        ("In a call broadcast on state television, the Libyan leader vowed a long war against the West.",
         [("THREATEN", None)]),
        # the channel an act is told on is no party to it
        ("Gaddafi vowed a long war in an address broadcast on state television.", []),
    ],
)  # fmt: skip
def test_a_war_vowed_and_the_channel_it_is_told_on(text: str, expected: list[tuple[str, str | None]]) -> None:
    # (twenty-first session)
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [(e.code.plover, e.target and e.target.country) for e in events] == expected, events


def test_where_a_speaker_spoke_is_no_party() -> None:
    # (twenty-first session) "speaking in Sydney" is where the speaker was, not whom the act concerns
    text = (
        "Saudi Arabia and its allies cut ties with Qatar on Monday. U.S. Secretary of State Rex Tillerson, "
        "speaking in Sydney, urged the Gulf states to sit down and talk."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "urged"]
    assert events and all(e.target is not None and e.target.country != "AUS" for e in events), events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Britain expelled 23 Russian diplomats on Wednesday. Germany, France and Poland announced "
         "expulsions of their own.", {("GBR", "RUS")}),
        ("The Security Council imposed sanctions on North Korea on Saturday. Japan on Friday announced its "
         "own sanctions, banning all imports from the North.", {("UNSC", "PRK"), ("JPN", "PRK")}),
    ],
)  # fmt: skip
def test_what_the_subject_owns_names_no_one_it_acts_on(text: str, expected: set[tuple[str, str]]) -> None:
    # (twenty-first session) "its own sanctions", "of their own": not each other's, nor the last sanctioner's
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = {(e.source.country or (e.source.name and "UNSC"), e.target and e.target.country) for e in events}
    assert got == expected, events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # men of an armed sector with no name of their own stand for the armed group the article named
        ("Al-Shabaab fighters stormed a hotel in Mogadishu on Monday. The militants killed 12 soldiers.",
         {("killed", "Al-Shabaab")}),
        # ... but not when two groups were named: whose men they are is not told
        ("Al-Shabaab fighters and Islamic State gunmen clashed in Puntland on Monday. The militants "
         "killed 12 soldiers.", {("killed", None)}),
    ],
)  # fmt: skip
def test_unnamed_gunmen_stand_for_the_armed_group_named(
    text: str, expected: set[tuple[str, str | None]]
) -> None:
    # (twenty-second session)
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = {(e.trigger, e.source.name) for e in events if e.trigger == "killed"}
    assert got == expected, events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twenty-sixth session) a kind of group with "the" is the group of that kind named last ...
        ("Amnesty International accused Mali's junta of abuses on Monday. The rights group urged the junta "
         "to free the detained reporters.", ("urged", "Amnesty International", None)),
        # ... also told by where it is based
        ("Human Rights Watch accused Mali's junta of abuses on Monday. The New York-based group urged the "
         "junta to free the detained reporters.", ("urged", "Human Rights Watch", None)),
        # ... never one of another kind, nor for "a rights group"
        ("Hamas accused Mali's junta of abuses on Monday. The rights group urged the junta to free the "
         "detained reporters.", ("urged", None, "MLI")),
        ("Amnesty International accused Mali's junta of abuses on Monday. A rights group urged the junta "
         "to free the detained reporters.", ("urged", None, "MLI")),
    ],
)  # fmt: skip
def test_the_rights_group_is_the_group_of_its_kind_named_last(
    text: str, expected: tuple[str, str | None, str | None]
) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == expected[0]]
    assert [(e.trigger, e.source.name, e.source.country) for e in events] == [expected], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twenty-sixth session) a bare surname is the person the article named, not a better-known namesake
        ("Swiss President Hans-Rudolf Merz flew to Tripoli on Thursday. Merz apologised to Libya for the "
         "arrest of a Libyan diplomat.", ("apologised", "Hans-Rudolf Merz", "CHE")),
        # ... but where the article named the dictionary's person too, the surname stays theirs
        ("German Chancellor Friedrich Merz met the Swiss envoy Hans-Rudolf Merz in Berlin. Merz urged "
         "Russia to stop the war.", ("urged", "Friedrich Merz", "DEU")),
    ],
)  # fmt: skip
def test_a_bare_surname_is_the_namesake_the_article_named(text: str, expected: tuple[str, str, str]) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == expected[0]]
    assert [(e.trigger, e.source.name, e.source.country) for e in events] == [expected], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twenty-sixth session) whom a state gives hours to leave is whom it expels, not the country left
        ("Bolivia gave the U.S. ambassador 72 hours to leave the country on Wednesday.",
         ("COERCE", "BOL", "USA")),
        # (twenty-seventh session) also where the parser hangs the infinitive on the hours
        ("Russia gave American diplomats 72 hours to leave the country.", ("COERCE", "RUS", "USA")),
        # air traffic and trade links halted reduce relations
        ("Saudi Arabia said on Monday it would halt air traffic and trade links with Iran.",
         ("SANCTION", "SAU", "IRN")),
        # a leader confined to his home is held; security contractors are a business
        ("Senegalese police confined opposition leader Ousmane Sonko to his home in Dakar on Sunday.",
         ("COERCE", "SEN", "SEN")),
        ("A dozen Iraqi civilians were wounded by American security contractors on Sunday.",
         ("ASSAULT", "USA", "IRQ")),
    ],
)  # fmt: skip
def test_expulsions_by_deadline_confinement_and_contractors(
    text: str, expected: tuple[str, str, str]
) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert expected in [(e.code.plover, e.source.country, e.target and e.target.country) for e in events], (
        events
    )


def test_a_role_held_is_never_the_target() -> None:
    # (twenty-sixth session) "on his first trip abroad as the top U.S. diplomat": a role, not a party visited
    text = "Rubio, on his first trip abroad as the top U.S. diplomat, arrived in Panama City on Monday."
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "CONSULT"]
    assert events and all(e.target is not None and e.target.country == "PAN" for e in events), events


def test_the_two_sides_are_the_parties_of_the_event_just_told() -> None:
    # (twenty-sixth session) not the article's main pair (France and Niger) but the visit just told
    text = (
        "France agreed on Monday to withdraw its troops from Niger. French troops left Niamey on Friday.\n\n"
        "A Russian deputy defence minister visited Niamey on Tuesday. The two sides agreed to deepen "
        "military cooperation."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.trigger == "agreed" and e.target]
    pairs = {frozenset((e.source.country, e.target.country)) for e in events if "two sides" in e.source.text}
    assert pairs == {frozenset(("RUS", "NER"))}, events


def test_the_second_half_of_a_hyphenated_name_names_nobody_else() -> None:
    # (twenty-sixth session) "Rendi-Wagner" is no Wagner Group; "US-Iran" still names both
    text = "VIENNA (Reuters) - Social Democrat leader Pamela Rendi-Wagner accused Kurz of betraying voters."
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "ACCUSE"]
    assert [(e.source.name, e.source.country) for e in events] == [("Pamela Rendi-Wagner", "AUT")], events


def test_the_league_named_before_is_no_sports_word() -> None:
    # (twenty-sixth session) "the league" after "the Arab League" refers back to it, so the sentence is coded
    text = (
        "The Arab League threatened Syria with sanctions on Monday. The league also called on its members "
        "to recall their ambassadors from Damascus."
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "REQUEST"]
    got = [(e.source.name, e.target and e.target.country) for e in events]
    assert got == [("Arab League", "SYR")], events
    sport = "Liverpool beat Chelsea 2-1 in the league on Saturday, and the coach attacked the referee."
    assert whimbrel.code(sport, published=PUB, fmt="text") == []


def test_a_joint_subject_acts_alongside_the_member_a_guess_names() -> None:
    # (twenty-seventh session) "with EU foreign policy chief … calling it": the EU is one of the welcomers,
    # never the United States' target; both welcome the deal of the parties told before
    text = (
        "Armenia agreed on Friday to return four villages to Azerbaijan. The European Union and the United "
        'States welcomed the agreement, with EU foreign policy chief Josep Borrell calling it "an important '
        'step" towards peace.'
    )
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.code.plover == "SUPPORT"]
    got = {(e.source.name or e.source.country, e.target and e.target.country) for e in events}
    assert got == {("European Union", "ARM"), ("USA", "ARM")}, events


def test_each_member_of_a_joint_teller_declares_its_own_measure() -> None:
    # (twenty-seventh session) "Germany and France said they would stop arms exports": a threat of each
    text = "Germany and France said on Monday that they would stop arms exports to Turkey."
    events = whimbrel.code(text, published=PUB, fmt="text")
    threats = {
        (e.source.country, e.target and e.target.country) for e in events if e.code.plover == "THREATEN"
    }
    assert threats == {("DEU", "TUR"), ("FRA", "TUR")}, events


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Belgium suspended its aid on Monday, and the European Union urged restraint.", "European Union"),
        ("Guterres called for an immediate de-escalation on Monday, and the African Union said it was "
         "alarmed.",
         "African Union"),
    ],
)  # fmt: skip
def test_the_subject_of_a_conjoined_clause_is_no_target(text: str, other: str) -> None:
    # (twenty-seventh session) the second clause's subject does an act of its own
    events = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    assert events and not any(e.target is not None and e.target.name == other for e in events), events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twenty-eighth session) the Commonwealth is an organisation of states; "the Commonwealth of
        # Independent States" is still the other one
        ("The Commonwealth suspended Fiji on Friday.", ("Commonwealth", "SANCTION", "FJI")),
        ("The Commonwealth of Independent States criticised Georgia on Friday.",
         ("Commonwealth of Independent States", "ACCUSE", "GEO")),
        # "the council" after a council told by its body's name; a council suspends a member
        ("The African Union's Peace and Security Council met in Addis Ababa on Monday.\n\nThe council "
         "suspended Mauritania on Tuesday.", ("African Union", "SANCTION", "MRT")),
        # a bloc described by its size or region is the organisation named last
        ("The Economic Community of West African States met in Abuja on Monday.\n\nWest Africa's regional "
         "bloc imposed sanctions on Guinea-Bissau.",
         ("Economic Community of West African States", "SANCTION", "GNB")),
    ],
)  # fmt: skip
def test_organisations_named_and_described(text: str, expected: tuple[str, str, str]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.source.name, e.code.plover, e.target and e.target.country) for e in events]
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (twenty-eighth session) an armed group of no country is of the place the sentence sets its attack
        # in, "districts of Bangui" too, else of the place the story is told from
        ("BANGUI (Reuters) - French troops patrolled the streets on Saturday. France sent more troops. "
         "French officials said the mission would be short.\n\nChristian militias attacked districts of "
         "Bangui on Thursday.", "CAF"),
        ("BANGUI (Reuters) - French troops patrolled the Central African Republic's capital on Saturday. "
         "France sent more troops. French officials said the mission would be short.\n\nRebel fighters shot "
         "dead three men on Thursday.", "CAF"),
    ],
)  # fmt: skip
def test_armed_groups_of_no_country_are_of_the_storys_place(text: str, expected: str) -> None:
    events = [e for e in whimbrel.code(text, published=PUB, fmt="text") if e.source.sector in ("REB", "INS")]
    assert [e.source.country for e in events] == [expected], events


@pytest.mark.parametrize(
    "text",
    [
        # (twenty-eighth session) a participle telling where the subject met is no meeting with anyone
        "European Union foreign ministers, meeting in Luxembourg, also froze meetings with Belarus on "
        "Monday.",
        "The AU Peace and Security Council, meeting in Addis Ababa, said Mali's junta would face sanctions.",
        "SADC leaders, meeting at a summit in Lusaka, urged Madagascar to restore order.",
    ],
)
def test_a_meeting_told_in_passing_is_no_meeting(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert not [e for e in events if e.code.plover == "CONSULT"], events


@pytest.mark.parametrize(
    ("text", "not_target"),
    [
        # (twenty-ninth session) what a relative clause or an apposition tells of the source in passing holds
        # no party to its act
        ("Chad's President Idriss Deby, whose troops make up a large part of the African contingent, voiced "
         "support for the mission on Monday.", "TCD"),
        ("Haitian gang leader Jimmy Cherizier, who is under U.N. and U.S. sanctions, denounced the vote on "
         "Monday.", "United Nations"),
        ("Britain, which left the EU at the end of January, announced matching sanctions against the same "
         "individuals on Monday.", "European Union"),
        ("The United Nations envoy for Yemen, Hans Grundberg, urged restraint on Monday, warning that damage "
         "to the port would be catastrophic.", "Hans Grundberg"),
    ],
)  # fmt: skip
def test_what_is_told_of_the_source_in_passing_is_no_target(text: str, not_target: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert all(e.target is None or not_target not in label(e.target) for e in events), events


def test_an_act_of_the_relative_clause_keeps_its_target() -> None:
    # the rule leaves alone an act told inside the relative clause itself
    text = "Trump, who has vowed to stop North Korea's missile tests, met Moon Jae-in on Monday."
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert ("USA", "PRK") in {(e.source.country, e.target and e.target.country) for e in events}, events


def test_a_state_acting_in_protest_makes_no_protest_besides() -> None:
    # (twenty-ninth session) "recalled its ambassador in protest": the recall is the state's act
    text = "Algeria recalled its ambassador from Paris in protest on Monday."
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert [e.code.plover for e in events] == ["SANCTION"], events


@pytest.mark.parametrize(
    "text",
    [
        # (twenty-ninth session) an interview is no meeting, and nobody else in the story is its party
        'Myanmar soldiers detained Aung San Suu Kyi on Monday. "We heard they were taken by the military," '
        "an NLD spokesman told Reuters by telephone.",
        'Ugandan police arrested opposition leader Kizza Besigye. "We will not stop," a spokesman for his '
        "party told a television station by phone.",
    ],
)
def test_telling_the_press_is_no_meeting(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert all(e.code.plover != "CONSULT" for e in events), events


def test_forces_blocking_roads_make_no_protest() -> None:
    # (twenty-ninth session) the crowd blocks roads in protest; riot police blocking them do not protest
    events = whimbrel.code("Kenyan riot police blocked the main roads into Nairobi on Monday.", published=PUB,
                           fmt="text", config=Config(targetless=True))  # fmt: skip
    assert all(e.code.plover != "PROTEST" for e in events), events


@pytest.mark.parametrize(
    ("text", "not_named"),
    [
        # (twenty-ninth session) a person's or a capital's name inside a place's name is the place
        ("South Korean President Park Geun-hye apologised on Monday. Thousands of protesters gathered in "
         "Freedom Park on Saturday.", "Park Geun-hye"),
        ("Kenya and Uganda agreed on Wednesday to send a joint team of surveyors to Migingo, a rocky islet "
         "in Lake Victoria.", "SYC"),
        # ... and a one-word alias ending a place's name ("Bahir Dar" is no Ishaq Dar)
        ("Ethiopian soldiers shelled rebel positions near Bahir Dar on Saturday.", "Ishaq Dar"),
    ],
)  # fmt: skip
def test_a_name_inside_a_place_name_is_the_place(text: str, not_named: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert all(e.target is None or not_named not in label(e.target) for e in events), events
    assert any(e.target is not None for e in events), events  # the events are still coded


def test_following_suit_needs_a_deed_told_just_before() -> None:
    # (twenty-ninth session) words are not followed suit, nor is an act told paragraphs before
    text = "Kenya criticised Somalia on Monday. Uganda followed suit on Tuesday."
    assert whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))[1:] == []
