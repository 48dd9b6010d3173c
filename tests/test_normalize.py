"""normalize_arabic, one rule at a time, with real spellings from Arabic news."""

import pytest

from articles.text.normalize import (
    fold_alef,
    fold_alef_maksura,
    fold_digits,
    fold_hamza_seats,
    fold_persian_letters,
    fold_presentation_forms,
    fold_teh_marbuta,
    normalize_arabic,
    strip_harakat,
    strip_invisibles,
    strip_decoration,
    strip_tatweel,
)


@pytest.mark.parametrize("written, expected", [
    ("أَذْرَبِيجَانُ", "أذربيجان"),
    ("تُعَلِّقُ", "تعلق"),
    ("عَمَلِيَّتَهَا", "عمليتها"),
    ("مُحَمَّدٌ", "محمد"),
    ("الرَّحْمٰنِ", "الرحمن"),  # superscript alef
    ("قره باخ", "قره باخ"),
])
def test_strip_harakat(written, expected):
    assert strip_harakat(written) == expected


@pytest.mark.parametrize("written, expected", [
    ("العسكريـــة", "العسكرية"),
    ("بـ", "ب"),
    ("جـوتـيـريـش", "جوتيريش"),
])
def test_strip_tatweel(written, expected):
    assert strip_tatweel(written) == expected


def test_strip_invisibles_joins_what_a_zero_width_space_split():
    assert strip_invisibles("أذربي\u200bجان\u200f") == "أذربيجان"


@pytest.mark.parametrize("written, expected", [
    ("أذربيجان", "اذربيجان"),
    ("إيران", "ايران"),
    ("آسيا", "اسيا"),
    ("ٱلله", "الله"),
    ("الأمم", "الامم"),
])
def test_fold_alef(written, expected):
    assert fold_alef(written) == expected


@pytest.mark.parametrize("written, expected", [
    ("مؤتمر", "موتمر"),
    ("رئيس", "رييس"),
    ("سؤال", "سوال"),
])
def test_fold_hamza_seats(written, expected):
    assert fold_hamza_seats(written) == expected


@pytest.mark.parametrize("written, expected", [("مستشفى", "مستشفي"), ("على", "علي"), ("موسى", "موسي")])
def test_fold_alef_maksura(written, expected):
    assert fold_alef_maksura(written) == expected


@pytest.mark.parametrize("written, expected", [("العسكرية", "العسكريه"), ("قرة", "قره"), ("ة", "ه")])
def test_fold_teh_marbuta(written, expected):
    assert fold_teh_marbuta(written) == expected


@pytest.mark.parametrize("written, expected", [("٢٠٢٠", "2020"), ("۱۴۰۲", "1402"), ("عام 2020", "عام 2020")])
def test_fold_digits(written, expected):
    assert fold_digits(written) == expected


def test_fold_persian_letters():
    assert fold_persian_letters("کابل فی") == "كابل في"


def test_fold_presentation_forms():
    assert fold_presentation_forms("\ufefb") == "لا"


@pytest.mark.parametrize("written, expected", [
    ("أَذْرَبِيجَانُ تُعَلِّقُ عَمَلِيَّتَهَا", "اذربيجان تعلق عمليتها"),
    ("اذربيجان تعلق عمليتها العسكريه", "اذربيجان تعلق عمليتها العسكريه"),
    ("أذربيجان تعلق عمليتها العسكرية", "اذربيجان تعلق عمليتها العسكريه"),
    ("قرة باخ عام ٢٠٢٠", "قره باخ عام 2020"),
    ("الأمم المتحدة ICC", "الامم المتحده icc"),
    ("مستشفى الرئيس", "مستشفي الرييس"),
])
def test_normalize_arabic_makes_variant_spellings_meet(written, expected):
    assert normalize_arabic(written) == expected


def test_fold_teh_false_keeps_teh_marbuta_for_stemmers():
    assert normalize_arabic("العسكرية", fold_teh=False) == "العسكرية"


def test_the_one_pass_equals_the_rules_applied_one_after_the_other():
    from articles.text import normalize as n

    def by_rules(text, fold_teh=True):
        text = n.fold_presentation_forms(text)
        for rule in (n.strip_invisibles, n.strip_harakat, n.strip_tatweel, n.fold_alef, n.fold_hamza_seats,
                     n.fold_alef_maksura, n.fold_persian_letters):
            text = rule(text)
        if fold_teh:
            text = n.fold_teh_marbuta(text)
        return n.fold_digits(text).lower()

    # Every Arabic, Persian and presentation-form character, the invisibles and some Latin.
    chars = [chr(c) for c in [*range(0x0600, 0x0700), *range(0xFB50, 0xFF00), *range(0x2000, 0x2070), 0xFEFF, 0xAD]]
    samples = chars + ["".join(chars[i:i + 7]) for i in range(0, len(chars), 7)] + ["Ab أإآ كتـــابٌ ٣٤ ی"]
    for text in samples:
        for fold_teh in (True, False):
            assert n.normalize_arabic(text, fold_teh) == by_rules(text, fold_teh), repr(text)


def test_strip_decoration_keeps_the_spelling():
    # علي the name and على the preposition differ only in their last letter: marks go,
    # the letters stay.
    assert strip_decoration("\u200fعَـلِـيّ") == "علي"
    assert strip_decoration("إِنَّـهُ") == "إنه"
