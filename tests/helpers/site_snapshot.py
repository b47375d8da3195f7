"""What a restored site must match: its rows, history and files as plain data, and an
article as a patient sees it. Imported by the restoring subprocess as well as the test."""

import hashlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

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

from clinic_site.backup import archive as backup
from clinic_site.models import ClinicSettings
from learning.models import Disclaimer, Person, Topic

PASSWORD = "a-long-backup-test-password"
ARTICLE_URL = "/learning-centre/knee-pain-after-running/"


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
