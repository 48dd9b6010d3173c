"""What a report is made of, for comparing it with others: its distinctive words and its
shingles.

Words come from the one tokenizer and normalizer (articles.text.analysis.word_forms):
stop words are dropped there; the generic news words (words/generic_news_words.txt) are
dropped here, because every report says قال and names its outlet and weekday, and those
would make two unrelated reports of one outlet or one day look alike. A word is compared by
its light stem, so الانتخابات and انتخابات meet.
"""

import heapq
import math
import re
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import repeat
from operator import mul
from pathlib import Path

from articles.text.analysis import ARABIC_STOP_WORDS, light_stem, word_forms
from articles.text.normalize import normalize_arabic
from articles.text.tokens import WORD_RUN, spaced_underscores

WORDS_DIR = Path(__file__).resolve().parent / "words"
WORD_RUN_RE = re.compile(WORD_RUN)

# The title says what the event is; the lead says where and when. A title word counts as
# this many body words, and only the body's first LEAD_WORDS words count: the rest of a
# long article is background that other reports of other events share.
TITLE_WEIGHT = 3
LEAD_WORDS = 250
# A report is compared by its strongest terms only; the tail of a long article adds noise
# (and time) but rarely tells two events apart.
VECTOR_TERMS = 60
# Words in one shingle: long enough that two different reports share few, short enough
# that a copy with a changed sentence still shares most.
SHINGLE_WORDS = 5
# Shingle hashes kept per report (see `sketch`): the error of the estimated resemblance
# shrinks with the square root of this, the memory grows with it.
SKETCH_SIZE = 128
# Words of a text that its shingles cover: a copy is the same from its first line, and a
# rewrite shows in its first paragraphs.
SHINGLE_TEXT = 300


@dataclass(frozen=True)
class Document:
    """One article as the story engine sees it: no Django, no database.

    `key` is whatever the caller identifies articles by (a primary key, an external id);
    `text` is the abstract and body; `published` is an aware or naive datetime, the same
    kind for all documents of one run.
    """

    key: object
    source: str
    published: datetime
    title: str
    text: str

    @property
    def timestamp(self):
        return self.published.timestamp()


