"""The toolkit: built offline without an account, kept across reloads, synced and merged."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import BrowserContext, Page, expect

from .pages import App
from .server_db import ServerDatabase


def test_a_toolkit_built_offline_survives_a_reload_and_reaches_the_account(
    app: App, page: Page, server_db: ServerDatabase, new_context: object
) -> None:
    app.open("/")
    app.wait_for_worker()
    app.offline()
    app.nav("toolkit")
    app.add_to_toolkit("warning_signs", "Replaying the shift in my head")
    app.add_to_toolkit("on_my_own", "Box breathing in the car", exercise="box-breathing")
    app.add_to_toolkit("people", "Jo", phone="07700 900456")

    page.reload()
    expect(app.heading()).to_have_text("Safety plan")
    assert app.toolkit_texts("warning_signs", count=1) == ["Replaying the shift in my head"]
    assert app.toolkit_texts("people", count=1) == ["Jo"]

    app.online()
    name = "nurse_" + uuid.uuid4().hex[:8]
    app.has_account(name)
    app.expect_all_saved()
    stored = server_db.toolkit(name)
    assert stored is not None
    sections = stored["sections"]
    assert [i["text"] for i in sections["warning_signs"]] == ["Replaying the shift in my head"]  # type: ignore[index]
    assert sections["on_my_own"][0]["exercise"] == "box-breathing"  # type: ignore[index]

    second = new_context()  # type: ignore[operator]
    other = App(second.new_page(), app.base_url)
    other.sign_in(name)
    other.open("/toolkit")
    expect(other.by_id("section-people").get_by_test_id("toolkit-item")).to_have_text(
        re.compile("Jo")
    )
    assert other.toolkit_texts("warning_signs", count=1) == ["Replaying the shift in my head"]


def test_two_phones_editing_offline_keep_both_new_items(
    app: App, page: Page, server_db: ServerDatabase, new_context: object
) -> None:
    name = "para_" + uuid.uuid4().hex[:8]
    app.has_account(name)
    app.open("/toolkit")
    app.add_to_toolkit("what_matters", "My daughter")
    app.expect_all_saved()

    second: BrowserContext = new_context()  # type: ignore[operator]
    other = App(second.new_page(), app.base_url)
    other.sign_in(name)
    other.open("/toolkit")
    expect(other.by_id("section-what_matters").get_by_test_id("toolkit-item")).to_have_count(1)
    other.wait_for_worker()

    app.wait_for_worker()
    app.offline()
    second.set_offline(True)
    app.add_to_toolkit("what_matters", "Surfing in the summer")
    other.add_to_toolkit("what_matters", "The team on nights")
    other.add_to_toolkit("people", "Sam", phone="+1 555 0100")

    app.online()
    app.expect_all_saved()
    second.set_offline(False)
    other.page.reload()
    other.expect_all_saved()

    stored = server_db.toolkit(name)
    assert stored is not None
    texts = {i["text"] for i in stored["sections"]["what_matters"]}  # type: ignore[index]
    assert texts == {"My daughter", "Surfing in the summer", "The team on nights"}
    page.reload()
    expect(app.by_id("section-what_matters").get_by_test_id("toolkit-item")).to_have_count(3)
    expect(app.by_id("section-people").get_by_test_id("toolkit-item")).to_have_count(1)


def test_items_can_be_edited_reordered_and_removed(app: App, page: Page) -> None:
    app.open("/toolkit")
    for text in ("First", "Second", "Third"):
        app.add_to_toolkit("safer_surroundings", text)
    section = app.by_id("section-safer_surroundings")
    section.get_by_role("button", name="Move Third up").click()
    expect(section.get_by_test_id("toolkit-item").nth(1)).to_contain_text("Third")
    section.get_by_role("button", name="Remove First").click()
    section.get_by_role("button", name="Edit Second").click()
    edit = section.locator("form").first
    edit.locator("input[type=text]").fill("Second, edited")
    edit.get_by_role("button", name="Save").click()
    expect(section.get_by_test_id("toolkit-item").nth(1)).to_contain_text("Second, edited")
    page.reload()
    assert app.toolkit_texts("safer_surroundings", count=2) == ["Third", "Second, edited"]


def test_guided_setup_walks_through_each_part_and_can_be_skipped(app: App, page: Page) -> None:
    app.open("/toolkit")
    app.by_id("start-setup").click()
    expect(app.by_id("setup-progress")).to_have_text("Step 1 of 7")
    page.get_by_role("button", name="+ Feeling numb").click()
    expect(app.by_id("section-warning_signs").get_by_test_id("toolkit-item")).to_have_text(
        re.compile("Feeling numb")
    )
    app.by_id("setup-next").click()
    expect(app.by_id("setup-progress")).to_have_text("Step 2 of 7")
    app.assert_accessible()
    for step in range(3, 8):
        app.by_id("setup-next").click()
        expect(app.by_id("setup-progress")).to_have_text(f"Step {step} of 7")
    app.by_id("setup-finish").click()
    expect(app.heading()).to_have_text("Safety plan")
    expect(app.by_id("setup-invite")).to_have_count(0)


def test_the_plan_prints_on_one_or_two_pages(app: App, page: Page) -> None:
    app.open("/toolkit")
    for section in (
        "warning_signs",
        "on_my_own",
        "distractions",
        "safer_surroundings",
        "what_matters",
    ):
        for n in range(3):
            app.add_to_toolkit(
                section, f"A realistic line of text for this part of the plan, number {n}"
            )
    for n in range(3):
        app.add_to_toolkit("people", f"Person {n}", phone=f"07700 90012{n}")
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, pages


def test_the_toolkit_pages_have_no_accessibility_violations(app: App) -> None:
    app.open("/toolkit")
    app.add_to_toolkit("people", "Jo", phone="07700 900456")
    app.assert_accessible()
    app.open("/toolkit/setup?step=5")
    app.assert_accessible()


def test_removing_a_plan_item_can_be_undone_even_offline(app: App, page: Page) -> None:
    app.open("/toolkit")
    app.wait_for_worker()
    app.offline()
    app.add_to_toolkit("people", "Priya (charge nurse)")
    app.add_to_toolkit("people", "My brother")
    section = app.by_id("section-people")
    section.get_by_test_id("toolkit-item").filter(has_text="Priya").get_by_test_id(
        "remove-item"
    ).click()
    expect(section.get_by_test_id("toolkit-item")).to_have_count(1)
    expect(app.by_id("removed")).to_contain_text("Removed “Priya (charge nurse)”")
    app.by_id("undo-remove").click()
    # Back where it was, first in the list, and still there after a reload.
    assert app.toolkit_texts("people", 2) == ["Priya (charge nurse)", "My brother"]
    page.reload()
    assert app.toolkit_texts("people", 2) == ["Priya (charge nurse)", "My brother"]


def test_an_item_half_typed_is_still_there_after_a_reload(app: App, page: Page) -> None:
    app.open("/toolkit")
    form = app.by_id("warning_signs-form").last
    form.locator("input[type=text]").fill("Not sleeping after nights")
    page.wait_for_timeout(300)
    page.reload()
    expect(app.by_id("warning_signs-form").last.locator("input[type=text]")).to_have_value(
        "Not sleeping after nights"
    )
