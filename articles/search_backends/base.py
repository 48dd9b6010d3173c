"""The interface every search backend implements, and the errors callers handle.

A backend ranks and counts; the database supplies what is shown. Its input is the
parsed query tree (articles.text.query.ParsedQuery, built from what the user typed)
plus neutral filters (a dict: source, section, speaker, kind, year, month, date_from,
date_to); its output an Outcome of Hits carrying ids, never engine objects.
"""

import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string

from articles.text.query import HighlightTerms

BACKENDS = {
    "whoosh": "articles.search_backends.whoosh.WhooshBackend",
    "postgres": "articles.search_backends.postgres.PostgresBackend",
}


class SearchUnavailable(Exception):
    """The search index cannot answer: missing, built by another analyzer version, or
    the backend is not usable with this database. The message says what to run."""


class IndexBusy(Exception):
    """A write to the index waited longer than its lock timeout (another writer held it)."""


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


class SearchBackend:
    """Operations the site needs of a search engine. `kind` is "articles" or "statements"."""

    name = ""
    # The light stemmer the snippets and highlights use, so they mark what the backend found.
    stemmer = "light"

    def search(self, text, *, kind="articles", exact=False, filters=None, sort="relevance",
               page=1, per_page=20, time_limit=2.0, facets=()):
        """An Outcome: the page's hits, the total, facet counts for `facets`."""
        raise NotImplementedError

    def counts_by(self, text, facet, *, kind="articles", exact=False, filters=None, time_limit=2.0):
        """({value: count}, Outcome) of the matches by one facet (the chart: "month")."""
        outcome = self.search(text, kind=kind, exact=exact, filters=filters, per_page=1,
                              time_limit=time_limit, facets=(facet,))
        return outcome.facets.get(facet, {}), outcome

    def more_like_this(self, external_id, text, limit=5):
        """Hits for the articles most like this one (itself left out)."""
        raise NotImplementedError

    def doc_count(self, kind="articles"):
        raise NotImplementedError

    # --- writing ---------------------------------------------------------------------

    def index_articles(self, article_ids):
        """(Re)index these articles and their public statements (primary keys)."""
        raise NotImplementedError

    def remove_articles(self, external_ids):
        raise NotImplementedError

    def rebuild(self, workers=1, progress=None):
        """Index everything anew; returns the number of articles indexed."""
        raise NotImplementedError

    def check(self):
        """{"missing", "stale", "extra", counts…} comparing the database and the index."""
        raise NotImplementedError

    def catch_up(self):
        """Index what the index lacks or holds stale; returns how many articles."""
        raise NotImplementedError

    def needs_rebuild(self):
        """Why the index should be rebuilt, or None."""
        raise NotImplementedError


_backend = None
_lock = threading.Lock()


def get_backend():
    """The configured backend, one per process."""
    global _backend
    if _backend is None:
        with _lock:
            if _backend is None:
                name = getattr(settings, "NEWSARCHIVE_SEARCH_BACKEND", "whoosh")
                if name not in BACKENDS:
                    raise SearchUnavailable(
                        f"NEWSARCHIVE_SEARCH_BACKEND={name!r}: choose one of {', '.join(BACKENDS)}")
                _backend = import_string(BACKENDS[name])()
    return _backend


def reset_backend():
    """Forget the backend (tests that change the setting)."""
    global _backend
    _backend = None
