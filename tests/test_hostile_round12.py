"""Hostile tests of the twelfth round (extractor 2.2: git diff 682e9a0..07c4df4 -- articles/).

What the round added (docs/statements.md, "A twelfth round"): a coach's epithet finds the one
described as المدير الفني, and a description's nationality stops at the team it names
(speakers.py: _own_nationalities, TECHNICAL_DIRECTOR); a nationality alone (وأبدى البلجيكي) is
the one person quoted so far whom the narration gives it near his name (_nationality_alone,
_post_near_name); السير، الأخت، الراهبة، القس، الأب open a title (titles.txt); reported
content ends at '، (من) دون أن' (extract.py: _without_that_at); المعارض opens a title and a
definite word takes no possessive in the title check (_is_title_word); a name between commas
does not open with و + a possessed noun (_and_possessed); across the archive, two neighbouring
letters swapped are one edit, a Persian/Turkish ending marks a transliteration, a name split
and spelled otherwise is one speaker (speakers.py: _edit_distance, FOREIGN_ENDINGS,
close_spelling; statements.py: _name_match).

Written by a hostile helper against 07c4df4 (and run again at a903d34, seven extractor
commits later, and with the working tree's uncommitted extract.py change: every result the
same). Each test states what an Arabic reader expects; the strict xfails are defects found
("Now:" in a comment is what 07c4df4 gives).
"(regression)" means the round's start, 682e9a0, gave the right answer or at least no wrong
person; "(pre-existing)" means 682e9a0 was as wrong, but the sentence is squarely what a rule
of this round claims to handle. The tests without xfail pass on 07c4df4 and pin what the
round got right.

Searched without finding a defect: crashes or spans off their text on 60,000 random strings
of the round's trigger words and 80,000 of the round's own sentences with control characters,
zero-width marks, RLM/LRM, isolates, NBSP, tatweel, diacritics, Latin/Arabic-Indic digits,
lone surrogates and deleted characters; super-linear time in the new resolution rules (the
nationality alone, the coach's epithet) and in the دون أن stop.
"""

import random

import pytest

from articles.quotes.extract import extract_statements
from articles.quotes.speakers import LINK_THRESHOLD, close_spelling, match_confidence
from tests.extraction_probes import (
    assert_grows_linearly,
    assert_offsets_hold,
    extract_seconds,
    resolved_names,
    text_resolve_seconds,
)

KNOWN = "known, found in the twelfth round's hostile test"


def _archive_match(a, b):
    """How sure the archive is that two names are one speaker (statements._name_match: the
    rule-7 path, عبد/أبو joined and a name split otherwise)."""
    from articles.statements import _name_match

    return _name_match(a, b)


# =======================================================================================
# 1. A coach's epithet finds the technical director; a description's nationality stops at
#    the team it names (_own_nationalities).
# =======================================================================================

CUPER = "قال المدير الفني للمنتخب المصري، هيكتور كوبر، إن صلاح في حالة جيدة.\n"


@pytest.mark.parametrize("first", [
    # Latin commas, no commas, ى for final ي (Egyptian outlets), a tatweel inside الفني
    "قال المدير الفني للمنتخب المصري, هيكتور كوبر, إن صلاح في حالة جيدة.\n",
    "قال المدير الفني للمنتخب المصري هيكتور كوبر إن صلاح في حالة جيدة.\n",
    "قال المدير الفنى للمنتخب المصرى، هيكتور كوبر، إن صلاح فى حالة جيدة.\n",
    "قال المدير الفنـي للمنتخب المصري، هيكتور كوبر، إن صلاح في حالة جيدة.\n",
    # the team named by its country
    "قال المدير الفني لمنتخب مصر، هيكتور كوبر، إن صلاح في حالة جيدة.\n",
])
def test_the_argentine_coach_is_the_technical_director_of_egypt(first):
    # The round's rule under other punctuation and spellings of the same description.
    text = first + 'وقال المدرب الأرجنتيني: "كل مدرب وله استراتيجيته الخاصة".'
    assert resolved_names(text) == ["هيكتور كوبر", "هيكتور كوبر"]


def test_a_companys_executive_director_is_no_coach():
    # المدير التنفيذي (not الفني) of Aramco, a Saudi company: the Argentine coach is someone else.
    text = ("قال المدير التنفيذي لشركة أرامكو السعودية أمين الناصر إن الإنتاج سيرتفع.\n"
            "وقال المدرب الأرجنتيني إن الفريق جاهز.")
    assert resolved_names(text)[-1] != "أمين الناصر"


