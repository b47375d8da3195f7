import contextlib
import datetime
import itertools
import zoneinfo
from dataclasses import dataclass

import pytest
import time_machine

from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client

from wagtail.models import Page, Site

from clinic_site.models import ClinicSettings, HomePage, LegalPage
from learning.models import Disclaimer, LearningCentreIndexPage, LearningCentreSettings

from .factories import (
    DisclaimerFactory,
    ExerciseLibraryPageFactory,
    HomePageFactory,
    LearningCentreIndexPageFactory,
    LegalPageFactory,
)


@dataclass
class Clinic:
    site: Site
    home: HomePage
    terms: LegalPage
    learning_centre: LearningCentreIndexPage
    medical_disclaimer: Disclaimer
    closing_note: Disclaimer
    settings: ClinicSettings
    learning_settings: LearningCentreSettings


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: database rows are rolled back between tests
    and their ids reused, so a cached rendition or page could belong to another test."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def clinic(db):
    """A clinic site as staff would set it up: home, terms, Learning Centre, defaults."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="clinic-home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    terms = LegalPageFactory(parent=home, slug="terms-of-use")
    learning_centre = LearningCentreIndexPageFactory(parent=home)
    medical = DisclaimerFactory(
        name="Default medical advice",
        text="<p>This is general information, not medical advice.</p>",
    )
    closing = DisclaimerFactory(
        name="Default closing note",
        kind=Disclaimer.Kind.LITERATURE_NOTE,
        heading="Please note",
        text="<p>This article is not a literature review.</p>",
        links_to_terms=False,
    )
    clinic_settings = ClinicSettings.for_site(site)
    clinic_settings.clinic_name = "Test Physiotherapy Clinic"
    clinic_settings.terms_page = terms
    clinic_settings.save()
    learning_settings = LearningCentreSettings.for_site(site)
    learning_settings.default_top_disclaimer = medical
    learning_settings.default_closing_note = closing
    learning_settings.save()
    return Clinic(
        site, home, terms, learning_centre, medical, closing, clinic_settings, learning_settings
    )


@pytest.fixture
def exercise_library(clinic):
    """The Learning Centre's exercise library, at /learning-centre/exercises/."""
    return ExerciseLibraryPageFactory(parent=clinic.learning_centre)


@pytest.fixture
def sign_in(django_user_model):
    """sign_in(role): an admin session (a Client, with .user) for a new member of that group."""
    numbers = itertools.count(1)

    def sign_in(role):
        username = f"{role.lower().replace(' ', '-')}-{next(numbers)}"
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.com", password="a-long-test-password"
        )
        user.groups.add(Group.objects.get(name=role))
        client = Client()
        client.force_login(user)
        client.user = user
        return client

    return sign_in


@pytest.fixture
def frozen_today(settings):
    """frozen_today(date): the clock stopped at noon that day in the site's time zone."""

    @contextlib.contextmanager
    def freeze(date):
        noon = datetime.datetime.combine(
            date, datetime.time(12), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)
        )
        with time_machine.travel(noon, tick=False):
            yield date

    return freeze


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="editor", email="editor@example.com", password="a-long-test-password"
    )
    client.force_login(user)
    return client
