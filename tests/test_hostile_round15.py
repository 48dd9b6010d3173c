"""Hostile tests of the fifteenth round (extractor and speakers: git diff 782c9ee -- articles/,
commits 418bfe6 to 7648e3a).

What the round added, one section each:
 1. a source asking not to be named as it speaks (طالبا/مفضلا/مشترطا/رافضا + عدم/الكشف … اسمه/
    هويته) is no part of its name, and the aside is skipped (extract._asks_not_to_be_named,
    lexicon/anonymity_participles.txt, identity_nouns.txt);
 2. حسب قولها، حسب تأكيدها، وفقا لتعبيره at a sentence's end give the clause to the last
    speaker, not inside a quote nor after a (non-relay) speech verb or participle of the
    sentence (the `said_alone` branch of _trailing_attributions);
 3. given names with the article (lexicon/definite_given_names.txt) open a name after a rank
    or in an apposition, and the word after one is his name (الباجي قائد السبسي);
 4. نقيب / نقيبة are person titles;
 5. a bare الشركة resolves to the company quoted last by a name alone
    (speakers._company_quoted_last);
 6. a word alone a speech verb had for its subject (قال نقلي) is a name for a participle
    after an opening verb (ونشر نقلي …، قائلا), not when a plain word follows it;
 7. a head + ل-phrase (أكبر شركة للطيران) names no organisation.

Written by a hostile helper against 7648e3a. Every case was also run on 782c9ee (the commit
before the round, from a separate worktree in its own process). In the comments,
"(REGRESSION)" means 782c9ee gave the right answer (or no wrong name / no lost or mangled
statement) and 7648e3a does not; "(pre-existing)" means 782c9ee was as wrong; "(new rule,
incomplete)" means 782c9ee was wrong too, and the round's rule fires but gets it wrong or
misses a spelling of its own trigger. "Now:" is what 7648e3a gives. Run again on 24075ee
(three extractor commits later, 1259eb2..3a507a9, none of them on these rules): every result
the same, but for one case that 3a507a9 changed (noted where it stands).

THE MAIN FINDING (section 8): حسب قولها made extraction quadratic in the length of a
sentence (REGRESSION). The `said_alone` branch scans every token from the sentence's start
for a speech verb for each حسب قولها it meets: "حسب قولها " * 2000 (20 kB, no full stop)
takes 1.2-2.1 s (782c9ee: 0.02 s), * 4000 takes 7-9 s (0.06 s); "أدوار أخرى، حسب قولها، " *
4000 (92 kB) takes 28 s (0.10 s). No crash was found: 16,000 random strings made of the round's
sentences with zero-width marks, RLM/LRM, isolates, NBSP, tatweel, diacritics, NUL and other
control characters, quotation marks, lone surrogates, emoji, deleted and spliced characters
kept every span and mention on its offsets (section 8 keeps the hand-made odd inputs).

Mended after the report (the xfail marks went with each): the quadratic scan (the sentence's
sayings are counted once, extract._sayings_before); a bare الشركة goes to a company quoted by
one word only when the article calls it a company or a platform somewhere (so no party,
country or person quoted by one word), which leaves it unresolved where the article never
does; a given name with the article opens an apposition only before a plain word (، الحسن
السيرة والسلوك، is no name); الباجي قائد السبسي is a plausible name for a bare title; نقيب
after a name is a surname (lexicon/surname_titles.txt).
"""

import pytest

from articles.quotes.extract import extract_statements
from tests.extraction_probes import (
    assert_grows_linearly,
    assert_offsets_hold,
    extract_seconds,
    resolved,
    resolved_names,
    text_extract_seconds,
)

KNOWN = "known, found in the fifteenth round's hostile test"


def _xfail(*values):
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=KNOWN))


def _said(text):
    """(resolved name, statement text) of every statement of `text`, in order."""
    spans, speakers = resolved(text)
    return [(sp.name if sp is not None else None, s.text) for s, sp in zip(spans, speakers)]


# =======================================================================================
# 1. A source asking not to be named as it speaks.
# =======================================================================================

@pytest.mark.parametrize("text, name, said", [
    # the participle with tanween, feminine, plural (782c9ee: 'طالبا', 'مسؤولة طالبة',
    # 'مسؤولون طالبين' were the speaker or in its name)
    ("وقال المسؤول طالباً عدم نشر اسمه إن الأردن يعلق آمالا على تعهد دول خليجية.",
     "المسؤول", "الأردن يعلق آمالا على تعهد دول خليجية"),
    ("وقالت مسؤولة طالبة عدم نشر اسمها إن الوضع صعب.", "مسؤولة", "الوضع صعب"),
    ("وقال مسؤولون طالبين عدم الكشف عن هوياتهم إن الأردن يعلق آمالا.", "مسؤولون", "الأردن يعلق آمالا"),
    # mafdalan, a reason after the aside (782c9ee lost the statement of the first)
    ("وقال المسؤول مفضلا عدم ذكر اسمه إن الأردن يعلق آمالا.", "المسؤول", "الأردن يعلق آمالا"),
    ("وقال المسؤول طالبا عدم الكشف عن هويته لأنه غير مخول بالحديث إلى وسائل الإعلام إن الأردن يعلق آمالا.",
     "المسؤول", "الأردن يعلق آمالا"),
    # full diacritics (so too the misspellings إسمه / أسمه, and "his name or post")
    ("وقال مسؤول مشترطاً عدمَ كشفِ هويتِه إن الوضع صعب.", "مسؤول", "الوضع صعب"),
    # set off by dashes (so too brackets), with بأن (so too after مسؤول رفيع المستوى)
    ("وقال مسؤول أمريكي - طالبا عدم الكشف عن هويته - إن الأردن يعلق آمالا.", "مسؤول أمريكي", "الأردن يعلق آمالا"),
    ("وصرح مسؤول طالبا عدم نشر اسمه بأن الوضع صعب.", "مسؤول", "الوضع صعب"),
    # before a direct quote
    ('وقال مصدر حكومي طالبا عدم الكشف عن اسمه: "لدينا أسباب تدفعنا للاعتقاد بأنها ضربة".',
     "مصدر حكومي", "لدينا أسباب تدفعنا للاعتقاد بأنها ضربة"),
])
def test_the_anonymity_aside_in_other_forms(text, name, said):
    assert _said(text) == [(name, said)]


