"""The search index as PostgreSQL tables: the same Arabic analysis, stored as tsvectors.

Plain Python over a DB-API cursor (Django's or psycopg's): no Django models, so the bench
builds and queries it straight from corpus records, as it does the Whoosh index.

**What is stored.** One row per article (`search_article`) and per public statement
(`search_statement`). Each row's `terms` tsvector holds every field of the Whoosh schema
(articles.text.schema) as the Python analysis produced it: the lexemes are not re-tokenized
by PostgreSQL but written as a tsvector literal, each prefixed with one letter naming its
field (`t` stemmed title, `X` exact text, `k` skeleton …, FIELDS below), with word
positions counted as the Whoosh fields count them (stop words skipped). One GIN index
answers every clause: a word is `'Xكلمه' | 'xكلم' | 'kكلم' …`, a phrase `'Xa' <-> 'Xb'`.
`lengths` holds the row's field lengths (BM25's document length), `search_stats` the
document count and summed lengths per kind, both kept by the writer in its transaction.

**Ranking.** ts_rank_cd knows neither field lengths nor document frequencies, so the
matches are ranked with Whoosh's BM25F (articles.text.fastsearch) from the same
statistics: a term's frequency in a row is the number of its positions (the row's tsvector
cut down to the query's lexemes with setweight and ts_filter), its document frequency a
count on the GIN index, and the lengths come from `lengths` and
`search_stats`. Field lengths are quantized to a byte as Whoosh stores them. The server
first sums the same BM25F terms over every match without that quantization (a bound on
the score, never below it) and sends back only the rows with the highest bounds; Python
scores those exactly, and reads every match only when the page's last score does not
beat the best bound left unread.

Limits of the tsvector type, past anything a news article reaches: a lexeme keeps at
most 256 positions (a term frequency counts up to 256), positions stop at 16,383, a lexeme
holds at most 2,046 bytes (a longer word is cut to its first 2,046 bytes, in the rows and
in every query alike, so it still matches itself) and a row at most 1 MB of lexemes (a
row that outgrows it keeps, in each field, the words met first).
"""

import math
import re
import time
from contextlib import contextmanager
from functools import lru_cache, partial
from operator import attrgetter
from dataclasses import dataclass, field
from datetime import datetime

from whoosh.util.numeric import byte_to_length, length_to_byte

from articles.text import query as q
from articles.text.analysis import (
    SURFACE_SEPARATOR,
    TOKEN_RE,
    surface_pair,
    term_positions,
    word_forms,
)
from articles.text.normalize import normalize_arabic
from articles.text.schema import ARTICLES, DEFAULT_STEMMER, SCHEMAS, STATEMENTS, analyzer_version
from articles.text.store import article_document, statement_document
from articles.text.whoosh_query import ARTICLE_FIELDS, SPEAKER_NAME_FIELDS, STATEMENT_FIELDS

# Whoosh field → the letter its lexemes start with, per kind. The order is the order of
# the row's `lengths` array. `surface` (did-you-mean only) is stored unscored.
FIELDS = {
    ARTICLES: (("title", "t"), ("text", "x"), ("statements", "q"), ("exact_title", "T"),
               ("exact_text", "X"), ("speaker_names", "N"), ("author", "A"), ("skeleton", "k"),
               ("speaker_skeleton", "n")),
    STATEMENTS: (("text", "x"), ("exact_text", "X"), ("skeleton", "k"), ("speaker_names", "N"),
                 ("speaker_skeleton", "n")),
}
SURFACE_CODE = "s"
TABLES = {ARTICLES: "search_article", STATEMENTS: "search_statement"}
KEYS = {ARTICLES: "article_id", STATEMENTS: "statement_id"}

