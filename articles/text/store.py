"""The on-disk index: two Whoosh indexes (articles, statements) in one folder.

Plain Python: documents come in as dicts (built from the database by
articles.indexing, or straight from the corpus by the bench), searches come back as
plain hits. The folder carries an `index.json` with the analyzer version; an index
whose version differs from the code's, or that is missing, is refused with
IndexNeedsRebuild rather than searched with the wrong analyzer.
"""

import json
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as windex
from whoosh import sorting
from whoosh.collectors import TimeLimitCollector
from whoosh.searching import TimeLimit
from whoosh.support.levenshtein import distance

from articles.search_backends import errors
from articles.text import fastsearch, segments
from articles.text import query as q
from articles.text import whoosh_query as wquery
from articles.text.schema import (
    ARTICLES,
    DEFAULT_STEMMER,
    SCHEMAS,
    STATEMENTS,
    analyzer_version,
)
from articles.text.analysis import SURFACE_SEPARATOR
from articles.text.normalize import normalize_arabic

META_FILE = "index.json"
REBUILD_HINT = f"run: {errors.REBUILD_COMMAND}"


class IndexNeedsRebuild(errors.IndexNeedsRebuild):
    """The index is missing, or was built by another analyzer version."""

    def __init__(self, reason):
        super().__init__(f"The search index {reason}; {REBUILD_HINT}")
        self.reason = reason


class IndexLockTimeout(errors.IndexBusy):
    """Another process held the index writer lock for longer than we may wait."""

    def __init__(self, folder, timeout):
        super().__init__(
            f"The search index in {folder} is locked by another writer (waited {timeout:g} s). "
            "Another import or rebuild_index is probably running; try again when it ends."
        )


# --- folders ------------------------------------------------------------------------


def read_meta(folder):
    path = Path(folder) / META_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def index_state(folder, stemmer=None):
    """'ok', 'missing' or 'stale' (built by another analyzer version)."""
    folder = Path(folder)
    meta = read_meta(folder)
    if meta is None or not all(windex.exists_in(folder, indexname=n) for n in SCHEMAS):
        return "missing"
    wanted = analyzer_version(stemmer or meta.get("stemmer", DEFAULT_STEMMER))
    if meta.get("analyzer_version") != wanted or (stemmer and meta.get("stemmer") != stemmer):
        return "stale"
    return "ok"


