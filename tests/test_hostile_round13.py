"""Hostile tests of the thirteenth round (extractor and speakers: git log 4e84efb..1f08be1 --
articles/).

What the round added: a source an outlet relays speaks with where it is, نقلا عن relays like
نقل عن, تأكيده is said like قوله, a relayed source may be described by a relative clause
(extract.py: _relayed_speaker, QUOTING_FROM, _speaker_goes_on, _saying_after_relative); an
unnamed source (lexicon/unnamed_heads.txt) speaks with where it is, and a time is no place
(read_speaker, split_title, PERIODS); an interview with a network is no speaker (outlets.txt);
a voice or a tone and its adjective are how someone spoke (VOICE_WORDS); a short quoted
wording after a verb of threat, call, praise or condemnation is a partial statement when it
ends the object (lexicon/wording_verbs.txt, _wording_ends, WORDING_LINKS); the name after an
aide's post is the one whose post follows when the article writes that post before the same
name elsewhere, and a title with the surname in ال is the person named in full with that
title (speakers.py: _named_for_anothers_post, _KnownSpeakers); who leads or backs an
organisation is part of its name (_led_by_at), a verbal noun of speech after
بعد/عقب/إثر/منذ/قبل is background (TIME_BEFORE_NOUN), a verbal noun with a bare alef after a
name is the object (ALEF_MASDAR_RE).

Written by a hostile helper against 1f08be1 (and run again at 74fd8bc, three commits later,
with the working tree's uncommitted extract.py change: every result the same). Each test
states what an Arabic reader expects; the strict xfails are defects found ("Now:" in a
comment is what 1f08be1 gives). Each rule was compared with the commit before it: e1d9a1a
for the relay, unnamed-source, network, voice and wording rules, 201519e for the aide and
title-surname rules, d4dad51 for the leader, time-clause and bare-alef rules.
"(regression)" means that commit gave the right answer or at least no wrong name; "(new with
the rule)" means the commit before was wrong in another way (the outlet as the speaker) and
the rule now gives a wrong name of its own; "(pre-existing)" means the commit before was as
wrong, but the sentence is squarely what a rule of this round claims to handle. The tests
without xfail pass on 1f08be1 and pin what the round got right.

Searched without finding a defect: crashes or spans off their text on 80,000 random strings
made of the round's own sentences (one to five at a time) with control characters,
zero-width marks, RLM/LRM, isolates, NBSP, tatweel, diacritics, Latin/Arabic-Indic digits,
every kind of quotation mark, lone surrogates, deleted and spliced characters; super-linear
time on one repeated unit of every rule. Super-linear time was found only with many distinct
sources or aides in one text (section 8).
"""

import random

import pytest

from articles.quotes.extract import extract_statements
from tests.extraction_probes import (
    assert_grows_linearly,
    assert_offsets_hold,
    by_verb,
    extract_seconds,
    resolved_names,
    text_extract_seconds,
    text_resolve_seconds,
)

KNOWN = "known, found in the thirteenth round's hostile test"


def _one(text):
    """The one statement of `text` (failing with all of them otherwise)."""
    spans = extract_statements(text)
    assert len(spans) == 1, [(s.verb, s.speaker, s.text) for s in spans]
    return spans[0]


# =======================================================================================
# 1. A source an outlet relays speaks with where it is; نقلا عن relays; تأكيده is said.
# =======================================================================================

@pytest.mark.parametrize("text, speaker, content", [
    # the Egyptian spelling مسئول; الابيض without hamza and a Latin comma after قوله
    ("ونقلت رويترز عن مسئول في البيت الأبيض قوله إن واشنطن تحذر تركيا.",
     "مسئول في البيت الأبيض", "واشنطن تحذر تركيا"),
    ("ونقلت رويترز عن مسؤول في البيت الابيض قوله, إن واشنطن تحذر تركيا.",
     "مسؤول في البيت الابيض", "واشنطن تحذر تركيا"),
    # an adjective before the place, and a place of five words
    ("ونقلت رويترز عن مسؤول كبير في وزارة الخارجية الأمريكية قوله إن واشنطن تحذر تركيا.",
     "مسؤول كبير في وزارة الخارجية الأمريكية", "واشنطن تحذر تركيا"),
    # a vowel mark on تأكيده
    ("ونقلت الوكالة عن مصدر مقرب من الحكومة السورية تأكيدَه أن القوات تستعد لهجوم.",
     "مصدر مقرب من الحكومة السورية", "القوات تستعد لهجوم"),
])
def test_the_relayed_source_in_other_spellings(text, speaker, content):
    # The round's relay under the spellings and punctuation of real outlets.
    span = _one(text)
    assert (span.speaker, span.text) == (speaker, content)


@pytest.mark.parametrize("text, speaker", [
    # نقلًا (the tanween on the lam, as modern keyboards place it)
    ("وأشارت الوكالة نقلًا عن مصادر مطلعة على الخطط، أن الدول ستحصل على إعفاء.", "مصادر مطلعة على الخطط"),
    # no comma before أن; نقلا عن between commas
    ("وأشارت الوكالة نقلا عن مصادر مطلعة على الخطط أن الدول ستحصل على إعفاء.", "مصادر مطلعة على الخطط"),
    ("وذكرت الصحيفة، نقلا عن مسؤولين في البيت الأبيض، أن ترامب غاضب.", "مسؤولين في البيت الأبيض"),
    # a named minister relayed
    ("وذكرت الوكالة نقلا عن وزير الخارجية سيرغي لافروف أن المحادثات مستمرة.", "وزير الخارجية سيرغي لافروف"),
])
def test_naqlan_an_relays_in_its_spellings(text, speaker):
    # نقلا عن with tanween, without a comma, between commas, before a named minister.
    assert _one(text).speaker == speaker


