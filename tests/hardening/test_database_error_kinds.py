"""Which database errors mean the database cannot be reached (the friendly 503) and which
come from a database that answered (Django's logged 500), judged on real driver errors
raised the way Django raises them."""

import sqlite3
import threading
from types import SimpleNamespace

import psycopg2
import pytest

from django.db import (
    DatabaseError,
    Error,
    InterfaceError,
    OperationalError,
    ProgrammingError,
    connection,
)
from django.db.utils import DatabaseErrorWrapper

from clinic_site.hardening.database_unavailable import means_database_unreachable
from tests.helpers.private_services import free_port

TERMINATE = "SELECT pg_terminate_backend(%s)"


def as_django_raises(driver, driver_error):
    """Django's own error class for the driver's error, with that error as its cause."""
    try:
        with DatabaseErrorWrapper(SimpleNamespace(Database=driver, errors_occurred=False)):
            raise driver_error
    except Error as error:  # InterfaceError is no DatabaseError
        return error


def sqlite_error(sql, path=":memory:", timeout=5.0):
    try:
        sqlite3.connect(path, timeout=timeout).execute(sql)
    except sqlite3.Error as error:
        return as_django_raises(sqlite3, error)
    raise AssertionError(f"{sql} did not fail")


def test_a_missing_column_on_sqlite_is_no_outage():
    error = sqlite_error("SELECT no_such_column FROM sqlite_master")
    assert isinstance(error, OperationalError)
    assert not means_database_unreachable(error)


def test_a_database_file_that_cannot_be_opened_is_an_outage(tmp_path):
    error = sqlite_error("SELECT 1", path=tmp_path / "no-such-folder" / "db.sqlite3")
    assert "unable to open database file" in str(error)
    assert means_database_unreachable(error)


def test_a_disk_error_on_sqlite_is_an_outage():
    driver_error = sqlite3.OperationalError("disk I/O error")
    driver_error.sqlite_errorcode = sqlite3.SQLITE_IOERR_READ
    assert means_database_unreachable(as_django_raises(sqlite3, driver_error))


def test_a_locked_sqlite_database_is_no_outage(tmp_path):
    path = tmp_path / "db.sqlite3"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    try:
        error = sqlite_error("SELECT count(*) FROM sqlite_master", path=path, timeout=0)
    finally:
        writer.rollback()
    assert "database is locked" in str(error)
    assert not means_database_unreachable(error)


def test_a_refused_postgresql_connection_is_an_outage():
    with pytest.raises(psycopg2.OperationalError) as refused:
        psycopg2.connect(host="127.0.0.1", port=free_port(), connect_timeout=1, dbname="x")
    assert refused.value.pgcode is None
    assert means_database_unreachable(as_django_raises(psycopg2, refused.value))


@pytest.mark.parametrize(
    ("message", "unreachable"),
    [
        ("connection to server at 127.0.0.1 failed: Connection refused", True),
        ("server closed the connection unexpectedly", True),
        ("could not connect to server: No such file or directory", True),
        ("timeout expired", True),
        ("no such column: x", False),
        ("no such table: django_session", False),
        ("database is locked", False),
    ],
)
def test_without_a_driver_error_the_message_decides(message, unreachable):
    assert means_database_unreachable(OperationalError(message)) is unreachable


def test_interface_errors_are_lost_connections_and_other_errors_are_not():
    assert means_database_unreachable(InterfaceError("connection already closed"))
    assert not means_database_unreachable(ProgrammingError("column x does not exist"))
    assert not means_database_unreachable(ValueError("server closed the connection"))


@pytest.fixture
def postgresql():
    """A connection of its own to the test database, so ending it harms no test."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    connection.ensure_connection()
    params = {
        key: value
        for key, value in connection.get_connection_params().items()
        if key in {"dbname", "database", "user", "password", "host", "port"}
    }
    own = psycopg2.connect(**params)
    own.autocommit = True
    yield own
    own.close()


def postgresql_error(own, *statements):
    try:
        with own.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    except psycopg2.Error as error:
        return as_django_raises(psycopg2, error)
    raise AssertionError(f"{statements} did not fail")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("statements", "django_class"),
    [
        (["SET statement_timeout = 1", "SELECT pg_sleep(1)"], OperationalError),
        (["SELECT 1 / 0"], DatabaseError),
        (["SELECT no_such_column FROM wagtailcore_page"], ProgrammingError),
    ],
    ids=["statement-timeout", "division-by-zero", "missing-column"],
)
def test_errors_from_a_working_postgresql_are_no_outage(postgresql, statements, django_class):
    error = postgresql_error(postgresql, *statements)
    assert isinstance(error, django_class)
    assert not means_database_unreachable(error)


@pytest.mark.django_db
def test_a_lock_timeout_on_postgresql_is_no_outage(postgresql):
    holder = psycopg2.connect(postgresql.dsn)
    try:
        holder.cursor().execute("SELECT pg_advisory_lock(4242)")
        error = postgresql_error(
            postgresql, "SET lock_timeout = 10", "SELECT pg_advisory_lock(4242)"
        )
    finally:
        holder.close()
    assert isinstance(error, OperationalError) and error.__cause__.pgcode == "55P03"
    assert not means_database_unreachable(error)


@pytest.mark.django_db
def test_a_connection_ended_by_the_server_is_an_outage(postgresql):
    killer = psycopg2.connect(postgresql.dsn)
    pid = postgresql.get_backend_pid()
    ending = threading.Timer(0.3, lambda: killer.cursor().execute(TERMINATE, [pid]))
    ending.start()
    try:
        error = postgresql_error(postgresql, "SELECT pg_sleep(5)")
    finally:
        ending.join()
        killer.close()
    assert "server closed the connection unexpectedly" in str(error)
    assert means_database_unreachable(error)
    # The next query on the same connection finds it closed.
    closed = postgresql_error(postgresql, "SELECT 1")
    assert isinstance(closed, InterfaceError)
    assert means_database_unreachable(closed)


class ServerError(Exception):
    """An error as psycopg 3 raises it for a SQLSTATE the server sent."""

    __module__ = "psycopg"

    def __init__(self, sqlstate):
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "unreachable"),
    [
        ("08006", True),  # connection_failure
        ("08001", True),  # sqlclient_unable_to_establish_sqlconnection
        ("57P01", True),  # admin_shutdown: a restart
        ("57P02", True),  # crash_shutdown
        ("57P03", True),  # cannot_connect_now: starting up, in recovery
        ("53300", True),  # too_many_connections
        ("57014", False),  # query_canceled
        ("55P03", False),  # lock_not_available
        ("40P01", False),  # deadlock_detected
        ("53100", False),  # disk_full
    ],
)
def test_the_servers_sqlstate_decides(sqlstate, unreachable):
    try:
        raise OperationalError(sqlstate) from ServerError(sqlstate)
    except OperationalError as error:
        assert means_database_unreachable(error) is unreachable
