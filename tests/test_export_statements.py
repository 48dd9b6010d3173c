"""export_statements: every column, both formats, one article, and no CSV injection."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Speaker, Statement
from articles.statements import extract_and_store
from articles.management.commands.export_statements import COLUMNS

pytestmark = pytest.mark.django_db



def export(*args):
    out = io.StringIO()
    call_command("export_statements", *args, stdout=out)
    return out.getvalue()


def test_jsonl_has_every_column(seed_article):
    lines = export("--format", "jsonl").splitlines()
    assert len(lines) == 15
    rows = [json.loads(line) for line in lines]
    assert all(list(row) == COLUMNS for row in rows)
    guterres = next(r for r in rows if r["speaker"] == "أنطونيو جوتيريش")
    assert guterres["article"] == seed_article.external_id
    assert guterres["speaker_kind"] == "person"
    assert guterres["kind"] == "partial"
    assert guterres["text"] == "وقف القتال على الفور"
    assert seed_article.body[guterres["start"] : guterres["end"]] == guterres["text"]
    assert guterres["status"] == "unreviewed"
    assert rows == sorted(rows, key=lambda r: r["start"])


def test_csv_round_trips_arabic(seed_article, tmp_path):
    path = tmp_path / "statements.csv"
    call_command("export_statements", "--format", "csv", "--output", str(path), stderr=io.StringIO())
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 15
    assert {r["speaker"] for r in rows} >= {"روبن فاردانيان", "موسكو"}
    direct = next(r for r in rows if r["kind"] == "direct")
    assert direct["channel"] == 'لـ"رويترز"'


def test_csv_cells_cannot_run_as_formulas(seed_article):
    st = Statement.objects.first()
    st.text = "=HYPERLINK(\"http://evil\")"
    st.verb = "+1"
    st.save()
    Speaker.objects.filter(pk=st.speaker_id).update(name="@SUM(A1)")
    rows = list(csv.reader(io.StringIO(export("--format", "csv"))))
    row = next(r for r in rows if "HYPERLINK" in r[COLUMNS.index("text")])
    assert row[COLUMNS.index("text")].startswith("'=")
    assert row[COLUMNS.index("verb")] == "'+1"
    assert row[COLUMNS.index("speaker")] == "'@SUM(A1)"


def test_one_article_only_and_unknown_article(seed_article):
    Article.objects.create(external_id="other", title="آخر", body="وقال الوزير إن الاجتماع انتهى دون اتفاق.",
                           source=seed_article.source, content_hash="y" * 64)
    extract_and_store(Article.objects.values_list("pk", flat=True))
    rows = [json.loads(line) for line in export("--article", "other").splitlines()]
    assert {r["article"] for r in rows} == {"other"}
    with pytest.raises(CommandError, match="no-such-article"):
        export("--article", "no-such-article")


@pytest.mark.slow
def test_piping_into_head_stops_quietly(tmp_path):
    """`export_statements | head -n 3`: the closed pipe ends the export, without a traceback."""
    import subprocess

    from tests.conftest import ROOT
    from tests.test_faults import Site, synthetic_articles, write_jsonl

    site = Site(tmp_path)
    site.ok("migrate", "--noinput", "-v", "0")
    site.ok("import_articles", "--no-progress", write_jsonl(tmp_path / "a.jsonl", synthetic_articles("هـ", 400)))
    # Far more than a pipe buffer (64 kB), so the export is still writing when head leaves.
    assert site.sql("SELECT sum(length(text)) FROM articles_statement")[0][0] > 200_000
    export = subprocess.Popen(site.argv("export_statements"), cwd=ROOT, env=site.env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.run(["head", "-n", "3"], stdin=export.stdout, capture_output=True, timeout=120)
    export.stdout.close()
    errors = export.stderr.read().decode()
    assert export.wait(120) == 0, errors
    assert "BrokenPipe" not in errors and "Traceback" not in errors, errors
    assert len(head.stdout.decode().splitlines()) == 3


class _StoppedAfterOneRow(Exception):
    """An export stopped half way: the operator's Ctrl-C, a lost database connection."""


def test_an_export_stopped_half_way_leaves_no_file_that_looks_complete(seed_article, tmp_path):
    from articles.management.commands.export_statements import Command

    class Interrupted(Command):
        def rows(self, external_ids):
            rows = super().rows(external_ids)
            yield next(rows)
            raise _StoppedAfterOneRow

    target = tmp_path / "statements.csv"
    call_command("export_statements", "--format", "csv", "--output", str(target), stderr=io.StringIO())
    complete = target.read_bytes()
    assert complete.count(b"\n") == 16  # the header and the 15 statements
    for path in (target, tmp_path / "new.csv"):
        with pytest.raises(_StoppedAfterOneRow):
            call_command(Interrupted(), "--format", "csv", "--output", str(path), stderr=io.StringIO())
    assert target.read_bytes() == complete  # the last complete export, not a shorter one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["statements.csv"]  # nothing half-written
