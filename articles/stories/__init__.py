"""Stories across outlets: copies of one text, and reports of one event grouped together.

Plain Python, no Django: a test or a benchmark hands in `Document`s and gets keys back.

    from articles.stories import Document, group_documents, match_story_ids

    groups, copies = group_documents(documents, vocabulary, pinned={key: story_id})
    ids = match_story_ids(groups, current={key: story_id})

- terms.py     the words a report is compared by, its shingles, the Vocabulary (idf)
- copies.py    copies: the same text filed twice, or carried by two outlets
- grouping.py  candidate pairs, similarity, clustering that refuses to chain look-alikes
- identity.py  stable story ids: new groups mapped to old stories by overlap
- store.py     the Django edge: load from and save to the database, after each import batch

The rules and their measured effect are in docs/stories.md.
"""

from articles.stories.grouping import group_documents
from articles.stories.identity import match_story_ids
from articles.stories.terms import Document, Vocabulary

__all__ = ["Document", "Vocabulary", "group_documents", "match_story_ids"]
