"""Other sites' furniture, by kind (data/boilerplate.toml), and captions
shown as captions: each kind with lines written the way outlets the
tables were not written for print them, and traps — sentences of an
article that look like furniture and must stay. Expected outcomes were
decided by reading each line as an editor would."""

from __future__ import annotations

import pytest
from news_digest.clean import clean_lines


def _around(line: str):
    """`line` as the fourth line of a short article (headline, blank, lead,
    the line, a closing paragraph)."""
    return clean_lines(["Budget approved", "", LEAD, line, CLOSE])


LEAD = "The city council voted on Tuesday to approve the new budget after a long debate."
CLOSE = "The budget takes effect in July, officials said, and will be reviewed next year."

# (line, the reason it is removed with; None: it stays)
FURNITURE = [
    # related links and "more" lines
    (
        "More: Use cauliflower instead of rice in this beloved Chinese dish",
        "boilerplate:related-link",
    ),
    (
        "More on plastics: Pollution Is Shrinking Human Penises, Warns Famous Environmentalist",
        "boilerplate:related-link",
    ),
    (
        "Read more about FCA announcing its joint executive directors for enforcement.",
        "boilerplate:related-link",
    ),
    (
        "Find out more about Joe Rundle joining the ranks of Intertrader as the new CEO",
        "boilerplate:related-link",
    ),
    (
        "SEE RELATED STORY: Glioblastoma Day: Raising awareness for rare brain cancer",
        "boilerplate:related-link",
    ),
    ("See more Chart of the Day posts.", "boilerplate:related-link"),
    ("Watch: Firefighters battle the blaze overnight", "boilerplate:related-link"),
    (
        "This story is part of The Hollywood Reporter's 2023 Sustainability Issue "
        "(click here to read more).",
        "boilerplate:related-link",
    ),
    ("Selengkapnya: Harga emas hari ini naik tipis", "boilerplate:related-link"),
    # channel, app and newsletter calls
    (
        "Follow Cyclingnews on Twitter (opens in new tab), Facebook (opens in new tab), and "
        "Instagram (opens in new tab) for alerts on important stories and updates from across "
        "the cycling world.",
        "boilerplate:channel-call",
    ),
    (
        "For news updates, follow Mayra Moreno on Facebook, Twitter and Instagram.",
        "boilerplate:channel-call",
    ),
    ("Sign up for our newsletter to get the day's top stories.", "boilerplate:channel-call"),
    ("Download our app for breaking news alerts", "boilerplate:channel-call"),
    (
        "Stream newscasts for free on KGW+ on Roku and Amazon Fire: How to add app to your "
        "device here",
        "boilerplate:channel-call",
    ),
    ("Loading...Ikuti Whatsapp Channel Republika", "boilerplate:channel-call"),
    ("Be the first to know", "boilerplate:channel-call"),
    (
        "Get browser notifications for breaking news, live events, and exclusive reporting.",
        "boilerplate:channel-call",
    ),
    # a trap: alerts in the news itself
    ("Get alerts about the storm from the county, officials urged residents.", None),
    (
        "Hi, I'm Dana! If you're enjoying this article, you'll love our weekly newsletter, "
        "City Desk. Every Friday, you'll get the stories that matter here. Subscribe",
        "boilerplate:channel-call",
    ),
    # a trap: the newsletter is the news
    (
        "Readers said they would love the new newsletter, which launches in May.",
        None,
    ),
    # calls to the reader
    (
        "Today, put a value on the independent journalism you rely on. The local news you read "
        "here is made for you, and right now your support is more important than ever.",
        "boilerplate:reader-call",
    ),
    # a trap: a plea for help in the news itself
    (
        "\u201cWe need your help,\u201d the sheriff told local news crews on Monday, asking "
        "anyone who saw the truck to call.",
        None,
    ),
    (
        "Are you excited to see the new movie? Share your thoughts with us in the comments below!",
        "boilerplate:reader-call",
    ),
    (
        "Don't hesitate to contact us with news tips. Just send a message to tips@example.com "
        "to give us a heads up.",
        "boilerplate:reader-call",
    ),
    (
        "If you found this article informative, please consider a small donation to our "
        "coffee cup.",
        "boilerplate:reader-call",
    ),
    (
        "Detroit Free Press music writer Brian McCollum can be reached at bm@freepress.com or "
        "313-223-4450.",
        "boilerplate:reader-call",
    ),
    # notes, widgets, placeholders, separators
    (
        "NPR transcripts are created on a rush deadline by an NPR contractor.",
        "boilerplate:transcript-note",
    ),
    ("VIEW GALLERY - 2 IMAGES", "boilerplate:gallery-widget"),
    ("Example video title will go here for this video", "boilerplate:video-placeholder"),
    ("[Video]", "boilerplate:video-placeholder"),
    ("___", "boilerplate:separator"),
    (
        "View this post on Instagram A post shared by Scott Hoying (@scotthoying)",
        "boilerplate:embedded-post",
    ),
    ("Originally posted on EVANNEX. Written by Peter McGuthrie.", "boilerplate:republished-from"),
    (
        "The Associated Press created this story using technology provided by Data Skrive.",
        "boilerplate:republished-from",
    ),
    # credits
    ("Image credit: pixabay", "boilerplate:image-credit"),
    ("Courtesy of A Matter of Degrees", "boilerplate:image-credit"),
    ("Source: U.S. Centers for Disease Control and Prevention", "boilerplate:image-credit"),
    ("By", "boilerplate:editor-line"),
    ("• Don Feder is a columnist with The Washington Times.", "boilerplate:editor-line"),
    # traps: article sentences that look like furniture
    ("More than 100 people attended the hearing, which lasted four hours.", None),
    ("Read the full report, the mayor urged residents at the meeting.", None),
    ("Officials urged residents to consider donating blood at the fire station.", None),
    ("Follow the money, the prosecutor told the jury on Tuesday.", None),
    ("Smith is a professor at Harvard who studies the budget process.", None),
    ("Watch the skies tonight: the meteor shower peaks after midnight.", None),
    ("Sumber: pejabat kementerian itu mengatakan anggaran akan dipangkas.", None),
    ("Source: a senior official said the talks would resume next week.", None),
    ("*", None),
    ("(SOUNDBITE OF ARCHIVED RECORDING)", None),
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE, ids=[f[0][:40] for f in FURNITURE])
def test_furniture_kinds_go_and_traps_stay(line, reason):
    cleaned = _around(line)
    removed = {r.number: r.reason for r in cleaned.removed}
    if reason is None:
        assert 4 not in removed, removed
        assert any(k.number == 4 for k in cleaned.kept)
    else:
        assert removed.get(4) == reason
    # the article stays (line 1, a short first line, is its headline or its text)
    assert [k.number for k in cleaned.kept if k.number not in (1, 4)] == [3, 5]


