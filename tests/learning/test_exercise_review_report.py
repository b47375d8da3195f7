"""The "Exercise reviews due" report: exercises are clinical content with review dates of
their own, and editors see which live ones need a clinical review."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.factories import ExercisePageFactory, PersonFactory

REPORT_URL = "/admin/reports/exercise-reviews-due/"
TODAY = datetime.date(2025, 9, 15)


@pytest.fixture
def exercises(exercise_library, frozen_today):
    reviewer = PersonFactory(name="Jo Lindqvist", credentials="PT, DPT")

    def exercise(title, due_in_days, **kwargs):
        return ExercisePageFactory(
            parent=exercise_library,
            title=title,
            clinical_reviewer=reviewer,
            last_reviewed=datetime.date(2022, 9, 1),
            next_review_due=TODAY + datetime.timedelta(days=due_in_days),
            **kwargs,
        )

    exercise("Chin tuck", -3)
    exercise("Bridging", 20)
    exercise("Wall slides", 400)  # not due for a long while
    with frozen_today(TODAY):
        yield


def rows(response):
    assert response.status_code == 200
    table = BeautifulSoup(response.content, "html.parser").select_one("table.listing")
    headings = [" ".join(th.get_text(" ").split()) for th in table.select("thead th")]
    return headings, [
        [" ".join(td.get_text(" ").split()) for td in tr.select("td")]
        for tr in table.select("tbody tr")
    ]


def test_overdue_and_due_soon_exercises_are_listed(admin_client, exercises):
    headings, found = rows(admin_client.get(REPORT_URL))
    assert headings == [
        "Exercise",
        "Status",
        "Next review due",
        "Last reviewed",
        "Clinical reviewer",
    ]
    assert [(row[0], row[1]) for row in found] == [
        ("Chin tuck", "Overdue by 3 days"),
        ("Bridging", "Due in 20 days"),
    ]


def test_the_reports_menus_offer_review_reports_to_reviewers_not_site_staff(sign_in, exercises):
    reviewer = sign_in("Clinical reviewers")
    assert reviewer.get(REPORT_URL).status_code == 200
    assert b"Exercise reviews due" in reviewer.get("/admin/").content
    staff = sign_in("Site staff")
    # Neither review report is in their menu: they change legal pages, not clinical ones.
    staff_menu = staff.get("/admin/").content
    assert b"Exercise reviews due" not in staff_menu
    assert b"Reviews due" not in staff_menu
    # Nor do they see any exercise at its address: the report lists what you may edit.
    response = staff.get(REPORT_URL)
    assert b"Chin tuck" not in response.content
