/**
 * The landing page's first paint. The server renders the page without numbers; this small script (our packages'
 * attention and colours, without Vue or Vega) computes the landing map's weights and paints them into the canvas
 * the server left for them, before the browser first renders the page and long before the app has started. The
 * site's build bundles it on its own and loads it, render-blocking, ahead of the app (.vitepress/firstPaintScript.ts).
 * The app then takes over the same canvas and paints the same numbers until the chart has drawn.
 */
import { FIRST_PAINT_ATTRIBUTE, LANDING_MAP, landingPreview, landingWalkthrough } from '../lib/landingMap';
import { paintLandingPreview } from '../lib/paintLandingPreview';

const canvas = document.querySelector<HTMLCanvasElement>(`canvas[${FIRST_PAINT_ATTRIBUTE}]`);
if (canvas) {
  const { seed, head } = LANDING_MAP;
  paintLandingPreview(canvas, landingPreview(landingWalkthrough(seed), seed, head), 'first-paint script');
}
