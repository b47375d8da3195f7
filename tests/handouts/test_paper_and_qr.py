"""The handout's paper size follows the clinic setting; its QR code opens the live page."""

from clinic_site.models import ClinicSettings

A4 = (595, 842)  # points
LETTER = (612, 792)


def test_handouts_are_a4_unless_the_clinic_chooses_letter(
    client, clinic, knee_exercise, pdf_page_size
):
    assert pdf_page_size(client.get(knee_exercise.handout_url())) == A4

    clinic.settings.handout_paper_size = ClinicSettings.PaperSize.LETTER
    clinic.settings.save()

    assert pdf_page_size(client.get(knee_exercise.handout_url())) == LETTER


def test_the_qr_code_opens_the_live_page(client, knee_exercise, qr_codes, pdf_text):
    response = client.get(knee_exercise.handout_url())

    page_url = "http://testserver/learning-centre/exercises/seated-knee-straightening/"
    assert qr_codes(response) == [page_url]
    # Printed in words too, for a patient without a phone camera.
    assert page_url.replace("http://", "") in pdf_text(response).replace(" ", "")


def test_the_qr_code_names_the_public_address_when_one_is_set(
    client, settings, knee_exercise, qr_codes
):
    settings.PUBLIC_BASE_URL = "https://physio.example"

    response = client.get(knee_exercise.handout_url())

    assert qr_codes(response) == [
        "https://physio.example/learning-centre/exercises/seated-knee-straightening/"
    ]
