from django import forms
from django.utils import timezone
from django.utils.formats import time_format


class TokenForm(forms.Form):
    """The six-digit code from the user's authenticator app, checked against one device."""

    otp_token = forms.CharField(
        label="6-digit code",
        help_text="From your authenticator app. A new code appears every 30 seconds.",
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_otp_token(self):
        token = "".join(self.cleaned_data["otp_token"].split())
        # django-otp doubles the wait after each wrong code, which stops guessing.
        allowed, details = self.device.verify_is_allowed()
        if not allowed:
            until = timezone.localtime(details["locked_until"])
            raise forms.ValidationError(
                "Too many wrong codes. Wait until %(time)s, then enter the newest code.",
                params={"time": time_format(until, "H:i:s")},
                code="throttled",
            )
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                "That code is wrong or has expired. Enter the code your authenticator "
                "app shows now.",
                code="invalid",
            )
        return token
