/**
 * The playground: the real task pane on the strict in-memory Excel host, beside a view of that workbook.
 * Query parameters: `asOf=YYYY-MM-DD` presets the as-of setting; `book=blank` starts from an empty workbook;
 * `book=hostile` adds cells holding markup that must stay text (`<script>`, `<img onerror>`); `paneWidth=500`
 * draws the pane wider than Excel's default 320 px.
 */

import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { OfficeGateway } from "../excel/office-gateway";
import { MemoryExcel, installMemoryExcel } from "../memory-excel";
import { SettingsSchema } from "../core/model";
import { WorkbookView } from "./WorkbookView";

const params = new URLSearchParams(location.search);
const paneWidth = Number(params.get("paneWidth")) || 320;
/** The example workbook's file name, as the summary's title block and the view show it. */
const PLAYGROUND_BOOK = "example-management-response.xlsx";
const host = new MemoryExcel(PLAYGROUND_BOOK);
host.addSheet("Sheet1", []);
installMemoryExcel(host);

// Redraw the workbook view after every batch the pane runs.
const listeners = new Set<() => void>();
const excel = (globalThis as unknown as { Excel: { run: (...args: unknown[]) => Promise<unknown> } }).Excel;
const run = excel.run;
excel.run = (...args: unknown[]) => run(...args).finally(() => listeners.forEach((l) => l()));

function Playground({ gateway }: { gateway: OfficeGateway }) {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((t) => t + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return (
    <div className="playground">
      <div className="pane" style={{ width: paneWidth }}>
        <App gateway={gateway} />
      </div>
      <WorkbookView host={host} />
    </div>
  );
}

/** Markup in cells, as pasted from web forms: the pane and the view must show it as text and run nothing. */
export const HOSTILE_CELLS = [
  ["1", "CWM", '<img src=x onerror="window.__pwned=true">Acepted', "<script>window.__pwned=true</script>Train staff"],
  ["2", "GCP", "Accepted", '<a href="javascript:window.__pwned=true">link</a><svg onload="window.__pwned=true"></svg>'],
];

async function addHostileCells() {
  await excel.run(async (context: Excel.RequestContext) => {
    const sheet = context.workbook.worksheets.getItem("Responses");
    const used = sheet.getUsedRange();
    used.load("rowCount");
    await context.sync();
    sheet.getRangeByIndexes(used.rowCount, 0, HOSTILE_CELLS.length, 4).values = HOSTILE_CELLS;
    await context.sync();
  });
}

async function start() {
  const gateway = new OfficeGateway();
  if (params.get("book") !== "blank") {
    await gateway.createTemplate({ example: true });
    await excel.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("Sheet1").delete();
      await context.sync();
    });
  }
  if (params.get("book") === "hostile") await addHostileCells();
  const asOf = params.get("asOf");
  if (asOf) await gateway.saveSettings(SettingsSchema.parse({ asOf }));
  createRoot(document.getElementById("container")!).render(
    <FluentProvider theme={webLightTheme}>
      <Playground gateway={gateway} />
    </FluentProvider>,
  );
}

void start();
