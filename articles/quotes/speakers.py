"""Speaker names: one canonical name per person or organisation.

Two jobs, both plain Python:
- inside one article, a person named in full once (روبن فاردانيان) and then by surname
  (فاردانيان) is one speaker, and an organisation named again by its head noun (وقالت
  الوزارة) is the ministry named before;
- across articles, spellings of a foreign name differ by outlet (غوتيريش / جوتيريش,
  ناغورني / ناجورني). `name_skeleton` folds letters of one sound class and drops long
  vowels so those spellings meet; `match_confidence` says how sure a link is, and the
  caller links only above a threshold and leaves the rest for an editor.
"""

import re
from functools import lru_cache
from dataclasses import dataclass

from articles.text.normalize import normalize_arabic

# The hard g is written ج (Egypt), غ (Levant, Gulf), ق or ك; the pairs below are letters
# that transliterations swap for one foreign sound.
SOUND_CLASSES = str.maketrans(
    {
        "ج": "ك", "غ": "ك", "ق": "ك",
        "ث": "س", "ص": "س",
        "ذ": "ز", "ظ": "ز",
        "ط": "ت",
        "ض": "د",
        "ة": "ه",
        "ى": "ي",
    }
)
LONG_VOWELS_RE = re.compile("[اوي]")
PUNCTUATION_RE = re.compile(r"[\"«»“”„'#()\[\]،,.:؛;!?؟\-–—_]+")

# Links at or above this are made automatically; below it a new speaker is created and
# the low confidence is stored on the statement for an editor to review.
LINK_THRESHOLD = 0.8
EXACT, SKELETON, SURNAME = 1.0, 0.85, 0.6


def clean_name(name):
    """Spaces and punctuation out: 'وكالة "إنترفاكس"' → 'وكالة إنترفاكس'."""
    return " ".join(PUNCTUATION_RE.sub(" ", name).split())


def normalized_name(name):
    return normalize_arabic(clean_name(name))


@lru_cache(maxsize=100_000)
def _token_skeleton(token):
    token = normalize_arabic(token).translate(SOUND_CLASSES)
    if token.startswith("ال") and len(token) > 4:
        token = token[2:]
    # Keep a word-initial vowel letter: it is a consonant seat there (أوباما, يلتسين).
    head, rest = token[:1], LONG_VOWELS_RE.sub("", token[1:])
    skeleton = head + rest
    # Doubled letters (from a dropped shadda or a vowel between twins) count once.
    return re.sub(r"(.)\1+", r"\1", skeleton)


def name_skeleton(name):
    """A spelling-insensitive key: غوتيريش and جوتيريش both give 'كترش'."""
    return " ".join(_token_skeleton(t) for t in clean_name(name).split())


def match_confidence(a, b):
    """How sure it is that names `a` and `b` are the same speaker (0..1)."""
    na, nb = normalized_name(a), normalized_name(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return EXACT
    if name_skeleton(a) == name_skeleton(b):
        # One word and few consonants: too many different names share that skeleton.
        consonants = len(name_skeleton(a).replace(" ", ""))
        return SKELETON if consonants >= 4 or " " in na else 0.7
    ta, tb = na.split(), nb.split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) == 1 and len(long_) > 1 and _token_skeleton(short[0]) == _token_skeleton(long_[-1]):
        return SURNAME  # surname alone: likely, never certain across articles
    return 0.0


@dataclass
class ArticleSpeaker:
    """One speaker of one article, after in-article coreference."""

    name: str
    kind: str
    description: str = ""
    gender: str = ""


ORGANISATION_BACK_REFERENCES = {
    normalize_arabic(w): normalize_arabic(h)
    for w, h in [
        ("الوزارة", "وزارة"), ("الوكالة", "وكالة"), ("الصحيفة", "صحيفة"), ("القناة", "قناة"),
        ("الشركة", "شركة"), ("النادي", "نادي"), ("الهيئة", "هيئة"), ("المنظمة", "منظمة"),
        ("اللجنة", "لجنة"), ("الحركة", "حركة"), ("الحزب", "حزب"), ("الجماعة", "جماعة"),
        ("التحالف", "تحالف"), ("المجلة", "مجلة"), ("الموقع", "موقع"), ("الشبكة", "شبكة"),
        ("الحكومة", "حكومة"), ("المرصد", "مرصد"), ("المحكمة", "محكمة"), ("الجمعية", "جمعية"),
        ("المنظمة", "منظمة"), ("المفوضية", "مفوضية"), ("الاتحاد", "اتحاد"), ("المكتب", "مكتب"),
    ]
}


