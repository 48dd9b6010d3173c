"""Speaker names: spelling skeletons, link confidence, in-article coreference."""

import pytest

from articles.quotes.extract import extract_statements
from articles.quotes.speakers import LINK_THRESHOLD, match_confidence, name_skeleton, resolve_in_article, is_unnamed_source


@pytest.mark.parametrize(
    "a,b",
    [
        ("غوتيريش", "جوتيريش"),
        ("أنطونيو غوتيريش", "انطونيو جوتيريش"),
        ("ناغورني", "ناجورني"),
        ("بلينكن", "بلينكين"),
        ("الأميركية", "الأمريكية"),
        # the Turkish ç written تش or ج, a vowel letter doubled or not
        ("مولود جاووش أوغلو", "مولود تشاويش اوغلو"),
        ("كمال قليجدار أوغلو", "كمال كليتشدار أوغلو"),
    ],
)
def test_spelling_variants_share_a_skeleton(a, b):
    assert name_skeleton(a) == name_skeleton(b)


@pytest.mark.parametrize("a,b", [("بوتين", "ترامب"), ("روحاني", "الحريري"), ("ماي", "ماكرون")])
def test_different_names_differ(a, b):
    assert name_skeleton(a) != name_skeleton(b)
    assert match_confidence(a, b) == 0.0


def test_confidence_orders_exact_variant_and_surname():
    exact = match_confidence("أنطونيو غوتيريش", "أنطونيو غوتيريش")
    variant = match_confidence("أنطونيو غوتيريش", "أنطونيو جوتيريش")
    surname = match_confidence("أنطونيو غوتيريش", "غوتيريش")
    assert exact == 1.0
    assert LINK_THRESHOLD <= variant < exact
    # A surname alone is never linked across articles without an editor.
    assert 0 < surname < LINK_THRESHOLD


def test_full_name_then_surname_is_one_speaker(seed_text):
    body = seed_text.split("\n\n", 2)[2]
    spans = extract_statements(body)
    speakers = resolve_in_article(spans)
    vardanyan = {id(sp) for s, sp in zip(spans, speakers) if "فاردانيان" in s.speaker}
    assert len(vardanyan) == 1
    names = {sp.name for s, sp in zip(spans, speakers) if "فاردانيان" in s.speaker}
    assert names == {"روبن فاردانيان"}


def test_organisation_named_again_by_its_head_noun():
    text = (
        "أعلنت وزارة الدفاع الروسية، الخميس، عن سقوط طائرة مقاتلة بعد إقلاعها من قاعدة حميميم.\n"
        "وقالت الوزارة إنه لم يكن هناك إطلاق نار تجاه الطائرة."
    )
    spans = extract_statements(text)
    speakers = resolve_in_article(spans)
    assert [sp.name for sp in speakers] == ["وزارة الدفاع الروسية", "وزارة الدفاع الروسية"]
    assert all(sp.kind == "organisation" for sp in speakers)


# The most quoted speakers of the ANT corpus after extraction: who names someone, who not.
@pytest.mark.parametrize("name", ["مصدر", "البيان", "الصحيفة", "التقرير", "مسؤولون", "الشركة",
                                  "تقارير", "خبراء", "مسؤول", "الوكالة", "الدراسة", "مصدر أمني",
                                  "مصادر مطلعة", "مسؤول أمريكي", "المصدر", "بيان"])
def test_unnamed_sources_name_no_one(name):
    assert is_unnamed_source(name)


@pytest.mark.parametrize("name", ["دونالد ترامب", "ترامب", "رجب طيب أردوغان",
                                  "المرصد السوري لحقوق الإنسان", "رويترز", "الجيش الإسرائيلي",
                                  "البيت الأبيض", "الأمم المتحدة", "فرانس برس", "أنطونيو غوتيريش",
                                  "وزارة الدفاع الروسية", "مصدري"])
def test_named_speakers_are_not_unnamed_sources(name):
    assert not is_unnamed_source(name)


@pytest.mark.parametrize("a, b, same", [
    ("ترامب", "ترمب", True), ("غوتيريش", "جوتيريس", True), ("نتنياهو", "نتانياهو", True),
    ("زوكربيرغ", "زوكربرغ", True), ("بومبيو", "بامبيو", True),
    # one skeleton (مكرن), two people: the identity benchmark found 16 statements of
    # موغيريني filed under ماكرون
    ("موغيريني", "ماكرون", False),
    # Arabic names: the long vowel is the difference
    ("حسن", "حسين", False), ("سعد", "سعيد", False),
    # ... and so is a letter of one sound class: جمال and كمال, جاسم and قاسم, ثامر and سامر
    # are different names, not spellings of one
    ("جمال", "كمال", False), ("جاسم", "قاسم", False), ("ثامر", "سامر", False),
    # a short transliterated name still meets its تش / ج spelling (Zhang)
    ("تشانغ", "جانغ", True),
    # Nauert, two vowel letters written otherwise: the corpus filed 15 statements of هيذر
    # ناورت under a speaker نويرت of its own
    ("ناورت", "نويرت", True), ("ناورت", "نوريت", True),
    # the identity benchmark: Araghchi under two records (0.62), a Persian ending with few
    # long vowels left; Corbyn's first name with two letters swapped
    ("عراقجي", "عرقجي", True), ("جيرمي", "جريمي", True), ("كوربين", "كوربن", True),
    # ... and an Arabic name with two letters swapped stays two names
    ("سمير", "سيمر", False),
])
def test_close_spelling(a, b, same):
    from articles.quotes.speakers import close_spelling

    assert close_spelling(a, b) is same
    assert (match_confidence(f"جون {a}", f"جون {b}") >= LINK_THRESHOLD) is same


def test_tsh_is_folded_in_names_only():
    """تش is ج in a transliterated name, but a verb's prefix before a root ش in common
    words: search's skeleton keeps تشكيل away from قال."""
    from articles.text.skeleton import name_skeleton_of, skeleton

    assert match_confidence("مولود جاووش أوغلو", "مولود تشاويش اوغلو") >= LINK_THRESHOLD
    assert name_skeleton_of("تشاويش") == name_skeleton_of("جاويش")
    # read by the written length: a final ش of a five-letter word is the Portuguese s
    assert match_confidence("تشاوش أوغلو", "جاووش أوغلو") >= LINK_THRESHOLD
    assert skeleton("تشكيل") != skeleton("قال")


def test_a_vowel_letter_apart_inside_the_word_but_not_at_its_end():
    from articles.quotes.speakers import vowel_variant

    assert vowel_variant("بنس", "بينس") and vowel_variant("بوتن", "بوتين") and vowel_variant("ماسك", "موسك")
    # Moscow is not Musk: a final vowel letter makes another word
    assert not vowel_variant("موسكو", "موسك")


def _resolved(text):
    spans = extract_statements(text)
    return [(s.speaker, sp.name if sp else None) for s, sp in zip(spans, resolve_in_article(spans, text))]


def test_surname_resolves_to_the_full_name_the_article_gives_outside_statements():
    # The full name is only in the narration; the statement names the surname alone.
    text = (
        "حمّل الرئيس الأمريكي دونالد ترامب إيران المسؤولية عن الهجوم على السفارة.\n"
        "وأوضح ترامب أن العقوبات ستستمر حتى تغير طهران سلوكها في المنطقة."
    )
    assert _resolved(text) == [("ترامب", "دونالد ترامب")]
    # Without the article text there is nothing to resolve it with.
    spans = extract_statements(text)
    assert [sp.name for sp in resolve_in_article(spans)] == ["ترامب"]


