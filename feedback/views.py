"""Thin HTTP layer for "Was this page helpful?": check origin and rate, validate, store, redirect."""

import logging

from django import db
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from articles.library import get_library
from core.languages import language_codes
from core.ratelimit import client_address, rate_limit_hit
from core.same_site import is_same_origin
from core.staff import staff_page
from core.unavailable import retry_later
from feedback.forms import FeedbackForm
from feedback.selectors import helpfulness_by_article
from feedback.services import feedback_create

logger = logging.getLogger(__name__)


@csrf_exempt  # the form sits on memoized public pages; core.same_site explains the check used instead
@require_POST
def feedback_submit(request):
    if not is_same_origin(request):
        return render(request, "feedback/refused.html", status=403)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render(request, "feedback/form.html", {"form": form}, status=400)
    verdict = rate_limit_hit(scope="feedback", rate_setting="FEEDBACK_RATE_LIMIT", client=client_address(request))
    if not verdict.allowed:
        response = render(request, "feedback/rate_limited.html", status=429)
        response["Retry-After"] = str(verdict.retry_after)
        return response
    article = form.cleaned_data["article"]
    try:
        feedback_create(
            article=article, helpful=form.cleaned_data["helpful"] == "yes", comment=form.cleaned_data["comment"]
        )
    except db.Error:
        logger.exception("feedback not stored: the database did not answer; the form was shown again")
        return retry_later(render(request, "feedback/form.html", {"form": form, "not_saved": True}))
    # 303: the browser fetches the article again with GET; the query string shows the thank-you note.
    return HttpResponseRedirect(f"{article.url}?feedback=thanks#feedback", status=303)


@staff_page("feedback.view_pagefeedback")  # not for clinic-only staff
def helpfulness_report(request):
    rows = helpfulness_by_article(libraries=[get_library(language) for language in language_codes()])
    return render(request, "feedback/helpfulness_report.html", {"rows": rows})
