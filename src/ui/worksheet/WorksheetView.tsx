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
  getImprovementsOf,
  newId,
  ASSET_KIND_ORDER,
} from '../../model';
import { placeNew } from '../../layout/place';
import { placeAsset } from '../placeAsset';
import { CATEGORY_NAMES, CATEGORY_PLURALS } from '../../io/sheets/categories';
import { useReadOnly, useServices, useStoreState } from '../context';
import type { Actions } from '../actions';
import { KindIcon } from '../map/KindIcon';
import { DOCUMENT_FIELD } from '../fieldUndo';

type ListKind = TraitKind | 'improvement';

interface Row {
  asset: AssetNode;
  /** A row just added and not yet named: on screen only. It becomes an asset when it gets a name. */
  draft?: boolean;
  strengths: AttachedNode[];
  weaknesses: AttachedNode[];
  improvements: AttachedNode[];
}

function getRows(doc: AssetMapDoc): Map<AssetKind, Row[]> {
  const index = getAttachmentIndex(doc);
  const out = new Map<AssetKind, Row[]>(ASSET_KIND_ORDER.map((k) => [k, []]));
  for (const asset of getAssets(doc)) {
    const own = index.get(asset.id) ?? [];
    out.get(asset.kind)!.push({
      asset,
      strengths: own.filter((n) => n.kind === 'strength'),
      weaknesses: own.filter((n) => n.kind === 'weakness'),
      improvements: getImprovementsOf(doc, asset.id),
    });
  }
  return out;
}

const draftRow = (id: string, kind: AssetKind): Row => ({
  asset: { id, kind, label: '', x: 0, y: 0, order: Number.MAX_SAFE_INTEGER } as AssetNode,
  draft: true,
  strengths: [],
  weaknesses: [],
  improvements: [],
});

const rowText = (r: Row) =>
  [r.asset.label, ...r.strengths.map((n) => n.label), ...r.weaknesses.map((n) => n.label), ...r.improvements.map((n) => n.label)]
    .join('\n')
    .toLocaleLowerCase();

