/**
 * The built-in examples, laid out at build time (a Vite plugin, run in Node; never shipped as code): the module
 * `virtual:laid-out-examples` holds each example's positions and routes, so that opening an example — the first
 * thing a first visit does — needs no layout code in the page at all. The same layout the app runs, on the same
 * documents (tests/store/workspace.test.ts compares them).
 */
import { fileURLToPath } from 'node:url';
import { type Plugin, runnerImport } from 'vite';

// Loaded through Vite's module runner when the module is asked for, not bundled into the config: the app's
// TypeScript is resolved the way the app resolves it.
const MODEL = fileURLToPath(new URL('../model/index.ts', import.meta.url));
const LAYOUT = fileURLToPath(new URL('../layout/layoutMap.ts', import.meta.url));

const ID = 'virtual:laid-out-examples';
const RESOLVED = `\0${ID}`;

export function laidOutExamples(): Plugin {
  return {
    name: 'asset-map-laid-out-examples',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { EXAMPLES, buildExample } = (await runnerImport<typeof import('../model/index.js')>(MODEL)).module;
      const { layoutMap } = (await runnerImport<typeof import('../layout/layoutMap.js')>(LAYOUT)).module;
      const layouts = Object.fromEntries(
        Object.entries(EXAMPLES).map(([key, spec]) => {
          const doc = buildExample(spec, 'example');
          const { positions, routes } = layoutMap(doc, doc.layout);
          return [key, { positions, routes }];
        }),
      );
      return `export default ${JSON.stringify(layouts)};`;
    },
  };
}
