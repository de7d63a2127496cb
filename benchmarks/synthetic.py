"""A seeded, invented news corpus for size sweeps of `attribution build`.

    python benchmarks/synthetic.py OUT_DIR --articles N [--seed 1]

Writes N plain-text articles, OUT_DIR/syn_00001.txt and on: the title on the first
line, a blank line, then 8 to 14 paragraphs separated by blank lines, about 400 to 700
words in all. Every name, outlet, place and claim is made up. The articles are dense in
the citation forms the extractor finds ("X said ...", "..., X told The Y.", "According
to The Z, ...", "X reported that ...", quoted speech, "In a tweet, X wrote ...",
"according to multiple reports", "experts say") among plain filler sentences.

Article k depends only on the seed and k, so a corpus of 10 N articles starts with the
corpus of N. Recurring public figures, outlets and organisations are drawn with a skewed
(Zipf-like) weight so that names recur across articles, and each article also quotes one
or two local people who seldom recur, so a bigger corpus has many more distinct sources.
Claims are built from templates with random numbers, places and objects; about 5% are
a small set of stock claims, reworded, that recur across articles.

Import ``write_corpus(out_dir, articles, seed)`` to build one from another script.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

FIRST_NAMES = (
    "Maren",
    "Tobias",
    "Ilse",
    "Jonah",
    "Priya",
    "Amara",
    "Declan",
    "Rosalind",
    "Mateo",
    "Greta",
    "Soren",
    "Leona",
    "Ewan",
    "Nadia",
    "Corin",
    "Halima",
    "Felix",
    "Ines",
    "Rafe",
    "Talia",
    "Otto",
    "Celeste",
    "Bram",
    "Yara",
    "Linus",
    "Mirela",
    "Callum",
    "Anouk",
    "Dario",
    "Freya",
    "Idris",
    "Lucia",
    "Magnus",
    "Noor",
    "Oskar",
    "Petra",
    "Quentin",
    "Rhea",
    "Silas",
    "Vera",
)
SURNAMES = (
    "Varnham",
    "Ashcombe",
    "Brenwick",
    "Calloway",
    "Darrowby",
    "Elsworth",
    "Farrant",
    "Gilchrest",
    "Harrowden",
    "Ingleby",
    "Jessop",
    "Kittredge",
    "Larkwood",
    "Mallender",
    "Norcross",
    "Ormsby",
    "Pendlebury",
    "Quarrie",
    "Redfern",
    "Stallard",
    "Thorncliffe",
    "Upshaw",
    "Vantreight",
    "Wexley",
    "Yarborough",
    "Abernell",
    "Bexhill",
    "Corrigall",
    "Dunstable",
    "Everleigh",
    "Fothergill",
    "Grimsdale",
    "Hollinrake",
    "Ivesbury",
    "Jardine",
    "Kelloway",
    "Lindqvist",
    "Marchbank",
    "Nettleford",
    "Osgathorp",
    "Pritchley",
    "Rothwell",
    "Saltonstall",
    "Tregarthen",
    "Underwood",
    "Vasquez-Orme",
    "Whitlock",
    "Ackroyd",
    "Blenkinsop",
    "Castellane",
    "Delamere",
    "Esterhazy",
    "Fairweather",
    "Gantry",
    "Halvorsen",
    "Iredale",
    "Kinsella",
    "Lombardi",
    "Moravec",
    "Okonkwo",
)
OUTLETS = (
    "The Kelmarsk Herald",
    "Channel 9 News",
    "The Varnholt Courier",
    "Estmoor Radio",
    "The Daily Lantern",
    "The Northgate Gazette",
    "Harbour FM News",
    "The Meridian Times",
    "The Brightwater Post",
    "The Calder Valley Chronicle",
    "The Greyhaven Tribune",
    "Channel 4 Estmoor",
    "The Lindby Observer",
    "The Coastal Express",
    "The Thornbury Standard",
    "The Westmarch Journal",
    "Radio Halvern",
    "The Morrow Review",
    "The Sentinel Press",
    "The Upland Star",
    "The Ostley Mirror",
    "Kestrel News Agency",
    "The Riverside Independent",
    "Beacon TV",
    "The Evening Ledger Daily",
    "The Dunhallow Guardian",
    "Network 7 News",
    "The Fenmoor Telegraph",
    "The Weekly Compass Magazine",
    "Polder Wire",
    "The Capital Insider",
    "The Saltmarsh Sun",
    "The Ironbridge Post",
    "Northwind Broadcaster",
    "The Ashfield Gazette",
    "Channel 12 News",
    "The Kingsreach Times",
    "The Gullhaven Chronicle",
    "The Marlow Street Journal",
    "Tidewater Radio",
)
ORGANISATIONS = (
    "the Ministry of Water Affairs",
    "Norwick University",
    "the Brannock Institute",
    "the Coastal Freight Union",
    "the Kelmarsk City Council",
    "the Regional Transit Authority",
    "the Estmoor Health Trust",
    "the Halvern Chamber of Commerce",
    "the Federation of Small Farms",
    "the Varnholt Housing Association",
    "the National Audit Bureau",
    "the Greyhaven Port Authority",
    "the Teachers' Alliance",
    "the Lindby Tenants' Union",
    "the Institute for Fiscal Clarity",
    "the Northgate Police Service",
    "the Upland Energy Cooperative",
    "the Fenmoor Wildlife Trust",
    "the Department of Roads and Bridges",
    "the Meridian Bank",
    "the Civic Data Office",
    "the Westmarch Fire Service",
    "the Association of Rural Doctors",
    "the Ostley Fishermen's Guild",
    "the Council of Regional Mayors",
    "the Tourism Board of Calder",
    "the Saltmarsh Water Company",
    "the Electoral Commission of Kingsreach",
    "Ironbridge Steelworks",
    "the Centre for Climate Records",
)
PLACES = (
    "Kelmarsk",
    "Varnholt",
    "Estmoor",
    "Northgate",
    "Brightwater",
    "Calder",
    "Greyhaven",
    "Lindby",
    "Thornbury",
    "Westmarch",
    "Halvern",
    "Ostley",
    "Riverside",
    "Dunhallow",
    "Fenmoor",
    "Saltmarsh",
    "Ironbridge",
    "Ashfield",
    "Kingsreach",
    "Gullhaven",
    "Marlow",
    "Upland",
    "Meridian",
    "Polder",
    "Crosswater",
    "Harlowmere",
    "Pikestone",
    "Wendle",
    "Broadholme",
    "Tarnby",
)
OCCUPATIONS = (
    "nurse",
    "teacher",
    "bus driver",
    "shop owner",
    "retired engineer",
    "student",
    "farmer",
    "electrician",
    "pharmacist",
    "baker",
    "carpenter",
    "fisherman",
    "librarian",
    "accountant",
    "cook",
    "welder",
)
TITLES = ("Mayor", "Senator", "Councillor", "Governor", "Minister", "Dr.")
APPOSITIONS = (
    "a spokesperson for {org}",
    "a press officer at {org}",
    "a professor of economics at Norwick University",
    "a researcher at {org}",
    "the director of {org}",
    "an analyst at {org}",
    "a lawyer for {org}",
    "the head of {org}",
    "a senior official at {org}",
    "the chair of {org}",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
ADJECTIVES = (
    "rushed",
    "overdue",
    "reckless",
    "sensible",
    "unlawful",
    "timid",
    "costly",
    "welcome",
    "baffling",
    "short-sighted",
)


@dataclass(frozen=True)
class Topic:
    """Vocabulary of one beat: things, countable objects, verbs, who acts, a unit."""

    name: str
    things: tuple[str, ...]
    objects: tuple[str, ...]
    verbs: tuple[tuple[str, str], ...]
    actors: tuple[str, ...]


def _topic(name: str, things: str, objects: str, verbs: str, actors: str) -> Topic:
    """A Topic from ", "-separated lists; verbs as "base/past" pairs."""
    pairs = tuple((v.split("/")[0], v.split("/")[1]) for v in verbs.split(", "))
    return Topic(
        name, *(tuple(x.split(", ")) for x in (things, objects)), pairs, tuple(actors.split(", "))
    )


TOPICS = (
    _topic(
        "transit",
        "tram extension, night bus network, harbour ferry, orbital rail line",
        "bus routes, tram stops, ferry crossings, rail carriages, station lifts",
        "cut/cut, add/added, close/closed, restore/restored, replace/replaced",
        "the transit authority, the regional rail operator, the city council",
    ),
    _topic(
        "housing",
        "social housing scheme, rent cap, riverside redevelopment, tower block repairs",
        "affordable homes, council flats, building permits, eviction notices",
        "build/built, approve/approved, demolish/demolished, freeze/froze, review/reviewed",
        "the housing association, the planning committee, the developers",
    ),
    _topic(
        "water",
        "Halvern reservoir, new water treatment plant, hosepipe ban, sewer upgrade",
        "water mains, pumping stations, leak repairs, boil-water notices",
        "repair/repaired, inspect/inspected, close/closed, fund/funded, replace/replaced",
        "the water company, the regulator, the ministry",
    ),
    _topic(
        "budget",
        "municipal budget, tax rebate, pension reform, spending review",
        "public sector jobs, grants, tax offices, subsidy schemes",
        "cut/cut, create/created, freeze/froze, merge/merged, audit/audited",
        "the finance committee, the treasury, the audit bureau",
    ),
    _topic(
        "schools",
        "school meals programme, teacher pay deal, exam reform, rural school network",
        "classrooms, teaching posts, school buses, free lunches",
        "close/closed, open/opened, fund/funded, cut/cut, inspect/inspected",
        "the education department, the teachers' union, the school board",
    ),
    _topic(
        "health",
        "Estmoor general hospital, ambulance service, vaccination drive, mental health hotline",
        "hospital beds, ambulances, night clinics, nursing posts",
        "add/added, close/closed, staff/staffed, fund/funded, move/moved",
        "the health trust, the hospital board, the rural doctors",
    ),
    _topic(
        "wildfire",
        "fire season, forest thinning plan, evacuation order, firefighting fleet",
        "hectares of forest, fire crews, water bombers, homes",
        "evacuate/evacuated, deploy/deployed, protect/protected, lose/lost, clear/cleared",
        "the fire service, the forestry agency, the county",
    ),
    _topic(
        "port",
        "container terminal, dockworkers' strike, dredging contract, customs backlog",
        "cargo ships, shipping containers, dock cranes, berths",
        "handle/handled, delay/delayed, unload/unloaded, turn away/turned away, inspect/inspected",
        "the port authority, the freight union, the shipping lines",
    ),
    _topic(
        "farming",
        "drought relief fund, grain harvest, fertiliser subsidy, dairy quota",
        "farms, tonnes of wheat, dairy herds, irrigation permits",
        "lose/lost, support/supported, sell/sold, plant/planted, insure/insured",
        "the farmers' federation, the agriculture ministry, the grain board",
    ),
    _topic(
        "energy",
        "offshore wind farm, coal plant closure, heating subsidy, grid upgrade",
        "wind turbines, power lines, megawatts, households",
        "connect/connected, shut down/shut down, build/built, subsidise/subsidised, lose/lost",
        "the energy cooperative, the grid operator, the ministry",
    ),
    _topic(
        "policing",
        "neighbourhood patrol scheme, body camera rollout, police station closures",
        "officers, patrol cars, burglaries, arrests",
        "hire/hired, cut/cut, record/recorded, deploy/deployed, make/made",
        "the police service, the justice committee, the police union",
    ),
    _topic(
        "election",
        "mayoral race, postal ballot, boundary review, turnout campaign",
        "polling stations, ballots, votes, campaign volunteers",
        "count/counted, open/opened, close/closed, reject/rejected, recruit/recruited",
        "the electoral commission, the campaign, the party",
    ),
    _topic(
        "tourism",
        "festival season, cruise ship levy, old town pedestrian zone, hotel tax",
        "hotel rooms, visitors, cruise calls, market stalls",
        "welcome/welcomed, lose/lost, attract/attracted, book/booked, cap/capped",
        "the tourism board, the hoteliers, the city council",
    ),
    _topic(
        "fisheries",
        "cod quota, marine reserve, harbour dredging, trawler ban",
        "fishing boats, tonnes of cod, licences, crew jobs",
        "land/landed, ban/banned, license/licensed, lose/lost, inspect/inspected",
        "the fishermen's guild, the marine agency, the ministry",
    ),
    _topic(
        "roads",
        "Ironbridge crossing, ring road widening, pothole programme, toll scheme",
        "bridges, kilometres of road, traffic lights, speed cameras",
        "repair/repaired, close/closed, build/built, install/installed, inspect/inspected",
        "the roads department, the contractors, the county",
    ),
    _topic(
        "climate",
        "flood defence plan, heat action plan, emissions target, tree planting drive",
        "flood barriers, trees, cooling centres, tonnes of carbon",
        "plant/planted, build/built, open/opened, cut/cut, measure/measured",
        "the climate office, the county, the environment ministry",
    ),
)
# Stock claims, reworded: the ~5% of claims that recur across articles.
STOCK_CLAIMS = (
    (
        "the Halvern reservoir would be finished two years late",
        "the reservoir at Halvern would be completed two years behind schedule",
        "work on the Halvern reservoir was running two years late",
    ),
    (
        "the Kelmarsk tram extension had cost twice its original budget",
        "the tram extension in Kelmarsk had cost double what was first planned",
        "the cost of the Kelmarsk tram extension had doubled",
    ),
    (
        "the Ostley cod quota would be halved next year",
        "next year's cod quota for Ostley would be cut in half",
        "Ostley's fishermen would be allowed half as much cod next year",
    ),
    (
        "the coal plant at Ironbridge would close by the end of the decade",
        "Ironbridge's coal plant would shut down before the decade ends",
        "the Ironbridge coal plant was set to close within the decade",
    ),
    (
        "a third of the hospital beds in Estmoor were empty for lack of nurses",
        "one in three hospital beds in Estmoor stood empty because there were too few nurses",
        "a shortage of nurses had left a third of Estmoor's hospital beds unused",
    ),
    (
        "the dockworkers' strike had stranded forty ships off Greyhaven",
        "forty ships were stuck off Greyhaven because of the dockworkers' strike",
        "the strike by dockworkers had left forty ships waiting outside Greyhaven",
    ),
    (
        "turnout in the Kingsreach mayoral race was the lowest on record",
        "the Kingsreach mayoral race drew the lowest turnout ever recorded",
        "fewer voters took part in the Kingsreach mayoral race than in any before it",
    ),
    (
        "the Saltmarsh floods had damaged more than a thousand homes",
        "over a thousand homes were damaged in the Saltmarsh floods",
        "more than 1,000 homes in Saltmarsh were hit by the floods",
    ),
)


@dataclass(frozen=True)
class Person:
    """A named source: title before the name, or a description after it, or neither."""

    first: str
    last: str
    title: str = ""
    role: str = ""

    def full(self) -> str:
        """The name as first written: title and full name, plus ", role," if any."""
        name = f"{self.title} {self.first} {self.last}".strip()
        return f"{name}, {self.role}," if self.role else name

    def short(self) -> str:
        """The name on a later mention: the surname, with the title if any."""
        return f"{self.title} {self.last}".strip()


@cache
def public_figures() -> tuple[Person, ...]:
    """About 300 recurring people, the same for every seed."""
    rng = random.Random("public figures")
    names = sorted({(f, s) for f in FIRST_NAMES for s in SURNAMES})
    people = []
    for first, last in rng.sample(names, 300):
        style = rng.random()
        if style < 0.35:
            people.append(Person(first, last, title=rng.choice(TITLES)))
        elif style < 0.8:
            role = rng.choice(APPOSITIONS).format(org=rng.choice(ORGANISATIONS))
            people.append(Person(first, last, role=role))
        else:
            people.append(Person(first, last))
    return tuple(people)


def _new(item: object, chosen: list) -> bool:
    """Not drawn already."""
    return item not in chosen


@cache
def _weights(size: int) -> tuple[float, ...]:
    """Cumulative weights 1/rank**0.8: the first items of a pool recur most."""
    return tuple(itertools.accumulate(1 / (rank + 1) ** 0.8 for rank in range(size)))


def _skewed(
    rng: random.Random, pool: Sequence[T], count: int, ok: Callable[[T, list[T]], bool] = _new
) -> list[T]:
    """``count`` items of ``pool`` drawn with skewed weights, each ``ok`` with those before."""
    chosen: list[T] = []
    while len(chosen) < count:
        item = rng.choices(pool, cum_weights=_weights(len(pool)))[0]
        if ok(item, chosen):
            chosen.append(item)
    return chosen


def _a(word: str) -> str:
    """The indefinite article for ``word`` as spoken ("an 84-year-old", "an 11-year-old")."""
    return "an" if word[0] in "aeiou8" or (len(word) == 2 and word in ("11", "18")) else "a"


def _cap(text: str) -> str:
    """``text`` with its first letter in upper case."""
    return text[0].upper() + text[1:]


class Article:
    """One invented article, drawn from its own random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.topic = rng.choice(TOPICS)
        self.place, self.other = rng.sample(PLACES, 2)
        self.figures = self._figures(rng.randint(2, 4))
        self.locals = [self._local() for _ in range(rng.randint(1, 2))]
        self.outlets = _skewed(rng, OUTLETS, rng.randint(1, 3))
        self.orgs = _skewed(rng, ORGANISATIONS, rng.randint(1, 2))
        self.named: set[Person] = set()

    def _figures(self, count: int) -> list[Person]:
        """Recurring people, no two with one surname (a later "Varnham" must be clear)."""
        return _skewed(
            self.rng,
            public_figures(),
            count,
            lambda p, chosen: all(p.last != c.last for c in chosen),
        )

    def _local(self) -> Person:
        """A resident who is quoted once: any first name and surname not a public figure's."""
        taken = {(p.first, p.last) for p in public_figures()}
        taken |= {(p.first, p.last) for p in self.figures}
        surnames = {p.last for p in self.figures}
        while True:
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(SURNAMES)
            if (first, last) not in taken and last not in surnames:
                age, job = self.rng.randint(19, 84), self.rng.choice(OCCUPATIONS)
                return Person(
                    first, last, role=f"{_a(str(age))} {age}-year-old {job} from {self.place}"
                )

    # Pieces -----------------------------------------------------------------

    def num(self) -> str:
        """A count, sometimes with thousands separators."""
        n = self.rng.choice((self.rng.randint(2, 60), self.rng.randint(60, 900)))
        return f"{n * 1000:,}" if self.rng.random() < 0.1 else str(n)

    def name(self, person: Person) -> str:
        """Full name with title or role the first time, the short form afterwards."""
        if person in self.named:
            return person.short()
        self.named.add(person)
        return person.full()

    def speaker(self) -> Person:
        """Someone to quote: a public figure three times as often as a local."""
        return self.rng.choice(self.figures * 3 + self.locals)

    def month(self) -> str:
        """A month name."""
        return self.rng.choice(MONTHS)

    def year(self) -> int:
        """A year in the recent past."""
        return self.rng.randint(2012, 2024)

    def later(self) -> int:
        """A year to come."""
        return self.rng.randint(2026, 2034)

    def thing(self) -> str:
        """One of the topic's subjects, with "the"."""
        return "the " + self.rng.choice(self.topic.things)

    def claim(self) -> str:
        """A clause that can follow "said" or "that", lower case, no full stop."""
        if self.rng.random() < 0.05:
            return self.rng.choice(self.rng.choice(STOCK_CLAIMS))
        return self.rng.choice(CLAIMS)(self)

    def quote(self) -> str:
        """First-person speech, capitalised, no final punctuation."""
        return self.rng.choice(QUOTES)(self)

    # Sentences --------------------------------------------------------------

    def sentence(self) -> str:
        """A filler sentence (28%) or a citation in one of the FORMS."""
        if self.rng.random() < 0.28:
            return self.rng.choice(FILLERS)(self)
        forms, weights = zip(*FORMS, strict=True)
        return self.rng.choices(forms, weights)[0](self)

    def title(self) -> str:
        """A headline, no final full stop."""
        return self.rng.choice(HEADLINES)(self)

    def paragraphs(self) -> list[str]:
        """8 to 14 paragraphs sharing a budget of 400 to 700 words."""
        count, words = self.rng.randint(8, 14), self.rng.randint(400, 700)
        paragraphs, total = [], 0
        for i in range(count):
            budget = (words - total) / (count - i)
            sentences: list[str] = []
            while not sentences or sum(len(s.split()) for s in sentences) < budget - 8:
                sentences.append(self.sentence())
            paragraphs.append(" ".join(sentences))
            total += len(paragraphs[-1].split())
        return paragraphs

    def text(self) -> str:
        """Title, blank line, paragraphs separated by blank lines."""
        title = self.title()
        return title + "\n\n" + "\n\n".join(self.paragraphs()) + "\n"


