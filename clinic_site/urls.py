from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from clinic_site import views
from clinic_site.hardening.media_files import serve_public_media
from clinic_site.seo import sitemap as public_sitemap
from learning import search

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search.search, name="search"),
    # On the site's public address, not the Wagtail Site record's hostname.
    path("sitemap.xml", sitemap, {"sitemaps": public_sitemap.SITEMAPS}, name="sitemap"),
    path("robots.txt", public_sitemap.robots_txt, name="robots_txt"),
    path("health/", views.health, name="health"),
    # A patient's exercise programme, by its unguessable link; before the page tree.
    path("p/", include("programmes.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.DEBUG or settings.SERVE_MEDIA_FILES:
    urlpatterns += [
        re_path(
            r"^media/(?P<path>.*)$",
            serve_public_media,
        )
    ]

# Wagtail serves every other URL from the page tree, so it comes last; a page's
# handout.pdf goes just before it, as Wagtail's own pattern takes only paths ending in "/".
urlpatterns += [
    path("", include("clinic_site.handouts.urls")),
    path("", include(wagtail_urls)),
]
