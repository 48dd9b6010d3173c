"""Whoosh analyzers for Arabic news text, one small stage per job.

    ArabicTokenizer() | ArabicNormalizeFilter() | ArabicStopFilter() | StemFilter("light")

The analyzer objects are pickled into the index schema, so this module must stay
importable under this name; any change to what a stage produces must bump
`ANALYZER_VERSION` in `articles.text.schema` so that old indexes are refused.

Per-word work (normalize, stem, skeleton) is memoized: news vocabulary is Zipfian, a
few thousand forms make most of the tokens, so caching turns the stemmers from the
dominant cost of indexing into a dictionary look-up.
"""

import re
from functools import lru_cache

from whoosh.analysis import Filter, RegexTokenizer

from articles.text.normalize import (
    fold_teh_marbuta,
    normalize_arabic,
    strip_harakat,
    strip_invisibles,
    strip_tatweel,
)
from articles.text.skeleton import skeleton, strip_light_prefix
from articles.text.tokens import WORD_PATTERN, WORD_RE

# The one definition of a word, shared with the statement extractor.
TOKEN_PATTERN = WORD_PATTERN
TOKEN_RE = WORD_RE

MEMO_SIZE = 400_000

# Stop words, in normalized form (ى→ي, ة→ه, no hamza on alef). The Lucene Arabic list
# plus the news-frequent function words it lacks; content words are never here.
ARABIC_STOP_WORDS = frozenset(
    normalize_arabic(word)
    for word in """
    من الى إلى عن على في مع ب ل ك و ف ثم او أو أم بل لكن لكنه لكنها لا لم لن ما ماذا
    متى أين اين كيف كم هل إن ان أن إنه انه أنه إنها انها أنها إذ إذا اذا لو لولا كي حتى
    قد لقد سوف سـ كان كانت كانوا يكون تكون يكونوا ليس ليست لست لسنا
    هو هي هم هن هما أنا انا نحن أنت انت أنتم انتم أنتن انتن إياه اياه
    هذا هذه هذان هذين هؤلاء ذلك تلك ذلكم أولئك اولئك هناك هنا هنالك ثمة
    الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي اللائي
    كل بعض أي اي غير سوى بين عند عندما لدى لدي منذ مذ خلال حول ضد نحو دون بدون تحت فوق
    أمام امام وراء خلف قبل بعد حيث حين بينما كما مثل لأن لان لما مما عما فيما بما كلما
    أيضا ايضا جدا فقط إلا الا وقد وكان وكانت وهو وهي وهذا وهذه وفي ومن وعلى وإلى والى
    وأن وان وإن ولا ولم وما وقال فيه فيها فيهم منه منها منهم عنه عنها عليه عليها عليهم
    إليه اليه إليها اليها له لها لهم لهن به بها بهم معه معها ذات ذو ذي
    يا أيها ايها
    """.split()
)


# --- per-word functions (memoized) -------------------------------------------------


@lru_cache(maxsize=MEMO_SIZE)
def normalize_word(word, fold_teh=True):
    return normalize_arabic(word, fold_teh=fold_teh)


def surface_word(word):
    """The word as written, minus marks that never change its spelling (for did-you-mean)."""
    return strip_tatweel(strip_harakat(strip_invisibles(word))).lower()


# Lucene's ArabicStemmer (Larkey et al. "light8"): one prefix, then each suffix in turn,
# each only when enough of the word is left. Lucene also lists ية and ة, but its
# normalizer has already turned them into يه and ه, as ours has.
LIGHT_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


@lru_cache(maxsize=MEMO_SIZE)
def light_stem(word):
    """Lucene-style light stem of a normalized word (ة already folded to ه)."""
    word = strip_light_prefix(word)
    for suffix in LIGHT_SUFFIXES:
        if word.endswith(suffix) and len(word) >= len(suffix) + 2:
            word = word[: -len(suffix)]
    return word


_snowball = None


@lru_cache(maxsize=MEMO_SIZE)
def snowball_stem(word):
    """Snowball Arabic on a word normalized *without* folding ة (it needs ة to see the
    feminine suffix); the result is folded so that a user's ه-for-ة meets it."""
    global _snowball
    if _snowball is None:
        import snowballstemmer

        _snowball = snowballstemmer.stemmer("arabic")
    return fold_teh_marbuta(_snowball.stemWord(word))


_isri = None


@lru_cache(maxsize=MEMO_SIZE)
def isri_stem(word):
    """ISRI root-based stemmer (Taghva et al.), heavy: والمعلمون → علم."""
    global _isri
    if _isri is None:
        from whoosh.lang.isri import ISRIStemmer

        _isri = ISRIStemmer()
    return fold_teh_marbuta(_isri.stem(word))


def no_stem(word):
    return word


STEMMERS = {"none": no_stem, "light": light_stem, "snowball": snowball_stem, "isri": isri_stem}
# Stemmers that must see ة (fold_teh=False) before stemming.
STEMMERS_KEEPING_TEH = {"snowball", "isri"}

# --- Whoosh stages ------------------------------------------------------------------


def ArabicTokenizer():
    """Words with their harakat and tatweel inside, with character offsets."""
    return RegexTokenizer(expression=TOKEN_PATTERN, gaps=False)


class _WordFilter(Filter):
    """A filter that maps each token's text through one memoized word function and
    drops tokens that become empty (a lone tatweel or mark)."""

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def word(self, text):
        raise NotImplementedError

    def __call__(self, tokens):
        for token in tokens:
            text = self.word(token.text)
            if text:
                token.text = text
                yield token


class ArabicNormalizeFilter(_WordFilter):
    def __init__(self, fold_teh=True):
        self.fold_teh = fold_teh

    def word(self, text):
        return normalize_word(text, self.fold_teh)


