"""The Whoosh backend (the default): two Whoosh indexes in a folder under var/.

The engine itself is plain Python in articles.text (schema, segments, store, fastsearch,
query's compiler); articles.indexing turns database rows into its documents. This module
is the only door the site goes through to reach them: neutral filters become Whoosh
queries here, the engine's hits become neutral Hits.
"""

from pathlib import Path

from whoosh import query as wq

from articles import indexing
from articles.search_backends.base import ARTICLES, STATEMENTS, Hit, Outcome, SearchBackend
from articles.text.schema import DEFAULT_STEMMER

# A neutral filter → (the index field it matches, the kinds of document that have it).
TERM_FILTERS = {
    "source": ("source", (ARTICLES, STATEMENTS)),
    "section": ("section", (ARTICLES,)),
    "speaker": ("speaker", (ARTICLES, STATEMENTS)),
    "kind": ("kind", (STATEMENTS,)),
    "year": ("year", (ARTICLES, STATEMENTS)),
    "month": ("month", (ARTICLES, STATEMENTS)),
}


def filter_query(filters, kind=ARTICLES):
    """clean_filters()'s dict as one Whoosh query (None when there are none)."""
    filters = filters or {}
    parts = [wq.Term(fieldname, filters[name])
             for name, (fieldname, kinds) in TERM_FILTERS.items()
             if filters.get(name) and kind in kinds]
    start, end = filters.get("date_from"), filters.get("date_to")
    if start or end:
        parts.append(wq.DateRange("published", start, end))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)


def _key(fields, kind):
    return fields["external_id"] if kind == ARTICLES else int(fields["statement_id"])


def _neutral(outcome, kind):
    return Outcome(
        hits=[Hit(_key(h.fields, kind), h.score, h.fields) for h in outcome.hits],
        total=outcome.total, partial=outcome.partial, facets=outcome.facets,
        highlight=outcome.highlight, suggestion=outcome.suggestion, notes=outcome.notes,
        took_ms=outcome.took_ms,
    )


class WhooshBackend(SearchBackend):
    name = "whoosh"

    def index(self):
        """The live index (articles.text.store.ArchiveIndex); IndexNeedsRebuild when
        there is none or it was built by another analyzer."""
        return indexing.open_archive_index()

    @property
    def stemmer(self):
        try:
            return self.index().stemmer
        except Exception:  # no usable index: the default analyzer still marks the words
            return DEFAULT_STEMMER

    def search(self, query, *, kind=ARTICLES, exact=False, filters=None, sort="relevance",
               page=1, per_page=20, time_limit=2.0, facets=()):
        outcome = self.index().search(
            query, kind=kind, exact=exact, filter_query=filter_query(filters, kind), sort=sort,
            page=page, per_page=per_page, time_limit=time_limit, facets=facets)
        return _neutral(outcome, kind)

    def more_like_this(self, external_id, text, limit=5):
        return [Hit(h.fields["external_id"], h.score, h.fields)
                for h in self.index().more_like_this(external_id, text, limit=limit)]

    def doc_count(self, kind=ARTICLES):
        return self.index().doc_count(kind)

    def index_articles(self, article_ids):
        return indexing.index_articles(article_ids)

    def remove_articles(self, external_ids):
        return indexing.remove_articles(external_ids)

    def rebuild(self, workers=1, progress=None):
        return indexing.rebuild(workers=workers, progress=progress)

    def default_workers(self):
        return indexing.default_workers()

    def location(self):
        return str(Path(indexing.index_folder()))

    def check(self):
        return indexing.check()

    def catch_up(self, **options):
        # articles.indexing's own catch_up, which knows the index folder's state.
        return indexing.catch_up(**options)

    def needs_rebuild(self):
        return indexing.needs_rebuild()
