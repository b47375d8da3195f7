"""The "Reviews due" report: editors see which live articles need a clinical review."""

import csv
import datetime
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import GroupPagePermission

from learning.models import ArticlePage
from tests.factories import ArticlePageFactory, PersonFactory

REPORT_URL = "/admin/reports/reviews-due/"
TODAY = datetime.date(2025, 9, 15)
HEADINGS = [
    "Article",
    "Status",
    "Next review due",
    "Last reviewed",
    "Clinical reviewer",
    "Reading grade",
]


def days_from_today(days):
    return TODAY + datetime.timedelta(days=days)


@pytest.fixture
def today(frozen_today):
    with frozen_today(TODAY):
        yield TODAY


@pytest.fixture
def reviewer(db):
    return PersonFactory(name="Jo Lindqvist", credentials="PT, DPT")


def article(clinic, title, due_in_days, reviewer, grade=None, **kwargs):
    """A live article whose next review is `due_in_days` from TODAY (negative: overdue)."""
    page = ArticlePageFactory(
        parent=clinic.learning_centre,
        title=title,
        clinical_reviewer=reviewer,
        last_reviewed=datetime.date(2022, 9, 1),
        next_review_due=days_from_today(due_in_days),
        **kwargs,
    )
    if grade is not None:
        # The grade is worked out from the text on save; pin it so sorting is predictable.
        ArticlePage.objects.filter(pk=page.pk).update(reading_grade=grade)
        page.reading_grade = grade
    return page


@pytest.fixture
def articles(clinic, today, reviewer):
    """The clinic's articles at TODAY; the default window is 60 days."""
    other_reviewer = PersonFactory(name="Sam Okafor", credentials="")
    return {
        "back": article(clinic, "Back pain", -40, reviewer, grade=9.24),
        "ankle": article(clinic, "Ankle sprain", -1, other_reviewer, grade=6.5),
        "hip": article(clinic, "Hip replacement", 0, reviewer, grade=7.0),
        "knee": article(clinic, "Knee pain", 30, other_reviewer, grade=8.4),
        "shoulder": article(clinic, "Shoulder impingement", 60, reviewer, grade=5.1),
        # Not due yet: one day beyond the window.
        "neck": article(clinic, "Neck pain", 61, reviewer, grade=6.0),
        # Overdue, but a draft that patients cannot see.
        "draft": article(clinic, "Tennis elbow", -10, reviewer, live=False),
    }


def report_rows(response):
    """The report table as a user reads it: one dict per row, keyed by column heading."""
    assert response.status_code == 200
    table = BeautifulSoup(response.content, "html.parser").select_one("table.listing")
    if table is None:
        return []
    headings = [" ".join(th.get_text(" ").split()) for th in table.select("thead th")]
    assert headings == HEADINGS
    return [
        dict(
            zip(
                headings,
                (" ".join(td.get_text(" ").split()) for td in tr.select("td")),
                strict=True,
            )
        )
        for tr in table.select("tbody tr")
    ]


def titles(response):
    return [row["Article"] for row in report_rows(response)]


def test_report_lists_exactly_the_overdue_and_due_soon_live_articles(admin_client, articles):
    response = admin_client.get(REPORT_URL)
    rows = report_rows(response)
    # Most overdue first; nothing current, no drafts.
    assert [row["Article"] for row in rows] == [
        "Back pain",
        "Ankle sprain",
        "Hip replacement",
        "Knee pain",
        "Shoulder impingement",
    ]
    assert rows[0] == {
        "Article": "Back pain",
        "Status": "Overdue by 40 days",
        "Next review due": "6 Aug 2025",
        "Last reviewed": "1 Sep 2022",
        "Clinical reviewer": "Jo Lindqvist, PT, DPT",
        "Reading grade": "9.2 Above target",
    }
    assert [row["Status"] for row in rows[1:]] == [
        "Overdue by 1 day",
        "Due today",
        "Due in 30 days",
        "Due in 60 days",
    ]
    assert rows[1]["Clinical reviewer"] == "Sam Okafor"
    assert rows[1]["Reading grade"] == "6.5"
    assert b"within 60 days" in response.content


def test_article_titles_link_to_their_edit_view(admin_client, articles):
    page = BeautifulSoup(admin_client.get(REPORT_URL).content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in page.select("table.listing td.title a")}
    assert links["Back pain"] == f"/admin/pages/{articles['back'].pk}/edit/"
    assert len(links) == 5


