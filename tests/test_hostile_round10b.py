"""Hostile tests of the tenth round's later commits (git diff 0b504e4..HEAD -- articles/).

What those commits added: an epithet resolved to the one person quoted so far, loose posts
and the unnamed source that stops the search (speakers.py: _epithet_referent); a company's
business after its name kept in the title; someone's own talk ending the subject and
_talk_goes_on; الدين a compound first name only after lexicon/compound_name_heads.txt; ḥāl
words and adjuncts after the subject; البيان kept incrementally and not the issuer's who
spoke through another channel (_Channels); بيان ل… / وجاء في بيان ل… (_document_issuer);
a noun of something done after an organisation's nisba is the object (_what_was_done).

Written by a hostile helper against 7d55a2b. Every test in the first part fails there;
"Now:" in a comment is what 7d55a2b gives. "(regression)" means 0b504e4 gave the right
answer; "(pre-existing)" means 0b504e4 was wrong too, but the sentence is squarely what
a rule of this round claims to handle. The second part ("guards") passes on 7d55a2b and
pins what the round got right. The regressions and four of the others were fixed in the
next commit; the tests still marked xfail (strict: they fail loudly once fixed) are the
defects left, listed in docs/statements.md (tenth round).

Searched without finding a defect: crashes or misplaced offsets on odd input (empty,
punctuation, control and zero-width characters, tatweel, diacritics, Latin, text ending on
'بيان ل' / 'وجاء في بيان لل' / 'حديثه' / 'لتقول', 24,000 random strings of the round's
trigger words); super-linear extraction for any new rule (100 kB vs 400 kB: ~3.5-4.5x);
real organisation names cut by the nisba rule (الإمارات العربية المتحدة، المجلس العسكري
الانتقالي، الحزب التقدمي الاشتراكي …: none found; Arabic names put the field after ل).
"""

import pytest

from articles.quotes.extract import extract_statements
from tests.extraction_probes import assert_grows_linearly, assert_offsets_hold
from tests.extraction_probes import by_verb as _by_verb
from tests.extraction_probes import extract_seconds as _extract_seconds
from tests.extraction_probes import resolve_seconds as _resolve_seconds
from tests.extraction_probes import resolved as _resolved


# ---------------------------------------------------------------------------------------
# 1. الدين: a compound first name only after a listed first word (compound_name_heads.txt).
#    Common ones are missing (برهان، خير، ناصر، تقي، شرف، قمر، معين، نصر، صدر، علم، نجم،
#    ركن، قطب، غياث، مجد، وحيد …), and the surname after them is now dropped: the definite
#    الدين closes the name (_noun_phrase_ends), the surname is left outside. (regression:
#    0b504e4 gave the full name for every one of these.)
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("وقال برهان الدين رباني إن الحكومة ستدعم المشروع.", "برهان الدين رباني"),
    ("وقال الرئيس الأفغاني الأسبق برهان الدين رباني إن الحكومة ستدعم المشروع.", "برهان الدين رباني"),
    ("وقال خير الدين حسيب إن الوحدة العربية ضرورية.", "خير الدين حسيب"),
    ("وقال رئيس الاتحاد الجزائري لكرة القدم خير الدين زطشي إن الفريق جاهز.", "خير الدين زطشي"),
    ("وقال الوزير نصر الدين علام إن الحكومة ستدعم المشروع.", "نصر الدين علام"),
    ("وقال شرف الدين حسن إن الحكومة ستدعم المشروع.", "شرف الدين حسن"),
    ("وقال تقي الدين عبيد إن الحكومة ستدعم المشروع.", "تقي الدين عبيد"),
    ("وقال ناصر الدين شاه إن الحكومة ستدعم المشروع.", "ناصر الدين شاه"),
    ("وقال قمر الدين خان إن الحكومة ستدعم المشروع.", "قمر الدين خان"),
    ("وقال معين الدين أحمد إن الحكومة ستدعم المشروع.", "معين الدين أحمد"),
])
def test_a_compound_first_name_with_al_din_keeps_its_surname(text, name):
    # Now: 'برهان الدين', 'خير الدين', 'نصر الدين', 'شرف الدين' … (surname dropped)
    (span,) = extract_statements(text)
    assert span.speaker_name == name, span


