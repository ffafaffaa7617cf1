"""Generate N realistic-looking article files for load-time and search benchmarks."""

import random
from pathlib import Path

from articles.topics import TOPICS

WORDS = [
    "ketamine",
    "esketamine",
    "depression",
    "infusion",
    "dose",
    "trial",
    "placebo",
    "response",
    "remission",
    "relapse",
    "blood",
    "pressure",
    "dissociation",
    "nasal",
    "spray",
    "clinic",
    "monitoring",
    "safety",
    "evidence",
    "study",
    "patients",
    "weeks",
    "hours",
    "receptor",
    "brain",
    "glutamate",
    "synapse",
    "treatment",
    "course",
    "session",
    "doctor",
    "risk",
    "benefit",
    "memory",
    "bladder",
    "liver",
    "mood",
    "anxiety",
    "pain",
]


def paragraph(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def article_text(index: int, rng: random.Random) -> str:
    topic = TOPICS[index % len(TOPICS)].slug
    references = "\n".join(
        f'  - id: ref{n}\n    citation: "Author {n}. A study of {rng.choice(WORDS)}. J Test. 2020;{n}:1-10."\n'
        f'    pmid: "{10000000 + index * 10 + n}"'
        for n in range(1, 6)
    )
    sections = []
    for section in range(1, 7):
        cites = "; ".join(f"@ref{n}" for n in rng.sample(range(1, 6), 2))
        sections.append(f"## Section {section} about {rng.choice(WORDS)}\n\n{paragraph(rng, 6)} [{cites}].\n")
    sections.append("## Sources\n\n" + " ".join(f"[@ref{n}]" for n in range(1, 6)) + "\n")
    return (
        f"---\ntitle: Generated article {index} on {rng.choice(WORDS)}\nsummary: {paragraph(rng, 1)}\n"
        f"topic: {topic}\ntags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]\npublished: 2026-01-01\n"
        f"updated: 2026-01-01\nnext_review: 2026-12-31\nreferences:\n{references}\n---\n"
        "## Key points\n\n- One.\n- Two.\n- Three.\n\n" + "\n".join(sections)
    )


def generate(folder: Path, count: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    for index in range(count):
        topic = TOPICS[index % len(TOPICS)].slug
        path = folder / topic / f"generated-{index}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(index, rng), encoding="utf-8")
    return folder
