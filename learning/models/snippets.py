"""Snippets staff manage once and articles choose: disclaimers and people."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index


class Disclaimer(DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        MEDICAL_ADVICE = "medical_advice", "Medical advice"
        LITERATURE_NOTE = "literature_note", "Literature note"
        GENERAL = "general", "General note"

    name = models.CharField(
        max_length=100,
        help_text="For staff only, e.g. “Standard medical-advice disclaimer”. "
        "Patients never see this name.",
    )
    kind = models.CharField(
        max_length=30,
        choices=Kind.choices,
        default=Kind.MEDICAL_ADVICE,
        help_text="What this text is for. Medical-advice disclaimers sit above an "
        "article; literature notes close it.",
    )
    heading = models.CharField(
        max_length=100,
        blank=True,
        help_text="Optional heading shown to patients, e.g. “Please note”.",
    )
    text = RichTextField(
        features=["bold", "italic", "link"],
        help_text="The text patients read. Keep it short and plain.",
    )
    links_to_terms = models.BooleanField(
        "Link to the Terms of Use",
        default=True,
        help_text="Ends the disclaimer with a link to the Terms and Conditions of Use "
        "page chosen in the clinic settings.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("heading"),
        FieldPanel("text"),
        FieldPanel("links_to_terms"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not strip_tags(self.text or "").strip():
            raise ValidationError(
                {"text": "Write the disclaimer text patients will read; it cannot be empty."}
            )


class Person(index.Indexed, models.Model):
    """An author or clinical reviewer, named with their credentials on articles."""

    name = models.CharField(max_length=100, help_text="Full name as patients should see it.")
    profession = models.CharField(
        max_length=100,
        default="Physiotherapist",
        help_text="E.g. “Physiotherapist” or “Clinical lead physiotherapist”.",
    )
    credentials = models.CharField(
        max_length=100,
        blank=True,
        help_text="Post-nominal letters, e.g. “PT, MSc”.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional head-and-shoulders photo.",
    )
    email = models.EmailField(
        blank=True,
        help_text="Where review reminders are sent. Not shown to patients.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clinic_person",
        help_text="This person's admin login, so their dashboard lists the articles "
        "they must review.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("profession"),
        FieldPanel("credentials"),
        FieldPanel("photo"),
        FieldPanel("email"),
        FieldPanel("user"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name_with_credentials

    @property
    def name_with_credentials(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    @property
    def contact_email(self):
        return self.email or (self.user.email if self.user_id else "")


class Topic(index.Indexed, models.Model):
    """A subject patients browse by (back, knee, exercise), with its own Learning Centre page."""

    name = models.CharField(max_length=60, help_text="E.g. “Knee” or “Exercise”.")
    slug = models.SlugField(
        max_length=60,
        unique=True,
        help_text="The end of the topic's web address, e.g. “knee” for …/topic/knee/.",
    )
    description = models.TextField(
        blank=True,
        max_length=300,
        help_text="One sentence shown at the top of the topic's page.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