# ---------------------------------------------------------------------------------------
# 2. _epithet_referent's new fallback: "the one person quoted so far" is taken for any
#    post+nationality epithet when nothing is said of that person, even when the post
#    cannot be theirs.
# ---------------------------------------------------------------------------------------

def test_the_russian_president_is_not_the_only_person_quoted_before():
    # (regression) Trump is quoted twice by bare name; "الرئيس الروسي" (a head of state
    # named by office, the usual first mention of Putin) becomes Trump. Now: 'ترامب'.
    # 0b504e4: 'الرئيس الروسي' (unresolved, right).
    text = ("قال ترامب إن الاتفاق سيئ. وأضاف ترامب أن بلاده لن تتراجع. "
            "وقال الرئيس الروسي إن موسكو تدعم الاتفاق.")
    _, speaker = _by_verb(text, "وقال")
    assert speaker.name != "ترامب", speaker


def test_the_german_coach_is_not_the_player_quoted_before():
    # (regression) Salah is the only one quoted; Klopp is named in the narration and never
    # quoted, so "المدرب الألماني" (Klopp) becomes Salah. Now: 'صلاح'.
    # 0b504e4: 'المدرب الألماني'.
    text = ("سجل محمد صلاح هدفين في فوز ليفربول على أرسنال. وقال صلاح إن الفريق قدم مباراة كبيرة. "
            "ودفع يورغن كلوب بالتشكيلة الأساسية كاملة. وقال المدرب الألماني إن الفريق يستحق الفوز.")
    _, speaker = _by_verb(text, "وقال")
    assert speaker.name != "صلاح", speaker


def test_the_epithet_fallback_resolves_in_linear_time():
    # (regression) For every epithet the fallback walks every speaker resolved so far
    # (reversed(resolved), no early return when one person is quoted) and counts the
    # name in the whole text (text.count): O(n²). Measured (process time, resolve only):
    # 7d55a2b 25 kB 0.03 s, 100 kB 0.31 s, 200 kB 1.34 s, 400 kB 5.06 s (a second run:
    # 0.78 s / 9.5 s at 100 / 400 kB); 0b504e4 0.03 / 0.06 / 0.22 / 0.36 s.
    unit = ("قال ترامب إن الاتفاق سيئ. وأضاف ترامب أن بلاده لن تتراجع. "
            "وقال الرئيس الروسي إن موسكو تدعم الاتفاق. ")
    large = assert_grows_linearly(lambda size: _resolve_seconds(unit, size), 100_000, 400_000)
    assert large < 3.0, large


@pytest.mark.xfail(strict=True, reason="known, not fixed in the tenth round (docs/statements.md)")
@pytest.mark.parametrize("unnamed", [
    "وقال مسؤول في وزارة الخارجية السعودية إن المحادثات ستستأنف الأسبوع المقبل.",
    "وقال مصدر سعودي مسؤول إن المحادثات ستستأنف الأسبوع المقبل.",
])
def test_the_saudi_official_is_the_unnamed_one_not_the_crown_prince(unnamed):
    # (pre-existing) The round's stop ("مسؤول سعودي، طلب عدم ذكر اسمه stops the search")
    # needs the unnamed source's first word to be the epithet's post and
    # is_unnamed_source to know it; the two commonest other wordings slip through and
    # المسؤول السعودي (a loose post) runs on to the crown prince. Now: 'محمد بن سلمان'.
    text = ("وقال ولي العهد السعودي الأمير محمد بن سلمان إن المملكة ماضية في الإصلاحات. "
            f"{unnamed} وأضاف المسؤول السعودي أن الوفد سيصل إلى واشنطن الاثنين.")
    _, speaker = _by_verb(text, "وأضاف")
    assert speaker.name != "محمد بن سلمان", speaker


