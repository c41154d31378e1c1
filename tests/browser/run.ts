/**
 * Browser tests: the production build of the task pane and the playground, in Debian's Chromium driven by
 * playwright-core, against the strict in-memory Excel host. Prints one line per test and ends with
 * "N passed, N failed". Screenshots go to tests/browser/output/; those README shows are also written to docs/images/.
 *
 *   npm run test:browser                 builds into a temporary folder, serves it on localhost, runs
 *   CHROMIUM_PATH=/path/to/chrome ...    another Chromium
 *   BROWSER_ONLY=regex ...               only the tests whose names match
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
const docsImages = path.join(root, "docs/images");
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

/** A playground page, with every request, console error and announcement to screen readers recorded. */
async function openPlayground(ctx: Context, query = `asOf=${AS_OF}`, options: { width?: number; height?: number; locale?: string } = {}) {
  const context = await ctx.browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 }, locale: options.locale ?? "en-GB" });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("close", () => void context.close());
  await page.goto(`${ctx.origin}/playground.html?${query}`);
  await page.locator("main[aria-busy='false']").waitFor({ timeout: 20_000 });
  // Every text the live region is given, in order
  await page.evaluate(() => {
    const said: string[] = ((window as unknown as { __said: string[] }).__said = []);
    const region = document.querySelector("[data-announcements]")!;
    new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
  });
  return { page, requests, errors, said: () => page.evaluate(() => (window as unknown as { __said: string[] }).__said) };
}

const issuesList = "section[aria-labelledby='issues-heading']";

/** Clicks Validate and waits for the list (groups as the pane first shows them). */
async function validate(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Validate", exact: true }).click();
  await page.getByRole("heading", { name: /^(Issues|Nothing was checked)$/ }).waitFor();
  await page.locator("main[aria-busy='false']").waitFor();
}

/** Validates, then opens every collapsed group and every "Show N more", so all issues are in the list. */
async function validateAll(page: Page): Promise<number> {
  await validate(page);
  for (let i = 0; i < 50; i++) {
    const closed = page.locator(`${issuesList} h3 button[aria-expanded='false']`);
    if ((await closed.count()) === 0) break;
    await closed.first().click();
  }
  for (let i = 0; i < 50; i++) {
    const more = page.getByRole("button", { name: /^Show \d+ more/ });
    if ((await more.count()) === 0) break;
    await more.first().click();
  }
  return page.locator(`${issuesList} li button`).count();
}

/** The group headings as shown (without the severity word said to screen readers only). */
async function groupHeadings(page: Page): Promise<string[]> {
  const texts = await page.locator(`${issuesList} h3`).allTextContents();
  return texts.map((t) => t.replace(/^(Error|Warning|Note): /, ""));
}

/** The counts as the pane shows them ("4 errors" ...), in order. */
async function shownCounts(page: Page): Promise<string[]> {
  return page.locator(`${issuesList} fieldset label`).allInnerTexts();
}

/** Fails when the pane's content is wider than the pane. */
async function checkNoOverflow(page: Page, width: number) {
  const overflow = await page.evaluate(() => {
    const pane = document.querySelector(".pane")!;
    return pane.scrollWidth - pane.clientWidth;
  });
  check(overflow <= 0, `the pane overflows horizontally by ${overflow}px at ${width} px`);
}

/** Writes a screenshot for review, and for README when `docs` is set. */
async function screenshot(target: Page | ReturnType<Page["locator"]>, name: string, docs = false) {
  mkdirSync(output, { recursive: true });
  await target.screenshot({ path: path.join(output, name) });
  if (docs) {
    mkdirSync(docsImages, { recursive: true });
    await target.screenshot({ path: path.join(docsImages, name) });
  }
}

const expected = expectedExample(AS_OF);

test("the status line says what was recognised in the example workbook", async (ctx) => {
  const { page } = await openPlayground(ctx);
  const status = await page.getByRole("status").first().innerText();
  check(/14 units/.test(status) && /5 recommendations/.test(status), `status line was "${status}"`);
  await page.close();
});

