import { describe, expect, test } from "vitest";
import { MemoryExcel, MemoryExcelError, installMemoryExcel } from "../../src/memory-excel";
import { codeOf, hostWith } from "./hosts";

describe("strict like Excel: load, sync, read", () => {
  test("reading a property before sync throws PropertyNotLoaded, after load and sync it is there", async () => {
    const host = hostWith([["a", 1]]);
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B1");
      range.load("values");
      expect(() => range.values).toThrowError(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["a", 1]]);
      // Loaded "values" only: the address was not asked for.
      expect(() => range.address).toThrowError(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("a collection's items are unavailable until loaded and synced", async () => {
    const host = hostWith([["a"]]);
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrowError(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Data"]);
      expect(() => sheets.items[0].visibility).toThrowError(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("queued writes change nothing until sync", async () => {
    const host = hostWith([["a"]]);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B2").values = [["new"]];
      expect(host.cell("Data", 1, 1)).toBe("");
      await context.sync();
      expect(host.cell("Data", 1, 1)).toBe("new");
    });
  });

  test("empty cells read as empty strings, dates as serial numbers", async () => {
    const host = hostWith([["Target date", ""], [46022, "x"]]);
    const values = await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:C2").load("values");
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([["Target date", "", ""], [46022, "x", ""]]);
  });

  test("the used range starts where the values start; an empty sheet's is a null object", async () => {
    const host = MemoryExcel.fromWorkbook({ sheets: [{ name: "A", rows: [[], ["", "", "x"], ["", "y"]] }, { name: "Empty", rows: [] }] });
    await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("A").getUsedRange(true).load("address,rowIndex,columnIndex,values");
      const none = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expect(used.address).toBe("A!B2:C3");
      expect([used.rowIndex, used.columnIndex]).toEqual([1, 1]);
      expect(used.values).toEqual([["", "x"], ["y", ""]]);
      expect(none.isNullObject).toBe(true);
    });
  });

  test("addresses quote sheet names as Excel does", async () => {
    const host = MemoryExcel.fromWorkbook({ sheets: [{ name: "O'Neil's data", rows: [["x"]] }] });
    const address = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("O'Neil's data").getRange("A1:B2").load("address");
      await context.sync();
      return r.address;
    });
    expect(address).toBe("'O''Neil''s data'!A1:B2");
  });

  test("strings are read like typed input: formulas, numbers and dates convert, an apostrophe keeps text", async () => {
    const host = hostWith([[""]]);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:E1").values = [["=1+1", "12", "'12", "2025-12-31", "(1)"]];
      await context.sync();
    });
    expect(host.sheetGrid("Data").rows[0]).toEqual(["#NAME?", 12, "12", 46022, -1]);
    expect([...host.sheet("Data").formulas.values()]).toEqual(["=1+1"]);
  });
});

describe("merged cells", () => {
  test("merging keeps only the top-left value, and the area is reported", async () => {
    const host = hostWith([["top", "right"], ["below", ""]]);
    const address = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:B2").merge();
      const merged = sheet.getRange("A1:C3").getMergedAreasOrNullObject().load("address");
      await context.sync();
      return merged.address;
    });
    expect(address).toBe("Data!A1:B2");
    expect(host.sheetGrid("Data").rows).toEqual([["top"]]);
  });

  test("a value written into a merged cell other than the top-left fails", async () => {
    const host = MemoryExcel.fromWorkbook({ sheets: [{ name: "Data", rows: [["top"]], merges: [{ top: 0, left: 0, bottom: 1, right: 0 }] }] });
    const code = await codeOf(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A2").values = [["no"]];
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });
});

