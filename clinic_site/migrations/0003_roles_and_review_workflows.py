"""The clinic's roles and review workflows, so every install has them.

Creates the groups "Physiotherapists", "Clinical reviewers" and "Site staff" with
their site-wide permissions, and the "Clinical review" and "Staff approval"
workflows. Page permissions and workflow assignments belong to pages:
clinic_site.governance adds them when the pages are created, and this migration
adds them to pages that already exist (an install that had the demo content before).

Historical models only, and names written out here rather than imported, so the
migration keeps doing what it did when it was written. The group names must match
clinic_site/roles.py; the tests look the groups up by those names.
"""

from django.db import migrations

PHYSIOTHERAPISTS = "Physiotherapists"
CLINICAL_REVIEWERS = "Clinical reviewers"
SITE_STAFF = "Site staff"

# (app label, model, codename, name as Django or Wagtail would create it)
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
ADD_PERSON = ("learning", "person", "add_person", "Can add person")
CHANGE_PERSON = ("learning", "person", "change_person", "Can change person")
VIEW_DISCLAIMER = ("learning", "disclaimer", "view_disclaimer", "Can view disclaimer")
ADD_DISCLAIMER = ("learning", "disclaimer", "add_disclaimer", "Can add disclaimer")
CHANGE_DISCLAIMER = ("learning", "disclaimer", "change_disclaimer", "Can change disclaimer")
DELETE_DISCLAIMER = ("learning", "disclaimer", "delete_disclaimer", "Can delete disclaimer")
PUBLISH_DISCLAIMER = ("learning", "disclaimer", "publish_disclaimer", "Can publish disclaimer")
CHANGE_CLINIC_SETTINGS = (
    "clinic_site",
    "clinicsettings",
    "change_clinicsettings",
    "Can change Clinic settings",
)
# Image permissions are granted on a collection (here the root, so all images).
ADD_IMAGE = ("wagtailimages", "image", "add_image", "Can add image")
CHOOSE_IMAGE = ("wagtailimages", "image", "choose_image", "Can choose image")

WRITER_PERMISSIONS = [ACCESS_ADMIN, ADD_PERSON, CHANGE_PERSON, VIEW_DISCLAIMER]
WRITER_IMAGE_PERMISSIONS = [ADD_IMAGE, CHOOSE_IMAGE]

ROLES = {
    PHYSIOTHERAPISTS: (WRITER_PERMISSIONS, WRITER_IMAGE_PERMISSIONS),
    CLINICAL_REVIEWERS: (WRITER_PERMISSIONS, WRITER_IMAGE_PERMISSIONS),
    SITE_STAFF: (
        [
            ACCESS_ADMIN,
            ADD_DISCLAIMER,
            CHANGE_DISCLAIMER,
            DELETE_DISCLAIMER,
            PUBLISH_DISCLAIMER,
            CHANGE_CLINIC_SETTINGS,
        ],
        [],
    ),
}

# Page permissions on pages that exist already (clinic_site.governance does the same
# for pages created later).
PAGE_PERMISSION_NAMES = {
    "add": "Can add page",
    "change": "Can change page",
    "publish": "Publish any page",
    "lock": "Lock/unlock pages you've locked",
    "unlock": "Unlock any page",
}
LEARNING_CENTRE_PAGE_PERMISSIONS = {
    PHYSIOTHERAPISTS: ("add", "change"),
    CLINICAL_REVIEWERS: ("add", "change", "publish", "lock", "unlock"),
}
LEGAL_PAGE_PERMISSIONS = {SITE_STAFF: ("change", "publish")}


def permission(apps, app_label, model, codename, name):
    # Django and Wagtail create most permissions after all migrations have run, so a
    # fresh database may not have them yet.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def create_task(apps, app_label, model_name, name, group):
    # Historical models skip Task.__init__, which would set the content type.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model_name.lower()
    )
    task = apps.get_model(app_label, model_name).objects.create(
        name=name, content_type=content_type, active=True
    )
    task.groups.add(group)
    workflow = Workflow.objects.create(name=name, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def grant_page_permissions(apps, page_ids, permissions_by_group, groups):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for group_name, actions in permissions_by_group.items():
        for action in actions:
            perm = permission(
                apps, "wagtailcore", "page", f"{action}_page", PAGE_PERMISSION_NAMES[action]
            )
            for page_id in page_ids:
                GroupPagePermission.objects.get_or_create(
                    group=groups[group_name], page_id=page_id, permission=perm
                )


def assign_workflow(apps, page_ids, workflow):
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for page_id in page_ids:
        WorkflowPage.objects.get_or_create(page_id=page_id, defaults={"workflow": workflow})


def page_ids(apps, app_label, model_name):
    return list(apps.get_model(app_label, model_name).objects.values_list("pk", flat=True))


def create_roles_and_workflows(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.get(depth=1)

    groups = {}
    for name, (model_permissions, image_permissions) in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permission(apps, *perm) for perm in model_permissions))
        for perm in image_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(apps, *perm)
            )
        groups[name] = group

    clinical_review = create_task(
        apps, "learning", "ClinicalReviewTask", "Clinical review", groups[CLINICAL_REVIEWERS]
    )
    staff_approval = create_task(
        apps, "wagtailcore", "GroupApprovalTask", "Staff approval", groups[SITE_STAFF]
    )

    learning_centres = page_ids(apps, "learning", "LearningCentreIndexPage")
    legal_pages = page_ids(apps, "clinic_site", "LegalPage")
    grant_page_permissions(apps, learning_centres, LEARNING_CENTRE_PAGE_PERMISSIONS, groups)
    grant_page_permissions(apps, legal_pages, LEGAL_PAGE_PERMISSIONS, groups)
    assign_workflow(apps, learning_centres, clinical_review)
    assign_workflow(apps, page_ids(apps, "clinic_site", "HomePage"), staff_approval)


def remove_roles_and_workflows(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    tasks = list(
        apps.get_model("learning", "ClinicalReviewTask")
        .objects.filter(groups__name=CLINICAL_REVIEWERS)
        .values_list("pk", flat=True)
    ) + list(
        apps.get_model("wagtailcore", "GroupApprovalTask")
        .objects.filter(groups__name=SITE_STAFF)
        .values_list("pk", flat=True)
    )
    # Deleting a workflow also removes its page assignments and review history.
    Workflow.objects.filter(workflow_tasks__task__in=tasks).delete()
    Task.objects.filter(pk__in=tasks).delete()
    # Deleting a group also removes its page and collection permissions.
    Group.objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_site", "0002_clinicsettings_review_due_soon_days_and_more"),
        ("learning", "0002_articlepage_last_reviewed_and_more"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(create_roles_and_workflows, remove_roles_and_workflows),
    ]
