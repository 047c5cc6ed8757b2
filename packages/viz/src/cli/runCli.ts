import type { parseArgs as ParseArgs } from 'node:util';
import type { TopLevelSpec } from 'vega-lite';
import { toHTML } from '../render/toHTML.js';
import { toPNG } from '../render/toPNG.js';
import { toSVG } from '../render/toSVG.js';

/** What the CLI touches outside itself, passed in so tests run it without a process. */
export interface CliIO {
  readFile(path: string): string;
  writeFile(path: string, data: string | Uint8Array): void;
  extname(path: string): string;
  parseArgs: typeof ParseArgs;
  out(line: string): void;
  err(line: string): void;
}

export const USAGE = `usage: attn-viz render <spec.json> -o <out.svg|out.png|out.html> [--scale <n>]

Renders a Vega-Lite spec (for example one made by @attn/viz) to
  .svg   an SVG image
  .png   a PNG image (bundled DejaVu fonts; --scale sets pixel density, default 2)
  .html  one self-contained page (Vega inlined, works offline and from file://)`;

/**
 * Runs the `attn-viz` command line and returns its exit code (0 ok, 1 failed, 2 misused).
 *
 * @example
 * await runCli(['render', 'spec.json', '-o', 'chart.png'], io); // 0
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<
    typeof ParseArgs<{
      options: {
        output: { type: 'string'; short: 'o' };
        scale: { type: 'string' };
        help: { type: 'boolean'; short: 'h' };
      };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = io.parseArgs({
      args: [...argv],
      options: {
        output: { type: 'string', short: 'o' },
        scale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (e) {
    io.err(`attn-viz: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, input] = positionals;
  if (command !== 'render' || input === undefined || values.output === undefined || positionals.length > 2) {
    io.err(`attn-viz: expected \`render <spec.json> -o <output>\`\n\n${USAGE}`);
    return 2;
  }
  const output = values.output;
  const kind = io.extname(output).toLowerCase();
  if (!['.svg', '.png', '.html'].includes(kind)) {
    io.err(`attn-viz: the output must end in .svg, .png or .html, got ${JSON.stringify(output)}`);
    return 2;
  }
  const scale = values.scale === undefined ? 2 : Number(values.scale);
  if (!(scale > 0)) {
    io.err(`attn-viz: --scale must be a positive number, got ${JSON.stringify(values.scale)}`);
    return 2;
  }
  try {
    let spec: TopLevelSpec;
    try {
      spec = JSON.parse(io.readFile(input)) as TopLevelSpec;
    } catch (e) {
      throw new Error(`cannot read ${input} as JSON: ${(e as Error).message}`);
    }
    const onWarning = (m: string) => io.err(`attn-viz: warning: ${m}`);
    if (kind === '.svg') io.writeFile(output, await toSVG(spec, { onWarning }));
    else if (kind === '.png') io.writeFile(output, await toPNG(spec, { scale, onWarning }));
    else io.writeFile(output, toHTML(spec, { onWarning }));
    io.out(`attn-viz: wrote ${output}`);
    return 0;
  } catch (e) {
    io.err(`attn-viz: ${(e as Error).message}`);
    return 1;
  }
}
