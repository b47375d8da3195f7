"""A backup restored into an empty database is the same site: pages, revisions, snippets,
images (files included), users and their passwords, roles and page permissions.

The restore runs in a separate process against a new database (a new SQLite file, or a
new PostgreSQL database when the suite runs on PostgreSQL), then describes what it holds
with the same snapshot() the test takes of the original.
"""

import hashlib
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

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    ModelLogEntry,
    Page,
    PageLogEntry,
    Revision,
    Site,
    Workflow,
    WorkflowPage,
)

from clinic_site import backup
from clinic_site.models import ClinicSettings
from clinic_site.roles import PHYSIOTHERAPISTS
from learning.models import Disclaimer, LearningCentreIndexPage, Person, Topic

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "a-long-backup-test-password"
ARTICLE_URL = "/learning-centre/knee-pain-after-running/"

# Run in the restoring process: restore, then print what the database holds.
RESTORE_AND_DESCRIBE = """
import json, sys
import django
django.setup()
from django.core.management import call_command
from tests.test_backup_restore import snapshot, patient_view
call_command("restore_site", sys.argv[1])
print("SNAPSHOT " + json.dumps({"snapshot": snapshot(), "article": patient_view()}, default=str))
"""


def snapshot():
    """Everything the test compares, as plain data, from whichever database is in use."""
    user_model = get_user_model()
    by_path = dict(Page.objects.values_list("pk", "path"))
    image_model = get_image_model()
    excluded = set(backup.REGENERATED)
    return {
        "rows per table": {
            model._meta.label_lower: model._base_manager.count()
            for model in apps.get_models()
            if model._meta.managed
            and model._meta.app_label not in excluded
            and model._meta.label_lower not in excluded
        },
        "pages": [
            (p.pk, p.path, p.depth, p.numchild, p.title, p.draft_title, p.url_path, p.live)
            + (p.has_unpublished_changes, p.content_type.model, p.latest_revision_id)
            + (p.live_revision_id, p.owner_id, p.locale.language_code)
            for p in Page.objects.order_by("path")
        ],
        "revisions": [
            (r.pk, r.base_content_type.model, r.object_id, r.content, r.user_id, r.created_at)
            for r in Revision.objects.order_by("pk")
        ],
        "audit log": sorted(
            (entry.action, str(entry.object_id), str(entry.user_id), str(entry.timestamp))
            for model in (PageLogEntry, ModelLogEntry)
            for entry in model.objects.all()
        ),
        "disclaimers": [
            (d.pk, d.name, d.text, d.live, d.has_unpublished_changes, d.latest_revision_id)
            for d in Disclaimer.objects.order_by("pk")
        ],
        "people": list(Person.objects.order_by("pk").values()),
        "topics": list(Topic.objects.order_by("pk").values()),
        "images": [
            (i.pk, i.title, i.file.name, i.width, i.height, i.collection.name)
            + (hashlib.sha256(i.file.open("rb").read()).hexdigest(),)
            for i in image_model.objects.order_by("pk")
        ],
        "users": [
            (u.pk, u.username, u.email, u.is_active, u.is_staff, u.is_superuser)
            + (sorted(u.groups.values_list("name", flat=True)), u.check_password(PASSWORD))
            for u in user_model.objects.order_by("pk")
        ],
        "groups": [
            (g.name, sorted(g.permissions.values_list("content_type__app_label", "codename")))
            for g in Group.objects.order_by("name")
        ],
        "page permissions": sorted(
            (p.group.name, by_path[p.page_id], p.permission.codename)
            for p in GroupPagePermission.objects.all()
        ),
        "collection permissions": sorted(
            (p.group.name, p.collection.name, p.permission.codename)
            for p in GroupCollectionPermission.objects.all()
        ),
        "collections": list(Collection.objects.order_by("path").values_list("path", "name")),
        "workflows": [
            (w.name, w.active, [t.specific.name for t in w.tasks.order_by("workflow_tasks")])
            for w in Workflow.objects.order_by("pk")
        ],
        "workflow pages": sorted(
            (by_path[w.page_id], w.workflow.name) for w in WorkflowPage.objects.all()
        ),
        "sites": list(
            Site.objects.order_by("pk").values_list(
                "hostname", "port", "site_name", "root_page__path", "is_default_site"
            )
        ),
        "locales": list(Locale.objects.order_by("pk").values_list("language_code", flat=True)),
        "clinic settings": list(ClinicSettings.objects.order_by("pk").values()),
    }


def patient_view():
    """The extra article as an anonymous patient gets it: its status, its title, and
    whether its heading image was drawn again from the restored original file."""
    from django.test import Client

    from learning.models import ArticlePage

    response = Client().get(ARTICLE_URL)
    image = ArticlePage.objects.get(url_path__endswith=ARTICLE_URL).heading_image
    renditions = list(image.renditions.all())
    return {
        "status": response.status_code,
        "title": "Knee pain after running" in response.content.decode(),
        "heading image": bool(renditions)
        and all(r.file.storage.exists(r.file.name) for r in renditions),
    }


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
    assert "is not empty: it has 1 users" in refused.stderr
    assert "--force" in refused.stderr
