import { ready } from '@attn/tensor';
import { onMounted, type Ref, ref, type ShallowRef, shallowRef, watch } from 'vue';

/** What {@link useLive} hands a page: the latest result, how long it took, and an error if it threw. */
export interface Live<T> {
  /** The latest result; undefined until the first computation in the browser. */
  value: ShallowRef<T | undefined>;
  /** Milliseconds the last computation took in this browser. */
  ms: Ref<number | undefined>;
  /** The message of the last computation's error (invalid inputs), if any. */
  error: Ref<string | undefined>;
}

/** How {@link useLive} starts. */
export interface LiveOptions {
  /**
   * Compute as soon as the component is mounted, on whichever kernels are ready (the TypeScript ones until the
   * WebAssembly module has compiled), instead of waiting for the SIMD kernels first. For small problems, where
   * the first picture matters more than the kernels it was computed with.
   */
  immediate?: boolean;
}

/**
 * Computes `compute(inputs())` in the browser, once the tensor kernels are ready (WebAssembly SIMD where the
 * browser has it; see {@link LiveOptions.immediate}), and again whenever the inputs change, timing each run.
 * Nothing runs on the server: the pages are pre-rendered without numbers, so there is no hydration mismatch
 * between Node's arithmetic and the reader's, and the figures shown are the reader's own.
 * @example
 * const live = useLive(() => ({ ...controls.value }), (c) => seedWalkthrough(c));
 */
export function useLive<I, T>(inputs: () => I, compute: (inputs: I) => T, options: LiveOptions = {}): Live<T> {
  const value = shallowRef<T>();
  const ms = ref<number>();
  const error = ref<string>();
  let lastKey: string | undefined;
  const run = (current: I): void => {
    // Controls this computation does not read may change too: recompute only when its own inputs did.
    const key = JSON.stringify(current);
    if (key === lastKey) return;
    lastKey = key;
    const started = performance.now();
    try {
      value.value = compute(current);
      error.value = undefined;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
    ms.value = performance.now() - started;
  };
  onMounted(async () => {
    if (!options.immediate) await ready();
    watch(inputs, run, { immediate: true, deep: true });
  });
  return { value, ms, error };
}
