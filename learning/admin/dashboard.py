"""The dashboard panels for clinical review: the articles a reviewer must review soon,
and Wagtail's "Awaiting your review" with a link to what changed since the last review."""

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page

from ..models import ArticlePage, LearningCentreSettings, Person
from ..reviews import due_for_review, review_due_label
from .menu import learning_centre_for
from .reports import is_overdue, pages_user_can_change, user_can_edit_articles
from .review_history import since_last_review_urls


class ReviewsDuePanel(Component):
    """Lists the live articles the signed-in reviewer is clinical reviewer of whose review
    is overdue or due within the clinic's "due soon" window."""

    name = "reviews_due"
    template_name = "learning/admin/reviews_due_panel.html"
    order = 230  # after the workflow panels, before "Your most recent edits"

    def __init__(self, person):
        self.person = person

    @classmethod
    def for_request(cls, request):
        """The panel for this user, or None unless their login is linked to a Person who
        reviews articles or they may change articles (site staff, say, get none)."""
        person = Person.objects.filter(user_id=request.user.pk).first()
        if person is None:
            return None
        # user_can_edit_articles would also say yes to site staff (it asks about any page).
        writes_articles = learning_centre_for(request)[0] is not None
        if writes_articles or person.reviewed_articles.exists():
            return cls(person)
        return None

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        today = timezone.localdate()
        days = LearningCentreSettings.for_request(request).review_due_soon_days
        articles = list(
            due_for_review(
                ArticlePage.objects.filter(clinical_reviewer=self.person), today, days
            ).order_by("next_review_due", "title", "pk")
        )
        editable = set(
            pages_user_can_change(ArticlePage, request.user)
            .filter(pk__in=[article.pk for article in articles])
            .values_list("pk", flat=True)
        )
        compare_urls = since_last_review_urls(
            [article for article in articles if article.pk in editable], request.user
        )
        rows = [
            {
                "article": article,
                "since_last_review_url": compare_urls.get(article.pk),
                "status": review_due_label(article.next_review_due, today),
                "overdue": is_overdue(article, today),
                "url": (
                    reverse("wagtailadmin_pages:edit", args=[article.pk])
                    if article.pk in editable
                    else article.get_url(request)
                ),
            }
            for article in articles
        ]
        return {
            "person": self.person,
            "rows": rows,
            "due_within_days": days,
            "report_url": (
                reverse("learning_reviews_due") if user_can_edit_articles(request.user) else None
            ),
            "request": request,
        }


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", each page with a one-click link to what changed
    since this reviewer last approved it or sent it back."""

    template_name = "learning/admin/awaiting_review_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        pages = [state["obj"] for state in context["states"] if isinstance(state["obj"], Page)]
        urls = since_last_review_urls(pages, context["request"].user)
        for state in context["states"]:
            state["since_last_review_url"] = urls.get(state["obj"].pk)
        return context


def adjust_dashboard_panels(request, panels):
    """construct_homepage_panels: Wagtail's own panels all hide themselves when they have
    nothing for this user, so they stay; "Awaiting your review" gains the compare link, and
    the reviews-due panel is added for the people it concerns."""
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = AwaitingReviewPanel()
    panel = ReviewsDuePanel.for_request(request)
    if panel is not None:
        panels.append(panel)
