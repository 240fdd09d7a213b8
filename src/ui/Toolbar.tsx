/** The top bar: map title, maps, add, layout, undo/redo, files and the search box. */
import { useEffect, useRef, useState } from 'react';
import { KIND_STYLES } from '../look';
import { ASSET_KIND_ORDER, type AssetKind, type LayoutDirection } from '../model';
import { useReadOnly, useServices, useStoreState, useWorkspaceState } from './context';
import type { Actions } from './actions';
import { KindIcon } from './map/KindIcon';
import { Menu } from './Menu';
import { ShareButton } from './share/ShareButton';

export function Toolbar({ actions, extraMenu }: { actions: Actions; extraMenu?: React.ReactNode }) {
  const { workspace, session } = useServices();
  const { doc, canUndo, canRedo, undoLabel, redoLabel } = useStoreState();
  const { save } = useWorkspaceState();
  const readOnly = useReadOnly() !== undefined;
  // On a phone the less used controls fold behind "More tools" (styles.css); elsewhere the toggle is not shown.
  const [moreOpen, setMoreOpen] = useState(false);

  return (
    <header className={`am-toolbar${moreOpen ? ' is-more-open' : ''}`}>
      <div className="am-brand" aria-hidden="true">
        <svg width="26" height="26" viewBox="0 0 24 24">
          <circle cx="6" cy="7" r="3" fill="#6d28d9" />
          <circle cx="18" cy="6" r="3" fill="#1d4ed8" />
          <circle cx="12" cy="18" r="3" fill="#0f766e" />
          <path d="M6 7L18 6M6 7l6 11M18 6l-6 12" stroke="#475569" strokeWidth="1.4" fill="none" />
        </svg>
      </div>
      <TitleField title={doc.title} readOnly={readOnly} onCommit={(t) => void workspace.rename(doc.id, t)} />
      <span className={`am-save am-save-${save.state}`} role="status" aria-live="polite">
        {save.state === 'saving' ? 'Saving…' : save.state === 'saved' ? 'All changes saved' : save.state === 'error' ? 'Not saved' : ''}
      </span>
      <button type="button" className="am-more-toggle" aria-expanded={moreOpen} aria-controls="am-more-tools" onClick={() => setMoreOpen((o) => !o)}>
        <span aria-hidden="true">☰</span> More tools
      </button>
      <div className="am-toolbar-group">
        <button type="button" className="am-more" onClick={() => session.set({ mapsOpen: true })}>
          Maps
        </button>
        <Menu label="Add asset" buttonClass="am-primary" disabled={readOnly}>
          {(close) =>
            ASSET_KIND_ORDER.map((kind: AssetKind) => (
              <button
                key={kind}
                type="button"
                role="menuitem"
                onClick={() => {
                  close();
                  actions.addAsset(kind);
                }}
              >
                <KindIcon kind={kind} /> {KIND_STYLES[kind].name}
              </button>
            ))
          }
        </Menu>
        <LayoutControls actions={actions} readOnly={readOnly} direction={doc.layout.direction} spacing={doc.layout.spacing} />
      </div>
      <div className="am-toolbar-group">
        <button type="button" onClick={workspace.store.undo} disabled={!canUndo || readOnly} aria-label="Undo" title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Undo (Ctrl+Z)'}>
          <span aria-hidden="true">↶</span> Undo
        </button>
        <button type="button" onClick={workspace.store.redo} disabled={!canRedo || readOnly} aria-label="Redo" title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Redo (Ctrl+Shift+Z)'}>
          <span aria-hidden="true">↷</span> Redo
        </button>
      </div>
      <div className="am-toolbar-group am-more" id="am-more-tools">
        <button type="button" onClick={actions.saveFile} title="Save the map as an .assetmap.json file">
          Save file
        </button>
        {/* The file input is the control itself (one control, one name), laid invisibly over a button-like label. */}
        <label className="am-file" title="Open a map file, a map image or a spreadsheet">
          <span aria-hidden="true">Open file</span>
          <input
            type="file"
            aria-label="Open file"
            disabled={readOnly}
            accept=".json,.png,.svg,.csv,.tsv,.txt,.xlsx,application/json,image/png,image/svg+xml,text/csv,text/tab-separated-values"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void actions.openFile(file);
            }}
          />
        </label>
        <button type="button" onClick={() => session.set({ exportOpen: true })} title="Export the map as an image, a PDF or a spreadsheet">
          Export
        </button>
        <Menu
          label="Reviews"
          title="Reviews: save the map as it stands under a name, and compare two states of it"
          buttonClass="am-reviews-menu"
          icon={
            <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" className="am-menu-icon">
              <path d="M4 7h13l-3-3M20 17H7l3 3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          }
        >
          {(close) => (
            <>
              <button
                type="button"
                role="menuitem"
                disabled={readOnly}
                onClick={() => {
                  close();
                  session.set({ reviewOpen: true });
                }}
              >
                Save as review…
              </button>
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  close();
                  session.set({ compareOpen: {} });
                }}
              >
                Compare
              </button>
            </>
          )}
        </Menu>
        <ShareButton />
        {extraMenu}
      </div>
    </header>
  );
}

function TitleField({ title, readOnly, onCommit }: { title: string; readOnly: boolean; onCommit: (t: string) => void }) {
  const [value, setValue] = useState(title);
  useEffect(() => setValue(title), [title]);
  return (
    <input
      className="am-title"
      aria-label="Map title"
      value={value}
      dir="auto"
      maxLength={200}
      readOnly={readOnly}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => value !== title && onCommit(value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') {
          setValue(title);
          (e.target as HTMLInputElement).blur();
        }
      }}
    />
  );
}

function LayoutControls({ actions, readOnly, direction, spacing }: { actions: Actions; readOnly: boolean; direction: LayoutDirection; spacing: number }) {
  const [dir, setDir] = useState(direction);
  const [gap, setGap] = useState(spacing);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  useEffect(() => setDir(direction), [direction]);
  useEffect(() => setGap(spacing), [spacing]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  return (
    <span className="am-layout-controls am-more" ref={root}>
      <button
        type="button"
        disabled={busy || readOnly}
        aria-busy={busy}
        title={`Arrange the map ${dir === 'LR' ? 'left to right' : 'top to bottom'}, ${gap} px apart`}
        onClick={async () => {
          setBusy(true);
          try {
            await actions.autoLayout({ direction: dir, spacing: gap });
          } finally {
            setBusy(false);
          }
        }}
      >
        Auto layout
      </button>
      <button type="button" aria-label="Layout options" aria-expanded={open} className="am-icon-button" onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          className="am-popover"
          role="group"
          aria-label="Layout options"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <label>
            Direction{' '}
            <select aria-label="Layout direction" value={dir} onChange={(e) => setDir(e.target.value as LayoutDirection)}>
              <option value="LR">Left to right</option>
              <option value="TB">Top to bottom</option>
            </select>
          </label>
          <label>
            Spacing{' '}
            <input type="range" min={20} max={200} step={10} value={gap} aria-label="Layout spacing" onChange={(e) => setGap(Number(e.target.value))} />
            <output>{gap} px</output>
          </label>
        </div>
      )}
    </span>
  );
}
