"""The "Reviews due" reports: live articles, and live exercises, whose clinical review is
overdue or due soon.

Built on Wagtail's own report machinery (ReportView: filters, sortable columns,
pagination, CSV/XLSX export) and the page permission policy, so editors only see the
articles they are allowed to change.
"""

import datetime

import django_filters

from django import forms
from django.db.models import F
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import policy_registry

from ..models import (
    ArticlePage,
    ExerciseLibraryPage,
    ExercisePage,
    LearningCentreIndexPage,
    LearningCentreSettings,
    Person,
)
from ..reviews import ReviewStatus, days, due_for_review, review_due_label
from .spreadsheets import FormulaSafeExportMixin

MAX_DAYS_AHEAD = 3650


def is_overdue(article, today):
    return article.review_status(today=today) == ReviewStatus.OVERDUE


def user_can_edit_articles(user):
    return policy_registry.get_by_type(ArticlePage).user_has_permission(user, "change")


def pages_user_can_change(model, user):
    policy = policy_registry.get_by_type(model)
    editable_pages = policy.instances_user_has_permission_for(user, "change")
    return model.objects.filter(pk__in=editable_pages.values("pk"))


class DaysFilter(django_filters.Filter):
    field_class = forms.IntegerField


class ReviewsDueFilterSet(WagtailFilterSet):
    due_within_days = DaysFilter(
        label="Due within (days)",
        method="keep_queryset",
        min_value=0,
        max_value=MAX_DAYS_AHEAD,
    )
    clinical_reviewer = django_filters.ModelChoiceFilter(
        label="Clinical reviewer",
        empty_label="Any reviewer",
        queryset=lambda request: Person.objects.filter(reviewed_articles__isnull=False).distinct(),
    )

    class Meta:
        model = ArticlePage
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        default_days = LearningCentreSettings.for_request(request).review_due_soon_days
        self.filters["due_within_days"].extra.update(
            help_text=f"Leave empty to use the Learning Centre settings ({days(default_days)}).",
            widget=forms.NumberInput(attrs={"placeholder": default_days}),
        )

    def keep_queryset(self, queryset, name, value):
        # The report always applies a window (ReviewsDueReportView.due_within_days);
        # this field only chooses how wide it is.
        return queryset


class ReviewDateColumn(Column):
    cell_template_name = "learning/admin/date_cell.html"


class ReadingGradeColumn(Column):
    cell_template_name = "learning/admin/reading_grade_cell.html"


