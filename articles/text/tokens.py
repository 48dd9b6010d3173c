"""What a word is: one definition for the search analyzers and the statement extractor.

A word is a run of letters and digits together with the marks written inside it that
are not letters to Python: harakat, superscript alef and Quranic marks, which would
otherwise split "عَمَلِيَّة" at every vowel, and the invisible format characters (RLM,
zero-width joiners, soft hyphen) pasted into words such as وقال, which normalization
strips and must not split. The underscore is not part of a word: Al Arabiya writes
names as hashtags (#كريستين_لاغارد), which are two words to a reader and to a search.
"""

import re

from articles.text.normalize import INVISIBLE_CHARS

WORD_MARKS = rf"\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed{INVISIBLE_CHARS}"
WORD_PATTERN = rf"(?:[^\W_]+|[{WORD_MARKS}]+)+"
WORD_RE = re.compile(WORD_PATTERN)

# The same words found with one character class, which is faster than WORD_PATTERN's
# alternation, on the text with its underscores turned into spaces (same length, so the
# offsets hold): `WORD_RUN.finditer(spaced_underscores(text))`. Bulk work (the statement
# extractor over every article) uses it; tests hold the two equal on corpus text.
WORD_RUN = rf"[\w{WORD_MARKS}]+"


def spaced_underscores(text):
    return text.replace("_", " ") if "_" in text else text
