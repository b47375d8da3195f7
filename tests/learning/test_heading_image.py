"""Heading images: described once, shown at one shape, cropped around the focal point."""

import io

from bs4 import BeautifulSoup
from PIL import Image as PILImage
from wagtail_factories import ImageFactory

from clinic_site import roles
from learning.models import ArticlePage
from learning.models.heading_image import HEADING_IMAGE_RATIO
from tests.factories import PersonFactory
from tests.helpers.admin_forms import article_form, section

DESCRIPTION = "A physiotherapist guiding a patient through a knee exercise"


def add_url(clinic):
    return f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/"


def publish(admin_client, clinic, image, alt=""):
    return admin_client.post(
        add_url(clinic),
        article_form(
            [section("What is it?")],
            authors=[PersonFactory()],
            reviewer=PersonFactory(),
            heading_image=str(image.pk),
            heading_image_alt=alt,
        ),
    )


def heading_img(client, article):
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    return page.select_one(".heading-image img")


def test_alt_text_defaults_to_the_images_own_description(admin_client, client, clinic):
    response = publish(admin_client, clinic, ImageFactory(description=DESCRIPTION))

    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="knee-pain")
    assert article.live and article.heading_image_alt == ""
    assert heading_img(client, article)["alt"] == DESCRIPTION


def test_the_pages_own_alt_text_comes_first(admin_client, client, clinic):
    publish(admin_client, clinic, ImageFactory(description=DESCRIPTION), alt="A knee bending")
    article = ArticlePage.objects.get(slug="knee-pain")
    assert heading_img(client, article)["alt"] == "A knee bending"


def test_an_image_described_nowhere_cannot_be_published(admin_client, clinic):
    response = publish(admin_client, clinic, ImageFactory(description=""))

    assert response.status_code == 200
    assert b"Describe the heading image" in response.content
    assert not ArticlePage.objects.filter(slug="knee-pain").exists()


def test_the_editor_is_told_the_shape_the_image_is_shown_at(clinic, sign_in):
    editor = sign_in(roles.PHYSIOTHERAPISTS).get(add_url(clinic))
    assert b"Shown at 2.4 : 1 (wide)" in editor.content
    assert b"Set the focal point on the image so faces stay in view." in editor.content


def split_image(width=2400, height=500):
    """A PNG whose left sixth is red and the rest blue."""
    picture = PILImage.new("RGB", (width, height), "blue")
    picture.paste("red", (0, 0, width // 6, height))
    data = io.BytesIO()
    picture.save(data, "PNG")
    data.seek(0)
    return data


def test_the_heading_image_is_cut_to_its_shape_around_the_focal_point(admin_client, clinic):
    image = ImageFactory(
        file__from_file=split_image(),
        file__filename="split.png",
        description=DESCRIPTION,
        focal_point_x=100,
        focal_point_y=250,
        focal_point_width=100,
        focal_point_height=100,
    )
    publish(admin_client, clinic, image)
    article = ArticlePage.objects.get(slug="knee-pain")
    html = BeautifulSoup(str(article.heading_picture()), "html.parser")

    img = html.find("img")
    assert abs(int(img["width"]) / int(img["height"]) - float(HEADING_IMAGE_RATIO)) < 0.01
    assert [source["type"] for source in html.find_all("source")] == ["image/webp"]
    rendition = image.renditions.get(filter_spec="format-jpeg|fill-640x267")
    with rendition.file.open() as crop, PILImage.open(crop) as cropped:
        red, green, blue = cropped.convert("RGB").getpixel((5, 130))
    assert red > 200 and blue < 60  # the red focal area is kept, not cropped away
