"""Operational endpoints for load balancers and monitors."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from operations.readiness import readiness_report


@never_cache
@require_safe
def readyz(request):
    """Readiness for the load balancer: 200 when database, cache and content all answer, else 503."""
    report = readiness_report()
    ready = all(report.values())
    body = {
        "status": "ready" if ready else "unavailable",
        "checks": {k: "ok" if v else "fail" for k, v in report.items()},
    }
    return JsonResponse(body, status=200 if ready else 503)
