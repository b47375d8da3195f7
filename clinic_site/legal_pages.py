"""A legal page's "Last updated" date follows its text.

When a publish changes the body (compared with the version that was live before), the
date becomes the day of that publish, in the clinic's time zone. An editor who only
fixes a typo ticks "Only a typo fix" and the date stays as it is in the form; when the
body is unchanged the date is whatever the editor left there, so a wrong date can still
be corrected by hand.

The tick is not a field of the page: it belongs to one saved version, so it is kept in
that revision's content (under MINOR_CHANGE_KEY, which loading a revision ignores) and
read when that revision is published, whoever publishes it and whenever (from the
editor, through Staff approval, or at a scheduled time).
"""

import re

from django import forms
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import PageLogEntry, Revision

MINOR_CHANGE_KEY = "minor_change"

# The rich text editor gives each paragraph a key of its own; it says nothing about the text.
BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')


def same_text(html, other_html):
    return BLOCK_KEY.sub("", html or "") == BLOCK_KEY.sub("", other_html or "")


class LegalPageForm(WagtailAdminPageForm):
    minor_change = forms.BooleanField(
        label="Only a typo fix: keep the “Last updated” date",
        required=False,
        help_text="Publishing a change to the text sets “Last updated” to today. Tick "
        "this if the change does not alter what the text means (a spelling or "
        "punctuation fix), and the date stays as it is.",
    )

    def save(self, commit=True):
        page = super().save(commit=False)
        page.minor_change = self.cleaned_data.get("minor_change", False)
        if commit:
            page.save()
        return page


def with_minor_change_flag(page, data):
    """The revision content of `page`, marked when its editor said it is a typo fix."""
    if getattr(page, "minor_change", False):
        data[MINOR_CHANGE_KEY] = True
    return data


def previously_live_body(page):
    """The body patients saw before this publish: the stored page's while it is live (the
    page row holds the live version), else the body it was last published with, if it
    ever was. None for a first publish."""
    stored = type(page).objects.filter(pk=page.pk).values("live", "body").first()
    if stored is None:
        return None
    if stored["live"]:
        return stored["body"]
    revision_id = (
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
        .exclude(revision=None)
        .order_by("-timestamp", "-pk")
        .values_list("revision_id", flat=True)
        .first()
    )
    content = Revision.objects.filter(pk=revision_id).values_list("content", flat=True).first()
    return content.get("body") if content else None


def is_being_published(page):
    """Is this save the publish of a new revision? Wagtail sets live_revision first."""
    if page.pk is None or not page.live or page.live_revision_id is None:
        return False
    stored = type(page).objects.filter(pk=page.pk).values_list("live_revision_id", flat=True)
    return stored.first() != page.live_revision_id


def date_last_updated_on_publish(page):
    """Before a legal page is saved: on the publish of a revision whose body differs from
    the one patients saw before, and that is not marked as a typo fix, "Last updated"
    becomes today. The published revision is changed to match, so the editor shows
    the date that patients see."""
    if not is_being_published(page):
        return
    revision = page.live_revision
    if revision.content.get(MINOR_CHANGE_KEY):
        return
    previous_body = previously_live_body(page)
    if previous_body is None or same_text(previous_body, page.body):
        return
    today = timezone.localdate()
    page.last_updated = today
    if revision.content.get("last_updated") != today.isoformat():
        revision.content["last_updated"] = today.isoformat()
        revision.save(update_fields=["content"])
