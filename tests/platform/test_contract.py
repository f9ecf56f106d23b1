"""The API answers what its OpenAPI document promises, for every operation, signed in and
signed out (Schemathesis, a bounded number of examples with a fixed seed)."""

from __future__ import annotations

from pathlib import Path

from tests.platform.contract import check_contract

EXAMPLES_IN_MAKE_TEST = 25


def test_every_operation_answers_what_the_openapi_document_promises(tmp_path: Path) -> None:
    report = check_contract(tmp_path / "data", EXAMPLES_IN_MAKE_TEST)
    assert "passed" in report
