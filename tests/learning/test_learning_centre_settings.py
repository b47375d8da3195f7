"""The Learning Centre's policy is its own site setting: the move from the clinic
settings keeps every value, site staff edit it, and articles follow it."""

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Page, Site

from learning.models import LearningCentreSettings
from tests.factories import ArticlePageFactory
from tests.helpers.admin_forms import learning_settings_form
from tests.helpers.wagtail_data import restore_wagtail_initial_data

BEFORE = [("clinic_site", "0007_search_index_title_body"), ("learning", "0003_topics")]
AFTER = [
    ("clinic_site", "0008_learning_policy_moves_to_learning_centre_settings"),
    ("learning", "0004_learning_centre_settings"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_moving_the_policy_keeps_every_existing_value():
    # Transactional tests may start from a flushed database: make the default site.
    restore_wagtail_initial_data()
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.create(
        hostname="localhost", root_page=Page.get_first_root_node(), is_default_site=True
    )
    old_apps = migrate(BEFORE)
    Disclaimer = old_apps.get_model("learning", "Disclaimer")
    ClinicSettings = old_apps.get_model("clinic_site", "ClinicSettings")
    top = Disclaimer.objects.create(name="Top", text="<p>Not advice.</p>", live=True)
    closing = Disclaimer.objects.create(name="Closing", text="<p>Please note.</p>", live=True)
    ClinicSettings.objects.create(
        site_id=site.pk,
        clinic_name="Northgate Physiotherapy",
        default_top_disclaimer=top,
        default_closing_note=closing,
        review_interval_years=2,
        review_due_soon_days=45,
        target_reading_grade="7.5",
        reviewer_may_be_sole_author=True,
    )

    new_apps = migrate(AFTER)
    moved = new_apps.get_model("learning", "LearningCentreSettings").objects.get(site=site.pk)
    assert (moved.default_top_disclaimer_id, moved.default_closing_note_id) == (top.pk, closing.pk)
    assert (moved.review_interval_years, moved.review_due_soon_days) == (2, 45)
    assert str(moved.target_reading_grade) == "7.5"
    assert moved.reviewer_may_be_sole_author is True
    clinic = new_apps.get_model("clinic_site", "ClinicSettings").objects.get(site=site.pk)
    assert clinic.clinic_name == "Northgate Physiotherapy"

    # And back: the values return to the clinic settings.
    back_apps = migrate(BEFORE)
    restored = back_apps.get_model("clinic_site", "ClinicSettings").objects.get(site=site.pk)
    assert (restored.review_interval_years, restored.review_due_soon_days) == (2, 45)
    assert restored.default_top_disclaimer_id == top.pk
    migrate(AFTER)


def test_site_staff_edit_the_learning_centre_settings(clinic, sign_in):
    url = f"/admin/settings/learning/learningcentresettings/{clinic.site.pk}/"
    staff = sign_in("Site staff")
    response = staff.post(
        url, learning_settings_form(clinic.learning_settings, review_due_soon_days="21")
    )
    assert response.status_code == 302
    assert LearningCentreSettings.for_site(clinic.site).review_due_soon_days == 21
    physio = sign_in("Physiotherapists")
    assert physio.get(url).status_code in (302, 403)


def test_an_article_follows_the_default_disclaimer_chosen_there(client, clinic):
    article = ArticlePageFactory(parent=clinic.learning_centre)
    assert "not medical advice" in client.get(article.url).content.decode()
    clinic.learning_settings.default_top_disclaimer = None
    clinic.learning_settings.save()
    assert "not medical advice" not in client.get(article.url).content.decode()