def test_a_stage_direction_said_twice_is_no_repeat():
    direction = "(SOUNDBITE OF VIDEO GAME MUSIC)"
    cleaned = clean_lines(["Encore", "", LEAD, direction, CLOSE, direction])
    assert [k.number for k in cleaned.kept if k.number != 1] == [3, 4, 5, 6]


def test_a_menu_heading_takes_its_links_to_the_end():
    cleaned = clean_lines(
        ["Budget approved", "", LEAD, CLOSE, "FOLLOW FOX NEWS ON SOCIAL MEDIA",
         "Facebook", "Instagram", "YouTube", "SIGN UP FOR OUR NEWSLETTERS", "Fox News First"]
    )  # fmt: skip
    assert [k.number for k in cleaned.kept if k.number != 1] == [3, 4]
    assert {r.reason for r in cleaned.removed if r.number > 4} <= {
        "boilerplate:channel-call",
        "boilerplate:related-link",
    }


# (line, shown as a caption)
CAPTIONS = [
    ("Kate Middleton and Prince William | Max Mumby/Indigo/Getty Images", True),
    (
        "One day doctors may be able to use eye tests to identify cognitive decline. Getty Images",
        True,
    ),
    ("Canister placed inside the sample return capsule. Credit: NASA/GSFC/Univ. of Arizona", True),
    ("Gov. Gavin Newsom talks during a news conference on March 24, 2023. Adam Beam / AP", True),
    (
        "Minnesota's Mason Nevers controls the puck on Thursday, March 23, 2023. "
        "David Samson/The Forum",
        True,
    ),
    ("1 / 18: Minnesota and Canisius face off during the NCAA men's hockey Fargo regional", True),
    ("Image 1 of 2 The route of the 2023 men's Gent-Wevelgem", True),
    ("Grace Cary via Getty Images Colorful breakfast cereal with milk fills spoon", True),
    ("KOMPAS.com/ADITYOHarley-Davidson Nightster Special", True),
    ("Dok. IstimewaJakarta E-Prix 2023", True),
    ("Diagram of Sample Return capsule — NASA", True),
    ("“Off Script #62” by Emily Xie. (OpenSea)", True),
    # traps: paragraphs and list items
    ("1/2 cup chopped flat leaf parsley", False),
    (
        "Fasilitas Mobile Banking/Internet Banking wajib digunakan nasabah untuk transaksi itu",
        False,
    ),
    (
        "Kompas.com menghadirkan kabar terbaru setiap hari untuk pembaca di seluruh Indonesia.",
        False,
    ),
    ("He said the photo was taken by Getty Images photographers at the scene last week.", False),
    ("The mayor thanked the workers. He said more help would come soon.", False),
    ("“Kami akan terus berjuang,” kata dia di Jakarta. (Antara)", False),
]