def test_the_relayed_refugees_described_by_a_relative_clause_speak():
    # الذين (plural) before قولهم: the refugees, not the agency.
    span = _one("ونقلت الوكالة عن اللاجئين الذين فروا من الغوطة قولهم إن القصف لم يتوقف.")
    assert (span.speaker, span.text) == ("اللاجئين", "القصف لم يتوقف")


def test_a_relative_clause_in_what_was_said_stays_there():
    # After قوله the relative clause is the content's own: nothing is moved into the speaker.
    span = _one("ونقلت الوكالة عن الوزير قوله إن المشروع الذي تديره الشركة سينجح.")
    assert (span.speaker, span.text) == ("الوزير", "المشروع الذي تديره الشركة سينجح")


@pytest.mark.parametrize("text, speaker", [
    # نقلا عن inside a relative clause of the content, and inside a quotation
    ("وقالت الوزارة إن التقرير الذي نشرته الصحيفة نقلا عن مصادر في الحكومة غير صحيح.", "الوزارة"),
    ('وقال المتحدث: "ما نقلته الصحيفة نقلا عن مصادر في الحكومة غير صحيح".', "المتحدث"),
])
def test_naqlan_an_inside_what_was_said_without_anna_relays_nothing(text, speaker):
    # Where the rule must not fire: نقلا عن within the content, with no أن after the source.
    assert _one(text).speaker == speaker


def test_the_spokesman_relayed_with_his_name_between_commas_is_named():
    # The post, the rank and the name between commas before قوله.
    text = "ونقلت الوكالة عن المتحدث باسم التحالف، العقيد تركي المالكي، قوله إن الصاروخ اعترض."
    assert resolved_names(text) == ["تركي المالكي"]


def test_naqlan_an_inside_a_direct_quote_is_the_speakers_own_words():
    # (regression) a نقلا عن … أن written inside the minister's quotation takes the statement
    # from him, and the span keeps the closing quotation mark. Now: reported, speaker
    # 'مصادر في الحكومة', text 'الوضع خطير"' (e1d9a1a: direct, الوزير, the whole quote).
    span = _one('وقال الوزير: "نقلا عن مصادر في الحكومة أن الوضع خطير".')
    assert (span.kind, span.speaker) == ("direct", "الوزير")


@pytest.mark.parametrize("text", [
    "وقال الوزير إن الصحيفة نشرت الخبر نقلا عن مصادر في الحكومة أن الوضع خطير.",
    "وأكد الوزير أن ما نشرته الصحيفة نقلا عن مصادر مجهولة أن الحكومة ستستقيل كاذب.",
])
def test_naqlan_an_inside_reported_content_does_not_take_the_statement(text):
    # (regression) the minister reports (or denies) what a paper relayed; the relay inside
    # his content makes the paper's sources the speaker of his statement. Now: 'مصادر في
    # الحكومة' / 'مصادر مجهولة' (e1d9a1a: الوزير).
    assert _one(text).speaker == "الوزير"


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_a_relayed_minister_named_after_his_place_is_named():
    # (new with the rule) the relayed source's "where" swallows the name after it: the
    # minister's page is the whole phrase, and 'سيالة' later joins it. Now: 'وزير الخارجية في
    # حكومة الوفاق محمد سيالة' (e1d9a1a: the agency; without the relay: 'محمد سيالة').
    text = ("ونقلت الوكالة عن وزير الخارجية في حكومة الوفاق محمد سيالة قوله إن الاتفاق قريب. "
            "وأضاف سيالة أن الحوار مستمر.")
    assert resolved_names(text) == ["محمد سيالة", "محمد سيالة"]


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text, word", [
    ("ونقلت الوكالة عن مصدرين في الحكومة قولهما إن القوات تستعد لهجوم.", "قولهما"),
    ("ونقلت الوكالة عن مسؤول في البيت الأبيض نفيه أن يكون الرئيس غاضبا.", "نفيه"),
    ("ونقلت الوكالة عن مسؤول في البيت الأبيض تحذيره من أن الحرب قريبة.", "تحذيره"),
])
def test_what_the_relayed_source_said_is_not_part_of_its_name(text, word):
    # (new with the rule) the dual قولهما and the other verbal nouns of saying (نفيه،
    # تحذيره من) are not in HIS_SAYING, so the place runs on into them. Now: 'مصدرين في
    # الحكومة قولهما', 'مسؤول في البيت الأبيض نفيه', '… تحذيره من' (e1d9a1a: the agency).
    assert word not in _one(text).speaker


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text, speaker", [
    ("ونقلت رويترز عن مسؤول طلب عدم نشر اسمه قوله إن القوات ستنسحب.", "مسؤول"),
    ("ونقلت رويترز عن مسؤولين أمريكيين لم تكشف هوياتهم قولهم إن القوات ستنسحب.", "مسؤولين أمريكيين"),
    ("ونقلت الصحيفة عن الرجل الذي رفض ذكر اسمه قوله إن القوات ستنسحب.", "الرجل"),
])
def test_the_anonymous_source_who_asked_not_to_be_named(text, speaker):
    # (pre-existing) the commonest description of a relayed source, "who asked not to be
    # named", is a clause with a verb: no statement at all, the outlet, or 'اسمه' (from ذكر).
    assert _one(text).speaker == speaker


