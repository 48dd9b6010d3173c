"""Hostile tests of the eleventh round (extractor 2.2: git diff eb1a237..83cf958 -- articles/).

What the round added (docs/statements.md, "An eleventh round"): after an object verb a noun
with the subject's own pronoun is the object (extract.py: _the_subjects_own); a head a
country has many of with its nationality is the organisation named or quoted last with that
head (speakers.py: _national_epithet, _quoted_with_head; national_epithet_heads.txt), a
company also called a group; a longer post quoted first is the one person named later with
one word of it, القومندان / الأدميرال / الميجور open a title; برر reports its ب-phrase or
أن; after لكن an organisation with its country is the subject; a relayed speaker's title
between the name and قوله; a name in apposition closed by كان / قد; a trailing "وفقا لما
نقلته الأناضول" relays the sentence's speaker; مغني / مطرب open a title; a name in
apposition ends at a day or the sentence's end; an epithet finds someone described by a
nationality alone; a modal verb after a name opens what was said; a definite word that
cannot agree with a one-word subject is the object; a company glued with ل to a post
(_owner_glued); a refusal to disclose or comment is no statement (declined_acts.txt); a
bare organisation head quoted before the organisation is that organisation.

Written by a hostile helper against 83cf958 (and run again at 1b75bdf, the other
engineer's next two extractor commits: every result the same). Each test states what an
Arabic reader expects; the strict xfails are defects found ("Now:" in a comment is what
83cf958 gives).
"(regression)" means the round's start, eb1a237, gave the right answer or at least no wrong
person; "(pre-existing)" means eb1a237 was as wrong, but the sentence is squarely what a
rule of this round claims to handle. Sentences marked "corpus" are taken (trimmed) from
/work/shared/corpus/ant-news-2018.jsonl.gz, with the article id; the counts quoted are of
that corpus (31,525 articles), from a full extraction diff eb1a237 → 83cf958 (677 speakers,
436 statements new or moved, 378 gone) and from greps. The tests without xfail pass on
83cf958 and pin what the round got right.

Fixed after the hostile test, in the same round, and now plain tests (their "Now:" is what
83cf958 gave): both quadratic paths (section 1); the gender rule asked of an organisation's
head only (القادة العرب، المرأة الحامل، العلامة الشيخ, and a vowel mark on the ة); a refusal
with any subject; the refusing subject kept as the last speaker; a speech verb right after a
one-word object; the singer's age, عما إذا, ولي الله سيف، قدم أمس; the day after a name
(اليوم، يوم، مساء، an adverb); a nationality without the article is no name (أمني يمني);
counterparts and colleagues (نظيره، زميله، خصمه, نفسه); the nisba after a quoted paper's name
(صحيفة "آس" الإسبانية is no Italian paper).

Searched without finding a defect: crashes or spans off their text on about 500,000 random
strings of the round's trigger words mixed with control characters, zero-width marks, RLM,
NBSP, tatweel, diacritics and Latin; the refusal rule under tatweel / ZWNJ; super-linear time
for every new rule except the two in section 1.
"""

import pytest

from articles.quotes.extract import extract_statements
from tests.extraction_probes import (
    assert_grows_linearly,
    assert_offsets_hold,
    by_verb,
    extract_seconds,
    resolve_seconds,
    resolved_names,
    text_resolve_seconds,
)

KNOWN = "known, found in the eleventh round's hostile test"


# =======================================================================================
# 1. Time: two of the round's rules were quadratic on long inputs (fixed).
# =======================================================================================

NATIONALITIES = (
    "الأمريكية", "الفرنسية", "البريطانية", "الألمانية", "الإيطالية", "الإسبانية", "الروسية",
    "الصينية", "اليابانية", "الهندية", "التركية", "الإيرانية", "المصرية", "السعودية",
    "الإماراتية", "القطرية", "الكويتية", "الأردنية", "اللبنانية", "السورية", "العراقية",
    "المغربية", "الجزائرية", "التونسية", "الليبية", "السودانية", "الكندية", "البرازيلية",
    "الأرجنتينية", "المكسيكية", "الأسترالية", "السويدية", "النرويجية", "الهولندية",
    "البلجيكية", "السويسرية", "النمساوية", "اليونانية", "البولندية", "الأوكرانية",
)
EPITHET_HEADS = ("الشركة", "الصحيفة", "المجلة", "القناة", "الشبكة", "المجموعة", "المؤسسة", "الموقع")
EPITHET_ADJECTIVES = ("العملاقة", "الكبرى", "الشهيرة", "الناشئة", "الرائدة", "الخاصة")


