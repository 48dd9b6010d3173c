"""The search pages' parameters, validated with django-filter.

A FilterSet here is used as a validator of the query string, not to filter a queryset:
the search engine does the filtering. Each parameter is checked alone, so one bad value
(an unknown source, a month like 2020-13, a page "abc") is dropped with a note on the page
and the rest of the search still runs — never a 500, never a silent drop.
"""

import django_filters as df
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Section, Source, Speaker, Statement, StatementKind
from articles.text.characters import code_point, first_xml_invalid, strip_xml_invalid

# Long enough for any real query (a pasted paragraph), short enough that a 10 kB junk
# string is refused before it reaches the query parser.
MAX_QUERY_LENGTH = 500
# Deeper pages are refused: no one reads page 1,000, and the index would have to rank
# every document to produce it.
MAX_PAGE = 1000
SORTS = [("relevance", _("Relevance")), ("newest", _("Newest first")), ("oldest", _("Oldest first"))]

month_validator = RegexValidator(r"^\d{4}-(0[1-9]|1[0-2])$", _("A month is written YYYY-MM."))


def searchable_characters(value):
    """A query holds no character that XML cannot hold: no words are made of them, and the
    query is written back into the Atom feed, which they would break. NUL has Django's own
    message (every form field refuses it), so it is not named twice."""
    character = first_xml_invalid(value.replace("\x00", ""))
    if character is not None:
        raise ValidationError(
            _("The query contains a control character (%(code)s), which cannot be searched for."),
            code="control_character", params={"code": code_point(character)},
        )


class ReadingRoomFilterSet(df.FilterSet):
    """What both search pages share: the query, exact spelling, sort, page and dates."""

    q = df.CharFilter(label=_("Search"), max_length=MAX_QUERY_LENGTH, validators=[searchable_characters])
    exact = df.ChoiceFilter(label=_("Exact spelling"), choices=[("1", _("Exact spelling"))])
    sort = df.ChoiceFilter(label=_("Sort"), choices=SORTS)
    page = df.NumberFilter(label=_("Page"), min_value=1, max_value=MAX_PAGE)
    year = df.NumberFilter(label=_("Year"), min_value=1800, max_value=2200)
    source = df.ModelChoiceFilter(
        label=_("Source"), queryset=Source.objects.all(), to_field_name="code"
    )
    speaker = df.ModelChoiceFilter(
        label=_("Speaker"), queryset=Speaker.objects.all(), to_field_name="slug"
    )

    # Parameters that narrow the results (what the facet links set); the rest shape them.
    facet_names = ("source", "year", "speaker")

    def search_arguments(self):
        """Keyword arguments for articles.search, from the valid parameters only."""
        data = self.valid_data()
        filters = {}
        for name in self.facet_names:
            value = data.get(name)
            if value in (None, ""):
                continue
            filters[name] = self._facet_value(name, value)
        page = data.get("page")
        return {
            "q": (data.get("q") or "").strip(),
            "filters": filters,
            "sort": data.get("sort") or "relevance",
            "page": int(page) if page else 1,
            "exact": data.get("exact") == "1",
        }

    def _facet_value(self, name, value):
        if name == "source":
            return value.code
        if name == "speaker":
            return value.slug
        if name == "section":
            return value.name
        if name == "year":
            return int(value)
        return value

    def valid_data(self):
        """cleaned_data of the fields that passed; the invalid ones are in rejected()."""
        self.form.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items() if name not in self.form.errors}

    def rejected(self):
        """[(parameter, its label, the submitted value, the reason)] for the note on the page."""
        self.form.is_valid()
        rejected = []
        for name, errors in self.form.errors.items():
            # A control character would reach the page invisible, or break it: show it as �.
            value = strip_xml_invalid(str(self.data.get(name, "")), "\ufffd")
            label = self.form.fields[name].label if name in self.form.fields else name
            rejected.append((name, label, value, " ".join(errors)))
        return rejected

    def query_refused(self):
        """True when the query itself is refused (too long, or a control character)."""
        self.form.is_valid()
        return "q" in self.form.errors


class ArticleSearchFilterSet(ReadingRoomFilterSet):
    section = df.ModelChoiceFilter(
        label=_("Section"), queryset=Section.objects.all(), to_field_name="name"
    )
    month = df.CharFilter(label=_("Month"), validators=[month_validator])
    date_from = df.DateFilter(label=_("From"))
    date_to = df.DateFilter(label=_("To"))

    facet_names = ("source", "section", "year", "month", "speaker", "date_from", "date_to")

    class Meta:
        model = Article
        fields = []

    def search_arguments(self):
        arguments = super().search_arguments()
        filters = arguments["filters"]
        # A reversed range is a slip of the hand, not a wish for nothing: swap it.
        if filters.get("date_from") and filters.get("date_to") and filters["date_from"] > filters["date_to"]:
            filters["date_from"], filters["date_to"] = filters["date_to"], filters["date_from"]
        return arguments


class StatementSearchFilterSet(ReadingRoomFilterSet):
    kind = df.ChoiceFilter(label=_("Kind"), choices=StatementKind.choices)

    facet_names = ("speaker", "kind", "source", "year")

    class Meta:
        model = Statement
        fields = []
