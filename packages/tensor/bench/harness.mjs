// The shared timing harness of every benchmark group: interleaved rounds (each contender once per round, in turn,
// so drift and the neighbours' load hit all of them alike), medians per call, and a markdown table printer.
//
// A contender is one small object: { name, setup(shape) -> run } where `setup` makes its inputs (untimed) and
// returns the function that is timed; `run` does one whole call, reading the result back as a caller would.

/** Deterministic values in [-0.5, 0.5) (an LCG), so every contender multiplies the same numbers. */
export function random(n, seed) {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}

/**
 * The clocks a benchmark may time by. 'wall' is performance.now(); 'cpu' is this process's CPU time
 * (process.cpuUsage: user + system, every thread of the process), which neighbours on the shared cores do not
 * inflate the way they inflate wall time (time spent waiting for a core is not counted).
 */
export const clocks = {
  wall: () => performance.now(),
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

/** Calls per timed batch so that one batch takes about `ms` milliseconds on `now` (at least one call). */
export async function calibrate(run, ms, now = clocks.wall) {
  let reps = 1;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < reps; i++) await run();
    if (now() - t0 >= ms || reps >= 1 << 16) return reps;
    reps *= 2;
  }
}

/**
 * Milliseconds per call of each run function in each of `rounds` interleaved rounds of about `ms` (each contender
 * once per round, in turn): `times[i][r]`. `before[i]` (optional) runs untimed before each of contender i's batches
 * (e.g. switching a backend); `clock` is a key of {@link clocks}.
 */
export async function timeRounds(runs, { rounds = 7, ms = 50, before = [], clock = 'wall' } = {}) {
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
  return times;
}

/** The median of a list of numbers. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Median milliseconds per call of each run function over interleaved rounds (options as {@link timeRounds}). */
export async function interleaved(runs, options = {}) {
  return (await timeRounds(runs, options)).map(median);
}

/** Prints a markdown table: `header` is the list of column titles, `rows` lists of cells. */
export function printTable(header, rows) {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

/** Command-line options shared by the groups: `--quick` (fewer sizes and rounds), `--rounds=N`, and filters. */
export function parseArgs(argv) {
  const opts = { quick: false, rounds: undefined, groups: [], only: undefined };
  for (const arg of argv) {
    if (arg === '--quick') opts.quick = true;
    else if (arg.startsWith('--rounds=')) opts.rounds = Number(arg.slice(9));
    else if (arg.startsWith('--only='))
      opts.only = arg.slice(7); // a substring of the row label, e.g. --only=1024
    else if (!arg.startsWith('--')) opts.groups.push(arg);
  }
  return opts;
}