@pytest.mark.xfail(strict=True, reason="known, not fixed in the tenth round (docs/statements.md)")
@pytest.mark.parametrize("text, verb, not_them", [
    # A player is not the coach quoted before. Now: 'زين الدين زيدان'.
    ("وقال المدرب الفرنسي زين الدين زيدان إن الفريق جاهز. وقال اللاعب الفرنسي إن المباراة صعبة.",
     "وقال", "زين الدين زيدان"),
    # The Spanish star is not the club's president. Now: 'جوسيب بارتوميو'.
    ("وقال رئيس نادي برشلونة جوسيب بارتوميو إن النادي لن يبيع اللاعب. "
     "وقال النجم الإسباني إن المباراة صعبة.", "وقال", "جوسيب بارتوميو"),
])
def test_a_loose_post_is_not_someone_of_another_trade(text, verb, not_them):
    # (pre-existing) loose_posts.txt (اللاعب، النجم …) lets the epithet match a person
    # named with any post at all, a coach or a club president included.
    _, speaker = _by_verb(text, verb)
    assert speaker.name != not_them, speaker


@pytest.mark.parametrize("text", [
    "وقال مسؤول سعودي رفيع إن المحادثات ستستأنف الأسبوع المقبل.",
    "وقال مسؤول سعودي رفيع المستوى إن المحادثات ستستأنف الأسبوع المقبل.",
])
def test_a_senior_official_is_unnamed(text):
    # (found in the tenth round, fixed in the fourteenth) "a senior Saudi official" was read
    # as the post مسؤول and the name 'سعودي رفيع' / 'سعودي رفيع المستوى'; an epithet
    # (وأضاف المسؤول السعودي) then resolved to that "name".
    (span,) = extract_statements(text)
    assert span.speaker_name not in ("سعودي رفيع", "سعودي رفيع المستوى"), span


# ---------------------------------------------------------------------------------------
# 3. Someone's own talk (_own_words, TALK_VERBS, _talk_goes_on).
# ---------------------------------------------------------------------------------------

def test_recent_with_tanween_is_no_ones_talk():
    # (regression) _own_words rejects حديثة only when the text ends in ة; with the tanween
    # (حديثةٌ) it normalizes to حديثه, "his talk", and ends the subject.
    # Now: 'دراسة'. 0b504e4: 'دراسة حديثةٌ'.
    (span,) = extract_statements("وقالت دراسة حديثةٌ إن ارتفاع ضغط الدم قد يظل كامنا لفترة طويلة.")
    assert span.speaker == "دراسة حديثةٌ", span


@pytest.mark.parametrize("second, verb", [
    ("وتابعت حديثها قائلة إن الحكومة تدرس القرار.", "وتابعت"),
    ("واختتمت تصريحاتها قائلة إن الحكومة تدرس القرار.", "واختتمت"),
])
def test_ones_own_talk_with_no_subject_is_not_the_speaker(second, verb):
    # (pre-existing) The round: "someone's own talk is the verb's object, never the name".
    # With no subject written (the commonest form), the talk itself is the speaker.
    # Now: 'حديثها' / 'تصريحاتها', resolved to nobody. Expected: the minister quoted before
    # (وواصل حديثه قائلا already gives her predecessor's speaker).
    text = ("وقالت وزيرة الخارجية السويدية مارغوت فالستروم إن بلادها تدعم الحوار. " + second)
    span, speaker = _by_verb(text, verb)
    assert span.speaker not in ("حديثها", "تصريحاتها"), span
    assert speaker is not None and speaker.name == "مارغوت فالستروم", speaker


