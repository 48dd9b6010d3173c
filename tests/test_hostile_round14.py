"""Hostile tests of the fourteenth round (extractor and speakers: git log 0de449a..e3aec79 --
articles/).

What the round added: after a spokesman's باسم and the body he speaks for, the name set off by
commas is his (extract.py: _apposition_name, `spokesman`); a post and whose it is (الرئيس
التنفيذي لفيس بوك) names nobody, and a ل-glued owner the article also writes alone is no
first name (split_title, _owner_glued, _titled_names); an organisation's head and describing
adjectives then a quoted or #hashtag name name it (read_speaker, _described_organisation,
lexicon/describing_adjectives.txt; منصة is an organisation head, speakers._described_head);
an aide's principal is looked for where the aide's name stands (speakers._named_for_anothers_post);
a post in construct is the person whose description gives it as a second title (ملك البحرين
after العاهل البحريني، الملك …: speakers._posts_of), المدير الفني + nationality is the coach
quoted before, لكرة القدم before a comma-set-off name, the nationality after the team's words
(speakers._own_nationalities); الشرطة/السلطات في <place> keep the place
(lexicon/placed_bodies.txt); قد and a verb's إلى/على before أن end an unnamed source's place
(_speaker_goes_on); ضابط، قاضي، محقق are titles and ضابط an unnamed head; an indefinite post,
a nationality and another adjective name nobody (split_title).

Written by a hostile helper against e3aec79 (and run again on fbf1b25 with the working
tree's uncommitted extract.py change: every result the same). Every rule was compared with 0de449a (the commit
before the round, run from a separate worktree in its own process). In the comments,
"(regression)" means 0de449a gave the right answer or at least no wrong name / no lost
statement; "(pre-existing)" means 0de449a was as wrong, but the sentence is squarely what a
rule of this round claims to handle. "Now:" is what e3aec79 gives. The tests without xfail
pass on e3aec79 and pin what the round got right, except 22 cases written as strict xfails
and fixed in the same round afterwards (the police's place is a place's head or one plain
word, no month, no pronoun; a ل-owner is a word of five letters or more, looked up among the
article's word pairs in linear time; a quoted name after an organisation's description is
followed by the speech, not by what the quote said; a hashtag is read whole): "Now:" in
their comments is what they gave before the fix.

Searched without finding a defect: spans or speaker mentions off their text on 16,000 random
strings made of the round's own sentences (one to four at a time) with zero-width marks,
RLM/LRM, isolates, NBSP, tatweel, diacritics, NUL and other control characters, every kind
of quotation mark, lone surrogates, emoji, deleted and spliced characters (one crash found,
section 9); super-linear time on one repeated unit of every rule but the ل-owner (section 9).
"""

import pytest

from articles.quotes.extract import extract_statements
from tests.extraction_probes import (
    assert_grows_linearly,
    assert_offsets_hold,
    extract_seconds,
    resolved,
    resolved_names,
    text_resolve_seconds,
)

KNOWN = "known, found in the fourteenth round's hostile test"


def _one(text):
    """The one statement of `text` (failing with all of them otherwise)."""
    spans = extract_statements(text)
    assert len(spans) == 1, [(s.verb, s.speaker, s.text) for s in spans]
    return spans[0]


def _xfail(*values):
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=KNOWN))


# =======================================================================================
# 1. After a spokesman's باسم, the name set off by commas is his.
# =======================================================================================

@pytest.mark.parametrize("text, name", [
    ("وقال المتحدث باسم حركة طالبان، ذبيح الله مجاهد، في تغريدة على تويتر، إن مقاتلي الحركة سيطروا على المنطقة.",
     "ذبيح الله مجاهد"),
    ("وقال المتحدث باسم حركة فتح، أسامة القواسمي، إن الحركة لن ترد.", "أسامة القواسمي"),
    ("وقال المتحدث باسم حركة حماس، الدكتور سامي أبو زهري، إن الجهود أثمرت.", "سامي أبو زهري"),
    ("وقال المتحدث باسم الأمين العام للأمم المتحدة أنطونيو غوتيريش، ستيفان دوجاريك، إن المساعدات وصلت.",
     "ستيفان دوجاريك"),
    # (tatweel in باسم, spaces before the commas, Latin commas, an RLM after the commas)
    ("قال الناطق بـاسـم حركة حماس، فوزي برهوم، إن الجهود المصرية أثمرت.", "فوزي برهوم"),
    ("قال الناطق باسم حركة حماس, فوزي برهوم, إن الجهود المصرية أثمرت.", "فوزي برهوم"),
    ("قال الناطق باسم حركة حماس،\u200f فوزي برهوم،\u200f إن الجهود المصرية أثمرت.", "فوزي برهوم"),
])
def test_the_spokesmans_name_set_off_after_his_body_in_other_forms(text, name):
    # The round's spokesman rule with ranks, kunyas, a principal's name, and odd punctuation.
    assert resolved_names(text) == [name]


