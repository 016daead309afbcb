"""The coder: ``Article -> paragraphs -> sentences -> candidates -> Event`` records.

Each stage lives in its own package (readers, nlp, actors, events, time, status, geo, contexts, codes); this
module only wires them, in a plain loop.  ``Coder.load(config)`` is the factory that loads every model and
dictionary once; a ``Coder`` pickles, so engines can ship it to worker processes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from whimbrel import __version__
from whimbrel import parties as pt
from whimbrel.actors import ActorResolver, ArticleActors
from whimbrel.calibration import Calibrator
from whimbrel.codes import CameoTable
from whimbrel.config import Config
from whimbrel.contexts import ContextTagger
from whimbrel.events import Candidate, EventExtractor, SentenceScan
from whimbrel.events import arguments as args
from whimbrel.events.anaphora import antecedent, definite, eased, holder, one_state, referred_act
from whimbrel.events.declared import in_condition, intent_cameo, refusal_cameo, threat_cameo
from whimbrel.events.extractor import COERCIVE_ROOTS, JOINT_SUFFIX, NO_AGENT_SUFFIX, SUMMON
from whimbrel.events.fallback import STANCE_ROOTS, harmed, places_count
from whimbrel.geo import Gazetteer
from whimbrel.nlp import Paragraph, doc_text, load_nlp, paragraphs
from whimbrel.records import Actor, Article, DateRange, Event, EventCode, Location
from whimbrel.status import StatusResult, planned_object, resolve_status
from whimbrel.time import dateline_date, is_future, resolve_date
from whimbrel.time.narrative import Narrative, continues_narrative

CODER_VERSION = f"whimbrel-{__version__}"

# An article whose sentences carry strong negative-context words this often is off-topic (sports,
# business, weather); only events coded with at least OFF_TOPIC_KEEP confidence are kept from it.
OFF_TOPIC_FACTOR = 0.3
OFF_TOPIC_SHARE = 0.15
OFF_TOPIC_KEEP = 0.9
# Interactions in which a joint subject ("the two leaders met") names both parties.
_CLAIM_CAMEO = "112"  # accuse
_SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_MEDIATE = "045"
_HOSTING = frozenset({"043", _MEDIATE})  # host a visit or talks; mediate
_CALL_ON = "request.call_on"  # "called on X to …" appeals; "called on X" (a person) visits
_HOST, _WELCOME = "043", "support.welcome"  # the generic welcome row (not "welcomed Yoon's decision")
_APPEALS = frozenset({"02", "10"})  # appeals and demands (CAMEO roots)
_STANCE = "05"  # endorse or approve: a stance refused is a rejection
_EXECUTION = "1823"  # kill by judicial execution: by the state that tells it, when no agent is named
_DEPORT = "174"  # expel or deport individuals: from the country that holds them
_STEPPED_DOWN = "0831"  # accede to demands for a change of leader: "Mubarak resigned"
_RECALL = "161"  # reduce or break diplomatic relations: an envoy recalled, from wherever the story is
_VERBAL = frozenset({1, 3})  # verbal cooperation and conflict (talk goes on between the same parties)
_NOMINAL = frozenset({"NOUN", "PROPN"})  # parts of speech of an act told by a noun
# Visits and travel take their destination as the place of the event ("visited Moscow").
_DESTINATION_ROOTS = ("042", "043")


@dataclass
class Coder:
    """Everything needed to code articles, loaded once.  Use :meth:`load`."""

    config: Config
    nlp: Language
    actors: ActorResolver
    extractor: EventExtractor
    cameo: CameoTable
    contexts: ContextTagger
    gazetteer: Gazetteer
    calibrator: Calibrator | None = None

    @classmethod
    def load(cls, config: Config | None = None) -> Coder:
        """Load the language model, dictionaries, patterns and code tables named by ``config``."""
        config = config or Config()
        return cls(
            config=config,
            nlp=load_nlp(config.model),
            actors=ActorResolver.load(config.actor_files),
            extractor=EventExtractor.load(config.pattern_files),
            cameo=CameoTable.load(config.cameo_files),
            contexts=ContextTagger.load(config.context_files),
            gazetteer=Gazetteer.load(),
            calibrator=Calibrator.load() if config.calibrate else None,
        )

    def code(self, article: Article) -> list[Event]:
        """Code one article; events come in text order."""
        return next(self.code_many([article]))[1]

    def code_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Code a stream of articles, in order.

        Paragraphs of consecutive articles are parsed in one stream (spaCy batches across article
        boundaries) and each paragraph is coded as soon as it is parsed, so memory holds one batch of
        Docs, not a whole article's.
        """
        pending: list[_ArticleCoding] = []

        def stream() -> Iterator[tuple[str, int]]:
            for article in articles:
                paras = list(paragraphs(article.text))
                pending.append(_ArticleCoding(article, paras, self.actors.article()))
                if not paras:
                    yield "", len(pending) - 1  # an empty Doc keeps the article in the stream
                for para in paras:
                    yield para.text, len(pending) - 1

        done = 0
        for doc, index in self.nlp.pipe(stream(), as_tuples=True, batch_size=self.config.batch_size):
            while index > done:  # every paragraph of article `done` has been coded
                yield pending[done].article, self._finish(pending[done])
                done += 1
            state = pending[index]
            if state.paras and state.failed is None:
                try:
                    self._code_paragraph(state, doc)
                except Exception as exc:  # noqa: BLE001 - one article the coder trips on never stops the rest
                    # (its events so far are kept, its later paragraphs skipped; the id is untrusted text)
                    state.failed = f"{type(exc).__name__}: {exc}"
                    name = "".join(ch if ch.isprintable() else "?" for ch in state.article.id[:120])
                    _LOG.error(
                        "could not code article %s past paragraph %d: %s",
                        name,
                        state.next,
                        state.failed[:200],
                    )
        while done < len(pending):
            yield pending[done].article, self._finish(pending[done])
            done += 1

    def _finish(self, state: _ArticleCoding) -> list[Event]:
        """The article's events, each with its calibrated confidence; those below the floor dropped."""
        events = state.finish()
        if self.calibrator is None or not events:
            return events
        floor = self.config.min_confidence
        calibrated = (
            replace(e, confidence=round(p, 4))
            for e, p in zip(events, self.calibrator.probabilities(events), strict=True)
        )
        return [e for e in calibrated if e.confidence >= floor]

    def _code_paragraph(self, state: _ArticleCoding, doc: Doc) -> None:
        article, para = state.article, state.paras[state.next]
        title = article.title
        headline = state.next == 0 and title is not None and para.text.strip() == title.strip()
        state.next += 1
        if para.dateline:  # "CAIRO —" names where the reporter is, not what the article is about
            for sent in doc.sents:
                state.context.observe_dateline(sent)
                # "KYIV, July 8 (Reuters) -": "on Tuesday" is read from the day the story was written
                state.reference = dateline_date(sent, article.published) or state.reference
            return
        context, published = state.context, article.published

        def is_name(token: Token) -> bool:  # "League" in "the Arab League" is no sports word
            if token.pos_ == "PROPN" and token.ent_type_:
                # (a league "for" or "of" something is an organisation's name: "the Algerian League for the
                # Defence of Human Rights", never a sports league; twenty-seventh session)
                return bool(context.resolve(token, published)) or _named_for(token)
            # ... nor where the tagger saw no name ("The Arab League voted"), nor "the league" after it: an
            # organisation the dictionaries know (twenty-sixth session)
            return token.pos_ in ("PROPN", "NOUN") and any(a.name for a in context.resolve(token, published))

        # the paragraph's background date (and the date an earlier sentence set, for "the next day")
        narrative = Narrative(state.reference or article.published, previous=state.narrative)
        state.narrative = narrative
        for sent in doc.sents:
            state.context.observe(sent, article.published)
            scan = self.extractor.scan(sent, is_name)  # one pass: negative context and pattern heads
            state.sentences += 1
            state.off_topic += scan.factor <= OFF_TOPIC_FACTOR
            reference = state.reference or article.published
            first = len(state.events)
            for event in self._code_sentence(
                article,
                para.start,
                sent,
                state.context,
                headline,
                scan,
                state.events,
                reference,
                narrative,
            ):
                if event.id not in state.seen:
                    state.seen.add(event.id)
                    state.events.append(event)
                    if event.target is not None:  # "the two sides" are the article's usual pair
                        state.context.note_dyad(event.source.country, event.target.country)
                        state.context.note_people(event.source, event.target)
            # (a content stays among the article's events, for what later sentences refer back to; it is
            # left out of the output only)
            if not self.config.contents:
                state.contents.update(_contents(state.events[first:], sent, para.start))
            narrative.add(sent)

    def _code_sentence(
        self,
        article: Article,
        offset: int,
        sent: Span,
        context: ArticleActors,
        headline: bool,
        scan: SentenceScan,
        prior: list[Event],
        reference: date | None,
        narrative: Narrative | None = None,
    ) -> Iterator[Event]:
        resolver = pt.SentenceActors(context)
        published = article.published

        def is_actor(token: Token) -> bool:
            return bool(resolver.resolve(token.i, sent.doc, published))

        if scan.factor <= 0.0:  # a sports, business or weather sentence (events/negatives.tsv)
            return
        candidates = self.extractor.extract(sent, is_actor=is_actor, scan=scan)
        if not candidates:
            return
        tagged: list[tuple[str, ...]] = []  # the sentence's contexts, read once and only if it has an event

        def tags() -> tuple[str, ...]:
            if not tagged:
                tagged.append(self.contexts.tag(sent))
            return tagged[0]

        seen: set[tuple[object, ...]] = set()
        seen_by: dict[tuple[object, ...], tuple[Token, str]] = {}  # the first trigger and code of each
        acts: set[tuple[int, object, str]] = set()  # (trigger head, source, type) of the events given
        for cand in candidates:
            code = self.cameo.event_code(cand.cameo)
            if code is None:
                continue
            head = sent.doc[cand.trigger_head]
            if _meeting_aside(head, cand):
                continue
            events = self._events_of(
                article,
                offset,
                sent,
                cand,
                code,
                resolver,
                headline,
                tags,
                prior,
                reference,
                narrative,
            )
            for event in events:
                # One act told by two triggers ("killing two people and wounding ten") is one event: a
                # sentence gives each dyad one event per type, date and status (the first found); but two
                # coordinated verbs of two codes tell two acts ("expelled the ambassador and suspended the
                # military agreements": twenty-fifth session)
                key = (event.source.key, event.target and event.target.key, event.code.plover, event.date,
                       event.status)  # fmt: skip
                if (key in seen and not _second_act(head, event, seen_by.get(key))) or pt.consequence(
                    head, event, acts
                ):
                    continue
                seen.add(key)
                seen_by.setdefault(key, (head, event.code.cameo))
                if event.code.plover in _SYMMETRIC and event.target is not None:
                    # "Bolivia and the United States agreed": a joint act read both ways is one event
                    seen.add((event.target.key, event.source.key, *key[2:]))
                acts.add((head.i, event.source.key, event.code.plover))
                yield event

    def _events_of(
        self,
        article: Article,
        offset: int,
        sent: Span,
        cand: Candidate,
        code: EventCode,
        resolver: pt.SentenceActors,
        headline: bool,
        tags: Callable[[], tuple[str, ...]],
        prior: list[Event],
        reference: date | None,
        narrative: Narrative | None = None,
    ) -> Iterator[Event]:
        """The events of one candidate; dates are read against ``reference`` (the dateline's day, else the
        publication day); a past deed with no date of its own in a stretch of background takes
        ``narrative``, the background's date."""
        doc = sent.doc
        head = doc[cand.trigger_head]
        when_range = resolve_date(head, reference)
        if narrative is not None and when_range.basis == "unknown" and reference is not None:
            earlier = narrative.last_dated()  # "Somalia condemned the move the following day"
            when_range = resolve_date(head, reference, earlier=earlier) if earlier else when_range
        if narrative is not None and when_range.basis != "text" and continues_narrative(head):
            when_range = narrative.date() or when_range
        when = when_range.start or reference
        sources = resolver.resolve_all(cand.sources, doc, when)
        targets: list[Actor | None] = list(resolver.resolve_all(cand.targets, doc, when)) or [None]
        if cand.guessed_target and len(sources) >= 2:
            # a guessed target that is one of a joint subject acted alongside the others ("The European Union
            # and the United States welcomed the agreement, with EU foreign policy chief Josep Borrell calling
            # it …": no act of Washington on the EU; twenty-seventh session)
            targets = [t for t in targets if t is None or not any(pt.same_actor(t, s) for s in sources)]
            targets = targets or [None]
        if cand.pattern == _FOLLOW_SUIT:
            # "The bloc suspended Guinea, and the African Union followed suit": the latest act of another
            # party, made again by the subject (twenty-ninth session)
            followed = _followed(prior, sources, sent.start_char + offset)
            if followed is None:
                return
            code, targets = followed.code, [followed.target]
        if not sources and cand.pattern.endswith(JOINT_SUFFIX):
            # "fighting between Armenian and Azerbaijani forces": the phrase's first actor acts on the others
            sources, targets = ([targets[0]], targets[1:]) if len(targets) >= 2 and targets[0] else ([], [])
        if code.plover == "CONSULT" and _told_the_press(
            head, targets, lambda t: resolver.resolve(t.i, doc, when)
        ):
            # "a fisherman told Reuters by telephone", "its spokesman told a television station": an
            # interview, no meeting, and no one else in the article is its other party (twenty-ninth session)
            return
        if targets == [None] and code.plover == "COERCE":
            # "Sonia Dahmani was arrested in May", "police detained two suspects": people no dictionary knows,
            # held or tried, are civilians of the country the story places them in
            patient = (
                args.passive_subject(head)
                if args.is_passive(head)
                else next((c for c in head.children if c.dep_ == "dobj"), None)
            )
            held = resolver.context.civilian(args.counted(patient)) if patient is not None else None
            targets = [held] if held is not None else targets
        location: Location | None = None
        if not sources:
            if code.plover in ("PROTEST", "COERCE") and cand.pattern.endswith(NO_AGENT_SUFFIX):
                # where a crowd protests, where someone was detained
                location = self.gazetteer.locate(head, allow_destination=False)
            if targets == [None] and code.plover == "PROTEST" and location is not None and location.country:
                # "Protests broke out in poor neighbourhoods of Caracas": the place's people against its
                # government
                targets = [Actor(text="", name=None, country=location.country, sector="GOV", span=None)]
            tally = resolver.context.tally
            home = tally.local() or tally.dominant()
            sources = _implied_source(cand, code, targets[0] if targets else None, location, home)
            if sources and sources[0].sector == "COP" and targets[0] is not None and location is None:
                # "Bongo was placed under house arrest" after "army officers seized power": whoever made the
                # article's latest coercion, when that is none of the victim's side (thirtieth session)
                coercer = _latest_coercer(prior, targets[0])
                sources = [coercer] if coercer is not None else sources
            if sources and code.cameo == _DEPORT and targets[0] is not None:
                # "he was deported for breaching immigration rules": by whoever held him in the article, never
                # by his own country
                held = holder(prior, targets[0], pt.same_actor)
                sources = [held] if held is not None else sources
                sources = [s for s in sources if s.country != targets[0].country]
            if not sources and code.cameo == SUMMON and targets[0] is not None:
                # "the Israeli ambassador was summoned to the foreign ministry in Dublin": by the state of the
                # place, else by the state body that tells it
                place = self.gazetteer.locate(head, allow_destination=True)
                teller = resolve_status(head, headline=headline).attribution
                told = resolver.resolve(teller.i, doc, when) if teller is not None else []
                states = [Actor("", None, place.country, "GOV", None)] if place and place.country else []
                states += [a for a in told[:1] if a.sector in _STATE_SECTORS]
                # ... else by the story's own state ("LONDON — … Russia's ambassador was summoned to the
                # Foreign Office"; eighteenth session)
                states += [Actor("", None, home, "GOV", None)] if home else []
                sources = [a for a in states if a.country != targets[0].country][:1]
            if not sources and code.cameo == _EXECUTION and cand.pattern.endswith(NO_AGENT_SUFFIX):
                # "X was executed on Monday, Iran's judiciary said": the state body that tells it did it
                teller = resolve_status(head, headline=headline).attribution
                told = resolver.resolve(teller.i, doc, when) if teller is not None else []
                sources = [a for a in told[:1] if a.sector in _STATE_SECTORS | {"JUD"}]
                if not sources and targets[0] is not None:
                    # "Majidreza Rahnavard was hanged in public in Mashhad": by the state of the place, else
                    # of the dateline (an execution is a state's; never the victim's country by default:
                    # "a Swedish-Iranian academic was executed"; nineteenth session)
                    place = self.gazetteer.locate(head, allow_destination=False)
                    country = place.country if place is not None and place.country else tally.local()
                    sources = [Actor("", None, country, "JUD", None)] if country else []
            if not sources and code.plover == "REJECT" and cand.pattern.endswith(NO_AGENT_SUFFIX):
                # "The request was rejected": by whom the article's latest request was made of, against its
                # maker (twenty-fifth session)
                ask = _latest_ask(prior)
                if ask is not None:
                    sources, targets = [ask[1]], [ask[0]]
            if not sources and code.plover == "ASSAULT" and cand.pattern.endswith(NO_AGENT_SUFFIX):
                # "Two police officers were killed in the attack": by whoever made the attack told before
                # (seventeenth session)
                kind = _in_referred_attack(head, self.extractor.act_nouns)
                doer = antecedent(prior, [], kind, pt.same_actor, when) if kind is not None else None
                if doer is None and kind is None:
                    # "Three soldiers were killed": by the attacker of the article's latest attacks
                    # (twenty-fifth session)
                    doer = _latest_attacker(prior, targets[0] if targets else None)
                sources = [doer] if doer is not None else []
            if not sources:
                return
        if (
            code.cameo_root == _PROTEST
            and args.in_manner(head) is not None
            and all(s.sector in _STATE_BODIES for s in sources)
        ):
            # "recalled its ambassador in protest at …", "the ministers quit in protest": the state's act is
            # the verb's own event, no protest besides (twenty-ninth session)
            return
        if (
            code.cameo_root == _PROTEST
            and head.lemma_ == "protest"
            and all(s.sector == "GOV" for s in sources)
        ):
            # "Pakistan protested against the shelling": a government's protest is an official complaint
            code = self.cameo.event_code(_COMPLAINT) or code
        base = cand.pattern.removesuffix(NO_AGENT_SUFFIX).removesuffix(JOINT_SUFFIX)
        if base == _WELCOME and _welcomed_person(doc, cand.targets):
            # "welcomed Rubio at the airport", "where they were welcomed by the foreign minister": a visitor
            # received, no praise (nineteenth session)
            code = self.cameo.event_code(_HOST) or code
        if base == _CALL_ON and _courtesy_call(head, doc, cand.targets):
            # "India's high commissioner called on President Dissanayake on Tuesday": a visit paid, no appeal
            # (twentieth session)
            code = self.cameo.event_code(_VISIT) or code
        force = code.cameo_root in _FORCE_ROOTS
        if targets == [None] and (force or code.cameo.startswith(_SHOW_OF_FORCE) or code.cameo == _VISIT):
            # "Russia is conducting military exercises in Alaska": a show of force aims at the country it
            # is staged in; "Modi visited Osaka": a visit is to the country of the place; "Russian forces
            # attacked Kharkiv", "bombed a hospital in Gaza City": an attack on a place, at its country
            location = self.gazetteer.locate(head, allow_destination=force or code.cameo == _VISIT)
            # (at home a non-state group's attack has the place's country as target, "Syrian rebels shelled
            # Aleppo", and a state's own forces attack the place's people, below)
            domestic = force and all(s.sector in _NONSTATE for s in sources)
            at_home = force and all(s.country == location.country for s in sources) if location else False
            if at_home and not domestic and head.pos_ != "VERB":
                location = None  # (an act noun's place may be the clause verb's: "relies on Washington")
            if (
                location is not None
                and location.country
                and (force or all(s.country != location.country for s in sources))
            ):
                # (the state's own forces attacking a place at home attack its people: "Government warplanes
                # bombed the outskirts of Benghazi"; twenty-eighth session)
                sector = "CVL" if at_home and not domestic else None if force else "GOV"
                targets = [
                    Actor(text=location.name, name=None, country=location.country, sector=sector, span=None)
                ]
        if targets == [None] and force and sources and _answering(head):
            # "said its armed forces would respond with force to any attack", "vowed to strike back": at
            # whoever attacked the source's state in the article (twenty-ninth session)
            attacker = _attacker_of(prior, sources[0])
            targets = [attacker] if attacker is not None else targets
        if pt.clause_subject(head, cand.targets):
            # "Blinken warned that Washington would take action if Chinese firms …": the source's own
            # government, unnamed, as the subject of the clause it tells is the doer, no target; the
            # fall-backs below look for the other party
            targets = [t for t in targets if t is None or not any(pt.own_government(s, t) for s in sources)]
            targets = targets or [None]
        # the status is read early only where its attribution is needed (a target fall-back, a claim); an
        # event noun a planning verb governs is read from the noun ("Hamas planned an attack": planned)
        noun = doc[cand.trigger[1] - 1]
        status_at = noun if not code.cameo.startswith(("03", "13")) and planned_object(head, noun) else head
        status = resolve_status(status_at, headline=headline) if targets == [None] else None
        speaker = status.attribution if status is not None else None
        denial = cand.pattern.startswith(_DENIAL_PATTERN)  # "said the reports were nonexistent"
        claimant = pt.denied_claim(head) if code.plover == "REJECT" else None
        if claimant is not None:
            # "Washington says Syria arms Hezbollah, which Damascus denies": the denial answers whoever made
            # the claim, never a party of the claim (else the article's latest accuser; twenty-fourth session)
            told = [] if claimant.i == head.i else resolver.resolve(claimant.i, doc, when)
            told = [a for a in told if not any(pt.same_actor(a, s) or one_state(a, s) for s in sources)]
            denial, targets = True, (list[Actor | None](told[:1]) if told else [None])
        elif code.plover == "REJECT" and pt.denies_deed(head):
            # "Tehran denied sending weapons to Moscow": whom the denied deed names is no party to the
            # denial, which answers the article's latest accuser (or nobody)
            denial, targets = True, [None]
        # (mediators are no parties to each other: "a truce mediated by Egypt and Qatar")
        # (an intent to do something for someone is no mutual act: "Sweden and Norway offered to send
        # equipment" is not Sweden's offer to Norway)
        intent = code.cameo.startswith("03") and code.cameo != _AGREE
        symmetric = code.plover in _SYMMETRIC and code.cameo != _MEDIATE and not intent
        joint = symmetric or cand.pattern in self.extractor.symmetric
        if targets != [None] and all(
            t is not None and all(pt.same_actor(s, t) for s in sources) for t in targets
        ):
            # "Syria's ministry condemned the raids as a violation of Syrian sovereignty": the target slot
            # caught only the source itself; the act the verb names tells the other party
            kind = referred_act(head, self.extractor.act_nouns)
            doer = antecedent(prior, sources, kind, pt.same_actor, when) if kind is not None else None
            targets = [doer] if doer is not None else targets
        if targets == [None] and code.cameo == _STEPPED_DOWN:
            # "Mubarak resigned": yielding to whoever demanded his going, told before in the article
            # (a resignation nobody in the article asked for is no dyad: "the home minister resigned")
            asked = pt.demander(prior, sources)
            if asked is None and sources[0] is not None and sources[0].country:
                # "resigned on Tuesday after weeks of mass protests against his rule": the protesters, of
                # his own country (twenty-sixth session)
                crowd = _protests_behind(head)
                asked = Actor(crowd.text, None, sources[0].country, "CVL") if crowd is not None else None
            if asked is None:
                return
            targets = [asked]
        sources, targets, fallback = self._dyad_parties(
            sent,
            head,
            code,
            sources,
            targets,
            resolver,
            when,
            prior,
            speaker,
            denial,
            cand.guessed_target,
            joint,
        )
        targets = pt.population(code.cameo, sources[0], targets)  # "imposed a curfew": its own people
        if code.cameo in _RELEASE_DEMANDS:
            # "called for the release of the protesters": asked of whoever holds them
            targets = [self._holder(t, prior) if t is not None and t.sector in _HELD else t for t in targets]
            # "demanded the immediate release of its citizens": whoever holds the source's own people
            own = [t for t in targets if t is not None and any(pt.same_actor(s, t) for s in sources)]
            captor = _captor_of(prior, own[0].country) if own and own[0].country else None
            targets = [captor if t in own and captor is not None else t for t in targets]
        if targets == [None] and code.plover == "PROTEST":
            # "thousands marched on the presidential palace": against whom the seat stands for
            seat = pt.seat_protested(head, sources, lambda t: resolver.resolve(t.i, sent.doc, when))
            targets = [seat] if seat is not None else targets
        if targets == [None] and code.plover == "THREATEN":
            # "the minister warned that anyone who disturbed public order would be punished": its own people
            tally = resolver.context.tally
            people = pt.public(sources[0], head, tally.local() or tally.dominant())
            targets = [people] if people is not None else targets
        if targets == [None] and not self.config.targetless and speaker is None:
            return  # a one-sided act: no dyad, so no event (Config.targetless keeps it)
        if status is None:
            status = resolve_status(status_at, headline=headline)
        if cand.pattern in _ANNOUNCED_RESPONSES:
            # "would respond decisively if …": a response announced is a threat made; one made is none
            if status.status not in ("planned", "hypothetical") or in_condition(head):
                return  # ("… would respond if Israel took further military action": the condition, no threat)
            if cand.pattern in _MEASURES_AGAINST and not _against(head) and not _conditioned(head):
                return  # "urged North Korea to take concrete actions to reduce tensions": no one's threat
            up = head  # made when it was said ("said on Monday it would take measures against")
            while up.dep_ in ("ccomp", "xcomp", "conj") and up.head.i != up.i:
                up = up.head
            if up.i != head.i:
                said = resolve_date(up, reference)
                when_range = said if said.basis == "text" else when_range
            status = StatusResult("occurred", "a response announced", status.attribution)
        if code.plover == "REJECT" and status.status == "negated" and cand.pattern.startswith(_RULE_OUT):
            # "has not ruled out using force": an option kept open, no rejection; a threat when the option
            # is force or a measure, else nothing (eighteenth session)
            if not _kept_option(head):
                return
            kept = self.cameo.event_code(_THREAT)
            if kept is None:
                return
            code, status = kept, StatusResult("occurred", "an option kept open", status.attribution)
        if status.status == "occurred" and _ahead(head, when_range, reference):
            # "Blinken is travelling to Beijing next week": a present with a day to come is planned
            status = StatusResult("planned", "present with a date to come", status.attribution)
        if status.status == "planned" and code.plover == "THREATEN" and head.pos_ in ("NOUN", "PROPN"):
            # "said there would be consequences for Riyadh": the harm is to come, the threat is made
            status = StatusResult("occurred", "a threat told as harm to come", status.attribution)
        if status.status == "occurred" and reference and when_range.start and when_range.start > reference:
            # what has happened is no later than the story ("asked at the request of Britain" in "the Council
            # will meet on Tuesday at the request of Britain" was made before Tuesday)
            when_range = DateRange(reference, reference, "publication")
        attribution = None
        attributed: list[Actor] = []
        if status.attribution is not None:
            attributed = resolver.resolve(status.attribution.i, doc, when)
            attribution = _shift(attributed[0], offset) if attributed else None
        if location is None:  # (a crowd's place was found above; protests are no visits)
            destination = code.cameo.startswith(_DESTINATION_ROOTS)
            location = self.gazetteer.locate(head, allow_destination=destination)
        trigger = doc[cand.trigger[0] : cand.trigger[1]]
        claim = self._claim(status.attribution, attribution, code, status.status, reference, offset)
        # "said he would not provide support": a refusal; "plans to strike Hezbollah": a threat
        teller_told = status.attribution is not None
        # ("if Cambodian forces entered Thai territory": the condition of a threat is no threat of its doer)
        threat = (
            None if in_condition(head) else threat_cameo(code, status.status, status.cue, told=teller_told)
        )
        declared = refusal_cameo(head, code, status.status) or threat or intent_cameo(code, status.status)
        declared_code = self.cameo.event_code(declared) if declared else None
        teller = status.attribution
        # the declaration was made when its teller said it ("warned on Sunday that Israel would strike")
        declared_date = when_range
        if declared_code is not None and teller is not None and teller.head.i != teller.i:
            declared_date = resolve_date(teller.head, reference)
        start, end = sent.start_char, sent.end_char
        text = doc_text(doc)[start:end]  # = sent.text, without a pass over the tokens
        for source, target in pt.dyads(sources, targets):
            if target is not None and _placeless(source) and _placeless(target):
                continue  # "the company accused Zuckerberg": no state and no political body on either side
            if target is not None and (
                _own_forces(source, target, code) or _own_command(source, target, code, head)
            ):
                target = None  # "promised 1,000 officers", "freed 303 soldiers": what it gives, not to whom
            event = Event(
                article=article,
                sentence=text,
                span=(start + offset, end + offset),
                trigger=trigger.text,
                trigger_span=(trigger.start_char + offset, trigger.end_char + offset),
                source=_shift(source, offset),
                target=_shift(target, offset) if target else None,
                code=code,
                date=when_range,
                status=status.status,  # type: ignore[arg-type]
                attribution=attribution,
                contexts=tags(),
                location=location,
                confidence=_confidence(cand, source, target, resolver.context) * (0.7 if fallback else 1.0),
                coder_version=CODER_VERSION,
            )
            refused = declared_code is not None and status.status == "negated"
            stance_refused = refused and code.cameo_root == _STANCE
            if (target is not None or self.config.targetless) and not stance_refused:
                # ("does not recognise Kosovo" is the rejection declared below, no support besides)
                yield event  # a one-sided act is no event, but an alleged one is still its teller's claim:
            if claim is not None and pt.accuses(attribution, event, victim_only=status.status == "occurred"):
                yield replace(event, source=attribution, target=event.source, attribution=None, **claim)  # type: ignore[arg-type]
            if (
                declared_code is not None
                and target is not None
                and (
                    pt.declares(status.attribution, attribution, source)
                    # ("Germany and France said they would stop arms exports": each declares its own)
                    or any(pt.declares(status.attribution, a, source) for a in attributed[1:])
                )
            ):
                yield replace(
                    event,
                    code=declared_code,
                    status="occurred",
                    date=declared_date,
                    confidence=event.confidence * 0.9,
                )

    def _dyad_parties(
        self,
        sent: Span,
        head: Token,
        code: EventCode,
        sources: list[Actor],
        targets: list[Actor | None],
        resolver: pt.SentenceActors,
        when: date | None,
        prior: list[Event],
        speaker: Token | None = None,
        denial: bool = False,
        guessed: bool = False,
        joint: bool = False,
    ) -> tuple[list[Actor], list[Actor | None], bool]:
        """Sources and targets once the target fall-backs have run; True when a fall-back found the target.

        ``speaker`` is who the sentence says reported the act ("..., the KCNA news agency said"): a reporter
        is no party to what it reports, so the sentence fall-back never picks it."""
        if code.cameo in _HOSTING and (
            targets == [None]
            or guessed
            or all(t is not None and any(t.country == s.country for s in sources) for t in targets)
        ):
            # "talks in Putrajaya hosted by Anwar", "Fidan hosted the session": the occasion's parties
            parties = pt.occasion_parties(
                head, sources, prior, lambda t: resolver.resolve(t.i, sent.doc, when)
            )
            if parties:
                return sources, list[Actor | None](parties), True
        if targets == [None] and len(sources) >= 2 and pt.reciprocal(head):
            # "Johnson and Corbyn attacked each other's policies": each party acts on every other one.
            return sources, list(sources), False
        if (targets == [None] or guessed) and len(sources) >= 2 and joint:
            # "The two leaders met", "Merkel and Hollande agreed", "Armenian and Azerbaijani troops
            # exchanged fire": one joint subject, two parties (a target a fall-back guessed is a weaker
            # reading: "the two leaders met on the sidelines of the G7")
            return sources[:1], list(sources[1:]), False
        if targets == [None] and code.plover == "REJECT" and (denial or pt.rebuts(head)):
            # "The Pentagon rejected these accusations": a rebuttal answers the article's latest accuser.
            accuser = pt.last_accuser(prior, sources)
            if accuser is None and denial:
                return sources, targets, False  # a denial of a claim nobody in the article made: no dyad
            targets = [accuser] if accuser is not None else targets
        if targets != [None] or pt.asked_for(head):
            return sources, targets, False
        summed = _summed_clause(head) if code.cameo[:2] in STANCE_ROOTS else []
        if summed:
            # "Washington held exercises with Guyana, a move Caracas denounced": aimed at whoever made the
            # move, the subject of the clause the noun sums up (nineteenth session)
            doers = [a for t in summed for a in resolver.resolve(t.i, sent.doc, when)]
            doers = [a for a in doers if not any(pt.same_actor(a, s) for s in sources)]
            if doers:
                return sources, list[Actor | None](doers[:1]), True
        kind = referred_act(head, self.extractor.act_nouns)
        if kind == "act_coerce" and code.plover == "CONCEDE":
            # "Japan lifted the export restrictions": aimed at whom its own measure told before was aimed at
            undone = eased(prior, sources, pt.same_actor)
            if undone is not None:
                return sources, [undone], True
        if kind is not None:  # "condemned the attack": aimed at who made the attack told before
            doer = antecedent(prior, sources, kind, pt.same_actor, when)
            if doer is not None:
                return sources, [doer], True
        # (an act told by a noun of manner is the clause's own: "blocked the railway in protest at …")
        verbal = head.pos_ not in _NOMINAL or args.in_manner(head) is not None
        if self.config.sentence_targets and verbal:
            # An act told by a noun ("in defiance of U.N. sanctions", "the Madrid peace talks") is often
            # background: only its own arguments name its target, never the nearest actor of the sentence.
            avoid = (
                set(range(speaker.left_edge.i, speaker.right_edge.i + 1)) if speaker is not None else set()
            )
            avoid.update(
                t.i
                for t in sent
                if args.instrument(t, self.extractor.weapons) or args.related_owner(t) or args.medium(t)
            )
            avoid.update(args.behest_tokens(head, self.extractor.behest_words))
            # partners of the source in a joint subject acted alongside it ("Saudi Arabia and Egypt denounced
            # the strikes, with Riyadh calling them …": Egypt is no target of Riyadh)
            avoid.update(_partners(sent, sources, resolver, when))
            avoid.update(_conjoined_subjects(head))
            avoid.update(_told_of_sources(sent, sources, head))
            if code.cameo[:2] in STANCE_ROOTS:  # "opposed any sanctions on Iran": not against Iran
                avoid.update(t.i for t in head.subtree if self.extractor.aimed_at(t))
                avoid.update(harmed(head))  # "criticised the bombardment of civilians": not the civilians
            elif code.cameo_root in COERCIVE_ROOTS:  # "bombed what Nairobi said was a rebel base"
                avoid.update(t.i for t in head.subtree if self.extractor.describer(t))
            if head.lemma_.lower() in self.extractor.clause_verbs:
                # "warned that the fighting could spread to Chad": a clause whose subject is no party (the
                # clause fall-back found none) is a forecast or a claim, no one inside it is the target
                for clause in head.children:
                    subject = _clause_subject(clause)
                    if subject is not None and not resolver.resolve(subject.i, sent.doc, when):
                        avoid.update(t.i for t in clause.subtree)
            nearest = resolver.nearest_other(sent, head, sources, when, avoid, places_count(code.cameo))
            for _ in range(3):
                if (
                    nearest is None
                    or code.cameo_root not in _FORCE_ROOTS
                    or not _same_state(sources, nearest)
                ):
                    break
                # "Israel launched its campaign when warplanes hit Natanz": its forces did not hit Israel
                span = nearest.span
                if span is None:
                    nearest = None
                    break
                avoid.update(t.i for t in sent if span[0] <= t.idx < span[1])
                nearest = resolver.nearest_other(sent, head, sources, when, avoid, places_count(code.cameo))
            if nearest is not None:
                return sources, [nearest], True
        if len(sources) == 1 and code.quad_class in _VERBAL:
            # "So Hillary called": the dyad goes on from the source's latest event in the article.
            partner = pt.partner(prior, sources[0])
            if partner is not None:
                return sources, [partner], True
        if kind is not None and code.cameo[:2] in STANCE_ROOTS and head.pos_ not in _NOMINAL:
            # "Washington welcomed the decision" where no event told whose it was: the decision of the
            # country the story is about, from abroad - unless that country just commented on it too ("China
            # condemned the move. Russia also criticised the move."; twenty-seventh session)
            makers = [pt.story_country(resolver.context, s) for s in sources]
            maker = makers[0]
            # (and a country named once, as a setting, is no story: "In Geneva, the minister criticised …")
            commented = maker is not None and (
                resolver.context.tally.counts.get(maker.country or "", 0) < 2
                or any(
                    e.source.country == maker.country and e.code.cameo[:2] in STANCE_ROOTS for e in prior[-2:]
                )
            )
            if maker is not None and all(m is not None for m in makers) and not commented:
                return sources, [maker], True
        if len(sources) == 1 and code.cameo == _RECALL and sources[0].sector == "GOV":
            # "Albares recalled the ambassador for consultations": from the country the story is about
            addressee = pt.story_country(resolver.context, sources[0])
            if addressee is not None:
                return sources, [addressee], True
        if (
            code.cameo[:2] in _APPEALS
            and head.pos_ not in _NOMINAL
            and not any(c.dep_ == "ccomp" for c in head.children)  # "insisted that …": about what it says
        ):
            # "The UK has urged an end to the violence" in a story about Hong Kong: an appeal naming nobody
            # is addressed to the country the story is about, when the appeal comes from abroad (also a
            # joint one: "The African Union and the European Union called for calm", fifteenth session)
            addressees = [pt.story_country(resolver.context, s) for s in sources]
            if addressees[0] is not None and all(a is not None for a in addressees):
                return sources, [addressees[0]], True
        if code.cameo_root == _PROTEST and verbal:
            # "The Togolese opposition called a general strike", "Kenyan teachers went on strike": people
            # protesting at home and naming nobody protest against their own government (twenty-fifth session)
            homes = {s.country for s in sources if s.sector not in _STATE_SECTORS}
            if len(homes) == 1 and None not in homes and len(sources) == 1:
                return sources, [Actor("", None, homes.pop(), "GOV", None)], True
        return sources, targets, False

    def _holder(self, held: Actor, prior: list[Event]) -> Actor:
        """Whoever detained ``held`` in the article, else the government of their country, else them."""
        found = holder(prior, held, pt.same_actor)
        if found is not None:
            return found
        return Actor("", None, held.country, "GOV", None) if held.country else held  # (named nowhere)

    def _claim(
        self,
        speaker: Token | None,
        actor: Actor | None,
        code: EventCode,
        status: str,
        published: date | None,
        offset: int,
    ) -> dict[str, object] | None:
        """The accusation in an alleged act of force: "Kiev claimed that Russian troops shelled the town" is
        also Kiev accusing Russia (CAMEO 112), dated when it was said.  A plain report ("said") is none."""
        if speaker is None or actor is None or code.quad_class != 4 or status not in ("alleged", "occurred"):
            return None
        verb = speaker.head
        accuse = self.cameo.event_code(_CLAIM_CAMEO)
        if accuse is None or verb.i == speaker.i:
            return None
        if verb.lower_ == "to" and verb.head.lower_ == "according":
            # "…, according to the Red Cross": a source cited, no claim made (twenty-second session)
            return None
        return {
            "code": accuse,
            "trigger": verb.text,
            "trigger_span": (verb.idx + offset, verb.idx + len(verb.text) + offset),
            "date": resolve_date(verb, published),
            "status": "occurred",
        }


