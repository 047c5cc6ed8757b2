/**
 * The error an int32 op throws instead of wrapping around: `add: int32 overflow: 2147483647 + 1 = 2147483648`.
 * int32 arithmetic here never wraps silently (numpy and PyTorch do); convert with astype to float64 first.
 *
 * @example
 * throw int32Overflow('add', '2147483647 + 1', 2147483648);
 */
export function int32Overflow(fn: string, expression: string, value: number): RangeError {
  return new RangeError(
    `${fn}: int32 overflow: ${expression} = ${value} is outside [-2147483648, 2147483647] (convert with astype to float64 first)`,
  );
}
