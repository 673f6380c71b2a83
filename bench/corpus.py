"""Deterministic benchmark corpus: raw scraped news, the same news cleaned as
Pelican Markdown, and the same news as a Hugo site.

    python bench/corpus.py N OUTDIR

writes

- OUTDIR/raw/*.txt          N raw articles like seeds/ and tests/fixtures/scrapes/:
                            no front matter, Indonesian (~80 %) and English,
                            with datelines, captions scraped twice, "Baca juga"
                            lines, credits, ADVERTISEMENT, trailing "Fuente"…
- OUTDIR/markdown/*.md      the same articles without the debris, with a
                            Pelican metadata header (Title, Date, Category =
                            publisher, Author, Slug)
- OUTDIR/hugo/              a Hugo site holding the same cleaned articles

Articles come in stories: each story (one topic, one place, its own people,
organisations and numbers) lasts 1–4 days and is covered by 1–8 outlets;
stories start anywhere in 2023–2024. Everything is drawn from one seeded
`random.Random`, so the same N always gives the same bytes (no clock, no
network, no hash randomisation).
"""

# The slot tables below stay one entry per line, unwrapped.
# ruff: noqa: E501

from __future__ import annotations

import json
import re
import shutil
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from random import Random

SEED = 20240122
FIRST_DAY = date(2023, 1, 1)
SPAN_DAYS = 731  # two years
SHARE_INDONESIAN = 0.8
STORY_SIZES = (1, 2, 3, 4, 5, 6, 7, 8)
STORY_SIZE_WEIGHTS = (20, 18, 16, 13, 11, 9, 7, 6)


def _rows(block: str) -> list[str]:
    return [line.strip() for line in block.strip().splitlines() if line.strip()]


def _words(block: str) -> list[str]:
    return [word.strip() for word in block.replace("\n", "|").split("|") if word.strip()]


def _pairs(block: str) -> list[tuple[str, str]]:
    return [tuple(part.strip() for part in row.split("|", 1)) for row in _rows(block)]


