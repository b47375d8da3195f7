"""What every clinically reviewed page shares: who checked it, when, and when next."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from ..reviews import DEFAULT_DUE_SOON_DAYS, next_review_after, review_status


class ClinicallyReviewedMixin:
    """Methods for a page with `clinical_reviewer`, `last_reviewed` and
    `next_review_due` fields (the fields stay on each model, with its own related name)."""

    def default_next_review(self, interval_years):
        return next_review_after(self.last_reviewed, interval_years)

    def record_review(self, reviewer, today, interval_years):
        """A clinician approved the page today: it was last reviewed today, by them
        unless a reviewer was chosen already. A next review date that was only the old
        review's default, or has passed, moves on to `interval_years` from today."""
        old_default = self.default_next_review(interval_years) if self.last_reviewed else None
        if self.next_review_due in (None, old_default) or self.next_review_due <= today:
            self.next_review_due = None
        self.last_reviewed = today
        if self.clinical_reviewer_id is None and reviewer is not None:
            self.clinical_reviewer = reviewer
        if self.next_review_due is None:
            self.next_review_due = self.default_next_review(interval_years)

    def review_status(self, today=None, due_soon_days=DEFAULT_DUE_SOON_DAYS):
        return review_status(self.next_review_due, today or timezone.localdate(), due_soon_days)

    def review_date_errors(self):
        errors = {}
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due <= self.last_reviewed
        ):
            errors["next_review_due"] = (
                "The next review must be after the last review "
                f"({self.last_reviewed:%-d %B %Y}). Choose a later date, or leave it "
                "empty to use the clinic's review interval."
            )
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = "The last review cannot be in the future."
        return errors

    def raise_review_date_errors(self, extra=None):
        errors = {**self.review_date_errors(), **(extra or {})}
        if errors:
            raise ValidationError(errors)
