"""The archive's data: outlets, articles, and who said what in them.

Statements point into the article body by character offsets, so the text of a
statement can always be checked against (and highlighted in) the original.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, slug_re
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from articles.text.normalize import normalize_arabic


class Source(models.Model):
    """A news outlet (العربية، بي بي سي …)."""

    name = models.CharField(_("الاسم"), max_length=200)
    code = models.SlugField(_("الرمز"), max_length=50, unique=True)
    site_url = models.URLField(_("الموقع"), blank=True)

    class Meta:
        verbose_name = _("مصدر")
        verbose_name_plural = _("المصادر")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        if not slug_re.match(self.code):
            # A code that is not a slug (stored before the importer refused them) has no
            # /sources/ address; the search filtered by the source lists the same articles.
            return f"{reverse('search')}?{urlencode({'source': self.code})}"
        return reverse("source", args=[self.code])


class Section(models.Model):
    """A news category (العالم، اقتصاد، رياضة …), shared by all outlets."""

    name = models.CharField(_("الاسم"), max_length=200, unique=True)
    slug = models.SlugField(_("المعرف"), max_length=100, unique=True, allow_unicode=True)

    class Meta:
        verbose_name = _("قسم")
        verbose_name_plural = _("الأقسام")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Article(models.Model):
    external_id = models.CharField(
        _("المعرف الخارجي"),
        max_length=200,
        unique=True,
        help_text=_("معرف ثابت من المصدر (رقم وثيقة المدونة أو اسم الملف)."),
    )
    title = models.TextField(_("العنوان"))
    abstract = models.TextField(_("الملخص"), blank=True)
    body = models.TextField(_("النص"))
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="articles", verbose_name=_("المصدر")
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.PROTECT,
        related_name="articles",
        null=True,
        blank=True,
        verbose_name=_("القسم"),
    )
    author = models.CharField(_("الكاتب"), max_length=300, blank=True)
    published = models.DateTimeField(_("تاريخ النشر"), null=True, blank=True, db_index=True)
    url = models.URLField(_("الرابط الأصلي"), max_length=1000, blank=True)
    language = models.CharField(_("اللغة"), max_length=10, default="ar")
    content_hash = models.CharField(
        _("بصمة المحتوى"),
        max_length=64,
        help_text=_("SHA-256 للحقول المستوردة؛ تغيرها يعني أن المقال عُدّل."),
    )
    # Set in the same transaction as the statements: an article stored but never
    # extracted (an import killed between the two) is found and extracted by the next import.
    extracted_with = models.CharField(
        _("استُخرجت تصريحاته بالإصدار"), max_length=20, blank=True, default="",
        help_text=_("إصدار مستخرج التصريحات الذي عالج المقال آخر مرة؛ فارغ إن لم يُعالج بعد."),
    )
    import_path = models.CharField(_("ملف الاستيراد"), max_length=1000, blank=True)
    import_format = models.CharField(_("صيغة الاستيراد"), max_length=20, blank=True)
    imported_at = models.DateTimeField(_("وقت الاستيراد"), null=True, blank=True)
    created = models.DateTimeField(_("أنشئ"), auto_now_add=True)
    updated = models.DateTimeField(_("عُدّل"), auto_now=True)

    class Meta:
        verbose_name = _("مقال")
        verbose_name_plural = _("المقالات")
        ordering = [F("published").desc(nulls_last=True), "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(external_id=""), name="article_external_id_not_empty"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty"),
        ]
        indexes = [models.Index(fields=["source", "published"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("article", args=[self.external_id])


class IndexedQuerySet(models.QuerySet):
    """A queryset whose update() keeps the search index in step, as save() does.

    QuerySet.update() fires no model signal. Here, an update that changes a field the
    index holds (`indexed_fields`) schedules the articles whose index entries show the
    rows — collected before the update, and after it too when the update moves rows to
    other articles or speakers (`moving_fields`) — with articles.signals.schedule: after
    the transaction commits, and not inside search_backends.suspended_auto_index(). An update of
    other fields (a link confidence over thousands of statements) schedules nothing.
    """

    indexed_fields = frozenset()
    moving_fields = frozenset()

    def indexed_article_ids(self):
        """Pks of the articles whose index entries show these rows."""
        raise NotImplementedError

    def update(self, **kwargs):
        from articles import signals
        from articles.search_backends import auto_index_enabled

        if not self.indexed_fields.intersection(kwargs) or not auto_index_enabled():
            return super().update(**kwargs)
        article_ids = set(self.indexed_article_ids())
        moved = list(self.values_list("pk", flat=True)) if self.moving_fields.intersection(kwargs) else []
        count = super().update(**kwargs)
        if moved:
            article_ids.update(self.model._default_manager.filter(pk__in=moved).indexed_article_ids())
        if count:
            signals.schedule(article_ids=article_ids)
        return count


def _articles_quoting(speaker_ids):
    return Statement.objects.filter(speaker__in=speaker_ids).values_list("article_id", flat=True).distinct()


class SpeakerQuerySet(IndexedQuerySet):
    # The index holds a speaker's slug (the facet value) and names (aliases below).
    indexed_fields = frozenset({"name", "slug"})

    def indexed_article_ids(self):
        return _articles_quoting(self.order_by().values("pk"))


class SpeakerAliasQuerySet(IndexedQuerySet):
    indexed_fields = frozenset({"name", "speaker", "speaker_id"})
    moving_fields = frozenset({"speaker", "speaker_id"})

    def indexed_article_ids(self):
        return _articles_quoting(self.order_by().values("speaker_id"))


class SpeakerKind(models.TextChoices):
    PERSON = "person", _("شخص")
    ORGANISATION = "organisation", _("جهة")
    UNKNOWN = "unknown", _("غير معروف")


class Speaker(models.Model):
    """A person or organisation quoted in the archive, under one canonical name."""

    name = models.CharField(_("الاسم المعتمد"), max_length=300)
    # The slug is the speaker's stable id in URLs, the API and exports (speaker_id); one that
    # opens with - or _ would reach a CSV cell as a formula guard ('-x), unlike the URL's.
    slug = models.SlugField(
        _("المعرف"), max_length=300, unique=True, allow_unicode=True,
        validators=[RegexValidator(r"^[^\W_]", _("يبدأ المعرف بحرف أو رقم."))],
    )
    kind = models.CharField(
        _("النوع"), max_length=20, choices=SpeakerKind.choices, default=SpeakerKind.UNKNOWN
    )
    description = models.CharField(
        _("الصفة"), max_length=500, blank=True, help_text=_("المنصب أو الصفة، مثل: وزير الخارجية الأميركي")
    )
    created = models.DateTimeField(_("أنشئ"), auto_now_add=True)
    updated = models.DateTimeField(_("عُدّل"), auto_now=True)

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        verbose_name = _("متحدث")
        verbose_name_plural = _("المتحدثون")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("speaker", args=[self.slug])


class MergedSpeakerSlug(models.Model):
    """The slug of a speaker an editor merged into another: its old page, bookmarks and
    links in exports keep leading to the person (a permanent redirect), not to a 404."""

    slug = models.CharField(_("المعرف القديم"), max_length=300, unique=True)
    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="merged_slugs", verbose_name=_("المتحدث")
    )

    class Meta:
        verbose_name = _("معرف متحدث مدموج")
        verbose_name_plural = _("معرفات المتحدثين المدموجين")

    def __str__(self):
        return f"{self.slug} → {self.speaker.slug}"


def alias_key(name):
    """The normalized spelling an alias is matched and kept unique by. Normalization can
    lengthen a name (a ligature such as ﷺ spells out eighteen letters), so the key is cut
    to the column's length after it, not before."""
    return normalize_arabic(name)[:300]


