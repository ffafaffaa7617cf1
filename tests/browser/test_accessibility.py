"""axe-core (WCAG 2.0-2.2 A and AA rules) on every page type, in light and dark mode: zero violations."""

import pytest

from tests.browser.conftest import AXE_JS
from tests.browser.pages import PAGE_TYPES

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
RUN_AXE = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("audit_page", ["light", "dark"], indirect=True)
@pytest.mark.parametrize(("name", "path"), PAGE_TYPES, ids=[name for name, _ in PAGE_TYPES])
def test_page_has_no_axe_violations(audit_page, name, path):
    audit_page.goto(path)
    audit_page.add_script_tag(path=str(AXE_JS))
    result = audit_page.evaluate(RUN_AXE, AXE_TAGS)
    violations = [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"][:3]])
        for violation in result["violations"]
    ]
    assert violations == []
    assert result["passes"], "axe ran no checks at all"
