"""Hostile tests of the statement extractor 2.0 (commits f69fd76..0c68ba0).

Each test is a defect found on corpus sentences (ant-news-2018, the article id in the
comment) or on a construction the new rules mishandle: the verb paradigms and verbs with
their object's pronoun (change 1), plural speakers (2), conjoined verbs (3), the relative
clause before إن (4), the قال clause on a noun of the content (5) and the attribution set
off by commas (7). HOSTILE_REPORT.md lists what happens, what should, and the baseline.
"""

import pytest

from articles.quotes.extract import extract_statements


def _spans_of(text, verb):
    return [s for s in extract_statements(text) if s.verb == verb]


# 1. A verb carrying the plural suffix (أبدوا، يعلنون، حثوا، يناشدون، وصفوا، يدعون) has its
# subject in the suffix: the noun after it is its object, never its speaker (change 1/2).
@pytest.mark.parametrize("text, verb, not_the_speaker", [
    # FR-internationalNews-2270: 'مخاوفهم' (their fears) was the speaker of أبدوا
    ('كما أبدوا مخاوفهم من "الاختبارات الصاروخية المكثفة" التي تجريها طهران ومن مداها ودقتها.',
     "أبدوا", "مخاوفهم"),
    # FR-middleEast-785 (a headline): 'استهداف' was the speaker of the Houthis' يعلنون
    ("الحوثيون يعلنون استهداف المصفاة بطائرة مسيرة", "يعلنون", "استهداف"),
    # AL-economy-45: the governments urged by the tech leaders became the speakers
    ("لذلك، أصبح تنظيم أجهزة الذكاء الاصطناعي أمرا ضروريا، حتى إن كبار رواد التكنولوجيا حثوا "
     "الحكومات على تنظيمها قبل فوات الأوان.", "حثوا", "الحكومات"),
    # BB-middleEast-824: the hostages appeal to their governments, who became the speaker
    ("وظهروا هذا الأسبوع في فيديو نشر على الإنترنت، وهم يناشدون حكوماتهم بالمساعدة في إطلاق سراحهم.",
     "يناشدون", "حكوماتهم"),
    # SK-middleEast-3175: the protesters called the leaders thieves; the leaders were the speaker
    ('ورفع مئات الأشخاص في العاصمة العراقية شعار "لا للفساد"، ووصفوا القادة بـ"اللصوص" و"الفاسدين" في ساحة التحرير.',
     "ووصفوا", "القادة"),
    # SK-technology-335: 'لمقاطعة' (a prepositional phrase) was the academics' name
    ('ووقع نحو 50 أكاديميا من 30 دولة خطابا يدعون فيه لمقاطعة "معهد كوريا المتطور للعلوم والتكنولوجيا" '
     'وشركة "هانوها سيستمز"، قالوا فيه إن المؤسستين تسرعان الخطى لتطوير هذه الأسلحة.', "يدعون", "لمقاطعة"),
])
def test_the_noun_after_a_plural_verb_is_its_object_not_its_speaker(text, verb, not_the_speaker):
    for span in extract_statements(text):
        assert span.speaker != not_the_speaker, (verb, span)


def test_the_accused_after_a_plural_accusing_verb_is_not_the_accuser():
    # SK-internationalNews-2531: 'واتهموا أردوغان بتقويض …' after 'ويقول المعارضون إن …' made
    # Erdogan (a surname the article gives in full) the speaker of his own accusation
    text = ("وقال الرئيس التركي رجب طيب أردوغان إن النظام الجديد ضروري. "
            "ويقول المعارضون إن هذه السلطات الجديدة تمثل توجها نحو نظام استبدادي، واتهموا أردوغان "
            "بتقويض المؤسسات العلمانية التي أنشأها مصطفى كمال أتاتورك.")
    (span,) = _spans_of(text, "واتهموا")
    assert span.speaker == "المعارضون"


# 3. A quoted ب-phrase after a verb with its object's pronoun is what was said, not part of
# the subject's name (change 1, _what_one_is_told sees the quote mark, not the ب).
def test_a_quoted_ba_phrase_after_an_accusing_verb_is_the_accusation():
    # SK-internationalNews-2731: speaker 'الكرملين "بأنشطة غير قانونية"', content 'ومن بينهم سفير …'
    text = ('لم يستبعد البيت الأبيض قبول مقترح باستجواب روسي في الولايات المتحدة يتهمهم الكرملين '
            '"بأنشطة غير قانونية"، ومن بينهم سفير أميركي سابق في موسكو.')
    (span,) = _spans_of(text, "يتهمهم")
    assert span.speaker == "الكرملين"
    assert "بأنشطة غير قانونية" in span.text and "سفير" not in span.text