def test_surname_of_two_people_named_in_the_article_stays_as_written():
    text = (
        "استقبل الرئيس الأمريكي دونالد ترامب وزوجته السيدة الأولى ميلانيا ترامب الضيوف في البيت الأبيض.\n"
        "وقالت ترامب إن الحفل سيخصص لدعم الأطفال المرضى في المستشفيات."
    )
    assert _resolved(text) == [("ترامب", "ترامب")]


def test_word_in_construct_with_a_title_is_not_a_first_name():
    # محامي ترامب مايكل كوهين: ترامب is the lawyer's client, not Cohen's first name.
    text = (
        "مثل محامي ترامب مايكل كوهين أمام المحكمة الفدرالية في نيويورك صباح الثلاثاء.\n"
        "وقال كوهين إنه تصرف بتوجيه من المرشح للانتخابات الرئاسية آنذاك."
    )
    assert _resolved(text) == [("كوهين", "مايكل كوهين")]


def test_a_bare_title_still_means_the_one_person_quoted_by_name():
    # A person named only in the narration does not make وقال الوزير ambiguous.
    text = (
        "قال وزير الاقتصاد الألماني بيتر ألتماير إن بلاده تريد حلا تفاوضيا للخلاف التجاري.\n"
        "وانتقد الرئيس الأمريكي دونالد ترامب الاتحاد الأوروبي مجددا يوم الجمعة.\n"
        "وأوضح ترامب أن الرسوم الجمركية ستبقى في مكانها حتى إشعار آخر.\n"
        "وقال الوزير إن القمة أفرزت نكسات كبيرة للعلاقات عبر الأطلسي."
    )
    names = _resolved(text)
    assert names[0] == ("وزير الاقتصاد الألماني بيتر ألتماير", "بيتر ألتماير")
    assert names[-1] == ("الوزير", "بيتر ألتماير")
    assert ("ترامب", "دونالد ترامب") in names


def test_bare_title_resolves_to_the_person_the_narration_names_with_that_title():
    # From the fourth blind dev set: the minister is named only in the narration, between
    # commas; the statements name him by his title alone. The newspapers quoted before are
    # not a named person.
    text = (
        "انتقدت صحف جزائرية تصريحات لأحد أعضاء الاتحاد العراقي لكرة القدم بعد المباراة.\n"
        "وكان وزير الرياضة والشباب الجزائري، محمد حطاب، قد اعتذر عن هتافات أنصار الفريق.\n"
        "وقال الوزير إن الجزائر لها مكانة كبيرة عند كل الأشقاء العرب."
    )
    assert _resolved(text)[-1] == ("الوزير", "محمد حطاب")


def test_definite_title_in_apposition_opens_the_name():
    text = "أكد العاهل الأردني، الملك عبد الله الثاني، الاثنين، ضرورة تحقيق تقدم في جهود حل الصراع."
    span = extract_statements(text)[0]
    assert (span.speaker_name, span.description) == ("عبد الله الثاني", "العاهل الأردني، الملك")
    # A second title in apposition is still skipped for the name after it.
    text = "قال شيخ الأزهر، رئيس مجلس حكماء المسلمين، أحمد الطيب، إن الإرهاب لا دين له."
    assert extract_statements(text)[0].speaker_name == "أحمد الطيب"


@pytest.mark.parametrize("text, surname, full", [
    ("التقى ولي العهد السعودي الأمير محمد بن سلمان الوفد الأمريكي في الرياض.\n"
     "وقال بن سلمان إن المملكة ماضية في الإصلاحات الاقتصادية.", "بن سلمان", "محمد بن سلمان"),
    ("وصل وزير الخارجية التركي مولود جاويش أوغلو إلى موسكو.\n"
     "وقال جاويش أوغلو إن المحادثات كانت مثمرة للغاية.", "جاويش أوغلو", "مولود جاويش أوغلو"),
])
def test_two_word_surname_resolves_to_the_full_name_in_the_article(text, surname, full):
    assert _resolved(text) == [(surname, full)]


def test_abd_al_malik_is_a_name_not_a_king():
    span = extract_statements("وقال زعيم الحوثيين عبد الملك الحوثي إن الحرب ستستمر طويلا.")[0]
    assert (span.speaker_name, span.description) == ("عبد الملك الحوثي", "زعيم الحوثيين")


@pytest.mark.parametrize("text, expected", [
    # the post's place after إلى between the title and the name
    ("أكد المبعوث الأممي إلى اليمن مارتن غريفيث وصوله إلى صنعاء.\nوقال غريفيث إن المحادثات ستبدأ قريبا في جنيف.",
     ("غريفيث", "مارتن غريفيث")),
    # a name with its particle after a title in construct with a club
    ("فاز فريق مدرب ريال مدريد زين الدين زيدان على باريس.\nوقال زيدان إن الفريق لعب بشكل رائع جدا.",
     ("زيدان", "زين الدين زيدان")),
    # only the last words are the player's name after the club's two
    ("قال لاعب مانشستر يونايتد بول بوغبا إن الفريق جاهز.\nوأضاف بوغبا أن المدرب يثق باللاعبين.",
     ("بوغبا", "بول بوغبا")),
    # the verb says a man: not the first lady the narration names
    ("حضرت السيدة الأولى ميلانيا ترامب الحفل في البيت الأبيض.\nوقال ترامب إن الاقتصاد الأمريكي في أفضل حالاته.",
     ("ترامب", "ترامب")),
])
def test_surname_resolution_through_the_narration(text, expected):
    assert _resolved(text)[-1] == expected


def test_a_bare_principal_title_is_not_the_aide_quoted_by_name():
    # From the first blind dev set: the president's spokesman is the one person named; the
    # president himself is not named in the article.
    text = (
        "وقال المتحدث الرئاسي التركي إبراهيم كالين إن العمليات ستستمر.\n"
        "وأضاف الرئيس التركي أن العمليات العسكرية قد تمتد إلى مناطق أخرى."
    )
    assert _resolved(text)[-1] == ("الرئيس التركي", "الرئيس التركي")
    # A generic title still means the one person named.
    text = (
        "وقال وزير الخارجية الأمريكي مايك بومبيو إن العقوبات ستكون الأقوى في التاريخ.\n"
        "وأضاف المسؤول الأمريكي أن إيران ستكابد للحفاظ على اقتصادها."
    )
    assert _resolved(text)[-1] == ("المسؤول الأمريكي", "مايك بومبيو")


def test_a_fathers_name_after_bin_is_not_the_surname_in_the_article():
    """The corpus: الملك سلمان, in an article naming ولي العهد الأمير محمد بن سلمان, was filed
    under his son (9 statements): the name after بن is the father's."""
    text = ("وقال ولي العهد الأمير محمد بن سلمان إن الزيارة كانت ناجحة. "
            "وأكد الملك سلمان أن المملكة ماضية في الإصلاح.")
    resolved = dict(_resolved(text))
    assert resolved.get("ولي العهد الأمير محمد بن سلمان") == "محمد بن سلمان"
    assert resolved.get("الملك سلمان") == "سلمان"