@pytest.mark.xfail(strict=True, reason="known, not fixed in the tenth round (docs/statements.md)")
def test_closing_ones_speech_with_bil_qawl_is_a_statement():
    # (pre-existing) talk_verbs.txt is for "وختمت كلمتها بالقول" (its own comment), but
    # ختم + own talk + بالقول is no statement at all: only the first sentence is extracted.
    text = ('وقال وزير الخارجية المصري سامح شكري إن مصر تدعم الحوار. '
            'وختم كلمته بالقول: "لن نقبل بذلك أبدا مهما كانت الظروف".')
    spans, speakers = _resolved(text)
    assert len(spans) == 2, [(s.verb, s.text) for s in spans]
    assert speakers[-1].name == "سامح شكري"


# ---------------------------------------------------------------------------------------
# 4. بيان ل… (_document_issuer) and البيان after it (_Channels).
# ---------------------------------------------------------------------------------------

@pytest.mark.xfail(strict=True, reason="known, not fixed in the tenth round (docs/statements.md)")
@pytest.mark.parametrize("text, issuer", [
    # ليفربول starts with ل: 'لل' is read as ل + ال. Now: 'اليفربول' (also 0b504e4 with
    # وذكر; with وجاء في the round's new path now gives it too, 0b504e4 'بيان لليفربول').
    ("وذكر بيان لليفربول أن اللاعب سيغيب شهرا.", "ليفربول"),
    ("وجاء في بيان لليفربول أن اللاعب سيغيب شهرا.", "ليفربول"),
    # a club named without ل-hamza keeps the preposition (the round strips it only before
    # لأ/لإ/لآ: بيان لأتلتيكو). Now: 'لبرشلونة', 'لريال مدريد', 'لنتنياهو'.
    ("وذكر بيان لبرشلونة أن اللاعب سيغيب شهرا.", "برشلونة"),
    ("وذكر بيان لريال مدريد أن اللاعب سيغيب شهرا.", "ريال مدريد"),
    ("وقال بيان لنتنياهو إن إسرائيل لن تسمح بذلك.", "نتنياهو"),
])
def test_bayan_li_names_its_issuer_without_the_preposition(text, issuer):
    (span,) = extract_statements(text)
    assert span.speaker_name == issuer, span


@pytest.mark.xfail(strict=True, reason="known, not fixed in the tenth round (docs/statements.md)")
def test_bayan_li_wazir_keeps_the_ministers_name():
    # (pre-existing) بيان لوزير … is now a person's, but the mention stops before his name:
    # speaker 'بيان لوزير الخارجية الأمريكي', name 'وزير الخارجية الأمريكي' (a post, no
    # name; مايك بومبيو is lost).
    (span,) = extract_statements(
        "وذكر بيان لوزير الخارجية الأمريكي مايك بومبيو أن واشنطن لن تتراجع.")
    assert span.speaker_name == "مايك بومبيو", span


def test_albayan_after_an_interview_is_the_named_statements():
    # The statement was named as the ministry's (بيان لوزارة النقل); the minister then spoke
    # in an interview; "وأضاف البيان" goes on with the ministry's statement. (Found in the
    # tenth round, 'البيان' unresolved; passes since the fourteenth, where the publisher a
    # document mention opens with is known by the document's noun.)
    text = ("وذكر بيان لوزارة النقل أن الطريق سيفتح غدا أمام السيارات. "
            "وقال الوزير في مقابلة تلفزيونية إن الطريق آمن تماما. "
            "وأضاف البيان أن أعمال الصيانة انتهت.")
    _, speaker = _by_verb(text, "وأضاف")
    assert speaker is not None and speaker.name == "وزارة النقل", speaker


# ---------------------------------------------------------------------------------------
# 5. An adjunct after the subject ends the noun phrase (SKIPPED_AFTER_VERB minus لي،
#    صباح): اليوم is also the last word of outlets' names. (pre-existing: 0b504e4 cut
#    these too; the round's rule now states it for every word of SKIPPED_AFTER_VERB.)
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, outlet", [
    ("وذكرت صحيفة المصري اليوم أن الحكومة ستدعم المشروع.", "المصري اليوم"),
    ("وقالت قناة روسيا اليوم إن القوات الروسية دخلت المدينة.", "روسيا اليوم"),
    ("وقالت صحيفة اليوم السابع إن الحكومة ستدعم المشروع.", "اليوم السابع"),
])
def test_al_yawm_in_an_outlets_name_is_no_adjunct(text, outlet):
    # Now: 'صحيفة المصري', 'قناة روسيا', 'صحيفة'.
    (span,) = extract_statements(text)
    assert outlet in span.speaker, span


