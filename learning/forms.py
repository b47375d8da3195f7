"""Editor forms: rules that need the clinic's settings or several fields at once."""

from wagtail.admin.forms import WagtailAdminPageForm

from .clinic_settings import clinic_settings_for_site


class ArticlePageForm(WagtailAdminPageForm):
    def clinic_settings(self):
        page = self.instance if self.instance.pk else self.parent_page
        return clinic_settings_for_site(page.get_site())

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
        clinic_settings = self.clinic_settings()

        last_reviewed = cleaned_data.get("last_reviewed")
        if last_reviewed and not cleaned_data.get("next_review_due"):
            self.instance.last_reviewed = last_reviewed
            cleaned_data["next_review_due"] = self.instance.default_next_review(
                clinic_settings.review_interval_years
            )

        reviewer = cleaned_data.get("clinical_reviewer")
        authors = self.chosen_authors()
        if reviewer and authors == [reviewer] and not clinic_settings.reviewer_may_be_sole_author:
            self.add_error(
                "clinical_reviewer",
                f"{reviewer.name} is the only author, so they cannot also be the clinical "
                "reviewer. Choose another clinician to review, or add a co-author.",
            )
        return cleaned_data
