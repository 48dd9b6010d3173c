"""What the user typed → the parsed query tree (ParsedQuery), which every search backend
compiles for its engine (Whoosh: articles.text.whoosh_query), and the words it marks.

The query language (documented in docs/search.md):

    words            all must match (ranked); each word also matches its stem and, at a
                     low boost, its transliteration skeleton (not in exact mode)
    "a phrase"       the words in this order, spelled as given (normalized, unstemmed)
    a OR b           either (binds tighter than the implicit AND: `a OR b c` = (a|b) & c)
    -word -"phrase"  exclude
    source:CODE      outlet code or name      (also مصدر:)
    section:NAME     section                  (also قسم:)
    speaker:SLUG     speaker slug or name     (also متحدث:)
    date:2018        a year, month (2018-02), day (2018-02-15) or range 2018-02..2018-03,
                     open ranges 2018-02.. and ..2018-03  (also تاريخ:)

Nothing the user types is an error: unbalanced quotes are dropped, a stray `-` ignored,
unknown fields read as plain words, bad dates left out (each said in `notes`). Whoosh's own
query parser is not used, so `*`, `?` and `؟` are never wildcards.
"""

import calendar
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from articles.text.analysis import word_forms, words_with_offsets
from articles.text.normalize import fold_digits, normalize_arabic

FIELD_ALIASES = {
    "source": "source", "مصدر": "source", "المصدر": "source",
    "section": "section", "قسم": "section", "القسم": "section",
    "speaker": "speaker", "متحدث": "speaker", "المتحدث": "speaker",
    "date": "date", "تاريخ": "date", "التاريخ": "date",
}
OR_WORDS = {"OR", "|"}
# Did-you-mean looks for a correction of at most this many unknown words of one query: each
# looks through the indexed words sharing its first letters, and a query of more unknown
# words (a pasted list: sixty fit in 500 characters) is no misspelling.
MAX_CORRECTED_WORDS = 5
# «…», “…”, „…” are quotes too; the parser sees one kind.
QUOTES_RE = re.compile("[«»“”„‟″]")
CLAUSE_RE = re.compile(r'(-?)(?:([^\s":]+):)?(?:"([^"]*)"|([^\s"]+))')

@dataclass
class Clause:
    kind: str  # "word" | "phrase" | "field" | "date"
    text: str
    negated: bool = False
    field: str = ""
    start: datetime | None = None
    end: datetime | None = None


@dataclass
class ParsedQuery:
    groups: list = field(default_factory=list)  # AND of OR-groups of Clauses
    notes: list = field(default_factory=list)  # what was read differently from typed
    # As typed: nothing typed browses everything, while a query of only punctuation or
    # stop words (no groups either) finds nothing.
    text: str = ""

    @property
    def is_empty(self):
        return not self.groups


@dataclass
class HighlightTerms:
    exact: set = field(default_factory=set)
    stem: set = field(default_factory=set)
    skeleton: set = field(default_factory=set)


# --- parsing ------------------------------------------------------------------------