Piece = Callable[[Article], str]


def _verb(a: Article) -> tuple[str, str]:
    """A (base, past) verb of the topic."""
    return a.rng.choice(a.topic.verbs)


def _obj(a: Article) -> str:
    """Countable things of the topic, plural."""
    return a.rng.choice(a.topic.objects)


def _actor(a: Article) -> str:
    """Who acts in the topic, lower case."""
    return a.rng.choice(a.topic.actors)


CLAIMS: tuple[Piece, ...] = (
    lambda a: f"{_actor(a)} would {_verb(a)[0]} {a.num()} {_obj(a)} in {a.place} by {a.month()}",
    lambda a: (
        f"{_actor(a)} had {_verb(a)[1]} {a.num()} {_obj(a)} across {a.place} since {a.month()}"
    ),
    lambda a: f"the cost of {a.thing()} had risen by {a.rng.randint(3, 48)} percent in {a.year()}",
    lambda a: f"{a.thing()} in {a.place} was {a.rng.randint(2, 30)} months behind schedule",
    lambda a: f"as many as {a.num()} residents of {a.other} could be affected by {a.thing()}",
    lambda a: f"{_actor(a)} had ignored {a.rng.randint(2, 19)} warnings about {a.thing()}",
    lambda a: (
        f"{a.thing()} would cost about {a.rng.randint(3, 950)} million dollars over {a.rng.randint(2, 12)} years"
    ),
    lambda a: (
        f"{_actor(a)} planned to {_verb(a)[0]} {a.num()} {_obj(a)} before the end of {a.later()}"
    ),
    lambda a: (
        f"the decision to {_verb(a)[0]} {_obj(a)} in {a.place} was {a.rng.choice(ADJECTIVES)}"
    ),
    lambda a: f"only {a.num()} of the {_obj(a)} promised for {a.other} had been delivered",
    lambda a: f"{a.place} had {_verb(a)[1]} more {_obj(a)} than {a.other} in {a.year()}",
    lambda a: f"{a.rng.randint(2, 9)} in 10 people in {a.place} opposed {a.thing()}",
)
QUOTES: tuple[Piece, ...] = (
    lambda a: f"We will {_verb(a)[0]} {a.num()} {_obj(a)} in {a.place} before {a.month()}",
    lambda a: f"Nobody in {a.place} should wait {a.rng.randint(2, 40)} weeks for {a.thing()}",
    lambda a: (
        f"I have followed the {a.topic.name} file for {a.rng.randint(3, 35)} years and I have never seen anything like this"
    ),
    lambda a: (
        f"This is a {a.rng.choice(ADJECTIVES)} decision and the people of {a.place} deserve better"
    ),
    lambda a: f"Our own figures show {a.num()} {_obj(a)} were {_verb(a)[1]} last year",
    lambda a: f"We asked for {a.num()} {_obj(a)} and we got none",
    lambda a: f"If {a.thing()} goes ahead, {a.other} will pay the price",
    lambda a: f"Give us {a.rng.randint(2, 18)} months and you will see the difference",
)
FILLERS: tuple[Piece, ...] = (
    lambda a: (
        f"{a.place} has about {a.rng.randint(8, 400)},000 residents and {a.rng.randint(3, 60)} schools."
    ),
    lambda a: f"The meeting on {a.rng.choice(WEEKDAYS)} lasted {a.rng.randint(2, 7)} hours.",
    lambda a: f"{_cap(a.thing())} was first proposed in {a.rng.randint(1998, 2018)}.",
    lambda a: f"Heavy rain fell across {a.place} for much of the week.",
    lambda a: f"Work on {a.thing()} began in {a.month()} {a.year()}.",
    lambda a: f"A final vote is expected in {a.month()}.",
    lambda a: f"{a.place} lies about {a.rng.randint(12, 240)} kilometres north of {a.other}.",
    lambda a: f"The figures cover the period from {a.month()} to {a.month()}.",
    lambda a: (
        f"Several hundred people attended a public meeting in {a.place} on {a.rng.choice(WEEKDAYS)} evening."
    ),
    lambda a: f"The plan has been debated for {a.rng.randint(2, 15)} years.",
    lambda a: f"Shops along the main street of {a.other} closed early on {a.rng.choice(WEEKDAYS)}.",
    lambda a: f"The next hearing is set for {a.month()} {a.rng.randint(1, 28)}.",
)


