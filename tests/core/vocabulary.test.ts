import { describe, expect, it } from "vitest";
import { normalizeAcceptance, normalizeStatus, readAcceptance, readStatus } from "../../src/core/vocabulary";

describe("acceptance vocabulary", () => {
  it.each([
    ["Accepted", "Accepted"], ["accept", "Accepted"], ["Yes", "Accepted"], ["Y", "Accepted"], ["Oui", "Accepted"], ["Acceptée", "Accepted"],
    ["Partially Accepted", "Partially accepted"], ["Accepted in part", "Partially accepted"], ["Partiellement acceptée", "Partially accepted"],
    ["Acceptée en partie", "Partially accepted"], ["Not accepted", "Rejected"], ["No", "Rejected"], ["Rejetée", "Rejected"], ["Non", "Rejected"],
    ["No response received", "No response"], ["Pas de réponse", "No response"], ["N/A", "Not applicable"], ["N A", "Not applicable"],
    ["n.a.", "Not applicable"], ["Sans objet", "Not applicable"],
  ])("reads %s as %s", (text, expected) => {
    expect(normalizeAcceptance(text)).toBe(expected);
  });

  it("suggests the nearest word for a typo", () => {
    expect(readAcceptance("Acepted")).toEqual({ kind: "unknown", text: "Acepted", suggestion: "Accepted" });
    expect(readAcceptance("Partialy acepted")).toMatchObject({ kind: "unknown", suggestion: "Partially accepted" });
    expect(readAcceptance("We will think about it")).toMatchObject({ kind: "unknown", suggestion: null });
  });

  it("tells a dash and a blank apart from an answer", () => {
    expect(readAcceptance("-")).toEqual({ kind: "dash" });
    expect(readAcceptance("  ")).toEqual({ kind: "blank" });
  });

  it("normalising twice changes nothing", () => {
    for (const w of ["Oui", "Partly accepted", "Disagreed", "Not received", "NA"]) {
      const once = normalizeAcceptance(w)!;
      expect(normalizeAcceptance(once)).toBe(once);
    }
  });
});

describe("status vocabulary", () => {
  it.each([
    ["Under implementation.", "Under implementation"], ["In progress", "Under implementation"], ["En cours", "Under implementation"],
    ["Already in full compliance", "Implemented"], ["Completed", "Implemented"], ["C", "Implemented"], ["Réalisé", "Implemented"],
    ["Pending", "Not started"], ["To be implemented", "Planned"], ["Withdrawn", "Not implemented"],
  ])("reads %s as %s", (text, expected) => {
    expect(normalizeStatus(text)).toBe(expected);
  });

  it("treats No response in a status cell as blank", () => {
    expect(readStatus("No response received")).toEqual({ kind: "blank" });
  });

  it("reads O as open only in a C/O column", () => {
    expect(readStatus("O", { openClosed: true })).toEqual({ kind: "open" });
    expect(readStatus("O").kind).toBe("unknown");
  });

  it("keeps free text as unknown", () => {
    expect(readStatus("When time comes, it will be done")).toMatchObject({ kind: "unknown", suggestion: null });
    expect(readStatus("Implemnted")).toMatchObject({ kind: "unknown", suggestion: "Implemented" });
  });
});