@pytest.mark.parametrize("text", [
    "قال الوزير إن الحوار مهم. ونقلت الوكالة عنه قوله إن الحوار مستمر.",
    "قال الوزير إن الحوار مهم. ونقلت الوكالة عنه تأكيده أن الحوار مستمر.",
])
def test_the_relayed_pronoun_is_the_one_named_before(text):
    # (pre-existing) نقلت عنه قوله، the relay of someone just named, is the agency's. Now: 'الوكالة'.
    assert resolved_names(text) == ["الوزير", "الوزير"]


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text, speaker", [
    # what the rule stops at: quotation marks, a day, a participle instead of a relative
    ('ونقلت رويترز عن مسؤول في وزارة الدفاع الأمريكية "البنتاغون" قوله إن القوات ستنسحب.',
     'مسؤول في وزارة الدفاع الأمريكية "البنتاغون"'),
    ("ونقلت الوكالة عن مسؤول في البيت الأبيض يوم الاثنين قوله إن واشنطن تحذر تركيا.", "مسؤول في البيت الأبيض"),
    ("ونقلت وكالة تاس للأنباء عن مركز المصالحة في سوريا التابع لوزارة الدفاع الروسية قوله إن "
     "أكثر من سبعة آلاف شخص غادروا.", "مركز المصالحة في سوريا التابع لوزارة الدفاع الروسية"),
    # نقلا عن between commas before إلى أن, between dashes, in parentheses
    ("وأشارت الوكالة، نقلا عن مصادر مطلعة على الخطط، إلى أن الدول ستحصل على إعفاء.", "مصادر مطلعة على الخطط"),
    ("وذكرت الوكالة -نقلا عن مسؤول في البيت الأبيض- أن القصف مستمر.", "مسؤول في البيت الأبيض"),
    ("وذكرت الوكالة (نقلا عن مسؤول في البيت الأبيض) أن القصف مستمر.", "مسؤول في البيت الأبيض"),
])
def test_the_relayed_source_in_the_forms_the_rule_misses(text, speaker):
    # (pre-existing) the outlet stays the speaker. Now: 'رويترز', 'الوكالة', 'وكالة تاس للأنباء'.
    assert _one(text).speaker == speaker


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_relayed_officials_are_the_officials_who_go_on():
    # (new with the rule) the relay names مسؤولين (genitive) and the next sentence
    # المسؤولون: two pages, where المصادر after مصادر is one. Now: 'المسؤولون'.
    text = ("ونقلت الوكالة عن مسؤولين في البيت الأبيض قولهم إن الحوار مستمر. "
            "وأضاف المسؤولون أن القرار نهائي.")
    assert resolved_names(text) == ["مسؤولين في البيت الأبيض", "مسؤولين في البيت الأبيض"]


# =======================================================================================
# 2. An unnamed source speaks with where it is; a time is no place.
# =======================================================================================

@pytest.mark.parametrize("text, name", [
    # فى for في (Egyptian sites), a tatweel in مصـدر
    ("وقالت مصادر فى البيت الأبيض إن الرئيس غاضب. وأضافت المصادر أن القرار نهائي.", "مصادر فى البيت الأبيض"),
    ("وقال مصـدر في الشرطة العمانية إن التشريح تم. وأضاف المصدر أن الجثة نقلت.", "مصـدر في الشرطة العمانية"),
    # whom it told, as an agency or a paper in quotation marks
    ('وقال مسؤول في الشرطة لـ"الشرق الأوسط" إن المشتبه به اعتقل.', "مسؤول في الشرطة"),
])
def test_the_unnamed_source_with_its_place_in_other_spellings(text, name):
    # The round's unnamed source under other spellings and with whom it told.
    assert set(resolved_names(text)) == {name}


def test_the_source_goes_on_past_an_official_named_in_between():
    # مصدر في الشرطة, then a hospital official, then المصدر: the police source again.
    text = ("وقال مصدر في الشرطة إن المشتبه به اعتقل. وأضاف مسؤول في المستشفى أن الجرحى بخير. "
            "وأضاف المصدر أن التحقيق مستمر.")
    assert resolved_names(text) == ["مصدر في الشرطة", "مسؤول في المستشفى", "مصدر في الشرطة"]


@pytest.mark.parametrize("text", [
    "وقال مصدر مطلع فى الشهر الماضى إن القوات ستنسحب.",
    "وقال مصدر مطلع في وقت سابق من اليوم إن القوات ستنسحب.",
])
def test_when_the_source_spoke_in_other_spellings_is_no_place(text):
    # ى for ي, a time closed by اليوم.
    assert _one(text).speaker == "مصدر مطلع"


def test_the_official_with_the_article_keeps_his_name_after_the_place():
    # المسؤول (definite) is a post, not an anonymous source: the name after the place is his.
    assert resolved_names("وقال المسؤول في البيت الأبيض جون كيلي إن القوات ستنسحب.") == ["جون كيلي"]


@pytest.mark.parametrize("text, name", [
    ("وقال مسؤول في البيت الأبيض، جون كيلي، إن القوات ستنسحب. وأضاف كيلي أن القرار نهائي.", "جون كيلي"),
    ("وقال مسؤول الإعلام في حزب الله محمد عفيف إن الحزب مستعد.", "محمد عفيف"),
    ("وقال مسؤول ملف المفاوضات في الحركة، أسامة حمدان، إن الحركة لن تتراجع.", "أسامة حمدان"),
])
def test_a_named_official_after_masul_and_a_place_is_named(text, name):
    # (regression) split_title now returns the whole of مسؤول … في … as an anonymous name:
    # an official named after his post and place ("مسؤول الإعلام في حزب الله محمد عفيف", the
    # Arabic for "head of media") loses his name. Now: 'مسؤول في البيت الأبيض جون كيلي',
    # 'مسؤول الإعلام في حزب الله محمد عفيف', … (e1d9a1a: 'جون كيلي', 'محمد عفيف', 'أسامة حمدان').
    assert set(resolved_names(text)) == {name}


