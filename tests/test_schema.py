"""The index fields' fast path gives exactly what their analyzers give.

articles.text.schema.ArabicText indexes a string in one pass over memoized word forms
rather than through the analyzer's token stream; a difference would make the index
disagree with the queries (which always go through the analyzers). So every field of
both schemas is compared, term by term with frequencies, weights and encoded positions,
on the seed article, on real corpus articles, and on generated text with every mark.
"""

import gzip
import json
from itertools import islice

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.fields import FieldType

from articles.text.schema import ArabicText, article_schema, statement_schema
from tests.conftest import CORPUS_JSONL, SEED_ARTICLE


def arabic_fields():
    for make in (article_schema, statement_schema):
        for stemmer in ("light", "snowball"):
            schema = make(stemmer)
            for name in schema.names():
                if isinstance(schema[name], ArabicText):
                    yield f"{make.__name__}.{name}.{stemmer}", schema[name]


FIELDS = dict(arabic_fields())


def through_analyzer(field, text):
    """What Whoosh's own FieldType.index makes of the text (the reference)."""
    return sorted(FieldType.index(field, text))


def fast(field, text):
    return sorted(field.index(text))


def test_every_text_field_of_both_schemas_uses_the_fast_path():
    assert {name.split(".")[1] for name in FIELDS if name.startswith("article_schema")} == {
        "title", "text", "statements", "exact_title", "exact_text", "skeleton", "surface",
        "speaker_names", "speaker_skeleton", "author"}
    assert {name.split(".")[1] for name in FIELDS if name.startswith("statement_schema")} == {
        "text", "exact_text", "skeleton", "speaker_names", "speaker_skeleton"}


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_fast_path_equals_the_analyzer_on_the_seed_article(name):
    field = FIELDS[name]
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    got = fast(field, text)
    assert got, "the seed article indexes to something in every field"
    assert got == through_analyzer(field, text)


def test_fast_path_equals_the_analyzer_on_corpus_articles():
    if not CORPUS_JSONL.exists():
        pytest.skip(f"ANT corpus not found at {CORPUS_JSONL} (it is never committed; see README)")
    with gzip.open(CORPUS_JSONL, "rt", encoding="utf-8") as lines:
        articles = [json.loads(line) for line in islice(lines, 0, 3000, 60)]
    for article in articles:
        text = "\n".join(filter(None, (article.get("title"), article.get("abstract"), article.get("body"))))
        for name, field in FIELDS.items():
            assert fast(field, text) == through_analyzer(field, text), (name, article.get("id"))


# Arabic letters, every combining mark the tokenizer keeps inside a word, tatweel,
# Arabic-Indic and Latin digits, joiners, punctuation and spaces.
ALPHABET = st.sampled_from(
    [chr(c) for c in range(0x0621, 0x064B)] + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u200c", "\u200d", "ى", "ة", "٠", "٣", "9", "a", "B",
       " ", " ", " ", "\n", "،", "«", "»", "-", "\u202e"]
)


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=120))
def test_fast_path_equals_the_analyzer_on_generated_text(text):
    for name, field in FIELDS.items():
        assert fast(field, text) == through_analyzer(field, text), name


def test_a_pre_split_list_still_goes_through_whoosh():
    field = FIELDS["article_schema.exact_text.light"]
    assert [t for t, *_ in field.index(["كتاب", "قلم"])] == ["كتاب".encode(), "قلم".encode()]
