/** One input of the shared control panel, described as data so every page builds its panel the same way. */
export type ControlSpec =
  | {
      key: string;
      label: string;
      type: 'range' | 'number';
      min: number;
      max: number;
      step?: number;
      help?: string;
      /** How the current value reads next to a slider, e.g. `(t) => t.toFixed(2)`. */
      format?: (value: number) => string;
    }
  | {
      key: string;
      label: string;
      type: 'select';
      options: { value: string | number; label: string }[];
      help?: string;
    }
  | { key: string; label: string; type: 'toggle'; help?: string };

/** The values of a panel, by control key. */
export type ControlValues = Record<string, string | number | boolean>;

/** The seed of every random draw on the page (embeddings, weights): change it for another toy example. */
export const seedControl: ControlSpec = {
  key: 'seed',
  label: 'Seed',
  type: 'number',
  min: 0,
  max: 9999,
  step: 1,
  help: 'Every random number on this page is drawn from this seed.',
};

/** The number of tokens T, the length of the query and key axes. */
export function lengthControl(max = 128, min = 2): ControlSpec {
  return {
    key: 'tokens',
    label: 'Sequence length T',
    type: 'range',
    min,
    max,
    step: 1,
    help: 'Number of tokens: the rows and columns of every attention map.',
  };
}

/** The model width d_model, offered as the multiples of 8 that split evenly into the usual head counts. */
export function modelWidthControl(options = [16, 32, 64, 128, 256, 512]): ControlSpec {
  return {
    key: 'dModel',
    label: 'Model width d_model',
    type: 'select',
    options: options.map((value) => ({ value, label: String(value) })),
    help: 'Width of each token vector.',
  };
}

/** The number of heads h; d_k = d_model / h. */
export function headsControl(options = [1, 2, 4, 8]): ControlSpec {
  return {
    key: 'heads',
    label: 'Heads h',
    type: 'select',
    options: options.map((value) => ({ value, label: String(value) })),
    help: 'Each head works in d_k = d_model / h dimensions.',
  };
}

/** Which mask the attention uses. */
export const maskControl: ControlSpec = {
  key: 'mask',
  label: 'Mask',
  type: 'select',
  options: [
    { value: 'none', label: 'none' },
    { value: 'causal', label: 'causal' },
    { value: 'padding', label: 'padding' },
  ],
  help: 'Which query-key pairs may attend.',
};

/** A temperature dividing the scores before the softmax: 1 is the paper's attention. */
export const temperatureControl: ControlSpec = {
  key: 'temperature',
  label: 'Temperature',
  type: 'range',
  min: 0.05,
  max: 4,
  step: 0.05,
  help: 'Scores are divided by this before the softmax: low is sharp, high is flat.',
  format: (t) => t.toFixed(2),
};
