"""The Learning Centre menu's page items: "Articles" (the Learning Centre's page
listing) and "Add article", "Exercises" (the exercise library's listing) and "Add
exercise", shown only to people who may add or change pages there."""

from django.urls import reverse

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem

from ..models import ArticlePage, ExerciseLibraryPage, ExercisePage, LearningCentreIndexPage

_CACHE_ATTRIBUTE = "_learning_centre_for_menu"
_LIBRARY_CACHE_ATTRIBUTE = "_exercise_library_for_menu"


def learning_centre_for(request):
    """The first Learning Centre (in tree order) whose pages this user may add or change,
    with its permission tester, or (None, None); looked up once per request."""
    if not hasattr(request, _CACHE_ATTRIBUTE):
        found = (None, None)
        for centre in LearningCentreIndexPage.objects.order_by("path"):
            permissions = centre.permissions_for_user(request.user)
            if permissions.can_add_subpage() or permissions.can_edit():
                found = (centre, permissions)
                break
        setattr(request, _CACHE_ATTRIBUTE, found)
    return getattr(request, _CACHE_ATTRIBUTE)


class LearningCentrePageMenuItem(MenuItem):
    """A menu item whose address depends on the user's Learning Centre; menu items are
    shared between requests, so the address is worked out for each one."""

    def __init__(self, label, name, icon_name, order):
        super().__init__(label, "#", name=name, icon_name=icon_name, order=order)

    def url_for(self, centre, permissions):
        raise NotImplementedError

    def is_shown(self, request):
        centre, permissions = learning_centre_for(request)
        return centre is not None and self.url_for(centre, permissions) is not None

    def render_component(self, request):
        url = self.url_for(*learning_centre_for(request))
        return LinkMenuItem(self.name, self.label, url, icon_name=self.icon_name)


class ArticlesMenuItem(LearningCentrePageMenuItem):
    def url_for(self, centre, permissions):
        return reverse("wagtailadmin_explore", args=[centre.pk])


class AddArticleMenuItem(LearningCentrePageMenuItem):
    def url_for(self, centre, permissions):
        if not (permissions.can_add_subpage() and ArticlePage.can_create_at(centre)):
            return None
        return reverse("wagtailadmin_pages:add", args=["learning", "articlepage", centre.pk])


def article_menu_items():
    return [
        ArticlesMenuItem("Articles", name="articles", icon_name="doc-full-inverse", order=1),
        AddArticleMenuItem("Add article", name="add-article", icon_name="plus", order=2),
    ]


def exercise_library_for(request):
    """The exercise library in the user's Learning Centre, with the user's permission
    tester for it, or (None, None); looked up once per request."""
    if not hasattr(request, _LIBRARY_CACHE_ATTRIBUTE):
        found = (None, None)
        centre, _ = learning_centre_for(request)
        library = ExerciseLibraryPage.objects.child_of(centre).first() if centre else None
        if library is not None:
            found = (library, library.permissions_for_user(request.user))
        setattr(request, _LIBRARY_CACHE_ATTRIBUTE, found)
    return getattr(request, _LIBRARY_CACHE_ATTRIBUTE)


class ExerciseLibraryMenuItem(LearningCentrePageMenuItem):
    """A menu item for the exercise library; absent while the site has none."""

    def url_for_library(self, library, permissions):
        raise NotImplementedError

    def library_url(self, request):
        library, permissions = exercise_library_for(request)
        return None if library is None else self.url_for_library(library, permissions)

    def is_shown(self, request):
        return self.library_url(request) is not None

    def render_component(self, request):
        return LinkMenuItem(
            self.name, self.label, self.library_url(request), icon_name=self.icon_name
        )


class ExercisesMenuItem(ExerciseLibraryMenuItem):
    def url_for_library(self, library, permissions):
        return reverse("wagtailadmin_explore", args=[library.pk])


class AddExerciseMenuItem(ExerciseLibraryMenuItem):
    def url_for_library(self, library, permissions):
        if not (permissions.can_add_subpage() and ExercisePage.can_create_at(library)):
            return None
        return reverse("wagtailadmin_pages:add", args=["learning", "exercisepage", library.pk])


def exercise_menu_items(order):
    """ "Exercises" and "Add exercise", numbered on from `order`."""
    return [
        ExercisesMenuItem("Exercises", name="exercises", icon_name="pick", order=order),
        AddExerciseMenuItem("Add exercise", name="add-exercise", icon_name="plus", order=order + 1),
    ]