def _said(a: Article) -> str:
    that = a.rng.choice(("", "that "))
    return f"{a.name(a.speaker())} said {that}{a.claim()}."


def _claim_said(a: Article) -> str:
    return f"{_cap(a.claim())}, {a.name(a.speaker())} said."


def _told(a: Article) -> str:
    return f"{_cap(a.claim())}, {a.name(a.speaker())} told {a.rng.choice(a.outlets)}."


def _according(a: Article) -> str:
    source = a.rng.choice(a.outlets + a.orgs[:1])
    return f"According to {source}, {a.claim()}."


def _reported(a: Article) -> str:
    when = a.rng.choice(("", f" on {a.rng.choice(WEEKDAYS)}", " last week"))
    return f"{a.rng.choice(a.outlets)} reported{when} that {a.claim()}."


def _quote_after(a: Article) -> str:
    verb = a.rng.choice(("said", "told " + a.rng.choice(a.outlets)))
    return f"“{a.quote()},” {a.name(a.speaker())} {verb}."


def _quote_before(a: Article) -> str:
    return f"{a.name(a.speaker())} said: “{a.quote()}.”"


def _tweet(a: Article) -> str:
    person = a.rng.choice(a.figures)
    a.named.add(person)
    name = f"{person.title} {person.first} {person.last}".strip()
    if a.rng.random() < 0.5:
        return f"In a tweet, {name} wrote that {a.claim()}."
    return f"In a tweet, {name} wrote: “{a.quote()}.”"