@pytest.mark.parametrize("text", [
    "وقال المتحدث باسم حركة حماس، عبر الهاتف، إن الجهود أثمرت.",
    "وقال المتحدث باسم حركة حماس، صباح الأحد، إن الجهود أثمرت.",
    "وقال المتحدث باسم حركة حماس، لوكالة الأناضول، إن الجهود أثمرت.",
    "وقال المتحدث باسم حركة حماس، الذي طلب عدم ذكر اسمه، إن الجهود أثمرت.",
])
def test_what_is_set_off_after_the_spokesmans_body_but_no_name_names_nobody(text):
    # Where the rule must not fire: a channel, a time, an outlet, a relative clause between
    # the commas; the body stands for the nameless spokesman as before the round.
    assert resolved_names(text) == ["حماس"]


@pytest.mark.parametrize("text", [
    # (regression) a source relayed, or how he was reached, between the commas is read as the
    # spokesman's name. Now: 'بحسب الوكالة', 'هاتفيا', 'المتحدث باسم حركة حماس وفقا
    # للوكالة' (0de449a: 'حماس', as for every nameless spokesman of a body of two words).
    ("وقال المتحدث باسم حركة حماس، بحسب الوكالة، إن الجهود أثمرت."),
    _xfail("وقال المتحدث باسم حركة حماس، هاتفيا، إن الجهود أثمرت."),
    ("وقال المتحدث باسم حركة حماس، وفقا للوكالة، إن الجهود أثمرت."),
])
def test_a_source_or_manner_set_off_after_the_spokesmans_body_is_no_name(text):
    assert resolved_names(text) == ["حماس"]


def test_a_source_set_off_after_a_one_word_body_is_no_name():
    # (pre-existing) the same with a body of one word. Now: 'بحسب الوكالة' (0de449a too).
    assert resolved_names("وقال المتحدث باسم الشرطة، بحسب الوكالة، إن المشتبه به اعتقل.") == ["المتحدث باسم الشرطة"]


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_hasabama_naqalat_after_the_spokesman_loses_no_statement():
    # (pre-existing) حسبما نقلت الوكالة between the commas: the statement is lost (0de449a too);
    # حسب ما نقلت (two words) keeps it.
    assert len(extract_statements("وقال المتحدث باسم حركة حماس، حسبما نقلت الوكالة، إن الجهود أثمرت.")) == 1


# =======================================================================================
# 2. A post and whose it is names nobody; a ل-glued owner is no first name.
# =======================================================================================

@pytest.mark.parametrize("text, name", [
    # given names in ل that leave no word behind: the name stays whole
    ("وقال مدرب برشلونة ليونيل سكالوني إن الفريق جاهز.", "ليونيل سكالوني"),
    ("وقال المدير الفني لويس إنريكي إن الفريق جاهز.", "لويس إنريكي"),
    ("وقال المدير العام لطفي بن سالم إن الشركة قوية.", "لطفي بن سالم"),
    # the owner written alone elsewhere, then the first name and the surname
    ("وقال الرئيس التنفيذي لتويتر جاك دورسي إن الشركة قوية. وكان تويتر قد خسر.", "جاك دورسي"),
    ("وكان برشلونة قد خسر. وقال المدير الفني لبرشلونة إرنستو فالفيردي إن الفريق جاهز.", "إرنستو فالفيردي"),
    ("وقال الرئيس التنفيذي لفيس بوك إن الشركة قوية. وتملك فيس بوك تطبيق واتساب.", "الرئيس التنفيذي لفيس بوك"),
])
def test_names_in_lam_and_owners_in_lam(text, name):
    # The ل-owner rule where it should and should not fire.
    assert resolved_names(text)[0] == name


@pytest.mark.parametrize("text, name", [
    # (regression) the owner test asks only whether the word without its ل is written
    # anywhere in the article: ولا, بنى, ويس, يون, طيف are written, and a person's given name
    # in ل becomes "the company the post is of". Now: 'الرئيس البرازيلي لولا' (nobody),
    # 'الوزيرة لبنى', 'سواريز', 'بيلي', 'راشد' (0de449a: each name whole).
    ("وقال الرئيس البرازيلي لولا إن البرازيل قوية ولا تخشى أحدا.", "لولا"),
    ("وقالت الوزيرة لبنى إن الإمارات قوية. وقد بنى البلد اقتصادا قويا.", "لبنى"),
    ("وقال اللاعب لويس سواريز إن الفريق جاهز. وقال ويس براون إن الفريق ضعيف.", "لويس سواريز"),
    ("وقال الرئيس الكوري يون سوك يول إن سيول قلقة. وقال المدرب ليون بيلي إن الفريق جاهز.", "ليون بيلي"),
    ("وقال النائب لطيف راشد إن البرلمان سيجتمع. وقال طيف من السياسيين إن ذلك خطأ.", "لطيف راشد"),
])
def test_a_given_name_in_lam_is_no_owner_because_its_rest_is_a_word(text, name):
    names = resolved_names(text)
    assert name in names