@pytest.mark.parametrize("source", ["المصدر التركي", "المصدر", "المصدر الدبلوماسي"])
def test_a_source_the_article_does_not_name_is_not_its_one_named_person(source):
    # A corpus article: the Turkish source's denials were filed under the Syrian
    # observatory's director, the one person the article names.
    text = ("وقال مدير المرصد السوري لحقوق الإنسان رامي عبد الرحمن إن القرية تعرضت للقصف. "
            f"بدوره، قال {source} إن أنقرة تعنى بسلامة المدنيين.")
    spans = extract_statements(text)
    assert [s.speaker for s in spans] == ["مدير المرصد السوري لحقوق الإنسان رامي عبد الرحمن", source]
    assert [sp.name for sp in resolve_in_article(spans, text)] == ["رامي عبد الرحمن", source]


def test_a_bare_title_of_another_office_is_not_the_one_person_named():
    # A corpus article: the South Korean president's words were filed under the US
    # secretary of state, the one person it names.
    text = ("وقال وزير الخارجية الأميركي ريكس تيلرسون إن العقوبات ستستمر.\n"
            "وقال الرئيس الكوري الجنوبي إن الحوار ممكن.")
    spans = extract_statements(text)
    assert [sp.name for sp in resolve_in_article(spans, text)] == ["ريكس تيلرسون", "الرئيس الكوري الجنوبي"]


def test_the_name_after_a_relation_title_is_not_that_speakers_surname():
    # corpus: the lawyer's record took the article's later 'وكان رونالدو قد رفض'
    text = ('قال محامي "كريستيانو رونالدو" إن جميع الوثائق المتعلقة بمزاعم الاغتصاب "ملفقة بالكامل". '
            "وكان رونالدو قد رفض من قبل هذا الاتهام، قائلا إنه لم يفعل شيئا.")
    assert [name for _, name in _resolved(text)] == ["محامي كريستيانو رونالدو", "رونالدو", "رونالدو"]


def test_the_head_noun_again_with_the_article_is_the_same_source():
    # corpus (Al Arabiya): 'وأضاف المصدر' after 'وأكد مصدر عسكري' was a speaker of its own
    text = "وأكد مصدر عسكري أن قوات الجيش تمكنت من تحرير الجبل. وأضاف المصدر أن قوات الجيش حررت أيضا قرى أخرى."
    assert [name for _, name in _resolved(text)] == ["مصدر عسكري", "مصدر عسكري"]


def test_two_people_joined_by_wa_carry_no_surname_for_a_later_mention():
    # corpus (FR-economy, June 2018): وقال ماكرون was filed under 'ترودو وماكرون'
    text = ("وأكد رئيس الوزراء الكندي جاستن ترودو والرئيس الفرنسي إيمانويل ماكرون الخميس أنهما لن يسمحا "
            "بترهيبهما. وقال ترودو وماكرون إنهما يجب ألا يترددا في التوصل لاتفاقات بدون ترامب. "
            'وقال ماكرون للصحفيين وإلى جانبه ترودو "إن مجموعة السبع فرصة لنا".')
    assert [name for _, name in _resolved(text)][1:] == ["ترودو وماكرون", "إيمانويل ماكرون"]


def test_a_first_name_and_its_short_form_are_one_name_only_by_the_table():
    from articles.text.skeleton import one_first_name

    assert one_first_name("جوسيب", "بيب") and one_first_name("مات", "ماثيو")
    assert one_first_name("بنيامين", "بينجيامين")  # Hebrew and English spellings
    assert not one_first_name("سيرجي", "بيب")  # another name
    assert not one_first_name("مايكل", "ميخائيل")  # alike, but another language's name
    assert not one_first_name("بيب", "بيب")  # the same spelling is no short form


def test_the_name_after_one_of_is_not_that_speakers_surname():
    # corpus (BBC, August 2018): the later قال ترامب was filed under 'أحد مساعدي ترامب'
    text = ('وقال أحد مساعدي ترامب إن الإدارة الأمريكية "تبحث" في مسألة التنظيم. '
            'وفي حديثه للصحفيين في البيت الأبيض، قال ترامب إن غوغل "تستغل الكثير من الناس".')
    assert [name for _, name in _resolved(text)] == ["أحد مساعدي ترامب", "ترامب"]


def test_a_bare_title_of_the_lexicon_is_the_person_named_with_it():
    # corpus (France 24 culture): 'وأكد المخرج' after 'المخرج اللبناني الفرنسي زياد دويري' was
    # filed under 'مخرج الفيلم', an earlier speaker of the same head noun
    text = ("ووصف مخرج الفيلم هذا الترشيح بأنه إنجاز كبير. ووصف المخرج اللبناني الفرنسي زياد دويري "
            'هذا الترشيح بأنه "إنجاز للبنان كله". وأكد المخرج "ما كنا وصلنا إلى هنا لولا الممثلون".')
    assert [name for _, name in _resolved(text)][-1] == "زياد دويري"


def test_a_nisba_of_a_bare_title_must_be_in_the_persons_description():
    # corpus (BBC culture): 'وأقرت الممثلة الإيطالية' is not 'الممثلة روز ماغوين'
    text = ("أعلنت الممثلة روز ماغوين دعمها لجيمي بينيت. وأقرت الممثلة الإيطالية أنها دفعت لبينيت "
            "مبلغا كبيرا من المال.")
    assert [name for _, name in _resolved(text)] == ["روز ماغوين", "الممثلة الإيطالية"]
    # ... while the feminine nisba of a masculine description is the same one
    text = ("وقال المتحدث باسم وزارة الخارجية الإيرانية بهرام قاسمي إن الاعتداءات مرفوضة. "
            "وأضاف المتحدث الإيراني أن بلاده سترد على أي هجوم.")
    assert [name for _, name in _resolved(text)] == ["بهرام قاسمي", "بهرام قاسمي"]


def test_a_title_with_a_relative_clause_names_no_one():
    from articles.quotes.extract import titled_names

    # corpus (BBC technology): 'الطبيب الذي راجع حالة الرجل' gave a person called 'راجع حالة'
    assert titled_names("وطالب الطبيب الذي راجع حالة الرجل بتوخي الحذر.") == []


def test_a_title_first_and_the_name_later_is_the_one_person_quoted_with_that_post():
    # corpus (France 24): 'وعزى ممثل مفوضية شؤون اللاجئين' opens the article; the name comes
    # two paragraphs later
    text = ("وعزى ممثل مفوضية شؤون اللاجئين ذلك إلى القصف المستمر على الغوطة. "
            'وقال ممثل مفوضية الأمم المتحدة لشؤون اللاجئين في سوريا سجاد مالك على موقع تويتر "إن قافلة المساعدات تغادر دوما الآن".')
    assert [name for _, name in _resolved(text)] == ["سجاد مالك", "سجاد مالك"]


def test_a_title_in_construct_must_name_the_persons_own_post():
    # corpus (BBC): 'وزير الخارجية الإسرائيلي' is not 'وزير الدفاع الإسرائيلي أفيغدور ليبرمان'
    text = ("وقال وزير الدفاع الإسرائيلي أفيغدور ليبرمان إن الجيش مستعد. "
            "وقال وزير الخارجية الإسرائيلي إن هناك تقليصا للوجود الإيراني.")
    assert [name for _, name in _resolved(text)][-1] == "وزير الخارجية الإسرائيلي"
    # ... and 'أمير الكويت' is not the one person the article names, the Saudi foreign minister
    text = ("وقال وزير الخارجية السعودي عادل الجبير إن العلاقات متينة. "
            "وأكد أمير الكويت أن بلاده تدعم الحوار.")
    assert [name for _, name in _resolved(text)][-1] == "أمير الكويت"


