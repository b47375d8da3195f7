"""A clinical reviewer's dashboard lists the articles they must review soon, and only those."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

from tests.factories import ArticlePageFactory, PersonFactory

DASHBOARD_URL = "/admin/"
PANEL_HEADING = "Your clinical reviews due"
TODAY = datetime.date(2025, 9, 15)


@pytest.fixture
def today(frozen_today):
    with frozen_today(TODAY):
        yield TODAY


def staff_user(django_user_model, username, can_edit_page=None):
    """A non-superuser who may use the admin, optionally with edit rights on a page."""
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.com", password="a-long-test-password"
    )
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    if can_edit_page is not None:
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=can_edit_page,
                permission=Permission.objects.get(codename=codename),
            )
    user.groups.add(group)
    return user


def article(clinic, title, due_in_days, reviewer, **kwargs):
    return ArticlePageFactory(
        parent=clinic.learning_centre,
        title=title,
        clinical_reviewer=reviewer,
        last_reviewed=datetime.date(2022, 9, 1),
        next_review_due=TODAY + datetime.timedelta(days=due_in_days),
        **kwargs,
    )


@pytest.fixture
def jo(clinic, django_user_model):
    """A physiotherapist who reviews articles and may edit the Learning Centre."""
    user = staff_user(django_user_model, "jo", can_edit_page=clinic.learning_centre)
    return PersonFactory(name="Jo Lindqvist", credentials="PT, DPT", user=user)


@pytest.fixture
def articles(clinic, today, jo):
    sam = PersonFactory(name="Sam Okafor", user=None)
    return {
        "jo_overdue": article(clinic, "Back pain", -3, jo),
        "jo_due_soon": article(clinic, "Knee pain", 45, jo),
        "jo_current": article(clinic, "Neck pain", 200, jo),
        "jo_draft": article(clinic, "Tennis elbow", -10, jo, live=False),
        "sam_overdue": article(clinic, "Ankle sprain", -20, sam),
    }


def reviews_panel(client):
    response = client.get(DASHBOARD_URL)
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").select_one("#reviews-due-section")
    assert (panel is not None) == (PANEL_HEADING.encode() in response.content)
    return panel


def panel_rows(panel):
    return [
        [" ".join(td.get_text(" ").split()) for td in tr.select("td")]
        for tr in panel.select("tbody tr")
    ]


def test_reviewer_sees_their_own_due_and_overdue_articles(client, jo, articles):
    client.force_login(jo.user)
    panel = reviews_panel(client)
    assert panel is not None
    assert PANEL_HEADING in panel.get_text(" ")
    # Not the current one, not the draft, not Sam's.
    assert panel_rows(panel) == [
        ["Back pain", "Overdue by 3 days", "12 Sep 2025"],
        ["Knee pain", "Due in 45 days", "30 Oct 2025"],
    ]
    links = {a.get_text(strip=True): a["href"] for a in panel.select("tbody a")}
    assert links["Back pain"] == f"/admin/pages/{articles['jo_overdue'].pk}/edit/"
    assert panel.find("a", string="See every review that is due")["href"] == (
        "/admin/reports/reviews-due/"
    )


def test_window_follows_the_clinic_settings(client, clinic, jo, articles):
    clinic.learning_settings.review_due_soon_days = 30
    clinic.learning_settings.save()
    client.force_login(jo.user)
    assert [row[0] for row in panel_rows(reviews_panel(client))] == ["Back pain"]


def test_users_not_linked_to_a_person_get_no_panel(admin_client, articles):
    # A superuser could see every due article, but is nobody's clinical reviewer.
    assert reviews_panel(admin_client) is None


def test_reviewer_with_nothing_due_is_told_so(client, clinic, today, jo):
    article(clinic, "Neck pain", 200, jo)
    client.force_login(jo.user)
    panel = reviews_panel(client)
    assert panel_rows(panel) == []
    assert "None of the articles you review is overdue or due within 60 days." in " ".join(
        panel.get_text(" ").split()
    )


def test_reviewer_who_cannot_edit_gets_a_link_to_the_live_article(
    client, clinic, today, django_user_model
):
    reviewer = PersonFactory(name="Ana Costa", user=staff_user(django_user_model, "ana"))
    overdue = article(clinic, "Hip replacement", -1, reviewer)
    client.force_login(reviewer.user)
    panel = reviews_panel(client)
    assert panel_rows(panel) == [["Hip replacement", "Overdue by 1 day", "14 Sep 2025"]]
    assert panel.select_one("tbody a")["href"] == overdue.url
    # They cannot open the report, so the panel does not offer it.
    assert panel.find("a", string="See every review that is due") is None
