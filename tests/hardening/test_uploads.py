"""Uploads: only real raster images within the size and pixel limits are stored, and
documents in a private collection never reach an anonymous visitor."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image as PILImage

from django.conf import settings as project_settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction, UploadedFile

from clinic_site.roles import PHYSIOTHERAPISTS

# --- Files -------------------------------------------------------------------------


def jpeg_bytes(size=(64, 48)):
    buffer = io.BytesIO()
    PILImage.effect_noise(size, 60).convert("RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def png_bytes(size=(8, 8), mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def pixel_flood_png(width=30_000, height=30_000):
    """A real PNG, a few hundred bytes, whose header claims width x height pixels:
    decoding it would take gigabytes. Made by rewriting a tiny PNG's IHDR chunk."""
    data = bytearray(png_bytes())
    # Signature (8 bytes), then IHDR: length (4), type (4), width (4), height (4), ...
    ihdr_start = 8 + 4
    data[ihdr_start + 4 : ihdr_start + 12] = struct.pack(">II", width, height)
    ihdr_body = bytes(data[ihdr_start : ihdr_start + 4 + 13])
    data[ihdr_start + 17 : ihdr_start + 21] = struct.pack(">I", zlib.crc32(ihdr_body))
    return bytes(data)


def corrupt_png():
    """A PNG whose header and chunk checksums are right but whose pixels are garbage."""
    buffer = io.BytesIO()
    PILImage.effect_noise((64, 64), 60).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    idat = data.index(b"IDAT")
    length = struct.unpack(">I", data[idat - 4 : idat])[0]
    data[idat + 4 : idat + 4 + length] = b"\x78\x9c" + b"\xff" * (length - 2)
    crc = zlib.crc32(bytes(data[idat : idat + 4 + length]))
    data[idat + 4 + length : idat + 8 + length] = struct.pack(">I", crc)
    return bytes(data)


HTML_AS_PNG = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)

# name, content, words the editor is shown
HOSTILE_FILES = {
    "html-named-png": ("photo.png", HTML_AS_PNG, "Not a valid .png image"),
    "svg": ("logo.svg", SVG, "Not a supported image format"),
    "svg-named-png": ("logo.png", SVG, "Not a valid .png image"),
    "pixel-flood": ("flood.png", pixel_flood_png(), "too many pixels"),
    # Damaged files pass Wagtail's header checks; clinic_site.hardening.image_uploads refuses them.
    "truncated-jpeg": ("cut-short.jpg", jpeg_bytes((400, 300))[:2_000], "damaged or incomplete"),
    "corrupt-png-data": ("corrupt.png", corrupt_png(), "damaged or incomplete"),
}


# --- Uploading through the admin ---------------------------------------------------


@pytest.fixture
def media_root(settings, tmp_path):
    """An empty MEDIA_ROOT of this test's own, so any stored file would show."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def stored_files(media_root):
    return sorted(
        str(p.relative_to(media_root)) for p in Path(media_root).rglob("*") if p.is_file()
    )


def upload_one(client, name, content):
    """The image "Add an image" form, as the browser posts it; returns the page's text."""
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Knee exercise",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    return response


def upload_many(client, name, content):
    """The "Add images" (multiple upload) view, as its JavaScript posts each file."""
    return client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def refused(response, message):
    """The upload was refused with `message` shown to the editor."""
    if response["Content-Type"].startswith("application/json"):
        data = response.json()
        return data["success"] is False and message in data["error_message"]
    return response.status_code == 200 and message in response.content.decode()


@pytest.mark.parametrize("upload", [upload_one, upload_many], ids=["add", "multiple"])
@pytest.mark.parametrize("kind", HOSTILE_FILES)
def test_hostile_image_is_refused_and_nothing_is_stored(admin_client, media_root, upload, kind):
    name, content, message = HOSTILE_FILES[kind]
    response = upload(admin_client, name, content)
    assert refused(response, message), response.content[:2000]
    assert not Image.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("upload", [upload_one, upload_many], ids=["add", "multiple"])
def test_file_over_the_size_limit_is_refused(admin_client, media_root, settings, upload):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2_000
    content = jpeg_bytes((200, 200))
    assert len(content) > 2_000
    response = upload(admin_client, "big.jpg", content)
    assert refused(response, "This file is too big"), response.content[:2000]
    assert not Image.objects.exists() and not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


