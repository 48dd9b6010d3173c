"""The stories in the browser: a search that folds France 24's two filings into one line,
the same search grouped by story, the story page, and on to an article and its story —
at desktop and phone widths, with screenshots in test-artifacts/screenshots/."""

import re
from urllib.parse import quote

import pytest

from tests.browser.test_reading_room import CHROMIUM, fits_the_width, open_page, shoot
from tests.conftest import BBC_GAZA, FRANCE24_COPY, FRANCE24_ORIGINAL, GAZA_WARNING

# The browser fixture and the ORM guard come from the reading-room walk.
from tests.browser.test_reading_room import allow_orm_beside_playwright, browser  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found: install it with `apt-get install -y chromium`"),
]


@pytest.mark.parametrize("width,height,label", [(1280, 900, "desktop-1280"), (360, 740, "phone-360")])
def test_copies_folded_grouped_by_story_story_page_and_back(browser, live_server, icc, width, height, label):
    gaza, _philippines, _articles = icc
    problems = []
    context, page = open_page(browser, width, height, problems)
    try:
        # 1. France 24's article and its copy in a second section: one line, "also in".
        page.goto(live_server.url + "/search/?q=" + quote("تحذر من ملاحقة كل من يرتكب جرائم حرب"))
        titles = [t.strip() for t in page.locator(".result-title a").all_inner_texts()]
        assert len(titles) == len(set(titles)), "no title twice: the copy is folded"
        also = page.locator(".also-in .copy-link")
        assert also.count() == 1
        href = also.first.get_attribute("href")
        assert href.startswith(f"/articles/{FRANCE24_COPY}/") or href.startswith(f"/articles/{FRANCE24_ORIGINAL}/")
        assert page.locator(".folded-note").is_visible()
        assert fits_the_width(page)
        shoot(page, f"{label}-stories-1-copies-folded")

        # 2. The same search, one line per story.
        page.locator(".tools a", has_text="جمّع حسب القصة").click()
        page.wait_for_url(re.compile(r"/search/stories/\?q="))
        story_line = page.locator(".story-lines .result", has=page.locator(f'a[href="/stories/{gaza.pk}/"]'))
        assert story_line.count() == 1
        assert story_line.locator(".story-outlets li").count() == gaza.source_count >= 3
        assert fits_the_width(page)
        shoot(page, f"{label}-stories-2-grouped")

        # 3. The story page: the outlets on a timeline, who each quoted, what several carried.
        story_line.locator(".result-title a").click()
        page.wait_for_url(re.compile(rf"/stories/{gaza.pk}/$"))
        gaza.refresh_from_db()
        assert page.locator("h1").inner_text() == gaza.title
        assert page.locator(".story-grid tbody tr").count() == gaza.source_count
        assert page.locator(".story-article.is-copy").count() == 1
        assert page.locator(".quote-matrix tbody tr").count() >= 1
        assert page.locator(".echo-group").count() >= 1
        assert page.locator(".echo-group").first.locator(".echo-carriers > li").count() >= 2
        assert fits_the_width(page), "wide tables scroll in their box, not the page"
        shoot(page, f"{label}-stories-3-story")

        # 4. A matrix count opens the quote in its article, which links back to the story.
        page.locator(".quote-matrix tbody tr", has_text="فاتو بنسودا").locator("td a").first.click()
        page.wait_for_url(re.compile(r"/articles/[^/]+/#statement-\d+$"))
        anchor = page.url.rsplit("#", 1)[1]
        assert page.locator(f"#{anchor}").is_visible()
        story_section = page.locator("section", has=page.locator("#story-heading"))
        assert story_section.locator(f'a[href="/stories/{gaza.pk}/"]').count() == 1
        shoot(page, f"{label}-stories-4-article")

        # 5. The copy's own page names the article it repeats.
        page.goto(live_server.url + f"/articles/{FRANCE24_COPY}/")
        copies = page.locator("section", has=page.locator("#copies-heading"))
        assert copies.locator(f'a[href="/articles/{FRANCE24_ORIGINAL}/"]').count() == 1
        others = story_section.locator("a").all_inner_texts()
        assert others, "the same story in other outlets"
        assert fits_the_width(page)
        shoot(page, f"{label}-stories-5-copy")
        for external_id in (GAZA_WARNING, BBC_GAZA):
            assert story_section.locator(f'a[href="/articles/{external_id}/"]').count() == 1
    finally:
        context.close()
    assert problems == []


def test_an_odd_story_id_shows_the_404_page(browser, live_server, icc):
    problems = []
    context, page = open_page(browser, 360, 740, problems)
    try:
        for story_id in ("abc", "-1", "99999999999999999999999"):
            response = page.goto(live_server.url + f"/stories/{story_id}/")
            assert response.status == 404
            assert page.locator("h1").inner_text() == "الصفحة غير موجودة"
    finally:
        context.close()
    assert all("404" in problem for problem in problems)