class SpeakerAlias(models.Model):
    """One spelling of a speaker's name. A spelling belongs to exactly one speaker."""

    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("المتحدث")
    )
    name = models.CharField(_("الاسم كما كُتب"), max_length=300)
    # The normalized form is what matching uses; unique so that one spelling can never
    # point at two speakers.
    normalized = models.CharField(_("الصيغة الموحدة"), max_length=300, unique=True, editable=False)

    objects = SpeakerAliasQuerySet.as_manager()

    class Meta:
        verbose_name = _("اسم بديل")
        verbose_name_plural = _("الأسماء البديلة")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized = alias_key(self.name)
        super().save(*args, **kwargs)


class StatementKind(models.TextChoices):
    DIRECT = "direct", _("اقتباس مباشر")
    PARTIAL = "partial", _("اقتباس جزئي")
    REPORTED = "reported", _("كلام منقول")


class ReviewStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", _("لم يُراجع")
    VERIFIED = "verified", _("مؤكد")
    REJECTED = "rejected", _("مرفوض")


class StatementQuerySet(IndexedQuerySet):
    # What articles.indexing writes of a statement: its text, speaker (or the mention when
    # there is none), kind, whether it is public, its article; `updated` is in the
    # article's fingerprint.
    indexed_fields = frozenset({
        "article", "article_id", "speaker", "speaker_id", "speaker_mention", "text", "kind", "status",
        "updated",
    })
    moving_fields = frozenset({"article", "article_id"})

    def indexed_article_ids(self):
        return self.order_by().values_list("article_id", flat=True).distinct()

    def public(self):
        """The statements a reader may see, on every page, export, API and in the index:
        an editor's rejection takes a statement off the site."""
        return self.exclude(status=ReviewStatus.REJECTED)