class ReviewsDueReportView(FormulaSafeExportMixin, ReportView):
    model = ArticlePage
    page_title = "Reviews due"
    header_icon = "time"
    results_template_name = "learning/admin/reviews_due_results.html"
    index_url_name = "learning_reviews_due"
    index_results_url_name = "learning_reviews_due_results"
    filterset_class = ReviewsDueFilterSet
    permission_required = "change"
    verbose_name = "article"
    verbose_name_plural = "articles"
    default_ordering = "next_review_due"

    columns = [
        TitleColumn(
            "title",
            label="Article",
            accessor="get_admin_display_title",
            url_name="wagtailadmin_pages:edit",
            sort_key="title",
        ),
        StatusTagColumn(
            "review_due_text",
            label="Status",
            primary=lambda article: article.review_overdue,
        ),
        ReviewDateColumn("next_review_due", label="Next review due", sort_key="next_review_due"),
        ReviewDateColumn("last_reviewed", label="Last reviewed", sort_key="last_reviewed"),
        Column("reviewer_display", label="Clinical reviewer", sort_key="clinical_reviewer__name"),
        ReadingGradeColumn(
            "reading_grade_rounded", label="Reading grade", sort_key="reading_grade"
        ),
    ]
    # Ties (same date, same grade) always come out in the same order.
    tiebreakers = ("next_review_due", "title", "pk")
    sort_expressions = {
        "title": Lower("title"),
        "clinical_reviewer__name": Lower("clinical_reviewer__name"),
    }

    list_export = [
        "title",
        "review_due_text",
        "next_review_due",
        "last_reviewed",
        "reviewer_display",
        "reading_grade_rounded",
    ]
    export_headings = {
        "title": "Article",
        "review_due_text": "Status",
        "next_review_due": "Next review due",
        "last_reviewed": "Last reviewed",
        "reviewer_display": "Clinical reviewer",
        "reading_grade_rounded": "Reading grade",
    }

    @cached_property
    def today(self):
        return timezone.localdate()

    @cached_property
    def learning_settings(self):
        return LearningCentreSettings.for_request(self.request)

    @cached_property
    def due_within_days(self):
        if self.filters and self.filters.is_valid():
            chosen = self.filters.form.cleaned_data.get("due_within_days")
            if chosen is not None:
                return chosen
        return self.learning_settings.review_due_soon_days

    def get_filename(self):
        return f"reviews-due-{self.today:%Y-%m-%d}"

    def get_base_queryset(self):
        return due_for_review(
            pages_user_can_change(self.model, self.request.user), self.today, self.due_within_days
        )

    def order_queryset(self, queryset):
        descending = self.ordering.startswith("-")
        key = self.ordering.removeprefix("-")
        expression = self.sort_expressions.get(key, F(key))
        primary = (
            expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
        )
        return queryset.order_by(primary, *(field for field in self.tiebreakers if field != key))

    def decorate_paginated_queryset(self, object_list):
        target = self.learning_settings.target_reading_grade
        for article in object_list:
            article.review_due_text = review_due_label(article.next_review_due, self.today)
            article.review_overdue = is_overdue(article, self.today)
            reviewer = article.clinical_reviewer
            article.reviewer_display = reviewer.name_with_credentials if reviewer else ""
            grade = getattr(article, "reading_grade", None)
            article.reading_grade_rounded = None if grade is None else round(grade, 1)
            article.reading_grade_above_target = grade is not None and grade > target
        return object_list

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["today"] = self.today
        context["due_within_days"] = self.due_within_days
        context["horizon"] = self.today + datetime.timedelta(days=self.due_within_days)
        context["target_reading_grade"] = self.learning_settings.target_reading_grade
        context["shows_reading_grade"] = hasattr(self.model, "reading_grade")
        return context

    @cached_property
    def no_results_message(self):
        return (
            f"No {self.verbose_name_plural} you can edit are overdue for clinical review "
            f"or due within {days(self.due_within_days)}."
        )


class ReviewsDueMenuItem(MenuItem):
    # Page permissions are per page: staff who may change legal pages may "change pages",
    # but no article. Shown to those who may change the page that holds the articles
    # (and so, by inheritance, every article in it).
    container = LearningCentreIndexPage

    def is_shown(self, request):
        return pages_user_can_change(self.container, request.user).exists()


class ExerciseReviewsDueFilterSet(ReviewsDueFilterSet):
    clinical_reviewer = django_filters.ModelChoiceFilter(
        label="Clinical reviewer",
        empty_label="Any reviewer",
        queryset=lambda request: Person.objects.filter(reviewed_exercises__isnull=False).distinct(),
    )

    class Meta:
        model = ExercisePage
        fields = []


class ExerciseReviewsDueReportView(ReviewsDueReportView):
    """The same report for the exercise library: exercises are clinical content too, with
    their own review dates (and no reading grade of their own)."""

    model = ExercisePage
    page_title = "Exercise reviews due"
    index_url_name = "learning_exercise_reviews_due"
    index_results_url_name = "learning_exercise_reviews_due_results"
    filterset_class = ExerciseReviewsDueFilterSet
    verbose_name = "exercise"
    verbose_name_plural = "exercises"
    columns = [
        TitleColumn(
            "title",
            label="Exercise",
            accessor="get_admin_display_title",
            url_name="wagtailadmin_pages:edit",
            sort_key="title",
        ),
        *ReviewsDueReportView.columns[1:-1],
    ]
    list_export = ReviewsDueReportView.list_export[:-1]
    export_headings = {**ReviewsDueReportView.export_headings, "title": "Exercise"}

    def get_filename(self):
        return f"exercise-reviews-due-{self.today:%Y-%m-%d}"


class ExerciseReviewsDueMenuItem(ReviewsDueMenuItem):
    container = ExerciseLibraryPage