def test_a_title_with_a_name_after_it_is_no_bare_title():
    from articles.quotes.speakers import _bare_title, _plausible_name

    # corpus (France 24): 'المحلل السياسي أمير الساعدي' went to another analyst
    assert not _bare_title("المحلل السياسي أمير الساعدي")
    assert not _bare_title("الإعلامية لميس الحديدي")
    assert _bare_title("المتحدث باسم وزارة الخارجية") and _bare_title("ممثل مفوضية شؤون اللاجئين")
    # a post or a phrase read as a name never stands for a person; a family name after آل does
    assert not _plausible_name("المتحدث باسم تحالف") and not _plausible_name("أنها تتمحور")
    assert _plausible_name("عبد اللطيف آل الشيخ") and _plausible_name("إليانور بيترمان")


def test_a_core_title_with_a_nisba_refers_back_to_the_one_named_without_it():
    # corpus (a21334, a12346 of the ANT sample): reporters vary 'الرئيس رجب طيب أردوغان' with
    # 'الرئيس التركي'; the nationality is new, not another person's
    text = "قال الرئيس رجب طيب أردوغان إن بلاده لن تتراجع. وأضاف الرئيس التركي أن الاقتصاد قوي."
    assert [name for _, name in _resolved(text)] == ["رجب طيب أردوغان", "رجب طيب أردوغان"]
    text = ("قال وزير التربية والتعليم في مصر، طارق شوقي، إن المناهج ستتغير. "
            "وقال الوزير المصري إن المدارس جاهزة.")
    assert [name for _, name in _resolved(text)] == ["طارق شوقي", "طارق شوقي"]


def test_a_bare_title_of_another_nationality_is_not_the_person_named_before():
    # the title's nisba contradicts the description: Iran's president is not Putin, even
    # when the article's titled names (not only its speakers) are searched
    text = ("قال الرئيس الروسي فلاديمير بوتين إن الإرهابيين مستعدون. "
            "وقال الرئيس الإيراني إن الحوار هو الحل.")
    assert [name for _, name in _resolved(text)] == ["فلاديمير بوتين", "الرئيس الإيراني"]
    text = ("التقى الرئيس الروسي فلاديمير بوتين نظيره في طهران. "
            "وقال الرئيس الإيراني إن الحوار هو الحل.")
    assert [name for _, name in _resolved(text)] == ["الرئيس الإيراني"]


def test_a_bare_title_is_not_the_word_after_a_title_in_construct():
    # corpus (a845): 'سيرغي ريبروف، مدرب أهلي جدة' then 'وقال المدرب الأوكراني' gave a
    # person called 'جدة'; the words after 'مدرب أهلي' are the club's, not a name
    text = ("طالب سيرغي ريبروف، مدرب أهلي جدة، يوم الأحد، بدعمه. "
            "وقال الحارس الأسطوري إن الفريق يمر بمنعطف هام.")
    assert _resolved(text)[-1][1] == "الحارس الأسطوري"
    # corpus (a1124): nor is a bare title with a nisba the description lacks, among the
    # article's titled names ('الحارس الشجاع بطريقة مقنعة' read as a name)
    text = ("رد الحارس الشجاع بطريقة مقنعة جداً، حيث قال إن فريقه معتاد على الضغط. "
            "وعبر الحارس الدولي عن حزنه من تصرف بعض الجماهير.")
    assert _resolved(text)[-1][1] == "الحارس الدولي"


def test_a_bare_title_of_the_other_gender_is_not_the_person_named_in_the_narration():
    # corpus (ANT a3946): 'وتقول الكاتبة' was 'تخيل سيناريو', read after 'ويصعب على الكاتب'
    text = ("ويرى الكاتب جون سميث أن الحرب ستطول. "
            "وتقول الكاتبة إن الإصلاحات الاقتصادية قد تغذي الصراع.")
    assert _resolved(text)[-1][1] == "الكاتبة"


def test_a_word_with_tanween_after_a_title_is_no_name():
    from articles.quotes.extract import titled_names

    # corpus (ANT a3512): 'لاعب الشهر محققاً أعلى نسبة' gave a person called 'محققاً أعلى'
    assert titled_names("ونجح صلاح في الفوز بجائزة لاعب الشهر محققاً أعلى نسبة أصوات.") == []


def test_a_title_of_another_trade_is_not_the_one_politician_named():
    # 1.8 let every title of the lexicon refer back to the only person named: 'وقال المخرج'
    # after 'الرئيس الأمريكي دونالد ترامب' was Trump (corpus a23715: 'الصحفي' was Trump)
    text = "وقال الرئيس الأمريكي دونالد ترامب إن الاتفاق سيئ. وقال المخرج إن الفيلم سيعرض قريبا."
    assert [name for _, name in _resolved(text)] == ["دونالد ترامب", "المخرج"]
    # ... unless the title's nisba is in that description (the dev sets' Puigdemont)
    text = ("وقال كارلس بيغديمونت الرئيس السابق الانفصالي لإقليم كاتالونيا إن مدريد مخطئة. "
            "وطالب القيادي الانفصالي بالإفراج عن زملائه.")
    assert [name for _, name in _resolved(text)][-1] == "كارلس بيغديمونت"


def test_a_club_of_several_words_after_an_indefinite_title_is_not_part_of_the_name():
    from articles.quotes.extract import titled_names

    # full corpus (France 24, Sky News): 'لاعب سان جرمان نيمار' gave the narration's name
    # 'جرمان نيمار', and 'وقال نيمار' took it
    names = [m.words for m in titled_names("وقال لاعب سان جرمان نيمار جونيور إنه باق في باريس.")]
    assert names and names[0][:2] == ("نيمار", "جونيور")


def test_a_club_after_an_indefinite_title_at_the_end_of_the_text_names_no_one():
    from articles.quotes.extract import titled_names

    # full corpus (Al Arabiya, AL-sport-1383): the skipped club reached past the last token
    # (IndexError, the article's statements left unextracted)
    assert titled_names("هذا ما قاله لاعب ريال مدريد") == []
    assert titled_names("وقال مدرب باريس سان جرمان إن الفريق جاهز") == []


def test_an_organisation_referred_to_by_its_head_noun_is_the_one_the_narration_named():
    # held-out test7 (FR-middleEast-753): 'المنظمة الحقوقية' stayed a speaker of its own,
    # though the narration had named 'منظمة العفو الدولية'
    text = ("نشرت منظمة العفو الدولية تقريرا جديدا عن السجون. "
            "وقالت المنظمة الحقوقية إن أقرباء السجناء عاجزون عن الحصول على معلومات.")
    assert [name for _, name in _resolved(text)] == ["منظمة العفو الدولية"]
    # ... and a quoted name after the head noun is the organisation's name (test6, SK-sport-2171)
    text = ('وذكرت صحيفة "كلارين" الأرجنتينية في تقرير لها أمس. '
            "وقالت الصحيفة إن ميسي تحدث إلى المدرب.")
    assert [name for _, name in _resolved(text)] == ["كلارين"]


def test_a_quoted_name_after_the_head_noun_of_the_speaker_is_its_name():
    # test6 (BB-technology-78): 'الشركة الأم "كيتي هوك"' was 'الشركة الأم', and the later
    # 'وأضافت الشركة' was the company funded by Google's founder named first
    text = ('كشفت شركة ممولة من قبل مؤسس شركة "غوغل" عن طائرة أجرة. '
            'وستكون الطائرة متاحة للعملاء، بحسب ما أعلنته الشركة الأم "كيتي هوك" على موقعها. '
            "وأضافت الشركة أن الطائرة تستخدم برنامجا للطيران الذاتي.")
    names = [name for _, name in _resolved(text)]
    assert names[-2:] == ["كيتي هوك", "كيتي هوك"]


