"""What a report is made of, for comparing it with others: its distinctive words and its
shingles.

Words come from the one tokenizer and normalizer (articles.text.analysis.word_forms):
stop words are dropped there; the generic news words (words/generic_news_words.txt) are
dropped here, because every report says قال and names its outlet and weekday, and those
would make two unrelated reports of one outlet or one day look alike. A word is compared by
its light stem, so الانتخابات and انتخابات meet.
"""

import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from articles.text.analysis import TOKEN_RE, normalize_word, word_forms

WORDS_DIR = Path(__file__).resolve().parent / "words"

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
        for token in TOKEN_RE.findall(word):
            forms = word_forms(token)
            if forms is not None:
                stems.add(forms.stem)
    return frozenset(stems)


@lru_cache(maxsize=400_000)
def story_term(word):
    """The term a written word counts as, or None for a stop word, a generic news word, a
    single letter or a bare number of one digit."""
    forms = word_forms(word)
    if forms is None:
        return None
    stem = forms.stem
    if len(stem) < 2 or stem in generic_stems():
        return None
    return stem


def term_counts(title, text):
    """{term: count} of a report: title words TITLE_WEIGHT times, then the lead."""
    counts = Counter()
    for word in TOKEN_RE.findall(title):
        term = story_term(word)
        if term:
            counts[term] += TITLE_WEIGHT
    for i, match in enumerate(TOKEN_RE.finditer(text)):
        if i >= LEAD_WORDS:
            break
        term = story_term(match.group())
        if term:
            counts[term] += 1
    return counts


def shingles(title, text):
    """The set of hashed SHINGLE_WORDS-word windows over the whole normalized text (stop
    words kept: a copy keeps them, and they make the windows specific)."""
    words = [normalize_word(w) for w in TOKEN_RE.findall(f"{title}\n{text}")]
    return {hash(tuple(words[i:i + SHINGLE_WORDS])) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}


class Vocabulary:
    """Document frequencies of terms, for inverse document frequency.

    Built from the archive by `group_stories --all` (and stored), or from the documents at
    hand when nothing is stored. A term never seen counts as seen once: a name new to the
    archive is as distinctive as a word can be.
    """

    def __init__(self, document_frequency=None, documents=0):
        self.df = dict(document_frequency or {})
        self.documents = documents

    @classmethod
    def from_counts(cls, counts_list):
        df = Counter()
        n = 0
        for counts in counts_list:
            df.update(counts.keys())
            n += 1
        return cls(df, n)

    def idf(self, term):
        return math.log((self.documents + 1) / (max(self.df.get(term, 0), 1) + 1)) + 1.0

    def vector(self, counts):
        """The report's unit-length tf-idf vector over its VECTOR_TERMS strongest terms."""
        weights = {t: (1.0 + math.log(c)) * self.idf(t) for t, c in counts.items()}
        if len(weights) > VECTOR_TERMS:
            weights = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:VECTOR_TERMS])
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}


def cosine(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)
