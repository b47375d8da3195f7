"""The Learning Centre's feed is signed with the clinic's name from the clinic settings
(the Learning Centre asks for it through the `learning_publisher_name` hook)."""

from defusedxml import ElementTree

from tests.factories import ArticlePageFactory


def feed_title(client, clinic):
    response = client.get(f"{clinic.learning_centre.url}feed/")
    assert response.status_code == 200
    return ElementTree.fromstring(response.content).find("channel/title").text


def test_the_feed_title_names_the_clinic_and_follows_its_settings(client, clinic):
    ArticlePageFactory(parent=clinic.learning_centre)
    assert (
        feed_title(client, clinic) == f"Test Physiotherapy Clinic: {clinic.learning_centre.title}"
    )
    clinic.site.site_name = "Stored site name"
    clinic.site.save()
    clinic.settings.clinic_name = "Northgate Physiotherapy"
    clinic.settings.save()
    assert feed_title(client, clinic) == f"Northgate Physiotherapy: {clinic.learning_centre.title}"
