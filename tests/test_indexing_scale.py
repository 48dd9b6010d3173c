"""Indexing a batch whose statements name more speakers than SQLite's expression limit."""

import pytest

from articles import indexing
from articles.models import Speaker, SpeakerAlias, Statement
from articles.search import search_statements

pytestmark = pytest.mark.django_db

# SQLite refuses an expression tree deeper than 1,000; the full corpus reached it with
# 500 articles whose statements named more than 1,000 distinct speakers.
SPEAKERS = 1100


def test_a_batch_quoting_more_than_a_thousand_speakers_is_indexed(make_article, settings):
    settings.NEWSARCHIVE_AUTO_INDEX = False
    body = "وقال المتحدث إن الحكومة ستواصل العمل على الإصلاحات الاقتصادية. " * 3
    article = make_article("many-speakers", "تصريحات كثيرة", body)
    speakers = Speaker.objects.bulk_create(
        Speaker(name=f"متحدث {n}", slug=f"speaker-{n}", kind="person") for n in range(SPEAKERS)
    )
    SpeakerAlias.objects.bulk_create(
        SpeakerAlias(speaker=s, name=s.name, normalized=s.name) for s in speakers
    )
    # One statement per speaker, each on its own span of the body.
    spans = [(n % 20, n % 20 + 20 + n // 20) for n in range(SPEAKERS)]
    assert max(end for _, end in spans) <= len(body)
    Statement.objects.bulk_create(
        Statement(article=article, speaker=s, text=body[start:end], kind="reported",
                  start=start, end=end)
        for s, (start, end) in zip(speakers, spans)
    )
    assert indexing.index_articles([article.pk]) == 1
    found = search_statements("الحكومة", per_page=5)
    assert found["total"] > 0
