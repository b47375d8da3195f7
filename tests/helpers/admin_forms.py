"""Form data for the Wagtail page editor, as the browser would post it."""

import datetime
import json

from bs4 import BeautifulSoup

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


def workflow_action(form, name, comment=""):
    """Editor form data that also takes a workflow action ("approve" or "reject")."""
    form = dict(form)
    form.pop("action-publish", None)
    form.pop("action-submit", None)
    form["action-workflow-action"] = "true"
    form["workflow-action-name"] = name
    if comment:
        form["workflow-action-extra-data"] = json.dumps({"comment": comment})
    return form


def legal_page_form(page, action="action-publish", body=None, **changes):
    """The legal page editor's POST data: the page as it is, with changes (body as HTML)."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "last_updated": str(page.last_updated),
        "body": rich_text(page.body if body is None else body),
        **changes,
    }
    if action:
        data[action] = action
    return data


def disclaimer_form(disclaimer=None, action="action-publish", text=None, **changes):
    """The disclaimer editor's POST data: the disclaimer as it is (or a new one), with
    changes (text as HTML)."""
    if text is None:
        text = disclaimer.text if disclaimer else "<p>General information only.</p>"
    data = {
        "name": disclaimer.name if disclaimer else "New disclaimer",
        "kind": disclaimer.kind if disclaimer else "medical_advice",
        "heading": disclaimer.heading if disclaimer else "",
        "text": rich_text(text),
        "links_to_terms": "on",
        **changes,
    }
    if action:
        data[action] = action
    return data


def _pk(obj):
    return str(obj.pk) if obj else ""


def clinic_settings_form(clinic_settings, **changes):
    """The Clinic settings form's POST data: the settings as they are, with changes."""
    return {
        "clinic_name": clinic_settings.clinic_name,
        "phone": clinic_settings.phone,
        "email": clinic_settings.email,
        "address": clinic_settings.address,
        "terms_page": _pk(clinic_settings.terms_page),
        "handout_paper_size": clinic_settings.handout_paper_size,
        **changes,
    }


def learning_settings_form(learning_settings, **changes):
    """The Learning Centre settings form's POST data: the settings as they are, with changes."""
    data = {
        "default_top_disclaimer": _pk(learning_settings.default_top_disclaimer),
        "default_closing_note": _pk(learning_settings.default_closing_note),
        "review_interval_years": str(learning_settings.review_interval_years),
        "review_due_soon_days": str(learning_settings.review_due_soon_days),
        "target_reading_grade": str(learning_settings.target_reading_grade),
        **changes,
    }
    if learning_settings.reviewer_may_be_sole_author:
        data.setdefault("reviewer_may_be_sole_author", "on")
    return data


def _posted_value(field):
    if field.name == "textarea":
        text = field.get_text()
        return text[1:] if text.startswith("\n") else text  # as browsers read it
    if field.name == "select":
        chosen = field.find("option", selected=True)
        return chosen.get("value", "") if chosen else ""
    return field.get("value", "")


def editor_form(response, action=None, **changes):
    """What the page editor (a GET `response`) posts when the editor types only `changes`:
    every field as the editor rendered it (disabled ones left out, as browsers do) and
    its StreamFields, which must still be empty, as empty streams."""
    form = BeautifulSoup(response.content, "html.parser").find("form", id="page-edit-form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        if field.has_attr("disabled"):
            continue
        if field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[field["name"]] = field.get("value", "on")
            continue
        data[field["name"]] = _posted_value(field)
    for stream in form.select("[data-w-block-arguments-value]"):
        assert json.loads(stream["data-w-block-arguments-value"])[0] == [], stream["id"]
        data[f"{stream['id']}-count"] = "0"
    data.update(changes)
    if action:
        data[action] = action
    return data
