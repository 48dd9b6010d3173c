"""Curation in the Django admin: editors browse articles and review who said what."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Article,
    MergedSpeakerSlug,
    ArticleCopy,
    ReviewStatus,
    Section,
    Source,
    Speaker,
    SpeakerAlias,
    Statement,
    Story,
    StoryMembership,
    alias_key,
)
from articles.quotes.speakers import LINK_THRESHOLD
from articles.statements import merge_queue, merge_speakers
from articles.stories import store as stories_store


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


class StatementCurationForm(forms.ModelForm):
    """Marks a statement as an editor's work when its speaker or span is changed by hand,
    so that re-extraction never overwrites it."""

    CURATED_FIELDS = {"speaker", "start", "end", "text", "kind", "speaker_mention", "speaker_description"}

    class Meta:
        model = Statement
        fields = "__all__"

    def save(self, commit=True):
        statement = super().save(commit=False)
        if self.instance.pk and self.CURATED_FIELDS & set(self.changed_data):
            statement.edited = True
        if {"start", "end"} & set(self.changed_data) and "text" not in self.changed_data:
            statement.text = statement.article.body[statement.start : statement.end]
        if commit:
            statement.save()
            self.save_m2m()
        return statement


class StatementInline(admin.TabularInline):
    model = Statement
    form = StatementCurationForm
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


class SpeakerAliasForm(forms.ModelForm):
    """A spelling belongs to one speaker: say which one instead of failing on the unique index."""

    class Meta:
        model = SpeakerAlias
        fields = ["speaker", "name"]

    def clean_name(self):
        name = self.cleaned_data["name"]
        owner = (
            SpeakerAlias.objects.filter(normalized=alias_key(name))
            .exclude(pk=self.instance.pk)
            .select_related("speaker")
            .first()
        )
        if owner is not None:
            raise forms.ValidationError(
                _("هذه الصيغة اسم بديل للمتحدث «%(speaker)s» بالفعل؛ ادمج المتحدثين بدلا من ذلك.")
                % {"speaker": owner.speaker}
            )
        return name


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    form = SpeakerAliasForm
    extra = 0
    fields = ["name", "normalized"]
    readonly_fields = ["normalized"]


class SpeakerForm(forms.ModelForm):
    """A merged speaker's slug keeps leading to the person it was merged into: old links and
    exports name them by it, so it is not given to anyone else."""

    class Meta:
        model = Speaker
        fields = "__all__"

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        merged = MergedSpeakerSlug.objects.filter(slug=slug).select_related("speaker").first()
        if merged is not None and merged.speaker_id != self.instance.pk:
            raise forms.ValidationError(
                _("هذا المعرف كان لمتحدث دُمج في «%(speaker)s» ويقود إليه؛ اختر معرفا آخر.")
                % {"speaker": merged.speaker}
            )
        return slug


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    form = SpeakerForm
    list_display = ["name", "kind", "description", "statement_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SpeakerAliasInline]
    actions = ["merge_speakers"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_statement_count=Count("statements"))

    @admin.display(description=_("عدد التصريحات"), ordering="_statement_count")
    def statement_count(self, obj):
        return obj._statement_count

    change_list_template = "admin/articles/speaker/change_list.html"

    def get_urls(self):
        queue = path("merge-queue/", self.admin_site.admin_view(self.merge_queue_view), name="articles_speaker_merge_queue")
        return [queue, *super().get_urls()]

    def merge_queue_view(self, request):
        """Uncertain links grouped by speaker, with the people each might be: one merge
        moves all of that speaker's statements."""
        # A merge deletes the merged speaker: it needs both rights, as the merge action does.
        if not (self.has_change_permission(request) and self.has_delete_permission(request)):
            raise PermissionDenied
        if request.method == "POST":
            keep = Speaker.objects.filter(pk=_positive_int(request.POST.get("keep"))).first()
            merged = Speaker.objects.filter(pk=_positive_int(request.POST.get("merged"))).first()
            if keep is not None and merged is not None and keep.pk == merged.pk:
                self.message_user(request, _("لا يُدمج متحدث في نفسه؛ لم يُدمج شيء."), messages.ERROR)
                return redirect("admin:articles_speaker_merge_queue")
            if keep is None or merged is None:
                self.message_user(request, _("لم يعد أحد المتحدثين موجودا؛ لم يُدمج شيء."), messages.ERROR)
                return redirect("admin:articles_speaker_merge_queue")
            self.merge_and_report(request, keep, merged, "from the merge queue")
            return redirect("admin:articles_speaker_merge_queue")
        context = {
            **self.admin_site.each_context(request),
            "title": _("روابط غير مؤكدة: متحدثون قد يكونون غيرهم"),
            "opts": self.model._meta,
            "rows": merge_queue(),
        }
        return TemplateResponse(request, "admin/articles/speaker/merge_queue.html", context)

    def merge_and_report(self, request, keep, merged, how):
        """The one merge both ways of merging do: move, log, tell the editor."""
        merged_repr = str(merged)
        try:
            moved, aliases = merge_speakers(keep, merged)
        except Speaker.DoesNotExist:  # another editor merged one of them meanwhile
            self.message_user(request, _("لم يعد أحد المتحدثين موجودا؛ لم يُدمج شيء."), messages.ERROR)
            return
        self.log_change(request, keep, f"merged {merged_repr} {how}: {moved} statements, {aliases} aliases")
        self.message_user(
            request,
            _("دُمج «%(merged)s» في «%(keep)s»: نُقل %(moved)d تصريحا و%(aliases)d اسما بديلا.")
            % {"merged": merged_repr, "keep": keep, "moved": moved, "aliases": aliases},
            messages.SUCCESS,
        )

    @admin.action(description=_("دمج متحدثين"), permissions=["change", "delete"])
    def merge_speakers(self, request, queryset):
        """Two speakers → one, after a confirmation page that shows both side by side."""
        speakers = list(queryset.prefetch_related("aliases").order_by("pk"))
        if len(speakers) != 2:
            self.message_user(request, _("اختر متحدثين اثنين بالضبط للدمج."), messages.WARNING)
            return None
        if request.POST.get("confirm") == "yes":
            keep_id = request.POST.get("keep")
            by_id = {str(sp.pk): sp for sp in speakers}
            if keep_id not in by_id:
                self.message_user(request, _("اختر المتحدث الذي يبقى."), messages.ERROR)
                return None
            keep = by_id.pop(keep_id)
            merged = next(iter(by_id.values()))
            self.merge_and_report(request, keep, merged, "with the merge action")
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("تأكيد دمج متحدثين"),
            "opts": self.model._meta,
            "speakers": [
                {"speaker": sp, "aliases": list(sp.aliases.all()), "statements": sp.statements.count()}
                for sp in speakers
            ],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/speaker/merge_confirmation.html", context)


