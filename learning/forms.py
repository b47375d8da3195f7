"""Editor forms: rules that need the Learning Centre settings, the signed-in user or
several fields at once."""

from wagtail.admin.forms import WagtailAdminPageForm

# What publishing directly (not through Clinical review, whose approval fills these
# in) still needs, and how the editor is told.
# "{page}" is what is being written: "article" or "exercise".
NEEDED_TO_PUBLISH = {
    "clinical_reviewer": "This field is required to publish: choose the clinician who "
    "checked this {page}. (Approving it in Clinical review records the reviewer.)",
    "last_reviewed": "This field is required to publish: enter the date a clinician last "
    "checked the whole {page}. (Approving it in Clinical review records today's date.)",
}
SET_BY_APPROVAL = (
    "Set to the day a clinical reviewer approves the {page} in Clinical review. "
    "Only clinical reviewers may change it."
)
NO_AUTHOR = "Add at least one author: patients are shown who wrote the article."
AUTHOR_NOT_CHOSEN = "Choose the author from the People list, or delete this row."


class ArticlePageForm(WagtailAdminPageForm):
    page_kind = "article"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_publish = self.user_may_publish()
        last_reviewed = self.fields.get("last_reviewed")
        if last_reviewed is not None and self.for_user is not None and not self.may_publish:
            # Writers see the date, read-only; the reviewer's approval sets it.
            last_reviewed.disabled = True
            last_reviewed.help_text = SET_BY_APPROVAL.format(page=self.page_kind)
        authors = self.formsets.get("authors")
        if authors is not None:
            authors.error_messages = {**authors.error_messages, "too_few_forms": NO_AUTHOR}
            self.start_authors_with_signed_in_person(authors)
            for form in authors.forms:
                form.fields["person"].error_messages["required"] = AUTHOR_NOT_CHOSEN

    def user_may_publish(self):
        """Whether the signed-in user may publish this article (a clinical reviewer)."""
        user = self.for_user
        if user is None:
            return False
        if self.instance.pk:
            return self.instance.permissions_for_user(user).can_publish()
        parent = self.parent_page
        return parent is not None and parent.permissions_for_user(user).can_publish_subpage()

    def start_authors_with_signed_in_person(self, authors):
        """A new article's author list starts with the writer, when their login is
        linked to a Person."""
        if self.is_bound or self.instance.pk or self.for_user is None:
            return
        person_model = authors.model._meta.get_field("person").related_model
        person = person_model.objects.filter(user=self.for_user).first()
        if person is not None:
            authors.initial_extra = [{"person": person.pk}]
            authors.__dict__.pop("forms", None)  # built again with that initial row

    def is_publishing(self):
        """Publishing directly, as Wagtail's page views decide it."""
        return bool(self.data.get("action-publish")) and self.may_publish

    def learning_settings(self):
        return self.instance.learning_settings(None if self.instance.pk else self.parent_page)

    def chosen_authors(self):
        formset = self.formsets.get("authors")
        # ClusterForm validates its formsets after this form's clean(); validate early
        # (the result is cached) to read the chosen people.
        if formset is None or not formset.is_valid():
            return []
        return [
            form.cleaned_data["person"]
            for form in formset.forms
            if getattr(form, "cleaned_data", None)
            and form.cleaned_data.get("person")
            and not formset._should_delete_form(form)
        ]

    def require_review_to_publish(self, cleaned_data):
        if self.is_deferred_validation or not self.is_publishing():
            return
        for name, message in NEEDED_TO_PUBLISH.items():
            if name in self.fields and not cleaned_data.get(name) and name not in self.errors:
                self.add_error(name, message.format(page=self.page_kind))

    def clean(self):
        cleaned_data = super().clean()
        learning_settings = self.learning_settings()
        self.require_review_to_publish(cleaned_data)

        last_reviewed = cleaned_data.get("last_reviewed")
        if last_reviewed and not cleaned_data.get("next_review_due"):
            self.instance.last_reviewed = last_reviewed
            cleaned_data["next_review_due"] = self.instance.default_next_review(
                learning_settings.review_interval_years
            )

        reviewer = cleaned_data.get("clinical_reviewer")
        authors = self.chosen_authors()
        if reviewer and authors == [reviewer] and not learning_settings.reviewer_may_be_sole_author:
            self.add_error(
                "clinical_reviewer",
                f"{reviewer.name} is the only author, so they cannot also be the clinical "
                "reviewer. Choose another clinician to review, or add a co-author.",
            )
        return cleaned_data


class ExercisePageForm(ArticlePageForm):
    """An exercise: the article's publishing rules, and its steps and images explained."""

    page_kind = "exercise"

    FORMSET_MESSAGES = {
        "steps": {"too_few_forms": "Add at least one step: patients follow them in order."},
        "images": {
            "too_few_forms": "Add at least one image showing the exercise, with its description.",
            "too_many_forms": "An exercise has at most 3 images: delete one.",
        },
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, messages in self.FORMSET_MESSAGES.items():
            formset = self.formsets.get(name)
            if formset is not None:
                formset.error_messages = {**formset.error_messages, **messages}
