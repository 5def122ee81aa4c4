// Audits FactCheck's public pages the way the issue asks: Lighthouse with its mobile defaults (a mid-range
// phone on a throttled connection), axe-core in Chromium, and the Nu HTML checker on the served HTML.
// Usage: node audit.mjs BASE_URL  (bench/audit/run starts the site and calls this). Prints a Markdown table;
// exits 1 when a page misses a target (accessibility, best practices and SEO 100, performance 95,
// no axe violation, no Nu error). Search and check pages are noindex on purpose: SEO is reported, not required.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const base = process.argv[2];
const chromePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

// The first advisory of each language's home page, so the audit needs no knowledge of the sample slugs.
async function firstAdvisory(lang) {
  const html = await (await fetch(`${base}/${lang}/`)).text();
  const match = html.match(new RegExp(`href="(/${lang}/advisories/[^"?]+)"`));
  if (!match) throw new Error(`no advisory on /${lang}/`);
  return match[1];
}

const pages = [
  ["Arabic home", "/ar/", true],
  ["Arabic advisory", await firstAdvisory("ar"), true],
  ["Ukrainian advisory", await firstAdvisory("uk"), true],
  ["English advisory", await firstAdvisory("en"), true],
  ["Arabic list", "/ar/advisories?verdict=scam", true],
  ["Arabic search", "/ar/search?q=" + encodeURIComponent("واتساب"), false],
  ["Arabic check", "/ar/check?q=" + encodeURIComponent("+44 7700 900517"), false],
];

async function runLighthouse(url) {
  // Lighthouse drives its own Chromium through chrome-launcher.
  const { launch } = require("chrome-launcher");
  const chrome = await launch({ chromePath, chromeFlags: flags });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
    const categories = result.lhr.categories;
    const score = key => Math.round(categories[key].score * 100);
    const failing = Object.values(result.lhr.audits)
      .filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map(a => a.id);
    return { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"),
      seo: score("seo"), lcp: result.lhr.audits["largest-contentful-paint"].displayValue, failing };
  } finally {
    await chrome.kill();
  }
}

async function runAxe(url) {
  const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const b = await chromium.launch({ executablePath: chromePath, args: flags });
  try {
    const results = [];
    for (const width of [390, 1280]) {
      // axe is injected into the page; the site's CSP (script-src 'self') would refuse it.
      const page = await b.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      await page.goto(url, { waitUntil: "networkidle" });
      await page.addScriptTag({ content: axeSource });
      const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations
        .map(v => `${v.id} (${v.nodes.length})`));
      results.push(...found.map(v => `${width}px: ${v}`));
      await page.close();
    }
    return results;
  } finally {
    await b.close();
  }
}

function runNu(files) {
  const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
  let output;
  try {
    output = execFileSync("java", ["-jar", jar, "--format", "json", "--errors-only", ...files], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    output = e.stderr || e.stdout; // vnu exits 1 when it found errors and writes JSON to stderr
  }
  const messages = JSON.parse(output || "{\"messages\":[]}").messages;
  return files.map(file => messages.filter(m => m.url?.endsWith(file.split("/").pop())).map(m => `${m.lastLine}: ${m.message}`));
}

const folder = mkdtempSync(join(tmpdir(), "factcheck-audit-"));
const rows = [];
let failed = false;
const files = [];
for (const [name, path] of pages) {
  const file = join(folder, name.replace(/\W+/g, "-") + ".html");
  writeFileSync(file, await (await fetch(base + path)).text());
  files.push(file);
}
const nu = runNu(files);
for (const [i, [name, path, indexable]] of pages.entries()) {
  const url = base + path;
  const lh = await runLighthouse(url);
  const axe = await runAxe(url);
  const misses = [];
  if (lh.accessibility < 100) misses.push("accessibility");
  if (lh.bestPractices < 100) misses.push("best practices");
  if (indexable && lh.seo < 100) misses.push("SEO");
  if (lh.performance < 95) misses.push("performance");
  if (axe.length > 0) misses.push("axe");
  if (nu[i].length > 0) misses.push("Nu");
  failed ||= misses.length > 0;
  rows.push(`| ${name} | ${lh.performance} | ${lh.lcp} | ${lh.accessibility} | ${lh.bestPractices} | ${lh.seo}${indexable ? "" : " (noindex)"} | ${axe.length} | ${nu[i].length} | ${[...lh.failing, ...axe, ...nu[i]].join("; ") || "—"} |`);
  process.stderr.write(`${name} done\n`);
}
console.log("| Page | Performance | LCP | Accessibility | Best practices | SEO | axe violations | Nu errors | Failing audits |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
process.exit(failed ? 1 : 0);
