"""Curation in the Django admin: editors browse articles and review who said what."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Section, Source, Speaker, SpeakerAlias, Statement


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "code", "site_url", "article_count"]
    search_fields = ["name", "code"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_article_count=Count("articles"))

    @admin.display(description=_("عدد المقالات"), ordering="_article_count")
    def article_count(self, obj):
        return obj._article_count


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    fields = ["text", "speaker", "kind", "verb", "status", "start", "end"]
    readonly_fields = ["start", "end"]
    autocomplete_fields = ["speaker"]
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "source", "section", "published", "external_id"]
    list_filter = ["source", "section", ("published", admin.DateFieldListFilter)]
    list_select_related = ["source", "section"]
    search_fields = ["title", "external_id", "abstract", "author"]
    date_hierarchy = "published"
    readonly_fields = [
        "external_id",
        "content_hash",
        "import_path",
        "import_format",
        "imported_at",
        "created",
        "updated",
    ]
    fieldsets = [
        (None, {"fields": ["title", "abstract", "body"]}),
        (_("النشر"), {"fields": ["source", "section", "author", "published", "url", "language"]}),
        (
            _("مصدر الاستيراد"),
            {
                "fields": readonly_fields,
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [StatementInline]
    list_per_page = 50
    show_full_result_count = False


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 0
    fields = ["name", "normalized"]
    readonly_fields = ["normalized"]


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "description", "statement_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SpeakerAliasInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_statement_count=Count("statements"))

    @admin.display(description=_("عدد التصريحات"), ordering="_statement_count")
    def statement_count(self, obj):
        return obj._statement_count


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["short_text", "speaker", "article", "kind", "verb", "status", "confidence"]
    list_filter = ["status", "kind", "article__source"]
    list_select_related = ["speaker", "article"]
    search_fields = ["text", "speaker__name", "speaker_mention", "article__title"]
    autocomplete_fields = ["speaker", "article"]
    readonly_fields = ["extractor_version", "created", "updated"]

    @admin.display(description=_("النص"))
    def short_text(self, obj):
        return obj.text[:90]


@admin.register(SpeakerAlias)
class SpeakerAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "speaker", "normalized"]
    search_fields = ["name", "normalized", "speaker__name"]
    autocomplete_fields = ["speaker"]
    readonly_fields = ["normalized"]
