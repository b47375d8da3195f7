"""The clinic's roles and review workflows, so every install has them.

Creates the groups "Physiotherapists", "Clinical reviewers" and "Site staff" with the
permissions clinic_site/roles/definitions.py gives them, the "Clinical review" and
"Staff approval" workflows, and the page permissions and workflow assignments on pages
that already exist (an install that had the demo content before). The sync after every
migrate (clinic_site/roles/sync.py) keeps them in line with the definitions later.
"""

from django.db import migrations

from clinic_site.roles import definitions, sync


def create_task(apps, review_workflow, group):
    # Historical models skip Task.__init__, which would set the content type.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    app_label, model_name = review_workflow.task_model.split(".")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model_name.lower()
    )
    task = apps.get_model(app_label, model_name).objects.create(
        name=review_workflow.name, content_type=content_type, active=True
    )
    task.groups.add(group)
    workflow = Workflow.objects.create(name=review_workflow.name, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def create_roles_and_workflows(apps, schema_editor):
    groups = sync.sync_groups(apps)
    for review_workflow in definitions.WORKFLOWS:
        create_task(apps, review_workflow, groups[review_workflow.approvers])
    sync.sync_roles(apps)


def remove_roles_and_workflows(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    tasks = []
    for review_workflow in definitions.WORKFLOWS:
        tasks += apps.get_model(review_workflow.task_model).objects.filter(
            groups__name=review_workflow.approvers
        ).values_list("pk", flat=True)
    # Deleting a workflow also removes its page assignments and review history.
    Workflow.objects.filter(workflow_tasks__task__in=tasks).delete()
    Task.objects.filter(pk__in=tasks).delete()
    # Deleting a group also removes its page and collection permissions.
    Group.objects.filter(name__in=[role.name for role in definitions.ROLES]).delete()


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
