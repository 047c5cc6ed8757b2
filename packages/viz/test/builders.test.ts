import { type Tensor, tensor } from '@attn/tensor';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import {
  alibiBias,
  attentionStages,
  attentionWeights,
  headGrid,
  headStats,
  heatmap,
  MASKED_LABEL,
  matrixProduct,
  positionalEncoding,
  queryKeyBreakdown,
  ropeRotation,
  scoreDistribution,
  tokenLinks,
} from '../src/index.js';
import { headRecords, makeTrace, matmulT, randn, sinusoidal, softmaxRows, TOKENS } from './fixtures.js';
import { compileWarnings, countMarks, isPlainJSON, render, schemaErrors, texts } from './helpers.js';

const n = TOKENS.length;
const causal = (m: number[][]) => m.map((r, i) => r.map((x, j) => (j > i ? Number.NEGATIVE_INFINITY : x)));
const scores = matmulT(randn(n, 4, 1), randn(n, 4, 2));
const weights = softmaxRows(causal(scores));
const headWeights = [0, 1, 2].map((h) => softmaxRows(causal(matmulT(randn(n, 4, 10 + h), randn(n, 4, 20 + h)))));
const theta = 0.6;
const before = Array.from({ length: n }, () => [1, 0.3]);
const after = before.map(([x, y], p) => [
  x * Math.cos(p * theta) - y * Math.sin(p * theta),
  x * Math.sin(p * theta) + y * Math.cos(p * theta),
]);
const isMaskedGroup = (g: string) => /#9b9b9b/.test(g);

interface Case {
  name: string;
  spec: () => TopLevelSpec;
  check: (svg: string) => void;
}

