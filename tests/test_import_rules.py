"""Dependencies point one way (docs/architecture.md): each rule names a package and what it must not import.

Read from the source with `ast`, so an import inside a function counts as much as one at the top.
"""

import ast

import pytest

from tests.conftest import REPO

FEATURE_APPS = {"articles", "clinics", "consent", "embeds", "feedback", "operations", "readerstats"}
FORBIDDEN = {
    "core": FEATURE_APPS | {"ketamine_site"},  # the shared pieces know no feature
    "consent": {"articles", "embeds", "readerstats"},  # consent knows no page; pages read its contract
    "articles": {"consent", "readerstats"},  # pages read the visitor's state only through core
    "embeds": {"articles", "consent"},  # rendering calls embeds, never the other way round
    "readerstats": {"articles"},  # the counted view is named in settings
}


def imported_packages(source: str, package: str) -> set[str]:
    """The top-level packages a module's source imports (a relative import stays inside `package`)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add(package if node.level else node.module.split(".")[0])
    return found


def violations(package: str) -> list[str]:
    forbidden = FORBIDDEN[package]
    return [
        f"{path.relative_to(REPO)} imports {name}"
        for path in sorted((REPO / package).rglob("*.py"))
        for name in sorted(imported_packages(path.read_text(), package) & forbidden)
    ]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_nothing_it_must_not(package):
    assert violations(package) == []


@pytest.mark.parametrize(
    ("source", "package", "expected"),
    [
        ("import articles.page_cache", "consent", {"articles"}),
        ("from articles.embeds import ALLOWED_PLAYERS", "consent", {"articles"}),
        ("def late():\n    from consent import state", "articles", {"consent"}),
        ("from . import state", "consent", {"consent"}),
        ("from django.conf import settings", "core", {"django"}),
    ],
)
def test_every_form_of_import_is_seen(source, package, expected):
    assert imported_packages(source, package) == expected


def test_a_forbidden_import_is_reported(tmp_path, monkeypatch):
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "bad.py").write_text("from articles.library import get_library\n")
    monkeypatch.setattr(f"{__name__}.REPO", tmp_path)
    assert violations("core") == ["core/bad.py imports articles"]


def test_every_feature_app_is_installed(settings):
    # A new app must be added here (and given its rules) before it can slip past them.
    assert FEATURE_APPS | {"core"} <= set(settings.INSTALLED_APPS)
    local_apps = {app for app in settings.INSTALLED_APPS if (REPO / app / "apps.py").exists()}
    assert local_apps == FEATURE_APPS | {"core"}