@pytest.mark.parametrize("text, name", [
    # (pre-existing) the rule's own post with the company never written alone, with three
    # words after it, with لـ and tatweel (the commonest spelling), with the company
    # quoted, or with a surname in ال. Now: 'لفيس بوك', 'لفيسبوك مارك زوكربيرغ',
    # 'الرئيس التنفيذي' (the name lost), 'الرئيس التنفيذي لأرامكو الناصر' (0de449a the same).
    _xfail("وقال الرئيس التنفيذي لفيس بوك إن الشركة قوية.", "الرئيس التنفيذي لفيس بوك"),
    _xfail("وقال الرئيس التنفيذي لفيسبوك مارك زوكربيرغ إن الشركة قوية.", "مارك زوكربيرغ"),
    _xfail("وقال الرئيس التنفيذي لـفيسبوك مارك زوكربيرغ إن الشركة قوية.", "مارك زوكربيرغ"),
    _xfail('وقال الرئيس التنفيذي لـ"فيسبوك" مارك زوكربيرغ إن الشركة قوية.', "مارك زوكربيرغ"),
    _xfail("وقال الرئيس التنفيذي لأرامكو الناصر إن الشركة قوية. وكانت أرامكو قد أعلنت.", "الناصر"),
])
def test_the_post_of_a_company_in_its_other_spellings(text, name):
    assert resolved_names(text)[0] == name


# =======================================================================================
# 3. An organisation's head, describing adjectives, then its quoted or #hashtag name.
# =======================================================================================

@pytest.mark.parametrize("text, name", [
    ('وقالت وكالة الأنباء الرسمية "سانا" إن الوضع مستقر.', "سانا"),
    ('وقالت الصحيفة الرسمية "الأهرام" إن الحكومة فشلت.', "الأهرام"),
    ('وقالت الشركة العملاقة "إنفيديا" إن الأرباح ارتفعت.', "إنفيديا"),
    ("وقالت الشركة الأم #ألفابت إن الأرباح ارتفعت.", "ألفابت"),
    # (curly and guillemet quotation marks; an RLM before the #)
    ('أعلنت شركة النفط السعودية العملاقة “أرامكو” عدم صحة ما يتداول.', "أرامكو"),
    ('أعلنت شركة النفط السعودية العملاقة «أرامكو» عدم صحة ما يتداول.', "أرامكو"),
    ("أعلن موقع التواصل الاجتماعي \u200f#إنستغرام أنه سيضيف قسما للفيديو.", "إنستغرام"),
])
def test_a_described_organisations_quoted_name_in_other_forms(text, name):
    # The rule with other heads, adjectives and quotation marks.
    assert name in resolved_names(text)[0]


@pytest.mark.parametrize("text, verb", [
    # (regression) a quoted word that is the object of what the organisation did (its
    # commitment, the citizens it warned, the halt it announced) is read as its name and the
    # speaker runs on past it: the statement of that verb is lost and the next one goes to
    # 'الشركة الحكومية التزامها بالعقود', 'الهيئة الحكومية "المواطنين"', 'الشركة الحكومية
    # توقف الإنتاج' (0de449a: both statements kept).
    ('وأكدت الشركة الحكومية "التزامها" بالعقود، وقالت إن الإنتاج مستمر.', "وأكدت"),
    ('وحذرت الهيئة الحكومية "المواطنين" من الشائعات، وقالت إن الوضع آمن.', "وحذرت"),
    ('وأعلنت الشركة الحكومية "توقف" الإنتاج، وقالت إن العمال بخير.', "وأعلنت"),
])
def test_a_quoted_object_after_a_described_organisation_loses_no_statement(text, verb):
    spans = extract_statements(text)
    assert [s.verb for s in spans] == [verb, "وقالت"]
    assert all('"' not in s.speaker for s in spans)


@pytest.mark.parametrize("text, speaker", [
    # (regression) what the agency described, or what the platform banned, is its name.
    # Now: 'الضربة', 'منصة حظر' (0de449a: 'وكالة الأنباء السورية الرسمية', 'منصة التواصل').
    _xfail('ووصفت وكالة الأنباء السورية الرسمية "الضربة" بأنها عدوان.', "وكالة الأنباء السورية الرسمية"),
    _xfail('وأعلنت منصة التواصل الاجتماعي "حظر" ترامب، مؤكدة أن القرار نهائي.', "منصة التواصل الاجتماعي"),
])
def test_a_quoted_object_after_a_described_organisation_is_no_name(text, speaker):
    assert resolved_names(text)[-1] == speaker


