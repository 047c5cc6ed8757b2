import type { LandingPreview } from './landingMap';
import { markPainted } from './markPainted';

/**
 * Paints the landing map's preview into a canvas whose own size is the matrix's (CSS scales it up, pixelated),
 * and marks when the page first showed it (`attn:landing-preview`, with the weights and `by`, who painted them).
 * Painting pixels leaves the element's attributes alone, so a canvas the server rendered can be painted before the
 * app hydrates it.
 * @example
 * paintLandingPreview(canvas, landingPreview(landingWalkthrough(42), 42, 0), 'app');
 */
export function paintLandingPreview(canvas: HTMLCanvasElement, preview: LandingPreview, by: string): void {
  const { width, height, data } = preview.pixels;
  canvas.getContext('2d')?.putImageData(new ImageData(data, width, height), 0, 0);
  const { seed, head, rows } = preview;
  markPainted('attn:landing-preview', { seed, head, weights: rows, by });
}
