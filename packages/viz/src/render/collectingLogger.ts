/** A Vega / Vega-Lite logger that hands warnings and errors to a callback instead of the console. */
export interface CollectingLogger {
  level(_?: number): number | CollectingLogger;
  error(...args: readonly unknown[]): CollectingLogger;
  warn(...args: readonly unknown[]): CollectingLogger;
  info(...args: readonly unknown[]): CollectingLogger;
  debug(...args: readonly unknown[]): CollectingLogger;
}

/**
 * Makes a logger whose warnings and errors go to `onWarning` as one string each (info and debug are dropped).
 *
 * @example
 * const warnings: string[] = [];
 * compile(spec, { logger: collectingLogger((m) => warnings.push(m)) });
 */
export function collectingLogger(onWarning: (message: string) => void): CollectingLogger {
  let level = 2; // vega-util's Warn
  const say = (args: readonly unknown[]) =>
    onWarning(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  const self: CollectingLogger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return self;
    },
    error(...args) {
      say(args);
      return self;
    },
    warn(...args) {
      say(args);
      return self;
    },
    info: () => self,
    debug: () => self,
  };
  return self;
}