# 4. An accusing verb inside a relative clause of the content does not take the main verb's
# إن: Mattis's statement became the Pentagon's accusation (change 1).
def test_an_accusing_verb_in_a_relative_clause_leaves_the_main_verbs_inna():
    # FR-internationalNews-1592 (the baseline gave قال/ماتيس)
    text = ('وقال ماتيس في معرض انتقاده الصين التي يتهمها البنتاغون باستخدام سياسات اقتصادية "جشعة" '
            "لاستغلال جيرانها، إن بلاده تؤيد حلا سلميا للنزاعات.")
    said = [(s.speaker, s.text) for s in extract_statements(text) if "بلاده تؤيد" in s.text]
    assert said == [("ماتيس", "بلاده تؤيد حلا سلميا للنزاعات")]


# 5. A verb with its object's pronoun and no subject after it: the subject is the one its
# own sentence gave, not the previous sentence's speaker nor the person the pronoun is.
@pytest.mark.parametrize("text, verb, expected", [
    # SK-sport-2781: Mayorga accused Ronaldo; the Sun (the previous sentence) was the speaker
    ('وذكرت صحيفة "الصن" البريطانية في تقرير لها أن ثروة النجم البرتغالي تتخطى المليار يورو. '
     "وأقامت كاثرين مايورغا دعوى قضائية ضد رونالدو في محكمة بولاية نيفادا اتهمته فيها باغتصابها "
     "في فندق بلاس فيغاس عام 2009.", "اتهمته", {"كاثرين مايورغا"}),
    # SK-internationalNews-1082: the Times article accuses Trump (the ه); Trump was its speaker
    ("ووجه الرئيس الأمريكي دونالد ترامب انتقادات حادة لمقال نشرته صحيفة نيويورك تايمز يتهمه "
     "بإساءة معاملة محاميه.", "يتهمه", {"صحيفة نيويورك تايمز", "نيويورك تايمز", "مقال"}),
])
def test_a_verb_with_its_objects_pronoun_is_not_given_an_unrelated_speaker(text, verb, expected):
    for span in _spans_of(text, verb):
        assert span.speaker_name in expected, span


# 6. التي اتهمته after a feminine plural: the pronoun (ه, masculine) cannot be the antecedent,
# so the antecedent is the subject (change 1 made every such antecedent the object).
def test_a_relative_whose_pronoun_cannot_be_its_antecedent_has_the_antecedent_as_subject():
    # AL-sport-881: 'الأحاديث … والتي اتهمته بأنه يفكر في مصلحته' went to the newspaper 'أ س'
    text = ('وأوضحت صحيفة "أ س" الإسبانية أن المسؤولين في النادي لا يرغبون في سماع أخبار حول غريزمان. '
            "ودفع غريزمان ثمنا باهظا جراء الأحاديث التي أحاطت به في بداية الموسم الجاري والتي اتهمته "
            "بأنه يفكر في مصلحته الشخصية قبل مصلحة الفريق.")
    for span in _spans_of(text, "اتهمته"):
        assert span.speaker is None or "الأحاديث" in span.speaker, span


# 7. A proper name before قال/تقول is the subject of a clause of its own, not an indefinite
# noun of the content: 'ذكرت … أن بيونغ يانغ قالت إنها' reported only 'بيونغ يانغ' (change 5).
@pytest.mark.parametrize("text", [
    # AL-internationalNews-1192
    "يأتي ذلك فيما ذكرت وسائل إعلام رسمية في كوريا الشمالية، الأربعاء، أن بيونغ يانغ قالت إنها قد "
    "تعيد النظر في عقد قمة مع الولايات المتحدة.",
    # SK-middleEast-3417: Israel's first statement ended on 'لكن إسرائيل'
    "وإلى جانب المطالبة بالهدوء على الحدود، قالت إسرائيل إن على حماس إعادة رفات جنديين قتلا خلال حرب "
    "غزة عام 2014 وإطلاق سراح مدنيين اثنين لا يزال مصيرهما مجهولا لكن إسرائيل تقول إنهما محتجزان لدى حماس.",
])
def test_a_proper_name_before_qala_is_not_left_at_the_end_of_the_content(text):
    for span in extract_statements(text):
        assert not span.text.endswith(("بيونغ يانغ", "إسرائيل")), span


