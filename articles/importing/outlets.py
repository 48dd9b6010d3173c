"""One name and one code per outlet and section, whatever format an article came in.

The JSONL corpus gives Arabic names and short codes; the TREC files give the outlet as
`<SRC>` (BBC, CNN, alarabia …) and the section in English (`<CAT>middleEast`). Both are
mapped onto the JSONL's values so an article imported from either format lands in the
same Source and Section (and hashes the same).
"""

import hashlib
import re

from articles.importing.records import MAX_SOURCE_CODE
from articles.text.normalize import normalize_arabic

# code → (Arabic name as in the JSONL corpus, site address)
KNOWN_OUTLETS = {
    "alarabia": ("العربية", "https://www.alarabiya.net/"),
    "bbc": ("بي بي سي عربي", "https://www.bbc.com/arabic"),
    "cnn": ("سي إن إن بالعربية", "https://arabic.cnn.com/"),
    "france24": ("فرانس 24", "https://www.france24.com/ar/"),
    "skynews": ("سكاي نيوز عربية", "https://www.skynewsarabia.com/"),
}
OUTLET_BY_NAME = {normalize_arabic(name): code for code, (name, _) in KNOWN_OUTLETS.items()}

# TREC <CAT> → the JSONL's Arabic category (checked on all 31,525 corpus articles: the
# category in each id maps to exactly one Arabic name).
SECTION_BY_CATEGORY = {
    "internationalnews": "العالم",
    "middleeast": "الشرق الأوسط",
    "sport": "رياضة",
    "economy": "اقتصاد",
    "technology": "تكنولوجيا",
    "culture": "ثقافة",
}

# A plain Latin spelling of the Arabic letters (after normalize_arabic), only to make a
# readable, stable slug for an outlet the tables above do not know (ذات مصر → dhat-msr).
TRANSLIT = str.maketrans({
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "",
})


def outlet_code_for_name(name):
    """Stable Source code for an outlet known only by its name."""
    key = normalize_arabic(name)
    if key in OUTLET_BY_NAME:
        return OUTLET_BY_NAME[key]
    latin = key.lower().translate(TRANSLIT)
    slug = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")[:MAX_SOURCE_CODE].strip("-")
    if slug:
        return slug
    # A name in another script (Известия, 中文) or of no letters at all: a code of its own
    # from the name, so that two such outlets are never one.
    return "source-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def outlet_for_trec_src(src):
    """(code, name) for a TREC <SRC> value such as 'BBC' or 'alarabia'."""
    code = re.sub(r"[^a-z0-9]+", "-", src.strip().lower()).strip("-")[:MAX_SOURCE_CODE]
    if code in KNOWN_OUTLETS:
        return code, KNOWN_OUTLETS[code][0]
    return code, src.strip()


def outlet_name(code, name=""):
    """The display name for a code: the corpus name for a known outlet, else the given one."""
    if code in KNOWN_OUTLETS:
        return KNOWN_OUTLETS[code][0]
    return name or code


def site_url(code):
    return KNOWN_OUTLETS.get(code, ("", ""))[1]


def section_for_trec_category(cat):
    cat = cat.strip()
    return SECTION_BY_CATEGORY.get(cat.lower(), cat)
