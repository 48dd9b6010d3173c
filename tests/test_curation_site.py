"""An editor's curation reaches the site (issue 11): one rule for a public statement,
`Statement.objects.public()`, in the pages, the API, the exports, the index and check_index.
"""

import csv
import io
from datetime import datetime, timezone

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles import indexing
from articles.models import ReviewStatus, Statement
from articles.statements import extract_and_store

pytestmark = pytest.mark.django_db(transaction=True)

# A later report that names Blinken by a second spelling of his surname alone: the
# linker cannot be sure it is the same man, so it files him as a speaker of his own.
BBC_BODY = "وقال بلنكن إن الولايات المتحدة ستواصل دعم المفاوضات بين الجانبين حتى التوصل إلى اتفاق."


@pytest.fixture
def archive(seed_article, make_article):
    """The seed article and a second outlet's report, extracted and indexed."""
    bbc = make_article("bbc-blinken-1", "بلنكن يدعو إلى مواصلة المفاوضات", BBC_BODY,
                       source=("بي بي سي عربي", "bbc-arabic"),
                       published=datetime(2023, 9, 21, 8, 0, tzinfo=timezone.utc))
    extract_and_store([bbc.pk])
    indexing.rebuild()
    assert_index_in_step()
    return seed_article


# --- what the site shows -------------------------------------------------------------------


def api_statements(client, **params):
    response = client.get("/api/statements/", {"per_page": 100, **params})
    assert response.status_code == 200, response.content.decode()[:500]
    return response.json()


def csv_statements(client, **params):
    response = client.get("/statements/export.csv", params)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def public_ids():
    return set(Statement.objects.public().values_list("pk", flat=True))


def assert_index_in_step():
    out = io.StringIO()
    call_command("check_index", stdout=out)  # raises CommandError (exit 1) when they differ
    assert "index matches the database" in out.getvalue()
    assert f"{len(public_ids())} in the database, {len(public_ids())} in the index" in out.getvalue()


# --- the rule -----------------------------------------------------------------------------


def test_a_rejected_statement_the_index_still_holds_is_never_shown(client, archive):
    """Between a rejection and its reindex (an index locked by a rebuild, say) the search
    layer still asks the database, whose rule wins."""
    statement = Statement.objects.get(text="أرمينيا تحظى بدعم واشنطن الكامل")
    with indexing.suspended_auto_index():
        Statement.objects.filter(pk=statement.pk).update(status=ReviewStatus.REJECTED)
    assert statement.pk not in {r["id"] for r in api_statements(client)["results"]}
    assert statement.pk not in {int(row["id"]) for row in csv_statements(client)}
    with pytest.raises(CommandError):
        call_command("check_index", stdout=io.StringIO())  # …and check_index says the index lags
    call_command("rebuild_index", stdout=io.StringIO())
    assert_index_in_step()


def test_export_statements_leaves_rejected_statements_out(archive):
    rejected = Statement.objects.get(text="أرمينيا تحظى بدعم واشنطن الكامل")
    rejected.status = ReviewStatus.REJECTED
    rejected.save()
    for fmt in ("jsonl", "csv"):
        out = io.StringIO()
        call_command("export_statements", "--format", fmt, stdout=out)
        assert "أرمينيا تحظى بدعم واشنطن الكامل" not in out.getvalue(), fmt
        assert "وقف القتال على الفور" in out.getvalue(), fmt
