"""Thin HTTP layer: the banner's choice, the cookie settings page and the reading preferences page."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from consent import registry, services
from consent.forms import ConsentSettingsForm, PreferencesForm
from consent.models import ConsentRecord
from core.ratelimit import client_address, rate_limit_hit
from core.same_site import is_same_origin, safe_next

BANNER_CHOICES = {"accept", "reject", "external_media"}


def _accepted_for(choice: str, current: frozenset[str]) -> set[str]:
    if choice == "accept":
        return set(registry.OPTIONAL_CATEGORIES)
    if choice == "reject":
        return set()
    return {*current, registry.EXTERNAL_MEDIA}


def _source_for(choice: str, request) -> str:
    if choice == "external_media":
        return ConsentRecord.Source.EMBED
    if choice == "reject" and request.consent.gpc:
        return ConsentRecord.Source.GPC
    return ConsentRecord.Source.BANNER


def _rate_limited(request):
    """A 429 page when this client has made too many choices (each stores a consent record for years)."""
    verdict = rate_limit_hit(scope="consent", rate_setting="CONSENT_RATE_LIMIT", client=client_address(request))
    if verdict.allowed:
        return None
    response = render(request, "consent/rate_limited.html", status=429)
    response["Retry-After"] = str(verdict.retry_after)
    return response


def _store(request, response, consent) -> None:
    services.consent_cookie_set(response, consent)
    request.consent = consent  # the middleware enforces the new choice on this very response


# No CSRF token: this form sits on memoized public pages (see core.same_site); the strict
# same-origin check below takes the token's place.
@csrf_exempt
@require_POST
def choose(request):
    if not is_same_origin(request):
        return render(request, "consent/refused.html", status=403)
    choice = request.POST.get("choice", "")
    if choice not in BANNER_CHOICES:
        return HttpResponseBadRequest("Unknown cookie choice. Go back and use one of the banner's buttons.")
    if refused := _rate_limited(request):
        return refused
    consent = services.consent_choose(
        previous=request.consent,
        accepted=_accepted_for(choice, request.consent.accepted),
        source=_source_for(choice, request),
    )
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"saved": True, "accepted": sorted(consent.accepted)})
    else:
        response = redirect(safe_next(request, request.POST.get("next")))
    _store(request, response, consent)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def cookie_settings(request):
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"), default="")
    if request.method == "POST":
        form = ConsentSettingsForm(request.POST)
        if form.is_valid():
            if refused := _rate_limited(request):
                return refused
            consent = services.consent_choose(
                previous=request.consent, accepted=form.accepted(), source=ConsentRecord.Source.SETTINGS
            )
            response = redirect(next_url or f"{request.path}?saved=1")
            _store(request, response, consent)
            return response
    else:
        form = ConsentSettingsForm(accepted=request.consent.accepted)
    cookies = registry.cookies()
    sections = [
        (
            category,
            None if category.always_on else form[category.key],
            [cookie for cookie in cookies if cookie.category == category.key],
        )
        for category in registry.CATEGORIES
    ]
    context = {
        "form": form,
        "sections": sections,
        "next_url": next_url,
        "saved": request.GET.get("saved") == "1",
    }
    return render(request, "consent/cookie_settings.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def reading_preferences(request):
    needs_consent = not request.consent.allows_preferences
    if request.method == "POST":
        form = PreferencesForm(request.POST, needs_consent=needs_consent)
        if form.is_valid():
            if refused := _rate_limited(request):
                return refused
            response = redirect(f"{request.path}?saved=1")
            if needs_consent:
                consent = services.consent_choose(
                    previous=request.consent,
                    accepted={*request.consent.accepted, registry.PREFERENCES},
                    source=ConsentRecord.Source.SETTINGS,
                )
                _store(request, response, consent)
            services.preferences_cookie_set(response, form.preferences())
            return response
    else:
        preferences = request.preferences
        form = PreferencesForm(
            initial={"theme": preferences.theme, "large_text": preferences.large_text}, needs_consent=needs_consent
        )
    return render(request, "consent/preferences.html", {"form": form, "saved": request.GET.get("saved") == "1"})