class Statement(models.Model):
    """A quoted or reported statement, located in its article's body by offsets."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="statements", verbose_name=_("المقال")
    )
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
        verbose_name=_("المتحدث"),
    )
    speaker_mention = models.CharField(_("المتحدث كما ورد"), max_length=300, blank=True)
    # The title the article gave the speaker in this statement (وزير الخارجية الأمريكي): a
    # speaker keeps every title they were quoted with, each dated by its articles.
    speaker_description = models.CharField(
        _("صفة المتحدث في التصريح"), max_length=500, blank=True,
        help_text=_("الصفة التي ذكرها المقال للمتحدث في هذا التصريح، مثل: وزير الخارجية الأمريكي"),
    )
    mention_start = models.PositiveIntegerField(_("بداية ذكر المتحدث"), null=True, blank=True)
    mention_end = models.PositiveIntegerField(_("نهاية ذكر المتحدث"), null=True, blank=True)
    speaker_link_confidence = models.FloatField(_("ثقة ربط المتحدث"), default=1.0)
    text = models.TextField(_("النص"))
    kind = models.CharField(_("النوع"), max_length=20, choices=StatementKind.choices)
    verb = models.CharField(_("فعل القول"), max_length=50, blank=True)
    channel = models.CharField(_("القناة"), max_length=200, blank=True)
    start = models.PositiveIntegerField(_("البداية"))
    end = models.PositiveIntegerField(_("النهاية"))
    confidence = models.FloatField(_("الثقة"), default=0.5)
    status = models.CharField(
        _("حالة المراجعة"),
        max_length=20,
        choices=ReviewStatus.choices,
        default=ReviewStatus.UNREVIEWED,
        db_index=True,
    )
    # Set when an editor changes the statement by hand: re-extraction never touches it.
    edited = models.BooleanField(_("عدّله محرر"), default=False)
    reviewer_notes = models.TextField(_("ملاحظات المراجع"), blank=True)
    extractor_version = models.CharField(_("إصدار المستخرج"), max_length=20, blank=True)
    created = models.DateTimeField(_("أنشئ"), auto_now_add=True)
    updated = models.DateTimeField(_("عُدّل"), auto_now=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("تصريح")
        verbose_name_plural = _("التصريحات")
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="statement_span_not_empty"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="statement_confidence_0_1",
            ),
            models.CheckConstraint(
                condition=Q(mention_start__isnull=True) | Q(mention_end__gt=F("mention_start")),
                name="statement_mention_span_not_empty",
            ),
            models.UniqueConstraint(
                fields=["article", "start", "end", "kind"], name="statement_unique_span"
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def is_protected(self):
        """Editors' work that re-extraction must keep."""
        return self.edited or self.status != ReviewStatus.UNREVIEWED

    def clean(self):
        # A database CHECK cannot see the article's body length, so the bound is kept here
        # and by the extractor, which only produces offsets inside the text it was given.
        body = self.article.body if self.article_id else ""
        if self.end is not None and self.end > len(body):
            raise ValidationError({"end": _("النهاية تتجاوز طول نص المقال.")})
        if self.mention_end is not None and self.mention_end > len(body):
            raise ValidationError({"mention_end": _("ذكر المتحدث يتجاوز طول نص المقال.")})


