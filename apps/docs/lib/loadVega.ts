import type * as VegaModule from 'vega';
import type { expressionInterpreter as Interpreter } from 'vega-interpreter';
import type * as VegaLiteModule from 'vega-lite';

/** The three libraries a chart needs in the browser, loaded once and shared by every chart on the site. */
export interface VegaLibraries {
  vega: typeof VegaModule;
  vegaLite: typeof VegaLiteModule;
  /** Vega's expression interpreter: charts evaluate expressions without `new Function`, so a strict CSP works. */
  expressionInterpreter: typeof Interpreter;
}

let loading: Promise<VegaLibraries> | undefined;

/**
 * Loads vega, vega-lite and vega-interpreter on first use, in the browser only.
 * VitePress renders pages on the server too, where these libraries have nothing to draw on; importing them
 * dynamically keeps them out of the server bundle and out of the first paint of pages without charts.
 * @example
 * const { vega, vegaLite } = await loadVega();
 */
export function loadVega(): Promise<VegaLibraries> {
  loading ??= Promise.all([import('vega'), import('vega-lite'), import('vega-interpreter')]).then(
    ([vega, vegaLite, interpreter]) => ({
      vega,
      vegaLite,
      expressionInterpreter: interpreter.expressionInterpreter,
    }),
  );
  return loading;
}
