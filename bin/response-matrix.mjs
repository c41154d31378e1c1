#!/usr/bin/env node
// The installed command: runs the bundled CLI through its launcher (`npm run build:cli` writes dist/cli/, see scripts/build-cli.ts).
import { run } from "../dist/cli/response-matrix.mjs";

process.exitCode = await run(process.argv.slice(2));
