"""quotes.db and quotes.cli import each other's modules without cycles, counting the imports inside
functions too: a function-level import hides a cycle from Python at start-up, not from a reader."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"quotes.db": ROOT / "db", "quotes.cli": ROOT / "cli"}  # installed under these names (setup.cfg)


def modules() -> dict[str, Path]:
    """Every module of the packages by its import name ("quotes.cli.web.app"); a package by its own name."""
    found = {}
    for package, folder in PACKAGES.items():
        for path in folder.rglob("*.py"):
            parts = path.relative_to(folder).with_suffix("").parts
            if "migrations" in parts:  # Alembic loads these by path, never by import
                continue
            name = ".".join((package, *parts))
            found[name.removesuffix(".__init__")] = path
    return found


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imported_names(path: Path, module: str, is_package: bool) -> set[str]:
    """Dotted names `module` imports anywhere in its source (not under `if TYPE_CHECKING:`), relative
    imports resolved; `from a import b` gives a.b (b may be a module, or a name in module a)."""
    names: set[str] = set()

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if _type_checking_only(child):
                continue
            if isinstance(child, ast.Import):
                names.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = module.split(".")
                    base = base[:len(base) - child.level + (1 if is_package else 0)]
                    source = ".".join(base + ([child.module] if child.module else []))
                else:
                    source = child.module
                names.update(f"{source}.{alias.name}" for alias in child.names)
            visit(child)

    visit(ast.parse(path.read_text(), filename=str(path)))
    return names


def import_graph() -> dict[str, set[str]]:
    known = modules()
    graph = {}
    for name, path in known.items():
        targets = set()
        for imported in imported_names(path, name, path.name == "__init__.py"):
            while imported and imported not in known:  # quotes.db.engine.make_engine -> quotes.db.engine
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules (Tarjan), each as a path back to its start."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [_path_within(graph, set(group)) for group in groups]


def _path_within(graph, group: set[str]) -> list[str]:
    start = min(group)
    paths = [[start]]
    while paths:  # breadth first: the shortest way back to start inside the group
        path = paths.pop(0)
        for target in sorted(graph[path[-1]] & group):
            if target == start:
                return path + [start]
            if target not in path:
                paths.append(path + [target])
    return sorted(group)


def test_the_graph_sees_function_level_and_relative_imports(tmp_path):
    source = tmp_path / "a.py"
    source.write_text("from .b import x\n\ndef f():\n    from quotes.db.c import y\n"
                      "if TYPE_CHECKING:\n    from .d import z\n")
    assert imported_names(source, "quotes.db.a", False) == {"quotes.db.b.x", "quotes.db.c.y"}
    (tmp_path / "__init__.py").write_text("from . import a\nfrom .. import url\n")
    assert imported_names(tmp_path / "__init__.py", "quotes.db.x", True) == {"quotes.db.x.a", "quotes.db.url"}
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_db_and_cli_have_no_import_cycles():
    graph = import_graph()
    assert "quotes.db.engine" in graph and "quotes.cli.main" in graph
    found = cycles(graph)
    assert not found, "import cycles (move the shared piece down into the lower module):\n" + "\n".join(
        " -> ".join(cycle) for cycle in found)
