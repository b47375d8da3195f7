"""Every change patients could see starts a new page-cache generation.

Wagtail's own content (pages, sites, images, documents, redirects, search promotions)
is listed here; the project's own models that pages show are named in the
``PAGE_CACHE_INVALIDATING_MODELS`` setting, so this package never imports an app.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import invalidate_all

WAGTAIL_CONTENT_SHOWN_ON_PAGES = [
    # Making a page private must take its public copy out of the cache at once.
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Site",
    "wagtaildocs.Document",
    "wagtailimages.Image",
    "wagtailredirects.Redirect",
    "wagtailsearchpromotions.Query",
    "wagtailsearchpromotions.SearchPromotion",
]

# Wagtail fills these in on an image's first rendition; patients see no difference.
IMAGE_BOOKKEEPING_FIELDS = {"file_hash", "file_size"}


def invalidate_on_save(sender, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= IMAGE_BOOKKEEPING_FIELDS:
        return
    invalidate_all()


def register_signal_handlers():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_all, dispatch_uid=f"page-cache-{signal!r}")

    # Deleting a page sends post_delete for its specific class.
    page_model = apps.get_model("wagtailcore", "Page")
    for model in apps.get_models():
        if issubclass(model, page_model):
            post_delete.connect(invalidate_all, sender=model, dispatch_uid=f"pc-del-{model}")

    # Renditions are created while pages render, so only a deletion counts: a purged
    # rendition must not linger in any process's memo.
    post_delete.connect(
        invalidate_all, sender=apps.get_model("wagtailimages.Rendition"), dispatch_uid="pc-rend"
    )
    labels = [*WAGTAIL_CONTENT_SHOWN_ON_PAGES, *settings.PAGE_CACHE_INVALIDATING_MODELS]
    for label in labels:
        model = apps.get_model(label)
        post_delete.connect(invalidate_all, sender=model, dispatch_uid=f"pc-del-{model}")
        post_save.connect(invalidate_on_save, sender=model, dispatch_uid=f"pc-save-{model}")
