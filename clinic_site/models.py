"""Pages and settings every part of the site shares: home, legal pages, clinic details."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html, strip_tags

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from learning.models import ArticlePage, Disclaimer, LearningCentreIndexPage

from .legal_pages import LegalPageForm, date_last_updated_on_publish, with_minor_change_flag
from .page_cache import cached_for_generation
from .seo import public_url
from .seo.structured_data import clinic_organisation

NEWEST_ARTICLES_ON_HOME = 3


class HomePage(Page):
    intro = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="A short welcome shown to patients under the clinic's name.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["learning.LearningCentreIndexPage", "clinic_site.LegalPage"]
    max_count = 1

    class Meta:
        verbose_name = "Home page"

    def get_meta_description(self):
        return self.search_description or strip_tags(self.intro).strip()

    def route(self, request, path_components):
        # Look the child up as its own page type: one query instead of a generic page
        # and then its specific type.
        if path_components:
            for page_type in (LearningCentreIndexPage, LegalPage):
                child = page_type.objects.child_of(self).filter(slug=path_components[0]).first()
                if child is not None:
                    child._cached_parent_obj = self
                    return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        learning_centre = LearningCentreIndexPage.objects.live().child_of(self).first()
        context["learning_centre"] = learning_centre
        if learning_centre:
            context["learning_centre_feed_url"] = learning_centre.feed_url(request)
        context["structured_data"] = [
            clinic_organisation(
                ClinicSettings.for_request(request), public_url(request, self.get_url(request))
            )
        ]
        context["newest_articles"] = (
            learning_centre.articles()[:NEWEST_ARTICLES_ON_HOME]
            if learning_centre
            else ArticlePage.objects.none()
        )
        return context


class TermsOfUsePanel(HelpPanel):
    """In the editor of the page Clinic settings name as the Terms of Use: what links to it.

    Disclaimers that link to the terms link to whichever page the setting names, not to
    this page, so Wagtail's "Referenced N times" (which counts the Clinic settings) leaves
    them out; this says how many there are."""

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return bool(self.instance.pk) and self.terms_of_use_for().exists()

        def terms_of_use_for(self):
            return ClinicSettings.objects.filter(terms_page=self.instance.pk)

        def get_context_data(self, parent_context=None):
            disclaimers = Disclaimer.objects.filter(live=True, links_to_terms=True).count()
            self.content = format_html(
                "<p>This page is the Terms of Use in <b>Settings → Clinic settings</b>. "
                "Every page footer links to it, as do the disclaimers that link to the "
                "terms ({} published now). They link through that setting, so the usage "
                "count shows the setting, not each disclaimer.</p><p>It cannot be "
                "unpublished, deleted or moved to another site while it is chosen "
                "there.</p>",
                disclaimers,
            )
            return super().get_context_data(parent_context)


class LegalPage(Page):
    """Terms and Conditions of Use, privacy notice and similar pages staff keep up to date."""

    last_updated = models.DateField(
        default=timezone.localdate,
        help_text="Shown to readers as “Last updated”. Publishing a change to the text "
        "sets it to that day by itself; change it here only to correct it.",
    )
    body = RichTextField(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text="The full text. Use headings for each part so readers can find their way.",
    )

    content_panels = [
        TermsOfUsePanel(heading="Terms of Use"),
        *Page.content_panels,
        FieldPanel("last_updated"),
        FieldPanel("body"),
        FieldPanel("minor_change"),
    ]
    # Adds "Only a typo fix" (clinic_site.legal_pages), which is not stored on the page.
    base_form_class = LegalPageForm

    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["clinic_site.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Legal page"

    def get_meta_description(self):
        return (
            self.search_description or f"{self.title}, last updated {self.last_updated:%-d %B %Y}."
        )

    def save(self, *args, **kwargs):
        if not kwargs.get("update_fields"):
            date_last_updated_on_publish(self)
        return super().save(*args, **kwargs)

    def serializable_data(self):
        return with_minor_change_flag(self, super().serializable_data())

    def clean(self):
        super().clean()
        if self.last_updated and self.last_updated > timezone.localdate():
            raise ValidationError(
                {"last_updated": "The “last updated” date cannot be in the future."}
            )


@register_setting(icon="site")
class ClinicSettings(BaseSiteSetting):
    clinic_name = models.CharField(
        max_length=100,
        default="Our physiotherapy clinic",
        help_text="Shown in the header, the footer and page titles.",
    )
    phone = models.CharField(max_length=40, blank=True, help_text="E.g. 0123 456 7890.")
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True, help_text="Postal address, one line per row.")
    opening_hours = models.TextField(
        blank=True,
        help_text="As patients should read them, one line per row, e.g. "
        "“Monday to Friday: 8am to 7pm”.",
    )
    opening_hours_for_search_engines = models.CharField(
        max_length=200,
        blank=True,
        help_text="The same hours in schema.org form, comma-separated, e.g. "
        "“Mo-Fr 08:00-19:00, Sa 09:00-13:00”. Leave empty if unsure.",
    )
    booking_url = models.URLField(
        "Booking link",
        blank=True,
        help_text="Where the “Book an appointment” button goes (an online booking page).",
    )

    terms_page = models.ForeignKey(
        "clinic_site.LegalPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The Terms and Conditions of Use. Linked from every page footer and "
        "from every disclaimer that links to the terms.",
    )

    class PaperSize(models.TextChoices):
        A4 = "a4", "A4"
        LETTER = "letter", "US Letter"

    handout_paper_size = models.CharField(
        "Handout paper size",
        max_length=6,
        choices=PaperSize.choices,
        default=PaperSize.A4,
        help_text="The paper the PDF handouts of articles and exercises are laid out "
        "for. Choose US Letter if your clinic's printer uses it; most of the world uses A4.",
    )

    select_related = ["terms_page"]

    @classmethod
    def for_site(cls, site):
        # Every page reads these; they change rarely, and saving them starts a new
        # page-cache generation, so a cached copy is never out of date.
        if site is None:
            return super().for_site(site)
        return cached_for_generation(
            f"clinic-settings:{site.pk}", lambda: super(ClinicSettings, cls).for_site(site)
        )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("clinic_name"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("opening_hours"),
                FieldPanel("opening_hours_for_search_engines"),
                FieldPanel("booking_url"),
            ],
            heading="Clinic details",
        ),
        MultiFieldPanel([FieldPanel("terms_page")], heading="Terms of Use"),
        MultiFieldPanel([FieldPanel("handout_paper_size")], heading="Printed handouts"),
    ]

    class Meta:
        verbose_name = "Clinic settings"
