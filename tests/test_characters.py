"""articles.text.characters: the characters XML cannot hold, found and stripped."""

import pytest

from articles.text.characters import code_point, first_xml_invalid, strip_xml_invalid


@pytest.mark.parametrize("text, first, stripped", [
    ("غوتيريش", None, "غوتيريش"),
    ("سطر\tو\nسطر\r", None, "سطر\tو\nسطر\r"),  # tab, line feed, carriage return are XML
    ("a\x00b", "\x00", "ab"),
    ("a\x01b\x1fc", "\x01", "abc"),
    ("\x0b\x0c", "\x0b", ""),
    ("a\ufffeb\uffff", "\ufffe", "ab"),
    ("a\ud800b", "\ud800", "ab"),
    ("\u0085\u202e\ufeff", None, "\u0085\u202e\ufeff"),  # C1, bidi and BOM are allowed in XML
])
def test_xml_invalid_characters(text, first, stripped):
    assert first_xml_invalid(text) == first
    assert strip_xml_invalid(text) == stripped


def test_a_refused_character_is_named_by_its_code_point():
    assert code_point("\x01") == "U+0001"
    assert code_point("\ufffe") == "U+FFFE"
    assert strip_xml_invalid("a\x01b", "\ufffd") == "a\ufffdb"
