"""Every page type a reader can reach, in both editions, for the site-wide quality gates (axe-core,
the Nu HTML Checker)."""

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

# The Spanish edition: the same page types under /es/, with translated paths.
SPANISH_PAGE_TYPES = [
    ("es home", "/es/"),
    ("es article list", "/es/articulos/"),
    ("es topic", "/es/temas/treatment/"),
    ("es tag", "/es/etiquetas/esketamina/"),
    ("es article with table and figure", "/es/articulos/vias-de-administracion/"),
    ("es article with callouts", "/es/articulos/como-actua-la-ketamina/"),
    ("es glossary", "/es/glosario/"),
    ("es search results", "/es/buscar/?q=aerosol+nasal"),
    ("es search without results", "/es/buscar/?q=pez+cebra"),
    ("es not found", "/es/articulos/no-existe/"),
    ("es find a clinic", "/es/encontrar-una-clinica/"),
    ("es privacy notice", "/es/privacidad/"),
    ("es cookie settings", "/es/cookies/"),
    ("es reading preferences", "/es/preferencias/"),
]
PAGE_TYPES += SPANISH_PAGE_TYPES
