/**
 * Browser tests: the production build of the task pane and the playground, in Debian's Chromium driven by
 * playwright-core, against the strict in-memory Excel host. Prints one line per test and ends with
 * "N passed, N failed". Screenshots go to tests/browser/output/.
 *
 *   npm run test:browser                 builds into a temporary folder, serves it on localhost, runs
 *   CHROMIUM_PATH=/path/to/chrome ...    another Chromium
 */

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Linter } from "eslint";
import { chromium, type Browser, type Page } from "playwright-core";
import { expectedExample } from "./expected";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const output = path.join(root, "tests/browser/output");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const AS_OF = "2025-06-30";

const CHROMIUM_FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (p && existsSync(p)) return p;
  throw new Error("No Chromium found: install Debian's chromium package or set CHROMIUM_PATH.");
}

function build(dir: string): void {
  const r = spawnSync("npx", ["webpack", "--mode", "production", "--env", "playground", "--output-path", dir], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("The playground build failed.");
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".png": "image/png", ".xml": "application/xml", ".txt": "text/plain" };

/** Serves the build, plus axe-core under /__axe.js so it loads from 'self' under the page's CSP. */
function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = url.pathname === "/__axe.js" ? path.join(root, "node_modules/axe-core/axe.min.js") : path.join(dir, path.normalize(url.pathname).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) && url.pathname !== "/__axe.js") return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve) => server.listen(0, "localhost", () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    resolve({ server, origin: `http://localhost:${port}` });
  }));
}

interface Context {
  browser: Browser;
  origin: string;
}

