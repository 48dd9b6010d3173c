"""A speaker keeps the titles they were quoted with, with dates (issue 11).

Each statement stores the title its article gave the speaker there
(`Statement.speaker_description`); the exports and the API carry it beside the speaker's
stable id (`speaker_id`, the slug); the speaker page lists every title with the first and
last date an article used it.
"""

import csv
import gzip
import io
import json
from datetime import datetime, timezone

import pytest
from django.core.management import call_command

from articles import indexing
from articles.management.commands.export_statements import COLUMNS
from articles.models import Speaker, Statement
from articles.statements import extract_and_store
from tests.conftest import CORPUS_JSONL, require_corpus

pytestmark = pytest.mark.django_db

BLINKEN = "وقف الأعمال العسكرية على الفور"
GUTERRES = "وقف القتال على الفور"


def statement(text):
    return Statement.objects.select_related("speaker").get(text=text)


def test_each_statement_keeps_the_title_its_article_gave(seed_article):
    assert statement(BLINKEN).speaker_description == "وزير الخارجية الأميركي"
    assert statement(GUTERRES).speaker_description == "الأمين العام للأمم المتحدة"
    # Later in the article he is only "بلينكن": that statement names no title.
    assert statement("أرمينيا تحظى بدعم واشنطن الكامل").speaker_description == ""
    assert statement("أرمينيا تحظى بدعم واشنطن الكامل").speaker == statement(BLINKEN).speaker


def test_a_title_set_off_by_commas_is_stored_without_them(make_article):
    article = make_article("pompeo-1", "بومبيو في الرياض",
                           "وقال وزير الخارجية الأمريكي، مايك بومبيو، إن بلاده تدعم المحادثات بين الجانبين.")
    extract_and_store([article.pk])
    stored = Statement.objects.get(article=article)
    assert (stored.speaker.name, stored.speaker_description) == ("مايك بومبيو", "وزير الخارجية الأمريكي")


def test_statements_stored_before_the_field_get_it_on_the_next_run(seed_article):
    Statement.objects.update(speaker_description="")  # as the migration leaves them
    summary = extract_and_store([seed_article.pk])
    assert summary["updated"] >= 3
    assert statement(BLINKEN).speaker_description == "وزير الخارجية الأميركي"
    assert extract_and_store([seed_article.pk])["updated"] == 0


# --- exports and API -----------------------------------------------------------------------


