// The composable pieces of a Vega-Lite spec, named once (vega-lite exports them only under types_unstable).

export type { TopLevelSpec } from 'vega-lite';
export type { LayerSpec, NonNormalizedSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