def test_a_nationality_after_the_club_and_a_comma_is_the_coachs():
    # للنادي الأهلي، الإسباني ميتشل: the nisba between commas is the man's, not the club's.
    text = ("قال المدير الفني للنادي الأهلي، الإسباني ميتشل، إن الفريق جاهز.\n"
            "وقال المدرب الإسباني إن اللاعبين بخير.")
    assert resolved_names(text)[-1] == "ميتشل"


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_argentine_coach_is_not_the_other_teams_coach_quoted_last():
    # (regression) a match report quotes both coaches; neither description now states a
    # nationality (each stops at its team), so the epithet takes the coach quoted last.
    # Now: 'ستانيسلاف تشيرتشيسوف' (682e9a0: 'المدرب الأرجنتيني', nobody wrong).
    text = (CUPER + "وقال المدير الفني لمنتخب روسيا ستانيسلاف تشيرتشيسوف إن فريقه جاهز.\n"
            'وقال المدرب الأرجنتيني: "كل مدرب وله استراتيجيته الخاصة".')
    assert resolved_names(text)[-1] != "ستانيسلاف تشيرتشيسوف"


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_a_portuguese_coach_is_not_egypts_argentine_coach():
    # (regression) with the team's nationality no longer his, Cúper agrees with every
    # nationality: Portugal's coach becomes him. Now: 'هيكتور كوبر' (682e9a0: 'المدرب البرتغالي').
    text = CUPER + 'وقال المدرب البرتغالي: "كل مدرب وله استراتيجيته الخاصة".'
    assert resolved_names(text)[-1] != "هيكتور كوبر"


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text, name", [
    ("قال المدير الفني لفريق ليفربول الإنجليزي، يورغن كلوب، إن صلاح في حالة جيدة.\n"
     "وقال المدرب الألماني إن اللاعبين بخير.", "يورغن كلوب"),
    ("قال المدير الفني لنادي باريس سان جيرمان الفرنسي، توماس توخيل، إن نيمار جاهز.\n"
     "وقال المدرب الألماني إن اللاعبين بخير.", "توماس توخيل"),
])
def test_the_team_written_with_l_and_no_article_also_stops_the_nationality(text, name):
    # (pre-existing) _own_nationalities knows للمنتخب / المنتخب / منتخب but not لفريق / لنادي /
    # لمنتخب (ل on a word without the article), the commonest way to name a club: the club's
    # nationality is read as the coach's. Now: 'المدرب الألماني' (and المدرب الإنجليزي → Klopp).
    assert resolved_names(text)[-1] == name


# =======================================================================================
# 2. A nationality alone (وأبدى البلجيكي) is the one person quoted so far whom the narration
#    gives that nationality near his name (_post_near_name, POST_NEAR = 40 characters).
# =======================================================================================

HAZARD = "إلا أن هازار أكد أنه سيبقى في تشلسي. وكان البلجيكي إدين هازار قد تألق.\n"


@pytest.mark.parametrize("epithet", ["البلجيكى", "البلجيكيّ"])
def test_the_belgian_in_other_spellings_is_hazard(epithet):
    # ى for ي, a shadda in the epithet.
    text = HAZARD + f"وأبدى {epithet} استمتاعه بأسلوب لعب ساري."
    assert resolved_names(text)[-1] == "هازار"


@pytest.mark.parametrize("text, speaker", [
    # a woman is not the Belgian man
    (HAZARD + "وأبدت البلجيكية استمتاعها بالمباراة.", "البلجيكية"),
    # the narration never gives the quoted man that nationality
    ("وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن إسرائيل لن تسمح بذلك. وأضاف نتنياهو أن الجيش "
     "مستعد.\nوقال الفلسطيني إن الاحتلال مستمر.", "الفلسطيني"),
    # Egypt is Cúper's team, and he is named once: المصري is someone else
    ("قال هيكتور كوبر مدرب المنتخب المصري إن صلاح جاهز. وأشاد كوبر باللاعبين.\n"
     "وأكد المصري أن الفريق سيفوز.", "المصري"),
])
def test_a_nationality_alone_stays_its_own_when_no_one_quoted_has_it(text, speaker):
    # Where the rule must not fire: another gender, a nationality never given, a team's.
    assert resolved_names(text)[-1] == speaker


