from django import forms
from django.utils.translation import gettext_lazy as _

from consent.preferences import THEMES, Preferences
from consent.registry import CATEGORIES

THEME_LABELS = {"auto": _("Automatic (as your device)"), "light": _("Light"), "dark": _("Dark")}


class ConsentSettingsForm(forms.Form):
    """One switch per optional category; off unless the visitor turned it on."""

    def __init__(self, *args, accepted: frozenset[str] = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        for category in CATEGORIES:
            if not category.always_on:
                self.fields[category.key] = forms.BooleanField(
                    required=False, initial=category.key in accepted, label=category.switch_label
                )

    def accepted(self) -> set[str]:
        return {key for key, on in self.cleaned_data.items() if on}


class PreferencesForm(forms.Form):
    theme = forms.ChoiceField(
        choices=[(theme, THEME_LABELS[theme]) for theme in THEMES],
        widget=forms.RadioSelect,
        label=_("Theme"),
    )
    large_text = forms.BooleanField(required=False, label=_("Larger text"))
    remember = forms.BooleanField(
        required=False, label=_("Remember these settings in a preferences cookie (turns on preference cookies)")
    )

    def __init__(self, *args, needs_consent: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_consent = needs_consent
        if not needs_consent:
            del self.fields["remember"]

    def clean(self):
        cleaned = super().clean()
        if self.needs_consent and not cleaned.get("remember"):
            raise forms.ValidationError(
                _(
                    "We can only apply reading preferences by remembering them in a cookie. Tick the box to allow "
                    "that, or leave the page as it is."
                )
            )
        return cleaned

    def preferences(self) -> Preferences:
        return Preferences(theme=self.cleaned_data["theme"], large_text=self.cleaned_data["large_text"])