def _press_digest(size):
    """A long digest of statements by papers and companies named only by head, nationality
    and one adjective (وقالت الصحيفة الفرنسية الشهيرة …), never by name."""
    out, length, i = [], 0, 0
    while length < size:
        head = EPITHET_HEADS[i % len(EPITHET_HEADS)]
        nationality = NATIONALITIES[(i // len(EPITHET_HEADS)) % len(NATIONALITIES)]
        adjective = EPITHET_ADJECTIVES[(i // 320) % len(EPITHET_ADJECTIVES)]
        sentence = f"وقالت {head} {nationality} {adjective} إن الأرباح زادت هذا العام. "
        out.append(sentence)
        length += len(sentence)
        i += 1
    return "".join(out)


def test_bare_national_epithets_resolve_in_linear_time():
    # (regression) resolve_in_article keeps every new bare organisation (bare_organisations,
    # one per distinct national epithet) and, at the end, for each one rebuilds a dict over
    # *every* resolved speaker, normalizing each name (normalize_arabic(sp.name).split()):
    # O(distinct epithets × statements). Measured: 25 kB 0.69 s, 100 kB 9.4 s, 200 kB 34 s
    # (eb1a237: 0.05 / 0.2 / 0.48 s).
    assert_grows_linearly(lambda size: text_resolve_seconds(_press_digest(size)), 20_000, 80_000)


def test_a_post_glued_to_its_company_extracts_in_linear_time():
    # (regression) _owner_glued runs a regular expression over the whole article for every
    # title whose name has three words and a first word in ل (لتويتر جاك دورسي); when the
    # company is never written alone the search reads the whole text each time: O(n²).
    # Measured: 25 kB 0.18 s, 100 kB 2.9 s, 200 kB 12.3 s (eb1a237: 0.42 s at 200 kB);
    # with a different company each time 200 kB takes 22.6 s (eb1a237: 0.75 s).
    unit = "وقال الرئيس التنفيذي لتويتر جاك دورسي إن الشركة تؤمن بأهمية الإعلان. "
    assert_grows_linearly(lambda size: extract_seconds(unit, size), 25_000, 100_000)


@pytest.mark.parametrize("unit", [
    "وقالت الوزيرة إن الحكومة باقية. وأبدت أسفها لكون تركيا عاملت القس بشكل ظالم. ",
    "وأشار أردوغان إلى أن الحكومة تسير بحزم في طريقها، داعيا الأتراك إلى الصمود، وفقا لما نقلته الأناضول. ",
    "حسب ما أعلن وزير الاقتصاد التركي، نهاد زيبكجي الأربعاء. ",
    'ونقلت رويترز عن عمانوئيل نحشون، المتحدث باسم الخارجية الإسرائيلية قوله "يعتزم الرئيس المجيء". ',
    "قال الوزير إن الخطة جاهزة. لكن وزارة الخارجية في باراغواي قالت إنه لم يتخذ القرار. ",
    "ورفضت الشركة الكشف عن الموعد، إلا أنها أوضحت أن ما حدث ليس خرقا. ",
    "وحثت الشرطة المواطنين على عدم إطلاق تخمينات. واعتبر البيان الحادثة رفضا للسلام. ",
    'قال ماكرون يجب "علينا ألا نبدو ضعفاء". وبرر الوزير القرار بأن الميزانية لا تسمح. ',
])
def test_guard_the_rounds_extraction_rules_run_in_linear_time(unit):
    # Measured on 83cf958: 100 kB 0.12-0.34 s, 400 kB 0.55-1.3 s.
    assert_grows_linearly(lambda size: extract_seconds(unit, size), 100_000, 400_000)


@pytest.mark.parametrize("unit", [
    'أعلنت شركة "مايكروسوفت" أرباحا. وقالت الشركة الأمريكية إن الأرباح زادت. ',
    "دعت وزيرة التعليم الأساسي إلى تحقيق. وقالت الوزيرة أنجي موتشيكا، إنها شعرت بخيبة أمل. ",
    "أصدرت منظمة هيومن رايتس ووتش تقريرا. ودعت المنظمة الحكومة إلى الحوار. قالت منظمة هيومن رايتس ووتش إن الوضع خطير. ",
    "كشف الصربي رادي، مدرب نادي التضامن، أنه تفاجأ. وقال المدرب الصربي إنه سعيد. ",
])
def test_guard_the_rounds_resolution_rules_run_in_linear_time(unit):
    # Measured on 83cf958: 100 kB 0.03-0.09 s, 400 kB 0.17-0.31 s (800 kB: 0.42-0.54 s).
    assert_grows_linearly(lambda size: resolve_seconds(unit, size), 100_000, 400_000)


# =======================================================================================
# 2. After an object verb, a noun with the subject's own pronoun is the object
#    (_the_subjects_own). The rule takes any noun in ه / ها for "his/her own", so the people
#    one is said of by a possessive (his counterpart, his rivals, himself) vanish and the
#    statement goes to whoever was quoted last.
# =======================================================================================

@pytest.mark.parametrize("text, verb, not_them, them", [
    # corpus BB-middleEast-1010-20180929: the Qatari minister answering the Saudi one. Now:
    # 'عادل الجبير' (eb1a237: 'نظيره القطري'). In the corpus diff 4 statements (3 articles)
    # moved from the counterpart to the minister he answers, none the other way.
    ("لكن وزير الخارجية السعودي عادل الجبير قال خلال كلمته أمام الأمم المتحدة، إن ممارسات قطر "
     "جعلت مقاطعتها خيارا لا مفر منه. وفي المقابل أكد نظيره القطري أن مصداقية التحالف الأمني "
     "الإقليمي المقترح في خطر ما لم يتم حل النزاع.", "أكد", "عادل الجبير", "نظيره القطري"),
    # corpus FR-internationalNews-262-20180305. Now: 'جان إيف لودريان'.
    ("وقال وزير الخارجية الفرنسي جان إيف لودريان إن باريس تريد الحفاظ على الاتفاق. وفي المقابل ندد "
     'نظيره الإيراني محمد جواد ظريف في مقابلة مع صحيفة "اعتماد" بـ"التطرف" الذي تبديه دول الاتحاد '
     "الأوروبي.", "ندد", "جان إيف لودريان", "محمد جواد ظريف"),
    ("وقال وزير الخارجية الأمريكي مايك بومبيو إن المحادثات كانت بناءة. وأكد نظيره الروسي سيرغي "
     "لافروف أن موسكو لن تتراجع عن موقفها.", "وأكد", "مايك بومبيو", "سيرغي لافروف"),
    ("وقالت رئيسة الوزراء البريطانية تيريزا ماي إن المحادثات كانت بناءة. وأكدت نظيرتها الألمانية "
     "أنغيلا ميركل أن برلين تدعم الاتفاق.", "وأكدت", "تيريزا ماي", "أنغيلا ميركل"),
])
def test_a_counterpart_is_not_the_one_he_is_the_counterpart_of(text, verb, not_them, them):
    # (regression) نظيره is "his counterpart", the subject; the rule reads it as the object
    # and the statement goes to the minister he answers.
    span, speaker = by_verb(text, verb)
    assert speaker.name != not_them, (span.speaker, speaker)
    assert them.split()[0] in span.speaker, span


@pytest.mark.parametrize("text, verb, not_them", [
    # corpus SK-internationalNews-1604-20180516 (also SK-economy-1294, SK-internationalNews-2570,
    # BB-economy-276: "الذي يصف نفسه بأنه"; of 5 such statements the diff changes, 4 went to
    # someone else, one to Erdogan because he happened to be quoted last)
    ('وقال مرشح حزب الشعب الجمهوري محرم إنجه إن الرئيس أردوغان تهيمن عليه "هواجس أيديولوجية". '
     'ويسعى أردوغان الذي يصف نفسه بأنه "عدو أسعار الفائدة" إلى خفض تكاليف الاقتراض.',
     "يصف", "محرم إنجه"),
    # corpus BB-economy-276-20181013: Now: 'الدولي' resolved to a junk 'لعام'
    ('وقال وزير المالية إن بلاده ستنضم قريبا. ولكي تصبح أي دولة عضوا في البنك الدولي، الذي يصف '
     'نفسه بأنه "واحد من أكبر مصادر التمويل في العالم"، عليها أن تنضم أولا إلى صندوق النقد الدولي.',
     "يصف", "وزير المالية"),
])
def test_himself_is_no_noun_of_his_own(text, verb, not_them):
    # (regression) نفسه is the reflexive ("describes himself"), never a thing he showed: the
    # subject is the relative's antecedent. eb1a237: 'ويسعى أردوغان' (junk, but no one
    # else), 'البنك الدولي' (right).
    span, speaker = by_verb(text, verb)
    assert speaker is not None and speaker.name != not_them, (span.speaker, speaker)
    assert span.speaker != "الدولي", span


@pytest.mark.parametrize("text, verb, them", [
    # corpus FR-internationalNews-1429-20180525 and FR-internationalNews-1519-20180530: "whom his
    # opponents accuse of". Now: the accused himself, 'خليفة حفتر' (in the corpus articles
    # 'مسؤولا ليبيا' / 'حزب النهضة الإسلامي', whoever was quoted last); eb1a237: 'خصومه'.
    ("وقال المشير خليفة حفتر إن الجيش جاهز لدخول درنة. وتخضع بنغازي لسيطرة الجيش الوطني الليبي "
     "بقيادة حفتر، الذي يتهمه خصومه بأنه يرغب في إقامة نظام عسكري جديد في ليبيا.", "يتهمه", "خصومه"),
    # Now: the one before ('الوزير' …); eb1a237: the rival, the colleague, the compatriot.
    ("وقال الوزير إن الحكومة باقية. وانتقد خصمه الحكومة بشدة.", "وانتقد", "خصمه"),
    ("وقال المرشح الجمهوري إن الحملة ناجحة. واتهم منافسه الديمقراطي الحكومة بالفشل.", "واتهم", "منافسه"),
    ("وقال الرئيس الجديد إن المحادثات كانت بناءة. وانتقد سلفه السياسات الاقتصادية للحكومة.", "وانتقد", "سلفه"),
    ("وقال ميسي إن الفريق جاهز. وأكد زميله الأوروغواياني لويس سواريز أن المباراة صعبة.", "وأكد", "زميله"),
    ("وقال صلاح إن الفريق جاهز. وأكد مواطنه النني أن المباراة صعبة.", "وأكد", "مواطنه"),
])
def test_a_rival_or_colleague_of_his_is_not_he(text, verb, them):
    # (regression) خصومه، منافسه، سلفه، زميله، مواطنه: people named by their relation to the one
    # before, the subject of the verb; not in RELATION_TITLES, so read as his own object.
    span, _ = by_verb(text, verb)
    assert span.speaker.startswith(them), span


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text, verb, name", [
    # corpus AL-sport-192-20180222: Rummenigge, then his title. Now: 'رئيس نادي هانوفر', quoted
    # before, with content 'رومينيغه الرئيس التنفيذي لبايرن …' (eb1a237: 'رومينيغه الرئيس').
    ("وقال رئيس نادي هانوفر مارتن كيند إن القاعدة يجب أن تبقى. فيما طالب رومينيغه الرئيس التنفيذي "
     "لبايرن ميونيخ أندية الدوري الألماني بضرورة إنهاء هذه القاعدة.", "طالب", "رومينيغه"),
    ("وقال المدرب إن الفريق جاهز. وانتقد رومينيغه الاتحاد الألماني بشدة.", "وانتقد", "رومينيغه"),
    # Now: 'ميسي', content 'عبده الحكومة بشدة'; eb1a237: 'عبده'.
    ("وقال ميسي إن الفريق جاهز. وانتقد عبده الحكومة بشدة.", "وانتقد", "عبده"),
])
def test_a_one_word_name_in_h_is_the_subject(text, verb, name):
    # (regression) names that end in ه (Rummenigge, Abdu) are read as "his own" noun when a
    # definite word follows (the rule's name exception wants another name next: إينجه أردوغان).
    span, _ = by_verb(text, verb)
    assert span.speaker.startswith(name), span


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_a_name_in_h_does_not_take_the_object_into_it():
    # (pre-existing) the round's own example keeps both people in one name: İnce described
    # Erdogan. Now: speaker 'إينجه أردوغان'.
    [span] = extract_statements('ووصف إينجه أردوغان بأنه "رجل مرهق عاجز عن مساعدة تركيا".')
    assert span.speaker == "إينجه", span


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_renewing_ones_rejection_of_anything_is_his():
    # (pre-existing) "وجدد رفضه أي تدخل": the round's وجدد دعمه with رفضه ("his rejection"),
    # which is also the verb رفض with an object pronoun, so it is read as the speaker.
    # Now: 'رفضه' (with لـ after it, رفضه للتدخل, the round gets it right).
    span, speaker = by_verb("وقال الوزير إن الحكومة باقية. وجدد رفضه أي تدخل أجنبي في شؤون البلاد.", "وجدد")
    assert speaker.name == "الوزير", span


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text, verb, them", [
    # corpus SK-internationalNews-2077-20180611: the subject is written before the verb.
    # Now: 'وكالة يونهاب الكورية الجنوبية' (eb1a237: junk 'موقفها الرافض').
    ("وذكرت وكالة يونهاب الكورية الجنوبية أن واشنطن اقترحت جدولا زمنيا لنزع السلاح. غير أن كوريا "
     'الشمالية أبدت موقفها الرافض، واصفة الاقتراح الأميركي بأنه "طريقة تطبق على دولة مهزومة".',
     "واصفة", "كوريا الشمالية"),
    # corpus FR-internationalNews-1961-20180622. Now: 'مصادر متطابقة' (alone: 'معارضتها').
    ("وقالت مصادر متطابقة إن الاجتماع سيحدد آليات خروج اليونان من برامج المساعدة. وكانت ألمانيا "
     "وبعض دول شمال أوروبا قد أبدت معارضتها وطالبت لقاء دعمها بمتابعة أوضاع اليونان عن كثب.",
     "وطالبت", "ألمانيا وبعض دول شمال أوروبا"),
    # corpus BB-internationalNews-802-20180714: the sentence's own subject, not quoted before.
    # Now: 'نائب وزير العدل الأمريكي'.
    ("وقال نائب وزير العدل الأمريكي إن لائحة الاتهام شملت 12 ضابطا روسيا. ويجري ترامب حاليا زيارة "
     'إلى المملكة المتحدة، حيث جدد رفضه للتحقيق في مزاعم تدخل روسيا ووصفه بأنه "مطاردة الساحرات".',
     "ووصفه", "ترامب"),
])
def test_the_subject_written_before_the_verb_keeps_its_own_noun(text, verb, them):
    # (pre-existing wrong, now a wrong person) the round says "the subject is the one
    # before": with the subject written just before the verb, the rule still inherits the
    # last speaker of the same gender.
    span, speaker = by_verb(text, verb)
    assert speaker is not None and speaker.name == them, (span.speaker, speaker)


