"""Admin messages that say what a review did, in place of Wagtail's generic ones.

Wagtail's edit view says "Page '…' has been updated." after "Request changes" or
"Approve and publish", and "…has been submitted for moderation." after a submission. The
``after_edit_page`` hook (registered in learning/wagtail_hooks.py) runs after that message
is queued; it reads what the workflow recorded and swaps the message for one that says
what happened. Reading the message storage consumes it, so the other messages are queued
again unchanged (Django's documented behaviour, no private attributes).
"""

from django.contrib import messages as django_messages
from django.utils.html import escape, format_html
from django.utils.translation import gettext

from wagtail.admin import messages
from wagtail.models import TaskState, WorkflowState

from ..models import Person


def replace_message(request, wagtail_text, add_new):
    """Drop the queued message that contains Wagtail's text, keep the others, then call
    add_new() to queue ours."""
    escaped = escape(wagtail_text)
    kept = [m for m in django_messages.get_messages(request) if escaped not in str(m.message)]
    for message in kept:
        django_messages.add_message(request, message.level, message.message, message.extra_tags)
    add_new()


def display_name(user):
    """The writer's name as the clinic knows it: their Person's name, else their login's."""
    if user is None:
        return "the writer"
    person_name = Person.objects.filter(user=user).values_list("name", flat=True).first()
    return person_name or user.get_full_name() or user.get_username()


def latest_review_by(page, user):
    """The task state this user finished most recently on this page's latest workflow."""
    workflow_state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    if workflow_state is None:
        return None, None
    task_state = (
        TaskState.objects.filter(workflow_state=workflow_state, finished_by=user)
        .order_by("-finished_at", "-pk")
        .first()
    )
    return workflow_state, task_state


def after_workflow_action(request, page):
    workflow_state, task_state = latest_review_by(page, request.user)
    if task_state is None:
        return
    title = page.get_admin_display_title()
    updated = gettext("Page '%(page_title)s' has been updated.") % {"page_title": title}
    sent_back = (
        workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
        and workflow_state.current_task_state_id == task_state.pk
    )
    if sent_back and task_state.status == TaskState.STATUS_REJECTED:
        name = display_name(workflow_state.requested_by)
        text = (
            f"Sent back to {name} with your comment"
            if task_state.comment
            else (f"Sent back to {name}")
        )
        replace_message(request, updated, lambda: messages.success(request, text))
    elif workflow_state.status == WorkflowState.STATUS_APPROVED:
        # The approval published a copy of the page, not the view's instance.
        published = type(page).objects.filter(pk=page.pk, live=True).first()
        if published is None:
            return
        url = published.get_url(request)
        replace_message(
            request,
            updated,
            lambda: messages.success(
                request,
                format_html('Published: <a href="{}">{}</a>', url, title),
                buttons=[messages.button(url, "View live")],
            ),
        )


SUBMITTED = "Page '%(page_title)s' has been submitted for moderation."
CREATED_AND_SUBMITTED = "Page '%(page_title)s' created and submitted for moderation."


def after_submission(request, page, wagtail_text=SUBMITTED):
    workflow_state = page.current_workflow_state
    if workflow_state is None:
        return
    title = page.get_admin_display_title()
    submitted = gettext(wagtail_text) % {"page_title": title}
    replace_message(
        request,
        submitted,
        lambda: messages.success(request, f"Submitted to {workflow_state.workflow.name}: {title}"),
    )


def describe_review_outcome(request, page):
    """after_edit_page: the message for a review action or a submission, if there was one."""
    if request.method != "POST":
        return
    if request.POST.get("action-workflow-action"):
        after_workflow_action(request, page)
    elif request.POST.get("action-submit"):
        after_submission(request, page)


def describe_new_page_submission(request, page):
    """after_create_page: "Submitted to Clinical review: …" for a new page sent for review."""
    if request.method == "POST" and request.POST.get("action-submit"):
        after_submission(request, page, CREATED_AND_SUBMITTED)
