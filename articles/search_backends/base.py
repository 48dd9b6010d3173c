"""The interface every search backend implements, and what callers hand it.

A backend ranks and counts; the database supplies what is shown. Its input is the
parsed query tree (articles.text.query.ParsedQuery, built from what the user typed) plus
neutral filters (a dict, cleaned by `clean_filters`); its output an Outcome of Hits that
carry ids, never engine objects. Errors are the neutral ones of
articles.search_backends.errors.

Django is imported only when the configured backend is first asked for, so the errors
and the data classes stay importable from plain Python.
"""

import importlib
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time

from articles.search_backends.errors import IndexBusy, RebuildFailed, SearchUnavailable  # noqa: F401
from articles.text.highlight import matched_spans
from articles.text.query import HighlightTerms, ParsedQuery, highlight_terms

# The two kinds of document a search returns.
ARTICLES = "articles"
STATEMENTS = "statements"
KINDS = (ARTICLES, STATEMENTS)
# The stemmer the archive uses, chosen by bench/eval_search.py (docs/search.md). A
# backend built with another one says so in its `stemmer`.
DEFAULT_STEMMER = "light"
SORTS = ("relevance", "newest", "oldest")

BACKENDS = {
    "whoosh": "articles.search_backends.whoosh.WhooshBackend",
    "postgres": "articles.search_backends.postgres.PostgresBackend",
}
DEFAULT_BACKEND = "whoosh"


@dataclass
class Hit:
    """One match: `key` is the article's external_id or the statement's primary key."""

    key: str | int
    score: float
    fields: dict = field(default_factory=dict)


@dataclass
class Outcome:
    hits: list = field(default_factory=list)
    total: int = 0
    partial: bool = False  # stopped at the time limit: total undercounts
    facets: dict = field(default_factory=dict)  # facet name → {value: count}
    highlight: HighlightTerms = field(default_factory=HighlightTerms)
    suggestion: str | None = None
    notes: list = field(default_factory=list)
    took_ms: float = 0.0


# --- filters --------------------------------------------------------------------------