class ArabicStopFilter(Filter):
    """Drops function words (compared in normalized, ة-folded form). In query mode
    Whoosh asks to keep them marked as stopped so phrases keep their positions."""

    def __init__(self, stoplist=ARABIC_STOP_WORDS, renumber=True):
        self.stoplist = stoplist
        self.renumber = renumber

    def __eq__(self, other):
        return type(self) is type(other) and self.stoplist == other.stoplist

    def __call__(self, tokens):
        stoplist = self.stoplist
        renumber = self.renumber
        pos = None
        for token in tokens:
            text = token.text
            stopped = fold_teh_marbuta(text) in stoplist or len(text) < 2 and not text.isdigit()
            if not stopped:
                if renumber and token.positions:
                    pos = 0 if pos is None else pos + 1
                    token.pos = pos
                token.stopped = False
                yield token
            elif not token.removestops:
                token.stopped = True
                yield token


class StemFilter(_WordFilter):
    def __init__(self, stemmer="light"):
        if stemmer not in STEMMERS:
            raise ValueError(f"unknown stemmer {stemmer!r}; choose from {sorted(STEMMERS)}")
        self.stemmer = stemmer

    def word(self, text):
        return STEMMERS[self.stemmer](text)


class SkeletonFilter(_WordFilter):
    def word(self, text):
        return skeleton(text)


SURFACE_SEPARATOR = "|"


@lru_cache(maxsize=MEMO_SIZE)
def surface_pair(word):
    """`normalized|as written` for a word whose written form differs from its normalized
    one (hamza, ة, ى, digits), else "" — a plain word's spelling is its normalized form,
    and leaving those out keeps most of the news vocabulary out of this field."""
    exact = normalize_word(word)
    if exact in ARABIC_STOP_WORDS or len(exact) < 3:
        return ""
    written = surface_word(word)
    return f"{exact}{SURFACE_SEPARATOR}{written}" if written != exact else ""


class SurfaceFilter(_WordFilter):
    """Pairs each word's normalized form with its spelling as written (hamza, ة, ى):
    `اذربيجان|أذربيجان`. Did-you-mean corrects on the normalized vocabulary, then looks
    up the pairs under `normalized|` to show a spelling the archive really uses."""

    def word(self, text):
        return surface_pair(text)


# --- analyzers ----------------------------------------------------------------------


def stemmed_analyzer(stemmer="light"):
    """Main text fields: normalized, stop words out, stemmed."""
    return (
        ArabicTokenizer()
        | ArabicNormalizeFilter(fold_teh=stemmer not in STEMMERS_KEEPING_TEH)
        | ArabicStopFilter()
        | StemFilter(stemmer)
    )


def exact_analyzer():
    """Exact-spelling fields: normalized (hamza, ى, ة, marks, digits) but not stemmed."""
    return ArabicTokenizer() | ArabicNormalizeFilter() | ArabicStopFilter()


def skeleton_analyzer():
    """Transliteration-variant field: one consonant skeleton per word."""
    return ArabicTokenizer() | ArabicNormalizeFilter() | ArabicStopFilter() | SkeletonFilter()


def surface_analyzer():
    """Did-you-mean vocabulary: words as written."""
    return ArabicTokenizer() | SurfaceFilter()


# --- one word, all forms (queries and highlighting use the same functions) ----------


class WordForms:
    __slots__ = ("exact", "stem", "skeleton")

    def __init__(self, exact, stem, skel):
        self.exact, self.stem, self.skeleton = exact, stem, skel

    def __repr__(self):
        return f"WordForms(exact={self.exact!r}, stem={self.stem!r}, skeleton={self.skeleton!r})"


@lru_cache(maxsize=MEMO_SIZE)
def word_forms(word, stemmer="light"):
    """The forms one written word is indexed under, or None for a stop word/mark."""
    exact = normalize_word(word)
    if not exact or exact in ARABIC_STOP_WORDS or (len(exact) < 2 and not exact.isdigit()):
        return None
    base = normalize_word(word, stemmer not in STEMMERS_KEEPING_TEH)
    return WordForms(exact, STEMMERS[stemmer](base), skeleton(exact))


def words_with_offsets(text):
    """(word, start, end) for every word of `text`, exactly as the tokenizer sees them."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


# --- the indexing fast path -----------------------------------------------------------
#
# Indexing through the analyzer chain builds a Token object per word and passes it through
# four generators per field, for every field that reads the body. These functions give the
# same terms and positions from one regex pass and the memoized word forms; the index
# fields (articles.text.schema.ArabicText) use them, and tests hold them equal to the
# analyzers above, which stay the reference and do the query-side work.

def kept_forms(text, form, stemmer="light"):
    """The `form` (exact, stem or skeleton) of each word the analyzer keeps, in order:
    stop words and bare marks take no position; a form a stage empties ("") keeps its
    position, as in the token stream. Surface pairs (no stop filter there) come whole."""
    if form == "surface":
        return (surface_pair(word) for word in TOKEN_RE.findall(text))
    every = (word_forms(word, stemmer) for word in TOKEN_RE.findall(text))
    return (getattr(forms, form) for forms in every if forms is not None)


def term_positions(text, form, stemmer="light"):
    """{term: [positions]} as the `form` analyzer indexes `text` (positions count the
    words left after stop words, as ArabicStopFilter renumbers them)."""
    found = {}
    for pos, term in enumerate(kept_forms(text, form, stemmer)):
        if term:
            found.setdefault(term, []).append(pos)
    return found


def term_frequencies(text, form, stemmer="light"):
    """{term: count} as the `form` analyzer indexes `text`."""
    found = {}
    for term in kept_forms(text, form, stemmer):
        if term:
            found[term] = found.get(term, 0) + 1
    return found
