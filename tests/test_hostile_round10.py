"""Hostile tests of the tenth round (git diff 1ca5755..HEAD -- articles/).

What the round added: compound first names and a nisba alone before a name
(extract.py: _is_compound_tail, _compound_first_name, NAME_CLOSING_COMMAS), a definite
epithet with a nationality resolved to the latest person quoted (speakers.py:
_epithet_referent), البيان with no channel resolved to the latest document or speaker
(_Channels.unnamed / issuer_quoted_last), adverbs and a second saying verb skipped after
the verb, بيان لوزارة → the ministry, and the verbs استنكر / استبعد.

Written by a hostile helper against 0b504e4: every test in the first part failed there
and states what an Arabic reader expects ("Now:" in a comment is what 0b504e4 gave);
all were fixed in the round's later commits. "(pre-existing)" marks a defect that 1ca5755
has too, left in because it sits inside what the round claims to handle. The second part
("guards") passed then and pins behaviour the round got right that a fix of the first part
could easily break.

Not fixed, so not here: وأدان مجلس الأمن الهجوم. وقال البيان إن المجلس يدعو … after
another speaker quoted two sentences before still gives البيان to that speaker (a council
that acts in the narration without being quoted is not yet a candidate issuer;
docs/statements.md, tenth round).
"""

import pytest

from articles.quotes.extract import extract_statements
from tests.extraction_probes import assert_grows_linearly, assert_offsets_hold
from tests.extraction_probes import by_verb as _by_verb
from tests.extraction_probes import resolve_seconds as _resolve_seconds


# ---------------------------------------------------------------------------------------
# 1. Performance: البيان with no channel scans every earlier speaker (quadratic).
# ---------------------------------------------------------------------------------------

def test_a_long_run_of_albayan_resolves_in_linear_time():
    # _Channels.issuer_quoted_last rebuilds `documents` and `quoted` over every span resolved
    # so far (normalize_arabic on each speaker's name) for every البيان: O(n²). Measured:
    # 50 kB 2.1 s, 100 kB 7.9 s, 200 kB 32 s (1ca5755: 0.04 / 0.07 / 0.13 s).
    # tests/test_extract_scaling.py's 'وأضاف البيان أن الوضع مستقر. ' at 400 kB now times out
    # (120 s) too. The _Channels docstring itself promises linear time for exactly this.
    unit = "وأضاف البيان أن الوزير سيزور القاهرة. "
    large = assert_grows_linearly(lambda size: _resolve_seconds(unit, size), 25_000, 100_000, factor=10)
    assert large < 2.0, large


# ---------------------------------------------------------------------------------------
# 2. A nisba alone, then a comma after the next word: the next word is taken as the name
#    even when it is a ḥāl or an adverb (NAME_CLOSING_COMMAS in _noun_phrase_ends).
#    1ca5755 gave the speaker 'البرتغالي' for all of these.
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("adverb", [
    "ضاحكا", "مبتسما", "ساخرا", "معلقا",  # manner (ḥāl): "laughing", "smiling", …
    "مؤخرا", "وقتها", "بعدها", "عندها",  # time; the last three are in LEADING_ADJUNCTS
])
def test_an_adverb_between_a_nisba_and_a_comma_is_no_name(adverb):
    text = f"وقال البرتغالي {adverb}، إن الفريق يستحق الفوز بعد الأداء الكبير في الشوط الثاني."
    span, _ = _by_verb(text, "وقال")
    # The Portuguese (a player named earlier) said it, laughing / back then; the adverb is
    # nobody's name. Now: speaker_name == the adverb, description 'البرتغالي'.
    assert span.speaker_name != adverb, span
    assert adverb not in span.speaker, span


# ---------------------------------------------------------------------------------------
# 3. الدين after any noun counts as a compound first name (_is_name_particle is true for
#    every COMPOUND_TAILS word), so رجال الدين / علماء الدين + an indefinite object noun
#    reads the object into the subject (_compound_first_name in _noun_phrase_ends).
#    1ca5755 had the right speaker for all four.
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, verb, speaker", [
    ("ودعا رجال الدين أتباعهم إلى الهدوء وعدم الانجرار وراء الشائعات.", "ودعا", "رجال الدين"),
    ("وحث رجال الدين أنصارهم على الهدوء وضبط النفس.", "وحث", "رجال الدين"),
    ("وحذر رجال الدين أعضاء البرلمان من تمرير القانون دون استفتاء.", "وحذر", "رجال الدين"),
    ("ودعا علماء الدين شباب الأمة إلى الابتعاد عن التطرف.", "ودعا", "علماء الدين"),
])
def test_al_din_after_a_common_noun_is_no_compound_first_name(text, verb, speaker):
    # Now: 'رجال الدين أتباعهم', 'رجال الدين أنصارهم', 'رجال الدين أعضاء البرلمان',
    # 'علماء الدين شباب' (clerics/scholars + the people they addressed).
    span, _ = _by_verb(text, verb)
    assert span.speaker == speaker, span


