import { describe, expect, it } from "vitest";
import { headerPeriod, headerRole } from "../../src/core/headers";

describe("header roles", () => {
  it.each([
    ["No.", "number"], ["Rec. no.", "number"], ["#", "number"], ["N°", "number"], ["Recommandation n°", "number"],
    ["Recommendation", "recommendation"], ["Texte", "recommendation"],
    ["Programme Unit", "unit"], ["Division/Unit", "unit"], ["Entité", "unit"],
    ["Addressed to", "addressedTo"], ["Responsible units", "addressedTo"], ["Destinataires", "addressedTo"],
    ["Accepted Partially Accepted Rejected", "acceptance"], ["Accepted? (Yes/No)", "acceptance"], ["Réponse de la direction", "acceptance"],
    ["Proposed action", "action"], ["Plan d'action", "action"],
    ["Title of responsible individual", "responsible"], ["Budget allocated (if necessary)", "budget"],
    ["Implementation date", "targetDate"], ["Échéance", "targetDate"],
    ["Status (planned, under implementation, implemented)", "status"], ["C/O", "status"], ["Statut", "status"],
    ["Update on status in 2025 – one year (planned, under implementation, implemented)", "followUp"],
    ["Status at 6 months", "followUp"], ["Statut à 2 ans", "followUp"], ["Implementation status at 6 months", "followUp"],
    ["Client comments", "comments"], ["Means of verification", "evidence"], ["Date of response", "responseDate"],
  ])("%s -> %s", (header, role) => {
    expect(headerRole(header)).toBe(role);
  });

  it("does not guess at unknown headers", () => {
    expect(headerRole("Colour")).toBeNull();
    expect(headerRole("")).toBeNull();
  });

  it("reads the period a follow-up header names", () => {
    expect(headerPeriod("Update on status in 2024 – within 6 months")).toMatchObject({ months: 6 });
    expect(headerPeriod("Update on status in 2025 – one year")).toMatchObject({ months: 12 });
    expect(headerPeriod("Statut à 2 ans")).toMatchObject({ months: 24 });
    expect(headerPeriod("Status in 2025")).toMatchObject({ months: null, year: 2025 });
    expect(headerPeriod("Status")).toBeNull();
  });
});