def test_a_hashtag_name_with_an_underscore_is_read_whole():
    # (regression: new with the rule) a hashtag writes a name of two words with _; the rule
    # takes its first word. Now: 'موقع سناب' (0de449a: 'موقع التواصل الاجتماعي').
    assert resolved_names("أعلن موقع التواصل الاجتماعي #سناب_شات أنه سيضيف قسما للفيديو.") != ["موقع سناب"]


@pytest.mark.parametrize("text, wrong", [
    # (pre-existing) a quoted statement after a described organisation is its name; an RLM
    # after the #; mixed quotation marks; a hashtag after a head the adjectives list lacks.
    # Now: 'نرفض هذا القرار', 'موقع التواصل الاجتماعي', 'شركة النفط السعودية العملاقة',
    # 'شركة التكنولوجيا العملاقة' (0de449a the same).
    _xfail('وقالت الهيئة الحكومية "نرفض هذا القرار".', "نرفض هذا القرار"),
    _xfail("أعلن موقع التواصل الاجتماعي #\u200fإنستغرام أنه سيضيف قسما للفيديو.", "موقع التواصل الاجتماعي"),
    _xfail('أعلنت شركة النفط السعودية العملاقة “أرامكو" عدم صحة ما يتداول.', "شركة النفط السعودية العملاقة"),
    _xfail("وقالت شركة التكنولوجيا العملاقة #جوجل إن الأرباح ارتفعت.", "شركة التكنولوجيا العملاقة"),
])
def test_described_organisations_the_rule_misreads_or_misses(text, wrong):
    assert resolved_names(text)[0] != wrong


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_giant_company_described_again_is_apple():
    # (pre-existing) a later الشركة العملاقة after Apple was named with its description
    # resolves to a company nobody named. Now: 'شركة التكنولوجيا الأمريكية' (0de449a too).
    text = ('وقالت شركة التكنولوجيا الأمريكية العملاقة "آبل" إن الأرباح ارتفعت. '
            "وأضافت الشركة العملاقة أن المبيعات تضاعفت.")
    names = resolved_names(text)
    assert names[1] == names[0]


@pytest.mark.parametrize("text, names", [
    # the platform described again is the latest named; a podium is nobody
    ('أعلنت منصة "فيسبوك" أنها ستغير سياستها. وقالت منصة "تويتر" إنها لن تغير شيئا. '
     "وأوضحت المنصة أنها علمت بالخرق منذ عامين.", ["منصة فيسبوك", "منصة تويتر", "منصة تويتر"]),
    ('وقالت منصة التواصل الاجتماعي العملاقة "فيسبوك" إنها ستغير سياستها. وأوضحت المنصة أنها علمت بالخرق.',
     ["منصة فيسبوك", "منصة فيسبوك"]),
    ('وقالت منصة "تويتر" إنها أغلقت الحساب. وقال المتحدث من على المنصة إن الحكومة قوية.',
     ["منصة تويتر", "المتحدث"]),
])
def test_the_platform_referred_back_to(text, names):
    # منصة as an organisation head, and المنصة as the stage someone speaks from.
    assert resolved_names(text) == names


# =======================================================================================
# 4. An aide's principal, looked for where the aide's name stands (performance).
# =======================================================================================

_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهي"


def _aides_named_muhammad(size):
    """Aides with one first name (محمد) and ever new surnames: the name's first word stands
    everywhere."""
    import random

    rng, out, length = random.Random(12), [], 0
    while length < size:
        surname = "".join(rng.choice(_LETTERS) for _ in range(6)) + "ي"
        out.append(f"وقال نائب الرئيس محمد {surname} إن الإدارة موحدة. ")
        length += len(out[-1])
    return "".join(out)


def test_many_aides_sharing_a_first_name_resolve_in_linear_time():
    # (pre-existing, not covered by the round's fix) the principal is now looked for where
    # the aide's first name stands; when every aide is a محمد, that is everywhere again.
    # Now: 20 kB 0.10-0.13 s, 80 kB 1.3-1.5 s, in _named_for_anothers_post (0de449a the same).
    assert_grows_linearly(lambda size: text_resolve_seconds(_aides_named_muhammad(size)), 20_000, 80_000)


# =======================================================================================
# 5. Kings, coaches and players.
# =======================================================================================

