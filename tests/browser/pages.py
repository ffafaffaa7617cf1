"""Every page type a reader can reach, for the site-wide quality gates (axe-core, Nu HTML Checker)."""

PAGE_TYPES = [
    ("home", "/"),
    ("article list", "/articles/"),
    ("topic", "/topics/treatment/"),
    ("tag", "/tags/esketamine/"),
    ("article with table and figure", "/articles/administration-routes/"),
    ("article with callouts", "/articles/how-ketamine-works/"),
    ("glossary", "/glossary/"),
    ("search results", "/search/?q=nasal+spray"),
    ("search without results", "/search/?q=zebrafish"),
    ("not found", "/articles/no-such-page/"),
    ("find a clinic", "/find-a-clinic/"),
    ("privacy notice", "/privacy/"),
    ("cookie settings", "/cookies/"),
    ("reading preferences", "/preferences/"),
]
