from django.urls import path

from articles import views

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("statements/", views.statements, name="statements"),
    path("articles/<str:external_id>/", views.article_detail, name="article"),
    path("speakers/<str:slug>/", views.speaker_detail, name="speaker"),
    path("sources/<slug:code>/", views.source_detail, name="source"),
]
