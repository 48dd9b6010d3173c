"""Same-event grouping: which reports tell of one happening, across outlets.

    documents ─▶ vectors ─▶ candidate pairs (shared strong terms, close in time)
              ─▶ similarity ─▶ copies collapsed ─▶ average-link clustering with date limits

Two reports are candidates when they share one of their strongest terms or a title term
and were published within MAX_GAP of each other. The clustering joins the most similar
pairs first, and joins two groups only when the *average* similarity over all their pairs
(an unseen pair counts as 0) stays above MIN_AVERAGE, that average is not far below the
average inside either group (MIN_COHESION), and the joined group spans at most MAX_SPAN:
one strong pair cannot chain two look-alike events (two matches of one team, two
earthquakes on one day) into one story, because the other pairs between them are weak.
The rules and how they were chosen: docs/stories.md.
"""

import bisect
import math
from array import array
from collections import defaultdict

from articles.stories.copies import find_copies
from articles.stories.terms import Vocabulary, sketch, term_counts

DAY = 86400.0
# Reports of one event, its follow-ups and reactions, come within a few days of each other.
MAX_GAP = 3 * DAY
MAX_SPAN = 6 * DAY
# Terms per report that make it a candidate for comparison.
CANDIDATE_TERMS = 12
# The least similarity that links two reports at all, and the least average similarity
# between two groups that may be joined.
MIN_LINK = 0.20
MIN_AVERAGE = 0.10
# The share of the similarity that comes from the titles alone (candidate_similarities).
TITLE_SHARE = 0.15
# One outlet's reports this far apart may be discounted this much (candidate_similarities).
# Off: on the dev split the discount lost recall and gained no precision (docs/stories.md).
SERIES_HOURS = 12
SERIES_DISCOUNT = 0.0
# Two groups are joined only when the average between them is at least this share of
# the average inside the less cohesive of the two (Clusters.may_join).
MIN_COHESION = 0.4
# The second pass (attach_stragglers): a report alone or in a pair (at most ATTACH_MAX_SIZE)
# joins the bigger group whose centroid is at least this like its own. Measured on the three
# tuning splits (docs/stories.md): 0.18 to 0.24 all gain recall on each; 0.2 is the middle,
# below it test2 loses precision. Groups of three moved too merged two more look-alikes.
ATTACH_MIN_CENTROID = 0.2
ATTACH_MAX_SIZE = 2
# Similarities below this are not kept (they count as 0 in averages).
KEEP_SIMILARITY = 0.10


class Corpus:
    """What the grouping keeps of each document, in time order: key, source, time, term
    vector and shingle sketch. The texts are read once, as the documents stream in, and
    not kept: `documents` may be a generator over the database."""

    def __init__(self, documents, vocabulary=None):
        memo = {}
        rows = []  # (timestamp, key, source, terms, counts, title terms, title counts, sketch)
        for doc in documents:
            counts = term_counts(doc.title, doc.text, memo)
            title = term_counts(doc.title, "", memo)
            rows.append((doc.timestamp, doc.key, doc.source, tuple(counts), array("I", counts.values()),
                         tuple(title), array("I", title.values()), sketch(doc.title, doc.text)))
        del memo
        rows.sort(key=lambda row: (row[0], str(row[1])))
        local = Vocabulary.from_terms(row[3] for row in rows)
        if not (vocabulary and vocabulary.documents):
            vocabulary = local
        self.vocabulary = vocabulary
        self.times = [row[0] for row in rows]
        self.keys = [row[1] for row in rows]
        self.sources = [row[2] for row in rows]
        self.sketches = [row[7] for row in rows]
        self.vectors = []
        self.titles = []
        for n, row in enumerate(rows):
            self.vectors.append(vocabulary.vector(dict(zip(row[3], row[4])), local.df))
            self.titles.append(vocabulary.vector(dict(zip(row[5], row[6])), local.df))
            rows[n] = None
        self.index = {key: i for i, key in enumerate(self.keys)}

    def __len__(self):
        return len(self.keys)