@dataclass
class _ArticleCoding:
    """One article being coded: its paragraphs, coreference state and the events found so far."""

    article: Article
    paras: list[Paragraph]
    context: ArticleActors
    next: int = 0
    events: list[Event] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    sentences: int = 0
    off_topic: int = 0  # sentences with a strong sports/business/weather word (events/negatives.tsv)
    reference: date | None = None  # the dateline's day, when it names one (else the publication day)
    narrative: Narrative | None = None  # the latest paragraph's (for "the next day" with no date before it)
    failed: str | None = None  # why the coder stopped on this article (its later paragraphs are skipped)
    contents: set[str] = field(default_factory=set)  # ids of events that are another event's content

    def finish(self) -> list[Event]:
        self.paras = []
        self.events = [e for e in self.events if e.id not in self.contents]
        if self.sentences and self.off_topic / self.sentences >= OFF_TOPIC_SHARE:
            # A sports, business or weather story: its "attacks" and "defences" are games and markets.
            # Only strongly coded events survive.
            self.events = [e for e in self.events if e.confidence >= OFF_TOPIC_KEEP]
        return self.events


_LOG = logging.getLogger("whimbrel")
# agentless coercions a court, not the police, does ("were sentenced", "was jailed", "was fined")
_COURT_PATTERNS = frozenset(
    p + NO_AGENT_SUFFIX
    for p in (
        "accuse.sentence",
        "coerce.jail",
        "coerce.fine",
        "coerce.imprison",
        "coerce.indict",
        "coerce.remand",
    )
)
_SHOW_OF_FORCE = "15"  # CAMEO root: exhibit force posture (exercises, alerts, build-ups)
# CAMEO roots of assault, fighting and mass violence; armed groups that fight the state at home
_FORCE_ROOTS = frozenset({"18", "19", "20"})
_NONSTATE = frozenset({"REB", "SEP", "INS", "TER"})
_VISIT = "042"  # CAMEO: make a visit
_AGREE = "030"  # CAMEO: agree (not specified), a mutual act
_PROTEST, _COMPLAINT = "14", "114"  # CAMEO root of protest; complain officially
_MEASURES_AGAINST = frozenset({"threaten.take.action", "threaten.launch.action"})  # with "against X" only
_ANNOUNCED_RESPONSES = frozenset({"threaten.respond"}) | _MEASURES_AGAINST  # threats only when announced
_RELEASE_DEMANDS = frozenset({"0253", "1053"})  # appeals and demands for the release of people
_HELD = frozenset({"CVL", "OPP", "MED", "ELI", "NGO", "REF", "PTY"})  # people who are held, not holders
_DENIAL_PATTERN = "statement.deny"  # "said the reports were untrue": answers the latest accuser


