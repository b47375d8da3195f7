"""Clinical review: the workflow task reviewers approve, and reminders when a review
falls due."""

from django.db import models, transaction
from django.utils import timezone
from django.utils.text import capfirst

from wagtail.locks import WorkflowLock
from wagtail.models import AbstractGroupApprovalTask

from ..reviews import ReviewStatus
from .site_settings import LearningCentreSettings
from .snippets import Person


class ClinicalReviewLock(WorkflowLock):
    """Wagtail's workflow lock, in the words the clinic uses: the article is waiting for
    Clinical review (Wagtail says "awaiting moderation")."""

    def get_message(self, user):
        if not self.for_user(user):
            return None
        return capfirst(
            f"This {self.model_name} is waiting for {self.task.name}. Only the reviewers "
            "can edit it until they approve it or ask for changes."
        )


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """Group approval that warns the reviewer when the article reads above the target
    grade, and that the only author of an article cannot approve it themselves
    (unless the Learning Centre settings allow it)."""

    lock_class = ClinicalReviewLock

    @staticmethod
    def article_under_review(page):
        article = page.get_latest_revision_as_object()
        return article if hasattr(article, "compute_reading_grade") else None

    def reading_warning(self, article, learning_settings):
        grade = article.compute_reading_grade()
        target = learning_settings.target_reading_grade
        if grade is None or grade <= target:
            return ""
        return f"reading grade {grade}, above the target of {target}"

    @staticmethod
    def is_sole_author(article, user):
        authors = {link.person.user_id for link in article.authors.all()}
        return authors == {user.pk}

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        article = self.article_under_review(obj) if actions else None
        if article is None:
            return actions
        learning_settings = LearningCentreSettings.for_site(obj.get_site())
        if not learning_settings.reviewer_may_be_sole_author and self.is_sole_author(article, user):
            return []
        warning = self.reading_warning(article, learning_settings)
        if not warning:
            return actions
        return [
            (name, f"{label} ({warning})" if name == "approve" else label, needs_data)
            for name, label, needs_data in actions
        ]

    @staticmethod
    def record_review(task_state, user):
        """The approval is the clinical review: a revision with today's date (in the
        site's time zone) and, unless one was chosen, the approving reviewer's Person
        becomes the revision that is approved, and so published."""
        page = task_state.workflow_state.content_object
        article = page.specific.get_latest_revision_as_object()
        if not hasattr(article, "record_review"):
            return
        interval = LearningCentreSettings.for_site(page.get_site()).review_interval_years
        article.record_review(
            Person.objects.filter(user=user).first(), timezone.localdate(), interval
        )
        revision = article.save_revision(user=user, log_action=True)
        # The workflow publishes its object's latest revision: this one.
        page.latest_revision = revision
        task_state.revision = revision
        task_state.save(update_fields=["revision"])

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            self.record_review(task_state, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve the article; they are warned when it "
            "reads above the clinic's target grade."
        )

    class Meta:
        verbose_name = "Clinical review task"
        verbose_name_plural = "Clinical review tasks"


class ReviewReminder(models.Model):
    """One reminder sent for one stage of one review cycle, so it is never sent twice."""

    # The review statuses a reminder is sent for.
    STAGES = (ReviewStatus.DUE_SOON, ReviewStatus.OVERDUE)

    article = models.ForeignKey(
        "learning.ArticlePage", on_delete=models.CASCADE, related_name="review_reminders"
    )
    stage = models.CharField(
        max_length=20, choices=[(stage.value, stage.label) for stage in STAGES]
    )
    # A new review moves the due date on, which starts a new cycle of reminders.
    due_date = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "stage", "due_date"], name="one_reminder_per_stage"
            )
        ]

    def __str__(self):
        return f"{self.get_stage_display()}: {self.article} ({self.due_date})"