@pytest.mark.parametrize("text", [
    # (regression) a king in construct with his country resolves to the only king quoted,
    # whatever his country: the description's second title is asked, its nationality not.
    # Now: 'عبد الله الثاني', 'محمد السادس', 'سلمان بن عبد العزيز' (0de449a: unresolved).
    ("قال العاهل الأردني، الملك عبد الله الثاني، إن الأزمة خطيرة. وقال ملك البحرين إن الحل في الرياض."),
    ("قال العاهل المغربي، الملك محمد السادس، إن الأزمة خطيرة. وقال ملك السويد إن السلام ضروري."),
    ("قال العاهل السعودي، الملك سلمان بن عبد العزيز، إن الأزمة خطيرة. وقال ملك الأردن إن السلام ضروري."),
])
def test_the_king_of_another_country_is_not_the_king_quoted_before(text):
    first, second = resolved_names(text)
    assert second != first


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_emir_of_another_country_is_not_the_emir_quoted_before():
    # (pre-existing) the same with the post the description opens with. Now: 'تميم بن حمد'.
    text = "قال أمير قطر، الشيخ تميم بن حمد، إن الأزمة خطيرة. وقال أمير الكويت إن السلام ضروري."
    assert resolved_names(text)[1] != "تميم بن حمد"


def test_the_king_of_bahrain_among_two_kings_is_bahrains():
    # (pre-existing) with two kings quoted, the one whose nationality is the country named
    # is not found. Now: 'ملك البحرين'.
    text = ("قال العاهل الأردني، الملك عبد الله الثاني، إن الأزمة خطيرة. وقال العاهل البحريني، الملك "
            "حمد بن عيسى، إن الحل في الرياض. وقال ملك البحرين إن السلام ضروري.")
    assert resolved_names(text)[2] == "حمد بن عيسى"


@pytest.mark.parametrize("text, name", [
    # two coaches of different nationalities, each stated
    ("قال مدرب الأهلي البرتغالي مانويل جوزيه إن الفريق جاهز. وقال مدرب الزمالك الأرجنتيني هيكتور كوبر "
     'إن فريقه أفضل. وقال المدير الفني البرتغالي: "سنفوز".', "مانويل جوزيه"),
    ("قال المدير الفني للأهلي، البرتغالي مانويل جوزيه، إن الفريق جاهز. وقال المدير الفني للزمالك، "
     'الأرجنتيني هيكتور كوبر، إن فريقه أفضل. وقال المدير الفني الأرجنتيني: "سنفوز".', "هيكتور كوبر"),
    # the latest coach of that nationality
    ("قال المدير الفني للمنتخب الفرنسي ديدييه ديشان إن الفريق جاهز. وقال المدير الفني الفرنسي هيرفي رونار "
     "إن المغرب أفضل. وقال المدير الفني الفرنسي إن المباراة صعبة.", "هيرفي رونار"),
    # a player of that nationality is no coach
    ('قال اللاعب الأرجنتيني ليونيل ميسي إن الفريق جاهز. وقال المدير الفني الأرجنتيني: "سنفوز".',
     "المدير الفني الأرجنتيني"),
    # the player's nationality set off after the club's words
    ("قال مدرب المنتخب المصري، البرتغالي كارلوس كيروش، إن الفريق جاهز. وقال البرتغالي إن المباراة صعبة.",
     "كارلوس كيروش"),
])
def test_the_coach_with_a_nationality_among_several(text, name):
    assert resolved_names(text)[-1] == name


def test_the_clubs_nationality_is_not_the_players():
    # (regression) the nationality of the club before the comma (ليفربول الإنجليزي،) now
    # counts as the player's, since the comma is stripped off it. Now: 'فيرجيل فان دايك'
    # (0de449a: unresolved 'الإنجليزي').
    text = ("قال مدافع ليفربول الإنجليزي، الهولندي فيرجيل فان دايك، إن الفريق جاهز. "
            "وقال الإنجليزي إن المباراة صعبة.")
    assert resolved_names(text)[1] != "فيرجيل فان دايك"


def test_of_two_coaches_without_a_nationality_none_is_guessed():
    # (regression) two coaches, neither given a nationality: the French technical director
    # goes to the latest, Bayern's (and under his misread name). Now: 'لبايرن كارلو أنشيلوتي'
    # (0de449a: unresolved).
    text = ("قال المدير الفني لريال مدريد زين الدين زيدان إن الفريق جاهز. وقال المدير الفني لبايرن "
            "كارلو أنشيلوتي إن فريقه أفضل. وقال المدير الفني الفرنسي إن المباراة صعبة.")
    names = resolved_names(text)
    assert names[2] != names[1]


@pytest.mark.parametrize("text, name", [
    # (pre-existing) the club's sport, then a comma: a time between the commas leaves the
    # club as the player's name; لاعب وسط (midfielder) leaves only 'لاعب'.
    _xfail("أكد لاعب فريق ريال مدريد الإسباني لكرة القدم، الثلاثاء، أنه سعيد.", "لاعب فريق ريال مدريد الإسباني لكرة القدم"),
    _xfail("قال لاعب وسط فريق برشلونة الإسباني لكرة القدم، الكرواتي إيفان راكيتيتش، إن الفريق جاهز.",
           "إيفان راكيتيتش"),
])
def test_the_clubs_sport_before_a_comma(text, name):
    assert resolved_names(text) == [name]


