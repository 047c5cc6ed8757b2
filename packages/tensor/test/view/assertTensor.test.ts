import { describe, expect, it } from 'vitest';
import * as T from '../../src/index.js';

const ok = T.tensor([
  [1, 2],
  [3, 4],
]);
const ids = T.tensor([[0]], { dtype: 'int32' });
const mask = T.tensor([true]);

// Every public function that takes a tensor names itself and the argument when given something else.
const cases: [string, () => unknown, string][] = [
  ['tril', () => T.tril([[1]] as never), 'tril: t must be a tensor, got an array'],
  ['triu', () => T.triu(null as never), 'triu: t must be a tensor, got null'],
  ['zerosLike', () => T.zerosLike({} as never), 'zerosLike: t must be a tensor, got an object'],
  ['onesLike', () => T.onesLike(3 as never), 'onesLike: t must be a tensor, got the number 3'],
  ['fullLike', () => T.fullLike(undefined as never, 1), 'fullLike: t must be a tensor, got undefined'],
  ['transpose', () => T.transpose(new Float32Array(4) as never), 'transpose: t must be a tensor, got a Float32Array'],
  ['permute', () => T.permute('x' as never, [0]), 'permute: t must be a tensor, got the string "x"'],
  ['slice', () => T.slice([] as never, []), 'slice: t must be a tensor, got an array'],
  ['select', () => T.select({} as never, 0, 0), 'select: t must be a tensor, got an object'],
  ['reshape', () => T.reshape({} as never, [1]), 'reshape: t must be a tensor, got an object'],
  ['expandDims', () => T.expandDims({} as never, 0), 'expandDims: t must be a tensor, got an object'],
  ['squeeze', () => T.squeeze({} as never), 'squeeze: t must be a tensor, got an object'],
  ['broadcastTo', () => T.broadcastTo({} as never, [1]), 'broadcastTo: t must be a tensor, got an object'],
  ['flip', () => T.flip({} as never), 'flip: t must be a tensor, got an object'],
  ['contiguous', () => T.contiguous({} as never), 'contiguous: t must be a tensor, got an object'],
  ['clone', () => T.clone({} as never), 'clone: t must be a tensor, got an object'],
  ['astype', () => T.astype({} as never, 'int32'), 'astype: t must be a tensor, got an object'],
  ['concat', () => T.concat([ok, [1] as never]), 'concat: tensors[1] must be a tensor, got an array'],
  ['stack', () => T.stack([{} as never]), 'stack: tensors[0] must be a tensor, got an object'],
  ['split', () => T.split({} as never, 2), 'split: t must be a tensor, got an object'],
  ['indexSelect', () => T.indexSelect(ok, 0, [0] as never), 'indexSelect: indices must be a tensor, got an array'],
  ['gather', () => T.gather({} as never, 0, ids), 'gather: t must be a tensor, got an object'],
  ['where', () => T.where(mask, { a: 1 } as never, 0), 'where: a must be a tensor, got an object'],
  ['where', () => T.where([true] as never, ok, 0), 'where: cond must be a tensor, got an array'],
  ['maskedFill', () => T.maskedFill(ok, [true] as never, 0), 'maskedFill: mask must be a tensor, got an array'],
  ['toFlat', () => T.toFlat({} as never), 'toFlat: t must be a tensor, got an object'],
  ['toNested', () => T.toNested({} as never), 'toNested: t must be a tensor, got an object'],
  ['get', () => T.get({} as never, 0), 'get: t must be a tensor, got an object'],
  ['format', () => T.format({} as never), 'format: t must be a tensor, got an object'],
];

describe('non-tensor arguments', () => {
  it.each(cases)('%s names itself and the argument', (_, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });
});
