"""The import contracts in .importlinter: the site reaches a search engine only through
articles.search_backends.get_backend(), and does not import whoosh (docs/search.md,
"Backends")."""

import configparser
import subprocess
import sys

from tests.conftest import ROOT

# The modules of articles/search_backends/ that are the interface, not an engine.
INTERFACE = {"__init__", "base", "errors"}


def test_the_import_contracts_are_kept():
    run = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
                               "sys.exit(lint_imports(no_cache=True, no_logo=True))"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 kept, 0 broken" in run.stdout


def test_every_engine_module_is_forbidden_to_the_site():
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter", encoding="utf-8")
    forbidden = config["importlinter:contract:site-uses-the-backend-interface"]["forbidden_modules"].split()
    engines = {f"articles.search_backends.{path.stem}"
               for path in (ROOT / "articles" / "search_backends").iterdir()
               if (path.suffix == ".py" or (path / "__init__.py").exists()) and path.stem not in INTERFACE}
    assert engines, "no engine module found"
    assert engines <= set(forbidden), f"add to .importlinter's forbidden_modules: {sorted(engines - set(forbidden))}"


def module_level_names_bound_twice(source):
    """Names a module binds at its top level more than once (an assignment, a function or
    a class), which silently replace the first binding for every later reader."""
    import ast
    from collections import Counter

    names = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return sorted(name for name, count in names.items() if count > 1)


def test_no_module_binds_a_top_level_name_twice():
    # A second `WHILE = …` in articles/quotes/extract.py (2026-12-02) replaced the first for
    # every rule that read it, and 40 statements of the corpus sample changed before a
    # diff caught it; the engine's modules are long, so a test keeps the names unique.
    assert module_level_names_bound_twice("A = 1\ndef f(): pass\nA = 2\n") == ["A"]
    twice = {
        str(path.relative_to(ROOT)): found
        for path in sorted((ROOT / "articles").rglob("*.py"))
        if (found := module_level_names_bound_twice(path.read_text(encoding="utf-8")))
    }
    assert twice == {}
