# Editors list words patients use for the same thing; the search finds them all.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0005_next_review_due_help_text'),
    ]

    operations = [
        migrations.AddField(
            model_name='learningcentresettings',
            name='search_synonyms',
            field=models.TextField(blank=True, help_text='Words patients use for the same thing, one group per line, separated by commas, e.g. “physio, physiotherapy, physical therapy”. A search for one word also finds articles that use the others.', verbose_name='Search synonyms'),
        ),
    ]