@pytest.mark.parametrize("text, speaker", [
    # a time that is not in PERIODS
    ("وقال مسؤول أمريكي في وقت سابق إن القوات ستنسحب.", "مسؤول أمريكي"),
    ("وقال مصدر مطلع في عام 2017 إن القوات ستنسحب.", "مصدر مطلع"),
    ("وقال مصدر مطلع في ساعة متأخرة من الليل إن القوات ستنسحب.", "مصدر مطلع"),
    # how it spoke: a private statement, a press conference, a communiqué, remarks
    ("وقال مصدر في تصريح خاص إن القوات ستنسحب.", "مصدر"),
    ("وقال مصدر أمني في تصريح لرويترز إن القوات ستنسحب.", "مصدر أمني"),
    ("وقال مسؤول في مؤتمر صحفي إن القوات ستنسحب.", "مسؤول"),
    ("وقال مسؤولون في بيان إن القوات ستنسحب.", "مسؤولون"),
    ("وقال مسؤول أمريكي في تصريحات صحفية إن القوات ستنسحب.", "مسؤول أمريكي"),
])
def test_when_and_how_an_unnamed_source_spoke_is_no_place(text, speaker):
    # (regression) anything after في up to إن is read as where the source is: 'مسؤول أمريكي
    # في وقت سابق', 'مصدر في تصريح خاص', 'مسؤولون في بيان', 'مصدر أمني في تصريح' …
    # (e1d9a1a: the source alone). في تصريح / في بيان / في وقت سابق follow a source in a
    # large share of agency copy.
    assert _one(text).speaker == speaker


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text, speaker", [
    ("وقال مسئول في وزارة الدفاع الأمريكية إن القوات ستنسحب.", "مسئول في وزارة الدفاع الأمريكية"),
    ("وقالت مسؤولة في وزارة الخارجية إن القوات ستنسحب.", "مسؤولة في وزارة الخارجية"),
    ("وقال مصدران في وزارة الخارجية إن القوات ستنسحب.", "مصدران في وزارة الخارجية"),
    ("وقال مسؤولان في وزارة الخارجية إن القوات ستنسحب.", "مسؤولان في وزارة الخارجية"),
])
def test_the_unnamed_heads_in_their_other_forms(text, speaker):
    # (pre-existing) unnamed_heads.txt lists مسؤول with ؤ only (Egyptian sites write مسئول),
    # no feminine and no dual: the place is dropped. Now: 'مسئول', 'مسؤولة', 'مصدران', 'مسؤولان'.
    # (The relay path takes them all: ونقلت رويترز عن مسئول في البيت الأبيض قوله.)
    assert _one(text).speaker == speaker


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text", [
    "وقال مسؤول في البيت الأبيض يوم الاثنين إن القوات ستنسحب.",
    "وقال مسؤول في البيت الأبيض، طلب عدم نشر اسمه، إن القوات ستنسحب.",
])
def test_the_place_before_the_day_or_the_anonymity_aside(text):
    # (pre-existing) a day or "who asked not to be named" after the place drops the place.
    # Now: 'مسؤول'.
    assert _one(text).speaker == "مسؤول في البيت الأبيض"


# =======================================================================================
# 3. An interview with a network is no speaker.
# =======================================================================================

TRUMP = "وقال ترامب إنه يتوقع لقاء كيم. "


@pytest.mark.parametrize("told", [
    'لـ"فوكس نيوز"', "لفوكس نيوز \u200f", "لـFox News", "لإيه بي سي",
])
def test_trump_told_a_network_in_any_spelling(told):
    # Quotation marks, an RLM, Latin letters, ABC (e1d9a1a: 'لإيه بي سي' was the speaker).
    text = TRUMP + f"وقال {told} إن الاجتماع قد لا يعقد."
    assert resolved_names(text) == ["ترامب", "ترامب"]
    assert by_verb(text, "وقال")[0].text == "الاجتماع قد لا يعقد"


def test_the_network_itself_still_speaks():
    # Where the rule must not fire: the network as the subject.
    assert resolved_names("وقالت شبكة فوكس نيوز إن الاجتماع قد لا يعقد. وذكرت سي بي إس أن القمة قائمة.") == [
        "شبكة فوكس نيوز", "سي بي إس"]


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("told", ["لشبكة سي إن إن", "لسي إن إن", "لإن بي سي", "لسي إن بي سي"])
def test_the_in_of_cnn_and_nbc_opens_nothing(told):
    # (pre-existing) the إن of سي إن إن / إن بي سي / سي إن بي سي (CNBC, added to outlets.txt
    # this round) opens the content: 'إن إن الاجتماع قد لا يعقد', 'بي سي إن الاجتماع …'.
    text = TRUMP + f"وقال {told} إن الاجتماع قد لا يعقد."
    assert by_verb(text, "وقال")[0].text == "الاجتماع قد لا يعقد"


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("told", ["لوول ستريت جورنال", "لفوكس"])
def test_a_paper_or_fox_alone_is_no_speaker(told):
    # (pre-existing) whom Trump told becomes the speaker, ل and all. Now: 'لوول ستريت جورنال', 'لفوكس'.
    assert resolved_names(TRUMP + f"وقال {told} إن الاجتماع قد لا يعقد.") == ["ترامب", "ترامب"]


# =======================================================================================
# 4. A voice or a tone and its adjective are how someone spoke.
# =======================================================================================

ACCUSED = "قال المتهم إنه بريء. "


@pytest.mark.parametrize("how", [
    "بصوتٍ متهدجٍ:", "بنبرة غاضبة:", "، بصوت متهدج،",
])
def test_the_accused_goes_on_in_a_voice_written_otherwise(how):
    # Tanween on the voice and its adjective, a tone, the voice between commas.
    text = ACCUSED + f'وأضاف {how} "نعم أنا مذنب".'
    assert resolved_names(text) == ["المتهم", "المتهم"]


