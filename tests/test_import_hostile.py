"""Broken and hostile input: each gives its exact error, and the good articles around it
are still imported. Big files are generated here, never committed."""

import gzip
import json
import os
import re
import shutil
import time
from datetime import UTC, datetime, timedelta

import pytest

from articles.models import Article, Source
from tests.conftest import SEED_ARTICLE
from tests.test_import import DATA, run_import

pytestmark = pytest.mark.django_db
MB = 1024 * 1024
SEED_TITLE = "قره باخ: أذربيجان تعلق عمليتها العسكرية والانفصاليون يلقون السلاح"


def good_lines():
    """The four valid articles of the committed JSONL fixture (real corpus text)."""
    lines = (DATA / "corpus-lines.jsonl").read_text(encoding="utf-8").splitlines()
    return [lines[0], lines[2], lines[9], lines[10]]


def renamed(line, external_id):
    item = json.loads(line)
    item["id"] = external_id
    return json.dumps(item, ensure_ascii=False)


def test_bad_json_lines_fail_alone_and_the_lines_around_them_are_imported():
    path = DATA / "corpus-lines.jsonl"

    code, out, err = run_import(path)

    assert (code, out) == (1, "imported 4, updated 0, unchanged 0, failed 7\n")
    assert err.splitlines() == [
        f"{path}:2: invalid JSON: Unterminated string starting at column 465",
        f"{path}:4: JSON value is list, not an object",
        f"{path}:5: JSON value is str, not an object",
        f"{path}:6: missing required field(s): title",
        f"{path}:7: JSON nested deeper than 64 levels",
        f"{path}:8: field 'title' is int, not a string",
        f"{path}:12: published is not an ISO 8601 date: '18 فبراير 2018'",
    ]
    imported = {json.loads(line)["id"] for line in good_lines()}
    assert set(Article.objects.values_list("external_id", flat=True)) == imported


def test_script_and_markup_in_the_text_are_stored_as_text():
    run_import(DATA / "corpus-lines.jsonl")

    article = Article.objects.get(external_id=json.loads(good_lines()[3])["id"])
    assert article.title.startswith('<script>alert("x")</script> ')
    assert article.body.endswith('<img src=x onerror=alert(1)> <a href="javascript:alert(1)">رابط</a>')


def test_trec_with_bare_ampersand_markup_and_entities_keeps_the_text():
    path = DATA / "trec-bare-ampersand.txt"

    code, out, err = run_import(path)

    assert (code, out, err) == (0, "imported 2, updated 0, unchanged 0, failed 0\n", "")
    article = Article.objects.get(external_id="BB-culture-1-20180218")
    assert article.title.startswith("الفن & التاريخ: المؤرخ السينمائي أشرف غريب")
    # &quot; decoded; bare & and the legacy "&copy" without ';' left alone; markup kept as text
    assert article.body.splitlines()[0] == 'شركة AT&T و"ديزني" R&D <b>عاجل</b> &copy2018'
    assert Article.objects.filter(external_id__startswith="SK-economy-").count() == 1


def test_trec_with_missing_closing_tags_keeps_every_doc_and_reports_the_one_without_docno():
    path = DATA / "trec-missing-closing-tags.txt"

    code, out, err = run_import(path)

    assert (code, out) == (1, "imported 3, updated 0, unchanged 0, failed 1\n")
    assert err == f"{path}:35: DOC without <DOCNO>\n"
    no_text_close = Article.objects.get(external_id="BB-culture-1-20180218")
    no_doc_close = Article.objects.get(external_id__startswith="SK-economy-")
    complete = Article.objects.get(external_id="FR-middleEast-1-20180218")
    for article in (no_text_close, no_doc_close, complete):
        assert "<" not in article.body, article.external_id
    assert no_text_close.body.startswith("ليست هذه المرة الأولى التي يتحدى فيها أشرف غريب")
    assert no_doc_close.body.count("\n") == 2  # its three lines of text, nothing of the next DOC


