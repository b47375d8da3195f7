"""The daily review reminders: who is emailed, when, exactly once, and what a failure looks like."""

import datetime
import io
import logging
import socket

import pytest
import time_machine

from django.core.management import call_command
from django.core.management.base import CommandError

from learning.models import ReviewReminder
from tests.factories import ArticlePageFactory, PersonFactory

TODAY = datetime.date(2026, 3, 2)
DUE = TODAY + datetime.timedelta(days=20)  # within the default 60 "due soon" days
DAYS_61 = datetime.timedelta(days=61)


def on(day):
    """Freeze the clock at mid-morning UTC on ``day`` (cron runs the command once a day)."""
    moment = datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=datetime.UTC)
    return time_machine.travel(moment, tick=False)


def run(*args):
    """Run the command as cron would; return what it printed to stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    call_command("send_review_reminders", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_expecting_failure(*args):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("send_review_reminders", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), str(failure.value)


def closed_port():
    """A local TCP port nothing listens on: bind one, then let it go."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def emails_to(outbox, address):
    return [message for message in outbox if address in message.to]


@pytest.fixture
def team(db):
    return {
        "author": PersonFactory(name="Alex Author", email="alex@example.com"),
        "co_author": PersonFactory(name="Casey Coauthor", email="casey@example.com"),
        "reviewer": PersonFactory(name="Robin Reviewer", email="robin@example.com"),
    }


def article_due(clinic, team, next_review_due=DUE, **kwargs):
    kwargs.setdefault("title", "Exercise after knee surgery")
    kwargs.setdefault("authors", [team["author"], team["co_author"]])
    kwargs.setdefault("clinical_reviewer", team["reviewer"])
    return ArticlePageFactory(
        parent=clinic.learning_centre,
        last_reviewed=next_review_due - datetime.timedelta(days=3 * 365),
        next_review_due=next_review_due,
        **kwargs,
    )


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 5
    return settings


def test_due_soon_article_emails_each_author_and_the_reviewer_once(
    clinic, team, mailoutbox, settings
):
    article = article_due(clinic, team)

    with on(TODAY):
        out, err = run()

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert sorted(message.to) == ["alex@example.com", "casey@example.com", "robin@example.com"]
    assert message.subject == "Review due soon: Exercise after knee surgery"
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert "“Exercise after knee surgery” is due on 22 March 2026, in 20 days." in message.body
    assert f"http://testserver/admin/pages/{article.pk}/edit/" in message.body
    assert article.get_full_url() in message.body
    assert article.get_full_url().startswith("http://")
    assert "Alex Author, PT, MSc; Casey Coauthor, PT, MSc" in message.body
    assert "Clinical reviewer: Robin Reviewer, PT, MSc" in message.body
    assert "Test Physiotherapy Clinic" in message.body
    assert "Sent 1 reminder, 0 failed, 0 skipped." in out
    assert err == ""

    # Cron runs again later that day, and every day after: nobody hears twice.
    with on(TODAY):
        out, _ = run()
    with on(TODAY + datetime.timedelta(days=5)):
        run()
    for person in team.values():
        assert len(emails_to(mailoutbox, person.email)) == 1
    assert out == "Sent 0 reminders, 0 failed, 0 skipped.\n"  # a quiet cron run
    assert ReviewReminder.objects.get().recipients == (
        "alex@example.com, casey@example.com, robin@example.com"
    )


def test_overdue_reminder_goes_once_when_the_review_date_passes(clinic, team, mailoutbox):
    article_due(clinic, team)
    with on(TODAY):
        run()
    with on(DUE):  # due today: still "due soon", already reminded
        run()
    assert len(mailoutbox) == 1

    with on(DUE + datetime.timedelta(days=3)):
        out, _ = run()
        run()
    with on(DUE + datetime.timedelta(days=40)):
        run()

    assert [m.subject for m in mailoutbox] == [
        "Review due soon: Exercise after knee surgery",
        "Review overdue: Exercise after knee surgery",
    ]
    overdue = mailoutbox[1]
    assert "was due on 22 March 2026. It is now 3 days overdue" in overdue.body
    assert sorted(overdue.to) == ["alex@example.com", "casey@example.com", "robin@example.com"]
    assert "Sent 1 reminder" in out