describe("request and response size, each counted on its own", () => {
  const bigRows = () => Array.from({ length: 30_000 }, (_, i) => [`row ${i} ${"x".repeat(180)}`]);

  test("a response over 5 MB fails with ResponsePayloadSizeLimitExceeded", async () => {
    const host = hostWith(bigRows());
    const code = await codeOf(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getUsedRange().load("values");
        await context.sync();
      }),
    );
    expect(code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(host.requestBytes.at(-1)).toBeLessThan(1_000);
  });

  test("an over-size write changes nothing", async () => {
    const host = hostWith([["keep"]]);
    const code = await codeOf(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Data");
        sheet.getRange("B1").values = [["small"]];
        sheet.getRange("C1:C30000").values = bigRows();
        await context.sync();
      }),
    );
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.sheetGrid("Data").rows).toEqual([["keep"]]);
  });

  test("the largest response is recorded as the values read; the largest request as the values written", async () => {
    const rows = Array.from({ length: 1000 }, () => ["abcdefghij"]);
    const host = hostWith(rows);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getUsedRange().load("values");
      await context.sync();
    });
    const valuesBytes = JSON.stringify(rows).length;
    expect(host.maxResponseBytes).toBeGreaterThanOrEqual(valuesBytes);
    expect(host.maxResponseBytes).toBeLessThan(valuesBytes + 300);
    expect(host.maxRequestBytes).toBeLessThan(300);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B1:B1000").values = rows;
      await context.sync();
    });
    expect(host.maxRequestBytes).toBeGreaterThanOrEqual(valuesBytes);
    expect(host.maxRequestBytes).toBeLessThan(valuesBytes + 300);
  });
});

describe("errors and faults", () => {
  test("a missing sheet fails the sync with ItemNotFound; the OrNullObject form gives a null object", async () => {
    const host = hostWith([["a"]]);
    expect(await codeOf(host.run(async (context) => {
      context.workbook.worksheets.getItem("Nope").load("name");
      await context.sync();
    }))).toBe("ItemNotFound");
    const isNull = await host.run(async (context) => {
      const s = context.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => s.isNullObject).toThrowError(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      return s.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  test("writing to a protected sheet is AccessDenied; adding a sheet to a protected structure too", async () => {
    const host = hostWith([["a"]]);
    host.protectSheet("Data");
    expect(await codeOf(host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [["b"]];
      await context.sync();
    }))).toBe("AccessDenied");
    host.protectStructure();
    expect(await codeOf(host.run(async (context) => {
      context.workbook.worksheets.add("More");
      await context.sync();
    }))).toBe("AccessDenied");
    expect(host.sheetNames()).toEqual(["Data"]);
  });

  test("invalid sheet names are refused like Excel refuses them", async () => {
    const host = hostWith([["a"]]);
    for (const name of ["a/b", "x".repeat(32), "data", "History", "'quoted'"]) {
      expect(await codeOf(host.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      }))).toBe("InvalidArgument");
    }
  });

  test("in cell-edit mode every sync fails", async () => {
    const host = hostWith([["a"]]);
    host.cellEditMode = true;
    expect(await codeOf(host.run(async (context) => {
      context.workbook.load("name");
      await context.sync();
    }))).toBe("InvalidOperationInCellEditMode");
  });

  test("failNextSync fails the next sync and applies none of its writes", async () => {
    const host = hostWith([["a"]]);
    host.failNextSync("GeneralException");
    expect(await codeOf(host.run(async (context) => {
      const sheet = context.workbook.worksheets.add("New");
      sheet.getRange("A1").values = [["x"]];
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [["changed"]];
      await context.sync();
    }))).toBe("GeneralException");
    expect(host.sheetNames()).toEqual(["Data"]);
    expect(host.cell("Data", 0, 0)).toBe("a");
    expect(host.syncCount).toBe(1);
  });

  test("failSyncAt fails the n-th sync only; with applyFirst the first operations stay applied, as in Excel", async () => {
    const host = hostWith([["a"]]);
    host.failSyncAt(2, "AccessDenied", { applyFirst: 2 });
    const code = await codeOf(host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B1").values = [["first"]];
      await context.sync();
      const sheet = context.workbook.worksheets.add("Half");
      sheet.getRange("A1").values = [["written"]];
      sheet.getRange("A2").values = [["never"]];
      await context.sync();
    }));
    expect(code).toBe("AccessDenied");
    expect(host.syncCount).toBe(2);
    expect(host.cell("Data", 0, 1)).toBe("first");
    // add + getRange ran, the first write did not: Excel stops at the failing operation.
    expect(host.sheetNames()).toEqual(["Data", "Half"]);
    expect(host.sheetGrid("Half").rows).toEqual([]);
  });

  test("errors look like OfficeExtension.Error: code, message, debugInfo", async () => {
    const host = hostWith([["a"]]);
    try {
      await host.run(async (context) => {
        context.workbook.worksheets.getItem("Missing");
        await context.sync();
      });
      expect.unreachable();
    } catch (e) {
      const err = e as MemoryExcelError;
      expect(err.code).toBe("ItemNotFound");
      expect(err.message).toBe("The requested resource doesn't exist.");
      expect(err.debugInfo).toMatchObject({ code: "ItemNotFound", errorLocation: "WorksheetCollection.getItem" });
    }
  });
});

