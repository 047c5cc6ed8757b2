/**
 * How many panels a small-multiples chart should put in a row: `wide` on a desktop, 2 on a phone-sized screen,
 * where four panels of a text column's width would each be a thumbnail. Read once per draw (charts redraw on
 * every control change); on the server, where there is no screen, the desktop layout.
 * @example
 * headGrid(weights, { columns: gridColumns(4) }); // 4 on a laptop, 2 on a phone
 */
export function gridColumns(wide: number, panels = wide): number {
  const narrow = typeof window !== 'undefined' && window.matchMedia('(max-width: 640px)').matches;
  return Math.min(panels, narrow ? 2 : wide);
}
