"""Copies: one text filed twice by an outlet (an `internationalNews` and a `middleEast` copy),
or one wire text carried by two outlets.

Two reports are copies when their sets of SHINGLE_WORDS-word shingles overlap by at least
MIN_JACCARD, as estimated from their bottom-k sketches (articles.stories.terms.sketch).
Only pairs that the story grouping already compares (close in time, sharing a strong term)
and whose term vectors are nearly equal are checked: a copy always has nearly the vector of
its original, so no locality-sensitive hashing is needed to find the pairs
(docs/stories.md).
"""

from articles.stories.terms import resemblance

# Near-identical: most of the text is the same, word for word. A wire text rewritten by
# an outlet's desk (new lead, cut paragraphs) falls below this and is a story member,
# not a copy.
MIN_JACCARD = 0.7
# A copy's term vector is almost its original's; pairs below this are not checked.
MIN_COSINE = 0.6
# Shorter texts (a caption, an empty body under a headline) say too little to be a copy.
MIN_SHINGLES = 20


def find_copies(corpus, similarities, min_jaccard=MIN_JACCARD, min_cosine=MIN_COSINE):
    """Groups of copies as lists of document keys, the original (first published) first."""
    parent = {}

    def find(i):
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), s in similarities.items():
        if s < min_cosine:
            continue
        a, b = corpus.sketches[i], corpus.sketches[j]
        if min(len(a), len(b)) < MIN_SHINGLES:
            continue
        if resemblance(a, b) >= min_jaccard:
            parent[find(i)] = find(j)

    groups = {}
    for i in list(parent):
        groups.setdefault(find(i), []).append(i)
    result = []
    for members in groups.values():
        if len(members) > 1:
            # Documents are in time order, so the smallest index was published first.
            members.sort()
            result.append([corpus.keys[i] for i in members])
    result.sort(key=lambda keys: corpus.index[keys[0]])
    return result

