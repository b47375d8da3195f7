from axes.backends import AxesStandaloneBackend


class SignInLockoutBackend(AxesStandaloneBackend):
    """django-axes' lock-out check, for sign-ins that come with a request.

    Every sign-in through a web page (Wagtail's login form) carries its request, so it
    is always checked and counted. ``authenticate()`` without a request (the test
    client's ``login()``, a shell) has no client address to lock, and django-axes would
    raise; here it steps aside and leaves the password check to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