test(`Validate lists every issue of the example workbook (${expected.total}), counted as the core counts them`, async (ctx) => {
  const { page, errors } = await openPlayground(ctx);
  const shown = await validateAll(page);
  check(shown === expected.total, `expected ${expected.total} issues, the pane lists ${shown}`);
  const counts = await shownCounts(page);
  const want = [`${expected.counts.error} errors`, `${expected.counts.warning} warnings`, `${expected.counts.info} notes`];
  check(JSON.stringify(counts) === JSON.stringify(want), `counts read ${JSON.stringify(counts)}, expected ${JSON.stringify(want)}`);
  check(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await page.close();
});

test("groups are headed by the rule's plain title, count and cells, errors first, large ones collapsed", async (ctx) => {
  const { page } = await openPlayground(ctx);
  await validate(page);
  const headings = await groupHeadings(page);
  const titles = headings.map((h) => h.split(":")[0]);
  const errorsFirst = ["Accepted without a planned action", "Status not recognised"];
  check(JSON.stringify(titles.slice(0, 2)) === JSON.stringify(errorsFirst), `first groups: ${JSON.stringify(titles)}`);
  check(titles.length === expected.ruleTitles.length && expected.ruleTitles.every((t) => titles.includes(t)), `groups: ${JSON.stringify(titles)}`);
  check(headings.includes("Accepted without a target date: 48 rows, column G"), `headings: ${JSON.stringify(headings)}`);
  check(!headings.some((h) => /[a-z]+-[a-z]+-?/.test(h.split(":")[0])), `a rule id heads a group: ${JSON.stringify(headings)}`);
  const missingDate = page.getByRole("button", { name: /Accepted without a target date: 48 rows/ });
  check((await missingDate.getAttribute("aria-expanded")) === "false", "the 48 missing dates are not collapsed");
  // By recommendation, each group's first issue is its most serious one
  await page.getByRole("combobox", { name: "Group by" }).selectOption("recommendation");
  const rec1 = page.locator(`${issuesList} .fui-AccordionItem`).filter({ has: page.getByRole("heading", { name: /^Recommendation 1:/ }) });
  await rec1.getByRole("button", { name: /^Recommendation 1:/ }).click();
  const first = (await rec1.locator("li button").first().textContent()) ?? "";
  check(first.startsWith("Error: "), `Recommendation 1 starts with "${first}"`);
  await page.close();
});

test("at 320 px the example's whole list of groups fits in two screen heights, with Settings in reach", async (ctx) => {
  const { page } = await openPlayground(ctx, `asOf=${AS_OF}`, { height: 720 });
  await validate(page);
  const layout = await page.evaluate(() => {
    const pane = document.querySelector(".pane") as HTMLElement;
    const headings = [...pane.querySelectorAll("section[aria-labelledby='issues-heading'] h3")];
    const last = headings[headings.length - 1].getBoundingClientRect();
    return { screen: pane.clientHeight, listEnd: last.bottom - pane.getBoundingClientRect().top + pane.scrollTop, groups: headings.length, width: pane.getBoundingClientRect().width };
  });
  console.log(`    ${layout.groups} groups end at ${Math.round(layout.listEnd)} px; the pane is ${layout.screen} px high`);
  check(layout.listEnd <= 2 * layout.screen, `the groups end at ${layout.listEnd}px, beyond two screens (${2 * layout.screen}px)`);
  await screenshot(page.locator(".pane"), "pane-320-issues.png", true);
  // Scrolled to the end of the list, the actions and tabs are still in view
  await page.locator(".pane").evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
  const paneBox = (await page.locator(".pane").boundingBox())!;
  for (const target of [page.getByRole("tab", { name: "Settings" }), page.getByRole("button", { name: "Validate", exact: true })]) {
    const box = await target.boundingBox();
    check(box && box.y >= paneBox.y && box.y + box.height <= paneBox.y + paneBox.height, "the bar scrolled out of view");
  }
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("textbox", { name: "As of" }).waitFor();
  await page.locator(".pane").evaluate((pane) => pane.scrollTo(0, 0));
  await screenshot(page.locator(".pane"), "pane-320-settings.png", true);
  await page.close();
});

test("at 500 px the pane reads well and does not overflow", async (ctx) => {
  const { page } = await openPlayground(ctx, `asOf=${AS_OF}&paneWidth=500`, { height: 720 });
  await validate(page);
  await page.getByRole("button", { name: /Accepted without a planned action/ }).waitFor();
  await screenshot(page.locator(".pane"), "pane-500-issues.png", true);
  await screenshot(page, "playground.png", true);
  await checkNoOverflow(page, 500);
  await page.close();
});

test("clicking an issue selects its cell, Enter on another selects that one, and the view scrolls to it", async (ctx) => {
  const { page } = await openPlayground(ctx, `asOf=${AS_OF}`, { height: 600 });
  await validateAll(page);
  const [first, second, far] = expected.sample;
  await page.locator("li button", { hasText: first.address }).first().click();
  await page.waitForFunction((a) => document.querySelector("[data-testid=selection]")?.textContent === a, first.label);
  const td = page.locator(`table[data-sheet='${first.sheet}'] td[data-cell='${first.cell}']`);
  check(((await td.getAttribute("class")) ?? "").split(" ").includes("selected"), `cell ${first.label} is not highlighted in the workbook view`);
  await page.locator("li button", { hasText: second.address }).first().focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction((a) => document.querySelector("[data-testid=selection]")?.textContent === a, second.label);
  await page.locator("li button", { hasText: far.address }).first().click();
  await page.waitForFunction((a) => document.querySelector("[data-testid=selection]")?.textContent === a, far.label);
  const inView = await page.evaluate((cell) => {
    const td = document.querySelector(`td[data-cell='${cell}']`)!.getBoundingClientRect();
    const view = document.querySelector(".grid-scroll")!.getBoundingClientRect();
    return td.top >= view.top && td.bottom <= view.bottom && td.left >= view.left && td.right <= view.right;
  }, far.cell);
  check(inView, `the selected cell ${far.label} is not scrolled into view`);
  await page.close();
});

test("Validate moves the focus to the results heading and announces the counts", async (ctx) => {
  const { page, said } = await openPlayground(ctx);
  await validate(page);
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  check(focused === "Issues", `focus is on "${focused}"`);
  const { error, warning, info } = expected.counts;
  const want = `Validation done: 53 responses checked as of 30 June 2025, ${error} errors, ${warning} warnings, ${info} notes.`;
  await page.waitForFunction(() => (window as unknown as { __said: string[] }).__said.length > 0);
  const heard = await said();
  check(heard.includes(want), `announced ${JSON.stringify(heard)}`);
  await page.getByRole("button", { name: "Generate summary" }).click();
  await page.getByText(/summary was written/).first().waitFor();
  check((await said()).some((t) => /summary was written to the sheet "Section 0 Summary"/.test(t)), "the summary's outcome was not announced");
  await page.close();
});

test("on a workbook it does not recognise, Validate says nothing was checked and offers the two ways on", async (ctx) => {
  const { page, said, errors } = await openPlayground(ctx, "book=blank");
  await validate(page);
  const heading = page.getByRole("heading", { name: "Nothing was checked" });
  await heading.waitFor();
  check((await page.evaluate(() => document.activeElement?.textContent)) === "Nothing was checked", "the focus is not on the result");
  const text = await page.locator(".pane").innerText();
  check(!/No issues|0 errors/.test(text), `the pane says "${text.match(/No issues[^.]*|0 errors/)?.[0]}"`);
  check((await said()).includes("Nothing was checked: no response matrix was found in this workbook."), `announced ${JSON.stringify(await said())}`);
  await screenshot(page.locator(".pane"), "pane-320-nothing-checked.png", true);
  await page.getByRole("button", { name: "Choose the sheet and columns" }).click();
  check((await page.getByRole("tab", { name: "Settings" }).getAttribute("aria-selected")) === "true", "Settings is not open");
  await page.getByRole("tab", { name: "Issues" }).click();
  await page.getByRole("button", { name: "Create a template" }).click();
  await page.getByRole("checkbox", { name: "Include example responses" }).check();
  await page.getByRole("button", { name: "Create template" }).click();
  await page.getByText(/^Template created/).first().waitFor();
  await page.getByRole("status").filter({ hasText: /14 units/ }).waitFor();
  check(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await page.close();
});

test("a change of settings re-validates, and the summary then counts what the pane shows", async (ctx) => {
  const { page } = await openPlayground(ctx);
  await validate(page);
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("combobox", { name: "Accepted without a target date" }).selectOption("off");
  await page.getByRole("tab", { name: "Issues" }).click();
  const { error, warning, info } = expected.countsWithoutMissingDate;
  const want = [`${error} errors`, `${warning} warnings`, `${info} notes`];
  await page.waitForFunction(
    ([sel, w]) => JSON.stringify([...document.querySelectorAll(`${sel} fieldset label`)].map((l) => (l as HTMLElement).innerText)) === w,
    [issuesList, JSON.stringify(want)] as const,
    { timeout: 10_000 },
  ).catch(async () => check(false, `counts read ${JSON.stringify(await shownCounts(page))}, expected ${JSON.stringify(want)}`));
  check((await page.getByText(/out of date|checking again/).count()) === 0, "the list still says it is out of date");
  await page.getByRole("button", { name: "Generate summary" }).click();
  await page.getByText(/summary was written/).first().waitFor();
  const sheet = "table[data-sheet='Section 0 Summary']";
  await page.locator(sheet).waitFor();
  const cell = (c: string) => page.locator(`${sheet} td[data-cell='${c}']`).innerText();
  const onSheet = [await cell(expected.titleBlock.error), await cell(expected.titleBlock.warning), await cell(expected.titleBlock.info)];
  check(JSON.stringify(onSheet) === JSON.stringify([error, warning, info].map(String)), `the sheet counts ${onSheet}, the pane ${want}`);
  check(JSON.stringify(await shownCounts(page)) === JSON.stringify(want), "the pane's counts changed after the summary");
  await page.close();
});

test("the as-of date is shown and typed as the locale writes dates, and echoed with the month in words", async (ctx) => {
  for (const [locale, shown, echoed, typed, echoedTyped] of [
    ["en-GB", "30/06/2025", "30 June 2025", "31/12/2025", "31 December 2025"],
    ["en-US", "06/30/2025", "June 30, 2025", "12/31/2025", "December 31, 2025"],
  ]) {
    const { page } = await openPlayground(ctx, `asOf=${AS_OF}`, { locale });
    await page.getByRole("tab", { name: "Settings" }).click();
    const field = page.getByRole("textbox", { name: "As of" });
    check((await field.inputValue()) === shown, `${locale}: the field shows "${await field.inputValue()}"`);
    await page.getByText(`Checking as of ${echoed}.`).waitFor();
    await field.fill(typed);
    await field.press("Enter");
    await page.getByText(`Checking as of ${echoedTyped}.`).waitFor();
    await page.close();
  }
});

test("the playground shows dates and percentages in their formats, every column, and logs no error for a refusal", async (ctx) => {
  const { page, errors } = await openPlayground(ctx);
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByRole("radio", { name: "One column per unit" }).check();
  await page.getByRole("button", { name: "Generate summary" }).click();
  await page.getByText(/summary was written/).first().waitFor();
  const sheet = "table[data-sheet='Section 0 Summary']";
  await page.locator(sheet).waitFor();
  const asOf = await page.locator(`${sheet} td[data-cell='${expected.titleBlock.asOf}']`).innerText();
  check(asOf === AS_OF, `the as-of date reads "${asOf}"`);
  const texts = await page.locator(`${sheet} td`).allInnerTexts();
  check(texts.some((t) => /^\d{1,3}%$/.test(t)), "no acceptance rate is shown as a percentage");
  check(!texts.some((t) => /^0\.\d{6,}$/.test(t) || /^4\d{4}$/.test(t)), "raw rates or date serial numbers are shown");
  const columns = await page.locator(`${sheet} thead th[scope='col']`).count();
  check(columns === expected.byUnitWidth, `${columns} columns drawn, the summary by unit has ${expected.byUnitWidth}`);
  // A refusal written for people (the example's sheets exist already) is shown, not logged as an error
  await page.getByRole("tab", { name: "Template" }).click();
  await page.getByRole("button", { name: "Create template" }).click();
  await page.getByText(/already has sheets named/).first().waitFor();
  check(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await page.close();
});

test("Generate summary writes the Section 0 Summary sheet with the expected cells", async (ctx) => {
  const { page } = await openPlayground(ctx);
  await page.getByRole("button", { name: "Generate summary" }).click();
  await page.getByText(/summary was written to the sheet "Section 0 Summary"/).first().waitFor();
  await page.locator("table[data-sheet='Section 0 Summary']").waitFor();
  for (const { cell, text } of expected.summaryCells) {
    const got = await page.locator(`table[data-sheet='Section 0 Summary'] td[data-cell='${cell}']`).innerText();
    check(got === text, `${cell} reads "${got}", expected "${text}"`);
  }
  await page.close();
});

test("the pane has no serious or critical accessibility violations (axe-core), on the issues and in settings", async (ctx) => {
  const { page } = await openPlayground(ctx);
  await validateAll(page);
  await page.addScriptTag({ url: `${ctx.origin}/__axe.js` });
  const audit = () =>
    page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (el: Element, o: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      const r = await axe.run(document.querySelector(".pane")!, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
  const onIssues = await audit();
  await page.getByRole("tab", { name: "Settings" }).click();
  const onSettings = await audit();
  for (const [where, violations] of [["issues", onIssues], ["settings", onSettings]] as const) {
    const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    console.log(`    axe on ${where}: ${violations.length} violation types (${violations.map((v) => `${v.id}:${v.impact}`).join(", ") || "none"})`);
    check(bad.length === 0, `serious or critical on ${where}: ${JSON.stringify(bad)}`);
  }
  await page.close();
});

test("the pane at 320 px does not overflow, with every group open", async (ctx) => {
  const { page } = await openPlayground(ctx);
  await validateAll(page);
  await screenshot(page.locator(".pane"), "pane.png");
  const box = await page.locator(".pane").boundingBox();
  check(box && Math.round(box.width) <= 322, `pane is ${box?.width}px wide`);
  await checkNoOverflow(page, 320);
  await page.close();
});

test("validating and summarising make no request outside the page's own origin", async (ctx) => {
  const { page, requests } = await openPlayground(ctx);
  await validateAll(page);
  await page.getByRole("button", { name: "Generate summary" }).click();
  await page.getByText(/summary was written/).first().waitFor();
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
  await page.getByText(/summary was written/).first().waitFor();
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
    const only = process.env.BROWSER_ONLY ? new RegExp(process.env.BROWSER_ONLY) : null;
    for (const t of tests.filter((t) => !only || only.test(t.name))) {
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
