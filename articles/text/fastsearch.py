"""Ranked search without Whoosh's matcher tree, for the queries the search box makes.

Profiling the corpus searches (docs/benchmarks.md) put nearly all their time in Whoosh's
matchers: each query word is an OR of seven terms (exact, stemmed and skeleton forms over
several fields), and intersecting those unions walks them one posting at a time through
trees of Python objects — about 120,000 `is_active()` calls per search at 126k articles.
The search page also needs every match (total and facets), so Whoosh's top-k skipping
never applies.

This module evaluates the same query in two passes over whole posting lists:

1. **Match**: each term's document numbers are read block by block into arrays, and the
   query tree becomes set unions, intersections and differences — done in C by Python's
   sets, not posting by posting.
2. **Score**: only the matching documents are scored, with Whoosh's own BM25F statistics
   (`searcher.idf`, `avg_field_length`, the stored term weights and the byte-encoded field
   lengths), summing term contributions exactly as Whoosh's union and intersection
   matchers do. tests/test_fastsearch.py holds the results (documents, order, scores,
   totals, facets) equal to Whoosh's on real text.

It covers the query shapes of articles.text.query and articles.search (terms, ORs, ANDs,
exclusions, "everything", constant-score filters, date ranges inside filters). Anything
else — phrases, a date typed in the query — raises Unsupported, and the caller (which
also keeps date sorts for Whoosh) uses Whoosh's collector. The private Whoosh names this
needs (posting blocks, BM25F's per-field B) are reached only through
articles.text.whoosh_internals.
"""

import time
from array import array
from bisect import bisect_left
from collections import Counter
from itertools import accumulate

from whoosh import query as wq
from whoosh.reading import TermNotFound
from whoosh.scoring import bm25

from articles.text import whoosh_internals as internals
from articles.text.segments import SegmentCache, _field_lengths


class Unsupported(Exception):
    """The query has a part this module does not evaluate; use Whoosh's collector."""


def supports(query):
    """Whether search() can evaluate this query (it would otherwise raise Unsupported)."""
    try:
        _check(query, scoring=True)
    except Unsupported:
        return False
    return True


def _check(query, scoring):
    if isinstance(query, wq.Term):
        return
    if isinstance(query, (wq.And, wq.Or)):
        for sub in query.subqueries:
            _check(sub, scoring)
        return
    if isinstance(query, wq.AndNot):
        _check(query.a, scoring)
        _check(query.b, False)
        return
    if isinstance(query, wq.ConstantScoreQuery):
        if query.score != 0:
            raise Unsupported(query)
        _check(query.child, False)
        return
    if isinstance(query, wq.Every) or query is wq.NullQuery:
        return
    if isinstance(query, wq.DateRange) and not scoring:
        return  # a filter: evaluated by Whoosh, as a set
    raise Unsupported(query)


class SegmentLengths(SegmentCache):
    """Each segment's per-document field lengths (BM25's document length), one array
    per field, decoded once."""

    def load(self, reader, fieldname):
        return array("I", _field_lengths(internals.per_document_reader(reader), fieldname))


class _Segment:
    """One segment's postings, lengths and deletions, read as whole arrays."""

    def __init__(self, top, leaf, offset, lengths):
        self.top = top
        self.leaf = leaf
        self.reader = leaf.reader()
        self.offset = offset
        self.deleted = self.reader.deleted_docs_set if self.reader.has_deletions() else frozenset()
        self._postings = {}
        self._all_lengths = lengths
        self.matched = {}  # id(query node) → its match set (the score pass asks again)

    def postings(self, fieldname, text):
        """(sorted docnums, weights) of a term in this segment, or None."""
        key = (fieldname, text)
        if key not in self._postings:
            found = None
            if fieldname in self.top.schema:
                found = _read_postings(self.reader, fieldname, text)
            self._postings[key] = found
        return self._postings[key]

    def doc_set(self, fieldname, text):
        found = self.postings(fieldname, text)
        return set(found[0]) if found else set()

    def lengths(self, fieldname):
        return self._all_lengths.get(self.reader, fieldname)

    def all_docs(self):
        return set(range(self.reader.doc_count_all()))


def _read_postings(reader, fieldname, text):
    try:
        matcher = reader.postings(fieldname, text)
    except TermNotFound:
        return None
    if internals.is_block_matcher(matcher):
        # Block by block, decoded as W3LeafMatcher._read_ids/_read_weights do, but with
        # the id deltas summed by itertools.accumulate (in C) instead of Whoosh's Python
        # generator: at 126k articles that generator was a third of a search.
        ids, weights = array("I"), array("f")
        for deltas, block_weights, length in internals.posting_blocks(matcher):
            ids.extend(accumulate(deltas))
            if block_weights is None:
                weights.extend(array("f", [1.0]) * length)
            elif isinstance(block_weights, float):
                weights.extend(array("f", [block_weights]) * length)
            else:
                weights.extend(block_weights)
        return ids, weights
    # Short lists are inlined in the term table (a ListMatcher); read them generically.
    ids, weights = array("I"), array("f")
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


# --- pass 1: which documents match -------------------------------------------------------


def _match(query, segment):
    key = id(query)
    found = segment.matched.get(key)
    if found is None:
        found = segment.matched[key] = _match_node(query, segment)
    return found