@pytest.mark.parametrize("text", [
    # the French player answers Salah, who was quoted twice just before
    "قال صلاح إن ليفربول قدم مباراة كبيرة. وأضاف صلاح أن الفوز مهم. من جهته، قال الفرنسي إن الحكم "
    "أخطأ.",
    # the narration even calls Salah المصري
    "قال صلاح إن الفريق جاهز. وكان المصري محمد صلاح قد سجل هدفين.\nوأكد الفرنسي أن الفوز مهم.",
])
def test_the_epithets_own_mention_is_no_nationality_given_to_the_one_before(text):
    # (regression) _post_near_name reads 40 characters around every mention of the name,
    # and the window after the last one reaches the epithet itself: any nationality written
    # within 40 characters of a name is "given" to him. Now: 'صلاح' (682e9a0: 'الفرنسي').
    assert resolved_names(text)[-1] != "صلاح"


@pytest.mark.parametrize("text, not_them", [
    # the coach praises his player, named with his nationality, and the player then speaks
    ("قال مورينيو إن الفريق لعب جيدا. وأشاد مورينيو باللاعب الفرنسي بول بوغبا.\n"
     "وقال الفرنسي إنه سعيد بالفوز.", "مورينيو"),
    ("قال كلوب إن الفريق قدم مباراة كبيرة. وأشاد كلوب باللاعب المصري محمد صلاح.\n"
     "وأكد المصري أنه سعيد بالفوز.", "كلوب"),
    # (still: the guest's nationality written right after the host's name reads as his)
    pytest.param("قال ترامب إن العلاقات مع روسيا جيدة. والتقى ترامب الروسي فلاديمير بوتين في هلسنكي.\n"
                 "وأكد الروسي أن القمة ناجحة.", "ترامب", marks=pytest.mark.xfail(strict=True, reason=KNOWN)),
])
def test_the_nationality_of_the_man_named_next_is_not_the_quoted_mans(text, not_them):
    # (regression) "near his name" takes the nationality of whoever is named beside him
    # (his player, his guest). Now: 'مورينيو', 'كلوب', 'ترامب' (682e9a0: the epithet itself).
    assert resolved_names(text)[-1] != not_them


def test_the_american_woman_is_serena_williams():
    # (pre-existing) the rule reads the narration's nationality as a title key; the feminine
    # الأمريكية (the commonest nationality epithet in women's sport) is never found.
    # Now: 'الأمريكية'.
    text = ("قالت سيرينا ويليامز إنها سعيدة بالعودة. وكانت الأمريكية سيرينا ويليامز قد غابت عن "
            "الملاعب.\nوأكدت الأمريكية أنها جاهزة للبطولة.")
    assert resolved_names(text)[-1] == "سيرينا ويليامز"


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_belgian_is_the_one_belgian_among_those_quoted():
    # (pre-existing) the coach was quoted first by his surname alone; Hazard is still the one
    # person quoted whom the narration calls البلجيكي, but the rule wants a single person
    # quoted so far. Now: 'البلجيكي'. (With the coach described as الإيطالي it works.)
    text = ("قال ساري إن الفريق جاهز. وقال هازار إنه سيبقى في تشلسي. وكان البلجيكي إدين هازار قد تألق.\n"
            "وأبدى البلجيكي استمتاعه بأسلوب لعب ساري.")
    assert resolved_names(text)[-1] == "هازار"


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("mark", ["\u0640", "\u064e"])
def test_a_mark_inside_the_quoted_name_does_not_hide_it_from_the_narration(mark):
    # (new with the rule) _post_near_name counts the name's mentions with text.find on the raw text, while
    # the name is cleaned (invisibles stripped): a tatweel or a vowel mark inside the
    # first هازار leaves one mention, "a word misread as a name". Now: 'البلجيكي'.
    text = HAZARD.replace("هازار", "ها" + mark + "زار", 1) + "وأبدى البلجيكي استمتاعه بأسلوب لعب ساري."
    assert resolved_names(text)[-1] == "هازار"


# =======================================================================================
# 3. السير، الأخت، الراهبة، القس، الأب open a title (titles.txt).
# =======================================================================================

@pytest.mark.parametrize("text, name", [
    ("وقال السير أليكس فيرغسون إن اليونايتد سيعود.", "أليكس فيرغسون"),
    ("وقال القس الأمريكي أندرو برانسون أمام المحكمة إنه بريء.", "أندرو برانسون"),
    ('وقال القس برانسون أمام المحكمة: "أنا بريء".', "برانسون"),
    ("وقال الأب باولو دالوليو إن الحرب يجب أن تتوقف.", "باولو دالوليو"),
    ("وقال الأب الروحي للحركة راشد الغنوشي إن الحوار هو الحل.", "راشد الغنوشي"),
    ("وأكدت الراهبة السورية ماري كلود أن الدير تعرض للقصف.", "ماري كلود"),
])
def test_the_new_titles_find_the_name_after_them(text, name):
    # Sir, the reverend, the priest, the nun with a nationality or a second title word.
    [span] = extract_statements(text)
    assert span.speaker_name == name, span


