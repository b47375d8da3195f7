"""The dashboard panel that shows a clinical reviewer the articles they must review soon."""

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component

from ..models import ArticlePage, LearningCentreSettings, Person
from ..reviews import due_for_review, review_due_label
from .reports import articles_user_can_change, is_overdue, user_can_edit_articles


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
        """The panel for this user, or None when their login is not linked to a Person."""
        person = Person.objects.filter(user_id=request.user.pk).first()
        return cls(person) if person else None

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
            articles_user_can_change(request.user)
            .filter(pk__in=[article.pk for article in articles])
            .values_list("pk", flat=True)
        )
        rows = [
            {
                "article": article,
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