def test_the_clubs_sport_then_a_name_without_nationality():
    # The لكرة القدم rule with no nationality before the name.
    assert resolved_names("أكد لاعب فريق ريال مدريد الإسباني لكرة القدم، كريم بنزيما، أنه سعيد.") == ["كريم بنزيما"]


# =======================================================================================
# 6. The police and the authorities in a place.
# =======================================================================================

@pytest.mark.parametrize("text, name", [
    ("وقالت السلطات في بكين إن الوضع آمن.", "السلطات في بكين"),
    ("وقالت الشرطة في العاصمة البريطانية لندن إن الطائرة سقطت.", "الشرطة في العاصمة البريطانية لندن"),
    ("وكانت الشرطة في سياتل قد أعلنت أن الطائرة سقطت.", "الشرطة في سياتل"),
    # (a ZWJ, a ZWNJ, an NBSP inside: the same force)
    ("وأعلنت الشرطة\u200d في سياتل أن الطائرة سقطت.", "الشرطة في سياتل"),
    ("وأعلنت الشرطة في\u00a0سياتل أن الطائرة سقطت.", "الشرطة في سياتل"),
    # times, channels and "in which case" are no place
    ("وقالت الشرطة في وقت سابق إن الطائرة سقطت.", "الشرطة"),
    ("وقالت الشرطة في اليوم التالي إن الطائرة سقطت.", "الشرطة"),
    ("وقالت الشرطة في تغريدة على تويتر إن الطائرة سقطت.", "الشرطة"),
    ("وقالت الشرطة في تصريح لوكالة فرانس برس إن الطائرة سقطت.", "الشرطة"),
    ("وقالت الشرطة في هذه القضية إن شخصين انتحلا شخصية رجل أعمال.", "الشرطة"),
    ("وقالت السلطات في هذا الصدد إن الطائرة سقطت.", "السلطات"),
    ("وأعلنت الشرطة في بـيـان أن الطائرة سقطت.", "الشرطة"),
])
def test_where_the_police_are_and_what_is_no_place(text, name):
    assert resolved_names(text) == [name]


def test_two_police_forces_are_two_speakers():
    # The rule's purpose: every police force quoted is not one speaker; the bare head is the latest.
    text = ("وقالت الشرطة في سياتل إن الطائرة سقطت. وقالت الشرطة في بورتلاند إن الطيار نجا. "
            "وقالت الشرطة إن التحقيق مستمر.")
    assert resolved_names(text) == ["الشرطة في سياتل", "الشرطة في بورتلاند", "الشرطة في بورتلاند"]


@pytest.mark.parametrize("text", [
    # (regression) only a few channels and spans of time stop the rule; the police's own
    # statement or remarks, a time of day, a month, a phase, a circumstance, a toll are read
    # as where the police are (also في تقريرها، في حديثها، في المساء، في كانون الثاني، في
    # النهاية، في حينه، في ختام التحقيق، في محاولة لـ، في ظل، في الحالتين). Now: 'الشرطة في
    # بيانها', 'الشرطة في الصباح', … (0de449a: 'الشرطة' for every one).
    ("وقالت الشرطة في بيانها إن الطائرة سقطت."),
    ("وأوضحت الشرطة في تصريحاتها أن الطائرة سقطت."),
    ("وقالت الشرطة في الصباح إن الطائرة سقطت."),
    ("وقالت الشرطة في يناير إن الطائرة سقطت."),
    ("وقالت الشرطة في رمضان إن الطائرة سقطت."),
    ("وقالت الشرطة في البداية إن الطائرة سقطت."),
    ("وقالت الشرطة في الوقت نفسه إن الطائرة سقطت."),
    ("وقالت الشرطة في المقابل إن الطائرة سقطت."),
    ("وقالت الشرطة في أعقاب الحادث إن الطائرة سقطت."),
    ("وأفادت الشرطة في حصيلة أولية أن 10 أشخاص قتلوا."),
    ("وقالت السلطات في الوقت الراهن إن الطائرة سقطت."),
])
def test_a_time_or_manner_after_the_police_is_no_place(text):
    assert resolved_names(text)[0] in ("الشرطة", "السلطات")


def test_the_police_statement_misread_as_a_place_spreads_to_later_mentions():
    # (regression) the misread force is then the bare الشرطة of the next sentence too.
    # Now: ['الشرطة في بيانها', 'الشرطة في بيانها'] (0de449a: ['الشرطة', 'الشرطة']).
    text = "وقالت الشرطة في بيانها إن الطائرة سقطت. وأضافت الشرطة أن التحقيق مستمر."
    assert resolved_names(text) == ["الشرطة", "الشرطة"]


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_place_of_the_police_ends_before_the_next_fi():
    # (regression) a place then a channel: the place keeps a dangling في. Now: 'الشرطة في
    # سياتل في' (0de449a: 'الشرطة').
    assert resolved_names("وقالت الشرطة في سياتل في بيان إن الطائرة سقطت.") == ["الشرطة في سياتل"]