def test_a_head_noun_with_a_nationality_names_its_organisation_already():
    text = ("نشرت وكالة الأنباء السورية تقريرا عن الحادث. "
            "وقالت الحكومة السورية إن التحقيق مستمر.")
    assert [name for _, name in _resolved(text)] == ["الحكومة السورية"]


def test_the_statement_speaks_for_whoever_issued_it():
    # test7 (FR-economy-78): 'وأضاف البيان' after 'ذكرت الوزارة في بيان' was a speaker
    # called البيان, one record across the archive for every statement of every issuer
    text = ("وذكرت وزارة التجارة الصينية في بيان أن نائب الوزير سيزور واشنطن. "
            "وأضاف البيان أن الجانب الصيني يعارض النزعة الحمائية.")
    assert [name for _, name in _resolved(text)] == ["وزارة التجارة الصينية", "وزارة التجارة الصينية"]
    # ... and with no statement made in one before, البيان stays what it is
    assert [name for _, name in _resolved("وأضاف البيان أن الجانب الصيني يعارض النزعة الحمائية.")] == ["البيان"]


@pytest.mark.parametrize("text, expected", [
    # Hostile testing of 1.9: an organisation named only after the mention was taken for
    # it: the company another one bought, the health organisation of the next sentence
    ('وقالت الشركة إن الأرباح ارتفعت، وذلك بعد أن اشترت شركة "أمازون" المتجر.', ["الشركة"]),
    ("قالت المنظمة الحقوقية إن السجناء يتعرضون للتعذيب. وكانت منظمة الصحة العالمية قد حذرت من تفشي الوباء.",
     ["المنظمة الحقوقية", "منظمة الصحة العالمية"]),
    # an adjective that is no kind of organisation names one of its own (the corpus: after
    # محكمة الأمور المستعجلة, المحكمة الدستورية was that court)
    ("أعلن اتحاد الكرة المصري إيقاف اللاعب. وقال الاتحاد الأوروبي إن العقوبات ستستمر.",
     ["اتحاد الكرة المصري", "الاتحاد الأوروبي"]),
    ("أصدرت محكمة الأمور المستعجلة حكمها. وقالت المحكمة الدستورية إن الحكم باطل.", ["المحكمة الدستورية"]),
    ("التقى رئيس حزب العمال البريطاني بالسفير. وقال الحزب الحاكم إن الانتخابات في موعدها.", ["الحزب الحاكم"]),
    # ... a word of the name still refers back
    ("نشرت منظمة العفو الدولية تقريرا عن السجون. وقالت المنظمة الدولية إن السجناء يعذبون.", ["منظمة العفو الدولية"]),
])
def test_a_head_noun_refers_back_only_to_an_organisation_named_before_that_it_fits(text, expected):
    assert [name for _, name in _resolved(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the corpus: a quote right after the head with the article is what the government was
    # accused of, not its name
    ('وتظاهر العمال منددين بنية الحكومة "تدمير الخدمة العامة". من جهتها، أكدت الحكومة تصميمها على المضي في مشروعها.',
     "الحكومة"),
    # ... and the company after the commission is the company's, not the commission's
    ('وأمهلت المفوضية الشركة الأم "ألفابيت" مدة 90 يوما. وقالت المفوضية إن الشركة خالفت القانون.', "المفوضية"),
    # a head noun behind a preposition names its organisation too (وفقا لصحيفة "…")
    ('وفرضت الشركة رسوما جديدة، وفقا لصحيفة "وول ستريت جورنال". وقالت الصحيفة إن الرسوم كبيرة.', "وول ستريت جورنال"),
    # ... but للجنة is ل + اللجنة, no لجنة with a name after it
    ("وقدم الحزب طعنا للجنة الانتخابية العليا. وقالت اللجنة إن الطعن مرفوض.", "اللجنة"),
])
def test_which_words_name_an_organisation_after_its_head_noun(text, expected):
    assert _resolved(text)[-1][1] == expected


@pytest.mark.parametrize("text, expected", [
    # the corpus (FR-internationalNews-1821): another party's statement, read by no statement
    # of its own, came in between; the statement is no longer the armed group's
    ("وأوضحت جماعة مسلحة في بيان أن القوات تقدمت. وحذر بيان للحوثيين السفن التجارية من الاقتراب. "
     "وقال البيان إن العدو رفع سقف المواجهة.", "البيان"),
    # (AL-economy-544) ... a statement the State Department issued after the Treasury's
    ("وقالت وزارة الخزانة في بيان إن العقوبات ستفرض. وأصدرت وزارة الخارجية بيانا نشرته على موقعها. "
     "وأضاف البيان أن الاهتمام مشترك.", "البيان"),
    ("وقال ترامب في تغريدة إن الصين تتلاعب بعملتها. ورد الرئيس الصيني بتغريدة. وأضافت التغريدة أن الصين لا تتلاعب.",
     "التغريدة"),
    # ... and Hamas's own (في بيانها, which the extractor reads as no channel): not the ministry's
    ("وقالت وزارة الخارجية الإسرائيلية في بيان إن الهجوم إرهابي. وقالت حركة حماس في بيانها إن الحركة لن تتراجع. "
     "وأضاف البيان أن المقاومة مستمرة.", "البيان"),
    # ... but a word naming one with the issuer's name near it names the issuer's own
    # (the corpus: وزاد بيان الوزارة، نشرت وزارة الداخلية الأردنية بيانا، بحسب بيان رسمي)
    ("وأعلنت وزارة الإعلام السعودية في بيان رفضها للمزاعم. وزاد بيان الوزارة أن القناة تكذب. "
     "وأضاف البيان أن السعودية تحترم الحقوق.", "وزارة الإعلام السعودية"),
    ("قالت وزارة الداخلية الأردنية في بيان إن شرطيا قتل. ونشرت وزارة الداخلية الأردنية السبت بيانا ثانيا. "
     "وأكد البيان أن التحقيق مستمر.", "وزارة الداخلية الأردنية"),
    ("وقال رئيس الوزراء العراقي حيدر العبادي في بيان إن المطارين سيفتحان. وأكد العبادي بحسب بيان رسمي أنه وقع الأمر. "
     "وأضاف البيان أنه سيتم استحداث مديرية.", "حيدر العبادي"),
    ("قالت المحكمة الجنائية الدولية في بيان إن المتهم سلم. وأوضحت المحكمة في بيانها أن الجلسة الأولى قريبة. "
     "وأضاف البيان أن التهم تشمل التعذيب.", "المحكمة الجنائية الدولية"),
    # ... not another of the same head (the army of another country)
    ("وقال الجيش الإسرائيلي في بيان إن طائراته قصفت موقعا. ونشر الجيش اللبناني بيانا عن الحادث. "
     "وأوضح البيان أن دورية تعرضت لإطلاق نار.", "البيان"),
    # ... and the one statement, mentioned again in between, is still its issuer's
    ("وقالت الوزارة في بيان إن الاجتماع سيعقد غدا. وبحسب البيان، فإن الوزير سيترأس الاجتماع. "
     "وأضاف البيان أن جدول الأعمال جاهز.", "الوزارة"),
])
def test_the_statement_is_the_issuers_only_while_no_other_was_made_since(text, expected):
    assert _resolved(text)[-1][1] == expected


