"""Probes shared by the extractor's hostile tests (tests/test_hostile_round10.py,
test_hostile_round10b.py, test_hostile_round11.py to test_hostile_round13.py): run a text through the extractor and
the in-article resolution, pick the statement of one verb, and time either step on a long
text made of one repeated unit.

Plain functions, no fixtures: a test reads as the sentence it checks and what an Arabic
reader expects of it.
"""

import time

from articles.quotes.extract import extract_statements
from articles.quotes.speakers import resolve_in_article


def resolved(text):
    """The statements of `text` and, one per statement, the ArticleSpeaker (or None) the
    article resolves it to: (spans, speakers)."""
    spans = extract_statements(text)
    return spans, resolve_in_article(spans, text)


def resolved_names(text):
    """The resolved name of every statement of `text`, in order (None when unresolved)."""
    _, speakers = resolved(text)
    return [sp.name if sp is not None else None for sp in speakers]


def by_verb(text, verb):
    """(span, speaker) of the last statement of `text` reported by `verb` as written
    (span.verb), failing with the verbs and mentions found when there is none."""
    spans, speakers = resolved(text)
    found = [(s, sp) for s, sp in zip(spans, speakers) if s.verb == verb]
    assert found, (verb, [(s.verb, s.speaker) for s in spans])
    return found[-1]


def assert_offsets_hold(text):
    """Extract and resolve `text` (with and without the text) and check that every span and
    every speaker mention is the stretch of `text` its offsets say."""
    spans, _ = resolved(text)
    resolve_in_article(spans)  # without the text too
    for s in spans:
        assert text[s.start:s.end] == s.text
        if s.speaker_start is not None:
            assert text[s.speaker_start:s.speaker_end] == s.speaker


def assert_grows_linearly(seconds_at, small, large, factor=8):
    """Time `seconds_at(size)` at two sizes and check that the larger (4 times or so the
    smaller) costs less than `factor` times the smaller (at least 0.05 s, so that timer noise
    on a fast case fails nothing). Returns the larger time, for a test's own bound."""
    small_seconds = seconds_at(small)
    large_seconds = seconds_at(large)
    assert large_seconds < factor * max(small_seconds, 0.05), (small_seconds, large_seconds)
    return large_seconds


def repeated(unit, size):
    """`unit` repeated as many whole times as fit in `size` characters."""
    return unit * (size // len(unit))


def _best_of(runs, step):
    # The best of the runs: a first run also fills the caches and may meet a collection,
    # which on a loaded machine made a linear case look 8.6 times slower at 4 times the size.
    times = []
    for _ in range(runs):
        began = time.process_time()
        step()
        times.append(time.process_time() - began)
    return min(times)


def resolve_seconds(unit, size, runs=2):
    """Process time of resolve_in_article alone (extraction done beforehand) on `unit`
    repeated to `size` characters: the best of `runs` runs."""
    text = repeated(unit, size)
    spans = extract_statements(text)
    return _best_of(runs, lambda: resolve_in_article(spans, text))


def extract_seconds(unit, size, runs=2):
    """Process time of extract_statements on `unit` repeated to `size` characters: the best
    of `runs` runs."""
    return text_extract_seconds(repeated(unit, size), runs)


def text_extract_seconds(text, runs=2):
    """Process time of extract_statements on a given text (for texts that are not one unit
    repeated): the best of `runs` runs."""
    return _best_of(runs, lambda: extract_statements(text))


def text_resolve_seconds(text, runs=2):
    """Process time of resolve_in_article alone on a given text (for texts that are not one
    unit repeated): the best of `runs` runs."""
    spans = extract_statements(text)
    return _best_of(runs, lambda: resolve_in_article(spans, text))
