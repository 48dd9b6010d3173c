"""What happens to an article after it is stored: extract its statements, index it, then
group it into stories.

Data flows one way — import → store → extract → index → group — and this is the one place
that says so. The importer calls it after each committed batch (bulk writes fire no model
signals), and so does any other bulk writer.
"""

import logging

from articles.search_backends import get_backend
from articles.statements import extract_and_store
from articles.stories.store import regroup_all, regroup_articles

logger = logging.getLogger(__name__)
# A bulk import's articles are grouped with everything (group_stories --all): their
# neighbourhoods are most of the archive anyway, and a list of that many ids would pass
# SQLite's limit on bound parameters.
REGROUP_ALL_FROM = 5000


def process_changed_articles(article_ids):
    """Extract statements for new or changed articles, then (re)index them in one batch.

    Returns the extraction summary so callers can report it.
    """
    article_ids = list(article_ids)
    if not article_ids:
        return {}
    changed = set()
    summary = extract_and_store(article_ids, changed=changed)
    # Re-linking a speaker moves statements of articles outside this batch too.
    get_backend().index_articles(sorted(set(article_ids) | changed))
    group_articles(article_ids)
    return summary


def group_articles(article_ids):
    """Copies and stories for the batch and its neighbourhood (articles.stories.store).

    A failure here loses nothing: the articles are stored, extracted and indexed, and
    changed since the last `group_stories` run (a batch's grouping records no run), so the
    next `group_stories` groups them.
    It is logged, saying so, rather than reported as a failed extraction.
    """
    try:
        if len(article_ids) > REGROUP_ALL_FROM:
            return regroup_all()
        return regroup_articles(article_ids)
    except Exception as error:  # noqa: BLE001 - any failure of the grouping leaves the batch whole
        logger.warning("story grouping failed for %d articles (%r); run: python manage.py group_stories",
                       len(article_ids), error)
        return None