def test_the_anonymous_source_keeps_its_participle_and_next_sentence():
    # The source with the aside then مضيفا and a later وأضاف: one speaker throughout.
    text = "وقال مسؤول طالبا عدم نشر اسمه إن الوضع صعب، مضيفا أن الحل قريب. وأضاف أن الاتفاق وشيك."
    assert resolved_names(text) == ["مسؤول", "مسؤول", "مسؤول"]


def test_a_student_is_still_a_speaker():
    # طالب (a student) is no participle of the rule: the student speaks.
    assert resolved_names("وقال طالب في الجامعة إن الامتحانات صعبة.") == ["طالب"]


@pytest.mark.parametrize("text, name, said", [
    # (pre-existing) set off by commas after a definite head, which the round's docstring
    # claims ("with or without commas around it"): the aside is read as the apposition's
    # name. Was: 'طالبا عدم نشر اسمه' (782c9ee the same); mended after the review (the
    # apposition reader asks extract._asks_not_to_be_named).
    ("وقال المسؤول، طالبا عدم نشر اسمه، إن الأردن يعلق آمالا على تعهد دول خليجية.",
     "المسؤول", "الأردن يعلق آمالا على تعهد دول خليجية"),
    # (pre-existing) two withheld things joined by و: the name and post become the
    # speaker. Now: 'اسمه ومنصبه'.
    _xfail("وقال مسؤول طالبا عدم نشر اسمه ومنصبه إن الوضع صعب.", "مسؤول", "الوضع صعب"),
    # (pre-existing) the dual اسميهما is not in identity_nouns. Now: 'دبلوماسيان مفضلين'.
    _xfail("وقال دبلوماسيان مفضلين عدم الكشف عن اسميهما إن الوضع صعب.", "دبلوماسيان", "الوضع صعب"),
    # (pre-existing) a near-miss of the opener. Now: 'مسؤول طالبا التكتم'.
    _xfail("وقال مسؤول طالبا التكتم على هويته إن الوضع صعب.", "مسؤول", "الوضع صعب"),
    # (pre-existing) the source's place is cut off by the aside (without it the speaker is
    # 'مسؤول في وزارة الخارجية'). Now: 'مسؤول'.
    _xfail("وقال مسؤول في وزارة الخارجية طالبا عدم نشر اسمه إن الوضع صعب.",
           "مسؤول في وزارة الخارجية", "الوضع صعب"),
    # (pre-existing) the participle asking something else of someone: طالبا is the name.
    # Now: 'طالبا'.
    _xfail("وقال رئيس الوزراء طالبا من المواطنين الهدوء إن الوضع صعب.", "رئيس الوزراء", "الوضع صعب"),
    # (pre-existing) another participle of the rule's list with an object. Now:
    # 'رافضا الاتهامات'.
    _xfail("وقال المسؤول رافضا الاتهامات إن الحكومة لم تخطئ.", "المسؤول", "الحكومة لم تخطئ"),
])
def test_anonymity_asides_the_rule_misreads(text, name, said):
    assert _said(text) == [(name, said)]


@pytest.mark.parametrize("text", [
    # (pre-existing) "his name and title", "his family name": the statement is lost
    # altogether (782c9ee too).
    _xfail("وقال مسؤول طالبا عدم ذكر اسمه وصفته إن الوضع صعب."),
    _xfail("وقال محمد، طالبا عدم ذكر اسم عائلته، إن الوضع صعب."),
])
def test_an_anonymity_aside_loses_no_statement(text):
    assert [s for _, s in _said(text)] == ["الوضع صعب"]


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_a_student_appointed_is_no_speakers_name():
    # (pre-existing) طالبا in the accusative, "a student" the president appointed; the
    # president then speaks. Now: 'طالبا'.
    assert resolved_names("وعين الرئيس طالبا في المجلس، وقال إن الشباب هم المستقبل.") == ["الرئيس"]


# =======================================================================================
# 2. حسب قولها and the like at a sentence's end.
# =======================================================================================

RANDA = "وقالت الممثلة رندة كعدي إنها تحب المسرح. "
MINISTER = "وقال الوزير إن الاقتصاد ينمو. "
CLAUSE = "وتراجعت البطالة كثيرا هذا العام"


@pytest.mark.parametrize("sentence, said", [
    # the rule's other phrases and no comma (782c9ee: no statement, or تأكيدها the speaker)
    ("لكنها لا تمانع في تجسيد أدوار أخرى، بحسب قولها.", "لكنها لا تمانع في تجسيد أدوار أخرى"),
    ("لكنها لا تمانع في تجسيد أدوار أخرى، وفقا لتأكيدها.", "لكنها لا تمانع في تجسيد أدوار أخرى"),
    ("لكنها لا تمانع في تجسيد أدوار أخرى حسب قولها.", "لكنها لا تمانع في تجسيد أدوار أخرى"),
    # where she said it, after the phrase (so too لـ"العربية نت")
    ("لكنها لا تمانع في تجسيد أدوار أخرى، حسب قولها في مقابلة تلفزيونية.", "لكنها لا تمانع في تجسيد أدوار أخرى"),
    # at the sentence's start
    ("حسب قولها، لا تمانع في تجسيد أدوار أخرى.", "لا تمانع في تجسيد أدوار أخرى"),
    # a clause in French
    ("Elle ne refuse pas d'autres rôles، حسب قولها.", "Elle ne refuse pas d'autres rôles"),
])
def test_by_her_own_saying_in_other_forms(sentence, said):
    text = RANDA + sentence
    assert _said(text)[-1] == ("رندة كعدي", said)


