"""Who manages topics: reviewers and site staff add and edit them; everyone with a
role may see the list (physiotherapists tick topics on their articles)."""

from django.db import migrations

TOPIC_PERMISSIONS = {
    "Physiotherapists": ["view_topic"],
    "Clinical reviewers": ["view_topic", "add_topic", "change_topic"],
    "Site staff": ["view_topic", "add_topic", "change_topic", "delete_topic"],
}


def grant_topic_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Django creates model permissions after all migrations, so make them here if needed.
    content_type, _ = ContentType.objects.get_or_create(app_label="learning", model="topic")
    for group_name, codenames in TOPIC_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for codename in codenames:
            action = codename.split("_")[0]
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": f"Can {action} topic"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_site", "0005_clinic_hours_and_booking"),
        ("learning", "0003_topics"),
    ]

    operations = [migrations.RunPython(grant_topic_permissions, migrations.RunPython.noop)]