const cases: Case[] = [
  {
    name: 'heatmap',
    spec: () => heatmap(causal(scores), { rowLabels: TOKENS, colLabels: TOKENS, rowTitle: 'query', colTitle: 'key' }),
    check: (svg) => {
      expect(countMarks(svg, 'rect')).toBe(n * n);
      expect(countMarks(svg, 'rect', isMaskedGroup)).toBe((n * (n - 1)) / 2);
      expect(texts(svg)).toEqual(expect.arrayContaining([...TOKENS, 'query', 'key', MASKED_LABEL]));
    },
  },
  {
    name: 'attentionWeights',
    spec: () => attentionWeights(weights, TOKENS, { mask: weights.map((r, i) => r.map((_, j) => j <= i)) }),
    check: (svg) => {
      expect(countMarks(svg, 'rect')).toBe(n * n);
      expect(countMarks(svg, 'rect', isMaskedGroup)).toBe((n * (n - 1)) / 2);
      expect(texts(svg)).toEqual(expect.arrayContaining([...TOKENS, 'weight', 'Attention weights']));
    },
  },
  {
    name: 'attentionStages',
    spec: () => attentionStages(makeTrace(2), { head: 1, tokens: TOKENS }),
    check: (svg) => {
      // four [8, 8] stages and the [8, 4] output
      expect(countMarks(svg, 'rect')).toBe(4 * n * n + n * 4);
      // masked cells in the masked stage and in the weights stage
      expect(countMarks(svg, 'rect', isMaskedGroup)).toBe(n * (n - 1));
      expect(texts(svg)).toEqual(
        expect.arrayContaining(['1. scores Q·Kᵀ', '3. masked', '4. softmax weights', 'purred']),
      );
    },
  },
  {
    name: 'headGrid',
    spec: () => headGrid(headWeights, { tokens: TOKENS }),
    check: (svg) => {
      expect(countMarks(svg, 'rect')).toBe(3 * n * n);
      expect(texts(svg)).toEqual(expect.arrayContaining(['head 0', 'head 2', 'cat']));
    },
  },
  {
    name: 'headGrid with layers',
    spec: () => headGrid([headWeights.slice(0, 2), headWeights.slice(1, 3)]),
    check: (svg) => expect(countMarks(svg, 'rect')).toBe(4 * n * n),
  },
  {
    name: 'tokenLinks',
    spec: () => tokenLinks(headWeights, TOKENS, { minWeight: 0 }),
    check: (svg) => {
      expect(countMarks(svg, 'rule')).toBe(3 * n * n);
      expect(countMarks(svg, 'text')).toBe(2 * n);
      expect(texts(svg).filter((t) => t === 'purred')).toHaveLength(2);
    },
  },
  {
    name: 'queryKeyBreakdown',
    spec: () => queryKeyBreakdown(randn(n, 16, 3), randn(n, 16, 4), 2, 5, { tokens: TOKENS }),
    check: (svg) => {
      expect(countMarks(svg, 'rect')).toBe(3 * 16 + 16);
      expect(texts(svg).join(' ')).toContain('q_2 (sat)');
    },
  },
  {
    name: 'positionalEncoding',
    spec: () => positionalEncoding(sinusoidal(32, 16), { dims: [0, 1, 6] }),
    check: (svg) => {
      expect(countMarks(svg, 'rect')).toBe(32 * 16);
      expect(countMarks(svg, 'line')).toBe(3);
      expect(texts(svg)).toEqual(expect.arrayContaining(['dim 0', 'dim 6', 'position']));
    },
  },
  {
    name: 'ropeRotation',
    spec: () => ropeRotation({ before, after, theta, pair: 0, tokens: TOKENS }),
    check: (svg) => {
      expect(countMarks(svg, 'symbol')).toBe(2 * n);
      expect(texts(svg)).toEqual(expect.arrayContaining(TOKENS));
    },
  },
  {
    name: 'alibiBias (slopes)',
    spec: () => alibiBias([0.5, 0.25], { length: 6 }),
    check: (svg) => {
      expect(countMarks(svg, 'rect')).toBe(2 * 36);
      expect(countMarks(svg, 'rect', isMaskedGroup)).toBe(2 * 15);
      expect(texts(svg)).toContain(MASKED_LABEL);
    },
  },
  {
    name: 'scoreDistribution',
    spec: () =>
      scoreDistribution(
        scores,
        scores.map((r) => r.map((x) => x / 2)),
        { bins: 20 },
      ),
    check: (svg) => {
      expect(countMarks(svg, 'rect')).toBe(40);
      expect(texts(svg).join(' ')).toMatch(/σ = /);
    },
  },
  {
    name: 'headStats',
    spec: () => headStats(headRecords(4, 2), { similarity: randn(8, 8, 5) }),
    check: (svg) => {
      expect(countMarks(svg, 'rect', (g) => !/brush/.test(g))).toBe(4 * 8 + 64);
      expect(countMarks(svg, 'symbol')).toBe(8);
      expect(texts(svg)).toEqual(expect.arrayContaining(['L0 H0', 'L1 H3', 'entropy (nats)']));
    },
  },
  {
    name: 'matrixProduct',
    spec: () => matrixProduct(randn(4, 3, 1), randn(3, 5, 2), undefined, { highlight: [1, 3] }),
    check: (svg) => {
      // 12 + 15 + 20 cells and three outlines
      expect(countMarks(svg, 'rect')).toBe(12 + 15 + 20 + 3);
      expect(texts(svg)).toEqual(expect.arrayContaining(['×', '=', 'A', 'B', 'C']));
    },
  },
];

describe.each(cases)('$name', ({ spec, check }) => {
  it('is plain JSON that validates against the Vega-Lite schema', () => {
    const s = spec();
    expect(isPlainJSON(s)).toBe(true);
    expect(schemaErrors(s)).toEqual([]);
  });

  it('compiles without warnings', () => {
    expect(compileWarnings(spec())).toEqual([]);
  });

  it('renders to SVG in Node with what it should show', async () => {
    const { svg, warnings } = await render(spec());
    expect(warnings).toEqual([]);
    expect(svg.startsWith('<svg')).toBe(true);
    check(svg);
  });
});

