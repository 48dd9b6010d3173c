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