@pytest.mark.parametrize("text, verb, speaker", [
    ('وقالت المتحدثة باسم البيت الأبيض ساره ساندرز إن الرسوم مؤسفة. وأبدت أسفها لكون تركيا عاملت '
     'القس برانسون في شكل "ظالم جدا".', "وأبدت", "ساره ساندرز"),
    ("وقال الوزير إن الحكومة باقية. وجدد رفضه للتدخل الأجنبي في شؤون البلاد.", "وجدد", "الوزير"),
    ("وقال الوزير إن الحكومة باقية. وأبدى استعداده للقاء المعارضة في أي وقت.", "وأبدى", "الوزير"),
    ("وقالت الوزيرة إن البلاد بخير. وأكدت معاليها أن الحكومة تدعم الحوار.", "وأكدت", "الوزيرة"),
    ("قالت الحكومة إن الخطة جاهزة. وأعلنت وزارة الخارجية والتعاون الدولي الإماراتية رفضها لأي تدخل. "
     "وأكدت تأييدها المطلق لما تتخذه المملكة، مؤكدة تضامنها مع الرياض.", "مؤكدة",
     "وزارة الخارجية والتعاون الدولي الإماراتية"),
])
def test_guard_the_subjects_own_noun_is_the_object(text, verb, speaker):
    _, found = by_verb(text, verb)
    assert found.name == speaker, found


@pytest.mark.parametrize("text, verb, speaker", [
    ("وقال ترامب إن البلاد بخير. وأكد محاميه رودي جولياني أن الرئيس لم يرتكب أي خطأ.", "وأكد", "محاميه رودي جولياني"),
    ("وقال ترامب إن البلاد بخير. وأكد متحدث باسمه أن الرئيس لم يرتكب أي خطأ.", "وأكد", "متحدث باسمه"),
    ("وقال المدرب إن الفريق جاهز. وأبدى مدربه أوسكار تاباريز قلقه من الإصابة.", "وأبدى", "مدربه أوسكار تاباريز"),
    ("وقال رئيس الوزراء البريطاني إن المفاوضات صعبة. وحذر بارنييه الحكومة البريطانية من إضاعة الوقت.",
     "وحذر", "بارنييه"),
])
def test_guard_his_lawyer_or_spokesman_still_speaks(text, verb, speaker):
    span, _ = by_verb(text, verb)
    assert span.speaker == speaker, span


# =======================================================================================
# 3. A head a country has many of, with its nationality (الصحيفة الإسبانية).
# =======================================================================================