def test_overdue_reviews_stand_out(admin_client, articles):
    page = BeautifulSoup(admin_client.get(REPORT_URL).content, "html.parser")
    highlighted = {
        " ".join(tag.get_text().split()) for tag in page.select("table.listing .w-status--primary")
    }
    assert highlighted == {"Overdue by 40 days", "Overdue by 1 day"}


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        (
            "title",
            ["Ankle sprain", "Back pain", "Hip replacement", "Knee pain", "Shoulder impingement"],
        ),
        (
            "-title",
            ["Shoulder impingement", "Knee pain", "Hip replacement", "Back pain", "Ankle sprain"],
        ),
        (
            "-next_review_due",
            ["Shoulder impingement", "Knee pain", "Hip replacement", "Ankle sprain", "Back pain"],
        ),
        (
            "reading_grade",
            ["Shoulder impingement", "Ankle sprain", "Hip replacement", "Knee pain", "Back pain"],
        ),
        (
            "-reading_grade",
            ["Back pain", "Knee pain", "Hip replacement", "Ankle sprain", "Shoulder impingement"],
        ),
        # Not a column the report sorts by: the default order, most overdue first.
        (
            "summary",
            ["Back pain", "Ankle sprain", "Hip replacement", "Knee pain", "Shoulder impingement"],
        ),
    ],
)
def test_report_sorts_by_the_chosen_column(admin_client, articles, ordering, expected):
    assert titles(admin_client.get(REPORT_URL, {"ordering": ordering})) == expected


def test_column_headers_offer_sorting(admin_client, articles):
    page = BeautifulSoup(admin_client.get(REPORT_URL).content, "html.parser")
    sort_links = {
        " ".join(a.get_text().split()): a["href"] for a in page.select("table.listing thead th a")
    }
    assert "ordering=title" in sort_links["Article"]
    assert "ordering=reading_grade" in sort_links["Reading grade"]
    # Already sorted by next review due, so its header offers the reverse order.
    assert "ordering=-next_review_due" in sort_links["Next review due"]


def test_days_filter_narrows_or_widens_the_window(admin_client, articles):
    assert titles(admin_client.get(REPORT_URL, {"due_within_days": "30"})) == [
        "Back pain",
        "Ankle sprain",
        "Hip replacement",
        "Knee pain",
    ]
    assert titles(admin_client.get(REPORT_URL, {"due_within_days": "0"})) == [
        "Back pain",
        "Ankle sprain",
        "Hip replacement",
    ]
    wider = titles(admin_client.get(REPORT_URL, {"due_within_days": "61"}))
    assert wider[-1] == "Neck pain"
    assert "Tennis elbow" not in wider


def test_an_invalid_days_filter_falls_back_to_the_clinic_setting(admin_client, articles):
    response = admin_client.get(REPORT_URL, {"due_within_days": "-5"})
    assert len(report_rows(response)) == 5
    assert b"Ensure this value is greater than or equal to 0" in response.content


def test_default_window_comes_from_the_clinic_settings(admin_client, clinic, articles):
    clinic.learning_settings.review_due_soon_days = 90
    clinic.learning_settings.save()
    assert titles(admin_client.get(REPORT_URL))[-1] == "Neck pain"


def test_reviewer_filter_shows_one_reviewers_articles(admin_client, articles, reviewer):
    assert titles(admin_client.get(REPORT_URL, {"clinical_reviewer": reviewer.pk})) == [
        "Back pain",
        "Hip replacement",
        "Shoulder impingement",
    ]


def test_report_says_when_nothing_is_due(admin_client, clinic, today, reviewer):
    article(clinic, "Neck pain", 61, reviewer)
    response = admin_client.get(REPORT_URL)
    assert report_rows(response) == []
    assert b"No articles you can edit are overdue for clinical review or due within 60 days" in (
        response.content
    )


