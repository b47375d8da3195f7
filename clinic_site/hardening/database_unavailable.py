"""A friendly 503 instead of a 500 when the database cannot be reached.

While PostgreSQL is down (a restart, a failover), a patient who asks for a page the
page cache does not hold sees "try again shortly" with `Retry-After`, and the load
balancer and browsers know it is temporary. The page needs neither the database nor
the request, and is never stored by the page cache (it only keeps 200s and 404s, and
this answer is `no-store` too).

Errors raised by a view or while its template renders reach `process_exception`.
Those raised in another middleware (a session being saved, say) have already become
a 500 by the time this middleware sees the response, so a signal receiver notes them
on the request and the 500 is swapped for the 503.
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
FAILED_ATTRIBUTE = "_database_unavailable"


def database_unavailable_response():
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Logged here with its cause; Django's request logger would log it a second time.
    response._has_been_logged = True
    return response


def note_database_failure(sender, request=None, **kwargs):
    """Runs inside Django's handler for an uncaught exception, so sys.exc_info is set."""
    exception = sys.exc_info()[1]
    if request is not None and isinstance(exception, DATABASE_ERRORS):
        setattr(request, FAILED_ATTRIBUTE, True)


got_request_exception.connect(note_database_failure, dispatch_uid="database-unavailable")


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, FAILED_ATTRIBUTE, False):
            # Django's request logger has already logged the 500 with its traceback.
            return database_unavailable_response()
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.error(
            "Database unavailable; answered %s %s with a 503",
            request.method,
            request.path,
            exc_info=exception,
        )
        return database_unavailable_response()