# ---------------------------------------------------------------------------------------
# 6. The object after an organisation (_what_was_done) only after a nisba. (pre-existing;
#    the nouns added to object_nouns.txt for this rule still glue on after any other
#    organisation's name.)
# ---------------------------------------------------------------------------------------

@pytest.mark.xfail(strict=True, reason="known, not fixed in the tenth round (docs/statements.md)")
@pytest.mark.parametrize("text, speaker", [
    ("واستنكر الجيش السوري الحر الهجوم على المدنيين.", "الجيش السوري الحر"),
    ("وأدانت الأمم المتحدة الهجوم على المدنيين.", "الأمم المتحدة"),
])
def test_what_is_denounced_is_not_part_of_an_organisation_without_a_nisba(text, speaker):
    # Now: 'الجيش السوري الحر الهجوم', 'الأمم المتحدة الهجوم' (content 'على المدنيين').
    span, _ = _by_verb(text, text.split()[0])
    assert span.speaker == speaker, span


# =======================================================================================
# guards: these pass on 7d55a2b and pin what the round got right
# =======================================================================================

@pytest.mark.parametrize("text, speaker", [
    # real organisation names are not cut by the nisba rule
    ("وقالت الإمارات العربية المتحدة إن الاتفاق تاريخي.", "الإمارات العربية المتحدة"),
    ("وقال المجلس العسكري الانتقالي إن المفاوضات ستستأنف.", "المجلس العسكري الانتقالي"),
    ("وقال المجلس الوطني الانتقالي إن القذافي فر.", "المجلس الوطني الانتقالي"),
    ("وقالت الجبهة الوطنية التقدمية إن الانتخابات ستجرى.", "الجبهة الوطنية التقدمية"),
    ("وقال الحزب التقدمي الاشتراكي إن الحكومة فشلت.", "الحزب التقدمي الاشتراكي"),
    ("وقال المجلس الوطني الاتحادي إن الجلسة انتهت.", "المجلس الوطني الاتحادي"),
    ("وقالت الوكالة الدولية للطاقة الذرية إن إيران لم تلتزم.", "الوكالة الدولية للطاقة الذرية"),
    ("وقالت الهيئة السعودية العامة للاستثمار إن الاستثمارات ارتفعت.", "الهيئة السعودية العامة للاستثمار"),
    ("وقالت المنظمة العربية للتنمية الزراعية إن الإنتاج ارتفع.", "المنظمة العربية للتنمية الزراعية"),
    ("وقال الجيش السوري الحر إن قواته سيطرت على المدينة.", "الجيش السوري الحر"),
    # … and the object after a nisba is the object
    ("واستنكرت وزارة الخارجية المصرية الهجوم الإرهابي الذي استهدف كنيسة في المنيا.", "وزارة الخارجية المصرية"),
    ("وأدانت وزارة الخارجية المصرية التفجير الذي استهدف كنيسة.", "وزارة الخارجية المصرية"),
    ("وأدان مجلس التعاون الخليجي الاعتداءات الحوثية على المملكة.", "مجلس التعاون الخليجي"),
    # the company's business stays in the title; whom it was said to does not
    ("وقال مؤسس شركة تيسلا لصناعة السيارات الكهربائية، إيلون ماسك، إن الشركة ستبني مصنعا.",
     "مؤسس شركة تيسلا لصناعة السيارات الكهربائية، إيلون ماسك"),
    ("وقال متحدث باسم شركة بوينغ لرويترز إن الشركة تحقق في الأمر.", "متحدث باسم شركة بوينغ"),
    ("وقال رئيس نادي برشلونة لوسائل الإعلام إن النادي لن يبيع اللاعب.", "رئيس نادي برشلونة"),
    # compound first names after a listed first word, names that are adjuncts too
    ("وقال عماد الدين حسين إن الحكومة ستدعم المشروع.", "عماد الدين حسين"),
    ("وقال صلاح الدين مزوار إن الحكومة ستدعم المشروع.", "صلاح الدين مزوار"),
    ("وقال الشيخ صباح الأحمد إن الكويت تدعم الحوار.", "الشيخ صباح الأحمد"),
    ("وقال رئيس الوزراء لي كه تشيانغ إن الاقتصاد ينمو.", "رئيس الوزراء لي كه تشيانغ"),
    ("وقال الوزير الصيني لي إن بلاده تدعم الحوار.", "الوزير الصيني لي"),
    ("وقال المدرب صباح مؤخرا إن الفريق جاهز.", "المدرب صباح"),
    ("وقالت دراسة حديثة إن ارتفاع ضغط الدم قد يظل كامنا لفترة طويلة.", "دراسة حديثة"),
])
def test_guard_speakers_as_written(text, speaker):
    span, _ = _by_verb(text, text.split()[0])
    assert span.speaker == speaker, span