describe('inputs', () => {
  it('reads tensors, including strided views, like nested arrays', () => {
    const m = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const t = tensor(m);
    expect(heatmap(t)).toEqual(heatmap(m));
    // The transpose as a view: same data, swapped strides.
    const view: Tensor = { ...t, shape: [3, 2], strides: [1, 3] };
    expect(heatmap(view)).toEqual(
      heatmap([
        [1, 4],
        [2, 5],
        [3, 6],
      ]),
    );
  });

  it('draws a matrix from the image threshold on as one PNG with axes and a legend', async () => {
    const m = randn(40, 30, 3);
    m[0][1] = Number.NEGATIVE_INFINITY;
    const spec = heatmap(m, { imageThreshold: 1000, title: 'big' });
    expect(spec.usermeta).toEqual({ attnViz: { builder: 'heatmap', renderer: 'canvas', drawing: 'image' } });
    expect(schemaErrors(spec)).toEqual([]);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(countMarks(svg, 'image')).toBe(1);
    expect(svg).toContain('data:image/png;base64,');
    expect(texts(svg)).toEqual(expect.arrayContaining(['value', MASKED_LABEL, 'row', 'column']));
  });

  it('draws each head as one image from the threshold on, on one colour scale, layers as rows', async () => {
    const heads = [randn(24, 20, 5), randn(24, 20, 6), randn(24, 20, 7)].map((m) => m.map((r) => r.map(Math.abs)));
    const spec = headGrid(heads, { imageThreshold: 400 });
    expect(spec.usermeta).toEqual({ attnViz: { builder: 'headGrid', renderer: 'canvas', drawing: 'image' } });
    expect(schemaErrors(spec)).toEqual([]);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(countMarks(svg, 'image')).toBe(3);
    expect(texts(svg)).toEqual(expect.arrayContaining(['head 0', 'head 2', 'weight', 'query', 'key']));
    const layered = headGrid([heads.slice(0, 2), heads.slice(1, 3)], { imageThreshold: 400 });
    expect(countMarks((await render(layered)).svg, 'image')).toBe(4);
    expect(texts((await render(layered)).svg)).toContain('layer 1 · head 1');
    // below the threshold: one rect per cell, as before
    expect(headGrid(heads).usermeta).toEqual({ attnViz: { builder: 'headGrid', renderer: 'svg', drawing: 'cells' } });
  });

  it('says which renderer suits a spec', () => {
    expect(heatmap([[1]]).usermeta).toEqual({ attnViz: { builder: 'heatmap', renderer: 'svg', drawing: 'cells' } });
    expect(heatmap(randn(100, 100, 1)).usermeta).toMatchObject({ attnViz: { renderer: 'canvas', drawing: 'cells' } });
  });

  it('chooses the colour scale by the data', () => {
    const colorOf = (s: TopLevelSpec) =>
      (s as { layer: { encoding: { color: { scale: unknown } } }[] }).layer[0].encoding.color.scale;
    expect(
      colorOf(
        heatmap([
          [0, 0.5],
          [1, 0.25],
        ]),
      ),
    ).toEqual({ scheme: 'viridis', domain: [0, 1] });
    expect(colorOf(heatmap([[-3, 1]]))).toEqual({ scheme: 'blueorange', domain: [-3, 3], domainMid: 0 });
    expect(colorOf(heatmap([[-3, 1]], { domain: [-1, 1] }))).toEqual({
      scheme: 'blueorange',
      domain: [-1, 1],
      domainMid: 0,
    });
  });
});

