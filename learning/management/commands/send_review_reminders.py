"""Email authors and clinical reviewers when an article's clinical review falls due.

Meant for a daily cron job. Each review cycle (one ``next_review_due`` date) gets at
most one "due soon" and one "overdue" reminder; a ReviewReminder row records each one
sent, so running the command again the same day, or every day, sends nothing new.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import ngettext

from wagtail.models import Site

from learning.models import ArticleAuthor, ArticlePage, LearningCentreSettings, ReviewReminder
from learning.publisher import publisher_name
from learning.reviews import ReviewStatus

logger = logging.getLogger("learning.reminders")


def _reminders(count):
    return ngettext("%(count)d reminder", "%(count)d reminders", count) % {"count": count}


class ReminderFailed(Exception):
    """A reminder that could not be sent; the message says why, in staff's words."""


@dataclass
class Reminder:
    article: ArticlePage
    stage: ReviewStatus
    due_date: datetime.date
    days: int  # days left when due soon, days overdue when overdue
    public_url: str
    clinic_name: str
    recipients: list[str] = field(default_factory=list)
    # (person, reason) for everyone who cannot be emailed
    unreachable: list[tuple[object, str]] = field(default_factory=list)

    @property
    def label(self):
        due = date_format(self.due_date, "j F Y")
        return f"“{self.stage.label.lower()}” reminder for “{self.article.title}” (due {due})"

    @property
    def subject(self):
        return f"{self.stage.label}: {' '.join(self.article.title.split())}"