def test_article_found_overdue_gets_only_the_overdue_reminder(clinic, team, mailoutbox):
    article_due(clinic, team, next_review_due=TODAY - datetime.timedelta(days=1))

    with on(TODAY):
        run()

    assert [m.subject for m in mailoutbox] == ["Review overdue: Exercise after knee surgery"]
    assert "It is now 1 day overdue" in mailoutbox[0].body


def test_a_new_review_starts_a_new_cycle_of_reminders(clinic, team, mailoutbox):
    article = article_due(clinic, team)
    with on(TODAY):
        run()
    with on(DUE + datetime.timedelta(days=1)):
        run()
    assert len(mailoutbox) == 2

    # The reviewer checks the article two days after it fell due and publishes it.
    reviewed = DUE + datetime.timedelta(days=2)
    next_due = reviewed.replace(year=reviewed.year + 3)
    article.last_reviewed = reviewed
    article.next_review_due = next_due
    article.save_revision().publish()

    # Nothing until the new date comes within the 60 "due soon" days.
    for day in (reviewed, reviewed + datetime.timedelta(days=365), next_due - DAYS_61):
        with on(day):
            run()
    assert len(mailoutbox) == 2

    with on(next_due - datetime.timedelta(days=30)):
        run()
        run()
    assert len(mailoutbox) == 3
    assert mailoutbox[2].subject == "Review due soon: Exercise after knee surgery"
    assert "in 30 days" in mailoutbox[2].body
    assert ReviewReminder.objects.filter(due_date=next_due).count() == 1


def test_current_articles_and_drafts_get_no_reminder(clinic, team, mailoutbox):
    article_due(clinic, team, TODAY + DAYS_61, title="Current article")
    article_due(clinic, team, TODAY + datetime.timedelta(days=10), title="Draft due", live=False)
    article_due(clinic, team, TODAY - DAYS_61, title="Draft overdue", live=False)

    with on(TODAY):
        out, err = run()

    assert mailoutbox == []
    assert not ReviewReminder.objects.exists()
    assert "Sent 0 reminders, 0 failed, 0 skipped." in out
    assert err == ""


def test_the_clinic_setting_and_the_days_option_choose_how_early_to_remind(
    clinic, team, mailoutbox
):
    clinic.learning_settings.review_due_soon_days = 14
    clinic.learning_settings.save()
    article_due(clinic, team)  # due in 20 days

    with on(TODAY):
        run()
    assert mailoutbox == []

    with on(TODAY):
        out, _ = run("--days", "30")
    assert len(mailoutbox) == 1
    assert "Sent 1 reminder" in out


def test_dry_run_lists_reminders_without_sending_or_recording(clinic, team, mailoutbox):
    article_due(clinic, team)

    with on(TODAY):
        out, _ = run("--dry-run")

    assert mailoutbox == []
    assert not ReviewReminder.objects.exists()
    assert (
        "Would send the “review due soon” reminder for “Exercise after knee surgery” "
        "(due 22 March 2026) to alex@example.com, casey@example.com, robin@example.com." in out
    )
    assert "Dry run: would send 1 reminder, 0 skipped." in out

    # The dry run did not use up the reminder: the real run still sends it.
    with on(TODAY):
        run()
    assert len(mailoutbox) == 1


def test_people_without_an_email_address_are_skipped_and_named(clinic, team, mailoutbox):
    no_email = PersonFactory(name="Nell Noemail", email="")
    article_due(clinic, team, authors=[no_email], title="Shoulder stretches")
    nobody = PersonFactory(name="Nora Nobody", email="")
    lonely = article_due(
        clinic, team, authors=[nobody], clinical_reviewer=no_email, title="Back care"
    )

    with on(TODAY):
        out, err = run()

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["robin@example.com"]
    assert "Nell Noemail is not reminded about “Shoulder stretches”: they have no email" in err
    assert "Skipped the “review due soon” reminder for “Back care”" in err
    assert "Sent 1 reminder, 0 failed, 1 skipped." in out
    assert not ReviewReminder.objects.filter(article=lonely).exists()

    # Once someone adds an address, the skipped reminder goes out on the next run.
    nobody.email = "nora@example.com"
    nobody.save()
    with on(TODAY + datetime.timedelta(days=1)):
        run()
    assert len(mailoutbox) == 2
    assert mailoutbox[1].to == ["nora@example.com"]
    assert mailoutbox[1].subject == "Review due soon: Back care"


