"""Check-in history and insights: days in the person's time zone, aggregates in the database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from steady.checkins.tables import Checkin, CheckinMark
from tests.clock import Clock, current
from tests.helpers import Api, checkin_body, field_names, new_id


def on_day(day: date, hour: int = 12, **scores: object) -> dict[str, object]:
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    return checkin_body(recorded_at=moment.isoformat(), local_date=day.isoformat(), **scores)


async def signed_up(api: Api) -> date:
    await api.sign_up("sam")
    await api.patch("/api/account", json={"time_zone": "UTC"})
    return current().now().date()


async def test_body_signals_and_tags_are_stored_and_indexed(api: Api) -> None:
    today = await signed_up(api)
    checkin_id = new_id()
    body = on_day(
        today, body_signals=["tight_shoulders", "poor_sleep"], tags=["near_miss", "Long handover"]
    )
    assert (await api.put(f"/api/checkins/{checkin_id}", json=body)).status_code == 201
    stored = (await api.get(f"/api/checkins/{checkin_id}")).json()
    assert stored["body_signals"] == ["tight_shoulders", "poor_sleep"]
    assert stored["tags"] == ["near_miss", "Long handover"]
    assert await CheckinMark.count() == 4
    # Editing rewrites the index; deleting removes it.
    body["tags"] = []
    await api.put(f"/api/checkins/{checkin_id}", json=body)
    assert await CheckinMark.count() == 2
    await api.delete(f"/api/checkins/{checkin_id}")
    assert await CheckinMark.count() == 0


async def test_history_filters_by_days_and_context_newest_first_in_pages(api: Api) -> None:
    today = await signed_up(api)
    for back in range(6):
        context = "after_shift" if back % 2 else "day_off"
        await api.put(
            f"/api/checkins/{new_id()}", json=on_day(today - timedelta(days=back), context=context)
        )
    everything = (await api.get("/api/checkins/history")).json()
    days = [item["local_date"] for item in everything["items"]]
    assert days == sorted(days, reverse=True) and len(days) == 6
    window = {"start": (today - timedelta(days=3)).isoformat(), "end": today.isoformat()}
    assert len((await api.get("/api/checkins/history", params=window)).json()["items"]) == 4
    after = (
        await api.get("/api/checkins/history", params={**window, "context": "after_shift"})
    ).json()
    assert [item["context"] for item in after["items"]] == ["after_shift", "after_shift"]
    first = (await api.get("/api/checkins/history", params={"limit": 4})).json()
    rest = (await api.get("/api/checkins/history", params={"limit": 4, "offset": 4})).json()
    assert first["more"] is True and rest["more"] is False
    assert len(first["items"]) + len(rest["items"]) == 6


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"start": "2026-11-20", "end": "2026-11-10"}, "end"),
        ({"context": "vacation"}, "context"),
        ({"limit": 0}, "limit"),
        ({"start": "last week"}, "start"),
    ],
)
async def test_bad_history_queries_name_the_parameter(
    api: Api, params: dict[str, object], field: str
) -> None:
    await signed_up(api)
    response = await api.get("/api/checkins/history", params=params)
    assert response.status_code == 400
    assert field_names(response) == [field]


async def test_insights_say_not_enough_data_below_the_minimum(api: Api) -> None:
    today = await signed_up(api)
    await api.put(f"/api/checkins/{new_id()}", json=on_day(today))
    insight = (await api.get("/api/checkins/insights", params={"days": 7})).json()
    assert insight["count"] == 1
    assert insight["enough"] is False
    assert insight["minimum"] == 3


async def test_insights_average_by_day_context_and_tag(api: Api) -> None:
    today = await signed_up(api)
    yesterday = today - timedelta(days=1)
    writes = [
        on_day(
            today,
            mood=2,
            energy=1,
            context="after_shift",
            tags=["patient_death"],
            body_signals=["headache"],
        ),
        on_day(
            today, mood=4, energy=3, context="after_shift", body_signals=["headache", "poor_sleep"]
        ),
        on_day(yesterday, mood=5, energy=5, context="day_off"),
        on_day(today - timedelta(days=20), mood=1, energy=1),  # outside the 7-day window
    ]
    for body in writes:
        assert (await api.put(f"/api/checkins/{new_id()}", json=body)).status_code == 201
    week = (await api.get("/api/checkins/insights", params={"days": 7})).json()
    assert week["count"] == 3 and week["enough"] is True
    assert week["overall"]["mood"] == pytest.approx(11 / 3, abs=0.01)
    assert [(p["date"], p["count"], p["mood"]) for p in week["series"]] == [
        (yesterday.isoformat(), 1, 5.0),
        (today.isoformat(), 2, 3.0),
    ]
    contexts = {c["context"]: c for c in week["by_context"]}
    assert contexts["after_shift"]["energy"] == 2.0
    assert contexts["day_off"]["energy"] == 5.0
    assert week["body_signals"][0] == {"value": "headache", "count": 2}
    assert [(t["tag"], t["count"], t["mood"]) for t in week["by_tag"]] == [
        ("patient_death", 1, 2.0)
    ]
    assert week["untagged"]["mood"] == 4.5
    month = (await api.get("/api/checkins/insights", params={"days": 30})).json()
    assert month["count"] == 4


async def test_today_is_counted_in_the_persons_time_zone(api: Api, clock: Clock) -> None:
    await api.sign_up("sam")
    await api.patch("/api/account", json={"time_zone": "Pacific/Kiritimati"})  # UTC+14
    local_today = (
        clock.now().astimezone(__import__("zoneinfo").ZoneInfo("Pacific/Kiritimati")).date()
    )
    insight = (await api.get("/api/checkins/insights", params={"days": 7})).json()
    assert insight["end"] == local_today.isoformat()
    assert insight["start"] == (local_today - timedelta(days=6)).isoformat()


async def test_a_day_far_from_the_moment_recorded_is_refused(api: Api) -> None:
    await signed_up(api)
    body = checkin_body(local_date="2020-01-01")
    response = await api.put(f"/api/checkins/{new_id()}", json=body)
    assert response.status_code == 400
    assert field_names(response) == ["local_date"]
    assert await Checkin.count() == 0


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"body_signals": ["x" * 41]}, "body_signals[0]"),
        ({"tags": [f"t{i}" for i in range(13)]}, "tags"),
        ({"setting_down": "x" * 281}, "setting_down"),
        ({"body_signals": "headache"}, "body_signals"),
    ],
)
async def test_marks_and_setting_down_are_bounded(
    api: Api, override: dict[str, object], field: str
) -> None:
    await signed_up(api)
    response = await api.put(f"/api/checkins/{new_id()}", json=checkin_body(**override))
    assert response.status_code == 400
    assert field_names(response) == [field]
    assert await Checkin.count() == 0
