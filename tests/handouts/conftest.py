"""Reading handouts back as a patient's printer or phone would: the PDF's text, its page
size, and the QR code's address (decoded from the embedded image with zbarimg)."""

import datetime
import io
import subprocess

import pytest
from pypdf import PdfReader

from clinic_site.handouts import rendering
from tests.factories import ExercisePageFactory, PersonFactory, TopicFactory


def read_pdf(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


@pytest.fixture
def pdf_text():
    """pdf_text(response): the handout's text, whitespace collapsed to single spaces."""

    def text(response):
        reader = read_pdf(response)
        return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)

    return text


@pytest.fixture
def pdf_page_size():
    """pdf_page_size(response): (width, height) of the first page, in points."""

    def size(response):
        box = read_pdf(response).pages[0].mediabox
        return round(float(box.width)), round(float(box.height))

    return size


@pytest.fixture
def qr_codes(tmp_path):
    """qr_codes(response): every QR code in the handout's images, decoded."""

    def decode(response):
        found = []
        # WeasyPrint shares one set of images between all pages: read each once.
        images = {image.name: image for page in read_pdf(response).pages for image in page.images}
        for index, image in enumerate(images.values()):
            path = tmp_path / f"image-{index}.png"
            image.image.convert("L").save(path)
            result = subprocess.run(  # noqa: S603
                ["zbarimg", "--quiet", "--raw", str(path)],  # noqa: S607
                capture_output=True,
                text=True,
                check=False,
            )
            found += result.stdout.split()
        return found

    return decode


@pytest.fixture
def renders(monkeypatch):
    """A list that gets an entry each time WeasyPrint makes a handout."""
    calls = []
    original = rendering.render_pdf

    def counting(html, base_url):
        calls.append(base_url)
        return original(html, base_url)

    monkeypatch.setattr(rendering, "render_pdf", counting)
    return calls


@pytest.fixture
def clinic_details(clinic):
    """The clinic's contact details as staff would fill them in."""
    clinic.settings.phone = "01632 960 123"
    clinic.settings.email = "hello@clinic.example"
    clinic.settings.address = "1 High Street\nTesttown"
    clinic.settings.save()
    return clinic.settings


@pytest.fixture
def knee_exercise(exercise_library):
    """A live, reviewed knee exercise with one image."""
    return ExercisePageFactory(
        parent=exercise_library,
        title="Seated knee straightening",
        slug="seated-knee-straightening",
        body_region=TopicFactory(name="Knee"),
        clinical_reviewer=PersonFactory(name="Ana Reviewer", credentials="PT, MSc"),
        last_reviewed=datetime.date(2026, 10, 5),
        next_review_due=datetime.date(2029, 10, 5),
        steps=["Slowly straighten your right knee.", "Hold, then lower your foot gently."],
    )
