"""Snippets with <mark> around matched words, cut from the original text.

Matching is done word by word with the same functions the index uses (normalize, stem,
skeleton), but the offsets are those of the original text, so the diacritics the
journalist wrote stay and a <mark> always wraps whole words: a mark inside a word would
break Arabic letter joining. Everything outside the marks is HTML-escaped.
"""

from html import escape

from articles.text.analysis import TOKEN_RE, word_forms

# A skeleton of one or two letters matches too many unrelated words to be worth a mark.
MIN_SKELETON_FOR_MARK = 3


def matched_spans(text, terms, stemmer="light", limit=None):
    """[(start, end)] of the words of `text` that the query matched; the first `limit`
    of them when a limit is given (the scan stops there)."""
    spans = []
    verdicts = {}  # a word repeats many times in an article: decide it once
    for match in TOKEN_RE.finditer(text):
        word = match.group()
        matched = verdicts.get(word)
        if matched is None:
            forms = word_forms(word, stemmer)
            matched = verdicts[word] = forms is not None and (
                forms.exact in terms.exact
                or forms.stem in terms.stem
                or (len(forms.skeleton) >= MIN_SKELETON_FOR_MARK
                    and forms.skeleton in terms.skeleton)
            )
        if matched:
            spans.append(match.span())
            if len(spans) == limit:
                break
    return spans


def best_window(text, spans, length):
    """(start, end) of the stretch of about `length` characters with the most marks."""
    if not spans:
        return 0, min(len(text), length)
    best_start, best_count, j = spans[0][0], 0, 0
    for i, (start, _) in enumerate(spans):
        while j < len(spans) and spans[j][1] <= start + length:
            j += 1
        distinct = len({text[s:e] for s, e in spans[i:j]})
        if distinct > best_count:
            best_start, best_count = start, distinct
    # Give the first mark a little leading context.
    start = max(0, best_start - length // 5)
    return start, min(len(text), start + length)


def widen_to_words(text, start, end):
    """Move both ends outward to word boundaries, so no word is cut."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def snippet(text, terms, *, length=240, stemmer="light"):
    """HTML: a window of `text` around the densest matches, matches in <mark>."""
    text = text or ""
    spans = matched_spans(text, terms, stemmer)
    if len(text) <= length:
        start, end = 0, len(text)
    else:
        start, end = widen_to_words(text, *best_window(text, spans, length))
    parts = ["…" if start > 0 else ""]
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        parts.append(escape(text[cursor:s]))
        parts.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return "".join(parts).strip()


def mark_all(text, terms, stemmer="light"):
    """The whole text, escaped, with every match marked (titles)."""
    return snippet(text, terms, length=max(len(text or ""), 1), stemmer=stemmer)


def term_spans(text, query_text, exact=False, stemmer="light", limit=None):
    """[(start, end)] of the words of `text` matched by the user's query (article page),
    the first `limit` of them when a limit is given."""
    from articles.text.query import highlight_terms, parse

    terms = highlight_terms(parse(query_text), stemmer=stemmer, exact_mode=exact)
    return matched_spans(text or "", terms, stemmer, limit=limit)