class Command(BaseCommand):
    help = (
        "Email the authors and clinical reviewer of each live article whose clinical review "
        "is due soon or overdue: one reminder per stage and review cycle. Prints "
        "“Sent N reminders, M failed, K skipped” (skipped: nobody on the article has an "
        "email address) and exits with an error when any reminder failed; failed ones are "
        "tried again on the next run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Remind this many days before the review is due, instead of each site's "
            "“review due soon days” clinic setting.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the reminders that would be sent; send and record nothing.",
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and days < 0:
            raise CommandError("--days must be zero or more.")
        counts = {"sent": 0, "failed": 0, "skipped": 0, "raced": 0}
        for reminder in self.reminders_due(timezone.localdate(), days):
            counts[self.deliver(reminder, dry_run)] += 1
        sent, failed, skipped = counts["sent"], counts["failed"], counts["skipped"]
        if dry_run:
            self.stdout.write(f"Dry run: would send {_reminders(sent)}, {skipped} skipped.")
            return
        self.stdout.write(f"Sent {_reminders(sent)}, {failed} failed, {skipped} skipped.")
        if failed:
            raise CommandError(
                f"{_reminders(failed).capitalize()} could not be sent; see the messages above."
            )

    def deliver(self, reminder, dry_run):
        """Send (or, in a dry run, describe) one reminder: "sent", "failed", "skipped",
        or "raced" when another run sent it just now."""
        for person, reason in reminder.unreachable:
            self.stderr.write(
                f"{person.name} is not reminded about “{reminder.article.title}”: {reason}."
            )
        recipients = ", ".join(reminder.recipients)
        if not reminder.recipients:
            self.stderr.write(
                self.style.WARNING(
                    f"Skipped the {reminder.label}: neither its authors nor its "
                    "clinical reviewer has an email address. Add one under "
                    "Learning Centre → People."
                )
            )
            return "skipped"
        if dry_run:
            self.stdout.write(f"Would send the {reminder.label} to {recipients}.")
            return "sent"
        try:
            was_sent = self.send(reminder)
        except ReminderFailed as error:
            message = f"Could not send the {reminder.label}: {error}"
            # The message names the error; a traceback would only bury it in cron's mail.
            logger.error(message)
            self.stderr.write(
                self.style.ERROR(f"{message} It will be tried again on the next run.")
            )
            return "failed"
        if not was_sent:
            self.stdout.write(f"The {reminder.label} was sent by another run just now.")
            return "raced"
        logger.info("Sent the %s to %s", reminder.label, recipients)
        self.stdout.write(f"Sent the {reminder.label} to {recipients}.")
        return "sent"

    def reminders_due(self, today, days_override):
        """The reminders that are due today and not yet sent, soonest review first."""
        # Sites whose settings were never saved use the defaults, as the site itself does.
        fallback_settings = LearningCentreSettings()
        sites = {}
        settings_by_site = {}
        for site in Site.objects.select_related("learningcentresettings"):
            sites[site.pk] = site
            settings_by_site[site.pk] = getattr(site, "learningcentresettings", fallback_settings)
        horizon = days_override
        if horizon is None:
            horizon = max(
                s.review_due_soon_days for s in [*settings_by_site.values(), fallback_settings]
            )
        articles = self.articles_due(today, horizon)
        already_sent = set(
            ReviewReminder.objects.filter(article__in=[a.pk for a in articles]).values_list(
                "article_id", "stage", "due_date"
            )
        )
        for article in articles:
            site_id, root_url, page_path = article.get_url_parts() or (None, None, None)
            learning_settings = settings_by_site.get(site_id, fallback_settings)
            due_soon_days = (
                learning_settings.review_due_soon_days if days_override is None else days_override
            )
            stage = article.review_status(today, due_soon_days)
            due_date = article.next_review_due
            if (
                stage not in ReviewReminder.STAGES
                or (article.pk, stage.value, due_date) in already_sent
            ):
                continue
            reminder = Reminder(
                article=article,
                stage=stage,
                due_date=due_date,
                days=abs((due_date - today).days),
                public_url=root_url + page_path if root_url and page_path else "",
                clinic_name=publisher_name(sites.get(site_id)),
            )
            self.add_recipients(reminder)
            yield reminder

    @staticmethod
    def articles_due(today, horizon):
        authors = ArticleAuthor.objects.select_related("person__user").order_by("sort_order")
        return list(
            ArticlePage.objects.live()
            .filter(
                next_review_due__isnull=False,
                next_review_due__lte=today + datetime.timedelta(days=horizon),
            )
            .select_related("clinical_reviewer__user")
            .prefetch_related(Prefetch("authors", queryset=authors))
            .order_by("next_review_due", "title", "pk")
        )

    def add_recipients(self, reminder):
        article = reminder.article
        people = [link.person for link in article.authors.all()]
        if article.clinical_reviewer is not None:
            people.append(article.clinical_reviewer)
        seen_people, seen_addresses = set(), set()
        for person in people:
            if person.pk in seen_people:  # an author who is also the reviewer
                continue
            seen_people.add(person.pk)
            address = person.contact_email.strip()
            if not address:
                reminder.unreachable.append((person, "they have no email address"))
            elif address.lower() not in seen_addresses:
                seen_addresses.add(address.lower())
                reminder.recipients.append(address)

    def send(self, reminder):
        """Send one reminder and record it; record nothing when the send fails.

        Returns False when another run sent the same reminder at the same moment.
        """
        for address in reminder.recipients:
            try:
                validate_email(address)
            except ValidationError:
                raise ReminderFailed(
                    f"the email address “{address}” is not valid. Correct it under "
                    "Learning Centre → People."
                ) from None
        article = reminder.article
        context = {
            "title": article.title,
            "overdue": reminder.stage == ReviewStatus.OVERDUE,
            "due_date": reminder.due_date,
            "days": reminder.days,
            "edit_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("wagtailadmin_pages:edit", args=[article.pk]),
            "public_url": reminder.public_url,
            "authors": [link.person for link in article.authors.all()],
            "reviewer": article.clinical_reviewer,
            "clinic_name": reminder.clinic_name,
        }
        message = EmailMessage(
            subject=reminder.subject,
            body=render_to_string("learning/email/review_reminder.txt", context).strip() + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=reminder.recipients,
        )
        try:
            # The row claims this stage, so a second run at the same moment stops at the
            # unique constraint instead of emailing twice. It is committed only once the
            # mail has gone: a failed send rolls it back and the next run tries again.
            with transaction.atomic():
                ReviewReminder.objects.create(
                    article=article,
                    stage=reminder.stage,
                    due_date=reminder.due_date,
                    recipients=", ".join(reminder.recipients),
                )
                message.send()
        except IntegrityError:
            return False
        except (OSError, ValueError) as error:  # smtplib.SMTPException is an OSError
            raise ReminderFailed(f"sending failed ({type(error).__name__}: {error}).") from error
        return True
