"""The PostgreSQL pass (`make test-postgres`, `--database-only`) leaves out only tests
that cannot reach a database; every test that can still runs there."""

import subprocess
import sys

from tests.conftest import ROOT


def _collected(*args):
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:xdist", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return {line.split("::")[0] for line in run.stdout.splitlines() if "::" in line}, run.stdout


def test_the_database_pass_keeps_database_tests_and_leaves_plain_python_out():
    files = ["tests/test_extract.py", "tests/test_admin.py", "tests/test_backend_postgres.py", "tests/test_echoes.py"]
    everything, _ = _collected(*files)
    assert everything == set(files)
    kept, out = _collected("--database-only", *files)
    # the extractor's tests are plain Python; the admin's use the database; the
    # PostgreSQL backend's are marked for it; test_echoes holds both kinds
    assert kept == {"tests/test_admin.py", "tests/test_backend_postgres.py", "tests/test_echoes.py"}
    assert "deselected" in out