export function WorksheetView({ actions }: { actions: Actions }) {
  const { session } = useServices();
  const { doc } = useStoreState();
  const readOnly = useReadOnly() !== undefined;
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => getRows(doc), [doc]);
  const q = filter.trim().toLocaleLowerCase();
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ id: string; kind: AssetKind } | null>(null);

  // Blank rows are never assets: an added row stays on screen only until it is named (see SheetRow).
  const addRow = (kind: AssetKind) => {
    const id = newId(kind.slice(0, 2));
    setFilter('');
    setDraft({ id, kind });
    setFocusRow(id);
  };
  const dropDraft = (id: string) => setDraft((d) => (d?.id === id ? null : d));

  return (
    <div
      className="am-worksheet"
      onPaste={(e) => {
        actions.pasteRows(e);
        // Cells pasted into the row just added arrive as rows of their own; the blank row is not wanted.
        if (e.defaultPrevented) setDraft(null);
      }}
    >
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
        const found = q ? all.filter((r) => rowText(r).includes(q)) : all;
        const shown = draft?.kind === kind && !all.some((r) => r.asset.id === draft.id) ? [...found, draftRow(draft.id, kind)] : found;
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
                    onLeaveDraft={dropDraft}
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
            <button type="button" className="am-add-row" disabled={readOnly} onClick={() => addRow(kind)}>
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
  onLeaveDraft,
}: {
  row: Row;
  first: boolean;
  last: boolean;
  prevId?: string;
  nextNextId?: string;
  autoFocus: boolean;
  onLeaveDraft: (id: string) => void;
}) {
  const { workspace, session } = useServices();
  const readOnly = useReadOnly() !== undefined;
  const store = workspace.store;
  const { asset } = row;
  const name = asset.label || 'this row';
  const rename = (v: string) => {
    const label = v.replace(/\n+/g, ' ');
    const coalesce = `${asset.id}:label`;
    if (store.getDoc().nodes[asset.id]) {
      store.dispatch('updateNode', { id: asset.id, patch: { label } }, { coalesce });
    } else if (row.draft && label.trim()) {
      // The first letters of a new row's name add the asset; the rest of the typing joins the same undo step.
      placeAsset(store, { id: asset.id, kind: asset.kind, label }, { coalesce });
      onLeaveDraft(asset.id);
    }
  };
  return (
    <tr data-row={asset.id}>
      <th scope="row" className="am-sheet-name">
        <Cell
          label={`${CATEGORY_NAMES[asset.kind]} name`}
          value={asset.label}
          autoFocus={autoFocus}
          placeholder={row.draft ? 'Type a name, or paste rows' : undefined}
          onChange={rename}
          onLeave={() => {
            if (row.draft) onLeaveDraft(asset.id);
            else dropIfBlank(store, asset.id);
          }}
        />
      </th>
      {(['strength', 'weakness', 'improvement'] as const).map((kind) => (
        <td key={kind} data-label={COLUMN_TITLES[kind]}>
          {row.draft ? (
            <span className="am-muted am-sheet-draft">Name it first</span>
          ) : (
            <ListCell asset={asset} kind={kind} items={kind === 'strength' ? row.strengths : kind === 'weakness' ? row.weaknesses : row.improvements} />
          )}
        </td>
      ))}
      <td className="am-sheet-actions">
        {!row.draft && (
          <>
            <button type="button" aria-label={`Move ${name} up`} disabled={first || readOnly} onClick={() => prevId && store.dispatch('reorderNode', { id: asset.id, before: prevId })}>
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${name} down`}
              disabled={last || readOnly}
              onClick={() => store.dispatch('reorderNode', { id: asset.id, before: nextNextId })}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={`Delete ${name}`}
              className="am-danger"
              disabled={readOnly}
              onClick={() => {
                store.dispatch('deleteNodes', { ids: [asset.id] });
                session.notify({ tone: 'info', text: `Deleted the row “${asset.label.slice(0, 60)}”.`, action: { label: 'Restore', run: () => store.undo() } });
              }}
            >
              ×
            </button>
          </>
        )}
      </td>
    </tr>
  );
});

/**
 * A row left with no name, nothing in its cells and no connection is removed (its own undo step): blank rows are
 * never assets, on the map, in exports or in counts.
 */
function dropIfBlank(store: ReturnType<typeof useServices>['workspace']['store'], id: string) {
  const doc = store.getDoc();
  const asset = doc.nodes[id];
  if (!asset || asset.label.trim()) return;
  if (getAttachmentIndex(doc).get(id)?.length) return;
  if (Object.values(doc.edges).some((e) => e.source === id || e.target === id)) return;
  store.dispatch('deleteNodes', { ids: [id] });
}

/** Column headings, also shown above each cell where the table is one card per row (phones). */
const COLUMN_TITLES: Record<ListKind, string> = { strength: 'Strengths', weakness: 'Weaknesses', improvement: 'How can it be improved?' };

/** A list cell: one item per line. Blank lines are kept while typing but are not items. */
function ListCell({ asset, kind, items }: { asset: AssetNode; kind: ListKind; items: AttachedNode[] }) {
  const { workspace } = useServices();
  const text = items.map((n) => n.label).join('\n');
  const title = COLUMN_TITLES[kind];
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
  onLeave,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  normalise?: (v: string) => string;
  autoFocus?: boolean;
  /** After focus has left and the edit is sealed. */
  onLeave?: () => void;
  placeholder?: string;
}) {
  const { workspace } = useServices();
  const readOnly = useReadOnly() !== undefined;
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
    <>
    <textarea
      ref={ref}
      className="am-cell"
      aria-label={label}
      value={local}
      placeholder={placeholder}
      readOnly={readOnly}
      {...DOCUMENT_FIELD}
      dir="auto"
      rows={1}
      onChange={(e) => {
        setLocal(e.target.value);
        onChange(e.target.value);
      }}
      onBlur={() => {
        workspace.store.seal();
        setLocal(value);
        onLeave?.();
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
    {/* A text box prints only its first lines: on paper the cell is this, the whole text. */}
    <div className="am-cell-print" aria-hidden="true" dir="auto">
      {local}
    </div>
    </>
  );
}
