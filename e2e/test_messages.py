"""Every problem a form can show, read as a tired person reads it: a whole sentence that
says what would work, beside the field it is about, with focus moved there."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import Locator, expect

from .pages import PASSPHRASE, App

TRY = "Try three or four words that don't belong together."


@dataclass(frozen=True)
class Case:
    """Go to the form, fill it wrongly, send it; then this message must show at
    ``#<error_id>`` and focus must be on ``focused``."""

    name: str
    act: Callable[[App], None]
    messages: dict[str, str]
    focused: str


def _sign_up(username: str, passphrase: str) -> Callable[[App], None]:
    def act(app: App) -> None:
        app.open("/sign-up")
        app.page.get_by_label("Username").fill(username)
        app.page.get_by_label("Passphrase").fill(passphrase)
        app.by_id("auth-submit").click()

    return act


def _sign_in(username: str, passphrase: str) -> Callable[[App], None]:
    def act(app: App) -> None:
        app.open("/sign-in")
        app.page.get_by_label("Username").fill(username)
        app.page.get_by_label("Passphrase").fill(passphrase)
        app.by_id("auth-submit").click()

    return act


def _empty_check_in(app: App) -> None:
    app.open("/checkin")
    app.by_id("save-checkin").click()


def _empty_commitment(app: App) -> None:
    app.open("/commitments")
    app.by_id("new-commitment-save").click()


def _one_off_without_a_day(app: App) -> None:
    app.open("/commitments")
    app.page.get_by_label("What will you do?").fill("Book the eye test")
    app.by_id("new-commitment").get_by_test_id("cadence-once").check()
    app.by_id("new-commitment-save").click()


def _toolkit_person(name: str, phone: str) -> Callable[[App], None]:
    def act(app: App) -> None:
        app.open("/toolkit")
        form = app.by_id("people-form").last
        form.locator("input[type=text]").fill(name)
        form.locator("input[type=tel]").fill(phone)
        app.by_id("people-submit").last.click()

    return act


SIGNED_OUT: list[Case] = [
    Case(
        "sign-up: a short username",
        _sign_up("ab", PASSPHRASE),
        {"username-error": "Your username needs at least 3 characters."},
        "username",
    ),
    Case(
        "sign-up: a username with spaces",
        _sign_up("sam smith", PASSPHRASE),
        {
            "username-error": "Your username can use letters, numbers, dots, dashes and"
            " underscores, starting with a letter or a number."
        },
        "username",
    ),
    Case(
        "sign-up: an easy passphrase",
        _sign_up("careful_sam", "aaaaaaaaaaaa"),
        {
            "passphrase-error": "That passphrase is too easy to guess. Repeated characters"
            f' like "aaa" are easy to guess. {TRY}'
        },
        "passphrase",
    ),
    Case(
        "sign-up: a short passphrase",
        _sign_up("careful_sam", "short"),
        {"passphrase-error": f"Your passphrase needs at least 10 characters. {TRY}"},
        "passphrase",
    ),
    Case(
        "sign-in: nothing filled in",
        _sign_in("", ""),
        {
            "username-error": "Your username is needed.",
            "passphrase-error": "Your passphrase is needed.",
        },
        "username",
    ),
    Case(
        "sign-in: a wrong passphrase",
        _sign_in("nobody_here", "not the right one"),
        {
            "form-error": "That username and passphrase don't match."
            " Please check them and try again."
        },
        "form-error",
    ),
    Case(
        "check-in: nothing chosen",
        _empty_check_in,
        {
            "mood-missing": "Choose your mood, from 1 to 5.",
            "energy-missing": "Choose your energy, from 1 to 5.",
            "stress-missing": "Choose your stress, from 1 to 5.",
            "connected-missing": "Choose how connected you feel, from 1 to 5.",
        },
        "mood-1",
    ),
    Case(
        "commitment: no words",
        _empty_commitment,
        {"new-title-error": "Write what you'll do, in a few words."},
        "new-title",
    ),
    Case(
        "commitment: a one-off with no day",
        _one_off_without_a_day,
        {"new-on-error": "Choose the day for a one-off commitment."},
        "new-on",
    ),
    Case(
        "safety plan: a person with no name and a garbled number",
        _toolkit_person("", "call me"),
        {
            "people-new-text-error": "Add their name.",
            "people-new-phone-error": "The phone number can use digits, spaces, brackets,"
            " dots and dashes, and may start with +.",
        },
        "people-new-text",
    ),
]


