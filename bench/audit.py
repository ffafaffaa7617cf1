"""
`make audit`: Lighthouse (mobile profile, headless Debian Chromium) on the home page, an article
and the find-a-clinic form, served as in production on 127.0.0.1.

Budget: accessibility, best practices and SEO 100; performance at least 95. Full reports are
written to audit-reports/; a summary is printed. Exits 1 when a page misses the budget.
Not part of CI: Lighthouse scores vary with machine load.
"""

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.server import production_server  # noqa: E402

LIGHTHOUSE = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
REPORTS = REPO / "audit-reports"
PAGES = [
    ("home", "/"),
    ("article", "/articles/administration-routes/"),
    ("find-a-clinic", "/find-a-clinic/"),
    ("es article", "/es/articulos/vias-de-administracion/"),
]
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run --host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'"
)


def exists(url: str) -> bool:
    try:
        with urllib.request.urlopen(url):
            return True
    except urllib.error.HTTPError:
        return False


def lighthouse(url: str, out: Path) -> dict:
    subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--no-enable-error-reporting",
         "--only-categories=performance,accessibility,best-practices,seo", f"--chrome-flags={CHROME_FLAGS}",
         "--quiet"],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=True, timeout=180,
    )  # fmt: skip
    return json.loads(out.read_text())


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm install --no-fund --no-audit` (make audit does).")
        return 2
    REPORTS.mkdir(exist_ok=True)
    missed = 0
    with production_server(workers=2) as base:
        for name, path in PAGES:
            if not exists(base + path):
                print(f"{name:<14} {path}: not found on this site, skipped")
                continue
            report = lighthouse(base + path, REPORTS / f"lighthouse-{name}.json")
            scores = {key: round(report["categories"][key]["score"] * 100) for key in BUDGET}
            failing = [key for key, floor in BUDGET.items() if scores[key] < floor]
            missed += bool(failing)
            shown = "  ".join(f"{key} {score:>3}" for key, score in scores.items())
            print(f"{name:<14} {shown}  {'MISSES ' + ', '.join(failing) if failing else 'within budget'}")
            for key in failing:
                audits = report["categories"][key]["auditRefs"]
                low = [a["id"] for a in audits if a["weight"] and (report["audits"][a["id"]]["score"] or 0) < 0.9]
                print(f"{'':<14}   {key}: {', '.join(low)}")
    print(f"Reports: {REPORTS}/lighthouse-*.json")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
