"""Screenshots of a big built site for people to look at: the front page,
the events index and the top story's event page, at phone (375 px) and
desktop (1280 px) widths, into test-artifacts/large-*.png.

    make html SEEDS=cache/corpora/indonews-2025-06-18-20 OUTPUTDIR=/tmp/big
    .venv/bin/python tests/eval/screenshots.py /tmp/big

It also prints the size of each page's HTML (the front page must stay
under 512 KiB whatever the folder's size).
"""

from __future__ import annotations

import functools
import http.server
import json
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, _QuietHandler  # noqa: E402

WIDTHS = {"phone": 375, "desktop": 1280}


def pages(site: Path) -> dict[str, str]:
    """name -> path below the site root."""
    summary = json.loads((site / "digest.json").read_text(encoding="utf-8"))
    top = summary["top_stories"][0]
    event = next(e for e in summary["events"] if e["id"] == top)
    return {"front": "", "events": "perjalanan/", "event": event["url"]}


def main(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        for name, path in pages(site).items():
            size = (site / path / "index.html").stat().st_size
            print(f"{name:<8} {path or '/':<60} {size / 1024:8.0f} KiB")
            for label, width in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(f"{base}/{path}")
                target = ARTIFACTS / f"large-{name}-{label}.png"
                page.screenshot(path=str(target), full_page=name != "front" or width > 400)
                page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
