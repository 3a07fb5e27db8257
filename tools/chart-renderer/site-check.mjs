// Checks the built book site in headless chromium, as a reader's browser sees it (run by the notebook tool's site
// check; see tools/WeightInit.Notebooks/Site/SiteCheck.cs). Input (argv[2]): a JSON file
//   { "base": "http://127.0.0.1:PORT/", "chromium": "/usr/bin/chromium", "search": "LSUV",
//     "pages": [ { "path": "notebooks/01-x.html", "charts": 5 }, ... ] }
// Output (stdout): one JSON object with, per page, the console errors, the charts drawn, the sliders moved and
// the formulas typeset; the internal links that do not resolve; and what the search box found.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const browser = await chromium.launch({
  executablePath: input.chromium,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const result = { pages: [], links: { checked: 0, broken: [] }, search: null };
const links = new Set();
const origin = new URL(input.base).origin;

async function checkPage(path, expectedCharts) {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`script: ${e.message}`));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  const url = new URL(path, input.base).href;
  const report = { path, errors, charts: expectedCharts, chartsDrawn: 0, sliders: 0, slidersMoved: 0, math: 0,
    mathTypeset: 0 };
  try {
    const response = await page.goto(url, { waitUntil: "networkidle", timeout: 60000 });
    if (!response || response.status() >= 400) errors.push(`HTTP ${response?.status()} for ${url}`);
    // Formulas: DocFX marks them class="math"; MathJax renders each into an mjx-container inside it.
    const mathCount = () => page.evaluate(() => {
      const all = [...document.querySelectorAll(".math")];
      return [all.length, all.filter((m) => m.querySelector("mjx-container")).length];
    });
    if ((await mathCount())[0] > 0)
      await page.waitForFunction(() => [...document.querySelectorAll(".math")]
        .every((m) => m.querySelector("mjx-container")), null, { timeout: 90000 }).catch(() => {});
    [report.math, report.mathTypeset] = await mathCount();
    // TeX left as text: a formula DocFX did not recognize shows its dollars and backslashes to the reader.
    report.rawTex = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector("article") || document.body, NodeFilter.SHOW_TEXT);
      const found = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement.closest("pre, code, script, style, mjx-container, .js-plotly-plot")) continue;
        const m = n.textContent.match(/\$[^$\s][^$]*\$|\\(frac|sqrt|sigma|mathrm|mathcal|chi|xi)\b/);
        if (m) found.push(m[0].slice(0, 60));
      }
      return found.slice(0, 5);
    });
    for (const tex of report.rawTex) errors.push(`TeX left as text: ${tex}`);
    // Charts: every div.chart drawn by plotly.js (it adds an svg.main-svg).
    report.chartsDrawn = await page.locator("div.chart .main-svg").first().waitFor({ timeout: 30000 })
      .then(() => page.evaluate(() => [...document.querySelectorAll("div.chart")]
        .filter((d) => d.querySelector(".main-svg")).length))
      .catch(() => 0);
    // Sliders: a click on the far end of each slider's rail must change which traces are drawn.
    const sliders = await page.evaluate(() => [...document.querySelectorAll("div.chart")]
      .filter((d) => d.layout && d.layout.sliders && d.layout.sliders.length > 0).map((d) => d.id));
    report.sliders = sliders.length;
    for (const id of sliders) {
      const visible = () => page.evaluate((i) => JSON.stringify(document.getElementById(i)._fullData
        .map((t) => t.visible)), id);
      const before = await visible();
      const rail = page.locator(`[id="${id}"] .slider-rail-touch-rect`).first(); // ids may start with a digit
      await rail.scrollIntoViewIfNeeded();
      const box = await rail.boundingBox();
      // The rightmost point of the rail the reader can reach (not scrolled away or under the page's side bar).
      const point = box && await page.evaluate(([i, b]) => [0.97, 0.8, 0.6, 0.4]
        .map((f) => [b.x + b.width * f, b.y + b.height / 2])
        .find(([x, y]) => document.getElementById(i).contains(document.elementFromPoint(x, y))), [id, box]);
      if (point) await page.mouse.click(point[0], point[1]);
      // A restyle of a large figure can take a while on a loaded machine: wait up to 10 s for the change.
      const moved = await page.waitForFunction(([i, b]) => JSON.stringify(document.getElementById(i)._fullData
        .map((t) => t.visible)) !== b, [id, before], { timeout: 10000 }).then(() => true).catch(() => false);
      if (moved) report.slidersMoved++;
    }
    for (const href of await page.evaluate(() => [...document.querySelectorAll("a[href]")].map((a) => a.href))) {
      const target = new URL(href);
      if (target.origin === origin) { target.hash = ""; links.add(target.href); }
    }
  } catch (e) {
    errors.push(`load: ${e.message}`);
  }
  await page.close();
  return report;
}

for (const p of input.pages) result.pages.push(await checkPage(p.path, p.charts));

const probe = await context.newPage();
// The status of a link; a connection the loopback server dropped is tried again (three tries), so only a missing
// page or a server that never answers counts as broken.
async function linkStatus(href) {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await probe.request.get(href)).status();
    } catch (e) {
      if (attempt === 3) return `error ${e.message.split("\n")[0]}`;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
for (const href of links) {
  const status = await linkStatus(href);
  result.links.checked++;
  if (typeof status !== "number" || status >= 400) result.links.broken.push(`${href} (${status})`);
}

// Search: DocFX's search box, filled in as a reader types; its results list must link a page.
await probe.goto(new URL("index.html", input.base).href, { waitUntil: "networkidle" });
const box = probe.locator("#search-query");
await box.waitFor({ state: "visible" });
await probe.waitForFunction(() => !document.getElementById("search-query").disabled, null, { timeout: 30000 })
  .catch(() => {});
await box.fill(input.search);
await box.press("Enter");
const hits = await probe.locator("#search-results a[href]").first().waitFor({ timeout: 30000 })
  .then(() => probe.locator("#search-results a[href]").count()).catch(() => 0);
const first = hits > 0 ? await probe.locator("#search-results a[href]").first().getAttribute("href") : null;
result.search = { query: input.search, results: hits, first };
await browser.close();
process.stdout.write(JSON.stringify(result));
