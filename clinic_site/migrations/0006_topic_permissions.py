"""Who manages topics (clinic_site/roles/definitions.py): reviewers and site staff add
and edit them; everyone with a role may see the list (physiotherapists tick topics on
their articles)."""

from django.db import migrations

from clinic_site.roles import sync


def grant_role_permissions(apps, schema_editor):
    sync.sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_site", "0005_clinic_hours_and_booking"),
        ("learning", "0003_topics"),
    ]

    operations = [migrations.RunPython(grant_role_permissions, migrations.RunPython.noop)]