@pytest.mark.parametrize("a, b, same", [
    # A fresh import of the corpus (every article of it into an empty archive) kept
    # 'فلاديمير بوتن' (257 statements) apart from 'فلاديمير بوتين' (391), and Musk, Obama, Pence
    # and Hunt likewise: a vowel letter apart, as حسن and حسين are, so never linked.
    ("فلاديمير بوتين", "فلاديمير بوتن", True),
    ("إيلون ماسك", "إيلون موسك", True),
    ("باراك أوباما", "بارك أوباما", True),
    ("مايك بنس", "مايك بينس", True),
    ("جيريمي هنت", "جيرمي هانت", True),  # both words, one foreign in both spellings
    # ... beside an Arabic name the vowel letter tells two names apart
    ("محمد حسن", "محمد حسين", False),
    ("إبراهيم حسن", "إبراهيم حسين", False),
    ("سامي سعد", "سامي سعيد", False),
    ("سعيد حسين", "سعد حسن", False),
    # ... nor a two-letter word, nor a definite one (the corpus's speakers)
    ("مايك لي", "مايك لوي", False),
    ("كبير المسؤولين", "كبار المسؤولين", False),
])
def test_a_vowel_letter_apart_inside_a_foreign_name_is_a_spelling(a, b, same):
    assert (match_confidence(a, b) >= LINK_THRESHOLD) == same


def _canonical(text):
    spans = extract_statements(text)
    return [sp.name if sp else None for sp in resolve_in_article(spans, text)]


@pytest.mark.parametrize("text, epithet, person", [
    # corpus (AL-sport-668): his nationality stated when he was first quoted
    ("أعلن المدافع الأرجنتيني، ماركوس روخو، الجمعة، أنه مدد الخميس عقده مع مانشستر يونايتد. "
     'وصرح اللاعب الدولي الأرجنتيني الذي يتضمن عقده الجديد خيار التمديد، "منذ أن انتقلت إلى مانشستر '
     'يونايتد، سارت الأمور كما كنت أعتقد".',
     "اللاعب الدولي الأرجنتيني", "ماركوس روخو"),
    # corpus (CN-economy-28): the post's nationality is in the body's name (الهيئة السعودية)
    ("قال سعود العسكر، نائب محافظ الهيئة السعودية للمواصفات والمقاييس، إن منظومة المعايير الحلال "
     "ستساهم في توفير وظائف. وشدد المسؤول السعودي على أن بلاده تعمل وفق هذا التصور.",
     "المسؤول السعودي", "سعود العسكر"),
])
def test_an_epithet_with_a_nationality_is_the_person_quoted_before(text, epithet, person):
    assert _canonical(text) == [person, person]


@pytest.mark.parametrize("text", [
    # another post of the same nationality is another person
    "قال وزير الخارجية الأمريكي مايك بومبيو إن المحادثات مستمرة. وقال الرئيس الأمريكي إن القمة ستعقد.",
    # another nationality is another person
    "قال المدرب الإسباني بيب غوارديولا إن الفريق جاهز. وقال المدرب الألماني إن المباراة صعبة.",
    # dev (BB-culture-279): the actress named between them is the one the epithet means
    "قالت الممثلة روز ماغوين إن ما حدث لم يكن من العدل. وكانت الممثلة آسيا أرجنتو في القضية. "
    "وأقرت الممثلة الإيطالية أنها دفعت لبينيت 380 ألف دولار.",
])
def test_an_epithet_is_not_someone_else_quoted_before(text):
    first, *rest = _canonical(text)
    assert first not in rest


def test_an_epithet_is_the_one_person_quoted_when_nothing_is_said_of_them():
    # test7 (SK-sport-838): Klopp's nationality is never given; the German coach is still him
    text = ("أوصى يورغن كلوب، مدرب ليفربول، جماهير الفريق بإظهار الاحترام لروما. "
            "وأبدى كلوب رغبته في رؤية نفس الشغف والحماس من الجماهير. "
            'وصرح المدرب الألماني للصحفيين "أعتقد أن الجماهير يجب أن تساند الفريق مرة أخرى".')
    names = _canonical(text)
    assert names[-1] == names[-2] and "كلوب" in names[-1]


def test_the_english_scorer_is_the_english_player_quoted_before():
    # test8 (CN-sport-180): الهداف was no post an epithet could be made of
    text = ("أشاد اللاعب الإنجليزي لتوتنهام هوتسبرز، هاري كين، بمنافسه محمد صلاح. "
            'وقال كين "إنه يقوم بعمل رائع، وهو لاعب عظيم جدا". '
            'وتابع الهداف الإنجليزي حديثه قائلا "لا أستطيع التحكم بما يفعله".')
    names = _canonical(text)
    assert names[-1] == names[0] == "هاري كين"


@pytest.mark.parametrize("text", [
    # a spokesman named by his post is someone new, not the one quoted before
    "قال نتنياهو إن إسرائيل لن تسمح بذلك. وأكد نتنياهو أن العملية مستمرة. "
    "وقال المتحدث العسكري الإسرائيلي إن الطائرات أصابت أهدافها.",
    # two people quoted before: the epithet does not say which
    "قال كلوب إن الفريق جاهز. وقال صلاح إنه سعيد. وقال كلوب إن المباراة صعبة. وقال صلاح إنه مستعد. "
    "وصرح المدرب الألماني بأن الجماهير رائعة.",
])
def test_an_epithet_with_nothing_to_agree_with_stays_unresolved(text):
    assert _canonical(text)[-1] not in _canonical(text)[:-1]


@pytest.mark.parametrize("text, issuer", [
    # test9 (SK-middleEast-680): the ministry quoted, then its statement goes on
    ('والجمعة أوضحت وزارة الداخلية المغربية أن الموقوف التاسع كان بصدد التوصل بالتمويل اللازم. '
     'وأضاف البيان أن "أعضاء هذه الخلية خططوا لاستغلال ضيعة مهجورة تعود ملكيتها لأحد الموقوفين".',
     "وزارة الداخلية المغربية"),
    # test5 (FR-internationalNews-242): a statement quoted as the speaker, then البيان
    ("اعتقلت السلطات البحرينية 116 شخصا، بحسب بيان رسمي نشرته وكالة البحرين الرسمية للأنباء السبت. "
     "كما اتهم المعتقلون بأنهم أعضاء في خلية، وأورد البيان أن 48 منهم تلقوا التدريب العسكري في إيران.",
     "بيان رسمي"),
])
def test_the_statement_named_again_is_its_issuers(text, issuer):
    assert _canonical(text)[-1] == issuer


def test_a_statement_of_the_agency_is_the_agencys():
    # test3 (SK-economy-1479): وجاء في بيان الوكالة after وكالة موديز
    text = ("خفضت وكالة موديز تصنيف إيطاليا درجة واحدة، وقالت الوكالة إن الدين مرتفع. "
            'وجاء في بيان الوكالة أن "حجم الدين العام سيظل مستقرا على الأرجح".')
    names = _canonical(text)
    assert len(set(names)) == 1 and "بيان" not in names[-1]


def test_a_statement_after_an_outlets_report_is_not_the_outlets():
    text = ("ذكرت وكالة رويترز أن الحكومة ستعلن خطة جديدة الأسبوع المقبل. "
            "وأضاف البيان أن الخطة تشمل خفض الضرائب.")
    assert _canonical(text)[-1] == "البيان"