@pytest.mark.parametrize("ending", [
    # punctuation around the phrase: no space, a dash, no full stop (so too spaces, !, a kasra)
    "،حسب قوله.", " - حسب قوله.", "، حسب قوله",
])
def test_by_his_own_saying_with_odd_punctuation(ending):
    assert _said(MINISTER + CLAUSE + ending)[-1] == ("الوزير", CLAUSE)


def test_by_his_saying_is_the_last_man_quoted_not_the_last_woman():
    text = ("وقال الممثل أحمد حلمي إنه يحب المسرح. وقالت الممثلة رندة كعدي إنها تحب السينما. "
            "لكنه لا يمانع في تجسيد أدوار أخرى، حسب قوله.")
    assert _said(text)[-1] == ("أحمد حلمي", "لكنه لا يمانع في تجسيد أدوار أخرى")


def test_by_his_saying_with_no_man_quoted_gives_nothing():
    # Only a woman quoted: "his" names nobody quoted, and the clause is nobody's statement.
    assert len(extract_statements(RANDA + "لكنها لا تمانع في تجسيد أدوار أخرى، حسب قوله.")) == 1


def test_a_quoted_clause_by_his_saying_is_his():
    # A quoted clause then the phrase (782c9ee: lost). The quotation marks stay in the
    # statement, as with every trailing attribution (حسب المصادر).
    name, said = _said(MINISTER + '"وتراجعت البطالة كثيرا"، حسب قوله.')[-1]
    assert (name, said.strip('"')) == ("الوزير", "وتراجعت البطالة كثيرا")


def test_by_her_saying_of_the_company_is_the_companys():
    text = "وقالت الشركة في بيان إن أرباحها ارتفعت. وزادت المبيعات بنسبة 10%، حسب تأكيدها."
    assert _said(text) == [("الشركة", "أرباحها ارتفعت"), ("الشركة", "وزادت المبيعات بنسبة 10%")]


@pytest.mark.parametrize("text, count", [
    # inside a quote, or after a verb of the sentence: no second statement
    ('قال الوزير: "الاقتصاد ينمو، والبطالة تراجعت، حسب قوله".', 1),
    (MINISTER + "وأشار إلى أن البطالة تراجعت، حسب قوله.", 2),
    # nobody quoted before: nobody's
    ("لكنها لا تمانع في تجسيد أدوار أخرى، حسب قولها.", 0),
])
def test_by_his_saying_adds_no_second_statement(text, count):
    assert len(extract_statements(text)) == count


@pytest.mark.parametrize("sentence, said", [
    # (new rule, incomplete) tatweel in the phrase (so too full diacritics): no statement
    # (782c9ee: none either).
    _xfail("لكنها لا تمانع في تجسيد أدوار أخرى، حسـب قولـها.", "لكنها لا تمانع في تجسيد أدوار أخرى"),
    # (new rule, incomplete) set off mid-sentence: only the words before the phrase are
    # taken. Now: 'لكنها لا تمانع' (782c9ee: no statement).
    _xfail("لكنها لا تمانع، حسب قولها، في تجسيد أدوار أخرى.", "لكنها لا تمانع في تجسيد أدوار أخرى"),
    # (new rule, incomplete) the phrase in brackets: the opening bracket ends the
    # statement. Now: 'لكنها لا تمانع في تجسيد أدوار أخرى (' (782c9ee: no statement).
    _xfail("لكنها لا تمانع في تجسيد أدوار أخرى (حسب قولها).", "لكنها لا تمانع في تجسيد أدوار أخرى"),
    # (new rule, incomplete) an unbalanced quotation mark is kept in the statement (so too
    # one closing it). Now: '"لكنها …' (782c9ee: no statement).
    _xfail('"لكنها لا تمانع في تجسيد أدوار أخرى، حسب قولها.', "لكنها لا تمانع في تجسيد أدوار أخرى"),
    # (pre-existing) "according to what she said", the rule's meaning in two words. Now:
    # no statement.
    _xfail("لكنها لا تمانع في تجسيد أدوار أخرى، حسبما قالت.", "لكنها لا تمانع في تجسيد أدوار أخرى"),
])
def test_by_her_own_saying_the_rule_misses_or_mangles(sentence, said):
    assert _said(RANDA + sentence)[-1] == ("رندة كعدي", said)


@pytest.mark.parametrize("text", [
    # (pre-existing) وفقا لتعبيره after a speaker whose name has the article (الوزير,
    # الوزيرة alike): the check meant for a source's head (الوزارة، الشرطة) drops the
    # inherited speaker, so the clause is lost (after الممثل أحمد حلمي it is read; حسب
    # قوله, which skips the check, is read too). Now: no statement (782c9ee too).
    _xfail(MINISTER + CLAUSE + "، وفقا لتعبيره."),
    _xfail(MINISTER + CLAUSE + "، وفقا لتصريحاته."),
])
def test_according_to_his_words_after_a_definite_speaker(text):
    assert _said(text)[-1][1] == CLAUSE


