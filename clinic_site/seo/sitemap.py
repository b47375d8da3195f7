"""/sitemap.xml and robots.txt on the site's public address.

Wagtail's sitemap builds each <loc> from the Wagtail Site record's hostname and port
(http://localhost/... on a site whose record was never edited). PublicAddressSitemap
lists the same live, public pages on the public address (see public_address), as the
pages' canonical links name them, and robots.txt names the sitemap there too.
"""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps import Sitemap

from .public_address import moved_to_public_address, public_url


class PublicAddressSitemap(Sitemap):
    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["location"] = moved_to_public_address(self.request, url["location"])
        return urls


SITEMAPS = {"wagtail": PublicAddressSitemap}


@require_GET
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {"sitemap_url": public_url(request, reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