def test_the_tone_after_a_name_or_title_is_not_part_of_it():
    # A tone with a clause after a name, a dialect after a title (e1d9a1a: 'ترامب بلهجة
    # تنم', the name 'بلهجة مصرية').
    assert _one("وقال ترامب بلهجة تنم عن الغضب إن الصين تسرق الوظائف.").speaker == "ترامب"
    assert _one("وقال الوزير بلهجة مصرية إن الحكومة لن تستقيل.").speaker_name == "الوزير"


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("how, not_name", [
    ("بصوت خافت ومتقطع:", "ومتقطع"),
    ("بصوت منخفض جدا:", "جدا"),
    ("بصوت يملؤه الحزن:", "الحزن"),
    ("بنبرة حادة وغاضبة:", "وغاضبة"),
    ("بلهجة لا تخلو من السخرية:", "تخلو"),
])
def test_a_voice_with_more_than_one_adjective_is_still_no_speaker(how, not_name):
    # (pre-existing) the voice takes one adjective; a second one, an adverb or a clause
    # describing the voice is the speaker. Now: the word shown.
    text = ACCUSED + f'وأضاف {how} "نعم أنا مذنب".'
    assert resolved_names(text) == ["المتهم", "المتهم"], not_name


# =======================================================================================
# 5. A short quoted wording after a verb of threat, call, praise or condemnation.
# =======================================================================================

@pytest.mark.parametrize("text, quoted", [
    # guillemets, vowel marks, a tatweel in the quote's own ب
    ('من جانبها، توعدت موسكو «برد قاس» على العقوبات.', "برد قاس"),
    ('من جانبها، توعّدت موسكو "بردّ قاسٍ" على العقوبات.', "بردّ قاسٍ"),
    ('من جانبها، توعدت موسكو "بـرد قاس" على العقوبات.', "بـرد قاس"),
    # الى without hamza
    ('دعا المعارض الأرمني نيكول باشينيان الثلاثاء الى "عصيان مدني" بعد أن فشل.', "عصيان مدني"),
    # the UN's warning without hamzas
    ('وحذرت الامم المتحدة من "كارثة انسانية" في اليمن.', "كارثة انسانية"),
])
def test_the_wording_in_other_spellings_is_partial(text, quoted):
    span = _one(text)
    assert (span.kind, span.text) == ("partial", quoted)


@pytest.mark.parametrize("text", [
    'وأشاد المدرب بـ"الروح القتالية" للاعبين.',
    'وأشاد الناقد بـ"بيروت" للمخرج زياد دويري.',
    # a quotation never closed
    'من جانبها، توعدت موسكو "برد قاس على العقوبات.',
])
def test_a_wording_the_object_goes_on_after_stays_reported(text):
    # Where the rule must not narrow: the object goes on, or the quote never closes.
    assert _one(text).kind == "reported"


@pytest.mark.parametrize("text, name", [
    ('وأشاد الناقد بفيلم "بيروت".', "بيروت"),
    ('وانتقد الناقد فيلم "بيت الأشباح".', "بيت الأشباح"),
    ('وحذر الجيش من "داعش".', "داعش"),
    ('وأشاد الرئيس بـ"الحشد الشعبي".', "الحشد الشعبي"),
    ('وأشاد الرئيس بـ"درع الفرات".', "درع الفرات"),
    ('وانتقد الوزير "بريكست" في خطابه أمام البرلمان.', "بريكست"),
])
def test_a_name_in_quotation_marks_is_no_wording(text, name):
    # (regression) a film, a group, an operation, a club or Brexit in quotation marks after
    # a wording verb is read as the speaker's own words: a partial statement whose text is
    # the name (a ب-initial name even passes for the quote's own ب: "بيروت"، "بريكست").
    # Arabic outlets quote group and operation names as a matter of style.
    # Now: partial 'بيروت', 'داعش' … (e1d9a1a: the whole object reported, or nothing).
    spans = extract_statements(text)
    assert not any(s.kind == "partial" and s.text == name for s in spans)


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text, quoted", [
    # the lexicon's own example (wording_verbs.txt: انتقد "الظلم التحكيمي"), and أدان
    ('وانتقد المدرب "الظلم التحكيمي".', "الظلم التحكيمي"),
    ('أدان الرئيس "العمل الجبان".', "العمل الجبان"),
    # the narrator's day or a ḥāl after the wording
    ('وحذر الرئيس من "كارثة" يوم الاثنين.', "كارثة"),
    ('وتوعد باشينيان بـ"تسونامي سياسي"، مشيرا إلى أن الشعب سينتصر.', "تسونامي سياسي"),
])
def test_the_wording_the_rule_claims_but_misses(text, quoted):
    # (pre-existing) no statement at all after a bare quoted object; a day or a following
    # مشيرا keeps the object reported with its quotation marks (or loses it).
    spans = extract_statements(text)
    assert any(s.kind == "partial" and s.text == quoted for s in spans), [(s.kind, s.text) for s in spans]


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text", [
    # the round's own example: Iran is read into Trump's name
    'وهدد ترامب إيران بـ"مشاكل كبيرة".',
    # whom he praised, in ب + a post (not of the فعول shape): 'ترامب بنائب'
    "وأشاد ترامب بنائب الرئيس الأمريكي مايك بنس.",
])
def test_the_one_threatened_or_praised_is_not_part_of_the_speaker(text):
    # (pre-existing) the object of a wording verb is read into the subject's name.
    # Now: 'ترامب إيران', 'ترامب بنائب'.
    assert _one(text).speaker == "ترامب"


# =======================================================================================
# 6. The name after an aide's post; a title and the surname with the article.
# =======================================================================================

DEPUTY = "وقال نائب الرئيس الأمريكي دونالد ترامب إن الإدارة موحدة."


@pytest.mark.parametrize("president", [
    "وقال الرئيسُ الأمريكيّ، دونالد ترامب، إن الاقتصاد قوي. ",
    "وقال الرئيس الأمريكي،\u200f دونالد ترامب، إن الاقتصاد قوي. ",
    "وقال الرئيس الأمريكى، دونالد ترامب، إن الاقتصاد قوي. ",
])
def test_the_presidents_deputy_is_not_the_president_in_any_spelling(president):
    # Vowel marks, an RLM, ى where the article names the president.
    assert resolved_names(president + DEPUTY)[1] != "دونالد ترامب"


