"""A physiotherapist puts a programme together in the admin and is given the patient's
link, its QR code and the PDF; bad input is refused with a message saying what to fix,
and what was typed is kept."""

import base64
import datetime
import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from clinic_site import roles
from programmes.models import Programme, latest_expiry
from tests.factories import ArticlePageFactory, ExercisePageFactory
from tests.helpers.sign_in import text_of

ADD_URL = "/admin/programmes/new/"


def programme_form(exercises, articles=(), **fields):
    """The add form's POST data: exercises as (page, {dosage field: value}) pairs."""
    data = {
        "title": "Knee strengthening, weeks 1 to 4",
        "message": "Start gently.",
        "expires_on": str(timezone.localdate() + datetime.timedelta(weeks=12)),
        "exercises": inline_formset(
            [
                {
                    "exercise": str(page.pk),
                    "sets": "",
                    "repetitions": "",
                    "hold_seconds": "",
                    "rest_seconds": "",
                    "times_per_period": "",
                    "period": "",
                    **{name: str(value) for name, value in dosage.items()},
                }
                for page, dosage in exercises
            ],
            min=1,
        ),
        "articles": inline_formset([{"article": str(page.pk)} for page in articles]),
        **fields,
    }
    return nested_form_data(data)


def form_fields(response):
    """Every field name the editor page renders; a new row's come from the formset's
    <template>, numbered when the row is added."""
    names = re.findall(r'name="([^"]+)"', response.content.decode())
    return {name.replace("__prefix__", "0") for name in names}


def field_error(response, name):
    """The error message shown with the field `name` (e.g. "exercises-0-sets")."""
    page = BeautifulSoup(response.content, "html.parser")
    field = page.find(attrs={"name": name})
    assert field is not None, name
    wrapper = field.find_parent(attrs={"data-field-wrapper": True}) or field.find_parent("div")
    error = wrapper.select_one(".error-message")
    return " ".join(error.get_text().split()) if error else ""


def typed_value(response, name):
    field = BeautifulSoup(response.content, "html.parser").find(attrs={"name": name})
    if field.name == "textarea":
        return field.get_text().strip()
    if field.name == "select":
        chosen = field.find("option", selected=True)
        return chosen["value"] if chosen else ""
    return field.get("value", "")


def menu_labels(client):
    """The labels in the admin's sidebar menu (sent to the browser as JSON)."""
    props = BeautifulSoup(client.get("/admin/").content, "html.parser")
    return set(re.findall(r'"label": "([^"]+)"', props.select_one("#wagtail-sidebar-props").string))


def decode_qr_code(data_uri, tmp_path):
    png = tmp_path / "qr.png"
    png.write_bytes(base64.b64decode(data_uri.split(",", 1)[1]))
    found = subprocess.run(  # noqa: S603 - a fixed program on a file the test wrote
        [shutil.which("zbarimg") or "/usr/bin/zbarimg", "--quiet", "--raw", str(png)],
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.strip()


@pytest.fixture
def physio(clinic_with_phone, sign_in):
    return sign_in(roles.PHYSIOTHERAPISTS)


def test_a_physiotherapist_saves_a_programme_and_gets_its_link_qr_code_and_pdf(
    physio, knee_exercise, reading, tmp_path
):
    form_page = physio.get(ADD_URL)
    data = programme_form([(knee_exercise, {"repetitions": 12})], articles=[reading])
    assert form_page.status_code == 200
    assert "Never put the patient’s name, date of birth or contact details" in text_of(form_page)
    assert set(data) <= form_fields(form_page)

    response = physio.post(ADD_URL, data, follow=True)

    programme = Programme.objects.get()
    link = f"http://testserver/p/{programme.token}/"
    page = BeautifulSoup(response.content, "html.parser")
    assert response.redirect_chain[-1][0] == f"/admin/programmes/edit/{programme.pk}/"
    assert programme.created_by == physio.user
    assert programme.exercises.get().dosage().summary() == "3 sets of 12, twice a day"
    assert programme.articles.get().article == reading
    assert page.find("a", href=link, string=link)
    qr = page.find("img", src=lambda src: src and src.startswith("data:image/png;base64,"))
    assert "QR code" in qr["alt"]
    assert decode_qr_code(qr["src"], tmp_path) == link
    assert page.find("a", href=f"{link}handout.pdf")
    assert physio.get(programme.get_absolute_url()).status_code == 200


def test_only_published_exercises_and_articles_are_offered(physio, knee_exercise, clinic):
    draft = ExercisePageFactory(parent=knee_exercise.get_parent(), title="Unreviewed squat")
    draft.unpublish()
    hidden = ArticlePageFactory(parent=clinic.learning_centre, title="Draft article")
    hidden.unpublish()

    text = physio.get(ADD_URL).content.decode()
    refused = physio.post(ADD_URL, programme_form([(draft, {})]))

    assert "Straight leg raise" in text
    assert "Unreviewed squat" not in text
    assert "Draft article" not in text
    assert refused.status_code == 200
    assert "no longer published" in field_error(refused, "exercises-0-exercise")
    assert not Programme.objects.exists()


def test_physiotherapists_and_reviewers_find_the_menu_but_site_staff_cannot_get_in(
    clinic, sign_in, knee_exercise
):
    reviewer = sign_in(roles.CLINICAL_REVIEWERS)
    staff = sign_in(roles.SITE_STAFF)

    assert "Exercise programmes" in menu_labels(reviewer)
    assert reviewer.get("/admin/programmes/").status_code == 200
    assert "Exercise programmes" not in menu_labels(staff)
    assert "Disclaimers" in menu_labels(staff)  # the menu itself was read
    assert staff.get("/admin/programmes/").status_code in (302, 403)
    assert staff.get(ADD_URL).status_code in (302, 403)
    staff.post(ADD_URL, programme_form([(knee_exercise, {})]))
    assert not Programme.objects.exists()


def test_the_listing_does_not_show_the_link(physio, programme):
    response = physio.get("/admin/programmes/")

    assert programme.title in text_of(response)
    assert programme.token.encode() not in response.content


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        ("title", "Knees for jane.doe@example.com", "Remove the e-mail address"),
        ("message", "Call me on 07700 900123 if stuck", "Remove the phone number"),
        ("message", "Questions: +44 20 7946 0018", "Remove the phone number"),
    ],
)
def test_contact_details_are_refused_and_the_text_kept(
    physio, knee_exercise, field, typed, expected
):
    response = physio.post(ADD_URL, programme_form([(knee_exercise, {})], **{field: typed}))

    assert response.status_code == 200
    assert field_error(response, field).startswith(expected)
    assert typed_value(response, field) == typed
    assert not Programme.objects.exists()