def test_empty_file_is_reported_and_the_next_file_still_imports(tmp_path):
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n  \n", encoding="utf-8")
    empty = DATA / "empty.txt"

    code, out, err = run_import(empty, blank, SEED_ARTICLE)

    assert (code, out) == (1, "imported 1, updated 0, unchanged 0, failed 2\n")
    assert err.splitlines() == [f"{empty}: empty file", f"{blank}: empty file"]


def test_non_utf8_file_is_refused_with_the_byte_and_a_hint():
    path = DATA / "seed-cp1256.txt"

    code, out, err = run_import(path, SEED_ARTICLE)

    assert (code, out) == (1, "imported 1, updated 0, unchanged 0, failed 1\n")
    assert err == (
        f"{path}:1: not utf-8 text: byte 0xde at byte 1 of the line "
        "(if the file is Windows Arabic, re-run with --encoding cp1256)\n"
    )


def test_cp1256_file_imports_when_the_encoding_is_given():
    code, out, _ = run_import(DATA / "seed-cp1256.txt", encoding="cp1256")

    assert (code, out) == (0, "imported 1, updated 0, unchanged 0, failed 0\n")
    article = Article.objects.get(external_id="seed-cp1256")
    assert article.title == SEED_TITLE and article.source.name == "ذات مصر"


def test_a_bad_utf8_line_in_jsonl_fails_alone(tmp_path):
    first, second = good_lines()[:2]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(first.encode() + b"\n" + renamed(second, "latin1-line").encode("utf-8").replace(b'"title": "', b'"title": "\xe9', 1) + b"\n" + second.encode() + b"\n")

    code, out, err = run_import(path)

    assert (code, out) == (1, "imported 2, updated 0, unchanged 0, failed 1\n")
    assert err.startswith(f"{path}:2: not utf-8 text: byte 0xe9 at byte ")


def test_truncated_gzip_keeps_the_lines_before_the_cut(tmp_path):
    lines = [renamed(line, f"copy-{n}-{i}") for n in range(30) for i, line in enumerate(good_lines())]
    packed = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 2 // 3])

    code, out, err = run_import(path)

    imported = Article.objects.count()
    assert 0 < imported < len(lines)
    assert code == 1
    assert out == f"imported {imported}, updated 0, unchanged 0, failed 1\n"
    assert err == (
        f"{path}:{imported + 1}: gzip file is truncated (ends before its end-of-stream marker); "
        "the lines before it were read\n"
    )
    assert set(Article.objects.values_list("external_id", flat=True)) == {
        json.loads(line)["id"] for line in lines[:imported]
    }


def test_a_file_that_is_not_gzip_inside_is_reported(tmp_path):
    path = tmp_path / "fake.jsonl.gz"
    path.write_bytes(good_lines()[0].encode("utf-8"))

    code, out, err = run_import(path)

    assert (code, out) == (1, "imported 0, updated 0, unchanged 0, failed 1\n")
    assert err.startswith(f"{path}:1: corrupt gzip data (Not a gzipped file")


