"""How the reading room shows things: the article body with its statements and the
reader's query marked in place, search snippets, dates, the pager and the timeline
chart's geometry.

Plain functions over plain values, so they are tested without a database or a request;
the view calls them and the template tags in articles/templatetags/reading_room.py are
one-line wrappers over them.

Dates are shown one way everywhere, by Django's date formatting in the active locale:
Western digits and the month names used by most Arabic news sites (24 نوفمبر 2026, not
٢٤ نوفمبر ٢٠٢٦), because the corpus itself writes its numbers with Western digits and mixing
both on one page reads badly. The formats are in newsarchive/formats/ar/formats.py.
"""

from datetime import date, datetime

import nh3
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from articles.text.highlight import term_spans
from articles.search_backends import DEFAULT_STEMMER

# --- Dates ------------------------------------------------------------------------------


def calendar_date(value):
    """A date from a datetime, a date, or an ISO string (what the search layer returns);
    None for a missing or unreadable one. An aware datetime is read in local time."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            try:
                value = date.fromisoformat(value[:10])
            except ValueError:
                return None
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            try:
                value = timezone.localtime(value)
            except OverflowError:  # within a day of year 1 or 9999: its own offset's date
                pass
        return value.date()
    if isinstance(value, date):
        return value
    return None


def day_label(value):
    """24 نوفمبر 2026; an empty string for a missing or unreadable date."""
    day = calendar_date(value)
    return date_format(day, "DATE_FORMAT") if day else ""


def month_label(value):
    """'2026-11' (the search layer's month key) or a date → نوفمبر 2026; a key that is
    not a month is shown as it is."""
    if isinstance(value, str) and len(value) == 7 and value[4] == "-":
        try:
            year, month = int(value[:4]), int(value[5:])
        except ValueError:
            return value
        if not (1 <= month <= 12 and 1 <= year <= 9999):
            return value
        return date_format(date(year, month, 1), "YEAR_MONTH_FORMAT")
    day = calendar_date(value)
    if day is None:
        return "" if value in (None, "") else str(value)
    return date_format(day, "YEAR_MONTH_FORMAT")


# --- The article body -------------------------------------------------------------------

# The most query matches marked on one article page. Finding the matches and rendering the
# body grow with the body's length only (the query's words are looked up, not scanned
# for), so this bounds the one thing a query adds to the page: the number of marks, and
# with them the page's size. The page says when a query matched more. See docs/search.md.
MAX_MARKS = 1000


def query_marks(body, query, *, exact=False, stemmer=DEFAULT_STEMMER):
    """(the spans to mark for the reader's query, at most MAX_MARKS in body order; True
    when the query matched more words than are marked)."""
    if not query:
        return [], False
    return capped_marks(term_spans(body, query, exact=exact, stemmer=stemmer, limit=MAX_MARKS + 1))


def capped_marks(spans):
    """(the first MAX_MARKS spans, True when there were more)."""
    return spans[:MAX_MARKS], len(spans) > MAX_MARKS



def usable_statement_spans(body, statements):
    """The statements whose offsets can be trusted, in body order.

    Offsets come from another program and from editors, so each one is checked against
    the body it claims to point into: out of range, empty, overlapping an earlier one, or
    not containing the statement's text (the body changed since extraction) → left out
    of the marking rather than shown at the wrong place.
    """
    usable = []
    last_end = 0
    for statement in sorted(statements, key=lambda s: (s.start, s.end)):
        start, end = statement.start, statement.end
        if start is None or end is None or not (0 <= start < end <= len(body)):
            continue
        if start < last_end:
            continue
        excerpt = " ".join(body[start:end].split())
        text = " ".join((statement.text or "").split())
        if not text or (text not in excerpt and excerpt not in text):
            continue
        usable.append(statement)
        last_end = end
    return usable


def paragraph_ranges(body):
    """(start, end) of each paragraph; paragraphs are separated by blank lines."""
    ranges = []
    position = 0
    for block in body.split("\n\n"):
        start = position
        position += len(block) + 2
        stripped_start = start + (len(block) - len(block.lstrip()))
        stripped_end = start + len(block.rstrip())
        if stripped_end > stripped_start:
            ranges.append((stripped_start, stripped_end))
    return ranges


def merged_spans(spans, length):
    """Highlight spans inside the body, sorted and merged."""
    cleaned = []
    for start, end in sorted((int(s), int(e)) for s, e in spans):
        start, end = max(0, start), min(length, end)
        if start >= end:
            continue
        if cleaned and start <= cleaned[-1][1]:
            cleaned[-1] = (cleaned[-1][0], max(cleaned[-1][1], end))
        else:
            cleaned.append((start, end))
    return cleaned


def render_article_body(body, statements=(), highlight_spans=()):
    """The body as escaped HTML paragraphs, statements wrapped where they stand and the
    query terms in <mark>. Every character of the body is escaped; only the tags built
    here are markup.

    A statement that crosses a paragraph break is closed and reopened so the HTML stays
    well nested; the id goes on its first piece only so #statement-<id> links land there.

    One pass over the body: paragraphs, statements and marks are each sorted once and
    walked with a cursor, so the work grows with the body's length, never with the number
    of marks times the number of pieces.
    """
    statements = usable_statement_spans(body, statements)
    marks = merged_spans(highlight_spans, len(body))
    cuts = sorted({0, len(body), *(s.start for s in statements), *(s.end for s in statements),
                   *(start for start, _end in marks), *(end for _start, end in marks)})
    next_cut = 0  # cuts before it lie before the paragraph being rendered
    next_statement = next_mark = 0  # the first statement / mark not yet left behind

    opened_ids = set()
    paragraphs = []
    for p_start, p_end in paragraph_ranges(body):
        while next_cut < len(cuts) and cuts[next_cut] <= p_start:
            next_cut += 1
        points = [p_start]
        while next_cut < len(cuts) and cuts[next_cut] < p_end:
            points.append(cuts[next_cut])
            next_cut += 1
        points.append(p_end)

        parts = []
        open_statement = None
        for seg_start, seg_end in zip(points, points[1:]):
            # Pieces come in body order, so the statement and the mark that may cover this
            # piece are never behind the cursors.
            while next_statement < len(statements) and statements[next_statement].end <= seg_start:
                next_statement += 1
            while next_mark < len(marks) and marks[next_mark][1] <= seg_start:
                next_mark += 1
            statement = None
            if next_statement < len(statements) and statements[next_statement].start <= seg_start:
                statement = statements[next_statement]
            if statement is not open_statement:
                if open_statement is not None:
                    parts.append("</span>")
                if statement is not None:
                    parts.append(statement_open_tag(statement, first=statement.pk not in opened_ids))
                    opened_ids.add(statement.pk)
                open_statement = statement
            # Line breaks inside a paragraph are kept as <br>.
            text = escape(body[seg_start:seg_end]).replace("\n", "<br>")
            marked = next_mark < len(marks) and marks[next_mark][0] <= seg_start
            parts.append(f"<mark>{text}</mark>" if marked else text)
        if open_statement is not None:
            parts.append("</span>")
        paragraphs.append('<p dir="auto">' + "".join(parts) + "</p>")
    return mark_safe("\n".join(paragraphs))


def statement_open_tag(statement, first):
    speaker = statement.speaker.name if statement.speaker_id else (statement.speaker_mention or "")
    label = _("Speaker: %(name)s") % {"name": speaker} if speaker else _("Speaker not identified")
    return format_html(
        '<span class="statement statement-{kind}"{id} tabindex="0" title="{label}" data-speaker="{label}">',
        kind=statement.kind,
        id=mark_safe(f' id="statement-{int(statement.pk)}"') if first else "",
        label=label,
    )


# --- Search snippets --------------------------------------------------------------------

def sanitize_snippet(snippet):
    """The search layer's snippet with only its <mark> tags kept as markup, by nh3 (the
    Ammonia HTML sanitizer): <mark> loses any attribute, an unclosed one is closed, and
    every other tag is removed, with the content of <script> and <style>.

    The snippet is meant to arrive escaped (articles/text/highlight.py escapes the article
    text, so a <script> in a body arrives as visible text); this does not rely on it.
    """
    if not snippet:
        return ""
    return mark_safe(nh3.clean(str(snippet), tags={"mark"}, attributes={}, strip_comments=True))


def web_address(value):
    """The address if it is an http(s) URL, else "" — a `javascript:` link stored by an
    import (model URLFields are only checked by forms) must never become a live href."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


