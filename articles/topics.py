"""The fixed list of topics an article can belong to, in the order readers see them."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str  # lazily translated: shown in the page's language
    description: str


TOPICS = (
    Topic("basics", _("The basics"), _("What ketamine therapy is, how it differs from esketamine, and common myths.")),
    Topic("mechanism", _("How it works"), _("What ketamine does in the brain, and what is still unknown.")),
    Topic(
        "treatment",
        _("Having treatment"),
        _("How it is given, what a session and a course are like, choosing a clinic."),
    ),
    Topic("research", _("What the research shows"), _("The main trials, what they found, and their limits.")),
    Topic(
        "safety", _("Risks and safety"), _("Side effects, long-term risks, misuse, and who should not have ketamine.")
    ),
    Topic("conditions", _("Conditions"), _("How strong the evidence is for each condition, and what else can help.")),
    Topic(
        "about", _("About this site"), _("How we write and check articles, our disclaimer, and where to get help now.")
    ),
)

TOPICS_BY_SLUG = {topic.slug: topic for topic in TOPICS}