@pytest.mark.parametrize(
    ("days_ahead", "expected"),
    [(-1, "The date has passed"), (400, "Choose a date no more than a year ahead")],
)
def test_an_expiry_in_the_past_or_beyond_a_year_is_refused(
    physio, knee_exercise, days_ahead, expected
):
    typed = str(timezone.localdate() + datetime.timedelta(days=days_ahead))

    response = physio.post(ADD_URL, programme_form([(knee_exercise, {})], expires_on=typed))

    assert field_error(response, "expires_on").startswith(expected)
    assert typed_value(response, "expires_on") == typed
    assert not Programme.objects.exists()


def test_an_expiry_exactly_a_year_ahead_is_allowed(physio, knee_exercise):
    last_day = latest_expiry(timezone.localdate())
    physio.post(ADD_URL, programme_form([(knee_exercise, {})], expires_on=str(last_day)))

    assert Programme.objects.get().expires_on == last_day


@pytest.mark.parametrize(
    ("name", "typed", "expected"),
    [
        ("sets", 11, "Sets must be between 1 and 10; you entered 11."),
        ("repetitions", 0, "Repetitions must be between 1 and 50; you entered 0."),
        ("hold_seconds", 301, "Hold time must be between 1 and 300 seconds; you entered 301."),
        ("rest_seconds", -5, "Rest must be between 0 and 600 seconds; you entered -5."),
        ("times_per_period", 8, "How often must be between 1 and 7; you entered 8."),
    ],
)
def test_a_dosage_out_of_range_is_refused_in_its_row(physio, knee_exercise, name, typed, expected):
    """The second row is wrong; the first, and the second's other values, stay as typed."""
    second_row = {"period": "week", "times_per_period": 3, name: typed}
    exercises = [(knee_exercise, {"sets": 2}), (knee_exercise, second_row)]

    response = physio.post(ADD_URL, programme_form(exercises))

    assert field_error(response, f"exercises-1-{name}") == expected
    assert typed_value(response, f"exercises-1-{name}") == str(typed)
    assert typed_value(response, "exercises-1-period") == "week"
    assert typed_value(response, "exercises-0-sets") == "2"
    assert field_error(response, "exercises-0-sets") == ""
    assert not Programme.objects.exists()


def test_a_programme_needs_an_exercise(physio):
    response = physio.post(ADD_URL, programme_form([]))

    assert response.status_code == 200
    assert "Add at least one exercise" in text_of(response)
    assert not Programme.objects.exists()


def test_a_frequency_without_how_many_times_is_refused(physio, knee_exercise):
    response = physio.post(ADD_URL, programme_form([(knee_exercise, {"period": "week"})]))

    assert field_error(response, "exercises-0-times_per_period").startswith(
        "Say how many times a week"
    )
    assert not Programme.objects.exists()


def test_editing_keeps_the_link_and_changes_the_dosage(physio, programme, knee_exercise):
    row = programme.exercises.get()
    data = programme_form([(knee_exercise, {"sets": 2})], title="Knee strengthening, weeks 5 to 8")
    data.update({"exercises-0-id": str(row.pk), "exercises-INITIAL_FORMS": "1"})
    data.update({"articles-TOTAL_FORMS": "0"})

    physio.post(f"/admin/programmes/edit/{programme.pk}/", data)
    edited = type(programme).objects.get()

    assert edited.token == programme.token
    assert edited.title == "Knee strengthening, weeks 5 to 8"
    assert edited.exercises.get().dosage().summary() == "2 sets of 10, twice a day"


def test_the_physiotherapist_can_withdraw_a_programme(physio, programme, client):
    edit_url = f"/admin/programmes/edit/{programme.pk}/"
    withdraw_url = BeautifulSoup(physio.get(edit_url).content, "html.parser").find(
        "a", string="Withdraw this programme"
    )["href"]

    confirm = physio.get(withdraw_url)
    response = physio.post(withdraw_url, follow=True)

    assert "Its link, QR code and PDF stop working" in text_of(confirm)
    assert response.redirect_chain[-1][0] == edit_url
    assert "withdrawn" in text_of(response)
    assert client.get(programme.get_absolute_url()).status_code == 410
