"""A friendly 503 instead of a 500 when the database cannot be reached.

While PostgreSQL is down (a restart, a failover), a patient who asks for a page the
page cache does not hold sees "try again shortly" with `Retry-After`, and the load
balancer and browsers know it is temporary. The page needs neither the database nor
the request, and is never stored by the page cache (it only keeps 200s and 404s, and
this answer is `no-store` too).

Only errors that mean the database cannot be reached or the connection was lost are
answered so (`means_database_unreachable`). An error from a database that answered (a
missing column or table, a cancelled statement, a lock timeout) is a bug or a load
problem, not an outage: it stays Django's 500, logged by `django.request` with its
traceback.

Errors raised by a view or while its template renders reach `process_exception`.
Those raised in another middleware (a session being saved, say) have already become
a 500 by the time this middleware sees the response, so a signal receiver notes them
on the request and the 500 is swapped for the 503.
"""

import logging
import sqlite3
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
FAILED_ATTRIBUTE = "_database_unavailable"

# PostgreSQL SQLSTATEs for "not reachable now": class 08 (connection exception), and the
# server shutting down, crashing or still starting, as in a restart or failover
# (57P01-57P03), or refusing more connections (53300). Every other SQLSTATE comes from
# a server that answered: a cancelled statement (57014), a lock timeout (55P03), ...
UNREACHABLE_SQLSTATE_CLASSES = ("08",)
UNREACHABLE_SQLSTATES = {"57P01", "57P02", "57P03", "53300"}
# SQLite has no server: it is unreachable when its file cannot be opened or read.
# "database is locked" (SQLITE_BUSY) is contention inside a working database, like
# PostgreSQL's lock timeout, so it stays a 500.
UNREACHABLE_SQLITE_CODES = {sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR}
# Matched, in lower case, against errors with no driver's error behind them (Django's
# own, or raised by hand).
LOST_CONNECTION_PHRASES = (
    "connection already closed",
    "connection is closed",
    "connection is lost",
    "server closed the connection",
    "terminating connection",
    "could not connect",
    "could not receive data",
    "could not send data",
    "connection refused",
    "connection to server",
    "no connection to the server",
    "timeout expired",
    "unable to open database file",
    "disk i/o error",
)


def means_database_unreachable(exception):
    """True for an error that says the database cannot be reached or the connection was
    lost; False for any other error, including those from a database that answered."""
    if not isinstance(exception, OperationalError | InterfaceError):
        return False
    driver_error = exception.__cause__
    driver = type(driver_error).__module__.split(".")[0] if driver_error else None
    if driver in ("psycopg2", "psycopg"):
        sqlstate = getattr(driver_error, "pgcode", None) or getattr(driver_error, "sqlstate", None)
        if not sqlstate:
            # Only the server sets a SQLSTATE; without one the client library is saying
            # it could not connect, or lost the connection ("connection already closed").
            return True
        return sqlstate[:2] in UNREACHABLE_SQLSTATE_CLASSES or sqlstate in UNREACHABLE_SQLSTATES
    if driver == "sqlite3":
        code = getattr(driver_error, "sqlite_errorcode", None)
        # Extended codes (SQLITE_IOERR_READ, ...) keep the primary code in the low byte.
        return code is not None and code & 0xFF in UNREACHABLE_SQLITE_CODES
    if isinstance(exception, InterfaceError):
        return True
    message = str(exception).lower()
    return any(phrase in message for phrase in LOST_CONNECTION_PHRASES)


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
    if request is not None and means_database_unreachable(exception):
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
        if not means_database_unreachable(exception):
            return None  # Django's handler logs it and answers its 500 page.
        logger.error(
            "Database unavailable; answered %s %s with a 503",
            request.method,
            request.path,
            exc_info=exception,
        )
        return database_unavailable_response()
