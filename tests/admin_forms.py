"""Form data for the Wagtail page editor, as the browser would post it."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def list_block(items):
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


def article_form(body, action="action-publish", **fields):
    data = {
        "title": "Knee pain",
        "slug": "knee-pain",
        "summary": "How physiotherapy helps knee pain.",
        "heading_image": "",
        "heading_image_alt": "",
        "top_disclaimer": "",
        "closing_note": "",
        "body": streamfield(body),
        **fields,
    }
    form = nested_form_data(data)
    if action:
        form[action] = action
    return form