def _positive_int(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 1 else None


def _as_datetime(value, end=False):
    """A naive datetime (the archive's dates are UTC) from a date, datetime or ISO string."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, time.max if end else time.min)
    if isinstance(value, str) and value.strip():
        try:
            return _as_datetime(date.fromisoformat(value.strip()), end)
        except ValueError:
            return None
    return None


def clean_filters(filters, kind=ARTICLES):
    """The UI's filters as the dict every backend reads: source, section (articles only),
    speaker, kind (statements only) as strings, year as "YYYY", month as "YYYY-MM",
    date_from and date_to as naive datetimes (the first and the last moment). Junk values
    are dropped: the filter form has already told the user about them."""
    filters = filters or {}
    cleaned = {}
    for name in ("source", "speaker"):
        if filters.get(name):
            cleaned[name] = str(filters[name])
    if filters.get("section") and kind == ARTICLES:
        cleaned["section"] = str(filters["section"])
    if filters.get("kind") and kind == STATEMENTS:
        cleaned["kind"] = str(filters["kind"])
    year = _positive_int(filters.get("year"))
    if year:
        cleaned["year"] = f"{year:04d}"
    month = str(filters.get("month") or "")
    if len(month) == 7 and month[4] == "-" and month[:4].isdigit() and month[5:].isdigit():
        cleaned["month"] = month
    start = _as_datetime(filters.get("date_from"))
    end = _as_datetime(filters.get("date_to"), end=True)
    if start:
        cleaned["date_from"] = start
    if end:
        cleaned["date_to"] = end
    return cleaned


# --- the interface ----------------------------------------------------------------------


class SearchBackend:
    """Operations the site needs of a search engine. `kind` is ARTICLES or STATEMENTS.

    A new backend subclasses this, implements the methods that raise
    NotImplementedError, is named in BACKENDS, and passes tests/backend_contract.py."""

    name = ""

    @property
    def stemmer(self):
        """The stemmer the index was built with: snippets and the article page's marks use
        it, so they mark what the search found."""
        return DEFAULT_STEMMER

    # --- reading -----------------------------------------------------------------------

    def search(self, query, *, kind=ARTICLES, exact=False, filters=None, sort="relevance",
               page=1, per_page=20, time_limit=2.0, facets=()):
        """An Outcome: the page's hits, the total, facet counts for `facets`.

        `query` is a ParsedQuery; one with nothing typed (query.text blank) browses
        everything the filters let through. `filters` is clean_filters()'s dict. `sort` is
        one of SORTS; the undated come last in both date orders. A search that runs past
        `time_limit` seconds returns what it found with `partial` set."""
        raise NotImplementedError

    def counts_by(self, query, facet, *, kind=ARTICLES, exact=False, filters=None, time_limit=2.0):
        """({value: count}, Outcome) of the matches by one facet (the chart: "month")."""
        outcome = self.search(query, kind=kind, exact=exact, filters=filters, per_page=1,
                              time_limit=time_limit, facets=(facet,))
        return outcome.facets.get(facet, {}), outcome

    def more_like_this(self, external_id, text, limit=5):
        """Hits for the articles most like this one (its own text given), itself left out."""
        raise NotImplementedError

    def highlight_terms(self, query, exact=False):
        """The HighlightTerms of a ParsedQuery: the word forms a snippet marks."""
        return highlight_terms(query, stemmer=self.stemmer, exact_mode=exact)

    def highlight_spans(self, text, query, exact=False, limit=None):
        """[(start, end)] of the words of `text` the ParsedQuery matches, the first
        `limit` of them (the article page's marks)."""
        return matched_spans(text or "", self.highlight_terms(query, exact), self.stemmer, limit=limit)

    def doc_count(self, kind=ARTICLES):
        raise NotImplementedError

    # --- writing -----------------------------------------------------------------------

    def index_articles(self, article_ids):
        """(Re)index these articles (database pks) and their public statements."""
        raise NotImplementedError

    def remove_articles(self, external_ids):
        """Remove these articles and their statements from the index."""
        raise NotImplementedError

    def rebuild(self, workers=1, progress=None):
        """Index everything anew; returns the number of articles indexed. `progress` is
        called with (done, total). Raises RebuildFailed or IndexBusy, leaving the live
        index as it was."""
        raise NotImplementedError

    def default_workers(self):
        """How many processes rebuild() uses when not told."""
        return 1

    def location(self):
        """Where the index lives, for messages ("into …")."""
        return self.name

    def check(self):
        """Compare database and index: {"missing", "stale", "extra", "not_extracted"} lists
        of external ids and "articles_in_db", "articles_in_index", "statements_in_db",
        "statements_in_index" counts."""
        raise NotImplementedError

    def catch_up(self, rebuild_when_quicker=False, workers=1, progress=None, also=()):
        """Index what the index lacks or holds stale, and the articles `also` (pks) whatever
        the comparison says; returns how many articles. With `rebuild_when_quicker` (the
        bulk import) the whole index is rebuilt instead when rebuild_pays_off says so
        (`workers` and `progress` as for rebuild)."""
        report = self.check()
        behind = report["missing"] + report["stale"]
        ids = {int(i) for i in also}
        if behind:
            from articles.models import Article

            for offset in range(0, len(behind), 900):  # under SQLite's bound-parameter limit
                ids.update(Article.objects.filter(external_id__in=behind[offset: offset + 900])
                           .values_list("pk", flat=True))
        if rebuild_when_quicker and self.rebuild_pays_off(len(ids)):
            return self.rebuild(workers=workers, progress=progress)
        if ids:
            self.index_articles(sorted(ids))
        return len(ids)

    def rebuild_pays_off(self, count):
        """Whether indexing `count` more articles is quicker as one rebuild than one by one."""
        return False

    def needs_rebuild(self):
        """Why the index should be rebuilt (missing, another analyzer, counts differ), or None."""
        raise NotImplementedError


# --- which backend ----------------------------------------------------------------------

_backend = None
_lock = threading.Lock()


def backend_name():
    from django.conf import settings

    return getattr(settings, "NEWSARCHIVE_SEARCH_BACKEND", DEFAULT_BACKEND) or DEFAULT_BACKEND


def get_backend():
    """The configured backend (NEWSARCHIVE_SEARCH_BACKEND), one per process. Raises
    SearchUnavailable, never ImportError, when it cannot be had."""
    global _backend
    if _backend is None:
        with _lock:
            if _backend is None:
                _backend = _load(backend_name())
    return _backend


def _load(name):
    if name not in BACKENDS:
        raise SearchUnavailable(
            f"NEWSARCHIVE_SEARCH_BACKEND={name!r} is not a search backend; "
            f"choose one of: {', '.join(BACKENDS)}", fix=f"NEWSARCHIVE_SEARCH_BACKEND={DEFAULT_BACKEND}")
    module_path, class_name = BACKENDS[name].rsplit(".", 1)
    try:
        module = importlib.import_module(module_path)
    except ImportError as error:
        raise SearchUnavailable(
            f"the {name!r} search backend cannot be loaded ({error})",
            fix=f"NEWSARCHIVE_SEARCH_BACKEND={DEFAULT_BACKEND}") from None
    return getattr(module, class_name)()


def reset_backend():
    """Forget the backend (tests that change the setting)."""
    global _backend
    _backend = None


# --- keeping the index in step with the database ----------------------------------------

_suspension = threading.local()


@contextmanager
def suspended_auto_index():
    """Inside this block, saves do not index one by one; the caller indexes in batches
    when it is done. Nests; per thread."""
    _suspension.depth = getattr(_suspension, "depth", 0) + 1
    try:
        yield
    finally:
        _suspension.depth -= 1


def auto_index_enabled():
    from django.conf import settings

    return getattr(settings, "NEWSARCHIVE_AUTO_INDEX", True) and not getattr(_suspension, "depth", 0)


__all__ = [
    "ARTICLES", "STATEMENTS", "KINDS", "DEFAULT_STEMMER", "SORTS", "BACKENDS", "Hit", "Outcome",
    "ParsedQuery", "SearchBackend", "SearchUnavailable", "IndexBusy", "RebuildFailed",
    "clean_filters", "get_backend", "reset_backend", "backend_name", "suspended_auto_index",
    "auto_index_enabled",
]