class ConfidenceBandFilter(admin.SimpleListFilter):
    """Statements whose speaker link is uncertain, for an editor to check first."""

    title = _("ثقة ربط المتحدث")
    parameter_name = "link"

    def lookups(self, request, model_admin):
        return [("uncertain", _("غير مؤكد (أقل من 0.8)")), ("certain", _("مؤكد"))]

    def queryset(self, request, queryset):
        if self.value() == "uncertain":
            return queryset.filter(speaker_link_confidence__lt=LINK_THRESHOLD)
        if self.value() == "certain":
            return queryset.filter(speaker_link_confidence__gte=LINK_THRESHOLD)
        return queryset


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    form = StatementCurationForm
    list_display = ["short_text", "speaker", "article", "kind", "verb", "status", "confidence"]
    list_filter = ["status", "kind", ("article__source", admin.RelatedOnlyFieldListFilter), "edited",
                   ConfidenceBandFilter]
    list_select_related = ["speaker", "article"]
    search_fields = ["text", "speaker__name", "speaker_mention", "article__title"]
    autocomplete_fields = ["speaker", "article"]
    readonly_fields = ["extractor_version", "edited", "created", "updated"]
    actions = ["mark_verified", "mark_rejected"]

    @admin.display(description=_("النص"))
    def short_text(self, obj):
        return obj.text[:90]

    @admin.action(description=_("تأكيد التصريحات المختارة"), permissions=["change"])
    def mark_verified(self, request, queryset):
        self._set_status(request, queryset, ReviewStatus.VERIFIED)

    @admin.action(description=_("رفض التصريحات المختارة"), permissions=["change"])
    def mark_rejected(self, request, queryset):
        self._set_status(request, queryset, ReviewStatus.REJECTED)

    def _set_status(self, request, queryset, status):
        count = queryset.update(status=status, updated=timezone.now())
        self.message_user(request, _("عُدّلت حالة %(count)d تصريحا.") % {"count": count}, messages.SUCCESS)


