/**
 * Random scaled dot-product attention problems: batch axes that broadcast, GQA, views, boolean or additive masks
 * (with -Infinity entries) of any broadcasting shape, scale and causal alignment. The defaults (empty sequences
 * included, every causal alignment) are the flash tests'; the scaled dot-product tests narrow them.
 */
import type { Tensor } from '@attn/tensor';
import fc from 'fast-check';
import { layoutArb, makeBoolMask, makeView, squeezeSome } from './arbitraries.js';

export interface AttentionProblemSizes {
  /** Query and key lengths, inclusive ranges. */
  tq?: { min: number; max: number };
  tk?: { min: number; max: number };
  /** The causal settings to draw from. */
  causal?: (boolean | 'upper-left' | 'lower-right')[];
}

export const attentionProblemArb = ({
  tq = { min: 0, max: 7 },
  tk = { min: 0, max: 13 },
  causal = [false, true, 'upper-left', 'lower-right'],
}: AttentionProblemSizes = {}) =>
  fc
    .record({
      lead: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
      hkv: fc.integer({ min: 1, max: 3 }),
      group: fc.integer({ min: 1, max: 3 }),
      tq: fc.integer(tq),
      tk: fc.integer(tk),
      d: fc.integer({ min: 1, max: 5 }),
      dv: fc.integer({ min: 1, max: 5 }),
      gqa: fc.boolean(),
      squeezeQ: fc.nat(15),
      squeezeK: fc.nat(15),
      maskKind: fc.constantFrom('none', 'bool', 'additive'),
      squeezeMask: fc.nat(31),
      maskRankDrop: fc.nat(2),
      causal: fc.constantFrom(...causal),
      scale: fc.option(fc.double({ min: -2, max: 2, noNaN: true }), { nil: undefined }),
      layouts: fc.tuple(layoutArb, layoutArb, layoutArb),
      dtype: fc.constantFrom('float32' as const, 'float64' as const),
      seed: fc.nat(),
    })
    .map((p) => {
      const hq = p.gqa ? p.hkv * p.group : p.hkv;
      // Without GQA, q's and k's batch axes broadcast against each other: squeeze some to 1.
      const qLead = p.gqa ? [...p.lead, hq] : squeezeSome([...p.lead, hq], p.squeezeQ);
      const kLead = p.gqa ? [...squeezeSome(p.lead, p.squeezeK), p.hkv] : squeezeSome([...p.lead, hq], p.squeezeK);
      const q = makeView([...qLead, p.tq, p.d], p.seed, p.layouts[0], p.dtype);
      const k = makeView([...kLead, p.tk, p.d], p.seed + 1, p.layouts[1], p.dtype);
      const v = makeView([...kLead, p.tk, p.dv], p.seed + 2, p.layouts[2], p.dtype);
      const full = [...p.lead, hq, p.tq, p.tk];
      const mshape = squeezeSome(full, p.squeezeMask).slice(Math.min(p.maskRankDrop, full.length - 1));
      let mask: Tensor | undefined;
      if (p.maskKind === 'bool') mask = makeBoolMask(mshape, p.seed + 3);
      if (p.maskKind === 'additive') {
        const m = makeView(mshape, p.seed + 3, 'contiguous', p.dtype);
        // Some -Infinity entries, as additive masks use to hide keys.
        for (let i = 0; i < m.data.length; i += 5) m.data[i] = Number.NEGATIVE_INFINITY;
        mask = m;
      }
      return { ...p, q, k, v, mask, options: { mask, causal: p.causal, scale: p.scale, enableGqa: p.gqa } };
    });
