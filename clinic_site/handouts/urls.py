"""`<page URL>handout.pdf`, passed to Wagtail's page routing.

Wagtail's own pattern takes only paths of slugs ending in a slash, so a page's
`handout.pdf` route needs this one, included before Wagtail's."""

from django.urls import re_path

from wagtail import views as wagtail_views

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)*handout\.pdf)$", wagtail_views.serve, name="wagtail_serve_handout"),
]
