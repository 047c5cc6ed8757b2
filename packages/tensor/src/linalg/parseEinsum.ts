/** An einsum spec taken apart: the axis letters of each operand and of the result. */
export interface EinsumSpec {
  /** One string of axis letters per operand, in the order given (`'ij,jk->ik'` gives `['ij', 'jk']`). */
  readonly inputs: readonly string[];
  /** The result's axis letters (`'ik'`); `''` for a scalar. */
  readonly output: string;
}

/**
 * Parses an einsum spec such as `'bhqd,bhkd->bhqk'` for `count` operands, checking its grammar.
 *
 * Axis names are single letters (`a-z`, `A-Z`); spaces are ignored. A letter repeated within one operand takes a
 * diagonal (`'ii->i'`); a letter missing from the output is summed over. Without `->` the output is numpy's
 * implicit one: the letters that occur exactly once over all operands, in alphabetical order (`'ij,jk'` means
 * `'ij,jk->ik'`). Checks only the spec itself; the operands' ranks and lengths are checked by `einsum`.
 *
 * @example
 * parseEinsum('ij,jk->ik', 2); // { inputs: ['ij', 'jk'], output: 'ik' }
 * parseEinsum('ij,jk', 2);     // the same, output implied
 * parseEinsum('ii', 1);        // { inputs: ['ii'], output: '' } (the trace)
 */
export function parseEinsum(spec: string, count: number): EinsumSpec {
  if (typeof spec !== 'string')
    throw new TypeError(`einsum: spec must be a string such as 'ij,jk->ik', got ${typeof spec}`);
  const clean = spec.replace(/\s+/g, '');
  if (clean.includes('...')) {
    throw new RangeError(
      `einsum: the spec '${spec}' uses '...', which is not supported: name every axis with a letter`,
    );
  }
  const sides = clean.split('->');
  if (sides.length > 2) throw new RangeError(`einsum: the spec '${spec}' has more than one '->'`);
  const inputs = sides[0].split(',');
  for (const term of sides) {
    const bad = term.replace(/[a-zA-Z,]/g, '');
    if (bad.length > 0) {
      throw new RangeError(
        `einsum: unexpected character '${bad[0]}' in the spec '${spec}' (axis names are single letters a-z, A-Z)`,
      );
    }
  }
  if (sides.length === 2 && sides[1].includes(',')) {
    throw new RangeError(`einsum: the spec '${spec}' names several outputs; einsum has one result`);
  }
  if (inputs.length !== count) {
    throw new RangeError(
      `einsum: the spec '${spec}' names ${inputs.length} operand${inputs.length === 1 ? '' : 's'} but ${count} ${count === 1 ? 'was' : 'were'} given`,
    );
  }
  const seen = new Map<string, number>();
  for (const term of inputs) for (const letter of term) seen.set(letter, (seen.get(letter) ?? 0) + 1);

  if (sides.length === 1) {
    const once = [...seen].filter(([, n]) => n === 1).map(([letter]) => letter);
    return { inputs, output: once.sort().join('') };
  }
  const output = sides[1];
  for (let i = 0; i < output.length; i++) {
    const letter = output[i];
    if (output.indexOf(letter) !== i) {
      throw new RangeError(`einsum: the output '${output}' of '${spec}' names axis '${letter}' twice`);
    }
    if (!seen.has(letter)) {
      throw new RangeError(`einsum: output axis '${letter}' of '${spec}' appears in no operand`);
    }
  }
  return { inputs, output };
}