def test_configured_limits_refuse_a_file_over_10_mb_and_over_40_megapixels(
    admin_client, media_root
):
    assert project_settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert project_settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    # A valid JPEG padded past 10 MB: still a JPEG, just too big.
    padded = jpeg_bytes() + b"\0" * (10 * 1024 * 1024)
    assert refused(upload_one(admin_client, "huge.jpg", padded), "This file is too big")
    # 48 megapixels: under Pillow's own bomb limit, so only our setting refuses it.
    buffer = io.BytesIO()
    PILImage.new("1", (8000, 6000)).save(buffer, "PNG")
    assert len(buffer.getvalue()) < 100_000
    assert refused(upload_many(admin_client, "wide.png", buffer.getvalue()), "too many pixels")
    assert not Image.objects.exists() and not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


def image_bytes(image_format):
    buffer = io.BytesIO()
    frames = [PILImage.effect_noise((64, 48), 60).convert("RGB") for _ in range(2)]
    # Animated where Wagtail supports it; Willow does not recognise APNG or AVIS.
    animated = image_format in ("GIF", "WEBP")
    frames[0].save(buffer, image_format, save_all=animated, append_images=frames[1:])
    return buffer.getvalue()


@pytest.mark.parametrize("extension", ["jpeg", "png", "webp", "avif", "gif"])
def test_every_allowed_format_is_accepted(admin_client, media_root, extension):
    response = upload_one(admin_client, f"knee.{extension}", image_bytes(extension.upper()))
    assert response.status_code == 302, response.content[:2000]
    image = Image.objects.get()
    assert (image.width, image.height) == (64, 48)
    assert image.get_rendition("fill-32x24").width == 32


@pytest.mark.parametrize("upload", [upload_one, upload_many], ids=["add", "multiple"])
def test_physiotherapist_can_upload_a_photo(sign_in, media_root, upload):
    physio = sign_in(PHYSIOTHERAPISTS)
    response = upload(physio, "knee.jpg", jpeg_bytes())
    assert response.status_code in (200, 302)
    image = Image.objects.get()
    assert (image.width, image.height) == (64, 48)
    assert image.file.name.startswith("original_images/knee")
    assert stored_files(media_root) == [image.file.name]


# --- Documents in a private collection ---------------------------------------------


@pytest.fixture
def private_document(db, media_root):
    """A document in a collection only signed-in staff may open."""
    private = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return Document.objects.create(
        title="Rota",
        collection=private,
        file=SimpleUploadedFile("rota.pdf", b"%PDF-1.4 confidential rota"),
    )


@pytest.fixture
def password_document(db, media_root):
    private = Collection.get_first_root_node().add_child(name="Shared with a password")
    CollectionViewRestriction.objects.create(
        collection=private,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="not-for-patients",
    )
    return Document.objects.create(
        title="Minutes",
        collection=private,
        file=SimpleUploadedFile("minutes.txt", b"confidential minutes"),
    )


def test_documents_are_served_through_wagtail(private_document):
    assert project_settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert private_document.url.startswith(f"/documents/{private_document.pk}/")


def test_login_restricted_document_is_not_downloadable_anonymously(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    # Nor by its file's own address under /media/.
    direct = client.get(f"/media/{private_document.file.name}")
    assert direct.status_code == 404
    dotted = client.get(f"/media/original_images/../{private_document.file.name}")
    assert dotted.status_code == 404


def test_password_restricted_document_asks_for_the_password(client, password_document):
    response = client.get(password_document.url)
    assert b"confidential minutes" not in b"".join(response)
    assert b'name="password"' in response.content
    wrong = client.post(response.wsgi_request.path, {"password": "guess", "return_url": "/"})
    assert b"confidential minutes" not in wrong.content


def test_staff_can_download_a_login_restricted_document(private_document, django_user_model):
    user = django_user_model.objects.create_user(username="staff", password="x" * 12)
    user.groups.add(Group.objects.get(name=PHYSIOTHERAPISTS))
    staff = Client()
    staff.force_login(user)
    response = staff.get(private_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 confidential rota"
