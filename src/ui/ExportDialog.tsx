/**
 * Export: the map as PNG, SVG or PDF (drawn from the document, carrying the map inside), and the worksheet as
 * CSV, Markdown or Excel, and the map for other tools (GraphML, JSON Canvas). Image and PDF code loads only here.
 */
import { useEffect, useRef, useState } from 'react';
import { fileNameFor } from '../io/mapFile';
import { plainFileNameFor } from '../io/plainFileName';
import { writeCsv, writeGraphML, writeJsonCanvas, writeMarkdown, writeXlsx } from '../io/sheets';
import { useReturnFocus } from './useReturnFocus';
import { useServices } from './context';
import { downloadBlob } from './actions';
import { getHiddenByFilter, getViews } from '../model';

export interface ViewRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * `initialArea`: what Area starts at — `map`, `view` (the current view) or `saved:<id>`, a saved view, drawn with
 * its filters (the map carried inside the image stays whole).
 */
export function ExportDialog({ getViewRegion, onClose, initialArea = 'map' }: { getViewRegion: () => ViewRegion | undefined; onClose: () => void; initialArea?: string }) {
  const { workspace, session } = useServices();
  const dialog = useRef<HTMLDialogElement>(null);
  const [area, setArea] = useState(initialArea);
  const views = getViews(workspace.store.getDoc());
  const [scale, setScale] = useState(2);
  const [background, setBackground] = useState<'white' | 'transparent'>('white');
  const [chrome, setChrome] = useState(true);
  const [paper, setPaper] = useState<'a4' | 'letter'>(() => (navigator.language === 'en-US' ? 'letter' : 'a4'));
  const [busy, setBusy] = useState<string | null>(null);
  const [summaryFormat, setSummaryFormat] = useState<'pdf' | 'html'>('pdf');
  const [since, setSince] = useState('');
  const reviews = workspace.store.getDoc().reviews ?? [];

  // Opened from the saved views' dialog (which closed as this opened): back to the Saved views menu.
  useReturnFocus(true, () => (initialArea.startsWith('saved:') ? document.querySelector<HTMLElement>('.am-views-bar .am-menu > button') : null));
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const doc = () => workspace.store.getDoc();
  const saved = area.startsWith('saved:') ? doc().views?.[area.slice(6)] : undefined;
  const svgOptions = () => ({
    region: saved ? saved.region : area === 'view' ? getViewRegion() : undefined,
    hide: saved && (saved.hiddenKinds?.length || saved.tag !== undefined) ? [...getHiddenByFilter(doc(), { kinds: saved.hiddenKinds, tag: saved.tag })] : undefined,
    background,
    title: chrome,
    legend: chrome,
  });
  /** The file's name: the map's title, and the view's name for a saved view. */
  const imageName = (ext: string) => fileNameFor(saved ? `${doc().title} - ${saved.name}` : doc().title, ext);

  const run = async (what: string, task: () => Promise<void>) => {
    setBusy(what);
    try {
      await task();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // Offline, an export used for the first time cannot load its code.
      const offline = /dynamically imported module|Failed to fetch|Importing a module script failed/i.test(message);
      session.notify({
        tone: 'error',
        text: offline
          ? `The ${what} export needs the network the first time it is used on this device. Connect, and try again; after that it works offline too. Your map was not changed.`
          : `The ${what} export failed: ${message}. Your map was not changed.`,
      });
    } finally {
      setBusy(null);
    }
  };

  const exportPng = () =>
    run('PNG', async () => {
      const { exportPng } = await import('../io/export');
      const out = await exportPng(doc(), { ...svgOptions(), scale });
      downloadBlob(out.blob, imageName('png'));
      session.notify(
        out.reduced
          ? { tone: 'info', text: `The map is too large for a ${scale}× image, so it was saved at ${out.scale.toFixed(2)}× (${out.width} × ${out.height} pixels).` }
          : { tone: 'success', text: `Saved the PNG (${out.width} × ${out.height} pixels). Open it in Asset Map to get the map back.` },
      );
    });
  const exportSvg = () =>
    run('SVG', async () => {
      const { renderMapSvgOffThread } = await import('../io/export');
      const svg = await renderMapSvgOffThread(doc(), { ...svgOptions(), embed: true });
      downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), imageName('svg'));
      session.notify({ tone: 'success', text: 'Saved the SVG. Open it in Asset Map to get the map back.' });
    });
  const exportPdf = () =>
    run('PDF', async () => {
      const { exportPdfOffThread } = await import('../io/export');
      const bytes = await exportPdfOffThread(doc(), { paper });
      downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), fileNameFor(doc().title, 'pdf'));
      session.notify({ tone: 'success', text: 'Saved the PDF: the map, then the worksheet.' });
    });
  const exportSummary = () =>
    run('board summary', async () => {
      const { exportBoardSummaryHtml, exportBoardSummaryPdfOffThread } = await import('../io/export');
      const options = { ...(since ? { sinceReview: since } : {}), locale: navigator.language };
      const name = `${doc().title} – board summary`;
      if (summaryFormat === 'html') {
        downloadBlob(new Blob([exportBoardSummaryHtml(doc(), options)], { type: 'text/html;charset=utf-8' }), plainFileNameFor(name, 'html'));
        session.notify({ tone: 'success', text: 'Saved the board summary as a web page: it opens in any browser, offline too.' });
      } else {
        const bytes = await exportBoardSummaryPdfOffThread(doc(), { ...options, paper });
        downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), plainFileNameFor(name, 'pdf'));
        session.notify({ tone: 'success', text: 'Saved the board summary PDF.' });
      }
    });
  const text = (what: string, ext: string, type: string, make: () => string) =>
    run(what, async () => downloadBlob(new Blob([make()], { type }), plainFileNameFor(doc().title, ext)));

  return (
    <dialog ref={dialog} className="am-dialog am-export" aria-labelledby="export-title" onClose={onClose} onCancel={onClose}>
      <div className="am-dialog-head">
        <h2 id="export-title">Export</h2>
        <button type="button" className="am-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="am-dialog-body am-export-body">
        <fieldset>
          <legend>Map image</legend>
          <div className="am-options">
            <label>
              Area{' '}
              <select value={area} onChange={(e) => setArea(e.target.value)}>
                <option value="map">Whole map</option>
                <option value="view">Current view</option>
                {views.map((v) => (
                  <option key={v.id} value={`saved:${v.id}`}>
                    {`View: ${v.name}`}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Scale{' '}
              <select value={scale} onChange={(e) => setScale(Number(e.target.value))}>
                <option value={1}>1×</option>
                <option value={2}>2×</option>
                <option value={3}>3×</option>
              </select>
            </label>
            <label>
              Background{' '}
              <select value={background} onChange={(e) => setBackground(e.target.value as 'white' | 'transparent')}>
                <option value="white">White</option>
                <option value="transparent">Transparent (PNG)</option>
              </select>
            </label>
            <label className="am-check">
              <input type="checkbox" checked={chrome} onChange={(e) => setChrome(e.target.checked)} /> Title and legend
            </label>
            <label>
              Paper (PDF){' '}
              <select value={paper} onChange={(e) => setPaper(e.target.value as 'a4' | 'letter')}>
                <option value="a4">A4</option>
                <option value="letter">US Letter</option>
              </select>
            </label>
          </div>
          <p className="am-muted">PNG and SVG images carry the map inside: open one in Asset Map to keep working on it.</p>
          <div className="am-export-buttons">
            <button type="button" className="am-primary" disabled={!!busy} onClick={exportPng}>
              Export PNG
            </button>
            <button type="button" disabled={!!busy} onClick={exportSvg}>
              Export SVG
            </button>
            <button type="button" disabled={!!busy} onClick={exportPdf}>
              Export PDF
            </button>
          </div>
        </fieldset>
        <fieldset>
          <legend>Board summary</legend>
          <p className="am-muted">
            One or two pages for a director or a board: the map, the strongest partnerships and those at risk, open weaknesses, improvements
            and the connections worth making{reviews.length ? ', and what changed since a review' : ''}.
          </p>
          <div className="am-options">
            <label>
              Format{' '}
              <select value={summaryFormat} onChange={(e) => setSummaryFormat(e.target.value as 'pdf' | 'html')}>
                <option value="pdf">PDF</option>
                <option value="html">Web page (HTML)</option>
              </select>
            </label>
            <label>
              Changes since{' '}
              <select value={since} onChange={(e) => setSince(e.target.value)} disabled={!reviews.length}>
                <option value="">{reviews.length ? 'No review' : 'No review saved yet'}</option>
                {reviews.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="am-export-buttons">
            <button type="button" disabled={!!busy} onClick={exportSummary}>
              Board summary
            </button>
          </div>
        </fieldset>
        <fieldset>
          <legend>Worksheet</legend>
          <div className="am-export-buttons">
            <button type="button" disabled={!!busy} onClick={() => text('CSV', 'csv', 'text/csv;charset=utf-8', () => writeCsv(doc()))}>
              Export CSV
            </button>
            <button
              type="button"
              disabled={!!busy}
              onClick={() =>
                run('Excel', async () => {
                  const bytes = await writeXlsx(doc());
                  downloadBlob(
                    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
                    plainFileNameFor(doc().title, 'xlsx'),
                  );
                })
              }
            >
              Export Excel
            </button>
            <button type="button" disabled={!!busy} onClick={() => text('Markdown', 'md', 'text/markdown;charset=utf-8', () => writeMarkdown(doc()))}>
              Export Markdown
            </button>
          </div>
        </fieldset>
        <fieldset>
          <legend>Other tools</legend>
          <div className="am-export-buttons">
            <button type="button" disabled={!!busy} onClick={() => text('GraphML', 'graphml', 'application/graphml+xml', () => writeGraphML(doc()))}>
              Export GraphML
            </button>
            <button type="button" disabled={!!busy} onClick={() => text('JSON Canvas', 'canvas', 'application/json', () => writeJsonCanvas(doc()))}>
              Export JSON Canvas
            </button>
          </div>
          <p className="am-muted">GraphML opens in Gephi, yEd and Cytoscape; JSON Canvas in Obsidian.</p>
        </fieldset>
        <p className="am-export-status" role="status" aria-live="polite">
          {busy ? `Exporting ${busy}…` : ''}
        </p>
      </div>
    </dialog>
  );
}
