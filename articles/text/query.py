"""User text → Whoosh query.

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

from whoosh import query as wq

from articles.text.analysis import word_forms, words_with_offsets
from articles.text.normalize import fold_digits, normalize_arabic

FIELD_ALIASES = {
    "source": "source", "مصدر": "source", "المصدر": "source",
    "section": "section", "قسم": "section", "القسم": "section",
    "speaker": "speaker", "متحدث": "speaker", "المتحدث": "speaker",
    "date": "date", "تاريخ": "date", "التاريخ": "date",
}
OR_WORDS = {"OR", "|"}
# «…», “…”, „…” are quotes too; the parser sees one kind.
QUOTES_RE = re.compile("[«»“”„‟″]")
CLAUSE_RE = re.compile(r'(-?)(?:([^\s":]+):)?(?:"([^"]*)"|([^\s"]+))')

# Field boosts (query side). Title matters most; exact spelling earns a bonus over the
# stem-only match; the skeleton is kept low so name variants are found without
# outranking documents that spell the name as the user did.
ARTICLE_FIELDS = {
    "stem": (("title", 5.0), ("text", 1.0), ("statements", 0.5)),
    "exact": (("exact_title", 4.0), ("exact_text", 1.0), ("speaker_names", 1.0)),
    "skeleton": (("skeleton", 0.2),),
    "phrase": (("exact_title", 3.0), ("exact_text", 1.0)),
}
STATEMENT_FIELDS = {
    "stem": (("text", 1.0),),
    "exact": (("exact_text", 1.0), ("speaker_names", 1.0)),
    "skeleton": (("skeleton", 0.2),),
    "phrase": (("exact_text", 1.0),),
}


class AnyOf(wq.Or):
    """Whoosh's Or, always as a tree of union matchers. Left to choose, Whoosh preloads
    every posting of every clause into arrays on segments under 5,000 documents; under an
    And, where the intersection visits only a few documents, that read whole posting
    lists of common words for nothing (a sixth of the search time on the corpus)."""

    matcher_type = wq.Or.DEFAULT_MATCHER


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


# --- building -----------------------------------------------------------------------


def forms_of(text, stemmer):
    return [f for f in (word_forms(w, stemmer) for w, _, _ in words_with_offsets(text)) if f]


def _word_query(forms, fields, exact_mode):
    terms = []
    for name, boost in fields["exact"]:
        terms.append(wq.Term(name, forms.exact, boost=boost))
    if not exact_mode:
        for name, boost in fields["stem"]:
            terms.append(wq.Term(name, forms.stem, boost=boost))
        if forms.skeleton:
            for name, boost in fields["skeleton"]:
                terms.append(wq.Term(name, forms.skeleton, boost=boost))
    return AnyOf(terms)


def _phrase_query(all_forms, fields):
    words = [f.exact for f in all_forms]
    if len(words) == 1:
        return AnyOf([wq.Term(name, words[0], boost=b) for name, b in fields["phrase"]])
    return AnyOf([wq.Phrase(name, words, boost=b) for name, b in fields["phrase"]])


def _field_query(clause):
    value = clause.text
    norm = normalize_arabic(value)
    if clause.field == "source":
        return AnyOf([wq.Term("source", value.lower()), wq.Term("source_norm", norm)])
    if clause.field == "section":
        return wq.Term("section_norm", norm)
    if clause.field == "speaker":
        words = [w for w, _, _ in words_with_offsets(norm)]
        by_name = (
            wq.Phrase("speaker_names", words) if len(words) > 1
            else wq.Term("speaker_names", words[0]) if words else wq.NullQuery
        )
        return AnyOf([wq.Term("speaker", value), by_name])
    raise ValueError(clause.field)


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


def _clause_query(clause, fields, stemmer, exact_mode):
    if clause.kind == "date":
        return wq.DateRange("published", clause.start, clause.end)
    if clause.kind == "field":
        return _field_query(clause)
    all_forms = forms_of(clause.text, stemmer)
    if not all_forms:
        return None  # only stop words
    if clause.kind == "phrase":
        return _phrase_query(all_forms, fields)
    parts = [_word_query(forms, fields, exact_mode) for forms in all_forms]
    return parts[0] if len(parts) == 1 else wq.And(parts)


def build(parsed, *, fields=ARTICLE_FIELDS, stemmer="light", exact_mode=False):
    """(whoosh query or None when nothing searchable is left, HighlightTerms)."""
    highlight = highlight_terms(parsed, stemmer=stemmer, exact_mode=exact_mode)
    positives, negatives = [], []
    for group in parsed.groups:
        built = [
            (c.negated, q)
            for c in group
            if (q := _clause_query(c, fields, stemmer, exact_mode)) is not None
        ]
        neg = [q for negated, q in built if negated]
        pos = [q for negated, q in built if not negated]
        negatives.extend(neg)
        if pos:
            positives.append(pos[0] if len(pos) == 1 else AnyOf(pos))
    if not positives:
        if not negatives:
            return None, highlight
        positives = [wq.Every()]
    query = positives[0] if len(positives) == 1 else wq.And(positives)
    if negatives:
        query = wq.AndNot(query, AnyOf(negatives))
    return query, highlight


def escape_as_words(text):
    """The fallback: every operator character removed, the words kept."""
    return " ".join(w for w, _, _ in words_with_offsets(text))
