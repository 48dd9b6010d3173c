"""The parsed query tree (articles.text.query.ParsedQuery) → a Whoosh query: the Whoosh
backend's query compiler. Field names are the index schema's (articles.text.schema).
"""

from whoosh import query as wq

from articles.text.normalize import normalize_arabic
from articles.text.query import forms_of, highlight_terms, speaker_name_words

# Field boosts (query side). Title matters most; exact spelling earns a bonus over the
# stem-only match; the skeleton is kept low so name variants are found without
# outranking documents that spell the name as the user did.
# A speaker's names count as the text does: as written (speaker_names) and, at the
# skeleton's boost, under another spelling (speaker_skeleton), so a speaker spelled as typed
# ranks above one found through the skeleton.
ARTICLE_FIELDS = {
    "stem": (("title", 5.0), ("text", 1.0), ("statements", 0.5)),
    "exact": (("exact_title", 4.0), ("exact_text", 1.0), ("speaker_names", 1.0)),
    "skeleton": (("skeleton", 0.2), ("speaker_skeleton", 0.2)),
    "phrase": (("exact_title", 3.0), ("exact_text", 1.0)),
}
STATEMENT_FIELDS = {
    "stem": (("text", 1.0),),
    "exact": (("exact_text", 1.0), ("speaker_names", 1.0)),
    "skeleton": (("skeleton", 0.2), ("speaker_skeleton", 0.2)),
    "phrase": (("exact_text", 1.0),),
}
# The `speaker:` operator's name fields: (field, word form, boost), the same in both indexes.
SPEAKER_NAME_FIELDS = (("speaker_names", "exact", 1.0), ("speaker_skeleton", "skeleton", 0.2))


class AnyOf(wq.Or):
    """Whoosh's Or, always as a tree of union matchers. Left to choose, Whoosh preloads
    every posting of every clause into arrays on segments under 5,000 documents; under an
    And, where the intersection visits only a few documents, that read whole posting
    lists of common words for nothing (a sixth of the search time on the corpus)."""

    matcher_type = wq.Or.DEFAULT_MATCHER


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


def _field_query(clause, stemmer, exact_mode):
    value = clause.text
    norm = normalize_arabic(value)
    if clause.field == "source":
        return AnyOf([wq.Term("source", value.lower()), wq.Term("source_norm", norm)])
    if clause.field == "section":
        return wq.Term("section_norm", norm)
    if clause.field == "speaker":
        words = speaker_name_words(value, stemmer, exact_mode)
        by_name = [
            wq.Phrase(name, words[form], boost=boost) if len(words[form]) > 1
            else wq.Term(name, words[form][0], boost=boost)
            for name, form, boost in SPEAKER_NAME_FIELDS if words.get(form)
        ]
        return AnyOf([wq.Term("speaker", value), *by_name])
    raise ValueError(clause.field)


def _clause_query(clause, fields, stemmer, exact_mode):
    if clause.kind == "date":
        return wq.DateRange("published", clause.start, clause.end)
    if clause.kind == "field":
        return _field_query(clause, stemmer, exact_mode)
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