def test_the_reverend_named_in_the_narration_is_the_reverend_quoted():
    # القس alone after the narration named him: Brunson, not a page of its own.
    text = "وطالب ترامب بالإفراج عن القس برانسون. وقال القس في رسالة إنه بريء."
    assert resolved_names(text)[-1] == "برانسون"


@pytest.mark.parametrize("text, speaker", [
    # the father and the sister of a victim, as crime and war reports quote them
    ("وقال الأب إن ابنه خرج صباحا ولم يعد.", "الأب"),
    ("وقال الأب لوكالة فرانس برس إن ابنه خرج صباحا ولم يعد.", "الأب"),
    ("وقال الأب، ٤٥ عاما، إن ابنه خرج ولم يعد.", "الأب"),
    ("وقالت الأخت لقناة الجزيرة إن شقيقها خرج ولم يعد.", "الأخت"),
    # السير as "traffic": an office, no Sir
    ("وقالت شرطة السير إن الطريق مغلق بسبب الحادث.", "شرطة السير"),
])
def test_the_new_titles_in_their_everyday_sense_name_no_one(text, speaker):
    # The father, the sister, traffic police: the title must not pull a channel or age in.
    [span] = extract_statements(text)
    assert (span.speaker, span.speaker_name) == (speaker, speaker), span


def test_walking_is_no_sir():
    # السير as the verbal noun: what the police banned, no speaker
    [span] = extract_statements("وأعلنت الشرطة منع السير في الشارع الرئيسي.")
    assert (span.speaker, span.text) == ("الشرطة", "منع السير في الشارع الرئيسي")


@pytest.mark.parametrize("text, speaker", [
    ("وقال الأب بحزن إن ابنه خرج ولم يعد.", "الأب"),
    ("وقال الأب مخاطبا الصحفيين إن ابنه خرج ولم يعد.", "الأب"),
    ("وقال الأب وعيناه تدمعان إن ابنه خرج ولم يعد.", "الأب"),
    ("وقالت الأخت بصوت مرتجف إن شقيقها خرج ولم يعد.", "الأخت"),
    ('وقالت الأخت بحرقة: "لقد فقدت كل شيء".', "الأخت"),
])
def test_how_the_father_or_sister_spoke_is_not_their_name(text, speaker):
    # (regression) الأب / الأخت are first of all the victim's father and sister; as titles
    # they take the manner of speaking after them for a name. Now: names 'بحزن', 'مخاطبا
    # الصحفيين', 'وعيناه تدمعان', 'بصوت مرتجف', 'بحرقة' (682e9a0: 'الأب' / 'الأخت').
    # (After الوزير the same ب-adverbs give a name too; the round lends it to these words.)
    [span] = extract_statements(text)
    assert span.speaker_name == speaker, span


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_sir_tim_is_sir_tim_clark():
    # (pre-existing, and said in test_extract) British usage: Sir and the first name. Now: 'تيم'.
    text = ("وقال رئيس طيران الإمارات السير تيم كلارك إن الطائرات ستصل. وأضاف السير تيم أن الشركة "
            "تدرس الخيارات.")
    assert resolved_names(text) == ["تيم كلارك", "تيم كلارك"]


# =======================================================================================
# 4. Reported content ends at '، (من) دون أن' (_without_that_at).
# =======================================================================================

@pytest.mark.parametrize("text", [
    "وقال الحارس إن الانتقال أمر ممكن، دون ان يحدد ناديه المفضل.",
    "وقال الحارس إن الانتقال أمر ممكن، بدون أن يحدد ناديه المفضل.",
    "وقال الحارس إن الانتقال أمر ممكن , دون أن يحدد ناديه المفضل.",
    "وقال الحارس إن الانتقال أمر ممكن، دونَ أنْ يحدد ناديه المفضل.",
    "وقال الحارس إن الانتقال أمر ممكن،\u200fدون أن يحدد ناديه المفضل.",
])
def test_what_the_keeper_did_not_say_in_any_spelling(text):
    # دون ان without hamza, بدون, a spaced Latin comma, vowel marks, an RLM after the comma.
    [span] = extract_statements(text)
    assert span.text == "الانتقال أمر ممكن", span


def test_the_narrators_without_between_two_statements():
    # The aside closed by a comma: the next ḥāl (مشيرا) still opens its own statement.
    text = "وقال الوزير إن المفاوضات مستمرة، دون أن يكشف تفاصيل، مشيرا إلى أن الاتفاق قريب."
    assert [s.text for s in extract_statements(text)] == ["المفاوضات مستمرة", "الاتفاق قريب"]


