// @vitest-environment jsdom
// Offline checks of manifest.xml (the online validator is out of reach): structure, ids, URLs, icons, resources.
import { afterEach, describe, expect, it } from "vitest";
import { cleanup } from "@testing-library/react";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

afterEach(cleanup);

const root = (path: string) => join(import.meta.dirname, "..", path);
const source = readFileSync(root("manifest.xml"), "utf8");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const DEV = "https://localhost:3000/";

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, "application/xml");
}

const doc = parse(source);
const app = doc.documentElement;
const children = (el: Element, name?: string) => [...el.children].filter((c) => name === undefined || c.localName === name);
const child = (el: Element, name: string) => {
  const found = children(el, name);
  expect(found, `<${name}> under <${el.localName}>`).toHaveLength(1);
  return found[0];
};
const all = (name: string) => [...doc.getElementsByTagName("*")].filter((e) => e.localName === name);
const xsiType = (el: Element) => el.getAttributeNS(XSI, "type");

/** Every URL the manifest names, from attributes and element text (namespace declarations are not URLs). */
function urls(d: Document): string[] {
  const found: string[] = [];
  for (const el of d.getElementsByTagName("*")) {
    for (const attr of el.attributes) if (!attr.name.startsWith("xmlns") && /^\w+:\/\//.test(attr.value)) found.push(attr.value);
    if (el.children.length === 0 && /^\w+:\/\//.test(el.textContent ?? "")) found.push(el.textContent!.trim());
  }
  return found;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Where the file behind a dev-server URL comes from: assets are copied, pages built from src/taskpane. */
function sourceOf(url: string): string {
  const path = url.slice(DEV.length);
  return path.startsWith("assets/") ? path : `src/taskpane/${path}`;
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    // The check itself can fail: a broken document is reported.
    expect(parse("<OfficeApp><Id></OfficeApp>").getElementsByTagName("parsererror").length).toBeGreaterThan(0);
  });

  it("is an Excel task-pane add-in with the required elements in schema order", () => {
    expect(app.localName).toBe("OfficeApp");
    expect(app.namespaceURI).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(xsiType(app)).toBe("TaskPaneApp");
    expect(children(app).map((c) => c.localName)).toEqual([
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]);
    expect(children(child(app, "Hosts")).map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(child(app, "DisplayName").getAttribute("DefaultValue")).toBe("Response Matrix");
    expect(child(app, "Description").getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
    expect(child(app, "Version").textContent).toMatch(/^\d+(\.\d+){0,3}$/);
  });

  it("has a GUID for its id", () => {
    expect(child(app, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  it("asks for ExcelApi 1.9 and read-write access to the document", () => {
    const sets = child(child(app, "Requirements"), "Sets");
    expect(children(sets).map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([["ExcelApi", "1.9"]]);
    expect(child(app, "Permissions").textContent).toBe("ReadWriteDocument");
  });

  it("points every URL at the dev server over https", () => {
    const found = urls(doc);
    expect(found.length).toBeGreaterThan(8);
    for (const url of found) expect(url === DEV.slice(0, -1) || url.startsWith(DEV), url).toBe(true);
    expect(child(child(app, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue")).toBe(`${DEV}taskpane.html`);
  });

  it("is served on the port npm start waits for (package.json config.dev_server_port)", () => {
    const pkg = JSON.parse(readFileSync(root("package.json"), "utf8")) as { config?: { dev_server_port?: number } };
    expect(`https://localhost:${pkg.config?.dev_server_port}/`).toBe(DEV);
  });

  it("names only files the build serves", () => {
    for (const url of urls(doc).filter((u) => u.startsWith(DEV))) expect(existsSync(root(sourceOf(url))), url).toBe(true);
  });

  it("uses icons whose pixel size is the one declared", () => {
    const declared = (url: string) => Number(/icon-(\d+)\.png$/.exec(url)?.[1]);
    const icons = urls(doc).filter((u) => u.endsWith(".png"));
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const url of icons) {
      const size = declared(url);
      expect(pngSize(root(sourceOf(url)))).toEqual({ width: size, height: size });
    }
    expect(child(app, "IconUrl").getAttribute("DefaultValue")).toBe(`${DEV}assets/icon-32.png`);
    // Each ribbon image of size N refers to an icon of N pixels.
    const images = new Map(all("Image").filter((i) => i.hasAttribute("id")).map((i) => [i.getAttribute("id"), i.getAttribute("DefaultValue")!]));
    for (const use of all("Image").filter((i) => i.hasAttribute("resid"))) {
      expect(declared(images.get(use.getAttribute("resid"))!)).toBe(Number(use.getAttribute("size")));
    }
  });

  it("has a Home-tab button that shows the task pane", () => {
    const overrides = child(app, "VersionOverrides");
    expect(xsiType(overrides)).toBe("VersionOverridesV1_0");
    const host = child(child(overrides, "Hosts"), "Host");
    expect(xsiType(host)).toBe("Workbook");
    const tab = all("OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const control = child(child(tab, "Group"), "Control");
    expect(xsiType(control)).toBe("Button");
    const action = child(control, "Action");
    expect(xsiType(action)).toBe("ShowTaskpane");
  });

  it("defines every resource the ribbon refers to, with the right kind, and no unused one", () => {
    const resources = child(child(app, "VersionOverrides"), "Resources");
    const defined = new Map<string, string>();
    for (const kind of children(resources)) {
      expect(kind.namespaceURI).toBe(BT);
      for (const item of children(kind)) {
        const id = item.getAttribute("id")!;
        expect(id.length, id).toBeLessThanOrEqual(32);
        expect(defined.has(id), `duplicate ${id}`).toBe(false);
        defined.set(id, kind.localName);
        const limit = kind.localName === "ShortStrings" ? 125 : kind.localName === "LongStrings" ? 250 : 2048;
        expect(item.getAttribute("DefaultValue")!.length, id).toBeLessThanOrEqual(limit);
      }
    }
    const expectedKind: Record<string, string> = {
      Image: "Images",
      SourceLocation: "Urls",
      FunctionFile: "Urls",
      Label: "ShortStrings",
      Title: "ShortStrings",
      Description: "LongStrings",
    };
    const used = new Set<string>();
    for (const el of doc.querySelectorAll("[resid]")) {
      const id = el.getAttribute("resid")!;
      used.add(id);
      expect(defined.get(id), `${el.localName} resid="${id}"`).toBe(expectedKind[el.localName]);
    }
    expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
  });
});

describe("production manifest", () => {
  it("moves every URL to ADDIN_URL, and refuses a plain http address", async () => {
    const { rewriteManifest } = await import("../webpack.config.js");
    const moved = rewriteManifest(source, "https://addins.example.org/response-matrix");
    const found = urls(parse(moved));
    expect(found).toHaveLength(urls(doc).length);
    for (const url of found) {
      expect(url === "https://addins.example.org" || url.startsWith("https://addins.example.org/response-matrix/"), url).toBe(true);
    }
    expect(moved).toContain('<SourceLocation DefaultValue="https://addins.example.org/response-matrix/taskpane.html"/>');
    expect(() => rewriteManifest(source, "http://addins.example.org/")).toThrow(/https/);
  });
});
