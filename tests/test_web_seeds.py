"""The web view on the seeds' store: the analyst's path through the two seed articles."""

from __future__ import annotations

from typing import Iterator

import pytest

from conftest import ingested_site, open_view, shared_path


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from ingested_site(tmp_path_factory, shared_path("seeds"), "seeds")


def test_timeline_has_the_deployment_storyline_from_both_seeds(browser: object, seeds_site: str) -> None:
    page = open_view(browser, seeds_site + "/#/timeline")
    storylines: dict[str, list[tuple[str, str]]] = {}
    for item in page.locator(".vis-item span.event").all():
        if "MOBILIZE/deploy" in item.inner_text():
            storylines.setdefault(item.get_attribute("data-storyline") or "", []).append(
                (item.get_attribute("data-date") or "", item.get_attribute("data-docs") or ""))
    both = [steps for steps in storylines.values()
            if any("000_4b6b8be258251114" in d for _, d in steps) and any("003_fba5388a89c07daf" in d for _, d in steps)]
    assert both, storylines
    assert len({date for date, _ in both[0]}) >= 4, both[0]


def test_an_event_opens_its_evidence(browser: object, seeds_site: str) -> None:
    page = open_view(browser, seeds_site + "/#/timeline")
    page.locator(".vis-item", has_text="MOBILIZE/deploy").first.click()
    evidence = page.locator("#evidence-panel .evidence").first
    evidence.wait_for()
    text = evidence.inner_text().lower()
    assert "stationier" in text or "verleg" in text
    evidence.locator("a.context").click()
    page.wait_for_selector("#evidence-panel mark")
    assert page.locator("#evidence-panel mark").first.inner_text().strip()


def test_lukaschenko_page_has_his_quotes_from_both_articles(browser: object, seeds_site: str) -> None:
    page = open_view(browser, seeds_site + "/#/actor/Lukaschenko")
    metas = page.locator("#actor-quotes .quote .meta").all_inner_texts()
    assert any("000_4b6b8be258251114" in m for m in metas) and any("003_fba5388a89c07daf" in m for m in metas)


def test_comparison_shows_belarus_and_weissrussland(browser: object, seeds_site: str) -> None:
    page = open_view(browser, seeds_site + "/#/compare")
    rows = page.locator("#compare-names tr").all_inner_texts()
    assert any("000_4b6b8be258251114" in r and "Belarus" in r for r in rows)
    assert any("003_fba5388a89c07daf" in r and "Weißrussland" in r for r in rows)


