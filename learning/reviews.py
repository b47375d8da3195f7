"""When an article's clinical review falls due: the review status, the "due within N
days" query and its default, and the words patients and staff read about it. Used by
the article, the Reviews due report, the reviewer's dashboard and the reminders.

Works on dates and querysets it is given, so it imports no models.
"""

import datetime

from django.db import models
from django.utils.translation import ngettext

# How many days ahead the report, the dashboard and reminders look, unless the
# Learning Centre settings say otherwise.
DEFAULT_DUE_SOON_DAYS = 60
DEFAULT_REVIEW_INTERVAL_YEARS = 3


class ReviewStatus(models.TextChoices):
    OVERDUE = "overdue", "Review overdue"
    DUE_SOON = "due_soon", "Review due soon"
    CURRENT = "current", "Review up to date"
    NOT_SET = "not_set", "No review date"


def review_status(next_review_due, today=None, due_soon_days=DEFAULT_DUE_SOON_DAYS):
    if not next_review_due:
        return ReviewStatus.NOT_SET
    today = today or datetime.date.today()
    if next_review_due < today:
        return ReviewStatus.OVERDUE
    if next_review_due <= today + datetime.timedelta(days=due_soon_days):
        return ReviewStatus.DUE_SOON
    return ReviewStatus.CURRENT


def due_for_review(articles, today, within_days=DEFAULT_DUE_SOON_DAYS):
    """The live articles among `articles` whose next review falls on or before
    `today + within_days` (so overdue ones too), with their reviewer fetched."""
    horizon = today + datetime.timedelta(days=within_days)
    return articles.live().filter(next_review_due__lte=horizon).select_related("clinical_reviewer")


def next_review_after(last_reviewed, interval_years=DEFAULT_REVIEW_INTERVAL_YEARS):
    """The date a review falls due `interval_years` after the last one."""
    try:
        return last_reviewed.replace(year=last_reviewed.year + interval_years)
    except ValueError:  # 29 February into a year that has none
        return last_reviewed.replace(year=last_reviewed.year + interval_years, day=28)


def days(count):
    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}


def review_due_label(due_date, today):
    """What staff read about a review date: "Overdue by 3 days", "Due in 12 days"."""
    remaining = (due_date - today).days
    if remaining < 0:
        return f"Overdue by {days(-remaining)}"
    if remaining == 0:
        return "Due today"
    return f"Due in {days(remaining)}"
