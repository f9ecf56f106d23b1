"""Render Steady's SVG marks into the PNG icons the manifest lists.

Run by hand after changing an SVG (the PNGs are committed, so builds need no rasteriser):
    .venv/bin/python frontend/icons/render_icons.py
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).parent
OUT = HERE.parent / "public" / "icons"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/lib/chromium/chromium")

# (source svg, output name, size, full bleed: no rounded corners, for maskable/apple)
ICONS = [
    ("steady-icon.svg", "icon-192.png", 192, False),
    ("steady-icon.svg", "icon-512.png", 512, False),
    ("steady-icon.svg", "icon-maskable-512.png", 512, True),
    ("steady-icon.svg", "apple-touch-icon.png", 180, True),
    ("shortcut-crisis.svg", "shortcut-crisis-96.png", 96, False),
    ("shortcut-ground.svg", "shortcut-ground-96.png", 96, False),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        for source, name, size, full_bleed in ICONS:
            svg = (HERE / source).read_text()
            if full_bleed:
                # Maskable icons fill the square; the mark sits inside the 80% safe zone.
                svg = (
                    svg.replace('rx="112"', 'rx="0"')
                    .replace("<circle", '<g transform="translate(51 51) scale(0.8)"><circle', 1)
                    .replace("</svg>", "</g></svg>")
                )
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                "<html><body style='margin:0;background:transparent'>"
                f"<div style='width:{size}px;height:{size}px'>{svg}</div></body></html>"
            )
            page.locator("svg").screenshot(path=str(OUT / name), omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
