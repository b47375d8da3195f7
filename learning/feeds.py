"""An RSS feed of a Learning Centre's newest articles."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from clinic_site.seo import public_url

FEED_LENGTH = 20


class LearningCentreFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, learning_centre, clinic_name):
        super().__init__()
        self.learning_centre = learning_centre
        self.clinic_name = clinic_name

    def title(self):
        return f"{self.clinic_name}: {self.learning_centre.title}"

    def get_feed(self, obj, request):
        # Links are absolute on the site's public address, as the sitemap's are.
        self.request = request
        return super().get_feed(obj, request)

    def link(self):
        return public_url(self.request, self.learning_centre.url)

    def description(self):
        return f"New and updated articles from the {self.learning_centre.title}."

    def items(self):
        return self.learning_centre.articles()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return public_url(self.request, item.url)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