def test_the_italian_paper_is_not_the_spanish_one_quoted_after_it():
    # (regression) corpus SK-sport-2380-20180802. آس is written 'صحيفة "آس" الإسبانية': the
    # nisba after the quoted name is not part of the organisation's name, so
    # _nationality_allows sees no nationality and the Spanish paper passes for the Italian
    # one. Now: 'آس' (eb1a237: 'الصحيفة الإيطالية').
    text = ('نشرت صحيفة "غازيتا ديلو سبورت" الإيطالية تقارير تشير إلى رغبة إنتر ميلانو في ضم لوكا '
            'مودريتش. لكن ريال مدريد رد برسالة قوية من رئيسه فلورينتينو بيريز نقلتها صحيفة "آس" '
            'الإسبانية. وقال بيريز: "مودريتش لن يغادر ريال مدريد". وحسب الصحيفة الإيطالية، فإن '
            "زوجة مودريتش هي التي تدفعه إلى مغادرة إسبانيا.")
    _, speaker = by_verb(text, "وحسب")
    assert speaker.name != "آس", speaker


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_qatari_network_is_the_one_named_qatari():
    # (regression) corpus FR-sport-131-20180603. The Qatari network is beIN, named with
    # القطرية; the round tries its own head first and takes شبكة "دو" (du, the Emirati
    # operator) named in between. Now: 'دو' (eb1a237: 'الشبكة القطرية').
    text = ('صرحت مجموعة "بي إن سبورتس" القطرية بأنها لم تتوصل إلى اتفاق مع شبكة "دو" التي تبث '
            'قنواتها في الإمارات. وكانت الشبكة القطرية قد أعلنت مؤخرا عن قرصنة بثها في المنطقة.')
    _, speaker = by_verb(text, "أعلنت")
    assert speaker.name != "دو", speaker


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_korean_company_is_not_the_american_company_named_with_its_head():
    # (regression) corpus SK-technology-69-20180225. Samsung is written bare ("سامسونغ"),
    # Apple with شركة, so the Korean company becomes Apple. Now: 'أبل'
    # (eb1a237: 'الشركة الكورية الجنوبية').
    text = ('بحسب تقرير لـ"فاينينشال تايمز"، لن تطرح شركة "أبل" أياً من هواتفها في المؤتمر العالمي '
            'للجوال، الأمر الذي يفتح المجال أمام الشركات المنافسة لاستعراض منتجاتها الحديثة وخصوصاً '
            '"سامسونغ" التي ستطلق "غالاكسي إس 9".\nوبالرغم من التعتيم على القدرات التي سيتميز بها هاتف '
            '"سامسونغ" الجديد، إلا أن الشركة الكورية الجنوبية وعدت بثورة في مجال كاميرات الهواتف مع '
            'منتجها الجديد، وهو ما اعتبره محللون تقنيون إشارة إلى أن "غالاكسي" الجديد سيقدم مزايا قوية.')
    _, speaker = by_verb(text, "وعدت")
    assert speaker.name != "أبل", speaker


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_a_french_paper_is_not_the_london_one_of_the_press_review():
    # (regression) corpus FR-internationalNews-2197-20180706: a press review heads each paper
    # with its bare name (لوفيغارو); the French paper becomes the one named before with
    # صحيفة, whose اللندنية is no nationality to _nationality_allows. Now: 'صحيفة الحياة
    # اللندنية'. (Also seen: الصحيفة السورية → 'صحيفة العرب التي', FR-internationalNews-2044.)
    text = ("وننتقل إلى صحيفة الحياة اللندنية التي نقلت قلق عدد من الأطراف السياسية العراقية.\n"
            "لوفيغارو\n"
            'كتبت الصحيفة الفرنسية تحت عنوان "ماكرون يؤجل الملفات المزعجة" أن الحكومة أرجأت خطة '
            "لمساعدة الفقراء.")
    _, speaker = by_verb(text, "كتبت")
    assert "الحياة" not in speaker.name, speaker


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_a_local_paper_is_no_name_for_the_spanish_paper():
    # (regression) corpus SK-sport-720-20180415: "وفق ما ذكرت صحيفة محلية" (a local paper)
    # is taken as the name of the Spanish paper, quoted next as "ماركا". Now: 'صحيفة محلية'.
    text = ('دخل قائد ريال مدريد سيرخيو راموس قائمة أكثر عشرة لاعبين مشاركة في تاريخ النادي، وفق ما '
            'ذكرت صحيفة محلية الأحد. وقالت "ماركا" إن راموس عاد السبت ليلعب أمام ملقا. وعقدت الصحيفة '
            "الإسبانية مقارنة بين اللاعبين، فتقول إن غوتي حصد هذا الرقم في 15 موسما.")
    _, speaker = by_verb(text, "فتقول")
    assert speaker.name != "صحيفة محلية", speaker


@pytest.mark.parametrize("text, verb, organisation", [
    ('ستشتري شركة "مايكروسوفت" طاقة شمسية من أسطح مباني سنغافورة. إذ أعلنت الشركة الامريكية مؤخراً '
     'عن اتفاقية مع الشركة السنغافورية "Sunseap" لشراء الطاقة.', "أعلنت", "مايكروسوفت"),
    ('أعلنت شركة "أبل" أنها ستدفع ضرائب بقيمة 38 مليار دولار. وأوضحت المجموعة الأمريكية "هذا المبلغ '
     'هو الأكبر من هذا النوع".', "وأوضحت", "أبل"),
    ("ذكرت صحيفة ديلي ميل البريطانية أن اللاعب سيرحل. وقالت صحيفة ماركا الإسبانية إن النادي رفض "
     "العرض. وأضافت الصحيفة البريطانية أن الصفقة ستتم الأسبوع المقبل.", "وأضافت", "ديلي ميل"),
    ("قالت شركة أرامكو إن الإنتاج سيرتفع. وقالت الحكومة السعودية إن الخطة ستمضي قدما.", "وقالت",
     "الحكومة السعودية"),
])
def test_guard_national_epithets_the_round_resolves(text, verb, organisation):
    _, speaker = by_verb(text, verb)
    assert organisation in speaker.name, speaker


# =======================================================================================
# 4. A longer post quoted first is the one named later with one word of it; new ranks.
# =======================================================================================

@pytest.mark.parametrize("text", [
    "وقال الميجور جنرال آصف غفور المتحدث باسم الجيش إن الجنرال المتقاعد استدعي للتحقيق.",
    "وقال المتحدث باسم الجيش، الميجور جنرال آصف غفور، إن الجنرال المتقاعد استدعي للتحقيق.",
    'ونقلت وكالة إنترفاكس عن الميجور جنرال يوري يفتوشينكو، رئيس المركز الروسي للمصالحة قوله "وقع '
    'اليوم حدث مهم في تاريخ سوريا".',
])
def test_major_general_is_one_rank_not_a_first_name(text):
    # (new with the round's الميجور) "الميجور جنرال" (18 in the corpus) opens the title with
    # الميجور alone: جنرال becomes the first name. Now: 'جنرال آصف غفور', 'جنرال يوري
    # يفتوشينكو' (eb1a237: 'الميجور' / the agency, no name either).
    [span] = extract_statements(text)
    assert not span.speaker_name.startswith("جنرال"), span


@pytest.mark.parametrize("text, name", [
    ("وقال الأميرال علي شمخاني إن إيران لن تتفاوض على برنامجها الصاروخي.", "علي شمخاني"),
    ("وقال الميجر جنرال فلاديمير زولوتوخين إن الممر الإنساني يعمل.", "فلاديمير زولوتوخين"),
    ("وقال اللفتنانت جنرال بول فانك إن التحالف سيواصل عملياته.", "بول فانك"),
    ("وأوضح المتحدث باسم الجيش الليفتنانت كولونيل جوناثان كونريكوس أن الجيش رد على إطلاق الصواريخ.",
     "جوناثان كونريكوس"),
])
def test_the_other_spellings_of_the_new_ranks_open_a_title(text, name):
    # (pre-existing) الأدميرال and الميجور were added, not their other spellings and compounds
    # as outlets write them (corpus: "الأميرال" 17 times, a few of them ships; الميجر جنرال;
    # اللفتنانت / الليفتنانت جنرال or كولونيل, البريغادير جنرال, نائب الأدميرال: 38). Now: the
    # rank alone.
    [span] = extract_statements(text)
    assert span.speaker_name == name, span


