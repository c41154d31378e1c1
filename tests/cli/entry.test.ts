/** How the command's process ends: at once when its output is out, else once it is. */

import { describe, expect, it } from "vitest";
import { exitWhenWritten } from "../../src/cli/entry";

/** A stream holding `length` characters not yet written out, whose empty write completes when `flush` is called. */
function stream(length: number) {
  const callbacks: (() => void)[] = [];
  return {
    writableLength: length,
    write: (_chunk: string, callback: () => void) => {
      callbacks.push(callback);
      return false;
    },
    flush: () => callbacks.splice(0).forEach((c) => c()),
    writes: () => callbacks.length,
  };
}

describe("exitWhenWritten", () => {
  it("exits at once, with the status, when stdout and stderr hold nothing unwritten", () => {
    const exits: number[] = [];
    exitWhenWritten(1, [stream(0), stream(0)], (s) => exits.push(s));
    expect(exits).toEqual([1]);
  });

  it("waits until every stream with text still to write has written it, then exits once", () => {
    const exits: number[] = [];
    const out = stream(70_000);
    const err = stream(12);
    exitWhenWritten(2, [out, err], (s) => exits.push(s));
    expect(exits).toEqual([]);
    out.flush();
    expect(exits).toEqual([]); // stderr is not out yet
    err.flush();
    expect(exits).toEqual([2]);
  });

  it("does not write to a stream that has nothing pending", () => {
    const out = stream(10);
    const err = stream(0);
    const exits: number[] = [];
    exitWhenWritten(0, [out, err], (s) => exits.push(s));
    expect(err.writes()).toBe(0);
    out.flush();
    expect(exits).toEqual([0]);
  });
});
