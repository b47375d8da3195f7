"""Each role can do its job in the admin, and nothing else: physiotherapists write,
clinical reviewers also publish, site staff keep the terms, disclaimers and settings."""

import pytest
from bs4 import BeautifulSoup
from wagtail_factories import ImageFactory

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupPagePermission, Workflow, WorkflowPage

from clinic_site import roles
from clinic_site.models import ClinicSettings, LegalPage
from learning.models import (
    ArticlePage,
    ClinicalReviewTask,
    Disclaimer,
    LearningCentreIndexPage,
    Person,
    Topic,
)
from tests.factories import ArticlePageFactory, DisclaimerFactory, PersonFactory
from tests.helpers.admin_forms import (
    article_form,
    benefits,
    clinic_settings_form,
    disclaimer_form,
    legal_page_form,
    section,
)

WRITERS = [roles.PHYSIOTHERAPISTS, roles.CLINICAL_REVIEWERS]
REFUSED = b"Sorry, you do not have permission to access this area."


def add_article_url(clinic):
    return f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def settings_url(clinic):
    return f"/admin/settings/clinic_site/clinicsettings/{clinic.site.pk}/"


def disclaimer_url(action, disclaimer=None):
    return f"/admin/snippets/learning/disclaimer/{action}/" + (
        f"{disclaimer.pk}/" if disclaimer else ""
    )


def assert_refused(response):
    """Wagtail sends a user who may not be somewhere back to the dashboard, and says why."""
    assert response.redirect_chain[0] == ("/admin/", 302)
    assert REFUSED in response.content


def knee_article(action=None, **fields):
    author, reviewer = PersonFactory(), PersonFactory()
    return article_form(
        [section("What is it?"), benefits(["Less pain"])],
        action=action,
        authors=[author],
        reviewer=reviewer,
        **fields,
    )


def action_buttons(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {button["name"] for button in soup.select("button[name^=action-]")}


# Every role ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_every_install_has_the_role_and_its_members_reach_the_admin(db, sign_in, role):
    response = sign_in(role).get("/admin/")
    assert response.status_code == 200
    assert b"Dashboard" in response.content


# Physiotherapists ---------------------------------------------------------------------


def test_physiotherapist_saves_a_new_article_as_a_draft(clinic, sign_in, client):
    physio = sign_in(roles.PHYSIOTHERAPISTS)
    response = physio.post(add_article_url(clinic), knee_article())
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="knee-pain")
    assert article.get_parent().specific == clinic.learning_centre
    assert article.owner == physio.user
    assert not article.live
    assert client.get(article.url).status_code == 404


def test_physiotherapist_submits_a_draft_for_clinical_review(clinic, sign_in):
    physio = sign_in(roles.PHYSIOTHERAPISTS)
    physio.post(add_article_url(clinic), knee_article())
    article = ArticlePage.objects.get(slug="knee-pain")
    assert not article.workflow_in_progress

    response = physio.post(edit_url(article), knee_article("action-submit"), follow=True)
    assert response.status_code == 200
    assert b"Submitted to Clinical review: " in response.content
    article.refresh_from_db()
    assert not article.live
    assert article.workflow_in_progress
    assert article.current_workflow_state.workflow == roles.clinical_review_workflow()
    assert isinstance(article.current_workflow_task, ClinicalReviewTask)


def test_physiotherapist_cannot_publish_an_article(clinic, sign_in, client):
    physio = sign_in(roles.PHYSIOTHERAPISTS)
    # Publishing a new article only saves a draft…
    response = physio.post(add_article_url(clinic), knee_article("action-publish"))
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="knee-pain")
    assert not article.live

    # …and so does publishing it from the editor, which offers no Publish button.
    editor = physio.get(edit_url(article))
    assert "action-submit" in action_buttons(editor)
    assert "action-publish" not in action_buttons(editor)
    physio.post(edit_url(article), knee_article("action-publish", title="Knee pain explained"))
    article.refresh_from_db()
    assert not article.live
    assert article.get_latest_revision_as_object().title == "Knee pain explained"
    assert client.get(article.url).status_code == 404


def test_physiotherapist_cannot_take_a_live_article_down(clinic, sign_in, client):
    physio = sign_in(roles.PHYSIOTHERAPISTS)
    article = ArticlePageFactory(parent=clinic.learning_centre)

    assert_refused(physio.post(f"/admin/pages/{article.pk}/unpublish/", follow=True))
    assert_refused(physio.post(f"/admin/pages/{article.pk}/delete/", follow=True))
    article.refresh_from_db()
    assert article.live
    assert client.get(article.url).status_code == 200


