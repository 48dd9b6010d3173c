"""Each statement keeps the title its article gave the speaker there
(`Statement.speaker_description`); the exports and the API carry it beside the speaker's
stable id (`speaker_id`, the slug). Issue 11.
"""

import csv
import io
import json

import pytest
from django.core.management import call_command

from articles import indexing
from articles.management.commands.export_statements import COLUMNS
from articles.models import Speaker, Statement
from articles.statements import extract_and_store

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
    text = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[4:7] == ["speaker", "speaker_id", "speaker_description"]
    guterres = next(r for r in rows if r["text"] == GUTERRES)
    assert guterres["speaker_id"] == Speaker.objects.get(name="أنطونيو جوتيريش").slug
    assert guterres["speaker_description"] == "الأمين العام للأمم المتحدة"
    assert next(r for r in rows if r["id"] == str(unattributed.pk))["speaker_id"] == ""
