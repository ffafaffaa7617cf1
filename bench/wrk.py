"""Measure with wrk when it is installed: a C client that leaves the CPU to the server being measured.

The Python load generator (bench/load.py) spends about as much CPU per request as the server does,
so on a 2-core machine it caps and skews throughput; wrk gives the server's own figures.
"""

import re
import shutil
import subprocess
from dataclasses import dataclass
from urllib.parse import urlsplit

LATENCY_LINE = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class WrkResult:
    requests: int
    errors: int
    rate: float
    p50_ms: float
    p99_ms: float

    def __str__(self) -> str:
        return f"{self.rate:8.0f} req/s  p50 {self.p50_ms:6.2f} ms  p99 {self.p99_ms:6.2f} ms  errors {self.errors}"


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def measure_wrk(url: str, *, seconds: float, connections: int, headers: dict | None = None) -> WrkResult:
    if urlsplit(url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("load tests target this machine only")
    header_args = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    command = ["wrk", "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency", *header_args, url]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 30).stdout
    latency = {percent: float(value) * UNIT_MS[unit] for percent, value, unit in LATENCY_LINE.findall(output)}
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return WrkResult(
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        errors=errors,
        rate=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=latency.get("50", float("nan")),
        p99_ms=latency.get("99", float("nan")),
    )