# --- stories: one event as the outlets reported it (articles.stories) ---------------


class StoryQuerySet(models.QuerySet):
    def with_articles(self):
        """The stories that still have an article: deleting a story's last article leaves
        its row (the grouping removes it on its next run), which is no page to show."""
        return self.filter(models.Exists(StoryMembership.objects.filter(story=models.OuterRef("pk"))))


class Story(models.Model):
    """One news event and the articles that report it, across outlets.

    The id is stable: re-grouping gives a story's id to the new group that holds most of
    its articles (articles.stories.identity), so links and exports keep pointing at it.
    Title and dates are copied from the members when the story is saved by the grouping,
    and follow them when an article is moved out or deleted; a title an editor wrote
    (`title_pinned`) stays until an editor unpins it.
    """

    title = models.TextField(_("العنوان"))
    title_pinned = models.BooleanField(
        _("ثبّت محرر العنوان"), default=False,
        help_text=_("كتبه محرر؛ إعادة التجميع لا تغيّره. ألغِ التثبيت ليعود عنوان أبرز مقالاتها."),
    )
    first_published = models.DateTimeField(_("أول نشر"), null=True, blank=True, db_index=True)
    last_published = models.DateTimeField(_("آخر نشر"), null=True, blank=True)
    article_count = models.PositiveIntegerField(_("عدد المقالات"), default=0)
    source_count = models.PositiveIntegerField(_("عدد المصادر"), default=0)
    created = models.DateTimeField(_("أنشئ"), auto_now_add=True)
    updated = models.DateTimeField(_("عُدّل"), auto_now=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("قصة")
        verbose_name_plural = _("القصص")
        ordering = [F("first_published").desc(nulls_last=True), "-id"]

    def __str__(self):
        return self.title


class StoryMembership(models.Model):
    """An article's place in a story. An article is in at most one story.

    `pinned` is an editor's decision (moved, split or merged in the admin): re-grouping
    keeps pinned articles of one story together and never joins pinned articles of two.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="story_membership", verbose_name=_("المقال")
    )
    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("القصة")
    )
    pinned = models.BooleanField(
        _("ثبّته محرر"), default=False,
        help_text=_("وضعه محرر في هذه القصة؛ إعادة التجميع لا تنقله."),
    )

    class Meta:
        verbose_name = _("مقال في قصة")
        verbose_name_plural = _("مقالات القصص")

    def __str__(self):
        return f"{self.story_id}: {self.article}"


class ArticleCopy(models.Model):
    """An article whose text is (nearly) the same as an earlier one: the same outlet's
    article filed in a second section, or one wire text carried by two outlets.

    Each copy points at the original, the first published of its group, so the copies of
    an article are the rows sharing its original (articles.stories.store.copies_of).
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="copy_of", verbose_name=_("النسخة")
    )
    original = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="copies", verbose_name=_("الأصل")
    )
    same_source = models.BooleanField(_("من المصدر نفسه"), default=True)

    class Meta:
        verbose_name = _("نسخة مقال")
        verbose_name_plural = _("نسخ المقالات")
        constraints = [
            models.CheckConstraint(condition=~Q(article=F("original")), name="copy_not_of_itself"),
        ]

    def __str__(self):
        return f"{self.article_id} → {self.original_id}"


class StoryTerm(models.Model):
    """How many articles use a term (a light stem), for the grouping's inverse document
    frequency. Written by `group_stories --all`; incremental grouping only reads it."""

    term = models.CharField(max_length=100, unique=True)
    documents = models.PositiveIntegerField()

    def __str__(self):
        return self.term


class GroupingRun(models.Model):
    """One run of `group_stories`: without --all it regroups the articles changed since the
    last run started. The grouping after an import batch records no run (a failed batch's
    articles must stay "changed since" for the command)."""

    started = models.DateTimeField()
    finished = models.DateTimeField(null=True, blank=True)
    everything = models.BooleanField(default=False)
    articles = models.PositiveIntegerField(default=0)
    stories = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started"]