def export(*args):
    out = io.StringIO()
    call_command("export_statements", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def unattributed(seed_article):
    """One statement an editor left without a speaker."""
    orphan = statement("أرمينيا تحظى بدعم واشنطن الكامل")
    orphan.speaker = None
    orphan.save()
    return orphan


def test_export_statements_carries_the_speaker_id_and_title(seed_article, unattributed):
    assert COLUMNS[1:4] == ["speaker", "speaker_id", "speaker_description"]
    rows = [json.loads(line) for line in export("--format", "jsonl").splitlines()]
    blinken = next(r for r in rows if r["text"] == BLINKEN)
    speaker = Speaker.objects.get(name="أنتوني بلينكن")
    assert (blinken["speaker"], blinken["speaker_id"], blinken["speaker_description"]) == (
        "أنتوني بلينكن", speaker.slug, "وزير الخارجية الأميركي")
    orphan = next(r for r in rows if r["text"] == unattributed.text)
    assert (orphan["speaker"], orphan["speaker_id"], orphan["speaker_description"]) == (None, "", "")

    table = list(csv.DictReader(io.StringIO(export("--format", "csv"))))
    guterres = next(r for r in table if r["text"] == GUTERRES)
    assert guterres["speaker_id"] == Speaker.objects.get(name="أنطونيو جوتيريش").slug
    assert guterres["speaker_description"] == "الأمين العام للأمم المتحدة"
    assert next(r for r in table if r["text"] == unattributed.text)["speaker_id"] == ""


@pytest.mark.django_db(transaction=True)
def test_api_and_csv_export_carry_the_speaker_id_and_title(client, seed_article, unattributed):
    indexing.rebuild()
    results = client.get("/api/statements/", {"per_page": 100}).json()["results"]
    blinken = next(r for r in results if r["text"] == BLINKEN)
    speaker = Speaker.objects.get(name="أنتوني بلينكن")
    assert (blinken["speaker"], blinken["speaker_id"], blinken["speaker_description"]) == (
        "أنتوني بلينكن", speaker.slug, "وزير الخارجية الأميركي")
    assert client.get(f"/speakers/{blinken['speaker_id']}/").status_code == 200
    orphan = next(r for r in results if r["id"] == unattributed.pk)
    assert (orphan["speaker_id"], orphan["speaker_description"]) == ("", "")

    response = client.get("/statements/export.csv")
    text = response.content.decode("utf-8").removeprefix("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[4:7] == ["speaker", "speaker_id", "speaker_description"]
    guterres = next(r for r in rows if r["text"] == GUTERRES)
    assert guterres["speaker_id"] == Speaker.objects.get(name="أنطونيو جوتيريش").slug
    assert guterres["speaker_description"] == "الأمين العام للأمم المتحدة"
    assert next(r for r in rows if r["id"] == str(unattributed.pk))["speaker_id"] == ""


# --- the speaker page ----------------------------------------------------------------------


def dated(day):
    return datetime.fromisoformat(day).replace(hour=10, tzinfo=timezone.utc)


def test_speaker_page_lists_each_title_with_its_first_and_last_date(client, make_article):
    """Pompeo in 2018, as the corpus quotes him: CIA director until April, then Secretary of
    State, the latter title spelt two ways (الأمريكي / الامريكي)."""
    reports = [
        ("sk-1", "2018-03-12", "وقال مدير وكالة المخابرات المركزية الأميركية مايك بومبيو إن الاجتماع ليس مجرد استعراض."),
        ("bb-1", "2018-04-29", "وقال وزير الخارجية الأمريكي مايك بومبيو إن إيران تزعزع استقرار المنطقة."),
        ("cn-1", "2018-10-19", "وقال وزير الخارجية الامريكي مايك بومبيو إن التحقيق يجب أن يكون شفافا."),
        ("fr-1", "2018-07-06", "وقال وزير الخارجية الأمريكي مايك بومبيو إن المحادثات كانت مثمرة."),
    ]
    for external_id, day, body in reports:
        article = make_article(external_id, "بومبيو", body, published=dated(day))
        extract_and_store([article.pk])
    pompeo = Speaker.objects.get(name="مايك بومبيو")
    assert pompeo.statements.count() == 4

    html = client.get(f"/speakers/{pompeo.slug}/").content.decode()
    section = html[html.index('id="titles-heading"'):html.index("</section>", html.index('id="titles-heading"'))]
    cia = section.index("مدير وكالة المخابرات المركزية الأميركية")
    state = section.index("وزير الخارجية الأمريكي")
    assert cia < state, "oldest title first"
    assert "الامريكي" not in section  # the other spelling is the same title
    assert '<time datetime="2018-03-12">12 مارس 2018</time>' in section[cia:state]
    assert "–" not in section[cia:state]  # one day: one date
    assert ('<time datetime="2018-04-29">29 أبريل 2018</time> – <time datetime="2018-10-19">19 أكتوبر 2018</time>'
            in section[state:])
    assert "التصريحات: 3" in section[state:]


def test_rejected_statements_give_the_speaker_no_title(client, seed_article):
    blinken = statement(BLINKEN)
    html = client.get(f"/speakers/{blinken.speaker.slug}/").content.decode()
    assert "وزير الخارجية الأميركي" in html and "دون تاريخ" in html  # the seed article is undated
    blinken.status = "rejected"
    blinken.save()
    html = client.get(f"/speakers/{blinken.speaker.slug}/").content.decode()
    assert 'id="titles-heading"' not in html


@pytest.mark.corpus
def test_pompeo_in_the_corpus_keeps_both_titles_with_their_dates(client, tmp_path):
    """The real articles: one of March 2018 quoting him as CIA director, two after he became
    Secretary of State."""
    from articles.importing.importer import import_paths

    require_corpus(CORPUS_JSONL)
    wanted = {"SK-internationalNews-280-20180312", "BB-internationalNews-435-20180429",
              "CN-middleEast-1616-20181019"}
    lines = []
    with gzip.open(CORPUS_JSONL, "rt", encoding="utf-8") as corpus:
        for line in corpus:
            if json.loads(line)["id"] in wanted:
                lines.append(line)
    assert len(lines) == 3
    path = tmp_path / "pompeo.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    report = import_paths([path])
    assert report.imported == 3 and report.failed == 0, report.failures

    pompeo = Speaker.objects.get(name="مايك بومبيو")
    html = client.get(f"/speakers/{pompeo.slug}/").content.decode()
    section = html[html.index('id="titles-heading"'):]
    assert section.index("مدير وكالة المخابرات المركزية الأميركية") < section.index("وزير الخارجية الأمريكي")
    assert '<time datetime="2018-03-12">' in section
    assert '<time datetime="2018-04-29">29 أبريل 2018</time> – <time datetime="2018-10-19">' in section