def resolve_in_article(spans):
    """Canonical speaker per span (None when the span has no speaker), in span order.

    `spans` are StatementSpan objects of one article, in reading order.
    """
    known = []  # ArticleSpeaker, in order of first mention
    resolved = []
    for span in spans:
        name = clean_name(span.speaker_name or span.speaker)
        if not name:
            resolved.append(None)
            continue
        speaker = _find_known(known, name, span.speaker_kind)
        if speaker is None:
            speaker = ArticleSpeaker(name, span.speaker_kind, span.description, span.speaker_gender)
            known.append(speaker)
        elif len(span.description) > len(speaker.description):
            speaker.description = span.description
        resolved.append(speaker)
    return resolved


# Speakers the extractor rightly keeps (who said it, as the article puts it) but that name
# nobody: an anonymous source, a document, a back-reference to an outlet or a body
# (الصحيفة, التقرير, الشركة). Lists of who is quoted most leave them out; their
# statements and pages stay. Taken from the most frequent speakers on the ANT corpus.
UNNAMED_SOURCES = {
    normalize_arabic(w)
    for w in (
        "مصدر", "المصدر", "مصادر", "المصادر", "بيان", "البيان", "تقرير", "التقرير", "تقارير",
        "التقارير", "مسؤول", "المسؤول", "مسؤولون", "مسؤولين", "المسؤولون", "الصحيفة",
        "صحيفة", "الشركة", "الوكالة", "الدراسة", "دراسة", "خبراء", "الخبراء", "شهود",
        "سكان", "ناشطون", "ناشطين", "مراسل", "المراسل", "السلطات", "الشرطة", "الجيش",
        "الحكومة", "الوزارة", "المنظمة", "الموقع", "القناة", "المجلة", "البحث", "الباحثون",
    )
}
# First words that make a whole name anonymous: مصدر أمني, مصادر مطلعة, مسؤول أمريكي.
UNNAMED_HEADS = {normalize_arabic(w) for w in ("مصدر", "مصادر", "مسؤول", "مسؤولون", "مسؤولين")}


def is_unnamed_source(name):
    """True for a speaker name that names no one (مصدر, البيان, مصادر مطلعة, الصحيفة)."""
    tokens = normalized_name(name).split()
    if not tokens:
        return True
    return " ".join(tokens) in UNNAMED_SOURCES or tokens[0] in UNNAMED_HEADS


# A person named later by a bare title (وأضاف المسؤول الأمريكي، وتابع المتحدث الإيراني).
GENERIC_TITLES = {
    normalize_arabic(w)
    for w in (
        "المسؤول", "المتحدث", "الناطق", "الوزير", "الرئيس", "السفير", "المبعوث", "المدرب",
        "اللاعب", "النجم", "الدبلوماسي", "المصدر", "المسؤولة", "المتحدثة", "الوزيرة",
        "الرئيسة", "السفيرة", "النائب", "الخبير", "المحلل", "الأمين",
    )
}
DESCRIPTION_STOPWORDS = {normalize_arabic(w) for w in ("باسم", "في", "العام", "السابق", "الجديد")}


def _title_reference(known, tokens):
    """The named person that a title-only mention refers back to, if any."""
    if not tokens or tokens[0] not in GENERIC_TITLES:
        return None
    named = [sp for sp in known if sp.kind == "person" and len(sp.name.split()) > 1]
    if not named:
        return None
    words = {_token_skeleton(t) for t in tokens if t not in DESCRIPTION_STOPWORDS}
    for sp in reversed(named):
        described = {_token_skeleton(t) for t in normalize_arabic(sp.description).split()}
        if words & described:
            return sp
    # No shared title word: only an article with a single named person is unambiguous.
    return named[-1] if len(named) == 1 else None


def _find_known(known, name, kind):
    norm = normalize_arabic(name)
    tokens = norm.split()
    by_title = _title_reference(known, tokens)
    if by_title is not None:
        return by_title
    for sp in reversed(known):
        if match_confidence(sp.name, name) >= SKELETON:
            return sp
    if len(tokens) == 1:
        # Surname after the full name: فاردانيان after روبن فاردانيان.
        for sp in reversed(known):
            sp_tokens = normalize_arabic(sp.name).split()
            if len(sp_tokens) > 1 and _token_skeleton(sp_tokens[-1]) == _token_skeleton(tokens[0]):
                return sp
        # The head noun again: الوزارة after وزارة الدفاع الروسية.
        head = ORGANISATION_BACK_REFERENCES.get(tokens[0])
        if head is not None:
            for sp in reversed(known):
                sp_tokens = normalize_arabic(sp.name).split()
                if sp_tokens and sp_tokens[0] in (head, tokens[0]) and len(sp_tokens) > 1:
                    return sp
    return None
