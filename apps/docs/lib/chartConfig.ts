import type { Config, TopLevelSpec } from 'vega-lite';

/**
 * What the site lays over a spec's own config. Always: no per-mark ARIA labels (the figure carries the chart's
 * text alternative, and thousands of labelled cells would only slow the redraw and flood a screen reader).
 * In the dark theme: the page's background and readable ink for titles, axes, legends and headers.
 * @example
 * siteConfig(true).background; // '#1b1b1f'
 */
export function siteConfig(dark: boolean): Config {
  if (!dark) return { aria: false };
  const ink = 'rgba(255, 255, 245, 0.86)';
  const soft = 'rgba(235, 235, 245, 0.6)';
  const line = '#4a4d52';
  return {
    aria: false,
    background: '#1b1b1f',
    title: { color: ink, subtitleColor: soft },
    axis: { labelColor: soft, titleColor: ink, domainColor: line, tickColor: line, gridColor: line },
    legend: { labelColor: soft, titleColor: ink },
    header: { labelColor: ink, titleColor: ink },
    text: { color: ink },
  };
}

function isPlain(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = isPlain(value) && isPlain(base[key]) ? merge(base[key] as Record<string, unknown>, value) : value;
  }
  return out;
}

/**
 * The spec with the site's config laid over its own (the spec's `config`, e.g. `@attn/viz`'s theme, stays the
 * base). Only the top level is copied, so inline data arrays keep their identity.
 * @example
 * vegaLite.compile(withSiteConfig(spec, isDark));
 */
export function withSiteConfig(spec: TopLevelSpec, dark: boolean): TopLevelSpec {
  const own = isPlain(spec.config) ? spec.config : {};
  return { ...spec, config: merge(own, siteConfig(dark) as Record<string, unknown>) } as TopLevelSpec;
}
