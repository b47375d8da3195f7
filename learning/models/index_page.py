"""The Learning Centre's index: its articles, newest first, by topic, and its feed."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from clinic_site.page_cache import cached_for_generation
from clinic_site.seo import public_url

from ..feeds import LearningCentreFeed
from ..pagination import KeptCountPaginator, page_number
from ..publisher import publisher_name
from .article_page import ArticlePage
from .exercise_library_page import ExerciseLibraryPage
from .heading_image import HeadingImageMixin
from .snippets import Topic

ARTICLES_PER_PAGE = 12


class LearningCentreIndexPage(RoutablePageMixin, HeadingImageMixin, Page):  # noqa: DJ008
    intro = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Shown to patients above the list of articles.",
    )

    content_panels = [
        *Page.content_panels,
        HeadingImageMixin.heading_image_panel,
        FieldPanel("intro"),
    ]

    parent_page_types = ["clinic_site.HomePage"]
    subpage_types = ["learning.ArticlePage", "learning.ExerciseLibraryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Learning Centre"

    def articles(self, topic=None):
        articles = (
            ArticlePage.objects.live()
            .public()
            .child_of(self)
            .with_card_images()
            .order_by("-first_published_at", "-pk")
        )
        return articles.filter(topics=topic) if topic else articles

    def topics_in_use(self):
        """Topics with at least one live article here, for the topic filter."""
        live_here = Q(articles__live=True, articles__path__startswith=self.path)
        return Topic.objects.annotate(article_count=Count("articles", filter=live_here)).filter(
            article_count__gt=0
        )

    def get_context(self, request, *args, topic=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = KeptCountPaginator(
            self.articles(topic),
            ARTICLES_PER_PAGE,
            count_name=f"articles:{self.pk}:{topic.pk if topic else 'all'}",
        )
        context["articles_page"] = paginator.page(
            page_number(request.GET.get("page"), paginator.num_pages)
        )
        context["topic"] = topic
        context["topics"] = cached_for_generation(
            f"topics-in-use:{self.pk}", lambda: list(self.topics_in_use())
        )
        canonical_path = self.reverse_subpage("topic", args=[topic.slug]) if topic else ""
        canonical_page = context["articles_page"].number
        context["canonical_url"] = public_url(
            request,
            self.get_url(request)
            + canonical_path
            + (f"?page={canonical_page}" if canonical_page > 1 else ""),
        )
        context["learning_centre_feed_url"] = self.feed_url(request)
        return context

    def feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("feed")

    def get_meta_description(self):
        return self.search_description or strip_tags(self.intro).strip()

    def route(self, request, path_components):
        # An article is fetched with everything its page shows in one query and two
        # prefetches, instead of Wagtail's generic child-then-specific lookups.
        if len(path_components) == 1:
            article = (
                ArticlePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related(*ArticlePage.SHOWN_WITH_PAGE)
                .prefetch_related(*ArticlePage.prefetches())
                .first()
            )
            if article is not None:
                article._cached_parent_obj = self
                return article.route(request, [])
        if path_components:
            # The exercise library, specific in one query, routes its exercises itself.
            library = ExerciseLibraryPage.objects.child_of(self).filter(slug=path_components[0])
            if (library := library.first()) is not None:
                library._cached_parent_obj = self
                return library.route(request, path_components[1:])
        return super().route(request, path_components)

    @path("")
    def all_articles(self, request):
        return self.render(request)

    @path("feed/", name="feed")
    def feed(self, request):
        return LearningCentreFeed(self, publisher_name(self.get_site()))(request)

    @path("topic/<slug:topic_slug>/", name="topic")
    def articles_on_topic(self, request, topic_slug):
        topic = get_object_or_404(Topic, slug=topic_slug)
        return self.render(request, topic=topic)
