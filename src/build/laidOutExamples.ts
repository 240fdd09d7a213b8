/**
 * The built-in examples, laid out at build time (a Vite plugin, run in Node; never shipped as code): the module
 * `virtual:laid-out-examples` holds each example's positions and routes, so that opening an example — the first
 * thing a first visit does — needs no layout code in the page at all. `virtual:laid-out-examples/<key>` holds
 * one example's: the first visit's, without the others'. The same layout the app runs, on the same
 * documents (tests/store/workspace.test.ts compares them).
 */
import { fileURLToPath } from 'node:url';
import { type Plugin, runnerImport } from 'vite';

// Loaded through Vite's module runner when the module is asked for, not bundled into the config: the app's
// TypeScript is resolved the way the app resolves it.
const MODEL = fileURLToPath(new URL('../model/index.ts', import.meta.url));
const EXAMPLES_MODULE = fileURLToPath(new URL('../model/moreExamples.ts', import.meta.url));
const LAYOUT = fileURLToPath(new URL('../layout/layoutMap.ts', import.meta.url));

const ID = 'virtual:laid-out-examples';
const RESOLVED = `\0${ID}`;

export function laidOutExamples(): Plugin {
  let layouts: Promise<Record<string, unknown>> | undefined;
  const layOut = async () => {
    const { buildExample } = (await runnerImport<typeof import('../model/index.js')>(MODEL)).module;
    const { EXAMPLES } = (await runnerImport<typeof import('../model/moreExamples.js')>(EXAMPLES_MODULE)).module;
    const { layoutMap } = (await runnerImport<typeof import('../layout/layoutMap.js')>(LAYOUT)).module;
    return Object.fromEntries(
      Object.entries(EXAMPLES).map(([key, spec]) => {
        const doc = buildExample(spec, 'example');
        const { positions, routes } = layoutMap(doc, doc.layout);
        return [key, { positions, routes }];
      }),
    );
  };
  return {
    name: 'asset-map-laid-out-examples',
    resolveId: (id) => (id === ID || id.startsWith(`${ID}/`) ? `\0${id}` : undefined),
    async load(id) {
      if (id !== RESOLVED && !id.startsWith(`${RESOLVED}/`)) return undefined;
      layouts ??= layOut();
      const all = await layouts;
      if (id === RESOLVED) return `export default ${JSON.stringify(all)};`;
      const key = id.slice(RESOLVED.length + 1);
      if (!Object.hasOwn(all, key)) this.error(`No built-in example “${key}”.`);
      return `export default ${JSON.stringify(all[key])};`;
    },
  };
}
