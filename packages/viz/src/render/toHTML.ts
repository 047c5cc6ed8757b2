import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import type { RenderOptions } from './RenderOptions.js';
import { toVega } from './toVega.js';

/** Options of {@link toHTML}. */
export interface HTMLOptions extends RenderOptions {
  /** The page's `<title>`; defaults to the chart's title or "attn chart". */
  title?: string;
  /** `svg` or `canvas`; defaults to what the spec's `usermeta.attnViz.renderer` suggests, else `svg`. */
  renderer?: 'svg' | 'canvas';
}

let runtime: { vega: string; interpreter: string } | undefined;

// The Vega runtime is inlined as shipped (its UMD build defines `vega`); vega-interpreter ships only as an ES
// module importing three helpers from vega-util, which the Vega build re-exports, so its import becomes a read of
// the `vega` global. Checked, not assumed: a changed file fails loudly here rather than silently in a page.
function loadRuntime(): { vega: string; interpreter: string } {
  if (runtime) return runtime;
  const vegaDir = dirname(fileURLToPath(import.meta.resolve('vega')));
  const vega = readFileSync(join(vegaDir, 'vega.min.js'), 'utf8');
  const source = readFileSync(fileURLToPath(import.meta.resolve('vega-interpreter')), 'utf8');
  const importLine = /^import \{([^}]*)\} from 'vega-util';$/m;
  const exportLine = /^export \{ expression as expressionInterpreter \};$/m;
  if (!importLine.test(source) || !exportLine.test(source)) {
    throw new Error(
      'toHTML: vega-interpreter changed shape (its import of vega-util or its export moved); update toHTML',
    );
  }
  const interpreter = `(function () {\n${source
    .replace(importLine, 'const {$1} = vega;')
    .replace(exportLine, 'window.vegaInterpreter = { expressionInterpreter: expression };')}\n})();`;
  runtime = { vega, interpreter };
  return runtime;
}

// Inline scripts end at the first `</script`, whatever JavaScript thinks of it.
function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function escapeHTML(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/**
 * Renders a Vega-Lite spec to one self-contained HTML page: the Vega runtime and the pre-compiled Vega spec are
 * inlined (no CDN, no vega-lite in the page), so it works offline and from `file://`. Expressions run through
 * vega-interpreter, and the page carries a Content-Security-Policy that allows only its own scripts (by hash):
 * no `unsafe-eval`, no network.
 *
 * @example
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('weights.html', toHTML(attentionWeights(w, tokens)));
 */
export function toHTML(spec: TopLevelSpec, options: HTMLOptions = {}): string {
  const vegaSpec = toVega(spec, options);
  const { vega, interpreter } = loadRuntime();
  const meta = (spec as { usermeta?: { attnViz?: { renderer?: string } } }).usermeta?.attnViz;
  const renderer = options.renderer ?? (meta?.renderer === 'canvas' ? 'canvas' : 'svg');
  const specTitle = (spec as { title?: string | { text?: string | string[] } }).title;
  const title =
    options.title ??
    (typeof specTitle === 'string'
      ? specTitle
      : Array.isArray(specTitle?.text)
        ? specTitle.text.join(' ')
        : specTitle?.text) ??
    'attn chart';
  // JSON in a non-executed script block; `<` escaped so no string in the data can close the block.
  const json = JSON.stringify(vegaSpec).replace(/</g, '\\u003c');
  const boot = `(function () {
  var spec = JSON.parse(document.getElementById('vega-spec').textContent);
  var view = new vega.View(vega.parse(spec, null, { ast: true }), {
    expr: vegaInterpreter.expressionInterpreter,
    renderer: ${JSON.stringify(renderer)},
    container: '#chart',
    hover: true
  });
  window.vegaView = view;
  view.runAsync().then(function () { document.body.setAttribute('data-rendered', 'true'); },
    function (err) { document.getElementById('chart').textContent = 'Could not draw the chart: ' + err; });
})();`;
  const scripts = [inlineScript(vega), inlineScript(interpreter), inlineScript(boot)];
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(sha256).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHTML(title)}</title>
<style>body{margin:16px;font-family:'DejaVu Sans',Verdana,Geneva,sans-serif;background:#fff}#chart{display:inline-block}</style>
</head>
<body>
<div id="chart"></div>
<script type="application/json" id="vega-spec">${json}</script>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
