import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
// Service worker, its list of files and the PNG icons: see the module's header. The `.js` is what Vite's config
// loader asks for; TypeScript maps it to the .ts file.
import { offlinePlugin } from './src/sw/offlinePlugin.js';
import { laidOutExamples } from './src/build/laidOutExamples.js';
import { slimViewportAnimation } from './src/build/slimViewportAnimation.js';

// jsPDF's optional helpers for html() and SVG images, never called here: built, they were about 0.8 MB of chunks
// that the service worker stores on every install. Each import of them ends in one module that throws.
const leftOut = fileURLToPath(new URL('./src/io/export/jspdfLeftOut.ts', import.meta.url));

export default defineConfig({
  plugins: [slimViewportAnimation(), react(), laidOutExamples(), offlinePlugin()],
  // The dev server bundles dependencies apart: the same animation code there (slimViewportAnimation.ts).
  optimizeDeps: { rolldownOptions: { plugins: [slimViewportAnimation()] } },
  base: './',
  resolve: { alias: { html2canvas: leftOut, dompurify: leftOut, canvg: leftOut } },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // Every browser the app runs in (module workers, ES2022) preloads modules itself.
    modulePreload: { polyfill: false },
    // The PDF's fonts stay files, however small: fetched as data: URLs they would need `connect-src data:` in the
    // team server's content security policy.
    assetsInlineLimit: (file) => (file.endsWith('.woff') ? false : undefined),
  },
  worker: { format: 'es' },
  preview: { port: 5173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/server/**'],
          environment: 'node',
          // d3-zoom through the build's resolution, as the app has it: with the viewport's own animation code.
          server: { deps: { inline: ['d3-zoom'] } },
        },
      },
      {
        extends: true,
        // Real server processes (and a Redis) on 127.0.0.1: slower than unit tests, no browser needed.
        test: { name: 'server', include: ['tests/server/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: false },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // Machines here are shared and slow at times: give the page time before a check gives up.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