@pytest.mark.parametrize("text, verb, junk", [
    # corpus AL-internationalNews-1853-20180706 (also CN-middleEast-1335 'حكومي سوري',
    # CN-internationalNews-631 'تنفيذي فيدرالي'). "مسؤول أمني يمني" is read as the post مسؤول
    # and the name 'أمني يمني' (pre-existing); the round's one-word post then gives the later
    # "المسؤول الأمني" that junk name. Now: 'أمني يمني' (eb1a237: 'المسؤول الأمني').
    ("وقال مسؤول أمني يمني لوكالة فرانس برس إن الطائرة استهدفت الآلية أثناء مرورها على طريق فرعي. "
     "ورجح المسؤول الأمني أن يكون المسلحون من عناصر تنظيم القاعدة.", "ورجح", "أمني يمني"),
    # corpus BB-middleEast-118-20180228. Now: 'جنائية بريطانية ظروف'.
    ('وصفت طبيبة جنائية بريطانية ظروف العمل في موقع بناء الملعب بأنها "غير آمنة بالفعل". '
     "وتوصلت الطبيبة الجنائية إلى أن أسباب الوفاة ناتجة عن إصابات عديدة.", "وتوصلت",
     "جنائية بريطانية ظروف"),
])
def test_a_one_word_post_does_not_hand_a_junk_name_on(text, verb, junk):
    _, speaker = by_verb(text, verb)
    assert speaker.name != junk, speaker


@pytest.mark.parametrize("text, verb, name", [
    ("دعت وزيرة التعليم الأساسي في جنوب أفريقيا إلى فتح تحقيق رسمي. وقالت الوزيرة أنجي موتشيكا، "
     'إنها "شعرت بخيبة أمل كبيرة".', "دعت", "أنجي موتشيكا"),
    ('وقال القومندان بول داهلين المتحدث باسم الحرس الوطني "نؤكد أن الطائرة كان على متنها تسعة '
     'أشخاص".', "وقال", "بول داهلين"),
    ("وقال الأدميرال المتقاعد جيمس ستافريديس إن الحلف قوي.", "وقال", "جيمس ستافريديس"),
    ("وقال نائب الأدميرال جون ميلر إن الحلف قوي.", "وقال", "جون ميلر"),
    ("متحدثا إلى الصحفيين، قال الميجور روسلان نيغماتولين إن ضباط الجيش الروسي يعملون مع السلطات.",
     "قال", "روسلان نيغماتولين"),
    # a nationality keeps the actress apart from another actress named later
    ("وأقرت الممثلة الإيطالية أنها دفعت لبينيت 380 ألف دولار. وقالت الممثلة روز ماغوين إن ما حدث "
     "لم يكن من العدل.", "وأقرت", "الممثلة الإيطالية"),
])
def test_guard_posts_and_ranks_the_round_resolves(text, verb, name):
    _, speaker = by_verb(text, verb)
    assert speaker.name == name, speaker


# =======================================================================================
# 5. برر, and لكن before an organisation with its country.
# =======================================================================================

@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text, verb, speaker", [
    # corpus AL-sport-2098-20180622. Now: 'نيمار البكاء'.
    ('وبرر نيمار البكاء قائلا: "كان البكاء لسعادتي وللتغلب والرغبة في تحقيق الفوز".', "وبرر", "نيمار"),
    # corpus FR-internationalNews-2752 / SK-internationalNews-3056. Now: 'ترامب سحب الترخيص'.
    ("وبرر ترامب سحب الترخيص الأمني من برينان بأن المدير السابق للاستخبارات يتصرف بشكل غير مسؤول.",
     "وبرر", "ترامب"),
    # corpus FR-internationalNews-1315 / FR-middleEast-496. Now: 'إسرائيل ردها'.
    ("وبررت إسرائيل ردها بأن حماس تستخدم المدنيين دروعا بشرية.", "وبررت", "إسرائيل"),
    # corpus BB-internationalNews-1078. Now: 'بولتون قرار الانسحاب'.
    ("وبرر بولتون قرار الانسحاب بأن المحكمة الجنائية الدولية تشكل خطرا على السيادة الأمريكية.",
     "وبرر", "بولتون"),
    # corpus CN-middleEast-710-20180424. Now: 'الرئيس الأمريكي نظرته للاتفاق'.
    # (the statement's verb is the participle)
    ('وبرر الرئيس الأمريكي نظرته للاتفاق الإيراني قائلا: "أينما ذهبنا سنجد إيران خلفنا".', "قائلا",
     "الرئيس الأمريكي"),
])
def test_what_was_justified_is_not_part_of_who_justified_it(text, verb, speaker):
    # (new with the round's برر) برر takes a plain object (what was justified) before its
    # ب-phrase, but the subject reader runs on into it: on the corpus about 30 of برر's 75
    # statements have the object in the speaker ('إسرائيل أفعالها'، 'تركيا إنشاء السد'،
    # 'سلطات إسطنبول منع التظاهرة' …). eb1a237 had no statement here at all.
    span, _ = by_verb(text, verb)
    assert span.speaker == speaker, span


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_a_pronoun_subject_of_barrara_is_not_its_object():
    # (new) corpus AL-internationalNews-1260 / AL-sport-1173 'فعلته', SK-sport-2675 'انسحابه':
    # برر is no OBJECT_VERB, so the subject's own noun (the round's first rule) does not
    # apply and "his deed" is the speaker. Now: 'فعلته'.
    span, speaker = by_verb("قال المتهم إنه بريء. وبرر فعلته بأنه كان يدافع عن نفسه.", "وبرر")
    assert span.speaker != "فعلته" and speaker.name == "المتهم", (span, speaker)


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("adjunct", [
    "في بيان", "في تغريدة", "في المقابل", "في الوقت نفسه", "في وقت لاحق",
])
def test_after_lakin_what_follows_fi_is_not_always_the_organisations_country(adjunct):
    # (new) the round reads any one to three words after في as the organisation's place
    # (لكن وزارة الخارجية في باراغواي قالت), also a channel or a time. Now: 'وزارة الخارجية
    # في بيان', 'وزارة الخارجية في المقابل' … (eb1a237: the statement went to 'الوزير',
    # the speaker before).
    text = f"قال الوزير إن الخطة جاهزة. لكن وزارة الخارجية {adjunct} قالت إنه لم يتم اتخاذ أي قرار."
    span, _ = by_verb(text, "قالت")
    assert span.speaker == "وزارة الخارجية", span


@pytest.mark.parametrize("text, verb, speaker", [
    ('وبرر الممثل الأمريكي للتجارة روبرت لايتزر في بيان، هذه الشكوى بأن "الرسوم الجمركية '
     'الأمريكية مبررة بحسب الاتفاقات الدولية".', "وبرر", "روبرت لايتزر"),
    ("وبرر الوزير القرار بأن الميزانية لا تسمح بزيادة الرواتب.", "وبرر", "الوزير"),
    ("قال الوزير إن الخطة جاهزة. لكن وزارة الخارجية في باراغواي قالت إنه لم يتم اتخاذ هذا القرار.",
     "قالت", "وزارة الخارجية في باراغواي"),
    # corpus BB-internationalNews-104-20180306
    ('وقال جونسون إن بريطانيا في الصدارة. لكن السفارة الروسية في لندن قالت في بيان إن "وسائل '
     'الإعلام يمكن أن تثير انطباعا خاطئا".', "قالت", "السفارة الروسية في لندن"),
])
def test_guard_barrara_and_lakin_as_the_round_reads_them(text, verb, speaker):
    _, found = by_verb(text, verb)
    assert found.name == speaker, found


