"""
`{% site_facts %}` at the top of base.html: the context processor's values on the one page Django
renders without a request, the 500 page, where context processors do not run. Without it that page
would lose the site's name and its topics, and fail on the crisis link.
"""

from django import template

from articles.context_processors import site_facts as facts

register = template.Library()


@register.simple_tag(takes_context=True)
def site_facts(context) -> str:
    if "site_name" not in context:
        for name, value in facts().items():
            context[name] = value
    return ""
