"""A physiotherapist and a clinical reviewer signed in to the admin, each linked to their
Person (Sam Okafor writes, Jo Lindqvist reviews), for the review-journey tests."""

import pytest

from clinic_site import roles
from tests.factories import PersonFactory


@pytest.fixture
def physio(sign_in):
    client = sign_in(roles.PHYSIOTHERAPISTS)
    client.person = PersonFactory(name="Sam Okafor", user=client.user)
    return client


@pytest.fixture
def reviewer(sign_in):
    client = sign_in(roles.CLINICAL_REVIEWERS)
    client.user.first_name, client.user.last_name = "Jo", "Lindqvist"
    client.user.save()
    client.person = PersonFactory(name="Jo Lindqvist", credentials="PT, DPT", user=client.user)
    return client


@pytest.fixture
def people(physio, reviewer):
    return {"authors": [physio.person], "reviewer": reviewer.person}
