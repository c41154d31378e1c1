/**
 * A plain view of the in-memory workbook: sheet tabs, the active sheet's cells as Excel shows them (dates and
 * percentages in their number formats, every used column), and the selected cell, scrolled into view.
 */

import { useEffect, useRef, useState } from "react";
import { a1, columnLetter } from "../core/grid";
import type { MemoryExcel } from "../memory-excel";
import { formatCellValue } from "./number-format";

/** Rows drawn at least (more when the selection is further down); the example and its summary fit. */
const MIN_ROWS = 120;

export function WorkbookView({ host }: { host: MemoryExcel }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const names = host.sheetNames();
  const selection = host.selection;
  const active = chosen && names.includes(chosen) ? chosen : (host.activeSheetName ?? names[0]);
  const grid = active ? host.sheetGrid(active) : null;
  const selectedHere = selection && selection.sheet === active ? selection.rect : null;
  const shownRows = Math.max(MIN_ROWS, selectedHere ? selectedHere.bottom + 1 : 0);
  const rows = grid ? grid.rows.slice(0, shownRows) : [];
  const width = grid ? grid.rows.reduce((w, r) => Math.max(w, r.length), 0) : 0;
  const selectedText = selection ? `${selection.sheet}!${a1(selection.rect.top, selection.rect.left)}` : "none";

  // A cell selected from the pane (or another sheet activated) is brought into view, as Excel does
  useEffect(() => {
    setChosen(null);
  }, [selectedText, host.activeSheetName]);
  useEffect(() => {
    gridRef.current?.querySelector("td.selected")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selectedText, active]);

  return (
    <section className="workbook" aria-label="In-memory workbook">
      <p>
        Workbook <strong>{host.state.name}</strong> · selected cell: <output data-testid="selection">{selectedText}</output> ·
        syncs so far: <output data-testid="sync-count">{host.syncCount}</output>
      </p>
      <div role="tablist" aria-label="Sheets" className="tabs">
        {names.map((n) => (
          <button key={n} role="tab" aria-selected={n === active} onClick={() => setChosen(n)} className={n === active ? "tab active" : "tab"}>
            {n}
          </button>
        ))}
      </div>
      {grid && active && (
        <div className="grid-scroll" ref={gridRef}>
          <table className="grid" data-sheet={active}>
            <thead>
              <tr>
                <th />
                {Array.from({ length: width }, (_, c) => (
                  <th key={c} scope="col">
                    {columnLetter(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <th scope="row">{i + 1}</th>
                  {Array.from({ length: width }, (_, c) => {
                    const selected = !!selectedHere && i >= selectedHere.top && i <= selectedHere.bottom && c >= selectedHere.left && c <= selectedHere.right;
                    const v = r[c];
                    const classes = [typeof v === "number" ? "number" : "", selected ? "selected" : ""].filter(Boolean).join(" ");
                    return (
                      <td key={c} data-cell={a1(i, c)} className={classes || undefined} aria-selected={selected || undefined}>
                        {formatCellValue(v, host.cellFormat(active, i, c).numberFormat)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {grid && grid.rows.length > rows.length && <p>… {grid.rows.length - rows.length} more rows not shown.</p>}
    </section>
  );
}
