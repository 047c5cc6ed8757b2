import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HeadConfig, TransformContext } from 'vitepress';

/** The module that imports the chart libraries on demand. */
const LOADER = /\/lib\/loadVega\.ts$/;
/** The packages it imports: every chart needs them before it can draw. */
const CHART_LIBRARIES = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:vega|vega-lite|vega-interpreter)\//;

interface OutputChunk {
  type: 'chunk';
  fileName: string;
  moduleIds: string[];
  imports: string[];
  dynamicImports: string[];
}

/** What {@link chartPreloads} hands the site config: a Vite plugin and a `transformHead` hook. */
export interface ChartPreloads {
  /** Records, in the client build, which chunks hold the chart libraries and the chunks they import. */
  plugin: {
    name: string;
    apply: (config: unknown, env: { isSsrBuild?: boolean }) => boolean;
    generateBundle: (options: unknown, bundle: Record<string, OutputChunk | { type: 'asset' }>) => void;
  };
  /** `<link rel="modulepreload">` tags for those chunks, on the chapters' pages that draw charts. */
  transformHead: (context: TransformContext) => HeadConfig[];
}

/**
 * Lets a page fetch and compile vega, vega-lite and vega-interpreter from its first bytes on, in parallel with
 * the theme, instead of after the app has started and a chart has asked for them (which cost a chart about a
 * quarter of a second here). Pages without charts (most of the API reference) do not preload them, and neither
 * does the landing page: its first map is painted without Vega (see firstPaintScript.ts), and fetching and
 * compiling 800 kB alongside delayed that paint by about 0.12 s (median of 8 loads: 788 -> 664 ms) while the
 * chart came about as soon (1263 -> 1303 ms): the app asks for Vega when it starts.
 * @example
 * const preloads = chartPreloads();
 * defineConfig({ vite: { plugins: [preloads.plugin] }, transformHead: preloads.transformHead });
 */
export function chartPreloads(): ChartPreloads {
  let files: string[] = [];
  return {
    plugin: {
      name: 'attn-chart-preloads',
      // The client build names the chunks the browser fetches; the server build has nothing to preload.
      apply: (_config, env) => !env.isSsrBuild,
      generateBundle(_options, bundle) {
        const chunks = new Map<string, OutputChunk>();
        for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
        const wanted = new Set<string>();
        const add = (fileName: string): void => {
          if (wanted.has(fileName)) return;
          wanted.add(fileName);
          for (const dep of chunks.get(fileName)?.imports ?? []) add(dep);
        };
        // The chunks the loader imports dynamically that hold a chart library (not, say, the search box).
        for (const chunk of chunks.values()) {
          if (!chunk.moduleIds.some((id) => LOADER.test(id))) continue;
          for (const target of chunk.dynamicImports) {
            if (chunks.get(target)?.moduleIds.some((id) => CHART_LIBRARIES.test(id))) add(target);
          }
        }
        if (wanted.size === 0) {
          throw new Error('chartPreloads: no chunk of vega, vega-lite or vega-interpreter in the client build');
        }
        files = [...wanted];
      },
    },
    transformHead({ pageData, siteConfig }) {
      const page = pageData.relativePath;
      const source = join(siteConfig.srcDir, page);
      const drawsCharts = page !== 'index.md' && existsSync(source) && /<Chart\b/.test(readFileSync(source, 'utf8'));
      if (!drawsCharts) return [];
      return files.map(
        (file): HeadConfig => ['link', { rel: 'modulepreload', href: `${siteConfig.site.base}${file}` }],
      );
    },
  };
}
