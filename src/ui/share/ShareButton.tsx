/** The toolbar's Share button, its dialog, the sharing status and, on a view link, why nothing can be edited. */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useServices, useStoreState, useWorkspaceState } from '../context';
import { ShareController } from './shareController';

export function ShareButton() {
  const { workspace } = useServices();
  const { ready } = useWorkspaceState();
  const { readOnly } = useStoreState();
  const controller = useMemo(() => new ShareController(workspace.store, () => window.location.href), [workspace]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const [open, setOpen] = useState(false);

  // A shared link opens its map once the workspace has loaded (so that loading does not replace it).
  useEffect(() => {
    if (ready) void controller.openFromPage();
  }, [ready, controller]);
  useEffect(() => () => controller.stop(), [controller]);

  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Share this map with colleagues">
        Share
      </button>
      {state.statusText && (
        <span className={`am-share-status am-share-${state.status}`} role="status" aria-live="polite">
          {state.statusText}
        </span>
      )}
      {readOnly && <span className="am-readonly-reason">{readOnly}</span>}
      {open && <ShareDialog controller={controller} onClose={() => setOpen(false)} />}
    </>
  );
}

function ShareDialog({ controller, onClose }: { controller: ShareController; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="am-dialog am-share" aria-labelledby="share-title" onClose={onClose} onCancel={onClose}>
      <div className="am-dialog-head">
        <h2 id="share-title">Share this map</h2>
        <button type="button" aria-label="Close" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </div>
      <div className="am-dialog-body">
        {state.links ? (
          <>
            <p>Anyone with the edit link can change this map with you; the view link only lets them look.</p>
            <LinkField label="Edit link" value={state.links.edit} />
            <LinkField label="View link" value={state.links.view} />
            <button type="button" onClick={() => controller.stop()}>
              Stop sharing
            </button>
            <p className="am-hint">Stopping keeps the map on this computer as it is now.</p>
          </>
        ) : state.status ? (
          <>
            <p>This map is shared with you.</p>
            <button type="button" onClick={() => controller.stop()}>
              Stop sharing
            </button>
          </>
        ) : (
          <>
            <p>Put this map on the sharing server and get two links: one to edit it together, one to view it.</p>
            <button type="button" className="am-primary" disabled={state.busy} onClick={() => void controller.start()}>
              Start sharing
            </button>
          </>
        )}
        {state.message && (
          <p role="alert" className="am-share-message">
            {state.message}
          </p>
        )}
      </div>
    </dialog>
  );
}

function LinkField({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="am-share-link">
      <label>
        {label} <input type="text" readOnly value={value} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button
        type="button"
        aria-label={`Copy ${label.toLowerCase()}`}
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
