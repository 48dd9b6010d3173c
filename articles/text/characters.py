"""Characters that XML 1.0 cannot hold, which no article, query or feed has a use for.

They are the C0 control characters other than tab, line feed and carriage return (NUL
among them), the surrogate code points, which are not characters on their own, and the
noncharacters U+FFFE and U+FFFF. An Atom feed is XML: one of them in a title makes the
feed fail (Django refuses to write C0 controls) or come out malformed (U+FFFE passes).
"""

import re

XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# What the importer takes out of every text: the C0 controls above (NUL aside, which means
# the file is not text and refuses the record), DEL and the C1 controls, which XML allows
# but no text uses, and the two noncharacters. Surrogates are refused, not stripped.
TEXT_CONTROLS = "\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"
TEXT_CONTROLS_RE = re.compile(f"[{TEXT_CONTROLS}]")
SURROGATES = "\ud800-\udfff"
SURROGATE_RE = re.compile(f"[{SURROGATES}]")


def first_xml_invalid(text):
    """The first character of `text` that XML cannot hold, or None."""
    found = XML_INVALID_RE.search(text)
    return found.group() if found else None


def strip_xml_invalid(text, replacement=""):
    return XML_INVALID_RE.sub(replacement, text)


def code_point(character):
    """U+0001: how a character that cannot be shown is named to a reader."""
    return f"U+{ord(character):04X}"