@pytest.mark.parametrize("text, name", [
    # (pre-existing) "according to the experts' / the minister's saying": the saying noun
    # is read as the speaker. Now: 'قول', 'قول الوزير'.
    _xfail(MINISTER + "وارتفعت الأسعار بنسبة 5% حسب قول الخبراء.", "الخبراء"),
    _xfail(MINISTER + CLAUSE + "، حسب قول الوزير.", "الوزير"),
    # (pre-existing) a relay then حسب قوله: the words are منصور's, as the rule's own comment
    # says. Now: 'الموقع'.
    _xfail('ونقل الموقع قول منصور إن "الوضع صعب"، حسب قوله.', "منصور"),
])
def test_sayings_the_rule_does_not_read(text, name):
    assert _said(text)[-1][0] == name


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_by_her_saying_after_a_relay_keeps_the_relay_out_of_the_statement():
    # (REGRESSION) after a relay verb (not counted as a verb of the sentence) the clause
    # runs back to the sentence's start, relay and all, and replaces the relay's own
    # statement. Now: 'ونقلت الصحيفة عن رندة أنها لا تمانع في تجسيد أدوار أخرى'
    # (782c9ee: 'لا تمانع في تجسيد أدوار أخرى', the relay's, right).
    text = RANDA + "ونقلت الصحيفة عن رندة أنها لا تمانع في تجسيد أدوار أخرى، حسب قولها."
    assert _said(text)[-1][1] == "لا تمانع في تجسيد أدوار أخرى"


# =======================================================================================
# 3. Given names with the article.
# =======================================================================================

@pytest.mark.parametrize("text, name", [
    # other spellings of the rule's own names (alef maqsura; so too kasra and shadda); other
    # names of the list after a title (782c9ee: 'إبراهيم', 'بورقيبة', 'صالح', the
    # whole mention for السبسي)
    ("وقال العميد التجانى إبراهيم إن العائدين سيخضعون لبرنامج.", "التجانى إبراهيم"),
    ("وقال الرئيس التونسي الراحل الحبيب بورقيبة إن المرأة حرة.", "الحبيب بورقيبة"),
    ("وقال الرئيس التونسي الباجي قايد السبسي إن بلده يتجه للمساواة.", "الباجي قايد السبسي"),
    ("وقال الكاتب السوداني الطيب صالح إن الرواية انتهت.", "الطيب صالح"),
    # a name of the list as a surname stays a surname
    ("وقال الرئيس السوداني عمر البشير إن الحكومة قوية.", "عمر البشير"),
    ("وقال شيخ الأزهر أحمد الطيب إن الإسلام دين سلام.", "أحمد الطيب"),
    # a word of the list as an adjective, alone or set off, names nobody
    ("وقال المدير الطيب جدا إن الفريق جاهز.", "المدير"),
    ("وقال المعلم، الطيب القلب، إن الدرس انتهى.", "المعلم"),
])
def test_a_given_name_with_the_article_in_other_forms(text, name):
    assert resolved_names(text) == [name]


def test_a_given_name_with_tatweel_opens_the_name():
    name = resolved_names("وقال العميد التجـاني إبراهيم إن العائدين سيخضعون لبرنامج.")[0]
    assert name.replace("ـ", "") == "التجاني إبراهيم"


@pytest.mark.parametrize("second, name", [
    # the man referred back to by his given name, his rank (so too his surname)
    ("وأضاف التجاني أن البرنامج طويل.", "التجاني إبراهيم"),
    ("وأضاف العميد أن البرنامج طويل.", "التجاني إبراهيم"),
])
def test_a_given_name_with_the_article_referred_back_to(second, name):
    text = "وقال العميد التجاني إبراهيم إن العائدين سيخضعون لبرنامج. " + second
    assert resolved_names(text) == ["التجاني إبراهيم", name]


@pytest.mark.parametrize("text, wrong", [
    # (REGRESSION) an epithet set off by commas ("of good conduct", "of good memory")
    # opens with a word of the list and is read as the apposition's name. Now: 'مدير
    # المدرسة الحسن السيرة والسلوك', 'رئيس الجمعية الطيب الذكر' (782c9ee: 'مدير المدرسة',
    # 'رئيس الجمعية').
    ("وقال مدير المدرسة، الحسن السيرة والسلوك، إن الطلاب بخير.", "الحسن السيرة"),
    ("وقال رئيس الجمعية، الطيب الذكر، إن الطلاب بخير.", "الطيب الذكر"),
    # (new rule, incomplete) "the newly chosen president", "the ever calm coach" (الهادئ
    # normalizes to الهادي): an adjective and an adverb are read as a name. Now: 'المختار
    # حديثا', 'الهادئ دائما' (782c9ee: 'حديثا', 'دائما', as wrong).
    ("وقال الرئيس المختار حديثا إن المرحلة صعبة.", "المختار"),
    ("وقال المدرب الهادئ دائما إن الفريق جاهز.", "الهادئ"),
    # (new rule, incomplete) the word after a given name of the list is his name, even when
    # it is his post: قائد الشرطة (so too اللواء الهادي وزير الداخلية). Now: 'الطاهر قائد
    # الشرطة' (782c9ee: the whole mention, rank included).
    _xfail("وقال العميد الطاهر قائد الشرطة إن الوضع هادئ.", "قائد"),
])
def test_a_word_of_the_list_that_is_no_name(text, wrong):
    assert wrong not in resolved_names(text)[0]