def parse_date_bound(text, end=False):
    """'2018' / '2018-02' / '2018-02-15' → first (or last) moment of that period."""
    text = fold_digits(text.strip())
    match = re.fullmatch(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?", text)
    if not match:
        raise ValueError(text)
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is None:
        start, stop = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    elif day is None:
        start = datetime(year, month, 1)
        stop = start + timedelta(days=calendar.monthrange(year, month)[1])
    else:
        start = datetime(year, month, day)
        stop = start + timedelta(days=1)
    return stop - timedelta(microseconds=1) if end else start


def parse_date_range(value):
    value = fold_digits(value)
    if ".." in value:
        low, high = value.split("..", 1)
    else:
        low = high = value
    start = parse_date_bound(low) if low.strip() else None
    end = parse_date_bound(high, end=True) if high.strip() else None
    if start is None and end is None:
        raise ValueError(value)
    if start and end and start > end:
        start, end = parse_date_bound(high), parse_date_bound(low, end=True)
    return start, end


def parse(text):
    """Read the user's query; never raises."""
    parsed = ParsedQuery(text=text or "")
    text = QUOTES_RE.sub('"', text or "").strip()
    if text.count('"') % 2:
        parsed.notes.append("unbalanced quote ignored")
        text = text.replace('"', " ")
    pending_or = False
    for match in CLAUSE_RE.finditer(text):
        minus, field_name, quoted, bare = match.groups()
        negated = bool(minus)
        if quoted is None and not field_name and bare in OR_WORDS and not negated:
            pending_or = bool(parsed.groups)
            continue
        clause = _clause(field_name, quoted, bare, negated, parsed.notes)
        if clause is None:
            continue
        if pending_or and not negated and parsed.groups:
            parsed.groups[-1].append(clause)
        else:
            parsed.groups.append([clause])
        pending_or = False
    return parsed


def _clause(field_name, quoted, bare, negated, notes):
    value = quoted if quoted is not None else bare
    if field_name:
        canonical = FIELD_ALIASES.get(field_name.lower())
        if canonical == "date":
            try:
                start, end = parse_date_range(value)
                return Clause("date", value, negated, "date", start, end)
            except (ValueError, OverflowError):
                # Searching "2018-13" as words would only empty the results; the note
                # tells the user the date was left out.
                notes.append(f"date not understood: {value}")
                return None
        if canonical and value.strip():
            return Clause("field", value.strip(), negated, canonical)
        notes.append(f"unknown field read as words: {field_name}")
        value = f"{field_name} {value}"
    if quoted is not None:
        return Clause("phrase", value, negated) if value.strip() else None
    if not words_with_offsets(value):
        return None  # punctuation only, a lone "-"
    return Clause("word", value, negated)


# --- the words a query marks ------------------------------------------------------------


def forms_of(text, stemmer):
    return [f for f in (word_forms(w, stemmer) for w, _, _ in words_with_offsets(text)) if f]


def speaker_name_words(text, stemmer, exact_mode=False):
    """{word form: [words]} a `speaker:` name is looked for as, in the speaker-name fields of
    that form: the name as written (normalized) and, unless exact_mode, its spelling
    skeleton, as a query word's (speaker:ترمب finds ترامب, below the speakers written so)."""
    words = {"exact": [w for w, _, _ in words_with_offsets(normalize_arabic(text))]}
    if not exact_mode:
        words["skeleton"] = [f.skeleton for f in forms_of(text, stemmer) if f.skeleton]
    return words


def highlight_terms(parsed, *, stemmer="light", exact_mode=False):
    """The word forms a snippet marks for this query, whatever engine searched it: every
    form of the words and phrases not excluded (phrases and exact mode: the spelling only)."""
    highlight = HighlightTerms()
    for group in parsed.groups:
        for clause in group:
            if clause.kind not in ("word", "phrase") or clause.negated:
                continue
            for forms in forms_of(clause.text, stemmer):
                highlight.exact.add(forms.exact)
                if clause.kind == "word" and not exact_mode:
                    highlight.stem.add(forms.stem)
                    highlight.skeleton.add(forms.skeleton)
    return highlight


def escape_as_words(text):
    """The fallback: every operator character removed, the words kept."""
    return " ".join(w for w, _, _ in words_with_offsets(text))


def corrected_query(parsed, stemmer, known, closest):
    """Did-you-mean, the same on every backend: the query with each word the archive lacks
    replaced by the closest word it has, as written there; None when nothing changes.

    `known(forms)`: is the word in the archive. `closest(forms)`: the spelling to offer, or
    None. Words of negated clauses, field values and words under three letters are left as
    they are, and at most MAX_CORRECTED_WORDS words are looked up (each is a walk of the
    archive's vocabulary)."""
    changed, words, looked_up = False, [], 0
    for group in parsed.groups:
        for clause in group:
            if clause.kind not in ("word", "phrase") or clause.negated:
                continue
            for word, _, _ in words_with_offsets(clause.text):
                forms = word_forms(word, stemmer)
                if forms is None or len(forms.exact) < 3 or looked_up >= MAX_CORRECTED_WORDS or known(forms):
                    words.append(word)
                    continue
                looked_up += 1
                spelling = closest(forms)
                changed = changed or bool(spelling)
                words.append(spelling or word)
    return " ".join(words) if changed else None
