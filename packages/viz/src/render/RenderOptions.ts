/** Options every renderer shares. */
export interface RenderOptions {
  /**
   * Called with each warning Vega-Lite or Vega gives while compiling and rendering; by default warnings go to
   * `console.warn`. Pass `(m) => { throw new Error(m) }` to make them fatal.
   */
  onWarning?: (message: string) => void;
}
