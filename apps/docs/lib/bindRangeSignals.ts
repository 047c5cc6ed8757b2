import type { Spec } from 'vega';
import { isObject, type Json, RANGE_SUFFIX } from './specTools';

/**
 * Makes the compiled Vega spec's scales read their colours from signals where `parameterize` gave their
 * categories a parameter and recorded the colours as `<domain parameter>_range` (Vega-Lite compiles an expression
 * domain, but not an expression range). Then a live view takes a new set of categories and colours (8 heads
 * instead of 4, say) with two `view.signal` calls instead of a new view. Changes `spec` in place and returns it.
 * @example
 * const vegaSpec = bindRangeSignals(vegaLite.compile(parameterized).spec);
 */
export function bindRangeSignals(spec: Spec): Spec {
  const signals = new Set(((spec as Json).signals as Json[] | undefined)?.map((s) => s.name));
  const walk = (node: unknown): void => {
    if (!isObject(node)) return;
    for (const scale of (node.scales as Json[] | undefined) ?? []) {
      const domain = scale.domain;
      if (!isObject(domain) || typeof domain.signal !== 'string' || !Array.isArray(scale.range)) continue;
      const name = `${domain.signal}${RANGE_SUFFIX}`;
      if (signals.has(name)) scale.range = { signal: name };
    }
    for (const mark of (node.marks as unknown[] | undefined) ?? []) walk(mark);
  };
  walk(spec);
  return spec;
}