# --- The pager ------------------------------------------------------------------------

# Pages linked on each side of the current one; the first and the last are always linked.
PAGES_AROUND_CURRENT = 2


def page_numbers(current, pages):
    """The page numbers to link, None where pages are left out: Django's elided page
    range (the first, the last, and a few around the current one). [] for a single page.

    Search results give only a page number and a count, so the Paginator is over a range
    of that many pages, one item a page.
    """
    try:
        current, pages = int(current), int(pages)
    except (TypeError, ValueError):
        return []
    if pages <= 1:
        return []
    paginator = Paginator(range(pages), per_page=1)
    elided = paginator.get_elided_page_range(
        min(max(current, 1), pages), on_each_side=PAGES_AROUND_CURRENT, on_ends=1
    )
    return [number if isinstance(number, int) else None for number in elided]


# --- The timeline chart -----------------------------------------------------------------

CHART_WIDTH = 640
CHART_HEIGHT = 140
CHART_PADDING = 4
MIN_CHART_SLOTS = 24
# A corrupt date (year 9999) must not build a huge chart: fifty years of months at most.
MAX_CHART_MONTHS = 600


def fill_months(points):
    """Every month between the first and the last, so gaps show as gaps, not as nothing.

    When they lie more than MAX_CHART_MONTHS apart, the chart shows the stretch of that
    many months that holds the most: one article dated 1900 (or 9999) must not push the
    real data off the chart."""
    counts = {}
    for key, count in points:
        if isinstance(key, str) and len(key) == 7 and key[4] == "-" and key[:4].isdigit() and key[5:].isdigit():
            counts[key] = counts.get(key, 0) + int(count)
    if not counts:
        return []
    first, last = _densest_stretch(counts)
    year, month = int(first[:4]), int(first[5:])
    end_year, end_month = int(last[:4]), int(last[5:])
    months = []
    while (year, month) <= (end_year, end_month) and len(months) < MAX_CHART_MONTHS:
        key = f"{year:04d}-{month:02d}"
        months.append((key, counts.get(key, 0)))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return months


