"""Echoes: one statement carried by several articles, and which article carried it first.

A speaker says something once; outlets report it the same day or the next, each in its own
words, one quoting a sentence, another the whole passage. Two statements of the same
speaker in different articles are the same statement when their content words (normalized,
light-stemmed, stop words out: the index's own analysis) overlap enough and the articles
appeared within a few days of each other. The echo groups are the connected pairs; the
earliest article of a group first reported the statement, the others echo it.

Plain Python on plain records: the database side is articles.statements.link_echoes.
"""

import bisect
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from articles.text.analysis import kept_forms

# Statements published further apart are separate statements (a position repeated a week
# later is said again, not echoed).
WINDOW = timedelta(days=3)
# Fewer content words than this say too little to tell one statement from another
# ("قلق", "لن نسمح بذلك").
MIN_WORDS = 4
# The shorter statement's words found in the longer one: a part quoted from the whole is
# the same statement. (A floor on the words shared over both, tried too, only refused the
# short partial quotes of long reports that are the commonest echo; docs/statements.md.)
MIN_CONTAINMENT = 0.6


@dataclass(frozen=True)
class Reported:
    """A statement as the echo finder sees it. `key`: the caller's id (a pk)."""

    key: object
    speaker: object
    article: str
    published: datetime
    text: str


# An export asks for the provenance of thousands of statements whose windows overlap
# (a much-quoted speaker's neighbours are read again for every batch); the same texts
# are analysed once.
@lru_cache(maxsize=20_000)
def content_words(text):
    return frozenset(stem for stem in kept_forms(text, "stem") if stem)


def same_statement(words_a, words_b):
    if min(len(words_a), len(words_b)) < MIN_WORDS:
        return False
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= MIN_CONTAINMENT


def echo_groups(statements):
    """The echo groups among `statements` (Reported): lists of two or more, each ordered
    earliest first (then by key), so group[0] is the first report. Statements without a
    publication date or a speaker take no part: nothing says which came first."""
    by_speaker = {}
    for statement in statements:
        if statement.published is not None and statement.speaker is not None:
            by_speaker.setdefault(statement.speaker, []).append(statement)
    groups = []
    for items in by_speaker.values():
        items.sort(key=lambda s: (s.published, str(s.key)))
        words = [content_words(s.text) for s in items]
        parent = list(range(len(items)))

        def root(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, first in enumerate(items):
            for j in range(i + 1, len(items)):
                later = items[j]
                if later.published - first.published > WINDOW:
                    break
                if later.article != first.article and same_statement(words[i], words[j]):
                    parent[root(j)] = root(i)
        members = {}
        for i in range(len(items)):
            members.setdefault(root(i), []).append(items[i])
        groups += [group for group in members.values() if len(group) > 1]
    return groups


def carriers_of(targets, nearby):
    """{target key: [Reported, …]} the statements of `nearby` (and the target itself) that
    carry the same statement as each target, earliest first; only targets carried by
    another article are in it. Direct matches only, unlike echo_groups: a reader asking
    about one statement is shown the reports of that statement, found with one pass over
    its window rather than the grouping of everything around it."""
    by_speaker = {}
    for statement in nearby:
        if statement.published is not None and statement.speaker is not None:
            by_speaker.setdefault(statement.speaker, []).append(statement)
    for items in by_speaker.values():
        items.sort(key=lambda s: s.published)
    found = {}
    for target in targets:
        if target.published is None or target.speaker is None:
            continue
        items = by_speaker.get(target.speaker, [])
        dates = [s.published for s in items]
        words = content_words(target.text)
        low = bisect.bisect_left(dates, target.published - WINDOW)
        high = bisect.bisect_right(dates, target.published + WINDOW)
        same = [s for s in items[low:high]
                if s.article != target.article and s.key != target.key
                and same_statement(words, content_words(s.text))]
        if same:
            carriers, articles = [], set()
            for statement in sorted(same + [target], key=lambda s: (s.published, str(s.key))):
                if statement.article not in articles:  # an article quoting it twice carries it once
                    articles.add(statement.article)
                    carriers.append(statement)
            found[target.key] = carriers
    return found
