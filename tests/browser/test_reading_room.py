"""The newcomer's walk through the reading room, in Debian's chromium via Playwright.

Search جوتيريش from the home page, follow a facet, open the seed article and see the term
highlighted and Guterres's statement marked, then open his speaker page — at desktop and
phone widths, with screenshots in test-artifacts/screenshots/ to look at.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"{CHROMIUM} not found: install it with `apt-get install -y chromium` (CI does)",
    ),
]


@pytest.fixture(scope="module", autouse=True)
def allow_orm_beside_playwright():
    """Playwright's sync API runs an event loop in this thread, and Django refuses ORM calls
    from a thread with a running loop. The fixtures' calls are safe here (nothing else runs
    in that loop), so the guard is lifted for this module only: set at import time it would
    leak into other tests' subprocesses (`check --deploy` rejects it)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def browser(allow_orm_beside_playwright):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser, width, height, problems):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="ar")
    page = context.new_page()
    # Any console error (a CSP violation, a missing file, an SVG attribute error) fails the walk.
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return context, page


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def fits_the_width(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def arabic_font_loaded(page):
    return page.evaluate(
        """async () => {
            await document.fonts.ready;
            return [...document.fonts].some(f => f.family.includes("Noto Naskh Arabic") && f.status === "loaded");
        }"""
    )


@pytest.mark.parametrize("width,height,label", [(1280, 900, "desktop-1280"), (360, 740, "phone-360")])
def test_search_facet_article_speaker_walk(browser, live_server, reading_room_index, width, height, label):
    room = reading_room_index
    problems = []
    context, page = open_page(browser, width, height, problems)
    try:
        page.goto(live_server.url + "/")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.locator("html").get_attribute("lang") == "ar"
        assert arabic_font_loaded(page), "the self-hosted Noto Naskh Arabic is used"
        assert fits_the_width(page)
        shoot(page, f"{label}-1-home")

        # 1. Search from the home page's box with the keyboard.
        page.locator("#q").fill("جوتيريش")
        page.locator("#q").press("Enter")
        page.wait_for_url(re.compile(r"/search/\?q=%D8%AC"))
        results = page.locator(".result-title a")
        assert results.count() == 2
        assert page.locator(".snippet mark", has_text="جوتيريش").count() >= 1
        assert page.locator(".timeline-bar").count() == 2
        assert fits_the_width(page)
        shoot(page, f"{label}-2-search")

        # 2. Follow the source facet: the state goes into the URL and shows as active.
        page.locator(".facet a.facet-value", has_text="ذات مصر").click()
        page.wait_for_url(re.compile(r"source=zat-masr"))
        assert page.locator(".facet a.facet-value.active", has_text="ذات مصر").count() == 1
        assert page.locator(".active-filters a", has_text="ذات مصر").count() == 1
        assert page.locator(".result-title a").count() == 1
        assert "q=%D8%AC%D9%88%D8%AA%D9%8A%D8%B1%D9%8A%D8%B4" in page.url

        # 3. Open the seed article: the term is highlighted, the statement marked.
        page.locator(".result-title a", has_text=room.seed.title).click()
        page.wait_for_url(re.compile(r"/articles/seed-000/\?q="))
        highlight = page.locator(".article-body mark", has_text="جوتيريش")
        assert highlight.count() == 1 and highlight.is_visible()
        statement = page.locator(f"#statement-{room.statement.pk}")
        assert statement.is_visible()
        assert statement.inner_text() == '"وقف القتال على الفور"'
        # Keyboard focus on the statement shows who said it.
        statement.focus()
        shown = page.evaluate(
            "el => getComputedStyle(el, '::after').content", statement.element_handle()
        )
        assert "أنطونيو غوتيريش" in shown
        outline = page.evaluate("el => getComputedStyle(el).outlineStyle", statement.element_handle())
        assert outline != "none", "keyboard focus is visible"
        assert fits_the_width(page)
        shoot(page, f"{label}-3-article")

        # 4. Through to Guterres's speaker page.
        page.locator(".article-aside .chips a", has_text="أنطونيو غوتيريش").click()
        page.wait_for_url(re.compile(r"/speakers/antonio-guterres/$"))
        assert page.locator("h1").inner_text() == "أنطونيو غوتيريش"
        assert page.locator(".statement-card").count() == 2
        assert fits_the_width(page)
        shoot(page, f"{label}-4-speaker")

        # 5. The feed and the CSV of the search are one click from the results.
        page.goto(live_server.url + "/search/?q=%D8%AC%D9%88%D8%AA%D9%8A%D8%B1%D9%8A%D8%B4")
        # Progressive enhancement: choosing a sort order submits the form by itself.
        page.locator("select[name=sort]").select_option("newest")
        page.wait_for_url(re.compile(r"sort=newest"))
        assert page.locator(".result-title a").first.inner_text() == room.other.title
        feed_href = page.locator(".tools a", has_text="Atom").get_attribute("href")
        feed = page.request.get(live_server.url + feed_href)
        assert feed.ok and feed.headers["content-type"].startswith("application/atom+xml")
        with page.expect_download() as download:
            page.locator(".tools a", has_text="CSV").click()
        assert download.value.suggested_filename.endswith(".csv")
    finally:
        context.close()
    assert problems == []


def test_error_pages_and_statements_page_render_cleanly(browser, live_server, reading_room_index):
    problems = []
    context, page = open_page(browser, 360, 740, problems)
    try:
        response = page.goto(live_server.url + "/articles/no-such-thing/")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "الصفحة غير موجودة"
        shoot(page, "phone-360-404")
        # The browser logs the 404 status itself as a console error; that one is expected.
        assert all("404" in problem for problem in problems)
        problems.clear()
        page.goto(live_server.url + "/statements/?q=%D8%A7%D9%84%D9%82%D8%AA%D8%A7%D9%84")
        assert page.locator(".statement-card blockquote mark").count() >= 1
        assert fits_the_width(page)
        shoot(page, "phone-360-statements")
    finally:
        context.close()
    assert problems == []
