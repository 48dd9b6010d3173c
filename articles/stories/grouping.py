"""Same-event grouping: which reports tell of one happening, across outlets.

    documents ─▶ vectors ─▶ candidate pairs (shared strong terms, close in time)
              ─▶ similarity ─▶ copies collapsed ─▶ average-link clustering with date limits

Two reports are candidates when they share one of their strongest terms and were published
within MAX_GAP of each other. The clustering joins the most similar pairs first, and joins
two groups only when the *average* similarity over all their pairs (an unseen pair counts
as 0) stays above MIN_AVERAGE and the joined group spans at most MAX_SPAN: one strong pair
cannot chain two look-alike events (two matches of one team, two earthquakes in a month)
into one story, because the other pairs between them are weak.
"""

import bisect
from collections import defaultdict

from articles.stories.copies import find_copies
from articles.stories.terms import Vocabulary, cosine, term_counts

DAY = 86400.0
# Reports of one event, its follow-ups and reactions, come within a few days of each other.
MAX_GAP = 3 * DAY
MAX_SPAN = 6 * DAY
# Terms per report that make it a candidate for comparison.
CANDIDATE_TERMS = 12
# The least similarity that links two reports at all, and the least average similarity
# between two groups that may be joined.
MIN_LINK = 0.30
MIN_AVERAGE = 0.20
# Similarities below this are not kept (they count as 0 in averages).
KEEP_SIMILARITY = 0.10


class Corpus:
    """Documents with their term counts and vectors, sorted by time."""

    def __init__(self, documents, vocabulary=None):
        self.documents = sorted(documents, key=lambda d: (d.timestamp, str(d.key)))
        counts = [term_counts(d.title, d.text) for d in self.documents]
        self.vocabulary = vocabulary if vocabulary and vocabulary.documents else Vocabulary.from_counts(counts)
        # The counts are the biggest thing built here; only the vectors are kept.
        self.vectors = []
        for n in range(len(counts)):
            self.vectors.append(self.vocabulary.vector(counts[n]))
            counts[n] = None
        self.times = [d.timestamp for d in self.documents]
        self.index = {d.key: i for i, d in enumerate(self.documents)}

    def __len__(self):
        return len(self.documents)


def candidate_similarities(corpus, max_gap=MAX_GAP, keep=KEEP_SIMILARITY):
    """{(i, j): similarity} for i < j published within max_gap that share a strong term."""
    postings = defaultdict(list)  # term -> [doc index], in time order
    strong = []
    for i, vector in enumerate(corpus.vectors):
        top = sorted(vector, key=lambda t: -vector[t])[:CANDIDATE_TERMS]
        strong.append(top)
        for term in top:
            postings[term].append(i)
    times = corpus.times
    similarities = {}
    for i, top in enumerate(strong):
        seen = set()
        low = times[i] - max_gap
        for term in top:
            docs = postings[term]
            # Earlier documents within the gap (docs are in time order, as indexes).
            end = bisect.bisect_left(docs, i)
            start = bisect.bisect_left(docs, _first_at(times, low))
            seen.update(docs[start:end])
        vi = corpus.vectors[i]
        for j in seen:
            s = cosine(vi, corpus.vectors[j])
            if s >= keep:
                similarities[(j, i)] = s
    return similarities


def _first_at(times, moment):
    return bisect.bisect_left(times, moment)


class Clusters:
    """Union of groups with the sums that average-link and date limits need."""

    def __init__(self, corpus, neighbours):
        n = len(corpus)
        self.parent = list(range(n))
        self.members = {i: [i] for i in range(n)}
        self.first = {i: corpus.times[i] for i in range(n)}
        self.last = dict(self.first)
        self.neighbours = neighbours
        self.pins = {}  # root -> pinned story id

    def find(self, i):
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a, b):
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))
        self.first[a] = min(self.first[a], self.first.pop(b))
        self.last[a] = max(self.last[a], self.last.pop(b))
        if b in self.pins:
            self.pins.setdefault(a, self.pins.pop(b))
        return a

    def average(self, a, b):
        small, large = (a, b) if len(self.members[a]) <= len(self.members[b]) else (b, a)
        total = 0.0
        for i in self.members[small]:
            for j, s in self.neighbours[i].items():
                if self.find(j) == large:
                    total += s
        return total / (len(self.members[a]) * len(self.members[b]))

    def may_join(self, a, b, max_span, min_average):
        if a in self.pins and b in self.pins and self.pins[a] != self.pins[b]:
            return False
        if max(self.last[a], self.last[b]) - min(self.first[a], self.first[b]) > max_span:
            return False
        return self.average(a, b) >= min_average


def group_documents(documents, vocabulary=None, pinned=None, *, min_link=MIN_LINK,
                    min_average=MIN_AVERAGE, max_span=MAX_SPAN, max_gap=MAX_GAP):
    """Group reports of one event. Returns (groups, copies):

    groups: lists of document keys, each a group of two or more reports of one event
    (copies included), every document in at most one group;
    copies: lists of keys of one text filed twice or carried by two outlets, the original
    (first published) first (see articles.stories.copies).

    `pinned` maps a key to the story an editor put it in: pinned documents of one story
    stay together whatever their similarity, documents pinned to different stories are
    never joined, and the groups they end in say so (see `pinned_story`).
    """
    corpus = Corpus(documents, vocabulary)
    similarities = candidate_similarities(corpus, max_gap=max_gap)
    copies = find_copies(corpus, similarities)

    neighbours = defaultdict(dict)
    for (i, j), s in similarities.items():
        neighbours[i][j] = s
        neighbours[j][i] = s
    clusters = Clusters(corpus, neighbours)

    by_story = defaultdict(list)
    for key, story in (pinned or {}).items():
        if key in corpus.index:
            by_story[story].append(corpus.index[key])
    for story, indexes in by_story.items():
        root = clusters.find(indexes[0])
        for i in indexes[1:]:
            other = clusters.find(i)
            if other != root:
                root = clusters.union(root, other)
        clusters.pins[clusters.find(root)] = story
    # A copy is the same report: its group is its original's, unless an editor pinned the
    # two to different stories.
    for group in copies:
        root = clusters.find(corpus.index[group[0]])
        for key in group[1:]:
            other = clusters.find(corpus.index[key])
            if other != root and clusters.pins.get(root, clusters.pins.get(other)) == clusters.pins.get(other, clusters.pins.get(root)):
                root = clusters.union(root, other)

    edges = sorted(((s, i, j) for (i, j), s in similarities.items() if s >= min_link), reverse=True)
    for s, i, j in edges:
        a, b = clusters.find(i), clusters.find(j)
        if a == b:
            continue
        if clusters.may_join(a, b, max_span, min_average):
            clusters.union(a, b)

    groups = []
    for root, members in clusters.members.items():
        if len(members) > 1 or root in clusters.pins:
            central = max(members, key=lambda i: (sum(neighbours[i].get(j, 0.0) for j in members), -i))
            groups.append(_Group([corpus.documents[i].key for i in sorted(members)], clusters.pins.get(root),
                                 corpus.documents[central].key))
    copy_keys = [group for group in copies]
    return groups, copy_keys


class _Group(list):
    """A list of keys (in time order) that may carry the story an editor pinned it to, and
    names its most central report (the most similar to the others), whose title the story
    takes."""

    def __init__(self, keys, pinned_story=None, central=None):
        super().__init__(keys)
        self.pinned_story = pinned_story
        self.central = central if central is not None else keys[0]