# sectors of actors that are no political body: a company, the media, private people, refugees
_PRIVATE = frozenset({"BUS", "MED", "CVL", "REF", None})


_UNREAL = frozenset({"hypothetical"})


def _contents(events: list[Event], sent: Span, offset: int) -> set[str]:
    """The ids of a sentence's events that only tell what another of its events is about: the act asked
    for, threatened or made a condition of ("urged Iran to release the sailors", "threatened to impose
    sanctions") is the content of the request or threat, which stands for it.  A hypothetical act with no
    such event over it stays ("Iran could close the strait"), and so does a refused one: "refused to meet
    Putin" was the refusal and the meeting that did not happen (fifteenth session) until the eighteenth
    session, which measured the act refused as rarely an event of its own (1 of 35 matched an annotated event)
    and made it the refusal's content; an act asked to stop is the request's content too ("urged the US to
    stop arming Taiwan"); ``Config.contents`` keeps them all."""
    if len(events) < 2 or not any(e.status in _UNREAL or e.status == "negated" for e in events):
        return set()
    doc = sent.doc
    starts = {t.idx + offset: t for t in sent}

    def head(event: Event) -> Token | None:
        token = starts.get(event.trigger_span[0])
        if token is None:
            return None
        end = event.trigger_span[1] - offset  # the trigger's last token's root: its syntactic head
        span = doc.char_span(token.idx, end, alignment_mode="expand")
        return span.root if span is not None else token

    real = [h for e in events if e.status not in _UNREAL and (h := head(e)) is not None]
    # ("urged Washington to stop arming Taiwan": an act asked to stop is the request's content too;
    # eighteenth session)
    asks = [h for e in events if e.code.plover == "REQUEST" and (h := head(e)) is not None]
    # ("would not negotiate with a militia": the refusal read off the same words stands for the talks that
    # will not be held; eighteenth session)
    refused = {h.i for e in events if e.code.plover == "REJECT" and e.status == "occurred" and (h := head(e))}
    found = set()
    for event in events:
        if event.status not in _UNREAL and event.status != "negated":
            continue
        h = head(event)
        if h is None:
            continue
        over = real if event.status in _UNREAL else asks
        governed = any(r.i != h.i and r in h.ancestors for r in over)
        if event.status == "negated":
            governed = governed or h.i in refused or any(a.i in refused for a in h.ancestors)
        if governed:
            found.add(event.id)
    return found


