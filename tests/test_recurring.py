"""Boilerplate learned from the folder (recurring.py), with its traps: an
agency paragraph printed by several articles, a fact-check sentence naming
a platform, and a line found in only two articles all stay."""

from __future__ import annotations

from news_digest import recurring

from tests.conftest import article

#: A call no table rule knows (the tables remove "Ikuti Whatsapp Channel …"
#: themselves): only the folder's recurrence can tell it is furniture.
CALL = "Gabung komunitas pembaca Harian Kota di Saweria"
AGENCY = (
    "Hakim juga menghukum terdakwa membayar denda Rp 1 miliar, jika tidak dibayar "
    "diganti pidana penjara selama 6 bulan."
)
FACT_CHECK = "Salah satu akun ada yang mengunggahnya di Facebook."
#: A widget no table rule knows (the tables remove a full "Get browser
#: notifications for …" call themselves): its cued line is learned from the
#: folder, and the lines around it go with it.
WIDGET = ["Stay in the loop", "Browser notifications for breaking news", "Not Now"]


def _story(n: int, *extra: str) -> list[str]:
    return [f"Cerita nomor {n} tentang peristiwa yang berbeda di kota ke-{n}.", *extra]


def _learn_and_apply(stories):
    articles = [article(f"a{n}", *lines) for n, lines in enumerate(stories)]
    learned = recurring.learn(articles)
    return learned, [recurring.apply(a, learned) for a in articles]


def test_a_call_in_three_articles_is_removed_with_its_count():
    _learned, cleaned = _learn_and_apply([_story(n, CALL) for n in range(3)])
    for result in cleaned:
        assert [line.text for line in result.clean.kept] == [result.clean.kept[0].text]
        (removal,) = [r for r in result.clean.removed if r.rule == "recurring"]
        assert removal.text == CALL
        assert removal.seen_in == 3
        assert removal.reason == "boilerplate:recurring"


def test_a_call_in_two_articles_stays():
    learned, _ = _learn_and_apply([_story(n, CALL) for n in range(2)])
    assert learned == {}


def test_syndicated_text_and_platform_sentences_stay():
    stories = [_story(n, AGENCY, FACT_CHECK) for n in range(5)]
    learned, cleaned = _learn_and_apply(stories)
    assert learned == {}
    assert all(len(result.clean.kept) == 3 for result in cleaned)


def test_the_rest_of_a_widget_goes_with_its_cued_line():
    learned, cleaned = _learn_and_apply([_story(n, *WIDGET) for n in range(3)])
    assert len(learned) == 3
    assert all(len(result.clean.kept) == 1 for result in cleaned)


def test_an_uncued_line_away_from_furniture_stays():
    # trap: a subhead that recurs across match reports, far from any furniture
    stories = [_story(n, "Susunan pemain", f"Kiper nomor {n} tampil baik.", CALL) for n in range(3)]
    learned, cleaned = _learn_and_apply(stories)
    assert "susunan pemain" not in learned
    assert all("Susunan pemain" in [line.text for line in r.clean.kept] for r in cleaned)


def test_a_cued_line_in_copies_of_one_story_stays():
    # trap: three outlets debunk one hoax and all quote its link; they share
    # the story's sentences, so the link is the story's text, not furniture
    link = '"https://daftar-gratis.example/?id=1"'
    shared = [
        "Pemerintah memberikan diskon listrik lima puluh persen kepada pelanggan kecil.",
        "Tautan tersebut meminta data pribadi seperti nama lengkap dan nomor telepon.",
    ]
    learned, cleaned = _learn_and_apply([_story(n, *shared, link) for n in range(3)])
    assert learned == {}
    assert all(link in [line.text for line in r.clean.kept] for r in cleaned)


def test_keys_kept_with_an_article_are_used_only_while_its_lines_are_the_same():
    """The per-file stages keep each article's line keys with it
    (recurring.packed_keys); learning from them finds what learning from
    the lines finds. Trap: keys kept for other lines (an article edited
    since, as replace() carries them along) are not used: the call is
    still learned from the lines the article now has."""
    from dataclasses import replace

    plain = [article(f"a{n}", *_story(n, CALL)) for n in range(3)]
    packed = [replace(a, line_keys=recurring.packed_keys(a)) for a in plain]
    assert recurring.learn(packed) == recurring.learn(plain) != {}
    stale = [replace(a, line_keys=recurring.packed_keys(article("x", *_story(9)))) for a in plain]
    assert recurring.line_keys(stale[0]) == recurring.line_keys(plain[0])
    assert recurring.learn(stale) == recurring.learn(plain)


def test_a_line_longer_than_a_paragraph_is_never_furniture_however_often_it_recurs():
    long_call = f"{CALL}: " + ", ".join(f"pembaca ke-{n} dari kota ke-{n + 7}" for n in range(30))
    assert len(long_call) > recurring.MAX_LINE_CHARS
    learned, cleaned = _learn_and_apply([_story(n, long_call) for n in range(4)])
    assert learned == {}
    assert all(long_call in [line.text for line in a.clean.kept] for a in cleaned)
