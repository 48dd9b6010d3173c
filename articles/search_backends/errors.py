"""The errors every caller of a search backend handles, whatever the engine.

Plain Python, no Django: the engines' own plain modules (articles.text.store) raise
subclasses of these, so the site catches one neutral class per situation.
"""


REBUILD_COMMAND = "python manage.py rebuild_index"


class SearchUnavailable(Exception):
    """The search index cannot answer: missing, built by another analyzer version, or the
    backend is not usable here. The message says why; `fix` is what the operator runs or
    sets, `code` the API's error name."""

    code = "search_unavailable"
    fix = None

    def __init__(self, message, *, fix=None):
        super().__init__(message)
        if fix is not None:
            self.fix = fix


class IndexNeedsRebuild(SearchUnavailable):
    """The index is missing, or was built by another analyzer version: a rebuild mends it."""

    code = "index_needs_rebuild"
    fix = REBUILD_COMMAND


class IndexBusy(Exception):
    """A write to the index waited longer than its lock timeout (another writer held it)."""


class RebuildFailed(Exception):
    """A rebuild could not finish; the live index was left as it was."""