@pytest.mark.parametrize("text, verb, expected", [
    ("وقال الوزير إن الحكومة ستدعم المشروع. ثم تابعت الوزيرة حديثها لتقول إن المشروع سيبدأ الشهر المقبل.",
     "لتقول", "الوزيرة"),
    ("وقال وزير الخارجية المصري سامح شكري إن مصر تدعم الحوار. وواصل حديثه قائلا إن القاهرة تدرس القرار.",
     "قائلا", "سامح شكري"),
    ("وقال وزير الخارجية المصري سامح شكري إن مصر تدعم الحوار. وتابع شكري حديثه قائلا إن القاهرة تدرس القرار.",
     "قائلا", "سامح شكري"),
    # someone else's subject after a talk verb's clause is that verb's own
    ("وبعد أن أنهى الرئيس كلمته قال وزير الخارجية إن المفاوضات ستستأنف.", "قال", "وزير الخارجية"),
    # بيان ل…
    ("وجاء في بيان لوزارة الخارجية الروسية أن موسكو ترفض الاتهامات البريطانية. "
     "وأضاف البيان أن روسيا ستتخذ إجراءات مماثلة.", "وأضاف", "وزارة الخارجية الروسية"),
    ("وذكر بيان لأتلتيكو مدريد أن اللاعب سيغيب شهرا.", "وذكر", "أتلتيكو مدريد"),
    ("وجاء في بيان لأطباء بلا حدود أن المستشفى تعرض للقصف.", "وجاء في", "أطباء بلا حدود"),
    ("وجاء في بيان للأمم المتحدة أن ملايين الأطفال بحاجة إلى مساعدات.", "وجاء في", "الأمم المتحدة"),
    ("وذكر بيان رسمي أن الطريق سيفتح غدا أمام السيارات. وقال الوزير في مقابلة تلفزيونية إن "
     "الطريق آمن تماما. وأضاف البيان أن أعمال الصيانة انتهت.", "وأضاف", "بيان رسمي"),
    # the round's epithet, and the unnamed official who stops it
    ("أوصى يورغن كلوب، مدرب ليفربول، جماهير الفريق بإظهار الاحترام لروما. "
     "وأبدى كلوب رغبته في رؤية نفس الشغف والحماس من الجماهير. "
     'وصرح المدرب الألماني للصحفيين "أعتقد أن الجماهير يجب أن تساند الفريق مرة أخرى".',
     "وصرح", "كلوب"),
    ("وقال ولي العهد السعودي الأمير محمد بن سلمان إن المملكة ماضية في الإصلاحات. "
     "وقال مسؤول كبير في وزارة الخارجية السعودية، طلب عدم نشر اسمه، إن المحادثات ستستأنف. "
     "وأضاف المسؤول السعودي أن الوفد سيصل إلى واشنطن الاثنين.", "وأضاف", "المسؤول السعودي"),
])
def test_guard_speakers_the_round_resolves(text, verb, expected):
    _, speaker = _by_verb(text, verb)
    assert speaker.name == expected, speaker


