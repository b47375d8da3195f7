"""An exercise's printed handout: what a patient takes home."""


def test_exercise_handout_has_the_clinic_steps_dosage_and_review(
    client, clinic_details, knee_exercise, pdf_text
):
    response = client.get("/learning-centre/exercises/seated-knee-straightening/handout.pdf")

    text = pdf_text(response)
    assert "Seated knee straightening" in text
    assert "Test Physiotherapy Clinic" in text
    assert "01632 960 123" in text
    assert "hello@clinic.example" in text
    assert "Slowly straighten your right knee." in text
    # The dosage in the one wording used everywhere (learning.dosage), and a week to tick.
    for line in knee_exercise.dosage.lines():
        assert line in text
    assert "3 sets of 10" in text
    assert "Twice a day" in text
    assert "Mon Tue Wed Thu Fri Sat Sun" in text
    assert "Stop and ask for advice if" in text
    assert "Your knee swells" in text
    assert "This is general information, not medical advice." in text
    assert "Last reviewed: 5 October 2026 by Ana Reviewer, PT, MSc" in text
    assert "Next review due: 5 October 2029" in text


def test_exercise_handout_is_an_inline_pdf_named_after_the_page(client, knee_exercise):
    response = client.get(knee_exercise.handout_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="seated-knee-straightening.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert "max-age=0" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
