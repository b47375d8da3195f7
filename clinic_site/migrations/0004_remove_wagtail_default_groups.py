"""Remove Wagtail's default "Editors" and "Moderators" groups on a new install.

Both may edit every page from the root down (Moderators may publish too), which
would bypass the clinical review of articles. The clinic's three roles replace
them. A group somebody already belongs to is left alone.
"""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def remove_unused_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_site", "0003_roles_and_review_workflows"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Nothing to undo: Wagtail's own migrations created these groups once, on install.
    operations = [migrations.RunPython(remove_unused_default_groups, migrations.RunPython.noop)]