@admin.register(SpeakerAlias)
class SpeakerAliasAdmin(admin.ModelAdmin):
    form = SpeakerAliasForm
    list_display = ["name", "speaker", "normalized"]
    search_fields = ["name", "normalized", "speaker__name"]
    autocomplete_fields = ["speaker"]
    readonly_fields = ["normalized"]


def _positive_int(value):
    """A primary key from a form field, or None: odd input merges nothing."""
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else None


# --- stories: editors move, split and merge (articles.stories.store) ------------------


class StoryMembershipInline(admin.TabularInline):
    model = StoryMembership
    fields = ["article", "pinned"]
    readonly_fields = ["article", "pinned"]
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "first_published", "last_published", "article_count", "source_count"]
    search_fields = ["title", "memberships__article__title"]
    fields = ["title", "title_pinned", "first_published", "last_published", "article_count", "source_count"]
    # The grouping writes these from the members. The title an editor writes is pinned (the
    # grouping then keeps it); unpinning it gives the story its articles' title again.
    readonly_fields = ["first_published", "last_published", "article_count", "source_count"]
    inlines = [StoryMembershipInline]
    actions = ["merge_selected_stories"]

    def save_model(self, request, obj, form, change):
        # Writing a title pins it, unless the same save unticks the pin.
        edited = "title" in form.changed_data and "title_pinned" not in form.changed_data
        stories_store.set_story_title(obj, obj.title if obj.title_pinned or edited else None)

    def has_add_permission(self, request):
        # A story is made by the grouping or by an editor's move or split, never empty.
        return False

    @admin.action(description=_("دمج القصص المختارة في أقدمها"), permissions=["change"])
    def merge_selected_stories(self, request, queryset):
        stories = list(queryset)
        if len(stories) < 2:
            self.message_user(request, _("اختر قصتين أو أكثر للدمج."), messages.WARNING)
            return
        keep = stories_store.merge_stories(stories)
        self.log_change(request, keep, f"merged stories {sorted(s.pk for s in stories)}")
        self.message_user(request, _("دُمجت %(n)d قصص في القصة %(id)d.") % {"n": len(stories), "id": keep.pk},
                          messages.SUCCESS)


@admin.register(StoryMembership)
class StoryMembershipAdmin(admin.ModelAdmin):
    """Moving an article: change its story here; the change pins it there."""

    list_display = ["article", "story", "pinned"]
    list_filter = ["pinned"]
    search_fields = ["article__title", "article__external_id", "story__title"]
    raw_id_fields = ["article", "story"]
    readonly_fields = ["pinned"]
    actions = ["split_off"]

    def save_model(self, request, obj, form, change):
        stories_store.move_article(obj.article, obj.story)

    def delete_model(self, request, obj):
        self.delete_queryset(request, StoryMembership.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        # The stories the articles leave take their title, dates and counts from the rest.
        stories = set(queryset.values_list("story_id", flat=True))
        queryset.delete()
        stories_store.refresh_stories(stories)

    @admin.action(description=_("فصل المقالات المختارة في قصة جديدة"), permissions=["change"])
    def split_off(self, request, queryset):
        articles = [m.article for m in queryset.select_related("article")]
        try:
            new = stories_store.split_story(articles)
        except ValueError:
            self.message_user(request, _("اختر مقالات من قصة واحدة."), messages.ERROR)
            return
        self.log_change(request, new, f"split {len(articles)} articles into a new story")
        self.message_user(request, _("فُصلت %(n)d مقالات في القصة %(id)d.") % {"n": len(articles), "id": new.pk},
                          messages.SUCCESS)


@admin.register(ArticleCopy)
class ArticleCopyAdmin(admin.ModelAdmin):
    list_display = ["article", "original", "same_source"]
    list_filter = ["same_source"]
    search_fields = ["article__external_id", "original__external_id"]
    raw_id_fields = ["article", "original"]