# =======================================================================================
# 6. A relayed speaker's title before قوله; a name in apposition closed by كان / قد.
# =======================================================================================

def test_whether_she_was_is_no_name():
    # (regression) corpus BB-internationalNews-972-20180815: "عما إذا كانت": كانت closes a
    # "name in apposition" 'عما إذا' after the spokeswoman's title. Now: speaker
    # 'المتحدثة باسم البيت الأبيض، عما إذا', name 'عما إذا'.
    text = ("وعندما سُئلت سارة ساندرز، المتحدثة باسم البيت الأبيض، عما إذا كانت مندهشة من العداوة التي "
            "تبديها نيومان لترامب، قالت إنها تشعر بخيبة الأمل.")
    span, _ = by_verb(text, "قالت")
    assert "عما" not in span.speaker_name, span


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text, name", [
    ("ونقلت وكالة إنترفاكس عن اللواء فلاديمير زولوتوخين، المتحدث باسم المركز الروسي للمصالحة، "
     "قوله إن 700 مدني غادروا الغوطة الشرقية.", "فلاديمير زولوتوخين"),
    # corpus BB-middleEast-630-20180618
    ("لكن وكالة رويترز للأنباء نقلت عن الميجور جوش، المتحدث باسم القيادة المركزية الأمريكية، قوله "
     "إن أعضاء التحالف لم ينفذوا أي غارات قرب البوكمال.", "جوش"),
    # corpus SK-internationalNews-3485-20181014
    ('ونقلت وكالة فارس عن غلام حسين محسني اجئي، المتحدث باسم السلطة القضائية، قوله "تم استدعاء 11 '
     'شخصا وألقي القبض على شخص".', "غلام حسين محسني اجئي"),
    # corpus SK-internationalNews-1140-20180424: a quoted name inside the title
    ('ونقلت الصحيفة عن دوغان أكين، رئيس تحرير موقع "تي 24" التركي، قوله إن مصادر موثوقة أبلغته '
     "بتطورات مهمة.", "دوغان أكين"),
])
def test_a_relayed_speaker_with_a_rank_or_a_long_name_before_the_title(text, name):
    # (pre-existing) the round reads "عن NAME، TITLE قوله" only when the name is read first
    # as a plain name: a rank before it, a name of four words, or a quote in the title leave
    # the statement with the agency. Now: the agency.
    [span] = extract_statements(text)
    assert span.speaker_name == name, span


@pytest.mark.parametrize("text, name", [
    ('ونقلت رويترز عن عمانوئيل نحشون، المتحدث باسم الخارجية الإسرائيلية قوله "يعتزم رئيس باراغواي '
     'المجيء إلى إسرائيل".', "عمانوئيل نحشون"),
    ('ونقلت رويترز عن عمانوئيل نحشون، المتحدث باسم الخارجية الإسرائيلية، قوله "يعتزم رئيس باراغواي '
     'المجيء إلى إسرائيل".', "عمانوئيل نحشون"),
    ("ونقلت وكالة رويترز عن خالد عمر، مدير مكتب إعلام المفوضية، قوله إن ثلاثة موظفين قتلوا.", "خالد عمر"),
    ("وكان رئيس غواتيمالا، جيمي موراليس قد أعلن أن بلاده ستنقل سفارتها إلى القدس.", "جيمي موراليس"),
    ("وكان رئيس غواتيمالا، جيمي موراليس قد قال إن بلاده ستنقل سفارتها إلى القدس.", "جيمي موراليس"),
    ("وكان كبير مستشاري المبعوث الدولي إلى سوريا، يان إيغلاند قد حذر من نزوح مئات الآلاف.", "يان إيغلاند"),
])
def test_guard_relayed_titles_and_kana_qad(text, name):
    [span] = extract_statements(text)
    assert span.speaker_name == name, span


# =======================================================================================
# 7. A trailing "وفقا لما نقلته الأناضول" relays the sentence's speaker (no defect found:
#    of the 128 agency statements gone from the corpus, the 40 read were each the agency's
#    copy of what the sentence's own speaker said).
# =======================================================================================

@pytest.mark.parametrize("text, speakers", [
    ('وأشار أردوغان إلى أن الحكومة التركية تسير بحزم في طريقها، داعيا الأتراك إلى الصمود أمام '
     'الهجمات الاقتصادية، وتصنيفات وكالات الائتمان التي وصفها بـ"المحتالة"، وفقا لما نقلته الأناضول.',
     {"أردوغان"}),
    ("وقالت الوزيرة إن الحكومة تدعم الخطة، وفقا لما نقلته الأناضول عن مصادر في الوزارة.", {"الوزيرة"}),
    ("وقال الرئيس إن الانتخابات ستجرى في موعدها. وأشار الوزير إلى أن الحكومة جاهزة، وفقا لما نقلته "
     "الأناضول.", {"الرئيس", "الوزير"}),
])
def test_guard_a_trailing_agency_relays_the_sentences_speaker(text, speakers):
    assert {s.speaker for s in extract_statements(text)} == speakers


# =======================================================================================
# 8. The round's last rules: مغني، a day after a name, a modal, agreement, a glued company,
#    refusals, a bare organisation head.
# =======================================================================================

def test_the_singers_age_is_not_his_name():
    # (regression) corpus BB-culture-154-20180513: "ونفى مغني الراب، 51 عاما، …" — R. Kelly's
    # age in apposition is read as his name, and "وكان المغني قد نفى" resolves to it too.
    # Now: name '51 عاما' (eb1a237: 'مغني الراب').
    text = ('وكانت حملة بعنوان "#ليصمت آركيلي" قد دعت إلى مقاطعة المغني آر كيلي. ونفى مغني الراب، 51 '
            "عاما، ارتكاب أية أفعال خاطئة. وكان المغني قد نفى أيضا صحة تقارير زعمت احتجازه شابات.")
    names = resolved_names(text)
    assert "51 عاما" not in names, names


@pytest.mark.parametrize("text, name", [
    # corpus CN-economy-456-20181017. Now: no name ('وزير الخارجية الأمريكي').
    ("وقال وزير الخارجية الأمريكي، مايك بومبيو اليوم الأربعاء، أنه يتوقع قرارا قريبا بشأن العقوبات.",
     "مايك بومبيو"),
    # corpus AL-sport-2042-20180619. Now: 'منتخب بيرو'.
    ("أكد مدافع منتخب بيرو، لويس أدفينكولا يوم الثلاثاء أن مباراة منتخب بلاده أمام فرنسا هي الأهم.",
     "لويس أدفينكولا"),
    ("بدأت تركيا باستيراد البطاطس من الأراضي السورية، حسب ما أعلن وزير الاقتصاد التركي، نهاد زيبكجي "
     "مساء الأربعاء.", "نهاد زيبكجي"),
    ("وقال وزير الخارجية، سامح شكري صباح الأحد، إن مصر ترفض القرار.", "سامح شكري"),
    # corpus BB-middleEast-1104-20181015. Now: 'سلمان بن عبد العزيز هاتفيا'.
    ("وقد تحدث العاهل السعودي، الملك سلمان بن عبد العزيز هاتفيا الأحد مع الرئيس التركي رجب طيب "
     "أردوغان. وأكد على علاقات بلاده الوطيدة مع أنقرة.", "سلمان بن عبد العزيز"),
])
def test_a_name_in_apposition_ends_before_the_words_of_the_day(text, name):
    # (new with the round's rule, which stops at the day itself) outlets most often write the
    # day after يوم، اليوم، مساء، صباح or after an adverb; the name is then lost or keeps the
    # adverb. (eb1a237 lost the name in all of these too.)
    span = extract_statements(text)[-1]
    assert span.speaker_name == name, span


