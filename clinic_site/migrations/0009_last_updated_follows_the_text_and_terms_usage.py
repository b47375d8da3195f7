"""A legal page's "Last updated" follows its text (new help text), and the Clinic
settings' Terms page enters Wagtail's reference index, so the Terms of Use page's usage
counts it.

The index row is what ReferenceIndex.create_or_update_for_object writes for a ClinicSettings
row with a Terms page (clinic_site.wagtail_hooks registers the model; later saves keep it
up to date). Written with the historical models, so it does not depend on today's code.
"""

import uuid

import django.utils.timezone
from django.db import migrations, models

# wagtail.models.ReferenceIndex._get_content_path_hash
CONTENT_PATH_NAMESPACE = uuid.UUID("bdc70d8b-e7a2-4c2a-bf43-2a3e3fcbbe86")
FIELD = "terms_page"


def index_terms_pages(apps, schema_editor):
    ClinicSettings = apps.get_model("clinic_site", "ClinicSettings")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    rows = ClinicSettings.objects.filter(terms_page__isnull=False)
    if not rows.exists():
        return
    settings_type, _ = ContentType.objects.get_or_create(
        app_label="clinic_site", model="clinicsettings"
    )
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for row in rows:
        ReferenceIndex.objects.get_or_create(
            base_content_type=settings_type,
            object_id=str(row.pk),
            to_content_type=page_type,
            to_object_id=str(row.terms_page_id),
            content_path_hash=uuid.uuid5(CONTENT_PATH_NAMESPACE, FIELD),
            defaults={"content_type": settings_type, "model_path": FIELD, "content_path": FIELD},
        )


def unindex_terms_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    settings_types = ContentType.objects.filter(app_label="clinic_site", model="clinicsettings")
    ReferenceIndex.objects.filter(
        base_content_type_id__in=list(settings_types.values_list("pk", flat=True))
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_site", "0008_learning_policy_moves_to_learning_centre_settings"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
    ]

    operations = [
        migrations.AlterField(
            model_name="legalpage",
            name="last_updated",
            field=models.DateField(
                default=django.utils.timezone.localdate,
                help_text="Shown to readers as “Last updated”. Publishing a change to the "
                "text sets it to that day by itself; change it here only to correct it.",
            ),
        ),
        migrations.RunPython(index_terms_pages, unindex_terms_pages),
    ]
