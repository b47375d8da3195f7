"""Factories for every model; the benchmark data uses the same ones."""

import datetime

import factory
import wagtail_factories
from faker import Faker

from clinic_site.models import ClinicSettings, HomePage, LegalPage
from learning.models import (
    ArticleAuthor,
    ArticlePage,
    Disclaimer,
    LearningCentreIndexPage,
    Person,
    Topic,
)

fake = Faker("en_GB")


def article_body(benefits=6):
    """A body in the seed article's shape: sections, benefits, risks, a note."""
    return [
        (
            "section",
            {"heading": "What is this treatment?", "text": f"<p>{fake.paragraph()}</p>"},
        ),
        (
            "benefits",
            {
                "heading": "How can it help me?",
                "intro": "Among other things, it may:",
                "items": [fake.sentence(nb_words=5) for _ in range(benefits)],
                "closing_text": "",
            },
        ),
        (
            "risks",
            {
                "heading": "Are there risks?",
                "text": f"<p>{fake.paragraph()}</p>",
                "precautions": ["Tell your physiotherapist about any health problems."],
                "talk_to_us": "Talk to your physiotherapist about any concerns you have.",
            },
        ),
        ("callout", {"heading": "Good to know", "text": f"<p>{fake.sentence()}</p>"}),
    ]


class DisclaimerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Disclaimer

    name = factory.Sequence(lambda n: f"Disclaimer {n}")
    kind = Disclaimer.Kind.MEDICAL_ADVICE
    text = factory.LazyFunction(lambda: f"<p>{fake.paragraph()}</p>")
    links_to_terms = True
    live = True


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.LazyFunction(fake.name)
    profession = "Physiotherapist"
    credentials = "PT, MSc"
    email = factory.LazyAttribute(lambda person: f"{person.name.split()[0].lower()}@example.com")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: topic.name.lower().replace(" ", "-"))
    description = factory.LazyAttribute(lambda topic: f"Articles about {topic.name.lower()}.")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Test Physiotherapy Clinic"
    intro = "<p>Welcome to the clinic.</p>"


class LegalPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LegalPage

    title = "Terms and Conditions of Use"
    slug = factory.Sequence(lambda n: f"terms-{n}")
    body = factory.LazyFunction(lambda: f"<h2>Our terms</h2><p>{fake.paragraph()}</p>")


class LearningCentreIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LearningCentreIndexPage

    title = "Learning Centre"
    slug = "learning-centre"
    intro = "<p>Articles by our physiotherapists.</p>"


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = factory.LazyFunction(lambda: fake.sentence(nb_words=14))
    body = factory.LazyFunction(article_body)
    clinical_reviewer = factory.SubFactory(PersonFactory, profession="Clinical lead")
    last_reviewed = factory.LazyFunction(
        lambda: datetime.date.today() - datetime.timedelta(days=30)
    )
    next_review_due = factory.LazyAttribute(
        lambda article: article.last_reviewed + datetime.timedelta(days=3 * 365)
    )

    @factory.post_generation
    def topics(article, create, extracted, **kwargs):
        """ArticlePageFactory(topics=[topic, ...])."""
        if create and extracted:
            article.topics.set(extracted)
            article.save_revision().publish()

    @factory.post_generation
    def authors(article, create, extracted, **kwargs):
        """ArticlePageFactory(authors=[person, ...]); one new author when not given."""
        if not create:
            return
        people = extracted if extracted is not None else [PersonFactory()]
        for person in people:
            ArticleAuthor.objects.create(page=article, person=person)


class ClinicSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClinicSettings
        django_get_or_create = ["site"]

    clinic_name = "Test Physiotherapy Clinic"
    phone = "01632 960 000"
    email = "clinic@example.com"