# types of act whose target is never the acting government's own unnamed forces (an accusation, a coercion,
# a threat, praise or an order may be aimed at them: "the minister accused the police", "urged the army";
# an attack may be a mutiny's or a civil war's)
_NOT_AT_OWN_FORCES = frozenset({"REJECT", "CONSULT", "AGREE", "AID", "RETREAT", "PROTEST", "CONCEDE"})


def _own_forces(source: Actor, target: Actor, code: EventCode) -> bool:
    """``target`` is the source's own army or police, unnamed, in an act that is never aimed at them: the
    forces promised, sent, freed or withdrawn are what the act is about ("Kenya has promised 1,000 officers":
    to Haiti), not its other party (fifteenth session)."""
    return (
        code.plover in _NOT_AT_OWN_FORCES
        and target.name is None
        and target.sector in ("MIL", "COP")
        and source.sector in ("GOV", "ELI")
        and source.country is not None
        and source.country == target.country
    )


_RULE_OUT = "reject.rule_out"
_THREAT = "130"
# what a state that "does not rule out" it keeps as a threat ("has not ruled out using force")
_OPTIONS = frozenset({
    "force", "strike", "strikes", "action", "measure", "measures", "sanction", "sanctions", "attack",
    "attacks", "retaliation", "response", "invasion", "operation", "intervention", "war", "blockade", "use",
})  # fmt: skip


