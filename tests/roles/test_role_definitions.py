"""One file says what each role may do (clinic_site/roles/definitions.py); every
install's groups follow it, and a migrate puts back what was lost."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import GroupCollectionPermission, GroupPagePermission

from clinic_site.roles import definitions

pytestmark = pytest.mark.django_db


def permission_labels(group):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


@pytest.mark.parametrize("role", definitions.ROLES, ids=lambda role: role.name)
def test_each_group_has_what_its_definition_gives(role, clinic):
    group = Group.objects.get(name=role.name)
    assert set(role.permissions) <= permission_labels(group)
    images = set(
        GroupCollectionPermission.objects.filter(
            group=group, permission__content_type__app_label="wagtailimages"
        ).values_list("permission__codename", flat=True)
    )
    assert images == set(role.image_permissions)
    for page_type, actions in role.page_permissions.items():
        page = clinic.learning_centre if page_type == definitions.LEARNING_CENTRE else clinic.terms
        granted = set(
            GroupPagePermission.objects.filter(group=group, page=page).values_list(
                "permission__codename", flat=True
            )
        )
        assert granted == {f"{action}_page" for action in actions}


def test_a_permission_removed_by_hand_returns_on_the_next_migrate(clinic):
    staff = Group.objects.get(name=definitions.SITE_STAFF)
    setting = Permission.objects.get(
        content_type__app_label="learning", codename="change_learningcentresettings"
    )
    staff.permissions.remove(setting)
    GroupPagePermission.objects.filter(group=staff, page=clinic.terms).delete()

    call_command("migrate", verbosity=0)

    assert "learning.change_learningcentresettings" in permission_labels(staff)
    assert GroupPagePermission.objects.filter(group=staff, page=clinic.terms).count() == 2


def test_the_sync_keeps_what_an_administrator_added(clinic):
    physios = Group.objects.get(name=definitions.PHYSIOTHERAPISTS)
    extra = Permission.objects.get(content_type__app_label="learning", codename="add_topic")
    physios.permissions.add(extra)
    call_command("migrate", verbosity=0)
    assert "learning.add_topic" in permission_labels(physios)
