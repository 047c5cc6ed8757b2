import { defineConfig } from 'tsup';

// One build, three entries: the spec builders (no runtime dependency at all), the Node renderer, and the CLI.
export default defineConfig({
  entry: { index: 'src/index.ts', 'render/index': 'src/render/index.ts', cli: 'src/cli/attn-viz.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', 'render/index': 'src/render/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
  splitting: true,
});
