"""The issue's "done" path through the real pipeline, not hand-made rows: import the seed
article with `import_articles` (extraction and indexing included), search جوتيريش, land on
the article with the term highlighted and Guterres's statement marked, click through to
his speaker page, then the search's feed and CSV."""

import re

import pytest
from django.core.management import call_command

from tests.conftest import SEED_ARTICLE

pytestmark = pytest.mark.django_db


def test_newcomer_path_on_the_imported_seed(client):
    call_command("import_articles", str(SEED_ARTICLE), "--no-progress", verbosity=0)

    search = client.get("/search/", {"q": "جوتيريش"})
    assert search.status_code == 200
    links = re.findall(r'<h3 class="result-title"><a href="([^"]+)"', search.content.decode())
    assert len(links) == 1

    article = client.get(links[0].replace("&amp;", "&")).content.decode()
    assert article.count("<mark>جوتيريش</mark>") == 1
    quote = re.search(r'<span class="statement[^"]*" id="statement-\d+"[^>]*title="المتحدث: ([^"]+)"[^>]*>(?:&quot;)?وقف القتال على الفور(?:&quot;)?</span>', article)
    assert quote, "Guterres's statement is marked in place"
    assert "جوتيريش" in quote.group(1)

    speaker_url = re.search(r'<a href="(/speakers/[^"]+)"><bdi>' + re.escape(quote.group(1)) + "</bdi>", article).group(1)
    speaker = client.get(speaker_url)
    assert speaker.status_code == 200
    assert "وقف القتال على الفور" in speaker.content.decode()

    feed = client.get("/search/feed/", {"q": "جوتيريش"})
    assert feed.status_code == 200 and b"<entry>" in feed.content
    export = client.get("/search/export.csv", {"q": "جوتيريش"})
    assert export.status_code == 200
    assert len(export.content.decode("utf-8").strip().splitlines()) == 2
