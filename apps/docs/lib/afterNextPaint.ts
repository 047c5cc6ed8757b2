/**
 * Resolves once the browser has painted the next frame: a frame callback runs just before the paint, and a task
 * queued from it runs after.
 * @example
 * await afterNextPaint(); // what was drawn before is on screen now
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}
