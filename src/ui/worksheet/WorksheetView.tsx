/**
 * The Worksheet view: the toolkit's table, one section per category, every cell editable in place. An edit here
 * is the same command as on the map (one document, one undo history). A list cell holds one item per line.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import {
  type AssetKind,
  type AssetMapDoc,
  type AssetNode,
  type AttachedNode,
  type TraitKind,
  getAssets,
  getAttachmentIndex,
  newId,
  ASSET_KIND_ORDER,
} from '../../model';
import { placeNew } from '../../layout';
import { CATEGORY_NAMES, CATEGORY_PLURALS } from '../../io/sheets/categories';
import { useServices, useStoreState } from '../context';
import type { Actions } from '../actions';
import { KindIcon } from '../map/KindIcon';

type ListKind = TraitKind | 'improvement';

interface Row {
  asset: AssetNode;
  strengths: AttachedNode[];
  weaknesses: AttachedNode[];
  improvements: AttachedNode[];
}

function getRows(doc: AssetMapDoc): Map<AssetKind, Row[]> {
  const index = getAttachmentIndex(doc);
  const out = new Map<AssetKind, Row[]>(ASSET_KIND_ORDER.map((k) => [k, []]));
  for (const asset of getAssets(doc)) {
    const own = index.get(asset.id) ?? [];
    const weaknesses = own.filter((n) => n.kind === 'weakness');
    out.get(asset.kind)!.push({
      asset,
      strengths: own.filter((n) => n.kind === 'strength'),
      weaknesses,
      improvements: [...weaknesses.flatMap((w) => index.get(w.id) ?? []), ...own].filter((n) => n.kind === 'improvement'),
    });
  }
  return out;
}

const rowText = (r: Row) =>
  [r.asset.label, ...r.strengths.map((n) => n.label), ...r.weaknesses.map((n) => n.label), ...r.improvements.map((n) => n.label)]
    .join('\n')
    .toLocaleLowerCase();

export function WorksheetView({ actions }: { actions: Actions }) {
  const { workspace, session } = useServices();
  const { doc } = useStoreState();
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => getRows(doc), [doc]);
  const q = filter.trim().toLocaleLowerCase();
  const [focusRow, setFocusRow] = useState<string | null>(null);

  const addRow = (kind: AssetKind) => {
    const id = newId(kind.slice(0, 2));
    const label = '';
    const at = placeNew(workspace.store.getDoc(), { kind, label: 'New' });
    workspace.store.dispatch('addAsset', { id, kind, label, x: at.x, y: at.y });
    setFocusRow(id);
  };

  return (
    <div className="am-worksheet" onPaste={actions.pasteRows}>
      <div className="am-print-head">
        <h1 dir="auto">{doc.title}</h1>
        <p>Internal asset map · {new Date().toLocaleDateString()}</p>
      </div>
      <div className="am-sheet-tools">
        <input
          type="search"
          aria-label="Filter rows"
          placeholder="Filter rows"
          value={filter}
          dir="auto"
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="am-muted am-sheet-hint">
          One item per line in a cell. Tab moves between cells; Alt+↑/↓ moves between rows. Paste rows copied from a spreadsheet here.
        </span>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {ASSET_KIND_ORDER.map((kind) => {
        const all = rows.get(kind)!;
        if (!all.length && (kind === 'program' || kind === 'community')) return null;
        const shown = q ? all.filter((r) => rowText(r).includes(q)) : all;
        return (
          <section key={kind} className="am-sheet-section" aria-labelledby={`sheet-${kind}`} data-kind={kind}>
            <h2 id={`sheet-${kind}`}>
              <KindIcon kind={kind} size={16} /> {CATEGORY_PLURALS[kind]}
              <span className="am-muted"> · {all.length}</span>
            </h2>
            <table className="am-sheet">
              <thead>
                <tr>
                  <th scope="col">{CATEGORY_NAMES[kind]}</th>
                  <th scope="col">Strengths</th>
                  <th scope="col">Weaknesses</th>
                  <th scope="col">How can it be improved?</th>
                  <th scope="col" className="am-sheet-actions-col">
                    <span className="am-sr">Row actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r, i) => (
                  <SheetRow
                    key={r.asset.id}
                    row={r}
                    first={i === 0}
                    last={i === shown.length - 1}
                    prevId={shown[i - 1]?.asset.id}
                    nextNextId={shown[i + 2]?.asset.id}
                    autoFocus={focusRow === r.asset.id}
                  />
                ))}
                {!shown.length && (
                  <tr>
                    <td colSpan={5} className="am-muted">
                      {q ? 'No rows match the filter.' : `No ${CATEGORY_PLURALS[kind].toLowerCase()} yet.`}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
            <button type="button" className="am-add-row" onClick={() => addRow(kind)}>
              Add {CATEGORY_NAMES[kind].toLowerCase()}
            </button>
          </section>
        );
      })}
      <p className="am-muted am-sheet-foot">
        Every change here is on the map too. Select an item on the map with{' '}
        <button type="button" className="am-link" onClick={() => session.set({ tab: 'map' })}>
          the Map view
        </button>
        .
      </p>
    </div>
  );
}

const SheetRow = memo(function SheetRow({
  row,
  first,
  last,
  prevId,
  nextNextId,
  autoFocus,
}: {
  row: Row;
  first: boolean;
  last: boolean;
  prevId?: string;
  nextNextId?: string;
  autoFocus: boolean;
}) {
  const { workspace, session } = useServices();
  const store = workspace.store;
  const { asset } = row;
  const name = asset.label || 'this row';
  return (
    <tr data-row={asset.id}>
      <th scope="row" className="am-sheet-name">
        <Cell
          label={`${CATEGORY_NAMES[asset.kind]} name`}
          value={asset.label}
          autoFocus={autoFocus}
          onChange={(v) => store.dispatch('updateNode', { id: asset.id, patch: { label: v.replace(/\n+/g, ' ') } }, { coalesce: `${asset.id}:label` })}
        />
      </th>
      {(['strength', 'weakness', 'improvement'] as const).map((kind) => (
        <td key={kind}>
          <ListCell asset={asset} kind={kind} items={kind === 'strength' ? row.strengths : kind === 'weakness' ? row.weaknesses : row.improvements} />
        </td>
      ))}
      <td className="am-sheet-actions">
        <button type="button" aria-label={`Move ${name} up`} disabled={first} onClick={() => prevId && store.dispatch('reorderNode', { id: asset.id, before: prevId })}>
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move ${name} down`}
          disabled={last}
          onClick={() => store.dispatch('reorderNode', { id: asset.id, before: nextNextId })}
        >
          ↓
        </button>
        <button
          type="button"
          aria-label={`Delete ${name}`}
          className="am-danger"
          onClick={() => {
            store.dispatch('deleteNodes', { ids: [asset.id] });
            session.notify({ tone: 'info', text: `Deleted the row “${asset.label.slice(0, 60)}”.`, action: { label: 'Restore', run: () => store.undo() } });
          }}
        >
          ×
        </button>
      </td>
    </tr>
  );
});

/** A list cell: one item per line. Blank lines are kept while typing but are not items. */
function ListCell({ asset, kind, items }: { asset: AssetNode; kind: ListKind; items: AttachedNode[] }) {
  const { workspace } = useServices();
  const text = items.map((n) => n.label).join('\n');
  const title = kind === 'strength' ? 'Strengths' : kind === 'weakness' ? 'Weaknesses' : 'How can it be improved?';
  return (
    <Cell
      label={`${title} of ${asset.label || 'new row'}`}
      value={text}
      normalise={(v) => v.split('\n').map((l) => l.trim()).filter(Boolean).join('\n')}
      onChange={(v) => {
        const store = workspace.store;
        const labels = v.split('\n').map((l) => l.trim()).filter(Boolean);
        const doc = store.getDoc();
        const extra = Math.max(0, labels.length - items.length);
        const newIds = Array.from({ length: extra }, () => newId(kind.slice(0, 2)));
        const reserved: { x: number; y: number; w: number; h: number }[] = [];
        const newPositions = newIds.map((_, i) => {
          const p = placeNew(doc, { kind, label: labels[items.length + i]!, attachedTo: asset.id }, undefined, reserved);
          reserved.push({ x: p.x, y: p.y, w: 196, h: 40 });
          return p;
        });
        store.dispatch('setAttachmentList', { assetId: asset.id, kind, labels, newIds, newPositions }, { coalesce: `${asset.id}:${kind}` });
      }}
    />
  );
}

