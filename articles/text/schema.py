"""The two index schemas (articles, statements) and the analyzer version they carry.

Boosts live in the queries (articles.text.query), not in the schema, so that tuning the
ranking never needs a rebuild; only a change to what gets indexed does.
"""

from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.system import pack_uint

# The stemmer the archive uses and the two kinds of document have one, backend-neutral, definition.
from articles.search_backends.base import ARTICLES, DEFAULT_STEMMER, STATEMENTS  # noqa: F401
from articles.text.analysis import (
    exact_analyzer,
    skeleton_analyzer,
    stemmed_analyzer,
    surface_analyzer,
    term_frequencies,
    term_positions,
)


# Bump the number whenever an analyzer or a field changes what the index holds.
ANALYZER_REVISION = 6


def analyzer_version(stemmer=DEFAULT_STEMMER):
    return f"ar-{ANALYZER_REVISION}-{stemmer}"


ANALYZER_VERSION = analyzer_version()



class ArabicText(TEXT):
    """A TEXT field that indexes a string through the memoized word forms in one pass
    (articles.text.analysis.term_positions) instead of its analyzer's token stream: the
    same terms, frequencies and positions (tests/test_schema.py holds them equal), at a
    fraction of the cost. The analyzer still does everything at query time.

    `form` is which word form the field holds: exact, stem, skeleton or surface.
    Positions are kept only where phrases are searched (the exact fields).
    """

    ANALYZERS = {
        "exact": lambda stemmer: exact_analyzer(),
        "stem": stemmed_analyzer,
        "skeleton": lambda stemmer: skeleton_analyzer(),
        "surface": lambda stemmer: surface_analyzer(),
    }

    def __init__(self, form, stemmer=DEFAULT_STEMMER, phrase=False, stored=False):
        super().__init__(analyzer=self.ANALYZERS[form](stemmer), phrase=phrase, stored=stored)
        self.form = form
        self.stemmer = stemmer

    def index(self, value, **kwargs):
        if not isinstance(value, str):  # a pre-split list: Whoosh's own path
            yield from super().index(value, **kwargs)
            return
        boost = self.format.field_boost
        if self.format.supports("positions"):
            encode = self.format.encode
            for term, positions in term_positions(value, self.form, self.stemmer).items():
                n = len(positions)
                yield term.encode("utf-8"), n, n * boost, encode(positions)
        else:
            for term, n in term_frequencies(value, self.form, self.stemmer).items():
                yield term.encode("utf-8"), n, n * boost, pack_uint(n)


def article_schema(stemmer=DEFAULT_STEMMER):
    def stem(**options):
        return ArabicText("stem", stemmer, **options)

    return Schema(
        external_id=ID(stored=True, unique=True),
        # Stemmed text: the title alone (boosted at query time) and the rest. No
        # positions: phrases are matched on the exact fields.
        title=stem(stored=True),
        text=stem(),
        statements=stem(),
        # Normalized but unstemmed: the "exact spelling" toggle, a bonus for it, phrases.
        exact_title=ArabicText("exact", phrase=True),
        exact_text=ArabicText("exact", phrase=True),
        # Name-variant skeletons of title + abstract + body, matched at a low boost.
        skeleton=ArabicText("skeleton"),
        # normalized|as-written pairs of the words written otherwise (did-you-mean only).
        surface=ArabicText("surface"),
        speaker_names=ArabicText("exact", phrase=True),
        # The same names' skeletons: a speaker found under another spelling of the name
        # (phrases: `speaker:"انطونيو غوتيريش"`).
        speaker_skeleton=ArabicText("skeleton", phrase=True),
        author=ArabicText("exact"),
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
    return Schema(
        statement_id=ID(stored=True, unique=True),
        article_id=ID(stored=True),
        text=ArabicText("stem", stemmer),
        exact_text=ArabicText("exact", phrase=True),
        skeleton=ArabicText("skeleton"),
        speaker_names=ArabicText("exact", phrase=True),
        speaker_skeleton=ArabicText("skeleton", phrase=True),
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
