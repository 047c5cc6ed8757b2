/**
 * Gives the labels of one axis: the caller's labels (checked against the axis length) or the indices 0..n-1.
 *
 * Shapes: `labels` of length `n` (or none) -> `n` strings.
 *
 * @example
 * toLabels('heatmap', 'rowLabels', ['a', 'b'], 2); // ['a', 'b']
 * toLabels('heatmap', 'rowLabels', undefined, 3);  // ['0', '1', '2']
 */
export function toLabels(
  fn: string,
  arg: string,
  labels: readonly (string | number)[] | undefined,
  n: number,
): string[] {
  if (labels === undefined) return Array.from({ length: n }, (_, i) => String(i));
  if (!Array.isArray(labels)) throw new TypeError(`${fn}: ${arg} must be an array of strings, got ${typeof labels}`);
  if (labels.length !== n) {
    throw new RangeError(`${fn}: ${arg} has ${labels.length} labels but the axis has ${n} entries`);
  }
  return labels.map(String);
}
