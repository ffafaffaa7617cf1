"""`{% article_url 'editorial-policy' %}`: an English article's address in the page's language."""

from django import template

from articles import translations

register = template.Library()


@register.simple_tag
def article_url(original_slug: str) -> str:
    return translations.article_url(original_slug)