@pytest.mark.parametrize(("line", "caption"), CAPTIONS, ids=[c[0][:40] for c in CAPTIONS])
def test_captions_are_shown_as_captions(line, caption):
    cleaned = _around(line)
    shown = next(k for k in cleaned.kept if k.number == 4)
    assert shown.caption is caption


def test_the_headline_printed_again_in_the_body_is_a_repeat_of_it():
    headline = "Tesla Giga Berlin ramps production to 5,000 vehicles per week"
    cleaned = clean_lines([headline, "March 25, 2023", "", LEAD, CLOSE, headline])
    assert [k.number for k in cleaned.kept] == [4, 5]
    again = next(r for r in cleaned.removed if r.number == 6)
    assert (again.kind, again.of_line) == ("repeat", 1)


def test_trap_a_body_that_is_only_the_headline_again_stays():
    headline = "Blinken tiba di Kairo untuk bertemu Presiden Sisi"
    cleaned = clean_lines([headline, "Rabu, 18 Jun 2025 10:00 WIB", "", headline])
    assert [k.text for k in cleaned.kept] == [headline]


def test_trap_the_headline_as_a_subhead_inside_the_text_stays():
    headline = "How Did Beethoven Die?"
    cleaned = clean_lines([headline, "March 25, 2023", "", LEAD, headline, CLOSE])
    assert [k.number for k in cleaned.kept] == [4, 5, 6]


def test_each_boilerplate_rule_matches_a_line_exactly_when_one_of_its_patterns_does():
    """A rule's patterns are searched as one alternation (tables.py). That
    holds only while no pattern refers to a group or sets a flag inline:
    a `\\1` would then name another pattern's group."""
    import re

    from news_digest import tables

    table = tables.load("boilerplate")["rule"]
    lines = [
        "Baca juga: Harga emas hari ini",
        "Read more: Gold prices today",
        "Simak berita lainnya di Google News",
        "Teks biasa tentang harga emas.",
    ]
    for raw, rule in zip(table, tables.boilerplate_rules(), strict=True):
        for pattern in raw["patterns"]:
            assert not re.search(r"\\[1-9]|\(\?P[<=]|\(\?[aiLmsux]", pattern), (
                raw["name"],
                pattern,
            )
        separate = [re.compile(p, re.IGNORECASE) for p in raw["patterns"]]
        for line in lines:
            assert rule.matches(line) == any(p.search(line) for p in separate), (rule.name, line)
    assert any(r.matches("Baca juga: Harga emas hari ini") for r in tables.boilerplate_rules())
