#!/usr/bin/env node
/**
 * attn-viz: render a Vega-Lite spec file to SVG, PNG or a self-contained HTML page.
 *
 *   attn-viz render spec.json -o out.svg|out.png|out.html [--scale 2]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from './runCli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, data) => writeFileSync(path, data),
  extname,
  parseArgs,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
