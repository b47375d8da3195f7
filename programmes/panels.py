"""Editor panels: the patient's link, QR code and PDF for a saved programme, and rows
that list only published pages."""

from django.urls import reverse

from wagtail.admin.panels import InlinePanel, Panel

from clinic_site.handouts.qr import qr_data_uri
from clinic_site.seo import public_url

from .forms import ProgrammeRowsFormSet, PublishedPageRowForm


class PublishedRowsPanel(InlinePanel):
    """An InlinePanel whose rows choose from published pages only (see the form)."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = PublishedPageRowForm
        options["formsets"][self.relation_name]["formset"] = ProgrammeRowsFormSet
        return options


class PatientLinkPanel(Panel):
    """What to give the patient once the programme is saved: its link, a QR code of the
    link and the PDF, and the way to withdraw it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "programmes/admin/patient_link_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            programme = self.instance
            link = public_url(self.request, programme.get_absolute_url())
            context.update(
                {
                    "programme": programme,
                    "link": link,
                    "qr_code": qr_data_uri(link),
                    "handout_link": public_url(self.request, programme.handout_path()),
                    "withdraw_url": reverse("programmes:withdraw", args=[programme.pk]),
                }
            )
            return context
