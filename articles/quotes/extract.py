"""Who said what: quoted and reported statements in Arabic news text, by rule.

A pure function from text to spans. Every offset points into the text exactly as given
(no normalization is applied to the text itself, only to copies of single words while
matching), so `text[span.start:span.end] == span.text` always holds and a statement can
be highlighted in the article it came from.

The rules follow how Arabic news reports speech (see ARABIC.md):
- verb–subject order: `وقال الرئيس …، إن …` — the speaker sits between the speech verb
  and إن/أن/بأن, a colon, an opening quote or a channel (لـ"رويترز", في بيان);
- a speech verb with no subject (وأضاف، وتابع، مضيفا) continues the last speaker of the
  same grammatical gender; a verb joined mid-sentence (…، وحث) keeps the sentence subject;
- feminine verbs (قالت، أعلنت) usually have an organisation or a country as speaker;
- trailing attribution (…، وفق ما ذكرته إنترفاكس) attributes the clause before it;
- short quoted spans ("رويترز"، "إنترفاكس") are names or scare quotes, not statements.
"""

import bisect
import re
from collections import defaultdict
from functools import lru_cache
from dataclasses import dataclass, field

from articles.quotes.lexicon import object_pronoun_forms, verb_forms, words
from articles.text.normalize import INVISIBLE_CHARS, INVISIBLES_RE, normalize_arabic, strip_decoration, strip_invisibles
from articles.text.tokens import WORD_RUN, spaced_underscores

# Bump when a rule changes what is extracted: stored statements record the version that
# produced them, so a re-extraction can be traced.
EXTRACTOR_VERSION = "2.6"

DIRECT, PARTIAL, REPORTED = "direct", "partial", "reported"
PERSON, ORGANISATION, UNKNOWN = "person", "organisation", "unknown"
MASCULINE, FEMININE, PLURAL = "m", "f", "p"

# Quotes shorter than this (in words) are names, titles or scare quotes unless a speech
# verb introduces them directly (أن "…" / : "…" / على "…").
MIN_QUOTE_WORDS = 4
MIN_INTRODUCED_QUOTE_WORDS = 3
# An unattributed quote this long that opens a sentence continues the last speaker.
MIN_STANDALONE_QUOTE_WORDS = 6
# How far (in tokens) after the speaker the content may start: long enough for a title,
# a channel and a date between commas, short enough not to reach the next clause.
CONTENT_WINDOW = 32
MAX_SPEAKER_TOKENS = 12
# How far back (in tokens) a clause before a trailing attribution may reach.
MAX_CLAUSE_TOKENS = 150


@dataclass
class StatementSpan:
    text: str
    start: int
    end: int
    kind: str
    verb: str = ""
    speaker: str = ""  # the mention as written (title included), "" when unknown
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_name: str = ""  # the name without the title: روبن فاردانيان
    description: str = ""  # the title: وزير الخارجية الأميركي
    speaker_kind: str = UNKNOWN
    speaker_gender: str = ""
    channel: str = ""
    confidence: float = 0.5
    inherited: bool = False  # speaker taken from an earlier sentence, not written here

    def as_dict(self):
        return dict(self.__dict__)


# ---------------------------------------------------------------------------------------
# Lexicons, all in normalize_arabic() form (أ→ا, ى→ي, ة→ه).


# Word forms cached: news vocabulary repeats a great deal, and a full corpus has more
# distinct tokens than 200,000, so a cache that small evicts its tail over a full run.
@lru_cache(maxsize=400_000)
def _norm(word):
    """normalize_arabic for one word, cached: news vocabulary repeats a great deal."""
    return normalize_arabic(word)


@lru_cache(maxsize=400_000)
def _written(word):
    """The word's letters as written (strip_decoration), cached like _norm."""
    return strip_decoration(word)


@lru_cache(maxsize=None)
def _forms(*words):
    return frozenset(_norm(w) for w in words)


# Words the hot loops compare against, normalized once here rather than on every token.
AT = _norm("لدى")
ON = _norm("على")
EXTENT = _norm("حد")  # على حد تعبيره
AND = _norm("و")
THAT_WITH_PRONOUN = _forms("إن", "أن", "بأن", "إنه", "أنه", "بأنه", "أنها", "إنها", "بأنها")
WITH = _forms("مع")
WHAT = _forms("ما", "بما", "مما")
WHOM = _forms("عمن", "ممن", "من")
WHILE_WORDS = _forms("في", "فيما", "بينما")
TIME_TURNS = _forms("في", "بعد")
TIME_TURN_ENDS = _forms("وقت", "أن")
NARRATOR_ASIDES = _forms("وهو", "وهي", "وذلك")
WITHOUT = _forms("دون", "بدون", "دونما")
BUT_WORDS = _forms("لكن", "ولكن")
OTHER_THAN = _norm("غير")
# What a speaker did not give away (دون أن يكشف خططه، دون أن يحدد موعدا): after these the
# دون أن clause is the narrator's note on what was said, not part of it (دون أن تدفع ثمنا،
# دون أن تقوم دولة: the speaker's own condition).
WITHHELD = words("withheld_details")


def _without_that_at(tokens, k, stop):
    """(ولكن) (من) دون أن، بدون أن، دونما أن، من غير أن, then a verb of what was not
    disclosed, at k."""
    if k < stop and tokens[k].norm in BUT_WORDS:
        k += 1
    if k < stop and tokens[k].norm == _norm("من"):
        k += 1
        without = k < stop and (tokens[k].norm in WITHOUT or tokens[k].norm == OTHER_THAN)
    else:
        without = k < stop and tokens[k].norm in WITHOUT
    return (
        without and k + 2 < stop and tokens[k + 1].norm in _forms("أن")
        and tokens[k + 2].norm in WITHHELD
    )
THAT_BEING = _norm("وذلك")
CIRCUMSTANCES = _forms("بعد", "قبل", "مع", "تزامنا", "بالتزامن", "عقب", "إثر", "خلال", "وسط", "رغم", "بينما", "حين", "عندما")
WHILE = _norm("حين")


# From the verb table, articles/quotes/lexicon/speech_verbs.tsv.
SPEECH_VERBS_M = verb_forms("verb", "m") | verb_forms("verb", "p")
SPEECH_VERBS_F = verb_forms("verb", "f")
SPEECH_VERBS = SPEECH_VERBS_M | SPEECH_VERBS_F
PLURAL_VERBS = verb_forms("verb", "p")
# Verbs that report with a direct object when no إن/أن follows (أعلن وقف…، دعا إلى…).
OBJECT_VERBS = verb_forms("verb", takes_object=True)
ABOUT = _norm("عن")
ABOUT_VERBS = verb_forms("verb", object_preposition=ABOUT)  # تحدثت تقارير عن …
BA_VERBS = verb_forms("verb", object_preposition=_norm("ب"))  # أقر بفوز أردوغان
APPROVES = verb_forms("verb", verb_class="approve")  # also "approved" (a law, a budget)
STATEMENT_NOUNS_IN_BA = words("statement_nouns_in_ba")  # nouns whose own first letter is ب
# Verbs that are speech only when content follows at once (رفض and انتقد are often
# plain actions; they report only with an object or أن right after the subject).
WEAK_VERBS = verb_forms("verb", weak=True)
# Participles that may take a plain object (مؤكدا دعم الأزهر …), not only أن.
OBJECT_PARTICIPLES = verb_forms("participle", takes_object=True)
WEAK_PARTICIPLES = verb_forms("participle", weak=True)
# Verbs after these are background, not the news: بعد أن أدان الاتحاد الأوروبي …
BACKGROUND_OPENERS = _forms("بعد أن", "بعدما", "منذ أن", "قبل أن", "عندما", "حين")
# Participles that continue the last speaker: …، مضيفا أن …
CONTINUATION_M = verb_forms("participle", "m")
CONTINUATION_F = verb_forms("participle", "f")
CONTINUATION_P = verb_forms("participle", "p")

COMPLEMENTIZERS = _forms(
    "إن", "أن", "بأن", "إنه", "أنه", "بأنه", "إنها", "أنها", "بأنها", "إنهم", "أنهم",
    "بأنهم", "إننا", "أننا", "بأننا", "إنني", "أنني", "بأنني", "فإن", "وأن", "وإن", "لأن",
    "إنهما", "أنهما", "بأنهما", "إنّ", "أنّ", "فإنه", "فإنها", "فإنهم",
)
# Object markers that follow object verbs: دعا إلى، حث على، اتهم ب…، طالب ب…
OBJECT_MARKERS = _forms("إلى", "على", "من")

PREPOSITIONS = _forms(
    "في", "من", "عن", "على", "إلى", "خلال", "أمام", "عبر", "مع", "حول", "بشأن", "لدى",
    "بعد", "قبل", "عقب", "أثناء", "إثر", "منذ", "حين", "عندما", "بين", "ضمن", "وسط",
    "تجاه", "إزاء", "حيال", "نحو", "ردا", "رداً", "تعليقا", "تعليقاً", "بدوره", "بدورها",
    "أيضا", "أيضاً", "كذلك", "بالقول", "قائلا", "مساء", "صباح", "ظهر", "ليل", "فجر",
    "اليوم", "أمس", "غدا", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
    "الجمعة", "السبت", "يوم", "فيه", "فيها", "له", "لها", "لهم", "الذي", "التي", "الذين",
    "اللذين", "اللتين", "هو", "هي", "هم", "إنه", "كان", "كانت", "قد", "لقد", "ما", "لا",
    "لم", "لن", "إن", "أن", "بأن", "كما", "حيث", "إذ", "ثم", "بل", "أو", "أم", "و",
    "ذلك", "هذا", "هذه", "تلك", "سابق", "لاحق", "وقت", "عبره", "بيان", "تصريح",
    "تصريحات", "مقابلة", "مؤتمر", "تغريدة", "رسالة", "كلمة", "حديث", "بالتزامن",
    "إضافة", "فضلا", "خاصة", "نفسه", "نفسها", "شخصيا", "علنا", "صراحة", "مجددا",
    "مجدداً", "مرة", "حينها", "آنذاك", "حاليا", "لاحقا", "لاحقاً", "سابقا", "الأسبوع",
    "رسميا", "رسمياً", "اليوم", "الليلة", "عشية",
    "الشهر", "الماضي", "المقبل", "الجاري", "الحالي",
)
# Time adjuncts that may open an object before its head: دعت موسكو في وقت مبكر من اليوم …
TIME_WORDS = _forms(
    "اليوم", "أمس", "غدا", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
    "الجمعة", "السبت", "يوم", "مساء", "صباح", "ظهر", "ليل", "فجر", "في", "وقت", "مبكر", "السابق",
    "متأخر", "سابق", "لاحق", "من", "أيضا", "كذلك", "مجددا", "الماضي", "الجاري", "قبيل",
)
# "Lately", skipped before an object like the time words (أعلن مؤخرا تعليق …), but no
# time after صباح, which is then a name (وقال المدرب صباح مؤخرا إن).
LATELY = _forms("مؤخرا", "مؤخراً")
# The days a name can be followed by, as in نهاد زيبكجي الأربعاء (no name word is one).
NAMED_DAYS = _forms(
    "أمس", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
)
DAY_PARTS = _forms("اليوم", "يوم", "مساء", "صباح", "الليلة", "ليلة", "ظهر", "فجر")
TODAY_ALONE = _forms("اليوم", "أمس")


def _day_at(tokens, n, stop):
    """Does the day a name is followed by begin at n: الأربعاء، أمس، اليوم (الأربعاء)، يوم
    الثلاثاء، مساء الأربعاء، or an adverb before it (هاتفيا الأحد)? صباح alone is a name
    (الشيخ صباح الأحمد)."""
    norm = tokens[n].norm
    if norm in NAMED_DAYS or norm in TODAY_ALONE:
        return True
    following = tokens[n + 1].norm if n + 1 < stop else ""
    return following in NAMED_DAYS and (norm in DAY_PARTS or tokens[n].text.endswith("يا"))


# Channel openers: في بيان، في مقابلة مع، في تصريح لـ، في تغريدة، خلال مؤتمر صحفي.
CHANNEL_NOUNS = words("channel_nouns")
# ل-words that name the outlet a speaker talked to: لـ"رويترز"، لوكالة، لصحيفة، لقناة.
CHANNEL_PREFIXED = _forms(
    "لوكالة", "لصحيفة", "لقناة", "لموقع", "لشبكة", "لتلفزيون", "لإذاعة", "لمجلة", "للصحفيين",
    "للصحافيين", "لوسائل", "للتلفزيون", "للإذاعة", "لـ",
)

# Words that open a title; the name follows the title: وزير الخارجية الأميركي أنتوني بلينكن.
PERSON_TITLES = words("titles")
NOT_FEMININE_TITLES = words("not_feminine_titles")
ORGANISATION_HEADS = words("organisation_heads")
DESCRIBING_ADJECTIVES = words("describing_adjectives")
PLACED_BODIES = words("placed_bodies")
MONTHS = words("months")
# Agencies and outlets named alone: رويترز، إنترفاكس …
KNOWN_OUTLETS = words("outlets")
PORTFOLIOS = words("portfolios")
# Outlets of several words by their first word: بي بي سي → (("بي", "بي", "سي"),).
OUTLET_PHRASES = {}
for _outlet in KNOWN_OUTLETS:
    if " " in _outlet:
        OUTLET_PHRASES.setdefault(_outlet.split()[0], []).append(tuple(_outlet.split()))
PLACE_HEADS = words("place_heads")
POST_HEADS = ORGANISATION_HEADS | PLACE_HEADS
EVIDENCE_NOUNS = words("evidence_nouns")
SPEECH_NOUNS = words("speech_nouns")
VERBAL_NOUNS = words("verbal_nouns")
GROUP_QUANTIFIERS = words("group_quantifiers")
OBJECT_NOUNS = words("object_nouns")
FOOTAGE_NOUNS = words("footage_nouns")
ADDRESSEES = words("addressees")
EVERYONE = _forms("الجميع", "الكل")
# Bare words that are never a speaker's name on their own.
NOT_A_NAME = _forms(
    "إن", "أن", "بأن", "الذي", "التي", "إنه", "أنه", "هذا", "هذه", "ذلك", "تلك", "هناك",
    "هنا", "كل", "بعض", "جميع", "الجميع", "الكل", "معظم", "أغلب", "أي", "غير", "نحو", "حوالي", "قوله", "قولها", "قولهم",
    "مفادها", "مفاده", "علمنا",
    # conjunctions: ردت النجمة اللبنانية حينما قالت …
    "حينما", "عندما", "بينما", "كلما", "لأن", "إذ", "إذا", "حتى",
    # times: وقد تحدثوا قبيل مغادرتهم عن …
    "قبيل", "قبل", "بعد", "عقب", "إثر", "خلال",
    # quantities in the accusative, an object's first word: اشترى الملياردير وارن بافيت عددا
    "عددا", "مزيدا", "كثيرا", "جزءا",
)
# Phrases after which the clause before them is attributed: …، وفق ما ذكرته إنترفاكس.
_REPORT_VERBS = (
    r"(?:ذكر|ذكرت|ذكره|ذكرته|أفاد|أفادت|أفادته|قال|قالت|قاله|قالته|أعلن|أعلنت|أعلنه|أعلنته|"
    r"نقل|نقلت|نقله|نقلته|أورد|أوردت|أورده|أوردته|أكد|أكدت|أكده|أكدته|نشر|نشرت|نشره|نشرته|"
    r"أوضح|أوضحت|أوضحه|أوضحته|كشف|كشفت|كشفه|كشفته|"
    r"يذكر|تذكر|يقول|تقول|يفيد|تفيد|يشير|تشير|يوضح|توضح|يؤكد|تؤكد|يرى|ترى)"
)
_H = "[\u064b-\u0652]*"  # harakat inside a phrase: وفقًا
ATTRIBUTION_RE = re.compile(
    r"(?:^|(?<=[\s،,(]))(?:و|ف)?(?:"
    rf"وفق{_H}(?:ا{_H})?\s+ل{_H}ما\s+{_REPORT_VERBS}|"
    rf"وفق{_H}(?:ا{_H})?(?=\s+ل)|"
    rf"وفق\s+ما\s+{_REPORT_VERBS}|"
    rf"بحسب(?:\s+ما\s+{_REPORT_VERBS})?|"
    rf"حسب(?:ما|\s+ما)\s+{_REPORT_VERBS}|"
    rf"(?:بحسب|حسب|وفق)(?=\s)|"
    r"نقلا\s+عن|نقلاً\s+عن|"
    rf"كما\s+{_REPORT_VERBS})"
    r"(?=\s|[\"«“”])"
)
# Normalized first words of ATTRIBUTION_RE's phrases, with و/ف before them.
ATTRIBUTION_STARTS = tuple(
    clitic + head for clitic in ("", "و", "ف") for head in ("وفق", "بحسب", "حسب", "نقلا")
) + ("كما",)
ATTRIBUTION_FIRST_LETTERS = frozenset(start[0] for start in ATTRIBUTION_STARTS)
# كما أفاد X attributes the clause before it only when X ends the sentence: كما أفاد X بأن …
# is X's own new statement ("X also said").
AS_REPORTED = _norm("كما")
# Sources an attribution phrase may name: not "بحسب الأرقام" or "وفقا للقانون".
ATTRIBUTION_SOURCE_HEADS = ORGANISATION_HEADS | PERSON_TITLES | KNOWN_OUTLETS | _forms(
    "مصادر", "مصدر", "المصادر", "المصدر", "بيان", "البيان", "مسؤول", "مسؤولين", "مسؤولون", "تصريحات", "تقرير",
    "التقرير", "تقارير", "وسائل", "إعلام", "شهود", "سكان", "ناشطين", "مراسل", "مراسلة",
    "نفس", "ذات", "بيانات", "أرقام", "إحصاءات", "دراسة", "استطلاع", "مسح", "وثائق", "تقديرات",
)

INVISIBLE_SET = frozenset(ch for ch in map(chr, range(0x10000)) if INVISIBLES_RE.fullmatch(ch))
# Words as search sees them (articles.text.tokens), line breaks (a paragraph ends a
# sentence), and every other visible character as a token of its own, except the # that
# opens a hashtag (#كريستين_لاغارد); a token of nothing but invisible characters is dropped,
# and so is a control character pasted in (U+0001 between words): it separates like a space.
TOKEN_RE = re.compile(rf"{WORD_RUN}|\n|(?!#\w)[^\s\w{INVISIBLE_CHARS}\x00-\x1f\x7f-\x9f]")  # on spaced_underscores(text)
SENTENCE_END = {".", "!", "?", "؟", "\n"}
CLAUSE_PUNCT = {"،", ",", "؛", ";", ":", "(", ")", "-", "–", "—"}
OPEN_QUOTES = {"«": "»", "“": "”", "”": "“", '"': '"', "„": "“"}


@dataclass(slots=True)  # a token per word of every article: slots make them cheap
class Token:
    text: str
    start: int
    end: int
    norm: str
    is_word: bool
    quote: "Quote | None" = None  # set on the opening/closing quote mark tokens


@dataclass(slots=True)
class Quote:
    start: int  # offset of the content (inside the marks)
    end: int
    open_at: int  # offset of the opening mark
    close_at: int  # offset just after the closing mark
    words: int
    claimed: bool = False


@dataclass
class _Speaker:
    mention: str
    start: int
    end: int
    name: str
    description: str
    kind: str
    gender: str
    inherited: bool = False


@dataclass
class _State:
    text: str
    tokens: list
    quotes: list
    spans: list = field(default_factory=list)
    last_speaker: dict = field(default_factory=dict)  # gender -> _Speaker
    last_speaker_sentence: dict = field(default_factory=dict)  # gender -> sentence_no it spoke in
    # The spans again, sorted by start, for overlap checks in O(log n) (see _add).
    span_starts: list = field(default_factory=list)
    spans_by_start: list = field(default_factory=list)
    quote_starts: list = field(default_factory=list)
    # The article's full names, normalized word tuples (titled_names and the speakers so
    # far), read on first need: most sentences never ask. Kept up to date as spans come
    # (known_folded of them are in), with their last words and adjacent word pairs:
    # rebuilding them for every sentence that asks made an article quadratic.
    known_names: set = None
    known_folded: int = 0
    known_surnames: set = field(default_factory=set)
    # words alone that a speech verb had for its subject (قال نقلي): a name, for the one
    # rule that asks only whether a word names someone (_named_after_opening_verb)
    said_alone: set = field(default_factory=set)
    known_pairs: set = field(default_factory=set)
    written_twice: dict = field(default_factory=dict)  # word -> in the text twice or more
    titled: list = None  # titled_names(text), read on first need
    # Tokens of the attribution phrases that report the clause before them (…، حسبما
    # أعلنت الوزارة): their verbs start no statement of their own.
    attribution_tokens: set = field(default_factory=set)
    # The titled person who opened the last sentence that quoted no one (ورفع المستشار …
    # سعود القحطاني شكره …), and that sentence's number: a verb without a subject at the
    # start of the next sentence (وقال إن …) continues with them. Held as the sentence's
    # bounds until asked, then as the _Speaker (or False: no one).
    narrated: object = None
    narrated_in: int = -2
    sentence_no: int = 0

    def __post_init__(self):
        self.quote_starts = [q.start for q in self.quotes]
        self.token_starts = [t.start for t in self.tokens]


# ---------------------------------------------------------------------------------------
# Tokens, quotes, sentences.


def _strip_clitic(norm):
    """و/ف + word → word, for lexicon look-ups of verbs and complementizers."""
    if len(norm) > 2 and norm[0] in "وف":
        return norm[1:]
    return norm


# The last text tokenized and its tokens: resolve_in_article reads the same article's
# titled names (titled_names) right after extract_statements tokenized it, and a second
# pass over a long article was a fifth of the whole extraction. Compared by identity, so
# only the very same string object is served again.
_last_tokenized = (None, None)


def tokenize(text):
    global _last_tokenized
    if _last_tokenized[0] is text:
        return _last_tokenized[1]
    tokens = _tokenize(text)
    _last_tokenized = (text, tokens)
    return tokens


# (norm, is_word) per written form, or None for a run of invisible marks only: one dict
# lookup a token instead of the checks below. Emptied when it grows past the bound, like
# _norm's cache, so a full corpus's vocabulary does not keep it growing.
_WORD_INFO = {}
_WORD_INFO_LIMIT = 200_000


def _word_info(word):
    first = word[0]
    if first in INVISIBLE_SET:  # rare: checked by its first character, not stripped each time
        visible = strip_invisibles(word)
        if not visible:
            return None
        first = visible[0]
    norm = _norm(word)
    if first == "آ" and norm in COMPLEMENTIZERS:
        norm = word  # آن (Anne) folds to ان, which is إن/أن; a name is no complementizer
    return norm, first.isalnum()


def _tokenize(text):
    tokens = []
    append = tokens.append
    known = _WORD_INFO
    for m in TOKEN_RE.finditer(spaced_underscores(text)):
        word = m.group()
        try:
            info = known[word]
        except KeyError:
            if len(known) >= _WORD_INFO_LIMIT:
                known.clear()
            info = known[word] = _word_info(word)
        if info is None:
            continue
        start, end = m.span()
        append(Token(word, start, end, info[0], info[1]))
    return tokens


def find_quotes(text, tokens):
    """Pair quotation marks within a paragraph; «» “” "" in either direction."""
    quotes = []
    open_tok = None
    for tok in tokens:
        if tok.text == "\n" or (tok.is_word is False and tok.text in "\r"):
            open_tok = None
            continue
        if open_tok is None:
            if tok.text in OPEN_QUOTES:
                open_tok = tok
            continue
        closer = OPEN_QUOTES[open_tok.text]
        if tok.text == closer or (open_tok.text in "“”" and tok.text in "“”"):
            content = text[open_tok.end : tok.start]
            stripped_start = open_tok.end + (len(content) - len(content.lstrip()))
            stripped_end = tok.start - (len(content) - len(content.rstrip()))
            words = len(re.findall(r"\w+", content))
            if stripped_end > stripped_start:
                q = Quote(stripped_start, stripped_end, open_tok.start, tok.end, words)
                open_tok.quote = q
                tok.quote = q
                quotes.append(q)
            open_tok = None
        elif tok.text == "«":
            open_tok = tok
    return quotes


def split_sentences(tokens, quotes, inside=None):
    """Token index ranges of sentences; a full stop inside a quote does not end one."""
    if inside is None:
        inside = _inside_quote_index(tokens)
    sentences = []
    begin = 0
    for i, tok in enumerate(tokens):
        if tok.text == "\n" or (tok.text in SENTENCE_END and not inside[i] and not _glued(tokens, i)) or (
            _dateline_ends(tokens, i)
        ):
            if i > begin:
                sentences.append((begin, i))
            begin = i + 1
    if begin < len(tokens):
        sentences.append((begin, len(tokens)))
    return sentences


DATELINE_DASHES = frozenset("-–—")
DATELINE_MAX_TOKENS = 20


def _dateline_ends(tokens, i):
    """دبي، الإمارات العربية المتحدة (CNN) – عبر …: the dash after the outlet's name in
    brackets ends the dateline, so the first sentence opens with its verb."""
    if not (i < DATELINE_MAX_TOKENS and tokens[i].text in DATELINE_DASHES and i >= 3):
        return False
    if tokens[i - 1].text in DATELINE_DASHES:
        return _dateline_ends(tokens, i - 1)  # (CNN)-- : the sentence opens after both
    return (
        tokens[i - 1].text == ")" and tokens[i - 2].is_word and tokens[i - 3].text == "("
        # the outlet's Latin code after a place, not a word in brackets in a sentence
        # (وقال الوزير (الأمريكي) – في مؤتمر صحفي – إن …)
        and tokens[i - 2].text.isascii()
        and not any(_verb_form(t.norm) is not None for t in tokens[: i - 3] if t.is_word)
    )


def _glued(tokens, i):
    """A full stop with a word on both sides and no space, as in 95.5, إيلي.غ or cnn.com,
    ends no sentence."""
    return (
        0 < i < len(tokens) - 1
        and tokens[i - 1].is_word
        and tokens[i + 1].is_word
        and tokens[i - 1].end == tokens[i].start
        and tokens[i].end == tokens[i + 1].start
    )


def _inside_quote_index(tokens):
    inside = [False] * len(tokens)
    current = None
    for i, tok in enumerate(tokens):
        if tok.quote is not None:
            if current is None and tok.start == tok.quote.open_at:
                current = tok.quote
                continue
            if current is tok.quote:
                current = None
                continue
        if current is not None:
            inside[i] = True
    return inside


# ---------------------------------------------------------------------------------------
# Speakers.


@lru_cache(maxsize=100_000)
def _is_title_word(norm):
    """A title, also with و before it or a possessive after it (مديرته، لاعبه، نجمها)."""
    if norm in PERSON_TITLES or (norm[:1] == "و" and norm[1:] in PERSON_TITLES):
        return True
    if norm[:1] == "و" and len(norm) > 4 and _is_title_word(norm[1:]):
        return True  # ومؤسسها
    if norm in NOT_FEMININE_TITLES:
        return False  # المعارضة, the opposition, is no معارض + ه
    for suffix in ("ها", "هم", "ه"):
        if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
            stem = norm[: -len(suffix)]
            # The feminine ة is written ت before a suffix: مديرته → مديرة.
            if stem in PERSON_TITLES or (stem.endswith("ت") and stem[:-1] + "ه" in PERSON_TITLES):
                return True
    return False


def _starts_with_al(norm):
    return norm.startswith("ال") or norm.startswith("لل") or norm.startswith("وال") or (
        norm.startswith("بال") and len(norm) > 4
    )


def _definite(tok):
    """Does the written word carry the article? Judged on the text, not the normalized
    form: ألكساندر normalizes to الكساندر but is a name, not ال + noun."""
    return _written_definite(tok.text)


@lru_cache(maxsize=100_000)  # asked of the same words again and again by the phrase rules
def _written_definite(text):
    return _starts_with_al(_written(text))


def _complementizer_ahead(tokens, k, stop):
    """The index of the إن/أن that a run of words from k reaches within a speaker's length,
    or None: the speech of a subject whose last words (a second person, a publisher) are
    passed over."""
    end = min(stop, k + MAX_SPEAKER_TOKENS - 1)
    while k < end and tokens[k].is_word and tokens[k].norm not in COMPLEMENTIZERS:
        k += 1
    return k if k < stop and tokens[k].norm in COMPLEMENTIZERS else None


IN_SPELLED = _norm("إن")
HYPHENS = ("-", "‐")
ACTING = _forms("بالنيابة", "بالوكالة", "بالإنابة")


# Words no quoted name holds: a negation, a pronoun or a particle of a clause (وأضاف "لن نسمح
# بذلك" إن …: the speaker's own words, then more of them), or a preposition it opens with
# (لكنه أوضح "بخصوص القدوم للأردن" أن …: what the words are about).
NOT_IN_A_QUOTED_NAME = _forms("لم", "لن", "ليس", "ليست", "لسنا", "قد", "لقد", "سوف", "نحن", "أنا", "إننا", "إنني", "إنه")
NOT_OPENING_A_QUOTED_NAME = _forms("بخصوص", "بشأن", "حول", "عن", "في", "على", "إلى", "من", "مع", "ضد")


def _quoted_subject(state, j, stop):
    """Is the quote opening at token j the verb's subject, not what was said: a short quoted
    name followed at once by إن/أن (وقال "الجيش السوري الحر" إن …), or one that opens with an
    organisation's head noun and is followed by a comma (أعلن "مجلس سوريا الديمقراطية"،
    الواجهة السياسية …، استعداده)?"""
    tokens = state.tokens
    q = tokens[j].quote if j < stop else None
    if q is None or tokens[j].start != q.open_at or q.words > 4:
        return False
    quoted = [_norm(w) for w in state.text[q.start : q.end].split()]
    if not quoted or quoted[0] in NOT_OPENING_A_QUOTED_NAME or any(w in NOT_IN_A_QUOTED_NAME for w in quoted):
        return False
    close = _token_at(tokens, q.close_at - 1, j)
    nxt = tokens[close + 1] if close + 1 < stop else None
    if nxt is None:
        return False
    if nxt.norm in COMPLEMENTIZERS:
        return True
    return nxt.text in ("،", ",") and quoted[0] in NAMED_BY_HEAD


def _hyphenated_name_part(tokens, j, stop):
    """Is token j a hyphen glued to a name word before and a word after (جاي-إن)?"""
    if j >= stop:
        return False
    tok = tokens[j]
    return (
        tok.text in HYPHENS and 0 < j and j + 1 < stop and tokens[j + 1].is_word
        and tokens[j - 1].end == tok.start and tok.end == tokens[j + 1].start
        and _is_name_word(tokens[j - 1]) and not _definite(tokens[j + 1])
    )


