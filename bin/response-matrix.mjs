#!/usr/bin/env node
// The installed command: runs the bundled CLI through its launcher (`npm run build:cli` writes dist/cli/, see scripts/build-cli.ts).
import { exitWhenWritten, run } from "../dist/cli/response-matrix.mjs";

exitWhenWritten(await run(process.argv.slice(2)));