# =======================================================================================
# 7. قد and the verb's preposition end an unnamed source's place.
# =======================================================================================

@pytest.mark.parametrize("text, name", [
    ("وكان مصدر في الشرطة العمانية قــد نفى وجود أي شبهة جنائية.", "مصدر في الشرطة العمانية"),
    ("وكان مصدر في وزارة الداخلية قد أكد أن التحقيق مستمر.", "مصدر في وزارة الداخلية"),
    ("وأشار مسؤول في وزارة الدفاع إلى أن الزيارة ألغيت.", "مسؤول في وزارة الدفاع"),
    ("وشدد مصدر في وزارة الخارجية على أن العلاقات قوية.", "مصدر في وزارة الخارجية"),
    # (إلى that is part of the place, not before أن)
    ("وقال مسؤول في الوزارة إلى جانب الوزير إن الزيارة ألغيت.", "مسؤول في الوزارة إلى جانب الوزير"),
])
def test_the_sources_place_ends_at_the_verb(text, name):
    assert resolved_names(text) == [name]


# =======================================================================================
# 8. ضابط، قاضي، محقق as titles; nationality and adjective after an indefinite post.
# =======================================================================================

@pytest.mark.parametrize("text, names", [
    ("قال قاضي المحكمة العليا جون روبرتس إن القانون واضح. وقال القاضي إن الحكم نهائي.",
     ["جون روبرتس", "جون روبرتس"]),
    ("قال ضابط الشرطة جون سميث إن المشتبه به هرب. وقال الضابط إن التحقيق مستمر.",
     ["جون سميث", "جون سميث"]),
    ("وقال ضابط المخابرات السابق إدوارد سنودن إن القضية غريبة حقا.", ["إدوارد سنودن"]),
    ("وقال ضابط برتبة عقيد في الجيش السوري إن القضية غريبة حقا.", ["ضابط برتبة عقيد في الجيش السوري"]),
    ("وقال ضابط أمريكي كبير إن القوات تقدمت.", ["ضابط أمريكي كبير"]),
    ("وقال مسؤول عراقي محلي إن القوات تقدمت.", ["مسؤول عراقي محلي"]),
    ("قال النائب أحمد الضابط إن الحكومة فشلت. وأضاف الضابط أن الحل في الانتخابات.",
     ["النائب أحمد الضابط", "النائب أحمد الضابط"]),
])
def test_officers_judges_and_officials(text, names):
    assert resolved_names(text) == names


@pytest.mark.parametrize("text, name", [
    # (regression) a surname that is now a title word: the whole mention is "a post", the
    # person nobody. Now: 'الناشط أحمد ضابط', 'المحامي عمر قاضي' (0de449a: the names).
    ("وقال الناشط أحمد ضابط إن القضية غريبة حقا.", "أحمد ضابط"),
    ("وقال المحامي عمر قاضي إن القضية غريبة حقا.", "عمر قاضي"),
    # (pre-existing) the same with the article. Now: 'المحامي محمد القاضي'.
    _xfail("وقال المحامي محمد القاضي إن القضية غريبة حقا.", "محمد القاضي"),
])
def test_a_surname_that_is_a_title_word_is_a_name(text, name):
    assert resolved_names(text) == [name]


@pytest.mark.parametrize("text, wrong", [
    # (regression) ضابط is now a title, and what follows it an adjective short of the
    # round's own list is read as a name. Now: 'عراقي متقاعد', 'سوري منشق', 'سوري معارض',
    # 'برتبة عقيد', 'أمن محلي' (0de449a: the whole phrase, nobody named).
    ("وقال ضابط عراقي متقاعد إن الجيش ضعيف.", "عراقي متقاعد"),
    ("وقال ضابط سوري منشق إن القوات تقدمت.", "سوري منشق"),
    ("وقال ضابط سوري معارض إن القوات تقدمت.", "سوري معارض"),
    ("وقال ضابط برتبة عقيد إن القضية غريبة حقا.", "برتبة عقيد"),
    _xfail("وقال ضابط أمن محلي إن القضية غريبة حقا.", "أمن محلي"),
    # (regression) the chief justice: the country and the first name are "the name".
    # Now: 'فلسطين محمود' (0de449a: 'قاضي قضاة فلسطين', no name).
    _xfail("وقال قاضي قضاة فلسطين محمود الهباش إن القضية غريبة.", "فلسطين محمود"),
    # (pre-existing) an informed official. Now: 'أمريكي مطلع', 'فلسطيني مطلع'.
    ("وقال مسؤول أمريكي مطلع إن المبلغ دفع في أبريل.", "أمريكي مطلع"),
    ("وقال مسؤول فلسطيني مطلع إن القوات تقدمت.", "فلسطيني مطلع"),
])
def test_an_officers_description_is_no_name(text, wrong):
    assert resolved_names(text)[0] != wrong


