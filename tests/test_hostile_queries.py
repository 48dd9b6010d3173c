"""Hostile queries (Hypothesis): the parser and the Whoosh query compiler never raise, and
snippets of hostile text are escaped. The strategies are in tests/hostile.py; the search
pages under the same inputs, for every backend, are in tests/backend_contract.py. The
default run is modest (a few hundred examples per property); the `slow` tests run thousands.
"""

import pytest
from hypothesis import given, settings

from articles.text.highlight import snippet
from articles.text.query import ParsedQuery, parse
from articles.text.whoosh_query import ARTICLE_FIELDS, STATEMENT_FIELDS, build
from tests.hostile import hostile

# --- the parser -------------------------------------------------------------------------


def check_parser(text):
    parsed = parse(text)
    assert isinstance(parsed, ParsedQuery)
    for group in parsed.groups:
        assert group, "an empty OR-group"
        for clause in group:
            assert isinstance(clause.text, str)
            assert clause.kind in {"word", "phrase", "field", "date"}
    for fields in (ARTICLE_FIELDS, STATEMENT_FIELDS):
        for exact in (False, True):
            query, terms = build(parsed, fields=fields, exact_mode=exact)
            if query is not None:
                repr(query)  # a malformed Whoosh query tree fails when it is walked
                list(query.iter_all_terms())
            # A snippet of hostile text around hostile terms is escaped HTML.
            check_escaped(snippet(text, terms, length=120))


def check_escaped(fragment):
    without_marks = fragment.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in without_marks and ">" not in without_marks, fragment


@settings(max_examples=400, deadline=None)
@given(hostile)
def test_parser_never_raises_and_snippets_are_escaped(text):
    check_parser(text)


@pytest.mark.slow
@settings(max_examples=4000, deadline=None)
@given(hostile)
def test_parser_never_raises_many(text):
    check_parser(text)


@pytest.mark.parametrize("text", [
    "", " ", '"', '""', '"""', "-", "--", "- -", "OR", "OR OR", "| |", "a OR", "OR a", '-"',
    "source:", "date:", "date:..", "date:2018-02-30", "date:9999-12", "date:0000-00",
    "\x00", "\u202e\u202d", "ـــ", "ًٌٍَُِّْ", "*", "?", "؟", "\\", '"\\"', "((", "))",
    "<script>alert(1)</script>", "a" * 10240, "ب " * 5000,
])
def test_parser_edge_cases(text):
    check_parser(text)


def test_unbalanced_quote_is_read_as_words_with_a_note():
    parsed = parse('"الرئيس اللبناني')
    assert [c.kind for g in parsed.groups for c in g] == ["word", "word"]
    assert parsed.notes


def test_operators_only_leave_nothing_to_search():
    query, _terms = build(parse('- " | OR -- ؟ *'))
    assert query is None
