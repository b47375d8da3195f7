"""Builds the demo clinic: home page, Learning Centre, articles, an exercise library, a
sample exercise programme, Terms of Use, default disclaimers and an admin login. Safe to
run again: what exists is kept."""

import datetime
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page, Site

from clinic_site.demo import articles as demo
from clinic_site.demo import exercises as demo_exercises
from clinic_site.demo.exercise_loader import (
    add_exercises_to_article,
    ensure_exercises,
    ensure_library,
)
from clinic_site.demo.images import get_or_create_heading_image
from clinic_site.demo.sample_programme import ensure_sample_programme, programme_link
from clinic_site.models import ClinicSettings, HomePage, LegalPage
from learning.models import (
    ArticleAuthor,
    ArticlePage,
    Disclaimer,
    LearningCentreIndexPage,
    LearningCentreSettings,
    Person,
    Topic,
)

DEFAULT_ADMIN_PASSWORD = "learning-centre-demo"  # noqa: S105 - printed demo login


class Command(BaseCommand):
    help = "Create the demo clinic site. Existing pages and snippets are left as they are."

    def add_arguments(self, parser):
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument(
            "--admin-password",
            default=os.environ.get("DEMO_ADMIN_PASSWORD", DEFAULT_ADMIN_PASSWORD),
            help="Password set on the demo admin user (env DEMO_ADMIN_PASSWORD).",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        site, home = self.ensure_home_page()
        terms = self.ensure_terms_page(home)
        self.ensure_clinic_settings(ClinicSettings.for_site(site), terms)
        learning_settings = self.ensure_learning_centre_settings(site)
        learning_centre = self.ensure_learning_centre(home)
        author, reviewer = self.ensure_person(demo.AUTHOR), self.ensure_person(demo.REVIEWER)
        topics = {
            values["slug"]: self.ensure_topic(values)
            for values in [*demo.TOPICS, *demo_exercises.TOPICS]
        }
        for article in demo.ARTICLES:
            self.ensure_article(
                learning_centre,
                article,
                author,
                reviewer,
                [topics[slug] for slug in article["topics"]],
                learning_settings.review_interval_years,
            )
        exercises = self.ensure_exercise_library(
            learning_centre, reviewer, topics, learning_settings.review_interval_years
        )
        self.ensure_admin_user(options["admin_username"], options["admin_password"])
        self.ensure_role_users(options["admin_password"])
        self.ensure_sample_programme(learning_centre, exercises)

    def publish(self, page):
        page.save_revision().publish()

    def ensure_home_page(self):
        home = HomePage.objects.first()
        site = Site.objects.filter(is_default_site=True).first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's install leaves a plain "Welcome" page at the home slot; replace it.
            for placeholder in root.get_children().filter(slug="home"):
                if type(placeholder.specific) is Page:
                    placeholder.delete()
            home = root.add_child(
                instance=HomePage(
                    title=demo.CLINIC_DETAILS["clinic_name"], slug="home", intro=demo.HOME_INTRO
                )
            )
            self.publish(home)
            self.stdout.write("Created the home page.")
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        if not site.site_name:
            site.site_name = demo.CLINIC_DETAILS["clinic_name"]
            site.save()
        return site, home

    def ensure_terms_page(self, home):
        terms = LegalPage.objects.child_of(home).filter(slug=demo.TERMS_OF_USE["slug"]).first()
        if terms is None:
            terms = home.add_child(instance=LegalPage(**demo.TERMS_OF_USE))
            self.publish(terms)
            self.stdout.write("Created the Terms and Conditions of Use page.")
        return terms

    def ensure_disclaimer(self, current, values):
        if current is not None:
            return current
        disclaimer = Disclaimer.objects.create(**values, live=False)
        disclaimer.save_revision().publish()
        self.stdout.write(f"Created the disclaimer “{disclaimer.name}”.")
        return disclaimer

    def ensure_clinic_settings(self, clinic_settings, terms):
        # Details are only filled in on a clinic that has not set its own yet.
        if not clinic_settings.phone:
            for field, value in demo.CLINIC_DETAILS.items():
                setattr(clinic_settings, field, value)
        clinic_settings.terms_page = clinic_settings.terms_page or terms
        clinic_settings.save()

    def ensure_learning_centre_settings(self, site):
        learning_settings = LearningCentreSettings.for_site(site)
        learning_settings.default_top_disclaimer = self.ensure_disclaimer(
            learning_settings.default_top_disclaimer, demo.MEDICAL_ADVICE_DISCLAIMER
        )
        learning_settings.default_closing_note = self.ensure_disclaimer(
            learning_settings.default_closing_note, demo.LITERATURE_NOTE
        )
        learning_settings.save()
        return learning_settings

    def ensure_learning_centre(self, home):
        learning_centre = LearningCentreIndexPage.objects.child_of(home).first()
        if learning_centre is None:
            values = demo.LEARNING_CENTRE
            learning_centre = home.add_child(
                instance=LearningCentreIndexPage(
                    title=values["title"],
                    slug=values["slug"],
                    intro=values["intro"],
                    show_in_menus=True,
                    heading_image=self.heading_image(values),
                    heading_image_alt=values["image_alt"],
                )
            )
            self.publish(learning_centre)
            self.stdout.write("Created the Learning Centre.")
        return learning_centre

    def ensure_person(self, values):
        person = Person.objects.filter(email=values["email"]).first()
        if person is None:
            person = Person.objects.create(**values)
            self.stdout.write(f"Created the person “{person}”.")
        return person

    def ensure_topic(self, values):
        topic, created = Topic.objects.get_or_create(slug=values["slug"], defaults=values)
        if created:
            self.stdout.write(f"Created the topic “{topic}”.")
        return topic

    def ensure_article(
        self, learning_centre, values, author, reviewer, topics, review_interval_years
    ):
        if ArticlePage.objects.child_of(learning_centre).filter(slug=values["slug"]).exists():
            return
        last_reviewed = datetime.date.today() - datetime.timedelta(days=values["reviewed_days_ago"])
        article = ArticlePage(
            title=values["title"],
            slug=values["slug"],
            summary=values["summary"],
            heading_image=self.heading_image(values),
            heading_image_alt=values["image_alt"],
            body=values["body"],
            references=values["references"],
            clinical_reviewer=reviewer,
            last_reviewed=last_reviewed,
        )
        article.next_review_due = article.default_next_review(review_interval_years)
        article.authors = [ArticleAuthor(person=author)]
        article.topics = topics
        learning_centre.add_child(instance=article)
        self.publish(article)
        self.stdout.write(f"Created the article “{article.title}”.")

    def ensure_exercise_library(self, learning_centre, reviewer, topics, review_interval_years):
        write = self.stdout.write
        library = ensure_library(learning_centre, write)
        exercises = ensure_exercises(library, reviewer, topics, review_interval_years, write)
        add_exercises_to_article(learning_centre, exercises, write)
        return exercises

    def ensure_sample_programme(self, learning_centre, exercises):
        articles = {page.slug: page for page in ArticlePage.objects.child_of(learning_centre)}
        physiotherapist = next(
            (name for name, (role, _) in demo.ROLE_USERS.items() if role == "Physiotherapists"),
            None,
        )
        created_by = get_user_model().objects.filter(username=physiotherapist).first()
        programme = ensure_sample_programme(exercises, articles, created_by, self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(f"Sample exercise programme: {programme_link(programme)}")
        )

    def heading_image(self, values):
        return get_or_create_heading_image(
            title=f"{values['title']} heading image",
            filename=f"{values['slug']}.jpg",
            colours=values["image"]["colours"],
            seed=values["image"]["seed"],
        )

    def ensure_role_users(self, password):
        """One login per role, so staff can try the review workflow from each side."""
        user_model = get_user_model()
        for username, (role, person_email) in demo.ROLE_USERS.items():
            group = Group.objects.filter(name=role).first()
            if group is None:
                continue
            user, _ = user_model.objects.get_or_create(
                username=username, defaults={"email": f"{username}@localhost"}
            )
            user.is_staff = True
            user.set_password(password)
            user.save()
            user.groups.add(group)
            if person_email:
                Person.objects.filter(email=person_email, user__isnull=True).update(user=user)
            self.stdout.write(f"{role}: username “{username}”, same password.")

    def ensure_admin_user(self, username, password):
        user_model = get_user_model()
        user, _ = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@localhost"}
        )
        user.is_staff = True
        user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: username “{username}”, password “{password}” "
                "(change it before putting the site anywhere public)."
            )
        )
