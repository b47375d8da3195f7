"""A backup restored into an empty database is the same site: pages, revisions, snippets,
images (files included), users and their passwords, roles and page permissions.

The restore runs in a separate process against a new database (a new SQLite file, or a
new PostgreSQL database when the suite runs on PostgreSQL), then describes what it holds
with the same snapshot() the test takes of the original.
"""

import io
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from wagtail_factories import ImageFactory

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from clinic_site.roles import PHYSIOTHERAPISTS
from learning.models import Disclaimer, LearningCentreIndexPage
from tests.factories import ArticlePageFactory
from tests.helpers.environment import PROJECT_DIR as ROOT
from tests.helpers.site_snapshot import PASSWORD, snapshot

pytestmark = pytest.mark.django_db


# Run in the restoring process: restore, then print what the database holds.
RESTORE_AND_DESCRIBE = """
import json, sys
import django
django.setup()
from django.core.management import call_command
from tests.helpers.site_snapshot import snapshot, patient_view
call_command("restore_site", sys.argv[1])
print("SNAPSHOT " + json.dumps({"snapshot": snapshot(), "article": patient_view()}, default=str))
"""


@pytest.fixture
def empty_database_url(tmp_path):
    """A new, empty database of the kind the suite runs on; PostgreSQL's is dropped after."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg2

    settings = connection.settings_dict
    name = f"helper_restore_{uuid.uuid4().hex[:12]}"
    server = {
        "host": settings["HOST"] or "127.0.0.1",
        "port": settings["PORT"] or 5432,
        "user": settings["USER"],
        "password": settings["PASSWORD"] or None,
    }
    admin = psycopg2.connect(dbname="postgres", **server)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        credentials = quote(server["user"]) + (
            f":{quote(server['password'])}" if server["password"] else ""
        )
        yield f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


def restoring_environment(database_url):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.test",
    }
    # Its own in-process cache: invalidating the page cache must not touch the suite's.
    env.pop("REDIS_URL", None)
    return env


@pytest.fixture
def clinic_with_history(django_user_model):
    """The demo clinic, plus an article with a published version and a newer draft, its
    own image, a disclaimer with unpublished changes and a physiotherapist's login."""
    call_command("load_demo_content", admin_password=PASSWORD, stdout=io.StringIO())
    # A gap in the user ids: restoring must keep ids, not renumber rows.
    django_user_model.objects.create_user("left-the-clinic").delete()
    physio = django_user_model.objects.create_user(
        "physio-backup", email="physio-backup@example.com", password=PASSWORD
    )
    physio.groups.add(Group.objects.get(name=PHYSIOTHERAPISTS))

    article = ArticlePageFactory(
        parent=LearningCentreIndexPage.objects.get(),
        title="Knee pain after running",
        slug="knee-pain-after-running",
        heading_image=ImageFactory(title="Runner's knee"),
        heading_image_alt="A runner stretching",
    )
    reviewer = django_user_model.objects.get(username="jo")  # the demo's clinical reviewer
    article.save_revision(user=physio).publish(user=reviewer)
    article.summary = "A newer summary, still a draft."
    article.save_revision(user=physio)

    disclaimer = Disclaimer.objects.order_by("pk").first()
    disclaimer.text = "<p>Proposed new wording, not yet published.</p>"
    disclaimer.save_revision(user=physio)
    return article


def test_a_backup_restores_into_an_empty_database_as_the_same_site(
    clinic_with_history, empty_database_url, tmp_path
):
    archive = call_command("backup_site", output_dir=str(tmp_path), stdout=io.StringIO())
    assert Path(archive).stat().st_mode & 0o077 == 0, "the archive holds password hashes"
    original = json.loads(json.dumps(snapshot(), default=str))

    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", RESTORE_AND_DESCRIBE, archive],
        cwd=ROOT,
        env=restoring_environment(empty_database_url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("SNAPSHOT "))
    restored = json.loads(line.removeprefix("SNAPSHOT "))

    for part, value in original.items():
        assert restored["snapshot"][part] == value, f"{part} differ after the restore"
    # What the fixture made is really in there (not two empty snapshots agreeing).
    users = {user[1]: user for user in original["users"]}
    assert users["physio-backup"][-1] is True and users["admin"][-1] is True
    assert any(p[4] == "Knee pain after running" and p[8] for p in original["pages"])
    assert any(d[4] for d in original["disclaimers"]), "a disclaimer with a draft"
    assert len(original["images"]) >= 4 and original["page permissions"]
    assert restored["article"] == {"status": 200, "title": True, "heading image": True}


def test_restore_refuses_a_database_that_has_content(empty_database_url, tmp_path):
    archive = call_command("backup_site", output_dir=str(tmp_path), stdout=io.StringIO())
    env = restoring_environment(empty_database_url)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [*manage, "createsuperuser", "--noinput", "--username=owner", "--email=o@example.com"],
        cwd=ROOT,
        env=env,
        check=True,
    )

    refused = subprocess.run(  # noqa: S603
        [*manage, "restore_site", archive], cwd=ROOT, env=env, capture_output=True, text=True
    )

    assert refused.returncode != 0
    assert "is not empty: it has 1 user." in refused.stderr
    assert "--force" in refused.stderr