@pytest.mark.parametrize("text, name", [
    # (new rule, incomplete) in the rule's own apposition: a name of the list alone (so
    # too الرئيس السوداني، البشير،), or with a surname in ال, keeps the post in front. Now:
    # 'رئيس البرلمان الحسن', 'رئيس البرلمان الحسن طاهر الأمين' (782c9ee: the post alone).
    _xfail("وقال رئيس البرلمان، الحسن، إن الجلسة تأجلت.", "الحسن"),
    _xfail("وقال رئيس البرلمان، الحسن طاهر الأمين، إن الجلسة تأجلت.", "الحسن طاهر الأمين"),
    # (pre-existing) after a rank: after a two-word rank (الفريق أول), with a second name in
    # ال (العقيد الحسن alone keeps the rank too). Now: 'أول الحسن', 'الملك', 'زعيم حزب
    # الأمة الصادق المهدي'.
    _xfail("وقال الفريق أول الحسن سالم إن الوضع هادئ.", "الحسن سالم"),
    _xfail("وقال الملك الحسن الثاني إن المغرب قوي.", "الحسن الثاني"),
    _xfail("قال زعيم حزب الأمة الصادق المهدي إن الحكومة فشلت.", "الصادق المهدي"),
    # (pre-existing) after a post that is no rank: the name is lost (so too اللاعب الحسن
    # كاديرا, الأمير الوليد). Now: 'المدرب', 'الوزير المنصف المرزوقي'.
    _xfail("قال المدرب الحسين عموتة إن الفريق جاهز.", "الحسين عموتة"),
    _xfail("وقال الوزير المنصف المرزوقي إن الحكومة قوية.", "المنصف المرزوقي"),
    # (pre-existing) التيجاني, the commonest spelling of التجاني, is not in the list. Now:
    # 'إبراهيم'.
    _xfail("وقال العميد التيجاني إبراهيم إن العائدين سيخضعون لبرنامج.", "التيجاني إبراهيم"),
    # (pre-existing) at the sentence's start with no title. Now: 'الطيب'.
    _xfail("وقال الطيب صالح إن الرواية انتهت.", "الطيب صالح"),
])
def test_given_names_with_the_article_the_rule_misses(text, name):
    assert resolved_names(text) == [name]


@pytest.mark.parametrize("second, name", [
    # (REGRESSION) the president referred back to: 782c9ee resolved him to the first
    # statement's speaker (its whole mention); now the first is 'الباجي قائد السبسي' and
    # 'الرئيس' resolves to nobody. Now: 'الرئيس'.
    ("وأضاف الرئيس أن المرأة حرة.", "الباجي قائد السبسي"),
    # (pre-existing) by the second and third words of his name. Now: 'قائد السبسي'.
    _xfail("وأضاف قائد السبسي أن المرأة حرة.", "الباجي قائد السبسي"),
    # the surname alone, the title and nationality
    ("وأضاف السبسي أن المرأة حرة.", "الباجي قائد السبسي"),
    ("وأضاف الرئيس التونسي أن المرأة حرة.", "الباجي قائد السبسي"),
])
def test_beji_caid_essebsi_referred_back_to(second, name):
    text = "وقال الرئيس التونسي الباجي قائد السبسي إن بلده يتجه للمساواة. " + second
    assert resolved_names(text)[1] == name


# =======================================================================================
# 4. نقيب / نقيبة.
# =======================================================================================

@pytest.mark.parametrize("text, name", [
    # a syndicate's head and his name (782c9ee: the post)
    ("وقال نقيب الصحفيين يحيى قلاش إن الحريات مهددة.", "يحيى قلاش"),
    ("وقالت نقيبة الممرضات كوثر محمود إن الأجور ضعيفة.", "كوثر محمود"),
    ("وقال نقيب أطباء مصر حسين خيري إن الأجور ضعيفة.", "حسين خيري"),
    # an army captain (so too النقيب في الجيش أحمد سالم)
    ("وقال النقيب أحمد سالم إن الجنود بخير.", "أحمد سالم"),
    ("وقال النقيب، أحمد سالم، إن الجنود بخير.", "أحمد سالم"),
    # the post alone (so too النقيب)
    ("وقال نقيب الصحفيين إن الحريات مهددة.", "نقيب الصحفيين"),
])
def test_naqib_in_other_forms(text, name):
    assert resolved_names(text) == [name]


def test_the_naqib_referred_back_to():
    text = "قال نقيب الصحفيين يحيى قلاش إن الحريات مهددة. وأضاف النقيب أن القانون واضح."
    assert resolved_names(text) == ["يحيى قلاش", "يحيى قلاش"]


@pytest.mark.parametrize("second", [
    # (REGRESSION) the head of another syndicate is the one named before: the post is
    # matched without its syndicate (so too نقيب المهندسين). Now: 'سامح عاشور' (782c9ee:
    # 'نقيب الصحفيين'). (The same flaw as رئيس نادي القضاة … رئيس نادي الصحفيين, old;
    # وزير الخارجية … وزير الداخلية is read right.)
    _xfail("وقال نقيب الصحفيين إن الصحافة بخير."),
])
def test_the_head_of_another_syndicate_is_not_the_one_named_before(second):
    text = "قال نقيب المحامين سامح عاشور إن الحريات مهددة. " + second
    assert resolved_names(text)[1] != "سامح عاشور"


