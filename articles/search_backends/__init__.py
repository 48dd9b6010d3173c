"""Search backends: where the archive's search index lives and how it is queried.

The rest of the site asks `articles.search` (the one search entry point), which asks the
backend chosen by the NEWSARCHIVE_SEARCH_BACKEND setting: "whoosh" (the default, an index
folder under var/) or "postgres" (tsvector columns in the archive's own PostgreSQL
database). Views, the API, feeds, exports, commands and templates import neither a backend
module nor `whoosh`; the import-linter contract in the suite (.importlinter) checks it.

The shape follows Wagtail's wagtail/search/backends/: a base class with the operations
and neutral errors (base.py, errors.py), one module per engine, a function that returns
the configured one. tests/backend_contract.py holds every backend to the same behaviour.
"""

from articles.search_backends.base import (  # noqa: F401 (the package's interface)
    ARTICLES,
    DEFAULT_STEMMER,
    KINDS,
    SORTS,
    STATEMENTS,
    Hit,
    Outcome,
    SearchBackend,
    auto_index_enabled,
    backend_name,
    clean_filters,
    get_backend,
    reset_backend,
    suspended_auto_index,
)
from articles.search_backends.errors import IndexBusy, RebuildFailed, SearchUnavailable  # noqa: F401