/** An auto-growing text cell that writes through on every keystroke (one undo step per cell visit). */
function Cell({
  label,
  value,
  onChange,
  normalise = (v: string) => v,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  normalise?: (v: string) => string;
  autoFocus?: boolean;
}) {
  const { workspace } = useServices();
  const [local, setLocal] = useState(value);
  const ref = useRef<HTMLTextAreaElement>(null);
  // Follow the document unless the local text already says the same (it may hold a blank line being typed).
  useEffect(() => {
    setLocal((l) => (normalise(l) === value ? l : value));
  }, [value, normalise]);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the text's height follows the text
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [local]);
  return (
    <textarea
      ref={ref}
      className="am-cell"
      aria-label={label}
      value={local}
      dir="auto"
      rows={1}
      onChange={(e) => {
        setLocal(e.target.value);
        onChange(e.target.value);
      }}
      onBlur={() => {
        workspace.store.seal();
        setLocal(value);
      }}
      onKeyDown={(e) => {
        if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
          e.preventDefault();
          const cell = e.currentTarget.closest('td, th') as HTMLTableCellElement | null;
          const tr = cell?.parentElement as HTMLTableRowElement | null;
          const target = e.key === 'ArrowDown' ? tr?.nextElementSibling : tr?.previousElementSibling;
          const next = (target as HTMLTableRowElement | null)?.cells[cell?.cellIndex ?? 0]?.querySelector('textarea');
          next?.focus();
        } else if (e.key === 'Escape') {
          e.currentTarget.blur();
        }
      }}
    />
  );
}