# 8. 'ما قال إنها' (what he called) is no new statement on a noun: the content was cut to a
# dangling ما (change 5).
@pytest.mark.parametrize("text", [
    # SK-internationalNews-965
    "ودعا ماكرون زعماء الاتحاد الأوروبي لأن يسيروا على خطاه، وقال إن التكتل بحاجة لإصلاحات لتعزيز "
    'ما قال إنها "السيادة الأوروبية" في العالم.',
    # SK-middleEast-1880
    "وحذرت إسرائيل من أنها لن تقبل بوجود عسكري إيراني دائم في سوريا، وقصفت إسرائيل عددا من الأهداف "
    "الإيرانية هناك بعد ما قالت إنه هجوم صاروخي إيراني وقع عبر الحدود.",
])
def test_ma_qala_innaha_does_not_cut_the_content_at_ma(text):
    for span in extract_statements(text):
        assert not span.text.endswith(" ما"), span


# 9. Inside quoted words a قال clause is the quoted speaker's own: the quotation was cut in
# the middle, leaving an unbalanced quote mark (change 5).
@pytest.mark.parametrize("text, tail", [
    # AL-internationalNews-1192
    ('لكن ناورت نفت أن تكون هذه المناورات استفزازاً، بقولها إن "كيم جونغ أون قال إنه يتفهم أهمية هذه '
     'المناورات (المشتركة) للولايات المتحدة. المناورات مستمرة".', "المناورات مستمرة"),
    # SK-internationalNews-360
    ('إلا أن زخاروفا قالت إن المسؤولين البريطانيين "كاذبون .. فهم يقولون إنهم لا يرحبون بالأموال القذرة '
     'وفي الوقت ذاته لا يستطيعون تسليمنا أشخاصا ضدهم قضايا".', "ضدهم قضايا"),
    # AL-internationalNews-669
    ('وتابع ماتيس ان الروس "ينزعون الشارات عن لباس الجنود ويجتاحون القرم ثم يقولون ان لا علاقة لهم بما '
     'يقوم به الانفصاليون في شرق أوكرانيا".', "شرق أوكرانيا"),
])
def test_a_qala_clause_inside_a_quotation_does_not_cut_it(text, tail):
    first = extract_statements(text)[0]
    assert first.text.count('"') % 2 == 0, first
    assert tail in first.text, first


# 10. A new plural form (يدعون) inside quoted words ends neither the quotation nor the
# statement (change 1).
def test_a_plural_verb_inside_a_quotation_does_not_end_the_statement():
    # FR-internationalNews-2743 (the baseline kept the whole quotation)
    text = ('إلا أن محللين يقولون إن هذه "الخطوات ليست كافية ويدعون إلى رفع معدلات الفائدة بشكل كبير"، '
            "وهو ما تعارضه حكومة أردوغان.")
    (span,) = _spans_of(text, "يقولون")
    assert span.text == 'هذه "الخطوات ليست كافية ويدعون إلى رفع معدلات الفائدة بشكل كبير"'


# 11. قال after the indefinite subject of أن is that clause's predicate: the poll's finding
# was cut to its subject, '… ممن تزيد أعمارهم على 80 عاما' (change 5).
def test_qala_as_the_predicate_of_anna_does_not_cut_the_content_to_its_subject():
    # BB-technology-10 (the baseline kept the finding whole)
    text = ("كما كشف استطلاع الرأي أن شخصا من بين كل ستة أشخاص ممن تزيد أعمارهم على 80 عاما قال إنه "
            "يشعر بأنه مارس الجنس بالشكل الكافي.")
    (span,) = _spans_of(text, "كشف")
    assert "يشعر بأنه مارس الجنس" in span.text


