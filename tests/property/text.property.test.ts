/** Properties of the small pieces every reader leans on: cell text, comparison keys, vocabulary words, addresses. */

import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { a1, formatAddress, parseA1, parseAddress, quoteSheetName } from "../../src/core/grid";
import { displayText, normalizeKey } from "../../src/core/text";
import { ACCEPTANCES, STATUSES, normalizeAcceptance, normalizeStatus } from "../../src/core/vocabulary";
import { NASTY_TEXT, anyCell } from "./arbitraries";
import { casesLine, holds } from "./cases";

afterAll(() => console.log(casesLine("text and addresses")));

/** SPEC section 4, as written there. */
const ACCEPTANCE_SPELLINGS = [
  "Accepted", "Accept", "Agreed", "Yes", "Y", "Acceptée", "Accepté", "Oui", "Partially accepted", "Partially agreed", "Partly accepted",
  "Accepted in part", "Partiellement acceptée", "Acceptée en partie", "Rejected", "Not accepted", "Disagreed", "No", "N", "Rejetée",
  "Non acceptée", "Non", "No response", "No response received", "Not received", "Pas de réponse", "NA", "N/A", "N A", "n.a.",
  "Not applicable", "Sans objet", "Non applicable",
];
const STATUS_SPELLINGS = [
  "Not started", "Not yet started", "Pending", "Non commencé", "Planned", "Plan", "To be implemented", "Prévu", "Planifié",
  "Under implementation", "In progress", "Ongoing", "Partially implemented", "Started", "En cours", "En cours de mise en œuvre",
  "Implemented", "Completed", "Done", "Closed", "C", "Already in full compliance", "In full compliance", "Mis en œuvre", "Réalisé",
  "Not implemented", "Abandoned", "Withdrawn", "Non mis en œuvre",
];

/** A word as people type it: any case, extra spaces, trailing punctuation, leftover tags. */
const typed = (words: readonly string[]) =>
  fc
    .record({
      word: fc.constantFrom(...words),
      upper: fc.array(fc.boolean(), { maxLength: 40 }),
      before: fc.constantFrom("", " ", "  ", "<b>", "\n"),
      after: fc.constantFrom("", " ", ".", " ?", "!", "</b>", "\u00a0"),
    })
    .map(({ word, upper, before, after }) =>
      before + [...word].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join("") + after,
    );

/** Text made to look like markup: tags, nested tags, stray brackets, with no entities (`&`). */
const markup = fc.oneof(
  fc.string({ unit: fc.constantFrom("<", ">", "/", "b", "p", " ", "x", "!", "\n", "script", "br"), maxLength: 30 }),
  fc.constantFrom(...NASTY_TEXT),
  fc.string({ unit: "grapheme", maxLength: 30 }),
).filter((s) => !s.includes("&"));

describe("cell text", () => {
  it("displayText never throws, and gives folded, trimmed text", () => {
    holds(
      "displayText folds",
      anyCell,
      (v) => {
        const t = displayText(v);
        expect(t).toBe(t.trim());
        expect(t).not.toMatch(/\s\s|[\t\n\r]/);
      },
      1000,
    );
  });

  it("displayText leaves no tag in text without entities, and gives the same text when applied again", () => {
    holds(
      "displayText idempotent",
      markup,
      (s) => {
        const t = displayText(s);
        expect(t).not.toMatch(/<[^<>]*>/);
        expect(displayText(t)).toBe(t);
      },
      1000,
    );
  });

  it("normalizeKey is idempotent and holds only lower-case letters, digits and single spaces", () => {
    holds(
      "normalizeKey idempotent",
      fc.oneof(anyCell, fc.string({ unit: "grapheme" }), typed([...ACCEPTANCE_SPELLINGS, ...STATUS_SPELLINGS])),
      (v) => {
        const k = normalizeKey(v);
        expect(normalizeKey(k)).toBe(k);
        expect(k).toBe(k.trim());
        expect(k).not.toMatch(/\s\s/);
      },
      1000,
    );
  });
});

describe("vocabulary", () => {
  it("every spelling of SPEC section 4, however typed, normalises to a canonical word that normalises to itself", () => {
    holds(
      "acceptance words",
      typed(ACCEPTANCE_SPELLINGS),
      (typedWord) => {
        const once = normalizeAcceptance(typedWord);
        expect(once, typedWord).not.toBeNull();
        expect(ACCEPTANCES).toContain(once);
        expect(normalizeAcceptance(once!)).toBe(once);
      },
      500,
    );
    holds(
      "status words",
      typed(STATUS_SPELLINGS),
      (typedWord) => {
        const once = normalizeStatus(typedWord);
        expect(once, typedWord).not.toBeNull();
        expect(STATUSES).toContain(once);
        expect(normalizeStatus(once!)).toBe(once);
      },
      500,
    );
  });

  it("normalising any cell twice changes nothing", () => {
    holds(
      "normalise twice",
      anyCell,
      (v) => {
        const a = normalizeAcceptance(v);
        if (a !== null) expect(normalizeAcceptance(a)).toBe(a);
        const s = normalizeStatus(v);
        if (s !== null) expect(normalizeStatus(s)).toBe(s);
      },
      1000,
    );
  });
});

describe("addresses", () => {
  /** Sheet names as Excel allows them (1–31 characters, none of `[]:*?/\`, no apostrophe at either end), and then some. */
  const sheetName = fc.oneof(
    fc.constantFrom("Responses", "My sheet", "O'Neil's", "A1", "R1C1", "rc", "Sheet 1", "Réponses", "1st", "a!b", "''x''"),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 31 }),
    fc.string({ unit: fc.constantFrom("'", " ", "!", "A", "1", "é", "_", "."), minLength: 1, maxLength: 12 }),
  );
  const address = fc.record({ sheet: sheetName, row: fc.integer({ min: 0, max: 1_048_575 }), col: fc.integer({ min: 0, max: 16_383 }) });

  it("formatAddress and parseAddress round-trip for any sheet name", () => {
    holds(
      "address round trip",
      address,
      (at) => {
        const text = formatAddress(at);
        expect(parseAddress(text)).toEqual(at);
        // A name that needs quoting is quoted, with its apostrophes doubled.
        if (quoteSheetName(at.sheet) !== at.sheet) expect(text.startsWith(`'${at.sheet.replace(/'/g, "''")}'!`)).toBe(true);
      },
      1000,
    );
  });

  it("a1 and parseA1 round-trip over the whole sheet", () => {
    holds("a1 round trip", address, ({ row, col }) => expect(parseA1(a1(row, col))).toEqual({ row, col }), 1000);
  });
});
