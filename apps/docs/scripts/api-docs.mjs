// Generates the API reference (guide/api/<module>.md) from the TSDoc comments of the three packages' public
// entry points, with TypeDoc and typedoc-plugin-markdown. Run by `build` and `dev` before VitePress; the output
// is not committed (apps/docs/.gitignore), so the reference always matches the source it is built with.
// Usage: node scripts/api-docs.mjs
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, Converter, ReflectionKind } from 'typedoc';

const docs = resolve(fileURLToPath(new URL('..', import.meta.url)));
const packages = resolve(docs, '../..', 'packages');

/** Each public entry point, the module name readers import, and the page it becomes under guide/api/. */
export const API_MODULES = [
  { entry: 'tensor/src/index.ts', name: '@attn/tensor', page: 'tensor' },
  { entry: 'tensor/src/node.ts', name: '@attn/tensor/node', page: 'tensor-node' },
  { entry: 'attention/src/index.ts', name: '@attn/attention', page: 'attention' },
  { entry: 'viz/src/index.ts', name: '@attn/viz', page: 'viz' },
  { entry: 'viz/src/render/index.ts', name: '@attn/viz/render', page: 'viz-render' },
];

const outDir = join(docs, 'guide/api');
const tmpDir = join(docs, '.vitepress/cache/typedoc');

/**
 * The site links to nothing outside itself (the link checker holds it to that): an address in a doc comment is
 * kept as text in code, readable but not a link (VitePress would turn a bare address into one). Code blocks are
 * left as they are.
 */
function unlinkExternal(markdown) {
  return markdown
    .split(/(^```[\s\S]*?^```)/m)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, (_, text, url) =>
              text === url ? `\`${url}\`` : `${text} (\`${url}\`)`,
            )
            .replace(/(^|[^`(<\w])(https?:\/\/[^\s)`]+[^\s)`.,;:])/g, '$1`$2`'),
    )
    .join('');
}

/** The id VitePress gives a heading (its slugify, from @mdit-vue), so links can name it. */
function vitepressSlug(text) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase();
}

/**
 * Moves one generated module page into guide/api/, with front matter, its import name as title and links fixed.
 * Returns the page and the id of each member's heading (name -> id), for the reference's index.
 */
function place(module, markdown) {
  let body = unlinkExternal(markdown);
  // Links between modules: the generator names files after the module name; the site after `page`.
  for (const other of API_MODULES) body = body.replaceAll(`(${fileOf(other.name)}`, `(${other.page}.md`);
  body = body.replace(/^# .*$/m, `# ${module.name}`);
  // VitePress gives every heading an id (deduplicated with -1, -2, ...): where the generator put the same id in an
  // anchor just above, drop the anchor, so that no id appears twice on the page.
  const seen = new Map();
  const ids = {};
  body = body.replace(/(?:^<a id="([^"]+)"><\/a>\n\n)?^(#{2,6}) (.*)$/gm, (whole, anchor, hashes, text) => {
    const plain = text.replace(/<[^>]+>/g, '').replace(/\\(.)/g, '$1');
    const base = vitepressSlug(plain);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const id = n === 0 ? base : `${base}-${n}`;
    if (hashes === '###') ids[plain.replace(/\(\)$/, '')] ??= id;
    return anchor === id ? `${hashes} ${text}` : whole;
  });
  const front = [
    '---',
    `title: '${module.name}'`,
    `description: The API of ${module.name}, from its TSDoc.`,
    '---',
    '',
  ];
  // Code spans may hold `{{`, which Vue would read as an interpolation: v-pre keeps the page's text as written.
  return { page: `${front.join('\n')}\n<div v-pre>\n\n${body}\n\n</div>\n`, ids };
}

function fileOf(name) {
  return `${name.replaceAll('/', '.')}.md`;
}

export async function generateApiDocs() {
  const started = performance.now();
  rmSync(tmpDir, { recursive: true, force: true });
  const app = await Application.bootstrapWithPlugins({
    entryPoints: API_MODULES.map((m) => join(packages, m.entry)),
    tsconfig: join(docs, 'tsconfig.api.json'),
    plugin: ['typedoc-plugin-markdown'],
    out: tmpDir,
    readme: 'none',
    logLevel: 'Warn',
    excludePrivate: true,
    excludeInternal: true,
    disableSources: true,
    // The packages' own typecheck guards their types; the reference only reads them.
    skipErrorChecking: true,
    // One page per entry point: a reader searches one page for a name, and the browser tests stay few.
    outputFileStrategy: 'modules',
    flattenOutputFiles: true,
    hideBreadcrumbs: true,
    hidePageHeader: true,
    useHTMLAnchors: true,
    useCodeBlocks: true,
    expandParameters: true,
    parametersFormat: 'table',
    interfacePropertiesFormat: 'table',
    typeDeclarationFormat: 'table',
    sanitizeComments: true,
    // What a reader comes for first: what to call, then what to pass.
    groupOrder: ['Functions', 'Variables', 'Interfaces', 'Type Aliases', '*'],
  });
  // TypeDoc names a module after its path ("viz/src/render"); readers know it by its import name.
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const child of context.project.children ?? []) {
      const module = API_MODULES.find((m) => m.entry.replace(/(\/index)?\.ts$/, '') === child.name);
      if (module) child.name = module.name;
    }
  });
  const project = await app.convert();
  if (!project) throw new Error('api-docs: TypeDoc could not read the packages (see the messages above)');
  await app.generateOutputs(project);
  mkdirSync(outDir, { recursive: true });
  const generated = new Set(readdirSync(tmpDir));
  const idsOf = {};
  for (const module of API_MODULES) {
    const file = fileOf(module.name);
    if (!generated.has(file)) throw new Error(`api-docs: TypeDoc wrote no page for ${module.name} (${file})`);
    const { page, ids } = place(module, readFileSync(join(tmpDir, file), 'utf8'));
    writeFileSync(join(outDir, `${module.page}.md`), page);
    idsOf[module.name] = ids;
  }
  // What each page documents, for the reference's index page (which checks it against the live modules).
  const listing = API_MODULES.map((module) => {
    const reflection = project.children?.find((c) => c.name === module.name);
    const members = (reflection?.children ?? []).map((c) => {
      // A re-export (`export { relu } from '@attn/tensor'`) is a Reference: describe it by what it names.
      const target = c.kindOf(ReflectionKind.Reference) ? (c.tryGetTargetReflectionDeep() ?? c) : c;
      return {
        name: c.name,
        id: idsOf[module.name][c.name],
        kind: ReflectionKind.singularString(target.kind),
        documented: Boolean(target.hasComment() || target.signatures?.some((s) => s.hasComment())),
        example: Boolean(
          target.comment?.getTag('@example') || target.signatures?.some((s) => s.comment?.getTag('@example')),
        ),
      };
    });
    return { name: module.name, page: module.page, members };
  });
  writeFileSync(join(outDir, 'modules.json'), `${JSON.stringify(listing, null, 1)}\n`);
  const ms = performance.now() - started;
  console.log(`api-docs: ${API_MODULES.length} pages in guide/api/ from TSDoc (${(ms / 1000).toFixed(1)} s)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await generateApiDocs();
