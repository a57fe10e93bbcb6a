#!/usr/bin/env python3
"""Generate a synthetic planc project shaped like the seed plans in content/.

    python3 bench/generate_corpus.py --plans 1000 [--seed 2009] [--out bench/corpus/1000]
                                     [--per-partnership 20] [--force]

Writes OUT/planc.yml, OUT/themes (a relative symlink to the repository's themes/) and
OUT/content/<partnership>/{_index.md,YYYY-YY.md}. Deterministic: the same --seed gives
byte-identical files, and plan k of partnership p depends only on (seed, p, k), so the
100-plan corpus is a prefix of the 1000-plan one.

Each plan imitates the seeds (content/melton/2009-10.md, content/charnwood/2005-08.md,
content/south-derbyshire/2011-14.md, content/north-west-leicestershire/2009-10.md):
front matter; foreword, introduction and a review of last year; achievements for the
leaflet; performance tables (Value/Milestone/Performance/Difference/Previous/Trend with
consistent arithmetic), an indicator status table and a survey table; 4-6 priorities, each
with an aim, a lead, background prose, key aims and objectives (Markdown or one-line raw
HTML lists), targets (Markdown numbered lists of target sentences, raw HTML lists, or a
Baseline/Target table with consistent arithmetic), actions and links to indicators; an
action plan table and an approval table; then narrative sections until the plan reaches a
size drawn between 20 and 60 KB. Python standard library only.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import sys
from pathlib import Path

# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

PLACE_HEADS = [
    "Ash", "Brad", "Carl", "Dun", "Elm", "Fern", "Glen", "Hart", "Ivy", "Kings", "Lang",
    "Marsh", "North", "Oak", "Pen", "Queens", "Red", "Stan", "Thorn", "Up", "Wal", "West",
    "Whit", "Wood", "Yar", "Brook", "Cold", "Deep", "Fair", "Hol",
]
PLACE_TAILS = [
    "by", "ford", "ham", "ley", "ton", "wick", "worth", "field", "bridge", "borough",
    "dale", "mere", "stead", "well", "combe",
]
COUNTIES = [
    "Westshire", "Eastmoor", "Northdale", "Southmarsh", "Midvale", "Highwold", "Lowfield",
    "Greyshire", "Brackenshire", "Rivermead",
]
WARDS = [
    "Abbey", "Castle", "Newtown", "Parkside", "Greenhill", "Market", "Riverside", "Hilltop",
    "Station", "Meadows", "Priory", "Westfield", "Eastgate", "Broadway", "Chapel", "Mill",
    "Forest", "Church", "Kingsway", "Orchard",
]
STREETS = ["High Street", "Station Road", "Church Lane", "Market Place", "Mill Road", "Park Avenue", "London Road"]

# Every abbreviation the generated text uses; each partnership's glossary defines them all.
GLOSSARY = [
    ("ASB", "Anti-social behaviour"),
    ("ASBO", "Anti-Social Behaviour Order"),
    ("BCS", "British Crime Survey"),
    ("BCU", "Basic Command Unit"),
    ("CDRP", "Crime and Disorder Reduction Partnership"),
    ("CSP", "Community Safety Partnership"),
    ("DAAT", "Drug and Alcohol Action Team"),
    ("FIP", "Family Intervention Project"),
    ("IOM", "Integrated Offender Management"),
    ("JAG", "Joint Action Group"),
    ("KSI", "Killed or seriously injured"),
    ("LAA", "Local Area Agreement"),
    ("LI", "Local indicator"),
    ("LSP", "Local Strategic Partnership"),
    ("MAPPA", "Multi-Agency Public Protection Arrangements"),
    ("MARAC", "Multi-Agency Risk Assessment Conference"),
    ("NI", "National indicator"),
    ("PCT", "Primary Care Trust"),
    ("PPO", "Prolific and Priority Offender"),
    ("RSL", "Registered Social Landlord"),
    ("SNT", "Safer Neighbourhood Team"),
    ("YOS", "Youth Offending Service"),
]

# One description per indicator code everywhere (W113 reports a code described two ways).
INDICATORS = {
    "NI 15": "Serious violent crime rate",
    "NI 16": "Serious acquisitive crime rate",
    "NI 17": "Perceptions of anti-social behaviour",
    "NI 18": "Adult re-offending rates for those under probation supervision",
    "NI 19": "Rate of proven re-offending by young offenders",
    "NI 20": "Assault with injury crime rate",
    "NI 21": "Dealing with local concerns about anti-social behaviour and crime by the local council and police",
    "NI 27": "Understanding of local concerns about anti-social behaviour and crime issues by the local council and police",
    "NI 30": "Re-offending rate of prolific and priority offenders",
    "NI 32": "Repeat incidents of domestic violence",
    "NI 33": "Arson incidents",
    "NI 39": "Rate of hospital admissions per 100,000 for alcohol related harm",
    "NI 40": "Drug users in effective treatment",
    "NI 41": "Perceptions of drunk or rowdy behaviour as a problem",
    "NI 42": "Perceptions of drug use or drug dealing as a problem",
    "NI 45": "Young offenders engagement in suitable education, training and employment",
    "NI 47": "People killed or seriously injured in road traffic accidents",
    "NI 48": "Children killed or seriously injured in road traffic accidents",
    "NI 49": "Number of primary fires and related fatalities and non-fatal casualties",
    "NI 111": "First time entrants to the youth justice system aged 10 to 17",
    "LAA 1.3": "The lives of offenders and those at risk of offending are improved so they are less likely to offend",
    "LAA 3.2": "Disorder and anti-social behaviour is low compared to comparable areas",
    "LI 1": "Number of first-time entrants to the youth justice system at court entry level",
    "LI 2": "All drug users in effective treatment",
}

# Themes of priorities. Measures: (phrase, unit, direction) for count targets; percentage
# measures: (phrase, direction).
THEMES = [
    dict(
        title="Tackling Anti-Social Behaviour",
        aim="To reduce the incidents of serious and persistent anti-social behaviour",
        leads=["council", "police"],
        counts=[("reported incidents of anti-social behaviour", "incidents", "reduce"),
                ("criminal damage", "offences", "reduce"),
                ("police calls for service for ASB", "calls", "reduce"),
                ("deliberate secondary fires", "incidents", "reduce")],
        percents=[("satisfaction amongst residents that ASB is being dealt with effectively", "increase"),
                  ("residents who perceive anti-social behaviour as a problem", "reduce")],
        indicators=["NI 17", "NI 21", "NI 27", "LAA 3.2"],
        topic="anti-social behaviour",
    ),
    dict(
        title="Tackling Domestic Abuse",
        aim="Providing robust intervention to tackle domestic abuse",
        leads=["council", "police"],
        counts=[("repeat incidents of domestic abuse", "incidents", "reduce"),
                ("all reported domestic abuse assaults", "offences", "reduce"),
                ("new reported incidents of domestic abuse", "incidents", "increase"),
                ("referrals to the MARAC", "referrals", "increase")],
        percents=[("repeat referrals to the MARAC", "reduce"),
                  ("victims who report feeling safer after support", "increase")],
        indicators=["NI 32", "NI 20"],
        topic="domestic abuse",
    ),
    dict(
        title="Reducing Re-offending",
        aim="To prevent re-offending and reduce the impact of offending on the community",
        leads=["probation", "yos"],
        counts=[("first time entrants to the youth justice system", "young people", "reduce"),
                ("offences committed by prolific and priority offenders", "offences", "reduce")],
        percents=[("PPO re-offending levels", "maintain"),
                  ("the rate of proven re-offending by young offenders", "reduce"),
                  ("young offenders in education, training and employment", "increase")],
        indicators=["NI 18", "NI 19", "NI 30", "NI 111", "LAA 1.3"],
        topic="re-offending",
    ),
    dict(
        title="Substance Misuse",
        aim="To reduce the harm caused by substance misuse including alcohol",
        leads=["pct", "daat"],
        counts=[("serious violent crime", "offences", "reduce"),
                ("assault with less serious injury", "offences", "reduce"),
                ("alcohol related hospital admissions", "admissions", "reduce"),
                ("drug users in effective treatment", "people", "increase")],
        percents=[("residents who perceive drunk or rowdy behaviour as a problem", "reduce"),
                  ("planned discharges from drug treatment", "increase")],
        indicators=["NI 39", "NI 40", "NI 41", "NI 42", "LI 2"],
        topic="substance misuse",
    ),
    dict(
        title="Burglary and Acquisitive Crime",
        aim="To reduce the levels of all burglary and acquisitive crime in the district",
        leads=["police"],
        counts=[("domestic burglary", "offences", "reduce"),
                ("theft from vehicles", "offences", "reduce"),
                ("theft of vehicles", "offences", "reduce"),
                ("theft of pedal cycles", "offences", "reduce"),
                ("burglary other than dwellings", "offences", "reduce")],
        percents=[("repeat victims of burglary", "reduce")],
        indicators=["NI 16"],
        topic="acquisitive crime",
    ),
    dict(
        title="Road Safety",
        aim="To enhance road safety and reduce the levels of KSI in the district",
        leads=["fire", "county"],
        counts=[("people killed or seriously injured in road traffic collisions", "casualties", "reduce"),
                ("children killed or seriously injured in road traffic collisions", "casualties", "reduce")],
        percents=[("drivers exceeding the speed limit at monitored sites", "reduce")],
        indicators=["NI 47", "NI 48"],
        topic="road safety",
    ),
    dict(
        title="Violent Crime",
        aim="To reduce violent crime and make the evening economy safer",
        leads=["police", "council"],
        counts=[("assault with less serious injury", "offences", "reduce"),
                ("serious violent crime", "offences", "reduce"),
                ("violence in the night time economy", "offences", "reduce"),
                ("common assault", "offences", "reduce")],
        percents=[("residents who feel safe in the town centre at night", "increase")],
        indicators=["NI 15", "NI 20"],
        topic="violent crime",
    ),
    dict(
        title="Community Engagement and Confidence",
        aim="To increase public confidence that crime and disorder are being tackled",
        leads=["council", "police"],
        counts=[("attendance at neighbourhood meetings", "residents", "increase"),
                ("active neighbourhood watch schemes", "schemes", "increase")],
        percents=[("residents who feel safe outside after dark", "increase"),
                  ("residents who agree that the police and council deal with local concerns", "increase")],
        indicators=["NI 21", "NI 27"],
        topic="community confidence",
    ),
    dict(
        title="Deliberate Fires and Arson",
        aim="To reduce deliberate fires and the harm they cause",
        leads=["fire"],
        counts=[("deliberate primary fires", "incidents", "reduce"),
                ("accidental dwelling fires", "incidents", "reduce"),
                ("home fire safety checks", "checks", "increase")],
        percents=[("fires in homes without a working smoke alarm", "reduce")],
        indicators=["NI 33", "NI 49"],
        topic="deliberate fires",
    ),
    dict(
        title="Hate Crime and Community Cohesion",
        aim="To increase the reporting of hate crime and support its victims",
        leads=["council", "police"],
        counts=[("reported hate incidents", "reports", "increase"),
                ("referrals to the hate incident reporting centres", "referrals", "increase")],
        percents=[("residents who believe people from different backgrounds get on well together", "increase")],
        indicators=["NI 21"],
        topic="hate crime",
    ),
    dict(
        title="Focusing on Priority Neighbourhoods",
        aim="To narrow the gap between the priority neighbourhoods and the rest of the district",
        leads=["council", "rsl"],
        counts=[("recorded crime in the priority neighbourhoods", "offences", "reduce"),
                ("environmental crime reports in the priority neighbourhoods", "reports", "reduce")],
        percents=[("residents of the priority neighbourhoods who feel safe", "increase")],
        indicators=["NI 17", "NI 21", "LAA 3.2"],
        topic="priority neighbourhoods",
    ),
    dict(
        title="Young People and Offending",
        aim="To divert young people from offending and anti-social behaviour",
        leads=["yos", "county"],
        counts=[("young people entering the criminal justice system", "young people", "reduce"),
                ("young people taking part in diversionary activities", "young people", "increase")],
        percents=[("young offenders in suitable education, training and employment", "increase")],
        indicators=["NI 45", "NI 111", "LI 1"],
        topic="youth offending",
    ),
]

AGENCIES = {
    "council": "{place} {kind} Council",
    "police": "{county} Police",
    "probation": "{county} Probation Trust",
    "yos": "{county} Youth Offending Service",
    "pct": "{county} Primary Care Trust",
    "daat": "{county} Drug and Alcohol Action Team",
    "fire": "{county} Fire and Rescue Service",
    "county": "{county} County Council",
    "rsl": "{place} Homes",
}

PROJECTS = [
    "Impact Project", "Sanctuary Scheme", "Pathways Scheme", "Safer Streets Initiative", "Warning Zone",
    "Street Pastors", "Family Intervention Project", "Freedom Programme", "Cycle Marking Scheme",
    "Business Watch", "Shop Watch", "Youth Bus", "Positive Futures", "Safe Place Scheme", "Pub Watch",
]
OFFICERS = [
    "Community Safety Manager", "Safer Communities Officer", "Neighbourhood Inspector", "Partnership Analyst",
    "Domestic Abuse Coordinator", "Licensing Manager", "Youth Services Manager", "Housing Manager",
    "Station Manager", "Offender Manager",
]
MEETINGS = [
    ("Strategy Group", "Agree the priorities for the refresh and the budget proposals"),
    ("Partnership Planning Day", "Planning processes agreed and developed on a countywide basis"),
    ("Communities Scrutiny", "Strategic assessment report presented to members"),
    ("Senior Officers Group", "Community safety strategy refresh and funding bids"),
    ("Corporate Leadership Team", "Report presented on the community safety strategy refresh"),
    ("Cabinet", "Strategic assessment presented and the refresh approved"),
    ("Equality Impact Assessment", "Equality impact assessment approved corporately"),
    ("Theme Group Leads Meeting", "Theme group leaders approve objectives and activities for each priority"),
    ("Publication of the Strategy Refresh", "Refresh document published alongside the public summary leaflet"),
]
VENUES = ["Council Offices", "Police Station", "Fire Station", "Community Centre", "Civic Suite", "Town Hall"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTHS_SHORT = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
SURVEY_ANSWERS = [
    "Drug taking or dealing", "Dog fouling", "Burglary", "Inconsiderate parking", "Vehicle crime", "Speeding",
    "Litter and fly tipping", "Groups of young people hanging around", "Noisy neighbours", "Graffiti",
    "Drunk or rowdy behaviour", "Criminal damage", "Street lighting",
]

# Prose: sentences with slots, joined into paragraphs. Words in capitals are only the
# glossary's abbreviations, so the reviewer's checks see a defined term.
OPENERS = [
    "Nationally {topic} is a high profile issue and this is reflected locally in {area}.",
    "The {prev} strategic assessment continued to show that {topic} remained of key concern to residents.",
    "Over the past {n_small} years the partnership has seen {trend} in {topic} across the district.",
    "{topic_cap} accounts for some {pct}% of all BCS comparator crime in {area}.",
    "During {prev} the partnership continued to develop its response to {topic}.",
    "Consultation with residents at the {n_small} Safer Neighbourhoods meetings placed {topic} among their top three concerns.",
]
MIDDLES = [
    "Last year alone the police and the council received over {n_big} complaints related to {topic}, with a small number of hotspot areas accounting for a significantly high share of them.",
    "A large percentage of cases involve young people, and a significant number are linked to alcohol misuse in and around the town centre.",
    "The rural nature of the district creates some unique challenges: infrequent bus services, distant police stations and poor mobile signals all make reporting harder.",
    "Analysis by the partnership analyst shows that {pct}% of incidents take place between 4pm and 10pm, with peaks at weekends and during the summer months.",
    "The {project} continued to work with those identified as most at risk, and over {n_small} families were supported during the year.",
    "The partnership provided additional funding of £{money} to enhance the {project}, supporting increasing demand for the service.",
    "Work through the JAG has allowed resources to be deployed within hotspot areas, guided by the monthly tactical assessment.",
    "The SNT in {ward} ward delivered {n_small} awareness sessions in local primary and secondary schools.",
    "Levels of {topic} in {ward} have fallen by {pct}% since {prev}, although they remain above the county average.",
    "Partners have agreed to share information more quickly so that repeat victims are identified at the first report.",
    "The {project} is now averaging {n_small} individuals a week and has received positive feedback from parents and teachers.",
    "Figures from the {prev} strategic assessment show that {ward} and {ward2} together account for {pct}% of all incidents.",
    "The economic downturn will inevitably affect some crime trends, and the partnership will keep on top of emerging issues.",
    "Investment of £{money} from the LAA reward grant has been used to extend the {project} into {ward2}.",
    "The MARAC met monthly throughout the year and considered {n_small}0 high risk cases, a rise of {pct}% on the previous year.",
    "The IOM scheme now manages {n_small}0 offenders, with each offender's pathway reviewed by the multi-agency panel every month.",
    "Residents told us through the survey that visible patrols and quick responses matter more to them than any other service.",
    "Funding from the police BCU fund and the council has been combined so that the {project} can continue for a further year.",
    "The DAAT has commissioned a new community based treatment service, with clinics held weekly in {ward}.",
    "Partners recognise that investing in prevention will ultimately have a bigger impact on crime levels than enforcement alone.",
]
CLOSERS = [
    "As a result {topic} will remain a key area of partnership focus for the coming year.",
    "The partnership will continue to monitor performance monthly and respond to any emerging issues.",
    "This work will be reviewed at the end of {year} through the next strategic assessment.",
    "Progress will be reported quarterly to the LSP and to the council's scrutiny committee.",
    "Further detail is available from the community safety team at the council offices.",
]


def sentence_fill(rng: random.Random, template: str, ctx: dict) -> str:
    topic = ctx.get("topic", "crime")
    ward, ward2 = rng.sample(WARDS, 2)
    values = dict(
        topic=topic,
        topic_cap=topic[0].upper() + topic[1:],
        area=ctx["area"],
        prev=ctx["prev"],
        year=ctx["year"],
        n_small=rng.randint(3, 19),
        n_big=rng.choice([800, 1200, 1500, 2000, 2500, 3000, 4200]),
        pct=rng.randint(4, 45),
        trend=rng.choice(["a steady fall", "a rise", "little change", "mixed results"]),
        project=rng.choice(PROJECTS),
        money=f"{rng.randint(3, 60)},{rng.randint(0, 999):03d}",
        ward=ward,
        ward2=ward2,
    )
    return template.format(**values)


def paragraph(rng: random.Random, ctx: dict, sentences: int | None = None) -> str:
    n = sentences or rng.randint(3, 6)
    parts = [sentence_fill(rng, rng.choice(OPENERS), ctx)]
    for t in rng.sample(MIDDLES, min(n - 2, len(MIDDLES))):
        parts.append(sentence_fill(rng, t, ctx))
    parts.append(sentence_fill(rng, rng.choice(CLOSERS), ctx))
    return " ".join(parts)


# --------------------------------------------------------------------------------------
# Years
# --------------------------------------------------------------------------------------

def fy(start: int) -> str:
    """Financial year starting in April of `start`: 2009 -> 2009/10."""
    return f"{start}/{(start + 1) % 100:02d}"


def fy_long(start: int) -> str:
    return f"{start}/{start + 1}"


# --------------------------------------------------------------------------------------
# Partnerships
# --------------------------------------------------------------------------------------

class Partnership:
    def __init__(self, seed: int, index: int):
        rng = random.Random(f"{seed}:partnership:{index}")
        combos = [(h, t) for h in PLACE_HEADS for t in PLACE_TAILS]
        random.Random(f"{seed}:places").shuffle(combos)
        head, tail = combos[index % len(combos)]
        self.place = head + tail
        lap = index // len(combos)
        self.slug = self.place.lower() + (f"-{lap + 1}" if lap else "")
        if lap:
            self.place = f"{self.place} {['North', 'South', 'East', 'West', 'Upper', 'Lower'][lap % 6]}"
        self.kind = rng.choice(["Borough", "District"])
        self.county = rng.choice(COUNTIES)
        self.short = self.place[0].upper() + "SCP"
        self.name = f"{self.place} Safer Communities Partnership"
        self.area = f"{self.kind} of {self.place}"
        self.domain = self.place.lower().replace(" ", "") + ".gov.uk"
        self.phone = f"01{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
        self.wards = rng.sample(WARDS, 9)
        self.agency = {k: v.format(place=self.place, kind=self.kind, county=self.county) for k, v in AGENCIES.items()}
        self.first_year = 2000  # plan k is for financial year 2000+k

    def index_md(self) -> str:
        out = [
            "---",
            f'name: "{self.name}"',
            f"short: {self.short}",
            f'area: "{self.area}"',
            f'website: "https://www.{self.domain}/community-safety"',
            f'email: "community.safety@{self.domain}"',
            f'phone: "{self.phone}"',
            f'address: "Council Offices, {STREETS[len(self.place) % len(STREETS)]}, {self.place}"',
            "---",
            "",
            "## Members",
            "",
        ]
        for key in ["council", "police", "fire", "probation", "pct", "county", "yos", "daat"]:
            out.append(f"- {self.agency[key]}")
        out += ["- Voluntary and community sector representatives", "", "## Contacts", "",
                "| Name | Phone | Email | Address |", "|---|---|---|---|"]
        out.append(f"| Community Safety Team, {self.agency['council']} | {self.phone} | "
                   f"community.safety@{self.domain} | Council Offices, {self.place} |")
        for key, number in [("police", "101"), ("fire", "01" + self.phone[2:5] + " 287224"),
                            ("probation", "01" + self.phone[2:5] + " 261651")]:
            out.append(f"| {self.agency[key]} | {number} |  | Headquarters, {self.county} |")
        out += ["", "## Glossary", "", "| Term | Meaning |", "|---|---|"]
        for term, meaning in GLOSSARY:
            out.append(f"| {term} | {meaning} |")
        out.append(f"| {self.short} | {self.name} |")
        return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------
# Plans
# --------------------------------------------------------------------------------------

def round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


class PlanWriter:
    def __init__(self, seed: int, part: Partnership, k: int):
        self.rng = random.Random(f"{seed}:plan:{part.slug}:{k}")
        self.p = part
        self.y = part.first_year + k  # plan year Y/Y+1
        self.lines: list[str] = []
        self.ctx = dict(area=f"the {part.area}", prev=fy(self.y - 1), year=fy(self.y))
        self.priority_word = "Strategic theme" if self.rng.random() < 0.2 else "Priority"

    # -- helpers -----------------------------------------------------------------------
    def emit(self, *lines: str) -> None:
        self.lines.extend(lines)

    def para(self, topic: str | None = None, sentences: int | None = None) -> None:
        ctx = dict(self.ctx)
        if topic:
            ctx["topic"] = topic
        self.emit(paragraph(self.rng, ctx, sentences), "")

    def md_list(self, items: list[str], numbered: bool) -> None:
        for i, item in enumerate(items, 1):
            self.emit(f"{i}. {item}" if numbered else f"- {item}")
        self.emit("")

    def html_list(self, items: list[str]) -> None:
        esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lis = " ".join(f"<li>{i}. {esc(item)}</li>" for i, item in enumerate(items, 1))
        self.emit(f'<ol style="list-style-type: none"> {lis} </ol>', "")

    def size(self) -> int:
        return sum(len(line.encode()) + 1 for line in self.lines)

    # -- targets -----------------------------------------------------------------------
    def target_sentence(self, theme: dict) -> str:
        rng, y = self.rng, self.y
        kind = rng.choices(["by", "by_gap", "by_dots", "from_to", "maintain", "to_n", "in_year"],
                           weights=[40, 6, 6, 12, 8, 10, 10])[0]
        deadline = fy(y + rng.choice([0, 1]))
        base = fy(y - rng.choice([1, 2]))
        if kind in ("from_to", "maintain") and theme["percents"]:
            phrase, direction = rng.choice(theme["percents"])
        else:
            phrase, _unit, direction = rng.choice(theme["counts"])
            if kind in ("from_to", "maintain"):
                kind = "by"
        verb = {"reduce": "reduce", "increase": rng.choice(["increase", "enhance", "improve"]),
                "maintain": "maintain"}[direction]
        level = rng.choice(["the levels of ", "the number of ", "all levels of ", ""])
        measure = f"{level}{phrase}" if not phrase.startswith("the ") else phrase
        if direction == "maintain" or kind == "maintain":
            return f"To maintain {measure} at {rng.randint(30, 60)}% during {fy(y)}."
        if kind == "by":
            return f"To {verb} {measure} by {rng.randint(2, 20)}% by {deadline} based on {base} baseline."
        if kind == "in_year":
            return f"To {verb} {measure} by {rng.randint(2, 9)}% in {fy(y)} based on {base} baseline."
        if kind == "by_gap":
            return f"To {verb} {measure} by TBC by {deadline} based on {base} baseline."
        if kind == "by_dots":
            return f"To {verb} {measure} by.... by {deadline} based on {base} baseline. (TBC)"
        if kind == "from_to":
            a = rng.randint(12, 40)
            b = a - rng.randint(2, 8) if direction == "reduce" else a + rng.randint(2, 8)
            return f"To {verb} {measure} from {a}% ({y - 1}) to {b}% by March {y + 2}."
        # to_n
        n = rng.randint(40, 5000)
        # planc reads "to 2047" as a year and "to 4647" as the financial year 46/47
        # (a compact "0809" year, as in the Melton seed); keep amounts unambiguous.
        while 1900 <= n <= 2100 or (n >= 1000 and (n // 100 + 1) % 100 == n % 100):
            n += 37
        if direction == "reduce":
            return f"To {verb} {measure} in the district to {n} by March {y + 1}."
        return f"To {verb} {measure} to {n} by March {y + 1}."

    def targets_table(self, theme: dict, rows: int) -> None:
        rng, y = self.rng, self.y
        self.emit("| Objective | Baseline | Timescale | Target |", "|---|---|---|---|")
        for phrase, unit, direction in rng.sample(theme["counts"], min(rows, len(theme["counts"]))):
            pct = rng.randint(5, 27)
            baseline = rng.randint(120, 3000)
            factor = 1 - pct / 100 if direction == "reduce" else 1 + pct / 100
            target = round_half_up(baseline * factor)
            verb = "reduce" if direction == "reduce" else "increase"
            self.emit(f"| To {verb} {phrase} by {pct}% | {baseline} {unit} | {fy_long(y + 1)} | {target} {unit} |")
        if rng.random() < 0.4:
            self.emit(f"| To run awareness campaigns across the district over the next three years. | "
                      f"Publication of the {fy_long(y - 1)} strategy | {fy_long(y + 1)} | "
                      f"To hold at least {rng.randint(2, 8)} campaigns |")
        self.emit("")

    # -- sections ----------------------------------------------------------------------
    def front_matter(self) -> None:
        y, rng = self.y, self.rng
        status = rng.choices(["published", "approved", "draft"], weights=[80, 12, 8])[0]
        title = rng.choice([f"Community Safety Plan: Annual Refresh {fy(y)}",
                            f"Partnership Plan {y} – {y + 3}",
                            f"Community Safety Strategy {fy(y)}"])
        self.emit("---", "kind: plan", f'title: "{title}"', f"partnership: {self.p.slug}",
                  f"year: {fy(y)}", f"period: {fy(y - 1)}-{fy(y + 1)}", f"status: {status}")
        if status != "draft":
            self.emit(f"approved: {y}-03-{rng.randint(10, 28):02d}")
        self.emit(f'vision: "Working together to tackle crime and the fear of crime in the {self.p.area}"',
                  "leaflet: [key-achievements, get-involved]", "---", "")

    def introduction(self, themes: list[dict]) -> None:
        p, y = self.p, self.y
        self.emit("## Foreword", "")
        for _ in range(self.rng.randint(2, 3)):
            self.para("community safety")
        self.emit("## Introduction", "",
                  f"In {y - 1} the {p.name} ({p.short}) developed a new 3 year Community Safety Strategy for the "
                  f"{y - 1}-{y + 2} period. The priorities identified by the partnership were:", "")
        self.md_list([t["title"] + "." for t in themes], numbered=True)
        self.para("crime and disorder")

    def review(self, themes: list[dict]) -> None:
        y = self.y
        self.emit(f"## {y - 1}-{(y) % 100:02d} Partnership Review", "", "### Performance", "")
        self.para("performance")
        self.emit(f"### Key Partnership Activity {fy(y - 1)}", "")
        for i, theme in enumerate(themes, 1):
            self.emit(f"#### {i}. {theme['title']}", "")
            for _ in range(self.rng.randint(1, 3)):
                self.para(theme["topic"])
        self.emit(f"### {y - 1}-{y} Partnership Funding", "",
                  f"During {y - 1} £{self.rng.randint(20, 90)},{self.rng.randint(0, 999):03d} was received through "
                  f"the Safer Communities fund in order to support the activities of the partnership. The {self.p.short} "
                  f"also secured £{self.rng.randint(5, 20)},000 from the police BCU fund.", "")

    def achievements(self, themes: list[dict]) -> None:
        rng = self.rng
        self.emit("## Key Achievements", "")
        items = []
        for theme in themes:
            phrase, _unit, _d = rng.choice(theme["counts"])
            items.append(f"A {rng.randint(3, 30)}% reduction in {phrase} compared with {fy(self.y - 2)}.")
        items.append(f"The {rng.choice(PROJECTS)} was launched in {rng.choice(self.p.wards)} and is now averaging "
                     f"{rng.randint(8, 40)} young people a week.")
        self.md_list(items, numbered=False)

    def performance_tables(self) -> None:
        rng, y = self.rng, self.y
        self.emit("## National Indicators (District Performance)", "",
                  "The tables below show performance against the milestones agreed for each area.", "")
        for code in rng.sample(["NI 16", "NI 20", "NI 15", "NI 32"], rng.randint(1, 2)):
            self.emit(f"#### {code.replace(' ', '')} {INDICATORS[code]}", "", f"Date: March {y}", "")
            if rng.random() < 0.5:
                self.emit(f"| Area | {code} | Milestone | Performance | Difference From Milestone | Previous 12 months | Change |")
            else:
                self.emit("| Area | Value | Milestone | Performance | Difference | Previous | Trend |")
            self.emit("|---|---|---|---|---|---|---|")
            for ward in ["District"] + self.p.wards[:8]:
                milestone = rng.randint(150, 9000)
                value = max(1, round_half_up(milestone * (1 + rng.uniform(-0.33, 0.30))))
                diff = value - milestone
                perf = diff / milestone * 100
                previous = max(1, round_half_up(value * (1 + rng.uniform(-0.25, 0.25))))
                if previous == value:
                    previous += 1
                trend = "UP" if value > previous else "DOWN"
                self.emit(f"| {ward} | {value} | {milestone} | {perf:.1f}% | {diff} | {previous} | {trend} |")
            self.emit("")
        self.emit("### County Performance on LAA National Indicators", "", "| Indicator | Description | Status |",
                  "|---|---|---|")
        for code in sorted(rng.sample(sorted(INDICATORS), 8), key=lambda c: (c.split()[0], float(c.split()[1]))):
            self.emit(f"| {code} | {INDICATORS[code]} | {rng.choice(['R', 'A', 'G', 'G', 'G', 'NA'])} |")
        self.emit("")

    def survey(self) -> None:
        rng = self.rng
        self.emit("## Consultation with Local People", "")
        self.para("public confidence", 4)
        self.emit("### Top concerns within your local area", "", "| Answer choices | Responses (%) | Responses (count) |",
                  "|---|---|---|")
        total = rng.randint(120, 900)
        counts = sorted((rng.randint(total // 20, total // 2) for _ in range(rng.randint(5, 8))), reverse=True)
        for answer, count in zip(rng.sample(SURVEY_ANSWERS, len(counts)), counts):
            self.emit(f"| {answer} | {count / total * 100:.2f}% | {count} |")
        self.emit("")

    def priority(self, n: int, theme: dict) -> None:
        rng, p, y = self.rng, self.p, self.y
        style = rng.choices(["markdown", "html", "table", "local"], weights=[45, 25, 20, 10])[0]
        self.emit(f"## {self.priority_word} {n}: {theme['title']}", "", f"> {theme['aim']}", "")
        leads = "; ".join(p.agency[k] for k in theme["leads"][: rng.randint(1, len(theme["leads"]))])
        self.emit(f"{rng.choice(['Lead agency', 'Lead agency', 'Lead'])}: {leads}", "")
        self.emit(rng.choice(["### Background", "### Context", "### Context/Background and key issues"]), "")
        for _ in range(rng.randint(2, 4)):
            self.para(theme["topic"])
        topic = theme["topic"]
        aims = [f"To reduce the harm caused by {topic} in the district.",
                f"To increase confidence that {topic} is being dealt with effectively.",
                f"To support victims of {topic} and reduce repeat victimisation.",
                f"To reduce the factors which can lead to {topic}."]
        objectives = [
            f"To educate the public on the various reporting methods available for {topic}.",
            "Supporting victims by dealing with all complaints quickly and efficiently.",
            "To work closely with neighbourhood policing teams to identify perpetrators and consider appropriate referrals.",
            f"Targeting prevention and intervention work on {topic} in known hotspots.",
            "Ensuring partners adopt the standardised incremental approach consistently.",
            "Educating young people via schools and youth groups about the consequences of their actions.",
            f"To share information on {topic} through the JAG every month.",
            "Providing partnership representation at the MARAC and the IOM panel.",
            f"To commission services that reduce {topic} in the priority neighbourhoods.",
        ]
        aims = rng.sample(aims, rng.randint(2, 4))
        objectives = rng.sample(objectives, rng.randint(3, 8))
        targets = list(dict.fromkeys(self.target_sentence(theme) for _ in range(rng.randint(2, 5))))
        if style == "table":
            self.emit("### Key aims", "")
            self.md_list(aims, numbered=True)
            self.emit("### Key Measures of Performance", "")
            self.targets_table(theme, rng.randint(2, 5))
            self.emit("### Example Action Areas", "")
            self.md_list(objectives, numbered=False)
        elif style == "local":
            self.emit("### Objectives", "")
            self.md_list(objectives, numbered=False)
            self.emit(f"### Actions {fy(y)}", "")
            self.md_list([f"Work with the {rng.choice(PROJECTS)} to {a[3].lower()}{a[4:]}" for a in aims], numbered=False)
            self.emit("### Local Performance Indicators", "")
            self.md_list(targets, numbered=False)
        else:
            as_list = self.html_list if style == "html" else (lambda items: self.md_list(items, True))
            self.emit("### Key Aims", "")
            as_list(aims)
            self.emit("### Key Objectives", "")
            as_list(objectives)
            self.emit("### Targets", "")
            as_list(targets)
        self.emit("### Links to Indicators", "")
        codes = rng.sample(theme["indicators"], rng.randint(1, len(theme["indicators"])))
        self.md_list([f"{c} – {INDICATORS[c]}" for c in codes], numbered=False)

    def action_plan(self, themes: list[dict]) -> None:
        rng, y = self.rng, self.y
        self.emit(f"## Action plan {y % 100:02d}/{(y + 1) % 100:02d}", "",
                  "| Recommendation | Key activity | Responsible Officer | Milestones | Progress | Date of completion |",
                  "|---|---|---|---|---|---|")
        for i in range(1, rng.randint(5, 9)):
            theme = rng.choice(themes)
            gap = rng.random() < 0.2
            due = rng.randrange(24)  # months after April of the plan year: inside the period
            due_month, due_year = (3 + due) % 12, y + (3 + due) // 12
            mile = due - 2
            mile_month, mile_year = (3 + mile) % 12, y + (3 + mile) // 12
            milestones = "TBC" if gap else f"{MONTHS_SHORT[mile_month]} {mile_year} – review of {theme['topic']}"
            progress = "TBC" if gap else rng.choice(["On track", "Started", "Complete", "Delayed by staffing changes"])
            self.emit(f"| {i} Review the partnership response to {theme['topic']} | "
                      f"Carry out analysis of those affected by {theme['topic']} by equality strand | "
                      f"{rng.choice(OFFICERS)} | {milestones} | {progress} | {MONTHS_SHORT[due_month]} {due_year} |")
        self.emit("")

    def approval(self) -> None:
        rng, y = self.rng, self.y
        self.emit("## The Approval Process", "", "| Meeting name | Date, time, venue | Key actions to take place | Lead officer |",
                  "|---|---|---|---|")
        day = 0
        for meeting, action in MEETINGS[: rng.randint(5, len(MEETINGS))]:
            day += rng.randint(5, 15)
            # From 1 December of Y-1 onwards: inside the plan's period.
            month, dom = (12, day) if day <= 31 else ((day - 32) // 28 + 1, (day - 32) % 28 + 1)
            yr = y - 1 if month == 12 else y
            month = min(month, 3)
            self.emit(f"| {meeting} | {dom:02d}.{month:02d}.{yr % 100:02d}, {rng.randint(9, 18)}:{rng.choice(['00', '30'])}, "
                      f"{rng.choice(VENUES)} | {action} | {rng.choice(OFFICERS)} |")
        self.emit("")

    def filler(self, themes: list[dict], target_bytes: int) -> None:
        """Narrative sections, as in the longer seeds, until the plan reaches its size."""
        rng = self.rng
        blocks = []
        # Strategic assessment conclusions, one subsection per theme.
        blocks.append(("## Conclusions from the Strategic Assessment", [("### " + t["title"], t["topic"]) for t in THEMES]))
        blocks.append(("## Local Priorities", [(f"#### Area {i + 1}: {w} – {self.p.wards[(i + 3) % 9]}", "local concerns")
                                               for i, w in enumerate(self.p.wards)]))
        blocks.append(("## Partners' Roles and Resources", [("### " + self.p.agency[k], "partnership working")
                                                            for k in AGENCIES]))
        blocks.append(("## Links with Other Strategies", [("### Local Strategies", "local strategies"),
                                                          ("### National Strategies", "national policy")]))
        appendix = 1
        while self.size() < target_bytes:
            if not blocks:
                blocks.append((f"## Appendix {appendix}: Ward Profiles",
                               [(f"### Ward profile {appendix}.{i + 1}: {w}", "local concerns") for i, w in enumerate(WARDS)]))
                appendix += 1
            heading, subs = blocks.pop(0)
            self.emit(heading, "")
            self.para("community safety", 3)
            for sub, topic in subs:
                if self.size() >= target_bytes:
                    break
                self.emit(sub, "")
                for _ in range(rng.randint(1, 2)):
                    self.para(topic)
                if rng.random() < 0.25:
                    self.md_list([f"The {rng.choice(PROJECTS)} in {rng.choice(WARDS)}." for _ in range(rng.randint(3, 6))],
                                 numbered=False)

    def get_involved(self) -> None:
        p = self.p
        self.emit("## Get Involved", "",
                  f"You can help make the {p.area} safer. Come along to your Safer Neighbourhoods meeting, join a "
                  f"neighbourhood watch scheme, or tell us what matters to you on {p.phone}. Every report helps the "
                  f"police and the council to put resources where they are needed most.", "")
        self.emit("## Further information", "", "| Name | Address | Phone | Email |", "|---|---|---|---|",
                  f"| Community Safety Team, {p.agency['council']} | Council Offices, {p.place} | {p.phone} | "
                  f"community.safety@{p.domain} |", "")

    def write(self) -> str:
        rng = self.rng
        themes = rng.sample(THEMES, rng.randint(4, 6))
        target_bytes = int(rng.triangular(20_000, 60_000, 30_000))
        self.front_matter()
        self.introduction(themes)
        self.review(themes)
        self.achievements(themes)
        self.performance_tables()
        self.survey()
        self.emit(f"## Priorities for {fy(self.y)}", "")
        self.para("the strategic assessment", 4)
        for n, theme in enumerate(themes, 1):
            self.priority(n, theme)
        self.action_plan(themes)
        self.approval()
        self.filler(themes, target_bytes - 900)
        self.get_involved()
        return "\n".join(self.lines).rstrip("\n") + "\n"


# --------------------------------------------------------------------------------------

PLANC_YML = """# Synthetic benchmark project written by bench/generate_corpus.py (seed {seed}, {plans} plans).
title: "Community safety plans (benchmark corpus)"
base_url: "https://community-safety.example.gov.uk/"
theme: default
language: en-GB
"""


def generate(plans: int, seed: int, per: int, out: Path) -> tuple[int, int]:
    content = out / "content"
    content.mkdir(parents=True)
    (out / "planc.yml").write_text(PLANC_YML.format(seed=seed, plans=plans))
    repo_themes = Path(__file__).resolve().parent.parent / "themes"
    os.symlink(os.path.relpath(repo_themes, out), out / "themes")
    total = 0
    written = 0
    partnerships = (plans + per - 1) // per
    for pi in range(partnerships):
        part = Partnership(seed, pi)
        folder = content / part.slug
        folder.mkdir()
        (folder / "_index.md").write_text(part.index_md(), encoding="utf-8")
        for k in range(min(per, plans - written)):
            text = PlanWriter(seed, part, k).write()
            y = part.first_year + k
            (folder / f"{y}-{(y + 1) % 100:02d}.md").write_text(text, encoding="utf-8")
            total += len(text.encode())
            written += 1
    return written, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plans", type=int, default=100, help="number of plans (e.g. 100, 1000, 5000)")
    ap.add_argument("--seed", type=int, default=2009)
    ap.add_argument("--per-partnership", type=int, default=20, help="plans per partnership folder (at most 20)")
    ap.add_argument("--out", type=Path, help="output folder (default bench/corpus/<plans>)")
    ap.add_argument("--force", action="store_true", help="replace the output folder if it exists")
    args = ap.parse_args()
    if not 1 <= args.per_partnership <= 20:
        ap.error("--per-partnership must be 1..20 (one plan per financial year 2000/01..2019/20)")
    out = args.out or Path(__file__).resolve().parent / "corpus" / str(args.plans)
    if out.exists():
        if not args.force:
            print(f"{out} exists (use --force to replace it)", file=sys.stderr)
            return 1
        shutil.rmtree(out)
    written, total = generate(args.plans, args.seed, args.per_partnership, out)
    print(f"wrote {written} plans in {(written + args.per_partnership - 1) // args.per_partnership} partnerships, "
          f"{total / 1e6:.1f} MB of plan Markdown ({total / max(written, 1) / 1000:.1f} KB per plan) to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
