"""The programme's PDF: what the patient prints, with each exercise's dosage."""

import io

from pypdf import PdfReader

from .conftest import CLINIC_PHONE


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_pdf_has_the_title_exercises_dosage_and_clinic_phone(client, programme):
    response = client.get(programme.handout_path())
    text = pdf_text(response)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "Knee strengthening, weeks 1 to 4" in text
    assert "Straight leg raise" in text
    assert "3 sets of 12" in text
    assert "Twice a day" in text
    assert "This is general information, not medical advice." in text
    assert CLINIC_PHONE in text
    assert "Looking after your knees" in text


def test_saving_the_programme_makes_a_new_pdf(client, programme):
    first = pdf_text(client.get(programme.handout_path()))
    row = programme.exercises.get()
    row.repetitions = 15
    row.save()
    programme.title = "Knee strengthening, weeks 5 to 8"
    programme.save()

    second = pdf_text(client.get(programme.handout_path()))

    assert "3 sets of 12" in first
    assert "3 sets of 15" in second
    assert "weeks 5 to 8" in second
