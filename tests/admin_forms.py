"""Form data for the Wagtail page editor, as the browser would post it."""

import datetime

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def list_block(items):
    """ListBlock form data; an item is its text, or a dict of the item's fields."""
    items = [item if isinstance(item, dict) else {"text": item, "reference": ""} for item in items]
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def section(heading, text="<p>Some text.</p>"):
    return ("section", {"heading": heading, "text": rich_text(text)})


def benefits(items, heading="How can it help me?"):
    return (
        "benefits",
        {
            "heading": heading,
            "intro": "It may:",
            "items": list_block(items),
            "closing_text": rich_text(""),
        },
    )


def reference(citation, url="", doi=""):
    return ("reference", {"citation": citation, "url": url, "doi": doi})


def article_form(body, action="action-publish", authors=(), reviewer=None, **fields):
    """The page editor's POST data; authors and reviewer are Person objects."""
    data = {
        "title": "Knee pain",
        "slug": "knee-pain",
        "summary": "How physiotherapy helps knee pain.",
        "heading_image": "",
        "heading_image_alt": "",
        "top_disclaimer": "",
        "closing_note": "",
        "body": streamfield(body),
        "references": streamfield(fields.pop("references", [])),
        "authors": inline_formset([{"person": str(person.pk)} for person in authors]),
        "clinical_reviewer": str(reviewer.pk) if reviewer else "",
        "last_reviewed": str(datetime.date.today() - datetime.timedelta(days=1)),
        "next_review_due": "",
        **fields,
    }
    form = nested_form_data(data)
    if action:
        form[action] = action
    return form