def _densest_stretch(counts):
    """(first, last) month keys of the MAX_CHART_MONTHS-long stretch holding most counts."""
    keys = sorted(counts)
    ordinal = [int(k[:4]) * 12 + int(k[5:]) - 1 for k in keys]
    best, best_sum, start, running = (0, 0), -1, 0, 0
    for end, key in enumerate(keys):
        running += counts[key]
        while ordinal[end] - ordinal[start] >= MAX_CHART_MONTHS:
            running -= counts[keys[start]]
            start += 1
        # Ties go to the later stretch: news readers look at the recent end.
        if running >= best_sum:
            best, best_sum = (start, end), running
    return keys[best[0]], keys[best[1]]


def timeline_chart(points, caption):
    """Bars of counts per month as inline SVG; time runs right to left like the page.

    No chart library: a handful of <rect>s with a <title> each (the tooltip), and the same
    numbers as a table for screen readers and for copying.
    """
    months = fill_months(points)
    if not months:
        return {"bars": [], "caption": caption, "months": []}
    peak = max(count for _key, count in months) or 1
    # A short span still gets slim bars (starting at the right, where time begins)
    # rather than one bar as wide as the page.
    slot = CHART_WIDTH / max(len(months), MIN_CHART_SLOTS)
    gap = min(2.0, slot * 0.2)
    usable_height = CHART_HEIGHT - CHART_PADDING
    bars = []
    for index, (key, count) in enumerate(months):
        height = usable_height * count / peak if count else 0
        bars.append(
            {
                # Strings, so a locale's decimal comma can never reach an SVG attribute.
                "x": f"{CHART_WIDTH - (index + 1) * slot + gap / 2:.2f}",
                "y": f"{CHART_HEIGHT - height:.2f}",
                "width": f"{max(slot - gap, 0.5):.2f}",
                "height": f"{height:.2f}",
                "month": key,
                "count": count,
            }
        )
    return {
        "bars": bars,
        "caption": caption,
        "months": months,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "peak": peak,
        "first": months[0][0],
        "last": months[-1][0],
        "total": sum(count for _key, count in months),
        # The first and last month are labelled under the ends only when the bars reach
        # both ends; a short span is named in the caption instead.
        "full_width": len(months) >= MIN_CHART_SLOTS,
    }
