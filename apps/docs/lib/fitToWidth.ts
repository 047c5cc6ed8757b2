/**
 * Fits the chart Vega drew into `box` (a canvas or an SVG element, its only child) to the box's width: a chart
 * wider than the column is scaled down with a CSS transform, and the box takes the scaled height. Vega maps
 * pointer positions through a transform, so hovers and tooltips pick the cell under the pointer; narrowing the
 * element with a CSS width instead (`max-width: 100%`) would make a canvas read the pointer at the wrong cell.
 * Returns the factor the chart is shown at (1 when it fits).
 * @example
 * new ResizeObserver(() => fitToWidth(container)).observe(container);
 */
export function fitToWidth(box: HTMLElement): number {
  const drawn = box.querySelector<HTMLElement | SVGSVGElement>(':scope > canvas, :scope > svg');
  if (!drawn) return 1;
  drawn.style.transform = '';
  const natural = drawn.getBoundingClientRect();
  const available = box.clientWidth;
  if (natural.width <= available || natural.width === 0 || available === 0) {
    box.style.height = '';
    return 1;
  }
  const scale = available / natural.width;
  drawn.style.transformOrigin = '0 0';
  drawn.style.transform = `scale(${scale})`;
  box.style.height = `${natural.height * scale}px`;
  return scale;
}
