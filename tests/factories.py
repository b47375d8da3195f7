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
    ExerciseImage,
    ExerciseLibraryPage,
    ExercisePage,
    ExerciseStep,
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


class ExerciseLibraryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExerciseLibraryPage

    title = "Exercises"
    slug = "exercises"
    intro = "<p>Exercises our physiotherapists may give you to do at home.</p>"


class ExercisePageFactory(wagtail_factories.PageFactory):
    """A live exercise with two steps and one image (images=[(image, alt), ...] to choose)."""

    class Meta:
        model = ExercisePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Exercise {n}")
    slug = factory.Sequence(lambda n: f"exercise-{n}")
    purpose = "Strengthens the muscles that support your knee."
    starting_position = "Sit on a firm chair with your feet flat on the floor."
    sets = 3
    repetitions = 10
    rest_seconds = 30
    times_per_period = 2
    period = "day"
    stop_if = "Your pain gets worse and stays worse the next day\nYour knee swells"
    equipment = "A firm chair"
    body_region = factory.SubFactory(TopicFactory)
    clinical_reviewer = factory.SubFactory(PersonFactory, profession="Clinical lead")
    last_reviewed = factory.LazyFunction(
        lambda: datetime.date.today() - datetime.timedelta(days=30)
    )
    next_review_due = factory.LazyAttribute(
        lambda exercise: exercise.last_reviewed + datetime.timedelta(days=3 * 365)
    )

    @factory.post_generation
    def steps(exercise, create, extracted, **kwargs):
        """ExercisePageFactory(steps=["…", …]); two steps when not given."""
        if not create:
            return
        texts = extracted or ["Slowly straighten one knee.", "Lower it back down."]
        for text in texts:
            ExerciseStep.objects.create(page=exercise, text=text)

    @factory.post_generation
    def images(exercise, create, extracted, **kwargs):
        """ExercisePageFactory(images=[(image, alt text), …]); one new image when not given."""
        if not create:
            return
        pairs = extracted
        if pairs is None:
            pairs = [(wagtail_factories.ImageFactory(), "Sitting with one leg straight")]
        for image, alt_text in pairs:
            ExerciseImage.objects.create(page=exercise, image=image, alt_text=alt_text)
        # The live revision holds the steps and images too, as publishing would.
        exercise.save_revision().publish()


class ClinicSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClinicSettings
        django_get_or_create = ["site"]

    clinic_name = "Test Physiotherapy Clinic"
    phone = "01632 960 000"
    email = "clinic@example.com"
