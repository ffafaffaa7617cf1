"""
Reading preferences (theme, text size): parsed from the preferences cookie, applied as classes on <html>.

They are applied on the server so the page arrives in the right theme without a flash and without
JavaScript. The cookie is read only while the visitor accepts the preferences category.
"""

from dataclasses import dataclass

THEMES = ("auto", "light", "dark")


@dataclass(frozen=True)
class Preferences:
    theme: str = "auto"
    large_text: bool = False

    @property
    def html_classes(self) -> str:
        classes = [] if self.theme == "auto" else [f"theme-{self.theme}"]
        if self.large_text:
            classes.append("text-large")
        return " ".join(classes)

    @property
    def is_default(self) -> bool:
        return self == DEFAULT

    @property
    def code(self) -> str:
        """A short, stable code: the cookie's value and part of the page variant (e.g. "dark.l")."""
        return f"{self.theme}.{'l' if self.large_text else 'n'}"


DEFAULT = Preferences()


def parse(value: str | None) -> Preferences:
    """The preferences a cookie value stands for; anything unexpected means the defaults."""
    theme, _, size = (value or "").partition(".")
    if theme not in THEMES or size not in ("l", "n"):
        return DEFAULT
    return Preferences(theme=theme, large_text=size == "l")
