/** Spreadsheet rows read from a file: add them to this map, or make a new map of them. */
import { useEffect, useRef } from 'react';
import { CATEGORY_PLURALS } from '../io/sheets';
import type { AssetKind } from '../model';
import { useReturnFocus } from './useReturnFocus';
import { useServices, useSession } from './context';
import type { Actions } from './actions';

export function ImportDialog({ actions }: { actions: Actions }) {
  const { session, workspace } = useServices();
  const pending = useSession((s) => s.pendingImport);
  const dialog = useRef<HTMLDialogElement>(null);
  useReturnFocus(!!pending);
  useEffect(() => {
    if (pending && !dialog.current?.open) dialog.current?.showModal();
  }, [pending]);
  if (!pending) return null;
  const close = () => session.set({ pendingImport: undefined });
  const counts = new Map<AssetKind, number>();
  for (const r of pending.rows) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const summary = [...counts].map(([k, n]) => `${n} ${CATEGORY_PLURALS[k].toLowerCase()}`).join(', ');
  return (
    <dialog ref={dialog} className="am-dialog am-import" aria-labelledby="import-title" onClose={close} onCancel={close}>
      <div className="am-dialog-head">
        <h2 id="import-title">Import “{pending.name}”</h2>
        <button type="button" className="am-close" aria-label="Close" onClick={close}>
          ×
        </button>
      </div>
      <div className="am-dialog-body">
        <p>
          {pending.rows.length} {pending.rows.length === 1 ? 'row' : 'rows'}: {summary}.
          {pending.relationships?.length
            ? ` And ${pending.relationships.length} ${pending.relationships.length === 1 ? 'relationship' : 'relationships'} (From, To, Tie), joined by name.`
            : ''}
        </p>
        {pending.warnings.length > 0 && (
          <ul className="am-warnings">
            {pending.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        )}
        <p className="am-muted">
          Adding to “{workspace.store.getDoc().title}” keeps one row per name in each category: items it already has are not repeated. One undo takes the import back.
        </p>
      </div>
      <div className="am-dialog-foot">
        <button
          type="button"
          className="am-primary"
          onClick={() => {
            close();
            void actions.importRows(pending.rows, pending.warnings, 'Imported', pending.relationships);
          }}
        >
          Add to this map
        </button>
        <button
          type="button"
          onClick={() => {
            close();
            void actions.importAsNewMap(pending.rows, pending.warnings, pending.name, pending.relationships);
          }}
        >
          Make a new map
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