def test_a_name_with_its_resignation_before_the_day_is_no_junk_name():
    # (regression) corpus AL-economy-543-20180509: "ولي الله سيف، قدم أمس الثلاثاء استقالته":
    # a comma inside the apposition, then the verb and أمس; the governor's later statement
    # resolves to 'سيف ، قدم'. eb1a237: 'رئيس البنك المركزي الإيراني'.
    text = ("وكان رئيس البنك المركزي الإيراني، ولي الله سيف، قدم أمس الثلاثاء استقالته. وصرح رئيس البنك "
            "المركزي الإيراني بأن الانسحاب الأمريكي لن يؤثر على الاقتصاد.")
    span, speaker = by_verb(text, "وصرح")
    assert "قدم" not in speaker.name and span.speaker_name != "قدم", (span, speaker)


@pytest.mark.parametrize("text, speaker", [
    # corpus FR-internationalNews-742-20180415 (and FR-middleEast-282). القادة is a plural in ة:
    # العرب agrees with it. Now: speaker 'القادة', content 'العرب في ختام قمة …'.
    ("وأكد القادة العرب في ختام قمة الجامعة العربية التي احتضنتها الظهران الأحد مواصلة دعم "
     "القضية الفلسطينية.", "القادة العرب"),
    ("وقال القادة الأوروبيون في بيان مشترك إن الاتفاق النووي يجب أن يبقى.", "القادة الأوروبيون"),
    ("وقال الطلبة المحتجون إن الحكومة لم تستجب لمطالبهم.", "الطلبة المحتجون"),
    # corpus BB-internationalNews-914-20180802: حامل takes no ة. Now: 'المرأة'.
    ("وقالت المرأة الحامل، وهي أم لطفلين، إنها تشعر بأنها بخير.", "المرأة الحامل"),
    # masculine nouns in ة. Now: 'الداعية' / 'العلامة' (the name lost).
    # (pre-existing: the name is lost after a title and its adjective)
    pytest.param("وقال الداعية المعروف عائض القرني إن الحوار هو الحل.", "الداعية المعروف عائض القرني",
                 marks=pytest.mark.xfail(strict=True, reason=KNOWN)),
    ("وقال العلامة الشيخ يوسف القرضاوي إن الحوار هو الحل.", "العلامة الشيخ يوسف القرضاوي"),
])
def test_a_word_that_agrees_with_the_subject_stays_in_it(text, speaker):
    # (regression, but for الداعية المعروف whose name eb1a237 also lost) "cannot agree in
    # gender" is read as "the subject ends in ة and the word does not": broken plurals in ة
    # (القادة، الطلبة، القضاة، الساسة), adjectives with no feminine (الحامل) and masculine
    # nouns in ة (الداعية، العلامة، الخليفة) all agree.
    [span] = extract_statements(text)
    assert span.speaker == speaker, span


@pytest.mark.parametrize("text, speaker", [
    # the masculine object ends in اء, an ending the rule keeps for feminines (الحمراء)
    pytest.param("وأدانت الحركة الاعتداء الإسرائيلي على غزة.", "الحركة", marks=pytest.mark.xfail(strict=True, reason=KNOWN)),
    pytest.param("وأدانت الحكومة الاعتداء الإرهابي الذي استهدف المسجد.", "الحكومة", marks=pytest.mark.xfail(strict=True, reason=KNOWN)),
    pytest.param("ورفضت الحكومة الإجراء الأمريكي الأخير ووصفته بأنه غير قانوني.", "الحكومة", marks=pytest.mark.xfail(strict=True, reason=KNOWN)),
    # a vowel mark on the subject's ة (the rule asks the written word)
    ("وحثت الشرطةُ المواطنين على عدم إطلاق تخمينات بشأن ملابسات الحادث.", "الشرطةُ"),
])
def test_an_object_that_cannot_agree_is_not_read_into_the_subject(text, speaker):
    # (pre-existing) Now: 'الحركة الاعتداء الإسرائيلي', 'الحكومة الاعتداء الإرهابي',
    # 'الحكومة الإجراء الأمريكي الأخير', 'الشرطةُ المواطنين'.
    span = extract_statements(text)[0]
    assert span.speaker == speaker, span


@pytest.mark.xfail(strict=True, reason=KNOWN)
@pytest.mark.parametrize("text", [
    "غردت شركة تويتر بذلك. وقال الرئيس التنفيذي لـتويتر جاك دورسي إن الشركة تؤمن بأهمية الإعلان.",
    'غردت شركة "تويتر" بذلك. وقال الرئيس التنفيذي لـ"تويتر" جاك دورسي إن الشركة تؤمن بأهمية الإعلان.',
])
def test_a_company_glued_with_l_and_tatweel_keeps_the_persons_name(text):
    # (pre-existing) لـتويتر / لـ"تويتر" is how outlets most often glue the company; the name
    # is then lost altogether. Now: speaker 'الرئيس التنفيذي'. (corpus SK-technology-333:
    # 'اعترف الرئيس التنفيذي لـ"فيسبوك" مارك زوكربرغ، أن …' gives 'الرئيس التنفيذي' too.)
    span = extract_statements(text)[-1]
    assert span.speaker_name == "جاك دورسي", span


@pytest.mark.parametrize("text", [
    "ورفض البيت الأبيض التعليق على التقرير.",  # corpus CN-internationalNews-248
    "ورفض المتحدث باسم الجيش الإسرائيلي التعليق على التقارير حول الغارات.",  # SK-middleEast-1104
    "ورفضت شركة تويتر التعليق على مقال الصحيفة.",  # BB-technology-304
    "ورفض فينغر الإفصاح عن اسم المدرب الجديد.",  # SK-sport-1080
    "ورفضت أوبر الكشف عن عدد الرحلات المتأثرة.",  # AL-internationalNews-1426
])
def test_a_refusal_to_comment_by_a_named_subject_is_no_statement(text):
    # The rule drops the refusal only when the subject is one definite word (ورفضت الشركة
    # الكشف); with a name, a post of two words or more, the act is read into the speaker
    # and what follows is the "statement". The corpus still has 45 refusals whose speaker
    # ends in التعليق / الكشف / الإفصاح / الحديث / الرد (or is that word alone). Now:
    # 'البيت الأبيض التعليق' with 'على التقرير', 'فينغر الإفصاح' …
    assert extract_statements(text) == [], [(s.speaker, s.text) for s in extract_statements(text)]


def test_the_one_who_refused_to_answer_is_the_one_who_then_said():
    # (regression) corpus AL-internationalNews-1991-20180719: the refusal, now no statement,
    # no longer makes Macron the last speaker, and his own words go to Petit, quoted before.
    # Now: 'بوتي' (eb1a237: 'ماكرون').
    text = ('وكشف بوتي أن "هذه العقوبة تأتي لمعاقبة سلوك غير مقبول". ورفض ماكرون، الخميس، الرد على سؤال '
            "بشأن هذه القضية أثناء زيارة لجنوب غرب فرنسا. وقال وسط موظفين وسعاة بريد: \"أنا هنا مع "
            'المواطنين".')
    _, speaker = by_verb(text, "وقال")
    assert speaker.name == "ماكرون", speaker