def _kept_option(head: Token) -> bool:
    """Whether what "not ruled out" keeps open is force or a measure ("did not rule out stronger measures
    against Moscow", "has not ruled out using force")."""
    for child in head.children:
        if child.dep_ in ("dobj", "xcomp", "pcomp", "nsubjpass") or (
            child.dep_ == "prep" and child.lower_ == "out"
        ):
            for t in child.subtree:
                if t.lemma_.lower() in _OPTIONS or t.lower_ in _OPTIONS:
                    return True
    return False


# verbs of command: an order to one's own state's unnamed bodies is how a state acts, no request of anyone
_ORDERING = frozenset({"order", "instruct", "direct", "command", "task"})


def _own_command(source: Actor, target: Actor, code: EventCode, head: Token) -> bool:
    """A government's order to its own army, police, ministries or state firms ("ordered the military to
    prevent the boat from reaching Gaza", "ordered the state oil company to issue licences"): an internal
    command, no request of another party (eighteenth session; measured on the team set: 10 of 11 such
    requests matched no annotated event)."""
    return (
        code.plover == "REQUEST"
        and head.lemma_.lower() in _ORDERING
        and (target.name is None or target.sector in ("MIL", "COP", "BUS"))  # ("the Pentagon", "PDVSA")
        and target.sector in ("MIL", "COP", "GOV", "BUS")
        and source.sector in ("GOV", "ELI")
        and source.country is not None
        and source.country == target.country
    )


