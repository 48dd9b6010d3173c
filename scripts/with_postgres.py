"""Run a command against a throwaway PostgreSQL cluster, then remove the cluster.

    python scripts/with_postgres.py COMMAND [ARGS ...]

The cluster is made with the server binaries on this machine (initdb, pg_ctl), listens
only on a Unix socket inside its temp folder, and DATABASE_URL points the command at it.
initdb refuses to run as root, so as root the server runs as the unprivileged `nobody`.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def find_pg_bin(name):
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    sys.exit(f"{name} not found: install the PostgreSQL server (apt-get install postgresql)")


def as_server_user(argv):
    if os.geteuid() == 0:
        return ["runuser", "-u", "nobody", "--", *argv]
    return argv


# Durability off: a throwaway cluster has nothing to lose, and tests run faster.
FAST_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


@contextlib.contextmanager
def throwaway_cluster(prefix="newsarchive-pg-", server_options=FAST_OPTIONS):
    """Start a cluster in a new temp folder; yield (socket folder, data folder); remove it."""
    initdb, pg_ctl = find_pg_bin("initdb"), find_pg_bin("pg_ctl")
    root = Path(tempfile.mkdtemp(prefix=prefix))
    data, log = root / "data", root / "server.log"
    if os.geteuid() == 0:
        shutil.chown(root, user="nobody", group="nogroup")
    os.chmod(root, 0o755)
    try:
        subprocess.run(
            as_server_user([initdb, "-D", str(data), "-U", "postgres", "-A", "trust",
                            "-E", "UTF8", "--locale=C.UTF-8"]),
            check=True, stdout=subprocess.DEVNULL,
        )
        subprocess.run(
            as_server_user([pg_ctl, "-D", str(data), "-l", str(log), "-w", "-t", "60", "start",
                            "-o", f"-k {root} -c listen_addresses='' {server_options}"]),
            check=True, stdout=subprocess.DEVNULL,
        )
        yield root, data
    finally:
        subprocess.run(as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(root, ignore_errors=True)


def main(argv):
    if not argv:
        sys.exit(__doc__)
    with throwaway_cluster() as (root, _data):
        env = dict(os.environ, DATABASE_URL=f"postgres://postgres@/newsarchive?host={root}",
                   NEWSARCHIVE_PG_SOCKET_DIR=str(root))
        print(f"PostgreSQL cluster in {root}", flush=True)
        return subprocess.run(argv, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
