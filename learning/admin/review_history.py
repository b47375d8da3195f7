"""The "What changed since your last review" link: one to Wagtail's revision compare view from
the revision a reviewer last reviewed to the article's latest revision."""

from django.urls import reverse

from wagtail.models import PageLogEntry, TaskState, get_default_page_content_type


def _latest_per_page(rows):
    """{page pk: revision id} from (time, page id, revision id) rows, the latest kept."""
    rows = sorted(rows, key=lambda row: row[0])
    return {int(page_id): revision_id for _, page_id, revision_id in rows}


def last_reviewed_revisions(pages, user):
    """{page pk: id of the revision this user last reviewed}, in at most two queries.

    A review is an approval or a "Request changes": the revision its task state holds
    (for an approval the clinical review task records the review date in a revision and
    approves that one). Pages the user never reviewed in a workflow fall back to the last
    revision they published directly."""
    page_ids = [page.pk for page in pages]
    reviewed = _latest_per_page(
        TaskState.objects.filter(
            workflow_state__base_content_type=get_default_page_content_type(),
            workflow_state__object_id__in=[str(pk) for pk in page_ids],
            finished_by=user,
            status__in=(TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED),
        ).values_list("finished_at", "workflow_state__object_id", "revision_id")
    )
    others = [pk for pk in page_ids if pk not in reviewed]
    if others:
        published = PageLogEntry.objects.filter(
            page_id__in=others, user=user, action="wagtail.publish", revision__isnull=False
        ).values_list("timestamp", "page_id", "revision_id")
        reviewed.update(_latest_per_page(published))
    return reviewed


def since_last_review_urls(pages, user):
    """{page pk: compare URL} for the pages whose latest revision differs from the one the
    user last reviewed (or, if they never reviewed the page, from the live revision)."""
    pages = list(pages)
    reviewed = last_reviewed_revisions(pages, user) if pages else {}
    urls = {}
    for page in pages:
        base = reviewed.get(page.pk) or page.live_revision_id
        latest = page.latest_revision_id
        if base and latest and base != latest:
            urls[page.pk] = reverse(
                "wagtailadmin_pages:revisions_compare", args=[page.pk, base, latest]
            )
    return urls
