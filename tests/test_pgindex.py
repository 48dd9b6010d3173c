"""The PostgreSQL index's plain-Python half: rows and query trees (no database needed).

The tsvector a row stores must hold, field by field, the very terms and positions the
Whoosh field indexes (articles.text.analysis.term_positions is the reference), or the two
backends would find different articles. The query compiler must make the same tree as
articles.text.query.build, over the field-prefixed lexemes.
"""

import gzip
import json
import re
from datetime import datetime
from itertools import islice

import pytest

from articles.text import pgindex
from articles.text import query as q
from articles.text.analysis import light_stem, surface_pair, term_positions, words_with_offsets
from articles.text.skeleton import skeleton
from articles.text.schema import ARTICLES, SCHEMAS, STATEMENTS
from articles.text.store import article_document, statement_document
from tests.conftest import CORPUS_JSONL, SEED_ARTICLE

LEXEME_RE = re.compile(r"'((?:[^']|'')*)'(?::([\d,]+))?")


def parse_tsvector(literal):
    """{lexeme: [positions]} of a tsvector literal as pgindex writes it."""
    return {m.group(1).replace("''", "'"): [int(p) for p in (m.group(2) or "").split(",") if p]
            for m in LEXEME_RE.finditer(literal)}


def expected_lexemes(doc, kind):
    """What the Whoosh schema's fields index, with pgindex's field letters and 1-based
    positions: the reference the tsvector must equal."""
    schema = SCHEMAS[kind]()
    found, lengths = {}, []
    for name, code in pgindex.FIELDS[kind]:
        terms = term_positions(doc.get(name) or "", schema[name].form)
        lengths.append(sum(len(p) for p in terms.values()))
        for term, positions in terms.items():
            found[code + term] = [p + 1 for p in positions]
    if kind == ARTICLES:
        for word, _, _ in words_with_offsets(doc.get("surface") or ""):
            if surface_pair(word):
                found[pgindex.SURFACE_CODE + surface_pair(word)] = []
    return found, lengths


def corpus_articles(n):
    with gzip.open(CORPUS_JSONL, "rt", encoding="utf-8") as stream:
        for line in islice(stream, n):
            d = json.loads(line)
            yield {"external_id": d["id"], "title": d["title"], "abstract": d.get("abstract") or "",
                   "body": d.get("body") or "", "source_code": d.get("source_code") or "",
                   "source_name": d.get("source") or "", "section": d.get("category") or "",
                   "author": d.get("author") or "", "published": datetime(2018, 2, 1),
                   "statements": ["قال الوزير إن الحكومة ستجتمع غدا"],
                   "speakers": [{"slug": "minister", "names": ["وزير الخارجية"]}]}


def seed_article():
    blocks = SEED_ARTICLE.read_text(encoding="utf-8").split("\n\n")
    return {"external_id": "seed", "title": blocks[0], "abstract": "",
            "body": "\n\n".join(blocks[2:]), "source_code": "dhat-msr", "source_name": blocks[1],
            "section": "", "author": "", "published": None, "statements": [], "speakers": []}


def test_a_row_holds_every_field_as_the_whoosh_fields_index_it():
    records = [seed_article()]
    if CORPUS_JSONL.exists():
        records += list(corpus_articles(60))
    for record in records:
        row, words = pgindex.article_row(1, record)
        columns = dict(zip(pgindex.ARTICLE_COLUMNS, row))
        expected, lengths = expected_lexemes(article_document(record), ARTICLES)
        assert parse_tsvector(columns["terms"]) == expected, record["external_id"]
        assert columns["lengths"] == lengths
        assert words == {lex[1:] for lex in expected if lex[0] in "TX"}


def test_a_statement_row_holds_its_fields():
    record = {"id": 7, "article_id": "seed", "text": "قال غوتيريش إن الحل في قره باخ سياسي",
              "speaker_slug": "guterres", "speaker_names": ["أنطونيو غوتيريش"], "kind": "reported",
              "source_code": "bbc", "source_name": "بي بي سي", "section": "العالم",
              "published": datetime(2018, 2, 1)}
    row = dict(zip(pgindex.STATEMENT_COLUMNS, pgindex.statement_row(3, record)))
    expected, lengths = expected_lexemes(statement_document(record), STATEMENTS)
    assert parse_tsvector(row["terms"]) == expected
    assert row["lengths"] == lengths and (row["statement_id"], row["article_id"]) == (7, 3)
    assert "Nغوتيريش" in expected and "kكترس" in expected  # names and the skeleton
    assert "nكترس" in expected and "nانتن" in expected  # the names' skeletons


