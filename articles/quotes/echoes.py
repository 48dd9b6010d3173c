"""Echoes: one statement carried by several articles, and which article carried it first.

A speaker says something once; outlets report it the same day or the next, each in its own
words, one quoting a sentence, another the whole passage. Two statements of the same
speaker in different articles are the same statement when their content words (normalized,
light-stemmed, stop words out: the index's own analysis) overlap enough and the articles
appeared within a few days of each other. The echo groups are the connected pairs; the
earliest article of a group first reported the statement, the others echo it.

Plain Python on plain records: the database side is articles.statements.provenance_of
(pages, the API) and articles_carrying (export_statements).
"""

from collections import Counter, defaultdict
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
    about one statement is shown the reports of that statement, found in its window rather
    than by grouping everything around it."""
    by_speaker = {}
    for statement in nearby:
        if statement.published is not None and statement.speaker is not None:
            by_speaker.setdefault(statement.speaker, []).append(statement)
    speakers = {}
    found = {}
    for target in targets:
        if target.published is None or target.speaker is None:
            continue
        if target.speaker not in speakers:
            speakers[target.speaker] = _SpeakerReports(by_speaker.get(target.speaker, []))
        same = speakers[target.speaker].same_as(target)
        if same:
            carriers, articles = [], set()
            for statement in sorted(same + [target], key=lambda s: (s.published, str(s.key))):
                if statement.article not in articles:  # an article quoting it twice carries it once
                    articles.add(statement.article)
                    carriers.append(statement)
            found[target.key] = carriers
    return found


@lru_cache(maxsize=None)
def _words_needed(size):
    """The fewest shared words that make a statement of `size` words the same as a longer
    one: same_statement's ratio, as a count."""
    return next(k for k in range(size + 1) if k / size >= MIN_CONTAINMENT)


class _SpeakerReports:
    """One speaker's statements, indexed so that a target is compared only with those that
    can be the same statement, not with every one in its window: a speaker quoted thousands
    of times in a week would cost a comparison of each with each.

    Words are ranked rarest first among the speaker's statements. When the shorter of two
    statements (m words) shares at least _words_needed(m) words with the longer, one of its
    m - _words_needed(m) + 1 rarest words is shared (otherwise too few are left), so a
    statement is filed under those words (its prefix), and every pair same_statement accepts
    meets under one of them."""

    def __init__(self, statements):
        self.items = sorted(statements, key=lambda s: s.published)
        self.words = [content_words(s.text) for s in self.items]
        self.rarity = Counter(word for words in self.words for word in words)
        self.by_word, self.by_prefix_word = defaultdict(list), defaultdict(list)
        for i, words in enumerate(self.words):
            if len(words) >= MIN_WORDS:
                for word in words:
                    self.by_word[word].append(i)
                for word in self.prefix(words):
                    self.by_prefix_word[word].append(i)

    def prefix(self, words):
        ranked = sorted(words, key=lambda word: (self.rarity[word], word))
        return ranked[: len(words) - _words_needed(len(words)) + 1]

    def same_as(self, target):
        words = content_words(target.text)
        if len(words) < MIN_WORDS:
            return []
        size = len(words)
        # Statements no longer than the target share one of their prefix words with it;
        # longer ones share one of the target's.
        candidates = {i for word in words for i in self.by_prefix_word.get(word, ()) if len(self.words[i]) <= size}
        candidates.update(i for word in self.prefix(words) for i in self.by_word.get(word, ())
                          if len(self.words[i]) >= size)
        same = []
        for i in sorted(candidates):
            statement = self.items[i]
            if (abs(statement.published - target.published) <= WINDOW
                    and statement.article != target.article and statement.key != target.key
                    and same_statement(words, self.words[i])):
                same.append(statement)
        return same