def write_zip_bomb(path, first_line, zeros):
    with gzip.open(path, "wb", compresslevel=9) as bomb:
        bomb.write(first_line.encode("utf-8") + b"\n")
        chunk = b"0" * MB
        for _ in range(zeros // MB):
            bomb.write(chunk)


def test_zip_bomb_stops_at_max_bytes_and_keeps_what_came_before(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    write_zip_bomb(path, good_lines()[0], zeros=64 * MB)
    assert path.stat().st_size < MB  # 64 MB of zeros packs into a few hundred kB

    code, out, err = run_import(path, max_bytes=8 * MB)

    assert (code, out) == (1, "imported 1, updated 0, unchanged 0, failed 1\n")
    assert err == (
        f"{path}:2: file is larger than the 8 MB limit (--max-bytes) once decompressed; "
        "the rest of it was not read\n"
    )


def test_overlong_line_is_skipped_without_losing_the_next_ones(tmp_path):
    first, second = good_lines()[:2]
    huge = renamed(first, "huge-1").replace('"body": "', '"body": "' + "ا" * (3 * MB), 1)
    path = tmp_path / "long-line.jsonl"
    path.write_text("\n".join([first, huge, second]) + "\n", encoding="utf-8")

    code, out, err = run_import(path, max_line_bytes=1 * MB)

    assert (code, out) == (1, "imported 2, updated 0, unchanged 0, failed 1\n")
    assert err == f"{path}:2: line is longer than the 1 MB limit ({len(huge.encode()) + 1} bytes); skipped\n"


def test_100_mb_single_line_is_rejected_at_the_default_limit(tmp_path):
    first, second = good_lines()[:2]
    path = tmp_path / "hundred-mb.jsonl"
    with path.open("wb") as out:
        out.write(first.encode() + b"\n" + b'{"id": "huge", "body": "')
        for _ in range(100):
            out.write("ب".encode() * (MB // 2))
        out.write(b'"}\n' + second.encode() + b"\n")
    huge_bytes = 100 * MB + len('{"id": "huge", "body": "') + 3

    code, out, err = run_import(path)

    assert (code, out) == (1, "imported 2, updated 0, unchanged 0, failed 1\n")
    assert err == f"{path}:2: line is longer than the 20 MB limit ({huge_bytes} bytes); skipped\n"


def test_nesting_far_beyond_the_recursion_limit_is_rejected(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 200_000 + "]" * 200_000 + "\n" + good_lines()[0] + "\n", encoding="utf-8")

    code, out, err = run_import(path)

    assert (code, out) == (1, "imported 1, updated 0, unchanged 0, failed 1\n")
    assert err == f"{path}:1: JSON nested deeper than 64 levels\n"


def test_oversized_trec_doc_fails_alone(tmp_path):
    doc = (DATA / "trec-bare-ampersand.txt").read_text(encoding="utf-8")
    swollen = doc.replace("<TEXT>\n", "<TEXT>\n" + ("سطر طويل من النص\n" * 40_000), 1)
    path = tmp_path / "swollen.txt"
    path.write_text(swollen, encoding="utf-8")

    code, out, err = run_import(path, max_line_bytes=MB)

    assert (code, out) == (1, "imported 1, updated 0, unchanged 0, failed 1\n")
    assert err == f"{path}:1: DOC is larger than the 1 MB limit; skipped\n"
    assert Article.objects.get().external_id.startswith("SK-economy-")


def test_a_record_the_database_would_refuse_is_reported_before_writing(tmp_path):
    first, second = good_lines()[:2]
    item = json.loads(renamed(first, "long-url-1"))
    item["url"] = "https://example.com/" + "ا" * 1000
    slash = renamed(second, "a/b")
    path = tmp_path / "refused.jsonl"
    path.write_text("\n".join([first, json.dumps(item, ensure_ascii=False), slash, second]) + "\n", encoding="utf-8")

    code, out, err = run_import(path)

    assert (code, out) == (1, "imported 2, updated 0, unchanged 0, failed 2\n")
    assert err.splitlines() == [
        f"{path}:2: url longer than 1000 characters",
        f"{path}:3: external id 'a/b' contains '/'",
    ]
    assert not Article.objects.filter(external_id__in=["long-url-1", "a/b"]).exists()


REFUSE_SQL = {
    "sqlite": [
        "CREATE TRIGGER refuse_article BEFORE INSERT ON articles_article "
        "WHEN NEW.external_id = 'refused-1' BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END",
    ],
    "postgresql": [
        "CREATE FUNCTION refuse_article() RETURNS trigger AS $$ BEGIN "
        "IF NEW.external_id = 'refused-1' THEN RAISE EXCEPTION 'refused by trigger'; END IF; "
        "RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER refuse_article BEFORE INSERT ON articles_article "
        "FOR EACH ROW EXECUTE FUNCTION refuse_article()",
    ],
}


def test_an_article_the_database_refuses_fails_alone_and_the_rest_of_its_batch_is_written(tmp_path):
    """A real database trigger refuses one row: the batch is rolled back and retried one
    article at a time, so only that article fails and no part of it is stored."""
    from django.db import connection

    if connection.vendor not in REFUSE_SQL:
        pytest.skip(f"no trigger SQL for {connection.vendor}")
    with connection.cursor() as cursor:
        for statement in REFUSE_SQL[connection.vendor]:
            cursor.execute(statement)
    first, second, third = good_lines()[:3]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([first, renamed(second, "refused-1"), third]) + "\n", encoding="utf-8")

    code, out, err = run_import(path)

    assert (code, out) == (1, "imported 2, updated 0, unchanged 0, failed 1\n")
    assert err.startswith(f"{path}:2: database refused the article: refused by trigger")
    assert set(Article.objects.values_list("external_id", flat=True)) == {
        json.loads(first)["id"], json.loads(third)["id"]
    }


def test_windows_line_endings_give_the_same_articles(tmp_path):
    for name in ("trec-bare-ampersand.txt", "corpus-lines.jsonl"):
        crlf = tmp_path / name
        crlf.write_bytes((DATA / name).read_bytes().replace(b"\n", b"\r\n"))
    seed = tmp_path / SEED_ARTICLE.name
    seed.write_bytes(SEED_ARTICLE.read_bytes().replace(b"\n", b"\r\n"))
    run_import(DATA / "trec-bare-ampersand.txt", DATA / "corpus-lines.jsonl", SEED_ARTICLE)

    code, out, _ = run_import(tmp_path)

    assert (code, out) == (1, "imported 0, updated 0, unchanged 7, failed 7\n")


# --- Issue 12: records that used to pass validation or to abort the whole run ----------


def altered(line, **fields):
    """A good line with some fields replaced (None removes the field); a lone surrogate
    is written as its JSON escape ("\\udfff"), as a broken encoder would."""
    item = json.loads(line)
    for name, value in fields.items():
        if value is None:
            item.pop(name, None)
        else:
            item[name] = value
    text = json.dumps(item, ensure_ascii=False)
    return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)


def between_good_lines(tmp_path, bad_line, name="one-bad.jsonl"):
    """A file of a good line, the bad one, another good line; the good ones must import."""
    first, second = good_lines()[:2]
    path = tmp_path / name
    path.write_text("\n".join([first, bad_line, second]) + "\n", encoding="utf-8")
    return path, {json.loads(first)["id"], json.loads(second)["id"]}


@pytest.mark.parametrize("code", ["Al Jazeera", "=evil2", "a b", "مصدر-عربي"])
def test_a_source_code_that_is_not_a_slug_is_refused_by_name(tmp_path, client, code):
    path, good_ids = between_good_lines(tmp_path, altered(good_lines()[2], id="bad-code-1", source_code=code))

    exit_code, out, err = run_import(path)

    assert (exit_code, out) == (1, "imported 2, updated 0, unchanged 0, failed 1\n")
    assert err == (
        f"{path}:2: source_code {code!r} is not a code: "
        "only letters a-z and A-Z, digits, '-' and '_' may be used\n"
    )
    assert set(Article.objects.values_list("external_id", flat=True)) == good_ids
    article = Article.objects.first()
    for page in ("/", article.get_absolute_url(), "/sitemap-sources.xml"):
        assert client.get(page).status_code == 200, page


def test_a_source_code_over_50_characters_is_refused(tmp_path, client):
    path, good_ids = between_good_lines(tmp_path, altered(good_lines()[2], id="long-code-1", source_code="x" * 120))

    exit_code, out, err = run_import(path)

    assert (exit_code, out) == (1, "imported 2, updated 0, unchanged 0, failed 1\n")
    assert err == f"{path}:2: source_code longer than 50 characters\n"
    assert set(Article.objects.values_list("external_id", flat=True)) == good_ids


def test_a_source_stored_with_a_code_that_is_not_a_slug_takes_no_page_down(client):
    """Rows an earlier importer let in: their links go to the search filtered by the source."""
    source = Source.objects.create(name="الجزيرة", code="Al Jazeera")
    article = Article.objects.create(
        external_id="aj-1", title="عنوان", body="نص", source=source, content_hash="0" * 64,
    )

    for page in ("/", article.get_absolute_url(), "/sitemap-sources.xml"):
        response = client.get(page)
        assert response.status_code == 200, page
    assert 'href="/search/?source=Al+Jazeera"' in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("id", "bad-\udfff", "external id contains U+DFFF, a lone surrogate (not a character)"),
    ("title", "عنوان \udfff", "title contains U+DFFF, a lone surrogate (not a character)"),
    ("body", "\ud800 نص", "body contains U+D800, a lone surrogate (not a character)"),
    ("author", "كاتب\udfff", "author contains U+DFFF, a lone surrogate (not a character)"),
    ("source", "مصدر\udfff", "source contains U+DFFF, a lone surrogate (not a character)"),
    ("category", "قسم\udfff", "section contains U+DFFF, a lone surrogate (not a character)"),
    ("published", "0001-01-01T00:00:00+14:00",
     "published is outside the dates that can be stored: '0001-01-01T00:00:00+14:00'"),
    ("published", "9999-12-31T23:59:59-12:00",
     "published is outside the dates that can be stored: '9999-12-31T23:59:59-12:00'"),
])
def test_a_value_that_used_to_abort_the_run_fails_alone(tmp_path, field, value, reason):
    fields = {"id": "odd-1", field: value}
    if field == "source":
        fields["source_code"] = None  # so the code comes from the name
    path, good_ids = between_good_lines(tmp_path, altered(good_lines()[2], **fields))

    exit_code, out, err = run_import(path)

    assert (exit_code, out) == (1, "imported 2, updated 0, unchanged 0, failed 1\n")
    assert err == f"{path}:2: {reason}\n"
    assert set(Article.objects.values_list("external_id", flat=True)) == good_ids