describe("run and install", () => {
  test("Excel.run syncs what is still queued when the batch ends, and counts syncs", async () => {
    const host = hostWith([["a"]]);
    const uninstall = installMemoryExcel(host);
    try {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A2").values = [["queued"]];
      });
    } finally {
      uninstall();
    }
    expect(host.cell("Data", 1, 0)).toBe("queued");
    expect(host.syncCount).toBe(1);
  });
});

describe("workbook features", () => {
  test("tables name blank headers, refuse duplicate names and names that look like cells", async () => {
    const host = hostWith([["Code", ""], ["A", "B"]]);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").tables.add("A1:B2", true).name = "UnitsTable";
      await context.sync();
    });
    expect(host.sheet("Data").tables.map((t) => t.name)).toEqual(["UnitsTable"]);
    expect(host.sheetGrid("Data").rows[0]).toEqual(["Code", "Column2"]);
    for (const [address, name] of [["D1:E2", "UnitsTable"], ["D1:E2", "T1"]]) {
      expect(await codeOf(host.run(async (context) => {
        context.workbook.worksheets.getItem("Data").tables.add(address, true).name = name;
        await context.sync();
      }))).toMatch(/ItemAlreadyExists|InvalidArgument/);
    }
  });

  test("a dropdown rule is stored; a typed list over 255 characters is refused", async () => {
    const host = hostWith([["Acceptance"]]);
    await host.run(async (context) => {
      const dv = context.workbook.worksheets.getItem("Data").getRange("A2:A5").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: "Accepted,Rejected" } };
      dv.errorAlert = { showAlert: true, style: "Warning", title: "Not in the list", message: "Choose a value." };
      await context.sync();
    });
    expect(host.sheet("Data").validations).toMatchObject([
      { rect: { top: 1, left: 0, bottom: 4, right: 0 }, rule: { list: { inCellDropDown: true, source: "Accepted,Rejected" } }, errorAlert: { style: "Warning" } },
    ]);
    expect(await codeOf(host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B2").dataValidation.rule = { list: { inCellDropDown: true, source: "x,".repeat(200) } };
      await context.sync();
    }))).toBe("InvalidArgument");
  });

  test("a defined name follows its sheet when renamed and says #REF! once the sheet is deleted", async () => {
    const host = MemoryExcel.fromWorkbook({ sheets: [{ name: "Data", rows: [["a"]] }, { name: "Out", rows: [] }] });
    const formulas = await host.run(async (context) => {
      const out = context.workbook.worksheets.getItem("Out");
      context.workbook.names.add("Marker", out.getRange("A1"));
      out.name = "Renamed out";
      const marker = context.workbook.names.getItem("Marker").load("formula");
      await context.sync();
      const before = marker.formula;
      out.delete();
      const after = context.workbook.names.getItem("Marker").load("formula,type");
      const range = context.workbook.names.getItem("Marker").getRangeOrNullObject();
      await context.sync();
      return { before, after: after.formula, type: after.type, isNull: range.isNullObject };
    });
    expect(formulas).toEqual({ before: "='Renamed out'!$A$1", after: "=#REF!", type: "Error", isNull: true });
  });

  test("settings keep JSON values", async () => {
    const host = hostWith([["a"]]);
    const value = await host.run(async (context) => {
      context.workbook.settings.add("key", { summaryBy: "unit" });
      const missing = context.workbook.settings.getItemOrNullObject("other");
      const s = context.workbook.settings.getItem("key").load("value");
      await context.sync();
      return { value: s.value, missing: missing.isNullObject };
    });
    expect(value).toEqual({ value: { summaryBy: "unit" }, missing: true });
  });
});
