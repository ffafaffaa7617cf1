"""
gunicorn settings for production: `gunicorn -c gunicorn.conf.py` (see README, "Serving").

Workers are processes: each holds its own copy of the articles and their page memo, and they share
the database and Redis. Every value can be overridden from the environment.
"""

import multiprocessing
import os

wsgi_app = "ketamine_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# The usual sync-worker rule of thumb: two per core plus one, so a worker waiting on the database
# or Redis leaves the cores busy.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A request slower than this is stuck: the worker is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never grow without bound; not so often that a
# busy site replaces a worker every few seconds (each replacement pauses its share of requests).
max_requests = 100_000
max_requests_jitter = 10_000
# Import Django and read every article once in the master, before forking: a new or recycled
# worker then starts in milliseconds and shares that memory until it writes to it.
preload_app = True
# No runtime control socket: nothing here uses it, and one fixed path per user clashes when
# several servers run on one machine (benchmarks, tests).
control_socket_disable = True

# Both logs to stdout, one JSON object per line (operations/logs.py). The access log keeps no
# client address, query string or user agent: what a reader looks up here is health information.
accesslog = "-"
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "operations.logs.JsonLinesFormatter"},
        "access": {"()": "operations.logs.GunicornAccessFormatter"},
    },
    "handlers": {
        "error": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"},
        "access": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "access"},
    },
    "root": {"handlers": ["error"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["error"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}


def when_ready(server):
    """Read every article of every edition in the master (after the app is loaded, before any worker
    forks), so no reader waits for a worker's first load."""
    import gc

    from articles.library import get_library
    from core.languages import language_codes

    for language in language_codes():
        get_library(language)
    # The loaded articles live as long as the process: move them out of the garbage collector's
    # sight, so no collection walks a thousand articles in the middle of a reader's request, and
    # forked workers do not copy pages the collector would otherwise touch.
    gc.freeze()
