"""The extractor over real corpus articles: never raises, offsets always exact."""

import gzip
import json
from itertools import islice

import pytest

from articles.quotes.extract import extract_statements
from articles.quotes.speakers import resolve_in_article
from tests.conftest import CORPUS_JSONL, require_corpus

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_every_span_points_into_its_text_on_corpus_articles():
    require_corpus(CORPUS_JSONL)
    found = 0
    with gzip.open(CORPUS_JSONL, "rt", encoding="utf-8") as f:
        # Every 10th of the first 20,000 lines: all five outlets, every section.
        for line in islice(f, 0, 20000, 10):
            article = json.loads(line)
            for text in (article["body"], article["title"], article["abstract"]):
                spans = extract_statements(text)
                resolve_in_article(spans)
                for span in spans:
                    assert text[span.start : span.end] == span.text
                    assert 0 <= span.confidence <= 1
                    if span.speaker_start is not None:
                        assert text[span.speaker_start : span.speaker_end] == span.speaker
                found += len(spans)
    # News reports speech all the time: about four statements per article on average.
    assert found > 2000 * 2
