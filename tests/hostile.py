"""Hostile queries as Hypothesis strategies, shared by the parser's tests
(tests/test_hostile_queries.py) and the backends' contract (tests/backend_contract.py).

Generated inputs: random Unicode, Arabic with every mark and presentation form, unbalanced
quotes and operators only, field prefixes with junk values, 10 kB strings, NUL and control
characters, right-to-left / left-to-right overrides, each mixed with HTML payloads that must
come back escaped.
"""

from hypothesis import strategies as st

ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B))
# Every combining mark Arabic text can carry: harakat, Quranic marks, superscript alef, etc.
ARABIC_MARKS = "".join(chr(c) for c in list(range(0x064B, 0x0660)) + [0x0670]
                       + list(range(0x06D6, 0x06EE)) + list(range(0x08D3, 0x0900)))
ARABIC_EXTRA = "\u0640" + "٠١٢٣٤٥٦٧٨٩" + "۰۱۲۳۴۵۶۷۸۹" + "؟،؛«»" + "ﻻﻷﷲﷺﺍﺑﺗ" + "ٱپچژگکی"
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\ufeff"
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\u0085\u2028\u2029"
OPERATORS = '"«»“”„-|:()*?~^+!&\\/[]{}<>'
FIELDS = ["source:", "section:", "speaker:", "date:", "مصدر:", "قسم:", "متحدث:", "تاريخ:",
          "date:..", "date:2018-13", "date:9999-12", "date:0000", "date:١٤٤٠..", "unknown:", ":"]
WORDS = ["OR", "|", "AND", "NOT", "-", "--", '"', "«", "وقال", "الرئيس", "لبنان", "غوتيريش",
         "عَلَى", "في", "من", "ـــ", "*", "؟", "2018..2017"]
# Payloads a page must show as text, never as markup.
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<a href=javascript:alert(1)>x</a>",
    "<svg/onload=alert(1)>",
    "</mark><b>",
    "&lt;script&gt;",
]
RAW_MARKERS = ["<script>alert", "<img src=x", "<a href=javascript", "<svg/onload", "</mark><b>"]

arabic_text = st.text(alphabet=ARABIC_LETTERS + ARABIC_MARKS + ARABIC_EXTRA + " ", max_size=120)
operator_text = st.text(alphabet=OPERATORS + " ", max_size=60)
token_soup = st.lists(st.sampled_from(FIELDS + WORDS + PAYLOADS), max_size=12).map(" ".join)
bidi_text = st.text(alphabet=ARABIC_LETTERS[:10] + BIDI + CONTROLS + "abc 123\"-", max_size=80)
long_text = st.tuples(
    st.sampled_from(["ب", "الرئيس ", '"', "-", "a OR ", "\u202e", "وَ", "source:x ", "\x00"]),
    st.integers(min_value=1000, max_value=10240),
).map(lambda t: (t[0] * t[1])[:10240])
random_unicode = st.text(max_size=200)

hostile = st.one_of(
    random_unicode,
    arabic_text,
    operator_text,
    token_soup,
    bidi_text,
    long_text,
    st.tuples(st.one_of(arabic_text, token_soup, bidi_text), st.sampled_from(PAYLOADS),
              st.one_of(arabic_text, operator_text)).map("".join),
)