describe('bad input gets a clear error', () => {
  it.each([
    ['ragged rows', () => heatmap([[1, 2], [3]]), /heatmap: matrix is ragged: \[1\] has length 1, expected length 2/],
    ['an empty matrix', () => heatmap([]), /heatmap: matrix is empty \(shape \[0\]\)|must have 2 axes/],
    ['empty rows', () => heatmap([[], []]), /heatmap: matrix is empty \(shape \[2,0\]\)/],
    ['NaN', () => heatmap([[1, Number.NaN]]), /heatmap: matrix holds NaN at \[0,1\]/],
    ['+Infinity', () => heatmap([[1, Number.POSITIVE_INFINITY]]), /heatmap: matrix holds Infinity at \[0,1\]/],
    ['a vector', () => heatmap([1, 2, 3]), /heatmap: matrix must have 2 axes, got shape \[3\]/],
    [
      'strings',
      () => heatmap([['a', 'b']] as never),
      /heatmap: matrix is ragged or not numeric: element \[0,0\] is string/,
    ],
    [
      'label count',
      () => heatmap([[1, 2]], { colLabels: ['a'] }),
      /heatmap: colLabels has 1 labels but the axis has 2 entries/,
    ],
    [
      'token count',
      () =>
        attentionWeights(
          [
            [1, 0],
            [0, 1],
          ],
          ['a', 'b', 'c'],
        ),
      /attentionWeights: query tokens has 3 labels but the axis has 2/,
    ],
    [
      '-Infinity in weights',
      () => attentionWeights([[Number.NEGATIVE_INFINITY]]),
      /attentionWeights: weights holds -Infinity/,
    ],
    [
      'mask shape',
      () =>
        attentionWeights(
          [
            [1, 0],
            [0, 1],
          ],
          undefined,
          { mask: [[true]] },
        ),
      /attentionWeights: mask has shape \[1,1\] but the values have \[2,2\]/,
    ],
    [
      'head out of range',
      () => attentionStages(makeTrace(2), { head: 2 }),
      /attentionStages: head 2 is out of range \[0, 2\)/,
    ],
    [
      'headGrid rank',
      () => headGrid([[1, 2]]),
      /headGrid: weights must be \[head, query, key\] or \[layer, head, query, key\], got 2 axes/,
    ],
    [
      'tokenLinks tokens',
      () => tokenLinks([[1]], ['a', 'b']),
      /tokenLinks: query tokens has 2 labels but the axis has 1/,
    ],
    [
      'd_k mismatch',
      () => queryKeyBreakdown([[1, 2]], [[1, 2, 3]], 0, 0),
      /queryKeyBreakdown: q is \[1,2\] and k is \[1,3\]: d_k differs/,
    ],
    [
      'query index',
      () => queryKeyBreakdown([[1, 2]], [[1, 2]], 3, 0),
      /queryKeyBreakdown: query index i 3 is out of range \[0, 1\)/,
    ],
    [
      'PE dims',
      () => positionalEncoding([[1, 2]], { dims: [5] }),
      /positionalEncoding: dims holds 5, outside \[0, 2\)/,
    ],
    [
      'RoPE pairs',
      () => ropeRotation({ before: [[1, 2, 3]], after: [[1, 2, 3]] }),
      /ropeRotation: before and after must be \[position, 2\]/,
    ],
    [
      'RoPE lengths',
      () =>
        ropeRotation({
          before: [[1, 2]],
          after: [
            [1, 2],
            [3, 4],
          ],
        }),
      /ropeRotation: before has 1 positions but after has 2/,
    ],
    ['ALiBi slopes', () => alibiBias([-1]), /alibiBias: slopes must be non-negative/],
    [
      'all masked',
      () => scoreDistribution([[Number.NEGATIVE_INFINITY]], [[1]]),
      /scoreDistribution: every score is masked/,
    ],
    ['head stats', () => headStats([]), /headStats: stats must be a non-empty array/],
    [
      'head stats NaN',
      () => headStats([{ head: 0, entropy: Number.NaN, maxWeight: 1, meanDistance: 0, firstTokenWeight: 0 }]),
      /headStats: stats\[0\]\.entropy is NaN/,
    ],
    [
      'similarity size',
      () => headStats(headRecords(2), { similarity: [[1]] }),
      /headStats: similarity is \[1,1\] but there are 2 heads/,
    ],
    [
      'product shapes',
      () => matrixProduct([[1, 2]], [[1, 2]]),
      /matrixProduct: shapes \[1,2\] and \[1,2\] do not align \(2 != 1\)/,
    ],
    ['wrong product', () => matrixProduct([[1]], [[2]], [[3]]), /matrixProduct: c\[0\]\[0\] = 3 but a x b gives 2/],
  ])('%s', (_, build, message) => {
    expect(build).toThrow(message);
  });
});