def test_an_integer_of_more_than_4300_digits_fails_alone(tmp_path):
    bad = altered(good_lines()[2], id="big-number-1")[:-1] + ', "views": ' + "9" * 5000 + "}"
    path, good_ids = between_good_lines(tmp_path, bad)

    exit_code, out, err = run_import(path)

    assert (exit_code, out) == (1, "imported 2, updated 0, unchanged 0, failed 1\n")
    assert err == f"{path}:2: invalid JSON: a number longer than 4300 digits\n"
    assert set(Article.objects.values_list("external_id", flat=True)) == good_ids


def test_file_names_that_are_not_utf8_stop_nothing(tmp_path):
    first = good_lines()[0]
    name = os.fsdecode(b"caf\xe9.jsonl")  # a Latin-1 file name on a UTF-8 system
    path = tmp_path / name
    path.write_text(first + "\n", encoding="utf-8")
    plain = tmp_path / os.fsdecode(b"caf\xe9.txt")  # its name would be the external id
    shutil.copy(SEED_ARTICLE, plain)

    exit_code, out, err = run_import(path, plain)

    assert (exit_code, out) == (1, "imported 1, updated 0, unchanged 0, failed 1\n")
    assert err == f"{tmp_path}/caf\\xe9.txt: external id contains U+DCE9, a lone surrogate (not a character)\n"
    assert Article.objects.get().import_path == f"{tmp_path}/caf\\xe9.jsonl:1"


