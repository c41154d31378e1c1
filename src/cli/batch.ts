/**
 * Many files in one run, on every core: a job (one module's function of one input) runs on a pool of worker
 * threads, and the results come back in the order of the inputs, each as soon as it and those before it are done.
 * Used by `validate` and `tracker` for many workbooks.
 *
 * A worker loads the module that defines the job (in the built command, the one bundled file), so that module
 * must define the job at its top level with defineJob. Where worker threads cannot load it (the TypeScript
 * sources, run by tests or `npm run cli`), the inputs run here, one after the other, with the same results.
 */

import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

/** One input's outcome: the job's value, or the error it threw (its class name and message). */
export type Outcome<O> = { ok: true; value: O } | { ok: false; error: { name: string; message: string } };

/** A job that can run on worker threads: a name, the module that defines it, and what it does with one input. */
export interface BatchJob<I, O> {
  name: string;
  module: string;
  run(input: I): Promise<O>;
}

const jobs = new Map<string, BatchJob<unknown, unknown>>();

/** Defines a job; call at the top level of the module `moduleUrl` (its `import.meta.url`). */
export function defineJob<I, O>(moduleUrl: string, name: string, run: (input: I) => Promise<O>): BatchJob<I, O> {
  const job: BatchJob<I, O> = { name, module: moduleUrl, run };
  jobs.set(name, job as BatchJob<unknown, unknown>);
  return job;
}

async function settle<O>(run: () => Promise<O>): Promise<Outcome<O>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    return { ok: false, error: { name: error.name === "Error" ? error.constructor.name : error.name, message: error.message } };
  }
}

export interface BatchOptions<O> {
  /** Called for each input in the order given, as soon as its outcome and all before it are known. */
  onOutcome?(index: number, outcome: Outcome<O>): void;
  /** Called when an input starts (in input order, on a worker or here). */
  onStart?(index: number, total: number): void;
  /** Called when an input is done (in any order): how many are done, of how many. */
  onProgress?(done: number, total: number): void;
  /** Worker threads to use at most (default: the machine's cores). */
  workers?: number;
  /** Fewer inputs than this run here, without workers, whose start costs more than they save (default 4). */
  minimumForWorkers?: number;
}

/** Runs the job on every input; resolves to the outcomes in input order. */
export async function runBatch<I, O>(job: BatchJob<I, O>, inputs: readonly I[], options: BatchOptions<O> = {}): Promise<Outcome<O>[]> {
  const outcomes: (Outcome<O> | undefined)[] = new Array(inputs.length);
  let reported = 0;
  let done = 0;
  const finish = (index: number, outcome: Outcome<O>) => {
    outcomes[index] = outcome;
    options.onProgress?.(++done, inputs.length);
    for (; reported < inputs.length && outcomes[reported] !== undefined; reported++) options.onOutcome?.(reported, outcomes[reported]!);
  };

  const size = Math.min(options.workers ?? availableParallelism(), inputs.length);
  let next = 0;
  // TypeScript sources (tests, `npm run cli`) cannot be loaded by a worker thread: there, everything runs here
  const loadable = !/\.[cm]?ts$/.test(new URL(job.module).pathname);
  if (loadable && size > 1 && inputs.length >= (options.minimumForWorkers ?? 4)) {
    const take = () => {
      if (next >= inputs.length) return -1;
      options.onStart?.(next, inputs.length);
      return next++;
    };
    const claimed = await runOnWorkers(job, inputs, size, take, finish);
    if (!claimed) next = 0; // no worker could load the job: everything runs here
  }
  // here: what no worker took (all of it when workers are not used or could not start)
  while (next < inputs.length) {
    const i = next++;
    options.onStart?.(i, inputs.length);
    finish(i, await settle(() => job.run(inputs[i])));
  }
  return outcomes as Outcome<O>[];
}

type ToWorker = { index: number; input: unknown } | { stop: true };
type FromWorker = { ready: true } | { index: number; outcome: Outcome<unknown> };

/**
 * Runs inputs on `size` workers, each taking the next input when it is free. Resolves to false when no worker
 * could load the job's module (then nothing was run), true once every input is done.
 */
function runOnWorkers<I, O>(job: BatchJob<I, O>, inputs: readonly I[], size: number, take: () => number, finish: (index: number, outcome: Outcome<O>) => void): Promise<boolean> {
  return new Promise((resolve) => {
    let started = 0;
    let alive = size;
    let settled = false;
    const running = new Map<Worker, number>();
    const end = (result: boolean) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const give = (worker: Worker) => {
      const index = take();
      if (index < 0) {
        running.delete(worker);
        worker.postMessage({ stop: true } satisfies ToWorker);
        return;
      }
      running.set(worker, index);
      worker.postMessage({ index, input: inputs[index] } satisfies ToWorker);
    };
    for (let w = 0; w < size; w++) {
      const worker = new Worker(new URL(job.module), { workerData: { batchJob: job.name } });
      worker.on("message", (message: FromWorker) => {
        if ("ready" in message) {
          started++;
          give(worker);
          return;
        }
        running.delete(worker);
        finish(message.index, message.outcome as Outcome<O>);
        give(worker);
      });
      worker.on("error", () => undefined); // a worker that cannot load the module; its exit says the rest
      worker.on("exit", () => {
        alive--;
        // an input a worker died on (out of memory ...) is done, as an error
        const lost = running.get(worker);
        if (lost !== undefined) {
          running.delete(worker);
          finish(lost, { ok: false, error: { name: "Error", message: "the worker reading it stopped" } });
        }
        if (alive === 0) end(started > 0);
      });
    }
  });
}

/** In a worker started by runBatch: run the inputs the main thread sends, until it says stop. */
if (!isMainThread && parentPort && (workerData as { batchJob?: string } | null)?.batchJob) {
  const port = parentPort;
  const name = (workerData as { batchJob: string }).batchJob;
  port.on("message", async (message: ToWorker) => {
    if ("stop" in message) {
      port.close();
      return;
    }
    // looked up now, not at load: the module defining the job runs after this one, which it imports
    const job = jobs.get(name);
    const outcome = job ? await settle(() => job.run(message.input)) : { ok: false as const, error: { name: "Error", message: `no job "${name}" in this module` } };
    port.postMessage({ index: message.index, outcome } satisfies FromWorker);
  });
  // ready once every module of the entry has run (and so defined its jobs)
  setImmediate(() => port.postMessage({ ready: true } satisfies FromWorker));
}
