"""Arabic orthographic normalization, one small function per rule.

Writers of Arabic vary in ways that carry no meaning for search: hamza on or off the
alef, ى for final ي, ة written as ه, short vowels (harakat) written or not, tatweel
stretching a word, Arabic-Indic or Western digits. Folding these makes the word the
user types meet the word the journalist wrote. Each rule is its own function so that
tests can pin it with a table, and `normalize_arabic` composes them in a fixed order.
"""

import re
import unicodedata

# Short vowels, tanween, shadda, sukun (U+064B–U+0652), the superscript alef (U+0670),
# and the Quranic annotation marks that sometimes leak into news text (U+0610–U+061A,
# U+06D6–U+06ED).
HARAKAT_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
TATWEEL = "\u0640"

# Forms of alef with hamza or madda, and alef wasla, all written as bare alef.
ALEF_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
# Hamza carried on waw or ya: ؤ → و, ئ → ي (the common search folding; Lucene keeps them,
# but users who drop hamza type the seat letter).
HAMZA_SEATS = str.maketrans({"ؤ": "و", "ئ": "ي"})
ALEF_MAKSURA = str.maketrans({"ى": "ي"})
TEH_MARBUTA = str.maketrans({"ة": "ه"})
# Persian/Urdu letter forms that appear in Arabic text typed on those keyboards.
PERSIAN_LETTERS = str.maketrans({"ی": "ي", "ک": "ك", "ە": "ه", "ۀ": "ه"})
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Zero-width and bidi control characters: invisible, yet they split or glue tokens.
# Format characters with no letter of their own: zero-width space/joiners, direction marks
# and isolates (LRM, RLM, ALM), BOM, soft hyphen. A regex character-class body, shared by
# the extractor's tokenizer, which keeps them inside the word they interrupt.
INVISIBLE_CHARS = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad\u061c"
INVISIBLES_RE = re.compile(f"[{INVISIBLE_CHARS}]")


def strip_harakat(text):
    return HARAKAT_RE.sub("", text)


def strip_tatweel(text):
    return text.replace(TATWEEL, "")


def strip_invisibles(text):
    return INVISIBLES_RE.sub("", text)


def fold_alef(text):
    return text.translate(ALEF_FORMS)


def fold_hamza_seats(text):
    return text.translate(HAMZA_SEATS)


def fold_alef_maksura(text):
    return text.translate(ALEF_MAKSURA)


def fold_teh_marbuta(text):
    return text.translate(TEH_MARBUTA)


def fold_persian_letters(text):
    return text.translate(PERSIAN_LETTERS)


def fold_digits(text):
    return text.translate(DIGITS)


def fold_presentation_forms(text):
    """Arabic presentation forms (ﻻ, ﺍ …) from old PDFs and fonts back to letters."""
    if any("\ufb50" <= ch <= "\ufefc" for ch in text):
        return unicodedata.normalize("NFKC", text)
    return text


def normalize_arabic(text, fold_teh=True):
    """Fold every meaningless variation out of `text`; keeps length-changing rules last.

    `fold_teh=False` keeps ة, for stemmers that need it to find the feminine suffix.
    """
    text = fold_presentation_forms(text)
    text = strip_invisibles(text)
    text = strip_harakat(text)
    text = strip_tatweel(text)
    text = fold_alef(text)
    text = fold_hamza_seats(text)
    text = fold_alef_maksura(text)
    text = fold_persian_letters(text)
    if fold_teh:
        text = fold_teh_marbuta(text)
    text = fold_digits(text)
    return text.lower()
