import { reactive, readonly } from 'vue';

/** What the clock knows: charts still drawing, and the last measured redraw. */
export interface RedrawState {
  /** Charts that started drawing and have not finished. */
  pending: number;
  /** Milliseconds from the last control change to every chart on the page drawn (and painted). */
  lastMs: number | undefined;
  /** How many redraws have been measured on this page so far. */
  measured: number;
}

const state = reactive<RedrawState>({ pending: 0, lastMs: undefined, measured: 0 });
let startedAt = 0;

function finish(): void {
  if (state.pending > 0 || startedAt === 0) return;
  const started = startedAt;
  startedAt = 0;
  // One animation frame later the browser has painted what the charts drew.
  requestAnimationFrame(() => {
    state.lastMs = performance.now() - started;
    state.measured += 1;
    document.documentElement.dataset.redrawMs = state.lastMs.toFixed(1);
    document.documentElement.dataset.redrawCount = String(state.measured);
  });
}

/**
 * A page-wide stopwatch for "the reader changed a control; how long until every chart is redrawn?".
 * Controls call `start()` on input; each chart calls `busy()` when it starts drawing and `done()` when its
 * view has rendered. The measured time is shown on the page and read by the browser tests
 * (`document.documentElement.dataset.redrawMs`).
 * @example
 * const clock = useRedrawClock();
 * clock.start(); // then change the inputs the charts depend on
 */
export function useRedrawClock() {
  return {
    state: readonly(state),
    start(): void {
      startedAt = performance.now();
      // Nothing may depend on the change (a control no chart reads): then the redraw is just the next paint.
      queueMicrotask(() => setTimeout(finish, 0));
    },
    busy(): void {
      state.pending += 1;
    },
    done(): void {
      state.pending = Math.max(0, state.pending - 1);
      finish();
    },
  };
}