def test_a_statement_of_a_ministry_written_with_li_is_the_ministrys():
    # test9 (BB-economy-129): بيان لوزارة النقل gave the speaker لوزارة النقل المصرية
    text = "وأشار بيان لوزارة النقل المصرية، نقلته الوكالة، إلى أن سعر التذكرة سيبلغ ثلاثة جنيهات."
    assert _canonical(text) == ["وزارة النقل المصرية"]


def test_the_posts_organisation_is_not_read_as_the_persons_name():
    # test9 (AL-technology-210): الرئيس التنفيذي resolved to 'لشركة آبل أكبر', read after the
    # same title in the narration
    text = ("يريد #تيم_كوك، الرئيس التنفيذي لشركة #آبل أكبر شركة في العالم من حيث القيمة السوقية أن ينهي "
            "أي إشاعات، حيث قال كوك إنه لا يعتقد أن المستخدمين يريدون دمج نظامي التشغيل. "
            "وكشف الرئيس التنفيذي أنه لا يزال يستخدم جهاز ماك للعمل في مكاتب آبل.")
    assert not any(name.startswith("ل") for name in _canonical(text))


@pytest.mark.parametrize("text, organisation", [
    # test10 (CN-technology-47): the American company is Microsoft, named just before
    ('ستشتري شركة "مايكروسوفت" طاقة شمسية من أسطح مباني سنغافورة. إذ أعلنت الشركة الامريكية مؤخراً '
     'عن اتفاقية مع الشركة السنغافورية "Sunseap" لشراء الطاقة.', "مايكروسوفت"),
    # corpus (ANT 8960): the English paper is the one quoted before, whatever its name's words
    ('ذكرت صحيفة ليفربول إيكو أن اللاعب جاهز. وأضافت الصحيفة الإنجليزية أن الظهير '
     'الأيسر بات جاهزا أيضا.', "ليفربول إيكو"),
    # corpus (ANT 1900): a nationality of two words
    ('كشفت شركة سامسونغ عن هاتفين جديدين. وقالت الشركة الكورية الجنوبية إن الكاميرا صممت '
     'بعدسات مزدوجة.', "سامسونغ"),
])
def test_an_organisation_a_country_has_many_of_with_its_nationality_is_the_one_named(text, organisation):
    assert organisation in _canonical(text)[-1]


def test_a_government_with_its_nationality_still_names_itself():
    text = ("قالت شركة أرامكو إن الإنتاج سيرتفع. وقالت الحكومة السعودية إن الخطة ستمضي قدما.")
    assert _canonical(text)[-1] == "الحكومة السعودية"


def test_a_longer_post_quoted_first_is_the_person_named_later_with_one_word_of_it():
    # test10 (BB-internationalNews-595): the minister of basic education, then الوزيرة and her name
    text = ("دعت وزيرة التعليم الأساسي في جنوب أفريقيا إلى فتح تحقيق رسمي في ظهور تلميذات. "
            'وقالت الوزيرة أنجي موتشيكا، إنها "شعرت بخيبة أمل كبيرة".')
    assert _canonical(text) == ["أنجي موتشيكا", "أنجي موتشيكا"]


def test_a_post_with_a_nationality_is_not_someone_named_with_the_post_alone():
    # dev (BB-culture-279): the Italian actress is Asia Argento, not the actress Rose McGowan
    text = ("وأقرت الممثلة الإيطالية أنها دفعت لبينيت 380 ألف دولار. "
            "وقالت الممثلة روز ماغوين إن ما حدث لم يكن من العدل.")
    assert _canonical(text)[0] != "روز ماغوين"


def test_a_company_called_a_group_with_its_nationality_is_the_company_named():
    # test10 (FR-economy-12): المجموعة الأمريكية is Apple, named as a company
    text = ('أعلنت شركة "أبل" أنها ستدفع ضرائب بقيمة 38 مليار دولار على الأرباح التي حققتها خارج '
            'الولايات المتحدة. وأوضحت المجموعة الأمريكية "هذا المبلغ هو الأكبر من هذا النوع الذي يدفع حتى الآن".')
    names = _canonical(text)
    assert len(names) == 2 and "أبل" in names[1]


def test_a_name_split_and_spelled_otherwise_at_once_is_one_speaker():
    # the identity benchmark: شي جين بينج (4 statements) apart from شي جينبينغ (39)
    from articles.statements import _name_match
    from articles.quotes.speakers import SKELETON

    assert _name_match("شي جينبينغ", "شي جين بينج") >= SKELETON
    assert _name_match("عبد الفتاح السيسي", "عبدالفتاح السيسي") >= SKELETON
    assert _name_match("محمد بن سلمان", "محمد سلمان") < SKELETON


def test_the_name_after_an_aides_post_is_the_one_whose_post_follows():
    # corpus (CN-internationalNews-643/645/646): 'نائب الرئيس الأمريكي دونالد ترامب' put
    # Pence's words on Trump's page; the article calls Trump الرئيس الأمريكي elsewhere
    text = ("وقال الرئيس الأمريكي، دونالد ترامب، إن الاقتصاد قوي. وقال نائب الرئيس الأمريكي دونالد ترامب "
            "إن الإدارة موحدة.")
    spans = extract_statements(text)
    assert [sp.name for sp in resolve_in_article(spans, text)] == [
        "دونالد ترامب", "نائب الرئيس الأمريكي دونالد ترامب"]
    # the deputy named after the post is the deputy
    text = "وقال نائب الرئيس الأمريكي مايك بنس إن الإدارة موحدة. وأضاف بنس أن الاقتصاد قوي."
    spans = extract_statements(text)
    assert [sp.name for sp in resolve_in_article(spans, text)] == ["مايك بنس", "مايك بنس"]
    # and so is the president's spokesman, whom no one calls president
    text = "وقال المتحدث باسم الرئيس التركي إبراهيم كالين إن أنقرة لن تتراجع."
    spans = extract_statements(text)
    assert resolve_in_article(spans, text)[0].name == "إبراهيم كالين"


def test_a_title_and_the_surname_with_the_article_is_the_person_named_with_that_title():
    # identity benchmark: 'الرئيس السيسي' and 'رئيس الوزراء العبادي' were pages of their own
    text = ("قال رئيس الوزراء العراقي حيدر العبادي إن الاقتصاد يتحسن. وأكد رئيس الوزراء العبادي أن "
            "الاستثمارات زادت.")
    spans = extract_statements(text)
    assert [sp.name for sp in resolve_in_article(spans, text)] == ["حيدر العبادي", "حيدر العبادي"]
    # not someone of the same surname named with another title, nor an organisation's last word
    text = ("قال الأمير عبد الرحمن المهدي إن الحزب جاهز. وقال رئيس الوزراء السوداني الأسبق الصادق المهدي "
            "إن الظروف لم تتغير. وأضاف نائب المتحدث باسم الأمم المتحدة أن الوضع غير مستقر.")
    spans = extract_statements(text)
    names = [sp.name for sp in resolve_in_article(spans, text)]
    assert names[1] != "عبد الرحمن المهدي" and names[2] != "الأمم المتحدة"