@pytest.mark.parametrize("text", [
    "وقال نائب الرئيس الأمريكي مايك بنس إن الإدارة موحدة. وقال نائب الرئيس الأمريكي، مايك بنس، إن الاقتصاد قوي.",
    "وقال نائب الرئيس الأمريكي مايك بنس إن الإدارة موحدة. وقال ترامب إن نائب الرئيس الأمريكي مايك بنس يقوم بعمل رائع.",
])
def test_the_deputy_named_twice_is_the_deputy(text):
    # Where the rule must not fire: the post before the name again, in narration or content.
    assert resolved_names(text)[0] == "مايك بنس"


def test_peskov_named_after_the_presidents_spokesman_is_peskov():
    # The spokesman named between commas right after the post.
    text = ("وقال المتحدث باسم الرئيس الروسي، ديمتري بيسكوف، إن الكرملين يرحب بالقمة. "
            "وقال الرئيس الروسي فلاديمير بوتين إن العلاقات جيدة.")
    assert resolved_names(text) == ["ديمتري بيسكوف", "فلاديمير بوتين"]


@pytest.mark.parametrize("text, name", [
    ("قال الرئيس المصري عبد الفتاح السيسي إن الاقتصاد يتحسن. وأكد الرئيس السيسى أن الاستثمارات زادت.",
     "عبد الفتاح السيسي"),
    ("قال رئيس الوزراء اللبناني سعد الحريري إن الحكومة ستتشكل. وقال رئيس الوزراء الأسبق نجيب ميقاتي "
     "إن الأزمة طويلة. وأضاف رئيس الوزراء الحريري أن الحل قريب.", "سعد الحريري"),
])
def test_the_title_and_surname_in_other_spellings(text, name):
    # ى for ي, another prime minister quoted in between.
    assert resolved_names(text)[-1] == name


@pytest.mark.parametrize("later", [
    "وحضر الاجتماع وزير الخارجية ونائب الرئيس الأمريكي مايك بنس.",
    "وأشاد ترامب بنائب الرئيس الأمريكي مايك بنس.",
    "وفي كلمة لنائب الرئيس الأمريكي مايك بنس أكد أن الاقتصاد قوي.",
])
def test_pence_named_again_with_a_clitic_on_the_post_is_still_the_deputy(later):
    # (regression) the check that the post is not an aide's reads the word before it without
    # its clitics: ونائب، بنائب، لنائب leave 'الرئيس الأمريكي مايك بنس' as the president's
    # post, and Pence's statement goes to 'نائب الرئيس الأمريكي مايك بنس'
    # (201519e: 'مايك بنس'). Pence named again with و/ب/ل is the ordinary case.
    text = "وقال نائب الرئيس الأمريكي مايك بنس إن الإدارة موحدة. " + later
    assert resolved_names(text)[0] == "مايك بنس"


@pytest.mark.parametrize("text, name", [
    # (passes since the fourteenth round: after باسم the plain words are the body spoken for)
    ("وقال المتحدث باسم الرئيس الروسي فلاديمير بوتين، ديمتري بيسكوف، إن الكرملين يرحب بالقمة.",
     "ديمتري بيسكوف"),
    pytest.param("وقال مستشار الرئيس الأمريكي دونالد ترامب للأمن القومي جون بولتون إن إيران تشكل تهديدا.",
                 "جون بولتون", marks=pytest.mark.xfail(strict=True, reason=KNOWN)),
])
def test_the_aide_named_after_his_principal_is_the_aide(text, name):
    # (pre-existing) the commonest form of the aide's post names the principal first and the
    # aide after a comma or his portfolio; the mention stops at the principal. Now: 'المتحدث
    # باسم الرئيس الروسي فلاديمير بوتين', 'مستشار الرئيس الأمريكي دونالد ترامب' (and,
    # without the president named elsewhere, Putin and Trump).
    assert resolved_names(text) == [name]


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_national_security_adviser_of_the_president_is_not_the_president():
    # (pre-existing) the aide's word is not followed by the principal's post at once
    # (مستشار الأمن القومي للرئيس …): the rule never asks. Now: 'دونالد ترامب'.
    text = ("وقال مستشار الأمن القومي للرئيس الأمريكي دونالد ترامب إن إيران تشكل تهديدا. "
            "وقال الرئيس الأمريكي دونالد ترامب إن الاقتصاد قوي.")
    assert resolved_names(text)[0] != "دونالد ترامب"


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_president_sisi_after_another_sisi_was_quoted():
    # (pre-existing: the rule's own case) only the latest person of a surname is asked: a
    # journalist called السيسي quoted in between leaves 'الرئيس السيسي' a page of its own.
    # Now: 'الرئيس السيسي'.
    text = ("قال الرئيس المصري عبد الفتاح السيسي إن الاقتصاد يتحسن. وقال الصحفي أحمد السيسي إن "
            "الصحافة حرة. وأكد الرئيس السيسي أن الاستثمارات زادت.")
    assert resolved_names(text)[-1] == "عبد الفتاح السيسي"


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_prime_minister_of_iraq_is_the_prime_minister_abadi():
    # (pre-existing) رئيس وزراء العراق (the country in construct) is not read as رئيس
    # الوزراء. Now: 'رئيس الوزراء العبادي'.
    text = "قال رئيس وزراء العراق حيدر العبادي إن الاقتصاد يتحسن. وأكد رئيس الوزراء العبادي أن الاستثمارات زادت."
    assert resolved_names(text)[-1] == "حيدر العبادي"


# =======================================================================================
# 7. Who leads or backs an organisation; a verbal noun in a time clause; a bare alef.
# =======================================================================================