def candidate_similarities(corpus, max_gap=MAX_GAP, keep=KEEP_SIMILARITY, title_share=TITLE_SHARE,
                           series_discount=SERIES_DISCOUNT):
    """{(i, j): similarity} for i < j published within max_gap that share a strong term
    or a title term. The similarity mixes the cosine of the reports (title and lead) and
    the cosine of their titles alone, `title_share` of it from the titles: a headline names
    the event, where a lead also tells its background. Two reports of one outlet published
    more than SERIES_HOURS apart lose `series_discount`: an outlet's daily series (the oil
    market, a team's news) reuses its own words from one day to the next."""
    postings = defaultdict(list)  # term -> [doc index], in time order
    strong = []
    for i, vector in enumerate(corpus.vectors):
        terms = set(vector.terms[:CANDIDATE_TERMS]).union(corpus.titles[i].terms)
        strong.append(terms)
        for term in terms:
            postings[term].append(i)
    times = corpus.times
    similarities = {}
    for i, vector in enumerate(corpus.vectors):
        seen = set()
        first = _first_at(times, times[i] - max_gap)
        for term in strong[i]:
            docs = postings[term]
            # Earlier documents within the gap (docs are in time order, as indexes).
            seen.update(docs[bisect.bisect_left(docs, first):bisect.bisect_left(docs, i)])
        if not seen:
            continue
        vi = vector.as_dict()
        ti = corpus.titles[i].as_dict()
        source, series_start = corpus.sources[i], times[i] - SERIES_HOURS * 3600
        for j in seen:
            s = (1.0 - title_share) * corpus.vectors[j].cosine(vi)
            if title_share:
                s += title_share * corpus.titles[j].cosine(ti)
            if series_discount and times[j] < series_start and corpus.sources[j] == source:
                s -= series_discount
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
        self.internal = {}  # root -> sum of the similarities inside the group

    def find(self, i):
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a, b, between=None):
        if between is None:
            between = self.between(a, b)
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.internal[a] = self.internal.pop(a, 0.0) + self.internal.pop(b, 0.0) + between
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))
        self.first[a] = min(self.first[a], self.first.pop(b))
        self.last[a] = max(self.last[a], self.last.pop(b))
        if b in self.pins:
            self.pins.setdefault(a, self.pins.pop(b))
        return a

    def between(self, a, b):
        """The sum of the similarities between the members of two groups."""
        small, large = (a, b) if len(self.members[a]) <= len(self.members[b]) else (b, a)
        total = 0.0
        for i in self.members[small]:
            for j, s in self.neighbours[i].items():
                if self.find(j) == large:
                    total += s
        return total

    def cohesion(self, a):
        """The average similarity inside a group (None for a single report)."""
        n = len(self.members[a])
        return self.internal.get(a, 0.0) / (n * (n - 1) / 2) if n > 1 else None

    def span(self, a, b):
        """The time two groups would span joined."""
        return max(self.last[a], self.last[b]) - min(self.first[a], self.first[b])

    def pinned_apart(self, a, b):
        """Whether an editor pinned the two groups to different stories."""
        return a in self.pins and b in self.pins and self.pins[a] != self.pins[b]

    def may_join(self, a, b, max_span, min_average, min_cohesion):
        """The sum between the groups when they may be joined, else None."""
        if self.pinned_apart(a, b):
            return None
        if self.span(a, b) > max_span:
            return None
        between = self.between(a, b)
        average = between / (len(self.members[a]) * len(self.members[b]))
        if average < min_average:
            return None
        # Two tight groups that are only loosely alike are two events told in the same
        # words (a resignation and the appointment that follows it).
        tight = [c for c in (self.cohesion(a), self.cohesion(b)) if c is not None]
        if min_cohesion and tight and average < min_cohesion * min(tight):
            return None
        return between


def group_documents(documents, vocabulary=None, pinned=None, **rules):
    """Group reports of one event. Returns (groups, copies):

    groups: lists of document keys, each a group of two or more reports of one event
    (copies included), every document in at most one group;
    copies: lists of keys of one text filed twice or carried by two outlets, the original
    (first published) first (see articles.stories.copies).

    `pinned` maps a key to the story an editor put it in: pinned documents of one story
    stay together whatever their similarity, documents pinned to different stories are
    never joined, and the groups they end in say so (see `pinned_story`).
    """
    return group_corpus(Corpus(documents, vocabulary), pinned, **rules)


