"""Staff pages outside the admin.

Anyone not signed in as staff gets the ordinary 404: a redirect to the sign-in page would tell a
stranger where the admin (DJANGO_ADMIN_PATH) lives. Staff without the page's permission get 403.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404


def staff_page(permission: str):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not (user.is_active and user.is_staff):
                raise Http404("No such page")
            if not user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