@pytest.mark.xfail(strict=True, reason=KNOWN)
def test_the_coach_who_refused_to_comment_is_the_argentine_coach():
    # (regression) corpus AL-sport-2108-20180624: Cúper's refusal was his only mention in a
    # statement; dropped, the epithet that follows finds no one. Now: 'المدرب الأرجنتيني'
    # (eb1a237: 'هيكتور كوبر').
    text = ('رفض هيكتور كوبر مدرب مصر التعليق على ما يتردد عن حدوث "خلافات بسيطة" بين القائد عصام الحضري '
            "والجهاز الفني. وقال المدرب الأرجنتيني في مؤتمر صحفي يوم الأحد إن هناك ربما بعض الخلافات "
            "البسيطة.")
    _, speaker = by_verb(text, "وقال")
    assert speaker.name == "هيكتور كوبر", speaker


def test_a_refused_accusation_does_not_swallow_the_next_statement():
    # (regression) corpus FR-internationalNews-283-20180306: the object rule makes
    # الاتهامات the object, and the "statement" runs on over وقالت إن to the sentence's end,
    # so the government's own words are no statement of their own. Now: one statement,
    # 'الاتهامات وقالت إن لا أساس لها، …' (eb1a237: two, under the junk 'الحكومة الاتهامات').
    text = "ورفضت الحكومة الاتهامات وقالت إن لا أساس لها، وأمرت بتوقيف مثيري الاضطرابات في المنطقة."
    spans = extract_statements(text)
    assert not any("وقالت" in s.text for s in spans), [(s.verb, s.text) for s in spans]


@pytest.mark.parametrize("text", [
    "ورفضت الشركة الكشف لـCNN عن الموعد الذي حدث فيه الخلل.",
    "ورفضت الشركة الكشـف عن الموعد الذي حدث فيه الخلل.",
    "ورفضت الشركة الكشف\u200c عن الموعد الذي حدث فيه الخلل.",
    "وقال المتحدث إن التحقيق مستمر. وأكد ترامب أن الصفقة قريبة لكنه رفض الكشف عن تفاصيلها.",
])
def test_guard_a_refusal_with_one_word_or_a_pronoun_is_no_statement(text):
    assert not any("رفض" in s.verb for s in extract_statements(text))


@pytest.mark.parametrize("text, verb, speaker", [
    ('وفيما يتعلق بالعلاقات مع روسيا، قال ماكرون يجب "علينا ألا نبدو أبدا ضعفاء" أمام بوتين.', "قال", "ماكرون"),
    ('قال ماكرون ينبغي "علينا ألا نبدو أبدا ضعفاء".', "قال", "ماكرون"),
    ('قال مغني الراب الأمريكي، كاني ويست، إن الاستعباد ربما كان "اختيارا".', "قال", "مغني الراب الأمريكي، كاني ويست"),
    ("وقال مطرب المهرجانات حمو بيكا إن الحفل كان رائعا.", "وقال", "مطرب المهرجانات حمو بيكا"),
    ("وقال وزير الخارجية، سامح شكري الأحد، إن مصر ترفض القرار.", "وقال", "وزير الخارجية، سامح شكري"),
    ("وقال وزير الخارجية، سامح شكري الخميس الماضي، إن مصر ترفض القرار.", "وقال", "وزير الخارجية، سامح شكري"),
    ("وقال وزير الخارجية، سامح شكري، الأحد، إن مصر ترفض القرار.", "وقال", "وزير الخارجية، سامح شكري"),
    ("ونفت الشرطة الشائعات التي ترددت على مواقع التواصل وأفادت بأن القتال لا صلة له بالحادث.", "وأفادت", "الشرطة"),
    ("ورفض الوزير الاتهامات الموجهة إليه.", "ورفض", "الوزير"),
    ("وقالت الشركة القابضة إن الأرباح زادت كثيرا هذا العام.", "وقالت", "الشركة القابضة"),
    ("وقالت الشركة الأم إن الأرباح زادت كثيرا هذا العام.", "وقالت", "الشركة الأم"),
])
def test_guard_speakers_as_written(text, verb, speaker):
    span, _ = by_verb(text, verb)
    assert span.speaker == speaker, span


@pytest.mark.parametrize("text, names", [
    ("أصدرت منظمة هيومن رايتس ووتش الأربعاء تقريرا حول عقوبة الإعدام. ودعت المنظمة الرياض إلى تحسين "
     "نظامها القضائي.\nقالت منظمة هيومن رايتس ووتش إن السعودية نفذت حكم الإعدام في 48 شخصا.",
     ["منظمة هيومن رايتس ووتش", "منظمة هيومن رايتس ووتش"]),
    ("كشف الصربي رادي، مدرب نادي التضامن، أنه تفاجأ باختياره لتولي مهمة تدريب منتخب الكويت.\n"
     'وقال المدرب الصربي في حديثه لـ"العربية": "تفاجأت باختياري لتدريب المنتخب الكويتي كثيرا".',
     ["رادي", "رادي"]),
    ("غردت شركة تويتر بذلك. وقال الرئيس التنفيذي لتويتر جاك دورسي إن الشركة تؤمن بأهمية الإعلان.",
     ["جاك دورسي"]),
])
def test_guard_names_the_round_resolves(text, names):
    assert resolved_names(text)[-len(names):] == names


# =======================================================================================
# 9. Odd input: no crash, no span off its text, nothing said where nothing is.
# =======================================================================================

@pytest.mark.parametrize("text", [
    "", " ", "\n", "\u200b", "\u200f\u200e", "\x00", "ـــ", "ورفضت", "الكشف", "برر", "يجب", "لكن",
    "قوله", "نظيره", "مغني", "الميجور", "الأدميرال", "القومندان", "الشركة الأمريكية", "المجموعة",
    "وفقا لما نقلته الأناضول", "وفقا لما نقلته الأناضول.", "، وفقا لما نقلته", "ورفضت الشركة الكشف",
    "ورفض التعليق", "وبرر", "وبرر الوزير", "وبرر بأن", "وأبدت أسفها", "وأبدت أسفها لكون",
    "لكن وزارة الخارجية في", "لكن وزارة الخارجية في باراغواي قالت", "عن عمانوئيل نحشون، المتحدث قوله",
    "رئيس غواتيمالا، جيمي موراليس كان قد", "، نهاد زيبكجي الأربعاء.", "قال ماكرون يجب",
    "قال مغني الراب الأمريكي، كاني ويست،", "الرئيس التنفيذي لتويتر جاك دورسي",
    "وقال الرئيس التنفيذي ل", "وقال الرئيس التنفيذي لـ", "وقال الرئيس التنفيذي للل جاك دورسي إن",
    "وقالت\x00الوزيرة\x00أنجي\x00موتشيكا،\x00إن", "وأبدت\u200bأسفها\u200bلكون تركيا",
    "وحثت الشرطـة المواطنيـن على الهدوء", "وحثّت الشّرطةُ المواطنينَ على الهدوءِ",
    "وقال CEO شركة Twitter جاك Dorsey إن", "Twitter CEO Jack Dorsey said",
    "ورفضت Samsung التعليق", 'وقالت الشركة الأمريكية "', "وقالت الصحيفة الإسبانية «",
    "وبرر" * 200, "لكن وزارة الخارجية في " * 100, "وفقا لما نقلته الأناضول، " * 200,
    "نظيره " * 300, "الرئيس التنفيذي لتويتر " * 200 + "جاك دورسي إن",
])
def test_guard_odd_input_neither_crashes_nor_misplaces_offsets(text):
    assert_offsets_hold(text)


@pytest.mark.parametrize("text", [
    "ورفضت الشركة الكشف", "ورفض المسؤول الإفصاح عن هويته", "وبرر", "نظيره القطري",
    "الشركة الأمريكية", "قال ماكرون يجب", "الميجور جنرال آصف غفور",
])
def test_guard_fragments_say_nothing(text):
    assert extract_statements(text) == []
