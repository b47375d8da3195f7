"""Editor forms: rules that need the Learning Centre settings or several fields at once."""

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
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
            and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        cleaned_data = super().clean()
        learning_settings = self.learning_settings()

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
