from argparse import ArgumentTypeError
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from articles.checks import is_within
from articles.frontmatter import DOI_RESOLVER, PUBMED_BASE
from articles.library import load_library
from articles.link_cache import LinkCache
from articles.reference_checks import Resolvers, identifier_problems, link_problems, links_of, unloaded_problems
from core.commands import OneLineErrorsCommand

MAX_TIMEOUT = 120
MAX_WORKERS = 32


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not 0 < value <= MAX_TIMEOUT:
        raise ArgumentTypeError(f"must be a number of seconds above 0 and at most {MAX_TIMEOUT}, not {text!r}")
    return value


def worker_count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_WORKERS:
        raise ArgumentTypeError(f"must be a whole number from 1 to {MAX_WORKERS}, not {text!r}")
    return int(text)


def resolver(text: str) -> str:
    if not text.startswith(("https://", "http://")):
        raise ArgumentTypeError(f"must be an http:// or https:// address, not {text!r}")
    return text if text.endswith("/") else text + "/"


class Command(OneLineErrorsCommand):
    help = (
        "Check every article's references: offline, that each DOI and PMID is well-formed; with --online, "
        "that each DOI, PubMed and URL link still answers. Prints path:line: message; exits 1 on errors."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="files or folders to check (default: all)")
        parser.add_argument("--online", action="store_true", help="also follow every link (needs the internet)")
        parser.add_argument("--timeout", type=seconds, default=10.0, help="seconds to wait for each server (10)")
        parser.add_argument("--workers", type=worker_count, default=8, help="links asked at the same time (8)")
        parser.add_argument("--refresh", action="store_true", help="ask again even if asked in the last day")
        parser.add_argument(
            "--cache-file", type=Path, default=None, help="where answers are kept (.cache/check_references.json)"
        )
        parser.add_argument("--doi-resolver", type=resolver, default=DOI_RESOLVER, help=f"({DOI_RESOLVER})")
        parser.add_argument("--pubmed-resolver", type=resolver, default=PUBMED_BASE, help=f"({PUBMED_BASE})")

    def handle(self, *args, paths, online, **options):
        content_dir = Path(settings.CONTENT_DIR)
        if not content_dir.is_dir():
            raise CommandError(f"the content folder {content_dir} does not exist (see CONTENT_DIR)", returncode=2)
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}", returncode=2)
        library = load_library(content_dir)
        articles = [article for article in library.articles if is_within(article.path, paths)]
        problems = [problem for problem in unloaded_problems(library) if is_within(problem.path, paths)]
        problems += identifier_problems(articles)
        online_summary = ""
        if online:
            run = self.check_online(articles, options)
            problems += run.problems
            online_summary = f"; {run.addresses} addresses checked online ({run.from_cache} answered in the last day)"
        for problem in sorted(problems):
            self.stdout.write(problem.format(relative_to=Path.cwd()))
        self.stdout.write(self.summary(articles, problems) + online_summary)
        if any(problem.is_error for problem in problems):
            raise SystemExit(1)

    def check_online(self, articles, options):
        cache = LinkCache(options["cache_file"] or Path(settings.BASE_DIR) / ".cache" / "check_references.json")
        if options["refresh"]:
            cache.clear()
        links = links_of(articles, Resolvers(doi=options["doi_resolver"], pubmed=options["pubmed_resolver"]))
        run = link_problems(links, cache, timeout=options["timeout"], workers=options["workers"])
        try:
            cache.save()
        except OSError as error:  # the answers are printed either way; only the memory of them is lost
            self.stderr.write(f"could not keep answers in {cache.path} ({error.strerror})")
        return run

    @staticmethod
    def summary(articles, problems) -> str:
        references = [reference for article in articles for reference in article.metadata.references]
        errors = sum(problem.is_error for problem in problems)
        return (
            f"{len(articles)} articles, {len(references)} references"
            f" ({sum(bool(r.doi) for r in references)} DOIs, {sum(bool(r.pmid) for r in references)} PMIDs,"
            f" {sum(bool(r.url) for r in references)} URLs), {errors} errors, {len(problems) - errors} warnings"
        )
