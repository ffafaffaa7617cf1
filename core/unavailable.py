"""
When the database cannot store a post: the page shows the form again with every answer, says so
plainly, and answers 503 with Retry-After. Nothing the visitor typed is lost; they send it again.
"""

from django.http import HttpResponse

# Long enough for a database restart or failover; short enough that "a few minutes" stays true.
RETRY_AFTER_SECONDS = 120


def retry_later(response: HttpResponse) -> HttpResponse:
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
