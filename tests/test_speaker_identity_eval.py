"""bench/eval_speaker_identity.py gives a mention to the person it names, and to no one when
it names someone else (a lookalike, an aide, an office, a company, a family, another person
of the same surname). Mentions as the corpus wrote them."""

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
SPEC = importlib.util.spec_from_file_location("eval_speaker_identity", BENCH / "eval_speaker_identity.py")
eval_speaker_identity = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(eval_speaker_identity)


@pytest.fixture(scope="module")
def person_of():
    people = json.loads((BENCH / "gold" / "speaker_identity.json").read_text(encoding="utf-8"))
    forms = eval_speaker_identity.form_index(people)
    longest = max(len(f) for f in forms)
    return lambda mention: eval_speaker_identity.person_of(mention, forms, longest)


@pytest.mark.parametrize("mention, person", [
    ("المتحدثة باسم البيت الأبيض سارة هاكابي ساندرز", "سارة ساندرز"),
    ("وقال رونالدو", "كريستيانو رونالدو"),
    ("رئيس الوزراء الكندي جاستن ترودو", "جاستن ترودو"),
    ("الإعلامي السعودي، بدر آل زيدان", "بدر آل زيدان"),
    ("الباحث والروائي المصري يوسف زيدان", "يوسف زيدان"),
    ("اللاعب الإسباني الشاب، سيرجي غوارديولا", "سيرجي غوارديولا"),
    ("نائب رئيس الوزراء التركي هاكان جاويش أوغلو", "هاكان جاويش أوغلو"),
])
def test_a_mention_ending_with_a_persons_form_is_that_person(person_of, mention, person):
    assert person_of(mention) == person


@pytest.mark.parametrize("mention", [
    "شبيه رونالدو",  # a lookalike
    "زعماء مثل ترودو",  # a group, by comparison
    "أحد مساعدي نتانياهو",  # an aide
    "أحد مستشاري أردوغان",
    "شركة كوشنر",  # a company
    "وزير المال الجديد براءة البيرق، وهو صهر أردوغان",  # a son-in-law
    "مكتب رئيسة الوزراء البريطانية، تيريزا ماي",  # the office, however long the title
    "إدارة الرئيس الأميركي، دونالد ترامب",
    "حكومة الرئيس، رجب طيب أردوغان",
    "المكتب الإعلامي لرئيس الوزراء العراقي، حيدر العبادي",
    "عائلة آل زيدان",  # a family
    "والد نيمار",  # his father (read as و + الد before 3.1)
    "ووالدة ميلانيا ترامب",
])
def test_a_mention_that_names_someone_else_is_no_ones(person_of, mention):
    assert person_of(mention) is None
