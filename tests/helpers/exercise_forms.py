"""Form data for the exercise editor, and the article editor's exercise block, as the
browser would post them."""

import datetime

from bs4 import BeautifulSoup

from wagtail.test.utils.form_data import inline_formset, nested_form_data


def exercise_form(
    region, images, action="action-publish", steps=("Lift your leg.",), reviewer=None, **fields
):
    """The exercise editor's POST data. `images` are (image, alt text) pairs."""
    data = {
        "title": "Straight leg raise",
        "slug": "straight-leg-raise",
        "purpose": "Makes the muscles at the front of your thigh stronger.",
        "body_region": str(region.pk),
        "difficulty": "gentle",
        "equipment": "A bed or a mat",
        "starting_position": "Lie on your back with one knee bent.",
        "steps": inline_formset([{"text": text} for text in steps], min=1),
        "images": inline_formset(
            [{"image": str(image.pk), "alt_text": alt} for image, alt in images], min=1, max=3
        ),
        "video_url": "",
        "sets": "3",
        "repetitions": "10",
        "hold_seconds": "",
        "rest_seconds": "30",
        "times_per_period": "2",
        "period": "day",
        "stop_if": "Your knee hurts more and it lasts until the next day",
        "clinical_reviewer": str(reviewer.pk) if reviewer else "",
        "last_reviewed": str(datetime.date.today() - datetime.timedelta(days=1)),
        "next_review_due": "",
        **fields,
    }
    form = nested_form_data(data)
    if action:
        form[action] = action
    return form


def exercise_block(exercise, **override):
    """The article editor's data for an exercise block; `override` as typed (strings)."""
    values = {
        "exercise": str(exercise.pk) if exercise else "",
        "sets": "",
        "repetitions": "",
        "hold_seconds": "",
        "rest_seconds": "",
        "times_per_period": "",
        "period": "",
    }
    values.update({name: str(value) for name, value in override.items()})
    return ("exercise", values)


def field_value(response, name):
    """What the re-shown editor holds in the field `name` ("" when it is empty)."""
    field = BeautifulSoup(response.content, "html.parser").find(attrs={"name": name})
    assert field is not None, name
    if field.name == "textarea":
        return field.get_text().strip()
    if field.name == "select":
        chosen = field.find("option", selected=True)
        return chosen.get("value", "") if chosen else ""
    return field.get("value", "")


def error_near(response, name):
    """The error messages Wagtail shows for the field `name` in the re-shown editor."""
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find(attrs={"name": name})
    assert field is not None, name
    wrapper = field.find_parent(attrs={"data-field": True}) or field.find_parent(
        class_="w-field__wrapper"
    )
    errors = wrapper.select(".error-message") if wrapper else []
    return " ".join(" ".join(error.get_text(" ").split()) for error in errors)
