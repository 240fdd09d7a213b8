/** The Share dialog: start or stop sharing, the two links, the name others see. Loaded when first opened. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ShareController } from './shareController';
import { NAME_KEY, readName } from './name';

export function ShareDialog({ controller, onClose }: { controller: ShareController; onClose: () => void }) {
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
            <NameField />
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

function NameField() {
  const [name, setName] = useState(() => readName() ?? '');
  return (
    <label className="am-share-name">
      Your name (others see it){' '}
      <input
        type="text"
        value={name}
        maxLength={60}
        onChange={(e) => {
          setName(e.target.value);
          try {
            localStorage.setItem(NAME_KEY, e.target.value);
          } catch {
            // Private windows may refuse storage: the name then lasts for this page only.
          }
        }}
      />
    </label>
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
