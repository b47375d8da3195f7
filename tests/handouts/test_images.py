"""A damaged or missing picture never breaks a handout: its description is printed instead.
And a handout only ever reads the site's own files."""

import pytest
import wagtail_factories

from django.core.files.storage import default_storage

from clinic_site.handouts.fetcher import SiteFilesFetcher
from tests.factories import ArticlePageFactory, ExercisePageFactory

ALT = "Sitting on a chair with the right leg held straight"


@pytest.fixture
def pictured_exercise(exercise_library):
    image = wagtail_factories.ImageFactory()
    return ExercisePageFactory(parent=exercise_library, images=[(image, ALT)])


def damage(file_name):
    path = default_storage.path(file_name)
    with open(path, "wb") as file:
        file.write(b"\x89PNG this is not a picture any more")


def test_a_picture_damaged_after_upload_prints_as_its_description(
    client, pictured_exercise, pdf_text
):
    damage(pictured_exercise.images.get().image.file.name)

    response = client.get(pictured_exercise.handout_url())

    assert response.status_code == 200
    text = pdf_text(response)
    # No print copy could be made from the damaged upload: its description instead.
    assert f"Picture: {ALT}" in text
    assert "Slowly straighten one knee." in text


def test_a_damaged_print_copy_of_a_picture_prints_as_its_description(
    client, pictured_exercise, pdf_text
):
    assert ALT not in pdf_text(client.get(pictured_exercise.handout_url()))
    image = pictured_exercise.images.get().image
    damage(image.renditions.get().file.name)
    pictured_exercise.save_revision().publish()  # a new handout is made

    response = client.get(pictured_exercise.handout_url())

    assert response.status_code == 200
    assert ALT in pdf_text(response)


def test_a_missing_heading_image_prints_as_its_description(client, clinic, pdf_text):
    image = wagtail_factories.ImageFactory()
    article = ArticlePageFactory(
        parent=clinic.learning_centre,
        heading_image=image,
        heading_image_alt="A physiotherapist guiding a knee exercise",
    )
    default_storage.delete(image.file.name)

    response = client.get(article.handout_url())

    assert response.status_code == 200
    assert "A physiotherapist guiding a knee exercise" in pdf_text(response)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/tracker.png",
        "http://testserver.evil.example/media/images/a.jpg",
        "file:///etc/passwd",
        "http://testserver/media/documents/private-letter.pdf",
        "http://testserver/media/images/../../settings.py",
        "http://testserver/admin/",
        "ftp://testserver/media/images/a.jpg",
    ],
)
def test_handouts_refuse_anything_but_the_sites_own_files(url):
    fetcher = SiteFilesFetcher("http://testserver/learning-centre/")

    with pytest.raises(ValueError):
        fetcher.fetch(url)


def test_handouts_read_uploads_from_storage_and_static_files_from_the_finders(db):
    image = wagtail_factories.ImageFactory()
    fetcher = SiteFilesFetcher("http://testserver/learning-centre/")

    upload = fetcher.fetch("http://testserver" + image.file.url)
    stylesheet = fetcher.fetch("http://testserver/static/css/print.css")

    with default_storage.open(image.file.name) as file:
        assert upload.read() == file.read()
    assert upload.content_type.startswith("image/")
    assert stylesheet.read().startswith(b"/* A printed article is a patient handout")
    assert stylesheet.content_type == "text/css"