@pytest.mark.parametrize("text, name", [
    # (REGRESSION) the syndicate's members and country in construct after نقيب are read as
    # his name (so too نقيب صحفيي مصر). Now: 'أطباء مصر' (782c9ee: the post).
    _xfail("وقال نقيب أطباء مصر إن الأجور ضعيفة.", "نقيب أطباء مصر"),
    # (REGRESSION) نقيب the surname (خالد نقيب, a major named نقيب) is a title now, and the
    # whole mention is the speaker. Now: 'الناشط خالد نقيب', 'الفنان محمد نقيب', 'الرائد
    # نقيب' (782c9ee: 'خالد نقيب', 'محمد نقيب', 'نقيب'). (ضابط and قاضي, made titles in the
    # fourteenth round, went to lexicon/surname_titles.txt for this; نقيب did not.)
    ("وقال الناشط خالد نقيب إن الحكومة فشلت.", "خالد نقيب"),
    ("وقال الفنان محمد نقيب إن المسرح بخير.", "محمد نقيب"),
    _xfail("وقال الرائد نقيب إن الجنود بخير.", "نقيب"),
    # (pre-existing) Now: 'تونس', 'نقيب', 'النقيب المنشق'.
    _xfail("وقال نقيب محامي تونس إن الحريات مهددة.", "نقيب محامي تونس"),
    _xfail("وقال نقيب في الجيش السوري إن الجنود بخير.", "نقيب في الجيش السوري"),
    _xfail("وقال النقيب المنشق عن الجيش السوري أحمد سالم إن الجنود بخير.", "أحمد سالم"),
])
def test_naqib_the_rule_misreads(text, name):
    assert resolved_names(text) == [name]


# =======================================================================================
# 5. A bare الشركة is the company quoted last by its name alone.
# =======================================================================================

@pytest.mark.parametrize("text, names", [
    # Since this round's hostile test a bare الشركة goes to a company quoted by one word only
    # when the article calls it a company or a platform somewhere (شركة أبل، شبكة "فيسبوك"):
    # quoted by one word, a party, a country or a person is no company (next test). Where the
    # article never says so, الشركة stays unresolved: known, and the price of that rule.
    ("وقالت أبل إن مبيعاتها ارتفعت. وقالت رويترز إن السوق تراجعت. وقالت الشركة إن الطلب قوي. وتواجه شركة أبل منافسة.",
     ["أبل", "رويترز", "أبل"]),
    ("وقالت أبل إن مبيعاتها ارتفعت. وقالت وزارة التجارة إن الصادرات تراجعت. وقالت الشركة إن الطلب قوي. وتواجه شركة أبل منافسة.",
     ["أبل", "وزارة التجارة", "أبل"]),
    _xfail("وقالت تويتر إن الحساب مغلق منذ أيام. لكن الشركة تقول إن الحساب يعود لروبوت.", ["تويتر", "تويتر"]),
    _xfail("وقالت سامسونج إن المبيعات ارتفعت. وقالت الشركة إن الطلب قوي. وقالت الشركة أيضا إن الأرباح ارتفعت.",
           ["سامسونج", "سامسونج", "سامسونج"]),
    ("وقالت أبل إن مبيعاتها ارتفعت. وقالت شركة سامسونج إن أرباحها تراجعت. وقالت الشركة إن الطلب قوي.",
     ["أبل", "شركة سامسونج", "شركة سامسونج"]),
    ("وقالت أمازون إن مبيعاتها ارتفعت. وقال بيزوس إن الطلب قوي. وقالت الشركة إن الأرباح ارتفعت. ومنصة أمازون كبيرة.",
     ["أمازون", "بيزوس", "أمازون"]),
    # tatweel in الشركة, a company written in Latin letters
    _xfail("وقالت أبل إن مبيعاتها ارتفعت. وقالت الشركـة إن الطلب قوي.", ["أبل", "أبل"]),
    _xfail("وقالت Apple إن مبيعاتها ارتفعت. وقالت الشركة إن الطلب قوي.", ["Apple", "Apple"]),
    # no company quoted: a man, a capital (so too الجيش، حزب الله)
    ("وقال بيزوس إن أمازون قوية. وقالت الشركة إن الطلب قوي.", ["بيزوس", "الشركة"]),
    ("وقالت واشنطن إن الهدنة صامدة. وقالت الشركة إن الطلب قوي.", ["واشنطن", "الشركة"]),
])
def test_the_company_referred_back_to(text, names):
    assert resolved_names(text) == names


@pytest.mark.parametrize("first", [
    # (REGRESSION) any organisation, country, capital or woman quoted by one word (a woman
    # by her surname takes a feminine verb and is guessed an organisation) is "the
    # company" (so too طالبان، يونيسف، ناسا، فرنسا، هيلاري). Now: الشركة resolves to each
    # (782c9ee: 'الشركة').
    ("وقالت حماس إن الهدنة صامدة."),
    ("وقالت أوبك إن الإنتاج سيتراجع."),
    ("وقالت إسرائيل إن الهدنة صامدة."),
    ("وقالت موسكو إن الهدنة صامدة."),
    ("وقالت ميركل إن الاقتصاد قوي."),
    ("وقالت رندة إنها بخير."),
])
def test_the_company_is_not_whoever_was_quoted_by_one_word(first):
    text = first + " وقالت الشركة إن الطلب قوي."
    names = resolved_names(text)
    assert names[1] != names[0]


def test_the_company_is_not_one_quoted_before_another_was_named_with_its_head():
    # (REGRESSION) سامسونج named after شركة (not quoted) comes after أبل; the rule says
    # "with no company named after its head before it", but أبل is taken. Now: 'أبل'
    # (782c9ee: 'الشركة').
    text = "وقالت أبل إن مبيعاتها ارتفعت. واشترت شركة سامسونج حصة في مصنع. وقالت الشركة إن الطلب قوي."
    assert resolved_names(text)[-1] != "أبل"


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_company_after_according_to_twitter():
    # (new rule, incomplete) the example of the rule's own comment in speakers.py (لكن
    # الشركة تقول after ووفقا لتويتر) is not resolved. Now: 'الشركة' (782c9ee the same).
    text = "ووفقا لتويتر، فإن الحساب مغلق منذ أيام. لكن الشركة تقول إن الحساب يعود لروبوت."
    assert resolved_names(text) == ["تويتر", "تويتر"]


