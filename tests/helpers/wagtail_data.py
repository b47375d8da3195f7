"""What Wagtail's migrations put in a new database, for tests whose database was flushed."""


def restore_wagtail_initial_data():
    """Recreate what Wagtail's migrations put in a new database (a locale, the root
    collection, the root of the page tree): live-server tests are transactional, and
    the flush after each one removes it."""
    from django.conf import settings

    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
