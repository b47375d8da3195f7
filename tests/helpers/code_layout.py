"""The project's own Python modules and what each imports, read with ast (nothing is run)."""

import ast
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
APPS = ("clinic_site", "learning", "programmes")


def shipped_modules():
    """Every module of the shipped apps, migrations left out."""
    for app in APPS:
        for path in sorted((PROJECT_DIR / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def module_name(path):
    if not path.is_relative_to(PROJECT_DIR):
        return path.stem
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


def package_of(dotted):
    """The unit the layering rules speak of: an app's sub-package ("clinic_site.page_cache"),
    or a module directly in an app ("clinic_site.models"). None for anything else."""
    parts = dotted.split(".")
    if parts[0] not in APPS or len(parts) < 2:
        return None
    candidate = PROJECT_DIR / parts[0] / parts[1]
    if candidate.is_dir() or candidate.with_suffix(".py").is_file():
        return f"{parts[0]}.{parts[1]}"
    return None


def import_graph():
    """{package: {packages it imports}} over the shipped apps (migrations left out)."""
    graph = {}
    for path in shipped_modules():
        source = package_of(module_name(path))
        if source is None:
            continue
        targets = graph.setdefault(source, set())
        for imported in imported_modules(path):
            target = package_of(imported)
            if target and target != source:
                targets.add(target)
    return graph


def cycles(graph):
    """Groups of packages that import each other, directly or round a loop (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found