@pytest.mark.parametrize("text, speaker", [
    ("وقال التحالف بقيادة السعودية، إن الصاروخ اعترض.", "التحالف بقيادة السعودية"),
    ("وقالت جماعة الحوثي المدعومة من إيران إن الصاروخ أصاب هدفه.", "جماعة الحوثي المدعومة من إيران"),
    ("وأعلن الجيش الليبي بقيادة المشير خليفة حفتر، الثلاثاء، القبض على هشام عشماوي.",
     "الجيش الليبي بقيادة المشير خليفة حفتر"),
    # where it must not fire: how it was led, with a possessive
    ("وقالت المعارضة بقيادة زعيمها إن الانتخابات مزورة.", "المعارضة"),
])
def test_the_leader_or_backer_in_other_forms(text, speaker):
    assert _one(text).speaker == speaker


def test_the_coalition_led_by_saudi_arabia_is_the_coalition_that_goes_on():
    text = "وقال التحالف بقيادة السعودية إن الصاروخ اعترض. وأضاف التحالف أن الحوثيين أطلقوه."
    assert resolved_names(text) == ["التحالف بقيادة السعودية", "التحالف بقيادة السعودية"]


@pytest.mark.parametrize("text", [
    "اثر إعلان التحالف العربي أنه قتل ثمانية عناصر، نفى الحزب مقتل أي من مقاتليه.",
    "إثر تأكيد التحالف العربي أنه قتل ثمانية عناصر، نفى الحزب مقتل أي من مقاتليه.",
])
def test_the_time_clause_in_other_words_is_background(text):
    # إثر without hamza, another verbal noun (تأكيد).
    assert [s.verb for s in extract_statements(text)] == ["نفى"]


@pytest.mark.parametrize("text, speaker, content", [
    ("أعلن ترامب استقاله هايلي من منصبها الثلاثاء.", "ترامب", "استقاله هايلي من منصبها الثلاثاء"),
    ("وأعلن الرئيس عباس استئناف المفاوضات.", "الرئيس عباس", "استئناف المفاوضات"),
    # names of the verbal noun's shape stay names
    ("وقال المطران انطوان بيلوني إن الكنيسة مفتوحة.", "المطران انطوان بيلوني", "الكنيسة مفتوحة"),
])
def test_the_bare_alef_verbal_noun_and_names_of_its_shape(text, speaker, content):
    # استقالة with ه (d4dad51: 'ترامب استقاله هايلي'), استئناف; انطوان before a surname
    # of this shape is still a name (but see test_minister_antoine_without_hamza_is_named).
    span = _one(text)
    assert (span.speaker, span.text) == (speaker, content)


@pytest.mark.parametrize("text", [
    "وقال الجيش الليبي بقيادة المشير خليفة حفتر إن قواته سيطرت على المدينة.",
    "وقال الجيش الليبي بقيادة المشير حفتر إن قواته سيطرت على المدينة.",
    "وقالت القوات الموالية للحكومة بقيادة العميد طارق صالح إن القوات سيطرت على المدينة.",
])
def test_the_army_led_by_a_marshal_says_something(text):
    # (regression) after the leader's title the name runs up to three words and إن counts as
    # one: the complementizer is swallowed and the statement is lost. The round's own example
    # with قال instead of أعلن. Now: no statement (d4dad51: the army, the whole content).
    span = _one(text)
    assert span.text.startswith(("قواته", "القوات")) and not span.speaker.endswith("إن")


@pytest.mark.parametrize("text, speaker", [
    ("وأكد الجيش الليبي بقيادة المشير خليفة حفتر أن قواته سيطرت على المدينة.",
     "الجيش الليبي بقيادة المشير خليفة حفتر"),
    ("وقال الجيش الليبي بقيادة المشير خليفة حفتر في بيان إن قواته سيطرت على المدينة.",
     "الجيش الليبي بقيادة المشير خليفة حفتر"),
    ("وقال الجيش الوطني الليبي بقيادة خليفة حفتر إن قواته سيطرت على المدينة.",
     "الجيش الوطني الليبي بقيادة خليفة حفتر"),
    ("وقال التحالف بقيادة الرئيس عبد الفتاح السيسي إن القوات سيطرت على المدينة.",
     "التحالف بقيادة الرئيس عبد الفتاح السيسي"),
])
def test_the_leaders_name_is_whole_and_ends_there(text, speaker):
    # (regression) the leader's name takes أن or في after it, stops after one word without a
    # title (خليفة), and cuts عبد الفتاح in two. Now: '… خليفة حفتر أن', '… حفتر في',
    # '… بقيادة خليفة', '… الرئيس عبد' (d4dad51: the organisation alone).
    assert _one(text).speaker == speaker


@pytest.mark.parametrize("text", [
    "وأشاد الجيش بقيادة الرئيس عبد الفتاح السيسي للبلاد.",
    "وأشادت الحكومة بقيادة ولي العهد للإصلاحات الاقتصادية.",
    # (still: نوه is no speech verb of the lexicon, so nothing is said at all)
    pytest.param("ونوه الحزب بقيادة الملك محمد السادس للإصلاحات.", marks=pytest.mark.xfail(strict=True, reason=KNOWN)),
])
def test_praise_for_the_leadership_is_what_was_praised(text):
    # (regression) بقيادة after أشاد/نوه is what was praised ("praised the king's leadership",
    # a stock phrase of Gulf and Moroccan agencies), and the leader's name is cut in two
    # between speaker and content. Now: speaker 'الجيش بقيادة الرئيس عبد', content 'الفتاح
    # السيسي للبلاد' … (d4dad51: the organisation, content 'بقيادة …').
    span = _one(text)
    assert span.text.startswith("بقيادة")


