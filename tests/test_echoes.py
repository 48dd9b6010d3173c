"""Where a quote came from: the same statement carried by several articles (articles.quotes.echoes)."""

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.quotes import echoes
from articles.quotes.echoes import Reported, carriers_of, echo_groups, same_statement, content_words

PAIRS = Path(__file__).parent / "gold" / "echo_pairs.json"

# Two real reports of one cabinet meeting (ANT corpus, Sky News Arabia and France 24): the
# same words of the president, one outlet a few hours after the other, each in its spelling.
SKY_BODY = (
    "قال الرئيس الأمريكي دونالد ترامب إن إدارته الأكثر حزما حيال روسيا.\n"
    "وقال ترامب الذي يواجه عاصفة انتقادات بسبب موقفه الذي اعتبر متساهلا جدا مع الرئيس الروسي "
    "فلاديمير بوتن خلال قمة هلسنكي، \"نحن نبلي بلاء حسنا مع روسيا، ربما أفضل من أي طرف على الإطلاق\".\n"
    "وأكد ترامب: \"اعتقد ان الرئيس بوتن يعرف ذلك أكثر من أي شخص آخر .. وبالتأكيد أكثر من الإعلام\"."
)
FRANCE24_BODY = (
    "حمّل الرئيس الأمريكي دونالد ترامب نظيره الروسي مسؤولية التدخل في الانتخابات.\n"
    "وفي وقت سابق الأربعاء كان ترامب قد أكد \"حزمه\" حيال بوتين. فصرح الرئيس الأمريكي \"نحن نبلي "
    "بلاء حسنا مع روسيا، ربما أفضل من أي طرف على الإطلاق\".\n"
    "وأوضح الرئيس الأمريكي دونالد ترامب \"أعتقد أن الرئيس بوتين يعرف ذلك أكثر من أي شخص آخر .. وبالتأكيد أكثر من الإعلام\"."
)
SKY_TIME = datetime(2018, 7, 18, 21, 3, tzinfo=timezone.utc)
FRANCE24_TIME = datetime(2018, 7, 19, 5, 21, tzinfo=timezone.utc)


def test_the_rule_agrees_with_the_hand_labels():
    """240 pairs labelled by hand before the thresholds were chosen (tests/gold/NOTICE).
    docs/statements.md gives the figures on the half the rule was tuned on and the other."""
    pairs = json.loads(PAIRS.read_text())
    predicted = [
        same_statement(content_words(p["a"]["text"]), content_words(p["b"]["text"]))
        and abs(datetime.fromisoformat(p["a"]["published"]) - datetime.fromisoformat(p["b"]["published"]))
        <= echoes.WINDOW
        for p in pairs
    ]
    true_positive = sum(1 for p, said in zip(pairs, predicted) if said and p["same"])
    precision = true_positive / sum(predicted)
    recall = true_positive / sum(1 for p in pairs if p["same"])
    assert precision >= 0.85 and recall >= 0.75, (precision, recall)


def test_a_statement_said_again_a_week_later_is_not_an_echo():
    said = "اعتقد ان الرئيس بوتن يعرف ذلك أكثر من أي شخص آخر وبالتأكيد أكثر من الإعلام"
    first = Reported(1, "trump", "a", SKY_TIME, said)
    echo = Reported(2, "trump", "b", SKY_TIME + timedelta(hours=8), said)
    later = Reported(3, "trump", "c", SKY_TIME + echoes.WINDOW + timedelta(days=4), said)
    other_speaker = Reported(4, "pence", "d", SKY_TIME + timedelta(hours=1), said)
    same_article = Reported(5, "trump", "a", SKY_TIME, said)
    found = carriers_of([first, later], [first, echo, later, other_speaker, same_article])
    assert [r.key for r in found[1]] == [1, 2]
    assert 3 not in found
    assert [[r.key for r in group] for group in echo_groups([first, echo, later, other_speaker])] == [[1, 2]]


def test_a_short_fragment_is_no_evidence():
    assert not same_statement(content_words("قلق بالغ"), content_words("قلق بالغ من التقارير عن اختفاء الصحفي"))


@pytest.fixture
def two_reports(db, make_article):
    from articles import indexing
    from articles.statements import extract_and_store

    sky = make_article("SK-trump-russia", "ترامب: أنا الرئيس الأكثر حزما حيال روسيا", SKY_BODY,
                       source=("سكاي نيوز عربية", "skynews"), published=SKY_TIME)
    france24 = make_article("FR-trump-russia", "ترامب يحمل بوتين شخصيا مسؤولية التدخل", FRANCE24_BODY,
                            source=("فرانس 24", "france24"), published=FRANCE24_TIME)
    extract_and_store([sky.pk, france24.pk])
    indexing.rebuild()
    return sky, france24


def _putin_statement(article):
    return article.statements.get(text__contains="يعرف ذلك")


def test_the_later_report_names_the_first_and_the_first_names_the_later(client, two_reports):
    sky, france24 = two_reports
    assert _putin_statement(sky).speaker == _putin_statement(france24).speaker
    later = client.get(france24.get_absolute_url()).content.decode()
    assert "نقله أولاً" in later and f'href="{sky.get_absolute_url()}#statement-{_putin_statement(sky).pk}"' in later
    first = client.get(sky.get_absolute_url()).content.decode()
    assert "نقله أولاً" not in first
    assert "ونقله أيضاً" in first and f"{france24.get_absolute_url()}#statement-" in first


def test_api_and_exports_carry_first_article_and_echoes(client, two_reports, tmp_path):
    sky, france24 = two_reports
    found = client.get("/api/statements/", {"q": "يعرف ذلك الإعلام"}).json()["results"]
    by_article = {r["article_external_id"]: r for r in found}
    assert by_article[france24.external_id]["first_article"]["external_id"] == sky.external_id
    assert [e["external_id"] for e in by_article[sky.external_id]["echoes"]] == [france24.external_id]
    csv_text = client.get("/statements/export.csv", {"q": "يعرف ذلك الإعلام"}).content.decode("utf-8-sig")
    header, *lines = csv_text.splitlines()
    assert header.endswith("first_article,echoes")
    assert any(line.endswith(f"{sky.external_id},{france24.external_id}") for line in lines)
    out = tmp_path / "statements.jsonl"
    call_command("export_statements", "--format", "jsonl", "--output", str(out))
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    putin = [r for r in rows if "يعرف ذلك" in r["text"]]
    assert {(r["article"], r["first_article"], tuple(r["echoes"])) for r in putin} == {
        (sky.external_id, sky.external_id, (france24.external_id,)),
        (france24.external_id, sky.external_id, (france24.external_id,)),
    }


def test_an_editors_rejection_of_the_first_report_shows_at_once(client, two_reports):
    from articles.models import ReviewStatus

    sky, france24 = two_reports
    first = _putin_statement(sky)
    first.status = ReviewStatus.REJECTED
    first.save()
    later = client.get(france24.get_absolute_url()).content.decode()
    assert "نقله أولاً" not in later