def test_a_quote_keeps_its_own_without():
    # Inside quotation marks دون أن is the speaker's own (first person): never cut.
    [span] = extract_statements('وقال الحارس: "الانتقال أمر ممكن، دون أن أحدد ناديي المفضل".')
    assert span.text == "الانتقال أمر ممكن، دون أن أحدد ناديي المفضل", span


@pytest.mark.parametrize("text, said", [
    # the دون أن clause's verb agrees with the content's subject, not the speaker
    ("وأكد الوزير أن إسرائيل لا يمكنها ضرب إيران، دون أن تدفع ثمنا باهظا.", "تدفع ثمنا باهظا"),
    ("وقال الوزير إن الحكومة لن ترفع الأسعار، من دون أن تتشاور مع البرلمان.", "تتشاور مع البرلمان"),
    ("وقال الرئيس إن بلاده لن تقبل بأي اتفاق، من دون أن تحصل على ضمانات.", "تحصل على ضمانات"),
    ("وأضاف المدرب أن اللاعبين فازوا بالمباراة، دون أن يقدموا أداء جيدا.", "يقدموا أداء جيدا"),
    # "no peace without a state": the condition is what was said
    ("وشدد الرئيس على أنه لا سلام، من دون أن تقوم دولة فلسطينية مستقلة.", "تقوم دولة فلسطينية مستقلة"),
    # the same subject as the speaker, but after لن: "he will not leave without the title"
    ("وأكد صلاح أنه لن يرحل عن ليفربول، دون أن يحقق لقب الدوري.", "يحقق لقب الدوري"),
])
def test_a_without_that_is_part_of_what_was_said(text, said):
    # (regression) the rule cuts every '، دون أن' clause. Now: 'إسرائيل لا يمكنها ضرب إيران',
    # 'لا سلام', 'لن يرحل عن ليفربول' … (682e9a0: the whole sentence).
    [span] = extract_statements(text)
    assert span.text.endswith(said), span


@pytest.mark.parametrize("text, not_said", [
    ("ونفى الوزير الاتهامات، دون أن يقدم أدلة.", "يقدم"),
    ("وأعلن الجيش مقتل ثلاثة جنود، دون أن يكشف هوياتهم.", "يكشف"),
    ("وهدد ترامب بفرض رسوم جديدة، دون أن يحدد موعدا لذلك.", "يحدد"),
])
def test_what_he_did_not_do_is_never_his_statement(text, not_said):
    # (pre-existing) the round's own claim, "what the speaker did not do is the narrator's",
    # fails where it matters most: after an object verb, the أن of دون أن opens the content.
    # Now: statements 'يقدم أدلة', 'يكشف هوياتهم', 'يحدد موعدا لذلك' (Trump's under the
    # speaker 'ترامب بفرض رسوم').
    spans = extract_statements(text)
    assert not any(s.text.startswith(not_said) for s in spans), [(s.speaker, s.text) for s in spans]


@pytest.mark.parametrize("text", [
    "وقال الحارس إن الانتقال أمر ممكن، ولكن دون أن يحدد ناديه المفضل.",
    "وقال الحارس إن الانتقال أمر ممكن، دونما أن يحدد ناديه المفضل.",
    "وقال الحارس إن الانتقال أمر ممكن، من غير أن يحدد ناديه المفضل.",
])
def test_the_other_ways_of_writing_without_that(text):
    # (pre-existing) ولكن دون أن، دونما أن، من غير أن: the same aside. Now: the whole sentence.
    [span] = extract_statements(text)
    assert span.text == "الانتقال أمر ممكن", span


# =======================================================================================
# 5. المعارض opens a title; المعارضة stays the opposition; a definite word takes no
#    possessive in the title check.
# =======================================================================================

@pytest.mark.parametrize("text, speaker, name", [
    ("وقال المعارض الروسي أليكسي نافالني إن الانتخابات مزورة.", "المعارض الروسي أليكسي نافالني", "أليكسي نافالني"),
    ("وقال المعارض للنظام السوري هيثم مناع إن الحكومة فشلت.", "المعارض للنظام السوري هيثم مناع", "هيثم مناع"),
    ("وقال زعيم حزب العمال المعارض جيريمي كوربن إن الحكومة فشلت.",
     "زعيم حزب العمال المعارض جيريمي كوربن", "جيريمي كوربن"),
    # المعارض as the adjective of an organisation: no name read after it
    ("وقال الائتلاف الوطني السوري المعارض في بيان إن النظام يرتكب جرائم حرب.",
     "الائتلاف الوطني السوري المعارض", "الائتلاف الوطني السوري المعارض"),
    ("وقالت المعارضة المسلحة إن النظام يرتكب جرائم حرب.", "المعارضة المسلحة", "المعارضة المسلحة"),
    ("وقال المعارض الأرمني، ٤٢ عاما، إن الشعب سينتصر.", "المعارض الأرمني", "المعارض الأرمني"),
])
def test_the_opposition_figure_and_the_opposition(text, speaker, name):
    # المعارض before a name and as an organisation's adjective; المعارضة as the opposition.
    [span] = extract_statements(text)
    assert (span.speaker, span.speaker_name) == (speaker, name), span