def read_speaker(state, i, stop):
    """The noun phrase starting at token i: the speaker after a speech verb.

    Returns (_Speaker or None, index after the phrase).
    """
    tokens = state.tokens
    j = i
    # Adjuncts between the verb and its subject: أعلنت فيه وزارة …، قال أيضا فلان.
    j = _skip_adjuncts(tokens, j, stop)
    owner = _owner_at(tokens, j, stop)
    if owner is not None and tokens[j].norm in GROUP_QUANTIFIERS:
        # العديد من أسواق المال العالمية: the members speak, a plural noun and the
        # definite words that qualify it.
        end = owner + 1
        while end < stop and tokens[end].is_word and _definite(tokens[end]) and not _prepositional(tokens[end]):
            end += 1
        start, stop_at = tokens[owner].start, tokens[end - 1].end
        mention = state.text[start:stop_at]
        return _Speaker(mention, start, stop_at, mention, "", UNKNOWN, ""), end
    if owner is not None:
        # أرقام وزارة التجارة: the owner speaks through its figures.
        sp, after = read_speaker(state, owner, stop)
        if sp is not None:
            return sp, after
    if j + 2 < stop and tokens[j].norm in DOCUMENT_SUBJECTS and (
        tokens[j + 1].norm in FROM_WORDS
        or (tokens[j + 1].norm in ISSUED_BY and j + 3 < stop and tokens[j + 2].norm in FROM_WORDS)
    ):
        # وذكر بيان من رئاسة الجمهورية أن …، بحسب بيان صادر عن الديوان الملكي: the statement
        # speaks for whoever issued it.
        issuer_at = j + 2 if tokens[j + 1].norm in FROM_WORDS else j + 3
        issuer, after = read_speaker(state, issuer_at, stop)
        if issuer is not None:
            issuer.mention = state.text[tokens[j].start : issuer.end]
            issuer.start = tokens[j].start
            return issuer, after
    begin = j
    words = []
    speech_at = None  # where the speech starts when words before it were passed over
    while j < stop and len(words) < MAX_SPEAKER_TOKENS:
        tok = tokens[j]
        if tok.quote is not None and tok.start == tok.quote.open_at:
            # A short quoted name inside the subject: وكالة "إنترفاكس" الروسية, or the
            # whole subject: وقال "يويفا" لبي بي سي.
            q = tok.quote
            bare = not words
            if j + 1 < stop and _prepositional(tokens[j + 1]):
                break  # يتهمهم الكرملين "بأنشطة غير قانونية": what, not who
            # (لشركة "بوينغ": the organisation behind ل of the post, as well)
            head_ok = bare or words[-1].norm in ORGANISATION_HEADS or words[-1].norm in PERSON_TITLES or (
                words[-1].norm[:1] == "ل" and words[-1].norm[1:] in ORGANISATION_HEADS
            ) or (
                # موقع التواصل الاجتماعي "فيس بوك": the organisation's description, then its name
                _definite(words[-1]) and len(words) >= 3 and words[-3].norm in ORGANISATION_HEADS
            ) or (
                # شركة النفط السعودية العملاقة "أرامكو"، وكالة الأنباء التركية الرسمية
                # "الأناضول": an organisation's head and the definite words describing it,
                # then its name (not words it says: لن، لا، نحن open no name)
                # (an indefinite head only, and what follows the quote is what it said: الشركة
                # الحكومية "التزامها" بالعقود، وصفت وكالة الأنباء الرسمية "الضربة" بأنها are
                # what was said, not who)
                len(words) >= 2 and words[0].norm in ORGANISATION_HEADS and not _definite(words[0])
                and all(_definite(w) and len(w.norm) > 3 for w in words[1:])
                and _quoted_name_words(state, q) <= 2
                and not any(
                    t.norm in QUOTE_OPENS_SPEECH or t.norm in PREPOSITIONS or t.norm in TIME_WORDS
                    or t.norm.endswith(("ها", "هم")) and len(t.norm) > 4
                    for t in tokens[j + 1 : _token_at(tokens, q.close_at - 1, j) + 1]
                )
                and _name_closes_before(tokens, _token_at(tokens, q.close_at - 1, j) + 1, stop)
            )
            if _quoted_name_words(state, q) <= 3 and head_ok:
                close = _token_at(tokens, q.close_at - 1, j)
                words.extend(tokens[j : close + 1])
                j = close + 1
                if bare:
                    break  # a bare quoted name is the whole subject
                continue
            break
        if len(words) >= 2 and tok.is_word and state.text[tok.start - 1 : tok.start] == "#" and _described_organisation(words):
            # موقع التواصل الاجتماعي #إنستغرام: the description, then the name as a hashtag
            # (all of it: #سناب_شات)
            words.append(tok)
            j += 1
            while j < stop and tokens[j].is_word and state.text[tokens[j - 1].end : tokens[j].start] == "_":
                words.append(tokens[j])
                j += 1
            break
        outlet = _outlet_at(tokens, j, stop) if tok.norm in OUTLET_PHRASES else 0
        if outlet:
            # قناة سي إن إن أيضا أن …، مراسل شبكة سي إن إن إن …: the outlet's name whole (its
            # إن is no complementizer, nor the last part of a person's name)
            words.extend(tokens[j : j + outlet])
            j += outlet
            continue
        if words and tok.text in HYPHENS and _hyphenated_name_part(tokens, j, stop):
            # مون جاي-إن، كيم جونغ-أون: a hyphen glued on both sides joins a name's parts (the
            # إن after it is no complementizer)
            words.append(tokens[j + 1])
            j += 2
            continue
        if words and tok.norm == IN_SPELLED and j + 1 < stop and tokens[j + 1].norm in COMPLEMENTIZERS and _is_name_word(words[-1]):
            words.append(tok)  # مون جاي إن إن …: the name's last part, then the complementizer
            j += 1
            continue
        if not tok.is_word:
            break
        if words and words[-1].norm in (FAMILY, SON_OF_TRIBE) and len(words) > 1 and not _prepositional(tok):
            # تركي آل الشيخ، إسماعيل ولد الشيخ أحمد: after آل or the Mauritanian ولد, the
            # family's or the father's name, even a title's word
            words.append(tok)
            j += 1
            continue
        if words and tok.norm in ACTING and any(_is_title_word(w.norm) for w in words):
            words.append(tok)  # السكرتير الدائم بالنيابة أنديرس أولسون: acting, then the name
            j += 1
            continue
        if tok.norm == AT and any(_is_title_word(w.norm) for w in words) or _post_preposition(words, tok, tokens[j + 1] if j + 1 < stop else None):
            # السفيرة الأمريكية لدى الأمم المتحدة نيكي هايلي، مبعوث الأمم المتحدة إلى اليمن
            # مارتن غريفيث: the post, then the name.
            words.append(tok)
            j += 1
            continue
        if (
            words and words[0].norm in UNNAMED_HEADS and not any(_definite(w) for w in words[1:])
            and tok.norm in SOURCE_QUALIFIER_LINKS and (end := _speaker_goes_on(tokens, j, stop, True))
        ):
            # وقالت مصادر في البيت الأبيض إن: where an unnamed source is, right before what it said
            words.extend(tokens[j:end])
            j = end
            break
        if (
            len(words) == 1 and words[0].norm in PLACED_BODIES and tok.norm == IN
            and (end := _speaker_goes_on(tokens, j, stop, True)) and _body_place(tokens, j + 1, end)
        ):
            # وأعلنت الشرطة في سياتل أن: where the police is, right before what it said
            words.extend(tokens[j:end])
            j = end
            break
        if tok.norm in COMPLEMENTIZERS or (
            tok.norm in PREPOSITIONS and not (not words and tok.norm in DOCUMENT_SUBJECTS) and not _named_ali(tokens, j, stop, words or None)
            and not _named_sabah(tokens, j, stop, words)
        ):
            break
        if words and tok.norm in ISSUED_BY:
            break  # بحسب بيان صادر عن الديوان الملكي: the issuer follows, not a name
        if tok.text[:1] in ATTRIBUTION_FIRST_LETTERS and _attribution_at(state, tok.start):
            break  # وقال يلدريم وفقا لمقتطفات …: the phrase names the channel, not the speaker
        if not words and tok.norm[:1] == "ل" and tok.norm[1:] in AUDIENCES:
            break  # وقالت لجمهور ضم …: to whom she spoke; the speaker is the one before
        if not words and tok.norm in ASIDE_PRONOUNS:
            break  # وقالت وهي تبكي: "…": "while she wept", the subject is the one before
        if words and tok.norm in NAME_ASIDES:
            break  # وقال الأب وعيناه تدمعان إن: how he was, no name
        if words and tok.norm in HIS_SAYING:
            break  # عن المتحدث تأكيده أن: what he said, after the one relayed
        if words and tok.norm in ASIDE_PRONOUNS:
            nxt = tokens[j + 1] if j + 1 < stop else None
            if nxt is not None and nxt.is_word and any(_is_title_word(w.norm) for w in words) and (
                _nationality(nxt) or (_definite(nxt) and _is_title_word(nxt.norm))
            ) and _name_after_nisbas(tokens, j + 1, stop):
                # مخرج الفيلم وهو اللبناني الفرنسي زياد دويري: "who is", then the name; the
                # pronoun is left out of the words so that the name starts after it
                j += 1
                continue
            break  # قال الوزير وهو يغادر القاعة: the narrator's aside
        if not words and tok.norm in EVERYONE:
            # كما أكد الجميع، …: everyone is the whole subject; after one (ناشد المركز
            # الجميع) it is the object, below.
            words.append(tok)
            j += 1
            break
        if tok.norm in NOT_A_NAME and not (not words and _quantified_group(tokens, j, stop)):
            break
        if words and tok.norm[:1] == "و" and tok.norm[1:] in RELATIVES:
            break  # الطبيب سيباستيان جارا والذي ترأس الدراسة: who he is, not his name
        if tok.norm in WHAT:
            break  # وندد الوزير بما وصفه بـ"…": what he condemned follows
        if _continuation(tok) is not None:
            break  # …، معربا عن: a participle continues the speech, it names nobody
        if not words and (tok.norm in OBJECT_NOUNS or _strip_clitic(tok.norm) in OBJECT_NOUNS):
            break  # ونفى وجود خلافات: the object, the speaker is the one before
        if tok.norm in ADDRESSEES:
            break  # وقال مخاطبا ترامب: whom he spoke to
        if words and _to_someone_of_theirs(tok):
            break  # حين قال ليفاندوفسكي لزميله "…": whom he said it to
        if words and _coordinated_title(tok) and _ends_with_persons_name(words):
            # الرئيس الأميركي دونالد ترامب والزعيم الكوري الشمالي كيم جونغ أون: a second
            # person; the first one named is the subject, never the name that ends the run.
            # The second is passed over up to إن/أن, so that the speech starts there.
            speech_at = _complementizer_ahead(tokens, j + 1, stop)
            break
        if words and tok.norm in MANNER_ADVERBS:
            break  # هاجم الوزير بشدة مستشار الأمن القومي: how, then whom
        if words and (_ba_object(tok) or _phrase_with_pronoun(tok.text) or (
            tok.norm[:1] == "ب" and FUUL_RE.match(tok.norm[1:]) and words[-1].norm not in ORGANISATION_HEADS
        )):
            # ورحبت وزيرة الثقافة الإسرائيلية بعدم ترشيح فيلم، وطالب محاميه القاضي بمعاقبته:
            # what she welcomed, what he asked
            break
        if not words and _prepositional(tok):
            # أشاد بأداء لاعبيه، وصفته بـ"…": a ب/ل phrase after the verb is its object.
            break
        if not words and tok.norm in AND_PREPOSITIONS:
            break  # تابعت وفي ذات السياق أنها …: where it was said, the speaker is the one before
        if _written(tok.text) == "ب":
            break  # ووصفه مؤيدون لإسرائيل بــ"الشيطان": the ب of the description
        if _asks_not_to_be_named(tokens, j, stop):
            break  # وقال المسؤول طالبا عدم نشر اسمه إن: the source's request, no part of its name
        if tok.text.endswith(TANWEEN_FATH):
            break  # تحدث فيه ممازحاً عن: an adverb in the accusative; no name takes tanween
        if tok.norm in CHANNEL_PREFIXED or _is_channel_word(tokens, j) or (words and _how_said(tok)):
            break
        if words and words[0].norm in PUBLISHED_DOCUMENTS and (tok.norm in PUBLISHED_IT or tok.norm in AUTHORED_IT):
            # بيان رسمي نشرته وكالة البحرين للأنباء إن …: an outlet published the statement,
            # which speaks; بيان صحفي نشره أيبوش: its author speaks. The words start at إن.
            publisher, after_publisher = read_speaker(state, j + 1, stop)
            if (
                publisher is not None and " " not in publisher.name and _norm(publisher.name) in ORGANISATION_HEADS
                and not _written_definite(publisher.name)
            ):
                # دراسة أعدتها شركة "بورسون كون آند وولف": a head without the article whose
                # name was not read names nobody; the document speaks (بيان نشرته المنظمة
                # is the organisation named before's)
                publisher = None
            # (a report is the outlet's own: تقرير بثته وكالة الأنباء التركية)
            if publisher is not None and (
                words[0].norm == REPORT or tok.norm in AUTHORED_IT or _norm(publisher.mention.split()[0]) not in OUTLET_HEADS | KNOWN_OUTLETS
            ):
                publisher.mention = state.text[words[0].start : publisher.end]
                publisher.start = words[0].start
                return publisher, after_publisher
            speech_at = _complementizer_ahead(tokens, j + 1, stop)
            break
        if words and (tok.norm in SPEECH_VERBS or _strip_clitic(tok.norm) in SPEECH_VERBS):
            break
        if tok.text.isdigit():
            break
        led = _led_by_at(tokens, j, stop) if words and words[0].norm in ORGANISATION_HEADS else 0
        if led:
            # التحالف بقيادة السعودية، التحالف المدعوم من الغرب: who leads or backs it is
            # part of its name (التحالف alone, or التحالف المدعوم, names nobody)
            words.extend(tokens[j : j + led])
            j += led
            break
        if words and _noun_phrase_ends(words, tok, tokens[j + 1] if j + 1 < stop else None):
            break
        words.append(tok)
        j += 1
    if not words:
        return None, begin
    words = _trim_speaker(words)
    if not words:
        return None, begin
    if speech_at is not None:
        start, end = words[0].start, words[-1].end
        name, description, kind = split_title(state.text, words)
        return _Speaker(state.text[start:end], start, end, name, description, kind, ""), speech_at
    described = _described_name(state, words, j, stop)
    if described is not None:
        # عملاق التكنولوجيا، أبل،: the name speaks, the description describes it.
        name_at, j = described
        start, end = words[0].start, tokens[j - 2].end
        name = state.text[tokens[name_at].start : end]
        description = state.text[words[0].start : words[-1].end]
        sp = _Speaker(state.text[start:end], start, end, name, description, UNKNOWN, "")
        return sp, j
    j = _apposition_name(state, words, j, stop)
    post_name = _name_after_post(state, begin, j, stop)
    if post_name is not None:
        name_at, j = post_name
        words = tokens[begin:j]
    start, end = words[0].start, words[-1].end
    mention = state.text[start:end]
    name, description, kind = split_title(state.text, words)
    if (words[0].norm in DOCUMENT_SUBJECTS or words[0].norm in REPLY_NOUNS) and len(words) >= 2 and not (
        len(words) == 2 and not _definite(words[1]) and (words[1].norm.endswith("ي") or words[1].norm == JOINT)  # بيان رسمي: no issuer named
    ):
        # بيان الرئاسة، بيان للهيئة القومية، رد ترامب: the one whose statement it is speaks.
        name, kind = _document_issuer(state, words)
    if post_name is not None:
        name = state.text[tokens[name_at].start : end]
        description = state.text[start : tokens[name_at - 1].end].rstrip("،, ")
        kind = PERSON
    if kind != ORGANISATION:
        title_after = _title_after_name(tokens, j, stop)
        if title_after is not None and (not description or title_after[1] == title_after[2]):
            # (a second post after a titled name: السفيرة … آل ثاني المندوب الدائم لقطر)
            a, b, j = title_after
            post = state.text[tokens[a].start : tokens[b - 1].end]
            description = f"{description}، {post}" if description else post
            kind = PERSON
    sp = _Speaker(mention, start, end, name, description, kind, "")
    return sp, j


ALI = "علي"
SABAH = _norm("صباح")


LED_BY = _forms("بقيادة")
CROWN = (_norm("ولي"), _norm("العهد"))
BACKED = _forms("المدعوم", "المدعومة")


def _led_by_at(tokens, j, stop):
    """How many tokens from j say who leads or backs an organisation (بقيادة السعودية،
    بقيادة الولايات المتحدة، المدعوم من الغرب، بقيادة المشير خليفة حفتر), or 0: a country
    of one or two definite words, or a leader's name (with its title) of at most three
    words, and then the subject must end (إن، a comma, في بيان, a day): بقيادة after أشاد
    is what was praised (وأشاد الجيش بقيادة الرئيس … للبلاد)."""
    k = j + 1 if tokens[j].norm in LED_BY else j + 2 if (
        tokens[j].norm in BACKED and j + 1 < stop and tokens[j + 1].norm == _norm("من")
    ) else 0
    if not k or k >= stop or not tokens[k].is_word or tokens[k].norm in COMPLEMENTIZERS or _possessed(tokens[k]):
        return 0  # (منتخب إنجلترا بقيادة مدربه: how it was led, not its name)
    end = k
    if _definite(tokens[k]) and (_is_title_word(tokens[k].norm) or _is_title_word(tokens[k].norm[2:])):
        end = k + 1  # بقيادة المشير خليفة حفتر: the leader's title, then his name
    elif k + 1 < stop and tokens[k].norm == CROWN[0] and tokens[k + 1].norm == CROWN[1]:
        end = k + 2  # بقيادة ولي العهد: the crown prince, a title of two words
    if end < stop and _leader_name_word(tokens, end, end):
        n = end
        while n < min(stop, end + 3) and _leader_name_word(tokens, n, end):
            n += 1
        end = n
    elif end == k:
        end = k + 1
        if (
            end < stop and tokens[end].is_word and _definite(tokens[k]) and _definite(tokens[end])
            and not _prepositional(tokens[end]) and not _day_at(tokens, end, stop)
        ):
            end += 1  # الولايات المتحدة
    else:
        return 0  # a title and no name
    if end < stop and tokens[end].is_word and (_prepositional(tokens[end]) or _written(tokens[end].text)[:1] == "ل"):
        return 0  # بقيادة الرئيس … للبلاد: the leadership of … for something, what was praised
    return end - j


def _leader_name_word(tokens, n, first):
    """A word of a leader's name: no article (but the second word of عبد الفتاح), no
    إن/أن, no preposition, no day."""
    tok = tokens[n]
    if not tok.is_word or tok.norm in COMPLEMENTIZERS or tok.norm in PREPOSITIONS or tok.norm in TIME_WORDS:
        return False
    if _definite(tok):
        # عبد الفتاح، السيسي، العبادي: after عبد, or a surname in ي (not the object: القبض)
        return n > first and (tokens[n - 1].norm in NAME_HEADS or _written(tok.text).endswith("ي"))
    return not _is_title_word(tok.norm) and tok.norm not in NOT_A_NAME


def _named_sabah(tokens, j, stop, words):
    """Is صباح (morning) here the name Sabah: right after a title (الشيخ صباح الأحمد), and
    no time word after it (الوزير صباح اليوم)?"""
    return (
        tokens[j].norm == SABAH and bool(words) and _is_title_word(words[-1].norm)
        and j + 1 < stop and tokens[j + 1].is_word and tokens[j + 1].norm not in TIME_WORDS
    )


def _named_ali(tokens, j, stop, words=None):
    """Is the word at j the name علي, which normalizes like the preposition على? Written
    with ي, after a title (in `words`, when given) and before a name (رئيس الوزراء علي
    أكبر صالحي)."""
    if _written(tokens[j].text) != ALI:
        return False
    if words and words[-1].norm in NAME_LINKS and words[-1].norm != FAMILY:
        return True  # محمد بن علي: no preposition follows بن
    if j + 1 >= stop:
        return False
    nxt = tokens[j + 1]
    after_name = bool(words) and _is_name_word(words[-1]) and not _definite(words[-1]) and not _is_title_word(words[-1].norm)
    if after_name and nxt.is_word and _definite(nxt) and not _prepositional(nxt):
        return True  # محمد علي الحوثي (but الوزير علي الحاجة is أكد … على الحاجة)
    return (
        (words is None or after_name or any(_is_title_word(w.norm) for w in words))
        and _is_name_word(nxt) and not _definite(nxt) and nxt.norm not in NOT_A_NAME
        # وشدد علي ضرورة …: على written with ي before the noun it governs
        and nxt.norm not in OBJECT_NOUNS and not nxt.norm.endswith("يه")
    )


def _title_after_name(tokens, j, stop):
    """سيرغي لافروف، وزير الخارجية الروسي، إن …: the title set off by commas after a name.
    (first, end) of the title's tokens and the index after its closing comma, or None.
    Without commas a definite title and its post (غاريث ساوثغيت المدير الفني للمنتخب
    الانجليزي): (first, end, end)."""
    if j < stop and tokens[j].is_word and _definite(tokens[j]) and _is_title_word(tokens[j].norm[2:]):
        k = j + 1
        while k < stop and k - j <= MAX_POST_TOKENS and _post_word(tokens, k, True) and tokens[k].norm not in NOT_A_NAME and (
            _definite(tokens[k]) or tokens[k].norm in POST_LINKS or _is_title_word(tokens[k].norm)
            or (tokens[k].norm[:1] in "لب" and len(tokens[k].norm) > 3)  # لقطر، بجامعة
            or tokens[k - 1].norm in POST_LINKS  # لدى فرنسا
            or (tokens[k - 1].norm[:1] in "لب" and len(tokens[k - 1].norm) > 3)  # بجامعة ليدز
        ):
            k += 1
        return j, k, k
    if j + 1 < stop and tokens[j].is_word and _is_title_word(tokens[j].norm) and all(
        _definite(t) for t in tokens[j + 1 : j + 2]
    ):
        # تركي آل الشيخ رئيس الهيئة، …: an indefinite title in construct, closed by its comma
        j -= 1
    elif j + 1 >= stop or tokens[j].text not in ("،", ",") or not _is_title_word(tokens[j + 1].norm):
        return None
    k = j + 1
    while k < stop and k - j <= MAX_POST_TOKENS and tokens[k].is_word and tokens[k].norm not in COMPLEMENTIZERS:
        k += 1
    if k >= stop or k - j > MAX_POST_TOKENS or tokens[k].text not in ("،", ","):
        return None  # only a title closed by its comma; anything else may be the object
    return j + 1, k, k + 1


WHAT_FORMS = _forms("ما", "بما", "مما", "لما")
# Where a speaker wrote online: على موقع تويتر، عبر حسابه.
ONLINE_PLACES = _forms("موقع", "حساب", "حسابه", "حسابها", "صفحة", "صفحته", "صفحتها", "منصة")
ONLINE_VIA = _forms("على", "عبر")
WROTE = verb_forms("verb", verb_class="write")
TELLS_SOMEONE = object_pronoun_forms()
TOLD = TELLS_SOMEONE & verb_forms(verb_class="tell")
SAYS = _forms("قال", "قالت", "قالوا", "قالا", "قالتا", "يقول", "تقول", "يقولون")
# Links inside a title's post: باسم مكتب …، التابع للأمم المتحدة، في سوريا، لدى فرنسا.
POST_LINKS = _forms("في", "لدى", "باسم", "التابع", "التابعة")
# Where a titled person spoke, between the post and the name: السفير الإماراتي لدى هولندا
# أمام محكمة العدل الدولية سعيد النويس.
FORUM_LINKS = _forms("أمام")
MAX_POST_TOKENS = 14


def _post_word(tokens, m, prev_ok):
    """Can token m continue a title's post (the office, its organisation, the place)?
    `prev_ok`: whether token m - 1 did."""
    tok = tokens[m]
    if not tok.is_word or tok.text.isdigit():
        return False
    norm = tok.norm
    if _definite(tok) or norm in POST_LINKS or _is_title_word(norm) or _portfolio(norm):
        return True
    if norm in ORGANISATION_HEADS or norm in PLACE_HEADS:
        return True
    if norm.startswith("ل") and len(norm) > 3 and norm not in PREPOSITIONS:
        return True  # لشؤون اللاجئين
    # An indefinite word in construct with the word before it (ممثل مفوضية، منطقة
    # تكيرداغ) or the place after في/لدى (في سوريا).
    prev = tokens[m - 1].norm
    return (
        _is_title_word(prev) or prev in ORGANISATION_HEADS or prev in PLACE_HEADS
        or prev in POST_LINKS or _portfolio(prev)
        # لسلطة مركز قطر للمال: a chain of nouns in construct inside a ل-phrase
        or (not _definite(tokens[m - 1]) and (prev.startswith("ل") and len(prev) > 3 or prev_ok))
    )


def _post_name_word(tokens, m):
    tok = tokens[m]
    norm = tok.norm
    return (
        tok.is_word
        and not tok.text.isdigit()
        and not _definite(tok)
        and not _prepositional(tok)
        and not _is_title_word(norm)
        and not _portfolio(norm)
        and (norm not in PREPOSITIONS or _named_ali(tokens, m, len(tokens)))
        and norm not in POST_LINKS
        and norm not in ORGANISATION_HEADS
        and norm not in PLACE_HEADS
        and norm not in NOT_A_NAME
        and norm not in OBJECT_NOUNS
        and norm not in NAMED
        and norm not in WHAT_FORMS
        and not norm.startswith("لل")  # للأطفال: ل + the article
        # صحفية يومية: feminine adjectives, no name (as written: خوسيه ends in ه, no ة)
        and not _written(tok.text).endswith(("ات", "ية"))
        and _speech_verb(tok) is None
    )


def _name_after_post(state, begin, j, stop):
    """ممثل مفوضية الأمم المتحدة لشؤون اللاجئين في سوريا سجاد مالك على موقع تويتر "…":
    a title's post runs on through its organisation, ل-phrases and a place, and the
    person's name stands last, right before what ends the subject (a comma, a colon, a
    quote, إن/أن, a channel or a preposition).

    Returns (index of the name's first token, index after it), or None when the subject
    read so far is not a title followed by its post and a name.
    """
    tokens = state.tokens
    if j >= stop or not tokens[j].is_word or tokens[j].norm in COMPLEMENTIZERS:
        return None  # the subject already ends where the speech starts (most subjects)
    if begin >= j or not _is_title_word(tokens[begin].norm) or tokens[j - 1].text in ("،", ","):
        return None  # (a name between commas is already the apposition's)
    if _name_run(tokens[begin:j]) >= 2:
        return None  # the subject already ends on a name: رئيس الوزراء الكندي جاستن ترودو التعريفات
    for m in range(begin + 2, j):
        if _is_title_word(tokens[m].norm) and _definite(tokens[m]) and _is_name_word(tokens[m - 1]):
            return None  # البروفيسور أليستر هاي الأستاذ بجامعة ليدز: named before a second title
    n = j
    while n < stop and n - begin < MAX_POST_TOKENS:
        tok = tokens[n]
        if not tok.is_word or tok.norm in COMPLEMENTIZERS or _is_channel_word(tokens, n):
            break
        if (tok.norm in PREPOSITIONS and tok.norm not in POST_LINKS and tok.norm not in FORUM_LINKS) or _speech_verb(tok) or _continuation(tok):
            break
        if tok.norm in ADDRESSEES or tok.norm in MANNER_ADVERBS or _opens_aside(tok):
            break  # وقال المحامي مخاطبا الصحفيين إن: whom and how he spoke, no name
        if n + 1 < stop and tokens[n + 1].norm in CHANNEL_NOUNS:
            break  # في مقابلة مع …: the channel, after the name
        if n > j and _day_at(tokens, n, stop):
            break  # … جوزيبي كونتي الأحد تخليه: the day, after the name
        n += 1
    if n >= stop:
        return None
    end_tok = tokens[n]
    # Only what opens the speech itself ends such a subject: a comma or a plain preposition
    # after a run of words as often ends an object (… نتنياهو غزة، … لمنتخب مصر لكرة القدم،).
    ends_subject = (
        (n + 1 < stop and tokens[n + 1].norm in CHANNEL_NOUNS)
        or (end_tok.norm in _forms("على", "عبر") and n + 1 < stop and tokens[n + 1].norm in ONLINE_PLACES)
        or end_tok.text == ":"
        or (end_tok.quote is not None and end_tok.start == end_tok.quote.open_at)
        or end_tok.norm in COMPLEMENTIZERS
        or _is_channel_word(tokens, n)
        or _day_at(tokens, n, stop)
    )
    if not ends_subject:
        return None
    k = n
    if (
        k > begin + 2 and _definite(tokens[k - 1]) and not _prepositional(tokens[k - 1])
        and _post_name_word(tokens, k - 2) and tokens[k - 2].norm[:1] not in ("ل", "ب")
    ):
        k -= 1  # يوسف الجيدة: one definite surname closes the name (not لشؤون اللاجئين)
    while k > begin + 1 and n - k < 4 and _post_name_word(tokens, k - 1):
        before = tokens[k - 2].norm
        k -= 1
        if before in POST_LINKS or before in PLACE_HEADS:
            k += 1  # في سوريا، منطقة تكيرداغ: the word after them is the place
            break
    if k < n and tokens[k].norm.startswith("ب") and _definite(tokens[k - 1]):
        # منطقة الساحل بغرب إفريقيا: a ب-phrase after a definite word is attached to it;
        # a wrong name is worse than none.
        return None
    if n - k < 2:
        return None
    prev_ok = True  # the title itself
    for m in range(begin + 1, k):
        prev_ok = _post_word(tokens, m, prev_ok)
        if not prev_ok:
            return None
    if k < j and n == j:
        return None  # the subject already ends on this name
    return k, n


LATEST = _forms("آخر", "أحدث")


def _owner_at(tokens, j, stop):
    """Where the real speaker starts when token j is figures in construct with their owner
    (أرقام البنك الدولي) or a quantity of a group (العديد من أسواق المال); else None."""
    norm = tokens[j].norm if j < stop else ""
    if norm in LATEST and j + 1 < stop and tokens[j + 1].norm in EVIDENCE_NOUNS:
        return _owner_at(tokens, j + 1, stop)  # آخر إحصائيات منظمة الصحة العالمية
    if (norm not in EVIDENCE_NOUNS and norm not in GROUP_QUANTIFIERS) or j + 1 >= stop:
        return None
    nxt = tokens[j + 1]
    if nxt.text in OPEN_QUOTES and j + 2 < stop and tokens[j + 2].norm in ORGANISATION_HEADS and norm in EVIDENCE_NOUNS:
        return j + 2  # إحصائيات "منظمة الصحة العالمية": the owner's name in quotation marks
    source_like = nxt.norm in ORGANISATION_HEADS or nxt.norm in ATTRIBUTION_SOURCE_HEADS or _definite(nxt)
    if norm in EVIDENCE_NOUNS and nxt.is_word and source_like:  # نتائج دراسة سابقة
        if not _prepositional(nxt) and nxt.norm not in PREPOSITIONS and nxt.norm not in TIME_WORDS:
            return j + 1
    if norm in GROUP_QUANTIFIERS and nxt.norm == _norm("من") and j + 2 < stop and tokens[j + 2].is_word:
        return j + 2
    return None


def _name_closes_before(tokens, k, stop):
    """After a quoted name, what the organisation said follows: a comma, إن/بأن, a verb's
    own preposition (عن، إلى، من), a time, or what was announced as a noun without the
    article ("أرامكو" عدم صحة …). A definite word or a ب-phrase goes on with what the quote
    itself said ("توقف" الرحلات، "التزامها" بالعقود)."""
    if k >= stop or not tokens[k].is_word:
        return True
    nxt = tokens[k]
    if nxt.norm in COMPLEMENTIZERS or nxt.norm in TIME_WORDS or nxt.norm in PREPOSITIONS:
        return True
    return not (_definite(nxt) or nxt.norm[:1] == "ب" and _prepositional(nxt))


def _body_place(tokens, a, b):
    """Do tokens a..b-1, after الشرطة في, name where the police is: a place's head and its
    name (ولاية فلوريدا، العاصمة الدنماركية كوبنهاغن), or one plain word that is no month
    and carries no pronoun (سياتل، غواتيمالا; not يناير، بيانها، الصباح، أعقاب الحادث)?"""
    if a >= b:
        return False
    first = tokens[a]
    if first.norm in PLACE_HEADS or _definite(first) and first.norm[2:] in PLACE_HEADS:
        return True
    if _definite(first) or first.norm in MONTHS or first.norm.endswith(("ها", "هم", "هما")):
        return False
    # (سياتل بالولايات المتحدة الأمريكية: the town, then the country it is in)
    return b == a + 1 or tokens[a + 1].norm.startswith("بال") and all(_definite(t) for t in tokens[a + 2 : b])


def _described_organisation(words):
    """شركة النفط السعودية العملاقة، موقع التواصل الاجتماعي: an organisation's head and
    words that only describe it (lexicon/describing_adjectives.txt, nationalities), after
    which its name follows, quoted or as a hashtag."""
    return len(words) >= 2 and words[0].norm in ORGANISATION_HEADS and all(
        w.norm in DESCRIBING_ADJECTIVES or _definite(w) and _nationality(w) for w in words[1:]
    )


# Words a quotation opens with that no organisation's name does: what it says, not who.
QUOTE_OPENS_SPEECH = _forms("لا", "لم", "لن", "نحن", "إننا", "إن", "أن", "هذا", "هذه", "ما", "كل", "قد", "لقد", "سوف")


def _quoted_name_words(state, q):
    """Words of a quoted name as written: قناة "سي.إن.إن ترك" is two, though the dots
    split it into four for counting a statement's words."""
    return len(state.text[q.start : q.end].split())


QUANTIFIERS = _forms("بعض", "كل", "جميع", "معظم", "أغلب")


def _quantified_group(tokens, j, stop):
    """بعض العلماء، معظم المحللين: a quantified group of people speaks as one."""
    return (
        tokens[j].norm in QUANTIFIERS
        and j + 1 < stop
        and tokens[j + 1].is_word
        and _definite(tokens[j + 1])
    )


def _name_after_nisbas(tokens, k, stop):
    """مخرج الفيلم وهو اللبناني الفرنسي زياد دويري: after the nationalities and titles from
    token k a name follows; وقال الرئيس وهو الأمريكي الوحيد في القاعة is an aside."""
    while k < stop and tokens[k].is_word and _definite(tokens[k]) and (
        _nationality(tokens[k]) or _is_title_word(tokens[k].norm)
    ):
        k += 1
    return k < stop and tokens[k].is_word and not _definite(tokens[k]) and _is_name_word(tokens[k])


def _ends_with_persons_name(words):
    """الرئيس الأميركي دونالد ترامب: a title, then plain words that name a person (not a
    company's or a place's: نائب رئيس شركة Bruderman Asset Management)."""
    run = _name_run(words)
    at = len(words) - run
    if not run or at < 1 or not any(_is_title_word(w.norm) for w in words[:at]):
        return False
    before = words[at - 1]
    if _is_title_word(before.norm) and not _definite(before) and run < 2:
        return False  # نجم انجلترا ومهاجم نيوكاسل: a title in construct with its team, no name
    return (_is_title_word(before.norm) or _definite(before)) and not any(
        w.norm in POST_HEADS or w.norm in POST_LINKS or (w.norm[:1] == "ل" and w.norm[1:] in POST_HEADS)
        for w in words[at - 1 :]
    )


def _coordinated_title(tok):
    """ومخرجه، والمدير العام: و and a title, with the article or a pronoun."""
    return tok.is_word and tok.norm[:1] == "و" and len(tok.norm) >= 4 and _is_title_word(tok.norm[1:])  # (not وزير)


def _post_place_run(words):
    """المتحدث باسم حاكم إقليم ننكرهار: the plain words closing the subject are the
    post's place (after إقليم, ولاية, في, لدى), not the person, whose name may follow."""
    run = _name_run(words)
    at = len(words) - run
    return 1 <= run <= 2 and at >= 2 and (words[at - 1].norm in PLACE_HEADS or words[at - 1].norm in POST_LINKS)


PAST_IFTAAL_RE = re.compile("^ا.ت..$")  # ارتكب، انتقد، اعترف: a past verb of the افتعل form


FOR_THE_GAME_OF = _norm("لكرة")
OF_RANK = _norm("المستوى")
SURNAME_TITLES = words("surname_titles")
OF_THE_RANK = _norm("برتبة")
REPORT = _norm("تقرير")

# كان and قد right after a name in apposition: the verb phrase has begun.
WAS_THEN = _forms("كان", "كانت", "قد")


# Given names written with the article (التجاني، الباجي): they open a name, though definite.
DEFINITE_GIVEN_NAMES = words("definite_given_names")


def _apposition_name(state, words, j, stop):
    """وزير الخارجية الأمريكي، مايك بومبيو، إن …: the name after a title, between commas.

    Extends `words` in place with the name and returns the index after it.
    """
    tokens = state.tokens
    if not any(_is_title_word(w.norm) for w in words):
        return j
    run = _name_run(words)
    owner_title = _is_title_word(words[0].norm) and not _definite(words[0])
    # مستشار الرئيس الأمريكي دونالد ترامب للأمن القومي، جون بولتون،: the name in the post is
    # the owner's, and the post goes on after it
    post_goes_on = owner_title and j < stop and tokens[j].norm.startswith("لل") and len(tokens[j].norm) > 4
    construct = owner_title and (len(words) - run == 1 or post_goes_on)
    # (the plain words after باسم are the body spoken for: الناطق باسم حركة حماس، فوزي برهوم،)
    spokesman = any(w.norm == ON_BEHALF_OF for w in words[: len(words) - run])
    if run and not construct and not spokesman and not any(w.norm.startswith("ل") and len(w.norm) > 3 for w in words[1:]) and not _post_place_run(words):
        return j  # (مهاجم ريال مدريد، الفرنسي كريم بنزيما،: the plain words are the title's club)
    k = j
    # في لندن، / رئيس مجلس حكماء المسلمين، : a place or a second title before the name.
    for _ in range(2):
        m = k
        if m < stop and _coordinated_title(tokens[m]):
            # مؤلف العمل ومخرجه، ابراهيم بن محمد،: a second post of the same person
            m += 1
            while m < min(stop, k + 5) and tokens[m].is_word and _definite(tokens[m]) and not _prepositional(tokens[m]):
                m += 1
        if m < stop and tokens[m].norm in _forms("في", "لدى", "ب"):
            m += 1
            while m < min(stop, k + 5) and tokens[m].is_word:
                m += 1
        elif m + 1 < stop and tokens[m].norm == FOR_THE_GAME_OF and tokens[m + 1].is_word:
            m += 2  # مهاجم فريق تشلسي الإنجليزي لكرة القدم، البلجيكي إدين هازارد: the club's sport
        elif m == j and post_goes_on:
            m += 1  # للأمن القومي، : the rest of the post, then the name
            while m < min(stop, k + 4) and tokens[m].is_word and _definite(tokens[m]) and not _prepositional(tokens[m]):
                m += 1
        if m < stop and tokens[m].text in ("،", ","):
            names = []
            n = m + 1
            if n < stop and _is_channel_word(tokens, n):
                break  # وقال مسؤول أمني، لوكالة فرانس برس، إن: whom he told, no name
            if n < stop and _opens_aside(tokens[n]):
                break  # المرصد … المعارض، ومقره بريطانيا، / الأم، وهي ربة منزل،: an aside, no name
            if n < stop and (
                tokens[n].norm in MANNER_ADVERBS or tokens[n].text.endswith(TANWEEN_FATH)
                or _asks_not_to_be_named(tokens, n, stop)  # المسؤول، طالبا عدم نشر اسمه،
                or tokens[n].text[:1] in ATTRIBUTION_FIRST_LETTERS and _attribution_at(state, tokens[n].start)
            ):
                break  # المتحدث باسم حركة حماس، بحسب الوكالة، / هاتفيا،: a source or a manner, no name
            while (
                n < stop and tokens[n].is_word and len(names) < (6 if any(t.norm in SON_OF_WORDS for t in names) else 4)
                and tokens[n].norm not in PREPOSITIONS and not (names and _is_channel_word(tokens, n))
                and not (names and tokens[n].norm in WAS_THEN) and not (names and _day_at(tokens, n, stop))
            ):
                if _speech_verb(tokens[n]) or _continuation(tokens[n]) is not None:
                    names = []  # ورحب الرئيس بالقرار، وقال إنه …: the next statement, no name
                    break
                names.append(tokens[n])
                n += 1
                if names and _hyphenated_name_part(tokens, n, stop):
                    names.append(tokens[n + 1])  # ، مون جاي-إن،
                    n += 2
            # The name ends where the speech starts: a comma, إن/أن, a colon or the quote
            # itself (المدير العام للمنظمة، أحمد أوزومجو: "…").
            closes = n >= stop or tokens[n].text in ("،", ",", ":") or tokens[n].norm in COMPLEMENTIZERS or (
                tokens[n].quote is not None and tokens[n].start == tokens[n].quote.open_at
            ) or (names and _is_channel_word(tokens, n)) or (  # ، حكمت حبيب لفرانس برس "…": whom he told
                # رئيس غواتيمالا، جيمي موراليس كان قد أعلن: the name, then the verb's كان / قد
                names and tokens[n].norm in WAS_THEN
            ) or (
                # حسب ما أعلن وزير الاقتصاد التركي، نهاد زيبكجي الأربعاء.: the day, or the
                # sentence's end, after a trailing source's name (of two words at least: a
                # word alone there is as often a verb, ولي الله سيف، قدم أمس)
                len(names) >= 2 and (_day_at(tokens, n, stop) or tokens[n].text in SENTENCE_END)
            )
            if names and closes and (names[0].norm in PERSON_TITLES or _nationality(names[0])):
                # العقيد الركن صادق دويد: the rank's qualifiers before the name; مهاجم ريال
                # مدريد، الفرنسي كريم بنزيما،: his nationality
                first = 1
                while first < len(names) and (
                    names[first].norm in PERSON_TITLES or names[first].norm in RANK_QUALIFIERS or _nationality(names[first])
                ):
                    first += 1
                if (
                    _definite(names[0]) and len(names) >= first + 1 and _opens_a_name(names, first)
                    and names[first].norm not in NOT_A_NAME and names[first].norm not in POST_HEADS
                ):
                    # العاهل الأردني، الملك عبد الله الثاني،: a definite title heads no
                    # construct, so the word after it opens the name
                    words.extend(tokens[j:n])
                    return n + 1 if n < stop and tokens[n].text in ("،", ",") else n
                k = n  # a second title: skip it and look for the name after it
                continue
            if (
                names and closes and (
                    # (a given name with the article only before the rest of a name: ، الحسن
                    # طاهر، not ، الحسن السيرة والسلوك، or ، الطيب الذكر،)
                    not _definite(names[0])
                    or _opens_a_name(names, 0)
                )
                and names[0].norm not in NOT_A_NAME
                # (مغني الراب، 51 عاما،: his age; …، عما إذا كانت: no name)
                and not names[0].text[:1].isdigit() and names[0].norm not in PREPOSITIONS
                and not names[0].norm.endswith(tuple(WHAT))
            ):
                words.extend(tokens[j:n])
                # The comma that closes the apposition is the subject's, not the object's:
                # أعلن القائد العسكري الليبي، خليفة حفتر، سيطرة قواته …
                return n + 1 if n < stop and tokens[n].text in ("،", ",") else n
        break
    return j