def test_an_organisations_head_with_describing_adjectives_is_the_one_named_before():
    # test13 (BB-culture-25): 'المجلة الفنية الشهيرة' was a page of its own
    text = 'وقالت مجلة "فانيتي فير" إن الصورة معدلة. وأضافت المجلة الفنية الشهيرة أن التعديل خطأ.'
    spans = extract_statements(text)
    assert [sp.name for sp in resolve_in_article(spans, text)] == ["فانيتي فير", "فانيتي فير"]
    # not when no organisation of that head was named
    text = 'وقالت صحيفة "الغارديان" إن الصورة معدلة. وأضافت المجلة الفنية الشهيرة أن التعديل خطأ.'
    spans = extract_statements(text)
    assert resolve_in_article(spans, text)[1].name == "المجلة الفنية الشهيرة"


@pytest.mark.parametrize("text", [
    # corpus (AL-technology-266, AL-technology-364): the platform named before, described again
    'أعلنت منصة "فيسبوك" أنها ستغير سياستها. وأوضحت منصة التواصل الاجتماعي أنها علمت بالخرق منذ عامين.',
    'أعلنت منصة "فيسبوك" أنها ستغير سياستها. وأوضحت المنصة أنها علمت بالخرق منذ عامين.',
])
def test_a_platform_described_again_is_the_one_named_before(text):
    spans = extract_statements(text)
    assert [sp.name for sp in resolve_in_article(spans, text)] == ["منصة فيسبوك", "منصة فيسبوك"]


def test_a_post_in_construct_is_the_one_named_with_it_as_a_second_title():
    # test11 (AL-internationalNews-371): ملك البحرين is the king named العاهل البحريني، الملك …
    text = ("قال العاهل البحريني، الملك حمد بن عيسى آل خليفة، الثلاثاء، إن حل أزمة قطر في الرياض. "
            'وقال ملك البحرين خلال استقباله وفدا صحافيا "كنا نحث قطر على التوقف عن هذه الممارسات".')
    names = [sp.name for sp in resolve_in_article(extract_statements(text), text)]
    assert names == ["حمد بن عيسى", "حمد بن عيسى"]


def test_a_word_inside_a_post_is_no_post_of_its_own():
    # corpus (SK-technology-901): قائد فريق البحث is no الفريق
    text = ("وأورد الفريق في دورية للطب النفسي أن التمرينات مرتبطة بتراجع أعراض الاكتئاب. "
            'وأوضح قائد فريق البحث بريت جوردون "الدراسات السابقة أظهرت أن التمرين يحسن الأعراض".')
    names = [sp.name for sp in resolve_in_article(extract_statements(text), text)]
    assert names == ["الفريق", "بريت جوردون"]


def test_the_technical_director_with_a_nationality_is_the_coach_quoted_before():
    # test13 (BB-sport-232): المدير الفني الأرجنتيني after المدير الفني لمنتخب مصر هيكتور كوبر
    text = ("أكد المدير الفني لمنتخب مصر هيكتور كوبر أنه لا يشعر بالغضب من الانتقادات. "
            'وقال المدير الفني الأرجنتيني: "هذه مباراة هامة لأننا نسعى لتحقيق الفوز".')
    names = [sp.name for sp in resolve_in_article(extract_statements(text), text)]
    assert names == ["هيكتور كوبر", "هيكتور كوبر"]


def test_the_nationality_set_off_after_the_clubs_words_is_the_players():
    # test11 (SK-sport-2595): the club's sport, then his nationality and name between commas;
    # البلجيكي later is he
    text = ("أكد مهاجم فريق تشلسي الإنجليزي لكرة القدم، البلجيكي إدين هازارد، أنه يستمتع باللعب. "
            "وأبدى البلجيكي استمتاعه بأسلوب لعب المدرب الجديد.")
    names = [sp.name for sp in resolve_in_article(extract_statements(text), text)]
    assert names == ["إدين هازارد", "إدين هازارد"]


@pytest.mark.parametrize("text, name", [
    # test13 (SK-technology-509, BB-culture-25): an organisation named by its head and a plain
    # name the article also writes alone is the one its head refers back to
    ("طلب مدعون إجبار شركة مايكروسوفت على تغيير نظام التشغيل. وتواجه مايكروسوفت انتقادات. "
     "وأكدت الشركة أن حماية البيانات من أولوياتها.", "شركة مايكروسوفت"),
    ("وتنشر عادة مجلة فانيتي فير كل عام صورة لنجوم هوليود. لكن المجلة الفنية الشهيرة، قالت إن "
     "الصورة تظهر بطانة الفستان. وحاولت فانيتي فير أن تتماشى مع النجمتين.", "مجلة فانيتي فير"),
    # corpus (AL-sport-1105): the nationality after the name is no construct
    ("اعتذر نادي مانشستر سيتي الإنجليزي للمدرب. وكان مانشستر سيتي قد فاز. "
     'وقال النادي: "نعتذر لغوارديولا ولاعبيه ولكل من تعرض لهذا الموقف".', "نادي مانشستر سيتي"),
])
def test_the_head_again_is_the_organisation_named_with_a_plain_name(text, name):
    spans = extract_statements(text)
    assert resolve_in_article(spans, text)[-1].name == name


@pytest.mark.parametrize("text", [
    # corpus (CN-middleEast-683, BB-middleEast-920): a construct that goes on, or an adjective,
    # is no plain name
    "أعلنت منظمة حظر الأسلحة الكيماوية أن فريقها زار دوما. وتعمل اتفاقية حظر الأسلحة منذ عقود. "
    "وقالت المنظمة إن العينات ستحلل.",
    "تبنت جماعة موالية للحكومة الهجوم. وتقاتل قوات موالية في المنطقة. وقالت الجماعة إن العملية نجحت.",
])
def test_a_construct_or_an_adjective_after_the_head_is_no_plain_name(text):
    spans = extract_statements(text)
    assert resolve_in_article(spans, text)[-1].name not in ("منظمة حظر", "جماعة موالية")


def test_a_speaker_that_is_only_a_tatweel_dash_resolves_to_its_mention():
    # round 14 hostile test: 'ـ' as the name normalized to nothing and crashed the epithet reader
    text = "أكد المدير الفني ـ أنه جاهز. وقال المدير الفني الأرجنتيني إن الفريق جاهز."
    assert [sp.name for sp in resolve_in_article(extract_statements(text), text)][0] == "المدير الفني"


@pytest.mark.parametrize("first, expected", [
    # corpus (CN-technology-156, SK-technology-424): the company quoted by its name alone,
    # which the article calls a company (here only after the bare الشركة)
    ("وقالت فيسبوك إن الهجوم استغل ثغرة في الشفرة.", "فيسبوك"),
    # (the outlet that carried it is no company)
    ("وقالت فيسبوك إن الهجوم استغل ثغرة في الشفرة، بحسب رويترز.", "فيسبوك"),
    # hostile round 15: nor a person, a party or a country quoted by one word, which the
    # article never calls a company
    ("وقال ترامب إن الهجوم استغل ثغرة في الشفرة.", "الشركة"),
    ("وقالت حماس إن الهجوم استغل ثغرة في الشفرة.", "الشركة"),
    ("وقالت ميركل إن الهجوم استغل ثغرة في الشفرة.", "الشركة"),
])
def test_a_bare_company_is_the_one_quoted_last_by_name(first, expected):
    text = first + " وأوضحت الشركة أنها تعمل جاهدة لفهم التفاصيل. وتواجه شركة فيسبوك أزمة ثقة."
    spans = extract_statements(text)
    assert resolve_in_article(spans, text)[1].name == expected
