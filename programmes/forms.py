"""The programme editor's rows: a plain list of published exercises or articles."""

from django.db.models import Model

from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Page


class PublishedPageRowForm(WagtailAdminModelForm):
    """A row choosing a page: only published pages are offered, in title order, and a
    page unpublished since the editor opened the form gets a message saying so."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            model = getattr(getattr(field, "queryset", None), "model", Model)
            if issubclass(model, Page):
                field.queryset = model.objects.live().order_by("title")
                name = model._meta.verbose_name.lower()
                field.empty_label = (
                    f"Choose an {name}" if name[0] in "aeiou" else f"Choose a {name}"
                )
                field.error_messages["invalid_choice"] = (
                    f"That {name} is no longer published: choose another, or delete this row."
                )
                field.error_messages["required"] = f"Choose the {name}, or delete this row."


class ProgrammeRowsFormSet(BaseChildFormSet):
    # Only the exercises have a minimum (one).
    default_error_messages = {
        "too_few_forms": "Add at least one exercise: a programme needs something to do.",
    }
