"""Private documents and pages outside /admin/: with ADMIN_REQUIRE_2FA on, a password
alone opens none of them; patients and public content are unaffected."""

import pytest

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from clinic_site.models import LegalPage
from clinic_site.roles import PHYSIOTHERAPISTS
from tests.helpers.sign_in import SET_UP_URL, VERIFY_URL, code_for, sign_in, text_of

RESTRICTIONS = [CollectionViewRestriction.LOGIN, CollectionViewRestriction.GROUPS]


@pytest.fixture
def private_content(settings, tmp_path, clinic):
    """make(restriction_type): a document in a collection and a page, both restricted so."""
    settings.MEDIA_ROOT = tmp_path / "media"

    def make(restriction_type):
        physios = Group.objects.get(name=PHYSIOTHERAPISTS)
        collection = Collection.get_first_root_node().add_child(name="Staff only")
        document_rule = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=restriction_type
        )
        page = clinic.home.add_child(
            instance=LegalPage(
                title="Staff notes", slug="staff-notes", body="<p>Confidential staff notes</p>"
            )
        )
        page_rule = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type)
        if restriction_type == CollectionViewRestriction.GROUPS:
            document_rule.groups.set([physios])
            page_rule.groups.set([physios])
        document = Document.objects.create(
            title="Rota",
            collection=collection,
            file=SimpleUploadedFile("rota.pdf", b"%PDF-1.4 confidential rota"),
        )
        return document, page

    return make


def body_of(response):
    return b"".join(response.streaming_content if response.streaming else [response.content])


@pytest.mark.parametrize("restriction_type", RESTRICTIONS)
def test_a_password_alone_opens_no_private_document_or_page(
    two_factor, clock, client, editor_with_app, private_content, restriction_type
):
    document, page = private_content(restriction_type)
    sign_in(client)
    for url in [document.url, page.url]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{VERIFY_URL}?next={url}"
    assert b"confidential rota" not in body_of(client.get(document.url))
    assert b"Confidential staff notes" not in body_of(client.get(page.url))


@pytest.mark.parametrize("restriction_type", RESTRICTIONS)
def test_after_the_code_private_documents_and_pages_open(
    two_factor, clock, client, editor_with_app, private_content, restriction_type
):
    _, device = editor_with_app
    document, page = private_content(restriction_type)
    sign_in(client)
    answered = client.post(VERIFY_URL, {"otp_token": code_for(device), "next": document.url})
    assert answered["Location"] == document.url

    download = client.get(document.url)
    assert download.status_code == 200
    assert body_of(download) == b"%PDF-1.4 confidential rota"
    shown = client.get(page.url)
    assert shown.status_code == 200
    assert "Confidential staff notes" in text_of(shown)


def test_a_password_alone_is_sent_to_set_up_an_app_if_there_is_none(
    two_factor, clock, client, editor, private_content
):
    document, _ = private_content(CollectionViewRestriction.LOGIN)
    sign_in(client)
    response = client.get(document.url)
    assert response["Location"] == f"{SET_UP_URL}?next={document.url}"


def test_the_code_guards_private_content_below_a_restricted_collection_or_page(
    two_factor, clock, client, editor_with_app, private_content
):
    document, page = private_content(CollectionViewRestriction.LOGIN)
    document.collection = document.collection.add_child(name="Rotas")
    document.save()
    child = page.add_child(
        instance=LegalPage(title="Rota notes", slug="rota-notes", body="<p>Rota notes</p>")
    )
    sign_in(client)
    for url in [document.url, child.url]:
        assert client.get(url)["Location"] == f"{VERIFY_URL}?next={url}", url


def test_public_documents_and_pages_need_no_code(
    two_factor, clock, client, editor_with_app, clinic, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    leaflet = Document.objects.create(
        title="Leaflet",
        collection=Collection.get_first_root_node(),
        file=SimpleUploadedFile("leaflet.txt", b"exercise leaflet"),
    )
    patient, editor_without_code = Client(), client
    sign_in(editor_without_code)
    for visitor in [patient, editor_without_code]:
        assert body_of(visitor.get(leaflet.url)) == b"exercise leaflet"
        assert visitor.get(clinic.terms.url).status_code == 200


def test_patients_still_get_wagtails_sign_in_for_private_content(
    two_factor, client, private_content
):
    document, page = private_content(CollectionViewRestriction.LOGIN)
    for url in [document.url, page.url]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/_util/login/?next=")


@pytest.mark.parametrize("restriction_type", RESTRICTIONS)
def test_without_the_code_setting_a_password_still_opens_private_content(
    clock, client, editor_with_app, private_content, restriction_type
):
    document, page = private_content(restriction_type)
    sign_in(client)
    assert body_of(client.get(document.url)) == b"%PDF-1.4 confidential rota"
    assert "Confidential staff notes" in text_of(client.get(page.url))
