export { type LayerNormOptions, layerNorm } from './layerNorm.js';
export { logSoftmax } from './logSoftmax.js';
export { logsumexp } from './logsumexp.js';
export { type SoftmaxOptions, softmax } from './softmax.js';
