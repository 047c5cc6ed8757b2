// vega-embed in any page: draw an @attn/viz spec into an element.
import type { View } from 'vega';
import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';

/** Draws a Vega-Lite spec into `element` with vega-embed, without eval, and resolves to the live Vega view. */
export async function embedChart(element: HTMLElement, spec: TopLevelSpec): Promise<View> {
  const { view } = await embed(element, spec, {
    renderer: 'svg',
    // Expressions parsed to a tree and interpreted: no eval (strict CSP).
    ast: true,
    expr: expressionInterpreter,
    // PNG/SVG downloads, but no links to the online editor.
    actions: { export: true, source: false, compiled: false, editor: false },
  });
  return view; // a Vega View: view.toSVG(), view.toImageURL('png'), ...
}
