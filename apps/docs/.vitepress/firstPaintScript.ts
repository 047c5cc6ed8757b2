import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { TransformContext } from 'vitepress';

/** The landing page's first-paint script: computes and paints the first attention map (entries/). */
const ENTRY = fileURLToPath(new URL('../entries/landingFirstPaint.ts', import.meta.url));

/** What {@link firstPaintScript} hands the site config: a Vite plugin and a `transformHtml` hook. */
export interface FirstPaintScript {
  /** Bundles the script in the client build, on its own, into `assets/landing-first-paint.<hash>.js`. */
  plugin: {
    name: string;
    apply: (config: unknown, env: { command: string; isSsrBuild?: boolean }) => boolean;
    generateBundle: (
      this: { emitFile: (file: { type: 'asset'; fileName: string; source: Uint8Array }) => string },
      options: unknown,
      bundle: unknown,
    ) => Promise<void>;
  };
  /** Loads it in the landing page's head, render-blocking, ahead of the app. */
  transformHtml: (code: string, id: string, context: TransformContext) => string | undefined;
}

/**
 * Lets the landing page show its live attention map in the browser's first paint. The app (Vue, the theme, our
 * packages) is about 400 kB of JavaScript that runs after the page is parsed; the chart libraries are 800 kB
 * more. The map's numbers need neither: this builds a separate script of about 70 kB (@attn/attention's
 * walkthrough and @attn/viz's colours) and loads it in the landing page's head as a module that blocks rendering
 * (`blocking="render"`). It runs once the page is parsed and before the app, paints the weights into the canvas
 * the server rendered, and the browser's first paint shows them. Browsers without `blocking` paint the map a
 * frame later; without the script (the dev server), the app paints it.
 * @example
 * const firstPaint = firstPaintScript();
 * defineConfig({ vite: { plugins: [firstPaint.plugin] }, transformHtml: firstPaint.transformHtml });
 */
export function firstPaintScript(): FirstPaintScript {
  let fileName: string | undefined;
  return {
    plugin: {
      name: 'attn-first-paint-script',
      apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
      async generateBundle() {
        const result = await build({
          entryPoints: [ENTRY],
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2022',
          minify: true,
          write: false,
          logLevel: 'warning',
        });
        const source = result.outputFiles[0].contents;
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
        fileName = `assets/landing-first-paint.${hash}.js`;
        this.emitFile({ type: 'asset', fileName, source });
      },
    },
    transformHtml(code, _id, { pageData, siteConfig }) {
      if (pageData.relativePath !== 'index.md') return undefined;
      if (!fileName) throw new Error('firstPaintScript: the client build did not bundle the first-paint script');
      // Module scripts run in document order: this one must come before the app's.
      const app = code.indexOf('<script type="module"');
      if (app < 0) throw new Error('firstPaintScript: no module script in the landing page to load it ahead of');
      const tag = `<script type="module" blocking="render" src="${siteConfig.site.base}${fileName}"></script>\n    `;
      return code.slice(0, app) + tag + code.slice(app);
    },
  };
}
