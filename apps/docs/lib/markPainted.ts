import { afterNextPaint } from './afterNextPaint';

const KEY = Symbol.for('attn.markPainted');

/**
 * Puts a mark named `name` on the page's performance timeline at the paint that shows what was just drawn, with
 * `detail`; only the first call for a name counts. Drawn before the page's first contentful paint: that paint
 * shows it, so the mark takes its time. Drawn later: the mark is set once the next frame has been painted, a
 * little late rather than early. The browser tests time the landing page's first map and its chart from these marks.
 * @example
 * ctx.putImageData(image, 0, 0);
 * markPainted('attn:landing-preview', { weights: rows });
 */
export function markPainted(name: string, detail: unknown): void {
  if (claimed.has(name) || performance.getEntriesByName(name).length > 0) return;
  claimed.add(name);
  const mark = (startTime: number): void => void performance.mark(name, { startTime, detail });
  if (performance.getEntriesByName('first-contentful-paint').length === 0) {
    const observer = new PerformanceObserver((list) => {
      const [paint] = list.getEntriesByName('first-contentful-paint');
      if (!paint) return;
      observer.disconnect();
      mark(paint.startTime);
    });
    observer.observe({ type: 'paint', buffered: true });
    return;
  }
  void afterNextPaint().then(() => mark(performance.now()));
}

/**
 * Names already being marked in this page (a mark may wait for its paint). Kept on the global object: the landing
 * page's first-paint script and the app are separate bundles, each with its own copy of this module.
 */
const claimed: Set<string> = ((globalThis as { [KEY]?: Set<string> })[KEY] ??= new Set());