type Test = { name: string; run: (ctx: Context) => Promise<void> };
const tests: Test[] = [];
const test = (name: string, run: Test["run"]) => tests.push({ name, run });

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** A playground page, with every request and console error recorded. */
async function openPlayground(ctx: Context, query = `asOf=${AS_OF}`) {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${ctx.origin}/playground.html?${query}`);
  await page.getByRole("status").filter({ hasText: /Found|No response matrix/ }).waitFor({ timeout: 20_000 });
  return { page, requests, errors };
}

async function validateAll(page: Page): Promise<number> {
  await page.getByRole("button", { name: "Validate", exact: true }).click();
  await page.getByRole("heading", { name: "Issues" }).waitFor();
  // open every "Show N more" so all issues are in the list
  for (let i = 0; i < 50; i++) {
    const more = page.getByRole("button", { name: /^Show \d+ more/ });
    if ((await more.count()) === 0) break;
    await more.first().click();
  }
  return page.locator("section[aria-labelledby='issues-heading'] li button").count();
}

const expected = expectedExample(AS_OF);

test("the status line says what was recognised in the example workbook", async (ctx) => {
  const { page } = await openPlayground(ctx);
  const status = await page.getByRole("status").first().innerText();
  check(/14 units/.test(status) && /5 recommendations/.test(status), `status line was "${status}"`);
  await page.close();
});

test(`Validate lists every issue of the example workbook (${expected.total})`, async (ctx) => {
  const { page, errors } = await openPlayground(ctx);
  const shown = await validateAll(page);
  check(shown === expected.total, `expected ${expected.total} issues, the pane lists ${shown}`);
  const counts = await page.locator("section[aria-labelledby='issues-heading'] p").first().innerText();
  check(counts.includes(`${expected.counts.error} error`) && counts.includes(`${expected.counts.warning} warning`), `counts read "${counts}"`);
  check(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await page.close();
});

test("clicking an issue selects its cell, and Enter on another selects that one", async (ctx) => {
  const { page } = await openPlayground(ctx);
  await validateAll(page);
  const first = expected.sample[0];
  await page.locator("li button", { hasText: first.address }).first().click();
  await page.waitForFunction((a) => document.querySelector("[data-testid=selection]")?.textContent === a, first.label);
  const td = page.locator(`table[data-sheet='${first.sheet}'] td[data-cell='${first.cell}']`);
  check((await td.getAttribute("class")) === "selected", `cell ${first.label} is not highlighted in the workbook view`);
  const second = expected.sample[1];
  await page.locator("li button", { hasText: second.address }).first().focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction((a) => document.querySelector("[data-testid=selection]")?.textContent === a, second.label);
  await page.close();
});

test("Generate summary writes the Section 0 Summary sheet with the expected cells", async (ctx) => {
  const { page } = await openPlayground(ctx);
  await page.getByRole("button", { name: "Generate summary" }).click();
  await page.getByText(/summary was written to the sheet "Section 0 Summary"/).waitFor();
  await page.locator("table[data-sheet='Section 0 Summary']").waitFor();
  for (const { cell, text } of expected.summaryCells) {
    const got = await page.locator(`table[data-sheet='Section 0 Summary'] td[data-cell='${cell}']`).innerText();
    check(got === text, `${cell} reads "${got}", expected "${text}"`);
  }
  await page.close();
});

test("the pane has no serious or critical accessibility violations (axe-core)", async (ctx) => {
  const { page } = await openPlayground(ctx);
  await validateAll(page);
  await page.getByRole("button", { name: "Settings" }).click();
  await page.addScriptTag({ url: `${ctx.origin}/__axe.js` });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (el: Element, o: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run(document.querySelector(".pane")!, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  console.log(`    axe: ${violations.length} violation types (${violations.map((v) => `${v.id}:${v.impact}`).join(", ") || "none"})`);
  check(bad.length === 0, `serious or critical: ${JSON.stringify(bad)}`);
  await page.close();
});

test("a screenshot of the pane at 320 px is written for review", async (ctx) => {
  const { page } = await openPlayground(ctx);
  await validateAll(page);
  mkdirSync(output, { recursive: true });
  await page.locator(".pane").screenshot({ path: path.join(output, "pane.png") });
  await page.screenshot({ path: path.join(output, "playground.png"), fullPage: false });
  const box = await page.locator(".pane").boundingBox();
  check(box && Math.round(box.width) <= 322, `pane is ${box?.width}px wide`);
  const overflow = await page.evaluate(() => {
    const pane = document.querySelector(".pane")!;
    return pane.scrollWidth - pane.clientWidth;
  });
  check(overflow <= 0, `the pane overflows horizontally by ${overflow}px at 320 px`);
  await page.close();
});

test("validating and summarising make no request outside the page's own origin", async (ctx) => {
  const { page, requests } = await openPlayground(ctx);
  await validateAll(page);
  await page.getByRole("button", { name: "Generate summary" }).click();
  await page.getByText(/summary was written/).waitFor();
  const foreign = requests.filter((u) => !u.startsWith(ctx.origin) && !u.startsWith("data:"));
  check(foreign.length === 0, `requests to: ${foreign.join(", ")}`);
  await page.close();
});

/** The production task pane page, with office.js served from its local copy (the CDN is unreachable here), and every request and CSP violation recorded. */
async function openTaskpane(ctx: Context, before?: (page: Page) => Promise<unknown>) {
  const page = await ctx.browser.newPage();
  const requests: string[] = [];
  const cspErrors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => /Content Security Policy/i.test(m.text()) && cspErrors.push(m.text()));
  const cdnCopy = path.join(root, "node_modules/@microsoft/office-js/dist");
  await page.route(/^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/.+/, (route) => {
    const file = path.join(cdnCopy, path.normalize(new URL(route.request().url()).pathname.replace("/lib/1/hosted/", "")));
    if (!file.startsWith(cdnCopy) || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ contentType: TYPES[path.extname(file)] ?? "text/plain", body: readFileSync(file) });
  });
  await before?.(page);
  await page.goto(`${ctx.origin}/taskpane.html`);
  return { page, requests, cspErrors };
}

const OLD_ENGINE = "This version of Office uses an old browser engine that Response Matrix does not support; update Office or use Excel on the web.";

test("the production task pane page loads office.js from the CDN URL and nothing else from outside", async (ctx) => {
  const { page, requests, cspErrors } = await openTaskpane(ctx);
  // Outside Excel, office.js reports no host and the pane says where it runs.
  await page.getByText(/runs inside Excel/).waitFor({ timeout: 20_000 });
  check((await page.getByText(OLD_ENGINE).count()) === 0, "a modern engine was told its engine is too old");
  const foreign = requests.filter((u) => !u.startsWith(ctx.origin) && !u.startsWith("data:"));
  check(foreign.every((u) => u.startsWith("https://appsforoffice.microsoft.com/")), `requests to: ${foreign.join(", ")}`);
  check(foreign.includes(OFFICE_JS), "office.js was not requested from the CDN");
  check(cspErrors.length === 0, `CSP violations: ${cspErrors.join(" | ")}`);
  await page.close();
});

test("when the pane's bundle cannot run (an old browser engine), the page says so instead of loading for ever", async (ctx) => {
  // The script that says so is served as ES5, which every engine parses.
  const script = await (await fetch(`${ctx.origin}/old-browser.js`)).text();
  const fatal = new Linter().verify(script, { languageOptions: { ecmaVersion: 5, sourceType: "script" } }).filter((m) => m.fatal);
  check(script.includes("old browser engine") && fatal.length === 0, `old-browser.js is not ES5: ${fatal.map((m) => m.message).join("; ")}`);
  // What an engine that does not know the bundle's syntax meets: a SyntaxError in the bundle.
  const { page, cspErrors } = await openTaskpane(ctx, (p) =>
    p.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.fulfill({ contentType: "text/javascript", body: "export default class Pane { static { } }" })),
  );
  await page.getByRole("alert").filter({ hasText: OLD_ENGINE }).waitFor({ timeout: 20_000 });
  check((await page.getByText("Loading Response Matrix").count()) === 0, "the loading line is still there");
  check(cspErrors.length === 0, `CSP violations: ${cspErrors.join(" | ")}`);
  await page.close();
});

test("markup in cells is shown as text in the pane and the workbook view, and nothing in it runs", async (ctx) => {
  const { page, errors } = await openPlayground(ctx, `asOf=${AS_OF}&book=hostile`);
  await validateAll(page);
  await page.getByRole("button", { name: "Generate summary" }).click();
  await page.getByText(/summary was written/).waitFor();
  const report = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: boolean }).__pwned === true,
    paneImgs: document.querySelectorAll(".pane img, .workbook img").length,
    scripts: [...document.querySelectorAll("script")].filter((s) => !s.src).length,
    handlers: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length,
    links: [...document.querySelectorAll("a[href^='javascript']")].length,
    paneText: document.querySelector(".pane")?.textContent ?? "",
  }));
  check(!report.pwned, "a script from a cell ran");
  check(report.paneImgs === 0 && report.scripts === 0 && report.handlers === 0 && report.links === 0, `elements made from cell markup: ${JSON.stringify(report)}`);
  check(report.paneText.includes('Acepted'), "the unknown acceptance from the hostile cell is not listed");
  check(!report.paneText.includes("<img"), "the pane shows raw tags instead of stripping them");
  check(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await page.close();
});

async function main() {
  let passed = 0;
  let failed = 0;
  const dir = process.env.BROWSER_DIST ?? mkdtempSync(path.join(tmpdir(), "response-matrix-browser-"));
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    if (!process.env.BROWSER_DIST) build(dir);
    const served = await serve(dir);
    server = served.server;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
    const userTimeout = 60_000;
    for (const t of tests) {
      const started = Date.now();
      try {
        await Promise.race([
          t.run({ browser, origin: served.origin }),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${userTimeout / 1000} s`)), userTimeout)),
        ]);
        passed++;
        console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${t.name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      }
    }
  } catch (error) {
    failed += tests.length - passed - failed || 1;
    console.log(`  ✗ browser tests could not run: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser?.close();
    server?.close();
    if (!process.env.BROWSER_DIST) rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

void main();