def test_control_characters_are_stripped_from_every_text_field(tmp_path):
    line = altered(
        good_lines()[0], id="controls-1", title="عنوان\x01 المقال\ufffe", body="فقرة\x0cأولى\x7f\n\nفقرة\x9b ثانية\uffff",
        abstract="\x1bملخص", author="كاتب\x85مجهول", category="قسم\x08", source_code=None, source="مصدر\x02 جديد",
        url="https://example.com/\x07a",
    )
    trec = "<DOC>\n<DOCNO>trec-controls-1</DOCNO>\n<SRC>BBC</SRC>\n<TITLE>عنوان\x01 تريك</TITLE>\n<TEXT>\nنص\x1f تريك\n</TEXT>\n</DOC>\n"
    plain = "عنوان\x01 نصي\n\nذات مصر\n\nفقرة\x0b نصية\n"
    (tmp_path / "controls.jsonl").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "controls.trec").write_text(trec, encoding="utf-8")
    (tmp_path / "plain-controls.txt").write_text(plain, encoding="utf-8")

    first = run_import(tmp_path)
    again = run_import(tmp_path)

    assert first == (0, "imported 3, updated 0, unchanged 0, failed 0\n", "")
    assert again == (0, "imported 0, updated 0, unchanged 3, failed 0\n", "")
    article = Article.objects.get(external_id="controls-1")
    assert article.title == "عنوان المقال"
    assert article.body == "فقرة أولى\n\nفقرة ثانية"  # a control that is a space in Python becomes one
    assert (article.abstract, article.author, article.section.name) == ("ملخص", "كاتب مجهول", "قسم")
    assert (article.source.name, article.url) == ("مصدر جديد", "https://example.com/a")
    trec_article = Article.objects.get(external_id="trec-controls-1")
    assert (trec_article.title, trec_article.body) == ("عنوان تريك", "نص  تريك")
    assert Article.objects.get(external_id="plain-controls").title == "عنوان نصي"


