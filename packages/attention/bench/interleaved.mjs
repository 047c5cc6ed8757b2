// Interleaved rounds and medians, as packages/tensor/bench/harness.mjs times them, with a choice of clock:
// 'cpu' (the default here) reads this process's CPU time (process.cpuUsage: user + system), which the other
// processes sharing the machine's two cores do not inflate the way they inflate wall time (time slices spent
// waiting for a core are not counted); 'wall' reads performance.now(). Both clocks time every contender alike.

const clocks = {
  wall: () => performance.now(),
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

/** Calls per timed batch so that one batch takes about `ms` milliseconds on `clock` (at least one call). */
async function calibrate(run, ms, now) {
  let reps = 1;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < reps; i++) await run();
    if (now() - t0 >= ms || reps >= 1 << 16) return reps;
    reps *= 2;
  }
}

/**
 * Median milliseconds per call of each run function, over `rounds` interleaved rounds of about `ms` each (each
 * contender once per round, in turn). `before[i]` (optional) runs untimed before each of contender i's batches.
 * @param {(() => unknown)[]} runs
 * @param {{ rounds?: number, ms?: number, before?: ((() => unknown) | undefined)[], clock?: 'cpu' | 'wall' }} options
 * @returns {Promise<number[]>}
 */
export async function interleaved(runs, { rounds = 7, ms = 50, before = [], clock = 'cpu' } = {}) {
  const now = clocks[clock];
  const reps = [];
  for (let i = 0; i < runs.length; i++) {
    await before[i]?.();
    await runs[i](); // warm-up
    reps.push(await calibrate(runs[i], ms, now));
  }
  const times = runs.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < runs.length; i++) {
      await before[i]?.();
      const t0 = now();
      for (let q = 0; q < reps[i]; q++) await runs[i]();
      times[i].push((now() - t0) / reps[i]);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)[t.length >> 1]);
}
