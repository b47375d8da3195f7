"""Keeps the database in line with ``definitions``: the groups and their permissions,
page permissions on the pages the roles govern, and those pages' review workflows.

Wagtail grants page permissions on a page and everything under it, and assigns a
workflow to a page and everything under it, so both are given per page: after every
``migrate`` for the pages that exist, and when a governed page is created. Only what
is missing is added, so running it again changes nothing, and an administrator's own
changes (another workflow on a page, an extra permission) are kept. Nothing is granted
on the home page itself: permissions there would cascade to every page, articles
included.

Every function takes an app registry, so the migrations (historical models) and the
running site share this code.
"""

from django.apps import apps as installed_apps
from django.db.models.signals import post_migrate, post_save

from .definitions import PAGE_ACTION_NAMES, ROLES, WORKFLOWS


def permission(apps, app_label, codename, name=None):
    """The permission, created if Django has not made it yet (it makes them only after
    every migration has run, so a new database may lack it)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    action, _, model_name = codename.partition("_")
    if app_label == "wagtailadmin":
        model_name = "admin"
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    if name is None:
        try:
            verbose_name = apps.get_model(app_label, model_name)._meta.verbose_name
        except LookupError:  # a model a later migration creates
            verbose_name = model_name
        name = f"Can {action} {verbose_name}"
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def page_permission(apps, action):
    return permission(apps, "wagtailcore", f"{action}_page", PAGE_ACTION_NAMES[action])


def sync_groups(apps):
    """Each role's group with at least the site-wide and image permissions it is given."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        wanted = [permission(apps, *label.split(".", 1)) for label in role.permissions]
        group.permissions.add(*wanted)
        for codename in role.image_permissions if root_collection else ():
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=permission(apps, "wagtailimages", codename),
            )
        groups[role.name] = group
    return groups


def grant_page_permissions(apps, page_type, page_ids, groups):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for role in ROLES:
        if role.name not in groups:
            continue
        for action in role.page_permissions.get(page_type, ()):
            perm = page_permission(apps, action)
            for page_id in page_ids:
                GroupPagePermission.objects.get_or_create(
                    group=groups[role.name], page_id=page_id, permission=perm
                )


def workflow_for(apps, review_workflow):
    """The active workflow whose task is `review_workflow`'s approval by its approvers."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    tasks = apps.get_model(review_workflow.task_model).objects.filter(
        active=True, groups__name=review_workflow.approvers
    )
    return (
        Workflow.objects.filter(active=True, workflow_tasks__task__in=tasks.values("pk"))
        .order_by("pk")
        .first()
    )


def assign_workflows(apps, page_type, page_ids):
    """Attach the page type's workflow to each page that has no workflow of its own."""
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for review_workflow in WORKFLOWS:
        if page_type not in review_workflow.page_types:
            continue
        workflow = workflow_for(apps, review_workflow)
        for page_id in page_ids if workflow else ():
            WorkflowPage.objects.get_or_create(page_id=page_id, defaults={"workflow": workflow})


def governed_page_types():
    types = {t for role in ROLES for t in role.page_permissions}
    return sorted(types | {t for workflow in WORKFLOWS for t in workflow.page_types})


def sync_roles(apps=installed_apps):
    """Groups, permissions and workflow assignments for every governed page that exists."""
    groups = sync_groups(apps)
    for page_type in governed_page_types():
        page_ids = list(apps.get_model(page_type).objects.values_list("pk", flat=True))
        grant_page_permissions(apps, page_type, page_ids, groups)
        assign_workflows(apps, page_type, page_ids)


def sync_roles_after_migrate(sender, apps=installed_apps, **kwargs):
    sync_roles(apps)


def govern(page):
    """Grant the roles' permissions on a new page and attach its review workflow."""
    page_type = page._meta.label
    if page_type not in governed_page_types():
        return
    Group = installed_apps.get_model("auth", "Group")
    groups = {group.name: group for group in Group.objects.filter(name__in=[r.name for r in ROLES])}
    grant_page_permissions(installed_apps, page_type, [page.pk], groups)
    assign_workflows(installed_apps, page_type, [page.pk])


def govern_new_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        govern(instance)


def clinical_review_workflow():
    return workflow_for(installed_apps, WORKFLOWS[0])


def staff_approval_workflow():
    return workflow_for(installed_apps, WORKFLOWS[1])


def register_signal_handlers(app_config):
    """Called from ClinicSiteConfig.ready(): sync after each migrate, govern new pages."""
    # Every migration has run by the time any app's post_migrate is sent.
    post_migrate.connect(
        sync_roles_after_migrate, sender=app_config, dispatch_uid="clinic_site.roles.sync"
    )
    for page_type in governed_page_types():
        post_save.connect(
            govern_new_page,
            sender=installed_apps.get_model(page_type),
            dispatch_uid=f"clinic_site.roles.govern.{page_type}",
        )
