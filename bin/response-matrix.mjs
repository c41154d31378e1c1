#!/usr/bin/env node
// The installed command: runs the bundled CLI (`npm run build` writes dist/cli/response-matrix.mjs).
import { run } from "../dist/cli/response-matrix.mjs";

process.exitCode = await run(process.argv.slice(2));
