"""The fixed list of topics an article can belong to, in the order readers see them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    description: str


TOPICS = (
    Topic("basics", "The basics", "What ketamine therapy is, how it differs from esketamine, and common myths."),
    Topic("mechanism", "How it works", "What ketamine does in the brain, and what is still unknown."),
    Topic("treatment", "Having treatment", "How it is given, what a session and a course are like, choosing a clinic."),
    Topic("research", "What the research shows", "The main trials, what they found, and their limits."),
    Topic("safety", "Risks and safety", "Side effects, long-term risks, misuse, and who should not have ketamine."),
    Topic("conditions", "Conditions", "How strong the evidence is for each condition, and what else can help."),
    Topic("about", "About this site", "How we write and check articles, our disclaimer, and where to get help now."),
)

TOPICS_BY_SLUG = {topic.slug: topic for topic in TOPICS}
