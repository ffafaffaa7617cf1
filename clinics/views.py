"""Thin HTTP layer for the find-a-clinic form: show, validate, store through the service, redirect."""

import logging
from urllib.parse import urlsplit

from django import db
from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from clinics.antiabuse import form_token_issue
from clinics.forms import InquiryForm, local_path
from clinics.services import FormAlreadySentError, inquiry_create
from core.languages import current_language
from core.ratelimit import client_address, rate_limit_hit
from core.unavailable import retry_later

logger = logging.getLogger(__name__)

THANKS_SALT = "clinics.thanks"


def _came_from(request) -> str:
    """The page on this site that led here: ?from=/path, or the Referer when it is our own host."""
    if "from" in request.GET:
        return local_path(request.GET["from"])
    referer = urlsplit(request.headers.get("Referer", ""))
    return local_path(referer.path) if referer.netloc == request.get_host() else ""


def _render_form(request, form, status=200, not_saved=False):
    context = {
        "form": form,
        "form_token": form_token_issue(),
        "retention_days": settings.INQUIRY_RETENTION_DAYS,
        "not_saved": not_saved,
    }
    return render(request, "clinics/inquiry_form.html", context, status=status)


@never_cache  # each page carries the visitor's own CSRF and timing tokens, and after a post, their answers
@require_http_methods(["GET", "HEAD", "POST"])
def inquiry_form(request):
    if request.method != "POST":
        return _render_form(request, InquiryForm(initial={"source_path": _came_from(request)}))
    form = InquiryForm(request.POST)
    if not form.is_valid():
        return _render_form(request, form)
    verdict = rate_limit_hit(scope="inquiries", rate_setting="INQUIRY_RATE_LIMIT", client=client_address(request))
    if not verdict.allowed:
        response = render(request, "clinics/rate_limited.html", status=429)
        response["Retry-After"] = str(verdict.retry_after)
        return response
    try:
        # The staff e-mail's link starts from SITE_URL: the Host header is the visitor's to forge.
        fields = {**form.inquiry_fields(), "language": current_language()}
        inquiry = inquiry_create(fields=fields, site_root=f"{settings.SITE_URL}/")
    except FormAlreadySentError:
        form.add_replayed_error()
        return _render_form(request, form)
    except db.Error:
        logger.exception("inquiry not stored: the database did not answer; the form was shown again")
        return retry_later(_render_form(request, form, not_saved=True))
    return redirect("clinics:thanks", token=signing.dumps(inquiry.reference, salt=THANKS_SALT))


@never_cache
@require_safe
def inquiry_thanks(request, token):
    # The reference travels signed, so nobody can make this page show a reference we never issued.
    try:
        reference = signing.loads(token, salt=THANKS_SALT)
    except signing.BadSignature:
        raise Http404("No such inquiry") from None
    return render(
        request,
        "clinics/inquiry_thanks.html",
        {"reference": reference, "retention_days": settings.INQUIRY_RETENTION_DAYS},
    )


@require_safe
def privacy_notice(request):
    context = {
        "policy_version": settings.PRIVACY_POLICY_VERSION,
        "retention_days": settings.INQUIRY_RETENTION_DAYS,
        "privacy_contact_email": settings.PRIVACY_CONTACT_EMAIL,
    }
    return render(request, "clinics/privacy.html", context)