def _meeting_aside(head: Token, cand: Candidate) -> bool:
    """ "The ministers, meeting in Luxembourg, froze …", "Leaders of the bloc, meeting at a summit in
    Swaziland, urged …": a participle telling where the subject met, with no party of its own (a place it
    met in is none), is no meeting with whoever the fall-backs would find; the main clause's act is the
    event (twenty-eighth session)."""
    if head.tag_ != "VBG" or head.lemma_.lower() != "meet":
        return False
    doc = head.doc
    if any(doc[t].dep_ != "pobj" or doc[t].head.lower_ not in ("in", "at") for t in cand.targets):
        return False
    children = list(head.children)
    if any(c.dep_ in ("dobj", "aux") for c in children):
        return False
    aside = head.i > 0 and doc[head.i - 1].text == ","
    if head.dep_ == "ROOT":  # (the parser may make the participle the root and the main verb its conjunct)
        return aside and any(c.dep_ == "conj" and c.pos_ == "VERB" for c in children)
    if any(c.dep_ == "nsubj" for c in children):
        return False
    return head.dep_ == "acl" or (head.dep_ == "advcl" and aside)


_TELLING = args.TELLING | args.SPEAKING  # verbs of telling and speaking: "told Reuters", "spoke to reporters"


def _told_the_press(
    head: Token, targets: Sequence[Actor | None], resolve: Callable[[Token], list[Actor]]
) -> bool:
    """Whether a telling or speaking trigger is addressed to the media: its object is an audience word or a
    news outlet ("told Reuters by telephone"), or every target it found is the media."""
    if head.lemma_.lower() not in _TELLING:
        return False
    if targets != [None]:
        return all(t is not None and t.sector == "MED" for t in targets)
    told = [c for c in head.children if c.dep_ in ("dobj", "dative", "obj")]
    return any(args.audience(c) or any(a.sector == "MED" for a in resolve(c)) for c in told)