def group_corpus(corpus, pinned=None, *, min_link=MIN_LINK, min_average=MIN_AVERAGE, max_span=MAX_SPAN,
                 max_gap=MAX_GAP, title_share=TITLE_SHARE, series_discount=SERIES_DISCOUNT,
                 min_cohesion=MIN_COHESION, attach_min=ATTACH_MIN_CENTROID, attach_size=ATTACH_MAX_SIZE):
    """group_documents over a Corpus already built (whose vocabulary the caller may store).
    The keyword arguments override the module's rules, for tuning (bench/eval_stories.py)."""
    similarities = candidate_similarities(corpus, max_gap=max_gap, title_share=title_share,
                                          series_discount=series_discount)
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
            if other != root and not clusters.pinned_apart(root, other):
                root = clusters.union(root, other)

    edges = sorted(((s, i, j) for (i, j), s in similarities.items() if s >= min_link), reverse=True)
    for s, i, j in edges:
        a, b = clusters.find(i), clusters.find(j)
        if a == b:
            continue
        between = clusters.may_join(a, b, max_span, min_average, min_cohesion)
        if between is not None:
            clusters.union(a, b, between)
    if attach_min:
        attach_stragglers(corpus, clusters, max_span, attach_min, int(attach_size), title_share, min_cohesion)

    groups = []
    for root, members in clusters.members.items():
        if len(members) > 1 or root in clusters.pins:
            central = max(members, key=lambda i: (sum(neighbours[i].get(j, 0.0) for j in members), -i))
            groups.append(_Group([corpus.keys[i] for i in sorted(members)], clusters.pins.get(root),
                                 corpus.keys[central]))
    return groups, copies


def attach_stragglers(corpus, clusters, max_span=MAX_SPAN, min_centroid=ATTACH_MIN_CENTROID,
                      max_size=ATTACH_MAX_SIZE, title_share=TITLE_SHARE, min_cohesion=MIN_COHESION):
    """The second pass: a report left alone, or in a pair, joins the bigger group (more than
    `max_size` reports) whose centroid is most like its own, when that similarity is at
    least `min_centroid` and the joined group spans at most `max_span`. A pair joins only
    when that similarity is at least `min_cohesion` times the pair's own, as in the first
    pass: two reports much more like each other than like the story tell an event of their
    own in its words (a second earthquake on the day of the first).

    A follow-up or a reaction tells one event in other words than the first reports: it is
    like the story as a whole (its centroid) more than like any one report, and average
    link, which counts its unseen pairs with the story's thirty reports as 0, leaves it
    out. Only groups it already has a candidate pair with are compared, and all moves are
    decided before any is made, so a straggler never pulls another in after it.
    """
    cache = {}

    def centroids(root):
        found = cache.get(root)
        if found is None:
            members = clusters.members[root]
            found = cache[root] = (_centroid(corpus.vectors, members), _centroid(corpus.titles, members))
        return found

    moves = []
    for root, members in clusters.members.items():
        if len(members) > max_size:
            continue
        targets = {clusters.find(j) for i in members for j in clusters.neighbours.get(i, ())}
        best, target = 0.0, None
        for other in targets:
            if other == root or len(clusters.members[other]) <= max_size or clusters.pinned_apart(root, other):
                continue
            if clusters.span(root, other) > max_span:
                continue
            mine, theirs = centroids(root), centroids(other)
            s = (1.0 - title_share) * _dot(mine[0], theirs[0]) + title_share * _dot(mine[1], theirs[1])
            if s > best or (s == best and target is not None and other < target):
                best, target = s, other
        if target is None or best < min_centroid:
            continue
        if len(members) > 1 and min_cohesion and best < min_cohesion * clusters.cohesion(root):
            continue
        moves.append((root, target))
    for root, target in moves:
        # (checked again as each move is made: two stragglers that each fit a story may
        # together stretch it past max_span, or bring in two stories' pinned reports)
        a, b = clusters.find(root), clusters.find(target)
        if a == b or clusters.pinned_apart(a, b) or clusters.span(a, b) > max_span:
            continue
        clusters.union(a, b)


def _centroid(vectors, members):
    """The unit-length sum of the members' vectors, as a dict."""
    total = defaultdict(float)
    for i in members:
        vector = vectors[i]
        for term, weight in zip(vector.terms, vector.weights):
            total[term] += weight
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {term: w / norm for term, w in total.items()}


def _dot(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


class _Group(list):
    """A list of keys (in time order) that may carry the story an editor pinned it to, and
    names its most central report (the most similar to the others), whose title the story
    takes."""

    def __init__(self, keys, pinned_story=None, central=None):
        super().__init__(keys)
        self.pinned_story = pinned_story
        self.central = central if central is not None else keys[0]