# ---------------------------------------------------------------------------------------
# 4. _epithet_referent picks the wrong person.
# ---------------------------------------------------------------------------------------

def test_the_saudi_official_is_the_unnamed_official_not_the_crown_prince():
    # The anonymous "مسؤول سعودي" is skipped (`continue` on an implausible name) and the
    # search runs on to the crown prince, whose post (ولي) is not in OFFICES, so المسؤول
    # is not kept apart from it. Now: 'محمد بن سلمان'. 1ca5755: 'المسؤول السعودي'.
    text = (
        "وقال ولي العهد السعودي الأمير محمد بن سلمان إن المملكة ماضية في الإصلاحات. "
        "وقال مسؤول سعودي، طلب عدم ذكر اسمه، إن المحادثات ستستأنف الأسبوع المقبل. "
        "وأضاف المسؤول السعودي أن الوفد سيصل إلى واشنطن الاثنين."
    )
    _, speaker = _by_verb(text, "وأضاف")
    assert speaker.name != "محمد بن سلمان", speaker


@pytest.mark.parametrize("text, verb, not_them", [
    # A doctor is not the lawyer quoted before: two posts outside OFFICES are never told
    # apart, so any French person quoted last is "الطبيب الفرنسي". Now: 'ويليام بوردون'.
    ("وقال المحامي الفرنسي ويليام بوردون إن موكله بريء. "
     "وقال المدعي العام فرانسوا مولانس إن التحقيق مستمر. "
     "وأكد الطبيب الفرنسي أن الضحية توفيت متأثرة بجروحها.", "وأكد", "ويليام بوردون"),
    # The actor is not the novelist Alaa al-Aswany. Now: 'علاء الأسواني'.
    ("وقال الكاتب المصري علاء الأسواني إن الرواية تعبر عن الواقع. "
     "وقال وزير الثقافة حلمي النمنم إن الوزارة تدعم الكتاب. "
     "وأضاف الممثل المصري أن الفيلم سيعرض الشهر المقبل.", "وأضاف", "علاء الأسواني"),
])
def test_an_epithet_is_not_someone_of_the_same_nationality_with_another_profession(text, verb, not_them):
    # (1ca5755 left both epithets as their own speakers.)
    _, speaker = _by_verb(text, verb)
    assert speaker.name != not_them, speaker


# ---------------------------------------------------------------------------------------
# 5. البيان with no بيان named before → the latest speaker, even when that speaker spoke
#    through another channel or the narration names the statement's issuer.
#    1ca5755 left البيان unresolved ('البيان') in each.
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, verb, not_them", [
    # The king spoke in his opening speech; the final communiqué is the summit's.
    ("وقال العاهل السعودي الملك سلمان بن عبد العزيز في كلمة الافتتاح إن القضية الفلسطينية "
     "قضيتنا الأولى. واختتمت القمة العربية أعمالها مساء الأحد. "
     "وأكد البيان أن القدس الشرقية عاصمة دولة فلسطين.", "وأكد", "سلمان بن عبد العزيز"),
    # Zarif spoke in a television interview, which is no بيان.
    ("وقال وزير الخارجية الإيراني محمد جواد ظريف في مقابلة تلفزيونية إن بلاده لن تتفاوض. "
     "وأضاف البيان أن طهران ملتزمة بالاتفاق النووي.", "وأضاف", "محمد جواد ظريف"),
])
def test_albayan_is_not_a_speaker_who_issued_no_statement(text, verb, not_them):
    _, speaker = _by_verb(text, verb)
    assert speaker is not None
    assert speaker.name != not_them, speaker