def test_a_nul_character_still_refuses_the_record(tmp_path):
    path, _ = between_good_lines(tmp_path, altered(good_lines()[2], id="nul-1", body="نص\x00"))

    assert run_import(path)[:2] == (1, "imported 2, updated 0, unchanged 0, failed 1\n")


@pytest.mark.parametrize(("external_id", "reason"), [
    (".", "external id '.' is a path step ('.' or '..'), not a name"),
    ("..", "external id '..' is a path step ('.' or '..'), not a name"),
    ("a\x85b", "external id 'a\\x85b' contains '\\x85'"),
    ("a\u00a0b", "external id 'a\\xa0b' contains '\\xa0'"),
    ("a\u2028b", "external id 'a\\u2028b' contains '\\u2028'"),
    ("a\ufffeb", "external id 'a\\ufffeb' contains '\\ufffe'"),
    # invisible: two addresses that look the same (hostile testing)
    ("a\u200bb", "external id 'a\\u200bb' contains '\\u200b'"),
    ("a\u202eb", "external id 'a\\u202eb' contains '\\u202e'"),
])
def test_an_external_id_that_makes_a_bad_address_is_refused(tmp_path, external_id, reason):
    path, good_ids = between_good_lines(tmp_path, altered(good_lines()[2], id=external_id))

    exit_code, out, err = run_import(path)

    assert (exit_code, out) == (1, "imported 2, updated 0, unchanged 0, failed 1\n")
    assert err == f"{path}:2: {reason}\n"
    assert set(Article.objects.values_list("external_id", flat=True)) == good_ids


def test_a_publication_date_far_in_the_future_is_refused(tmp_path):
    soon = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    later = (datetime.now(UTC) + timedelta(days=30)).replace(microsecond=0)
    lines = [
        altered(good_lines()[0], id="far-future", published="9999-12-15T10:00:00Z"),
        altered(good_lines()[1], id="next-month", published=later.isoformat()),
        altered(good_lines()[2], id="tomorrow", published=soon.isoformat()),
    ]
    trec = "<DOC>\n<DOCNO>trec-future</DOCNO>\n<SRC>BBC</SRC>\n<TITLE>عنوان</TITLE>\n<TIME>Wed, 15 Dec 9999 10:00:00 GMT</TIME>\n<TEXT>\nنص\n</TEXT>\n</DOC>\n"
    path = tmp_path / "future.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    trec_path = tmp_path / "future.trec"
    trec_path.write_text(trec, encoding="utf-8")

    exit_code, out, err = run_import(path, trec_path)

    assert (exit_code, out) == (1, "imported 1, updated 0, unchanged 0, failed 3\n")
    assert err.splitlines() == [
        f"{path}:1: published 9999-12-15 is in the future (more than 2 days after today)",
        f"{path}:2: published {later.date()} is in the future (more than 2 days after today)",
        f"{trec_path}:1: published 9999-12-15 is in the future (more than 2 days after today)",
    ]
    assert Article.objects.get().external_id == "tomorrow"


