from django.urls import path

from articles import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="list"),
    path("articles/<slug:slug>/", views.article_detail, name="detail"),
    path("topics/<slug:topic>/", views.topic_detail, name="topic"),
    path("tags/<str:tag>/", views.tag_detail, name="tag"),
    path("glossary/", views.glossary, name="glossary"),
    path("search/", views.search, name="search"),
    path("feed/", feeds.ArticleFeed(), name="feed"),
]
