"""What happens to an article after it is stored: extract its statements, then index it.

Data flows one way — import → store → extract → index — and this is the one place that
says so. The importer calls it after each committed batch (bulk writes fire no model
signals), and so does any other bulk writer.
"""

from articles.search_backends import get_backend
from articles.statements import extract_and_store


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
    return summary