def write_newline_bomb(path, first_line, newlines):
    with gzip.open(path, "wb", compresslevel=9) as bomb:
        bomb.write(first_line.encode("utf-8") + b"\n")
        chunk = b"\n" * MB
        for _ in range(newlines // MB):
            bomb.write(chunk)
        bomb.write(first_line.replace("FR-", "FR2-").encode("utf-8") + b"\n")


def test_a_newline_gzip_bomb_is_refused_within_seconds(tmp_path):
    path = tmp_path / "newlines.jsonl.gz"
    write_newline_bomb(path, good_lines()[0], newlines=96 * MB)

    started = time.process_time()
    exit_code, out, err = run_import(path, max_bytes=64 * MB)
    spent = time.process_time() - started

    assert (exit_code, out) == (1, "imported 1, updated 0, unchanged 0, failed 1\n")
    limit_line = 64 * MB - len(good_lines()[0].encode()) + 1  # the newline that crosses the limit
    assert err == (
        f"{path}:{limit_line}: file is larger than the 64 MB limit (--max-bytes) once decompressed; "
        "the rest of it was not read\n"
    )
    assert spent < 10, f"{spent:.1f} s of CPU to refuse 64 MB of blank lines"


def test_blank_lines_keep_their_numbers_and_their_place_in_the_text(tmp_path):
    first, second = good_lines()[:2]
    path = tmp_path / "gaps.jsonl"
    path.write_text(first + "\n" + "\n  \r\n" * 5000 + "{oops\n" + "\n" * 3 + second + "\n", encoding="utf-8")
    trec_path = tmp_path / "gaps.trec"
    trec_path.write_text(
        "\n" * 3000 + "<DOC>\n<DOCNO>gaps-1</DOCNO>\n<SRC>BBC</SRC>\n<TITLE>عنوان</TITLE>\n<TEXT>\nفقرة"
        + "\n" * 9000 + "فقرة\n</TEXT>\n</DOC>\n\n\n<DOC>\n<SRC>BBC</SRC></DOC>\n",
        encoding="utf-8",
    )

    exit_code, out, err = run_import(path, trec_path)

    assert (exit_code, out) == (1, "imported 3, updated 0, unchanged 0, failed 2\n")
    assert err.splitlines() == [
        f"{path}:10002: invalid JSON: Expecting property name enclosed in double quotes at column 2",
        f"{trec_path}:12011: DOC without <DOCNO>, <TITLE>, <TEXT>",
    ]
    assert Article.objects.get(external_id="gaps-1").body == "فقرة" + "\n" * 9000 + "فقرة"


def test_utf8_lines_in_a_cp1256_file_are_read_as_utf8(tmp_path):
    first, second, third = good_lines()[:3]
    path = tmp_path / "mixed-encodings.jsonl"
    path.write_bytes(first.encode("utf-8") + b"\n" + second.encode("cp1256") + b"\n" + third.encode("utf-8") + b"\n")

    plain = run_import(path)
    windows = run_import(path, encoding="cp1256")
    again = run_import(path, encoding="cp1256")

    assert plain[:2] == (1, "imported 2, updated 0, unchanged 0, failed 1\n")
    assert windows == (0, "imported 1, updated 0, unchanged 2, failed 0\n", "")
    assert again == (0, "imported 0, updated 0, unchanged 3, failed 0\n", "")
    for line in (first, second, third):
        item = json.loads(line)
        assert Article.objects.get(external_id=item["id"]).title == item["title"].strip()


def test_bad_lines_are_each_reported_as_they_come_and_not_all_held(tmp_path):
    """Hostile testing: 3 million `{}` lines (an 8.8 kB gzip) held 840 MB of failures."""
    from articles.importing.importer import import_paths
    from articles.importing.upsert import MAX_KEPT_FAILURES

    path = tmp_path / "empty.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b"{}\n" * (MAX_KEPT_FAILURES + 5_000))
    seen = []
    report = import_paths([path], process=False, on_failure=seen.append)
    assert report.failed == len(seen) == MAX_KEPT_FAILURES + 5_000  # every one, as it came
    assert len(report.failures) == MAX_KEPT_FAILURES
    assert str(seen[-1]).startswith(f"{path}:{MAX_KEPT_FAILURES + 5_000}: ")


def test_one_file_giving_one_id_twice_keeps_the_first_and_refuses_the_second(tmp_path):
    """Hostile testing: a file repeating an id was silently last-wins, and every re-run
    reported 'updated 2' and rewrote, re-extracted and reindexed the article."""
    first, second = good_lines()[:2]
    path = tmp_path / "twice.jsonl"
    path.write_text(first + "\n" + renamed(second, json.loads(first)["id"]) + "\n", encoding="utf-8")

    code, out, err = run_import(path)
    assert (code, out) == (1, "imported 1, updated 0, unchanged 0, failed 1\n")
    assert f"{path}:2: id {json.loads(first)['id']!r} already given at line 1 of this file" in err
    assert Article.objects.get().title == json.loads(first)["title"]

    code, out, _ = run_import(path)
    assert (code, out) == (1, "imported 0, updated 0, unchanged 1, failed 1\n")


def test_outlets_named_in_other_scripts_stay_apart_and_codes_ignore_case(tmp_path):
    """Hostile testing: Известия, Коммерсантъ, 中文 and !!! all became the outlet 'source',
    and source_code BBC made an outlet apart from bbc."""
    line = json.loads(good_lines()[0])
    items = []
    for n, name in enumerate(["Известия", "Коммерсантъ", "中文", "!!!"]):
        item = {k: v for k, v in line.items() if k != "source_code"}
        items.append({**item, "id": f"script-{n}", "source": name})
    items.append({**line, "id": "upper-1", "source_code": "BBC"})
    items.append({**line, "id": "lower-1", "source_code": "bbc"})
    path = tmp_path / "outlets.jsonl"
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")

    code, out, err = run_import(path)
    assert code == 0, err
    codes = {a.external_id: a.source.code for a in Article.objects.select_related("source")}
    assert len({codes[f"script-{n}"] for n in range(4)}) == 4
    assert codes["upper-1"] == codes["lower-1"] == "bbc"


def test_a_trec_year_rfc_2822_cannot_read_as_written_is_refused(tmp_path):
    """Hostile testing: <TIME> with year 0001 was stored as 2000-12-31 (RFC 2822 reads a
    year under 100 as 19xx/20xx); JSONL kept year 1."""
    trec = ("<DOC>\n<DOCNO>trec-year-1</DOCNO>\n<SRC>BBC</SRC>\n<TITLE>عنوان</TITLE>\n"
            "<TIME>Mon, 01 Jan 0001 10:00:00 GMT</TIME>\n<TEXT>\nنص\n</TEXT>\n</DOC>\n")
    path = tmp_path / "year1.trec"
    path.write_text(trec, encoding="utf-8")
    exit_code, out, err = run_import(path)
    assert (exit_code, out) == (1, "imported 0, updated 0, unchanged 0, failed 1\n")
    assert "TIME year 0001 cannot be read as written" in err
    assert not Article.objects.exists()


def test_a_re_run_indexes_what_a_killed_import_stored_and_extracted_but_never_indexed(tmp_path, index_dir):
    """Hostile testing: an import killed after extracting a batch and before indexing it was
    reported complete by the re-run ('unchanged'), and those articles stayed out of search
    until someone ran rebuild_index."""
    from articles import indexing
    from articles.importing.importer import import_paths
    from articles.statements import extract_and_store

    first, rest = good_lines()[0], good_lines()[1:]
    early, late = tmp_path / "early.jsonl", tmp_path / "late.jsonl"
    early.write_text(first + "\n", encoding="utf-8")
    late.write_text("\n".join(rest) + "\n", encoding="utf-8")
    import_paths([early])  # the archive and its index
    # The killed run: `late` stored and extracted, its index writes never made.
    import_paths([late], process=False)
    extract_and_store(list(Article.objects.exclude(external_id=json.loads(first)["id"]).values_list("pk", flat=True)))
    assert len(indexing.check()["missing"]) == len(rest)

    report = import_paths([late])
    assert (report.imported, report.unchanged, report.failed) == (0, len(rest), 0)
    assert indexing.check()["missing"] == [] and indexing.check()["stale"] == []
