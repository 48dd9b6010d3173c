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


def strip_decoration(text):
    """The letters as written, spelling kept (أ، ى، ة): no harakat, tatweel or invisible
    marks. For rules that read the spelling itself (علي the name, not على)."""
    return strip_tatweel(strip_harakat(strip_invisibles(text)))


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


PRESENTATION_FORMS_RE = re.compile("[\ufb50-\ufefc]")


def fold_presentation_forms(text):
    """Arabic presentation forms (ﻻ, ﺍ …) from old PDFs and fonts back to letters."""
    if PRESENTATION_FORMS_RE.search(text):
        return unicodedata.normalize("NFKC", text)
    return text


# The rules that drop or swap one character at a time, in normalize_arabic's order.
_CHARACTER_RULES = (strip_invisibles, strip_harakat, strip_tatweel, fold_alef, fold_hamza_seats,
                    fold_alef_maksura, fold_persian_letters)


def _one_table(rules):
    """One str.translate table doing what `rules` do one after the other: built by running
    the rules themselves on every character they touch, so the table cannot drift from
    them. Normalizing is on every word of every article and query; one pass over the text
    instead of ten."""
    touched = set()
    for table in (ALEF_FORMS, HAMZA_SEATS, ALEF_MAKSURA, TEH_MARBUTA, PERSIAN_LETTERS, DIGITS):
        touched.update(chr(code) for code in table)
    for pattern in (HARAKAT_RE, INVISIBLES_RE):
        touched.update(ch for ch in map(chr, range(0x10000)) if pattern.fullmatch(ch))
    touched.add(TATWEEL)
    table = {}
    for ch in touched:
        out = ch
        for rule in rules:
            out = rule(out)
        if out != ch:
            table[ord(ch)] = out or None
    return table


_FOLD = _one_table((*_CHARACTER_RULES, fold_teh_marbuta, fold_digits))
_FOLD_KEEPING_TEH = _one_table((*_CHARACTER_RULES, fold_digits))


def normalize_arabic(text, fold_teh=True):
    """Fold every meaningless variation out of `text`: presentation forms, invisibles,
    harakat, tatweel, alef and hamza forms, alef maksura, Persian letters, teh marbuta,
    digits, case; the character rules above in that order, applied in one pass.

    `fold_teh=False` keeps ة, for stemmers that need it to find the feminine suffix.
    """
    text = fold_presentation_forms(text)
    return text.translate(_FOLD if fold_teh else _FOLD_KEEPING_TEH).lower()