# =======================================================================================
# 9. Hostile input and time.
# =======================================================================================

ODD_INPUTS = (
    "باسم", "باسم،", "المتحدث باسم ، ، إن", "وقال المتحدث باسم حركة حماس،", "وقال المتحدث باسم حركة حماس، ،،، إن",
    "الرئيس التنفيذي ل", "الرئيس التنفيذي لـ", 'الرئيس التنفيذي لـ"', "وقال الرئيس التنفيذي لتويتر إن تويتر",
    'شركة العملاقة "', 'أعلنت شركة النفط العملاقة "أرامكو', 'أعلنت شركة النفط العملاقة ""', "#", "##", "# #إن",
    "أعلن موقع التواصل الاجتماعي #", "أعلن موقع التواصل الاجتماعي #إن", "موقع التواصل الاجتماعي #\u200d#",
    "وقالت الشرطة في", "وقالت الشرطة في في في في إن", "وقالت الشرطة في\x00سياتل\x00إن", "السلطات في \ud800 إن",
    "وكان مصدر في قد", "قد قد قد", "وخلص ضابط في إلى أن", "إلى أن إلى أن",
    "وقال ملك", "وقال ملك البحرين", "وقال المدير الفني الأرجنتيني", "لكرة القدم، ، ،",
    "وقال ضابط", "وقال ضابط يمني", "مسؤول سعودي رفيع المستوى المستوى", "وقال قاضي\u2028قضاة إن",
    "وقالت الشرطة في ٢٠١٨ إن", "وقال الناطق باسم \U0001F600، \U0001F600، إن",
)


def test_odd_input_neither_crashes_nor_misplaces_offsets():
    # Fragments and repetitions of the round's trigger words with control, zero-width and
    # line-separator characters, Arabic-Indic digits, a lone surrogate, an emoji.
    for text in ODD_INPUTS:
        assert_offsets_hold(text)


def test_a_tatweel_used_as_a_dash_after_a_post_does_not_crash():
    # (pre-existing) a tatweel written as a dash after the post (المدير الفني ـ) becomes a
    # name of no letters, and the epithet after it crashes resolve_in_article with an
    # IndexError in _epithet_referent (0de449a too).
    text = "أكد المدير الفني ـ أنه جاهز. وقال المدير الفني الأرجنتيني إن المباراة هامة."
    resolved(text)


def test_a_name_between_tatweel_dashes_is_the_name():
    # (pre-existing) المدير الفني ـ هيكتور كوبر ـ: the dash is kept in the name. Now:
    # 'ـ هيكتور كوبر'.
    text = "أكد المدير الفني ـ هيكتور كوبر ـ أنه جاهز."
    assert resolved_names(text) == ["هيكتور كوبر"]


@pytest.mark.parametrize("unit", [
    "وقالت الشرطة في ",
    'أعلنت شركة النفط السعودية العملاقة "أرامكو" عدم صحة ما يتداول. ',
    "قال الناطق باسم حركة حماس، فوزي برهوم، إن الجهود المصرية أثمرت. ",
    "أكد مهاجم فريق تشلسي الإنجليزي لكرة القدم، البلجيكي إدين هازارد، أنه يستمتع باللعب. وأبدى البلجيكي استمتاعه. ",
    "قال العاهل البحريني، الملك حمد بن عيسى، إن الحل في الرياض. وقال ملك البحرين إن السلام ضروري. ",
    "وقال ضابط يمني ميداني إن القوات تقدمت. ",
    'وقالت الشركة الحكومية "التزامها" ',
])
def test_the_rounds_constructions_run_in_linear_time(unit):
    # Measured on e3aec79: 20 kB 0.003-0.17 s, 80 kB about 4 times that.
    assert_grows_linearly(lambda size: extract_seconds(unit, size), 20_000, 80_000)


def test_the_post_of_a_company_named_alone_runs_in_linear_time():
    # (regression) every الرئيس التنفيذي لتويتر <name> searches the whole text for
    # 'تويتر <name>' (split_title, _titled_names: re.search over the text per mention).
    # Now: 20 kB 0.27 s, 80 kB 3.5 s (0de449a: 0.06 s, 0.27 s).
    unit = "ويملك تويتر ملايين الحسابات. وقال الرئيس التنفيذي لتويتر دورسي إن الشركة قوية. "
    assert_grows_linearly(lambda size: extract_seconds(unit, size), 20_000, 80_000)
