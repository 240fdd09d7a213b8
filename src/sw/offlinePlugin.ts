/**
 * The build side of offline use (a Vite plugin, run in Node by vite.config.ts; never shipped to the browser).
 *
 * - Bundles src/sw/serviceWorker.ts as `sw.js` at the top of dist/, beside index.html, so its scope is the app's
 *   folder wherever the app is served (the build uses relative URLs).
 * - Tells that worker which files make up this build: the shell (index.html, every JS and CSS file the first visit
 *   loads, found by following index.html and the chunks' static imports, and the app's own parts the page loads on
 *   demand, its views and dialogs; plus public/ and the icons) and the rest (what those parts load in turn, such
 *   as jsPDF and ExcelJS), and a version that is a hash of every built file. A new build therefore always
 *   means a new `sw.js`, which is what makes browsers install the update.
 * - Draws public/icon.svg as icon-192.png and icon-512.png (iconPng.ts), at build time and, for the dev server,
 *   on request.
 *
 * Written by hand rather than with vite-plugin-pwa: that pulls in workbox-build and its dependency tree for what is
 * here a list of files and a hundred lines of worker.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig, Rolldown } from 'vite';
import { iconPng } from './iconPng.js';

const WORKER_SOURCE = fileURLToPath(new URL('./serviceWorker.ts', import.meta.url));
const WORKER_FILE = 'sw.js';
const ICON_SOURCE = 'icon.svg';
export const ICON_SIZES = [192, 512] as const;
const iconFile = (size: number) => `icon-${size}.png`;
const OFFLINE_FONTS = /^assets\/noto-sans-(?:arabic-arabic|hebrew-hebrew|latin-ext|cyrillic)-(?:400|700)-normal-[\w-]+\.woff$/;

/** Every file under dir, as forward-slash paths relative to it. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** Local files an HTML page refers to (scripts, styles, preloads, icons, manifest), relative to the page. */
function htmlReferences(html: string): string[] {
  const refs: string[] = [];
  for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]+)"/g)) {
    if (/^(?:[a-z]+:|\/\/|#)/i.test(url!)) continue;
    refs.push(url!.replace(/^\.\//, '').replace(/^\//, '').replace(/[?#].*$/, ''));
  }
  return refs;
}

/** The files a first visit loads: what index.html names, and what those chunks import statically, transitively. */
function firstVisitFiles(bundle: Rolldown.OutputBundle, html: string): Set<string> {
  const files = new Set<string>();
  const visit = (name: string) => {
    if (files.has(name)) return;
    files.add(name);
    const out = bundle[name];
    if (out?.type !== 'chunk') return;
    for (const dep of out.imports) visit(dep);
    for (const css of out.viteMetadata?.importedCss ?? []) visit(css);
    for (const asset of out.viteMetadata?.importedAssets ?? []) visit(asset);
  };
  const pages = htmlReferences(html);
  for (const ref of pages) visit(ref);
  // The app's own parts that load when first wanted (the views, the dialogs, the readers of files): the page's
  // chunks import them dynamically. They are part of working offline, as the first view is; what they load in
  // turn (jsPDF, ExcelJS) is kept when first loaded.
  for (const ref of pages) {
    const out = bundle[ref];
    if (out?.type === 'chunk' && out.isEntry) for (const part of out.dynamicImports) visit(part);
  }
  return files;
}

function contentOf(out: Rolldown.OutputChunk | Rolldown.OutputAsset): string | Uint8Array {
  return out.type === 'chunk' ? out.code : out.source;
}

export function offlinePlugin(): Plugin {
  let config: ResolvedConfig;
  const iconSvg = () => readFileSync(join(config.publicDir, ICON_SOURCE), 'utf8');

  return {
    name: 'asset-map:offline',
    configResolved(resolved) {
      config = resolved;
    },

    // The dev server has no build, so it draws the PNG icons when asked (the worker itself is production only).
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const size = ICON_SIZES.find((s) => req.url === `${server.config.base}${iconFile(s)}` || req.url === `/${iconFile(s)}`);
        if (!size) return next();
        res.setHeader('Content-Type', 'image/png');
        res.end(iconPng(iconSvg(), size));
      });
    },

    buildStart() {
      if (config.command !== 'build' || config.build.ssr) return;
      this.emitFile({ type: 'chunk', id: WORKER_SOURCE, fileName: WORKER_FILE });
      const svg = iconSvg();
      for (const size of ICON_SIZES) this.emitFile({ type: 'asset', fileName: iconFile(size), source: iconPng(svg, size) });
    },

    // After Vite has written index.html into the bundle, so that the first visit can be read from it.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const worker = bundle[WORKER_FILE];
        const page = bundle['index.html'];
        if (worker?.type !== 'chunk' || page?.type !== 'asset') return;
        if (worker.imports.length || worker.dynamicImports.length) {
          this.error(`${WORKER_FILE} must stand alone (it runs as a classic script), but it imports ${[...worker.imports, ...worker.dynamicImports].join(', ')}`);
        }

        const publicFiles = listFiles(config.publicDir);
        const built = Object.keys(bundle).filter((name) => name !== WORKER_FILE);
        // The PDF's fonts for the scripts a library's map holds most often (Arabic and Farsi, Hebrew, Latin beyond
        // Western Europe, Cyrillic: 357 KB) are kept from the install, so that such a PDF prints right offline the
        // first time too; the others (Chinese is 4.7 MB in a hundred pieces) are kept once fetched.
        const offlineFonts = built.filter((name) => OFFLINE_FONTS.test(name));
        const shell = new Set(['index.html', ...firstVisitFiles(bundle, String(page.source)), ...publicFiles, ...ICON_SIZES.map(iconFile), ...offlineFonts]);
        for (const name of shell) if (!(name in bundle) && !publicFiles.includes(name)) this.error(`index.html refers to ${name}, which the build does not contain`);
        const lazy = built.filter((name) => !shell.has(name)).sort();

        // Names and bytes of everything the browser could be served, the worker's own code included.
        const hash = createHash('sha256');
        for (const name of built.sort()) hash.update(`${name}\0`).update(contentOf(bundle[name]!)).update('\0');
        for (const name of publicFiles) hash.update(`public/${name}\0`).update(readFileSync(join(config.publicDir, name))).update('\0');
        hash.update(worker.code);

        const files = { version: hash.digest('hex').slice(0, 16), shell: [...shell].sort(), lazy };
        worker.code = `const __ASSET_MAP_BUILD__ = ${JSON.stringify(files)};\n${worker.code}`;
        const outDir = relative(config.root, config.build.outDir) || '.';
        config.logger.info(`\n${WORKER_FILE}: version ${files.version}, ${files.shell.length} files precached, ${lazy.length} kept when first loaded (${outDir}/)`);
      },
    },
  };
}
