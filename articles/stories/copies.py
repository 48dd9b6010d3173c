"""Copies: one text filed twice by an outlet (an `internationalNews` and a `middleEast` copy),
or one wire text carried by two outlets.

Two reports are copies when their sets of SHINGLE_WORDS-word shingles overlap by at least
MIN_JACCARD. Only pairs that the story grouping already compares (close in time, sharing a
strong term) and whose term vectors are nearly equal are checked, and the check is the
exact Jaccard of the two sets: MinHash would estimate the same number for every pair of
the archive, but a copy always has nearly the vector of its original, so the candidate
pairs hold every copy and are few enough to compare exactly (docs/stories.md).
"""

from articles.stories.terms import shingles

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
    cache = {}

    def shingle_set(i):
        if i not in cache:
            doc = corpus.documents[i]
            cache[i] = shingles(doc.title, doc.text)
        return cache[i]

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
        a, b = shingle_set(i), shingle_set(j)
        if min(len(a), len(b)) < MIN_SHINGLES:
            continue
        if jaccard(a, b) >= min_jaccard:
            parent[find(i)] = find(j)

    groups = {}
    for i in list(parent):
        groups.setdefault(find(i), []).append(i)
    result = []
    for members in groups.values():
        if len(members) > 1:
            # Documents are in time order, so the smallest index was published first.
            members.sort()
            result.append([corpus.documents[i].key for i in members])
    result.sort(key=lambda keys: corpus.index[keys[0]])
    return result


def jaccard(a, b):
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)