def _described_name(state, words, j, stop):
    """أعلن عملاق التكنولوجيا، أبل، أنه …: a definite description, then the name between
    commas right before what was said. Not a time (قالت الشرطة، صباح اليوم، إن). Returns
    the index of the name's first word and the index after its comma, or None."""
    tokens = state.tokens
    if j >= stop or tokens[j].text not in ("،", ",") or not 1 <= len(words) <= 3:
        return None
    if j + 1 < stop and _opens_aside(tokens[j + 1]):
        return None  # المنظمة، ومقرها لندن، إن: where it sits, no name
    if not _definite(words[-1]) or any(_prepositional(w) for w in words):
        return None
    if any(_is_title_word(w.norm) for w in words):
        return None  # a title: _apposition_name reads it
    n = j + 1
    while n < stop and n - j <= 3 and tokens[n].is_word:
        tok = tokens[n]
        if (_definite(tok) or tok.norm in TIME_WORDS or tok.norm in NOT_A_NAME or tok.norm in PREPOSITIONS
                or tok.text.isdigit() or _speech_verb(tok) is not None or _is_title_word(tok.norm)):
            return None
        n += 1
    if n == j + 1 or n + 1 >= stop or tokens[n].text not in ("،", ","):
        return None
    if tokens[n + 1].norm not in COMPLEMENTIZERS:
        return None
    return j + 1, n + 1


def _noun_phrase_ends(words, tok, nxt=None):
    """Does `tok` start the object rather than continue the subject?

    After an organisation head and its definite modifiers (وزارة الدفاع الأذربيجانية), an
    indefinite word is the object (تعليق …). After a title, a name runs at most three
    words (روبن فاردانيان).
    """
    head = words[0].norm
    indefinite = not _definite(tok)
    if words[-1].norm in ACTING:
        return not (indefinite and _is_name_word(tok))  # السكرتير الدائم بالنيابة أنديرس أولسون
    # Counted once: each count asks every word whether it continues a title.
    name_run = _name_run(words)
    if _prepositional(tok) and name_run >= 1:
        return True  # اعترف بولانسكي بإقامة علاقة: a ب-phrase after a name is the object
    if tok.norm in SKIPPED_AFTER_VERB and tok.norm not in ADJUNCTS_AS_NAMES:
        # وقال الوزير مؤخرا إن، وعلق الوزير بقوله: an adjunct of the verb after its subject
        return True
    if _own_talk(tok):
        return True  # وتابع المهاجم الإنجليزي حديثه: what he said, the verb's object, no name
    if tok.norm in MODAL_VERBS:
        return True  # قال ماكرون يجب "علينا …": what must be is what he said, no name
    if words and tok.norm in DECLINED_ACTS:
        return True  # ورفض البيت الأبيض التعليق: what was refused, the verb's object
    if (
        name_run and not _definite(tok) and _is_title_word(tok.norm)
        and _written(tok.text).endswith(("ه", "ها", "هم"))  # (as written, marks off: مدافعة is no مدافع+ه)
    ):
        return True  # وطالب ترامب نظيره التركي: his counterpart, whom he asked
    if len(words) == 1 and _definite(words[0]) and _definite(tok) and not _prepositional(tok) and not _is_title_word(head) and (
        # ورفضت الشركة الكشف، ودعت المنظمة الرياض: a masculine word is no adjective of an
        # organisation's feminine head (الشركة القابضة، اللجنة العليا، الشركة الأم are; only
        # heads are asked: a plural in ة, القادة العرب، الطلبة المحتجون, a masculine noun in
        # ة, الداعية المعروف, or المرأة الحامل agree); a masculine adjective of what follows
        # agrees with that (الرباعة البالغ عمرها)
        head[2:] in ORGANISATION_HEADS and _written(words[0].text).endswith("ة")
        and not _written(tok.text).endswith(("ة", "ى", "ا", "اء", "ي", "ية")) and tok.norm != MOTHER
        and tok.norm[:1] != "و"  # السعودية والإمارات: another of the subjects
        and not (nxt is not None and nxt.norm.endswith(("ها", "ه")))
        # واعتبر البيان الحادثة رفضا: a feminine word is no adjective of a document
        or head[2:] in DOCUMENT_SUBJECTS and _written(tok.text).endswith("ة")
    ):
        return True
    if tok.norm in OBJECT_NOUNS or (
        tok.norm[:2] == "ال" and tok.norm[2:] in OBJECT_NOUNS and name_run
        and head not in ORGANISATION_HEADS and _strip_clitic(head) not in ORGANISATION_HEADS
    ):
        # استبعد … بيتر نافارو حدوث تصعيد، رفض ناطق باسم المغني تأكيد النبأ، وجدد بن دغر
        # التأكيد: a verbal noun after the subject is the object (with the article, only
        # after a person's name: وزارة الصحة is one name).
        return True
    if indefinite and OBJECT_MASDAR_RE.match(tok.norm) and (
        (name_run >= 2 and _ends_with_persons_name(words))
        or (len(words) == 1 and _definite(words[0]) and _is_title_word(words[0].norm[2:]))
    ):
        # رفض … أفيغدور ليبرمان اعتذار الرئيس، رفض الوزير اعتذار …: a verbal noun of the
        # افتعال or استفعال form after a full name or a bare title is the object.
        return True
    if indefinite and (name_run >= 1 or (
        # (after a bare title a name is the rule: وقال الوزير انطوان زهرا; the verbal noun
        # there is in construct with its object, استقالة الحكومة)
        len(words) == 1 and _definite(words[0]) and _is_title_word(words[0].norm[2:]) and nxt is not None and _definite(nxt)
    )) and (
        _written(tok.text)[:1] == "ا" and ALEF_MASDAR_RE.match(tok.norm)
    ):
        # أعلن ترامب انسحاب بلاده، أعلن ترامب استقالة هايلي: a verbal noun whose alef bears
        # no hamza (انفعال، افتعال، استفعال) after a name or a bare title is the object; a
        # name of that shape is written with its hamza (أنطوان) or is no name at all.
        return True
    if indefinite and name_run >= 2 and tok.norm.endswith(POSSESSIVE_SUFFIXES) and len(tok.norm) > 4:
        # A noun with a possessive after a full name is the object: روز ماغوين دعمها.
        return True
    if head in ORGANISATION_HEADS or _strip_clitic(head) in ORGANISATION_HEADS:
        # الوزارة تعليق …: a definite head is a whole name already.
        seen_definite = _definite(words[0]) or any(_definite(w) or w.quote is not None for w in words[1:])
        # لحقوق الإنسان، للأنباء: an ل-phrase still names the organisation, unless it names
        # another body, the one spoken to (وقالت الوزارة لوحدة تدقيق الوقائع، لوكالة رويترز).
        named_body = tok.norm[1:] in ORGANISATION_HEADS or tok.norm[1:] in KNOWN_OUTLETS
        if (
            len(words) >= 2 and _definite(words[-1]) and words[-1].norm.endswith(("ي", "يه"))
            and tok.norm.startswith("ال") and _what_was_done(tok.norm[2:])
        ):
            # واستنكرت وزارة الخارجية المصرية الهجوم، الجامعة العربية الاعتداءات: a nisba
            # closed the name, and a noun of something done after it is the object
            return True
        return indefinite and seen_definite and not (tok.norm.startswith("ل") and len(tok.norm) > 3 and not named_body)
    last = words[-1]
    if (
        _definite(last)
        and not last.norm.endswith(("ه", "ات"))
        and len(words) >= 2
        and _is_name_word(words[-2])
        and words[-2].norm != SON_OF_TRIBE  # ولد الشيخ أحمد: the father's name goes on
        # موقع التواصل الاجتماعي، منطقة الساحل الغربي: an organisation's or a place's head
        # and its definite words, no first name and surname
        and not (words[-2].norm in POST_HEADS and len(words) >= 3)
        and not _is_title_continuation(words, len(words) - 2, last)
        and not (words[-2].norm in _forms("عبد", "أبو") and _is_name_particle(words, len(words) - 1))
        # زين الدين زيدان: a compound first name, the surname still to come
        and not (last.norm in COMPOUND_TAILS and _is_name_particle(words, len(words) - 1) and indefinite
                 and _is_name_word(tok))
        # نجم باريس سان جرمان الفرنسي نيمار: the club's nisba, then the name
        and not (last.norm.endswith("ي") and indefinite and _nisba_after_construct_place(words))
    ):
        # (عبد الفتاح is one name: its definite word does not close it.)
        # حيدر العبادي / أحمد الطيب: one definite surname closes the name.
        return True
    if (words[-1].norm in NAME_LINKS and indefinite and not tok.norm.endswith("ات")) or (
        tok.norm in NAME_LINKS and (name_run >= 2 or _ends_with_compound_name(words))
    ) or (tok.norm in NAME_LINKS and tok.norm != FAMILY and _definite_first_name(words[-1])):
        # علياء أحمد بن سيف آل ثاني: بن and آل join the names around them, a name in ة too
        # (تميم بن حمد بن خليفة، خالد بن أحمد آل خليفة), and after a compound first name
        # (عبد الله بن زايد).
        return False
    run_at = len(words) - name_run
    after_construct = (  # مدرب مانشستر سيتي بيب غوارديولا: the title's club or country, then the name
        run_at >= 1 and _is_title_word(words[run_at - 1].norm) and not _definite(words[run_at - 1])
        and name_run <= max(_place_phrase_at(words, run_at), 1) + 2  # the place, then two name words
    )
    if name_run >= 3 and indefinite and not after_construct and not (
        any(_is_title_word(w.norm) for w in words) and words[-name_run].norm.startswith("ل") and len(words[-name_run].norm) > 3
    ):
        return True  # (after a title, لباريس سان جرمان is the post's club; the name comes next)
    if (name_run >= 3 and not indefinite and words[-1].norm not in NAME_HEADS and not tok.norm.endswith("ي")
            and not _prepositional(tok) and not any(w.norm.startswith("ل") for w in words[-name_run:])
            and not (after_construct and _is_name_particle([*words, tok], len(words)))):  # … زين الدين
        return True  # محمد بن سلمان المجتمع الدولي: after a full name a definite noun is the object
    if (name_run >= 2 or name_run == 1 and _compound_first_name(words[:-1], words[-1])) and not indefinite and (
        _is_title_word(tok.norm) or _is_title_word(tok.norm[2:])
    ):
        # غاريث ساوثغيت المدير الفني للمنتخب، زين الدين زيدان المدير الفني: the title after
        # the name is no name
        return True
    if name_run >= 2 and indefinite and (tok.norm.endswith("ات") or tok.norm.endswith("ه")) and words[-1].norm not in _forms("أبو", "بن", "ابن", "عبد", "أم", "بنت"):
        # A third "name" word in ة/ات is a noun: … أنتوني بلينكن اتصالات.
        return True
    if name_run == 1 and not indefinite and _is_title_continuation(words, len(words) - 1, tok):
        return False
    # (a definite title counts: الوزير محمد أحمد)
    has_title = any(_is_title_word(w.norm) or (w.norm[:2] == "ال" and _is_title_word(w.norm[2:])) for w in words)
    last = words[-1]
    if (
        len(words) == 1
        and _definite(last)
        and (_is_title_word(last.norm) or _is_title_word(last.norm[2:]))
        and not last.norm.endswith("ه")
        and _definite(tok)
        and tok.norm.endswith("ه")
        and not tok.norm.endswith("يه")
    ):
        # اتهم الوزير المعارضة: an adjective would agree with the masculine title
        # (الوزير المعارض); a feminine definite word after it is the object.
        return True
    if (
        len(words) == 1 and _definite(last) and _is_title_word(last.norm[2:]) and _definite(tok)
        # الأمير الوليد بن طلال: a royal's first name may carry ال
        and not (last.norm in ROYAL_TITLES and nxt is not None and nxt.norm in SON_OF_WORDS)
        and not _prepositional(tok) and not tok.norm.endswith(("ي", "يه")) and not tok.norm.startswith("الم")
        and tok.norm not in TITLE_ADJECTIVES
        and not (last.norm.endswith("ه") and tok.norm.endswith("ه"))  # الناشطة القتيلة agree
    ):
        # وانتقد الوزير القرار: after a bare definite title, a definite noun that is no nisba
        # (الوزير الروسي، الممثلة الفرنسية), no participle (الوزير المفوض) and no adjective
        # of rank is the object.
        return True
    nationality_only = all(_nationality(w) for w in words)
    if not has_title and indefinite and _definite(words[-1]) and tok.quote is None and not (
        nationality_only and _is_name_word(tok) and tok.norm not in SKIPPED_AFTER_VERB and nxt is not None and (
            _is_name_word(nxt) and not _definite(nxt)
            or _is_compound_tail([tok, nxt], 1)
            or nxt.text in NAME_CLOSING_COMMAS
        )
    ) and not _compound_first_name(words, tok):
        # (اعترف الفرنسي أرسين فينغر، الفرنسي نور الدين زيدان، كشف الصربي رادي، مدرب …: a
        # nisba alone stands for a title, the name follows)
        # A definite noun is not followed by a name: الأسد اعتراض / الرقابة اللبنانية عرض.
        return True
    if words[-1].norm in NAME_HEADS:
        return False  # عبد الله، أبو بكر: the second word belongs to the name
    if name_run in (1, 2) and not indefinite:
        # A first name and a definite surname (حيدر العبادي), or a name particle (عبد الله);
        # a definite noun in ة/ات is the object instead (ووصف ترامب الاتفاقية), and so is an
        # institution or a place (وانتقد دونالد ترامب الاتحاد الأوروبي). After a first and a
        # last name after a title only a nisba still belongs to the name (محمد علي
        # الحوثي); without a title the two words may open an organisation's name in
        # construct (وحدات حماية المرأة).
        bare = tok.norm[2:] if tok.norm.startswith("ال") else tok.norm
        if (bare in ORGANISATION_HEADS or bare in PLACE_HEADS) and words[-1].norm not in SAME:
            return True  # (نفس البيان، ذات المصدر: "the same" statement is one phrase)
        if (
            name_run == 2 and has_title and not tok.norm.endswith("ي") and not _is_name_particle([*words, tok], len(words))
            and not any(w.norm.startswith("ل") for w in words[-2:])  # لمعلومات حقوق الإنسان
        ):
            return True
        if tok.norm in DIRECTIONS:
            return False  # كوريا الشمالية، أوروبا الشرقية: a place's own adjective
        if tok.norm in COMPOUND_TAILS and _is_name_word(words[-1]) and _is_name_particle([*words, tok], len(words)):
            return False  # حسن نصر الله: الله closes the name (no object in ة)
        if len(words) >= 2 and words[-2].norm[:1] == "ل" and words[-2].norm[1:] in ORGANISATION_HEADS:
            return False  # لمجلس سوريا الديمقراطية: the organisation's own adjective
        return tok.norm.endswith(("ه", "ات"))
    return False


DIRECTIONS = words("directions")


POSSESSIVE_SUFFIXES = ("ها", "هم", "هما", "هن")
# Adjectives that follow a title: الوزير الأول، الرئيس السابق، الأمين العام.
TITLE_ADJECTIVES = words("title_adjectives")
NAME_LINKS = _forms("بن", "ابن", "بنت", "آل", "ولد")
# ولد ("son of") in Mauritanian names (محمد ولد عبد العزيز); elsewhere the verb "was born"
# (الذي ولد في), which the word before it (a relative, not a name) or after it (a
# preposition) tells apart.
SON_OF_TRIBE = _norm("ولد")
SON_OF_WORDS = _forms("بن", "ابن", "بنت")
# (ديلا, Italian, is read here after a post — رئيس فيورنتينا أندريا ديلا فالي — but is not yet
# a surname particle for linking, which would make ديلا فالي alone a surname.)
SURNAME_PARTICLE_WORDS = words("surname_particles") | _forms("ديلا")
ROYAL_TITLES = words("royal_titles")
COMPOUND_TAILS = words("compound_name_tails")
# Words that open a two-word name: عبد الله، أبو بكر، بن سلمان.
NAME_HEADS = _forms("عبد", "أبو", "بن", "ابن", "آية")  # (آية الله: a cleric's title, one word with الله)


def _what_was_done(stem):
    """هجوم، اعتداءات، تفجير، إغلاق: a noun of something done (no adjective), the object of
    a verb like أدان or استنكر."""
    return (
        stem in OBJECT_NOUNS or stem.endswith("ات") and len(stem) >= 5
        or bool(OBJECT_MASDAR_RE.match(stem))
        # تفعيل، تفجير (not التابعة، affiliated: a participle's alif)
        or stem[:1] == "ت" and len(stem) >= 5 and stem[1:2] != "ا" and not stem.endswith(("ي", "يه"))
    )


# Verbs of what must or may be, which open what was said: قال ماكرون يجب …
MODAL_VERBS = _forms("يجب", "ينبغي", "يتعين", "يتوجب", "يمكن", "يجوز")


MOTHER = _norm("الأم")


def _prepositional(tok):
    """بـ، لـ or a definite word behind ب/ل (بالتقرير، للصحفيين): never a subject."""
    bare = _written(tok.text)
    if bare in ("ب", "ل") or bare.startswith(("بأ", "بإ")):
        return True  # no name starts with بأ: بأداء، بإغلاق
    if _ba_object(tok):
        return True
    return bare[:1] in "بل" and _starts_with_al(bare[1:]) and len(bare) > 4


# Verbal nouns of the derived forms by their shape (normalized, a dot for a root letter).
TAFAAUL, TAFIIL, IFAAL, IFTIAAL, INFIAAL, ISTIFAAL = "ت.ا..", "ت..ي.", "ا..ا.", "ا.ت.ا.", "ان..ا.", "است..ا."


def _shapes_re(*shapes):
    return re.compile("^(?:" + "|".join(shapes) + ")$")


# After ب: تضاؤل، تعزيز … No name is read as one (بوتين، بيغديمونت do not fit). Not إفعال
# without its hamza: باكياو fits it; with the hamza (بإطلاق) _prepositional knows it.
MASDAR_SHAPE_RE = _shapes_re(TAFAAUL, TAFIIL, IFTIAAL, INFIAAL, ISTIFAAL)
# Every shape for a verbal noun with the article, where no name is mistaken for one.
DEFINITE_MASDAR_RE = _shapes_re(TAFAAUL, TAFIIL, IFAAL, IFTIAAL, INFIAAL, ISTIFAAL)
# The two that open with alef and fit no common name (not انفعال: أنطوان).
OBJECT_MASDAR_RE = _shapes_re(IFTIAAL, ISTIFAAL)
# Verbal nouns that open with a bare alef, with ة or not, and استفعال of a hollow root
# (استقالة، استعادة), asked of the written word's first letter too (see _noun_phrase_ends).
ALEF_MASDAR_RE = _shapes_re(IFTIAAL, INFIAAL, ISTIFAAL, IFTIAAL + "ه", INFIAAL + "ه", "است.اله")
# فعول: a broken plural or a verbal noun (جهود، خروج، سلوك، مثول). After ب it opens a
# company's name as often (مجموعة بلتون، شركة بترول), so it is an object only after a person.
FUUL_RE = _shapes_re("[^اوي][^اوي]و[^اوي]")


def _ba_object(tok):
    """بعدم، بقرارات، بتضاؤل: ب before a verbal noun (of the object list or by its shape)
    or a plural in ات is what a verb was about (رحب بعدم ترشيح، رحبت بقرارات الحكومة،
    اعترف … بتضاؤل آمال فريقه), never a name or a post."""
    if tok.norm[:1] != "ب" or tok.norm in PERSON_TITLES:  # (القائم بالأعمال: a title's word)
        return False
    stem = tok.norm[1:]
    if stem.startswith("ال") and DEFINITE_MASDAR_RE.match(stem[2:]) and stem not in ORGANISATION_HEADS:
        return True  # وطالب القيادي الانفصالي بالإفراج عن زملائه (with the article, إفعال too)
    return stem in OBJECT_NOUNS or (tok.norm.endswith("ات") and len(tok.norm) >= 7) or bool(MASDAR_SHAPE_RE.match(stem))


def _definite_first_name(w):
    """الوليد، الحسن before بن: a first name with the article. Not a nisba (ولي العهد
    السعودي بن سلمان) nor a title's adjective."""
    return _definite(w) and not w.norm.endswith("ي") and w.norm not in TITLE_ADJECTIVES and not _is_title_word(w.norm[2:])


def _ends_with_compound_name(words):
    """عبد الله، عبد الرحمن: a compound first name, whose definite second word is no surname."""
    return len(words) >= 2 and words[-1].norm in COMPOUND_TAILS and _is_name_particle(words, len(words) - 1)


def _is_name_word(w):
    return w.is_word and not _definite(w) and not _is_title_word(w.norm)


def _opens_a_name(words, k):
    """Does words[k] open a name: a plain word, or a given name with the article before the
    rest of the name (العميد التجاني إبراهيم; not الحسين of مستشفى الحسين alone)?"""
    return _is_name_word(words[k]) or (
        # (the rest may hold a title word: الباجي قائد السبسي)
        words[k].norm in DEFINITE_GIVEN_NAMES and k + 1 < len(words) and words[k + 1].is_word
        and not _definite(words[k + 1])
    )


# Posts named with a preposition: an envoy or ambassador إلى a country, a member of
# parliament عن a party or constituency, and anyone من أصول (of some origin).
ENVOY_TITLES = words("envoy_titles")
MEMBER_TITLES = words("member_titles")
TO, FROM_WORD, ORIGINS = _norm("إلى"), _norm("من"), _norm("أصول")
# إلى جانب، إلى حد: إلى in a compound preposition, no envoy's country.
COMPOUND_PREPOSITION_NOUNS = _forms("جانب", "حد", "درجة", "حين", "أن", "ذلك", "هذا", "هنا", "الآن", "جوار")
REPRESENTED_BODIES = words("represented_bodies")
POST_PREPOSITIONS = _forms("إلى", "عن", "من")


PLACE_PHRASES = {}
for _phrase in sorted((tuple(p.split()) for p in words("multiword_places")), key=len, reverse=True):
    PLACE_PHRASES.setdefault(_phrase[0], []).append(_phrase)


