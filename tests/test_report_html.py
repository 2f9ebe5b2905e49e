"""`yjsgk check --format html`: one self-contained file with every finding and its evidence.

On the bundled example (text: marked rows) and on two real PDFs (page crops with boxes); a
headless Chromium (Debian's, through Playwright's executable_path) opens the file, with no
network, and shows the findings.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import CHROMIUM, EXAMPLES, SHARED, launch_chromium
from yjsgk.cli import main
from yjsgk.pipeline import load
from yjsgk.report.evidence import DOCUMENT_LEVEL, MAX_CROPS, EvidenceSource

EXAMPLE = EXAMPLES / "sample_final_accounts.txt"
SOCIAL_WORK = SHARED / "samples/GovBudgetChecker/samples/bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
PROCURATORATE = SHARED / "samples/open-budget/江苏省人民检察院/2017年省检察院部门预算.pdf"


def _report(tmp_path: Path, *paths: Path) -> tuple[Path, object]:
    out = tmp_path / "report.html"
    code = main(["check", *map(str, paths), "--format", "html", "-o", str(out)])
    assert code in (0, 1)
    return out, lxml_html.fromstring(out.read_text(encoding="utf-8"))


def _check_every_finding_shown(tree, path: Path) -> int:
    """Every finding of `path` is in the report, once, with its evidence; returns the images."""
    _, findings = load(path)
    assert findings
    articles = {a.get("data-fingerprint"): a for a in tree.xpath("//article[contains(@class, 'finding')]")}
    images = 0
    with EvidenceSource(path) as source:
        for f in findings:
            article = articles[f.fingerprint]
            assert article.get("data-severity") == f.severity and article.get("data-rule") == f.rule
            assert f.message in article.text_content()
            # the rule's explanation is embedded, and linked
            (link,) = article.xpath(".//a[@class='rule']")
            assert link.get("href") == f"#rule-{f.rule}"
            assert tree.xpath(f"//*[@id='rule-{f.rule}']//pre")
            evidence = source.evidence(f)
            imgs = article.xpath(".//figure[@class='crop']//img")
            if path.suffix == ".pdf" and evidence.located:
                pages = {loc.page for loc in [f.location, *f.related] if loc is not None and loc.bbox}
                assert len(imgs) == min(len(pages), MAX_CROPS) >= 1, f.rule
                assert all(i.get("src").startswith("data:image/png;base64,") for i in imgs)
                # the red box of the finding's own place is drawn over its page
                assert article.xpath(".//svg//rect[contains(@class, 'box-finding')]"), f.rule
            elif evidence.located:  # text formats: the rows, marked
                assert not imgs
                assert article.xpath(".//table[@class='lines']//*[contains(@class, 'mark-finding')]"), f.rule
            else:
                assert DOCUMENT_LEVEL in article.text_content()
            images += len(imgs)
    return images


def test_html_report_of_the_example_shows_every_finding_with_its_rows(tmp_path):
    out, tree = _report(tmp_path, EXAMPLE)
    _check_every_finding_shown(tree, EXAMPLE)
    text = tree.text_content()
    # the summary: kind, department, year, unit, counts, tables recognized
    for expected in ("部门决算", "示范市数据资源管理局", "2023", "万元", "识别出的表格 9 张"):
        assert expected in text
    # sum.hierarchy of 03 20103: its own cell red, the three 项 rows' cells blue
    article = next(
        a for a in tree.xpath("//article[@data-rule='sum.hierarchy']") if "20103 政府办公厅" in a.text_content()
    )
    marked = [(td.get("class"), td.text_content()) for td in article.xpath(".//td[@class]")]
    assert ("mark-finding", "1083.70") in marked
    assert [v for c, v in marked if c == "mark-related"] == ["612.48", "160.36", "322.86"]
    # self-contained: nothing loaded from anywhere
    assert not tree.xpath("//link | //script[@src] | //img[not(starts-with(@src, 'data:'))] | //iframe")


def test_html_report_of_two_pdfs_has_one_crop_per_page_involved(tmp_path):
    out, tree = _report(tmp_path, SOCIAL_WORK, PROCURATORATE)
    assert len(tree.xpath("//section[@class='document']")) == 2
    images = _check_every_finding_shown(tree, SOCIAL_WORK) + _check_every_finding_shown(tree, PROCURATORATE)
    assert images == len(tree.xpath("//figure[@class='crop']//img")) >= 8
    # cross.table of 社会工作部: 05's 基本支出 (page 12, red, "105.58") and 06's two totals (page 13, blue)
    (article,) = tree.xpath("//article[@data-rule='cross.table']")
    assert [c.text_content() for c in article.xpath(".//figcaption")] == [
        "第12页 · 红框 105.58",
        "第13页 · 蓝框 95.36、10.23",
    ]
    labels = [t.text_content() for t in article.xpath(".//svg//text")]
    assert sorted(labels) == ["10.23", "105.58", "95.36"]
    assert out.stat().st_size < 1_000_000


def test_document_text_is_escaped(tmp_path):
    """Document text is untrusted: a row name with markup (quoted by sum.hierarchy, shown in the
    marked rows) is shown as text."""
    hostile = "政府办公厅（室）及相关机构事务<img src=x onerror=alert(1)>"
    text = EXAMPLE.read_text(encoding="utf-8").replace("政府办公厅（室）及相关机构事务", hostile)
    path = tmp_path / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    out, tree = _report(tmp_path, path)
    raw = out.read_text(encoding="utf-8")
    assert "<img src=x" not in raw and "&lt;img src=x onerror=alert(1)&gt;" in raw
    assert not tree.xpath("//img[@src='x']")
    article = next(a for a in tree.xpath("//article[@data-rule='sum.hierarchy']") if "20103" in a.text_content())
    assert hostile in article.xpath(".//p[@class='message']")[0].text_content()
    assert hostile in [td.text_content() for td in article.xpath(".//table[@class='lines']//td")]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (.ci/run installs it)")
def test_chromium_shows_the_report_without_network_or_errors(tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    out, tree = _report(tmp_path, SOCIAL_WORK, PROCURATORATE)
    total = len(tree.xpath("//article[contains(@class, 'finding')]"))
    with playwright.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            errors: list[str] = []
            requests: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(out.as_uri())
            page.wait_for_load_state("load")
            shot = tmp_path / "report.png"
            page.screenshot(path=str(shot), full_page=False)
            assert shot.stat().st_size > 10_000
            findings = page.locator("article.finding")
            assert findings.count() == total
            assert page.locator("#shown-count").inner_text() == f"显示 {total} 条"
            first = findings.first
            first.scroll_into_view_if_needed()
            assert first.is_visible()
            # its page crop is decoded and drawn, with the boxes over it
            image = first.locator("figure.crop img").first
            image.scroll_into_view_if_needed()
            page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
            assert image.bounding_box()["width"] > 500
            assert first.locator("svg rect.box-finding").count() >= 1
            # filters: notices off leaves the errors and warnings; one rule leaves that rule
            errors_shown = page.locator(
                "article.finding[data-severity=error], article.finding[data-severity=warning]"
            ).count()
            page.uncheck("input[name=severity][value=notice]")
            assert page.locator("article.finding:visible").count() == errors_shown
            page.check("input[name=severity][value=notice]")
            page.select_option("#rule-filter", "cross.table")
            assert page.locator("article.finding:visible").count() == 1
            assert page.locator("article.finding:visible").get_attribute("data-rule") == "cross.table"
            # the rule link leads to its explanation inside the file
            page.locator("article.finding:visible a.rule").click()
            assert page.locator("#rule-cross\\.table").is_visible()
        finally:
            browser.close()
    assert errors == []
    assert requests == [out.as_uri()]  # the file itself, nothing else
