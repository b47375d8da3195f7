from django.urls import path, reverse

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin.dashboard import adjust_dashboard_panels
from .admin.menu import article_menu_items, exercise_menu_items
from .admin.reports import (
    ExerciseReviewsDueMenuItem,
    ExerciseReviewsDueReportView,
    ReviewsDueMenuItem,
    ReviewsDueReportView,
)
from .admin.review_messages import describe_new_page_submission, describe_review_outcome
from .models import Disclaimer, Person, Topic


class DisclaimerViewSet(SnippetViewSet):
    model = Disclaimer
    icon = "warning"
    menu_label = "Disclaimers"
    list_display = ["name", "kind", "live"]
    list_filter = ["kind", "live"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["name", "profession", "credentials", "email"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug"]


class LearningCentreSnippets(SnippetViewSetGroup):
    """The admin's "Learning Centre" menu: Articles and Add article, Exercises and Add
    exercise (for people who may add or change pages there), then Disclaimers, People
    and Topics."""

    items = (DisclaimerViewSet, PersonViewSet, TopicViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Learning Centre"
    menu_order = 300

    def get_submenu_items(self):
        pages = article_menu_items()
        pages += exercise_menu_items(order=len(pages) + 1)
        snippets = super().get_submenu_items()
        for item in snippets:
            item.order += len(pages)
        return pages + snippets


register_snippet(LearningCentreSnippets)


@hooks.register("register_admin_urls")
def register_reviews_due_report_urls():
    return [
        path(
            "reports/reviews-due/",
            ReviewsDueReportView.as_view(),
            name="learning_reviews_due",
        ),
        path(
            "reports/reviews-due/results/",
            ReviewsDueReportView.as_view(results_only=True),
            name="learning_reviews_due_results",
        ),
        path(
            "reports/exercise-reviews-due/",
            ExerciseReviewsDueReportView.as_view(),
            name="learning_exercise_reviews_due",
        ),
        path(
            "reports/exercise-reviews-due/results/",
            ExerciseReviewsDueReportView.as_view(results_only=True),
            name="learning_exercise_reviews_due_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_reviews_due_menu_item():
    return ReviewsDueMenuItem(
        "Reviews due",
        reverse("learning_reviews_due"),
        name="reviews-due",
        icon_name="time",
        order=1050,
    )


@hooks.register("register_reports_menu_item")
def register_exercise_reviews_due_menu_item():
    return ExerciseReviewsDueMenuItem(
        "Exercise reviews due",
        reverse("learning_exercise_reviews_due"),
        name="exercise-reviews-due",
        icon_name="time",
        order=1051,
    )


hooks.register("construct_homepage_panels", adjust_dashboard_panels)

# Says "Sent back to …", "Published: …" or "Submitted to Clinical review: …" instead of
# Wagtail's "Page '…' has been updated." / "…submitted for moderation."
hooks.register("after_edit_page", describe_review_outcome)
hooks.register("after_create_page", describe_new_page_submission)
