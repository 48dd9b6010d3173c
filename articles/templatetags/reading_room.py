"""The reading room's template tags: each a line or two over articles.rendering, where
the presentation rules live and are tested without templates."""

from django import template
from django.utils.html import conditional_escape, format_html

from articles import rendering

register = template.Library()


@register.filter
def arabic_date(value):
    """24 نوفمبر 2026; an empty string for a missing or unreadable date."""
    return rendering.day_label(value)


@register.filter
def arabic_month(value):
    """'2026-11' (the search layer's month key) or a date → نوفمبر 2026."""
    return rendering.month_label(value)


@register.filter
def iso_date(value):
    """The machine-readable form for <time datetime="…">."""
    day = rendering.calendar_date(value)
    return day.isoformat() if day else ""


@register.filter
def num(value):
    """31,525 — thousands grouped so large counts read at a glance."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value


@register.filter
def safe_snippet(snippet):
    """The search layer's snippet with only its <mark> tags kept as markup."""
    return rendering.sanitize_snippet(snippet)


@register.filter
def web_url(value):
    """The address if it is an http(s) URL, else "" (never a live `javascript:` link)."""
    return rendering.web_address(value)


@register.inclusion_tag("includes/timeline.html")
def timeline(points, caption):
    """Bars of counts per month as inline SVG, with the same numbers as a table."""
    return rendering.timeline_chart(points, caption)


@register.simple_tag
def bidi(value):
    """Wrap a user-provided fragment so Latin text inside it cannot reorder its surroundings."""
    return format_html("<bdi>{}</bdi>", conditional_escape(value))


@register.simple_tag
def later_carriers(trail, own):
    """The later carriers a statement line names, and how many more there are."""
    return rendering.later_carriers(trail, own)


@register.simple_tag
def page_numbers(current, pages):
    """Page numbers to link; None marks pages left out."""
    return rendering.page_numbers(current, pages)


@register.simple_tag(takes_context=True)
def with_param(context, name, value=None, keep_page=False):
    """The current URL's query string with one parameter set (or removed, for None).

    Changing a facet starts again from page 1, so the page is dropped unless asked.
    Used where the parameter's name is itself a variable (facet links), which Django's
    {% querystring %} cannot take.
    """
    params = context["request"].GET.copy()
    if not keep_page:
        params.pop("page", None)
    if value is None or value == "":
        params.pop(name, None)
    else:
        params[name] = str(value)
    # A month belongs to a year: removing or changing the year drops the month.
    if name == "year":
        params.pop("month", None)
    encoded = params.urlencode()
    return "?" + encoded if encoded else "?"