def test_the_opposition_figure_named_before_is_the_one_who_goes_on():
    # The bare المعارض after his full mention is Pashinyan.
    text = ('قال المعارض الأرمني نيكول باشينيان إن الشعب سينتصر.\n'
            'وتابع المعارض: "غدا سيتم قطع كل الطرق".')
    assert resolved_names(text) == ["نيكول باشينيان", "نيكول باشينيان"]


@pytest.mark.parametrize("text, name", [
    ("وقالت الروائية التركية إليف شافاق إن الكتابة مقاومة.", "إليف شافاق"),
    ("وقالت المهندسة المعمارية العراقية زها حديد إن العمارة فن.", "زها حديد"),
    ("وقالت السيناتورة الديمقراطية إليزابيث وارن إن الخطة فاشلة.", "إليزابيث وارن"),
    ("وقالت العالمة الأمريكية جينيفر دودنا إن التقنية واعدة.", "جينيفر دودنا"),
    ("وقالت الأديبة الجزائرية أحلام مستغانمي إن الكتابة مقاومة.", "أحلام مستغانمي"),
    ("وقالت الشابة السورية نور الهدى إن عائلتها فقدت كل شيء.", "نور الهدى"),
])
def test_a_womans_title_with_the_article_still_opens_a_title(text, name):
    # (regression) ة normalizes to ه, so الروائية / المهندسة / السيناتورة … were read as
    # الروائي + ه, a title; "a word with the article takes no possessive" drops every
    # feminine title not listed on its own (37 of the 61 feminines of titles.txt's definite
    # titles: الأديبة، العالمة، المنتجة، الضابطة، النقيبة، العميدة، المفتشة …), and the woman's
    # name with it. Now: speaker 'الروائية التركية', 'المهندسة المعمارية العراقية' …
    # (682e9a0: every name).
    [span] = extract_statements(text)
    assert span.speaker_name == name, span


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_opponent_of_morsis_rule_is_not_morsi():
    # (regression) المعارض as a title reads the name in its post (لحكم الرئيس محمد مرسي) as
    # the speaker's: Morsi is given his opponent's words. Now: 'محمد مرسي' (682e9a0: 'المعارض').
    [span] = extract_statements("وقال المعارض لحكم الرئيس محمد مرسي إن الحكومة فشلت.")
    assert span.speaker_name != "محمد مرسي", span


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_a_woman_of_the_opposition_with_her_name():
    # (pre-existing) المعارضة followed by a nationality and a name is a woman of the
    # opposition, not the opposition. Now: 'المعارضة البيلاروسية'.
    [span] = extract_statements("وقالت المعارضة البيلاروسية سفيتلانا تيخانوفسكايا إن الانتخابات مزورة.")
    assert span.speaker_name == "سفيتلانا تيخانوفسكايا", span


# =======================================================================================
# 6. A name between commas does not open with و + a possessed noun (_and_possessed).
# =======================================================================================

@pytest.mark.parametrize("text, speaker", [
    ("وقال المرصد السوري لحقوق الإنسان، ومقرّه بريطانيا، إنه وردت تقارير عن انفجارات.",
     "المرصد السوري لحقوق الإنسان"),
    ("وقال المرصد السوري لحقوق الإنسان، ومقره بريطانيا إنه وردت تقارير عن انفجارات.",
     "المرصد السوري لحقوق الإنسان"),
    ("وقال المرصد السوري لحقوق الإنسان (ومقره بريطانيا) إنه وردت تقارير عن انفجارات.",
     "المرصد السوري لحقوق الإنسان"),
    ("وقالت منظمة هيومن رايتس ووتش، ومقرها نيويورك، إن السلطات اعتقلت الناشطين.",
     "منظمة هيومن رايتس ووتش"),
])
def test_the_seat_of_an_organisation_is_no_name(text, speaker):
    # ومقره with a shadda, without the closing comma, in parentheses, feminine ومقرها.
    [span] = extract_statements(text)
    assert (span.speaker, span.speaker_name) == (speaker, speaker), span


