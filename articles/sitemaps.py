"""/sitemap.xml: every article, speaker, source and story page, so search engines find them."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Source, Speaker, Story


class StaticSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["home", "search", "statements"]

    def location(self, item):
        return reverse(item)


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Article.objects.only("external_id", "updated").order_by("id")

    def lastmod(self, article):
        return article.updated


class SpeakerSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5
    limit = 5000

    def items(self):
        return Speaker.objects.only("slug", "updated").order_by("id")

    def lastmod(self, speaker):
        return speaker.updated


class SourceSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Source.objects.order_by("id")


class StorySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self):
        return Story.objects.with_articles().only("id", "updated").order_by("id")

    def location(self, story):
        return reverse("story", args=[story.pk])

    def lastmod(self, story):
        return story.updated


SITEMAPS = {
    "pages": StaticSitemap,
    "articles": ArticleSitemap,
    "speakers": SpeakerSitemap,
    "sources": SourceSitemap,
    "stories": StorySitemap,
}
