"""The two index schemas (articles, statements) and the analyzer version they carry.

Boosts live in the queries (articles.text.query), not in the schema, so that tuning the
ranking never needs a rebuild; only a change to what gets indexed does.
"""

from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema

from articles.text.analysis import (
    exact_analyzer,
    skeleton_analyzer,
    stemmed_analyzer,
    surface_analyzer,
)

# The stemmer the archive uses, chosen by bench/eval_search.py (see docs/search.md).
DEFAULT_STEMMER = "light"

# Bump the number whenever an analyzer or a field changes what the index holds.
ANALYZER_REVISION = 3


def analyzer_version(stemmer=DEFAULT_STEMMER):
    return f"ar-{ANALYZER_REVISION}-{stemmer}"


ANALYZER_VERSION = analyzer_version()

ARTICLES = "articles"
STATEMENTS = "statements"


def article_schema(stemmer=DEFAULT_STEMMER):
    stem = stemmed_analyzer(stemmer)
    exact = exact_analyzer()
    return Schema(
        external_id=ID(stored=True, unique=True),
        # Stemmed text: the title alone (boosted at query time) and the rest.
        title=TEXT(analyzer=stem, stored=True),
        text=TEXT(analyzer=stem),
        statements=TEXT(analyzer=stem),
        # Normalized but unstemmed: the "exact spelling" toggle, and a bonus for it.
        exact_title=TEXT(analyzer=exact),
        exact_text=TEXT(analyzer=exact),
        # Name-variant skeletons of title + abstract + body, matched at a low boost.
        skeleton=TEXT(analyzer=skeleton_analyzer(), phrase=False),
        # normalized|as-written pairs, only for did-you-mean.
        surface=TEXT(analyzer=surface_analyzer(), phrase=False),
        speaker_names=TEXT(analyzer=exact),
        author=TEXT(analyzer=exact, phrase=False),
        source=ID(stored=True, sortable=True),
        source_norm=ID,
        section=ID(stored=True, sortable=True),
        section_norm=ID,
        # Stored too: the speaker facet reads the stored list of each matching article
        # (a FieldFacet over a multi-valued field walks every posting, ~1 s at 138k
        # statements).
        speaker=KEYWORD(commas=True, lowercase=False, scorable=False, stored=True),
        published=DATETIME(stored=True, sortable=True),
        year=ID(sortable=True),
        month=ID(sortable=True),
        # What the document was built from, so check_index can spot stale entries.
        fingerprint=STORED,
    )


def statement_schema(stemmer=DEFAULT_STEMMER):
    exact = exact_analyzer()
    return Schema(
        statement_id=ID(stored=True, unique=True),
        article_id=ID(stored=True),
        text=TEXT(analyzer=stemmed_analyzer(stemmer)),
        exact_text=TEXT(analyzer=exact),
        skeleton=TEXT(analyzer=skeleton_analyzer(), phrase=False),
        speaker_names=TEXT(analyzer=exact),
        speaker=ID(stored=True, sortable=True),
        kind=ID(stored=True, sortable=True),
        source=ID(stored=True, sortable=True),
        source_norm=ID,
        section_norm=ID,
        published=DATETIME(stored=True, sortable=True),
        year=ID(sortable=True),
        month=ID(sortable=True),
    )


SCHEMAS = {ARTICLES: article_schema, STATEMENTS: statement_schema}
