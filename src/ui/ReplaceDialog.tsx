/**
 * A file holds another copy of a map the user already has, and it differs from theirs (an older export, a
 * colleague's copy): open it as a copy — the default — or replace their map with it (undoable, and their map is
 * kept as a saved version). Nothing is replaced without this question.
 */
import { useEffect, useRef } from 'react';
import { useReturnFocus } from './useReturnFocus';
import { useServices, useSession } from './context';
import type { Actions } from './actions';

export function ReplaceDialog({ actions }: { actions: Actions }) {
  const { session, workspace } = useServices();
  const pending = useSession((s) => s.pendingReplace);
  const dialog = useRef<HTMLDialogElement>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  useReturnFocus(!!pending);
  useEffect(() => {
    if (pending && !dialog.current?.open) {
      dialog.current?.showModal();
      copyButton.current?.focus();
    }
  }, [pending]);
  if (!pending) return null;
  const close = () => session.set({ pendingReplace: undefined });
  const mine = workspace.getState().maps.find((m) => m.id === pending.doc.id);
  const title = mine?.title ?? pending.doc.title;
  return (
    <dialog ref={dialog} className="am-dialog am-replace" aria-labelledby="replace-title" aria-describedby="replace-text" onClose={close} onCancel={close}>
      <div className="am-dialog-head">
        <h2 id="replace-title" dir="auto">
          “{pending.name}” holds a copy of your map
        </h2>
        <button type="button" className="am-close" aria-label="Close" onClick={close}>
          ×
        </button>
      </div>
      <div className="am-dialog-body" id="replace-text">
        <p>
          You already have the map <strong dir="auto">“{title}”</strong>
          {mine ? `, last changed ${new Date(mine.updated).toLocaleString()}` : ''}, and the copy in this file is different from it.
        </p>
        <p className="am-muted">
          Open it as a copy to keep both. Replacing puts the file’s version in place of yours: Undo brings yours back, and it is also kept in Maps → Saved versions.
        </p>
      </div>
      <div className="am-dialog-foot">
        <button
          ref={copyButton}
          type="button"
          className="am-primary"
          onClick={() => {
            close();
            void actions.openAsCopy(pending.doc, pending.repairs, pending.name);
          }}
        >
          Open as a copy
        </button>
        <button
          type="button"
          onClick={() => {
            close();
            void actions.replaceWithFile(pending.doc, pending.repairs, pending.name);
          }}
        >
          Replace my map
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
