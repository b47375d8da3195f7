"""The Learning Centre's policy moves from the clinic settings to its own site setting.

Every existing value is copied (default disclaimers, review interval and window,
reading-grade target, sole-author rule); clinic_site 0008 then removes the old fields.
Going back copies them the other way.
"""

import django.db.models.deletion
from django.db import migrations, models

POLICY_FIELDS = [
    "default_top_disclaimer_id",
    "default_closing_note_id",
    "review_interval_years",
    "review_due_soon_days",
    "target_reading_grade",
    "reviewer_may_be_sole_author",
]


def copy_policy_from_clinic_settings(apps, schema_editor):
    ClinicSettings = apps.get_model("clinic_site", "ClinicSettings")
    LearningCentreSettings = apps.get_model("learning", "LearningCentreSettings")
    for clinic_settings in ClinicSettings.objects.all():
        LearningCentreSettings.objects.update_or_create(
            site_id=clinic_settings.site_id,
            defaults={field: getattr(clinic_settings, field) for field in POLICY_FIELDS},
        )


def copy_policy_back_to_clinic_settings(apps, schema_editor):
    ClinicSettings = apps.get_model("clinic_site", "ClinicSettings")
    LearningCentreSettings = apps.get_model("learning", "LearningCentreSettings")
    for learning_settings in LearningCentreSettings.objects.all():
        ClinicSettings.objects.update_or_create(
            site_id=learning_settings.site_id,
            defaults={field: getattr(learning_settings, field) for field in POLICY_FIELDS},
        )


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0003_topics'),
        ('wagtailcore', '0098_apitoken'),
        ('clinic_site', '0007_search_index_title_body'),
    ]

    operations = [
        migrations.CreateModel(
            name='LearningCentreSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('review_interval_years', models.PositiveSmallIntegerField(default=3, help_text='How long after a clinical review the next one falls due, in years.')),
                ('review_due_soon_days', models.PositiveSmallIntegerField(default=60, help_text='How many days ahead the review report and reminders look.')),
                ('target_reading_grade', models.DecimalField(decimal_places=1, default=8, help_text='Articles should read at this school grade or below (6–8 suits most patients). Reviewers are warned when an article is harder.', max_digits=3)),
                ('reviewer_may_be_sole_author', models.BooleanField(default=False, help_text='Allow the only author of an article to be its clinical reviewer too.')),
                ('default_closing_note', models.ForeignKey(blank=True, help_text='Shown at the end of every article that does not choose its own.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='learning.disclaimer')),
                ('default_top_disclaimer', models.ForeignKey(blank=True, help_text='Shown above every article that does not choose its own.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='learning.disclaimer')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'Learning Centre settings',
            },
        ),
        migrations.RunPython(
            copy_policy_from_clinic_settings, copy_policy_back_to_clinic_settings
        ),
    ]
