"""The project's own Python modules and what each imports, read with ast (nothing is run)."""

import ast
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
APPS = ("clinic_site", "learning")


def shipped_modules():
    """Every module of the shipped apps, migrations left out."""
    for app in APPS:
        for path in sorted((PROJECT_DIR / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def module_name(path):
    parts = list(path.relative_to(PROJECT_DIR).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path):
    """Dotted names this module imports (relative imports resolved), anywhere in its code,
    plus the apps' models it reaches through the app registry (apps.get_model("a", "M")
    counts as importing a.models)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            found.add(module)
            # "from package import module" imports the module too.
            found.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and _is_get_model(node):
            label = _registry_label(node)
            if label:
                found.add(f"{label}.models")
    return found


def _is_get_model(node):
    func = node.func
    return isinstance(func, ast.Attribute) and func.attr == "get_model"


def _registry_label(node):
    """The app label of apps.get_model("label", "Model") or apps.get_model("label.Model")."""
    if not node.args or not isinstance(node.args[0], ast.Constant):
        return None
    value = node.args[0].value
    if not isinstance(value, str):
        return None
    return value.split(".")[0]