def _reports(a: Article) -> str:
    return f"{_cap(a.claim())}, according to multiple reports."


def _experts(a: Article) -> str:
    return f"{a.rng.choice(('Experts', 'Some experts', 'Many experts'))} say {a.claim()}."


def _statement(a: Article) -> str:
    org = a.rng.choice(a.orgs)
    if a.rng.random() < 0.5:
        return f"In a statement, {org} said {a.claim()}."
    return f"{_cap(org)} said in a statement that {a.claim()}."


def _added(a: Article) -> str:
    known = [p for p in a.figures + a.locals if p in a.named]
    person = a.rng.choice(known) if known else a.speaker()
    return f"{a.name(person)} added that {a.claim()}."


FORMS: tuple[tuple[Piece, float], ...] = (
    (_said, 4),
    (_claim_said, 2),
    (_told, 2),
    (_according, 2),
    (_reported, 1.5),
    (_quote_after, 2.5),
    (_quote_before, 1),
    (_tweet, 0.8),
    (_reports, 0.6),
    (_experts, 0.8),
    (_statement, 1.2),
    (_added, 1.2),
)
HEADLINES: tuple[Piece, ...] = (
    lambda a: f"{a.place} weighs plan to {_verb(a)[0]} {a.num()} {_obj(a)}",
    lambda a: f"{a.figures[0].last} defends {a.thing()[4:]} as {a.place} critics push back",
    lambda a: f"Questions grow over {a.thing()[4:]} in {a.place}",
    lambda a: f"{a.num()} {_obj(a)} at risk as {a.place} {a.topic.name} row deepens",
    lambda a: f"{a.place} and {a.other} split over {a.thing()[4:]}",
)


def article_text(seed: int, k: int) -> str:
    """The text of article ``k`` (from 1) of the corpus of ``seed``; depends on nothing else."""
    return Article(random.Random(f"{seed}:{k}")).text()


def write_corpus(out_dir: Path, articles: int, seed: int = 1) -> list[Path]:
    """Write ``articles`` articles as ``out_dir/syn_00001.txt`` ...; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(1, articles + 1):
        path = out_dir / f"syn_{k:05d}.txt"
        path.write_text(article_text(seed, k), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    paths = write_corpus(args.out_dir, args.articles, args.seed)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = sum(len(t.split()) for t in texts)
    paragraphs = sum(t.count("\n\n") for t in texts)
    print(f"wrote {len(paths)} articles (seed {args.seed}) to {args.out_dir}")
    if paths:
        print(f"  files: {paths[0].name} ... {paths[-1].name}")
        print(
            f"  {words} words, {words / len(paths):.0f} per article; "
            f"{paragraphs / len(paths):.1f} paragraphs per article"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