def _sections(block: str) -> dict[str, list[str]]:
    """`# name` headings over one template per line."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in _rows(block):
        if line.startswith("# "):
            current = sections.setdefault(line[2:].strip(), [])
        else:
            current.append(line)
    return sections


# ---- data ------------------------------------------------------------------
# The word lists, templates and outlets live in corpus_data/ beside this file
# (each file's header says what its tables are); this module only draws from
# them. Blocks hold one entry per line or several separated by "|".

#: the data files are read from beside this script, wherever it is run from
DATA = Path(__file__).with_name("corpus_data")


def _load(name: str) -> dict:
    return tomllib.loads((DATA / f"{name}.toml").read_text(encoding="utf-8"))


WORDS = _load("words")
FILLER = _load("filler")
ROLES = _load("roles")

# ---- word lists ------------------------------------------------------------

ID_CITIES = _pairs(WORDS["id_cities"])
WORLD_CITIES = _pairs(WORDS["world_cities"])
ID_FIRST = _words(WORDS["id_first"])
ID_LAST = _words(WORDS["id_last"])
EN_FIRST = _words(WORDS["en_first"])
EN_LAST = _words(WORDS["en_last"])
LOCAL_PREFIX = _words(WORDS["local_prefix"])
LOCAL_ROOT = _words(WORDS["local_root"])
RIVERS = _words(WORDS["rivers"])
CLUBS = _words(WORDS["clubs"])
EN_CLUBS = _words(WORDS["en_clubs"])
STADIUMS = _words(WORDS["stadiums"])
PARTIES = _words(WORDS["parties"])
COMMODITIES = _words(WORDS["commodities"])
DISEASES = _words(WORDS["diseases"])
VEHICLES = _words(WORDS["vehicles"])
BUS_COMPANIES = _words(WORDS["bus_companies"])
PROJECTS = _words(WORDS["projects"])
INFRA = _words(WORDS["infra"])
CRIMES = _words(WORDS["crimes"])
APPS = _words(WORDS["apps"])
COUNTRIES_ID = _words(WORDS["countries_id"])
FIRMS = _words(WORDS["firms"])
EN_FIRMS = _words(WORDS["en_firms"])
DAY_PARTS = tuple(WORDS["day_parts"])
ID_WEEKDAYS = tuple(WORDS["id_weekdays"])
EN_WEEKDAYS = tuple(WORDS["en_weekdays"])
EN_MONTHS = tuple(WORDS["en_months"])
ROAD_SUFFIXES = WORDS["road_suffixes"]
SCHOOL_LEVELS = WORDS["school_levels"]
MOSQUES = WORDS["mosques"]
HALLS = WORDS["halls"]
TOLL_ROADS = WORDS["toll_roads"]
FIELDS = WORDS["fields"]
DIRECTIONS = WORDS["directions"]
MMI = WORDS["mmi"]
DISTRICT_SUFFIXES = WORDS["district_suffixes"]
ORDINALS_EN = WORDS["ordinals_en"]
ID_SAY = _words(FILLER["id_say"])
EN_SAY = _words(FILLER["en_say"])

# ---- templates -------------------------------------------------------------
# {slot} is filled from the story (place, people, numbers…); slots named
# r_* are drawn afresh every time (a random passer-by, a random number).

ID_TEXT = {topic: _sections(block) for topic, block in _load("templates_id").items()}
ID_GENERIC = _rows(FILLER["id_generic"])
ID_BACKGROUND_ORGS = _words(ROLES["id_background_orgs"])
ID_ROLES = {
    topic: tuple(role) if isinstance(role, list) else role
    for topic, role in ROLES["id_roles"].items()
}
ID_EXPERT = tuple(ROLES["id_expert"])
CAMPUSES = _words(ROLES["campuses"])
EN_TEXT = {topic: _sections(block) for topic, block in _load("templates_en").items()}
ID_TOPICS = tuple(ID_TEXT)
EN_TOPICS = tuple(EN_TEXT)
EN_GENERIC = _rows(FILLER["en_generic"])

# Sentences assembled from parts (subject, verb, clause, time), so that the
# filler differs from article to article as real reporting does.
ID_SUBJECTS = _rows(FILLER["id_subjects"])
ID_VERBS = _words(FILLER["id_verbs"])
ID_CLAUSES = _rows(FILLER["id_clauses"])
#: the three blanks let a third of the sentences end without a time phrase
ID_TIMES = [*_rows(FILLER["id_times"]), "", "", ""]
R_FASILITAS = _words(FILLER["r_fasilitas"])
R_PROGRAM = _words(FILLER["r_program"])
R_PERAN = _words(FILLER["r_peran"])
EN_SUBJECTS = _rows(FILLER["en_subjects"])
EN_VERBS = _words(FILLER["en_verbs"])
EN_CLAUSES = _rows(FILLER["en_clauses"])
#: as ID_TIMES: the blanks are sentences without a time phrase
EN_TIMES = [*_rows(FILLER["en_times"]), "", "", ""]
R_FACILITY = _words(FILLER["r_facility"])
R_PROGRAM_EN = _words(FILLER["r_program_en"])
R_JOB = _words(FILLER["r_job"])
EN_EXPERT = tuple(ROLES["en_expert"])
UNIVERSITIES = _words(ROLES["universities"])
THINK_TANKS = _words(ROLES["think_tanks"])
EN_ORGS = _words(ROLES["en_orgs"])
EN_DISEASES = _words(WORDS["en_diseases"])
EN_OFFICIAL_ROLES = {
    topic: tuple(role) if isinstance(role, list) else role
    for topic, role in ROLES["en_official_roles"].items()
}

# ---- outlets --------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    name: str  # as the pipeline names it, and the Category
    lang: str
    dateline: str  # format string, "" for none; {CITY}/{city}
    credit: str  # credit style key
    spacing: str  # paragraph separator in the raw file
    sentences: tuple[int, int]  # sentences per paragraph
    weight: int


def _outlets(lang: str) -> tuple[Outlet, ...]:
    return tuple(
        Outlet(
            row["name"],
            lang,
            row["dateline"],
            row["credit"],
            row["spacing"],
            tuple(row["sentences"]),
            row["weight"],
        )
        for row in _load("outlets")[lang]
    )


ID_OUTLETS = _outlets("id")
EN_OUTLETS = _outlets("en")
INITIALS = _words(WORDS["initials"])


# ---- stories ----------------------------------------------------------------


@dataclass
class Story:
    number: int
    lang: str
    topic: str
    start: date
    days: int
    slots: dict[str, str]
    headlines: list[str] = field(default_factory=list)


def _local_name(rng: Random) -> str:
    prefix, root = rng.choice(LOCAL_PREFIX), rng.choice(LOCAL_ROOT)
    if prefix.endswith(("i", "a", "u", "o", "e")) and len(prefix) <= 2:
        return prefix + root
    return f"{prefix} {root.capitalize()}"


def _id_person(rng: Random) -> str:
    return f"{rng.choice(ID_FIRST)} {rng.choice(ID_LAST)}"


def _en_person(rng: Random) -> str:
    return f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"


def _id_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _id_decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _rupiah(rng: Random) -> str:
    if rng.random() < 0.5:
        return f"Rp {_id_decimal(rng.uniform(1.1, 9.9))} miliar"
    return f"Rp {rng.randint(120, 950)} juta"


def _short(name: str) -> str:
    return name.split()[-1] if " " in name else name


def _story_slots(rng: Random, lang: str, topic: str, start: date) -> dict[str, str]:
    """Everything a story's sentences may name, drawn once per story."""
    s: dict[str, str] = {}
    n_big = rng.randint(1_200, 90_000)
    if lang == "id":
        kota, prov = rng.choice(ID_CITIES)
        kota2 = rng.choice([c for c, p in ID_CITIES if p == prov and c != kota] or [kota])
        if kota2 == kota:
            kota2 = rng.choice(ID_CITIES)[0]
        road_name = rng.choice(ID_LAST + ID_FIRST)
        s.update(
            kota=kota, prov=prov, kota2=kota2,
            kec=_local_name(rng), kec2=_local_name(rng), desa=_local_name(rng),
            kampung=_local_name(rng), kampung2=_local_name(rng),
            jalan=f"Jalan {road_name} {rng.choice(ROAD_SUFFIXES)}".strip(),
            sungai=rng.choice(RIVERS), pasar=_local_name(rng),
            rs=f"RSUD {_local_name(rng)}",
            sekolah=f"{rng.choice(SCHOOL_LEVELS)} Negeri {rng.randint(1, 12)} {kota}",
            masjid=f"Masjid {rng.choice(MOSQUES)}",
            gedung=f"Gedung {rng.choice(HALLS)} {kota}",
            tol=f"Tol {rng.choice(TOLL_ROADS)}",
            kampus=rng.choice(CAMPUSES),
            pejabat=_id_person(rng), pejabat2=_id_person(rng), warga=_id_person(rng),
            pakar=_id_person(rng), calon=_id_person(rng), calon2=_id_person(rng),
            tersangka=f"{rng.choice(ID_FIRST)[0]}{rng.choice('ABDHKMRSTW')}",
            pelatih=_id_person(rng), pelatih2=_id_person(rng),
            pemain=_id_person(rng), pemain2=_id_person(rng),
            partai=rng.choice(PARTIES), partai2=rng.choice(PARTIES),
            partai3=rng.choice(PARTIES), partai4=rng.choice(PARTIES),
            komoditas=rng.choice(COMMODITIES), penyakit=rng.choice(DISEASES),
            kendaraan=rng.choice(VEHICLES), po=rng.choice(BUS_COMPANIES),
            proyek=rng.choice(PROJECTS), infra=rng.choice(INFRA), kejahatan=rng.choice(CRIMES),
            app=rng.choice(APPS), negara=rng.choice(COUNTRIES_ID),
            kota_dunia=rng.choice(WORLD_CITIES)[0], firma=rng.choice(FIRMS),
            bidang=rng.choice(FIELDS),
            arah=rng.choice(DIRECTIONS),
            stadion=rng.choice(STADIUMS),
        )  # fmt: skip
        clubs = rng.sample(CLUBS, 2)
        s.update(klub1=clubs[0], klub2=clubs[1], skor=f"{rng.randint(1, 4)}-{rng.randint(0, 2)}")
        s["pejabat_s"] = _short(s["pejabat"])
        s["jabatan"] = ID_ROLES[topic]
        s["pakar_role"] = rng.choice(ID_EXPERT)
        cm = rng.randint(6, 18) * 10
        s.update(
            n1=str(rng.randint(2, 40)), n1b=str(rng.randint(2, 12)), n2=str(rng.randint(25, 950)),
            n2b=str(rng.randint(60, 800)), n3=_id_number(n_big),
            n3b=_id_number(rng.randint(800, 60_000)), n4=str(rng.randint(3, 14)),
            cm=str(cm), cm_low=str(rng.randint(2, cm // 20) * 10), ha=_id_number(rng.randint(12, 4_000)),
            m=str(rng.randint(5, 60)), m_small=_id_decimal(rng.uniform(1.5, 6)),
            mag=_id_decimal(rng.uniform(4.0, 6.9)), mag_small=_id_decimal(rng.uniform(2.5, 3.9)),
            depth=str(rng.randint(5, 120)), mmi=rng.choice(MMI),
            km=str(rng.randint(12, 180)), km2=str(rng.randint(12, 180)), km_macet=str(rng.randint(2, 15)),
            jam=f"{rng.randint(10, 23)}.{rng.choice(['00', '15', '30', '45'])}",
            jam_n=str(rng.randint(2, 9)), menit=str(rng.randint(4, 88)),
            rp=_rupiah(rng), rp2=_rupiah(rng), persen=f"{_id_decimal(rng.uniform(8, 95))} persen",
            persen_small=f"{_id_decimal(rng.uniform(1.2, 6.5))} persen",
            harga=_id_number(rng.randint(8, 120) * 1000), harga2=_id_number(rng.randint(6, 90) * 1000),
            usd=f"{rng.randint(2, 40)} miliar", tahun_lalu=str(start.year - 1),
            tahun_depan=str(start.year + rng.randint(1, 3)),
        )  # fmt: skip
        s["komoditas_t"] = s["komoditas"].title()
        s["penyakit_t"] = s["penyakit"].title() if len(s["penyakit"]) < 20 else "DBD"
        s["kendaraan_t"] = s["kendaraan"].capitalize()
        s["proyek_t"] = s["proyek"].title()
        s["infra_t"] = s["infra"].title()
        s["kejahatan_t"] = s["kejahatan"].title()
        s["app_t"] = s["app"].title()
    else:
        city, country = rng.choice(WORLD_CITIES)
        city2 = rng.choice(WORLD_CITIES)[0]
        country2 = rng.choice([c for _, c in WORLD_CITIES if c != country])
        clubs = rng.sample(EN_CLUBS, 2)
        official = _en_person(rng)
        s.update(
            city=city, country=country, country2=country2, city2=city2,
            district=f"{rng.choice(EN_LAST)} {rng.choice(DISTRICT_SUFFIXES)}",
            river=f"{rng.choice(EN_LAST)} River", resident=_en_person(rng),
            official=f"{EN_OFFICIAL_ROLES[topic]} {official}", council=_en_person(rng),
            expert=_en_person(rng), candidate=_en_person(rng), candidate2=_en_person(rng),
            coach=_en_person(rng), coach2=_en_person(rng), player=_en_person(rng),
            player2=_en_person(rng), club1=clubs[0], club2=clubs[1], firm=rng.choice(EN_FIRMS),
            disease_en=rng.choice(EN_DISEASES), age=str(rng.randint(24, 78)),
            n1=str(rng.randint(2, 40)), n1b=str(rng.randint(2, 12)), n2=str(rng.randint(25, 950)),
            n3=f"{n_big:,}", n4=str(rng.randint(2, 6)), mag=f"{rng.uniform(4.5, 7.4):.1f}",
            depth=str(rng.randint(8, 90)), m_small=f"{rng.uniform(1, 3):.1f}",
            percent_en=f"{rng.randint(10, 85)}%", percent_small=f"{rng.uniform(0.3, 7.5):.1f}%",
            usd=f"{rng.randint(2, 900)} million", usd_small=f"{rng.randint(150, 3200):,}",
            vote=f"{rng.randint(7, 12)}-{rng.randint(1, 5)}", next_year=str(start.year + rng.randint(3, 8)),
            score_en=f"{rng.randint(1, 4)}-{rng.randint(0, 2)}", minute=str(rng.randint(4, 88)),
            ordinal_en=rng.choice(ORDINALS_EN),
        )  # fmt: skip
        s["expert_role"] = rng.choice(EN_EXPERT).format(
            university=rng.choice(UNIVERSITIES), think=rng.choice(THINK_TANKS)
        )
    return s


_SLOT = re.compile(r"\{(\w+)\}")


def _fill(template: str, slots: dict[str, str], rng: Random, lang: str) -> str:
    def value(match: re.Match) -> str:
        key = match.group(1)
        if key == "kata":
            return rng.choice(ID_SAY)
        if key == "say":
            return rng.choice(EN_SAY)
        if key == "r_orang":
            return _id_person(rng)
        if key == "r_person":
            return _en_person(rng)
        if key == "r_n":
            return str(rng.randint(3, 60))
        if key == "r_rp":
            return _rupiah(rng)
        if key == "r_usd":
            return f"{rng.randint(2, 500)} million"
        if key == "r_desa":
            return _local_name(rng)
        if key == "r_lembaga":
            return rng.choice(ID_BACKGROUND_ORGS)
        if key == "r_org":
            return rng.choice(EN_ORGS)
        if key == "r_fasilitas":
            return rng.choice(R_FASILITAS)
        if key == "r_program":
            return rng.choice(R_PROGRAM if lang == "id" else R_PROGRAM_EN)
        if key == "r_peran":
            return rng.choice(R_PERAN)
        if key == "r_facility":
            return rng.choice(R_FACILITY)
        if key == "r_job":
            return rng.choice(R_JOB)
        found = slots[key]
        return _SLOT.sub(value, found) if "{" in found else found

    text = _SLOT.sub(value, template)
    return text[:1].upper() + text[1:]


def composed(lang: str, rng: Random) -> str:
    """A filler sentence template assembled from parts."""
    if lang == "id":
        parts = (ID_SUBJECTS, ID_VERBS, ID_CLAUSES, ID_TIMES)
    else:
        parts = (EN_SUBJECTS, EN_VERBS, EN_CLAUSES, EN_TIMES)
    subject, verb, clause, time = (rng.choice(part) for part in parts)
    return " ".join(word for word in (subject, verb, clause, time) if word) + "."


# ---- articles ----------------------------------------------------------------


@dataclass
class Block:
    """One paragraph of the raw file; `clean` is what stays after cleaning
    (None for debris)."""

    raw: str
    clean: str | None


@dataclass
class Generated:
    identifier: str
    outlet: Outlet
    day: date
    title: str
    author: str
    raw: str
    paragraphs: list[str]


def _when(rng: Random, lang: str, day: date) -> tuple[str, str]:
    """The lead's time phrase: explicit date, weekday only, or nothing;
    and the short `hari (d/m/yyyy)` form used in captions."""
    roll = rng.random()
    if lang == "id":
        hari = ID_WEEKDAYS[day.weekday()]
        numeric = f"{hari} ({day.day}/{day.month}/{day.year})"
        if roll < 0.55:
            part = f" {rng.choice(DAY_PARTS)}" if rng.random() < 0.4 else ""
            return f", {numeric}{part}", numeric
        if roll < 0.8:
            pattern = rng.choice((" pada {h} {p}", " {h} {p}", " pada hari {h}"))
            return pattern.format(h=hari, p=rng.choice(DAY_PARTS)), hari
        return "", hari
    weekday = EN_WEEKDAYS[day.weekday()]
    if roll < 0.45:
        month = EN_MONTHS[day.month - 1]
        return f" on {weekday}, {month} {day.day}, {day.year}", weekday
    if roll < 0.8:
        return f" on {weekday}", weekday
    return "", weekday


def _caption_variant(rng: Random, caption: str) -> str:
    """The same caption scraped a second time, slightly different."""
    choices = ["period", "space"]
    if '"' in caption:
        choices.append("quotes")
    kind = rng.choice(choices)
    if kind == "quotes":
        return re.sub(r'"([^"]*)"', "“\\1”", caption)
    if kind == "period" and caption.endswith("."):
        return caption[:-1]
    if kind == "period":
        return caption + "."
    words = caption.split(" ")
    at = rng.randint(1, max(1, len(words) - 1))
    return " ".join(words[:at]) + "  " + " ".join(words[at:])


class Generator:
    def __init__(self, count: int):
        self.count = count
        self.rng = Random(SEED * 100_003 + count)
        self.reporters: dict[str, list[str]] = {}
        for outlet in (*ID_OUTLETS, *EN_OUTLETS):
            person = _id_person if outlet.lang == "id" else _en_person
            self.reporters.setdefault(outlet.name, [person(self.rng) for _ in range(8)])
        self.editors = [_id_person(self.rng) for _ in range(20)]

    def stories(self) -> list[Story]:
        rng = self.rng
        stories, total = [], 0
        while total < self.count:
            lang = "id" if rng.random() < SHARE_INDONESIAN else "en"
            topic = rng.choice(ID_TOPICS if lang == "id" else EN_TOPICS)
            start = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
            story = Story(
                number=len(stories),
                lang=lang,
                topic=topic,
                start=start,
                days=rng.randint(1, 4),
                slots=_story_slots(rng, lang, topic, start),
            )
            size = min(rng.choices(STORY_SIZES, STORY_SIZE_WEIGHTS)[0], self.count - total)
            story.headlines = [self._headline(story) for _ in range(size)]
            stories.append(story)
            total += size
        return stories

    def _headline(self, story: Story) -> str:
        texts = ID_TEXT if story.lang == "id" else EN_TEXT
        template = self.rng.choice(texts[story.topic]["headline"])
        return _fill(template, story.slots, self.rng, story.lang)

    def articles(self) -> list[Generated]:
        stories = self.stories()
        headlines = {
            lang: [(s.number, h) for s in stories if s.lang == lang for h in s.headlines]
            for lang in ("id", "en")
        }
        made = []
        for story in stories:
            for headline in story.headlines:
                made.append(self._article(story, headline, headlines[story.lang], len(made)))
        return made

    def _article(self, story: Story, headline: str, others, index: int) -> Generated:
        rng = self.rng
        lang = story.lang
        outlets = ID_OUTLETS if lang == "id" else EN_OUTLETS
        outlet = rng.choices(outlets, [o.weight for o in outlets])[0]
        day = story.start + timedelta(days=rng.randrange(story.days))
        when, short_day = _when(rng, lang, day)
        slots = dict(story.slots)
        slots["kapan" if lang == "id" else "when"] = when
        slots["hari_tgl"] = short_day
        texts = (ID_TEXT if lang == "id" else EN_TEXT)[story.topic]
        generic = ID_GENERIC if lang == "id" else EN_GENERIC
        author = rng.choice(self.reporters[outlet.name])

        def fill(template: str) -> str:
            return _fill(template, slots, rng, lang)

        seen: set[str] = set()

        def fresh(pool: list[str], tries: int = 6) -> str | None:
            for _ in range(tries):
                sentence = fill(rng.choice(pool))
                if sentence not in seen:
                    return sentence
            return None

        lead = fill(rng.choice(texts["lead"]))
        seen.add(lead)
        facts = rng.sample(texts["fact"], k=len(texts["fact"]))
        quotes = rng.sample(texts["quote"], k=len(texts["quote"]))
        paragraph_count = rng.randint(8, 30)
        body: list[str] = []
        low, high = outlet.sentences
        attempts = 0
        while len(body) < paragraph_count - 1 and attempts < 200:
            attempts += 1
            sentences = []
            for _ in range(rng.randint(low, high)):
                roll = rng.random()
                if facts and roll < 0.5:
                    sentence = fill(facts.pop())
                elif quotes and roll < 0.65:
                    sentence = fill(quotes.pop())
                    if sentences:  # a quote is a paragraph of its own
                        body.append(" ".join(sentences))
                        sentences = []
                    body.append(sentence)
                    seen.add(sentence)
                    continue
                elif roll < 0.75:
                    sentence = fresh(generic)
                else:
                    sentence = fill(composed(lang, rng))
                if sentence and sentence not in seen:
                    seen.add(sentence)
                    sentences.append(sentence)
            if sentences:
                body.append(" ".join(sentences))

        blocks = self._debris(story, outlet, headline, lead, body, texts, slots, others, author)
        raw = outlet.spacing.join(block.raw for block in blocks)
        if rng.random() < 0.5:
            raw += "\n"
        paragraphs = [block.clean for block in blocks if block.clean is not None]
        identifier = f"{index:05d}_{rng.getrandbits(64):016x}"
        return Generated(identifier, outlet, day, headline, author, raw, paragraphs)

    def _debris(self, story, outlet, headline, lead, body, texts, slots, others, author):
        """The raw paragraphs: dateline, captions twice, related links, ads,
        credits and trailing labels around the article's own text."""
        rng = self.rng
        lang = story.lang
        city = slots.get("kota") or slots.get("city")
        blocks: list[Block] = []
        dateline = outlet.dateline.format(city=city, CITY=city.upper()) if outlet.dateline else ""
        if outlet.credit == "bbc":
            blocks.append(Block(f"By {author}, BBC News", None))
        if not dateline and rng.random() < 0.4:
            blocks.append(Block(headline, None))  # a scraped headline line
        blocks.append(Block(dateline + lead, lead))
        body_blocks = [Block(p, p) for p in body]

        def insert(block: Block, lo: int = 1) -> None:
            body_blocks.insert(rng.randint(min(lo, len(body_blocks)), len(body_blocks)), block)

        for _ in range(rng.choice((0, 1, 1, 2, 3)) if texts["caption"] else 0):
            caption = _fill(rng.choice(texts["caption"]), slots, rng, lang)
            if any(b.clean == caption for b in body_blocks):
                continue
            position = rng.randint(0, len(body_blocks))
            body_blocks.insert(position, Block(caption, caption))
            variant = _caption_variant(rng, caption)
            if rng.random() < 0.6:
                body_blocks.insert(position + 1, Block(variant, None))
            else:
                body_blocks.insert(
                    rng.randint(position + 1, len(body_blocks)), Block(variant, None)
                )
        related = [h for n, h in rng.sample(others, min(4, len(others))) if n != story.number]
        if lang == "id":
            for title in related[: rng.choice((0, 1, 2, 2, 3))]:
                insert(
                    Block(f"{rng.choice(('Baca juga', 'Baca Juga', 'BACA JUGA'))}: {title}", None)
                )
            if outlet.credit in ("detik", "cnn") or rng.random() < 0.15:
                for _ in range(rng.randint(1, 2)):
                    insert(Block("ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT", None))
            elif rng.random() < 0.15:
                insert(Block("ADVERTISEMENT", None))
        else:
            for title in related[: rng.choice((0, 0, 1, 2))]:
                insert(Block(f"Read more: {title}", None))
            for _ in range(rng.choice((0, 0, 1, 2))):
                insert(Block("Advertisement", None))
        blocks.extend(body_blocks)
        blocks.extend(self._credit(outlet, author, story))
        return blocks

    def _credit(self, outlet: Outlet, author: str, story: Story) -> list[Block]:
        rng = self.rng
        year = story.start.year
        style = outlet.credit
        if style == "tribun":
            return [Block(f"(Tribunnews.com/{author.split()[0]})", None)]
        if style == "kompas":
            return [
                Block(f"Penulis : {author}", None),
                Block(f"Editor : {rng.choice(self.editors)}", None),
            ]
        if style == "antara":
            return [
                Block(f"Pewarta: {author}", None),
                Block(f"Editor: {rng.choice(self.editors)}", None),
                Block(f"COPYRIGHT © ANTARA {year}", None),
            ]
        if style in ("detik", "cnn"):
            return [Block(f"({'/'.join(rng.sample(INITIALS, 2))})", None)]
        if style == "liputan6":
            return [Block(f"Reporter: {author}", None)]
        if style == "okezone":
            return [Block("Follow Berita Okezone di Google News", None)]
        if style == "republika":
            return [Block(f"Kontributor: {author}", None)]
        if style == "discussion":
            return [Block("Discussion about this post", None)]
        if style == "fuente":
            return [Block("Fuente", None)]
        if style == "ap":
            return [
                Block(
                    f"Associated Press writer {_en_person(rng)} contributed to this report.", None
                ),
                Block(f"Copyright {year} The Associated Press. All rights reserved.", None),
            ]
        if style == "reuters":
            return [Block(f"Editing by {_en_person(rng)}", None)]
        if style == "bbc":
            return [Block("Related Topics", None), Block("More on this story", None)]
        if outlet.lang == "id" and rng.random() < 0.3:
            return [Block("Fuente", None)]
        return []


# ---- writing ------------------------------------------------------------------

_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


def slug(title: str, identifier: str) -> str:
    text = _SLUG_CHARS.sub("-", title.lower()).strip("-")[:60].rstrip("-")
    return f"{text}-{identifier[:5]}"


#: the Hugo site's configuration and layouts, copied into every corpus
HUGO = DATA / "hugo"
#: (file in corpus_data/hugo, where it goes in the generated site); the list
#: layout serves the home page too
HUGO_FILES = (
    ("hugo.toml", "hugo.toml"),
    ("layouts/baseof.html", "layouts/_default/baseof.html"),
    ("layouts/single.html", "layouts/_default/single.html"),
    ("layouts/list.html", "layouts/_default/list.html"),
    ("layouts/list.html", "layouts/index.html"),
)


def write(count: int, outdir: Path) -> list[Generated]:
    articles = Generator(count).articles()
    for name in ("raw", "markdown", "hugo"):
        shutil.rmtree(outdir / name, ignore_errors=True)
    raw_dir, md_dir = outdir / "raw", outdir / "markdown"
    hugo = outdir / "hugo"
    posts = hugo / "content" / "posts"
    layouts = hugo / "layouts" / "_default"
    for folder in (raw_dir, md_dir, posts, layouts):
        folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        name = article.identifier
        (raw_dir / f"{name}.txt").write_bytes(article.raw.encode("utf-8"))
        body = "\n\n".join(article.paragraphs) + "\n"
        article_slug = slug(article.title, name)
        header = (
            f"Title: {article.title}\nDate: {article.day.isoformat()}\n"
            f"Category: {article.outlet.name}\nAuthor: {article.author}\nSlug: {article_slug}\n\n"
        )
        (md_dir / f"{name}.md").write_bytes((header + body).encode("utf-8"))
        front = (
            "---\n"
            f"title: {json.dumps(article.title, ensure_ascii=False)}\n"
            f"date: {article.day.isoformat()}\n"
            f"categories: [{json.dumps(article.outlet.name)}]\n"
            f"slug: {json.dumps(article_slug)}\n"
            "---\n\n"
        )
        (posts / f"{name}.md").write_bytes((front + body).encode("utf-8"))
    for source, target in HUGO_FILES:
        shutil.copyfile(HUGO / source, hugo / target)
    return articles


def main(argv: list[str]) -> int:
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        print("usage: python bench/corpus.py N OUTDIR", file=sys.stderr)
        return 2
    count, outdir = int(argv[1]), Path(argv[2])
    articles = write(count, outdir)
    english = sum(a.outlet.lang == "en" for a in articles)
    size = sum(len(a.raw.encode()) for a in articles)
    print(
        f"{len(articles)} articles ({english} English) in {outdir}: "
        f"{size / 1e6:.1f} MB raw, dates {min(a.day for a in articles)} – "
        f"{max(a.day for a in articles)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