# ---------------------------------------------------------------------------------------
# 6. استنكر (new row, object=yes): an organisation's definite object is read into its name.
#    (pre-existing for أدان with the same sentence; new for استنكر, which 1ca5755 did not
#    extract at all — now it yields a statement with a wrong speaker.)
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("واستنكرت وزارة الخارجية المصرية الهجوم الإرهابي الذي استهدف كنيسة في المنيا.",
     "وزارة الخارجية المصرية"),
    ("واستنكرت الجامعة العربية الاعتداءات الإسرائيلية المتكررة على المسجد الأقصى.",
     "الجامعة العربية"),
])
def test_what_is_denounced_is_not_part_of_the_denouncer(text, speaker):
    # Now: 'وزارة الخارجية المصرية الهجوم الإرهابي' (content 'الذي استهدف كنيسة في المنيا'),
    # 'الجامعة العربية الاعتداءات الإسرائيلية المتكررة' (content 'على المسجد الأقصى').
    span, _ = _by_verb(text, "واستنكرت")
    assert span.speaker == speaker, span


# ---------------------------------------------------------------------------------------
# 7. بيان ل…: the new rule misses the commonest wording.
# ---------------------------------------------------------------------------------------

def test_jaa_fi_bayan_li_wizara_is_the_ministrys():
    # The round: 'بيان لوزارة النقل is the ministry's'. With وجاء في (the most frequent way a
    # statement is quoted) the speaker stays 'بيان لوزارة الخارجية الروسية' (pre-existing).
    text = "وجاء في بيان لوزارة الخارجية الروسية أن موسكو ترفض الاتهامات البريطانية."
    _, speaker = _by_verb(text, "وجاء في")
    assert speaker.name == "وزارة الخارجية الروسية", speaker


def test_bayan_li_wazir_has_no_preposition_in_the_name():
    # بيان لوزير الدفاع: the minister's statement; the name keeps the ل (pre-existing; the
    # round strips it only before an organisation head). Now: 'لوزير الدفاع الأمريكي'.
    span, _ = _by_verb("وذكر بيان لوزير الدفاع الأمريكي أن القوات ستبقى في سوريا.", "وذكر")
    assert not span.speaker_name.startswith("ل"), span


# ---------------------------------------------------------------------------------------
# 8. The adverb / second saying verb is skipped only right after the verb; after the
#    subject it becomes the name (pre-existing, same at 1ca5755, but the very words the
#    round teaches the extractor to skip).
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, verb, word", [
    ("وقال الوزير مؤخرا إن الحكومة ستدعم المشروع.", "وقال", "مؤخرا"),
    ("وقالت الوزيرة مؤخرا إن الحكومة ستدعم المشروع.", "وقالت", "مؤخرا"),
    ('وعلق الوزير بقوله: "هذا القرار تاريخي".', "وعلق", "بقوله"),
])
def test_an_adverb_after_the_subject_is_no_name(text, verb, word):
    span, _ = _by_verb(text, verb)
    assert span.speaker_name != word, span
    assert word not in span.speaker, span


# =======================================================================================
# guards: these pass on 0b504e4 and pin what the round got right
# =======================================================================================

@pytest.mark.parametrize("text, name, description", [
    ("وقال زين الدين زيدان المدير الفني لريال مدريد إن الفريق جاهز.", "زين الدين زيدان",
     "المدير الفني لريال مدريد"),
    ("وقال الفرنسي زين الدين زيدان إن الفريق جاهز للمباراة.", "زين الدين زيدان", "الفرنسي"),
    ("وكشف الصربي رادي، مدرب الفريق، أن اللاعبين جاهزون.", "رادي", "الصربي"),
    ("وقال البرازيلي نيمار، إن الفريق يستحق الفوز.", "نيمار", "البرازيلي"),
    ("وقال الكرواتي لوكا مودريتش، لاعب وسط ريال مدريد، إن الفريق يستحق الفوز.", "لوكا مودريتش", "الكرواتي"),
    ("وقال رجل الدين مقتدى الصدر إن الحكومة أخطأت.", "مقتدى الصدر", "رجل الدين"),
])
def test_guard_compound_names_and_a_nisba_before_a_name(text, name, description):
    (span,) = extract_statements(text)
    assert (span.speaker_name, span.description) == (name, description)