def _element(app: App, id_or_testid: str) -> Locator:
    return app.page.locator(f"#{id_or_testid}, [data-testid='{id_or_testid}']").first


def _check(app: App, case: Case) -> None:
    for place, message in case.messages.items():
        expect(_element(app, place)).to_have_text(message)
    expect(_element(app, case.focused)).to_be_focused()
    assert app.in_first_screen(_element(app, case.focused)) or app.page.evaluate("scrollY") > 0


@pytest.mark.parametrize("case", SIGNED_OUT, ids=[case.name for case in SIGNED_OUT])
def test_each_problem_reads_as_a_sentence_beside_its_field(app: App, case: Case) -> None:
    case.act(app)
    _check(app, case)


def _daily_cap_zero(app: App) -> None:
    app.open("/reminders")
    expect(app.by_id("prefs-save")).to_be_enabled()
    app.page.get_by_label("At most this many reminders a day").fill("0")
    app.by_id("prefs-save").click()


def _weekly_pattern_without_days(app: App) -> None:
    app.open("/reminders")
    expect(app.by_id("prefs-save")).to_be_enabled()
    app.by_id("pattern").select_option("weekly")
    app.by_id("prefs-save").click()


def _unknown_code(app: App) -> None:
    app.open("/join")
    app.page.get_by_label("Invite code").fill("ABCD-EFGH")
    app.by_id("invite-code-submit").click()


def _no_code(app: App) -> None:
    app.open("/join")
    app.by_id("invite-code-submit").click()


SIGNED_IN: list[Case] = [
    Case(
        "reminders: no reminders at all a day",
        _daily_cap_zero,
        {"daily-cap-error": "The most reminders a day needs to be at least 1."},
        "daily-cap",
    ),
    Case(
        "reminders: a weekly pattern with no days",
        _weekly_pattern_without_days,
        {"pattern-days-error": "Choose at least one day for a weekly pattern."},
        "pattern-days-first",
    ),
    Case(
        "invite code: one that doesn't work",
        _unknown_code,
        {
            "invite-code-error": "This invite can't be used: it may have expired or been used."
            " Ask for a new one."
        },
        "invite-code",
    ),
    Case(
        "invite code: none typed",
        _no_code,
        {"invite-code-error": "Type the code they read to you, like ABCD-EFGH."},
        "invite-code",
    ),
]


def test_each_signed_in_problem_reads_as_a_sentence_beside_its_field(
    app: App, new_context: Any
) -> None:
    sam, bea_name = "sam_" + uuid.uuid4().hex[:6], "bea_" + uuid.uuid4().hex[:6]
    app.has_account(sam)
    for case in SIGNED_IN:
        case.act(app)
        _check(app, case)

    # Compose and reply need two connected people.
    link = app.make_invite()
    bea = App(new_context().new_page(), app.base_url)
    bea.has_account(bea_name)
    bea.accept_invite(link, sam)
    app.compose_for(bea_name)
    app.by_id("share-preview").click()
    _check(
        app,
        Case(
            "compose: nothing chosen",
            lambda _: None,
            {"parts-error": "Choose at least one thing to share."},
            "part-scores",
        ),
    )
    app.page.get_by_label(f"A note for {bea_name} (optional)").fill("Rough night.")
    app.preview()
    app.by_id("share-send").click()
    expect(app.by_id("sent-status")).to_contain_text("not seen yet")
    summary_id = app.page.url.rsplit("/", 1)[1]
    bea.open(f"/share/inbox/{summary_id}")
    bea.by_id("reply-send").click()
    _check(
        bea,
        Case(
            "reply: nothing to say",
            lambda _: None,
            {"text-error": "Write a few words, or choose one of the replies."},
            "text",
        ),
    )