def _placeless(actor: Actor) -> bool:
    """A private actor of no known country (a company, a person of unknown nationality); the police, a court
    or an international body are political even where no country is known."""
    return actor.country is None and actor.sector in _PRIVATE


def _partners(sent: Span, sources: list[Actor], resolver: pt.SentenceActors, when: date | None) -> set[int]:
    """Token indices of a coordinated subject of the sentence one of whose members is the source's country."""
    countries = {s.country for s in sources if s.country}
    found: set[int] = set()
    for t in sent:
        if t.dep_ not in ("nsubj", "nsubjpass") or not t.conjuncts:
            continue
        group = [t, *t.conjuncts]
        named = {a.country for g in group for a in resolver.resolve(g.i, sent.doc, when)}
        if countries & named:
            found.update(g.i for g in group)
    return found


# what a phrase tells of the noun it hangs on: an apposition, a relative clause
_DESCRIBING = frozenset({"appos", "relcl", "acl"})


def _told_of_sources(sent: Span, sources: list[Actor], head: Token) -> set[int]:
    """Token indices of what the sentence tells of a source in passing, an apposition or a relative clause
    that does not hold the trigger ``head``: no party to its act ("Saudi Arabia, Iran's main regional rival,
    welcomed the decision"; "Chad's President Idriss Deby, whose troops make up much of the force, voiced
    support"; twenty-ninth session)."""
    spans = [s.span for s in sources if s.span is not None]
    found: set[int] = set()
    for t in sent:
        if t.dep_ in _DESCRIBING and any(a <= t.head.idx < b for a, b in spans):
            told = range(t.left_edge.i, t.right_edge.i + 1)
            if head.i not in told:
                found.update(told)
    return found


def _conjoined_subjects(head: Token) -> set[int]:
    """Token indices of the subjects of the clauses conjoined with the trigger's own (its reporting clause's):
    each is the doer of another event, never the target of this one ("Belgium said it was suspending its
    support, and the European Union urged calm"; twenty-seventh session)."""
    clause = head
    while clause.dep_ in ("xcomp", "ccomp") and clause.head.i != clause.i:  # "said it would …, and …"
        clause = clause.head
    top = clause
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    members, seen = [top], 0
    while seen < len(members) and len(members) < 8:
        members.extend(c for c in members[seen].children if c.dep_ == "conj")
        seen += 1
    found: set[int] = set()
    for verb in members:
        if verb.i != clause.i and verb.pos_ in ("VERB", "AUX"):
            for subject in verb.children:
                if subject.dep_ in ("nsubj", "nsubjpass"):
                    found.update(range(subject.left_edge.i, subject.right_edge.i + 1))
    return found


# what a leader steps down after or amid: protests (a cause told in the same sentence)
_PROTEST_NOUNS = frozenset({
    "protest", "demonstration", "rally", "strike", "unrest", "uprising", "riot", "march", "sit-in", "revolt",
})  # fmt: skip
_CAUSE_PREPS = frozenset({"after", "amid", "following", "over", "under"})


def _protests_behind(head: Token) -> Token | None:
    """The protest noun of an "after" or "amid" phrase of ``head`` ("resigned after weeks of protests"), or
    of a yielding participle or "in the face of" ("resigned, bowing to 11 days of mass protests";
    twenty-seventh session)."""
    for child in head.children:
        cause = child.dep_ == "prep" and child.lower_ in _CAUSE_PREPS
        facing = (
            child.dep_ == "prep"
            and child.lower_ == "in"
            and any(g.lemma_.lower() == "face" for g in child.children)
        )
        yielding = child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in _YIELDING
        if not (cause or facing or yielding):
            continue
        for t in child.subtree:
            if t.lemma_.lower() in _PROTEST_NOUNS and t.pos_ == "NOUN":
                return t
    return None


_YIELDING = frozenset({"bow", "yield", "cave", "bend", "succumb", "give"})  # "bowing to the protests"


def _named_for(token: Token) -> bool:
    """A name whose "for" or "of" phrase is part of it ("League for the Defence of Human Rights")."""
    return any(
        p.dep_ == "prep" and p.lower_ in ("for", "of") and any(g.pos_ == "PROPN" for g in p.children)
        for p in token.children
    )


def _ahead(head: Token, when: DateRange, reference: date | None) -> bool:
    """A present progressive dated after the story ("is travelling to Beijing next week")."""
    return (
        reference is not None
        and when.basis == "text"
        and when.start is not None
        and when.start > reference
        and head.tag_ == "VBG"
        and is_future(head)
    )


_STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
_STATE_BODIES = _STATE_SECTORS | {"JUD", "LEG"}


def _captor_of(prior: list[Event], country: str) -> Actor | None:
    """The source of the article's latest detention of people of ``country`` by another country."""
    for event in reversed(prior):
        target, captor = event.target, event.source.country
        held = event.code.plover == "COERCE" and target is not None and target.country == country
        if held and captor and captor != country:
            return replace(event.source, span=None)
    return None


def _same_state(sources: list[Actor], other: Actor) -> bool:
    """Whether ``other`` is the state of the sources' own country (its forces do not attack it)."""
    return other.sector in _STATE_SECTORS and all(
        s.country == other.country and s.sector in _STATE_SECTORS for s in sources
    )


# nouns that sum up the clause before them: "…, a move Baku condemned", "…, a step Moscow called hostile"
_SUMMING = frozenset({"move", "step", "decision", "action", "measure", "act", "gesture", "development"})
_DEMANDING = frozenset(
    {"demand", "urge", "ask", "call", "want", "propose", "insist", "press", "push", "request"}
)  # (whose complement is the act summed up, not the demand)


def _summed_clause(verb: Token) -> list[Token]:
    """The subject heads of the clause a summing noun sums up, when ``verb`` is a relative clause on that
    noun set off by a comma ("Armenia joined the court, a step Moscow called hostile": Armenia); else []."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.lemma_.lower() not in _SUMMING:
        return []
    # (set off as an adverbial or an apposition, or read as a second object: "must pay the salaries, a
    # decision …")
    second = noun.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < noun.i for c in noun.head.children)
    if noun.dep_ not in ("npadvmod", "appos") and not second:
        return []
    before = noun.left_edge.i - 1
    if before < 0 or noun.doc[before].text not in (",", "—", "–", "-"):
        return []
    clause = noun.head
    if clause.dep_ in ("dobj", "pobj", "attr") and clause.pos_ in ("NOUN", "PROPN"):
        clause = clause.head.head if clause.dep_ == "pobj" else clause.head  # ("joined the court, a step …")
    while clause.dep_ in ("ccomp", "xcomp") and clause.head.i != clause.i:
        # "the court ruled that the government must pay …, a decision …": the ruling; but "demanded that the
        # government recognise Gonzalez, a step the coalition resisted": the act demanded
        if clause.head.lemma_.lower() in _DEMANDING:
            break
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX"):
        return []
    subjects = [c for c in clause.children if c.dep_ in args.SUBJ]
    heads = subjects or (args.agent(clause) if args.is_passive(clause) else [])
    return [h for s in heads for h in args.with_conjuncts(s)]


def _courtesy_call(verb: Token, doc: Doc, targets: Sequence[int]) -> bool:
    """Whether "called on" names a person and no act asked of them ("called on the president", not "called
    on the president to resign" nor "called on Israel")."""
    if not targets or any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in verb.children):
        return False
    people = [doc[i] for i in targets]
    return all(
        t.ent_type_ == "PERSON" and not any(c.dep_ in ("acl", "relcl") for c in t.children) for t in people
    )


