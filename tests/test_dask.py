"""A batch through a 2-worker local Dask cluster gives exactly the local run's result."""
import itertools
import json

import pytest

from mtcheck.io import Record
from mtcheck.run import check_records

from .conftest import SHARED_DATA

pytestmark = [pytest.mark.model, pytest.mark.slow,
              pytest.mark.skipif(not SHARED_DATA.exists(), reason="../shared/data is not beside the checkout")]


def comparable(run):
    data = run.to_dict()
    data["meta"].pop("created")
    return data


def test_two_workers_equal_the_local_run(real_embedder):
    pytest.importorskip("distributed")
    from mtcheck.distributed import check_records_distributed, connect

    with SHARED_DATA.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, 60)]
    records = [Record(r["id"], r["hypothesis"], tuple(r["references"]), None, n)
               for n, r in enumerate(rows, start=1)]
    local = check_records(records, embedder=real_embedder)
    client = connect(workers=2)
    try:
        # small chunks, so that both workers get several
        distributed = check_records_distributed(records, client, chunk=16)
        workers = client.run(lambda: __import__("mtcheck.distributed").distributed._CONTEXTS.__len__())
    finally:
        client.close()
        client.cluster.close()
    assert [s.id for s in distributed.segments] == [r.id for r in records]
    assert comparable(distributed) == comparable(local)
    assert sorted(workers.values()) == [1, 1]  # each worker loaded the model once
