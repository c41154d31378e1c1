/**
 * Our XML tokenizer (src/cli/xlsx/xml.ts) against saxes, a conformant parser: the same tags, attributes and text
 * on every XML part of every test workbook, fed whole and in pieces cut anywhere, and on the edge cases one by one.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { XmlError, XmlScanner } from "../../src/cli/xlsx/xml";
import { ZipArchive } from "../../src/cli/xlsx/zip";

const FIXTURES = join(process.cwd(), "tests", "fixtures");

/** The events of a document as saxes gives them: `<name a="v">` (attributes sorted, prefixes and xmlns left out), `</name>`, text. */
function saxesEvents(xml: string): string[] {
  const events: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  parser.on("opentag", (node) => {
    const attributes = Object.values(node.attributes)
      .filter((a) => a.prefix !== "xmlns" && a.name !== "xmlns")
      .map((a) => `${a.local}=${JSON.stringify(a.value)}`)
      .sort();
    events.push(`<${node.local} ${attributes.join(" ")}>`);
    depth++;
  });
  parser.on("closetag", (node) => {
    events.push(`</${node.local}>`);
    depth--;
  });
  parser.on("text", (t) => depth > 0 && events.push(t));
  parser.on("cdata", (t) => events.push(t));
  parser.write(xml).close();
  return merged(events);
}

/** The same from our tokenizer, fed in the given pieces. */
function ourEvents(pieces: string[]): string[] {
  const events: string[] = [];
  const scanner = new XmlScanner({
    wantText: true,
    open(name, attributes, empty) {
      events.push(`<${name} ${Object.entries(attributes.all()).map(([k, v]) => `${k}=${JSON.stringify(v)}`).sort().join(" ")}>`);
      if (empty) events.push(`</${name}>`);
    },
    close(name) {
      events.push(`</${name}>`);
    },
    text(t) {
      events.push(t);
    },
  });
  for (const p of pieces) scanner.write(p);
  scanner.end();
  return merged(events);
}

/** Adjacent pieces of text joined, empty text dropped (parsers split text differently). */
function merged(events: string[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const isTag = /^<\/?[^\s>]+( [^>]*)?>$/.test(e) && !e.includes("\n");
    const last = out[out.length - 1];
    if (!isTag && last !== undefined && !/^<\/?[^\s>]+( [^>]*)?>$/.test(last)) out[out.length - 1] = last + e;
    else if (isTag || e !== "") out.push(e);
  }
  return out;
}

/** Every XML part (and relationships part) of every .xlsx under tests/fixtures that is a zip. */
function fixtureParts(): { name: string; xml: string }[] {
  const parts: { name: string; xml: string }[] = [];
  for (const folder of ["xlsx-corpus", "xlsx", "hostile"]) {
    for (const file of readdirSync(join(FIXTURES, folder)).filter((f) => f.endsWith(".xlsx") && f !== "zip-bomb.xlsx")) {
      let archive: ZipArchive;
      try {
        archive = new ZipArchive(readFileSync(join(FIXTURES, folder, file)));
      } catch {
        continue; // not a zip: the hostile files that are text, noise or cut off
      }
      for (const e of archive.entries) {
        if (/\.(xml|rels)$/i.test(e.name)) parts.push({ name: `${file}:${e.name}`, xml: archive.text(e.name)! });
      }
    }
  }
  return parts;
}

describe("the XML tokenizer gives what saxes gives", () => {
  const parts = fixtureParts();

  it("on every XML part of the test workbooks (Excel, LibreOffice, Google Sheets, ExcelJS ...)", () => {
    expect(parts.length).toBeGreaterThan(300);
    let wellFormed = 0;
    for (const { name, xml } of parts) {
      let expected: string[] | null;
      try {
        expected = saxesEvents(xml);
      } catch {
        expected = null;
      }
      if (expected === null) {
        expect(() => ourEvents([xml]), name).toThrow(XmlError);
        continue;
      }
      wellFormed++;
      expect(ourEvents([xml]), name).toEqual(expected);
    }
    expect(wellFormed).toBe(parts.length - 1); // invalid-xml.xlsx's sheet: text outside the root element
  });

  it("fed in pieces cut at arbitrary points, as a streamed sheet arrives", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const { name, xml } of parts.filter((p) => !p.name.startsWith("invalid-xml.xlsx:xl/worksheets"))) {
      const cuts = Array.from({ length: 6 }, () => Math.floor(random() * xml.length)).sort((a, b) => a - b);
      const pieces = [0, ...cuts].map((from, i) => xml.slice(from, [...cuts, xml.length][i]));
      expect(ourEvents(pieces), name).toEqual(ourEvents([xml]));
    }
  });

  const cases: [string, string][] = [
    ["entities and character references", `<a>x &lt; y &amp;&amp; z &gt; 0 &quot;q&quot; &apos;s&apos; &#233;t&#xE9; &#x1F600;</a>`],
    ["entities in attribute values", `<a b="&lt;&amp;&gt;&quot;&#65;&#x42;" c='it&apos;s'/>`],
    ["white space in attribute values: line ends and tabs become spaces, character references stay", `<a b="1\n2\t3\r\n4" c="x&#10;y&#9;z"/>`],
    ["line ends in text: CR LF and CR become LF, a character reference stays CR", `<a>one\r\ntwo\rthree&#13;four</a>`],
    ["xml:space preserve and default keep every space", `<r><t xml:space="preserve">  two  </t><t>  kept too  </t></r>`],
    ["CDATA as it is", `<a><![CDATA[<b>&amp;</b> ]]]></a>`],
    ["comments and processing instructions skipped", `<?xml version="1.0"?>\n<!-- before --><a><!-- a > b --><?pi some > thing?><b/></a><!-- after -->`],
    ["a DOCTYPE with an internal subset skipped", `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "boom"> <!-- ] > -->]><a>x</a>`],
    ["namespace prefixes dropped from names", `<x:worksheet xmlns:x="urn:main" xmlns:r="urn:r"><x:c r="A1" r:id="rId1"><x:v>1</x:v></x:c></x:worksheet>`],
    ["> inside attribute values, single and double quotes", `<a b="1 > 0" c='say "hi"' d = "spaced" />`],
    ["empty elements and elements with nothing inside", `<a><b/><c></c><d /></a>`],
    ["text around elements", `<a>one<b>two</b>three</a>`],
    ["non-ASCII names and text", `<données clé="é">ünïcødé 中文</données>`],
  ];
  for (const [what, xml] of cases) {
    it(what, () => {
      expect(ourEvents([xml])).toEqual(saxesEvents(xml));
      for (let cut = 1; cut < xml.length; cut++) expect(ourEvents([xml.slice(0, cut), xml.slice(cut)]), `cut at ${cut}`).toEqual(saxesEvents(xml));
    });
  }

  const broken: [string, string][] = [
    ["a mismatched end tag", `<a><b></a></b>`],
    ["an element never closed", `<a><b>text</b>`],
    ["text outside the root element", `<?xml version="1.0"?>\nfoo\n<a/>`],
    ["two root elements", `<a/><b/>`],
    ["an attribute without quotes", `<a b=1/>`],
    ["an end tag with no start", `</a>`],
  ];
  for (const [what, xml] of broken) {
    it(`refuses ${what}, as saxes does`, () => {
      expect(() => saxesEvents(xml)).toThrow();
      expect(() => ourEvents([xml])).toThrow(XmlError);
    });
  }
});