def create(folder, stemmer=DEFAULT_STEMMER):
    """A new, empty pair of indexes in `folder` (which is emptied first)."""
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, schema in SCHEMAS.items():
        windex.create_in(folder, schema(stemmer), indexname=name)
    meta = {"analyzer_version": analyzer_version(stemmer), "stemmer": stemmer,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    (folder / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    return ArchiveIndex(folder)


def replace(target, built):
    """Swap a freshly built folder in place of the live one (readers keep their files)."""
    target, built = Path(target), Path(built)
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    built.rename(target)
    shutil.rmtree(old, ignore_errors=True)


_open = {}
_open_lock = threading.Lock()


def _meta_stamp(folder):
    """Changes when the folder is replaced by a rebuild (a new index.json)."""
    try:
        st = (Path(folder) / META_FILE).stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def open_index(folder, *, create_missing=False, stemmer=None):
    """The index in `folder`, reused across calls (and its searchers with it) until a
    rebuild replaces the folder."""
    if stemmer is None:
        # The common case, once per search: a folder already checked and opened, whose
        # index.json is the same file as then (a rebuild or a removal changes that).
        cached = _open.get(str(Path(folder).resolve()))
        if cached is not None and cached.stamp is not None and cached.stamp == _meta_stamp(folder):
            return cached
    state = index_state(folder, stemmer)
    if state == "ok":
        key = str(Path(folder).resolve())
        with _open_lock:
            cached = _open.get(key)
            if cached is None or cached.stamp != _meta_stamp(folder):
                cached = _open[key] = ArchiveIndex(folder)
            return cached
    if state == "missing" and create_missing:
        return create(folder, stemmer or DEFAULT_STEMMER)
    if state == "missing":
        raise IndexNeedsRebuild(f"in {folder} does not exist yet")
    raise IndexNeedsRebuild(
        f"in {folder} was built by analyzer {(read_meta(folder) or {}).get('analyzer_version')}, "
        f"this code uses {analyzer_version(stemmer or DEFAULT_STEMMER)}"
    )


# --- documents ----------------------------------------------------------------------


def _join(*parts):
    return "\n".join(p for p in parts if p)


def _dates(published):
    if published is None:
        return {}
    # Whoosh compares naive datetimes; the archive stores UTC.
    naive = published.replace(tzinfo=None)
    return {"published": naive, "year": f"{naive:%Y}", "month": f"{naive:%Y-%m}"}


def article_document(article):
    """Whoosh fields for one article dict:
    external_id, title, abstract, body, source_code, source_name, section, author,
    published (datetime|None), statements [text], speakers [{slug, names}], fingerprint."""
    rest = _join(article.get("abstract", ""), article.get("body", ""))
    speakers = article.get("speakers") or []
    statements = _join(*(article.get("statements") or []))
    names = _join(*(n for s in speakers for n in s["names"]))
    doc = {
        "external_id": article["external_id"],
        "title": article["title"],
        "text": rest,
        "statements": statements,
        "exact_title": article["title"],
        "exact_text": rest,
        "skeleton": _join(article["title"], rest),
        "surface": _join(article["title"], rest),
        "speaker_names": names,
        "speaker_skeleton": names,
        "author": article.get("author") or "",
        "source": article.get("source_code") or "",
        "source_norm": normalize_arabic(article.get("source_name") or ""),
        "section": article.get("section") or "",
        "section_norm": normalize_arabic(article.get("section") or ""),
        "speaker": ",".join(s["slug"] for s in speakers),
        "fingerprint": article.get("fingerprint", ""),
        **_dates(article.get("published")),
    }
    return {k: v for k, v in doc.items() if v != "" or k in ("title", "text")}


def statement_document(statement):
    """Whoosh fields for one statement dict: id, article_id, text, speaker_slug,
    speaker_names [..], kind, source_code, source_name, section, published."""
    names = _join(*(statement.get("speaker_names") or []))
    doc = {
        "statement_id": str(statement["id"]),
        "article_id": statement["article_id"],
        "text": statement["text"],
        "exact_text": statement["text"],
        "skeleton": statement["text"],
        "speaker_names": names,
        "speaker_skeleton": names,
        "speaker": statement.get("speaker_slug") or "",
        "kind": statement.get("kind") or "",
        "source": statement.get("source_code") or "",
        "source_norm": normalize_arabic(statement.get("source_name") or ""),
        "section_norm": normalize_arabic(statement.get("section") or ""),
        **_dates(statement.get("published")),
    }
    return {k: v for k, v in doc.items() if v != ""}


# --- search -------------------------------------------------------------------------


@dataclass
class Hit:
    fields: dict
    score: float


@dataclass
class Outcome:
    hits: list = field(default_factory=list)
    total: int = 0
    partial: bool = False
    facets: dict = field(default_factory=dict)  # field → {value: count}
    highlight: q.HighlightTerms = field(default_factory=q.HighlightTerms)
    suggestion: str | None = None
    notes: list = field(default_factory=list)
    took_ms: float = 0.0


def _split_slugs(value):
    return [slug for slug in (value or "").split(",") if slug]


class SegmentValues(segments.SegmentCache):
    """Each segment's facet values, one entry per document, decoded once.

    Whoosh's FieldFacet opens a column reader per segment per search, which decodes the
    offsets of every document (a fifth of a search's time on the corpus); the speaker
    facet unpickled the stored fields of every match.
    """

    def __init__(self, stored_lists=()):
        super().__init__()
        # fields read from the stored, comma-separated value (the articles' speakers)
        self.stored_lists = frozenset(stored_lists)

    def load(self, reader, fieldname):
        shared = {}
        if fieldname in self.stored_lists:
            return [tuple(shared.setdefault(slug, slug) for slug in _split_slugs(fields.get(fieldname)))
                    for fields in (reader.stored_fields(d) for d in range(reader.doc_count_all()))]
        column = reader.column_reader(fieldname, translate=True)
        return [shared.setdefault(value, value) for value in column]


class CachedFacet(sorting.FacetType):
    """Counts by a field's value from SegmentValues (several values: `overlap`)."""

    def __init__(self, fieldname, cache, overlap=False):
        self.fieldname, self.cache, self.overlap = fieldname, cache, overlap
        self.maptype = sorting.Count

    def categorizer(self, global_searcher):
        return _CachedCategorizer(self.fieldname, self.cache, self.overlap)


class _CachedCategorizer(sorting.Categorizer):
    def __init__(self, fieldname, cache, overlap):
        self.fieldname, self.cache, self.allow_overlap = fieldname, cache, overlap
        self.values = None

    def set_searcher(self, segment_searcher, docoffset):
        self.values = self.cache.get(segment_searcher.reader(), self.fieldname)

    def key_for(self, matcher, segment_docnum):
        return self.values[segment_docnum]

    def keys_for(self, matcher, segment_docnum):
        return self.values[segment_docnum]


class PublicationOrder(sorting.FacetType):
    """Sorts by publication date, newest or oldest first, with the undated last either way.

    Whoosh stores a missing date as the column's default, the largest number it holds, so
    a plain reversed sort on `published` put every undated document before the newest."""

    def __init__(self, newest_first, fieldname="published"):
        self.newest_first, self.fieldname = newest_first, fieldname
        self.maptype = None

    def categorizer(self, global_searcher):
        undated = global_searcher.schema[self.fieldname].default
        return _PublicationCategorizer(self.fieldname, undated, self.newest_first)


class _PublicationCategorizer(sorting.Categorizer):
    def __init__(self, fieldname, undated, newest_first):
        self.fieldname, self.undated, self.newest_first = fieldname, undated, newest_first
        self.column = None

    def set_searcher(self, segment_searcher, docoffset):
        reader = segment_searcher.reader()
        # An index without a segment reads as one empty reader, which has no columns (and
        # no document to sort).
        self.column = reader.column_reader(self.fieldname, translate=False) if reader.doc_count_all() else None

    def key_for(self, matcher, segment_docnum):
        # Ascending keys; `undated` is larger than any date, so it sorts last both ways.
        moment = self.column[segment_docnum]
        if self.newest_first and moment != self.undated:
            return -moment
        return moment


SORTS = {"relevance": None, "newest": PublicationOrder(newest_first=True),
         "oldest": PublicationOrder(newest_first=False)}
FEW_HITS = 3


class ArchiveIndex:
    def __init__(self, folder):
        self.folder = Path(folder)
        meta = read_meta(self.folder) or {}
        self.stemmer = meta.get("stemmer", DEFAULT_STEMMER)
        self._ix = {}
        self._local = threading.local()
        self.stamp = _meta_stamp(self.folder)
        self.facet_values = {ARTICLES: SegmentValues(stored_lists=("speaker",)),
                             STATEMENTS: SegmentValues()}
        self.field_lengths = {ARTICLES: fastsearch.SegmentLengths(),
                              STATEMENTS: fastsearch.SegmentLengths()}

    def ix(self, name):
        if name not in self._ix:
            self._ix[name] = windex.open_dir(self.folder, indexname=name)
        return self._ix[name]

    def searcher(self, name):
        """This thread's searcher, refreshed when a writer has committed since.

        Opening a searcher reads every segment's term tables (about 100 ms), so it is
        kept; Whoosh searchers are not shared between threads. A stale one is replaced,
        not `refresh()`ed: refresh reuses the old reader of every segment that is still
        there, deletions and all, so a document deleted and re-added since (an article
        reindexed) came back twice."""
        searchers = getattr(self._local, "searchers", None)
        if searchers is None:
            searchers = self._local.searchers = {}
        current = searchers.get(name)
        if current is not None and current.up_to_date():
            return current
        if current is not None:
            current.close()
        searcher = searchers[name] = self.ix(name).searcher()
        # An index without a segment (no statement indexed yet) reads as one empty reader
        # that has no segment.
        live = {r.segment().segment_id() for r, _ in searcher.reader().leaf_readers()
                if r.segment() is not None}
        self.facet_values[name].forget_except(live)
        self.field_lengths[name].forget_except(live)
        return searcher

    @contextmanager
    def writer(self, name, *, timeout):
        try:
            # compound=False: a searcher reads a compound segment by copying it into a
            # private BytesIO, so every thread's searcher held a copy of the whole index
            # (4.4 GB for a 4-thread worker on the corpus); separate files are mapped.
            writer = segments.ArchiveSegmentWriter(self.ix(name), timeout=timeout, delay=0.1,
                                                   compound=False)
        except windex.LockError:
            raise IndexLockTimeout(self.folder, timeout) from None
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise
        else:
            writer.commit()

    def worker_writer(self, name):
        """An unlocked writer for one process of a parallel build (see segments.py);
        its segments become visible only through adopt()."""
        return segments.open_unlocked_writer(self.ix(name), compound=False)

    def adopt(self, name, built, *, timeout):
        """Make the segments written by worker_writer()s part of the index, in one commit."""
        try:
            segments.adopt_segments(self.ix(name), built, timeout=timeout)
        except windex.LockError:
            raise IndexLockTimeout(self.folder, timeout) from None

    def doc_count(self, name=ARTICLES):
        return self.ix(name).doc_count()

    def stored(self, name=ARTICLES):
        """{unique id: stored fields} for every document (check_index)."""
        key = "external_id" if name == ARTICLES else "statement_id"
        with self.ix(name).searcher() as searcher:
            return {f[key]: f for f in searcher.all_stored_fields()}

    def search(self, text, *, kind=ARTICLES, exact=False, filter_query=None,
               sort="relevance", page=1, per_page=20, time_limit=2.0, facets=(), fields=None):
        """`text`: what the user typed, or its ParsedQuery. `fields`: field → boost table
        overriding the default (the bench uses it to switch the skeleton field off)."""
        started = time.perf_counter()
        if fields is None:
            fields = wquery.ARTICLE_FIELDS if kind == ARTICLES else wquery.STATEMENT_FIELDS
        parsed = text if isinstance(text, q.ParsedQuery) else q.parse(text)
        query, highlight = wquery.build(parsed, fields=fields, stemmer=self.stemmer, exact_mode=exact)
        outcome = Outcome(highlight=highlight, notes=list(parsed.notes))
        if query is None and not parsed.text.strip():
            query = wquery.wq.Every()  # nothing typed: browse (by the filters, if any)
        if query is not None and filter_query is not None:
            # The filter joins the query (scoring nothing) rather than going to the
            # collector: Whoosh's FilterCollector is skipped under a TimeLimitCollector.
            query = wquery.wq.And([query, wquery.wq.ConstantScoreQuery(filter_query, 0.0)])
        if query is not None:
            searcher = self.searcher(kind)
            if True:  # one searcher per thread, kept open between searches
                self._collect(searcher, query, outcome, sort, page, per_page, time_limit, facets,
                              kind)
                if outcome.total < FEW_HITS and not parsed.is_empty:
                    outcome.suggestion = self._suggest(searcher, parsed, kind)
        outcome.took_ms = round((time.perf_counter() - started) * 1000, 1)
        return outcome

    def _facet(self, kind, name):
        values = self.facet_values[kind]
        return CachedFacet(name, values, overlap=name in values.stored_lists)

    # Rank by relevance with articles.text.fastsearch where it covers the query (the
    # search box's queries); False makes every search use Whoosh's collector (the
    # equivalence tests compare the two).
    fast_path = True

    def _collect(self, searcher, query, outcome, sort, page, per_page, time_limit, facets,
                 kind=ARTICLES):
        sortedby = SORTS.get(sort, SORTS["relevance"])
        found = None
        if sortedby is None and self.fast_path:
            values = self.facet_values[kind]
            try:
                found = fastsearch.search(
                    searcher, query, limit=page * per_page, lengths=self.field_lengths[kind],
                    time_limit=time_limit,
                    facets={name: (values, name in values.stored_lists) for name in facets})
            except fastsearch.Unsupported:
                pass  # a phrase, a date in the query: Whoosh's collector below
        if found is not None:
            outcome.total = found.total
            outcome.partial = found.partial
            start = (page - 1) * per_page
            for docnum, score in found.hits[start: start + per_page]:
                outcome.hits.append(Hit(dict(searcher.stored_fields(docnum)), score))
            outcome.facets = {name: dict(found.facets[name]) for name in facets}
            return
        groupedby = {name: self._facet(kind, name) for name in facets}
        collector = searcher.collector(
            limit=page * per_page, sortedby=sortedby,
            groupedby=groupedby or None, optimize=False,
        )
        timed = TimeLimitCollector(collector, time_limit, use_alarm=False)
        try:
            searcher.search_with_collector(query, timed)
        except TimeLimit:
            outcome.partial = True
        results = timed.results()
        outcome.total = results.scored_length() if outcome.partial else len(results)
        start = (page - 1) * per_page
        for hit in results[start: start + per_page]:
            outcome.hits.append(Hit(dict(hit.fields()), float(hit.score or 0.0)))
        for name in facets:
            try:
                outcome.facets[name] = dict(results.groups(name))
            except KeyError:
                outcome.facets[name] = {}

    def _suggest(self, searcher, parsed, kind):
        """Replace each word the index lacks by the closest real word, as written
        (articles.text.query.corrected_query)."""
        if kind != ARTICLES:
            return None
        reader = searcher.reader()

        def closest(forms):
            # A close first letter keeps the lexicon walk short (tens of ms).
            found = self._closest(reader, forms.exact, 1, 1) or self._closest(reader, forms.exact, 2, 2)
            return found and self._spelling(reader, found)

        return q.corrected_query(parsed, self.stemmer, lambda forms: self._known(reader, forms), closest)

    @staticmethod
    def _closest(reader, word, maxdist, prefix):
        """The indexed word within `maxdist` edits of `word` sharing its first `prefix`
        letters that Whoosh's corrector (searcher.corrector(...).suggest, limit 1) picks:
        the most frequent, then the last in order; None when there is none.

        The corrector measures the edit distance to every word sharing the prefix, at a
        cost that grows with the length of the typed word (a pasted 500-letter word took
        minutes); a word whose length differs by more than `maxdist` cannot be that close,
        so here it is passed over unmeasured."""
        best = None
        for term in reader.expand_prefix("exact_text", word[:prefix]):
            term = term.decode("utf-8") if isinstance(term, bytes) else term
            if abs(len(term) - len(word)) > maxdist or distance(term, word, limit=maxdist) > maxdist:
                continue
            candidate = (reader.frequency("exact_text", term) or 1, term)
            best = max(best or candidate, candidate)
        return best[1] if best else None

    @staticmethod
    def _spelling(reader, normalized):
        """The commonest written form of a normalized word in the archive.

        The surface field pairs only the spellings that differ from the normalized form
        (أذربيجان for اذربيجان); the articles that write the word plainly are the rest of
        the word's document frequency."""
        prefix = normalized + SURFACE_SEPARATOR
        pairs = [(reader.doc_frequency("surface", t), t)
                 for t in reader.expand_prefix("surface", prefix)]
        if not pairs:
            return normalized
        plain = reader.doc_frequency("exact_text", normalized) - sum(df for df, _ in pairs)
        df, best = max(pairs)
        if plain > df:
            return normalized
        best = best.decode("utf-8") if isinstance(best, bytes) else best
        return best[len(prefix):]

    @staticmethod
    def _known(reader, forms):
        """A word is known when any of its forms is in the index (variants count)."""
        return any(
            reader.doc_frequency(name, form)
            for name, form in (("exact_text", forms.exact), ("exact_title", forms.exact),
                               ("text", forms.stem), ("title", forms.stem),
                               ("skeleton", forms.skeleton))
        )

    def more_like_this(self, external_id, text, limit=5):
        """Articles sharing the most distinctive words of `text` (the article's own).

        Whoosh's more_like: the 25 key terms of the text (Bo1 model) ORed, the article
        itself left out; ranked by fastsearch unless fast_path is off (Whoosh's
        collector took ~0.9 s of an article page at 126k articles)."""
        searcher = self.searcher(ARTICLES)
        docnum = searcher.document_number(external_id=external_id)
        if docnum is None:
            return []
        if not self.fast_path:
            hits = searcher.more_like(docnum, "exact_text", text=text, top=limit, numterms=25)
            return [Hit(dict(h.fields()), float(h.score or 0.0)) for h in hits]
        # normalize=False: more_like's default (key_terms_from_text's is True).
        key_terms = searcher.key_terms_from_text("exact_text", text, numterms=25, normalize=False)
        query = wquery.wq.Or([wquery.wq.Term("exact_text", word, boost=weight) for word, weight in key_terms])
        found = fastsearch.search(searcher, query, limit=limit + 1,
                                  lengths=self.field_lengths[ARTICLES])
        return [Hit(dict(searcher.stored_fields(d)), score)
                for d, score in found.hits if d != docnum][:limit]

    def counts_by(self, text, facet, *, kind=ARTICLES, exact=False, filter_query=None,
                  time_limit=2.0):
        outcome = self.search(text, kind=kind, exact=exact, filter_query=filter_query,
                              per_page=1, time_limit=time_limit, facets=(facet,))
        return outcome.facets.get(facet, {}), outcome
