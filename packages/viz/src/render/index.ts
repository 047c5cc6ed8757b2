/**
 * @attn/viz/render: turns the specs of `@attn/viz` into SVG, PNG and self-contained HTML files, in Node.
 * Separate from the builders so that building specs never loads the Vega runtime.
 * @packageDocumentation
 */
export { type CollectingLogger, collectingLogger } from './collectingLogger.js';
export { fontFiles } from './fontFiles.js';
export type { RenderOptions } from './RenderOptions.js';
export { type HTMLOptions, toHTML } from './toHTML.js';
export { type PNGOptions, svgToPNG, toPNG } from './toPNG.js';
export { toSVG } from './toSVG.js';
export { toVega } from './toVega.js';
export { toView } from './toView.js';