describe('spec structure', () => {
  it('a 2 x 2 heatmap with one masked cell', () => {
    const spec = heatmap(
      [
        [0.5, Number.NEGATIVE_INFINITY],
        [-1, 2],
      ],
      { rowLabels: ['a', 'b'], colLabels: ['x', 'y'] },
    );
    const { config, ...rest } = spec as TopLevelSpec & { config: unknown };
    expect(config).toBeDefined();
    expect(rest).toMatchInlineSnapshot(`
      {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "height": {
          "step": 32,
        },
        "layer": [
          {
            "data": {
              "values": [
                {
                  "col": 0,
                  "row": 0,
                  "value": 0.5,
                },
                {
                  "col": 0,
                  "row": 1,
                  "value": -1,
                },
                {
                  "col": 1,
                  "row": 1,
                  "value": 2,
                },
              ],
            },
            "encoding": {
              "color": {
                "field": "value",
                "scale": {
                  "domain": [
                    -2,
                    2,
                  ],
                  "domainMid": 0,
                  "scheme": "blueorange",
                },
                "title": "value",
                "type": "quantitative",
              },
              "stroke": {
                "field": "value",
                "legend": null,
                "scale": {
                  "domain": [
                    -2,
                    2,
                  ],
                  "domainMid": 0,
                  "scheme": "blueorange",
                },
                "type": "quantitative",
              },
              "tooltip": [
                {
                  "field": "rowLabel",
                  "title": "row",
                  "type": "nominal",
                },
                {
                  "field": "colLabel",
                  "title": "column",
                  "type": "nominal",
                },
                {
                  "field": "value",
                  "format": ".4~g",
                  "title": "value",
                  "type": "quantitative",
                },
              ],
              "x": {
                "axis": {
                  "labelAlign": "left",
                  "labelAngle": -55,
                  "labelExpr": "["x","y"][datum.value]",
                  "labelLimit": 90,
                  "orient": "top",
                  "title": "column",
                },
                "field": "col",
                "scale": {
                  "domain": [
                    0,
                    1,
                  ],
                },
                "type": "ordinal",
              },
              "y": {
                "axis": {
                  "labelExpr": "["a","b"][datum.value]",
                  "labelLimit": 90,
                  "title": "row",
                },
                "field": "row",
                "scale": {
                  "domain": [
                    0,
                    1,
                  ],
                },
                "type": "ordinal",
              },
            },
            "mark": {
              "strokeWidth": 0.5,
              "type": "rect",
            },
            "transform": [
              {
                "as": "rowLabel",
                "calculate": "["a","b"][datum.row]",
              },
              {
                "as": "colLabel",
                "calculate": "["x","y"][datum.col]",
              },
            ],
          },
          {
            "data": {
              "values": [
                {
                  "col": 1,
                  "row": 0,
                },
              ],
            },
            "encoding": {
              "color": {
                "field": "value",
                "legend": {
                  "symbolType": "square",
                  "title": null,
                },
                "scale": {
                  "domain": [
                    "masked (−∞)",
                  ],
                  "range": [
                    "#9b9b9b",
                  ],
                },
                "type": "nominal",
              },
              "tooltip": [
                {
                  "field": "rowLabel",
                  "title": "row",
                  "type": "nominal",
                },
                {
                  "field": "colLabel",
                  "title": "column",
                  "type": "nominal",
                },
                {
                  "field": "value",
                  "title": "value",
                  "type": "nominal",
                },
              ],
              "x": {
                "axis": {
                  "labelAlign": "left",
                  "labelAngle": -55,
                  "labelExpr": "["x","y"][datum.value]",
                  "labelLimit": 90,
                  "orient": "top",
                  "title": "column",
                },
                "field": "col",
                "scale": {
                  "domain": [
                    0,
                    1,
                  ],
                },
                "type": "ordinal",
              },
              "y": {
                "axis": {
                  "labelExpr": "["a","b"][datum.value]",
                  "labelLimit": 90,
                  "title": "row",
                },
                "field": "row",
                "scale": {
                  "domain": [
                    0,
                    1,
                  ],
                },
                "type": "ordinal",
              },
            },
            "mark": {
              "stroke": "#9b9b9b",
              "strokeWidth": 0.5,
              "type": "rect",
            },
            "transform": [
              {
                "as": "rowLabel",
                "calculate": "["a","b"][datum.row]",
              },
              {
                "as": "colLabel",
                "calculate": "["x","y"][datum.col]",
              },
              {
                "as": "value",
                "calculate": ""masked (−∞)"",
              },
            ],
          },
        ],
        "resolve": {
          "scale": {
            "color": "independent",
          },
        },
        "usermeta": {
          "attnViz": {
            "builder": "heatmap",
            "drawing": "cells",
            "renderer": "svg",
          },
        },
        "width": {
          "step": 32,
        },
      }
    `);
  });
});
