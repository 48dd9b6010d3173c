"""The query language: parsing (including junk) and the Whoosh queries it becomes."""

from datetime import datetime

import pytest
from whoosh import query as wq

from articles.text.query import escape_as_words, parse, parse_date_range
from articles.text.whoosh_query import build


def shape(parsed):
    """[[(kind, text, negated, field)]] for compact tables."""
    return [[(c.kind, c.text, c.negated, c.field) for c in group] for group in parsed.groups]


@pytest.mark.parametrize("text, expected", [
    ("جوتيريش قره باخ", [[("word", "جوتيريش", False, "")], [("word", "قره", False, "")],
                          [("word", "باخ", False, "")]]),
    ('"العدوان الشامل" باكو', [[("phrase", "العدوان الشامل", False, "")], [("word", "باكو", False, "")]]),
    ("«العدوان الشامل»", [[("phrase", "العدوان الشامل", False, "")]]),
    ("أرمينيا OR أذربيجان باكو", [[("word", "أرمينيا", False, ""), ("word", "أذربيجان", False, "")],
                                [("word", "باكو", False, "")]]),
    ("قره باخ -أرمينيا", [[("word", "قره", False, "")], [("word", "باخ", False, "")],
                          [("word", "أرمينيا", True, "")]]),
    ('-"وقف إطلاق النار" باكو', [[("phrase", "وقف إطلاق النار", True, "")], [("word", "باكو", False, "")]]),
    ("source:bbc غزة", [[("field", "bbc", False, "source")], [("word", "غزة", False, "")]]),
    ("مصدر:bbc", [[("field", "bbc", False, "source")]]),
    ('section:"الشرق الأوسط"', [[("field", "الشرق الأوسط", False, "section")]]),
    ("speaker:antonio-guterres", [[("field", "antonio-guterres", False, "speaker")]]),
])
def test_parse(text, expected):
    assert shape(parse(text)) == expected


@pytest.mark.parametrize("text, expected_words, note", [
    ('"العدوان الشامل باكو', [[("word", "العدوان", False, "")], [("word", "الشامل", False, "")],
                             [("word", "باكو", False, "")]], "unbalanced quote"),
    ("foo:باكو", [[("word", "foo باكو", False, "")]], "unknown field"),
    ("date:2018-13 غزة", [[("word", "غزة", False, "")]], "date not understood"),
])
def test_malformed_input_is_read_leniently_with_a_note(text, expected_words, note):
    parsed = parse(text)
    assert shape(parsed) == expected_words
    assert any(note in n for n in parsed.notes)


@pytest.mark.parametrize("text", ["", "   ", "-", '"', '""', "OR", "((( )))", "؟؟", "*", "---"])
def test_junk_never_raises_and_leaves_nothing_to_search(text):
    query, _ = build(parse(text))
    assert query is None


@pytest.mark.parametrize("value, start, end", [
    ("2018", datetime(2018, 1, 1), datetime(2018, 12, 31, 23, 59, 59, 999999)),
    ("2018-02", datetime(2018, 2, 1), datetime(2018, 2, 28, 23, 59, 59, 999999)),
    ("2018-02..2018-03", datetime(2018, 2, 1), datetime(2018, 3, 31, 23, 59, 59, 999999)),
    ("٢٠١٨-٠٢-١٥", datetime(2018, 2, 15), datetime(2018, 2, 15, 23, 59, 59, 999999)),
    ("2018-06..", datetime(2018, 6, 1), None),
    ("..2018-03", None, datetime(2018, 3, 31, 23, 59, 59, 999999)),
    ("2018-03..2018-02", datetime(2018, 2, 1), datetime(2018, 3, 31, 23, 59, 59, 999999)),
])
def test_date_ranges(value, start, end):
    assert parse_date_range(value) == (start, end)


def test_date_clause_becomes_a_date_range_query():
    query, _ = build(parse("date:2018-02"))
    assert isinstance(query, wq.DateRange) and query.fieldname == "published"


def test_words_are_all_required_and_match_stem_exact_and_skeleton_fields():
    query, terms = build(parse("جوتيريش باخ"))
    assert isinstance(query, wq.And) and len(query.subqueries) == 2
    fields = {(t.fieldname, t.text) for t in query.subqueries[0].subqueries}
    assert ("exact_text", "جوتيريش") in fields
    assert ("text", "جوتيريش") in fields
    assert ("skeleton", "كترس") in fields
    assert terms.skeleton == {"كترس", "بك"}


def test_a_speaker_name_is_matched_as_written_and_by_the_skeleton_of_its_words():
    query, _ = build(parse('speaker:ترمب speaker:"أنطونيو غوتيريش"'))
    trump, guterres = query.subqueries
    assert {(t.fieldname, t.text, t.boost) for t in trump.subqueries} == {
        ("speaker", "ترمب", 1.0), ("speaker_names", "ترمب", 1.0), ("speaker_skeleton", "ترمب", 0.2)}
    phrases = {(p.fieldname, tuple(p.words), p.boost) for p in guterres.subqueries[1:]}
    assert phrases == {("speaker_names", ("انطونيو", "غوتيريش"), 1.0),
                       ("speaker_skeleton", ("انتن", "كترس"), 0.2)}
    # ترامب and جوتيريس have the same skeletons.
    assert build(parse("speaker:ترامب"))[0].subqueries[2].text == "ترمب"
    assert build(parse("speaker:جوتيريس"))[0].subqueries[2].text == "كترس"
    # Exact spelling: the name as written only.
    exact, _ = build(parse("speaker:ترمب"), exact_mode=True)
    assert {t.fieldname for t in exact.subqueries} == {"speaker", "speaker_names"}


def test_exact_mode_uses_unstemmed_fields_only():
    query, terms = build(parse("العسكرية"), exact_mode=True)
    names = {t.fieldname for t in query.subqueries}
    assert names == {"exact_title", "exact_text", "speaker_names"}
    assert {t.text for t in query.subqueries} == {"العسكريه"}
    assert terms.stem == set() and terms.skeleton == set()


def test_stop_words_alone_are_dropped_from_the_query():
    query, _ = build(parse("في باكو"))
    assert not isinstance(query, wq.And)  # only باكو is left


def test_phrase_becomes_a_phrase_query_on_exact_fields():
    query, _ = build(parse('"العدوان الشامل من باكو"'))
    phrases = query.subqueries
    assert all(isinstance(p, wq.Phrase) for p in phrases)
    assert phrases[0].words == ["العدوان", "الشامل", "باكو"]


def test_exclusion_only_query_searches_everything_but():
    query, _ = build(parse("-أرمينيا"))
    assert isinstance(query, wq.AndNot) and isinstance(query.a, wq.Every)


def test_wildcard_characters_are_plain_text():
    query, _ = build(parse("باك* ؟"))
    assert "*" not in repr(query) and not isinstance(query, wq.Wildcard)


def test_escape_as_words():
    assert escape_as_words('"قره (باخ) -* OR:') == "قره باخ OR"
