from django import forms

from consent.preferences import THEMES, Preferences
from consent.registry import CATEGORIES


class ConsentSettingsForm(forms.Form):
    """One switch per optional category; off unless the visitor turned it on."""

    def __init__(self, *args, accepted: frozenset[str] = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        for category in CATEGORIES:
            if not category.always_on:
                self.fields[category.key] = forms.BooleanField(
                    required=False, initial=category.key in accepted, label=f"Allow {category.title.lower()} cookies"
                )

    def accepted(self) -> set[str]:
        return {key for key, on in self.cleaned_data.items() if on}


class PreferencesForm(forms.Form):
    theme = forms.ChoiceField(
        choices=[(theme, theme.capitalize() if theme != "auto" else "Automatic (as your device)") for theme in THEMES],
        widget=forms.RadioSelect,
        label="Theme",
    )
    large_text = forms.BooleanField(required=False, label="Larger text")
    remember = forms.BooleanField(
        required=False, label="Remember these settings in a preferences cookie (turns on preference cookies)"
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
                "We can only apply reading preferences by remembering them in a cookie. Tick the box to allow "
                "that, or leave the page as it is."
            )
        return cleaned

    def preferences(self) -> Preferences:
        return Preferences(theme=self.cleaned_data["theme"], large_text=self.cleaned_data["large_text"])
