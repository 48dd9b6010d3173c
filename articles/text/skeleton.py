"""The spelling skeleton: one key for the spellings of one transliterated name.

Outlets write a foreign name as they hear it: غوتيريش / جوتيريس, ناغورني / ناجورني, ترامب /
ترمب. The skeleton drops what they disagree on, so those spellings meet: the prefix
(و، ال …), long vowels after the first letter, doubled letters, and the difference between
letters of one sound class. Search indexes it as a field of its own and the speaker
directory links names by it; this module is the one definition both use. Names take one fold
more (`name_skeleton_of`): تش for the sound outlets also write ج.
"""

from functools import lru_cache
from pathlib import Path

from articles.text.normalize import normalize_arabic

# Lucene's light-stemmer prefixes (articles.text.analysis uses them to stem as well): each
# is taken off only when at least two letters are left, and a one-letter one only from a
# word of four letters or more.
LIGHT_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")

# Letters outlets use for one foreign sound: g/gh/q/k/kh (غوتيريش/جوتيريش, ناغورني/ناجورني,
# باغ/باخ), emphatic/plain pairs (ت/ط, س/ص, د/ض, ذ/ز/ظ), ث that some write for s, ح for h.
SOUND_CLASSES = str.maketrans(
    {"ج": "ك", "غ": "ك", "ق": "ك", "خ": "ك", "ط": "ت", "ص": "س", "ث": "س", "ض": "د",
     "ذ": "ز", "ظ": "ز", "ح": "ه", "ة": "ه", "ى": "ي", "ء": ""}
)
LONG_VOWELS = frozenset("اوي")


def strip_light_prefix(word):
    for prefix in LIGHT_PREFIXES:
        if len(prefix) == 1 and len(word) < 4:
            continue
        if word.startswith(prefix) and len(word) >= len(prefix) + 2:
            return word[len(prefix):]
    return word


@lru_cache(maxsize=400_000)
def fold_sounds(word):
    """A normalized word with the transliteration swaps folded: the sound classes, and a
    final ش for the Portuguese and Spanish s (غوتيريش / غوتيريس)."""
    word = word.translate(SOUND_CLASSES)
    return word[:-1] + "س" if len(word) >= 5 and word.endswith("ش") else word


@lru_cache(maxsize=400_000)
def skeleton(word):
    """Consonant skeleton of a normalized word: prefix off, sounds folded, long vowels after
    the first letter dropped (a word-initial one is a consonant seat: أوباما, يلتسين),
    doubled letters collapsed. غوتيريش and جوتيريس both give كترس."""
    return _consonants(fold_sounds(strip_light_prefix(word)))


def _consonants(word):
    if not word:
        return ""
    letters = [word[0]]
    for ch in word[1:]:
        if ch in LONG_VOWELS or ch == letters[-1]:
            continue
        letters.append(ch)
    return "".join(letters)


# The Turkish ç and the English ch: outlets write تش or ج (تشاويش / جاويش أوغلو، كليتشدار /
# قليجدار أوغلو). Only in names: in common words ت is a verb's or a verbal noun's prefix
# before a root ش (تشكيل، تشارك), and folded so تشكيل would meet قال in search. Read after
# the sound classes, so that a final ش is read by the word's written length (تشاوش / جاووش).
NAME_SOUNDS = (("تش", "ج"),)
FOLDED_NAME_SOUNDS = tuple((written, sound.translate(SOUND_CLASSES)) for written, sound in NAME_SOUNDS)


@lru_cache(maxsize=400_000)
def fold_name_sounds(word):
    """fold_sounds for a word of a name, and the names' own swaps (NAME_SOUNDS)."""
    word = fold_sounds(word)
    for written, sound in FOLDED_NAME_SOUNDS:
        word = word.replace(written, sound)
    return word


@lru_cache(maxsize=400_000)
def name_skeleton_of(word):
    """The skeleton of a normalized word of a name: تشاويش, تشاوش and جاووش all give كس."""
    return _consonants(fold_name_sounds(strip_light_prefix(word)))


FIRST_NAMES = Path(__file__).resolve().with_name("first_names.txt")


@lru_cache(maxsize=None)
def first_name_forms():
    """{normalized form: the line it is on} of the first names with short forms
    (first_names.txt): بيب and جوسيب give one line."""
    forms = {}
    with open(FIRST_NAMES, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if line.lstrip().startswith("#"):
                continue
            for form in line.split():
                form = normalize_arabic(form)
                if form in forms:
                    raise ValueError(f"{FIRST_NAMES.name}: {form!r} is listed twice (after normalization)")
                forms[form] = line_no
    return forms


def one_first_name(a, b):
    """Are two normalized first names one name by first_names.txt (جوسيب / بيب)?"""
    forms = first_name_forms()
    return a != b and a in forms and forms.get(b) == forms[a]