def _word_file(name):
    with open(WORDS_DIR / name, encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def generic_stems():
    """The light stems of the generic news words (several forms may share a stem)."""
    stems = set()
    for word in _word_file("generic_news_words.txt"):
        for token in words(word):
            forms = word_forms(token)
            if forms is not None:
                stems.add(forms.stem)
    return frozenset(stems)


def story_term(word, memo=None):
    """The term a written word counts as, or None for a stop word, a generic news word, a
    single letter or a bare number of one digit.

    The keep rule is word_forms' (articles.text.analysis; a test holds the two equal on
    corpus text), computed without its caches: grouping the archive meets a few hundred
    thousand forms once each, and the search's memo tables would keep them all after the
    run. Pass a dict as `memo` to remember forms for one run.
    """
    if memo is not None:
        found = memo.get(word, _MISSING)
        if found is not _MISSING:
            return found
    exact = normalize_arabic(word)
    if not exact or exact in ARABIC_STOP_WORDS or (len(exact) < 2 and not exact.isdigit()):
        term = None
    else:
        stem = light_stem.__wrapped__(exact)
        term = None if len(stem) < 2 or stem in generic_stems() else stem
    if memo is not None:
        memo[word] = term
    return term


_MISSING = object()


def words(text):
    """The words of `text`, as the one tokenizer finds them (the faster equal form of
    articles.text.tokens, for bulk work)."""
    return WORD_RUN_RE.findall(spaced_underscores(text))


def term_counts(title, text, memo=None):
    """{term: count} of a report: title words TITLE_WEIGHT times, then the lead."""
    memo = {} if memo is None else memo
    counts = {}
    # A lead of LEAD_WORDS words fits in this many characters (Arabic words are short).
    for weight, found in ((TITLE_WEIGHT, words(title)), (1, words(text[:LEAD_WORDS * 12])[:LEAD_WORDS])):
        for word in found:
            term = memo.get(word, _MISSING)
            if term is _MISSING:
                term = story_term(word, memo)
            if term:
                counts[term] = counts.get(term, 0) + weight
    return counts


def shingles(title, text):
    """The set of hashed SHINGLE_WORDS-word windows over the first SHINGLE_TEXT words, as
    written (stop words kept: a copy keeps them, and they make the windows specific).

    Not normalized: a copy is the same text, letter for letter, and normalizing whole
    bodies would cost more than all the rest of the grouping.
    """
    found = words(f"{title}\n{text[:SHINGLE_TEXT * 12]}")[:SHINGLE_TEXT]
    # crc32, not hash(): Python salts str hashes per process, so the bottom-k sketches, and
    # which copies were found, changed from one run of group_stories to the next.
    return {zlib.crc32(" ".join(found[i:i + SHINGLE_WORDS]).encode("utf-8"))
            for i in range(max(1, len(found) - SHINGLE_WORDS + 1))}


def sketch(title, text, size=SKETCH_SIZE):
    """A bottom-k sketch of the shingles: the `size` smallest shingle hashes, sorted.

    Two sketches estimate the Jaccard similarity of the full shingle sets (`resemblance`)
    as MinHash does, with one hash function instead of `size`, which pure Python can
    afford over the whole archive; a text shorter than `size` shingles is kept whole and
    compared exactly.
    """
    return array("q", heapq.nsmallest(size, shingles(title, text)))


def resemblance(a, b, size=SKETCH_SIZE):
    """Estimated Jaccard similarity of two texts from their sketches."""
    if not a or not b:
        return 0.0
    union = heapq.nsmallest(size, set(a).union(b))
    both = set(a).intersection(b)
    return sum(1 for h in union if h in both) / len(union)


MIN_DOCUMENTS = 2


class Vocabulary:
    """Document frequencies of terms, for inverse document frequency.

    Built from the archive by `group_stories --all` (and stored), or from the documents at
    hand when nothing is stored. A term never seen counts as seen once: a name new to the
    archive is as distinctive as a word can be.
    """

    def __init__(self, document_frequency=None, documents=0):
        self.df = dict(document_frequency or {})
        self.documents = documents
        self._idf = {}

    @classmethod
    def from_terms(cls, term_sets):
        """From the terms (any iterable of distinct terms) of each document."""
        df = Counter()
        n = 0
        for terms in term_sets:
            df.update(terms)
            n += 1
        return cls(df, n)

    def idf(self, term):
        found = self._idf.get(term)
        if found is None:
            found = self._idf[term] = math.log((self.documents + 1) / (max(self.df.get(term, 0), 1) + 1)) + 1.0
        return found

    def vector(self, counts, local_df=None):
        """The report's unit-length tf-idf vector over its VECTOR_TERMS strongest terms,
        as a `Vector` (terms strongest first).

        A term used by fewer than MIN_DOCUMENTS documents (here, or among `local_df`, the
        documents grouped together in this run) is left out: it can link the report to
        nothing, and a rare word has the highest weight, so it would only shrink every
        similarity of the report."""
        local_df = local_df or {}
        df = self.df
        weights = [
            ((1.0 + math.log(c)) * self.idf(t), t) for t, c in counts.items()
            if df.get(t, 0) >= MIN_DOCUMENTS or local_df.get(t, 0) >= MIN_DOCUMENTS
        ]
        weights.sort(key=lambda wt: (-wt[0], wt[1]))
        del weights[VECTOR_TERMS:]
        norm = math.sqrt(sum(w * w for w, _t in weights)) or 1.0
        return Vector(tuple(t for _w, t in weights), array("d", (w / norm for w, _t in weights)))


class Vector:
    """Terms and their weights in two flat arrays: tens of thousands of these stay in
    memory during a run, and a dict per report would take three times the space."""

    __slots__ = ("terms", "weights")

    def __init__(self, terms, weights):
        self.terms, self.weights = terms, weights

    def as_dict(self):
        return dict(zip(self.terms, self.weights))

    def cosine(self, other_dict):
        """Cosine with another vector given as_dict() (both are unit length). Written with
        map() so that the loop runs in C: this is the grouping's innermost loop."""
        return sum(map(mul, self.weights, map(other_dict.get, self.terms, repeat(0.0, len(self.terms)))))


def cosine(a, b):
    return a.cosine(b.as_dict())