@pytest.mark.parametrize("text, verb, expected", [
    # a second saying verb / adverb after a pronoun verb: the speaker quoted before
    ("وقالت وزيرة الخارجية السويدية مارغوت فالستروم إن بلادها تدعم الحوار. "
     "وتابعت تقول إن الحكومة تدرس القرار.", "وتابعت", "مارغوت فالستروم"),
    ("وقالت وزيرة الخارجية السويدية مارغوت فالستروم إن بلادها تدعم الحوار. "
     "ولكنها تقول الآن إن الحكومة تدرس القرار.", "تقول", "مارغوت فالستروم"),
    ("وقال وزير الخارجية المصري سامح شكري إن مصر تدعم الحوار. "
     "وأضاف مؤخرا أن القاهرة تدرس القرار.", "وأضاف", "سامح شكري"),
    ('وقال وزير الخارجية المصري سامح شكري إن مصر تدعم الحوار. واستطرد بالقول: "لن نقبل بذلك".',
     "واستطرد", "سامح شكري"),
    ("وقال حاليا وزير الخارجية سامح شكري إن مصر تدعم الحوار.", "وقال", "سامح شكري"),
    # آلان is a name (only الآن as written is "now")
    ("وقال آلان جوبيه إن فرنسا تدعم الاتفاق.", "وقال", "آلان جوبيه"),
    # بيان ل + organisation head
    ("وذكر بيان لوزارة النقل أن الطريق سيفتح غدا.", "وذكر", "وزارة النقل"),
    ("وذكر بيان للجنة الانتخابات أن النتائج ستعلن غدا.", "وذكر", "لجنة الانتخابات"),
    ("وقال بيان لحزب الله إن الحزب يرفض القرار.", "وقال", "حزب الله"),
    # a name in ل that is no ل + organisation head
    ("وقال لبيب الخطيب إن النتائج ستعلن غدا.", "وقال", "لبيب الخطيب"),
    # البيان after a statement said to be made in one, and the epithet the round was for
    ("وأعلنت وزارة الخارجية في بيان أن الوزير سيزور القاهرة. وأضاف البيان أن الزيارة تستمر يومين.",
     "وأضاف", "وزارة الخارجية"),
    ("وقال المهاجم الأرجنتيني ليونيل ميسي إن الفريق سيفوز. "
     "وقال الحارس الألماني مانويل نوير إن الدفاع قوي. "
     "وصرح اللاعب الدولي الأرجنتيني بأن المباراة صعبة.", "وصرح", "ليونيل ميسي"),
])
def test_guard_speakers_the_round_resolves(text, verb, expected):
    _, speaker = _by_verb(text, verb)
    assert speaker.name == expected, speaker


def test_guard_istabaada_with_a_plain_object_reports_nothing():
    # استبعد with a plain object is leaving a player out, never a statement
    for text in ("واستبعد المدرب اللاعب من قائمة المباراة المقبلة بسبب الإصابة.",
                 "واستبعد المدرب الفرنسي ديدييه ديشان المهاجم كريم بنزيمة من القائمة.",
                 "واستبعدت اللجنة العليا للانتخابات ثلاثة مرشحين من السباق الرئاسي."):
        assert extract_statements(text) == [], text
    span, _ = _by_verb("واستبعد وزير المالية أن ترفع الحكومة أسعار الوقود هذا العام.", "واستبعد")
    assert span.speaker == "وزير المالية"


@pytest.mark.parametrize("text", [
    "", " ", "،", "\u200b", "\u200f\u200e", "\x00\x01", "ـــــ", "ل", "لل", "ال ال ال",
    "بيان ل", "وذكر بيان ل", "وذكر بيان ل.", "وذكر بيان لوزارة", "وذكر بيان لل",
    "وقال زين", "وقال زين الدين", "وقال الفرنسي", "وقال الفرنسي،", "وقال الفرنسي زين الدين،",
    "وأضاف البيان", "وأضاف البيان أن", "البيان", "وقال مؤخرا", "وأضاف بقوله:", 'وأضاف بقوله: "',
    "وقال الآن", "واستنكر", "واستبعد أن", "وصرح اللاعب الدولي الأرجنتيني بأن",
    "وذكر بيانٌ لوزارةِ النقلِ أنَّ الطريقَ مغلقٌ", "وذكر بيان ل\u200bوزارة النقل أن الطريق مغلق",
    "وقال زيــن الديــن زيدان إن الفريق جاهز", "وقال زَيْنُ الدِّينِ زيدان إن الفريق جاهز",
    "وقال Zinedine زين الدين Zidane إن الفريق جاهز", "وأضاف البيان «وأضاف البيان «وأضاف البيان»»",
    "\n\n\nوأضاف البيان\n\n أن\n", "وقال الدين الدين الدين إن", "وقال عبد الله عبد الله إن",
])
def test_guard_odd_input_neither_crashes_nor_misplaces_offsets(text):
    assert_offsets_hold(text)