def _place_phrase_at(tokens, k):
    """The number of words of a multiword club or place starting at tokens[k], or 0."""
    for phrase in PLACE_PHRASES.get(tokens[k].norm, ()) if k < len(tokens) else ():
        if tuple(t.norm for t in tokens[k : k + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _nisba_after_construct_place(words):
    """Is the last word a nisba right after an indefinite title's club or place (لاعب
    برشلونة الإسباني، نجم باريس سان جرمان الفرنسي)?"""
    for at in range(1, len(words) - 1):
        if _is_title_word(words[at - 1].norm) and not _definite(words[at - 1]):
            place = _place_phrase_at(words, at) or 1
            if at + place == len(words) - 1:
                return True
    return False


def _post_preposition(words, tok, nxt):
    """Does `tok` (after the phrase `words`) carry on a post: إلى after an envoy, عن after
    a member of parliament, من before أصول?"""
    if tok.norm not in POST_PREPOSITIONS or not words:
        return False  # (asked first: the name run below asks this again for every word)
    if nxt is not None and (not nxt.is_word or nxt.norm in COMPLEMENTIZERS or nxt.norm in NOT_A_NAME):
        return False
    if _name_run(words) >= 2:
        return False  # المندوب العام للمهرجان تييري فريمو إلى أن: the name is read, إلى is the verb's
    if tok.norm == TO:
        # (a country, not whom it was said to: نقل المبعوث إلى الصحفيين, nor إلى جانب)
        return any(w.norm in ENVOY_TITLES for w in words) and not (
            nxt is not None and (nxt.norm.endswith(("ين", "ون")) or nxt.norm in COMPOUND_PREPOSITION_NOUNS)
        )
    if tok.norm == ABOUT:
        # (a party, a list or a constituency: عن حزب المحافظين، عن ولاية فلوريدا; not a
        # subject he spoke about: وقال النائب عن الأزمة إن)
        represents = nxt is None or not _definite(nxt) or nxt.norm in ORGANISATION_HEADS or nxt.norm[2:] in (
            ORGANISATION_HEADS | PLACE_HEADS | REPRESENTED_BODIES
        )
        return represents and (words[-1].norm in MEMBER_TITLES or (len(words) >= 2 and words[-2].norm in MEMBER_TITLES))
    return (tok.norm == FROM_WORD and nxt is not None and nxt.norm == ORIGINS
            and any(_is_title_word(w.norm) for w in words))


def _is_title_continuation(words, k, next_tok):
    """لحكومة in الرئيس السابق لحكومة المنطقة: an ل-word between title words."""
    w = words[k]
    if w.norm in NAME_HEADS:
        return False  # الملك عبد الله: عبد opens the name, it does not continue the title
    if k and w.norm.startswith(("لا", "لل")) and _written(w.text)[1:2] in "أإل":
        # المدرب الفني لأرسنال آرسين فينغر: no name starts with لأ, لإ or لل.
        return True
    if w.norm == AT or (k and words[k - 1].norm == AT):
        return True  # السفيرة الأمريكية لدى الأمم المتحدة: the post
    if k and w.norm in ACTING:
        return True  # السكرتير الدائم بالنيابة: acting in the post
    if _post_preposition(words[:k], w, next_tok) or (k and _post_preposition(words[: k - 1], words[k - 1], w)):
        return True  # مبعوث الأمم المتحدة إلى اليمن، النائب عن حزب المحافظين
    if k >= 2 and words[k - 1].norm == ORIGINS and words[k - 2].norm == FROM_WORD:
        return True  # من أصول مصرية
    if k and _is_title_word(words[k - 1].norm) and _portfolio(w.norm):
        return True  # وزيرة خارجية كندا, وزير خارجيته: the portfolio
    if (
        k >= 2 and w.norm[:1] == "و" and w.norm.endswith(("ه", "ات", "يا")) and len(w.norm) > 4
        and _definite(words[k - 1]) and next_tok is not None and _definite(next_tok)
        and any(_is_title_word(x.norm) for x in words[:k])
    ):
        return True  # وزيرة الثقافة وتنمية المعرفة: a second portfolio (not وليد المعلم)
    heads = POST_HEADS
    if k and w.norm in heads and _is_title_word(words[k - 1].norm) and not _definite(w):
        return True  # ممثل مفوضية، محافظ منطقة: the office's organisation or place
    if (
        k >= 2 and next_tok is not None and words[k - 1].norm in heads and _is_title_word(words[k - 2].norm)
        and not _definite(words[k - 1])
    ):
        return True  # ممثل مفوضية شؤون اللاجئين: that organisation's own name
    if k >= 2 and words[k - 1].norm in PORTFOLIOS and _is_title_word(words[k - 2].norm):
        return True  # … and the country it serves
    if k == 0 or next_tok is None or not _definite(next_tok):
        return False
    prev = words[k - 1].norm
    if w.norm.startswith("ل") and len(w.norm) >= 4:
        # (شركة "تيسلا" لصناعة السيارات: after a quoted name, the company's business)
        return _is_title_word(prev) or _starts_with_al(prev) or words[k - 1].quote is not None or (
            # (مؤسس شركة تيسلا لصناعة السيارات الكهربائية: after the company's own name; not
            # whom it was said to, رئيس شركة أرامكو لوكالة رويترز)
            k >= 2 and words[k - 2].norm in ORGANISATION_HEADS and w.norm not in CHANNEL_PREFIXED
            and w.norm[1:] not in KNOWN_OUTLETS
        )
    # رئيس حزب القوات: an indefinite noun between a title and a definite word is idafa; a
    # definite title heads no idafa, so after العقيد the indefinite word opens the name
    # (العقيد تركي المالكي).
    return _is_title_word(prev) and not _definite(words[k - 1]) and prev not in RANK_QUALIFIERS


# A rank's qualifiers (العقيد ركن طيار): adjectives of the rank, so they head no idafa and
# the word after them opens the name (العقيد ركن تركي المالكي, not a Turkish staff officer).
RANK_QUALIFIERS = words("rank_qualifiers")


def _portfolio(norm):
    """خارجية, and خارجيته/خارجيتها: the portfolio of the country or leader just named."""
    if norm in PORTFOLIOS:
        return True
    for suffix in ("ها", "ه"):
        if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
            stem = norm[: -len(suffix)]
            # The feminine ة is written ت before a suffix: خارجيته → خارجية.
            if stem.endswith("ت") and stem[:-1] + "ه" in PORTFOLIOS or stem in PORTFOLIOS:
                return True  # (وزير دفاعه: his defence minister)
    return False


def _name_run(words):
    run = 0
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w.is_word and not _definite(w) and not _is_title_word(w.norm):
            nxt = words[k + 1] if k + 1 < len(words) else None
            if _is_title_continuation(words, k, nxt):
                break
            run += 1
        else:
            break
    return run


def _token_at(tokens, offset, from_index):
    for k in range(from_index, len(tokens)):
        if tokens[k].start <= offset < tokens[k].end:
            return k
    return from_index


def _how_said(tok):
    """بتغريدة، ببيان، برسالة: the channel a speaker said it through, after his name or post
    (وقال الشيخ القطري بتغريدة أخرى), no word of either."""
    return tok.norm[:1] == "ب" and tok.norm[1:] in CHANNEL_NOUNS


def _is_channel_word(tokens, j):
    """لـ"رويترز" or لرويترز: the outlet the speaker talked to, not part of the name."""
    tok = tokens[j]
    if tok.norm in ("ل", "لـ") or tok.text in ("لـ", "ل") or (tok.text.startswith("لـ") and len(tok.text) > 2):
        return True  # لـ"رويترز"، لـCNN
    return tok.norm in CHANNEL_PREFIXED or (
        tok.norm[:1] == "ل" and (tok.norm[1:] in KNOWN_OUTLETS or _outlet_opens_at(tokens, j))
    )


def _outlet_at(tokens, j, stop):
    """The number of words of a multi-word outlet's name starting at token j (سي إن إن),
    or 0."""
    for outlet in OUTLET_PHRASES.get(tokens[j].norm, ()):
        if j + len(outlet) <= stop and all(tokens[j + n].norm == w for n, w in enumerate(outlet)):
            return len(outlet)
    return 0


def _outlet_opens_at(tokens, j):
    """لبي بي سي: a ل glued to the first word of a multi-word outlet's name."""
    for outlet in OUTLET_PHRASES.get(tokens[j].norm[1:], ()):
        if all(j + n < len(tokens) and tokens[j + n].norm == w for n, w in enumerate(outlet[1:], 1)):
            return True
    return False


def _trim_speaker(words):
    # A subject never ends on a bare conjunction, a quote mark left open or بن / آل.
    while words and (words[-1].norm in ("و", "ف") or not words[-1].is_word and words[-1].quote is None
                     or words[-1].norm in NAME_LINKS and len(words) > 1):
        words.pop()
    return words


ASIDE_PRONOUNS = _forms("وهو", "وهي")
NAME_ASIDES = words("name_asides")


def _opens_aside(tok):
    """وهو، وهي، ومقرها، وعمره: the first word of an aside between commas after the one
    named, which is never their name."""
    return tok.norm in ASIDE_PRONOUNS or tok.norm in NAME_ASIDES
AUDIENCES = words("audiences")
OUTLET_HEADS = words("outlet_heads")
# "which … published" after a statement: بيان نشرته الوكالة، بيان أصدره المكتب
PUBLISHED_IT = words("published_it")
AUTHORED_IT = words("authored_it")
PUBLISHED_DOCUMENTS = words("published_documents")
NATIONALITIES = words("nationalities")
COUNTRIES_BY_NISBA = words("countries_by_nisba")  # the kingdom itself: حذرت السعودية مواطنيها


def _nationality(tok):
    """الفرنسي، البرازيلية: a nationality of the lexicon, in either gender."""
    norm = tok.norm
    return norm in NATIONALITIES or (norm.endswith("يه") and norm[:-1] in NATIONALITIES and norm not in COUNTRIES_BY_NISBA)


def _name_before_title(words):
    """الفرنسي أرسين فينغر مدرب فريق أرسنال، نعيم أسلم كبير محللي الأسواق: a name of two
    words or more, after nothing but definite nisbas or titles, then an indefinite title
    that describes that person. (start, end) of the name, or None."""
    lead = 0
    if len(words) > 2 and words[0].norm in PERSON_TITLES and not _definite(words[0]) and _definite(words[1]):
        # رجل الأعمال الروسي بافل دوروف مؤسس تليغرام: a title in construct with its
        # definite words before the name
        lead = 2
    while lead < len(words) and words[lead].is_word and _definite(words[lead]) and (
        _is_title_word(words[lead].norm) or _is_title_word(words[lead].norm[2:]) or _nationality(words[lead])
    ):
        lead += 1
    end = lead
    while end < len(words) and (_post_name_word(words, end) or end > lead and _is_compound_tail(words, end)):
        end += 1
    if end - lead < 2 or end >= len(words):
        return None
    if any(
        w.norm.endswith(("هم", "ها", "هما")) or (w.norm[:1] == "ل" and _written(w.text)[1:2] in "أإ")  # (not لافروف)
        or _speech_verb(w) is not None or (w.norm.endswith("ه") and _verb_form(w.norm[:-1]) is not None)
        for w in words[lead:end]
    ):
        return None  # شأنهم شأن مدرب الفريق، دعته لإقالة وزير الخارجية: no name before the title
    title = words[end]
    if _definite(title) or title.norm not in PERSON_TITLES or title.norm in RELATION_TITLES:
        return None
    return lead, end


def split_title(text, words):
    """Split a subject into (name, description, kind).

    The name of a person is the run of words at the end that carry no article and no
    title word (الأمين العام للأمم المتحدة أنطونيو جوتيريش → أنطونيو جوتيريش); a
    subject headed by وزارة/وكالة … is an organisation and its whole phrase is its name,
    except a quoted outlet name, which is the name itself (وكالة "إنترفاكس" → إنترفاكس).
    """
    head = words[0].norm
    quoted = [w for w in words if w.quote is not None]
    if head in UNNAMED_HEADS and _unnamed_with_place(words):
        # مسؤول في وزارة الدفاع الأمريكية: an unnamed source and where it is, all of it
        return text[words[0].start : words[-1].end], "", PERSON
    if head in ORGANISATION_HEADS or _strip_clitic(head) in ORGANISATION_HEADS:
        if len(quoted) >= 2 and head in OUTLET_HEADS:
            q = quoted[0].quote
            return text[q.start : q.end], text[words[0].start : words[-1].end], ORGANISATION
        at = next((n for n, w in enumerate(words) if w.quote is not None or text[w.start - 1 : w.start] == "#"), None)
        if (
            at is not None and _described_organisation(words[:at])
            and (words[-1].quote is words[at].quote if words[at].quote is not None else at == len(words) - 1)
        ):
            # شركة النفط السعودية العملاقة "أرامكو"، موقع التواصل الاجتماعي #إنستغرام: the
            # head and the name are what a reader calls it (شركة أرامكو); the words between
            # describe it
            named = text[words[at].quote.start : words[at].quote.end] if words[at].quote is not None else words[at].text
            # (the head with the article, الشركة الأم "كيتي هوك", is no part of the name)
            return named if _definite(words[0]) else f"{words[0].text} {named}", text[words[0].start : words[-1].end], ORGANISATION
        return text[words[0].start : words[-1].end], "", ORGANISATION
    if head in KNOWN_OUTLETS:
        return text[words[0].start : words[-1].end], "", ORGANISATION
    named_first = _name_before_title(words)
    if named_first is not None:
        a, b = named_first
        description = text[words[0].start : words[a - 1].end] + " " if a else ""
        return text[words[a].start : words[b - 1].end], description + text[words[b].start : words[-1].end], PERSON
    # The name starts at the first plain word after the last title word, punctuation or
    # title continuation; definite words after it belong to it (حيدر العبادي).
    k = len(words)
    outlet_until = 0
    for idx in range(len(words)):
        w = words[idx]
        nxt = words[idx + 1] if idx + 1 < len(words) else None
        if idx < outlet_until or k == len(words) and (outlet_until := idx + _outlet_at(words, idx, len(words))) > idx:
            continue  # مراسل شبكة سي إن إن: the outlet's name is his post's, not his
        # عبد الملك: no king; تركي آل الشيخ: a family name, no sheikh
        in_name = k < len(words) and (_is_name_particle(words, idx) or words[idx - 1].norm in (FAMILY, SON_OF_TRIBE) or (
            idx == k + 1 and words[k].norm in DEFINITE_GIVEN_NAMES  # الباجي قائد السبسي: قائد is his name
        ) or (
            # الناشط أحمد ضابط، المحامي عمر قاضي: a title word that ends the mention right after
            # a name is the surname (a post follows its name with more words: وزير الخارجية)
            idx == len(words) - 1 and idx > k and not _definite(w) and w.norm in SURNAME_TITLES
        ))
        if k < len(words) and _hyphenated_name_part(words, idx, len(words)):
            continue  # جاي-إن: the hyphen inside a name keeps it going
        if (
            k == len(words) and _definite(w) and _opens_a_name(words, idx)
            # (after a title with the article or a nisba: مدرب منتخب الخضر، مدير مستشفى
            # الحسين close a body's name, the word is no given name there)
            and (idx == 0 or not words[idx - 1].is_word or _definite(words[idx - 1]))
        ):
            k = idx  # العميد التجاني إبراهيم: a given name with the article, then the rest of the name
            continue
        if not w.is_word or (_is_title_word(w.norm) and not in_name) or _is_title_continuation(words, idx, nxt):
            k = len(words)
            continue
        if k == len(words) and not _definite(w):
            k = idx
        elif k == len(words) and _definite(w) and _is_name_particle(words, idx):
            k = idx
        elif k == len(words) and nxt is not None and nxt.norm in NAME_LINKS and nxt.norm != FAMILY and _definite_first_name(w):
            k = idx  # الأمير الوليد بن طلال
    name_words = words[k:]
    title_words = words[:k]
    son_at = next((n for n, w in enumerate(name_words) if w.norm in SON_OF_WORDS), None)
    if title_words and son_at is not None and son_at >= 2:
        # أمير قطر تميم بن حمد: one given name before بن (two for عبد الله), the rest of the
        # run is the post's country or office.
        first = son_at - 2 if name_words[son_at - 2].norm in NAME_HEADS else son_at - 1
        # (only the one word in construct with an indefinite title: علياء أحمد بن سيف is a
        # name with her father's, not a post)
        if first == 1 and not _definite(title_words[-1]) and _is_title_word(title_words[-1].norm):
            title_words, name_words = words[: k + first], name_words[first:]
    if (title_words and len(name_words) >= 3 and not _definite(title_words[-1])
            # (a title with its own pronoun, مديرته كريستين لاغارد, or a relation, محامي
            # كريستيانو رونالدو, is in construct with no place)
            and title_words[-1].norm in PERSON_TITLES and title_words[-1].norm not in RELATION_TITLES
            and not any(w.norm in NAME_LINKS for w in name_words)
            # (مسؤول حكومي استقالة: a nisba, not a place; لاعبو ليفربول: many, not one name)
            and not (_written(name_words[0].text).endswith("ي") and not _place_phrase_at(name_words, 0))
            and not title_words[-1].norm.endswith("و")):
        # رئيس برشلونة جوسيب بارتوميو، مدرب مانشستر سيتي بيب غوارديولا، نجم باريس سان جرمان
        # الفرنسي نيمار: an indefinite title is in construct with its club or country (one
        # word, or a phrase of lexicon/multiword_places.txt), its adjectives follow, then
        # the name.
        place = _place_phrase_at(name_words, 0)
        if place:
            while place < len(name_words) and _definite(name_words[place]) and name_words[place].norm.endswith("ي"):
                place += 1
        else:
            # An unknown club or place: the name is the last two words (مؤسس تطبيق واتساب
            # جان كوم), three after a surname particle (رئيس فيورنتينا أندريا ديلا فالي).
            place = len(name_words) - (3 if name_words[-2].norm in SURNAME_PARTICLE_WORDS else 2)
        if 0 < place < len(name_words):
            title_words, name_words = words[: k + place], name_words[place:]
        elif place == len(name_words):
            return text[words[0].start : words[-1].end], "", PERSON  # مراسل بي بي سي: a post, no name
    if title_words and len(name_words) >= 4 and name_words[0].norm[:1] == "ل" and len(name_words[0].norm) > 3:
        # المدير الفني لباريس سان جرمان أوناي إيميري: the post's club, then a name of
        # two words (the usual length: the narration resolves any longer one).
        title_words, name_words = words[: len(words) - 2], words[-2:]
    elif (
        title_words and len(name_words) == 3 and _owner_glued(text, name_words[0])
        and not any(_definite(w) for w in name_words[1:]) and name_words[0].norm[1:] not in ORGANISATION_HEADS
    ):
        # الرئيس التنفيذي لتويتر جاك دورسي: the company the post is of, then the name
        title_words, name_words = words[: len(words) - 2], words[-2:]
    if title_words and 1 <= len(name_words) <= 2 and any(_is_title_word(w.norm) or _is_title_word(w.norm[2:]) for w in title_words):
        owner = name_words[0]
        if owner.norm[:1] == "ل" and owner.norm[1:] in ORGANISATION_HEADS or (
            len(name_words) == 1 and _owner_named_alone(text, owner)
            or len(name_words) == 2 and (owner.text[1:], name_words[1].text) in _word_pairs_written(text)
        ):
            # الرئيس التنفيذي لفيس بوك، مدير عام لشركة آبل: the post and whose it is, no
            # name; nobody is called لفيس بوك
            return text[words[0].start : words[-1].end], "", PERSON
        if len(name_words) == 2 and _owner_named_alone(text, owner) and not _definite(name_words[1]):
            # الرئيس التنفيذي لتويتر دورسي: the company the post is of, then his surname
            title_words, name_words = words[: len(words) - 1], words[-1:]
    if title_words and (
        title_words[-1].norm in PLACE_HEADS or title_words[-1].norm in ORGANISATION_HEADS and not _definite(title_words[-1])
        # (a spokesman speaks for the body: المتحدث باسم حركة حماس is Hamas's, as before)
        and not any(w.norm == ON_BEHALF_OF for w in title_words)
    ) and len(name_words) <= 2 and any(
        _is_title_word(w.norm) for w in title_words
    ):
        # محافظ ولاية كسلا، رئيس شرطة تورونتو: the words after ولاية or شرطة name the place
        # or the body of the post; nobody is called كسلا or تورونتو.
        return text[words[0].start : words[-1].end], "", PERSON
    if len(words) == 2 and len(name_words) == 1 and not _definite(words[0]) and _is_title_word(words[0].norm):
        # سفير فرنسا، مدرب ليفربول: an indefinite title in construct with one word is the
        # post of that country or club; nobody is called فرنسا.
        return text[words[0].start : words[1].end], "", PERSON
    if len(words) == 2 and len(name_words) == 1 and not _definite(words[0]) and name_words[0].norm.endswith("ي"):
        # مسؤول أمريكي، مصدر أمني: an indefinite title and a nisba name nobody; the whole
        # phrase is who spoke, not a person called أمريكي.
        return text[words[0].start : words[1].end], "", PERSON
    if (
        len(name_words) in (2, 3) and len(words) == len(name_words) + 1 and not _definite(words[0])
        and "ال" + name_words[0].norm in NATIONALITIES
        and not _definite(name_words[1]) and name_words[1].is_word
        and (len(name_words) == 2 or name_words[2].norm == OF_RANK)
    ):
        # ضابط يمني ميداني، مسؤول أمريكي رفيع (المستوى)، ضابط سوري منشق: the nationality and
        # another adjective; nobody is called يمني ميداني
        return text[words[0].start : words[-1].end], "", PERSON
    if len(words) == 3 and not _definite(words[0]) and _is_title_word(words[0].norm) and name_words == words[1:] and words[1].norm == OF_THE_RANK:
        # ضابط برتبة عقيد: his rank, in a ب-phrase, and no name
        return text[words[0].start : words[-1].end], "", PERSON
    after_comma = bool(title_words) and title_words[-1].text in ("،", ",")
    # The comma of an apposition belongs to neither: الرئيس الأمريكي، دونالد ترامب.
    while title_words and not title_words[-1].is_word and title_words[-1].quote is None:
        title_words = title_words[:-1]
    if name_words and len(title_words) == 1 and title_words[0].norm in RELATION_TITLES:
        # محامي كريستيانو رونالدو، شقيق الرئيس: the lawyer or brother of that person speaks.
        return text[words[0].start : words[-1].end], "", PERSON
    if name_words and len(title_words) >= 2 and title_words[-1].norm == ON_BEHALF_OF and _is_title_word(title_words[-2].norm):
        # متحدث باسم ماي، المتحدث باسم ترامب: the name is whom the spokesman speaks for
        return text[words[0].start : words[-1].end], "", PERSON
    name_words = _without_family_name(name_words)
    if len(name_words) >= 3 and title_words and after_comma and PAST_IFTAAL_RE.match(name_words[0].norm):
        # وزير خارجية بريطانيا الجديد، ارتكب جيريمي هانت، ما وصفه …: a verb of the افتعل form
        # after the post's comma, then the name; the verb is no first name
        name_words = name_words[1:]
    if name_words and title_words:
        return (
            text[name_words[0].start : name_words[-1].end],
            text[title_words[0].start : title_words[-1].end],
            PERSON,
        )
    if name_words:
        return text[name_words[0].start : name_words[-1].end], "", UNKNOWN
    # Only a title or a definite noun: الانفصاليون، الرئيس الأميركي.
    kind = PERSON if any(_is_title_word(w.norm) for w in words) else UNKNOWN
    return text[words[0].start : words[-1].end], "", kind


FAMILY = _norm("آل")
ON_BEHALF_OF = _norm("باسم")


def _owner_glued(text, word):
    """Is `word` ل glued to a name the article also writes alone (لتويتر, and تويتر
    elsewhere)? A given name in ل (ليونيل، لويس) leaves no such word behind."""
    written = word.text
    if not (written[:1] == "ل" and len(written) > 3 and written[1] != "ل"):
        return False
    return written[1:] in _words_written(text)


def _owner_named_alone(text, word):
    """_owner_glued, for a word long enough to be told from a first name in ل: لتويتر
    (تويتر written alone) is an owner, لولا، لبنى، لويس، ليون، لطيف are names whose
    rest (ولا، بنى …) any article may hold."""
    return len(word.text) >= 5 and _owner_glued(text, word)


@lru_cache(maxsize=8)
def _word_pairs_written(text):
    """Every two words written one after the other, as written, read once per text: a
    phrase (فيس بوك) is looked up, not searched for in the whole text per mention."""
    written = re.findall(r"\w+", text)
    return frozenset(zip(written, written[1:]))


@lru_cache(maxsize=8)
def _words_written(text):
    """The words of a text as written, read once per text (a long article asks again and
    again)."""
    return frozenset(re.findall(r"\w+", text))


def _without_family_name(name_words):
    """محمد بن راشد آل مكتوم → محمد بن راشد: after a name with بن, آل and the family name
    are left out of the name (they stay in the mention), as outlets most often write it, so
    both forms are one speaker; a name without بن keeps its family (بدر آل زيدان)."""
    norms = [w.norm for w in name_words]
    if FAMILY in norms[2:] and any(n in NAME_LINKS and n != FAMILY for n in norms[: norms.index(FAMILY, 2)]):
        return name_words[: norms.index(FAMILY, 2)]
    return name_words


# Indefinite kin and agent nouns in construct with a name: the speaker is the relative.
RELATION_TITLES = words("relation_titles")


NAME_CLOSING_COMMAS = frozenset("،,")


def _is_compound_tail(words, k):
    """الدين after بهي, الله after عبد: the second word of a compound first name."""
    return words[k].norm in COMPOUND_TAILS and _is_name_particle(words, k)


def _compound_first_name(words, tok):
    """زين الدين زيدان: a compound first name (زين الدين) and the surname after it."""
    return len(words) >= 2 and _is_compound_tail(words, len(words) - 1) and not _definite(tok) and _is_name_word(tok)


def _is_name_particle(words, k):
    """الله، الدين، الرحمن after عبد/نور/… belong to the name (عبد الله، نور الدين)."""
    if k == 0:
        return False
    prev = words[k - 1].norm
    if prev in ORGANISATION_HEADS or (prev[:1] == "ل" and prev[1:] in ORGANISATION_HEADS):
        return False  # لحزب الله حسن نصر الله: the party's name, no first name
    if prev in NAME_PARTICLE_HEADS:
        return True
    # (الله follows many a first word, عطاء الله، محب الله، الحمد الله; الدين only a known
    # one: رجال الدين، علماء الدين are clerics and what follows is what they did)
    tail = words[k].norm
    return tail in COMPOUND_TAILS and (tail != RELIGION or prev in RELIGION_NAME_HEADS)


# After these any word continues the name (عبد الرحمن، أبو مازن، بن سلمان، نور الهدى).
NAME_PARTICLE_HEADS = _forms(
    "عبد", "نور", "سيف", "صلاح", "عز", "علاء", "شمس", "بدر", "زين", "جمال", "محي", "أبو", "بن", "ابن",
)
RELIGION_NAME_HEADS = words("compound_name_heads")
RELIGION = _norm("الدين")


def guess_kind(sp, gender):
    """Organisation or person, from the head word, the verb's gender and the name."""
    if sp.kind != UNKNOWN:
        return sp.kind
    n_words = len(sp.name.split())
    if gender == FEMININE and n_words == 1:
        # قالت أرمينيا، دعت موسكو: a country or city speaking through its government.
        return ORGANISATION
    if gender == PLURAL:
        return ORGANISATION
    if _starts_with_al(_norm(sp.name.split()[0])):
        return ORGANISATION
    return PERSON


# ---------------------------------------------------------------------------------------
# Statements.


def _verb_gender(norm):
    if norm in PLURAL_VERBS:
        return PLURAL
    if norm in SPEECH_VERBS_F:
        return FEMININE
    return MASCULINE


EXPRESSED = verb_forms("verb", verb_class="express")
# وعبر رئيس الوزراء المكلف عمر الرزاز عن …؛ عبر رئيس الوزراء القطري السابق، حمد بن جاسم
# بن جبر، الإثنين، عن خشيته: a subject with its commas
EXPRESSED_WINDOW = 14


def _speech_verb(tok, following=None):
    """The verb lemma-ish form if the token is a speech verb (with و/ف allowed).

    عبر is a speech verb only as عبر عن (expressed), عن within a few words (وعبر الرزاز عن
    أمله); elsewhere it means "via", so it counts only when the caller passes the tokens
    that follow and عن is among them.
    """
    if not tok.is_word:
        return None
    cand = _verb_form(tok.norm)
    if cand is not None and cand in EXPRESSED and not _expressed_about(following):
        return None
    return cand


def _speech_verb_at(tokens, i, stop):
    """_speech_verb for token i of a sentence ending at `stop`: the window عبر needs is
    sliced only for عبر."""
    tok = tokens[i]
    if i and _unsaid(tokens, i):
        return None
    if PASSIVE_PAST_RE.match(tok.text) is not None:
        return None  # وأُعلنت أول إمارة، ذُكر أن: no one is said to have announced it
    if i and tokens[i - 1].is_word and PASSIVE_PAST_RE.match(tokens[i - 1].text) is not None:
        return None  # أُدين طالب لجوء: the passive verb's subject, a noun (an asylum seeker)
    if tok.is_word and _verb_form(tok.norm) in EXPRESSED:
        return _speech_verb(tok, tokens[i + 1 : min(stop, i + 1 + EXPRESSED_WINDOW)])
    return _speech_verb(tok)


NEGATIONS = _forms("لم", "ولم", "لن", "ولن")
BEFORE = _forms("قبل", "منذ")
# Before a present-tense verb these make it "to say", "may say" or "does not say".
SUBJUNCTIVE_MARKERS = _forms("أن", "وأن", "لا", "ولا", "قد", "كي", "لكي", "حتى")
PASSIVE_PRESENT_RE = re.compile("^[وف]?[يت]\u064f")  # يُزعم، تُذكر: the damma marks the passive
# أُعلن، ذُكر: a damma on the first letter of a past verb marks the passive (an active past
# verb opens with a fatha; a present one, whose prefix may carry a damma, opens with ي/ت).
PASSIVE_PAST_RE = re.compile("^(?:[وف][\u064e\u0650]?)?[^يت\\s\u064e-\u0652]\u064f")


def _unsaid(tokens, i):
    """ولم يكشف درايك عن …، ويتوقع أن تكشف هزات المريخ …، التي يُزعم أنها: a negated,
    subjunctive or passive speech verb attributes nothing to anyone. (قبل أن يطالب is
    background, left to the background rule: what follows it may still be the speaker's.)"""
    tok, before = tokens[i], tokens[i - 1].norm
    if before in NEGATIONS:
        return True
    if _strip_clitic(tok.norm)[:1] not in ("ي", "ت"):
        return False
    if PASSIVE_PRESENT_RE.match(tok.text) is not None:
        return True
    return before in SUBJUNCTIVE_MARKERS and not (i > 1 and tokens[i - 2].norm in TIME_TURNS | BEFORE)


BY_WAY = _norm("طريق")


def _expressed_about(following):
    return _about_at(following) is not None


def _about_at(following):
    """Where the عن of عبر عن stands among the tokens after عبر (a window of
    EXPRESSED_WINDOW), or None when عبر means "crossed" or "via"."""
    if not following:
        return None
    if following[0].is_word and (following[0].norm in ONLINE_PLACES or following[0].norm in CHANNEL_NOUNS):
        return None  # عبر حسابه على تويتر عن …: via his account
    for k, t in enumerate(following[:EXPRESSED_WINDOW]):
        if t.norm == ABOUT:
            if k + 1 < len(following) and following[k + 1].norm == BY_WAY:
                continue  # وعبر المهاجرون الحدود، أمس، عن طريق البحر: "by way of"
            return k
        if not t.is_word and t.text not in ("،", ","):
            return None
        if k and t.is_word and _verb_form(t.norm) is not None:
            return None  # وعبر الوزير الحدود، وتحدث عن الوضع: the عن of another verb
    return None


@lru_cache(maxsize=200_000)
@lru_cache(maxsize=200_000)
def _verb_form(norm):
    for cand in (norm, _strip_clitic(norm)):
        if cand in SPEECH_VERBS_M or cand in SPEECH_VERBS_F:
            return cand
    return None


def _with_conjunction(tok):
    """Does the speech verb carry a و/ف conjunction (وقال، فأكد)? Not when و is the verb's
    own first letter (وصف، وعد، وجه)."""
    return tok.norm[:1] in ("و", "ف") and _verb_form(tok.norm) != tok.norm


def _continuation(tok):
    return _continuation_gender(tok.norm)


@lru_cache(maxsize=200_000)
def _continuation_gender(norm):
    for cand in (norm, _strip_clitic(norm)):
        if cand in CONTINUATION_M:
            return MASCULINE
        if cand in CONTINUATION_F:
            return FEMININE
        if cand in CONTINUATION_P:
            return PLURAL
    return None


def _skip_channel(state, j, stop):
    """Adjuncts after the speaker: لـ"رويترز"، في بيان، في مقابلة مع قناة …، اليوم الأربعاء.

    Returns (index of the content opener or None, channel text, kind of opener).
    """
    tokens = state.tokens
    channel = ""
    limit = min(stop, j + CONTENT_WINDOW)
    k = j
    while k < limit:
        tok = tokens[k]
        if tok.norm in COMPLEMENTIZERS or _strip_clitic(tok.norm) in THAT_WITH_PRONOUN:
            if k > j and _strip_clitic(tokens[k - 1].norm) in TIME_TURNS | BEFORE:
                return None, channel, None  # تفيد التقارير … بعد أن بسطوا: a time, not what was said
            if k > j and tokens[k - 1].norm in WITHOUT:
                return None, channel, None  # وأعلن الجيش مقتل جنود، دون أن يكشف …: what it did not say
            return k, channel, "comp"
        if tok.text == ":":
            return k, channel, "colon"
        if tok.quote is not None and tok.start == tok.quote.open_at:
            q = tok.quote
            prev = tokens[k - 1] if k > 0 else None
            names_outlet = prev is not None and (
                prev.text in ("لـ", "ل") or prev.norm in CHANNEL_PREFIXED or prev.norm in WITH
                or prev.norm in ORGANISATION_HEADS or prev.norm in CHANNEL_NOUNS
                or prev.norm in ONLINE_VIA or prev.norm in ONLINE_PLACES  # كتب على "تويتر" "…"
            )
            if names_outlet and _quoted_name_words(state, q) <= 3:
                # لـ"رويترز"، في حوار مع "سكاي نيوز عربية": the outlet, not the content.
                channel = channel or state.text[prev.start : q.close_at]
                k = _token_at(tokens, q.close_at - 1, k) + 1
                continue
            if q.words < MIN_INTRODUCED_QUOTE_WORDS or _name_before_the_speech(tokens, q, k, limit):
                k = _token_at(tokens, q.close_at - 1, k) + 1
                continue
            return k, channel, "quote"
        aside = (
            _anonymity_aside(tokens, k, limit) or _asks_not_to_be_named(tokens, k, limit)
            or _relative_aside(tokens, k, limit)
        )
        if aside is not None:
            k = aside  # مسؤولون أمريكيون، طلبوا عدم ذكر أسمائهم، إن …
            continue
        if (
            _speech_verb(tok)
            and k > j
            and tokens[k - 1].norm not in WHAT
            and tokens[k - 1].norm not in WHOM
            and not _action_after_relative(tokens, k)
        ):
            # (right after the speaker, or on a word after it: الصين التي يتهمها البنتاغون …، إن)
            resumed = _inna_after_relative_clause(tokens, k, limit, after_comma=k - 1 != j)
            if resumed is not None:
                return resumed, channel, "comp"
            # Another speech verb before any content: this one has no content of its own.
            return None, channel, None
        if _continuation(tok):
            if k == j or (k == j + 1 and tokens[j].text in ("،", ",")):
                k += 1  # وتابع المتحدث قائلا: "…"
                continue
            return None, channel, None
        if not channel:
            channel = _channel_at(state, k, limit) or channel
        k += 1
    return None, channel, None


# A quotation this short, with words after it and then a colon or إن, names something.
MAX_QUOTED_NAME_WORDS = 4


def _name_before_the_speech(tokens, q, k, limit):
    """والد قائد منتخب البرازيل في مقابلة مع شبكة "إي إس بي إن" التلفزيونية: …، إلين مكنيلي
    من كلية "تي.اتش تشان" للصحة العامة …: "…": a short quotation (at k) that the speaker's
    phrase goes on after, up to the colon or إن that opens what was said, is a name."""
    if q.words > MAX_QUOTED_NAME_WORDS:
        return False
    after = _token_at(tokens, q.close_at - 1, k) + 1
    if after < limit and tokens[after].text == ":" and k > 0 and tokens[k - 1].is_word and not _speech_verb(tokens[k - 1]):
        # على هامش "ملتقى أدنوك": "…"، على متن طائرة "إير فورس وان": "…": a name in a
        # noun phrase, and the colon opens what was said
        return True
    if after >= limit or not tokens[after].is_word:
        return False
    if tokens[after].norm in COMPLEMENTIZERS:
        # بشركة "إل إل فيغن" أنه، موقع "سي إن بي سي" إن: a name in the speaker's phrase;
        # وأضاف "لن نسمح بذلك" إن: quoted right after the verb, the words are speech
        return k > 0 and not _speech_verb(tokens[k - 1])

    for m in range(after, min(limit, after + MAX_SPEAKER_TOKENS)):
        tok = tokens[m]
        if tok.text == ":" or tok.norm in COMPLEMENTIZERS:
            return True
        # (… "لقد اتفقنا على إطار" بهدف التوصل إلى اتفاق، مؤكدا أن: the quote was the speech)
        if tok.text in SENTENCE_END or tok.quote is not None or _speech_verb(tok) or _continuation(tok) is not None:
            return False
    return False


ANONYMITY_OPENERS = words("anonymity_openers")
ANONYMITY_PARTICIPLES = words("anonymity_participles")
IDENTITY_NOUNS = words("identity_nouns")
NOT_PAST = _norm("لم")


def _asks_not_to_be_named(tokens, k, limit):
    """طالبا عدم نشر اسمه، مفضلا عدم الكشف عن هويته: a source asking, as it speaks, not to
    be named, with or without commas around it. The index after the aside (after its comma,
    if one closes it), or None."""
    if not (k + 1 < limit and tokens[k].norm in ANONYMITY_PARTICIPLES and tokens[k + 1].norm in ANONYMITY_OPENERS):
        return None
    for m in range(k + 2, min(limit, k + 7)):
        if tokens[m].norm in IDENTITY_NOUNS:
            return m + 2 if m + 1 < limit and tokens[m + 1].text in ("،", ",") else m + 1
        if not tokens[m].is_word:
            return None
    return None


def _inna_after_relative_clause(tokens, k, limit, after_comma=False):
    """وقال الباحثون الذين وصفوا الرسوم في مجلة "نيتشر" إنها …: the speech verb at k is
    in a relative clause, and the إن (written with its kasra hamza) after it resumes the
    main verb. The index of that إن, or None. With `after_comma` (a relative clause on a
    word after the speaker: الصين التي يتهمها البنتاغون …، إن بلاده; or after the relative
    verb's own أن) only an إن right after a comma resumes: التي قالت إنها is the clause's."""
    if not _strip_clitic(tokens[k - 1].norm) in RELATIVES:
        return None
    start = k + 1
    if start < limit and tokens[start].norm in COMPLEMENTIZERS:
        # الذين قالوا إنهم سيستأنفون الحكم، إن موكلهم بريء: the relative verb's own إن, then
        # the main verb's after the comma that closes the clause
        start, after_comma = start + 1, True
    for m in range(start, limit):
        if _written(tokens[m].text) in RESUMING_INNA and (not after_comma or tokens[m - 1].text in ("،", ",")):
            return m
        if tokens[m].text in SENTENCE_END or (tokens[m].norm in COMPLEMENTIZERS and not after_comma):
            return None  # (أن is the relative verb's own)
    return None


def _relative_aside(tokens, k, limit):
    """، الذي تصفه تركيا بأنه يقود مجموعة إرهابية، إنه …: a relative clause set off by
    commas between the speaker and what they said, with إن resuming after it. The index of
    that إن, or None."""
    if not (tokens[k].text in ("،", ",") and k + 1 < limit and _strip_clitic(tokens[k + 1].norm) in RELATIVES):
        return None
    for m in range(k + 2, min(limit - 1, k + 25)):
        if tokens[m].text in ("،", ","):
            return m + 1 if _written(tokens[m + 1].text) in RESUMING_INNA else None
    return None


def _anonymity_aside(tokens, k, limit):
    """، طلبوا عدم ذكر أسمائهم، / ، رفض الكشف عن هويته،: a source asking not to be named,
    set off by commas between the speaker and what they said. The index after the closing
    comma, or None."""
    if not (k > 0 and tokens[k - 1].text in ("،", ",") and k + 1 < limit):
        return None
    if tokens[k].norm == NOT_PAST:
        # ، لم يذكر اسمه، / ، لم يكشف عن هويته،: the same asked of the outlet
        for m in range(k + 1, min(limit, k + 6)):
            if tokens[m].text in ("،", ","):
                named = any(t.norm in UNNAMED_RIDERS and t.norm != NOT_PAST for t in tokens[k + 1 : m])
                return m + 1 if named else None
            if not tokens[m].is_word:
                return None
        return None
    if not (tokens[k + 1].norm in ANONYMITY_OPENERS and _speech_verb(tokens[k])):
        return None
    for m in range(k + 2, min(limit, k + 8)):
        if tokens[m].text in ("،", ","):
            return m + 1
        if not tokens[m].is_word:
            return None
    return None


def _channel_at(state, k, limit):
    tokens = state.tokens
    tok = tokens[k]
    if tok.norm in ("في", "خلال", "عبر") and k + 1 < limit and tokens[k + 1].norm in CHANNEL_NOUNS:
        end = k + 2
        # في مقابلة مع قناة "…" / في بيان صادر عن …: take up to 4 more words of the phrase.
        while end < limit and end < k + 7:
            t = tokens[end]
            if not t.is_word and t.quote is None:
                break
            if t.norm in COMPLEMENTIZERS:
                break
            if t.quote is not None and t.start == t.quote.open_at:
                end = _token_at(tokens, t.quote.close_at - 1, end) + 1
                break
            end += 1
        return state.text[tok.start : tokens[end - 1].end]
    if (tok.text in ("لـ", "ل") or tok.norm in CHANNEL_PREFIXED) and k + 1 < limit:
        nxt = tokens[k + 1]
        if nxt.quote is not None:
            return state.text[tok.start : nxt.quote.close_at]
        return state.text[tok.start : nxt.end]
    if tok.is_word and tok.norm.startswith("ل") and tok.norm[1:] in KNOWN_OUTLETS:
        return tok.text
    return ""


# إن with its kasra hamza right after a comma, with no و: a clause said by the sentence's
# main verb resumes after an aside; the content of the aside's own verb ends there.
RESUMING_INNA = frozenset(("إن", "إنه", "إنها", "إنهم", "إنهما", "إننا"))


def _verbal_noun_in_construct(tokens, m, stop):
    """بضرورة متابعة النشرات: a feminine participle form (متابعة) in construct with the
    definite noun after it is the verbal noun "following", not "she went on"."""
    return (
        _written(tokens[m].text).endswith("ة") and m + 1 < stop and _definite(tokens[m + 1])
        and not _prepositional(tokens[m + 1])
    )


NOW = frozenset((_written("الآن"), _written("الان")))
AND_PREPOSITIONS = _forms("وفي", "ومن", "وعلى", "وعن", "ومع", "وحول", "وخلال")
CLAUSE_OPENERS = _forms("كان", "وكان", "فكان", "لكن", "ولكن", "إن", "أن", "وأن", "بينما", "فيما")


def _group_before(state, i, s_begin):
    """The group that opens the plural verb's clause, read from the clause's start (the
    sentence's, a comma's, or after كان/لكن/أن) up to the verb: وكان موظفون بفندق توبوس
    كونجرس قالوا. None when the phrase read there does not end at the verb."""
    tokens = state.tokens
    k = i - 1
    while k >= s_begin and i - k <= MAX_SPEAKER_TOKENS and tokens[k].is_word and tokens[k].norm not in CLAUSE_OPENERS:
        k -= 1
    start = k + 1
    if start >= i or (k >= s_begin and tokens[k].is_word and tokens[k].norm not in CLAUSE_OPENERS):
        return None
    end = i - 1 if tokens[i - 1].norm in _forms("قد", "لقد") else i
    first = tokens[start]
    if _strip_clitic(first.norm) in PRONOUNS_HE_SHE | ASIDE_PRONOUNS:
        return None  # وهم يقولون: the group is the one the pronoun stands for, said before
    # A group's noun: definite, a sound plural or a quantifier (الباحثون، موظفون، بعض). A
    # clause's own verb opens with none of these (وقد تفاجأ الباحثون بالنتائج ويتوقعون،
    # ويسيطر الحوثيون على …).
    bare = _strip_clitic(first.norm) if first.norm[:1] in "وف" and not _definite(first) else first.norm
    if not (_definite(first) or bare.endswith(("ون", "ين", "ات")) or bare in GROUP_QUANTIFIERS):
        return None
    sp, after = read_speaker(state, start, end)
    if sp is None:
        return None
    if after != end:
        # موظفون بفندق توبوس كونجرس قالوا: where the group is from goes on up to the verb
        rest = tokens[after:end]
        from_somewhere = any(_written(t.text)[:1] in "بل" or t.norm in PREPOSITIONS for t in tokens[start + 1 : end])
        if not (from_somewhere and len(rest) <= 4 and all(t.is_word and not _speech_verb(t) for t in rest)):
            return None
        mention = state.text[tokens[start].start : tokens[end - 1].end]
        sp = _Speaker(mention, tokens[start].start, tokens[end - 1].end, mention, "", sp.kind, "")
    sp.gender = PLURAL
    return sp


def _object_pronoun_gender(verb):
    """The gender of the pronoun on اتهمه، اتهمتها، اتهموهم (for a relative's antecedent)."""
    if verb.endswith(("هم", "هما")):
        return PLURAL
    return FEMININE if verb.endswith("ها") else MASCULINE


def _what_one_is_told(tokens, j, stop):
    """Does the ب-phrase of what was said open at j, right after اتهمه or طالبهم (بتهم،
    برفع نسبة، بالتقصير، بأن)? Not a subject that starts with ب: بعض النواب, or a name
    that a ب-phrase, أن or a comma follows (اتهمه بوتين بالتدخل، طالبهم بومبيو، أمس، بـ …)."""
    tok = tokens[j]
    bare = _written(tok.text)
    if not tok.is_word or bare[:1] != "ب" or tok.norm in GROUP_QUANTIFIERS or tok.norm in NOT_A_NAME:
        return False
    if _prepositional(tok) or _clitic_before_verbal_noun(bare, "ب"):
        return True  # بالتقصير، بأنه، بـ; بمحاولة، بتهم: a verbal noun's م or ت
    nxt = tokens[j + 1] if j + 1 < stop else None
    return nxt is not None and nxt.is_word and nxt.norm not in COMPLEMENTIZERS and _written(nxt.text)[:1] != "ب"


def _said_of_a_noun(state, m, stop):
    """شاب فلسطيني قالت إنه نفذ هجوما، مواقع قالت إنها تأوي …: the speech verb at m, with
    its own إن/أن at once, opens a clause on the indefinite noun before it (its subject is
    the sentence's, said before). Not a subject of its own: الولايات المتحدة ترى أن، الرئيس
    بوتين يقول إن (a definite word, a titled name or one the article gives in full), a
    feminine noun the verb agrees with (فرضية تقول إن), nor another verb than قال (تقارير
    تفيد بأن، معلومات تشير إلى أن: what the reports say is what they are)."""
    tokens = state.tokens
    if not (m + 1 < stop and tokens[m + 1].norm in COMPLEMENTIZERS):
        return False
    verb = _verb_form(tokens[m].norm)
    if verb not in SAYS:
        return False  # (تقارير تفيد بأن، معلومات تشير إلى أن: what the reports are)
    prev = tokens[m - 1]
    if not prev.is_word or _definite(prev) or _prepositional(prev) or prev.norm in NOT_A_NAME or prev.norm in WHAT:
        return False  # (ما قالت إنه هجوم: what she called an attack, part of the content)
    if _written(prev.text).endswith("ا"):
        return False  # أن شخصا … على 80 عاما قال إنه: an accusative, the clause's own subject and its verb
    for t in tokens[max(0, m - 4) : m - 1]:
        if t.norm in COMPLEMENTIZERS or t.norm in BUT:
            return False  # أن بيونغ يانغ قالت إنها، لكن إسرائيل تقول: a clause's subject and verb
    if _written(prev.text).endswith("ة") and _verb_gender(verb) == FEMININE:
        return False  # رواية تقول إن …: a feminine noun the verb agrees with is its subject
    if m >= 2 and _is_title_word(tokens[m - 2].norm):
        return False  # الرئيس بوتين يقول إن: a titled name
    _known_names(state)
    return prev.norm not in state.known_surnames


def _tells_someone(tok):
    """أبلغه، أخبرها: telling someone, with the hearer's pronoun. Inside what someone said
    it is more often their story (قال إن ولي العهد أبلغه بأنه …، وقالت خديجة إنه ترك هاتفه
    معها، وأخبرها بالاتصال …) than a new statement, so it does not end the content it is
    in. (واتهمتهما بالقتل، وطالبتها بالكف: accusing and asking are the speaker's next words.)"""
    return _strip_clitic(tok.norm) in TOLD


WHAT_WORD = _norm("ما")
# …، ما أدى إلى …: what followed from what was said, in the narrator's words.
CONSEQUENCE_VERBS = words("consequence_verbs")


def _clause_end(state, k, stop):
    """Where reported content starting at token k ends: the sentence end, or earlier at a
    continuation (، مضيفا), a new speech verb (، وقال), a trailing attribution, or a
    contrast that returns to the narrator (، في حين)."""
    tokens = state.tokens
    last = k
    m = k
    quoted_until = -1  # inside a quotation the content opened, nothing it says ends the content
    while m < stop:
        tok = tokens[m]
        if tok.quote is not None and tok.start == tok.quote.open_at and m > k:
            quoted_until = tok.quote.close_at
        elif tok.start < quoted_until:
            # (قالت إن المسؤولين "كاذبون .. فهم يقولون إنهم …"، "الخطوات ليست كافية ويدعون إلى …")
            last = m
            m += 1
            continue
        if tok.text in ("،", ",", "؛", ";") and m + 1 < stop:
            nxt = tokens[m + 1]
            if _continuation(nxt) or _speech_verb(nxt) and _with_conjunction(nxt) and not _tells_someone(nxt):
                break
            if nxt.norm in WHILE_WORDS and (
                nxt.norm != IN or (m + 2 < stop and tokens[m + 2].norm == WHILE)
            ):
                break
            if _attribution_at(state, tokens[m + 1].start):
                break
            if _written(nxt.text) in RESUMING_INNA:
                break  # الذي تصفه تركيا بأنه يقود مجموعة إرهابية، إنه سيعود: the main verb's content
            if nxt.norm in TIME_TURNS and m + 2 < stop and tokens[m + 2].norm in TIME_TURN_ENDS:
                break
            # A clause with its own speech verb is someone's new statement: …، وأن بلينكن قال.
            if any(_speech_verb(t) and not _tells_someone(t) for t in tokens[m + 1 : min(stop, m + 5)]):
                break
        if m > k and _continuation(tok) is not None and tokens[m - 1].norm != AND and not _verbal_noun_in_construct(tokens, m, stop):
            break  # … في سوريا لافتا إلى أن: the participle starts a new statement
        if (
            (m > k + 1 or m == k + 1 and _with_conjunction(tok))  # ورفضت الحكومة الاتهامات وقالت إن
            and _speech_verb(tok) and not _action_after_relative(tokens, m) and not _tells_someone(tok)
            # (… على ذوي شاب فلسطيني قالت إنه نفذ هجوما: a clause of its own on a noun of the
            # content, with its own إن, is a second statement)
            and (_with_conjunction(tok) or _said_of_a_noun(state, m, stop))
        ):
            break  # أكد نابولي إتمام الصفقة وذكر في بيان له: …: a second statement begins
        if m > k and tok.norm in PRONOUN_BUT and tok.norm not in AND_THAT_HE and m + 1 < stop and _speech_verb(tokens[m + 1]):
            # … دفعت لبينيت 380 ألف دولار ولكنها تنفي …: she says something else. وإنه
            # and فإنه go on with what was said (قالت … إن الاتحاد لا يمثل تهديدا وإنه يتوقع …).
            break
        if tok.text in ("،", ",") and m + 1 < stop and tokens[m + 1].norm in NARRATOR_ASIDES:
            close = _parenthetical_close(state, m + 1, stop)
            if close is None:
                break
            last, m = close - 1, close + 1  # إن القتيل، وهو نمساوي …، مات: the content goes on
            continue
        if tok.text in ("،", ",") and _without_that_at(tokens, m + 1, stop):
            break  # …، من دون أن يكشف خططه: what the speaker did not do, the narrator's
        if m > k + 2 and tok.text in ("،", ",") and m + 2 < stop and tokens[m + 1].norm == WHAT_WORD and tokens[m + 2].norm in CONSEQUENCE_VERBS:
            break  # …، ما يفسح المجال أمام …، ما أثار غضب …: the narrator's consequence of what was said
        if m > k + 1 and tok.norm == THAT_BEING and m + 1 < stop and tokens[m + 1].norm in CIRCUMSTANCES:
            # أعلنت الصين أنها مستعدة …، وذلك بعد أن حذر ترامب …: the narrator's when (وذلك
            # بالتعاون مع …، وذلك لإصابته …: the how and the why are still what was said)
            break
        if m > k and tok.norm == ON and m + 1 < stop and tokens[m + 1].norm == EXTENT:
            break  # … قريبا جدا على حد تعبيره: the narrator tags what was said
        if tok.is_word or tok.quote is not None:
            last = m
        m += 1
    return last


# Longest "، وهو …،" aside read as a parenthesis about a noun of the content.
MAX_ASIDE_TOKENS = 12
PRONOUNS_HE_SHE_AND = _forms("وهو", "وهي")
# ، وهو ما نفته …، وهو أمر …: the narrator's remark on what was said, no parenthesis
NARRATOR_REMARK_HEADS = _forms("ما", "أمر", "الأمر")


def _parenthetical_close(state, k, stop):
    """At k, وهو or وهي after a comma: the index of the comma that closes it when it is a
    parenthesis about a noun of the content (إن القتيل، وهو نمساوي في السادسة والعشرين،
    مات متأثرا بإصابته), the content going on after it with a word that is no new clause
    (no و, no participle or speech verb). None for the narrator's own remark (، وهو ما
    نفته الحكومة، وهو أمر …) or when no comma closes it soon."""
    tokens = state.tokens
    if tokens[k].norm not in PRONOUNS_HE_SHE_AND or k + 1 >= stop or tokens[k + 1].norm in NARRATOR_REMARK_HEADS:
        return None
    if k + 2 < stop and _definite(tokens[k + 1]) and _strip_clitic(tokens[k + 2].norm) in RELATIVES:
        return None  # ، وهي الدعوة التي كررها وزير خارجيته،: the narrator's, about what was said
    for n in range(k + 1, min(stop - 1, k + MAX_ASIDE_TOKENS)):
        if tokens[n].text in ("،", ","):
            after = tokens[n + 1]
            if (
                after.is_word and after.norm[:1] != "و" and _continuation(after) is None
                and not _speech_verb(after) and not _attribution_at(state, after.start)
            ):
                return n
            return None
        if not tokens[n].is_word and tokens[n].quote is None:
            return None
    return None



def _attribution_at(state, offset):
    m = ATTRIBUTION_RE.match(state.text, offset)
    return m is not None and m.start() == offset


def _span_from_tokens(state, a, b):
    """Text span from token a to token b inclusive, quotes closed if they open inside."""
    tokens = state.tokens
    start = tokens[a].start
    end = tokens[b].end
    if tokens[b].quote is not None and tokens[b].start == tokens[b].quote.open_at:
        end = tokens[b].quote.close_at
    return start, end


MAX_OUTLET_CHARS = 40  # (longer than any outlet's name: a statement is not looked up)


def _add(state, kind, start, end, verb, sp, channel, confidence):
    text = state.text
    # Trim whitespace and trailing commas so spans compare cleanly.
    while start < end and (text[start].isspace() or text[start] in "،,؛;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,؛;"):
        end -= 1
    if end <= start:
        return None
    if end - start <= MAX_OUTLET_CHARS and _norm(" ".join(TOKEN_RE.findall(text[start:end]))) in KNOWN_OUTLETS:
        return None  # ونقلت شبكة "سي إن إن": an outlet's name quoted is nobody's words
    # Spans never overlap, so in start order only two can touch this one: the last that
    # starts at or before it, and the first that starts after it.
    at = bisect.bisect_right(state.span_starts, start)
    if at and state.spans_by_start[at - 1].end > start:
        return None  # one statement per stretch of text
    if at < len(state.span_starts) and state.span_starts[at] < end:
        # A clause already attributed to someone else ends this one.
        end = state.span_starts[at]
        while end > start and (text[end - 1].isspace() or text[end - 1] in "،,؛;"):
            end -= 1
        if end - start < 8:
            return None
    span = StatementSpan(
        text=text[start:end],
        start=start,
        end=end,
        kind=kind,
        verb=verb,
        channel=channel.strip(),
        confidence=round(confidence, 2),
    )
    if sp is not None:
        span.speaker = sp.mention
        span.speaker_start = None if sp.inherited else sp.start
        span.speaker_end = None if sp.inherited else sp.end
        span.speaker_name = _plain_name(sp.name)
        span.description = _plain_name(sp.description)
        span.speaker_kind = sp.kind
        span.speaker_gender = sp.gender
        span.inherited = sp.inherited
        state.last_speaker[sp.gender or MASCULINE] = sp
        state.last_speaker_sentence[sp.gender or MASCULINE] = state.sentence_no
    # Quotes are disjoint and in text order: the ones inside the span are a run.
    for q in state.quotes[bisect.bisect_left(state.quote_starts, start) :]:
        if q.start >= end:
            break
        if q.end <= end:
            q.claimed = True
    state.spans.append(span)
    state.span_starts.insert(at, start)
    state.spans_by_start.insert(at, span)
    return span


HASHTAG_MARKS_RE = re.compile(r"#(?=\w)|_+")


def _plain_name(phrase):
    """#كريستين_لاغارد as a reader says it: كريستين لاغارد."""
    if "_" not in phrase and "#" not in phrase:
        return phrase
    return " ".join(HASHTAG_MARKS_RE.sub(" ", phrase).split())


def _inside_a_statement(state, offset):
    at = bisect.bisect_right(state.span_starts, offset)
    return bool(at) and state.spans_by_start[at - 1].end > offset


def _inherit(state, gender, sentence_subject):
    if sentence_subject is not None and (sentence_subject.gender == gender or not sentence_subject.gender):
        return sentence_subject
    if state.narrated is not None and state.narrated_in == state.sentence_no - 1:
        if isinstance(state.narrated, tuple):
            sp = _sentence_subject(state, *state.narrated)
            state.narrated = sp if sp is not None and sp.kind == PERSON else False
        sp = state.narrated
        if sp and sp.gender == gender:
            return _Speaker(sp.mention, sp.start, sp.end, sp.name, sp.description, sp.kind, sp.gender, True)
    sp = state.last_speaker.get(gender)
    if sp is None:
        return None
    if gender == PLURAL and state.last_speaker_sentence[gender] < state.sentence_no - 1:
        # وحذر المحللون …. وأعلن ترامب …. … ردود فعل من رفاقه في الحزب، وحذروا: a group is
        # named again where it speaks again; a plural two sentences on is another group
        return None
    return _Speaker(sp.mention, sp.start, sp.end, sp.name, sp.description, sp.kind, sp.gender, True)


# Words after a comma with which the narrator takes the sentence back: إنها "…"، رغم
# التحذيرات … / "…"، وذلك بعد …
NARRATOR_RESUMES = _forms("رغم", "بالرغم", "برغم", "وسط", "بعد", "عقب", "إثر", "وذلك", "فيما", "بينما", "في", "مع")


# … هو السلام الحقيقي" وذلك بعد …: the narrator's own words, right after a closing quote.
NARRATOR_RESUMES_AT_ONCE = _forms("وذلك", "بينما", "فيما", "رغم", "بالرغم", "برغم", "وسط")


# … "أمريكا أولا ليست أمريكا وحدها" في مسعى لطمأنة …، "…" في إشارة إلى …: why the narrator
# says it was said, right after a closing quote.
NARRATOR_PURPOSES = _forms("مسعى", "محاولة", "إشارة", "تلميح")


def _narrator_resumes(tokens, k, stop):
    if k < stop and tokens[k].norm in NARRATOR_RESUMES_AT_ONCE:
        return True
    if k + 1 < stop and tokens[k].norm == IN and tokens[k + 1].norm in NARRATOR_PURPOSES:
        return True
    if k + 1 >= stop or tokens[k].text not in ("،", ","):
        return False
    nxt = tokens[k + 1].norm
    if nxt == _norm("في"):
        return k + 2 < stop and tokens[k + 2].norm == _norm("حين")  # في حين
    return nxt in NARRATOR_RESUMES


def _content(state, opener, kind_of_opener, stop, object_verb):
    """(kind, start, end) of the content that an opener at token `opener` introduces."""
    tokens = state.tokens
    tok = tokens[opener]
    if kind_of_opener == "quote":
        q = tok.quote
        close = _token_at(tokens, q.close_at - 1, opener)
        prev = tokens[opener - 1] if opener > 0 else None
        introduced_by_prep = prev is not None and (
            prev.norm in OBJECT_MARKERS or prev.norm.startswith("ب") and len(prev.norm) <= 2
            or prev.text in ("بـ",) or prev.norm.endswith("ه") and prev.norm.startswith("وصف")
        )
        kind = PARTIAL if introduced_by_prep or object_verb else DIRECT
        if q.words < MIN_INTRODUCED_QUOTE_WORDS:
            return None
        return kind, q.start, q.end, close
    first = opener + 1
    if first >= stop:
        return None
    nxt = tokens[first]
    if nxt.quote is not None and nxt.start == nxt.quote.open_at and nxt.quote.words >= MIN_INTRODUCED_QUOTE_WORDS:
        q = nxt.quote
        close = _token_at(tokens, q.close_at - 1, first)
        # أن "…" followed by at most a few narrator words is a direct quotation.
        tail = _clause_end(state, close + 1, stop) if close + 1 < stop else close
        tail_words = sum(1 for t in tokens[close + 1 : tail + 1] if t.is_word)
        if tail_words <= 2 or _narrator_resumes(tokens, close + 1, stop):
            return DIRECT, q.start, q.end, close
    if kind_of_opener == "colon":
        end_tok = _clause_end(state, first, stop)
        start, end = _span_from_tokens(state, first, end_tok)
        return DIRECT, start, end, end_tok
    end_tok = _clause_end(state, first, stop)
    if end_tok < first:
        return None
    start, end = _span_from_tokens(state, first, end_tok)
    return REPORTED, start, end, end_tok


# How it was said (فأجاب بحدة: "…"): after the verb, or after its subject, where it ends the
# subject (هاجم نائب الوزير الكوري الشمالي بشدة مستشار الأمن القومي: the object follows).
MANNER_ADVERBS = words("manner_adverbs")
LEADING_ADJUNCTS = _forms(
    "فيه", "فيها", "أيضا", "أيضاً", "كذلك", "بدوره", "بدورها", "عنه", "عنها", "عنهم", "اليوم",
    "أمس", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "مساء", "صباح", "مجددا", "مجدداً", "بعدها", "بعده", "قبلها", "قبله", "عندها", "وقتها",
    "حينها", "لاحقا", "لاحقاً", "خلاله", "خلالها", "خلالهم", "خلالهما",
    # when (وكان قد أعلن مؤخرا): no one's name (الآن is NOW_WRITTEN: آلان is a name)
    "مؤخرا", "مؤخراً", "حاليا", "حالياً", "سابقا", "سابقاً",
    # the saying itself (وأضاف بقوله:، واستطرد بالقول:، وتابعت تقول:): the speaker is the one before
    "بقوله", "بقولها", "بقولهم", "بالقول", "يقول", "تقول", "يقولون",
    # to whom, as a pronoun (وقالت لي، وقال له أحدهم)
    "لي", "له", "لها", "لهم", "لنا",
) | MANNER_ADVERBS
# A preposition carrying a pronoun right after the verb points back to something already
# named (بحسب ما أفادت به الوزارة، دعا إليها الرئيس، وكتب تحتها): never the speaker, and
# for an object verb the object is that thing, not a new statement.
PRONOUN_OBJECT_MARKERS = _forms(
    "به", "بها", "بهم", "إليه", "إليها", "إليهم", "عليه", "عليها", "عليهم", "تحته", "تحتها", "منه",
    "منها", "منهم",
)
# An adverb of how often: أعلن أكثر من مرة عن …، أكد مرارا أن.
REPEATED = _forms("مرارا", "مراراً", "مرارًا")
# Prepositions before a verb form show it is a verbal noun: بين رفض التطبيع …
MASDAR_CONTEXT = _forms(
    "بين", "من", "على", "في", "عن", "إلى", "مع", "بعد", "قبل", "عقب", "حول", "بشأن", "ضد",
    "دون", "رغم", "عدم", "تم", "يتم", "سبب",
)
RELATIVES = _forms("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان")


SIDES = _forms("جهته", "جهتها", "جهتهم", "جانبه", "جانبها", "جانبهم")
SKIPPED_AFTER_VERB = LEADING_ADJUNCTS | PRONOUN_OBJECT_MARKERS | REPEATED
# … that are names too after a subject: الشيخ صباح الأحمد، يانغي لي، جي يونغ لي (an outlet
# with اليوم, روسيا اليوم, is in lexicon/outlets.txt)
ADJUNCTS_AS_NAMES = _forms("صباح", "لي")
# ولكنها تقول الآن إن: "now" as written; normalized it is the name آلان (وقال آلان بدرو).
NOW_WRITTEN = frozenset(("الآن", "الان"))
MORE = _norm("أكثر")


def _how_often_end(tokens, j, stop):
    """The index after مرارا / أكثر من مرة at j (j when there is none)."""
    if j < stop and tokens[j].norm in REPEATED:
        return j + 1
    if j + 2 < stop and tokens[j].norm == _norm("أكثر") and tokens[j + 1].norm == _norm("من") and tokens[j + 2].norm == _norm("مرة"):
        return j + 3
    return j


def _skip_adjuncts(tokens, j, stop):
    while j < stop:
        tok = tokens[j]
        if tok.norm in SKIPPED_AFTER_VERB or tok.text in ("،", ",") or _written(tok.text) in NOW_WRITTEN:
            j += 1
            if tok.norm in VOICE_WORDS and j < stop and tokens[j].is_word and not _definite(tokens[j]):
                j += 1  # رد بصوت متهدج: "…": a voice takes its adjective with it
        elif tok.norm == FROM_WORD and j + 1 < stop and tokens[j + 1].norm in SIDES:
            j += 2  # تفيد من جهتها أيرينيه زيفونو: "for her part", then the speaker
        elif tok.norm == MORE:
            k = _how_often_end(tokens, j, stop)
            if k == j:
                break
            j = k
        else:
            break
    return j


VOICE_WORDS = _forms("بصوت", "بنبرة", "بلهجة")


def _opens_content(tokens, j, stop):
    """Does token j start the content or a channel, so that the verb has no written subject?"""
    if j >= stop:
        return True
    tok = tokens[j]
    return (
        tok.norm in COMPLEMENTIZERS
        or tok.text == ":"
        or (tok.quote is not None and tok.quote.words >= MIN_INTRODUCED_QUOTE_WORDS)
        or _is_channel_word(tokens, j)
        # (وقال علي حسن: the name علي normalizes like the preposition على)
        or (tok.norm in PREPOSITIONS and not _document_subject(tokens, j, stop) and not _named_ali(tokens, j, stop))
        or _continuation(tok) is not None
    )


# وأضاف بيان الخارجية أن …، وذكر بيان من رئاسة الجمهورية أن …: a statement right after
# the verb, with no في before it, is who speaks (after في it is the channel: قال في بيان).
DOCUMENT_SUBJECTS = words("document_subjects")
JOINT = _norm("مشترك")
SAME = _forms("نفس", "ذات")
# A reply in construct with whoever made it: وجاء رد ترامب في تغريدة قال فيها …
REPLY_NOUNS = words("reply_nouns")
FROM_WORDS = _forms("من", "عن")


def _document_subject(tokens, j, stop):
    if not (tokens[j].norm in DOCUMENT_SUBJECTS and j + 1 < stop and tokens[j + 1].is_word):
        return False
    nxt = tokens[j + 1]
    if _definite(nxt) or nxt.norm[:1] in "لم" or nxt.norm in PUBLISHED_IT:
        return True
    # وقال بيان رسمي نشرته وكالة البحرين للأنباء إن …: a statement an outlet published;
    # قال بيان رسمي، الأحد، إن …: the statement itself, its speech after a time
    if j + 2 >= stop or not (nxt.norm.endswith("ي") or nxt.norm == JOINT):
        return False
    after = tokens[j + 2]
    return after.norm in PUBLISHED_IT or after.norm in COMPLEMENTIZERS or after.text in ("،", ",")


def _explicit_subject_follows(state, j, stop):
    """After a verb joined with و mid-sentence, is what follows a new subject?"""
    tokens = state.tokens
    if j >= stop or not tokens[j].is_word:
        return False
    norm = tokens[j].norm
    if norm in PERSON_TITLES or norm in ORGANISATION_HEADS or norm in KNOWN_OUTLETS:
        return True
    if len(norm) >= 5 and norm.endswith("ون") and _is_name_word(tokens[j]):
        # ووصفه مؤيدون لإسرائيل، ويقول محللون: a sound plural in ون is nominative, the
        # verb's own subject (its object would end in ين).
        return norm not in NOT_A_NAME and not _prepositional(tokens[j])
    if j >= 1 and _strip_clitic(tokens[j - 1].norm) in DESCRIBING_VERBS and tokens[j - 1].norm.endswith(("ه", "ها", "هم")):
        return not _prepositional(tokens[j]) and norm not in COMPLEMENTIZERS  # ووصفه X: the object is the pronoun
    return any(
        _norm(sp.name.split()[-1]) == norm for sp in state.last_speaker.values() if sp.name
    )


def _is_background(tokens, i, s_begin):
    """بعد أن أدان …، الذي أعلنت عنه …: a verb in a subordinate clause of the narrator."""
    if i - 1 >= s_begin:
        prev = tokens[i - 1].norm
        if prev in MASDAR_CONTEXT:
            return True
        if prev in _forms("بعدما", "لما"):
            # (عندما قال إن …، حينما قال: "…": what he said then is reported all the same)
            return True
        if prev in _forms("أن") and i - 2 >= s_begin and tokens[i - 2].norm in _forms("بعد", "منذ"):
            return True  # (قبل أن يضيف "…": what he went on to say, reported)
    return False


WHEN = _forms("عندما", "حينما", "حين")


def _after_when(tokens, i, s_begin):
    """Is the verb at i the first word of a time clause (عندما قال، حين أعلن), not of في حين?"""
    return i - 1 >= s_begin and tokens[i - 1].norm in WHEN and not (
        i - 2 >= s_begin and tokens[i - 2].norm in _forms("في", "وفي")
    )


def _named_subject(state, sp):
    """Is a speaker read after a verb one the words name as such: titled, definite, quoted,
    an organisation's or a post's head, or a name the article gives again? A time clause's
    verb (عندما، حين) has its subject in the sentence as often as after it, and then the
    words after it are its object."""
    words = sp.mention.split()
    if sp.description or not words or words[0][:1] in '"«“' or _written_definite(words[0]):
        return True
    first = _norm(words[0])
    if first in PERSON_TITLES or first in ORGANISATION_HEADS:
        return True
    return tuple(_norm(w) for w in sp.name.split()) in _known_names(state) or _written_twice(state, sp.name)


SHOWS = verb_forms("verb", verb_class="show")
ALLAH = _written("الله")


def _possessed(tok):
    """رغبته، استعدادها، قلقهم: a noun with a possessive pronoun (read on the written word,
    whose ة before a pronoun is ت)."""
    written = _written(tok.text)
    if written.endswith(ALLAH):
        return False  # عبدالله، نصرالله: a name's الله
    return tok.is_word and not _definite(tok) and any(
        written.endswith(suffix) and len(written) - len(suffix) >= 3 for suffix in ("هما", "هم", "ها", "ه")
    )


SHOWN_IN_CONSTRUCT = words("shown_in_construct")


def _shown_in_construct(tokens, k, stop):
    """خيبة أمله، بالغ قلقه، عدم رضاه: a noun of the list in construct with one that has the
    speaker's pronoun, what أبدى reports."""
    return k + 1 < stop and tokens[k].norm in SHOWN_IN_CONSTRUCT and _possessed(tokens[k + 1])


def _verbal_noun_with_pronoun(tok):
    """اعتزاله، انسحابها، استعدادهم: a verbal noun of the derived forms (ا…ا‍ـ, a long ا
    before its last letter) with a possessive pronoun; no name is built so. Read on the
    written word: the normalized ه is also a feminine ة (الوكالة)."""
    written = _written(tok.text)
    for suffix in ("هما", "هم", "ها", "ه"):
        if written.endswith(suffix):
            stem = tok.norm[: -len(suffix)]
            if len(stem) >= 5 and stem.endswith("ت"):
                stem = stem[:-1]  # إدانته: the ة of إدانة is written ت before the pronoun
            return len(stem) >= 4 and stem[0] == "ا" and stem[-2] == "ا"
    return False


def _the_subjects_own(tok, gender, nxt=None):
    """وأبدت أسفها، وجدد دعمه، وأعلنوا رفضهم: a noun with the possessive pronoun of the
    verb's own subject (ها after a feminine verb, ه after a masculine one, هم after a
    plural) is what they showed or said, and the subject is the verb's pronoun. Read on the
    written word (ه, not the ة a normalized name may end in: أسامة)."""
    if _definite(tok) or not tok.is_word or "الله" in tok.norm or tok.norm[:1] in ("ب", "ل"):
        return False  # (نصرالله: a name; اتهمته باغتصابها: the ب-phrase is the accusation)
    written = _written(tok.text)
    suffixes = {FEMININE: ("ها",), MASCULINE: ("ه",), PLURAL: ("هم", "هما")}.get(gender, ())
    suffix = next((s for s in suffixes if written.endswith(s)), None)
    if suffix is None or len(written) - len(suffix) < 3 or gender == MASCULINE and written.endswith(("ها", "هم")):
        return False
    stem = tok.norm[: -len(suffix)]
    if (
        gender == MASCULINE and nxt is not None and nxt.is_word and _is_name_word(nxt)
        and not _definite(nxt) and not _prepositional(nxt) and nxt.norm[:1] not in ("ل", "ب")
    ):
        return False  # ووصف إينجه أردوغان: a name in ه (Turkish İnce), then the object's
    # (مدربه، محاميه، حارسها: their coach, lawyer, guard, a person who speaks)
    return not (
        _is_title_word(stem) or _is_title_word(stem + "ه") or stem in RELATION_TITLES or stem + "ي" in PERSON_TITLES
        or stem in COUNTERPARTS  # نظيره، خصمه، زميله: a person, the verb's subject
    )


COUNTERPARTS = words("counterparts")


TANWEEN_FATH = ("\u064b", "\u064bا", "ا\u064b")
DENIALS = verb_forms("verb", verb_class="deny")
DEMONSTRATIVES = _forms("هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان")
REFUSAL = _norm("رفض")  # in every form of the verb: رفضت، يرفض، رفضوا
DECLINED_ACTS = words("declined_acts")
# What a denial denies in one word: ونفى ماكيب الاتهامات (not ونفت … مزاعم الرئيس الإيراني)
DENIED = words("denied")


# لكنه أشاد بأداء لاعبيه: the pronoun is the subject of the verb after it.
PRONOUN_BUT = _forms("لكنه", "ولكنه", "لكنها", "ولكنها", "لكنهم", "ولكنهم", "إلا أنه", "فإنه", "وإنه")
AND_THAT_HE = _forms("فإنه", "وإنه")


RELATIVE_GENDER = {_norm("الذي"): MASCULINE, _norm("التي"): FEMININE, _norm("الذين"): PLURAL, _norm("اللاتي"): PLURAL}
# Words that introduce a person's name: سيدة أمريكية تدعى كاثرين مايورغا.
NAMED = _forms("تدعى", "يدعى", "المدعو", "المدعوة")


def _antecedent(state, rel, s_begin):
    """رواية الحرس الثوري التي قالت إن …، سيدة تدعى كاثرين مايورغا، والتي ادعت أنه …: a
    speech verb in a relative clause, with no subject of its own, has the noun phrase
    before the relative pronoun as its speaker. The phrase starts after a preposition,
    a naming word or punctuation; failing that, at the first definite word or title of
    the run that reaches the pronoun."""
    tokens = state.tokens
    end = rel
    if end - 1 >= s_begin and tokens[end - 1].text in ("،", ","):
        end -= 1
    fallback = None
    for k in range(end - 1, max(s_begin, end - MAX_SPEAKER_TOKENS) - 1, -1):
        t = tokens[k]
        if not t.is_word or t.norm in PREPOSITIONS or t.norm in COMPLEMENTIZERS or t.norm in NAMED or _speech_verb(t):
            break
        sp, after = read_speaker(state, k, end)
        if sp is None or after != end:
            continue
        prev = tokens[k - 1] if k > s_begin else None
        if prev is not None and prev.norm in NAMED:
            return sp  # سيدة تدعى كاثرين مايورغا، والتي
        # Only someone who can speak: a title, an organisation, a person's name; not
        # الإنفاق الذي يقول إنه … (what is spoken about) nor a bare place.
        can_speak = sp.kind in (PERSON, ORGANISATION) or (len(sp.name.split()) >= 2 and not _definite(t))
        if not can_speak:
            continue
        if prev is None or not prev.is_word or prev.norm in PREPOSITIONS or _speech_verb(prev):
            return sp
        if _definite(t) or t.norm in PERSON_TITLES or t.norm in ORGANISATION_HEADS:
            fallback = sp
    return fallback


def _action_after_relative(tokens, i):
    """القمة التي اختتمت مساء الاثنين: a weak verb in a relative clause is a plain action."""
    return i > 0 and _strip_clitic(tokens[i - 1].norm) in RELATIVES and _verb_form(tokens[i].norm) in WEAK_VERBS


OPINION_VERBS = verb_forms("verb", verb_class="opinion")


def _process_verb(state, i, s_begin, s_end, sentence_subject):
    """One speech verb at token i: find its speaker and content. Returns the _Speaker."""
    tokens = state.tokens
    tok = tokens[i]
    verb = _speech_verb_at(tokens, i, s_end)
    gender = _verb_gender(verb)
    if _is_background(tokens, i, s_begin):
        return None
    if i - 1 >= s_begin and tokens[i - 1].norm in WHOM and verb in DESCRIBING_VERBS:
        return None  # نقلت رويترز عمن وصفته بمسؤول رفيع: the description names the source
    if (
        i - 1 >= s_begin and _strip_clitic(tokens[i - 1].norm) in DEMONSTRATIVES and not _with_conjunction(tok)
        # (وبعد ذلك قال، ورغم ذلك أفادت: after a preposition it is a time or a concession)
        and (i - 2 < s_begin or not tokens[i - 2].is_word or tokens[i - 2].norm in COMPLEMENTIZERS)
    ):
        return None  # وهذا يؤكد ضعف تيلرسون: a fact confirms; nobody speaks (هذا، وقال: a filler)
    relative = i - 1 >= s_begin and _strip_clitic(tokens[i - 1].norm) in RELATIVES
    if relative and _action_after_relative(tokens, i):
        return None
    sp = None
    after = i + 1
    j = _skip_adjuncts(tokens, i + 1, s_end)
    joined = _with_conjunction(tok) and i > s_begin and tokens[i - 1].norm not in _forms("أن", "إن")
    he_did = i - 1 >= s_begin and tokens[i - 1].norm in PRONOUN_BUT
    in_which = None
    if i + 1 < s_end and tokens[i + 1].norm in IN_WHICH and (
        _opens_content(tokens, j, s_end) or verb in OBJECT_VERBS  # أكدوا فيه وجود …
    ):
        # بيانا قال فيه: the document's author, before any phrase right before the verb
        # (… محامي رونالدو بيانا قال فيه is no speaker 'محامي رونالدو بيانا').
        in_which = _in_which_author(state, i, s_begin)
    pre = _preverbal_subject(state, i, s_begin) if in_which is None else None
    if pre is None and in_which is None and verb in BARE_DESCRIBING_VERBS:
        pre = _describer_before(state, i, s_begin, s_end)
    if in_which is not None:
        sp = in_which
        after = j
    elif pre is not None:
        # Subject before the verb: وأن بلينكن قال …، وكانت تيريزا ماي قد أعلنت …
        sp = pre
    elif j < s_end and _own_talk(tokens[j]):
        # وتابعت حديثها قائلة، واختتمت تصريحاتها: her talk goes on, she is the one before
        sp = _inherit(state, gender, sentence_subject)
        after = j + 1
    elif gender == PLURAL and not (verb.endswith("ا") and not verb.endswith("وا")):
        # (a dual, أكدا or حذرا, is as often a noun's accusative: يظل الأسقف حذرا)
        # أبدوا مخاوفهم، حثوا الحكومات، واتهموا أردوغان: a verb with its plural ending has its
        # subject in it (the subject after a verb leaves it singular: قال المسؤولون), so
        # the noun after it is its object; the group was named before, in its clause
        # (وكان موظفون بفندق توبوس كونجرس قالوا) or earlier.
        sp = _group_before(state, i, s_begin)
        after = j
        if (
            sp is None and j < s_end and _definite(tokens[j]) and not _prepositional(tokens[j]) and verb not in OBJECT_VERBS
            and _written(tokens[j].text) not in NOW  # (يعتقدون الآن أن: when; آلان is a name, so written)
        ):
            # وقالوا الخبراء إن: the group after a verb that takes no object, as news is
            # sometimes written (حثوا الحكومات: the object)
            sp, after = read_speaker(state, j, s_end)
        elif sp is None and joined:
            # وحذر المحللون من …، ويرون أن: the sentence's group goes on
            sp = _inherit(state, gender, sentence_subject)
    elif (
        # وأعلن انسحابه من السباق: his withdrawal is what he announced, he is who spoke;
        # ولكنها تنفي القيام بأي إساءة: the pronoun is the subject, what follows the object.
        verb in OBJECT_VERBS and (he_did or j < s_end and (
            _verbal_noun_with_pronoun(tokens[j])
            or _the_subjects_own(tokens[j], gender, tokens[j + 1] if j + 1 < s_end else None)
        ))
        and (inherited := _inherit(state, gender, sentence_subject)) is not None
    ):
        sp = inherited
        after = j
    elif joined and not _explicit_subject_follows(state, j, s_end) and (
        sentence_subject is not None or state.last_speaker.get(gender) is not None
    ):
        # …، وحث أذربيجان على …: the verb continues the sentence's subject.
        sp = _inherit(state, gender, sentence_subject)
    elif _opens_content(tokens, j, s_end) and not (
        j < s_end and tokens[j].quote is not None and tokens[j].quote.words < MIN_INTRODUCED_QUOTE_WORDS
    ) and not _quoted_subject(state, j, s_end):
        sp = None
        after = j
    elif (
        gender == MASCULINE and verb in OBJECT_VERBS and _feminine_noun_at(tokens, j, s_end)
        and (sentence_subject is not None or state.last_speaker.get(gender) is not None)
    ):
        # واتهم الإدارة الأمريكية باستغلال …: a masculine verb does not agree with the
        # feminine noun after it, so the noun is the object, and the subject is the last
        # speaker.
        sp = _inherit(state, gender, sentence_subject)
        after = j
    elif relative and verb in BARE_DESCRIBING_VERBS and RELATIVE_GENDER.get(_strip_clitic(tokens[i - 1].norm)) == gender:
        # والذي وصف تسمية التغيير بأنه "خيانة": the antecedent describes (below); the noun
        # after the verb is what it described. (الذي وصفه ترامب: a pronoun on the verb is
        # the object, and the subject follows.)
        sp = None
        after = j
    elif verb in TELLS_SOMEONE and j < s_end and _what_one_is_told(tokens, j, s_end):
        # قس أمريكي تتهمه بتهم إرهابية، الذي اتهمه بتنظيم …: the pronoun is whom, the
        # ب-phrase what; nobody is named between (the subject is said before).
        sp = None
        after = j
        if sentence_subject is None:
            # (وأشاع ترامب أجواء من التوتر …، إذ طالبهم بـ: the surname after the opening verb)
            sentence_subject = _sentence_subject(state, s_begin, i, surname_after_verb=True)
        if not relative and (
            sentence_subject is None or sentence_subject.gender == _object_pronoun_gender(verb)
        ):
            # (وأقامت كاثرين مايورغا دعوى … اتهمته فيها، ترامب … لمقال … يتهمه: with no
            # subject of its own sentence, or one the pronoun may stand for, nobody is
            # known; an earlier sentence's speaker is as likely the one accused)
            return None
    else:
        sp, after = read_speaker(state, i + 1, s_end)
        if sp is not None and after < s_end and tokens[after].text in ("،", ",") and _quoted_subject(state, i + 1, s_end):
            # أعلن "مجلس سوريا الديمقراطية"، الواجهة السياسية …، استعداده: what it is, then
            # what it announced
            k = after + 1
            while k < min(s_end, after + 15) and tokens[k].text not in ("،", ",") and tokens[k].norm not in COMPLEMENTIZERS:
                k += 1
            if k < min(s_end, after + 15) and tokens[k].text in ("،", ","):
                after = k + 1
        if sp is not None and verb in SHOWS and after - i >= 3 and _possessed(tokens[after - 1]):
            # وأبدى كلوب رغبته في …: what he showed is his, not part of his name
            sp, after = read_speaker(state, i + 1, after - 1)
        if sp is not None and verb in SHOWS and after - i >= 3 and _shown_in_construct(tokens, after - 1, s_end):
            # ... nor the noun before it (وأبدى هاينكس خيبة أمله، وأبدى الوزير بالغ قلقه)
            sp, after = read_speaker(state, i + 1, after - 1)
        if sp is not None and verb in OBJECT_VERBS and after - i <= 4:
            sp, after = _subject_then_object(state, sp, i + 1, after)
        if sp is not None and _addressee(state, sp):
            sp = None  # قال بوضوح لترودو أن: whom he said it to; the subject is before
    if sp is not None and relative and sp.mention and _clitic_with_pronoun(_norm(sp.mention.split()[0])):
        sp = None  # ماريا التي أكدت لجمهورها أن …: whom she told; she (the antecedent) spoke
    if (
        sp is None and relative and RELATIVE_GENDER.get(_strip_clitic(tokens[i - 1].norm)) == gender
        and not (i + 1 < s_end and tokens[i + 1].norm in PRONOUN_OBJECT_MARKERS)  # الذي طالب به: its object
        # (سوروس الذي اتهمه بتنظيم …: the antecedent is whom, its pronoun on the verb; the
        # pronoun of another gender is someone else: الأحاديث التي اتهمته بأنه …)
        and not (verb in TELLS_SOMEONE and _object_pronoun_gender(verb) == RELATIVE_GENDER.get(_strip_clitic(tokens[i - 1].norm)))
    ):
        # التي قالت: the relative clause's subject is its antecedent; الجماعة التي قال
        # إنها: a verb that does not agree has a subject of its own, said before.
        sp = _antecedent(state, i - 1, s_begin)
    if sp is None:
        opinion = (
            _with_conjunction(tok) and verb in OPINION_VERBS and i + 1 < s_end and tokens[i + 1].norm in COMPLEMENTIZERS
        )  # وترى أن …: the last speaker's view, said at once
        written_quote = (
            _with_conjunction(tok) and verb in WROTE and _skip_channel(state, i + 1, s_end)[2] == "quote"
        )  # وكتب على "تويتر" "…": the last speaker's words, where he wrote them
        if verb in _forms("ذكر", "نقل", "نقلت") or (verb in WEAK_VERBS and not he_did and not opinion and not written_quote):
            return None  # ذُكر أن: passive background, no speaker; ولكنه أشاد: he did
        if verb in TELLS_SOMEONE and relative:
            return None  # الأحاديث … والتي اتهمته: an antecedent not found is no earlier speaker
        sp = _inherit(state, gender, sentence_subject)
        if sp is None:
            return None
    if not sp.inherited and _after_when(tokens, i, s_begin) and not _named_subject(state, sp):
        # عندما طلبت شحن زيت الحشيش، حين أعلن خطة جديدة: the clause's subject is the one
        # the sentence is about, and what follows its verb is the verb's object
        return None
    head = _norm(sp.mention.split()[0]) if sp.mention else ""
    if _strip_clitic(head) in FOOTAGE_NOUNS:
        return None  # أظهر مقطع فيديو …: seen, not said
    if not sp.inherited and len(head) > 4 and (head.startswith(("لل", "بال")) or _phrase_with_pronoun(sp.mention.split()[0])):
        return None  # أو نفي للتقارير، تطالب فيها بتمكينها: a ل/ب-phrase is never who spoke
    if not sp.gender:
        sp.gender = gender
        sp.kind = guess_kind(sp, gender)
    if not sp.inherited and sp.gender != PLURAL and (gender == PLURAL or _sound_plural(sp.mention)):
        # وكان خبراء عبروا عن …، وقال الباحثون: a group (a verb before its subject stays
        # singular), whom a later وأضافوا continues and a later وقال or مضيفا does not
        sp.gender = PLURAL
    if verb in EXPRESSED and after < s_end and tokens[after].norm != ABOUT:
        # وعبر القائم بالأعمال الأمريكي في تركيا، فيليب كونسيت، عن خيبة أمله: what he
        # expressed starts at عن, past the rest of the subject, a time or a place
        k = _about_at(tokens[after : min(s_end, after + EXPRESSED_WINDOW)])
        if k is not None:
            after += k
    # نقلت الوكالة على لسان قاسمي قوله: the quoted person speaks, the outlet is the channel.
    relay = _relayed_speaker(state, after, s_end, relay=tok.norm in RELAY_VERBS)
    channel_override = ""
    if relay is not None:
        channel_override = sp.mention
        sp, after = relay
    # Statement quoted just before the verb: «…»، قال فلان.
    before = _quote_before(state, i, s_begin)
    if before is not None:
        _add(state, DIRECT, before.start, before.end, tok.text, sp, "", 0.85)
        return sp
    if verb in BA_VERBS and after < s_end and tokens[after].norm[:1] != "ب":
        # أفاد المرصد … مساء الاثنين بوقوع …: a time between the speaker and what was reported
        k = _skip_time_adjunct(tokens, after, s_end)
        if k < s_end and tokens[k].norm[:1] == "ب" and len(tokens[k].norm) > 3:
            after = k
    opener, channel, opener_kind = _skip_channel(state, after, s_end)
    channel = channel_override or channel
    object_verb = (verb in OBJECT_VERBS and verb not in SHOWS) or (
        # أبدت السعودية، الثلاثاء، استعدادها: a will or a feeling shown, the speaker's own
        verb in SHOWS and after < s_end and (
            _possessed(tokens[_skip_time_adjunct(tokens, after, s_end)])
            or _shown_in_construct(tokens, _skip_time_adjunct(tokens, after, s_end), s_end)
        )
    ) or (verb in ABOUT_VERBS and after < s_end and tokens[after].norm == ABOUT) or (
        # (أقر only for a person named: أقر البرلمان القانون بأغلبية is an approval)
        verb in BA_VERBS and (verb not in APPROVES or (sp.kind == PERSON and not sp.inherited)) and after < s_end
        and tokens[after].norm[:1] == "ب" and len(tokens[after].norm) > 3
        and tokens[after].norm not in STATEMENT_NOUNS_IN_BA  # (على ما أفاد بيان صادر عن …: its source)
    )
    if verb in ABOUT_VERBS and not object_verb:
        return sp  # تحدث الوزير مع نظيره: he spoke, nothing said is given
    described = _described_as_quote(state, verb, after, s_end) if opener is None else None
    if described is not None:
        # ووصفه مؤيدون لإسرائيل بـ"الشيطان"، من سماهم بـ"الحاقدين": the quoted words are the
        # speaker's, however short.
        _add(state, PARTIAL, described.start, described.end, tok.text, sp, channel, 0.7)
        return sp
    if opener is None:
        weak_ok = (
            verb not in WEAK_VERBS or he_did or _opens_sentence(tokens, i, s_begin)
            or (pre is not None and _kana_opens(tokens, i, s_begin))  # وكان رونالدو قد رفض …
        )
        pronoun_object = tokens[i + 1].norm in PRONOUN_OBJECT_MARKERS if i + 1 < s_end else False
        if object_verb and after < s_end and not relative and weak_ok and not pronoun_object:
            _add_object(state, tok, verb, sp, after, s_end, channel)
        return sp
    long_object = (
        object_verb and opener_kind == "comp" and sum(1 for t in tokens[after:opener] if t.is_word) >= LONG_OBJECT_WORDS
        # (الباحثون الذين وصفوا الرسوم … إنها أقدم: the إن resumes the main verb)
        and not (relative and _inna_after_relative_clause(tokens, i, opener + 1) == opener)
        # (… مشروع قانون ينص على أن، … منظمة التجارة، مدعيا أنها: that أن has a verb of its own)
        and not any(_speech_verb(t) or _continuation(t) is not None for t in tokens[after:opener])
        # (كشف الإسباني جوسيب غوارديولا، مدرب نادي مانشستر سيتي، أنه …: a comma right before
        # the أن closes an apposition to the speaker, not an object)
        and tokens[opener - 1].text not in ("،", ",")
    )
    # (a description has its ب, in بأن or before: الباحثون الذين وصفوا الرسوم … إنها أقدم
    # is the main verb's إن after a relative clause)
    described_by = verb.startswith(_norm("وصف")) and any(
        _written(t.text)[:1] == "ب" for t in tokens[after : opener + 1]
    )
    if (described_by or long_object) and opener_kind == "comp" and _object_words_before(tokens, after, opener):
        # (توقع الصندوق استقرار عجز الموازنة عند نحو 1.6%، على أن تتحول …: a long object
        # before an أن is what was said, the أن a clause inside it.)
        # وصف الأسد اعتراض الغرب بأنه "هستيري": what is described belongs to the statement.
        _add_object(state, tok, verb, sp, after, s_end, channel)
        return sp
    if opener_kind == "quote" and object_verb and _object_words_before(tokens, after, opener):
        # أعلنت الوزارة تعليق "إجراءات …" في الإقليم: the quote is inside the object.
        _add_object(state, tok, verb, sp, after, s_end, channel)
        return sp
    content = _content(state, opener, opener_kind, s_end, object_verb or verb.startswith("وصف"))
    if content is None:
        return sp
    kind, start, end, _ = content
    confidence = {DIRECT: 0.9, PARTIAL: 0.8, REPORTED: 0.8}[kind]
    if sp.inherited:
        confidence -= 0.1
    if verb in WEAK_VERBS:
        confidence -= 0.1
    _add(state, kind, start, end, tok.text, sp, channel, confidence)
    return sp


def _describer_before(state, i, s_begin, s_end):
    """المنظمة وصفت الهجوم بأنه …، إلا أن الإعلام الرسمي وصف اتهام الحكومة بـ"…": a bare
    describing verb after a definite subject, before what it describes and its ب. The
    subject runs from the clause's start (the sentence, a comma, إن/أن or كان) up to the
    verb; the word after the verb is then what was described, not who described it."""
    tokens = state.tokens
    if not any(t.norm.startswith(_norm("بأن")) or _written(t.text) == "ب" for t in tokens[i + 2 : min(s_end, i + 10)]):
        return None
    k = i - 1
    while k >= s_begin and i - k <= 7 and tokens[k].is_word and not (
        tokens[k].norm in COMPLEMENTIZERS or _strip_clitic(tokens[k].norm) in KANA
    ):
        t = tokens[k]
        if t.norm in PREPOSITIONS or t.norm in RELATIVES or t.norm in NOT_A_NAME or _speech_verb(t) or (
            _prepositional(t) and _written(t.text)[:1] == "ب"  # (للأمم المتحدة: a title's post)
        ):
            return None
        k -= 1
    start = k + 1
    if start >= i or (k >= s_begin and tokens[k].is_word and i - k > 7):
        return None
    first = tokens[start]
    opened_by_clause_word = k >= s_begin and tokens[k].is_word  # إن/أن or كان before it
    bare = _strip_clitic(first.norm)
    if bare in TIME_WORDS or bare[2:] in TIME_WORDS or not (_written_definite(_strip_clitic(first.text)) or _definite(first) or opened_by_clause_word):
        return None  # (والأسبوع الماضي وصفت طالبان: a time, the subject follows)
    sp, after = read_speaker(state, start, i)
    if sp is None or after != i:
        return None
    return sp


BODIES_IN_OON = words("bodies_in_oon")


def _sound_plural(mention):
    """Does the mention open with a definite sound masculine plural (الباحثون، المحامون،
    المسؤولون)? Eight letters at least (a name in ون, ماكرون, has no article), and no body
    whose name only ends that way (التلفزيون، البنتاغون)."""
    first = _norm(mention.split()[0]) if mention else ""
    first = _strip_clitic(first) if first[:1] in "وف" else first
    return len(first) >= 8 and first.startswith("ال") and first.endswith("ون") and first not in BODIES_IN_OON


def _to_someone_of_theirs(tok):
    """لزميله، لنظيرها، لأنصارهم: ل, a noun and the speaker's pronoun, as written (a ة is
    not a ه there): whom something was said to, never part of a name."""
    bare = _written(tok.text)
    # (a noun with a pronoun has no article: للترفيه is ل and الترفيه, whose ه is its own)
    return bare[:1] == "ل" and bare[:2] != "لل" and len(bare) >= 5 and bare.endswith(("ه", "ها", "هم", "هما"))


def _phrase_with_pronoun(word):
    """بمعاقبته، بتجسسه، لمواصلتهم: ب/ل, a verbal noun (its م or ت) and a pronoun (as written,
    where a ه is a pronoun and a ة is not): a phrase, never who spoke. (بروان-بيفيه، بائعوه:
    a name, and the sellers, whose ب is their own.)"""
    bare = _written(word)
    return _clitic_before_verbal_noun(bare, "بل") and len(bare) >= 6 and bare.endswith("ه") or _clitic_with_pronoun(_norm(word))


def _clitic_before_verbal_noun(bare, clitics):
    """بمحاولة، بتهم، لمواصلة: one of `clitics` before the م or ت that opens a derived verbal
    noun (مفاعلة، تفعيل): a phrase, where a name's own ب seldom has either after it."""
    return bare[:1] in clitics and bare[1:2] in ("م", "ت")


def _clitic_with_pronoun(norm):
    """بتمكينها، لمواصلتهم: ب/ل, a noun of four letters or more and a pronoun. Where ب or ل
    is the noun's own letter the rest is shorter (بعضهم، بلادها، لجنتها): those speak."""
    if norm[:1] not in ("ب", "ل"):
        return False
    for suffix in ("هما", "هم", "ها"):
        if norm.endswith(suffix):
            return len(norm) - len(suffix) - 1 >= 4
    return False


# وصف and سمى, with the described person's pronoun (وصفه، سماها) or without it (the bare
# forms, whose object follows: وصف الرئيس الاتفاق بـ…).
DESCRIBING_VERBS = verb_forms(verb_class="describe")
BARE_DESCRIBING_VERBS = verb_forms("verb", takes_object=True, verb_class="describe")


WORDING_VERBS = words("wording_verbs")
THREAT_VERBS = _forms("توعد", "توعدت", "توعدوا", "هدد", "هددت", "هددوا")
# After the quoted wording, what the narrator adds (the when and the why) or what it is
# aimed at (توعدت موسكو "برد قاس" على الإجراءات الأمريكية).
AFTER_WORDING = CIRCUMSTANCES | _forms("على", "ضد", "في", "من", "إزاء", "تجاه", "لكن", "ولكن")


def _wording_ends(state, q, k, stop):
    """Does the quoted wording opened at token k end the object (the clause ends after it,
    or the narrator's when or why follows: دعا إلى "عصيان مدني" بعد أن فشل)? When the
    object goes on (بـ"مشاكل كبيرة" إذا استأنفت، بـ"الاعتداء" الإسرائيلي) the whole object
    is what was said."""
    tokens = state.tokens
    while k < stop and tokens[k].start < q.close_at:
        k += 1
    while k < stop and not tokens[k].is_word and tokens[k].start <= q.close_at:
        k += 1  # the closing mark
    if k >= stop:
        return True
    nxt = tokens[k]
    return not nxt.is_word or nxt.norm in AFTER_WORDING
# Words right before a short quote that make it the object's own wording: بأنه "…"، إلى "…"،
# إياها "…".
WORDING_LINKS = _forms("بأنه", "بأنها", "بأنهم", "بأنهما", "إلى", "من", "إياه", "إياها", "إياهم", "بعبارة")


def _described_as_quote(state, verb, after, stop):
    """The quote that a describing verb's object ends with (وصفه … بـ"الشيطان"، بأنه "…"),
    or a short quote right after the ب، إلى or من of a verb of wording (توعد بـ"تسونامي
    سياسي"، دعا إلى "عصيان مدني"، توعدت موسكو "برد قاس"), or None: a short quote
    elsewhere is a name or a scare quote, here the speaker's word."""
    describing = verb in DESCRIBING_VERBS
    if not describing and verb not in WORDING_VERBS:
        return None
    tokens = state.tokens
    for k in range(after, min(stop - 1, after + 7)):
        tok = tokens[k]
        opens = tok.quote is not None and tok.start == tok.quote.open_at
        if opens:
            q = tok.quote
            prev = tokens[k - 1]
            linked = _written(prev.text) == "ب" or prev.norm in WORDING_LINKS
            if describing and _written(prev.text) == "ب":
                return q  # وصفه ب"الشيطان"
            inner = [t for t in tokens[k + 1 : min(stop, k + 8)] if t.is_word and t.end <= q.close_at]
            # (توعدت موسكو "برد قاس": a threat's own ب, after the subject)
            own_ba = (verb in THREAT_VERBS or describing) and bool(inner) and _written(inner[0].text)[:1] == "ب"
            # Wording is words of one's own, two or more and without the article; a name in
            # quotation marks (داعش، "الحشد الشعبي"، "درع الفرات"، فيلم "بيت الأشباح") is not.
            wording = describing or (2 <= len(inner) < MIN_INTRODUCED_QUOTE_WORDS and not any(_definite(t) for t in inner))
            if (linked or own_ba) and wording and _wording_ends(state, q, k, stop):
                return q
            return None
        if not tok.is_word:
            return None
    return None


def _addressee(state, sp):
    """Is a one-word speaker ل + a name the article gives elsewhere (لترودو, and ترودو
    alone in the text): the one spoken to? A name that itself opens with ل (لافروف) is met
    without the ل nowhere."""
    word = sp.mention
    if " " in word or word[:1] != "ل" or word[:2] == "لل" or len(word) < 5:
        return False
    return re.search(rf"(?<![\w]){re.escape(word[1:])}(?![\w])", state.text) is not None


def _known_names(state):
    """The article's full names so far, as normalized word tuples: the titled names of the
    whole text (read once) and the speakers of the statements found before. Their last
    words and adjacent pairs are in state.known_surnames and state.known_pairs."""
    if state.known_names is None:
        if state.titled is None:
            state.titled = titled_names(state.text)
        state.known_names = set()
        _know_names(state, (tuple(_norm(w) for w in n.words) for n in state.titled))
    if state.known_folded < len(state.spans):
        # spans are only ever appended: fold in the ones found since the last call
        fresh = state.spans[state.known_folded :]
        state.known_folded = len(state.spans)
        _know_names(state, (tuple(_norm(w) for w in s.speaker_name.split()) for s in fresh if s.speaker_name))
        # A word alone that a speech verb had for its subject (قال نقلي) is someone's name
        # too: ونشر نقلي على صفحته …، قائلا is his (CN-middleEast-654), not the last speaker's.
        state.said_alone.update(
            word for s in fresh
            if s.speaker_name and " " not in s.speaker_name and not s.inherited and not _written_definite(s.speaker_name)
            # (a common noun or an outlet alone is no one's name: مسؤول، مصدر، رويترز)
            and (word := _norm(s.speaker_name)) not in UNNAMED_HEADS and word not in PERSON_TITLES
            and word not in ORGANISATION_HEADS and word not in KNOWN_OUTLETS and word not in NOT_A_NAME
        )
    return state.known_names


def _written_twice(state, word):
    """Does the article's text hold `word` at least twice? Asked once per word: counting
    over the whole text for every verb made a long article quadratic."""
    twice = state.written_twice.get(word)
    if twice is None:
        first = state.text.find(word)
        twice = state.written_twice[word] = first >= 0 and state.text.find(word, first + len(word)) >= 0
    return twice


def _know_names(state, names):
    for name in names:
        if name in state.known_names:
            continue
        state.known_names.add(name)
        if len(name) >= 2:
            state.known_surnames.add(name[-1])
            state.known_pairs.update(zip(name, name[1:]))


def _subject_then_object(state, sp, begin, after):
    """وحذر صالحي ترامب من …، حذر نتنياهو بوتين من أن: two bare surnames after a verb that
    takes an object are its subject and its object when the article names the first as
    someone's surname and the two are no one's name together (جاويش أوغلو is one).
    `begin`/`after`: the tokens the speaker phrase was read from."""
    tokens = state.tokens
    at = [k for k in range(begin, after) if sp.start <= tokens[k].start and tokens[k].end <= sp.end]
    words = [tokens[k] for k in at]
    if len(words) != 2 or sp.description or any(not w.is_word or _definite(w) for w in words):
        return sp, after
    if not _written_twice(state, words[0].text) or not _written_twice(state, words[1].text):
        return sp, after  # either named once: not two people the article names
    _known_names(state)
    first, second = words[0].norm, words[1].norm
    if first not in state.known_surnames or (first, second) in state.known_pairs:
        return sp, after
    return _Speaker(words[0].text, words[0].start, words[0].end, words[0].text, "", PERSON, ""), at[1]


def _feminine_noun_at(tokens, j, stop):
    """Is token j a definite noun in ة or ات, and no title (الإدارة، الإجراءات، الولايات)?
    After a verb in the masculine it cannot be the subject: a verb before its subject
    agrees with it (اتهمت الإدارة)."""
    if j >= stop or not tokens[j].is_word or not _definite(tokens[j]) or _prepositional(tokens[j]):
        return False
    norm = _strip_clitic(tokens[j].norm)
    bare = norm[2:] if norm.startswith("ال") else norm
    return norm.endswith(("ه", "ات")) and not _is_title_word(norm) and not _is_title_word(bare)


# Words with which a sentence turns to another party before its verb: من جانبها، عبرت روسيا …
SIDE_OPENERS = _forms("و", "من", "جانبه", "جانبها", "جانبهم", "جهته", "جهتها", "جهتهم", "بدوره", "بدورها",
                      "بدورهم", "في", "المقابل", "وفي", "ومن", "،")


def _past_openers(tokens, k, stop):
    """The index of the first word from k on (before stop) that is no و or turn."""
    while k < stop and tokens[k].norm in SIDE_OPENERS:
        k += 1
    return k


def _opens_sentence(tokens, i, s_begin):
    """Is the verb at i the sentence's first word, but for و or a turn (من جانبه،)?"""
    return i - s_begin <= 4 and _past_openers(tokens, s_begin, i) == i


def _kana_opens(tokens, i, s_begin):
    """Does the sentence open with كان before the verb at i (وكانت محكمة تركية طلبت)?"""
    k = _past_openers(tokens, s_begin, i)
    return k < i and (tokens[k].norm in KANA or _strip_clitic(tokens[k].norm) in KANA)


def _object_words_before(tokens, a, b):
    """Is there an object noun (not a preposition, date or channel) between a and b?"""
    for t in tokens[a:b]:
        if t.norm in TIME_WORDS:
            continue
        # Only the word right after the subject counts: a comma there opens an apposition.
        if t.is_word and t.norm not in PREPOSITIONS and not t.norm.startswith("ل"):
            return not t.norm.startswith("ب") or len(t.norm) > 3
        return False
    return False


ALSO = _forms("أيضا", "أيضاً", "كذلك")
# Words of an object before an أن that make the object, not the أن-clause, the content.
LONG_OBJECT_WORDS = 5


def _add_object(state, tok, verb, sp, after, s_end, channel):
    """أعلن فلان وقف …، دعت موسكو الجانبين إلى …: the object is the reported content."""
    tokens = state.tokens
    after = _skip_time_adjunct(tokens, _how_often_end(tokens, after, s_end), s_end)
    while after < s_end and (tokens[after].norm in ALSO or tokens[after].norm in MANNER_ADVERBS):
        after += 1  # توقع الصندوق أيضا استقرار العجز، انتقد الرئيس بشدة قرار المحكمة
    after = _asks_not_to_be_named(tokens, after, s_end) or after  # وأشار المسؤول طالبا عدم كشف هويته إلى …
    if after < s_end and tokens[after].text in ("،", ","):
        # An apposition after the speaker: انتقد فلان، أسطورة النادي، سلوك راموس.
        k = after + 1
        while k < min(s_end, after + 14) and tokens[k].text not in ("،", ","):
            k += 1
        # …، العمدة بدعم الإرهاب، والتحريض على الكراهية: a definite word joined with و
        # after the second comma coordinates with what came before, so that was the object.
        coordinated = k + 1 < s_end and tokens[k + 1].norm.startswith("وال")
        if k < s_end and tokens[k].text in ("،", ",") and not coordinated:
            after = _skip_time_adjunct(tokens, k + 1, s_end)
    while after < s_end and (after in state.attribution_tokens or tokens[after].text in ("،", ",") and after - 1 in state.attribution_tokens):
        after += 1  # ورفض المفاوضون الثلاثاء، وفق المصدر المعارض، مسودة …: the object follows the phrase
    if after >= s_end:
        return
    end_tok = _clause_end(state, after, s_end)
    words = [t for t in tokens[after : end_tok + 1] if t.is_word]
    if len(words) < 2 and not (verb in DENIALS and words and (words[0].norm in DEMONSTRATIVES or words[0].norm in DENIED)):
        # (لكن السعودية تنفي ذلك، ونفى ماكيب الاتهامات: a denial of what was just reported
        # is a statement)
        return
    if REFUSAL in verb and words[0].norm in DECLINED_ACTS:
        # ورفضت الشركة الكشف عن الموعد: what was withheld, nothing said; the one who
        # refused is still the one a verb without a subject goes on with
        if sp is not None:
            state.last_speaker[sp.gender or MASCULINE] = sp
            state.last_speaker_sentence[sp.gender or MASCULINE] = state.sentence_no
        return
    start, end = _span_from_tokens(state, after, end_tok)
    # A quote inside the object is the speaker's wording: حث على "…".
    q = _first_long_quote(state, after, end_tok)
    if q is not None and (verb in _forms("دعا", "دعت", "حث", "حثت", "طالب", "طالبت", "ندد", "نددت") or verb in TELLS_SOMEONE):
        _add(state, PARTIAL, q.start, q.end, tok.text, sp, channel, 0.8)
    else:
        _add(state, REPORTED, start, end, tok.text, sp, channel, 0.6)


# Compared with the token as written, so with و (ونقلت) as well.
RELAY_VERBS = verb_forms("verb", verb_class="relay")
RELAY_VERBS |= {AND + form for form in RELAY_VERBS}
# An unnamed source's usual rider between it and what it said: عن مصادر لم تسمها بأن …
UNNAMED_RIDERS = words("unnamed_riders")


HIS_SAYING = _forms("قوله", "قولها", "قولهم", "تأكيده", "تأكيدها", "تأكيدهم")


def _relayed_speaker(state, j, stop, relay=False):
    """نقل X عن Y قوله / على لسان Y: (Y as _Speaker, index after Y) or None.

    After a relay verb (نقلت الصحيفة عن مصادر أن …) a plain أن after Y is Y's speech; after
    any other verb (أعلن عن …) عن is the verb's own preposition."""
    tokens = state.tokens
    for k in range(j, min(stop, j + 6)):
        norm = tokens[k].norm
        if norm in COMPLEMENTIZERS or tokens[k].text == ":" or (
            tokens[k].quote is not None and tokens[k].start == tokens[k].quote.open_at
            and _quoted_name_words(state, tokens[k].quote) >= MIN_QUOTE_WORDS  # (not وكالة "ريا نوفوستي")
        ):
            return None  # وقال الوزير: "نقلا عن مصادر …": what was said has begun; no relay of his
        start = None
        if relay and norm in FROM_HIM and k + 1 < stop and tokens[k + 1].norm in HIS_SAYING and not (
            k and _is_name_word(tokens[k - 1])  # (المتحدثة باسم … جان كلود يونكر عنه قوله: the one just named)
        ):
            # ونقلت الوكالة عنه قوله إن …: the one the pronoun stands for, quoted before
            said = _inherit(state, FROM_HIM[norm], None)
            if said is None:
                return None
            return said, k + 2
        if norm == _norm("لسان") and k > 0 and tokens[k - 1].norm == _norm("على"):
            start = k + 1
        elif norm == _norm("عن"):
            start = k + 1
            if k > j and tokens[k - 1].norm in QUOTING_FROM:
                relay = True  # وأشارت الوكالة نقلا عن مصادر …: the sources speak
        elif (norm == _norm("عمن") and k + 2 < stop and _verb_form(tokens[k + 1].norm) in DESCRIBING_VERBS
              and tokens[k + 2].norm[:1] == "ب" and len(tokens[k + 2].norm) > 3):
            start = k + 2  # عمن وصفته بمسؤول رفيع: the one it described as a senior official
        if start is None:
            continue
        sp, after = read_speaker(state, start, stop)
        if sp is None:
            return None
        if start == k + 2:
            # The description runs to the أن of what was said (بمسؤول رفيع في التحالف …
            # أن): it is the whole of who spoke, without its ب.
            end_at = after
            while end_at < min(stop, after + 10) and tokens[end_at].is_word and tokens[end_at].norm not in COMPLEMENTIZERS:
                end_at += 1
            if end_at < stop and tokens[end_at].norm in COMPLEMENTIZERS:
                after = end_at
            begin = _past_first_letter(state.text, tokens[start].start)
            phrase = state.text[begin : tokens[after - 1].end]
            sp = _Speaker(phrase, begin, tokens[after - 1].end, phrase, "", UNKNOWN, "")
        # The relayed words follow as قوله / قولها, or directly as إن.
        m = after
        while m < stop and (tokens[m].norm in _forms("له", "لها") or tokens[m].text in ("،", ",")):
            m += 1
        if relay:
            while m < min(stop, after + 4) and tokens[m].norm in UNNAMED_RIDERS:
                m += 1
        says = m < stop and tokens[m].norm in HIS_SAYING
        if not says and relay:
            # عن مركز المصالحة في سوريا الذي تديره وزارة الدفاع الروسية قوله: where the source
            # is and who it is, in a relative clause, then قوله
            said_at = _saying_after_relative(tokens, after, stop)
            if said_at is not None:
                r, m = said_at
                if r > after:
                    sp = _speaker_through(state, sp, tokens[r - 1].end)
                says = True
        if not says and m > after and m < stop and _is_title_word(tokens[m].norm[2:] if _starts_with_al(tokens[m].norm) else tokens[m].norm):
            # عن عمانوئيل نحشون، المتحدث باسم الخارجية الإسرائيلية قوله: the title, then قوله
            for n in range(m + 1, min(stop, m + MAX_SPEAKER_TOKENS)):
                if not tokens[n].is_word or _speech_verb(tokens[n]) or tokens[n].norm in COMPLEMENTIZERS:
                    break
                if tokens[n].norm in HIS_SAYING:
                    m, says = n, True
                    break
        if relay and not says and m == after and m < stop and tokens[m].norm in SOURCE_QUALIFIER_LINKS:
            # نقلت … عن مسؤول في البيت الأبيض قوله، نقلا عن مصادر مطلعة على الخطط، أن: where
            # the source is, then what it said
            end_at = _speaker_goes_on(tokens, m, stop)
            if end_at:
                sp = _speaker_through(state, sp, tokens[end_at - 1].end)
                m = end_at
                while m < stop and tokens[m].text in ("،", ","):
                    m += 1
                says = m < stop and tokens[m].norm in HIS_SAYING
        if relay and not says and m == after and m < stop and tokens[m].quote is not None and (
            tokens[m].start == tokens[m].quote.open_at and _quoted_name_words(state, tokens[m].quote) >= MIN_QUOTE_WORDS
            # (عن مدير منظمة "سوريون من أجل الحقيقة والعدالة" بسام الأحمد قوله: a quoted
            # name, whose bearer's قوله follows)
            and not any(t.norm in HIS_SAYING for t in tokens[m : min(stop, m + 40)] if t.start >= tokens[m].quote.close_at)
        ):
            # ونقلت رويترز عن المتحدث "…": the relayed words, quoted right after their speaker
            sp.kind = guess_kind(sp, MASCULINE)
            return sp, m
        if says or (m < stop and tokens[m].norm in COMPLEMENTIZERS and (relay or norm != _norm("عن"))):
            gender = FEMININE if tokens[m].norm.endswith("ها") else MASCULINE
            sp.gender = gender
            sp.kind = guess_kind(sp, gender)
            return sp, m + 1 if tokens[m].norm in HIS_SAYING else m
        return None
    return None


def _speaker_through(state, sp, end):
    """`sp` with its mention and name running on to offset `end` (the source's place, the
    organisation's country): one phrase, whose name is the whole of it."""
    phrase = state.text[sp.start : end]
    return _Speaker(phrase, sp.start, end, phrase, sp.description, sp.kind, sp.gender)


QUOTING_FROM = _forms("نقلا", "نقلاً")
FROM_HIM = {_norm("عنه"): MASCULINE, _norm("عنها"): FEMININE, _norm("عنهم"): PLURAL}


def _saying_after_relative(tokens, k, stop):
    """(index of الذي/التي, index of قوله) when a relayed source's words from k run, within
    a few words, into a relative clause about it that ends in قوله; else None."""
    for r in range(k, min(stop, k + 6)):
        if not tokens[r].is_word or tokens[r].norm in COMPLEMENTIZERS or _speech_verb(tokens[r]):
            return None
        if tokens[r].norm in RELATIVES:
            for n in range(r + 1, min(stop, r + 9)):
                if not tokens[n].is_word or tokens[n].norm in COMPLEMENTIZERS or _speech_verb(tokens[n]):
                    return None
                if tokens[n].norm in HIS_SAYING:
                    return r, n
            return None
    return None


UNNAMED_HEADS = words("unnamed_heads")
# Spans of time after في (في ساعة متأخرة، في عام 2017) that TIME_WORDS does not hold; how
# a source spoke (في تصريح، في بيان، في مؤتمر) is CHANNEL_NOUNS'.
SPAN_WORDS = _forms("ساعة", "عام", "سنة", "شهر", "أسبوع", "ليلة")
# Words of a time, not a place, after في: في الشهر الماضي، في أواخر مارس.
PERIODS = _forms("الشهر", "الأسبوع", "العام", "السنة", "أواخر", "أوائل", "مطلع", "منتصف", "الماضي", "الماضية", "المقبل", "الجاري")
def _unnamed_with_place(words):
    """مسؤول في وزارة الدفاع، مصادر مطلعة على الخطط: an unnamed source, its indefinite
    adjectives and where it is, with no name set off after it (مسؤول في البيت الأبيض، جون
    كيلي) and no post of its own (مسؤول الإعلام في حزب الله محمد عفيف)."""
    if any(not w.is_word for w in words):
        return False
    for n, w in enumerate(words[1:], 1):
        if w.norm in SOURCE_QUALIFIER_LINKS:
            return n < len(words) - 1
        if _definite(w):
            return False
    return False


ALREADY = _norm("قد")

# Where a relayed source is (في البيت الأبيض، على الخطط، من الحكومة، لدى الوزارة).
SOURCE_QUALIFIER_LINKS = _forms("في", "على", "من", "لدى", "داخل")


def _speaker_goes_on(tokens, m, stop, channel_ends=False):
    """The index after a source's qualifier of at most five words from m, which ends at a
    comma, قوله or right before إن/أن (or, with `channel_ends`, whom it told: لرويترز);
    or 0. A day ends nothing (it is the narrator's), nor does a second speech verb."""
    if m + 1 < stop and (
        tokens[m + 1].norm in CHANNEL_NOUNS or _strip_clitic(tokens[m + 1].norm) in CHANNEL_NOUNS
        or tokens[m + 1].norm in TIME_WORDS or tokens[m + 1].norm in PERIODS or tokens[m + 1].norm in SPAN_WORDS
        or tokens[m + 1].text.isdigit()
    ):
        return 0  # في تصريح خاص، في بيان، في وقت سابق، في عام 2017: how or when, not where
    n = m
    while n < min(stop, m + 5) and tokens[n].is_word and tokens[n].norm not in COMPLEMENTIZERS and tokens[n].norm not in HIS_SAYING:
        if channel_ends and n > m and _is_channel_word(tokens, n):
            return n  # مسؤول في وزارة الدفاع لرويترز إن
        if n > m + 1 and tokens[n].norm == ALREADY:
            return n  # وكان مصدر في الشرطة العمانية قد نفى: the verb's قد ends the subject
        if n > m + 1 and tokens[n].norm in PREPOSITIONS and n + 1 < stop and tokens[n + 1].norm in COMPLEMENTIZERS:
            return n  # وخلص ضابط في برنامج مكافحة التطرف إلى أن: the verb's preposition
        if _speech_verb(tokens[n]) or _day_at(tokens, n, stop) or tokens[n].norm in PERIODS:
            return 0  # (مصدر مطلع في الشهر الماضي: when, not where)
        n += 1
    if n == m or n >= stop:
        return 0
    after = n + 1 if tokens[n].text in ("،", ",") else n
    return n if after < stop and (tokens[after].norm in COMPLEMENTIZERS or tokens[after].norm in HIS_SAYING) else 0


def _past_first_letter(text, at):
    """The offset after a word's first letter (the ب of بمسؤول) and the marks on it, so a
    vowel, a tatweel or a direction mark is not left at the head of the rest."""
    k = at
    while k < len(text) and not strip_decoration(text[k]):
        k += 1
    k += 1
    while k < len(text) and not strip_decoration(text[k]):
        k += 1
    return k


def _skip_time_adjunct(tokens, k, stop):
    """في وقت مبكر من اليوم الأربعاء / اليوم / أمس before an object: not its content."""
    j = k
    while j < stop and (tokens[j].norm in TIME_WORDS or tokens[j].norm in LATELY or tokens[j].text in ("،", ",")):
        j += 1
    if j + 1 < stop and j > k and tokens[j - 1].norm == _norm("من") and tokens[j].norm in _forms("قبل", "جديد"):
        j += 1  # رفض من قبل هذا الاتهام، أكد من جديد
    # Only skip when the run is really about time; في إقليم … is a place and stays.
    run = [t.norm for t in tokens[k:j] if t.is_word]
    if not run or (run[0] == "في" and (len(run) < 2 or run[1] not in _forms("وقت", "السابق", "الماضي"))):
        return k
    return j if j < stop else k


def _first_long_quote(state, a, b):
    tokens = state.tokens
    for k in range(a, b + 1):
        t = tokens[k]
        if t.quote is not None and t.start == t.quote.open_at and t.quote.words >= MIN_INTRODUCED_QUOTE_WORDS:
            return t.quote
    return None


def _quote_before(state, i, s_begin):
    """A long quote that ends right before the verb (“…”، قال), not yet attributed."""
    tokens = state.tokens
    k = i - 1
    while k >= s_begin and tokens[k].text in ("،", ",", "-", "–"):
        k -= 1
    if k < 0:
        return None
    t = tokens[k]
    if t.quote is not None and t.end == t.quote.close_at and not t.quote.claimed:
        if t.quote.words >= MIN_QUOTE_WORDS:
            return t.quote
    return None


PRESENT_TENSE_PREFIXES = ("ي", "ت")
SUBJECT_BRIDGES = _forms("من", "جانبه", "جانبها", "جهته", "جهتها", "بدوره", "بدورها", "قد", "فقد", "أيضا", "،")


def _preverbal_subject(state, i, s_begin):
    """A subject written before the verb.

    - أن بلينكن قال: a name of one to three words between إن/أن and the verb;
    - المسؤولين يقولون: a present-tense verb after its subject;
    - وكانت تيريزا ماي قد أعلنت / وكان الجيش أعلن: the subject of كان;
    - رئيسة المجلس … ميغاواتي سوكارنو، من جانبها، أعربت: a titled subject opening the
      sentence, then من جانبه/بدوره.
    """
    tokens = state.tokens
    for reader in (_kana_subject, _opening_subject, _previously_subject, _named_subject_after_that,
                   _titled_subject_after_turn, _topic_subject):
        sp = reader(state, i, s_begin)
        if sp is not None:
            return sp
    present = tokens[i].norm[:1] in PRESENT_TENSE_PREFIXES
    k = i - 1
    words = []
    while k >= s_begin and len(words) <= 3:
        t = tokens[k]
        if not t.is_word:
            return None
        if t.norm in COMPLEMENTIZERS or t.norm in BUT:
            break
        if t.norm in PREPOSITIONS or t.norm in RELATIVES:
            return None
        if t.norm in NOT_A_NAME and not (t.norm in QUANTIFIERS and words):
            return None  # (بعض التقديرات تقول: a part of a group speaks)
        if _definite(t) and not present:
            return None
        if _speech_verb(t):
            return None  # بعد أن تحدث نتنياهو وأشار: a verb is nobody's name
        words.insert(0, t)
        k -= 1
    else:
        return None
    if not words or len(words) > 3 or k < s_begin:
        return None
    start, end = words[0].start, words[-1].end
    name = state.text[start:end]
    kind = ORGANISATION if _definite(words[0]) and len(words) == 1 else PERSON
    return _Speaker(name, start, end, name, "", kind, "")


BUT = _forms("لكن", "ولكن")
TURNS = BUT | _forms("بينما", "فيما", "أما", "وأما")


def _titled_subject_after_turn(state, i, s_begin):
    """لكن الرئيس البرازيلي، ميشيل تامر، قال إن …: after a turn in the sentence, a titled
    person or an organisation, with a name between commas, right before the verb."""
    tokens = state.tokens
    for c in range(i - 2, max(s_begin, i - MAX_SPEAKER_TOKENS - 4) - 1, -1):
        if tokens[c].norm in TURNS:
            head = tokens[c + 1].norm
            bare = head[2:] if head.startswith("ال") else head
            if not (bare in ORGANISATION_HEADS or head in ORGANISATION_HEADS or _is_title_word(bare)):
                return None
            sp, after = read_speaker(state, c + 1, i)
            while after < i and tokens[after].text in ("،", ","):
                after += 1  # the comma that closes the apposition
            if (
                sp is not None and after < i and tokens[after].norm == IN and i - after <= 3
                and sp.kind == ORGANISATION and all(t.is_word for t in tokens[after:i])
            ):
                # لكن وزارة الخارجية في باراغواي قالت: the organisation's country is its name's
                sp = _speaker_through(state, sp, tokens[i - 1].end)
                after = i
            return sp if sp is not None and after == i else None
        if not tokens[c].is_word and tokens[c].text not in ("،", ","):
            return None
    return None


TOPIC_REACH = 24  # tokens from أما/لكن to the verb: the subject with its modifiers and apposition
ONE_OF = _forms("أحد", "إحدى")


def _topic_subject(state, i, s_begin):
    """أما أمين سر المجلس، محمد صبيح، فقال؛ لكن المحاضر في جامعة باث سبا، بيتر إيتشلز، قال
    إن؛ لكن أحد الخبراء الذين جربوا المقاعد قال: the phrase after أما (whose verb takes
    ف) or after لكن, with whatever describes it, is the subject of a verb that has none
    after it. A name set off by commas right before the verb is the person's name."""
    tokens = state.tokens
    verb = tokens[i]
    after_verb = i + 1
    if not _opens_content(tokens, after_verb, len(tokens)):
        return None  # (لكن الحكومة رفضت الطلب …: a subject after the verb is its own)
    for c in range(i - 1, max(s_begin, i - TOPIC_REACH) - 1, -1):
        norm = tokens[c].norm
        if norm in TURNS:
            break
        if _speech_verb(tokens[c]) is not None or tokens[c].norm in COMPLEMENTIZERS or tokens[c].text in SENTENCE_END:
            return None  # another verb or clause between: not this verb's topic
    else:
        return None
    topic = tokens[c].norm in _forms("أما", "وأما")
    if topic != (verb.norm[:1] == "ف" and _verb_form(verb.norm) != verb.norm):
        return None  # أما … فقال; لكن … قال (a verb with و after لكن begins a clause of its own)
    if topic is False and tokens[c].norm not in BUT:
        return None
    first = c + 1
    if first >= i or not tokens[first].is_word or _prepositional(tokens[first]) or tokens[first].norm in PREPOSITIONS:
        return None
    # A name between commas right before the verb: the person the phrase describes.
    head = tokens[first].norm
    organisation = head in ORGANISATION_HEADS or (head[2:] if head.startswith("ال") else head) in ORGANISATION_HEADS
    name_at = None
    if tokens[i - 1].text in ("،", ","):
        k = i - 2
        while k > first and tokens[k].text not in ("،", ",") and i - 2 - k < 4:
            k -= 1
        # (ولكن المرصد السوري …، ومقره بريطانيا، قال: an organisation's apposition
        # describes it, and a word with و opens a clause of its own)
        if k > first and tokens[k].text in ("،", ",") and 1 <= i - 2 - k <= 3 and all(
            _is_name_word(t) and t.norm not in NOT_A_NAME for t in tokens[k + 1 : i - 1]
        ) and tokens[k + 1].norm[:1] != "و" and not organisation:
            name_at = k + 1
    if name_at is not None:
        sp, after = read_speaker(state, name_at, i - 1)
        if sp is None or after != i - 1:
            return None
        description = state.text[tokens[first].start : tokens[name_at - 2].end]
        mention = state.text[tokens[first].start : tokens[i - 2].end]
        return _Speaker(mention, tokens[first].start, tokens[i - 2].end, sp.name, description, PERSON, sp.gender)
    if tokens[first].norm in ONE_OF and first + 1 < i and _definite(tokens[first + 1]):
        # لكن أحد الخبراء الذين جربوا …: one of a group
        mention = state.text[tokens[first].start : tokens[first + 1].end]
        return _Speaker(mention, tokens[first].start, tokens[first + 1].end, mention, "", PERSON, "")
    if state.titled is None:
        state.titled = titled_names(state.text)
    for titled in state.titled if not organisation else ():
        if tokens[first].start <= titled.start < tokens[i - 1].start and titled.words[0][:1] != "و":
            # أما مهندس البرمجيات ديفيد بابايان (25 عاما)، فحذر: the titled name in the phrase
            start = tokens[first].start
            end = titled.start + len(" ".join(titled.words))
            name = " ".join(titled.words)
            if state.text[titled.start:end] == name:
                return _Speaker(state.text[start:end], start, end, name, titled.description, PERSON, titled.gender)
    sp, after = read_speaker(state, first, i)
    if sp is None:
        return None
    if topic and after < i and i - after <= 3 and all(t.is_word and not _definite(t) for t in tokens[after:i]):
        # أما شرطة لاس فيغاس فقالت: the topic runs up to the verb
        mention = state.text[sp.start : tokens[i - 1].end]
        return _Speaker(mention, sp.start, tokens[i - 1].end, mention, sp.description, sp.kind, sp.gender)
    rest = [t for t in tokens[after:i] if t.is_word]
    if after < i and not (topic or tokens[after].text in ("،", ",")):
        return None  # (لكن X …: the phrase must reach the verb, or be set off by a comma)
    if not topic and rest and not (tokens[i - 1].text in ("،", ",")):
        return None
    return sp


def _named_subject_after_that(state, i, s_begin):
    """ويذكر أن المرصد السوري لحقوق الإنسان أعلن: an organisation or a titled person
    between أن/إن and the verb, a phrase too long for the bare-name rule below."""
    tokens = state.tokens
    for c in range(i - 2, max(s_begin, i - MAX_SPEAKER_TOKENS - 1) - 1, -1):
        if tokens[c].norm in _forms("أن", "إن", "وأن", "وإن"):
            head = tokens[c + 1].norm
            if head not in ORGANISATION_HEADS and head not in PERSON_TITLES:
                return None
            sp, after = read_speaker(state, c + 1, i)
            return sp if sp is not None and after == i else None
        if not tokens[c].is_word:
            return None
    return None


PREVIOUSLY = _forms("سبق", "يسبق", "وسبق")


def _previously_subject(state, i, s_begin):
    """سبق لدومينيك ليسبار أن أعلن: "it happened before to X that he said": X speaks."""
    tokens = state.tokens
    if i - 3 < s_begin or tokens[i - 1].norm not in _forms("أن"):
        return None
    for c in range(i - 3, max(s_begin, i - 6) - 1, -1):
        if tokens[c].norm in PREVIOUSLY:
            first = tokens[c + 1]
            if not first.text.startswith("ل") or len(first.text) < 3:
                return None
            if not all(t.is_word and not _definite(t) for t in tokens[c + 2 : i - 1]):
                return None
            start, end = first.start + 1, tokens[i - 2].end
            name = state.text[start:end]
            return _Speaker(name, start, end, name, "", PERSON, "")
    return None


IN_WHICH = _forms("فيه", "فيها")


def _in_which_author(state, i, s_begin):
    """قال فيه إن …: whoever issued the document named just before speaks in it —
    صدر بيان عن الجيش التركي الثلاثاء قال فيه، أصدر الجيش التركي بيانا قال فيه."""
    tokens = state.tokens
    for d in range(i - 1, max(s_begin, i - 12) - 1, -1):
        norm = tokens[d].norm
        if norm in CHANNEL_NOUNS or (norm.endswith("ا") and norm[:-1] in CHANNEL_NOUNS):
            break
    else:
        return None
    k = d + 1
    if k < i and tokens[k].norm in ISSUED_BY:
        k += 1
    if k + 1 < i and tokens[k].norm == _norm("عن"):
        sp, _ = read_speaker(state, k + 1, i)
        return sp
    # The subject of the verb that opens the sentence: (و)(قد) أصدر الجيش التركي بيانا,
    # also after a turn (من جهته، أصدر ناشطون بيانا).
    first = _past_openers(tokens, s_begin, d)
    first += 1 if tokens[first].norm == _norm("قد") else 0
    if first + 1 < d and tokens[first + 1].norm == _norm("قد"):
        first += 1
    opener = tokens[first]
    if d - first < 2 or not opener.is_word or _definite(opener) or opener.norm in PERSON_TITLES or opener.norm in ORGANISATION_HEADS:
        return None
    sp, after = read_speaker(state, first + 1, d)
    if sp is not None and _past_commas_and_times(tokens, after, d) == d:
        return sp
    if sp is not None and after < d and tokens[after].text in ("،", ",") and _title_apposition(tokens, after + 1, d):
        return sp  # أصدر بيتر كريستيانسين، محامي رونالدو بيانا قال فيه: the comma never closed
    return None


def _title_apposition(tokens, a, b):
    """Do tokens a..b-1 read as a short title in apposition (محامي رونالدو، المتحدث باسم
    الجيش): a title word first, then words only, four at most?"""
    return 0 < b - a <= 4 and _is_title_word(tokens[a].norm) and all(t.is_word for t in tokens[a:b])


# كان and the sisters that keep a subject before a present verb: ظلت الحكومة تقول إن …
KANA = _forms("كان", "كانت", "ظل", "ظلت")


def _kana_subject(state, i, s_begin):
    tokens = state.tokens
    for c in range(max(s_begin, i - 14), i):
        norm = _strip_clitic(tokens[c].norm) if tokens[c].norm not in KANA else tokens[c].norm
        if norm in KANA and not (norm in _forms("ظل") and c > s_begin and tokens[c - 1].norm in _forms("في", "وفي")):
            # (في ظل is "in light of", not "kept on")
            if c > s_begin and tokens[c - 1].norm in RELATIVES:
                continue  # هايلي التي كانت تجلس بجانبه، ووصفها: a relative clause's كان, no subject
            sp, after = read_speaker(state, c + 1, i)
            if sp is None:
                return None
            m = after
            while m < i and (tokens[m].norm in _forms("قد", "،") or tokens[m].text in ("،", ",")):
                m += 1
            if m < i and m == after and _is_title_word(tokens[m].norm) and not sp.description and " " in sp.name:
                # وكان كيم جونغ أون زعيم كوريا الشمالية قد أعلن: the name, then his post
                post, post_after = read_speaker(state, m, i)
                if post is not None and post.name == post.mention and post_after < i and tokens[post_after].norm == _norm("قد"):
                    sp = _Speaker(state.text[sp.start : post.end], sp.start, post.end, sp.name, post.mention, PERSON, sp.gender)
                    m = post_after + 1
            # Only when the subject runs up to the verb (a relative clause may sit between).
            if m == i or (m < i and tokens[m].norm in RELATIVES and tokens[i - 1].norm == "قد"):
                sp.gender = FEMININE if norm.endswith("ت") else MASCULINE
                sp.kind = guess_kind(sp, sp.gender)
                return sp
            return None
    return None


AS_FOR = _forms("أما", "وأما")


def _opening_subject(state, i, s_begin):
    tokens = state.tokens
    start = s_begin
    if tokens[s_begin].norm in AS_FOR:
        # أما محامي الجماعة، عبد المنعم عبد المقصود، فقد قال: the topic speaks.
        start = s_begin + 1
    elif not (tokens[s_begin].norm in PERSON_TITLES or tokens[s_begin].norm in ORGANISATION_HEADS):
        return None
    if i - start < 2:
        return None
    sp, after = read_speaker(state, start, i)
    if sp is None:
        return None
    m = after
    while m < i and (tokens[m].norm in SUBJECT_BRIDGES or tokens[m].text in ("،", ",")):
        m += 1
    if m != i:
        return None
    sp.gender = ""
    return sp


def _sentence_subject(state, s_begin, i, surname_after_verb=False):
    """A titled person named earlier in the sentence: أجرى وزير الخارجية … بلينكن اتصالات;
    with `surname_after_verb` (for a participle, whose speaker is nowhere else), also a
    surname right after the opening verb."""
    tokens = state.tokens
    # Only the sentence's opening words are looked at: scanning up to every verb made a
    # long unpunctuated sentence quadratic.
    named = _named_after_opening_verb(state, s_begin, i) if surname_after_verb else None
    if named is not None:
        # ونشر واكد صورة الحكم …، مؤكدا أن …: a surname the article gives someone, right
        # after the verb that opens the sentence, is its subject (before any titled
        # object later in the sentence: … بحبس المنتج ممدوح شاهين).
        word = tokens[named]
        feminine = tokens[named - 1].norm.endswith("ت")
        return _Speaker(word.text, word.start, word.end, word.text, "", PERSON, FEMININE if feminine else MASCULINE)
    for k in range(s_begin, min(i, s_begin + 9)):
        if tokens[k].norm in PERSON_TITLES and k - 2 >= s_begin and tokens[k - 1].norm == FAMILY:
            # أثار تركي آل الشيخ: a family name like a title (الشيخ) ends a person's name
            sp, _ = read_speaker(state, k - 2, i)
            if sp is not None:
                sp.gender, sp.kind = MASCULINE, PERSON
                return sp
        if tokens[k].norm in PERSON_TITLES:
            named = _name_before_apposition(tokens, s_begin, k)
            if named is not None:
                # وكان سوفان تشاتيرجي، رئيس بلدية كلكتا، قد زار الموقع وقال: the name the
                # title is set off after is the subject
                sp, _ = read_speaker(state, named, i)
                if sp is not None and sp.kind == PERSON:
                    sp.gender = MASCULINE if not tokens[k].norm.endswith("ه") else FEMININE
                    return sp
            sp, _ = read_speaker(state, k, i)
            if sp is not None and sp.kind == PERSON:
                sp.gender = MASCULINE if not tokens[k].norm.endswith("ه") else FEMININE
                return sp
        if k == s_begin + 1 and tokens[k].norm in ORGANISATION_HEADS and tokens[s_begin].norm[:1] in "وف":
            # ونشر نادي الهلال تغريدة … قال فيها: the subject of the opening verb.
            sp, _ = read_speaker(state, k, i)
            if sp is not None:
                sp.gender = MASCULINE if not tokens[s_begin].norm.endswith("ت") else FEMININE
                sp.kind = ORGANISATION
                return sp
    return None


def _name_before_apposition(tokens, s_begin, k):
    """The index of a name of two or three words right after the sentence's opening verb
    (or كان) and before the comma that sets off the title at k (وكان سوفان تشاتيرجي، رئيس
    بلدية كلكتا، قد زار), or None."""
    if tokens[k - 1].text not in ("،", ","):
        return None
    opener = s_begin
    while opener < k and (not tokens[opener].is_word or tokens[opener].norm in OPENING_PARTICLES):
        opener += 1  # (a dash or a quote's mark, كما or ثم before the opening verb)
    first = opener + 1
    if not 2 <= k - 1 - first <= 3:
        return None
    names = tokens[first : k - 1]
    if all(_is_name_word(t) and t.norm not in NOT_A_NAME and _speech_verb(t) is None for t in names):
        return first
    return None


def _continued_subject(state, s_begin, i):
    """The sentence's subject for a participle that no speech verb came before, unless the
    phrase read after the narrated verb ran on into what the verb did (قدم … شكره لتركي آل
    الشيخ، تقدم بشكوى) or is a word alone that names no one (كأس العالم …، مؤكدا; صندوق
    النقد الدولي …، مشيرا): a wrong subject hides the last speaker the participle would
    otherwise continue."""
    sp = _sentence_subject(state, s_begin, i, surname_after_verb=True)
    if sp is None:
        return None
    if sp.kind == PERSON and not sp.inherited:
        sp = _first_titled_person(state, sp, i)
    words = _tokenize(sp.name)  # (not tokenize: its one-text cache holds the article)
    if len(words) == 1 and sp.kind == PERSON and (_definite(words[0]) or words[0].norm in NOT_A_NAME):
        return None
    if any(_prepositional(w) or _possessed(w) for w in words):
        return None
    if sp.kind == PERSON and sp.description and len(words) >= 3 and _written_twice(state, words[-1].text):
        # هنأ الرئيس الصربي ألكسندر فوسيتش أردوغان قائلا: the last word is another person's
        # surname (رجب طيب أردوغان), the object the phrase ran into, not this name's end
        last, before = words[-1].norm, words[-2].norm
        if any(len(name) >= 2 and name[-1] == last and name[-2] != before for name in _known_names(state)):
            first = bisect.bisect_left(state.token_starts, sp.start)
            end = bisect.bisect_left(state.token_starts, sp.end)
            if end - 1 > first and state.tokens[end - 1].norm == last:
                shorter, _ = read_speaker(state, first, end - 1)
                if shorter is not None and shorter.kind == PERSON and shorter.name.split()[-1:] == [words[-2].text]:
                    shorter.gender = sp.gender
                    return shorter
    return sp


def _talk_goes_on(state, i, s_begin):
    """ثم تابعت شيرين حديثها لتقول "…"، وواصل الوزير كلمته قائلا: the one whose talk goes
    on says what follows, not the sentence's first subject; None unless the word before the
    verb at i is someone's own words after a speech verb and its subject."""
    tokens = state.tokens
    if i - 3 < s_begin or not _own_talk(tokens[i - 1]):
        return None
    for v in range(i - 2, max(s_begin, i - 8) - 1, -1):
        norm = tokens[v].norm
        if _speech_verb(tokens[v]) is not None or norm in TALK_VERBS or norm[:1] in ("و", "ف") and norm[1:] in TALK_VERBS:
            if v + 1 == i - 1:
                # وتابعت حديثها قائلة: the verb's own pronoun, the one quoted before
                return _inherit(state, _verb_gender(_speech_verb(tokens[v]) or ""), None)
            sp, _ = read_speaker(state, v + 1, i - 1)
            return sp
    return None


TALK_VERBS = words("talk_verbs")


def _first_titled_person(state, sp, stop):
    """The first of two titled people a subject phrase ran over (استقبل الرئيس المصري عبد
    الفتاح السيسي وزير الخارجية الأمريكي مايك بومبيو، مشيرا: the host, not his guest):
    the phrase up to the title that follows a name."""
    tokens = state.tokens
    m = bisect.bisect_left(state.token_starts, sp.start)
    named = False
    for x in range(m, min(stop, m + MAX_SPEAKER_TOKENS * 2)):
        if tokens[x].start >= sp.end:
            break
        if named and tokens[x].is_word and _is_title_word(tokens[x].norm) and not _definite(tokens[x]):
            # (two or more plain name words: لاعب أفريقي وأفضل لاعب … is one title)
            first, _ = read_speaker(state, m, x)
            names = _tokenize(first.name) if first is not None and first.kind == PERSON else []
            if len(names) >= 2 and _is_name_word(names[0]) and all(
                w.is_word and not _is_title_word(w.norm) and not _nationality(w) and w.norm[:1] != "و"
                and w.norm not in NOT_A_NAME
                for w in names
            ):
                return first
            return sp
        named = named or (_is_name_word(tokens[x]) and not _is_title_word(tokens[x].norm))
    return sp


# Particles a sentence's opening verb may follow: وقد هاجم ترامب، ثم انتقد …
OPENING_PARTICLES = _forms("وقد", "فقد", "ثم", "كما")


def _named_after_opening_verb(state, s_begin, stop):
    """The index of a surname of one of the article's full names right after the verb
    that opens the sentence, conjoined or after a particle (وطرح زوكربرغ، ونشر واكد، وقد
    هاجم ترامب), before `stop`; or None. Only a word the article gives as the last of a
    full name counts, or one a speech verb had alone for its subject before (قال نقلي),
    unless a plain word follows it: after a verb most bare words are its object or an
    adverb."""
    tokens = state.tokens
    verb = s_begin + 1 if tokens[s_begin].norm in OPENING_PARTICLES else s_begin
    if verb + 2 >= stop:
        return None
    opener, word = tokens[verb], tokens[verb + 1]
    conjoined = verb > s_begin or opener.norm[:1] in "وف"
    if not (opener.is_word and conjoined and len(opener.norm) >= (3 if verb > s_begin else 4) and word.is_word):
        return None
    if _definite(word) or len(word.norm) < 3 or _token_role(word.norm) is not None:
        return None
    if not _written_twice(state, word.text):
        return None  # named once: no full name elsewhere, and the names need not be read
    _known_names(state)
    if word.norm in state.known_surnames:
        return verb + 1
    # (a word alone quoted before, unless a plain word follows it that may be the rest of
    # a longer name: وأعلن أبي أحمد is Abiy Ahmed whoever أبي was)
    nxt = tokens[verb + 2]
    if word.norm in state.said_alone and not (
        nxt.is_word and not _definite(nxt) and not _prepositional(nxt) and nxt.norm not in PREPOSITIONS
    ):
        return verb + 1
    return None


ORDINAL_WORDS = _forms("آخر", "أخرى", "ثان", "ثاني", "ثالث", "رابع", "أول")
CONTRAST_OPENERS = _forms("فيما", "بينما")
PARTICIPLE_REACH = 20  # tokens from the subject's name to the participle that continues it


def _plain_name_after_opening_verb(state, s_begin, i, gender):
    """دافعت كيم كارديشيان عن تصفيفة شعرها، قائلة: a name of two or three plain words right
    after the verb that opens the sentence, with a preposition or a comma after it, is the
    subject a participle at i continues, when the verb agrees with the participle in gender
    (the verb's ت and the participle's ة). A _Speaker or None."""
    tokens = state.tokens
    verb = s_begin + 1 if tokens[s_begin].norm in OPENING_PARTICLES or tokens[s_begin].norm in CONTRAST_OPENERS else s_begin
    if gender not in (MASCULINE, FEMININE) or verb + 3 >= i or not tokens[verb].is_word or len(tokens[verb].norm) < 3:
        return None
    opener = tokens[verb]
    if _token_role(opener.norm) is not None or _definite(opener) or (_written(opener.text).endswith("ت") != (gender == FEMININE)):
        return None
    if _strip_clitic(opener.norm) in PREPOSITIONS or _strip_clitic(opener.norm) in CIRCUMSTANCES or opener.norm in PREPOSITIONS:
        return None  # خلال زيارة رسمية إلى باريس، مؤكدا: a time, no verb and no subject
    end = verb + 1
    while end < i and end - verb <= 3 and _is_name_word(tokens[end]) and not (
        tokens[end].norm in NOT_A_NAME or tokens[end].text[:1].isdigit() or _prepositional(tokens[end])
        or _possessed(tokens[end]) or tokens[end].norm in PREPOSITIONS or _continuation(tokens[end]) is not None
        # (an accusative, a plural in ات or an ordinal is the verb's object or an adverb:
        # وجه بوفون انتقادات حادة، وجه بنيادي نقدا لاذعا، وقال لبناني ثالث)
        or _written(tokens[end].text).endswith(("ا", "ات")) or tokens[end].text.endswith(TANWEEN_FATH)
        or tokens[end].norm in ORDINAL_WORDS or _token_role(tokens[end].norm) is not None
    ):
        end += 1
    if not 2 <= end - verb - 1 <= 3 or end >= i:
        return None
    after = tokens[end]
    if not (after.norm in PREPOSITIONS or after.text in ("،", ",")):
        return None
    if i - end > PARTICIPLE_REACH or any(t.norm in OPENING_PARTICLES or t.norm in CONTRAST_OPENERS for t in tokens[end:i]):
        return None  # (…، كما غرد هنيدي …، قائلا: another clause, with a subject of its own)
    name = state.text[tokens[verb + 1].start : tokens[end - 1].end]
    return _Speaker(name, tokens[verb + 1].start, tokens[end - 1].end, name, "", PERSON, gender)


LEAD_IN_REACH = 6  # tokens of a lead-in set off by a comma before the clause's verb (من جهتها،)


def _narrated_subject(state, s_begin, i, gender):
    """وقد أذاعت بي بي سي تسجيلا …، قائلة؛ من جهتها، أصدرت الحكومة العراقية بيانا …، مؤكدة؛
    وتعيد الولايات المتحدة فرض عقوبات … وتطالب: the named subject of the narrated verb that
    opens the sentence (or its clause after a short lead-in set off by a comma) is whom a
    participle or a conjoined verb at i continues, when the verb agrees with it in gender.
    Only a subject that names someone counts: a titled person, an organisation, a name the
    article gives again. A _Speaker or None."""
    if gender not in (MASCULINE, FEMININE):
        return None
    tokens = state.tokens
    openings = [s_begin]
    lead = _strip_clitic(tokens[s_begin].norm)
    if lead in PREPOSITIONS or tokens[s_begin].norm in PREPOSITIONS or lead in CIRCUMSTANCES:
        # (only a lead-in that opens with a preposition: in قدم أحمد العقيل، رئيس نادي
        # الشباب، the comma sets off an apposition, and رئيس is no verb)
        for k in range(s_begin + 1, min(i, s_begin + LEAD_IN_REACH)):
            if tokens[k].text in ("،", ","):
                openings.append(k + 1)
                break
    for verb in openings:
        while verb < i and (tokens[verb].norm in OPENING_PARTICLES or tokens[verb].norm in CONTRAST_OPENERS):
            verb += 1
        if verb + 1 >= i or not tokens[verb].is_word or len(tokens[verb].norm) < 3:
            continue
        opener = tokens[verb]
        bare = _strip_clitic(opener.norm)
        if (
            _token_role(opener.norm) is not None or _definite(opener) or _prepositional(opener)
            or bare in PREPOSITIONS or opener.norm in PREPOSITIONS or bare in CIRCUMSTANCES
        ):
            continue
        written = _written(opener.text)
        stem = written[1:] if written[:1] in ("و", "ف") and len(written) > 3 else written
        if (stem.endswith("ت") or stem.startswith("ت")) != (gender == FEMININE):
            continue
        sp, after = read_speaker(state, verb + 1, i)
        if sp is None or after > i or i - after > PARTICIPLE_REACH:
            continue
        if any(t.norm in OPENING_PARTICLES or t.norm in CONTRAST_OPENERS for t in tokens[after:i]):
            continue  # (…، كما غرد هنيدي …، قائلا: another clause, with a subject of its own)
        # (a title alone is not enough: فعاد الصحفي ووجه له سؤالا reads the verb ووجه as
        # the journalist's name)
        head = _norm(sp.name.split()[0]) if sp.name else ""
        last = sp.name.split()[-1] if sp.name else ""
        _known_names(state)
        if not sp.name or sp.name.split()[0] != tokens[verb + 1].text:
            continue  # (قدم أحمد العقيل، رئيس نادي الشباب، شكره …: a phrase that ran on)
        names_someone = (
            head in ORGANISATION_HEADS or head in KNOWN_OUTLETS
            or (last and _norm(last) in state.known_surnames and _written_twice(state, last))
        )
        if not names_someone:
            continue
        sp.gender = gender
        return sp
    return None


def _attributed_source(state, j, stop):
    """The source after an attribution phrase, with the ل of وفقا لوزارة الدفاع taken off
    the first word for the reading (the phrase reader stops at a ل-phrase)."""
    tokens = state.tokens
    tok = tokens[j] if j < stop else None
    glued = (
        tok is not None and tok.is_word and tok.norm.startswith("ل") and len(tok.norm) > 3
        and tok.norm not in _forms("لما", "للمرة")
    )
    if not glued:
        return read_speaker(state, j, stop)
    # لوزارة → وزارة; للوكالة → الوكالة, whose alef the ل swallowed, so the names read
    # from the text get it back.
    article = tok.norm.startswith("لل")
    bare = "ال" + tok.text[2:] if article else tok.text[1:]
    tokens[j] = Token(bare, tok.start + (0 if article else 1), tok.end, _norm(bare), True, tok.quote)
    try:
        sp, after = read_speaker(state, j, stop)
    finally:
        tokens[j] = tok
    if sp is not None and article:
        # The mention stays as written (its offsets point into the text); the name is the
        # source's own.
        glued_text = state.text[tok.start : tok.start + 2]
        for field_name in ("name", "description"):
            value = getattr(sp, field_name)
            if value.startswith(glued_text):
                setattr(sp, field_name, "ال" + value[2:])
    return sp, after


# What someone said, which with a possessive pronoun is that person's: وفقا لتصريحاته.
SAYING = _norm("قول")
SAYING_NOUNS = CHANNEL_NOUNS | _forms("تعبير", "قول", "كلام", "رواية", "وصف", "رأي", "تقدير", "تأكيد", "زعم", "ادعاء")
POSSESSIVE_GENDERS = (("هما", PLURAL), ("هم", PLURAL), ("ها", FEMININE), ("ه", MASCULINE))


def _own_talk(tok):
    """حديثه، كلمتها، تصريحاتهم: a word that is someone's own talk (not قولهما, the relay's
    own construction: نقلت الصحيفة عن مصدرين قولهما, read where relays are)."""
    return tok.is_word and _own_words(tok.text) is not None and not tok.norm.startswith(SAYING)


def _own_words(mention):
    """The gender of the possessor when the mention is one saying noun with a possessive
    pronoun (تصريحاته، تعبيرها), else None."""
    if len(mention.split()) != 1 or _written(mention).endswith("ة"):
        return None  # (حديثة، حديثةٌ, recent: normalized it reads as حديثه, his talk)
    norm = _norm(mention)
    for suffix, gender in POSSESSIVE_GENDERS:
        if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
            stem = norm[: -len(suffix)]
            if stem in SAYING_NOUNS or (stem.endswith("ت") and stem[:-1] + "ه" in SAYING_NOUNS):
                return gender
            return None
    return None


PRONOUNS_HE_SHE = _forms("هو", "هي", "هم")
ITSELF = _forms("نفسه", "نفسها", "ذاته", "ذاتها")


def _the_same_source(mention):
    """المصدر نفسه، نفس المصدر، ذات المصادر: the one quoted before."""
    words = [_norm(w) for w in mention.split()]
    return len(words) == 2 and (words[1] in ITSELF or _strip_clitic(words[0]).lstrip("ل") in SAME)


def _trailing_attributions(state, s_begin, s_end, inside):
    """…، وفق ما ذكرته إنترفاكس / بحسب مصادر: the clause before the phrase is reported.
    `inside` tells, for each token, whether it is inside a quotation."""
    tokens = state.tokens
    text = state.text
    if s_begin >= s_end or ATTRIBUTION_RE.search(text, tokens[s_begin].start, tokens[s_end - 1].end + 1) is None:
        return  # most sentences have no attribution phrase: one scan in C, not a loop per word
    verbs_before = None  # speech verbs in the sentence before each token, built on first need
    said_before = None  # the same for _sayings_before
    clause_floor = s_begin  # a clause never reaches back past the previous attribution
    for k in range(s_begin, s_end):
        tok = tokens[k]
        if not tok.is_word or tok.norm[:1] not in ATTRIBUTION_FIRST_LETTERS or not tok.norm.startswith(ATTRIBUTION_STARTS):
            continue  # the regex only for words that can open a phrase
        m = ATTRIBUTION_RE.match(text, tok.start)
        if m is None or m.start() != tok.start:
            continue
        # Index of the first token after the phrase.
        j = k
        while j < s_end and tokens[j].start < m.end():
            j += 1
        as_reported = tok.norm == AS_REPORTED
        if as_reported and k == s_begin:
            continue
        sp, after = _attributed_source(state, j, s_end)
        own = _own_words(sp.mention) if sp is not None else None
        saying_gender = _own_words(tokens[j].text) if sp is None and j < s_end and tokens[j].is_word else None
        own_saying = saying_gender is not None
        if own_saying:
            # حسب قولها، حسب تأكيدها (the phrase reader reads no name in them): the clause
            # is the last speaker's, unless it is inside a quote or after a verb or a
            # participle of the sentence, whose statement already holds it with its speaker
            # (after a relay, ونقل الموقع قول منصور إن "…"، حسب قوله, the words are منصور's).
            if said_before is None:
                said_before = _sayings_before(tokens, s_begin, s_end)
            if inside[k] or said_before[k - s_begin]:
                continue
            own, after = saying_gender, j + 1
        if own is not None:
            # وفقا لتصريحاته، على حد تعبيرها: the words of whoever was speaking.
            sp = _inherit(state, own, None)
        elif sp is not None and state.last_speaker and (
            _the_same_source(sp.mention) or (after < s_end and tokens[after].norm in ITSELF)
        ):
            # بحسب المصدر نفسه، وفقا لذات المصدر: the source just quoted, whatever its gender
            last = max(state.last_speaker.values(), key=lambda s: s.start)
            sp = _Speaker(last.mention, last.start, last.end, last.name, last.description, last.kind, last.gender, True)
        if sp is None:
            continue
        if as_reported and after < s_end and tokens[after].text not in SENTENCE_END:
            continue
        # The source's own first word: the mention keeps a glued ل (وفقا للوكالة), the name not.
        head = _norm((sp.name or sp.mention).split()[0])
        # (بحسب بيان صادر عن الديوان الملكي: the statement, which the mention opens with, is
        # a source whatever its issuer's name.)
        mention_head = _norm(sp.mention.split()[0]) if sp.mention else ""
        if not own_saying and head not in ATTRIBUTION_SOURCE_HEADS and _strip_clitic(head) not in ATTRIBUTION_SOURCE_HEADS and (
            _starts_with_al(head) or head.startswith("ل")
        ) and mention_head not in DOCUMENT_SUBJECTS and _strip_clitic(mention_head) not in PUBLISHED_DOCUMENTS:
            continue
        floor, clause_floor = clause_floor, j
        if own is None:  # (حسب قولها: the speaker's gender is hers, not the phrase's)
            sp.gender = FEMININE if m.group().strip().endswith(("ته", "ت")) else ""
        sp.kind = guess_kind(sp, sp.gender or MASCULINE)
        if k == s_begin or (k == s_begin + 1 and tokens[s_begin].norm in ("و", "ف")):
            # وبحسب المصدر، فإن …: the rest of the sentence.
            a = after
            while a < s_end and (not tokens[a].is_word or tokens[a].norm in _forms("فإن", "فان", "إن", "أن")):
                if tokens[a].quote is not None:
                    break
                a += 1
            if a >= s_end:
                continue
            if _speech_verb(tokens[a]) is not None and a + 1 < s_end and tokens[a + 1].is_word and not _opens_content(tokens, a + 1, s_end):
                # وبحسب فرانس برس، أشار دبلوماسي آخر إلى أن …: the verb names who spoke; the
                # outlet only carried it
                continue
            end_tok = _clause_end(state, a, s_end)
            start, end = _span_from_tokens(state, a, end_tok)
            _add(state, REPORTED, start, end, m.group().strip(), sp, "", 0.6)
            continue
        if _set_off_by_commas(state, s_begin, k, after, s_end):
            # وأسفرت المعارك، بحسب المصدر، عن مقتل العشرات …، ما أدى، بحسب محللين، إلى
            # تراجع …: the phrase set off mid-clause; what the source reports is what follows
            if verbs_before is None:
                verbs_before = _speech_verbs_before(tokens, s_begin, s_end)
            if verbs_before[k - s_begin] == 0:
                state.attribution_tokens.update(range(k, after))
                end_tok = _clause_end(state, after + 1, s_end)
                if sum(1 for t in tokens[after + 1 : end_tok + 1] if t.is_word) >= 3:
                    start, end = _span_from_tokens(state, after + 1, end_tok)
                    _add(state, REPORTED, start, end, m.group().strip(), sp, "", 0.6)
                continue
        # The clause before: back to the previous comma-plus-و or the sentence start. The
        # phrase's own verb says where the clause came from; what follows it is no speech
        # (حسبما أعلنت وزارة التجارة الصينية، في أوج توتر …), unless that is a complementizer's
        # clause (وقال المسؤولون حسبما أفادت الصحيفة إنه …: the statement was lost).
        if not (after < s_end and tokens[after].norm in COMPLEMENTIZERS):
            state.attribution_tokens.update(range(k, after))
        a = k - 1
        while a > s_begin and tokens[a].text in ("،", ",", "-"):
            a -= 1
        end_tok = a
        b = a
        floor = max(floor, a - MAX_CLAUSE_TOKENS)
        while b > floor:
            prev = tokens[b - 1]
            # (، والذي بلغ …، وهو أحد …: a relative or a pronoun describes what came before;
            # the clause goes on back past it.)
            # (، وذلك بشأن …: the narrator's "and that", the same clause too)
            if prev.text in ("،", ",", "؛") and tokens[b].norm[:1] == "و" and b < a and not (
                _strip_clitic(tokens[b].norm) in RELATIVES or _strip_clitic(tokens[b].norm) in PRONOUNS_HE_SHE
                or tokens[b].norm in NARRATOR_ASIDES
            ):
                break
            if prev.text in (":",):
                break
            b -= 1
        if verbs_before is None:
            verbs_before = _speech_verbs_before(tokens, s_begin, s_end)
        q = tokens[b] if tokens[b].quote is not None else None
        if q is not None and verbs_before[b + 1 - s_begin] > 0:
            continue  # وقال يلدريم: "…"، وفقا لما نقلته الأناضول: the verb names the speaker
        if q is not None and q.quote.close_at >= tokens[end_tok].end and q.quote.words >= MIN_QUOTE_WORDS:
            _add(state, DIRECT, q.quote.start, q.quote.end, m.group().strip(), sp, "", 0.75)
            continue
        words = sum(1 for t in tokens[b : end_tok + 1] if t.is_word)
        if words < 3 or verbs_before[end_tok + 1 - s_begin] > verbs_before[b - s_begin]:
            continue
        if verbs_before[b - s_begin] > 0 and RELAYED_RE.search(m.group()) and any(
            t.norm in COMPLEMENTIZERS or t.text == ":" or _continuation(t) is not None for t in tokens[s_begin:b]
        ):
            # وأشار أردوغان إلى أن …، داعيا الأتراك إلى …، وتصنيفات …، وفقا لما نقلته الأناضول:
            # the agency passed on the words of the one speaking in the sentence (whose verb
            # opened content: أن، a colon, a participle; not ذكرت تاس نقلا عن الوزارة خروج …)
            continue
        start, end = _span_from_tokens(state, b, end_tok)
        _add(state, REPORTED, start, end, m.group().strip(), sp, "", 0.6)


RELAYED_RE = re.compile(r"نقل")


def _sayings_before(tokens, s_begin, s_end):
    """For each token of the sentence, whether a speech verb other than a relay, or a
    participle, comes before it: built once a sentence (asked of every token it made a long
    sentence quadratic)."""
    seen, flags = False, []
    for t in tokens[s_begin:s_end]:
        flags.append(seen)
        seen = seen or bool(_speech_verb(t) and t.text not in RELAY_VERBS) or _continuation(t) is not None
    flags.append(seen)
    return flags


def _speech_verbs_before(tokens, s_begin, s_end):
    """For each token of the sentence, how many speech verbs come before it (a list one
    longer than the sentence). Only verbs that report by themselves: رفض الفيفا الكشف …،
    وفقا لـ"تيلغراف" is the paper's report of a refusal; a verb in a relative clause
    (الصواريخ التي كشف عنها بوتين) names no speaker of the clause."""
    counts = [0]
    for n, t in enumerate(tokens[s_begin:s_end], s_begin):
        verb = _speech_verb(t)
        relative = n > s_begin and _strip_clitic(tokens[n - 1].norm) in RELATIVES
        counts.append(counts[-1] + bool(verb and verb not in WEAK_VERBS and not relative))
    return counts


MAX_CLAUSE_OPENING_WORDS = 4


def _set_off_by_commas(state, s_begin, k, after, s_end):
    """Is the attribution phrase from k to its source's end (`after`) between two commas
    in the middle of a clause, the words after it going on with no verb or conjunction of
    their own (، بحسب المصدر، عن مقتل …)?"""
    tokens = state.tokens
    if not (k > 0 and tokens[k - 1].text in ("،", ",") and after + 1 < s_end and tokens[after].text in ("،", ",")):
        return False
    nxt = tokens[after + 1]
    if not (nxt.is_word and nxt.norm[:1] not in ("و", "ف") and not _speech_verb(nxt) and _continuation(nxt) is None):
        return False
    if nxt.norm in RELATIVES:
        return False  # حسبما قالت قناة الميادين، التي نقلت عنها …: who the source is
    # Only a clause begun before it, in a few words (وأسفرت المعارك، ما أدى، وشملت الرحلة):
    # after a whole clause (قدم الوزير استقالته في ساعة مبكرة، الثلاثاء، بحسب مكتبه، بعد
    # ساعات …) the phrase ends it, and what follows is the narrator's.
    words = 0
    for n in range(k - 2, s_begin - 1, -1):
        t = tokens[n]
        if t.text in ("،", ",", "؛", ";") and (tokens[n + 1].norm[:1] == "و" or tokens[n + 1].norm in WHAT):
            break  # the clause opens after a comma with و or ما (…، ما أدى، بحسب محللين)
        if t.is_word:
            words += 1
            if words > MAX_CLAUSE_OPENING_WORDS:
                return False
    return True


def _standalone_quotes(state, sentences):
    """A long quote opening a sentence with no verb of its own continues the last speaker."""
    tokens = state.tokens
    for s_begin, s_end in sentences:
        k = s_begin
        if k < s_end and tokens[k].norm in ("و",):
            k += 1
        if k >= s_end:
            continue
        t = tokens[k]
        if t.quote is None or t.start != t.quote.open_at or t.quote.claimed:
            continue
        q = t.quote
        if q.words < MIN_STANDALONE_QUOTE_WORDS:
            continue
        sp = state.last_speaker.get(MASCULINE) or state.last_speaker.get(FEMININE)
        if sp is None:
            continue
        inherited = _Speaker(sp.mention, sp.start, sp.end, sp.name, sp.description, sp.kind, sp.gender, True)
        _add(state, DIRECT, q.start, q.end, "", inherited, "", 0.5)


MAX_WORDS_BETWEEN_JOINED_QUOTES = 3


def _token_start(tok):
    return tok.start


def _joined_quotes(state):
    """حث … على تقديم "…" حول اختفائه و"…" / "…،"، "لكن …": a second quote joined to a
    statement's quote by و or a comma, with at most a few narrator words and no verb
    between, says more of the same: same speaker, same kind."""
    if not state.quotes:
        return
    tokens = state.tokens
    pending = [s for s in state.spans if s.kind in (DIRECT, PARTIAL)]
    if not pending:
        return
    by_start = {q.start: q for q in state.quotes}
    while pending:
        span = pending.pop()
        q = by_start.get(span.start)
        if q is None or q.end != span.end:
            continue
        k = bisect.bisect_left(tokens, q.close_at, key=_token_start)
        words = 0
        while k < len(tokens):
            t = tokens[k]
            if t.quote is not None and t.start == t.quote.open_at:
                nq = t.quote
                joined = tokens[k - 1].norm == "و" or tokens[k - 1].text in ("،", ",")
                if joined and not nq.claimed and nq.words >= MIN_INTRODUCED_QUOTE_WORDS:
                    sp = _Speaker(span.speaker, 0, 0, span.speaker_name, span.description,
                                  span.speaker_kind, span.speaker_gender, True)
                    added = _add(state, span.kind, nq.start, nq.end, span.verb, sp, span.channel, span.confidence - 0.1)
                    if added is not None:
                        added.inherited = span.inherited
                        added.speaker_start, added.speaker_end = span.speaker_start, span.speaker_end
                        pending.append(added)
                break
            if t.is_word:
                words += 1
                if words > MAX_WORDS_BETWEEN_JOINED_QUOTES or _speech_verb(t) or _continuation(t):
                    break
            elif t.text not in ("،", ","):
                break
            k += 1


def extract_statements(text):
    """All statements in `text`, in reading order. Offsets index into `text` itself."""
    if not text or not text.strip():
        return []
    tokens = tokenize(text)
    quotes = find_quotes(text, tokens)
    state = _State(text, tokens, quotes)
    inside = _inside_quote_index(tokens)
    sentences = split_sentences(tokens, quotes, inside)
    for state.sentence_no, (s_begin, s_end) in enumerate(sentences):
        spans_before = len(state.spans)
        # Attributions that come after their clause claim it first, so a speech verb
        # earlier in the sentence does not swallow what another source said.
        _trailing_attributions(state, s_begin, s_end, inside)
        sentence_subject = None
        for i in range(s_begin, s_end):
            if inside[i]:
                continue
            tok = tokens[i]
            role = _token_role(tok.norm)  # one cached look-up: most words have no role
            if role is None or _inside_a_statement(state, tok.start) or i in state.attribution_tokens:
                # A verb inside what someone is already reported to have said starts no
                # statement of its own (spans never overlap); looking for its content
                # anyway made an unpunctuated run of verbs quadratic.
                continue
            what, value = role
            if what == VERB and _speech_verb_at(tokens, i, s_end):
                if sentence_subject is None:
                    # وكان زراب قد أدلى بشهادته …، وأشار إلى: a conjoined verb, like a
                    # participle, continues the subject of the verb that opened the sentence.
                    joined = i > s_begin and _with_conjunction(tok)
                    sentence_subject = (
                        (_continued_subject(state, s_begin, i) if joined else None) or _sentence_subject(state, s_begin, i)
                        or (_narrated_subject(state, s_begin, i, _verb_gender(_speech_verb(tok) or "")) if joined else None)
                    )
                sp = _process_verb(state, i, s_begin, s_end, _talk_goes_on(state, i, s_begin) or sentence_subject)
                if sp is not None and sentence_subject is None:
                    sentence_subject = sp
            elif what == DOCUMENT and i + 1 < s_end and tokens[i + 1].norm == IN:
                _document_statement(state, i, s_end)
            elif what == DOCUMENT and i + 1 < s_end and tokens[i + 1].norm in IN_WHICH:
                _in_which_statement(state, i, s_begin, s_end)
            elif what == ISSUED and i > s_begin and tokens[i - 1].norm in SPEECH_NOUNS:
                _issued_statement(state, i, s_end)
            elif what == SAID_BY:
                if not (i > s_begin and tokens[i - 1].norm in TIME_BEFORE_NOUN):
                    _verbal_noun_statement(state, i, s_end)
            elif what == CONTINUATION:
                # غادر الرئيس … القمة، مؤكدا أن …: the participle continues the sentence's
                # subject even when no speech verb came before it.
                if sentence_subject is None:
                    sentence_subject = _continued_subject(state, s_begin, i)
                # (a plain name is read for this participle only: a later one may have a
                # subject of its own, …، كما غرد هنيدي …، قائلا)
                subject = (
                    sentence_subject or _plain_name_after_opening_verb(state, s_begin, i, value)
                    or _narrated_subject(state, s_begin, i, value)
                )
                _process_continuation(state, i, s_end, value, _talk_goes_on(state, i, s_begin) or subject)
        if len(state.spans) == spans_before and tokens[s_begin].norm[:1] in ("و", "ف"):
            # (read only if the next sentence asks: most never do)
            state.narrated, state.narrated_in = (s_begin, s_end), state.sentence_no
    _standalone_quotes(state, sentences)
    _joined_quotes(state)
    _name_bare_titles(state, sentences)
    state.spans.sort(key=lambda s: s.start)
    return state.spans


def _closed_apposition(tokens, i):
    """Are the words from i on a short name closed by a comma (، محمد حطاب،)?"""
    for k in range(i, min(len(tokens), i + MAX_TITLED_NAME_WORDS + 1)):
        if tokens[k].text in ("،", ","):
            return k > i + 1
        if not tokens[k].is_word:
            return False
    return False


@dataclass(frozen=True)
class TitledName:
    """A person named in full after a title anywhere in the text, quoted or not
    (حمّل الرئيس الأمريكي دونالد ترامب …): the article's own evidence for whom a surname
    alone means later on (وأوضح ترامب)."""

    start: int
    words: tuple  # the name words as written, first name first
    description: str
    gender: str = ""
    # After an indefinite title in construct (لاعب مانشستر يونايتد بول بوغبا) the owner's
    # name may run on past the word dropped, so the person's name is only the last words.
    after_construct: bool = False


MAX_TITLED_NAME_WORDS = 5
PLACE_LINKS = _forms("إلى", "في", "لدى")


# Head nouns an organisation is named after and referred back to by alone (شركة "سناب
# شات" … وقالت الشركة): the nouns of speakers.ORGANISATION_BACK_REFERENCES.
NAMED_BY_HEAD = words("back_reference_heads")


@dataclass(frozen=True)
class NamedOrganisation:
    """An organisation named in the narration after its head noun: the head (normalized,
    without the article) and the name a reader gives it."""

    start: int
    head: str
    name: str
    # the nisba written after a quoted name (صحيفة "آس" الإسبانية), "" when none is
    nationality: str = ""
    # named by a plain word the article also writes alone (شركة آبل): too loose for a
    # national epithet (الشركة الصينية is not Apple because Apple's nationality is unstated)
    plain: bool = False


def named_organisations(text):
    """Every organisation named after its head noun, in reading order: a quoted name after
    the head and its adjectives (شركة "سناب شات"، الشركة الأم "كيتي هوك"، صحيفة "كلارين"
    الأرجنتينية → the quoted name), a quoted name that opens with a head ("مجلس سوريا
    الديمقراطية"), or the head in construct with definite words (منظمة العفو الدولية،
    وكالة الأنباء الفلسطينية → the whole phrase). What `وقالت المنظمة` refers back to when
    no statement named it."""
    tokens = tokenize(text)
    find_quotes(text, tokens)
    found = []
    n = len(tokens)
    seen = {}
    for m, tok in enumerate(tokens):
        if tok.quote is not None and tok.start == tok.quote.open_at:
            inner = _norm(text[tok.quote.start : tok.quote.end]).split()
            if 2 <= len(inner) <= MAX_SPEAKER_TOKENS and inner[0] in NAMED_BY_HEAD:
                found.append(NamedOrganisation(tok.start, inner[0], text[tok.quote.start : tok.quote.end]))
            continue
        if tok.norm not in HEAD_FORMS:
            continue  # (one look-up for the most words, which are no head)
        head, definite, clitic = _named_by_head(tok)
        if head is None:
            continue
        k = m + 1
        while (
            k < n and tokens[k].is_word and _definite(tokens[k]) and not _prepositional(tokens[k]) and k - m <= 2
            and _named_by_head(tokens[k])[0] is None  # وأمهلت المفوضية الشركة الأم "ألفابيت": another's
        ):
            k += 1  # الشركة الأم، صحيفة … الأرجنتينية
        if k < n and tokens[k].quote is not None and tokens[k].start == tokens[k].quote.open_at:
            q = tokens[k].quote
            # (a quote right after the head with the article is what it did or was accused
            # of: منددين بنية الحكومة "تدمير الخدمة العامة")
            if 1 <= q.words <= 4 and not (definite and k == m + 1):
                after = _token_at(tokens, q.close_at - 1, k) + 1
                nisba = tokens[after].text if after < n and tokens[after].is_word and _nationality(tokens[after]) else ""
                found.append(NamedOrganisation(tok.start, head, text[q.start : q.end], nisba))
            continue
        if not definite and k > m + 1 and not tokens[m + 1].norm.startswith("لل"):
            # منظمة العفو الدولية: the head in construct with its definite words (لموقع …:
            # without the preposition). Not a head with a ل-phrase, which says what it is
            # for: أكبر شركة للطيران المنخفض التكلفة describes ريان إير named before it
            # (CN-economy-17), and had become the company الشركة referred back to.
            found.append(NamedOrganisation(tok.start, head, text[tok.start + clitic : tokens[k - 1].end]))
        elif not definite and k == m + 1 and (size := _name_written_alone(tokens, k, n, seen)):
            # شركة مايكروسوفت … وتواجه مايكروسوفت، مجلة فانيتي فير … وحاولت فانيتي فير: a
            # plain name after the head, which the article also writes without it
            found.append(NamedOrganisation(tok.start, head, text[tok.start + clitic : tokens[k + size - 1].end], plain=True))
    return found


def _name_written_alone(tokens, k, n, seen):
    """How many plain words from token k (at most three) the article also writes elsewhere
    as a phrase of their own, not right after an organisation's head; the longest, or 0.
    `seen` holds the article's word positions and the answers so far (read once each)."""
    if "positions" not in seen:
        positions = defaultdict(list)
        for p, t in enumerate(tokens):
            if t.is_word:
                positions[t.text].append(p)
        seen["positions"] = positions
    best = 0
    for size in range(1, 4):
        words_ = tokens[k : k + size]
        if k + size > n or not all(w.is_word and not _definite(w) and not _prepositional(w) and len(w.norm) > 2 for w in words_):
            break
        if words_[-1].norm.endswith("يه"):
            break  # جماعة موالية: an adjective, not a name
        if k + size < n and tokens[k + size].is_word and _definite(tokens[k + size]) and not _nationality(tokens[k + size]):
            continue  # منظمة حظر الأسلحة الكيماوية: in construct, the name goes on (not نادي مانشستر سيتي الإنجليزي)
        key = tuple(w.text for w in words_)
        if key not in seen:
            seen[key] = any(
                p != k and tuple(t.text for t in tokens[p : p + size]) == key
                and not (p and _named_by_head(tokens[p - 1])[0] is not None)
                for p in seen["positions"][key[0]]
            )
        if seen[key]:
            best = size
    return best


# Every written form _named_by_head may accept: the head, with the article or a clitic.
HEAD_FORMS = frozenset(NAMED_BY_HEAD) | {"ال" + h for h in NAMED_BY_HEAD} | {c + h for h in NAMED_BY_HEAD for c in "وفلب"}


def _named_by_head(tok):
    """(head, definite, clitic): the head noun a word is, without the article (شركة،
    الشركة), or behind a one-letter clitic (لموقع "غيزمودو"، وشبكة "السويداء 24"; the
    clitic's length in the written word, else 0). (None, False, 0) for any other word."""
    if not tok.is_word:
        return None, False, 0
    norm = tok.norm
    if norm.startswith("ال") and norm[2:] in NAMED_BY_HEAD:
        return norm[2:], True, 0
    if norm in NAMED_BY_HEAD:
        return norm, False, 0
    if (
        norm[:1] in "وفلب" and norm[1:] in NAMED_BY_HEAD and tok.text[:1] == norm[:1] and _norm(tok.text[1:]) == norm[1:]
        and norm[:2] != "لل"  # للجنة is ل + اللجنة: the committee, named already
    ):
        return norm[1:], False, 1
    return None, False, 0


def titled_names(text):
    """Every run of two or more plain name words right after a person's title, with the
    definite words that qualify it (الرئيس الأمريكي دونالد ترامب, المبعوث الأممي مارتن
    غريفيث), in reading order.

    The run may take in a word after the name (دونالد ترامب يزور): callers match a surname
    inside it and keep the words up to it. A run after a bare verb or a comma is left out:
    ووصف ترامب reads like a first name and a surname but is not one. Only title words are
    looked from: most words of an article are none, and this runs over whole articles.
    """
    return list(_titled_names(text))


@lru_cache(maxsize=8)
def _titled_names(text):
    # (cached: the extractor and the speakers' resolution both read an article's names)
    tokens = tokenize(text)
    n = len(tokens)
    found = []
    m = 0
    while m < n:
        tok = tokens[m]
        if not (tok.is_word and _is_title_word(tok.norm)):
            m += 1
            continue
        # The title and what qualifies it: more titles, definite words, the post's place
        # after إلى/في/لدى (المبعوث الأممي إلى اليمن).
        k = m + 1
        while k < n and k - m < MAX_SPEAKER_TOKENS and tokens[k].is_word and (
            _is_title_word(tokens[k].norm)
            # (not الذي: الطبيب الذي راجع حالة الرجل is described, not named)
            or (_definite(tokens[k]) and not _prepositional(tokens[k]) and tokens[k].norm not in RELATIVES)
            # رئيس منظمة الطاقة الذرية: the organisation a title heads, then its definite words
            or (tokens[k].norm in ORGANISATION_HEADS and _is_title_word(tokens[k - 1].norm))
            or (tokens[k].norm in PLACE_LINKS and k + 1 < n and _definite(tokens[k + 1]))
        ):
            k += 1
        before = tokens[k - 1]
        i = k
        apposition = i < n and tokens[i].text in ("،", ",")
        if apposition:
            # وزير الرياضة الجزائري، محمد حطاب،: a name between commas, closed by its own;
            # مدير البنك الإماراتي، توجه سيسوكو في …: a clause.
            if not _closed_apposition(tokens, i + 1):
                m = k
                continue
            i += 1
        if i >= n or _prepositional(before) or not _post_name_word(tokens, i) or _is_channel_word(tokens, i) or (
            tokens[i].norm[:1] == "ل" and tokens[i].norm[1:] in POST_HEADS | ONLINE_PLACES
            or _how_said(tokens[i])
        ) or tokens[i].norm in MANNER_ADVERBS or tokens[i].text.endswith(TANWEEN_FATH):
            # (رئيسة الوزراء البريطانية لبي بي سي، مديرة العلاقات العامة لشبكة فيسبوك: whom she
            # spoke to or the company; انتقد الرئيس بشدة قرار المحكمة: how he criticised, then
            # what; لاعب الشهر محققاً أعلى نسبة: an accusative, and no name takes tanween)
            m = k
            continue
        j = i
        while j < n and j - i < MAX_TITLED_NAME_WORDS and (
            _post_name_word(tokens, j) or (j > i and _is_name_particle(tokens, j))  # زين الدين زيدان
            # وزير المالية التركي، براءت البيرق،: between commas a surname may carry the article
            or (apposition and j > i and _definite(tokens[j]) and not _prepositional(tokens[j])
                and not _is_title_word(tokens[j].norm))
        ):
            j += 1
        if j - i >= 2:
            first = i
            if _is_title_word(before.norm) and not _definite(before) and not apposition:
                # لاعب مانشستر يونايتد بول بوغبا, محامي ترامب مايكل كوهين: an indefinite
                # title is in construct with the word after it, which is no first name; or
                # with a place of several words (لاعب سان جرمان نيمار: not جرمان نيمار).
                first = i + max(1, _place_phrase_at(tokens, i))
            elif j - i == 2 and _owner_named_alone(text, tokens[i]) and (tokens[i].text[1:], tokens[i + 1].text) not in _word_pairs_written(text):
                first = i + 1  # الرئيس التنفيذي لتويتر دورسي: the company the post is of, then his name
            # السيدة الأولى ميلانيا ترامب: a feminine title names a woman.
            gender = FEMININE if _strip_clitic(tok.norm).endswith("ه") else MASCULINE
            if first < j:  # (لاعب ريال مدريد with the place and no name after it: nobody)
                found.append(TitledName(
                    tokens[first].start, tuple(t.text for t in tokens[first:j]), text[tok.start : before.end],
                    gender, first > i,
                ))
        m = max(j, k)
    return tuple(found)


VERB, DOCUMENT, CONTINUATION, ISSUED, SAID_BY = "verb", "document", "continuation", "issued", "said by"
TIME_BEFORE_NOUN = _forms("بعد", "عقب", "إثر", "منذ", "قبل")


@lru_cache(maxsize=400_000)
def _token_role(norm):
    """(VERB, lemma), (CONTINUATION, gender), (DOCUMENT, None) or None for a word form."""
    if not norm or not norm[0].isalpha():
        return None
    verb = _verb_form(norm)
    if verb is not None:
        return VERB, verb
    if norm in DOCUMENT_VERBS:
        return DOCUMENT, None
    if norm in ISSUED_BY:
        return ISSUED, None
    if norm in VERBAL_NOUNS or _strip_clitic(norm) in VERBAL_NOUNS:
        return SAID_BY, None
    gender = _continuation_gender(norm)
    return (CONTINUATION, gender) if gender is not None else None


# وجاء في بيان صادر عن الوزارة أن …، وورد في التقرير أن …: a document speaks for its author.
DOCUMENT_VERBS = _forms("جاء", "وجاء", "فجاء", "ورد", "وورد")
IN = _norm("في")
ISSUED_BY = _forms("صادر", "الصادر", "صادرة", "الصادرة")
DOCUMENT_ENDS = _forms("في", "من", "عن", "على", "إلى", "مع", "حول", "بشأن", "لدى", "خلال")


def _past_commas_and_times(tokens, k, stop):
    """بيان صادر عن الوزارة، السبت، أن: past the commas and dates between the parts. Unlike
    _skip_time_adjunct, a lone comma is skipped too: here it never opens an apposition."""
    while k < stop and (tokens[k].text in ("،", ",") or tokens[k].norm in TIME_WORDS):
        k += 1
    return k


def _document_issuer(state, words):
    """(name, kind) of whose statement `words` (a document noun, then its issuer) is:
    بيان الرئاسة، بيان للهيئة القومية (الهيئة القومية)، بيان لوزارة النقل (وزارة النقل)، بيان
    لوزير الدفاع (وزير الدفاع, a person)."""
    first = words[1]
    end = words[-1].end
    if first.norm[:1] == "ل" and first.norm[1:] in ORGANISATION_HEADS:
        return state.text[first.start + 1 : end], ORGANISATION  # (بيان للجنة الانتخابات)
    if first.norm[:1] == "ل" and _is_title_word(first.norm[1:]):
        return state.text[first.start + 1 : end], PERSON
    if _written(first.text)[:2] in ("لأ", "لإ", "لآ"):
        return state.text[first.start + 1 : end], ORGANISATION  # بيان لأتلتيكو: no name starts with لأ
    if first.norm.startswith("لل") and len(first.norm) > 4:
        return "ال" + state.text[first.start + 2 : end], ORGANISATION
    return state.text[first.start : end], ORGANISATION


def _document_statement(state, i, s_end):
    tokens = state.tokens
    if _is_background(tokens, i, i):
        return
    # The document: بيان، التقرير الأممي، رسالة خطية (a channel noun, so not read as a speaker).
    k = i + 2
    while (
        k < min(s_end, i + 2 + 4) and tokens[k].is_word and tokens[k].norm not in DOCUMENT_ENDS
        and tokens[k].norm not in COMPLEMENTIZERS and tokens[k].norm not in ISSUED_BY
    ):
        k += 1
    if k == i + 2:
        return
    doc_words = tokens[i + 2 : k]
    start, end = doc_words[0].start, doc_words[-1].end
    document = _Speaker(state.text[start:end], start, end, state.text[start:end], "", ORGANISATION, "")
    after = k
    k = _past_commas_and_times(tokens, k, s_end)
    author = None
    if k + 1 < s_end and tokens[k].norm in ISSUED_BY and tokens[k + 1].norm == _norm("عن"):
        author, after = read_speaker(state, k + 2, s_end)
    elif k < s_end and tokens[k].norm == _norm("عن"):
        # بيان صادر عن …: the reader may have taken صادر into the document's phrase.
        author, after = read_speaker(state, k + 1, s_end)
    if author is not None:
        after = _past_commas_and_times(tokens, after, s_end)
    sp = author
    if sp is None and len(doc_words) == 1 and _definite(doc_words[0]):
        # وجاء في البيان أن …: the statement already named, so its author speaks again.
        sp = _inherit(state, MASCULINE, None) or _inherit(state, FEMININE, None)
    if sp is None and len(doc_words) >= 2 and doc_words[0].norm in DOCUMENT_SUBJECTS and doc_words[1].norm[:1] == "ل":
        # وجاء في بيان لوزارة الخارجية الروسية أن …: the ministry's
        name, kind = _document_issuer(state, doc_words)
        sp = _Speaker(document.mention, start, end, name, "", kind, "")
    sp = sp or document
    _what_came_in_it(state, after, s_end, tokens[i].text + " في", sp, False, 0.7 if author else 0.6)


def _in_which_statement(state, i, s_begin, s_end):
    """ونشرت الشرطة تغريدة جاء فيها "…"، أصدرت الوزارة بيانا جاء فيه أن …: whoever issued
    the document named just before speaks in it (as after قال فيه)."""
    sp = _in_which_author(state, i, s_begin)
    if sp is not None:
        _what_came_in_it(state, i + 2, s_end, f"{state.tokens[i].text} {state.tokens[i + 1].text}", sp, True, 0.7)


def _what_came_in_it(state, after, s_end, verb, sp, with_channel, confidence):
    """Add what a document (جاء في البيان، جاء فيه) says from `after` on, as `sp`'s."""
    opener, channel, opener_kind = _skip_channel(state, after, s_end)
    if opener is None:
        return
    content = _content(state, opener, opener_kind, s_end, False)
    if content is None:
        return
    kind, start, end, _ = content
    _add(state, kind, start, end, verb, sp, channel if with_channel else "", confidence)


def _issued_statement(state, i, s_end):
    """التحذيرات الصادرة عن مستشار الأمن القومي، جون بولتون، بأن …: the speaker of a
    speech noun "issued by" someone said what follows أن."""
    tokens = state.tokens
    if i + 2 >= s_end or tokens[i + 1].norm != _norm("عن"):
        return
    sp, after = read_speaker(state, i + 2, s_end)
    if sp is not None:
        _said_right_after(state, sp, after, s_end, tokens[i - 1].text, quotes=False)


def _said_right_after(state, sp, after, s_end, verb, quotes):
    """Add what `sp` said when it follows the speaker at once: أن/إن or a colon, and with
    `quotes` a quotation too, or عن/بـ before one (إعلان ترامب عن "…", a partial)."""
    tokens = state.tokens
    after = _past_commas_and_times(tokens, after, s_end)
    if after >= s_end:
        return
    tok = tokens[after]
    if tok.norm in COMPLEMENTIZERS:
        opener, how = after, "comp"
    elif tok.text == ":":
        opener, how = after, "colon"
    elif quotes and tok.quote is not None and tok.start == tok.quote.open_at:
        opener, how = after, "quote"
    elif quotes and tok.norm in _forms("عن", "ب", "بـ") and after + 1 < s_end and tokens[after + 1].quote is not None \
            and tokens[after + 1].start == tokens[after + 1].quote.open_at:
        opener, how = after + 1, "quote"
    else:
        return  # only when the content follows the speaker at once
    sp.gender = sp.gender or MASCULINE
    sp.kind = guess_kind(sp, sp.gender)
    content = _content(state, opener, how, s_end, False)
    if content is None:
        return
    kind, start, end, _ = content
    if how == "quote" and opener != after:
        kind = PARTIAL
    _add(state, kind, start, end, verb, sp, "", 0.6)


PLURAL_VERBAL_NOUNS = _forms("تهديدات", "تصريحات", "تحذيرات", "مزاعم", "توقعات")


def _verbal_noun_statement(state, i, s_end):
    """تأكيد أرجنتو أنها …، إعلان الرئيس الأميركي دونالد ترامب عن "…": a verbal noun in
    construct with its speaker reports what follows the speaker at once."""
    tokens = state.tokens
    if i + 1 >= s_end or not tokens[i + 1].is_word or _prepositional(tokens[i + 1]):
        return
    if tokens[i + 1].norm[:1] == "ل" or tokens[i + 1].norm in NOT_A_NAME:
        return  # تصريحات لبرنامج …: whom it was said to; مزاعم مفادها: what was said
    sp, after = read_speaker(state, i + 1, s_end)
    if sp is None or after <= i + 1:
        return
    if _strip_clitic(tokens[i].norm) in PLURAL_VERBAL_NOUNS and sp.kind not in (PERSON, ORGANISATION):
        # تصريحات تتعلق …: after a plural noun a clause as often describes the remarks;
        # only a titled person or an organisation is taken as their author.
        return
    _said_right_after(state, sp, after, s_end, tokens[i].text, quotes=True)


def _name_bare_titles(state, sentences):
    """وأضاف وزير الخارجية الروسي أن …: a person named here only by a title is the one the
    article names with that same title elsewhere (وزير الخارجية الروسي سيرغي لافروف), in
    any sentence, quoted or not; the nearest such mention before the statement wins."""
    tokens = state.tokens
    # (an unnamed source with its place, مسؤول في مدينة …, names no one: each distinct place
    # would be one more title to look up through the whole text)
    bare = [
        s for s in state.spans
        if s.speaker and s.speaker_name == s.speaker and _norm(s.speaker.split()[0]) in PERSON_TITLES
        and not (_norm(s.speaker.split()[0]) in UNNAMED_HEADS and any(_norm(w) in SOURCE_QUALIFIER_LINKS for w in s.speaker.split()[1:]))
    ]
    if not bare:
        return
    sentence_end = [0] * len(tokens)
    for s_begin, s_end in sentences:
        for k in range(s_begin, s_end):
            sentence_end[k] = s_end
    by_word = {}
    for k, tok in enumerate(tokens):
        if tok.is_word and (tok.norm in PERSON_TITLES or _strip_clitic(tok.norm) in PERSON_TITLES):
            # every bare title opens with a title word; only those are looked up
            by_word.setdefault(_strip_clitic(tok.norm), []).append(k)
    named = {}  # title words -> [(offset, name)]
    for span in bare:
        title = _title_words(span.speaker)
        if not title:
            continue
        if title not in named:
            named[title] = _names_after_title(state, title, by_word, sentence_end)
        found = named[title]  # in text order
        at = bisect.bisect_left(found, (span.start, ""))
        name = found[at - 1][1] if at else (found[0][1] if found else None)
        if name:
            span.description, span.speaker_name, span.speaker_kind = span.speaker, name, PERSON


def _title_words(mention):
    """A title's words, normalized. A word run keeps a directional mark written before it
    (\u200fالرئيس): it is stripped first, or the word would be dropped as no word."""
    return tuple(_norm(w) for w in TOKEN_RE.findall(spaced_underscores(strip_invisibles(mention))) if w[0].isalnum())


def _names_after_title(state, title, by_word, sentence_end):
    """(offset, name) for every place the article writes `title` followed by a name."""
    tokens = state.tokens
    found = []
    for k in by_word.get(_strip_clitic(title[0]), ()):
        words = [t for t in tokens[k : k + 2 * len(title) + 2] if t.is_word]
        # (مؤسس موقع "فيسبوك" for مؤسس فيسبوك: also the post without its organisation's head noun)
        without_head = [words[0], *words[2:]] if len(words) > len(title) >= 2 and words[1].norm in ORGANISATION_HEADS else []
        if not (_opens_with_title(words, title) or _opens_with_title(without_head, title)):
            continue
        if k and tokens[k - 1].is_word and _is_title_word(tokens[k - 1].norm):
            continue  # inside a longer title: المتحدث باسم الرئيس التركي إبراهيم كالين
        sp, _ = read_speaker(state, k, sentence_end[k] or len(tokens))
        if sp is None or sp.kind != PERSON or not sp.description:
            continue
        if " " not in sp.name and _possessed(_tokenize(sp.name)[0]):
            continue  # وأبدى المدرب الألماني رغبته: what he showed, no name
        first = _norm(sp.name.split()[0])
        if first[:1] == "ل" and first[1:] in ORGANISATION_HEADS:
            continue  # الرئيس التنفيذي لشركة آبل أكبر شركة: the post's company, no name
        if not any(_title_names_post(title, post) for post in re.split("[،,]", sp.description)):
            continue
        found.append((tokens[k].start, sp.name))
    return found


def _opens_with_title(words, title):
    """Do the tokens open with the title's words (its first with or without a clitic)?"""
    opening = tuple(_strip_clitic(w.norm) if n == 0 else w.norm for n, w in enumerate(words[: len(title)]))
    return opening == (_strip_clitic(title[0]), *title[1:])


def _title_names_post(title, post):
    """Does a bare title stand for this post? When it ends the post (وزير الخارجية الروسي
    for the whole post, الأمير for ولي العهد السعودي، الأمير) or, for a title of two words
    or more, begins it (وزير المالية for وزير المالية والخزانة التركي). A person's posts
    are the parts of a description between commas."""
    words = _title_words(post)
    if words[-len(title):] == title or (len(title) >= 2 and words[: len(title)] == title):
        return True
    # مؤسس فيسبوك for مؤسس موقع "فيسبوك": the post without its organisation's head noun
    bare = [w for w in words if w not in ORGANISATION_HEADS]
    return len(title) >= 2 and len(bare) < len(words) and bare[: len(title)] == list(title)


# A participle after these is a predicate or an adjective, nobody's speech: كما كان متوقعا،
# أفضل مما كان متوقعا، تطورات غير متوقعة.
PREDICATE_BEFORE = _forms(
    "كان", "كانت", "وكان", "وكانت", "فكان", "يكون", "تكون", "سيكون", "ستكون", "غير", "وغير",
)


def _process_continuation(state, i, s_end, gender, sentence_subject):
    """…، مضيفا أن … / مشيرا إلى أن …: the content belongs to the last speaker."""
    prev = state.tokens[i - 1] if i else None
    if prev is not None and prev.norm in PREDICATE_BEFORE:
        return
    sp = _inherit(state, gender, sentence_subject)
    if sp is None:
        return
    opener, channel, opener_kind = _skip_channel(state, i + 1, min(s_end, i + 6))
    if opener is None:
        # (a weak participle takes an object only after a pause: لقطات متوقعة بلغت …،
        # الخطة مرجحة للفشل are adjectives of the noun before)
        if prev is not None and prev.is_word and _strip_clitic(state.tokens[i].norm) in WEAK_PARTICIPLES:
            return
        if _strip_clitic(state.tokens[i].norm) in OBJECT_PARTICIPLES or state.tokens[i].norm in OBJECT_PARTICIPLES:
            _add_object(state, state.tokens[i], state.tokens[i].norm, sp, i + 1, s_end, channel)
        return
    content = _content(state, opener, opener_kind, s_end, False)
    if content is None:
        return
    kind, start, end, _ = content
    _add(state, kind, start, end, state.tokens[i].text, sp, channel, 0.75)