# =======================================================================================
# 6. A word alone quoted before names the subject of a later opening verb.
# =======================================================================================

ADVISER = "ولفت المستشار الآخر إلى أنه عمل في واشنطن. "


@pytest.mark.parametrize("text, name", [
    # commas around where he posted it; a Latin name; ترامب with an object after a comma
    ('قال نقلي: "احرص على إبراز عناصر القوة فيك". ' + ADVISER
     + 'ونشر نقلي، على صفحته بموقع تويتر، صورة قائلا: "تشرفت اليوم بأداء القسم".', "نقلي"),
    ('قال Nakli: "احرص على إبراز عناصر القوة فيك". ' + ADVISER
     + 'ونشر Nakli على صفحته بموقع تويتر، قائلا: "تشرفت اليوم بأداء القسم".', "Nakli"),
    ('قال ترامب: "الوضع صعب". ' + ADVISER + "ونشر ترامب تغريدة، قائلا إن العلاقات قوية.", "ترامب"),
])
def test_a_word_alone_quoted_before_in_other_forms(text, name):
    assert extract_statements(text)[-1].speaker_name == name


@pytest.mark.parametrize("text, name", [
    # (new rule, incomplete) a name in ال after the word: the rule takes the first name
    # alone for the man. Now: 'أحمد' (782c9ee: 'المستشار', as wrong).
    _xfail('قال أحمد: "الوضع صعب". ' + ADVISER + 'ونشر أحمد الحلو صورة على صفحته، قائلا: "تشرفت اليوم".',
           "أحمد الحلو"),
    # (new rule, incomplete) the word quoted first with tatweel: "written twice" compares
    # the raw text. Now: 'المستشار' (782c9ee the same).
    _xfail('قال نقلـي: "احرص على إبراز عناصر القوة فيك". ' + ADVISER
           + 'ونشر نقلي على صفحته بموقع تويتر، قائلا: "تشرفت اليوم بأداء القسم".', "نقلي"),
    # (pre-existing) a plain word after the name (the rule's guard): the participle goes to
    # the adviser. Now: 'المستشار'; at 24075ee 'ترامب نتنياهو' (3a507a9 reads two plain
    # words after an opening verb as one name: two men glued into one).
    _xfail('قال ترامب: "الوضع صعب". ' + ADVISER + "واستقبل ترامب نتنياهو في البيت الأبيض، قائلا إن العلاقات قوية.",
           "ترامب"),
])
def test_a_word_alone_quoted_before_the_rule_misses(text, name):
    assert extract_statements(text)[-1].speaker_name == name


# =======================================================================================
# 7. A head with a ل-phrase names no organisation.
# =======================================================================================

RYANAIR = 'قررت شركة "ريان إير"، أكبر شركة {} بأوروبا، إضافة وجهة جديدة. وقالت الشركة، في بيان، إنها سترفع عدد رحلاتها.'


@pytest.mark.parametrize("text, name", [
    # ل with tatweel, no ل at all, a ل that is no article (لصناعة; so too a participle then
    # the ل-phrase, مصنعة للرقائق)
    (RYANAIR.format("لـلطيران المنخفض التكلفة"), "ريان إير"),
    (RYANAIR.format("طيران منخفض التكلفة"), "ريان إير"),
    ('قررت شركة "تي إس إم سي"، أكبر شركة لصناعة الرقائق في العالم، بناء مصنع جديد. '
     "وقالت الشركة، في بيان، إنها سترفع إنتاجها.", "تي إس إم سي"),
    # the company named alone
    # (an apposition that calls it a company, أكبر شركة للنفط, is no evidence the company
    # rule reads: it asks for the head right before the name)
    _xfail("وأعلنت أرامكو، أكبر شركة للنفط في العالم، زيادة إنتاجها. وقالت الشركة إن الطلب قوي.", "أرامكو"),
    # a company described by its ل-phrase alone is still the one الشركة refers to
    ("وقالت شركة للطيران المنخفض التكلفة إن رحلاتها ستزيد. وقالت الشركة، في بيان، إنها سترفع عدد رحلاتها.",
     "شركة للطيران المنخفض التكلفة"),
])
def test_a_head_with_a_lam_phrase_in_other_forms(text, name):
    assert resolved_names(text)[-1] == name


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_ryanair_unquoted_is_the_company():
    # (pre-existing) the company's name not quoted: الشركة resolves to nobody. Now:
    # 'الشركة' (782c9ee: 'شركة للطيران المنخفض', as wrong).
    text = ("قررت شركة ريان إير، أكبر شركة للطيران المنخفض التكلفة بأوروبا، إضافة وجهة جديدة. "
            "وقالت الشركة، في بيان، إنها سترفع عدد رحلاتها.")
    assert resolved_names(text) == ["ريان إير"]


# =======================================================================================
# 8. Odd input and time.
# =======================================================================================

