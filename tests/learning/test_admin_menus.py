"""Where things are: the Learning Centre menu lists the articles for those who write or
review them, and each dashboard panel shows only for the roles it concerns."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.test import Client

from clinic_site import roles
from tests.factories import ArticlePageFactory, PersonFactory
from tests.helpers.admin_menus import menu_links

REVIEWS_DUE = "Your clinical reviews due"


@pytest.mark.parametrize("role", [roles.PHYSIOTHERAPISTS, roles.CLINICAL_REVIEWERS])
def test_writers_and_reviewers_find_the_articles_in_the_learning_centre_menu(clinic, sign_in, role):
    user = sign_in(role)
    links = menu_links(user)

    centre = clinic.learning_centre.pk
    assert links["articles"] == f"/admin/pages/{centre}/"
    assert links["add-article"] == f"/admin/pages/add/learning/articlepage/{centre}/"
    assert user.get(links["articles"]).status_code == 200
    assert user.get(links["add-article"]).status_code == 200


def test_site_staff_get_no_article_items(clinic, sign_in):
    links = menu_links(sign_in(roles.SITE_STAFF))

    assert "articles" not in links
    assert "add-article" not in links
    assert "disclaimers" in links  # the rest of the Learning Centre menu stays


def dashboard_text(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_reviews_due_panel_is_for_writers_and_reviewers_only(clinic, sign_in):
    physio = sign_in(roles.PHYSIOTHERAPISTS)
    PersonFactory(user=physio.user)
    reviewer = sign_in(roles.CLINICAL_REVIEWERS)
    ArticlePageFactory(
        parent=clinic.learning_centre, clinical_reviewer=PersonFactory(user=reviewer.user)
    )
    staff = sign_in(roles.SITE_STAFF)
    PersonFactory(user=staff.user)  # listed under People, but writes and reviews nothing

    assert REVIEWS_DUE in dashboard_text(physio)
    assert REVIEWS_DUE in dashboard_text(reviewer)
    assert REVIEWS_DUE not in dashboard_text(staff)


def test_a_person_who_reviews_articles_sees_the_panel_without_edit_rights(
    clinic, django_user_model
):
    user = django_user_model.objects.create_user(username="ana", password="a-long-test-password")
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    ArticlePageFactory(parent=clinic.learning_centre, clinical_reviewer=PersonFactory(user=user))
    client = Client()
    client.force_login(user)

    assert REVIEWS_DUE in dashboard_text(client)
