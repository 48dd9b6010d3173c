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

import bisect
import heapq
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from articles.quotes.extract import CHANNEL_NOUNS, DEFINITE_GIVEN_NAMES, DESCRIBING_ADJECTIVES, DOCUMENT_SUBJECTS, PUBLISHED_DOCUMENTS, PUBLISHED_IT, AUTHORED_IT, KNOWN_OUTLETS, ON_BEHALF_OF, OUTLET_HEADS, NAME_HEADS, NAME_LINKS, POST_LINKS, RELATION_TITLES, UNNAMED_HEADS, named_organisations, titled_names, tokenize
from articles.quotes.lexicon import words
from articles.text.normalize import normalize_arabic, strip_invisibles
from articles.text.skeleton import LONG_VOWELS, NAME_SOUNDS, fold_name_sounds, name_skeleton_of

LONG_VOWELS_RE = re.compile(f"[{''.join(sorted(LONG_VOWELS))}]")
PUNCTUATION_RE = re.compile(r"[\"«»“”„'#()\[\]،,.:؛;!?؟\-–—_]+")
LONE_TATWEEL_RE = re.compile(r"(?<!\w)ـ+|ـ+(?!\w)")

# Links at or above this are made automatically; below it a new speaker is created and
# the low confidence is stored on the statement for an editor to review.
LINK_THRESHOLD = 0.8
EXACT, SKELETON, SURNAME = 1.0, 0.85, 0.6


def clean_name(name):
    """Spaces and punctuation out: 'وكالة "إنترفاكس"' → 'وكالة إنترفاكس'; a tatweel standing
    alone is a dash (ـ هيكتور كوبر)."""
    return " ".join(LONE_TATWEEL_RE.sub(" ", PUNCTUATION_RE.sub(" ", strip_invisibles(name))).split())


def normalized_name(name):
    return normalize_arabic(clean_name(name))


@lru_cache(maxsize=100_000)
def _token_skeleton(token):
    """The word's spelling skeleton as a word of a name (articles.text.skeleton)."""
    return name_skeleton_of(normalize_arabic(token))


@lru_cache(maxsize=100_000)
def _folded(token):
    """The word with only the transliteration swaps folded (sound classes, تش, final ش)."""
    return fold_name_sounds(normalize_arabic(token))


def _edit_distance(a, b, swaps=True):
    """Edits from a to b, two neighbouring letters swapped counting as one when `swaps`:
    transliterations move a vowel letter across a consonant (جيرمي / جريمي)."""
    before, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if swaps and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and ca != cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, previous = previous, current
    return previous[-1]


# Endings no Arabic name has, which mark a transliteration even when few long vowels are
# left (عراقجي / عرقجي، زيبكجي، لافروف، كوزنتسوف، أوغلو، باشينيان، فوسيتش).
FOREIGN_ENDINGS = tuple(normalize_arabic(w) for w in ("جي", "وف", "وفا", "سكي", "وغلو", "يان", "يتش", "ينكو"))


@lru_cache(maxsize=100_000)
def close_spelling(a, b):
    """Are two words of one skeleton spellings of one name? The skeleton drops every long
    vowel, so موغيريني and ماكرون share one (مكرن); spellings of one name differ by a
    letter or two (ترامب / ترمب، غوتيريش / جوتيريس، نتنياهو / نتانياهو). The skeleton is for
    transliterated foreign names: an Arabic name is a three-letter root whose long vowels
    tell names apart (حسن / حسين، سعد / سعيد، جمال / كمال), so a skeleton under four letters
    takes the same spelling."""
    skel = _token_skeleton(a)
    if skel != _token_skeleton(b):
        return False
    if (_given_name(a) or _given_name(b)) and _written(a) != _written(b):
        return False  # محمد / محمود، زياد / زايد: two Arabic names, not two spellings
    fa, fb = _folded(a), _folded(b)
    # Foreign names are rich in long vowels (بومبيو / بامبيو): two or more in each word
    # mark a transliteration even when only three consonants are left.
    foreign = len(skel) >= 4 or min(len(LONG_VOWELS_RE.findall(fa[1:])), len(LONG_VOWELS_RE.findall(fb[1:]))) >= 2 or (
        normalize_arabic(a).endswith(FOREIGN_ENDINGS) and normalize_arabic(b).endswith(FOREIGN_ENDINGS)
    )
    if fa == fb:
        # The sound classes are a transliteration's swaps; in an Arabic name each letter
        # is its own sound (جمال / كمال، جاسم / قاسم، ثامر / سامر). Only the names' own تش
        # for ج is a spelling there (تشانغ / جانغ).
        return foreign or _written(a) == _written(b)
    if len(skel) < 2:
        return False  # one consonant (تشوي / جاي) tells no name from another
    if not foreign:
        return False
    # Five letters at least and the same last two: ميسي is not موسى, nor مورينيو مورينيا.
    if len(fa) == len(fb) >= 5 and fa[0] == fb[0] and fa[-1] == fb[-1]:
        # ناورت / نويرت / نوريت: the same consonants in the same order, as many letters, the
        # vowel letters moved between them
        return True
    # (a swap is a transliteration's only in a longer word: زايد / زياد، عايد / عياد are two
    # Arabic names)
    return _edit_distance(fa, fb, swaps=min(len(fa), len(fb)) >= 5) <= 1 + min(len(fa), len(fb)) // 6


@lru_cache(maxsize=100_000)
def _written(token):
    """The word as written, with only the names' own swaps (NAME_SOUNDS) folded."""
    word = normalize_arabic(token).replace("ء", "")
    for written, sound in NAME_SOUNDS:
        word = word.replace(written, sound)
    return word


def vowel_variant(a, b):
    """Two spellings of one skeleton a vowel letter apart inside the word (بنس / بينس، بوتن /
    بوتين، ماسك / موسك): as close as a foreign name's spellings get, and as close as two Arabic
    names (حسن / حسين) are, so callers ask for more evidence (see foreign_first_name)."""
    if _token_skeleton(a) != _token_skeleton(b):
        return False
    fa, fb = _folded(a), _folded(b)
    # The vowel letters in between: a final one changes the word (موسك / موسكو).
    return fa[:1] == fb[:1] and fa[-1:] == fb[-1:] and _edit_distance(fa, fb) <= 1


def foreign_first_name(word):
    """Does a first name read as transliterated (مايك، فلاديمير، إيلون، ميلانيا)? Foreign
    names carry two or more long vowels after the first letter; most Arabic first names
    (محمد، حسن، عمرو، جمال) carry fewer."""
    word = normalize_arabic(word)
    return len(LONG_VOWELS_RE.findall(word[1:])) >= 2


def name_skeleton(name):
    """A spelling-insensitive key: غوتيريش, جوتيريش and غوتيريس all give 'كترس'."""
    return " ".join(_token_skeleton(t) for t in clean_name(name).split())


def match_confidence(a, b):
    """How sure it is that names `a` and `b` are the same speaker (0..1)."""
    na, nb = normalized_name(a), normalized_name(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return EXACT
    if name_skeleton(a) == name_skeleton(b):
        # Every word spelled differently must be a spelling of the same name (see
        # close_spelling) for the link to be made without an editor.
        ta, tb = na.split(), nb.split()
        close = all(close_spelling(x, y) for x, y in zip(ta, tb))
        return SKELETON if close or _one_syllable_apart(ta, tb) or _vowel_apart_in_a_foreign_name(ta, tb) else 0.7
    ta, tb = na.split(), nb.split()
    if _one_syllable_apart(ta, tb):
        return SKELETON
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) == 1 and len(long_) > 1 and close_spelling(short[0], long_[-1]):
        return SURNAME  # surname alone: likely, never certain across articles
    return 0.0


