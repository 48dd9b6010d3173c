"""The backends' contract (tests/backend_contract.py) on the Whoosh backend, the default;
the Whoosh-only behaviour (its lock, its analyzer stamp, its folder) is in test_indexing.py."""

import pytest

from tests.backend_contract import BackendTests


class TestWhooshBackend(BackendTests):
    backend_name = "whoosh"


@pytest.mark.slow
class TestWhooshBackendThroughItsCollector(BackendTests):
    """The same contract with every search through Whoosh's own collector instead of
    articles.text.fastsearch (the path phrases and date sorts always take): both meet it."""

    backend_name = "whoosh"

    @pytest.fixture(autouse=True)
    def without_the_fast_path(self, monkeypatch):
        from articles.text import store

        monkeypatch.setattr(store.ArchiveIndex, "fast_path", False)
