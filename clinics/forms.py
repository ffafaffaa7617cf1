"""
The find-a-clinic form: every visible field, plus the honeypot and the timing token.

Errors are worded for the visitor ("Enter your name"). Django marks a failing field
`aria-invalid` and points its `aria-describedby` at `<id>_helptext` and `<id>_error`, which the
templates in `templates/includes/form/` use as the ids of the hint and the message.
"""

from urllib.parse import urlsplit

from django import db, forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from clinics import validators
from clinics.antiabuse import TokenProblem, form_token_check
from clinics.models import MESSAGE_MAX, VISITOR_FIELDS, ContactMethod, Inquiry
from clinics.selectors import inquiry_token_used
from clinics.widgets import PlainSelect
from core import validators as text_validators

# Free-text single-line fields. Email and phone need no extra check: their own patterns allow no control characters.
FREE_TEXT_FIELDS = ("name", "location", "country")

TOKEN_MESSAGES = {
    TokenProblem.MISSING: _("Something went wrong with this form. Check your answers and send it again."),
    TokenProblem.TOO_FAST: _("That was quicker than we expected. Check your answers, then send the form again."),
    TokenProblem.EXPIRED: _(
        "This form was open for a long time, so for your safety we did not send it. "
        "Your answers are still here: check them and send the form again."
    ),
    TokenProblem.REPLAYED: _(
        "We have already received this form. If you meant to send another request, "
        "check your answers and send it again."
    ),
}
HONEYPOT_MESSAGE = _(
    "We could not send your request. If you filled in the box marked 'Leave this box empty', clear it and try again."
)


def local_path(value: str) -> str:
    """The path of a link within this site, or "" for anything else (other sites, odd schemes)."""
    value = value.strip()
    if not value.startswith("/") or not url_has_allowed_host_and_scheme(value, allowed_hosts=None):
        return ""
    try:
        text_validators.reject_control_characters(value)
    except forms.ValidationError:
        return ""
    # The path only: a query string may hold what the visitor searched for.
    return urlsplit(value).path[: Inquiry._meta.get_field("source_path").max_length]


def _token_already_used(nonce: str) -> bool:
    try:
        return inquiry_token_used(nonce=nonce)
    except db.Error:
        # The database is down: the insert decides (and fails too, so the form comes back with the answers).
        return False


class MultilineField(forms.CharField):
    """Browsers send line breaks as CRLF but count them as one character; count (and store) them as one too."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class InquiryForm(forms.ModelForm):
    is_adult = forms.BooleanField(
        label=_("I am 18 or older"),
        error_messages={"required": _("Confirm that you are 18 or older")},
    )
    consent_to_contact = forms.BooleanField(
        label=_("I agree to be contacted about this request"),
        error_messages={"required": _("Agree to be contacted about this request, or we cannot pass it on")},
    )
    # Hidden from people by CSS; scripts that fill in every box fill this one too.
    homepage = forms.CharField(
        label=_("Leave this box empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)
    source_path = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Inquiry
        fields = list(VISITOR_FIELDS)
        field_classes = {"message": MultilineField}
        labels = {
            "name": _("Your name"),
            "email": _("Email address"),
            "phone": _("Phone number (optional)"),
            "preferred_contact": _("How should a clinic contact you?"),
            "location": _("Postal code or city"),
            "us_state": _("US state (optional)"),
            "country": _("Country"),
            "topic": _("What is your inquiry about?"),
            "message": _("Anything else a clinic should know (optional)"),
        }
        help_texts = {
            "email": _("We use this only to reply about this request."),
            "phone": _("Include the country code if you are outside the US."),
            "message": format_lazy(
                _(
                    "Please do not include medical details such as diagnoses, medicines or treatment history: "
                    "a clinician will ask about these in private. At most {limit} characters."
                ),
                limit=f"{MESSAGE_MAX:,}",
            ),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "preferred_contact": forms.RadioSelect,
            "location": forms.TextInput(attrs={"spellcheck": "false"}),
            "us_state": PlainSelect(attrs={"autocomplete": "address-level1"}),
            "country": forms.TextInput(attrs={"autocomplete": "country-name"}),
            "topic": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 6}),
        }
        # Django fills in %(limit_value)d from the model field's max_length, so the limit is written once.
        error_messages = {
            "name": {
                "required": _("Enter your name"),
                "max_length": _("Your name must be %(limit_value)d characters or fewer"),
            },
            "email": {
                "required": _("Enter your email address"),
                "invalid": _("Enter an email address in the correct format, like name@example.com"),
                "max_length": _("Your email address must be %(limit_value)d characters or fewer"),
            },
            "phone": {"max_length": _("Your phone number must be %(limit_value)d characters or fewer")},
            "preferred_contact": {
                "required": _("Select how a clinic should contact you"),
                "invalid_choice": _("Select how a clinic should contact you"),
            },
            "location": {
                "required": _("Enter your postal code or city"),
                "max_length": _("Your postal code or city must be %(limit_value)d characters or fewer"),
            },
            "us_state": {"invalid_choice": _("Select a US state from the list, or leave it blank")},
            "country": {
                "required": _("Enter your country"),
                "max_length": _("Your country must be %(limit_value)d characters or fewer"),
            },
            "topic": {
                "required": _("Select what your inquiry is about"),
                "invalid_choice": _("Select what your inquiry is about"),
            },
            "message": {
                "max_length": format_lazy(
                    _("Your message must be {limit} characters or fewer"), limit=f"{MESSAGE_MAX:,}"
                )
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in FREE_TEXT_FIELDS:
            self.fields[name].validators.append(text_validators.reject_control_characters)
        self.fields["phone"].validators.append(validators.validate_phone)
        self.fields["message"].validators.append(text_validators.reject_control_characters_multiline)
        self.fields["us_state"].choices = [
            ("", _("Not in the US, or prefer not to say")),
            *self.fields["us_state"].choices[1:],
        ]
        # The topic radios list only real answers (Django would add an empty "---------" one).
        self.fields["topic"].choices = Inquiry._meta.get_field("topic").choices
        self.fields["consent_to_contact"].help_text = format_html(
            _('Only clinic staff see your details, and only to answer this request. <a href="{}">Privacy notice</a>.'),
            reverse("clinics:privacy"),
        )

    def clean_source_path(self) -> str:
        return local_path(self.cleaned_data["source_path"])

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("preferred_contact") == ContactMethod.PHONE
            and not cleaned.get("phone")
            and "phone" not in self.errors
        ):
            self.add_error("phone", _("Enter a phone number, or choose email as the way to contact you"))
        if cleaned.get("homepage"):
            raise forms.ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        check = form_token_check(cleaned.get("form_token", ""))
        problem = TokenProblem.REPLAYED if check.problem is None and _token_already_used(check.nonce) else check.problem
        if problem is not None:
            raise forms.ValidationError(TOKEN_MESSAGES[problem], code=problem.value)
        cleaned["form_nonce"] = check.nonce
        return cleaned

    def add_replayed_error(self) -> None:
        """For a token another worker used while this post was checked (the database noticed)."""
        self.add_error(None, forms.ValidationError(TOKEN_MESSAGES[TokenProblem.REPLAYED], code="replayed"))

    def inquiry_fields(self) -> dict:
        """What the service stores: the model's fields and the token's nonce, without the other anti-abuse ones."""
        return {name: self.cleaned_data[name] for name in [*self.Meta.fields, "source_path", "form_nonce"]}
