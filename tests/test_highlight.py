"""Snippets: <mark> on whole words of the original text, everything else escaped."""

import re
from html import unescape

from articles.text.highlight import matched_spans, snippet, term_spans
from articles.text.query import parse
from articles.text.whoosh_query import build

SEED_PARAGRAPH = (
    'ونددت أرمينيا، التي كانت تجري محادثات سلام دورية مع أذربيجان، من بينها ما يتعلق '
    'بمستقبل قرة باخ، بما وصفته بـ"العدوان الشامل من باكو" على شعب قره باخ، واتهمت '
    "أذربيجان بقصف بلدات وقرى."
)


def terms_for(query, exact=False):
    return build(parse(query), exact_mode=exact)[1]


def marked(html):
    return re.findall(r"<mark>(.*?)</mark>", html)


def test_marks_words_matched_through_normalization_and_prefixes():
    html = snippet(SEED_PARAGRAPH, terms_for("اذربيجان باكو"))
    assert marked(html) == ["أذربيجان", "باكو", "أذربيجان"]


def test_diacritics_of_the_original_are_kept_inside_the_mark():
    text = "أَذْرَبِيجَانُ تُعَلِّقُ عَمَلِيَّتَهَا العسكرية"
    html = snippet(text, terms_for("اذربيجان تعلق"))
    assert marked(html) == ["أَذْرَبِيجَانُ", "تُعَلِّقُ"]


def test_name_variants_are_marked_through_the_skeleton():
    text = "دعا الأمين العام للأمم المتحدة أنطونيو جوتيريش إلى وقف القتال"
    assert marked(snippet(text, terms_for("غوتيريش"))) == ["جوتيريش"]
    assert marked(snippet(text, terms_for("غوتيريش", exact=True))) == []


def test_everything_outside_the_marks_is_html_escaped():
    text = 'قال <script>alert("x")</script> إن أذربيجان & أرمينيا'
    html = snippet(text, terms_for("أذربيجان"))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&amp;" in html
    assert marked(html) == ["أذربيجان"]


def test_a_mark_always_wraps_a_whole_word():
    text = SEED_PARAGRAPH
    for start, end in matched_spans(text, terms_for("قره باخ العدوان")):
        assert start == 0 or not text[start - 1].isalpha()
        assert end == len(text) or not text[end].isalpha()


def test_long_text_is_cut_at_word_boundaries_around_the_densest_matches():
    filler = "وقالت مصادر محلية إن الوضع هادئ نسبيا في المنطقة " * 30
    text = filler + SEED_PARAGRAPH + " " + filler
    html = snippet(text, terms_for("العدوان الشامل باكو"), length=160)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>العدوان</mark>" in html and "<mark>باكو</mark>" in html
    plain = unescape(re.sub(r"</?mark>", "", html)).strip("…")
    words_in_text = set(text.split())
    assert all(word in words_in_text for word in plain.split())


def test_short_text_without_matches_is_returned_whole_and_escaped():
    assert snippet("قره باخ <b>", terms_for("واشنطن")) == "قره باخ &lt;b&gt;"


def test_term_spans_for_the_article_page():
    text = "وأكد فاردانيان لـ\"رويترز\" من قرة باخ"
    spans = term_spans(text, "فاردانيان قره")
    assert [text[s:e] for s, e in spans] == ["فاردانيان", "قرة"]
