/**
 * Beside the map while a comparison is open: what changed, grouped Added, Removed, Changed (and Moved, items
 * that only changed place), with counts; each entry says what happened in words and has "Show on map". The
 * list exports as Markdown or CSV, and the map with the comparison drawn on it as PNG, SVG or PDF.
 */
import { useMemo, useState } from 'react';
import { type AssetMapDoc, type ChangeStatus, type ItemChange, describeChange, describeItem, partsWords } from '../../model';
import { fileNameFor } from '../../io/mapFile';
import { plainFileNameFor } from '../../io/plainFileName';
import { useServices, useStoreState } from '../context';
import { downloadBlob } from '../actions';
import { loadSheets } from '../loadSheets';
import type { ShownComparison } from './comparison';
import { GHOST_PREFIX } from './showComparison';

const GROUPS: { status: ChangeStatus; heading: string }[] = [
  { status: 'added', heading: 'Added' },
  { status: 'removed', heading: 'Removed' },
  { status: 'changed', heading: 'Changed' },
  { status: 'moved', heading: 'Moved' },
];

/** Entries listed at first per group; the rest behind "Show all". */
const FIRST = 100;

export function ComparePanel({ comparison }: { comparison: ShownComparison }) {
  const { session } = useServices();
  const { doc } = useStoreState();
  const { diff, nameOf } = comparison;
  const title = `${doc.title}: changes from ${comparison.before.label} to ${comparison.after.label}`;
  const info = { title, before: comparison.before.label, after: comparison.after.label, nameOf };
  const total = diff.counts.added + diff.counts.removed + diff.counts.changed;
  // What went along with an asset added or removed is told with it, not listed again.
  const all = useMemo(() => [...diff.nodes, ...diff.edges].filter((c) => !c.partOf), [diff]);
  const parts = useMemo(() => partsWords(diff), [diff]);

  const exportAs = async (format: 'md' | 'csv') => {
    const { writeChangeListCsv, writeChangeListMarkdown } = await loadSheets();
    const text = format === 'md' ? writeChangeListMarkdown(diff, info) : writeChangeListCsv(diff, info);
    const type = format === 'md' ? 'text/markdown;charset=utf-8' : 'text/csv;charset=utf-8';
    downloadBlob(new Blob([text], { type }), plainFileNameFor(`${doc.title} changes`, format));
  };

  const [busy, setBusy] = useState(false);
  /** The later state with the comparison drawn on it, as an image or a one-page PDF. */
  const exportDrawn = async (format: 'png' | 'svg' | 'pdf') => {
    setBusy(true);
    try {
      const io = await import('../../io/export');
      const later = comparison.afterDoc as AssetMapDoc;
      const drawing = io.diffDrawing(diff, later);
      const d = new Date();
      const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const date = `Changes from ${comparison.before.label} to ${comparison.after.label} · ${day}`;
      const name = `${doc.title} changes`;
      const chrome = { background: 'white' as const, title: true, legend: true, date, diff: drawing };
      if (format === 'png') {
        const out = await io.exportPng(later, { ...chrome, scale: 2 });
        downloadBlob(out.blob, fileNameFor(name, 'png'));
      } else if (format === 'svg') {
        const svg = await io.renderMapSvgOffThread(later, { ...chrome, embed: true });
        downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), fileNameFor(name, 'svg'));
      } else {
        const paper = navigator.language === 'en-US' ? 'letter' : 'a4';
        const bytes = await io.exportPdfOffThread(later, { paper, date, diff: drawing, worksheet: false });
        downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), fileNameFor(name, 'pdf'));
      }
      session.notify({ tone: 'success', text: `Saved the comparison as ${format.toUpperCase()}: the later map, with what changed drawn on it.` });
    } catch (e) {
      session.notify({ tone: 'error', text: `The comparison could not be exported: ${e instanceof Error ? e.message : String(e)}. Nothing was changed.` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="am-panel am-compare" aria-labelledby="compare-heading">
      <div className="am-panel-body">
        <h2 id="compare-heading">Comparison</h2>
        <p dir="auto">
          From {comparison.before.label} to {comparison.after.label}:{' '}
          {total === 0 && diff.counts.moved === 0 ? 'nothing changed.' : `${total} ${total === 1 ? 'change' : 'changes'}${diff.counts.moved ? `, ${diff.counts.moved} moved` : ''}.`}
        </p>
        <p className="am-muted am-compare-key">
          On the map: <span className="am-key-added">added</span> outlined green, <span className="am-key-removed">removed</span> faded where they were,{' '}
          <span className="am-key-changed">changed</span> amber (point at one, or Tab to it, for what changed).
        </p>
        <div className="am-compare-actions">
          <button type="button" onClick={() => void exportAs('md')}>
            Export as Markdown
          </button>
          <button type="button" onClick={() => void exportAs('csv')}>
            Export as CSV
          </button>
          <button type="button" disabled={busy} onClick={() => void exportDrawn('png')}>
            Export as PNG
          </button>
          <button type="button" disabled={busy} onClick={() => void exportDrawn('svg')}>
            Export as SVG
          </button>
          <button type="button" disabled={busy} onClick={() => void exportDrawn('pdf')}>
            Export as PDF
          </button>
          <button type="button" onClick={() => session.set({ comparison: undefined, focus: [], selection: [] })}>
            Close comparison
          </button>
        </div>
        {GROUPS.map((g) => (
          <Group key={g.status} heading={g.heading} changes={all.filter((c) => c.status === g.status)} parts={parts} comparison={comparison} collapsed={g.status === 'moved'} />
        ))}
      </div>
    </aside>
  );
}

function Group({
  heading,
  changes,
  parts,
  comparison,
  collapsed,
}: { heading: string; changes: ItemChange[]; parts: ReadonlyMap<string, string>; comparison: ShownComparison; collapsed: boolean }) {
  const [all, setAll] = useState(false);
  const shown = all ? changes : changes.slice(0, FIRST);
  const id = `compare-${heading.toLowerCase()}`;
  const list = (
    <>
      {changes.length === 0 ? (
        <p className="am-muted">None.</p>
      ) : (
        <ul className="am-change-list" aria-labelledby={id}>
          {shown.map((c) => (
            <Entry key={`${c.item}:${c.id}`} change={c} comparison={comparison} along={parts.get(c.id)} />
          ))}
        </ul>
      )}
      {changes.length > shown.length && (
        <button type="button" onClick={() => setAll(true)}>
          Show all {changes.length}
        </button>
      )}
    </>
  );
  if (collapsed) {
    return (
      <details className="am-section am-change-group">
        <summary>
          <h3 id={id}>
            {heading} ({changes.length})
          </h3>
        </summary>
        {list}
      </details>
    );
  }
  return (
    <section className="am-section am-change-group">
      <h3 id={id}>
        {heading} ({changes.length})
      </h3>
      {list}
    </section>
  );
}

function Entry({ change: c, comparison, along }: { change: ItemChange; comparison: ShownComparison; along?: string }) {
  const { session, workspace } = useServices();
  const what = describeItem(c, comparison.nameOf);
  const words = c.status === 'added' || c.status === 'removed' ? (along ?? '') : describeChange(c, comparison.nameOf);
  const show = () => {
    const doc = workspace.store.getDoc();
    const onMap = (id: string) => (Object.hasOwn(doc.nodes, id) && !(c.item === 'node' && c.status === 'removed') ? id : GHOST_PREFIX + id);
    if (c.item === 'node') {
      const id = onMap(c.id);
      session.set({ tab: 'map', selection: id.startsWith(GHOST_PREFIX) ? [] : [id], focus: [] });
      session.centre([id]);
      return;
    }
    const e = (c.after ?? c.before)!;
    const ends = [e.source, e.target].map((id) => (Object.hasOwn(doc.nodes, id) ? id : GHOST_PREFIX + id));
    session.set({ tab: 'map', selection: Object.hasOwn(doc.edges, c.id) ? [c.id] : ends.filter((id) => !id.startsWith(GHOST_PREFIX)), focus: [] });
    session.centre(ends);
  };
  return (
    <li className={`am-change am-change-${c.status}`}>
      <span className="am-change-what" dir="auto">
        {what}
      </span>
      {words && (
        <span className="am-change-words" dir="auto">
          {words}
        </span>
      )}
      <button type="button" onClick={show}>
        Show on map
      </button>
    </li>
  );
}