def test_unreachable_mail_server_fails_each_article_clearly_then_retries(
    clinic, team, mailoutbox, mail_server_down, settings, caplog
):
    article_due(clinic, team, title="Knee exercises")
    article_due(clinic, team, TODAY - datetime.timedelta(days=5), title="Hip exercises")

    with on(TODAY), caplog.at_level(logging.ERROR, logger="learning.reminders"):
        out, err, error = run_expecting_failure()

    # Both articles were tried: the first failure did not stop the run.
    assert (
        "Could not send the “review due soon” reminder for “Knee exercises” (due 22 March 2026)"
        in err
    )
    assert "Could not send the “review overdue” reminder for “Hip exercises”" in err
    assert err.count("ConnectionRefusedError") == 2
    assert err.count("It will be tried again on the next run.") == 2
    assert "Sent 0 reminders, 2 failed, 0 skipped." in out
    assert error == "2 reminders could not be sent; see the messages above."
    logged = [r for r in caplog.records if r.name == "learning.reminders"]
    assert [r.levelno for r in logged] == [logging.ERROR, logging.ERROR]
    assert "Knee exercises" in " ".join(r.getMessage() for r in logged)
    assert "Hip exercises" in " ".join(r.getMessage() for r in logged)
    assert not ReviewReminder.objects.exists()
    assert mailoutbox == []

    # The mail server is fixed: the next run sends both, once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with on(TODAY + datetime.timedelta(days=1)):
        out, err = run()
        run()
    assert sorted(m.subject for m in mailoutbox) == [
        "Review due soon: Knee exercises",
        "Review overdue: Hip exercises",
    ]
    assert "Sent 2 reminders, 0 failed, 0 skipped." in out
    assert err == ""
    assert ReviewReminder.objects.count() == 2


def test_invalid_recipient_fails_that_article_and_the_others_still_go(
    clinic, team, mailoutbox, caplog
):
    typo = PersonFactory(name="Terry Typo", email="terry.example.com")
    article_due(clinic, team, authors=[typo], title="Ankle sprain")
    article_due(clinic, team, TODAY + datetime.timedelta(days=30), title="Wrist fracture")

    with on(TODAY), caplog.at_level(logging.ERROR, logger="learning.reminders"):
        out, err, error = run_expecting_failure()

    assert (
        "Could not send the “review due soon” reminder for “Ankle sprain” (due 22 March 2026): "
        "the email address “terry.example.com” is not valid." in err
    )
    assert [m.subject for m in mailoutbox] == ["Review due soon: Wrist fracture"]
    assert "Sent 1 reminder, 1 failed, 0 skipped." in out
    assert error == "1 reminder could not be sent; see the messages above."
    assert any("Ankle sprain" in r.getMessage() for r in caplog.records)
    assert list(ReviewReminder.objects.values_list("article__title", flat=True)) == [
        "Wrist fracture"
    ]

    typo.email = "terry@example.com"
    typo.save()
    with on(TODAY + datetime.timedelta(days=1)):
        out, _ = run()
    assert [m.subject for m in mailoutbox][1:] == ["Review due soon: Ankle sprain"]
    assert sorted(mailoutbox[1].to) == ["robin@example.com", "terry@example.com"]
    assert "Sent 1 reminder, 0 failed, 0 skipped." in out


def test_query_count_does_not_grow_with_articles_and_authors(
    clinic, team, django_assert_max_num_queries
):
    for n in range(6):
        article_due(
            clinic,
            team,
            title=f"Article {n}",
            authors=[PersonFactory(), PersonFactory(), PersonFactory()],
        )

    with on(TODAY), django_assert_max_num_queries(6):
        out, _ = run("--dry-run")
    assert "Dry run: would send 6 reminders, 0 skipped." in out