def test_guard_bayan_li_wazir_is_a_person():
    (span,) = extract_statements("وذكر بيان لوزير الدفاع الأمريكي أن القوات ستبقى في سوريا.")
    assert (span.speaker_name, span.speaker_kind) == ("وزير الدفاع الأمريكي", "person")


@pytest.mark.parametrize("text", [
    "بيان ل", "وجاء في بيان ل", "وجاء في بيان لل", "وجاء في بيان لأ", "وجاء في بيان لإ.",
    "وجاء في بيان لوزير أن", "وجاء في بيان ل أن", "وجاء في بيان لآ أن الوضع",
    "وجاء في بيان لـوزارة الخارجية أن الوضع مستقر", 'وجاء في بيان ل"وزارة الخارجية" أن الوضع مستقر',
    "وجاء في بيانٍ لوزارةِ الخارجيةِ أنَّ الوضع", "حديثه", "وتابع حديثه", "ثم تابعت حديثها لتقول",
    'ثم تابعت حديثها لتقول "', "لتقول", "وتابع حديثه قائلا", "وتابع\u200bحديثه قائلا إن",
    "وتابعَ المهاجمُ حديثَهُ قائلاً إنّ الفريق جاهز", "وقالت دراسة حديثـة إن الضغط مرتفع",
    "واستنكرت وزارة الخارجية المصرية ال", "واستنكرت وزارة المصرية الت", "وصرح المدرب الألماني",
    "وقال مؤسس شركة تيسلا ل", "وقال مؤسس شركة تيسلا لـ", "وقال CEO شركة Tesla لصناعة السيارات، Elon Musk، إن",
    "وقال الوزير لي", "وقال الوزير صباح", "وقال الوزير ضاحكا", "\x00وقال\x00الوزير\x00إن\x00",
    "وقال\tالوزير\tمؤخرا\tإن الحكومة", "بيان لل" * 300, "حديثه " * 300, "وتابع " * 300 + "إن",
])
def test_guard_odd_input_neither_crashes_nor_misplaces_offsets(text):
    assert_offsets_hold(text)


@pytest.mark.parametrize("unit", [
    "وقال مؤسس شركة تيسلا لصناعة السيارات الكهربائية، إيلون ماسك، إن الشركة ستبني مصنعا. ",
    'وتابع المهاجم الإنجليزي حديثه عن نظيره المصري قائلا "لا أستطيع التحكم بما يفعله". ',
    "واستنكرت وزارة الخارجية المصرية الهجوم الإرهابي الذي استهدف كنيسة. ",
    "وقال زين الدين زيدان إن الفريق جاهز. وقال برهان الدين رباني إن الحكومة ستدعم المشروع. ",
    "وجاء في بيان لوزارة الخارجية الروسية أن موسكو ترفض الاتهامات. ",
])
def test_guard_the_new_extraction_rules_run_in_linear_time(unit):
    # Measured on 7d55a2b: 100 kB 0.2-0.7 s, 400 kB 0.6-2.4 s (3.5-4.5x).
    assert_grows_linearly(lambda size: _extract_seconds(unit, size), 100_000, 400_000)


def test_guard_albayan_after_an_interview_resolves_in_linear_time():
    # Measured on 7d55a2b: 100 kB 0.12 s, 400 kB 0.49 s.
    unit = ("وذكر بيان رسمي أن الطريق سيفتح غدا. وقال الوزير في مقابلة إن الطريق آمن. "
            "وأضاف البيان أن الصيانة انتهت. ")
    assert_grows_linearly(lambda size: _resolve_seconds(unit, size), 100_000, 400_000)
