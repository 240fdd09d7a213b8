/**
 * Bundles TypeScript entry points into plain ES modules under bench/.cache, so that benchmarks run as ordinary
 * JavaScript in Node (no transform hooks in the timed code) with only the project's own toolchain (Vite).
 */
import { build } from 'vite';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_DIR = path.join(root, 'bench', '.cache');

/** entries: { name: 'path/from/repo/root.ts' } -> { name: file URL of the bundled module } */
export async function bundle(entries, outDir = CACHE_DIR) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, path.resolve(root, v)])),
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
  return Object.fromEntries(Object.keys(entries).map((k) => [k, pathToFileURL(path.join(outDir, `${k}.mjs`)).href]));
}