@pytest.mark.parametrize("role", WRITERS)
def test_writers_cannot_edit_the_terms_of_use(clinic, sign_in, client, role):
    writer = sign_in(role)
    assert_refused(writer.get(edit_url(clinic.terms), follow=True))

    response = writer.post(
        edit_url(clinic.terms),
        legal_page_form(clinic.terms, body="<p>Rewritten by a writer.</p>"),
        follow=True,
    )
    assert_refused(response)
    clinic.terms.refresh_from_db()
    assert "Rewritten by a writer" not in clinic.terms.body
    assert clinic.terms.get_latest_revision() is None
    assert b"Rewritten by a writer" not in client.get(clinic.terms.url).content


@pytest.mark.parametrize("role", WRITERS)
def test_writers_cannot_open_the_clinic_settings(clinic, sign_in, role):
    writer = sign_in(role)
    assert_refused(writer.get(settings_url(clinic), follow=True))
    assert_refused(writer.get("/admin/settings/clinic_site/clinicsettings/", follow=True))

    response = writer.post(
        settings_url(clinic), clinic_settings_form(clinic.settings, phone="0000"), follow=True
    )
    assert_refused(response)
    assert ClinicSettings.for_site(clinic.site).phone != "0000"


@pytest.mark.parametrize("role", WRITERS)
def test_writers_add_and_change_people(clinic, sign_in, role):
    writer = sign_in(role)
    response = writer.post(
        "/admin/snippets/learning/person/add/",
        {"name": "Sam Patel", "profession": "Physiotherapist", "credentials": "PT"},
    )
    assert response.status_code == 302
    person = Person.objects.get(name="Sam Patel")

    response = writer.post(
        f"/admin/snippets/learning/person/edit/{person.pk}/",
        {"name": "Sam Patel", "profession": "Physiotherapist", "credentials": "PT, MSc"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.credentials == "PT, MSc"


@pytest.mark.parametrize("role", WRITERS)
def test_writers_choose_and_upload_images(clinic, sign_in, role):
    writer = sign_in(role)
    # Images uploaded through the admin go in the root collection.
    ImageFactory(title="Knee stretch photo", collection=Collection.get_first_root_node())
    chooser = writer.get("/admin/images/chooser/")
    assert chooser.status_code == 200
    assert b"Knee stretch photo" in chooser.content

    upload = SimpleUploadedFile("shoulder.png", get_test_image_file().file.getvalue())
    response = writer.post("/admin/images/add/", {"title": "Shoulder exercise", "file": upload})
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Shoulder exercise").exists()


@pytest.mark.parametrize("role", WRITERS)
def test_writers_choose_disclaimers_but_cannot_change_them(clinic, sign_in, client, role):
    writer = sign_in(role)
    chooser = writer.get("/admin/snippets/choose/learning/disclaimer/")
    assert chooser.status_code == 200
    assert clinic.medical_disclaimer.name.encode() in chooser.content

    disclaimer = clinic.medical_disclaimer
    assert_refused(writer.get(disclaimer_url("edit", disclaimer), follow=True))
    response = writer.post(
        disclaimer_url("edit", disclaimer),
        disclaimer_form(disclaimer, text="<p>Changed by a writer.</p>"),
        follow=True,
    )
    assert_refused(response)
    assert_refused(writer.get(disclaimer_url("add"), follow=True))
    disclaimer.refresh_from_db()
    assert "Changed by a writer" not in disclaimer.text
    article = ArticlePageFactory(parent=clinic.learning_centre)
    assert b"Changed by a writer" not in client.get(article.url).content


# Clinical reviewers -------------------------------------------------------------------


def test_clinical_reviewer_publishes_an_article_directly(clinic, sign_in, client):
    reviewer = sign_in(roles.CLINICAL_REVIEWERS)
    article = ArticlePageFactory(parent=clinic.learning_centre, slug="knee-pain")
    response = reviewer.post(
        edit_url(article), knee_article("action-publish", title="Knee pain: a corrected title")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert article.title == "Knee pain: a corrected title"
    assert b"Knee pain: a corrected title" in client.get(article.url).content


# Site staff ---------------------------------------------------------------------------


def test_staff_edit_and_publish_the_terms_of_use(clinic, sign_in, client):
    staff = sign_in(roles.SITE_STAFF)
    assert staff.get(edit_url(clinic.terms)).status_code == 200

    response = staff.post(
        edit_url(clinic.terms), legal_page_form(clinic.terms, body="<p>Our new terms.</p>")
    )
    assert response.status_code == 302
    clinic.terms.refresh_from_db()
    assert clinic.terms.live
    assert "Our new terms." in clinic.terms.body
    assert b"Our new terms." in client.get(clinic.terms.url).content


def test_staff_manage_a_legal_page_added_later(clinic, sign_in, admin_client, client):
    """A privacy notice created after the install is the staff's to keep up to date too."""
    response = admin_client.post(
        f"/admin/pages/add/clinic_site/legalpage/{clinic.home.pk}/",
        {
            "title": "Privacy notice",
            "slug": "privacy",
            "last_updated": "2024-01-01",
            "body": legal_page_form(clinic.terms)["body"],
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302
    privacy = LegalPage.objects.get(slug="privacy")

    staff = sign_in(roles.SITE_STAFF)
    response = staff.post(
        edit_url(privacy), legal_page_form(privacy, body="<p>How we keep your data.</p>")
    )
    assert response.status_code == 302
    assert b"How we keep your data." in client.get(privacy.url).content


def test_staff_add_change_publish_and_delete_disclaimers(clinic, sign_in, client):
    staff = sign_in(roles.SITE_STAFF)
    article = ArticlePageFactory(parent=clinic.learning_centre)

    response = staff.post(
        disclaimer_url("edit", clinic.medical_disclaimer),
        disclaimer_form(clinic.medical_disclaimer, text="<p>Ask us before you start.</p>"),
    )
    assert response.status_code == 302
    assert b"Ask us before you start." in client.get(article.url).content

    response = staff.post(disclaimer_url("add"), disclaimer_form(name="Sports note"))
    assert response.status_code == 302
    added = Disclaimer.objects.get(name="Sports note")
    assert added.live

    unused = DisclaimerFactory(name="Old wording")
    response = staff.post(disclaimer_url("delete", unused))
    assert response.status_code == 302
    assert not Disclaimer.objects.filter(pk=unused.pk).exists()


def test_staff_change_the_clinic_settings(clinic, sign_in, client):
    staff = sign_in(roles.SITE_STAFF)
    assert staff.get(settings_url(clinic)).status_code == 200

    response = staff.post(
        settings_url(clinic), clinic_settings_form(clinic.settings, phone="01632 960 123")
    )
    assert response.status_code == 302
    assert ClinicSettings.for_site(clinic.site).phone == "01632 960 123"
    assert b"01632 960 123" in client.get(clinic.home.url).content


def test_staff_cannot_edit_or_add_articles(clinic, sign_in, client):
    staff = sign_in(roles.SITE_STAFF)
    article = ArticlePageFactory(parent=clinic.learning_centre, slug="knee-pain")
    live_title = article.title

    assert_refused(staff.get(edit_url(article), follow=True))
    assert_refused(
        staff.post(
            edit_url(article), knee_article("action-publish", title="Staff title"), follow=True
        )
    )
    assert_refused(staff.get(add_article_url(clinic), follow=True))
    article.refresh_from_db()
    assert article.title == live_title
    assert article.get_latest_revision_as_object().title == live_title
    assert live_title.encode() in client.get(article.url).content


def test_staff_have_nothing_on_the_home_page_or_the_learning_centre(clinic, sign_in):
    """Anything granted on the home page would reach every article under it."""
    staff = sign_in(roles.SITE_STAFF)
    assert_refused(staff.get(edit_url(clinic.home), follow=True))
    assert_refused(staff.get(edit_url(clinic.learning_centre), follow=True))
    assert_refused(
        staff.get(f"/admin/pages/add/clinic_site/legalpage/{clinic.home.pk}/", follow=True)
    )


# Governance ---------------------------------------------------------------------------


def test_governing_a_page_again_changes_nothing(clinic):
    """Running the grants again adds no duplicates and keeps a workflow an admin chose."""
    own_workflow = Workflow.objects.create(name="Our own review")
    WorkflowPage.objects.filter(page=clinic.learning_centre).update(workflow=own_workflow)
    permissions = GroupPagePermission.objects.count()

    for page in (clinic.home, clinic.terms, clinic.learning_centre):
        roles.govern(page)

    assert GroupPagePermission.objects.count() == permissions
    learning_centre = LearningCentreIndexPage.objects.get(pk=clinic.learning_centre.pk)
    assert learning_centre.get_workflow() == own_workflow


def test_wagtail_default_groups_that_could_bypass_review_are_gone(db):
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ALL_ROLES)


def test_reviewers_and_staff_manage_topics_physiotherapists_only_choose_them(sign_in):
    response = sign_in(roles.SITE_STAFF).post(
        "/admin/snippets/learning/topic/add/",
        {"name": "Shoulder", "slug": "shoulder", "description": ""},
    )
    assert response.status_code == 302
    assert Topic.objects.filter(slug="shoulder").exists()

    physio = sign_in(roles.PHYSIOTHERAPISTS)
    refused = physio.post(
        "/admin/snippets/learning/topic/add/", {"name": "Hip", "slug": "hip", "description": ""}
    )
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert not Topic.objects.filter(slug="hip").exists()
