export { broadcastShapes } from './broadcastShapes.js';
export type { DataOf, DataTypeMap, DType, FloatDType } from './dtype.js';
export { allocate, assertDType, DEFAULT_DTYPE, DTYPES, dtypeOfArray, isFloatDType } from './dtype.js';
export { forEachOffset } from './forEachOffset.js';
export { isContiguous } from './isContiguous.js';
export { isTensor } from './isTensor.js';
export { makeTensor } from './makeTensor.js';
export { assertShape, normalizeAxis, rowMajorStrides, showShape, sizeOf } from './shape.js';
export type { FloatTensor, NestedArray, Shape, Tensor } from './Tensor.js';
