"""The API answers what its OpenAPI document promises, for every operation, signed in and
signed out (Schemathesis, a bounded number of examples with a fixed seed; ``make fuzz``
runs many more). One test per group of operations, so the groups share the cores."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from litestar import Litestar

from tests.platform.contract import GROUPS, WHOLE_API, Run, check_contract

IN_MAKE_TEST = Run(examples=5, signed_out_examples=2)


def test_every_operation_is_in_exactly_one_group(built_app: Litestar) -> None:
    paths = [p for p in built_app.openapi_schema.paths or {} if re.match(WHOLE_API, p)]
    assert paths
    strays = [p for p in paths if sum(bool(re.match(g, p)) for g in GROUPS.values()) != 1]
    assert strays == []


@pytest.mark.parametrize("group", GROUPS)
def test_every_operation_answers_what_the_openapi_document_promises(
    tmp_path: Path, group: str
) -> None:
    report = check_contract(tmp_path / "data", IN_MAKE_TEST, paths=GROUPS[group])
    assert "passed" in report
