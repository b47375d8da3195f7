# The next-review help text names the Learning Centre settings, where the interval now lives.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0004_learning_centre_settings'),
    ]

    operations = [
        migrations.AlterField(
            model_name='articlepage',
            name='next_review_due',
            field=models.DateField(blank=True, help_text='Leave empty to use the review interval (3 years unless the Learning Centre settings say otherwise).', null=True),
        ),
    ]
