import { describe, expect, it } from "vitest";
import { UnitDirectory } from "../../src/core/units";
import type { Unit } from "../../src/core/model";

const unit = (code: string, name: string, division: string, aliases: string[] = []): Unit => ({ code, name, division, aliases, at: null });

const directory = new UnitDirectory([
  unit("CITSU", "Communications and Information Technology Support Unit", "CITSU"),
  unit("PTP", "Peacekeeping Training Programme", "Peace"),
  unit("PMCP", "Peacemaking and Conflict Prevention Programme", "Peace"),
  unit("CWM", "Chemicals and Waste Management Programme", "Planet"),
  unit("GCP", "Green Development and Climate Change Programme", "Planet"),
  unit("UNOSAT", "United Nations Satellite Centre", "Satellite Analysis and Applied Research"),
  unit("NDC", "NCD, Digital Health and Capacity Building", "NCD", ["NCD"]),
]);

describe("unit directory", () => {
  it("finds a unit by code, name, alias or `Name (CODE)`", () => {
    expect(directory.resolve("cwm")).toBe("CWM");
    expect(directory.resolve("Peacekeeping Training Programme")).toBe("PTP");
    expect(directory.resolve("NCD")).toBe("NDC");
    expect(directory.resolve("Sustainable Whatever (GCP)")).toBe("GCP");
    expect(directory.resolve("Nobody")).toBeNull();
  });

  it("reads Addressed to: blank and All mean every unit", () => {
    const all = ["CITSU", "PTP", "PMCP", "CWM", "GCP", "UNOSAT", "NDC"];
    expect(directory.addressedTo("")).toEqual({ units: all, unknown: [] });
    expect(directory.addressedTo("All")).toEqual({ units: all, unknown: [] });
    expect(directory.addressedTo("Toutes")).toEqual({ units: all, unknown: [] });
  });

  it("splits on , ; / and the words and / et, in Units order", () => {
    expect(directory.addressedTo("GCP and CWM")).toEqual({ units: ["CWM", "GCP"], unknown: [] });
    expect(directory.addressedTo("PTP; CWM / GCP")).toEqual({ units: ["PTP", "CWM", "GCP"], unknown: [] });
    expect(directory.addressedTo("PTP et CITSU")).toEqual({ units: ["CITSU", "PTP"], unknown: [] });
  });

  it("matches whole names containing 'and' before splitting, and divisions as all their units", () => {
    expect(directory.addressedTo("Satellite Analysis and Applied Research, Peace")).toEqual({ units: ["PTP", "PMCP", "UNOSAT"], unknown: [] });
    expect(directory.addressedTo("Peacemaking and Conflict Prevention Programme and CWM")).toEqual({ units: ["PMCP", "CWM"], unknown: [] });
    expect(directory.addressedTo("NCD, Digital Health and Capacity Building")).toEqual({ units: ["NDC"], unknown: [] });
    expect(directory.addressedTo("Planet")).toEqual({ units: ["CWM", "GCP"], unknown: [] });
  });

  it("reports names it cannot match, as written", () => {
    expect(directory.addressedTo("CWM, Legal Office")).toEqual({ units: ["CWM"], unknown: ["Legal Office"] });
  });
});
