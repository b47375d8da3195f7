from django.urls import path, reverse

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin.dashboard import ReviewsDuePanel
from .admin.reports import ReviewsDueMenuItem, ReviewsDueReportView
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
    items = (DisclaimerViewSet, PersonViewSet, TopicViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Learning Centre"
    menu_order = 300


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


@hooks.register("construct_homepage_panels")
def add_reviews_due_panel(request, panels):
    panel = ReviewsDuePanel.for_request(request)
    if panel is not None:
        panels.append(panel)
