"""The backends' contract (tests/backend_contract.py) on the Whoosh backend, the default;
the Whoosh-only behaviour (its lock, its analyzer stamp, its folder) is in test_indexing.py."""

from tests.backend_contract import BackendTests


class TestWhooshBackend(BackendTests):
    backend_name = "whoosh"