MAX_POSITION = 16383
MAX_POSITIONS = 256
# PostgreSQL refuses a lexeme longer than this (MAXSTRLEN - 1), in a row or a query, and a
# tsvector whose lexemes and positions take more than MAX_ROW_BYTES (MAXSTRPOS): one
# article with a 1,100-letter word or a 40,000-word list failed its whole import batch and
# every rebuild.
MAX_LEXEME_BYTES = 2046
MAX_ROW_BYTES = (1 << 20) - 1
# Whoosh's BM25F defaults (the archive's searcher uses them unchanged).
B, K1 = 0.75, 1.2

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS search_article (
    article_id bigint PRIMARY KEY,
    external_id text NOT NULL UNIQUE,
    source text NOT NULL DEFAULT '',
    source_norm text NOT NULL DEFAULT '',
    section text NOT NULL DEFAULT '',
    section_norm text NOT NULL DEFAULT '',
    speakers text[] NOT NULL DEFAULT '{}',
    published timestamp,
    year text NOT NULL DEFAULT '',
    month text NOT NULL DEFAULT '',
    fingerprint text NOT NULL DEFAULT '',
    lengths integer[] NOT NULL,
    terms tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS search_article_terms ON search_article USING gin (terms);
ALTER TABLE search_article ALTER COLUMN terms SET STATISTICS 1000;  -- STATISTICS_TARGET
CREATE TABLE IF NOT EXISTS search_statement (
    statement_id bigint PRIMARY KEY,
    article_id bigint NOT NULL,
    article_external_id text NOT NULL,
    speaker text NOT NULL DEFAULT '',
    kind text NOT NULL DEFAULT '',
    source text NOT NULL DEFAULT '',
    source_norm text NOT NULL DEFAULT '',
    section_norm text NOT NULL DEFAULT '',
    published timestamp,
    year text NOT NULL DEFAULT '',
    month text NOT NULL DEFAULT '',
    lengths integer[] NOT NULL,
    terms tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS search_statement_terms ON search_statement USING gin (terms);
CREATE INDEX IF NOT EXISTS search_statement_article ON search_statement (article_id);
CREATE TABLE IF NOT EXISTS search_stats (
    kind text PRIMARY KEY,
    analyzer_version text NOT NULL,
    generation bigint NOT NULL DEFAULT 0,
    docs bigint NOT NULL DEFAULT 0,
    lengths bigint[] NOT NULL
);
CREATE TABLE IF NOT EXISTS search_word (word text COLLATE "C" PRIMARY KEY);
"""
# No index on the filter columns (published, source …): given one, the planner walks it and
# tests `terms @@ query` row by row, decompressing every tsvector in a month or an outlet,
# where the GIN index and a filter on the few matches cost a millisecond.
DROP_SQL = "DROP TABLE IF EXISTS search_article, search_statement, search_stats, search_word"


def create_schema(cursor):
    cursor.execute(SCHEMA_SQL)
    reset_stats(cursor)
    # Did-you-mean measures edit distances in the server when it can (a trusted contrib
    # extension since PostgreSQL 13); without it, in Python over the same candidates.
    # (Not installed or not allowed: the Python way; the block's own subtransaction keeps
    # the caller's transaction, if any, alive.)
    cursor.execute("DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS fuzzystrmatch; "
                   "EXCEPTION WHEN OTHERS THEN NULL; END $$")


def reset_stats(cursor, stemmer=DEFAULT_STEMMER):
    for kind in (ARTICLES, STATEMENTS):
        cursor.execute(
            "INSERT INTO search_stats (kind, analyzer_version, lengths) VALUES (%s, %s, %s) "
            "ON CONFLICT (kind) DO NOTHING",
            (kind, analyzer_version(stemmer), [0] * len(FIELDS[kind])))


# --- rows ------------------------------------------------------------------------------


def _bytes(text):
    return len(text) if text.isascii() else len(text.encode())


def _fitted(lexeme):
    """The lexeme as a tsvector can hold it: its first MAX_LEXEME_BYTES bytes, whole
    characters only. Rows and queries both go through it, so a cut word matches itself."""
    if len(lexeme) * 4 <= MAX_LEXEME_BYTES or _bytes(lexeme) <= MAX_LEXEME_BYTES:
        return lexeme
    return lexeme.encode()[:MAX_LEXEME_BYTES].decode("utf-8", "ignore")


def _lexeme(code, term):
    """One lexeme written for a tsvector or tsquery literal: quoted, escaped, fitted."""
    term = _fitted(code + term)
    if "'" in term or "\\" in term:
        term = term.replace("\\", "\\\\").replace("'", "''")
    return f"'{term}'"


def _stored_bytes(lexeme_bytes, positions):
    """What one lexeme takes of a tsvector's MAX_ROW_BYTES: its bytes, padded to an even
    number, then its positions and their count, two bytes each."""
    return lexeme_bytes + (lexeme_bytes & 1) + (2 * (positions + 1) if positions else 0)


def _within_row(entries):
    """The (first position, lexeme, positions, text) entries of a row, less those met last
    in their field when they outgrow MAX_ROW_BYTES (a 40,000-word list pasted as one article)."""
    if sum(_stored_bytes(4 * len(lexeme), n) for _, lexeme, n, _ in entries) <= MAX_ROW_BYTES:
        return entries
    sizes = [_stored_bytes(_bytes(lexeme), n) for _, lexeme, n, _ in entries]
    if sum(sizes) <= MAX_ROW_BYTES:
        return entries
    kept, total = set(), 0
    for i in sorted(range(len(entries)), key=lambda i: entries[i][0]):
        total += sizes[i]
        if total > MAX_ROW_BYTES:
            break
        kept.add(i)
    return [entry for i, entry in enumerate(entries) if i in kept]


@lru_cache(maxsize=None)
def field_forms(kind, stemmer=DEFAULT_STEMMER):
    """{field: word form it indexes} (exact, stem, skeleton), read off the Whoosh schema."""
    schema = SCHEMAS[kind](stemmer)
    return {name: schema[name].form for name, _ in FIELDS[kind]}


def _kept(text, stemmer):
    """The word forms of each word of `text` the analyzer keeps (stop words take no
    position), as analysis.kept_forms walks them: one pass serves every form."""
    forms = partial(word_forms, stemmer=stemmer)
    return [f for f in map(forms, TOKEN_RE.findall(text)) if f is not None]


def _positions(kept, form):
    found = {}
    for pos, term in enumerate(map(attrgetter(form), kept)):
        if term:
            positions = found.get(term)
            if positions is None:
                found[term] = [pos]
            else:
                positions.append(pos)
    return found


def _same_text_fields(doc, kind):
    """Fields whose text is the title, the rest, or the two joined (articles), so that
    each text is tokenized once: {field: ("title" | "rest" | "both")}."""
    if kind != ARTICLES:
        return {"text": "rest", "exact_text": "rest", "skeleton": "rest"} \
            if doc.get("exact_text") == doc.get("text") == doc.get("skeleton") else {}
    return {"title": "title", "exact_title": "title", "text": "rest", "exact_text": "rest",
            "skeleton": "both"}


def analyse(doc, kind, stemmer=DEFAULT_STEMMER):
    """(tsvector literal, [field lengths], exact words) of one Whoosh document dict
    (store.article_document / statement_document), with the terms and positions the
    Whoosh fields index (analysis.term_positions; tests/test_pgindex.py holds them equal)."""
    forms_of_field = field_forms(kind, stemmer)
    if kind == ARTICLES:
        title, rest = _kept(doc.get("title") or "", stemmer), _kept(doc.get("text") or "", stemmer)
        shared = {"title": title, "rest": rest, "both": title + rest}
    else:
        shared = {"rest": _kept(doc.get("text") or "", stemmer)}
    sources = _same_text_fields(doc, kind)
    entries, lengths, words = [], [], set()
    for name, code in FIELDS[kind]:
        form = forms_of_field[name]
        if name in sources:
            found = _positions(shared[sources[name]], form)
        else:
            value = doc.get(name) or ""
            found = term_positions(value, form, stemmer) if value else {}
        lengths.append(sum(len(p) for p in found.values()))
        for term, positions in found.items():
            if len(positions) > MAX_POSITIONS or positions[-1] >= MAX_POSITION:
                positions = sorted({min(p, MAX_POSITION - 1) for p in positions[:MAX_POSITIONS]})
            lexeme = _fitted(code + term)
            entries.append((positions[0], lexeme, len(positions),
                            f"{_lexeme('', lexeme)}:{','.join([str(p + 1) for p in positions])}"))
        if code in "TX":
            # Did-you-mean's vocabulary: a word too long for a lexeme is no suggestion.
            words.update(w for w in found if _fitted(code + w) == code + w)
    if kind == ARTICLES and doc.get("surface"):
        pairs = {surface_pair(w) for w in TOKEN_RE.findall(doc["surface"])}
        entries.extend((MAX_POSITION, lexeme, 0, _lexeme("", lexeme))
                       for lexeme in (_fitted(SURFACE_CODE + pair) for pair in pairs if pair))
    return " ".join(text for *_, text in _within_row(entries)), lengths, words


def article_row(pk, record, stemmer=DEFAULT_STEMMER):
    """The search_article row (a tuple in ARTICLE_COLUMNS order) of an article record
    (articles.indexing.article_record's dict), and its exact words."""
    doc = article_document(record)
    terms, lengths, words = analyse(doc, ARTICLES, stemmer)
    speakers = [s for s in (doc.get("speaker") or "").split(",") if s]
    row = (pk, doc["external_id"], doc.get("source", ""), doc.get("source_norm", ""),
           doc.get("section", ""), doc.get("section_norm", ""), speakers,
           doc.get("published"), doc.get("year", ""), doc.get("month", ""),
           doc.get("fingerprint", ""), lengths, terms)
    return row, words


ARTICLE_COLUMNS = ("article_id", "external_id", "source", "source_norm", "section",
                   "section_norm", "speakers", "published", "year", "month", "fingerprint",
                   "lengths", "terms")


def statement_row(article_pk, record, stemmer=DEFAULT_STEMMER):
    doc = statement_document(record)
    terms, lengths, _ = analyse(doc, STATEMENTS, stemmer)
    return (int(record["id"]), article_pk, record["article_id"], doc.get("speaker", ""),
            doc.get("kind", ""), doc.get("source", ""), doc.get("source_norm", ""),
            doc.get("section_norm", ""), doc.get("published"), doc.get("year", ""),
            doc.get("month", ""), lengths, terms)


STATEMENT_COLUMNS = ("statement_id", "article_id", "article_external_id", "speaker", "kind",
                     "source", "source_norm", "section_norm", "published", "year", "month",
                     "lengths", "terms")
COLUMNS = {ARTICLES: ARTICLE_COLUMNS, STATEMENTS: STATEMENT_COLUMNS}


# --- writing ---------------------------------------------------------------------------


def remove(cursor, article_pks):
    """Delete the rows of these articles (database pks) and of their statements, and take
    them out of the statistics. Returns how many article rows there were."""
    article_pks = sorted(set(article_pks))
    if not article_pks:
        return 0
    removed = 0
    for kind in (ARTICLES, STATEMENTS):
        cursor.execute(f"DELETE FROM {TABLES[kind]} WHERE article_id = ANY(%s) RETURNING lengths",
                       (article_pks,))
        gone = [row[0] for row in cursor.fetchall()]
        if gone:
            _add_stats(cursor, kind, -len(gone), [-sum(col) for col in zip(*gone)])
        if kind == ARTICLES:
            removed = len(gone)
    return removed


def write(cursor, article_rows, statement_rows, words=()):
    """Add rows built by article_row/statement_row (their articles already removed) and
    count them in the statistics. Callers wrap remove + write in one transaction."""
    for kind, rows in ((ARTICLES, article_rows), (STATEMENTS, statement_rows)):
        if not rows:
            continue
        columns = COLUMNS[kind]
        with cursor.copy(f"COPY {TABLES[kind]} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        lengths = [sum(col) for col in zip(*(row[-2] for row in rows))]
        _add_stats(cursor, kind, len(rows), lengths)
    if words:
        # Sorted: concurrent writers take the new words' locks in one order (no deadlock).
        cursor.execute("INSERT INTO search_word (word) SELECT unnest(%s::text[]) "
                       "ON CONFLICT DO NOTHING", (sorted(words),))


def _add_stats(cursor, kind, docs, lengths):
    cursor.execute(
        "UPDATE search_stats SET docs = docs + %s, generation = generation + 1, "
        "lengths = ARRAY(SELECT a + b FROM unnest(lengths, %s::bigint[]) AS u(a, b)) "
        "WHERE kind = %s", (docs, list(lengths), kind))


def clear(cursor, stemmer=DEFAULT_STEMMER):
    """Delete every row (searches see them until the transaction commits) and start the
    statistics again, stamped with the analyzer version."""
    for table in ("search_article", "search_statement", "search_word", "search_stats"):
        cursor.execute(f"DELETE FROM {table}")
    reset_stats(cursor, stemmer)


GIN_INDEXES = {"search_article_terms": "search_article", "search_statement_terms": "search_statement"}


@contextmanager
def rebuilding(cursor, stemmer=DEFAULT_STEMMER):
    """Empty the index (stamped with the analyzer version), let the caller write every
    row, then refresh the planner's statistics. Call inside one transaction.

    The rows go with DELETE, so searches keep reading the old ones until the commit; only
    a first build into empty tables drops the GIN indexes and builds them once at the end,
    which is several times faster than growing them row by row."""
    cursor.execute("SELECT NOT EXISTS (SELECT 1 FROM search_article) "
                   "AND NOT EXISTS (SELECT 1 FROM search_statement)")
    empty = cursor.fetchone()[0]
    clear(cursor, stemmer)
    if empty:
        for name in GIN_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
    yield
    if empty:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for name, table in GIN_INDEXES.items():
            cursor.execute(f"CREATE INDEX {name} ON {table} USING gin (terms)")
    for table in ("search_article", "search_statement", "search_word"):
        cursor.execute(f"ANALYZE {table}")


def state(cursor, stemmer=DEFAULT_STEMMER):
    """'ok', 'missing' (no tables: not migrated) or 'stale' (another analyzer version)."""
    cursor.execute("SELECT to_regclass('search_stats') IS NOT NULL")
    if not cursor.fetchone()[0]:
        return "missing"
    cursor.execute("SELECT analyzer_version FROM search_stats WHERE kind = %s", (ARTICLES,))
    row = cursor.fetchone()
    if row is None:
        return "missing"
    return "ok" if row[0] == analyzer_version(stemmer) else "stale"


# --- the query, compiled ------------------------------------------------------------------


class Node:
    boost = 1.0


@dataclass(eq=False)
class Term(Node):
    lexeme: str
    boost: float = 1.0


@dataclass(eq=False)
class Phrase(Node):
    lexemes: list
    boost: float = 1.0


@dataclass(eq=False)
class Condition(Node):
    """A clause on a plain column (source, section, speaker slug, date): matched in SQL,
    scored as Whoosh scores an unscorable field, by its weight 1."""

    sql: str
    params: tuple = ()


@dataclass(eq=False)
class AnyOf(Node):
    children: list


@dataclass(eq=False)
class AllOf(Node):
    children: list


@dataclass(eq=False)
class Everything(Node):
    pass


def _tsquery_text(node):
    if isinstance(node, Term):
        return _lexeme("", node.lexeme)
    if isinstance(node, Phrase):
        return "(" + " <-> ".join(_lexeme("", lexeme) for lexeme in node.lexemes) + ")"
    joiner = " | " if isinstance(node, AnyOf) else " & "
    return "(" + joiner.join(_tsquery_text(c) for c in node.children) + ")"


def _textual(node):
    if isinstance(node, (Term, Phrase)):
        return True
    if isinstance(node, (AnyOf, AllOf)):
        return all(_textual(c) for c in node.children)
    return False


def to_sql(node, column="terms"):
    """(SQL boolean expression, params) that is true of the rows matching `node`."""
    if _textual(node):
        return f"{column} @@ %s::tsquery", [_tsquery_text(node)]
    if isinstance(node, Condition):
        return f"({node.sql})", list(node.params)
    if isinstance(node, Everything):
        return "TRUE", []
    parts = [to_sql(c, column) for c in node.children]
    joiner = " OR " if isinstance(node, AnyOf) else " AND "
    return "(" + joiner.join(sql for sql, _ in parts) + ")", [p for _, ps in parts for p in ps]


def _field_lexeme(fieldname, kind, text):
    return _fitted(dict(FIELDS[kind])[fieldname] + text)


def _word_node(forms, fields, kind, exact_mode):
    terms = [Term(_field_lexeme(name, kind, forms.exact), boost) for name, boost in fields["exact"]]
    if not exact_mode:
        terms += [Term(_field_lexeme(name, kind, forms.stem), boost) for name, boost in fields["stem"]]
        if forms.skeleton:
            terms += [Term(_field_lexeme(name, kind, forms.skeleton), boost)
                      for name, boost in fields["skeleton"]]
    return AnyOf(terms)


def _phrase_node(all_forms, fields, kind):
    words = [f.exact for f in all_forms]
    if len(words) == 1:
        return AnyOf([Term(_field_lexeme(name, kind, words[0]), b) for name, b in fields["phrase"]])
    return AnyOf([Phrase([_field_lexeme(name, kind, w) for w in words], b)
                  for name, b in fields["phrase"]])


def _field_node(clause, kind, stemmer, exact_mode):
    value = clause.text
    norm = normalize_arabic(value)
    if clause.field == "source":
        return Condition("source = %s OR source_norm = %s", (value.lower(), norm))
    if clause.field == "section":
        return Condition("section_norm = %s", (norm,))
    if clause.field == "speaker":
        by_slug = Condition("%s = ANY(speakers)" if kind == ARTICLES else "speaker = %s", (value,))
        words = q.speaker_name_words(value, stemmer, exact_mode)
        by_name = []
        for name, form, boost in SPEAKER_NAME_FIELDS:
            lexemes = [_field_lexeme(name, kind, w) for w in words.get(form, ())]
            if lexemes:
                by_name.append(Phrase(lexemes, boost) if len(lexemes) > 1 else Term(lexemes[0], boost))
        return AnyOf([by_slug, *by_name]) if by_name else by_slug
    raise ValueError(clause.field)


def _date_node(clause):
    parts, params = [], []
    if clause.start is not None:
        parts.append("published >= %s")
        params.append(clause.start)
    if clause.end is not None:
        parts.append("published <= %s")
        params.append(clause.end)
    return Condition(" AND ".join(parts), tuple(params))


def _clause_node(clause, fields, kind, stemmer, exact_mode):
    if clause.kind == "date":
        return _date_node(clause)
    if clause.kind == "field":
        return _field_node(clause, kind, stemmer, exact_mode)
    all_forms = q.forms_of(clause.text, stemmer)
    if not all_forms:
        return None
    if clause.kind == "phrase":
        return _phrase_node(all_forms, fields, kind)
    parts = [_word_node(forms, fields, kind, exact_mode) for forms in all_forms]
    return parts[0] if len(parts) == 1 else AllOf(parts)


def compile_query(parsed, *, kind=ARTICLES, fields=None, stemmer=DEFAULT_STEMMER, exact_mode=False):
    """(positive node or None, [negative nodes], HighlightTerms): the same tree as
    articles.text.whoosh_query.build makes for Whoosh, over the prefixed lexemes, with its
    field boosts."""
    if fields is None:
        fields = ARTICLE_FIELDS if kind == ARTICLES else STATEMENT_FIELDS
    highlight = q.highlight_terms(parsed, stemmer=stemmer, exact_mode=exact_mode)
    positives, negatives = [], []
    for group in parsed.groups:
        built = [(c.negated, n) for c in group
                 if (n := _clause_node(c, fields, kind, stemmer, exact_mode)) is not None]
        negatives.extend(n for negated, n in built if negated)
        pos = [n for negated, n in built if not negated]
        if pos:
            positives.append(pos[0] if len(pos) == 1 else AnyOf(pos))
    if not positives:
        return (Everything() if negatives else None), negatives, highlight
    return (positives[0] if len(positives) == 1 else AllOf(positives)), negatives, highlight


def filter_conditions(filters, kind=ARTICLES):
    """The neutral filters dict (articles.search_backends.base) as (SQL, params)."""
    filters = filters or {}
    parts, params = [], []

    def add(sql, *values):
        parts.append(sql)
        params.extend(values)

    if filters.get("source"):
        add("source = %s", str(filters["source"]))
    if filters.get("section") and kind == ARTICLES:
        add("section = %s", str(filters["section"]))
    if filters.get("speaker"):
        add("%s = ANY(speakers)" if kind == ARTICLES else "speaker = %s", str(filters["speaker"]))
    if filters.get("kind") and kind == STATEMENTS:
        add("kind = %s", str(filters["kind"]))
    if filters.get("year"):
        try:
            year = int(filters["year"])
        except (TypeError, ValueError):
            year = 0
        if year > 0:
            add("year = %s", f"{year:04d}")
    if filters.get("month"):
        month = str(filters["month"])
        if len(month) == 7 and month[4] == "-":
            add("month = %s", month)
    if isinstance(filters.get("date_from"), datetime):
        add("published >= %s", filters["date_from"].replace(tzinfo=None))
    if isinstance(filters.get("date_to"), datetime):
        add("published <= %s", filters["date_to"].replace(tzinfo=None))
    return parts, params


# --- scoring -------------------------------------------------------------------------------


def _leaves(node, found):
    """Terms, phrases and conditions under `node`, each once (by identity)."""
    if isinstance(node, (Term, Phrase, Condition)):
        found.setdefault(id(node), node)
    elif isinstance(node, (AnyOf, AllOf)):
        for child in node.children:
            _leaves(child, found)
    return found


# A row's query lexemes, as PostgreSQL writes a tsvector: 'Xكلمه':3A,17A 'tكلم':5A
_FILTERED_RE = re.compile(r"'((?:[^']|'')*)':([0-9A-D,]+)")


def _frequencies(filtered):
    """{lexeme: term frequency} from the text of a filtered tsvector (one position each)."""
    return {m.group(1).replace("''", "'"): m.group(2).count(",") + 1
            for m in _FILTERED_RE.finditer(filtered or "")}


@dataclass
class Stats:
    docs: int
    lengths: list  # summed field lengths, in FIELDS order
    generation: int
    df: dict = field(default_factory=dict)  # lexeme → document frequency


def _bm25(idf, tf, fl, avgfl):
    return idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))


_QUANTIZED = [byte_to_length(length_to_byte(n)) for n in range(256)]


def _quantized(n):
    """A field length as Whoosh stores it: one byte."""
    return _QUANTIZED[n] if n < 256 else byte_to_length(length_to_byte(n))


class Scorer:
    """BM25F of one document, as articles.text.fastsearch sums it over the query tree."""

    def __init__(self, kind, stats):
        self.stats = stats
        self.field_of = {code: i for i, (_, code) in enumerate(FIELDS[kind])}
        self.avgfl = [(total / (stats.docs or 1)) or 1 for total in stats.lengths]
        self.idf = {}

    def term_idf(self, lexeme):
        if lexeme not in self.idf:
            df = self.stats.df.get(lexeme, 0)
            self.idf[lexeme] = math.log((self.stats.docs or 1) / (df + 1)) + 1
        return self.idf[lexeme]

    def term_score(self, lexeme, tf, lengths):
        i = self.field_of[lexeme[0]]
        return _bm25(self.term_idf(lexeme), tf, _quantized(lengths[i]) or 1, self.avgfl[i])

    def score(self, node, doc, boost=1.0):
        """(matches, score) of `doc` = (lengths, {lexeme: tf}, {id(leaf): matched})."""
        lengths, tfs, matched = doc
        if isinstance(node, Term):
            tf = tfs.get(node.lexeme, 0)
            if not tf:
                return False, 0.0
            return True, self.term_score(node.lexeme, tf, lengths) * boost * node.boost
        if isinstance(node, Phrase):
            if not matched.get(id(node)):
                return False, 0.0
            b = boost * node.boost
            return True, sum(self.term_score(lex, tfs.get(lex, 0) or 1, lengths) * b
                             for lex in node.lexemes)
        if isinstance(node, Condition):
            return (True, boost) if matched.get(id(node)) else (False, 0.0)
        if isinstance(node, Everything):
            return True, boost
        results = [self.score(child, doc, boost) for child in node.children]
        if isinstance(node, AllOf) and not all(m for m, _ in results):
            return False, 0.0
        total = sum(s for m, s in results if m)
        return any(m for m, _ in results), total


# --- searching ---------------------------------------------------------------------------


@dataclass
class Found:
    keys: list = field(default_factory=list)  # [(key, score)] of the page
    total: int = 0
    facets: dict = field(default_factory=dict)
    partial: bool = False


# facet → (the column it reads, the value expression); a list column counts each value.
FACET_SQL = {
    ARTICLES: {"source": ("source", "source"), "section": ("section", "section"),
               "year": ("year", "year"), "month": ("month", "month"),
               "speaker": ("speakers", "unnest(speakers)")},
    STATEMENTS: {"speaker": ("speaker", "speaker"), "kind": ("kind", "kind"),
                 "source": ("source", "source"), "year": ("year", "year"),
                 "month": ("month", "month")},
}
SORT_SQL = {"newest": "published DESC NULLS LAST", "oldest": "published ASC NULLS LAST"}


class DocumentFrequencies:
    """Document frequencies of lexemes, counted on the GIN index and kept until a writer
    changes the index (search_stats.generation). One per process, shared by its threads:
    each generation's counts are a dict of their own, replaced whole, never emptied."""

    def __init__(self):
        self.counts = {}  # kind → (generation, {lexeme: df})

    def _known(self, kind, generation=None):
        current = self.counts.get(kind)
        if current is None or generation is not None and current[0] != generation:
            current = (generation, {})
            if generation is not None:
                self.counts[kind] = current
        return current[1]

    def learn(self, kind, generation, counted):
        """Counts made at `generation`; older ones are dropped when it has moved on."""
        self._known(kind, generation).update(counted)

    def fill(self, cursor, kind, stats, lexemes):
        known = self._known(kind, stats.generation)
        missing = sorted(lex for lex in set(lexemes) if lex not in known)
        if missing:
            cursor.execute(f"SELECT {count_sql(kind)}", ([_lexeme("", lex) for lex in missing],))
            known.update(zip(missing, cursor.fetchone()[0]))
        stats.df = {lex: known[lex] for lex in lexemes}

    def known_at(self, kind):
        """(generation, {lexeme: df}) of the counts kept for `kind` (generation None: none)."""
        return self.counts.get(kind, (None, {}))


def count_sql(kind, limit=None):
    """The document frequencies of a %s text[] of tsquery literals, as one bigint[] in their
    order, each counted on the GIN index (stopping at `limit` when given).

    One subquery run for every element, so the planner plans it once: written out once per
    lexeme, each copy's `terms @@ 'lexeme'` made the planner look the lexeme up in the
    column's statistics (STATISTICS_TARGET's thousands of common elements), which took
    longer than the counting."""
    matches = f"SELECT 1 FROM {TABLES[kind]} WHERE terms @@ u.query::tsquery"
    if limit is not None:
        matches += f" LIMIT {int(limit)}"
    return (f"ARRAY(SELECT (SELECT count(*) FROM ({matches}) AS c) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS u(query, i) ORDER BY u.i)")


# ANALYZE keeps the commonest lexemes of `terms` (ten per unit of the target): with 1,000,
# the 10,000 commonest, which more_like_this leaves out without counting them.
STATISTICS_TARGET = 1000


def common_lexemes(cursor, kind, share):
    """The lexemes ANALYZE found in at least `share` of `kind`'s rows (among the
    commonest it keeps; none before any ANALYZE)."""
    cursor.execute("SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                   "WHERE tablename = %s AND attname = 'terms'", (TABLES[kind],))
    row = cursor.fetchone()
    if not row or not row[0]:
        return frozenset()
    return frozenset(lex for lex, freq in zip(row[0], row[1]) if freq >= share)


def read_stats(cursor, kind):
    cursor.execute("SELECT docs, lengths, generation FROM search_stats WHERE kind = %s", (kind,))
    row = cursor.fetchone()
    if row is None:
        return Stats(0, [0] * len(FIELDS[kind]), 0)
    return Stats(int(row[0]), [int(x) for x in row[1]], int(row[2]))


READ_LOCK_WAIT = "1s"
# SQLSTATE of a statement that gave up waiting for a lock (lock_timeout).
LOCK_NOT_AVAILABLE = "55P03"


def planner_settings(cursor):
    """Settings for this transaction's searches. The planner prices `terms @@ query` as a
    cheap operator and so reads small tables whole, decompressing every row's tsvector
    (100 ms at 3,000 articles) where the GIN index answers in a millisecond; without
    sequential scans it takes the index whenever the query has a word to look up.

    JIT off: a long query is a statement of hundreds of subqueries (one count per lexeme),
    whose estimated cost makes the server compile it, seconds of work for milliseconds of
    execution. A table lock is waited for READ_LOCK_WAIT at most: only a schema change
    blocks reads, the first rebuild dropping its GIN indexes until it commits."""
    cursor.execute("SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true), "
                   "set_config('lock_timeout', %s, true)", (READ_LOCK_WAIT,))


PLANNER_SETTINGS = ("enable_seqscan", "jit", "lock_timeout")


class IndexStale(Exception):
    """The tables were filled by another analyzer version (or never): rebuild."""


def search(cursor, kind, node, negatives=(), *, filters=None, sort="relevance", limit=20,
           offset=0, facets=(), frequencies=None, one_trip=False, time_limit=None,
           stemmer=DEFAULT_STEMMER):
    """Run a compiled query: the page [(key, score)], the total, facet counts.

    Two statements: the total, each facet (a GROUP BY over the matches), the statistics
    and the document frequencies not yet known; then the page (by date) or the matches'
    own occurrences of the query's lexemes (by relevance). With `one_trip` they go to the
    server in one message, with the planner setting and the time limit (`cursor` must
    bind parameters itself, psycopg's ClientCursor, on a connection in autocommit mode,
    where the message is one transaction); otherwise the caller runs this inside a
    transaction that has applied planner_settings(), and `time_limit` is its business.
    Raises IndexStale when the tables hold another analyzer's rows."""
    where, params = to_sql(node)
    conditions, condition_params = [where], list(params)
    if negatives:
        # One test of the row's tsvector for every exclusion (NOT a AND NOT b = NOT (a OR b)):
        # a test each cost a hundred tsvector reads a row for a query of -words.
        sql, ps = to_sql(negatives[0] if len(negatives) == 1 else AnyOf(list(negatives)))
        conditions.append(f"NOT {sql}")
        condition_params += ps
    extra, extra_params = filter_conditions(filters, kind)
    conditions += extra
    condition_params += extra_params
    table, pk = TABLES[kind], KEYS[kind]
    key = "external_id" if kind == ARTICLES else "statement_id"  # what a Hit carries
    where_sql = " AND ".join(conditions)
    leaves = list(_leaves(node, {}).values())
    lexemes = sorted({lex for leaf in leaves
                      for lex in ([leaf.lexeme] if isinstance(leaf, Term) else
                                  leaf.lexemes if isinstance(leaf, Phrase) else [])})
    ranked = sort not in SORT_SQL and bool(lexemes)
    frequencies = frequencies or DocumentFrequencies()
    # (The matches' own columns only: a row's tsvector is read only to rank it.)
    parts, columns = ["SELECT count(*) FROM m"], [pk]
    for name in facets:
        column, value = FACET_SQL[kind][name]
        columns.append(column)
        parts.append(f"SELECT json_object_agg(v, n) FROM (SELECT {value} AS v, count(*) AS n "
                     f"FROM m GROUP BY 1) AS f WHERE v IS NOT NULL")
    select = ", ".join(f"({p})" for p in parts)
    stats_sql = ("(SELECT analyzer_version, docs, lengths, generation FROM search_stats "
                 f"WHERE kind = '{kind}')")
    statements = [(f"WITH m AS MATERIALIZED (SELECT {', '.join(dict.fromkeys(columns))} "
                   f"FROM {table} WHERE {where_sql}) SELECT {select}, s.* "
                   f"FROM {stats_sql} AS s", condition_params)]
    tests = [leaf for leaf in leaves if not isinstance(leaf, Term)]
    test_sql, test_params = [], []
    for leaf in tests:
        sql, ps = to_sql(leaf)
        test_sql.append(sql)
        test_params += ps
    tests_select = ", ".join(test_sql) or "NULL"
    query = (kind, table, pk, key, where_sql, condition_params, lexemes, tests_select, test_params)
    if not ranked:
        order = SORT_SQL.get(sort, pk)
        statements.append((f"SELECT {key} FROM {table} WHERE {where_sql} ORDER BY {order}, {pk} "
                           f"LIMIT %s OFFSET %s", condition_params + [limit, offset]))
    else:
        candidates = offset + limit + RANK_MARGIN
        statements.append(_top_sql(query, node, frequencies, candidates))
    if limit <= 0:
        statements.pop()
    results = _run(cursor, statements, one_trip, time_limit)
    found = Found()
    row = results[0][0] if results[0] else None
    if row is None or row[len(parts)] != analyzer_version(stemmer):
        raise IndexStale(row[len(parts)] if row else None)
    found.total = int(row[0])
    found.facets = {name: dict(row[i + 1] or {}) for i, name in enumerate(facets)}
    if not found.total or limit <= 0:
        return found
    if not ranked:
        found.keys = [(r[0], 1.0) for r in results[1]]
        return found
    docs, lengths, generation = row[len(parts) + 1: len(parts) + 4]
    stats = Stats(int(docs), [int(x) for x in lengths], int(generation))
    top = results[1]
    if top and top[0][6]:
        frequencies.learn(kind, stats.generation, top[0][6])
    frequencies.fill(cursor, kind, stats, lexemes)  # only what the index changed since
    scorer = Scorer(kind, stats)
    scored = _scored(scorer, node, tests, top)
    # Exact when every match was read, or when the page's last score beats the bound of
    # every row left unread (they are read in the order of their bounds).
    if len(top) == candidates and found.total > candidates:
        last = scored[offset + limit - 1][0] if len(scored) >= offset + limit else None
        unread = top[-1][5] + _condition_bound(node)
        if last is None or -last <= unread * (1 + BOUND_SLACK):
            scored = _scored(scorer, node, tests,
                             _run(cursor, [_rows_sql(query)], one_trip, time_limit)[0])
    found.keys = [(doc_key, -negative) for negative, _, doc_key in scored[offset: offset + limit]]
    return found


# How many rows beyond the page the ranking statement reads back; the bound is within a
# few per cent of the score (the field lengths are not quantized), so a few suffice.
RANK_MARGIN = 20
# Rounding between SQL's and Python's sums of the same terms.
BOUND_SLACK = 1e-9
# Whoosh quantizes field lengths to a byte: never below the length, except past the
# largest length a byte holds.
MAX_QUANTIZED = byte_to_length(255)


def _scored(scorer, node, tests, rows):
    """[(-score, pk, key)] of rows (pk, key, lengths, filtered tsvector, tests, …), best
    first, ties in index order as Whoosh's."""
    scored = []
    for row_pk, doc_key, lengths, filtered, test_values, *_ in rows:
        matched = {id(leaf): bool(v) for leaf, v in zip(tests, test_values or ())}
        _, score = scorer.score(node, (lengths, _frequencies(filtered), matched))
        scored.append((-score, row_pk, doc_key))
    scored.sort()
    return scored


def _lexeme_boosts(node, found=None):
    """{lexeme: summed boost of every term and phrase of `node` that reads it}."""
    found = {} if found is None else found
    if isinstance(node, Term):
        found[node.lexeme] = found.get(node.lexeme, 0.0) + node.boost
    elif isinstance(node, Phrase):
        for lexeme in node.lexemes:
            found[lexeme] = found.get(lexeme, 0.0) + node.boost
    elif isinstance(node, (AnyOf, AllOf)):
        for child in node.children:
            _lexeme_boosts(child, found)
    return found


def _condition_bound(node):
    """What the column conditions of `node` add to a score at most."""
    if isinstance(node, (Condition, Everything)):
        return node.boost
    if isinstance(node, (AnyOf, AllOf)):
        return sum(_condition_bound(child) for child in node.children)
    return 0.0


def _rows_sql(query):
    """Every match with its own occurrences of the query's lexemes: marked with weight A,
    then all else filtered out, which leaves a tsvector of a few lexemes with their
    positions. No ORDER BY: the planner would walk the primary key in order and test
    every row."""
    kind, table, pk, key, where_sql, condition_params, lexemes, tests_select, test_params = query
    return (f"SELECT {pk}, {key}, lengths, ts_filter(setweight(terms, 'A', %s::text[]), "
            f"'{{a}}')::text, ARRAY[{tests_select}]::bool[] FROM {table} WHERE {where_sql}",
            [lexemes] + test_params + condition_params)


def _top_sql(query, node, frequencies, candidates):
    """The `candidates` matches with the highest bound on their BM25F score, computed in
    the server, each with what _rows_sql reads, its bound and the document frequencies.

    The bound is the score's sum over the row's own occurrences of every query lexeme,
    weighted by the boosts of the terms and phrases reading it: what Scorer adds up,
    except that a clause of an AND the row does not fully match still counts and the
    field lengths are not quantized (Whoosh's byte is never below the length). The
    document frequencies not known at the statistics' generation are counted here,
    once, and returned with every row."""
    kind, table, pk, key, where_sql, condition_params, lexemes, tests_select, test_params = query
    boosts = _lexeme_boosts(node)
    field_of = {code: i + 1 for i, (_, code) in enumerate(FIELDS[kind])}
    generation, known = frequencies.known_at(kind)
    ordered = sorted(boosts)
    weights = (
        "WITH s AS MATERIALIZED (SELECT greatest(docs, 1)::float8 AS docs, lengths, generation "
        f"FROM search_stats WHERE kind = '{kind}'), "
        "q AS MATERIALIZED (SELECT u.lexeme, u.field, u.boost, coalesce(CASE WHEN s.generation = %s "
        f"THEN u.df END, (SELECT count(*) FROM {table} WHERE terms @@ u.query::tsquery)) AS df "
        "FROM s, unnest(%s::text[], %s::int[], %s::float8[], %s::bigint[], %s::text[]) "
        "AS u(lexeme, field, boost, df, query)), "
        "w AS MATERIALIZED (SELECT q.lexeme, q.field, q.boost * (ln(s.docs / (q.df + 1)) + 1) AS weight, "
        "coalesce(nullif(s.lengths[q.field] / s.docs, 0), 1) AS avgfl FROM q, s), ")
    weight_params = [generation if generation is not None else -1, ordered,
                     [field_of[lex[0]] for lex in ordered], [boosts[lex] for lex in ordered],
                     [known.get(lex) for lex in ordered], [_lexeme("", lex) for lex in ordered]]
    tf = "array_length(f.positions, 1)"
    bound = (f"(SELECT coalesce(sum(w.weight * ({tf} * {K1 + 1}) / ({tf} + {K1} * ({1 - B} + {B} * "
             f"greatest(least(r.lengths[w.field], {MAX_QUANTIZED}), 1) / w.avgfl))), 0) "
             "FROM unnest(ts_filter(setweight(r.terms, 'A', %s::text[]), '{a}')) AS f "
             "JOIN w ON w.lexeme = f.lexeme)")
    sql = (weights +
           f"top AS MATERIALIZED (SELECT r.{pk} AS top_pk, {bound} AS top_bound FROM {table} AS r "
           f"WHERE {where_sql} ORDER BY 2 DESC, 1 LIMIT %s) "
           f"SELECT {pk}, {key}, lengths, ts_filter(setweight(terms, 'A', %s::text[]), '{{a}}')::text, "
           f"ARRAY[{tests_select}]::bool[], top_bound, (SELECT json_object_agg(lexeme, df) FROM q) "
           f"FROM top JOIN {table} ON {pk} = top_pk ORDER BY top_bound DESC, {pk}")
    return sql, (weight_params + [lexemes] + condition_params + [candidates] + [lexemes]
                 + test_params)


def _run(cursor, statements, one_trip, time_limit):
    """[rows of each statement]: one execute each, or all in one message (see search)."""
    if not one_trip:
        results = []
        for sql, params in statements:
            cursor.execute(sql, params)
            results.append(cursor.fetchall())
        return results
    settings = ("SET LOCAL enable_seqscan = off; SET LOCAL jit = off; "  # planner_settings()
                f"SET LOCAL lock_timeout = '{READ_LOCK_WAIT}'; ")
    if time_limit is not None:
        settings += f"SET LOCAL statement_timeout = {max(1, math.ceil(time_limit * 1000))}; "
    cursor.execute(settings + "; ".join(sql for sql, _ in statements),
                   [p for _, params in statements for p in params])
    results = []
    while True:
        if cursor.description is not None:
            results.append(cursor.fetchall())
        if not cursor.nextset():
            return results


# --- did-you-mean ---------------------------------------------------------------------------


def _edit_distance(a, b, limit):
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _known(cursor, forms):
    lexemes = [f"X{forms.exact}", f"T{forms.exact}", f"x{forms.stem}", f"t{forms.stem}"]
    if forms.skeleton:
        lexemes.append(f"k{forms.skeleton}")
    query = " | ".join(_lexeme("", lex) for lex in lexemes)
    cursor.execute("SELECT EXISTS (SELECT 1 FROM search_article WHERE terms @@ %s::tsquery)", (query,))
    return cursor.fetchone()[0]


def _has_levenshtein(cursor):
    cursor.execute("SELECT to_regprocedure('levenshtein_less_equal(text,text,integer)') IS NOT NULL")
    return cursor.fetchone()[0]


def _closest(cursor, word, maxdist, prefix):
    """The vocabulary word within `maxdist` edits of `word` sharing its first `prefix`
    letters: fewest edits, then most documents (Whoosh's corrector's order). The words
    sharing a first letter are tens of thousands (ا begins every ال), so the distance is
    measured in the server when fuzzystrmatch is there."""
    start = word[:prefix]
    bounds = (start, start + "\U0010ffff", len(word) - maxdist, len(word) + maxdist)
    candidates = "FROM search_word WHERE word >= %s AND word < %s AND length(word) BETWEEN %s AND %s"
    if _has_levenshtein(cursor):
        cursor.execute(f"SELECT word, levenshtein_less_equal(word, %s, %s) AS d {candidates} "
                       "AND word <> %s AND levenshtein_less_equal(word, %s, %s) <= %s",
                       (word, maxdist, *bounds, word, word, maxdist, maxdist))
        near = [(d, w) for w, d in cursor.fetchall()]
    else:
        cursor.execute(f"SELECT word {candidates}", bounds)
        near = [(d, w) for (w,) in cursor.fetchall()
                if w != word and (d := _edit_distance(word, w, maxdist)) <= maxdist]
    if not near:
        return None
    best = min(d for d, _ in near)
    tied = sorted(w for d, w in near if d == best)[:20]
    cursor.execute(f"SELECT {count_sql(ARTICLES)}", ([_lexeme("X", w) for w in tied],))
    frequency = dict(zip(tied, cursor.fetchone()[0]))
    candidates = [w for w in tied if frequency[w]]
    return max(candidates, key=lambda w: (frequency[w], [-ord(c) for c in w])) if candidates else None


def _spelling(cursor, normalized):
    """The commonest written form of a normalized word (see ArchiveIndex._spelling)."""
    prefix = SURFACE_CODE + normalized + SURFACE_SEPARATOR
    cursor.execute(
        "SELECT u.lexeme, count(*) FROM search_article a, unnest(a.terms) AS u "
        "WHERE a.terms @@ %s::tsquery AND u.lexeme LIKE %s GROUP BY 1",
        (_lexeme("X", normalized) + " | " + _lexeme("T", normalized),
         prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"))
    pairs = cursor.fetchall()
    if not pairs:
        return normalized
    cursor.execute("SELECT count(*) FROM search_article WHERE terms @@ %s::tsquery",
                   (_lexeme("X", normalized),))
    plain = cursor.fetchone()[0] - sum(n for _, n in pairs)
    best, df = max(pairs, key=lambda pair: (pair[1], pair[0]))
    if plain > df:
        return normalized
    return best[len(prefix):]


def suggest(cursor, parsed, stemmer=DEFAULT_STEMMER):
    """The query with each word the archive lacks replaced by the closest word it has, as
    written there; None when every word is known (articles.text.query.corrected_query)."""

    def closest(forms):
        # A third of the vocabulary begins with ا (every ال): there the one-edit pass keeps
        # the first two letters, as the two-edit pass does everywhere.
        first = 2 if forms.exact.startswith("ا") else 1
        found = _closest(cursor, forms.exact, 1, first) or _closest(cursor, forms.exact, 2, 2)
        return found and _spelling(cursor, found)

    return q.corrected_query(parsed, stemmer, lambda forms: _known(cursor, forms), closest)
