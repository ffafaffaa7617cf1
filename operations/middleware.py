"""Response headers Django has no setting for: Cross-Origin-Resource-Policy and Permissions-Policy."""

from django.conf import settings


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """{"camera": [], "fullscreen": ["self"]} -> 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in policy.items())


class SecurityHeadersMiddleware:
    """Adds both headers to every response; the values are built once, from settings, at startup."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Cross-Origin-Resource-Policy": settings.CROSS_ORIGIN_RESOURCE_POLICY,
            "Permissions-Policy": permissions_policy_header(settings.PERMISSIONS_POLICY),
        }

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            if value:
                response.headers.setdefault(name, value)
        return response
