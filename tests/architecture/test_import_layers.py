"""Dependencies point one way: the site's pages may use exercise programmes and the
Learning Centre, programmes use the Learning Centre, the Learning Centre uses
infrastructure, and infrastructure uses none of the apps' models. Read from the code
with ast; migrations are left out (they use historical models by design)."""

from tests.helpers.code_layout import (
    PROJECT_DIR,
    cycles,
    import_graph,
    imported_modules,
    module_name,
    shipped_modules,
)

INFRASTRUCTURE = [
    "clinic_site.page_cache",
    "clinic_site.hardening",
    "clinic_site.seo",
    "clinic_site.backup",
    "clinic_site.handouts",
]
MODELS = ("clinic_site.models", "learning.models")
PROGRAMMES = "programmes"


def programme_modules():
    for path in sorted((PROJECT_DIR / PROGRAMMES).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imports_by_module():
    paths = [*shipped_modules(), *programme_modules()]
    return {module_name(path): imported_modules(path) for path in paths}


def imports_programmes(name):
    return name == PROGRAMMES or name.startswith(f"{PROGRAMMES}.")


def test_no_import_cycle_between_packages():
    assert cycles(import_graph()) == []


def test_the_learning_centre_never_imports_the_site_models():
    offenders = {
        module: sorted(i for i in imported if i.startswith("clinic_site.models"))
        for module, imported in imports_by_module().items()
        if module.startswith("learning")
    }
    assert {module: found for module, found in offenders.items() if found} == {}


def test_the_learning_centre_uses_only_infrastructure_from_clinic_site():
    allowed = tuple(INFRASTRUCTURE)
    offenders = {}
    for module, imported in imports_by_module().items():
        if not module.startswith("learning"):
            continue
        wrong = sorted(
            i
            for i in imported
            if i.startswith("clinic_site.") and not i.startswith(allowed) or i == "clinic_site"
        )
        if wrong:
            offenders[module] = wrong
    assert offenders == {}


def test_infrastructure_imports_neither_app():
    offenders = {}
    for module, imported in imports_by_module().items():
        if not module.startswith(tuple(INFRASTRUCTURE)):
            continue
        wrong = sorted(
            i
            for i in imported
            if i.startswith(MODELS) or i == "learning" or i.startswith("learning.")
        )
        if wrong:
            offenders[module] = wrong
    assert offenders == {}


def test_neither_the_learning_centre_nor_infrastructure_imports_programmes():
    lower = ("learning", *INFRASTRUCTURE)
    offenders = {
        module: sorted(i for i in imported if imports_programmes(i))
        for module, imported in imports_by_module().items()
        if module == "learning"
        or module.startswith(tuple(f"{name}." for name in lower))
        or module in INFRASTRUCTURE
    }
    assert {module: found for module, found in offenders.items() if found} == {}


def test_programmes_never_import_the_site_models():
    offenders = {
        module: sorted(i for i in imported if i.startswith("clinic_site.models"))
        for module, imported in imports_by_module().items()
        if imports_programmes(module)
    }
    assert list(programme_modules())  # the checks above and below read the app
    assert {module: found for module, found in offenders.items() if found} == {}


def test_nothing_shipped_imports_the_tests():
    offenders = {
        module: sorted(i for i in imported if i == "tests" or i.startswith("tests."))
        for module, imported in imports_by_module().items()
    }
    assert {module: found for module, found in offenders.items() if found} == {}


def test_the_checks_see_a_cycle_and_a_registry_lookup(tmp_path):
    """The walker itself: a loop of imports is a cycle, and apps.get_model counts."""
    assert cycles({"a.x": {"a.y"}, "a.y": {"a.z"}, "a.z": {"a.x"}}) == [["a.x", "a.y", "a.z"]]
    module = PROJECT_DIR / "learning" / "reviews.py"
    assert "learning.models" not in imported_modules(module)
    views = PROJECT_DIR / "programmes" / "views.py"
    assert imports_programmes(module_name(views))
    assert "clinic_site.handouts" in imported_modules(views)
    probe = tmp_path / "probe.py"
    probe.write_text('from django.apps import apps\napps.get_model("clinic_site", "Thing")\n')
    assert "clinic_site.models" in imported_modules(probe)


def test_no_test_module_imports_another():
    """Shared setup lives in fixtures (conftest.py) or tests/helpers/, never in a test file."""
    offenders = {}
    for path in sorted((PROJECT_DIR / "tests").rglob("*.py")):
        imported = imported_modules(path)
        test_modules = sorted(i for i in imported if i.rpartition(".")[2].startswith("test_"))
        if test_modules:
            offenders[str(path.relative_to(PROJECT_DIR))] = test_modules
    assert offenders == {}
