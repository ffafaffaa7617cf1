from django.urls import path
from django.utils.translation import gettext_lazy as _

from articles import feeds, staff_views, views

app_name = "articles"

# Paths are translated (locale/es): /es/articulos/<slug>/, /es/temas/<topic>/ ...
urlpatterns = [
    path("", views.home, name="home"),
    path(_("articles/"), views.article_list, name="list"),
    path(_("articles/<slug:slug>/"), views.article_detail, name="detail"),
    path(_("topics/<slug:topic>/"), views.topic_detail, name="topic"),
    path(_("tags/<str:tag>/"), views.tag_detail, name="tag"),
    path(_("glossary/"), views.glossary, name="glossary"),
    path(_("search/"), views.search, name="search"),
    path("feed/", feeds.ArticleFeed(), name="feed"),
    path("staff/reviews/", staff_views.review_report, name="staff-reviews"),
]
