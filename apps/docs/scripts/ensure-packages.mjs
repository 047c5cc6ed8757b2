// Builds the workspace libraries the site imports (their dist/, as any consumer of the packages gets it) when a
// file their package.json exports is missing: a fresh clone running `pnpm --filter @attn/docs build` or `dev`
// directly. Under turbo (`pnpm build`, `pnpm start`, `pnpm e2e`, CI) they are built first and this does nothing.
// Usage: node scripts/ensure-packages.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packages = resolve(fileURLToPath(new URL('../../../packages', import.meta.url)));

/** In dependency order: attention and viz import tensor. */
const LIBRARIES = ['tensor', 'attention', 'viz'];

/** Every file a package's manifest promises (exports' targets and bins) that is not there. */
export function missingFiles(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(manifest.exports);
  collect(manifest.bin);
  return targets.filter((t) => t.startsWith('./dist/') && !existsSync(join(dir, t)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of LIBRARIES) {
    const dir = join(packages, name);
    const missing = missingFiles(dir);
    if (missing.length === 0) continue;
    console.log(`ensure-packages: @attn/${name} has no ${missing[0]}: building it`);
    execFileSync('pnpm', ['--filter', `@attn/${name}`, 'build'], { stdio: 'inherit' });
  }
}
