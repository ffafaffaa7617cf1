from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.library import get_library
from core.validators import reject_control_characters_multiline
from feedback.models import COMMENT_MAX, PageFeedback


class FeedbackForm(forms.Form):
    article = forms.SlugField(max_length=PageFeedback._meta.get_field("article").max_length, widget=forms.HiddenInput)
    helpful = forms.ChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        error_messages={"required": _("Choose Yes or No."), "invalid_choice": _("Choose Yes or No.")},
    )
    comment = forms.CharField(
        label=_("Tell us more (optional)"),
        help_text=_("Do not include your name, contact details or medical details. We cannot reply."),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),  # Django adds maxlength from max_length
        validators=[reject_control_characters_multiline],
    )

    def clean_article(self):
        slug = self.cleaned_data["article"]
        article = get_library().get(slug)
        if article is None or not article.is_public(timezone.localdate()):
            raise forms.ValidationError(_("This page cannot take feedback."))
        return article
