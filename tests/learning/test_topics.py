"""Topics: the Learning Centre filters by topic at its own URL; articles show related ones."""

from bs4 import BeautifulSoup

from tests.factories import ArticlePageFactory, TopicFactory


def titles(response, selector=".article-card__title a"):
    assert response.status_code == 200
    return [
        a.get_text(strip=True)
        for a in BeautifulSoup(response.content, "html.parser").select(selector)
    ]


def test_topic_page_lists_only_that_topics_articles(client, clinic):
    knee = TopicFactory(name="Knee")
    back = TopicFactory(name="Back")
    ArticlePageFactory(parent=clinic.learning_centre, title="Knee pain", topics=[knee])
    ArticlePageFactory(parent=clinic.learning_centre, title="Back pain", topics=[back])
    response = client.get(f"{clinic.learning_centre.url}topic/knee/")
    assert titles(response) == ["Knee pain"]
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("h1").get_text(" ", strip=True).startswith("Knee")
    assert page.title.get_text().startswith("Knee: Learning Centre")
    current = page.select_one('.topic-filter a[aria-current="page"]')
    assert current.get_text(" ", strip=True).startswith("Knee")


def test_index_offers_the_topics_that_have_articles(client, clinic):
    knee = TopicFactory(name="Knee")
    TopicFactory(name="Unused")
    ArticlePageFactory(parent=clinic.learning_centre, topics=[knee])
    page = BeautifulSoup(client.get(clinic.learning_centre.url).content, "html.parser")
    links = [a.get_text(" ", strip=True) for a in page.select(".topic-filter a")]
    assert links == ["All articles", "Knee (1)"]


def test_unknown_topic_is_a_404(client, clinic):
    response = client.get(f"{clinic.learning_centre.url}topic/no-such-topic/")
    assert response.status_code == 404
    assert client.get(f"{clinic.learning_centre.url}topic/bad%20slug!/").status_code == 404


def test_draft_articles_never_show_on_topic_pages(client, clinic):
    knee = TopicFactory(name="Knee")
    draft = ArticlePageFactory(parent=clinic.learning_centre, title="Draft", topics=[knee])
    draft.unpublish()
    assert titles(client.get(f"{clinic.learning_centre.url}topic/knee/")) == []


def test_article_shows_up_to_three_related_articles_sharing_topics(client, clinic):
    knee, exercise, back = (TopicFactory(name=n) for n in ("Knee", "Exercise", "Back"))
    article = ArticlePageFactory(parent=clinic.learning_centre, topics=[knee, exercise])
    both = ArticlePageFactory(parent=clinic.learning_centre, title="Both", topics=[knee, exercise])
    for n in range(3):
        ArticlePageFactory(parent=clinic.learning_centre, title=f"Knee {n}", topics=[knee])
    ArticlePageFactory(parent=clinic.learning_centre, title="Back only", topics=[back])

    related = titles(client.get(article.url), ".related .article-card__title a")
    assert len(related) == 3
    assert related[0] == both.title  # shares the most topics
    assert "Back only" not in related
    assert article.title not in related


def test_article_topics_link_to_their_topic_pages(client, clinic):
    knee = TopicFactory(name="Knee")
    article = ArticlePageFactory(parent=clinic.learning_centre, topics=[knee])
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    link = page.select_one(".article-topics a")
    assert link["href"] == f"{clinic.learning_centre.url}topic/knee/"
    assert client.get(link["href"]).status_code == 200


def test_on_this_page_links_to_every_section_heading(client, clinic):
    article = ArticlePageFactory(
        parent=clinic.learning_centre,
        body=[
            ("section", {"heading": "What is it?", "text": "<p>Text.</p>"}),
            ("section", {"heading": "What is it?", "text": "<p>Same heading again.</p>"}),
            ("risks", {"heading": "Any risks?", "text": "<p>Few.</p>", "precautions": []}),
        ],
    )
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    links = [a["href"] for a in page.select(".contents a")]
    assert links == ["#what-is-it", "#what-is-it-2", "#any-risks"]
    for href in links:
        assert page.find(id=href[1:]).name == "h2"