@pytest.mark.parametrize("text, name", [
    ("وقال المتحدث باسم الوزارة، وليد السعدي، إن الوزارة تتابع القضية.", "وليد السعدي"),
    ("وقال المتحدث باسم الوزارة، وهبه عزايزة، إن الوزارة تتابع القضية.", "وهبه عزايزة"),
    ("وقالت المتحدثة باسم الوزارة، وجيهة الخوري، إن الوزارة تتابع القضية.", "وجيهة الخوري"),
])
def test_a_name_that_opens_with_waw_is_still_a_name(text, name):
    # وليد، وهبه، وجيهة: a name's own و is no و + possessed noun.
    [span] = extract_statements(text)
    assert span.speaker_name == name, span


@pytest.mark.parametrize("text", [
    "وقالت منظمة العفو الدولية، ومقرها لندن، إن السلطات اعتقلت الناشطين.",
    "وقالت المنظمة، ومقرها لندن، إن السلطات اعتقلت الناشطين.",
    "وقال المرصد، ومقره بريطانيا، إنه وردت تقارير عن انفجارات.",
])
def test_the_seat_after_amnesty_or_a_bare_head_is_no_name(text):
    # (pre-existing) the stock "منظمة العفو الدولية، ومقرها لندن،" goes another way than the
    # round's test sentence: the aside is still the name. Now: names 'ومقرها لندن' / 'ومقره
    # بريطانيا' (682e9a0: 'منظمة العفو الدولية، ومقرها لندن' as one name, 'ومقرها لندن' …).
    [span] = extract_statements(text)
    assert not span.speaker_name.startswith("ومقر"), span


@pytest.mark.parametrize("text", [
    "وقال الرجل، وهو موظف حكومي، إن ابنه خرج صباحا ولم يعد.",
    "وقالت الأم، وهي ربة منزل، إن ابنها خرج ولم يعد.",
    "وقال الأب، وهو موظف حكومي، إن ابنه خرج صباحا ولم يعد.",
])
def test_an_aside_in_wa_huwa_is_no_name(text):
    # (pre-existing) the same aside with a pronoun ("، وهو موظف حكومي،", the commonest aside
    # after a witness) is read as the name. Now: names 'وهو موظف حكومي', 'وهي ربة منزل'.
    [span] = extract_statements(text)
    assert not span.speaker_name.startswith(("وهو", "وهي")), span


@pytest.mark.parametrize("text, name", [
    ("وقال مدير المستشفى، وهيبه الزين، إن الجرحى في حالة حرجة.", "وهيبه الزين"),
    ("وقال المتحدث باسم الوزارة، وديعه الحسن، إن الوزارة تتابع القضية.", "وديعه الحسن"),
])
def test_a_womans_name_in_waw_spelled_with_h_is_a_name(text, name):
    # (regression) names in و of five letters whose ة is written ه (as many Egyptian sites
    # type it) look like و + a possessed noun. Now: the title alone (682e9a0: the name).
    [span] = extract_statements(text)
    assert span.speaker_name == name, span


# =======================================================================================
# 7. Across the archive: a swap is one edit, a Persian/Turkish ending marks a
#    transliteration, a name split and spelled otherwise is one speaker.
# =======================================================================================

@pytest.mark.parametrize("a, b", [
    ("جيرمي كوربن", "جريمي كوربن"),
    ("شي جين بينج", "شي جينبينغ"),
    ("حسن نصر الله", "حسن نصرالله"),
    ("علي عبد الله صالح", "علي عبدالله صالح"),
])
def test_one_person_in_two_spellings_is_one_speaker(a, b):
    # The round's own pairs and a name whose الله is joined or split.
    assert _archive_match(a, b) >= LINK_THRESHOLD


@pytest.mark.parametrize("a, b", [
    ("أمين", "أيمن"),
    ("سعد الدين العثماني", "سعيد الدين العثماني"),
    ("أحمد عبد الله", "أحمد عبيد الله"),
])
def test_two_people_written_alike_stay_two(a, b):
    # Arabic names a long vowel apart, with the same word count, stay apart.
    assert _archive_match(a, b) < LINK_THRESHOLD


@pytest.mark.parametrize("a, b", [
    ("حسن نصر الله", "حسين نصرالله"),
    ("سعد عبد الله", "سعيد عبدالله"),
    ("حسن عبد الله", "حسين عبدالله"),
    ("جاسم عبد الله", "قاسم عبدالله"),
    ("سمير عبد الله", "سيمر عبدالله"),
    ("خالد بن سلمان", "خالد بنسليمان"),
])
def test_arabic_names_keep_their_letters_when_abd_is_split_otherwise(a, b):
    # (regression) "a name split and spelled otherwise" joins all the words and asks
    # close_spelling of the joined string, whose skeleton is long enough to pass for a
    # transliteration: the letters Arabic names are told apart by (حسن / حسين، سعد / سعيد،
    # جاسم / قاسم) become spellings as soon as one article writes عبد الله and another
    # عبدالله. Now: 0.85 each (682e9a0: 0.0 or 0.7).
    assert _archive_match(a, b) < LINK_THRESHOLD


