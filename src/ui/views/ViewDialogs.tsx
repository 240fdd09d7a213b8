/**
 * Save view… (a name for what the map shows now) and the list of saved views: show one, rename it, export it
 * as an image, delete it. Saving, renaming and deleting are one undo step each.
 */
import { useEffect, useRef, useState } from 'react';
import { type Region, type SavedView, getViews, newId } from '../../model';
import { NameDialog } from '../NameDialog';
import { useReturnFocus } from '../useReturnFocus';
import { useReadOnly, useServices, useStoreState } from '../context';
import { describeView, showView, suggestedViewName, viewOfSession } from './savedViews';

export function SaveViewDialog({ getViewRegion }: { getViewRegion: () => Region | undefined }) {
  const { workspace, session } = useServices();
  return (
    <NameDialog
      title="Save view"
      intro="A view keeps what the map shows now: the kinds and tag shown, the focus, and the part of the map on screen. It travels in the map’s file."
      fieldLabel="View name"
      submitLabel="Save view"
      initialName={() => suggestedViewName(workspace.store.getDoc())}
      onClose={() => session.set({ saveViewOpen: false })}
      onSave={(name) => {
        const region = getViewRegion();
        if (!region || !(region.width > 0 && region.height > 0)) {
          session.notify({ tone: 'error', text: 'The view could not be saved: the map is not on screen. Open the Map tab and try again.' });
          return;
        }
        const ok = workspace.store.dispatch('saveView', { view: viewOfSession(session, newId('view'), name, region) });
        if (ok) session.notify({ tone: 'success', text: `Saved the view “${name}”. Find it under Saved views; Present shows the views one after another.` });
      }}
    />
  );
}

export function ViewsDialog() {
  const { session } = useServices();
  const { doc } = useStoreState();
  const dialog = useRef<HTMLDialogElement>(null);
  const views = getViews(doc);
  useReturnFocus();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const close = () => session.set({ viewsOpen: false });
  return (
    <dialog ref={dialog} className="am-dialog" aria-labelledby="views-title" onClose={close} onCancel={close}>
      <div className="am-dialog-head">
        <h2 id="views-title">Saved views</h2>
        <button type="button" className="am-close" aria-label="Close" onClick={close}>
          ×
        </button>
      </div>
      <div className="am-dialog-body">
        {views.length === 0 ? (
          <p className="am-muted">No saved views yet. Arrange the map as you want to show it (filters, Focus, the part on screen), then Saved views → Save view….</p>
        ) : (
          <ol className="am-views-list">
            {views.map((v, i) => (
              <ViewRow key={v.id} view={v} index={i} onClose={close} />
            ))}
          </ol>
        )}
      </div>
      <div className="am-dialog-foot">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  );
}

function ViewRow({ view, index, onClose }: { view: SavedView; index: number; onClose: () => void }) {
  const { workspace, session } = useServices();
  const { doc } = useStoreState();
  const readOnly = useReadOnly() !== undefined;
  const [name, setName] = useState(view.name);
  useEffect(() => setName(view.name), [view.name]);
  const commit = () => {
    if (name.trim() && name.trim() !== view.name) workspace.store.dispatch('renameView', { id: view.id, name });
    else setName(view.name);
  };
  const quoted = `“${view.name}”`;
  return (
    <li className="am-view-row">
      <input
        className="am-view-name"
        aria-label={`Name of view ${index + 1}`}
        value={name}
        dir="auto"
        maxLength={200}
        readOnly={readOnly}
        onChange={(e) => setName(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape' && name !== view.name) {
            e.preventDefault();
            e.stopPropagation();
            setName(view.name);
          }
        }}
      />
      <span className="am-muted am-view-what">{describeView(view, doc)}</span>
      <span className="am-view-actions">
        <button
          type="button"
          aria-label={`Show ${quoted}`}
          onClick={() => {
            onClose();
            showView(session, view);
          }}
        >
          Show
        </button>
        <button
          type="button"
          aria-label={`Export image… of ${quoted}`}
          onClick={() => session.set({ viewsOpen: false, exportOpen: true, exportArea: `saved:${view.id}` })}
        >
          Export image…
        </button>
        <button
          type="button"
          aria-label={`Delete ${quoted}`}
          disabled={readOnly}
          onClick={() => {
            if (!workspace.store.dispatch('deleteView', { id: view.id })) return;
            session.notify({ tone: 'info', text: `Deleted the view ${quoted}.`, action: { label: 'Undo', run: () => workspace.store.undo() } });
          }}
        >
          Delete
        </button>
      </span>
    </li>
  );
}
