"""A small, bounded HTTP load generator for 127.0.0.1 (one new connection per request, like a browser's first visit)."""

import http.client
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Result:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    statuses: Counter = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")

    def __str__(self) -> str:
        return (
            f"{self.rate:8.0f} req/s  p50 {self.percentile(0.50):6.2f} ms  p99 {self.percentile(0.99):6.2f} ms"
            f"  errors {self.errors}"
        )


def measure(
    url: str, *, seconds: float, connections: int, method: str = "GET", body_for=None, headers=None, path_for=None
) -> Result:
    """Hit `url` from `connections` threads until `seconds` pass. `body_for(i)` gives a POST body per request,
    `path_for(i)` a path per request (to spread requests over several pages of the same server)."""
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("load tests target this machine only")
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = 0
    statuses: Counter = Counter()
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    counter = iter(range(10**9))

    def worker():
        nonlocal errors
        local, local_errors, local_statuses = [], 0, Counter()
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                number = next(counter)
                body = body_for(number) if body_for else None
                connection.request(method, path_for(number) if path_for else path, body=body, headers=headers or {})
                response = connection.getresponse()
                response.read()
                connection.close()
                local_statuses[response.status] += 1
                if response.status >= 500:
                    local_errors += 1
            except OSError:
                local_errors += 1
                continue
            local.append((time.perf_counter() - start) * 1000)
        with lock:
            latencies.extend(local)
            errors += local_errors
            statuses.update(local_statuses)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return Result(requests=len(latencies), errors=errors, seconds=elapsed, latencies_ms=latencies, statuses=statuses)
