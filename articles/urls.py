from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from articles import api, feeds, story_views, views
from articles.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/feed/", feeds.search_feed, name="search_feed"),
    path("search/stories/", story_views.search_stories, name="search_stories"),
    path("search/export.csv", api.search_export_csv, name="search_export"),
    path("statements/", views.statements, name="statements"),
    path("statements/export.csv", api.statements_export_csv, name="statements_export"),
    path("api/search/", api.api_search, name="api_search"),
    path("api/statements/", api.api_statements, name="api_statements"),
    path("articles/<str:external_id>/", views.article_detail, name="article"),
    path("speakers/<str:slug>/", views.speaker_detail, name="speaker"),
    path("sources/<slug:code>/", views.source_detail, name="source"),
    # Any text, checked by the view: an id the database cannot hold is a 404, never a 500.
    path("stories/<str:story_id>/", story_views.story_detail, name="story"),
    path("api/stories/<str:story_id>/", story_views.api_story, name="api_story"),
    path("opensearch.xml", views.opensearch, name="opensearch"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
]
