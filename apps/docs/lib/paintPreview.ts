import type { RGBAImage } from '@attn/viz';

/**
 * Paints one pixel per matrix cell into a canvas whose own size is the matrix's (CSS scales it up, pixelated).
 * Painting pixels leaves the element's attributes alone, so a canvas the server rendered can be painted before the
 * app hydrates it.
 * @example
 * paintPreview(canvas, landingPreview(landingWalkthrough(42), 0).pixels);
 */
export function paintPreview(canvas: HTMLCanvasElement, image: RGBAImage): void {
  canvas.getContext('2d')?.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
}