def test_positions_past_the_tsvector_limit_are_kept_in_range():
    body = " ".join(["كلمة"] * 300 + ["سطر"] * 16_500 + ["نهاية"])
    row = dict(zip(pgindex.ARTICLE_COLUMNS, pgindex.article_row(
        1, {"external_id": "long", "title": "طويل", "body": body})[0]))
    lexemes = parse_tsvector(row["terms"])
    assert len(lexemes["Xكلمه"]) == pgindex.MAX_POSITIONS
    assert max(lexemes["Xنهايه"]) == pgindex.MAX_POSITION
    exact_text = [name for name, _ in pgindex.FIELDS[ARTICLES]].index("exact_text")
    assert row["lengths"][exact_text] == 16_801  # every word counts in the length


def compiled(text, **options):
    node, negatives, highlight = pgindex.compile_query(q.parse(text), **options)
    where, params = pgindex.to_sql(node)
    negated = [pgindex.to_sql(n) for n in negatives]
    return where, params, negated, highlight


def test_a_word_is_any_of_its_forms_in_every_field_with_whoosh_boosts():
    node, _, _ = pgindex.compile_query(q.parse("الأسواق"))
    assert [(t.lexeme, t.boost) for t in node.children] == [
        ("Tالاسواق", 4.0), ("Xالاسواق", 1.0), ("Nالاسواق", 1.0),
        ("tاسواق", 5.0), ("xاسواق", 1.0), ("qاسواق", 0.5), ("k" + skeleton("الاسواق"), 0.2),
        ("n" + skeleton("الاسواق"), 0.2)]
    exact, _, _ = pgindex.compile_query(q.parse("الأسواق"), exact_mode=True)
    assert [t.lexeme for t in exact.children] == ["Tالاسواق", "Xالاسواق", "Nالاسواق"]


def test_phrases_or_groups_and_exclusions_become_one_tsquery():
    where, params, negated, highlight = compiled('"بلدات وقرى" النفط OR غزة -أرمينيا')
    stem = light_stem("ارمينيا")
    assert where == "terms @@ %s::tsquery"
    assert params[0].startswith("((('Tبلدات' <-> 'Tوقري') | ('Xبلدات' <-> 'Xوقري')) & ((")
    assert "'Xغزه'" in params[0] and "'Xالنفط'" in params[0]
    assert negated == [("terms @@ %s::tsquery", ["('Tارمينيا' | 'Xارمينيا' | 'Nارمينيا' | "
                                                 f"'t{stem}' | 'x{stem}' | 'q{stem}' | "
                                                 f"'k{skeleton('ارمينيا')}' | "
                                                 f"'n{skeleton('ارمينيا')}')"])]
    assert "ارمينيا" not in highlight.exact and "بلدات" in highlight.exact


def test_fields_and_dates_become_column_conditions():
    where, params, _, _ = compiled('source:BBC section:العالم date:2018-02 speaker:"روبن فاردانيان"')
    assert "(source = %s OR source_norm = %s)" in where and "(section_norm = %s)" in where
    assert "(published >= %s AND published <= %s)" in where
    assert "(%s = ANY(speakers))" in where
    assert params[:3] == ["bbc", "bbc", "العالم"]
    assert params[3:5] == [datetime(2018, 2, 1), datetime(2018, 2, 28, 23, 59, 59, 999999)]
    # The name as written, or (at the skeleton's boost) another spelling of it.
    assert params[-2:] == ["('Nروبن' <-> 'Nفاردانيان')", "('nربن' <-> 'nفردن')"]
    assert compiled('speaker:"روبن فاردانيان"', exact_mode=True)[1][-1] == "('Nروبن' <-> 'Nفاردانيان')"


def test_neutral_filters_become_column_conditions():
    parts, params = pgindex.filter_conditions(
        {"source": "bbc", "section": "اقتصاد", "kind": "reported", "year": "2018", "month": "2018-03",
         "date_from": datetime(2018, 3, 1)}, ARTICLES)
    assert parts == ["source = %s", "section = %s", "year = %s", "month = %s", "published >= %s"]
    assert params == ["bbc", "اقتصاد", "2018", "2018-03", datetime(2018, 3, 1)]
    parts, _ = pgindex.filter_conditions({"speaker": "guterres", "kind": "reported"}, STATEMENTS)
    assert parts == ["speaker = %s", "kind = %s"]


def test_term_frequencies_are_read_from_the_filtered_tsvector():
    assert pgindex._frequencies("'Xترامب':3A,17A,40A 'tترامب':5A 'sاذربيجان|أذربيجان':9A") == {
        "Xترامب": 3, "tترامب": 1, "sاذربيجان|أذربيجان": 1}
    assert pgindex._frequencies("") == {} and pgindex._frequencies(None) == {}
