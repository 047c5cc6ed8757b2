// From Node: one head's weights as a spec, an SVG, a PNG and an HTML page.
import { writeFileSync } from 'node:fs';
import { scaledDotProductAttention } from '@attn/attention';
import { randn, reshape } from '@attn/tensor';
import { attentionWeights } from '@attn/viz';
import { toHTML, toPNG, toSVG } from '@attn/viz/render';

const tokens = ['the', 'cat', 'sat', 'on', 'the', 'mat'];
const [q, k, v] = [1, 2, 3].map((seed) => randn([6, 16], { seed }));
const { trace } = scaledDotProductAttention(q, k, v, { causal: true, trace: true });
const weights = reshape(trace.weights, [6, 6]); // [1, 1, query, key] -> [query, key]
const spec = attentionWeights(weights, tokens, { title: 'One causal head' });

writeFileSync('head.vl.json', JSON.stringify(spec)); // for embeds, notebooks, the CLI
writeFileSync('head.svg', await toSVG(spec));
writeFileSync('head.png', await toPNG(spec, { scale: 2 })); // same pixels anywhere
writeFileSync('head.html', toHTML(spec, { title: 'One causal head' })); // offline
