/**
 * What the build puts in place of jsPDF's optional html2canvas, DOMPurify and canvg (vite.config.ts aliases them
 * here). jsPDF loads them only for `html()` and for SVG images, which Asset Map never calls: the PDF is drawn from
 * the map's own marks. Leaving them out saves about 0.8 MB of the build and of what the service worker stores.
 * Should some future code reach them, the import fails with this sentence instead of drawing a broken page.
 */
throw new Error(
  "jsPDF's html() and SVG images need html2canvas, DOMPurify or canvg, which this build leaves out (see vite.config.ts).",
);

export {};