def _welcomed_person(doc: Doc, targets: Sequence[int]) -> bool:
    """Whether what was welcomed is a person (a name, a personal pronoun): a visitor received."""
    heads = [doc[i] for i in targets]
    return bool(heads) and all(t.ent_type_ == "PERSON" or t.tag_ == "PRP" for t in heads)


def _implied_source(
    cand: Candidate,
    code: EventCode,
    target: Actor | None,
    place: Location | None = None,
    home: str | None = None,
) -> list[Actor]:
    """The unnamed actors behind an agentless coercion or protest.

    Arrests, detentions and the like ("Sixty people were arrested in Lagos") are the police's acts in the
    country they happen in ("Two Americans were detained in Moscow": Russia's police), else, for a
    foreigner, in the article's own country (its dateline's, else the one it is most about: "A Syrian man
    was arrested" in a story from Germany; seventeenth session), else the target's;
    protests nobody is named for ("protests in Lima against the government") are its civilians', or the
    civilians of the country they are held in ("anti-American rallies in Pakistan").
    No other agentless event gets a source (a bombing "by unknown attackers" has no actor).
    """
    if not cand.pattern.endswith(NO_AGENT_SUFFIX) or target is None:
        return []
    sector = {"COERCE": "COP", "PROTEST": "CVL"}.get(code.plover)
    if sector == "COP" and cand.pattern in _COURT_PATTERNS:
        sector = "JUD"  # "were sentenced to five years", "was jailed pending trial": a court's act
    if sector is None or (sector == "CVL" and (target.country is None or target.sector == "CVL")):
        return []  # a crowd against nobody in particular, or civilians against civilians: no dyad
    country = place.country if place is not None and place.country else None
    if country is None and sector == "COP" and home is not None and target.sector in _FOREIGNERS:
        # (a court's sentence is mostly the target's own state's: "Bishop Alvarez was sentenced")
        country = home
    country = country or target.country
    return [Actor(text="", name=None, country=country, sector=sector, span=None)]


_FOREIGNERS = frozenset({"CVL", "MED", "NGO", "BUS", "REF"})  # people held abroad: the host state's police


def _clause_subject(token: Token) -> Token | None:
    """The subject of ``token`` when it is a that-clause."""
    if token.dep_ != "ccomp":
        return None
    return next((c for c in token.children if c.dep_ in args.SUBJ), None)


def _shift(actor: Actor, offset: int) -> Actor:
    if actor.span is None or offset == 0:
        return actor
    return replace(actor, span=(actor.span[0] + offset, actor.span[1] + offset))


def _confidence(cand: Candidate, source: Actor, target: Actor | None, context: ArticleActors) -> float:
    """Pattern reliability, lowered where the actors are only partly known.

    A named or country-level actor is firm; a missing target, an actor known by sector alone (no country,
    no name), an actor whose country is inferred from the sentence or article, and an implied actor (no
    text) each lower it.  The factors are documented in docs/contract.md.
    """
    score = cand.confidence
    for actor in (source, target):
        if actor is None:
            score *= 0.8
            continue
        if actor.country is None and actor.name is None:
            score *= 0.7
        elif context.inferred(actor):
            score *= 0.85
        if not actor.text:
            score *= 0.7
    return max(0.0, min(1.0, score))


def _in_referred_attack(verb: Token, nouns: Mapping[str, str]) -> str | None:
    """ "killed in the attack", "wounded in Wednesday's bombing": the kind of the definite act of force the
    agentless verb happened in, else None."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            if definite(noun) and nouns.get(noun.lemma_.lower()) == "act_force":
                return "act_force"
    return None


def _conditioned(verb: Token) -> bool:
    """ "would take countermeasures if NATO deployed troops": a measure announced on a condition."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in verb.children
    )


def _against(verb: Token) -> bool:
    """ "take action against X": "against" on the verb or on its object."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    return any(c.dep_ == "prep" and c.lower_ == "against" for h in heads for c in h.children)


_ATTACKS_WINDOW = 4  # how many of the article's latest events an agentless killing may continue


def _latest_attacker(prior: list[Event], victim: Actor | None) -> Actor | None:
    """The source of the latest act of force among the article's last few events, when it is none of the
    victim's side (an agentless "three soldiers were killed" in a story of the militants' attacks)."""
    for event in reversed(prior[-_ATTACKS_WINDOW:]):
        if event.code.plover != "ASSAULT" or event.source is None:
            continue
        doer = event.source
        if victim is not None and _same_side(doer, victim):
            return None
        return replace(doer, span=None)
    return None


def _latest_coercer(prior: list[Event], victim: Actor) -> Actor | None:
    """The source of the latest coercion among the article's last few events, when it is none of the victim's
    side (an agentless "his aides were detained" in a story of the junta's arrests)."""
    for event in reversed(prior[-_ATTACKS_WINDOW:]):
        if event.code.plover != "COERCE" or event.source is None or not event.source.text:
            continue
        if event.source.sector not in _STATE_BODIES | _NONSTATE:
            return None  # (only a state body or an armed group holds people)
        doer = event.source
        return None if _same_side(doer, victim) else replace(doer, span=None)
    return None


def _same_side(doer: Actor, victim: Actor) -> bool:
    """Whether the doer of an act is the victim's own side (the same actor, or its country's same sector)."""
    return pt.same_actor(doer, victim) or (doer.country == victim.country and doer.sector == victim.sector)


_ANSWERING = frozenset({"respond", "retaliate", "reply", "avenge", "answer"})  # acts of force that answer one


def _answering(head: Token) -> bool:
    """Whether an act of force answers an earlier one: "respond", "retaliate", "strike back"."""
    return head.lemma_.lower() in _ANSWERING or any(
        c.dep_ == "prt" and c.lower_ == "back" for c in head.children
    )


def _attacker_of(prior: list[Event], victim: Actor) -> Actor | None:
    """The source of the article's latest act of force on ``victim``'s state, by another state or group."""
    if victim.country is None:
        return None
    for event in reversed(prior):
        target = event.target
        if event.code.plover != "ASSAULT" or target is None or target.country != victim.country:
            continue
        if event.source.country != victim.country:
            return replace(event.source, span=None)
    return None


_FOLLOW_SUIT = "echo.follow.suit"
_FOLLOW_REACH = 400  # characters back from the sentence within which the act followed must be told


def _followed(prior: list[Event], sources: list[Actor], at: int) -> Event | None:
    """The act "followed suit" repeats: the article's latest event by a party other than ``sources``, told
    just before (within the sentence or the one or two before, which start at ``at``), when it is a material
    act with a target that is none of them; else None."""
    for event in reversed(prior):
        if any(pt.same_actor(event.source, s) for s in sources):
            continue
        target = event.target
        if event.span[1] < at - _FOLLOW_REACH or target is None or event.code.quad_class in _VERBAL:
            return None  # (a deed told just before: "followed suit" repeats an act, not someone's words)
        return None if any(pt.same_actor(target, s) for s in sources) else event
    return None


def _second_act(head: Token, event: Event, first: tuple[Token, str] | None) -> bool:
    """Whether ``head`` is a verb coordinated with the trigger of an earlier event of the same dyad and type
    (``first``: its trigger and CAMEO code) that tells an act of another code."""
    if first is None or first[1] == event.code.cameo:
        return False
    return head.dep_ == "conj" and head.pos_ == "VERB" and head.head.i == first[0].i


_ASKS_WINDOW = 6  # how many of the article's latest events an agentless rejection may answer


def _latest_ask(prior: list[Event]) -> tuple[Actor, Actor] | None:
    """(maker, addressee) of the latest request or offer among the article's last few events."""
    for event in reversed(prior[-_ASKS_WINDOW:]):
        if event.code.plover in ("REQUEST", "AGREE") and event.target is not None:
            return replace(event.source, span=None), replace(event.target, span=None)
    return None