def _match_node(query, segment):
    if isinstance(query, wq.Term):
        return segment.doc_set(query.fieldname, query.text)
    if isinstance(query, wq.Or):
        found = set()
        for sub in query.subqueries:
            found |= _match(sub, segment)
        return found
    if isinstance(query, wq.And):
        subs = sorted((_match(sub, segment) for sub in query.subqueries), key=len)
        found = subs[0] if subs else set()
        for other in subs[1:]:
            found = found & other
        return found
    if isinstance(query, wq.AndNot):
        found = _match(query.a, segment)
        return found - _match(query.b, segment) if found else found
    if isinstance(query, wq.ConstantScoreQuery):
        return _match(query.child, segment)
    if isinstance(query, wq.Every):
        return segment.all_docs()
    if query is wq.NullQuery:
        return set()
    if isinstance(query, wq.DateRange):
        return set(query.docs(segment.leaf))
    raise Unsupported(query)


# --- pass 2: how well each matching document scores ----------------------------------------


def _scores(query, segment, docs, weighting, boost=1.0):
    """{docnum: score} for `docs` (all of which match `query`), as Whoosh sums it."""
    if isinstance(query, wq.Term):
        return _term_scores(query, segment, docs, weighting, boost * query.boost)
    if isinstance(query, (wq.Or, wq.And)):
        total = {}
        boost *= query.boost
        for sub in query.subqueries:
            part = docs if isinstance(query, wq.And) else docs & _match(sub, segment)
            if not part:
                continue
            for doc, score in _scores(sub, segment, part, weighting, boost).items():
                total[doc] = total.get(doc, 0.0) + score
        return total
    if isinstance(query, wq.AndNot):
        return _scores(query.a, segment, docs, weighting, boost * query.boost)
    if isinstance(query, wq.Every):  # Whoosh scores "everything" by its boost
        score = boost * query.boost
        return dict.fromkeys(docs, score)
    if isinstance(query, wq.ConstantScoreQuery):
        # The filters, ConstantScoreQuery(…, 0.0). Whoosh's ListMatcher reads a constant
        # weight of 0.0 as "none given" and scores 1.0: every filtered match gets the same
        # +1, which changes no order; reproduced so that scores agree.
        score = (query.score or 1.0) * boost
        return dict.fromkeys(docs, score)
    if query is wq.NullQuery:
        return {}
    raise Unsupported(query)


def _term_scores(term, segment, docs, weighting, boost):
    found = segment.postings(term.fieldname, term.text)
    if not found or not docs:
        return {}
    ids, weights = found
    if len(ids) > 8 * len(docs):  # a long list and few documents: look each one up
        picked = {}
        for doc in docs:
            i = bisect_left(ids, doc)
            if i < len(ids) and ids[i] == doc:
                picked[doc] = weights[i]
    else:
        picked = {doc: w for doc, w in zip(ids, weights) if doc in docs}
    top = segment.top
    field = top.schema[term.fieldname]
    if not field.scorable:  # Whoosh's WeightScorer: the weight is the score
        return {doc: w * boost for doc, w in picked.items()}
    idf = top.idf(term.fieldname, field.to_bytes(term.text))  # as Term.matcher asks it
    avgfl = top.avg_field_length(term.fieldname) or 1
    B = internals.field_b(weighting, term.fieldname)
    K1 = weighting.K1
    lengths = segment.lengths(term.fieldname)
    return {doc: bm25(idf, w, lengths[doc] or 1, avgfl, B, K1) * boost for doc, w in picked.items()}


# --- the search -------------------------------------------------------------------------


class Result:
    def __init__(self):
        self.hits = []  # [(global docnum, score)] best first, up to the limit
        self.total = 0
        self.facets = {}  # name → Counter
        self.partial = False  # the time limit ran out before every segment was searched


def search(searcher, query, *, limit, lengths, facets=None, time_limit=None):
    """Evaluate `query` on every segment; return a Result, or raise Unsupported.

    `lengths`: the index's SegmentLengths. `facets`: {name: (SegmentValues,
    several_per_document)} counted over all matches. Past `time_limit` seconds no further
    segment is searched and the result is marked partial (as Whoosh's TimeLimitCollector).
    """
    deadline = None if time_limit is None else time.perf_counter() + time_limit
    _check(query, scoring=True)
    weighting = searcher.weighting
    if not internals.is_bm25f(weighting):
        raise Unsupported(weighting)  # only BM25F is reproduced
    result = Result()
    counts = {name: Counter() for name in (facets or {})}
    ranked = []
    for leaf, offset in _leaves(searcher):
        if deadline is not None and time.perf_counter() >= deadline:
            result.partial = True
            break
        segment = _Segment(searcher, leaf, offset, lengths)
        docs = _match(query, segment)
        if segment.deleted:
            docs -= segment.deleted
        if not docs:
            continue
        result.total += len(docs)
        scores = _scores(query, segment, docs, weighting)
        ranked.extend((-scores.get(doc, 0.0), offset + doc) for doc in docs)
        for name, (values, several) in (facets or {}).items():
            column = values.get(segment.reader, name)
            if several:
                counts[name].update(v for doc in docs for v in column[doc])
            else:
                counts[name].update(column[doc] for doc in docs)
    ranked.sort()
    result.hits = [(docnum, -negative) for negative, docnum in ranked[:limit]]
    result.facets = counts
    return result


def _leaves(searcher):
    if searcher.is_atomic():
        return [(searcher, 0)]
    return searcher.leaf_searchers()
