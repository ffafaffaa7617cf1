from django import template

from feedback.forms import FeedbackForm

register = template.Library()


@register.inclusion_tag("feedback/includes/feedback_section.html", takes_context=True)
def feedback_section(context, article):
    """ "Was this page helpful?" at the end of an article; a thank-you once the reader has answered."""
    request = context["request"]
    return {
        "form": FeedbackForm(initial={"article": article.slug}),
        "thanked": request.GET.get("feedback") == "thanks",
    }
