/** Running a property with the fixed seed, and counting the cases each one generated, for the CI log. */

import fc from "fast-check";
import { SEED } from "./arbitraries";

const generated = new Map<string, number>();

function counted(name: string): () => void {
  return () => generated.set(name, (generated.get(name) ?? 0) + 1);
}

/** Checks `predicate` (which throws, e.g. through expect, when the property fails) on `numRuns` seeded cases. */
export function holds<T>(name: string, arb: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number): void {
  const tick = counted(name);
  fc.assert(
    fc.property(arb, (value) => {
      tick();
      predicate(value);
    }),
    { seed: SEED, numRuns },
  );
}

/** The same for an async predicate. */
export async function holdsAsync<T>(name: string, arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, numRuns: number): Promise<void> {
  const tick = counted(name);
  await fc.assert(
    fc.asyncProperty(arb, async (value) => {
      tick();
      await predicate(value);
    }),
    { seed: SEED, numRuns },
  );
}

/** One line per test file: `property tests (core): 3,400 generated cases, seed … — name 200, …`. */
export function casesLine(suite: string): string {
  const total = [...generated.values()].reduce((a, b) => a + b, 0);
  const each = [...generated].map(([name, n]) => `${name} ${n}`).join(", ");
  return `property tests (${suite}): ${total.toLocaleString("en")} generated cases (seed ${SEED}) — ${each}`;
}
