/** A plain view of the in-memory workbook: sheet tabs, the active sheet's cells, the selected cell. */

import { useState } from "react";
import { a1, columnLetter } from "../core/grid";
import type { MemoryExcel } from "../memory-excel";

/** How much of a sheet the view draws; enough for the example and the summary. */
const MAX_ROWS = 120;
const MAX_COLS = 16;

export function WorkbookView({ host }: { host: MemoryExcel }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const names = host.sheetNames();
  const selection = host.selection;
  const active = chosen && names.includes(chosen) ? chosen : (host.activeSheetName ?? names[0]);
  const grid = active ? host.sheetGrid(active) : null;
  const rows = grid ? grid.rows.slice(0, MAX_ROWS) : [];
  const width = Math.min(MAX_COLS, rows.reduce((w, r) => Math.max(w, r.length), 0));
  const selectedHere = selection && selection.sheet === active ? selection.rect : null;
  const selectedText = selection ? `${selection.sheet}!${a1(selection.rect.top, selection.rect.left)}` : "none";

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
      {grid && (
        <table className="grid" data-sheet={active}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} scope="col">{columnLetter(c)}</th>
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
                  return (
                    <td key={c} data-cell={a1(i, c)} className={selected ? "selected" : undefined} aria-selected={selected || undefined}>
                      {v === undefined || v === "" ? "" : String(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {grid && grid.rows.length > MAX_ROWS && <p>… {grid.rows.length - MAX_ROWS} more rows not shown.</p>}
    </section>
  );
}
