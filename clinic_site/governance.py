"""Page permissions and review workflows that belong to particular pages.

Wagtail grants page permissions on a page and everything under it, and assigns a
workflow to a page and everything under it, so both wait until the page exists. When
the Learning Centre, a legal page or the home page is created, ``govern`` gives the
clinic's roles (see ``clinic_site.roles``) their permissions there and attaches the
review workflow. It only adds what is missing, so running it again changes nothing
and an administrator's own changes (another workflow on a page, say) are kept.

Nothing is granted on the home page: permissions there would cascade to every page,
articles included.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save

from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage

from learning.models import ClinicalReviewTask, LearningCentreIndexPage

from . import roles
from .models import HomePage, LegalPage


def clinical_review_workflow():
    """The active workflow whose task is the clinical reviewers' ClinicalReviewTask."""
    tasks = ClinicalReviewTask.objects.filter(active=True, groups__name=roles.CLINICAL_REVIEWERS)
    return _active_workflow_with(tasks)


def staff_approval_workflow():
    """The active workflow whose task is a Site staff group approval."""
    tasks = GroupApprovalTask.objects.filter(active=True, groups__name=roles.SITE_STAFF)
    return _active_workflow_with(tasks)


def _active_workflow_with(tasks):
    return (
        Workflow.objects.filter(active=True, workflow_tasks__task__in=tasks.values("pk"))
        .order_by("pk")
        .first()
    )


def grant_page_permissions(page, permissions_by_group):
    """Give each named group the page permissions listed for it on page and its subtree."""
    content_type = ContentType.objects.get_for_model(Page)
    codenames = {
        f"{action}_page" for actions in permissions_by_group.values() for action in actions
    }
    permissions = {
        perm.codename: perm
        for perm in Permission.objects.filter(content_type=content_type, codename__in=codenames)
    }
    for group in Group.objects.filter(name__in=permissions_by_group):
        for action in permissions_by_group[group.name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permissions[f"{action}_page"]
            )


def assign_workflow(page, workflow):
    """Attach workflow to page unless the page already has a workflow of its own."""
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def govern(page):
    """Grant the roles' permissions on page and attach its review workflow, as its type needs."""
    if isinstance(page, LearningCentreIndexPage):
        grant_page_permissions(page, roles.LEARNING_CENTRE_PAGE_PERMISSIONS)
        assign_workflow(page, clinical_review_workflow())
    elif isinstance(page, LegalPage):
        grant_page_permissions(page, roles.LEGAL_PAGE_PERMISSIONS)
    elif isinstance(page, HomePage):
        # Legal pages inherit this; the Learning Centre's own workflow overrides it.
        assign_workflow(page, staff_approval_workflow())


def govern_new_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        govern(instance)


def connect_signals():
    for model in (HomePage, LegalPage, LearningCentreIndexPage):
        post_save.connect(
            govern_new_page,
            sender=model,
            dispatch_uid=f"clinic_site.governance.{model._meta.label_lower}",
        )