def test_csv_export_has_the_reports_rows_and_headings(admin_client, articles):
    response = admin_client.get(REPORT_URL, {"export": "csv", "due_within_days": "30"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="reviews-due-2025-09-15.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows == [
        HEADINGS,
        [
            "Back pain",
            "Overdue by 40 days",
            "2025-08-06",
            "2022-09-01",
            "Jo Lindqvist, PT, DPT",
            "9.2",
        ],
        ["Ankle sprain", "Overdue by 1 day", "2025-09-14", "2022-09-01", "Sam Okafor", "6.5"],
        [
            "Hip replacement",
            "Due today",
            "2025-09-15",
            "2022-09-01",
            "Jo Lindqvist, PT, DPT",
            "7.0",
        ],
        ["Knee pain", "Due in 30 days", "2025-10-15", "2022-09-01", "Sam Okafor", "8.4"],
    ]


def test_csv_export_follows_the_chosen_order(admin_client, articles):
    response = admin_client.get(REPORT_URL, {"export": "csv", "ordering": "title"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == sorted(
        ["Back pain", "Ankle sprain", "Hip replacement", "Knee pain", "Shoulder impingement"]
    )


def test_xlsx_export_is_a_workbook_with_the_same_rows(admin_client, articles):
    response = admin_client.get(REPORT_URL, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "reviews-due-2025-09-15.xlsx" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert list(rows[0]) == HEADINGS
    # Dates are real spreadsheet dates, grades are numbers.
    assert rows[1:] == [
        ("Back pain", "Overdue by 40 days", days_from_today(-40), datetime.date(2022, 9, 1),
         "Jo Lindqvist, PT, DPT", 9.2),
        ("Ankle sprain", "Overdue by 1 day", days_from_today(-1), datetime.date(2022, 9, 1),
         "Sam Okafor", 6.5),
        ("Hip replacement", "Due today", TODAY, datetime.date(2022, 9, 1),
         "Jo Lindqvist, PT, DPT", 7.0),
        ("Knee pain", "Due in 30 days", days_from_today(30), datetime.date(2022, 9, 1),
         "Sam Okafor", 8.4),
        ("Shoulder impingement", "Due in 60 days", days_from_today(60),
         datetime.date(2022, 9, 1), "Jo Lindqvist, PT, DPT", 5.1),
    ]  # fmt: skip


def admin_user_in_group(django_user_model, name, page=None):
    """A non-superuser who may use the admin, optionally with edit rights on `page`."""
    user = django_user_model.objects.create_user(username=name, password="a-long-test-password")
    group = Group.objects.create(name=f"{name} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    if page is not None:
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group, page=page, permission=Permission.objects.get(codename=codename)
            )
    user.groups.add(group)
    return user


def reports_menu_lists_reviews_due(client):
    return REPORT_URL.encode() in client.get("/admin/").content


def test_user_without_page_permissions_cannot_see_the_report(client, django_user_model, articles):
    client.force_login(admin_user_in_group(django_user_model, "receptionist"))
    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(REPORT_URL, params, follow=True)
        assert response.redirect_chain == [("/admin/", 302)]
        assert b"Sorry, you do not have permission to access this area." in response.content
        assert b"Back pain" not in response.content
    assert not reports_menu_lists_reviews_due(client)


def test_learning_centre_editors_see_the_report(client, django_user_model, clinic, articles):
    editor = admin_user_in_group(django_user_model, "physio", page=clinic.learning_centre)
    client.force_login(editor)
    assert reports_menu_lists_reviews_due(client)
    assert len(report_rows(client.get(REPORT_URL))) == 5


def test_editors_only_see_articles_they_can_change(client, django_user_model, clinic, articles):
    # Allowed to edit the terms of use, but not the Learning Centre.
    client.force_login(admin_user_in_group(django_user_model, "legal", page=clinic.terms))
    response = client.get(REPORT_URL)
    assert report_rows(response) == []
    assert b"No articles you can edit" in response.content


def test_superusers_see_the_report_in_the_reports_menu(admin_client, clinic):
    assert reports_menu_lists_reviews_due(admin_client)


def test_report_queries_do_not_grow_with_the_number_of_articles(
    admin_client, clinic, today, django_assert_max_num_queries
):
    reviewers = PersonFactory.create_batch(3)
    article(clinic, "Article 0", -5, reviewers[0])
    admin_client.get(REPORT_URL)  # warm per-process caches (content types, site roots)
    with CaptureQueriesContext(connection) as one_article:
        assert len(report_rows(admin_client.get(REPORT_URL))) == 1
    # Read now: the next request empties the connection's query log.
    one_article_queries = len(one_article.captured_queries)

    for number in range(1, 30):
        article(clinic, f"Article {number}", number, reviewers[number % 3])
    # Publishing starts a new cache generation; warm again, as a running site would be.
    admin_client.get(REPORT_URL)
    with django_assert_max_num_queries(one_article_queries):
        assert len(report_rows(admin_client.get(REPORT_URL))) == 30
