import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';
import { collectingLogger } from './collectingLogger.js';
import type { RenderOptions } from './RenderOptions.js';
import { toVega } from './toVega.js';

/**
 * Builds a headless Vega view of a Vega-Lite spec, ready for `toSVG()` or `toCanvas()`.
 * Expressions are run by vega-interpreter (no `new Function`), the same path a strict-CSP page takes.
 *
 * @example
 * const view = await toView(heatmap([[1, 2], [3, 4]]));
 * const svg = await view.toSVG();
 */
export async function toView(spec: TopLevelSpec, options: RenderOptions = {}): Promise<View> {
  const warn = options.onWarning ?? ((m: string) => console.warn(`vega: ${m}`));
  // Brushes listen on `window` for drags that leave the chart; a headless view has no window, and says so.
  const onWarning = (m: string) => {
    if (!/^Can not resolve event source: window$/.test(m)) warn(m);
  };
  const runtime = parse(toVega(spec, { onWarning }), undefined, { ast: true });
  const view = new View(runtime, {
    renderer: 'none',
    expr: expressionInterpreter,
    logger: collectingLogger(onWarning) as never,
  });
  await view.runAsync();
  return view;
}