@pytest.mark.parametrize("a, b", [("زايد", "زياد"), ("عايد", "عياد"), ("رائد", "رياض")])
def test_two_arabic_names_a_swap_apart_stay_two(a, b):
    # (regression) the swap counted as one edit makes Zayed Ziad, Ayed Ayyad and Raed Riyad
    # (two long vowels each pass for a transliteration). Now: close_spelling True, full names
    # 0.85 (682e9a0: False, 0.7).
    assert not close_spelling(a, b)
    assert match_confidence(f"محمد {a}", f"محمد {b}") < LINK_THRESHOLD


@pytest.mark.parametrize("a, b", [("محمد عباس", "محمود عباس"), ("محمد صلاح", "محمود صلاح")])
def test_muhammad_is_not_mahmoud(a, b):
    # (pre-existing) محمد has four consonants, so close_spelling takes it for a
    # transliteration and محمود for its spelling: any محمد عباس joins the Palestinian
    # president's page. Now: 0.85.
    assert _archive_match(a, b) < LINK_THRESHOLD


# =======================================================================================
# 8. Odd input and time.
# =======================================================================================

ODD_INPUTS = (
    "", "\u200b", "المدير الفني", "المدير الفني لل", "المدرب الأرجنتيني", "وأبدى البلجيكي",
    "وأبدى البلجيكي" * 300, "السير", "وقال السير", "وقال السير،", "وقال الأب، وهو", "الأخت",
    "، دون أن", "، من دون", "، من دون أن", "إن، دون أن" * 200, "وقال إن، من دون أن.",
    "المعارض", "وقال المعارض لل", "ومقره", "وقال المرصد، ومقره", "وقال المرصد، ومقره،" * 100,
    "وقال\x00السير\x00تيم\x00كلارك،\x00إن", "وقال الأب\u200cبحزن إن", "وقالت الأختُ\u200f إن",
    "وقال الحارس إن الانتقال ممكن\u2028، دون\u00a0أن يحدد",
    "قال هيكتور كوبر " * 200 + "إن",
    "وقال السير Tim Clark إن الطائرات ستصل", "وقال المعارض Navalny، ومقره Moscow، إن",
)


def test_guard_odd_input_neither_crashes_nor_misplaces_offsets():
    # Fragments and repetitions of the round's trigger words with control, zero-width and
    # bidi characters, NBSP, a line separator, Latin and Arabic-Indic digits.
    for text in ODD_INPUTS:
        assert_offsets_hold(text)


_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهي"


def _people_digest(size, sentence):
    """A long text of statements by ever new people (a made-up name each), each followed by
    the round's epithets, so that every epithet has more people quoted before it."""
    rng, out, length = random.Random(12), [], 0
    while length < size:
        name = "".join(rng.choice(_LETTERS) for _ in range(5)) + "و " + "".join(rng.choice(_LETTERS) for _ in range(6)) + "ي"
        out.append(sentence.format(name=name))
        length += len(out[-1])
    return "".join(out)


def test_guard_the_rounds_resolution_rules_run_in_linear_time():
    # Measured on 07c4df4: 20 kB 0.004-0.012 s, 80 kB 0.016-0.05 s.
    for sentence in (
        "قال {name} إن الفريق جاهز. وأبدى البلجيكي سعادته بالفوز. ",
        "قال {name} إن الفريق جاهز. وكان البلجيكي {name} قد تألق. وأبدى البلجيكي سعادته. ",
        "قال المدير الفني للمنتخب المصري، {name}، إن الفريق جاهز. وقال المدرب الأرجنتيني إن اللاعبين بخير. ",
    ):
        assert_grows_linearly(lambda size: text_resolve_seconds(_people_digest(size, sentence)), 20_000, 80_000)


def test_guard_the_without_stop_runs_in_linear_time():
    # Measured on 07c4df4: 100 kB vs 400 kB, about 4x.
    unit = "وقال الوزير إن المفاوضات مستمرة، من دون أن يكشف تفاصيل، مشيرا إلى أن الاتفاق قريب. "
    assert_grows_linearly(lambda size: extract_seconds(unit, size), 100_000, 400_000)