def _one_syllable_apart(ta, tb):
    """مون جاي إن / مون جيه إن / مون جي إن: a name of three words or more written the same
    but for one syllable of one consonant, spelled with other vowel letters (or a final ه
    that writes a vowel). One such word alone names no one (close_spelling); inside a full
    name whose other words agree, it is a spelling of the same name."""
    if len(ta) != len(tb) or len(ta) < 3 or arabic_name(ta):
        return False
    differ = [(x, y) for x, y in zip(ta, tb) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    return _syllable(x) and _syllable(y) and x[0] == y[0]


ARABIC_GIVEN_NAMES = words("arabic_given_names")


def _given_name(word):
    return normalize_arabic(word) in ARABIC_GIVEN_NAMES


def _vowel_apart_in_a_foreign_name(ta, tb):
    """فلاديمير بوتين / فلاديمير بوتن، إيلون ماسك / إيلون موسك، باراك أوباما / بارك أوباما: words
    a vowel letter apart (vowel_variant), which alone could be two Arabic names (حسن /
    حسين), in a name whose other words read as transliterated (foreign_first_name)
    and is no Arabic given name of that shape (إبراهيم حسن / إبراهيم حسين are two people):
    the foreign name around it says the vowel letter is a spelling."""
    if len(ta) != len(tb) or len(ta) < 2 or arabic_name(ta):
        return False
    differ = [(x, y) for x, y in zip(ta, tb) if x != y]
    # (a short word a vowel apart is another name, مايك لي / مايك لوي; a definite word is no
    # transliteration, كبير المسؤولين / كبار المسؤولين)
    if not differ or not all(vowel_variant(x, y) and min(len(x), len(y)) >= 3 for x, y in differ):
        return False
    if any(w.startswith("ال") for w in ta + tb):
        return False
    if not all(_transliterated(x) for x, y in zip(ta, tb) if x == y):
        return False
    # (every word spelled two ways, جيريمي هنت / جيرمي هانت: one of them reads as foreign in both)
    return len(differ) < len(ta) or any(_transliterated(x) and _transliterated(y) for x, y in differ)


def _transliterated(word):
    return foreign_first_name(word) and word not in ARABIC_GIVEN_NAMES


def arabic_name(words):
    """مي بنت محمد، مها عبد الله، طه بن علي: an Arabic name (بن، بنت، عبد، أبو، آل …), whose
    short given names are names of their own (مي / مها), not one syllable spelled two ways."""
    return any(w in NAME_LINKS or w in NAME_HEADS for w in words)


def _syllable(word):
    """جاي، جيه، جي: one consonant and vowel letters (a final ه writes a vowel)."""
    return len(word) <= 3 and word[0] not in LONG_VOWELS and all(c in LONG_VOWELS or c == "ه" for c in word[1:])


def syllable_key(name):
    """The key under which a name of three words or more is found whatever the vowel letters
    of its one-consonant syllables (مون جاي إن، مون جيه إن، مون جي إن), or None: the archive
    looks a new spelling up by it (_one_syllable_apart then decides)."""
    words = normalized_name(name).split()
    if len(words) < 3 or not any(_syllable(w) for w in words) or arabic_name(words):
        return None
    return "syllables:" + " ".join(w[0] if _syllable(w) else _token_skeleton(w) for w in words)


@dataclass
class ArticleSpeaker:
    """One speaker of one article, after in-article coreference."""

    name: str
    kind: str
    description: str = ""
    gender: str = ""


# الوزارة after وزارة الدفاع الروسية: the head noun with the article refers back to the
# organisation named after it.
ORGANISATION_BACK_REFERENCES = {"ال" + head: head for head in words("back_reference_heads")}
NATIONAL_EPITHET_HEADS = words("national_epithet_heads")
KIND_ADJECTIVES = words("back_reference_adjectives")


def resolve_in_article(spans, text=None):
    """Canonical speaker per span (None when the span has no speaker), in span order.

    `spans` are StatementSpan objects of one article, in reading order; `text`, the
    article they come from, lets a surname alone resolve to the full name the article
    gives that person outside any statement (الرئيس الأمريكي دونالد ترامب … وأوضح ترامب).
    """
    known = _KnownSpeakers()
    titled = None  # the article's titled full names, read only when a surname needs them
    organisations = None  # the organisations its narration names, read only when asked
    resolved = []
    bare_titles = []  # speakers known only by a title, not (yet) by a name
    bare_organisations = []  # (speaker, head): وقالت المنظمة before any منظمة was named
    # (for epithets: each person once, the latest quoted last, and the posts the narration
    # gives them near their name, each read once)
    recent, synced, posts_near = {}, 0, {}
    # (read only for an article where a statement speaks, as most never do)
    channels = _Channels(text) if any(_channel_referred_to(clean_name(s.speaker_name or s.speaker)) for s in spans) else None
    for n, span in enumerate(spans):
        if n and channels is not None:
            channels.made(spans[n - 1], resolved[-1])
        name = _issuer_of_document(clean_name(span.speaker_name) or clean_name(span.speaker))
        if not name:
            resolved.append(None)
            continue
        if text and span.description and span.speaker and _named_for_anothers_post(span, text, posts_near):
            # نائب الرئيس الأمريكي دونالد ترامب: the name is the president's, whom the article
            # calls so elsewhere; his deputy, unnamed here, speaks
            name = clean_name(span.speaker)
        issuer = channels.issuer_of(name, span.start if span.speaker_start is None else span.speaker_start) if channels else None
        if issuer is None and channels is not None and channels.unnamed(name):
            issuer = channels.issuer_quoted_last(span.start if span.speaker_start is None else span.speaker_start)
        if issuer is not None:
            # وذكرت الوزارة في بيان أن …، وأضاف البيان أن …: the statement speaks for its issuer
            resolved.append(issuer)
            continue
        head = _organisation_back_reference(name) if text else None
        speaker = None
        # (منصة التواصل الاجتماعي describes the one named before; the narration's reading
        # of it as a name is its own words again)
        if head is not None and not span.inherited and span.speaker_start is not None and name.startswith("ال"):
            # بحسب ما أعلنته الشركة الأم "كيتي هوك": the mention names the organisation itself
            if organisations is None:
                organisations = _NamedOrganisations(named_organisations(text))
            speaker = _organisation_named_at(known, organisations, head, span.speaker_start, span.speaker_end)
        if speaker is None:
            speaker = known.find(name, span.speaker_gender)
        # (the narration's titled names for a title with the article only: a title in
        # construct, رئيس الأهلي، finds the wrong words there too often)
        if speaker is None and text and (_bare_word(name) and span.speaker_kind != "organisation" or _definite_bare_title(name)):
            if titled is None:
                titled = _TitledNames(titled_names(text))
            full = titled.for_surname(name, span.speaker_gender) if _bare_word(name) else titled.for_title(name, span.speaker_gender)
            if full is not None:
                speaker = known.find(full.name) or known.add(full, quoted=False)
        if speaker is None and head is not None:
            # وقالت المنظمة الحقوقية after منظمة العفو الدولية in the narration
            if organisations is None:
                organisations = _NamedOrganisations(named_organisations(text))
            # (a described head, منصة التواصل الاجتماعي, is read as named where it stands:
            # only those before the mention are others)
            before = span.speaker_start if span.speaker_start is not None and not name.startswith("ال") else span.start
            named = _named_organisation(organisations, head, before, name)
            if named is not None:
                speaker = known.find(named) or known.add(ArticleSpeaker(named, "organisation"), quoted=False, head=head)
            elif _national_epithet(head, tokens := normalize_arabic(name).split()):
                # وأضافت الصحيفة الإنجليزية after ذكرت صحيفة ليفربول إيكو: one quoted before
                speaker = _quoted_with_head(resolved, head, _nationality(tokens[1]))
            elif head in COMPANY_HEADS and len(tokens) == 1:
                # لكن الشركة تقول after ووفقا لتويتر: the company quoted last by its name alone
                speaker = _company_quoted_last(resolved, text)
        # (a nationality alone, وأبدى البلجيكي, is guessed an organisation like الجيش الأمريكي)
        if speaker is None and (span.speaker_kind != "organisation" or _nationality_alone(name)) and text:
            if titled is None:
                titled = _TitledNames(titled_names(text))
            for earlier in resolved[synced:]:
                if earlier is not None:
                    recent.pop(id(earlier), None)
                    recent[id(earlier)] = earlier
            synced = len(resolved)
            speaker = _epithet_referent(normalize_arabic(name).split(), span.speaker_gender, recent, titled, text, posts_near)
        if speaker is None:
            speaker = known.add(
                ArticleSpeaker(name, span.speaker_kind, span.description, span.speaker_gender),
                head=(_described_head(span) if span.speaker_kind == "organisation" else None) or _published_by(span),
            )
            if _bare_title(name):
                bare_titles.append(speaker)
            elif head is not None and text and (" " not in name or _national_epithet(head, normalize_arabic(name).split())):
                bare_organisations.append((speaker, head, span.start))
        elif len(span.description) > len(speaker.description):
            known.describe(speaker, span.description)
        resolved.append(speaker)
    # A title first, the name later (وعزى ممثل مفوضية شؤون اللاجئين …، then وقال ممثل مفوضية
    # الأمم المتحدة لشؤون اللاجئين في سوريا سجاد مالك): the one person quoted with that post.
    named_later = {}
    for bare in bare_titles:
        tokens = normalize_arabic(bare.name).split()
        people = {
            name_skeleton(sp.name): sp for sp in known.named
            if sp is not bare and sp.description and (not bare.gender or not sp.gender or bare.gender == sp.gender)
            and _plausible_name(sp.name)
            # (the post may be the description's second title: العاهل البحريني، الملك حمد
            # بن عيسى is the one ملك البحرين names)
            and _title_key(tokens[0]) in _posts_of(sp.description)
            # (وقالت الوزيرة أنجي موتشيكا after وزيرة التعليم الأساسي: a post of one word says
            # nothing that could disagree with the fuller one, unless that one gives a
            # nationality: الممثلة الإيطالية is not الممثلة روز ماغوين)
            and (_title_agrees(tokens, sp) or len(sp.description.split()) == 1 and not any(map(_nationality, tokens)))
            and _country_agrees(tokens, sp.description)
        }
        if len(people) == 1:
            named_later[id(bare)] = next(iter(people.values()))
    # أصدرت منظمة هيومن رايتس ووتش تقريرا … ودعت المنظمة الرياض … then قالت منظمة هيومن
    # رايتس ووتش إن: the one organisation of that head the article quotes, which the
    # narration named before the bare head (in words the reader took for no name).
    # (each organisation read once, by its head: an article of many epithets stays linear)
    by_head, first_at = defaultdict(dict), {}
    if bare_organisations:
        for sp in {id(sp): sp for sp in resolved if sp is not None and sp.kind == "organisation"}.values():
            sp_tokens = normalize_arabic(sp.name).split()
            if len(sp_tokens) >= 2:
                by_head[sp_tokens[0]][name_skeleton(sp.name)] = sp
    for bare, head, at in bare_organisations:
        tokens = normalize_arabic(bare.name).split()
        nationality = _nationality(tokens[1]) if len(tokens) > 1 else None
        bodies = []
        for sp in by_head.get(head, {}).values():
            if sp is bare or (nationality is not None and not _nationality_allows(sp.name, nationality)):
                continue
            if id(sp) not in first_at:
                first_at[id(sp)] = text.find(sp.name)
            if 0 <= first_at[id(sp)] < at:
                bodies.append(sp)
                if len(bodies) > 1:
                    break
        if len(bodies) == 1:
            named_later[id(bare)] = bodies[0]
    return [named_later.get(id(sp), sp) if sp is not None else None for sp in resolved]


def _country_agrees(tokens, description):
    """ملك البحرين is not the king the article calls العاهل المغربي: the country a bare title
    is in construct with (its second word, definite and no nisba) must be the country of a
    nisba the description gives, when it gives any (البحرين / البحريني، الأردن / الأردني)."""
    countries = [w for w in tokens[1:2] if w.startswith("ال") and not w.endswith(("ي", "يه")) and len(w) > 4]
    nisbas = [w for w in normalize_arabic(clean_name(description)).split() if _nationality(w)]
    if not countries or not nisbas:
        return True
    # (a nisba is its country and ي, without the article: البحريني → بحرين)
    return any(_masculine(n).removeprefix("ال")[:-1] == c.removeprefix("ال").removesuffix("ه") for c in countries for n in nisbas)


def _posts_of(description):
    """The title keys a description opens its posts with: its first word, and the first after
    each comma (العاهل البحريني، الملك → عاهل، ملك); not a word inside a post (قائد فريق
    البحث is no فريق)."""
    return {_title_key(part.split()[0]) for part in normalize_arabic(re.sub(r"[،,]", " ، ", description)).split("،") if part.split()}


def _epithet_referent(tokens, gender, recent, titled, text, posts_near):
    """وصرح المدرب الألماني، وتابع الهداف الإنجليزي، وقال الصربي: a post or a nationality with
    the article and no name is a way of not repeating the name of someone quoted before. The
    latest such person (`recent`: the article's speakers so far, each once, the latest last) whose post and nationality
    agree with the epithet's is the one; None when nobody does, or the epithet names a
    source (المصدر الأمريكي), not someone quoted before. A post alone
    (their nationality unstated) says who only when the article names nobody else with it:
    وأقرت الممثلة الإيطالية after الممثلة روز ماغوين is the actress آسيا أرجنتو named
    between them. With a post, the one person quoted so far is the one when the mention
    says nothing of their post or nationality (most never give a famous coach's) but the
    narration gives them that post near their name (يورغن كلوب، مدرب ليفربول) and it is no
    country's office (الرئيس الروسي is Russia's president, whoever was quoted)."""
    if not 1 <= len(tokens) <= 3 or not all(w.startswith("ال") for w in tokens):
        return None
    nationality = _nationality(tokens[-1])
    if nationality is None or is_unnamed_source(" ".join(tokens)):
        return None
    head = _title_key(tokens[0]) if len(tokens) > 1 else None
    if head is not None and tokens[0] not in GENERIC_TITLES:
        return None  # الجيش الأمريكي, الجانب الروسي: no person's post
    if tokens[:2] == TECHNICAL_DIRECTOR_DEFINITE and len(tokens) == 3:
        head = COACH  # وقال المدير الفني الأرجنتيني: the coach, as the description is read below
    undescribed = []  # people quoted with nothing said of them that could disagree
    people = 0
    for speaker in reversed(recent.values()):
        if speaker.kind != "person" or not _plausible_name(speaker.name) or _bare_title(speaker.name):
            if head is not None and is_unnamed_source(speaker.name) and _title_key(normalize_arabic(speaker.name).split()[0]) == head:
                return None  # مسؤول سعودي، طلب عدم ذكر اسمه: the one unnamed, never someone named before
            continue
        if gender in ("m", "f") and speaker.gender in ("m", "f") and gender != speaker.gender:
            continue
        theirs = normalize_arabic(speaker.description).split()
        # (a nationality alone, الصربي رادي, says nothing of the post: المدرب الصربي is he)
        their_head = _title_key(theirs[0]) if theirs and not _nationality(theirs[0]) else None
        if theirs[:2] in (TECHNICAL_DIRECTOR, TECHNICAL_DIRECTOR_DEFINITE):
            their_head = COACH  # المدير الفني للمنتخب المصري، هيكتور كوبر … المدرب الأرجنتيني
        stated = _own_nationalities(theirs)
        if stated and nationality not in stated:
            continue  # المدرب الألماني is not the Spanish coach quoted last
        if their_head is not None and head is not None and head != their_head and not (
            head in LOOSE_POSTS or head in PLAYER_POSTS and their_head in PLAYER_POSTS
        ):
            continue  # الرئيس الأمريكي is not وزير الخارجية الأمريكي مايك بومبيو, الطبيب not المحامي
        if stated:
            return speaker
        if head is not None and head == their_head:
            # (المدير الفني is read as المدرب: the article's technical directors are coaches too)
            directors = {
                key for key, (name, description, _) in titled.people_by_title.get(_title_key(tokens[0]), {}).items()
                if normalize_arabic(description).split()[:2] in (TECHNICAL_DIRECTOR, TECHNICAL_DIRECTOR_DEFINITE)
                and _plausible_name(name) and normalize_arabic(name)[1:].split()[0] not in TEAMS  # (not لمنتخب مصر)
            } if head == COACH else set()
            others = (set(titled.people_by_title.get(head, {})) | directors) - {name_skeleton(speaker.name)}
            return None if others else speaker
        people += 1
        if not theirs:
            undescribed.append(speaker)
    if people == 1 and undescribed and head is None and _nationality_next_to_name(text, undescribed[0].name, nationality, posts_near):
        # وأبدى البلجيكي استمتاعه after هازار, whom the narration calls البلجيكي: the one
        # person quoted so far, of that nationality
        return undescribed[0]
    if (
        people == 1 and undescribed and head is not None and head not in AIDES and head not in COUNTRY_OFFICES
        and not titled.people_by_title.get(head) and _post_near_name(text, undescribed[0].name, head, posts_near)
    ):
        # وأبدى كلوب رغبته …، وصرح المدرب الألماني: the one person quoted so far, of whom
        # the mention says nothing that disagrees, and whom the narration gives the post.
        # A spokesman (المتحدث العسكري الإسرائيلي) is new.
        return undescribed[0]
    return None


COACH = normalize_arabic("مدرب")  # (the title key of المدرب)
TEAMS = frozenset(normalize_arabic(w) for w in ("منتخب", "نادي", "فريق"))
TECHNICAL_DIRECTOR = normalize_arabic("مدير فني").split()
TECHNICAL_DIRECTOR_DEFINITE = normalize_arabic("المدير الفني").split()


def _nationality_alone(name):
    """البلجيكي، الصربية: a nationality with the article and nothing else."""
    return " " not in name and name.startswith("ال") and _nationality(normalize_arabic(name)) is not None


def _own_nationalities(description_words):
    """The nationalities a description gives its person: those before the team it names
    (المدير الفني للمنتخب المصري، مدرب المنتخب المصري is no Egyptian)."""
    stated = set()
    teams = False
    for k, w in enumerate(description_words):
        if teams:
            # (after the comma that closes the team's words, the person's again: مهاجم فريق
            # تشلسي الإنجليزي لكرة القدم، البلجيكي)
            teams = not w.endswith(("،", ","))
            continue
        bare = "ال" + w[2:] if w[:2] == "لل" else w  # للمنتخب → المنتخب
        if k and (bare in TEAMS or bare[2:] in TEAMS):
            # (a team's only: وزير الخارجية الأمريكي and the commander of the American forces,
            # القائد العام للقوات الأمريكية, are American)
            teams = not w.endswith(("،", ","))
            continue
        if w.endswith(("،", ",")) and k + 1 < len(description_words) and _nationality(description_words[k + 1]):
            # مدافع ليفربول الإنجليزي، الهولندي: after the club's words and their comma, the
            # player's own nationality; what came before the comma was the club's
            stated = set()
            continue
        nationality = _nationality(w.rstrip("،,"))
        if nationality:
            stated.add(nationality)
    return stated


# How far from a name the narration's post for it is looked for (يورغن كلوب، مدرب ليفربول).
POST_NEAR = 40


def _post_near_name(text, name, head, cache):
    """Does the text give the post `head` (a title key) within POST_NEAR characters of the
    name's last word, anywhere? Each (name, head) read once per article."""
    key = (name, head)
    if key not in cache:
        last = name.split()[-1]
        found = False
        first = text.find(last)
        # named more than once: not a word misread as a name (مكان)
        start = first if first >= 0 and text.find(last, first + len(last)) >= 0 else -1
        while start >= 0 and not found:
            window = normalize_arabic(text[max(0, start - POST_NEAR) : start + len(last) + POST_NEAR])
            found = any(_title_key(w) == head for w in window.split()) or any(
                phrase in window for phrase in POST_PHRASES.get(head, ())
            )
            start = text.find(last, start + len(last))
        cache[key] = found
    return cache[key]


def _named_for_anothers_post(span, text, cache):
    """Is the name after an aide's post (نائب، مستشار، المتحدث باسم، زوجة …) that of the one
    whose post follows the aide's word (الرئيس الأمريكي)? The words alone say either (نائب
    الرئيس الأمريكي مايك بنس is the deputy; نائب الرئيس الأمريكي دونالد ترامب is the
    president's deputy): the article tells, when it writes that post right before the same
    name elsewhere without the aide's word (الرئيس الأمريكي، دونالد ترامب)."""
    post = normalize_arabic(span.description).split()
    if len(post) < 2 or _title_key(post[0]) not in AIDE_WORDS:  # (defined with AIDES, below)
        return False
    inner = 2 if post[1] == ON_BEHALF_OF else 1
    owner = post[inner:]
    if not owner or not owner[0].startswith(("ال", "لل")) or _title_key(_without_preposition(owner[0])) not in OWNER_POSTS:
        return False
    owner = [_without_preposition(owner[0]), *owner[1:]]
    words_ = _article_words(text, cache)
    name = normalize_arabic(span.speaker_name).split()
    if not name:
        return False
    phrase = owner + name
    # (looked for where the name's rarest word stands, not the post: every sentence may say
    # الرئيس, or every aide be a محمد, and an article of many aides then read the whole
    # article once per aide)
    positions = _article_positions(text, cache)
    at = min(range(len(owner), len(phrase)), key=lambda k: len(positions.get(phrase[k], ())))
    for n in positions.get(phrase[at], ()):
        i = n - at
        if i >= 0 and words_[i : i + len(phrase)] == phrase and (i == 0 or not _aide_word(words_[i - 1])):
            return True
    return False


def _aide_word(word):
    """نائب، ونائب، لنائب، بنائب، المتحدث، باسم: an aide's post word, with a clitic or not."""
    if _title_key(word) in AIDE_WORDS or word == ON_BEHALF_OF:
        return True
    return word[:1] in CLITICS and len(word) > 3 and _title_key(word[1:]) in AIDE_WORDS


def _article_positions(text, cache):
    """Where each of the article's normalized words stands (_article_words), read once: a
    phrase is looked for where its first word is, not at every word of a long article."""
    if "positions" not in cache:
        positions = defaultdict(list)
        for n, w in enumerate(_article_words(text, cache)):
            positions[w].append(n)
        cache["positions"] = positions
    return cache["positions"]


# Posts whose holder an aide's post names (نائب الرئيس، مستشار الملك، المتحدث باسم الوزير).
OWNER_POSTS = frozenset(normalize_arabic(w) for w in ("رئيس", "ملك", "أمير", "وزير", "وزيرة", "زعيم", "مرشد", "سلطان", "رئيسة", "ولي"))


def _nationality_next_to_name(text, name, nationality, cache):
    """Does the narration write the nationality right before the name (البلجيكي إدين هازار)
    or right after it (هازار البلجيكي)? Only there is it his: a nationality a few words
    away is as often the man named beside him (وأشاد كلوب باللاعب المصري محمد صلاح) or the
    epithet itself. Read on the normalized words, each (name, nationality) once per article."""
    key = ("nationality", name, nationality)
    if key not in cache:
        words_ = _article_words(text, cache)
        name_words = normalize_arabic(name).split()
        size = len(name_words)
        found = False
        for i, w in enumerate(words_):
            if w != name_words[-1]:
                continue
            # the mention ends here: the whole name, or the surname alone
            start = i - size + 1 if i >= size - 1 and words_[i - size + 1 : i + 1] == name_words else i
            before = start - 1
            while before >= max(0, start - 3) and not words_[before].startswith("ال"):
                before -= 1  # البلجيكي إدين هازار: the first names before the surname quoted
            if (before >= 0 and _nationality(words_[before]) == nationality) or (
                i + 1 < len(words_) and _nationality(words_[i + 1]) == nationality
            ):
                found = True
                break
        cache[key] = found
    return cache[key]


def _article_words(text, cache):
    """The article's words as the extractor's tokenizer reads them (normalized, no
    punctuation), once per article; the tokenizer keeps the article it read last, so this
    costs nothing after extraction."""
    if "words" not in cache:
        cache["words"] = [t.norm for t in tokenize(text) if t.is_word]
    return cache["words"]


# A post also written as a phrase: a coach is as often المدير الفني (هيكتور كوبر، المدير
# الفني للمنتخب المصري).
POST_PHRASES = {normalize_arabic("مدرب"): (normalize_arabic("المدير الفني"), normalize_arabic("مدير فني"))}


def _issuer_of_document(name):
    """وجاء في بيان الوكالة أن …: a statement of the agency's is the agency's (بيان الوكالة →
    الوكالة, which then resolves as the agency named before)."""
    tokens = name.split()
    if len(tokens) >= 2 and normalize_arabic(tokens[0]) in DOCUMENT_SUBJECTS and normalize_arabic(tokens[1]).startswith("ال"):
        return " ".join(tokens[1:])
    if len(tokens) >= 3 and normalize_arabic(tokens[0]) in PUBLISHED_DOCUMENTS and normalize_arabic(tokens[1]) in PUBLISHED_IT | AUTHORED_IT:
        return " ".join(tokens[2:])  # وجاء في بيان نشره رئيس الاتحاد: its author's
    return name


OUTLET_WORDS = frozenset(normalize_arabic(w) for w in KNOWN_OUTLETS | OUTLET_HEADS)
DOCUMENT_NOUN = normalize_arabic("بيان")


def _issued_document(name):
    """بيان رسمي, بيان مشترك: a statement quoted as the speaker, its issuer unnamed."""
    tokens = normalize_arabic(name).split()
    return bool(tokens) and tokens[0] in DOCUMENT_SUBJECTS


def _channel_forms():
    """Every word that names a statement made through a channel other than one already
    named, by the channel noun it names: بيان، بيانا، ببيان، وبيان، بيانها، رسالته (not
    البيان, the one named before; not بيانات, data)."""
    forms = {}
    for noun in CHANNEL_NOUNS:
        stem = noun[:-1] + "ت" if noun.endswith("ه") else noun  # رسالة → رسالته
        for word in {noun, noun + "ا"} | {stem + own for own in ("ه", "ها", "هم", "هما", "هن")}:
            for prefix in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"):
                forms[prefix + word] = noun
    return forms


CHANNEL_FORMS = _channel_forms()


def _channel_referred_to(name):
    """The channel noun of a speaker that is one with the article (البيان، الرسالة), or None."""
    if not name or " " in name or not name.startswith("ال"):
        return None  # (most names, without normalizing them)
    tokens = normalize_arabic(name).split()
    if len(tokens) != 1 or not tokens[0].startswith("ال") or tokens[0][2:] not in CHANNEL_NOUNS:
        return None
    return tokens[0][2:]


class _Channels:
    """The article's statements made through a channel (قالت الوزارة في بيان, في رسالة)
    and the words that name one: البيان as a speaker is the issuer of the latest, unless a
    word naming another came since with no word of that issuer's name near it (وأصدرت
    السفارة الأميركية بيانا …، وحذر بيان للحوثيين …، وقالت حماس في بيانها; but وزاد بيان
    الوزارة، نشرت وزارة الداخلية بيانا، وأكد العبادي بحسب بيان are the issuer's own): whose
    البيان it is then, a word before the verb does not tell, and another issuer's words are
    worse filed under the wrong one than under البيان. The latest is kept as the spans are
    read, the words are found by bisection and each is judged once per issuer, so a long
    article of 'وأضاف البيان أن' costs linear time (a scan back over every earlier statement
    cost quadratic)."""

    def __init__(self, text):
        self.text = text
        self.latest = {}  # channel noun -> (span, speaker)
        self.named_at = None  # channel noun -> offsets of the words naming one, read when asked
        self.judged = {}  # channel noun -> (the latest span, how many words since are its issuer's)
        self.quoted_last = None  # (span, speaker) of the statement read last with a speaker
        self.document_last = None  # … and of the last whose speaker is a statement (بيان رسمي)

    def made(self, span, speaker):
        if speaker is None:
            return
        nouns = [noun for noun in map(CHANNEL_FORMS.get, normalize_arabic(span.channel).split()) if noun is not None]
        # (said through another channel, في كلمة، في مقابلة: their البيان it is not)
        elsewhere = any(noun not in DOCUMENT_SUBJECTS for noun in nouns)
        self.quoted_last = None if elsewhere else (span, speaker)
        if _issued_document(speaker.name):
            self.document_last = (span, speaker)
        for noun in nouns:
            self.latest[noun] = (span, speaker)

    def unnamed(self, name):
        """Is `name` البيان while no statement so far was said to be made through one? (Not
        الرسالة، المنشور، التغريدات: a letter, a leaflet or tweets are as often someone's
        not yet quoted, the army's leaflets after the prime minister's words.)"""
        noun = _channel_referred_to(name)
        return noun in DOCUMENT_SUBJECTS and noun not in self.latest

    def issuer_quoted_last(self, at):
        """وأوضحت الوزارة أن …، وأضاف البيان أن …: with no statement said to be made through a
        channel, البيان is the statement quoted last as a statement (بحسب بيان رسمي), or
        else the one of the speaker quoted last; not when that was an outlet (ذكرت رويترز
        …، وأضاف البيان: an outlet reports someone else's statement) or when a statement
        was named since with no word of that speaker's name near it (وجاء الإعلان في بيان
        مشترك لخمس هيئات)."""
        if self.text is None:
            return None  # (which statement was named since cannot be read)
        if self.document_last is None and self.quoted_last is None:
            return None
        span, latest = self.document_last or self.quoted_last
        tokens = normalize_arabic(latest.name).split()
        if any(w in OUTLET_WORDS or w.removeprefix("ال") in OUTLET_WORDS for w in tokens[:2]) or (
            is_unnamed_source(latest.name) and self.document_last is None
        ):
            return None
        if self._another_named(DOCUMENT_NOUN, span, latest, at):
            return None
        return latest

    def issuer_of(self, name, at):
        """The speaker for a channel noun with the article as speaker (وأضاف البيان) at
        offset `at`, or None."""
        noun = _channel_referred_to(name)
        found = self.latest.get(noun) if noun else None
        if found is None:
            return None
        span, speaker = found
        if self.text is not None and self._another_named(noun, span, speaker, at):
            return None
        return speaker

    def _another_named(self, noun, span, speaker, end):
        if self.named_at is None:
            self.named_at = defaultdict(list)
            # (the extractor's tokens: the article's were just read, and are served again)
            for tok in tokenize(self.text):
                found = CHANNEL_FORMS.get(tok.norm)
                if found is not None:
                    self.named_at[found].append(tok.start)
        offsets = self.named_at.get(noun, ())
        judged_span, k = self.judged.get(noun, (None, 0))
        if judged_span is not span:
            k = bisect.bisect_left(offsets, span.end)
        while k < len(offsets) and offsets[k] < end:
            if not _issuer_near(self.text, offsets[k], speaker.name):
                self.judged[noun] = (span, k)
                return True
            k += 1
        self.judged[noun] = (span, k)
        return False


# How far around a word naming a statement its issuer is looked for.
ISSUER_NEAR = 120
SENTENCE_END_RE = re.compile(r"[.!?؟\n]")


def _issuer_near(text, offset, issuer):
    """Does the sentence around a word naming a statement (within ISSUER_NEAR characters)
    name `issuer`: its whole name, its last word (العبادي، فيسبوك، الأردنية), or the head
    of an organisation's name with the article (الوزارة for وزارة الإعلام)?"""
    before = text[max(0, offset - ISSUER_NEAR) : offset]
    ends = [m.end() for m in SENTENCE_END_RE.finditer(before)]
    after = text[offset : offset + ISSUER_NEAR]
    stop = SENTENCE_END_RE.search(after)
    near = [_without_preposition(w) for w in normalized_name(
        before[ends[-1] if ends else 0 :] + " " + (after[: stop.start()] if stop else after)).split()]
    words = normalized_name(issuer).split()
    if not words:
        return False
    joined = " " + " ".join(near) + " "
    if f" {' '.join(words)} " in joined or f" {words[-1]} " in joined:
        return True
    # the head alone with the article: وزاد بيان الوزارة، وأوضحت المحكمة في بيانها (not
    # الجيش اللبناني after الجيش الإسرائيلي: another adjective makes another one)
    head = words[0] if words[0].startswith("ال") else "ال" + words[0]
    return any(w == head and (k + 1 == len(near) or not near[k + 1].startswith("ال")) for k, w in enumerate(near))


def _without_preposition(word):
    """للجيش → الجيش, بالبيان → البيان, والجيش → الجيش: a definite word behind ل، ب، و or ف."""
    if word.startswith("لل") and len(word) > 4:
        return "ال" + word[2:]
    if word.startswith(("بال", "وال", "فال")) and len(word) > 5:
        return word[1:]
    return word


def _back_reference_head(word):
    """The head noun (without the article) a normalized word is, with or without it
    (الشركه، شركه → شركه), or None."""
    return ORGANISATION_BACK_REFERENCES.get(word) or (word if "ال" + word in ORGANISATION_BACK_REFERENCES else None)


def _described_head(span):
    """The head noun an organisation's description opens with (الشركة الأم "كيتي هوك",
    شركة النفط السعودية العملاقة "أرامكو"), by which the article may refer back to it."""
    words_ = normalize_arabic(clean_name(span.description)).split()
    if len(words_) - len(normalize_arabic(clean_name(span.speaker_name)).split()) < 2:
        return None  # صحيفة "الحياة": a head and a name, as any outlet is named; not described
    return _back_reference_head(words_[0])


def _published_by(span):
    """The document noun a mention opens with when its publisher speaks (تقرير جديد أصدرته
    شركة غارتنر): a later وقال التقرير is that publisher's."""
    first = normalize_arabic(clean_name(span.speaker)).split()[:1]
    if first and first[0] in PUBLISHED_DOCUMENTS and normalize_arabic(clean_name(span.speaker_name)).split()[:1] != first:
        return first[0]
    return None


def _organisation_back_reference(name):
    """The head noun (normalized, without the article) when a speaker is an organisation's
    head noun alone or with adjectives that are no nationality (الشركة، المنظمة الحقوقية،
    الشركة الأم): it refers back to the one the article named. الحكومة السورية names
    its organisation already."""
    if name.count(" ") > 2:
        return None
    if not name.startswith("ال"):
        # منصة التواصل الاجتماعي، موقع التواصل الاجتماعي: a head in construct with words
        # that only describe it (extract.DESCRIBING_ADJECTIVES), no name. (Most names have
        # no head for their first word: the rest is normalized only for those that do.)
        first, _, rest = name.partition(" ")
        head = _back_reference_head(normalize_arabic(first)) if rest else None
        if head is not None and all(w in DESCRIBING_ADJECTIVES for w in normalize_arabic(rest).split()):
            return head
        return None
    tokens = normalize_arabic(name).split()
    head = ORGANISATION_BACK_REFERENCES.get(tokens[0]) if tokens else None
    if head is None:
        return None
    if _national_epithet(head, tokens):
        return head  # الشركة الأمريكية: a head a country has many of
    if len(tokens) > 2:
        # المجلة الفنية الشهيرة، الشركة التقنية العملاقة: the head and its describing
        # adjectives, none a nationality (those are the national epithets above)
        if len(tokens) <= 4 and all(w.startswith("ال") and _nationality(w) is None for w in tokens[1:]):
            return head
        return None
    if len(tokens) == 2 and not (tokens[1].startswith("ال") and _nationality(tokens[1]) is None):
        return None
    return head


# How many statements back a national epithet looks for the organisation quoted with its head.
QUOTED_HEAD_LOOKBACK = 30


def _quoted_with_head(resolved, head, nationality):
    """The organisation quoted last (among the last QUOTED_HEAD_LOOKBACK statements) whose
    name opens with `head` (صحيفة ليفربول إيكو for الصحيفة الإنجليزية), unless its name
    gives another nationality."""
    for speaker in reversed(resolved[-QUOTED_HEAD_LOOKBACK:]):
        if speaker is None or speaker.kind != "organisation":
            continue
        tokens = normalize_arabic(speaker.name).split()
        if tokens and tokens[0] in _alike_heads(head) and _nationality_allows(f"{speaker.name} {speaker.description}", nationality):
            return speaker  # (صحيفة "آس" الإسبانية: the nationality in the description)
    return None


def _nationality_allows(name, nationality):
    """Does an organisation's name give no nationality, or this one?"""
    stated = {n for n in map(_nationality, normalize_arabic(name).split()) if n}
    return not stated or nationality in stated


# A company is as often called a group (وأوضحت المجموعة الأمريكية after شركة "أبل").
COMPANY_HEADS = (normalize_arabic("شركة"), normalize_arabic("مجموعة"))
# What an article calls a company by, before its name: its heads, and شبكة "فيسبوك"، إدارة
# فيسبوك، منصة إنستغرام, each with the article too (not موقع, which as often names a news
# site: ونقل موقع "غيزمودو"). As a regular expression's alternatives, built once.
CALLED_A_COMPANY = "|".join(
    form for head in COMPANY_HEADS + tuple(normalize_arabic(w) for w in ("شبكة", "إدارة", "منصة"))
    for form in (head, "ال" + head)
)


def _company_quoted_last(resolved, text):
    """The organisation quoted last (among the last QUOTED_HEAD_LOOKBACK statements) by a
    name alone, with no head noun (تويتر، أبل، غوغل), that the article also calls a company
    or a platform somewhere (CALLED_A_COMPANY: شركة "أبل"، شبكة "فيسبوك"): what a bare
    الشركة refers to when no company was named after its head before it. Not an outlet or an agency (بحسب رويترز), nor a
    party, a country or a person quoted by one word (حماس، إسرائيل، ميركل), which the
    article never calls a company."""
    normalized = None
    for speaker in reversed(resolved[-QUOTED_HEAD_LOOKBACK:]):
        if speaker is None or speaker.kind != "organisation":
            continue
        tokens = normalize_arabic(speaker.name).split()
        if (
            not tokens or tokens[0].startswith("ال") or _back_reference_head(tokens[0]) is not None
            or " ".join(tokens) in OUTLET_WORDS or any(w in OUTLET_WORDS for w in tokens) or is_unnamed_source(speaker.name)
        ):
            continue
        if normalized is None:
            normalized = normalize_arabic(text)
        if re.search(rf"(?:^|\s)[وبل]?(?:{CALLED_A_COMPANY})\s+[\"«“]?{re.escape(' '.join(tokens))}(?:$|[\s\"»”،,.])", normalized):
            return speaker
    return None


def _alike_heads(head):
    return COMPANY_HEADS if head in COMPANY_HEADS else (head,)


def _national_epithet(head, tokens):
    """الشركة الأمريكية، الصحيفة الفرنسية، الشركة الأمريكية العملاقة: a head a country has
    many of, its nationality, and at most one more definite adjective."""
    return (
        head in NATIONAL_EPITHET_HEADS and 2 <= len(tokens) <= 3 and _nationality(tokens[1]) is not None
        and all(w.startswith("ال") for w in tokens[1:])
    )


class _NamedOrganisations:
    """The organisations an article's narration names (extract.named_organisations), by
    head noun and in reading order: a mention finds the one before it by bisection, not by
    a scan of all of them (a long article naming thousands made resolution quadratic)."""

    def __init__(self, organisations):
        self.by_head = defaultdict(list)
        for o in organisations:
            self.by_head[o.head].append(o)
        self.starts = {head: [o.start for o in named] for head, named in self.by_head.items()}

    def at(self, head, start, end):
        """The organisation named at offsets start..end, if any."""
        named = self.by_head.get(head, ())
        k = bisect.bisect_left(self.starts.get(head, ()), start)
        return named[k] if k < len(named) and named[k].start < end else None

    def before(self, head, offset, most):
        """At most `most` of those named before `offset`, the latest first."""
        named = self.by_head.get(head, ())
        k = bisect.bisect_left(self.starts.get(head, ()), offset)
        return [named[n] for n in range(k - 1, max(k - 1 - most, -1), -1)]


# How many of the organisations named before a mention with an adjective are tried for one
# the adjective fits: the latest few, so that thousands that do not fit cost nothing.
ORGANISATIONS_TRIED = 20


def _organisation_named_at(known, organisations, head, start, end):
    """The speaker for an organisation the speaker mention itself names, if it does."""
    o = organisations.at(head, start, end or start + 1)
    if o is None:
        return None
    return known.find(o.name) or known.add(ArticleSpeaker(o.name, "organisation"), quoted=False, head=head)


def _named_organisation(organisations, head, offset, mention):
    """The name of the organisation with this head named last before `offset` that the
    mention's adjective fits (a kind, المنظمة الحقوقية, or a word of its name, المنظمة
    الدولية of منظمة العفو الدولية). None when none was: one named only later is as often
    another (the club a statement thanks, the Canadian agency listed after "حسبما أعلنت
    الوكالة" of the American one) as the one referred to, and the bare head noun is no
    one's wrong name."""
    tokens = normalize_arabic(mention).split()
    if _national_epithet(head, tokens):
        # وأعلنت الشركة الأمريكية: the one named last, unless its name gives another nationality
        nationality = _nationality(tokens[1])
        # (its own head first: المجموعة القطرية is مجموعة بي إن سبورتس, not شركة دو named since)
        candidates = [o for h in _alike_heads(head) for o in organisations.before(h, offset, ORGANISATIONS_TRIED) if not o.plain]
        for o in sorted(candidates, key=lambda o: (o.head != head, -o.start)):
            if _nationality_allows(f"{o.name} {o.nationality}", nationality):
                return o.name
        return None
    adjective = tokens[1] if len(tokens) == 2 and tokens[1] not in KIND_ADJECTIVES else None
    for o in organisations.before(head, offset, ORGANISATIONS_TRIED):
        if adjective is None or _names_with(o.name, adjective):
            return o.name
    return None


def _names_with(name, adjective):
    """Is the adjective (with its article) a word of the name, with or without the article
    (الاتحاد الأوروبي of اتحاد الكرة الأوروبي)?"""
    bare = adjective[2:] if adjective.startswith("ال") else adjective
    return any(w in (adjective, bare) for w in normalize_arabic(name).split())


def _conjunct(word, surname):
    """Is `word` the surname with the conjunction و before it (وماكرون of ترودو وماكرون)?"""
    return word[:1] == "و" and surname[:1] != "و" and (word[1:] == surname or close_spelling(word[1:], surname))


def surname_alone(words):
    """Do these normalized words name a person by surname alone? One word without the
    article (ترامب, never الوزارة), or a surname of two words: بن سلمان, دي ميستورا,
    جاويش أوغلو."""
    if len(words) == 1:
        return not words[0].startswith("ال")
    return len(words) == 2 and (words[0] in SURNAME_PARTICLES or words[0] in SON_OF or words[1] == TURKISH_SON)


def _bare_word(name):
    return surname_alone(normalize_arabic(name).split())


def _bare_title(name):
    """A generic title and nothing else (الوزير، المتحدث باسم الوزارة): someone named elsewhere."""
    return _title_only(normalize_arabic(name).split())


def _definite_bare_title(name):
    tokens = normalize_arabic(name).split()
    return _title_only(tokens) and tokens[0] in GENERIC_TITLES


def _title_only(tokens):
    """A title that refers to one person (_titled_reference) with no name: a plain word after
    the title is a name already (الإعلامية لميس الحديدي)."""
    if not _titled_reference(tokens):
        return False
    if not tokens[0].startswith("ال"):
        # ممثل مفوضية شؤون اللاجئين: a title in construct runs to its definite end
        return tokens[-1].startswith(("ال", "لل")) or tokens[-1] in ORGANISATION_HEADS
    # (not an indefinite title word either: أمير in المحلل السياسي أمير الساعدي is a name)
    return all(w.startswith(("ال", "لل")) or w in ORGANISATION_HEADS or w in POST_LINKS for w in tokens[1:])


# Adjectives of a post that follow its nationality (مسؤول أمريكي بارز).
POST_ADJECTIVES = frozenset(normalize_arabic(w) for w in ("بارز", "رفيع", "كبير", "سابق", "رفيعة", "كبيرة", "سابقة", "بارزة"))


def _plausible_name(name):
    """Is a name read from the narration a person's name, not a post or a phrase the reader
    took for one (المتحدث باسم تحالف، تحرير صحيفة، أنها تتمحور)? A looked-up name is only
    used when it is."""
    tokens = normalize_arabic(name).split()
    return bool(tokens) and not any(
        (w in TITLE_WORDS or w in GENERIC_TITLES or w in ORGANISATION_HEADS) and not (k and tokens[k - 1] == FAMILY_OF)
        # (nor after a given name with the article: الباجي قائد السبسي)
        and not (k == 1 and tokens[0] in DEFINITE_GIVEN_NAMES)
        # (مسؤول أمني يمني، طبيبة جنائية بريطانية، مسؤول أمريكي بارز: a nationality without
        # the article is the post's, read where the name was wanted; a first name may look
        # like one, تشيكي بيغريشتين, when no adjective follows it)
        or not w.startswith("ال") and _nationality(w) is not None and (
            k or len(tokens) > 1 and (tokens[1].endswith(("ي", "يه")) or tokens[1] in POST_ADJECTIVES)
        )
        or w in NOT_NAMES or w.startswith(("لل", "بال", "بب"))
        # (لشركة آبل، لمجموعة ماتش: the post's organisation, read where the name was wanted)
        or w[:1] == "ل" and w[1:] in ORGANISATION_HEADS
        for k, w in enumerate(tokens)  # (after آل a title word is the family's name: آل الشيخ)
    )


def _titled_reference(tokens):
    """Does a mention open with a title that refers to one person: the title with the
    article (الوزير), or without it in construct with a definite word or an organisation
    (ممثل مفوضية شؤون اللاجئين، وزير الخارجية), which makes it definite too? Not an indefinite
    title with an adjective (مسؤول أمريكي): an official the article does not name."""
    if not tokens:
        return False
    if tokens[0] in GENERIC_TITLES:
        return True
    return (
        len(tokens) >= 2 and "ال" + tokens[0] in GENERIC_TITLES
        and (tokens[1].startswith("ال") or tokens[1] in ORGANISATION_HEADS)
    )


class _TitledNames:
    """The article's titled full names (extract.titled_names), indexed once so that each
    surname or bare title reads only the names it can match: a long article naming
    thousands of people resolves in linear time, not one scan of every name per mention.
    Results are cached per surname or title; each call gets its own ArticleSpeaker."""

    def __init__(self, titled):
        self.by_skeleton = defaultdict(list)  # skeleton of a name word -> mentions, in reading order
        seen = set()
        for mention in titled:
            key = (mention.words, mention.gender, mention.after_construct)
            if key in seen:
                continue  # the same name again matches the same way
            seen.add(key)
            for skel in {_token_skeleton(normalize_arabic(w)) for w in mention.words}:
                self.by_skeleton[skel].append(mention)
        # The one person each title word opens a description for (الوزير → وزير الرياضة
        # والشباب الجزائري، محمد حطاب): the first mention per name, in reading order.
        self.people_by_title = defaultdict(dict)
        for mention in titled:
            words = normalize_arabic(mention.description).split()
            # (مدرب أهلي جدة، مدرب مانشستر يونايتد فترة: after a title in construct the run
            # opens with the club's or the place's words, never where a name starts)
            if words and not mention.after_construct:
                name = " ".join(mention.words[:2])
                self.people_by_title[_title_key(words[0])].setdefault(
                    name_skeleton(name), (name, mention.description, mention.gender)
                )
        self.cache = {}

    def for_title(self, title, gender=""):
        """The one person among the titled names whose title opens with this bare title's
        word, or None."""
        tokens = normalize_arabic(title).split()
        people = self.people_by_title.get(_title_key(tokens[0]), {})
        if len(people) != 1:
            return None
        name, description, their_gender = next(iter(people.values()))
        if not _plausible_name(name) or not _nisbas_agree(tokens, description, unstated_nationality_agrees=True):
            return None  # الرئيس الإيراني is not الرئيس الروسي فلاديمير بوتين
        if not _every_nisba_agrees(tokens, description):
            return None  # الحارس الدولي is not the name read after الحارس الشجاع
        if gender in ("m", "f") and their_gender in ("m", "f") and gender != their_gender:
            return None  # وتقول الكاتبة is not the one named after الكاتب
        return ArticleSpeaker(name, "person", description)

    def for_surname(self, surname, gender=""):
        parts = tuple(normalize_arabic(surname).split())
        key = (parts, gender)
        if key not in self.cache:
            # close_spelling needs one skeleton, so only names with a word of the surname's
            # skeleton can end with it.
            candidates = self.by_skeleton.get(_token_skeleton(parts[-1]), ())
            self.cache[key] = _full_name_for_surname(candidates, surname, gender)
        found = self.cache[key]
        return None if found is None else replace(found)


MAX_FIRST_NAMES = 2
# Particles that open a two-word surname: (ستافان) دي ميستورا، (نيمار) دا سيلفا; بن سلمان
# alone is محمد بن سلمان's name as outlets shorten it, not a person called بن; and the
# Turkish -oğlu written as a word of its own (جاويش أوغلو).
SURNAME_PARTICLES = words("surname_particles")
SON_OF = frozenset(normalize_arabic(w) for w in "بن ابن".split())
# آل (the family of) opens a family name of two words: بدر آل زيدان is of آل زيدان.
FAMILY_OF = normalize_arabic("آل")
TURKISH_SON = normalize_arabic("أوغلو")
CLITICS = frozenset("وفبل")
# "One of" (أحد مساعدي ترامب، إحدى قريبات الضحية): a member of someone's people, never the
# one whose name closes the phrase.
ONE_OF = frozenset(normalize_arabic(w) for w in ("أحد", "إحدى"))


def _full_name_for_surname(titled, surname, gender=""):
    """The one full name among the article's titled names that ends with `surname`
    (an ArticleSpeaker), or None when there is none or there are two different people
    (ميلانيا ترامب and دونالد ترامب: the surname alone does not say which). A person
    whose title is of the other gender than the verb's (وقال ترامب, السيدة الأولى ميلانيا
    ترامب) is not the one."""
    parts = normalize_arabic(surname).split()
    if len(parts[-1]) < 3:
        return None
    people = {}
    for mention in titled:
        if gender and mention.gender and gender in ("m", "f") and mention.gender != gender:
            continue
        words = [normalize_arabic(w) for w in mention.words]
        for start, end in _name_spans(words, len(parts), mention.after_construct):
            if len(parts) == 1 and end >= 2 and words[end - 2] in SON_OF:
                continue  # a father's name: الملك سلمان is not محمد بن سلمان
            if all(close_spelling(w, p) or w == p for w, p in zip(words[end - len(parts):end], parts)):
                name = " ".join(mention.words[start:end])
                people.setdefault(name_skeleton(name), ArticleSpeaker(name, "person", mention.description))
                break
        if len(people) > 1:
            return None  # two different people: no further name can make it one
    return next(iter(people.values())) if len(people) == 1 else None


def _name_spans(words, surname_words, after_construct=False):
    """Where a full name ending in a surname of `surname_words` words may lie in a titled
    run: one or two first names from the run's start (رجب طيب أردوغان), never a word with a
    clitic before a first name (لسؤال محمد صلاح); after a title in construct, whose owner
    may have two words (مانشستر يونايتد بول بوغبا), one first name right before the surname;
    or a name with its particle after one word in construct (مدريد زين الدين زيدان)."""
    if after_construct:
        for k in range(1, len(words) - surname_words + 1):
            particle = k >= 2 and words[k - 1] in NAME_PARTICLES
            yield (k - 2 if particle else k - 1), k + surname_words
    for first_names in range(1, MAX_FIRST_NAMES + 1):
        end = first_names + surname_words
        if end > len(words):
            return
        if first_names == 2 and words[0][:1] in CLITICS:
            return
        yield 0, end
    end = 3 + surname_words
    if end <= len(words) and words[2] in NAME_PARTICLES:
        yield 1, end


NAME_PARTICLES = frozenset(normalize_arabic(w) for w in ("الدين", "الله", "الرحمن", "العزيز"))
# Words that open a name of two words with the word after them (عبد الرحمن، أبو مازن).
COMPOUND_HEADS = frozenset(normalize_arabic(w) for w in ("عبد", "أبو"))


def compound_name(words):
    """Do these two normalized words make one name (عبد الرحمن، زين الدين), which a mention
    may give alone as a surname (رامي عبد الرحمن) or as a first name cut from its surname
    (زين الدين زيدان)?"""
    return (len(words) == 2 and not words[0].startswith("ال")
            and (words[0] in COMPOUND_HEADS or words[1] in NAME_PARTICLES))


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
# First words that make a whole name anonymous (مصدر أمني, مصادر مطلعة, مسؤول أمريكي) are
# the extractor's UNNAMED_HEADS.


def is_unnamed_source(name):
    """True for a speaker name that names no one (مصدر, البيان, مصادر مطلعة, الصحيفة), also
    with the conjunction a reader left on (ومصدر)."""
    tokens = normalized_name(name).split()
    if not tokens:
        return True
    if " ".join(tokens) in UNNAMED_SOURCES or tokens[0] in UNNAMED_HEADS:
        return True
    if tokens[0].startswith("و") and len(tokens[0]) > 3:
        tokens[0] = tokens[0][1:]
        return " ".join(tokens) in UNNAMED_SOURCES or tokens[0] in UNNAMED_HEADS
    return False


ORGANISATION_HEADS = words("organisation_heads")
TITLE_WORDS = words("titles")
PORTFOLIOS = words("portfolios")
NOT_NAMES = frozenset(normalize_arabic(w) for w in ("أنها", "أنه", "إنها", "إنه", "أن", "إن"))

# A person named later by a bare title (وأضاف المسؤول الأمريكي، وتابع المتحدث الإيراني).
# (Not المصدر: a source is one the article does not name, never the one person it names.)
# These everyday posts are varied with a nationality the first mention did not give
# (الرئيس رجب طيب أردوغان, then الرئيس التركي), so for them a nisba only has to agree.
CORE_TITLES = words("everyday_titles")
GENERIC_TITLES = CORE_TITLES | {
    # Every title of the lexicon, with its article: وأكد المخرج after المخرج زياد دويري.
    t if t.startswith("ال") else "ال" + t
    for t in words("titles")
    if t not in words("bare_title_exceptions")
}


def _title_key(word):
    """A title word without its article: الوزير and وزير الاقتصاد meet. Titles are Arabic
    words, told apart by their long vowels (رئيس / رئاسة), so not the name skeleton, which
    also takes و off وزير as if it were a conjunction."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


# Offices one person holds one of: a bare title of one is not the person named with another.
OFFICES = {_title_key(w) for w in words("offices")}

# Offices a country has one holder of: الرئيس الروسي is Russia's president, never the
# one person quoted before him (a coach, also an office, is one of many of a nationality).
COUNTRY_OFFICES = OFFICES - {_title_key("المدرب")}

# Posts an epithet uses loosely (المسؤول السعودي for a deputy governor named before).
LOOSE_POSTS = {_title_key("ال" + w) for w in words("loose_posts")}
PLAYER_POSTS = {_title_key("ال" + w) for w in words("player_posts")}

# Who speaks for someone else: a bare title of another kind is not them.
AIDES = {_title_key(w) for w in words("aides")}
# An aide's or a relative's post, which the name after another's post may not be (نائب
# الرئيس دونالد ترامب, see _named_for_anothers_post).
AIDE_WORDS = AIDES | {_title_key(w) for w in words("relation_titles")}


def _title_agrees(tokens, speaker, unstated_nationality_agrees=False):
    """Can this bare title be the person's? Its nationality must agree (_nisbas_agree); a
    title in construct (وزير الخارجية، ممثل مفوضية شؤون اللاجئين) must name the person's
    own post: every word of it in their description (وزير الخارجية is not وزير الدفاع)."""
    if not _nisbas_agree(tokens, speaker.description, unstated_nationality_agrees):
        return False
    if not _every_nisba_agrees(tokens, speaker.description):
        return False  # الحارس الدولي is not the one named after الحارس الشجاع

    def bare(word):  # لشؤون / شؤون، التحالف / تحالف
        word = word[1:] if word.startswith("ل") and len(word) > 3 else word
        return word[2:] if word.startswith("ال") and len(word) > 4 else word

    theirs = {bare(w) for w in normalize_arabic(speaker.description).split()}
    # The words that say which post: a portfolio (وزير الخارجية is not وزير الدفاع) and an
    # organisation (رئيس نادي الفيحاء, المتحدث باسم وزارة الداخلية). Adjectives may say it in
    # other words (المتحدث العسكري، الوزير المؤيد للبريكست); the nationality was compared above.
    return all(bare(w) in theirs for w in tokens[1:] if bare(w) in PORTFOLIOS or bare(w) in ORGANISATION_HEADS)


def _masculine(word):
    """الإيرانية → الإيراني: a nisba of either gender, one form."""
    return word[:-1] if word.endswith("يه") else word


def _title_nisbas(tokens):
    """The nisbas after a bare title's first word (الرئيس التركي → التركي)."""
    return [w for w in tokens[1:] if w.endswith(("ي", "يه")) and len(w) > 4]


def _every_nisba_agrees(tokens, description):
    """Every nisba of the bare title must be in the description (الحارس الدولي is not الحارس
    الشجاع), except a nationality an everyday post's description does not give (الرئيس
    التركي after الرئيس رجب طيب أردوغان)."""
    theirs = {_masculine(w) for w in normalize_arabic(description).split()}
    missing = [w for w in _title_nisbas(tokens) if _masculine(w) not in theirs]
    return not missing or (tokens[0] in CORE_TITLES and all(_nationality(w) for w in missing))


def _shares_a_nisba(tokens, theirs):
    """Does a nisba of the bare title appear among the description's words?"""
    described = {_masculine(w) for w in theirs}
    return any(_masculine(w) in described for w in _title_nisbas(tokens))


# Nationalities without the article: الأمريكي and أمريكي (مسؤول أمريكي) are one.
NATIONALITIES = frozenset(w[2:] if w.startswith("ال") else w for w in words("nationalities"))


def _nationality(word):
    """الإيرانية → إيراني: the nationality of the lexicon a word names, or None."""
    word = _masculine(word)
    word = word[2:] if word.startswith("ال") else word
    return word if word in NATIONALITIES else None


def _nisbas_agree(tokens, description, unstated_nationality_agrees=False):
    """Does the nationality of a bare title (الممثلة الإيطالية) agree with the description
    the person was named with? The Italian actress is not the actress named before her, and
    الرئيس الإيراني is not الرئيس الروسي فلاديمير بوتين. A description with no nationality
    may still be the one for an everyday post (CORE_TITLES: الرئيس التركي after الرئيس رجب
    طيب أردوغان) or a person found in the narration (`unstated_nationality_agrees`)."""
    wanted = {n for n in map(_nationality, tokens[1:]) if n}
    if not wanted:
        return True
    theirs = {n for n in map(_nationality, normalize_arabic(description).split()) if n}
    if wanted <= theirs:
        return True
    if theirs:
        return False
    return unstated_nationality_agrees or tokens[0] in CORE_TITLES


class _KnownSpeakers:
    """The speakers of one article so far, indexed so that a long article (a transcript
    quoting hundreds of people) resolves in linear time. Every look-up prefers the speaker
    first mentioned most recently."""

    def __init__(self):
        self.order = {}  # ArticleSpeaker (by identity) -> position of first mention
        self.by_skeleton = defaultdict(list)
        # skeleton of the last word of a longer name -> {(that word, gender): speakers}; each
        # list is in order of first mention, so its last speaker is the latest.
        self.by_surname = defaultdict(lambda: defaultdict(list))
        self.by_head = defaultdict(list)  # first word of a longer name
        # People with two or more name words by the first word of their current description,
        # as heaps of (-first mention, n, speaker): the top is the latest once stale entries
        # (a description since replaced) are popped.
        self.named_by_title = defaultdict(list)
        self.title_of = {}  # id(speaker) -> title key of their current description
        self.pushed = 0
        self.named = []  # people named in full as they were quoted
        self.named_ids = set()  # ... and people the article names only outside statements

    def add(self, speaker, quoted=True, head=None):
        """`quoted`: named at a statement. A person the article names only in its narration
        is found by name and title but is not counted when a bare title (وقال الوزير) can
        only mean the one person quoted by name. `head`: the head noun an organisation was
        named after (شركة "سناب شات"), by which الشركة finds it again."""
        self.order[id(speaker)] = len(self.order)
        tokens = normalize_arabic(speaker.name).split()
        if head is not None and (len(tokens) < 2 or tokens[0] != head):
            self.by_head[head].append(speaker)
        self.by_skeleton[name_skeleton(speaker.name)].append(speaker)
        if len(tokens) > 1:
            # A father's name is no surname; nor is the name after محامي or شقيق, the lawyer's
            # client or the brother's brother (محامي كريستيانو رونالدو … وكان رونالدو قد رفض),
            # nor after "one of" (أحد مساعدي ترامب … وقال ترامب).
            if not (len(tokens) >= 3 and tokens[-2] in SON_OF) and tokens[0] not in RELATION_TITLES \
                    and tokens[0] not in ONE_OF:
                self.by_surname[_token_skeleton(tokens[-1])][tokens[-1], speaker.gender].append(speaker)
            self.by_head[tokens[0]].append(speaker)
            # صحف جزائرية, مصادر مطلعة: a noun and a feminine adjective name no one.
            if speaker.kind == "person" and not tokens[-1].endswith("يه"):
                if quoted:
                    self.named.append(speaker)
                self.named_ids.add(id(speaker))
        self.describe(speaker, speaker.description)
        return speaker

    def describe(self, speaker, description):
        speaker.description = description
        if id(speaker) in self.named_ids:
            words = normalize_arabic(description).split()
            title = _title_key(words[0]) if words else None
            self.title_of[id(speaker)] = title
            if title is not None:
                self.pushed += 1
                heapq.heappush(self.named_by_title[title], (-self.order[id(speaker)], self.pushed, speaker))

    def _latest(self, candidates):
        return max(candidates, key=lambda sp: self.order[id(sp)], default=None)

    def find(self, name, gender=""):
        norm = normalize_arabic(name)
        tokens = norm.split()
        if len(tokens) >= 2 and tokens[-1].startswith("ال") and _titled_reference(tokens[:-1]):
            # الرئيس السيسي، رئيس الوزراء العبادي after عبد الفتاح السيسي: a title and the
            # surname written with the article, which the article gave a person in full
            # (the person was named with that title: the surname of another of the article's
            # people, عبد الرحمن المهدي, or an organisation's last word, is not this one)
            named = self._latest([
                sp for (last, their_gender), speakers in self.by_surname.get(_token_skeleton(tokens[-1]), {}).items()
                if last == tokens[-1] and not (gender and their_gender and gender != their_gender)
                for sp in speakers[-1:]
                if sp.kind == "person" and normalize_arabic(sp.description).split()[: len(tokens) - 1] == tokens[:-1]
            ])
            if named is not None:
                return named
        by_title = self._title_reference(tokens, gender)
        if by_title is not None:
            return by_title
        same = [
            sp for sp in self.by_skeleton.get(name_skeleton(name), ())
            if match_confidence(sp.name, name) >= SKELETON
            and not (len(tokens) == 1 and gender and sp.gender and gender != sp.gender)
        ]
        if same:
            return self._latest(same)
        if len(tokens) == 1:
            # Surname after the full name: فاردانيان after روبن فاردانيان.
            surname = self._latest([
                speakers[-1] for (last, their_gender), speakers in self.by_surname.get(_token_skeleton(tokens[0]), {}).items()
                if close_spelling(tokens[0], last)
                # ترودو وماكرون، فيسبوك وإنستغرام are two: وقال ماكرون is neither of them
                and not _conjunct(last, tokens[0])
                # وقال ترامب after ميلانيا ترامب: the verb's gender says which Trump
                and not (gender and their_gender and gender != their_gender)
            ])
            if surname is not None:
                return surname
            # The head noun again: الوزارة after وزارة الدفاع الروسية.
            head = ORGANISATION_BACK_REFERENCES.get(tokens[0])
            if head is None and tokens[0].startswith("ال") and len(tokens[0]) >= 5:
                # المصدر after مصدر عسكري: any head noun met again with the article.
                head = tokens[0][2:]
            if head is not None:
                # Each list is in order of first mention: its last speaker is its latest.
                return self._latest([speakers[-1] for speakers in (self.by_head.get(head), self.by_head.get(tokens[0])) if speakers])
        return None

    def _title_reference(self, tokens, gender=""):
        """The named person that a title-only mention refers back to, if any: one of the
        verb's gender (وتقول الكاتبة is not الكاتب جون سميث)."""
        if not _title_only(tokens) or not self.named_ids:
            return None
        found = self._title_referent(tokens)
        if found is not None and gender in ("m", "f") and found.gender in ("m", "f") and gender != found.gender:
            return None
        return found

    def _title_referent(self, tokens):
        # The description must open with the same title word: الرئيس التركي is not the
        # المتحدث باسم الرئيس التركي named before. The index keeps a speaker under every
        # title it was given; only the current one counts.
        head = _title_key(tokens[0])
        described = self.named_by_title.get(head)
        while described and self.title_of[id(described[0][2])] != head:
            heapq.heappop(described)
        if described:
            found = described[0][2]
            return found if _plausible_name(found.name) and _title_agrees(tokens, found) else None
        # Not described so: only an article with a single named person is unambiguous,
        # unless that person is an aide and this title names a principal (المتحدث الرئاسي
        # التركي إبراهيم كالين, then وقال الرئيس التركي: Erdoğan, not his spokesman).
        if len(self.named) != 1:
            return None
        only = self.named[-1]
        theirs = normalize_arabic(only.description).split()
        if tokens[0] not in GENERIC_TITLES and not (theirs and _title_key(theirs[0]) == head):
            return None  # أمير الكويت is not the one person named, وزير الخارجية السعودي
        if theirs and _title_key(theirs[0]) in AIDES and head not in AIDES:
            return None
        if theirs and head in OFFICES and _title_key(theirs[0]) in OFFICES and _title_key(theirs[0]) != head:
            return None  # الرئيس الكوري الجنوبي is not the one person named, وزير الخارجية ريكس تيلرسون
        if tokens[0] not in CORE_TITLES and theirs and theirs[0] in CORE_TITLES and not _shares_a_nisba(tokens, theirs):
            # وقال المخرج is not the one person named, الرئيس الأمريكي دونالد ترامب; القيادي
            # الانفصالي is الرئيس السابق الانفصالي لإقليم كاتالونيا
            return None
        return only if _plausible_name(only.name) and _title_agrees(tokens, only) else None