# 12. البنتاغون and التلفزيون are one body, not a sound plural: as a "group" they lost their
# own مضيفا/مشيرا and وأضاف (change 2, _sound_plural).
@pytest.mark.parametrize("text, expected", [
    ("وقال البنتاغون إن الضربة استهدفت مواقع للتنظيم، مضيفا أن العملية انتهت.",
     [("وقال", "البنتاغون"), ("مضيفا", "البنتاغون")]),
    # SK-middleEast-1676's construction
    ("وقال التلفزيون الرسمي إن قذيفة سقطت على المبنى، مشيرا إلى أن شخصين قتلا.",
     [("وقال", "التلفزيون الرسمي"), ("مشيرا", "التلفزيون الرسمي")]),
    ("وقال البنتاغون إن الضربة استهدفت مواقع للتنظيم. وأضاف أن العملية انتهت.",
     [("وقال", "البنتاغون"), ("وأضاف", "البنتاغون")]),
])
def test_a_singular_body_ending_in_oon_is_not_a_group(text, expected):
    assert [(s.verb, s.speaker) for s in extract_statements(text)] == expected


# 13. A plural verb whose group its own sentence names (موظفون … قالوا، المسلحين ينفون،
# ويقولون، رفاقه … وحذروا) was given another sentence's speaker, even a singular one (change 1/2).
@pytest.mark.parametrize("text, verb, expected", [
    # AL-internationalNews-1782: the hotel staff's words went to the witnesses
    ("وكان شهود عيان قالوا لرويترز إن سيارات للشرطة انتشرت حول فندق بمدينة روستوف. "
     "وكان موظفون بفندق توبوس كونجرس قالوا في وقت سابق، إن الشرطة أخلت الفندق.",
     "قالوا", "موظفون بفندق توبوس كونجرس"),
    # BB-middleEast-167: the rebels' denial went to (singular) Syrian state television
    ("لكن التلفزيون الرسمي السوري قال إن المعبر تعرض لإطلاق قذائف. لكن المسلحين ينفون ذلك، ويقولون "
     "إن المدنيين لم يعبروا إلى الأراضي التابعة للحكومة خوفا من اعتقالهم.", "ويقولون", "المسلحين"),
    # BB-economy-96: the Republicans' warning went to the analysts of an earlier paragraph
    ("وحذر المحللون من خطر اندلاع حرب تجارية شاملة. وأعلن ترامب فرض رسوم جديدة على الواردات الصينية. "
     "على الصعيد السياسي أثار إعلان ترامب الأخير ردود فعل غير ودية من رفاقه في الحزب الجمهوري، "
     "وحذروا أن هذه الإجراءات ستؤذي الأمريكيين وتكلفهم فرص عمل.", "وحذروا", "رفاقه في الحزب الجمهوري"),
])
def test_a_plural_verb_does_not_take_a_speaker_from_another_sentence(text, verb, expected):
    # (the fix finds the hotel staff; the rebels and the Republicans, named in a
    # prepositional or an earlier clause, it leaves unattributed: a miss, not another
    # group's words)
    last_sentence = text.rfind(". ")
    spans = [s for s in extract_statements(text) if s.verb == verb and s.start > last_sentence]
    assert all(s.speaker_name == expected for s in spans), spans
    if verb == "قالوا":
        assert spans


# 14. The إن right after the relative clause's own verb is that verb's: 'المحامون الذين
# قالوا إنهم سيستأنفون …، إن موكلهم بريء' said the client is innocent (change 4).
def test_the_relative_verbs_own_inna_is_not_the_main_verbs():
    text = "وقال المحامون الذين قالوا إنهم سيستأنفون الحكم، إن موكلهم بريء."
    said = [(s.speaker, s.text) for s in extract_statements(text) if s.verb == "وقال"]
    assert said == [("المحامون", "موكلهم بريء")]


# 15. What a phrase set off by commas reports (change 7) is neither a relative clause on its
# source nor the phrase itself.
@pytest.mark.parametrize("text", [
    # BB-middleEast-895: 'التي نقلت عنها وسائل الإعلام الإسرائيلية …' became Al Mayadeen's report
    "كما يتضمن الاتفاق، حسبما قالت قناة الميادين اللبنانية، التي نقلت عنها وسائل الإعلام الإسرائيلية "
    "إقامة خط نقل بحري بين غزة وقبرص تحت إشراف إسرائيل.",
    # FR-internationalNews-2159: 'وفق المصدر المعارض' became what the Russian negotiators rejected
    "ورفض المفاوضون الروس الثلاثاء، وفق المصدر المعارض، مسودة مطالب قدمتها الفصائل.",
])
def test_an_attribution_set_off_by_commas_reports_neither_its_relative_clause_nor_itself(text):
    for span in extract_statements(text):
        assert not span.text.startswith(("التي", "الذي", "وفق", "بحسب", "حسبما")), span