def test_minister_antoine_without_hamza_is_named():
    # (regression) انطوان without hamza has the shape انفعال: the name is read as the verb's
    # object and the minister loses it (the round pins أنطوان with hamza only). Now: 'الوزير'
    # (d4dad51: 'انطوان زهرا').
    assert _one("وقال الوزير انطوان زهرا إن الحكومة مستقيلة.").speaker_name == "انطوان زهرا"


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text, speaker", [
    ("وقال التحالف الذي تقوده السعودية إن الصاروخ اعترض.", "التحالف الذي تقوده السعودية"),
    ("وقالت حكومة الوفاق المدعومة دوليا إن المعركة انتهت.", "حكومة الوفاق المدعومة دوليا"),
    ("وقالت قوات سوريا الديمقراطية المدعومة أمريكيا إن المعركة انتهت.",
     "قوات سوريا الديمقراطية المدعومة أمريكيا"),
    ("وقال الحوثيون المدعومون من إيران إن الصاروخ أصاب هدفه.", "الحوثيون المدعومون من إيران"),
])
def test_led_and_backed_in_the_forms_the_rule_misses(text, speaker):
    # (pre-existing) Reuters' "الذي تقوده السعودية", the adverb (دوليا، أمريكيا) and the
    # plural المدعومون: 'التحالف', 'حكومة الوفاق المدعومة', 'الحوثيون المدعومون'.
    assert _one(text).speaker == speaker


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text", [
    "وبعد إعلان التحالف العربي الاثنين أنه قتل ثمانية عناصر، نفى الحزب مقتل أي من مقاتليه.",
    "وجاء ذلك بعد ساعات من إعلان ترامب أن الاتفاق انتهى.",
])
def test_the_time_clause_with_wa_or_a_span_of_time_is_background(text):
    # (pre-existing) وبعد (with و, the commonest way to open the sentence) and بعد ساعات من
    # are not read as بعد. Now: a statement of 'إعلان'.
    assert "إعلان" not in [s.verb for s in extract_statements(text)]


# =======================================================================================
# 8. Odd input and time.
# =======================================================================================

ODD_INPUTS = (
    "", "\u200b", "نقلا عن", "نقلا عن مصادر في", "ونقلت عن قوله", "عن الذي قوله", "قوله إن" * 50,
    "وقال مسؤول في", "وقال مسؤول في" * 200, "وقالت مصادر في البيت الأبيض\u200f،\u200fإن",
    "وقال لفوكس", "وقال لفوكس نيوز", "رد بصوت", "رد بصوت متهدج", "بصوت " * 300,
    'توعدت موسكو "', 'توعدت موسكو "ب', 'توعدت موسكو ""', 'توعد "برد قاس" ' * 100, 'دعا إلى «»',
    "التحالف بقيادة", "وقال التحالف بقيادة", "وقال التحالف بقيادة المشير", "بقيادة " * 200,
    "المدعوم من", "وقال التحالف المدعوم من", "بعد إعلان", "بعد إعلان أن", "أعلن ترامب استقالة",
    "نائب الرئيس", "وقال نائب الرئيس الأمريكي", "الرئيس السيسي", "وأكد الرئيس السيسي أن",
    "وقال\x00مسؤول\x00في\x00البيت\x00الأبيض\x00إن", "ونقلت رويترز\u2028عن مسؤول\u00a0في البيت قوله\u2029إن",
    "وقال مسؤول في Pentagon إن", "ونقلت Reuters عن official in the White House قوله إن",
    "وقال مسؤول في ٢٠١٨ إن", "وقال الجيش بقيادة \ud800 إن",
)


def test_guard_odd_input_neither_crashes_nor_misplaces_offsets():
    # Fragments and repetitions of the round's trigger words with control, zero-width and
    # bidi characters, NBSP, line/paragraph separators, Latin and Arabic-Indic digits, a lone
    # surrogate.
    for text in ODD_INPUTS:
        assert_offsets_hold(text)


@pytest.mark.parametrize("unit", [
    "ونقلت رويترز عن مسؤول في البيت الأبيض قوله إن واشنطن تحذر تركيا. ",
    'توعدت موسكو "برد قاس" على العقوبات. ',
    "نقلا عن مصادر في ",
])
def test_guard_the_rounds_extraction_rules_run_in_linear_time(unit):
    # Measured on 1f08be1: 20 kB 0.001-0.03 s, 80 kB about 4 times that (so for every other
    # unit of the round).
    assert_grows_linearly(lambda size: extract_seconds(unit, size), 20_000, 80_000)


_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهي"


def _digest(size, sentence):
    """A long text of one sentence repeated with ever new made-up words in it ({name})."""
    rng, out, length = random.Random(12), [], 0
    while length < size:
        name = "".join(rng.choice(_LETTERS) for _ in range(5)) + "و " + "".join(rng.choice(_LETTERS) for _ in range(6)) + "ي"
        out.append(sentence.format(name=name))
        length += len(out[-1])
    return "".join(out)


def test_guard_many_distinct_unnamed_sources_without_a_title_word_run_in_linear_time():
    # مصادر is no title word: distinct places cost nothing more (1f08be1: 0.02 s -> 0.07 s).
    sentence = "وقالت مصادر في مدينة {name} إن القوات ستنسحب. "
    assert_grows_linearly(lambda size: text_extract_seconds(_digest(size, sentence)), 20_000, 80_000)


def test_many_distinct_officials_with_a_place_run_in_linear_time():
    # (regression) مسؤول is a title word, and مسؤول في <place> is now a "bare title" whose
    # name is itself: every distinct place makes _name_bare_titles scan every مسؤول of the
    # text. Now: 20 kB 0.3 s, 80 kB 4.4 s (e1d9a1a: 0.04 s, 0.15 s).
    sentence = "وقال مسؤول في مدينة {name} إن القوات ستنسحب. "
    assert_grows_linearly(lambda size: text_extract_seconds(_digest(size, sentence)), 20_000, 80_000)


def test_many_distinct_aides_resolve_in_linear_time():
    # (regression) _named_for_anothers_post read every الرئيس of the article for every aide's
    # statement (20 kB 0.05-0.11 s, 80 kB 0.9-1.7 s); it now looks where the name stands.
    sentence = "وقال نائب الرئيس الأمريكي {name} إن الإدارة موحدة. "
    assert_grows_linearly(lambda size: text_resolve_seconds(_digest(size, sentence)), 20_000, 80_000)
