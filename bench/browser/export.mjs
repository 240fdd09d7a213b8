/**
 * Target 5, exporting: PNG and SVG of the open map through the real dialog (Export → "Export PNG" / "Export
 * SVG", default options: whole map, 2×, white, title and legend), until the browser receives the download.
 *
 * Time is taken in the page, from the button's click event to the click on the download link the app makes
 * (downloadBlob), so the driver's own latency is left out; the wall time in the driver to Playwright's download
 * event is kept beside it, split into the click's way in and the download's way out. Each PNG is decoded with pngjs and its non-white pixels counted: a blank image is a
 * failure whatever its time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/**
 * Init script: stamps the export button's click and the download link's click in window.__benchExport, and as
 * performance marks (bench-export-start, bench-export-end) for traces.
 */
export function watchExport() {
  window.__benchExport = { start: null, end: null };
  // Long tasks of the page's main thread, to tell whether the page stays usable while an export runs.
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API.
  }
  document.addEventListener(
    'click',
    (e) => {
      const t = e.target;
      if (!(t instanceof Element)) return;
      const button = t.closest('button');
      if (button && /^Export (PNG|SVG|PDF|Excel)$/.test(button.textContent.trim()))
        window.__benchExport = { start: performance.mark('bench-export-start').startTime, end: null };
      if (t.matches('a[download]')) window.__benchExport.end = performance.mark('bench-export-end').startTime;
    },
    true,
  );
}

/** Clicks Export → `button`; returns { ms, wallMs, file } with the download saved under dir. */
export async function exportOnce(page, button, dir) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.waitFor();
  let downloadAt = 0;
  const download = page.waitForEvent('download', { timeout: 300_000 }).then((d) => {
    downloadAt = Date.now();
    return d;
  });
  const t = Date.now();
  await dialog.getByRole('button', { name: button }).click();
  const file = await download;
  const wallMs = downloadAt - t;
  const saved = path.join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  const stamps = await page.evaluate(() => {
    const e = window.__benchExport ?? { start: null, end: null };
    // The longest main-thread task that overlapped the export (0 when none reached 50 ms, the API's floor).
    const during = (window.__benchLongTasks ?? []).filter(([at, ms]) => e.start !== null && e.end !== null && at < e.end && at + ms > e.start);
    return { ...e, origin: performance.timeOrigin, longestTaskMs: Math.max(0, ...during.map(([, ms]) => ms)) };
  });
  // Wait for the dialog to be usable again, then close it, as a user would.
  await dialog.getByRole('button', { name: 'Export PNG' }).waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('.am-export button[disabled]'), undefined, { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const timed = stamps.end !== null && stamps.start !== null;
  return {
    ms: timed ? stamps.end - stamps.start : null,
    wallMs,
    // Where the rest of the wall time went: the driver's click reaching the page (Playwright first waits for the
    // button to be visible and stable over two animation frames), and the download reaching the driver.
    clickLagMs: timed ? stamps.origin + stamps.start - t : null,
    downloadLagMs: timed ? downloadAt - (stamps.origin + stamps.end) : null,
    file: saved,
    name: file.suggestedFilename(),
    longestTaskMs: stamps.longestTaskMs,
  };
}

/** Width, height and the share of pixels that are neither white nor transparent. */
export function inspectPng(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const { data, width, height } = png;
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3];
    if (a > 0 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)) ink++;
  }
  return { width, height, inkShare: ink / (width * height), ink };
}
