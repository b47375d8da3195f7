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


def test_feed_links_use_the_public_address(client, clinic, settings):
    settings.PUBLIC_BASE_URL = "https://www.clinic.example"
    article = ArticlePageFactory(parent=clinic.learning_centre)
    feed = ElementTree.fromstring(client.get(f"{clinic.learning_centre.url}feed/").content)
    assert (
        feed.find("channel/link").text == f"https://www.clinic.example{clinic.learning_centre.url}"
    )
    assert [item.find("link").text for item in feed.iter("item")] == [
        f"https://www.clinic.example{article.url}"
    ]
