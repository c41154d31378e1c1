/** Set-up for the pane's jsdom tests: a clean document after each test, and what jsdom lacks that Fluent uses. */

import { afterEach, vi } from "vitest";
import { cleanup } from "@testing-library/react";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own width to reflow.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