ODD_INPUTS = (
    "", " ", "\n\n", "\u200f", "\x00", "ـ", "ـــ", "،",
    "طالبا", "طالبا عدم", "طالبا عدم نشر", "وقال طالبا عدم نشر اسمه", "وقال المسؤول طالبا عدم",
    "وقال المسؤول طالبا عدم نشر اسمه،", "وقال المسؤول طالبا عدم نشر اسمه، إن", "، طالبا عدم نشر اسمه، ،",
    "وقال المسؤول طالبا ـ عدم نشر اسمه ـ إن الوضع هادئ.", "وقال المسؤول طالبا\x00عدم\x00نشر\x00اسمه إن",
    "حسب", "حسب قولها", "حسب قولها،", "، حسب قولها", "حسب قولها.", "حسب قولها " * 3, "ـ حسب قولها ـ",
    '"، حسب قولها.', '""، حسب قولها.', 'حسب قولها "', '"حسب قولها', "وفقا ل", "وفقا لتعبيره", "بحسب",
    'وقالت رندة: «الوضع صعب، حسب قولها.', "وقالت رندة إنها بخير.\x00لكنها لا تمانع في أدوار أخرى،\x00حسب\x00قولها.",
    "وقالت رندة إنها بخير. لكنها لا تمانع في أدوار أخرى، حسب\u200fقولها.",
    "وقالت رندة إنها بخير. لكنها لا تمانع في أدوار أخرى، حسب\u00a0قولها.",
    "وقالت رندة إنها بخير. لكنها لا تمانع في أدوار أخرى،\nحسب قولها.",
    "وقالت رندة إنها بخير. لكنها لا تمانع في أدوار أخرى، حسب قولها\ud800.",
    "وقالت رندة إنها بخير. لكنها لا تمانع في أدوار أخرى، حسب قولها \U0001F600.",
    "التجاني", "العميد التجاني", "وقال العميد التجاني", "وقال العميد التجاني إن", "وقال الباجي قائد",
    "، الحسن،", "وقال رئيس البرلمان، الحسن", "وقال رئيس البرلمان، الحسن،", "وقال العميد ـ التجاني ـ إبراهيم إن الوضع هادئ.",
    "نقيب", "وقال نقيب", "وقال نقيب إن", "نقيبة", "وقال نقيب نقيب نقيب إن",
    "الشركة", "وقالت الشركة", "وقالت الشركة إن", "وقالت أبل إن. وقالت الشركة إن.", "وقالت \u200f إن. وقالت الشركة إن.",
    "قائلا", "ونشر نقلي", "قال نقلي: ونشر نقلي", 'قال نقلي: "". ونشر نقلي، قائلا', "ونشر نقلي،",
    'قال نقلي: "ا". ونشر نقلي',
    "شركة لل", "أكبر شركة للطيران", "شركة للـ", 'شركة لل"', 'وقالت أبل: "',
)


def test_odd_input_neither_crashes_nor_misplaces_offsets():
    # Fragments of the round's trigger words at the text's end, alone, repeated, with NUL,
    # RLM, NBSP, a newline, a lone surrogate, an emoji, tatweel dashes, unbalanced quotes.
    for text in ODD_INPUTS:
        assert_offsets_hold(text)


@pytest.mark.parametrize("unit", [
    "وقال المسؤول طالبا عدم نشر اسمه إن الأردن يعلق آمالا على تعهد دول خليجية. ",
    "وقال مسؤول أمريكي، طالبا عدم الكشف عن هويته، إن الأردن يعلق آمالا. ",
    RANDA + "لكنها لا تمانع في تجسيد أدوار أخرى، حسب قولها. ",
    "وقال العميد التجاني إبراهيم إن العائدين سيخضعون لبرنامج. ",
    "وقالت أبل إن مبيعاتها ارتفعت. وقالت الشركة إن الطلب قوي. ",
    'قال نقلي: "احرص على إبراز عناصر القوة فيك". ' + ADVISER + 'ونشر نقلي على صفحته، قائلا: "تشرفت اليوم". ',
    RYANAIR.format("للطيران المنخفض التكلفة") + " ",
    # a long sentence of the round's words with no full stop, but for حسب قولها (below)
    "طالبا عدم نشر ",
])
def test_the_rounds_constructions_run_in_linear_time(unit):
    # Measured on 7648e3a: 20 kB 0.01-0.2 s, 80 kB about 4 times that.
    assert_grows_linearly(lambda size: extract_seconds(unit, size), 20_000, 80_000)


def test_two_thousand_sentences_of_the_rounds_rules_extract_in_seconds():
    # 2,000 repetitions of one sentence of each rule (about 150 kB a rule): 0.5-1.6 s each
    # on 7648e3a.
    for unit in (
        "وقال المسؤول طالبا عدم نشر اسمه إن الأردن يعلق آمالا. ",
        RANDA + "لكنها لا تمانع في تجسيد أدوار أخرى، حسب قولها. ",
        "وقال العميد التجاني إبراهيم إن العائدين سيخضعون لبرنامج. ",
        "قال نقيب المحامين سامح عاشور إن الحريات مهددة. وقال نقيب الصحفيين إن الصحافة بخير. ",
        "وقالت أبل إن مبيعاتها ارتفعت. وقالت الشركة إن الطلب قوي. ",
    ):
        assert text_extract_seconds(unit * 2000, runs=1) < 4.0


def test_by_her_saying_in_a_long_sentence_runs_in_linear_time():
    # (REGRESSION, the round's main finding) for every حسب قولها the said_alone branch
    # scans the sentence from its start for a speech verb (any(... for t in
    # tokens[s_begin:k])): quadratic in the sentence. Now: 5 kB 0.08 s, 20 kB 2.1 s,
    # 40 kB 9 s (782c9ee: 0.00, 0.02, 0.06 s).
    assert_grows_linearly(lambda size: extract_seconds("حسب قولها ", size), 5_000, 20_000)


def test_two_thousand_clauses_by_her_saying_in_one_sentence_extract_in_seconds():
    # (REGRESSION) the same with a clause before each phrase, set off by commas, and a
    # speaker before: 2,000 repetitions (46 kB) take 6.8 s, 4,000 (92 kB) 28 s (782c9ee:
    # 0.04 s, 0.10 s).
    text = "قالت هند إنها بخير. " + "أدوار أخرى، حسب قولها، " * 2000
    assert text_extract_seconds(text, runs=1) < 3.0
